"""Orders, their lines, channel numbers, status events, notes and attachments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from orderdesk.models.base import Base, IdMixin, StampMixin, utcnow


#: Production statuses of the orders PMC's kit check nets (orderdesk.pmc.service).
KIT_OPEN_PRODUCTION = ("awaiting_schedule",)
# The partial index's condition, word for word what the kit check's queries say: SQLite
# uses a partial index only for a query whose WHERE contains this very term, with the
# statuses written in (a bound parameter, or `=` for the IN, does not match).
KIT_OPEN_WHERE = "status_production IN ({})".format(
    ", ".join(f"'{s}'" for s in KIT_OPEN_PRODUCTION))


class Order(IdMixin, StampMixin, Base):
    """One real order, whatever channel it came from: the single id every department uses."""

    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_customer_time", "customer_id", "order_time"),
        Index("ix_orders_order_time", "order_time"),
        # The kit check reads every open order of a year twice (heads, then lines). A
        # year is mostly finished orders: this index holds only the open ones (16,000 of
        # 126,000) with every column the check reads, so it never reads the table's
        # 40 MB. Partial, so no other query's plan changes.
        Index("ix_orders_kit_open", "status_production", "cancelled", "merged_into_id",
              "id", "order_no", "rush", "order_time", "requested_date", "customer_id",
              sqlite_where=text(KIT_OPEN_WHERE), postgresql_where=text(KIT_OPEN_WHERE)),
    )

    order_no: Mapped[str] = mapped_column(String(40), unique=True)
    # Channel the order first arrived through; further channel numbers live in OrderChannelRef.
    channel: Mapped[str] = mapped_column(String(40), index=True)
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"))
    customer_po: Mapped[str | None] = mapped_column(String(60), index=True)
    order_time: Mapped[dt.datetime] = mapped_column(default=utcnow)
    requested_date: Mapped[dt.date | None] = mapped_column(Date)
    promised_date: Mapped[dt.date | None] = mapped_column(Date)
    rush: Mapped[bool] = mapped_column(Boolean, default=False)
    rush_reason: Mapped[str | None] = mapped_column(String(400))
    status_sales: Mapped[str] = mapped_column(String(30), default="draft", index=True)
    status_production: Mapped[str] = mapped_column(String(30), default="awaiting_schedule")
    status_warehouse: Mapped[str] = mapped_column(String(30), default="awaiting_stock")
    contact_name: Mapped[str | None] = mapped_column(String(100))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    delivery_address: Mapped[str | None] = mapped_column(String(400))
    payment_terms: Mapped[str | None] = mapped_column(String(100))
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    cancel_reason: Mapped[str | None] = mapped_column(String(400))
    # Set when a duplicate was folded into another order; the row stays for undo and trail.
    merged_into_id: Mapped[str | None] = mapped_column(ForeignKey("orders.id"))
    created_by: Mapped[str | None] = mapped_column(String(60))
    station: Mapped[str | None] = mapped_column(String(60))

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", order_by="OrderLine.line_no"
    )
    channel_refs: Mapped[list[OrderChannelRef]] = relationship(back_populates="order")


class OrderChannelRef(IdMixin, Base):
    """A channel's own number for an order; several may map to one order."""

    __tablename__ = "order_channel_refs"
    __table_args__ = (UniqueConstraint("channel", "channel_order_no"),)

    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    channel: Mapped[str] = mapped_column(String(40))
    channel_order_no: Mapped[str] = mapped_column(String(80), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    order: Mapped[Order] = relationship(back_populates="channel_refs")


class OrderLine(IdMixin, Base):
    __tablename__ = "order_lines"

    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    quantity: Mapped[Decimal]
    unit: Mapped[str] = mapped_column(String(20), default="pcs")
    unit_price: Mapped[Decimal | None]
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    order: Mapped[Order] = relationship(back_populates="lines")


class StatusEvent(IdMixin, Base):
    """A department's status moved: the timeline behind the three status columns."""

    __tablename__ = "status_events"

    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    department: Mapped[str] = mapped_column(String(20))
    old_status: Mapped[str | None] = mapped_column(String(30))
    new_status: Mapped[str] = mapped_column(String(30))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user: Mapped[str | None] = mapped_column(String(60))
    station: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(String(400))


class Note(IdMixin, Base):
    """Free text on an order: a sales remark, an engineering change, a chat message kept."""

    __tablename__ = "notes"

    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="note")
    body: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(60))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Blob(Base):
    """File content stored once by its SHA-256, however many orders refer to it."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Attachment(IdMixin, Base):
    """An order's reference to a stored file, with the name it was given."""

    __tablename__ = "attachments"

    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    filename: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), default="file")
    added_by: Mapped[str | None] = mapped_column(String(60))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class NumberSequence(Base):
    """Local counters for human numbers (SO-2026-000123)."""

    __tablename__ = "number_sequences"
    __tracked__ = False

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    next_value: Mapped[int] = mapped_column(Integer, default=1)
