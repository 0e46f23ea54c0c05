"""Shipments, invoice split rules, invoices (with red-letter credits) and the EDI outbox.

Money is stored as Numeric(18, 4) like every quantity, but always holds cents: amounts
and taxes are rounded half-up to 0.01 by orderdesk.finance.money before they are stored.
Nothing here is deleted: a cancelled shipment or invoice keeps its row (status
"cancelled"), and an invoice's cancellation adds a credit row (kind "credit", negative
amounts, `credit_of_id` pointing at the original).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderdesk.models.base import Base, IdMixin, StampMixin, utcnow


class Shipment(IdMixin, StampMixin, Base):
    """One despatch (发货单): bound goods of one or more orders of one customer."""

    __tablename__ = "shipments"
    __table_args__ = (Index("ix_shipments_created_at", "created_at"),
                      Index("ix_shipments_customer_created", "customer_id", "created_at"))

    shipment_no: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    ship_to: Mapped[str | None] = mapped_column(String(400))
    carrier: Mapped[str | None] = mapped_column(String(100))
    tracking_no: Mapped[str | None] = mapped_column(String(100))
    ship_date: Mapped[dt.date] = mapped_column(Date)
    packages: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="shipped")  # shipped / cancelled
    shipped_by: Mapped[str | None] = mapped_column(String(60))
    station: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(String(400))


class ShipmentLine(IdMixin, Base):
    """What left on one order line; prices and references are copied at shipping time so a
    later edit of the order cannot change what was shipped and invoiced."""

    __tablename__ = "shipment_lines"

    shipment_id: Mapped[str] = mapped_column(ForeignKey("shipments.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    order_line_id: Mapped[str] = mapped_column(ForeignKey("order_lines.id"), index=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"))
    quantity: Mapped[Decimal]
    unit: Mapped[str] = mapped_column(String(20), default="pcs")
    # Net (tax-exclusive) unit price, as on the order line; None when the order line has no
    # price yet (shipping goes on; the invoice split refuses the line until it is priced).
    unit_price: Mapped[Decimal | None]
    customer_po: Mapped[str | None] = mapped_column(String(60))
    # The order's delivery address: the plant this line goes to (per-ship-to split).
    ship_to: Mapped[str | None] = mapped_column(String(400))
    batches: Mapped[str | None] = mapped_column(Text)  # bound batch codes, comma separated


class InvoiceRule(IdMixin, StampMixin, Base):
    """How one customer wants its invoices cut, set by finance in a dialog."""

    __tablename__ = "invoice_rules"

    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), unique=True)
    per_po: Mapped[bool] = mapped_column(Boolean, default=False)
    per_ship_to: Mapped[bool] = mapped_column(Boolean, default=False)
    per_product_line: Mapped[bool] = mapped_column(Boolean, default=False)
    per_tax_rate: Mapped[bool] = mapped_column(Boolean, default=False)
    # Cap per invoice (the buyer's AP limit), None = no cap; on 价税合计 unless
    # cap_includes_tax is False.
    amount_cap: Mapped[Decimal | None]
    cap_includes_tax: Mapped[bool] = mapped_column(Boolean, default=True)
    max_lines: Mapped[int | None] = mapped_column(Integer)
    allow_line_split: Mapped[bool] = mapped_column(Boolean, default=False)
    # The customer bills itself (the OEM issues the credit note): no outbound invoice.
    self_billing: Mapped[bool] = mapped_column(Boolean, default=False)
    buyer_name: Mapped[str | None] = mapped_column(String(200))  # 购买方名称 (invoice title)
    tax_id: Mapped[str | None] = mapped_column(String(30))  # 纳税人识别号
    updated_by: Mapped[str | None] = mapped_column(String(60))


class ProductTax(IdMixin, Base):
    """A product's VAT rate and tax classification; products without one are 13% goods."""

    __tablename__ = "product_tax"

    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), unique=True)
    rate: Mapped[Decimal]
    tax_code: Mapped[str | None] = mapped_column(String(30))  # 税收分类编码
    item_name: Mapped[str | None] = mapped_column(String(200))  # 项目名称 on the invoice


