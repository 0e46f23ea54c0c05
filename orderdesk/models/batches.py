"""Production batches, their bindings to order lines, and the log of every warehouse scan.

A Batch is one labelled unit of finished goods (a carton, a pallet, a production lot)
with its quantity. A BatchBinding says "this batch, this quantity, went to this order
line". Bindings are one row each and are never updated as a shared counter, so two
stations binding offline produce two rows the sync server can compare field by field;
an unbinding sets active=False with who/when/why and keeps the row.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderdesk.models.base import Base, IdMixin, utcnow


class Batch(IdMixin, Base):
    __tablename__ = "batches"
    __table_args__ = (Index("ix_batches_gtin_lot", "gtin", "lot"),)

    # orderdesk's own batch code, printed on its labels as ODB:<code>.
    code: Mapped[str] = mapped_column(String(60), unique=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    gtin: Mapped[str | None] = mapped_column(String(14))
    lot: Mapped[str | None] = mapped_column(String(20))
    serial: Mapped[str | None] = mapped_column(String(20))
    quantity: Mapped[Decimal]
    production_date: Mapped[dt.date | None] = mapped_column(Date)
    expiry_date: Mapped[dt.date | None] = mapped_column(Date)
    # Where the row came from: "production", "label" (first seen on a scanned GS1 label),
    # "demo", "import".
    source: Mapped[str] = mapped_column(String(20), default="production")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class BatchBinding(IdMixin, Base):
    __tablename__ = "batch_bindings"
    __table_args__ = (Index("ix_batch_bindings_batch_active", "batch_id", "active"),)

    batch_id: Mapped[str] = mapped_column(ForeignKey("batches.id"))
    order_line_id: Mapped[str] = mapped_column(ForeignKey("order_lines.id"), index=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    quantity: Mapped[Decimal]
    bound_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    bound_by: Mapped[str | None] = mapped_column(String(60))
    station: Mapped[str | None] = mapped_column(String(60))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    unbound_at: Mapped[dt.datetime | None] = mapped_column()
    unbound_by: Mapped[str | None] = mapped_column(String(60))
    unbind_reason: Mapped[str | None] = mapped_column(String(400))


class ScanEvent(IdMixin, Base):
    """Every scan a warehouse station received, accepted or refused, exactly as it came."""

    __tablename__ = "scan_events"
    __table_args__ = (Index("ix_scan_events_order_at", "order_id", "at"),)

    # The raw code with control characters made visible (<GS>, <CR>, <LF>, <TAB>, <0xNN>).
    raw: Mapped[str] = mapped_column(Text)
    # What the code was read as: "gs1", "batch_code", "order_code", "unknown".
    kind: Mapped[str] = mapped_column(String(20))
    # The parsed fields as JSON text (GTIN, lot, dates, count, batch code...).
    parsed: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(20))  # accepted / refused / undone
    reason: Mapped[str | None] = mapped_column(String(40))
    order_id: Mapped[str | None] = mapped_column(ForeignKey("orders.id"))
    order_line_id: Mapped[str | None] = mapped_column(String(36))
    batch_id: Mapped[str | None] = mapped_column(String(36))
    binding_id: Mapped[str | None] = mapped_column(String(36))
    station: Mapped[str | None] = mapped_column(String(60))
    user: Mapped[str | None] = mapped_column(String(60))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