class Invoice(IdMixin, StampMixin, Base):
    __tablename__ = "invoices"
    __table_args__ = (Index("ix_invoices_shipment_seq", "shipment_id", "seq"),
                      Index("ix_invoices_issued_at", "issued_at"))

    invoice_no: Mapped[str] = mapped_column(String(40), unique=True)
    shipment_id: Mapped[str] = mapped_column(ForeignKey("shipments.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="invoice")  # invoice / credit
    status: Mapped[str] = mapped_column(String(20), default="issued")  # issued / cancelled
    # Position in the shipment's split (1..n); a credit has the seq of what it reverses.
    seq: Mapped[int] = mapped_column(Integer)
    split_by: Mapped[str] = mapped_column(String(200), default="")
    split_key: Mapped[str | None] = mapped_column(Text)  # JSON of the group's key values
    net: Mapped[Decimal]
    tax: Mapped[Decimal]
    gross: Mapped[Decimal]
    buyer_name: Mapped[str | None] = mapped_column(String(200))
    tax_id: Mapped[str | None] = mapped_column(String(30))
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    issued_by: Mapped[str | None] = mapped_column(String(60))
    credit_of_id: Mapped[str | None] = mapped_column(ForeignKey("invoices.id"))
    cancel_reason: Mapped[str | None] = mapped_column(String(400))
    cancelled_at: Mapped[dt.datetime | None] = mapped_column()
    cancelled_by: Mapped[str | None] = mapped_column(String(60))


class InvoiceLine(IdMixin, Base):
    __tablename__ = "invoice_lines"

    invoice_id: Mapped[str] = mapped_column(ForeignKey("invoices.id"), index=True)
    shipment_line_id: Mapped[str] = mapped_column(ForeignKey("shipment_lines.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(60))
    item_name: Mapped[str] = mapped_column(String(200))
    spec: Mapped[str | None] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[Decimal]
    unit_price: Mapped[Decimal]
    amount: Mapped[Decimal]
    tax_rate: Mapped[Decimal]
    tax: Mapped[Decimal]
    customer_po: Mapped[str | None] = mapped_column(String(60))
    order_no: Mapped[str | None] = mapped_column(String(40))
    product_line: Mapped[str | None] = mapped_column(String(60))


class EdiPartner(IdMixin, StampMixin, Base):
    """Where and how one customer's EDI messages go."""

    __tablename__ = "edi_partners"

    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), unique=True)
    profile: Mapped[str] = mapped_column(String(40))
    # https://... (POST) or file:///mnt/share/... / a plain folder path (drop folder).
    url: Mapped[str] = mapped_column(String(400))
    sender_id: Mapped[str] = mapped_column(String(35))
    sender_qualifier: Mapped[str | None] = mapped_column(String(4))
    recipient_id: Mapped[str] = mapped_column(String(35))
    recipient_qualifier: Mapped[str | None] = mapped_column(String(4))
    syntax: Mapped[str] = mapped_column(String(4), default="UNOC")
    association: Mapped[str | None] = mapped_column(String(10))
    test_indicator: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class EdiMessage(IdMixin, StampMixin, Base):
    """One interchange waiting for, or past, delivery. The bytes are fixed when queued, so
    every retry sends the same interchange under the same control reference, which is
    the idempotency key the partner (or the drop folder's file name) de-duplicates on."""

    __tablename__ = "edi_messages"
    __table_args__ = (Index("ix_edi_messages_state_next", "state", "next_attempt_at"),)

    control_ref: Mapped[str] = mapped_column(String(14), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # DESADV / INVOIC
    document_no: Mapped[str] = mapped_column(String(40), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    partner_id: Mapped[str] = mapped_column(ForeignKey("edi_partners.id"))
    profile: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    # pending / sending / sent / acknowledged / error / cancelled
    state: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column()
    claimed_at: Mapped[dt.datetime | None] = mapped_column()
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[dt.datetime | None] = mapped_column()
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column()
