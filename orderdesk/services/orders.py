"""Writing orders: create, edit, move statuses, cancel and restore, notes, attachments.

Each function is one transaction; audit rows and outbox rows come from the tracking
hook, so what is written here is only the business change itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from orderdesk import statuses
from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, ValidationFailed
from orderdesk.models import (
    Attachment,
    Blob,
    Customer,
    Note,
    NumberSequence,
    Order,
    OrderChannelRef,
    OrderLine,
    Product,
    StatusEvent,
    utcnow,
)
from orderdesk.normalize import sku_norm

EDITABLE_FIELDS = {
    "customer_id", "customer_po", "requested_date", "promised_date", "rush", "rush_reason",
    "contact_name", "contact_phone", "delivery_address", "payment_terms",
}
LINE_FIELDS = {"quantity", "unit_price", "due_date", "unit"}


@dataclass(frozen=True)
class LineDraft:
    sku: str
    quantity: Decimal | int | float | str
    unit_price: Decimal | int | float | str | None = None
    due_date: dt.date | None = None
    unit: str | None = None


@dataclass(frozen=True)
class OrderDraft:
    channel: str
    lines: tuple[LineDraft, ...] | list[LineDraft]
    customer_id: str | None = None
    customer_code: str | None = None
    channel_order_no: str | None = None
    customer_po: str | None = None
    order_time: dt.datetime | None = None
    requested_date: dt.date | None = None
    promised_date: dt.date | None = None
    rush: bool = False
    rush_reason: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    delivery_address: str | None = None
    payment_terms: str | None = None
    status_sales: str = "draft"
    note: str | None = None


@dataclass(frozen=True)
class OrderRef:
    id: str
    order_no: str
    changes: Changes = field(default_factory=lambda: Changes(orders=True))


def to_decimal(value: object, *, field_name: str) -> Decimal:
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValidationFailed(field=field_name, value=value, reason="not_a_number") from exc
    if not number.is_finite():
        raise ValidationFailed(field=field_name, value=value, reason="not_a_number")
    return number


def next_order_no(session: Session, when: dt.datetime | None = None) -> str:
    """SO-<year>-<6 digits> from a local counter, taken inside the write transaction."""
    year = (when or utcnow()).year
    name = f"SO-{year}"
    seq = session.get(NumberSequence, name)
    if seq is None:
        seq = NumberSequence(name=name, next_value=1)
        session.add(seq)
        session.flush()
    value = seq.next_value
    session.execute(update(NumberSequence).where(NumberSequence.name == name)
                    .values(next_value=value + 1))
    session.expire(seq)
    prefix = session.info.get("order_no_prefix", "")
    return f"SO-{year}-{prefix}{value:06d}"


def _resolve_customer(session: Session, draft: OrderDraft) -> str | None:
    if draft.customer_id:
        if session.get(Customer, draft.customer_id) is None:
            raise ValidationFailed(field="customer", value=draft.customer_id, reason="unknown")
        return draft.customer_id
    if draft.customer_code:
        cid = session.scalar(select(Customer.id).where(Customer.code == draft.customer_code))
        if cid is None:
            raise ValidationFailed(field="customer", value=draft.customer_code, reason="unknown")
        return cid
    return None


def products_by_sku(session: Session, skus: list[str]) -> dict[str, Product]:
    """Products keyed by normalised SKU, for SKUs written any way."""
    norms = {sku_norm(s) for s in skus}
    rows = session.scalars(select(Product).where(Product.sku_norm.in_(norms)))
    return {p.sku_norm: p for p in rows}


def add_order(session: Session, draft: OrderDraft) -> Order:
    """Insert an order in an open write session (used by imports to batch many)."""
    if not draft.lines:
        raise ValidationFailed(field="lines", reason="empty")
    if not statuses.is_valid("sales", draft.status_sales):
        raise ValidationFailed(field="status_sales", value=draft.status_sales)
    customer_id = _resolve_customer(session, draft)
    products = products_by_sku(session, [line.sku for line in draft.lines])
    actor = session.info.get("actor")
    order_time = draft.order_time or utcnow()
    order = Order(
        order_no=next_order_no(session, order_time), channel=draft.channel,
        customer_id=customer_id, customer_po=draft.customer_po, order_time=order_time,
        requested_date=draft.requested_date, promised_date=draft.promised_date,
        rush=draft.rush, rush_reason=draft.rush_reason, contact_name=draft.contact_name,
        contact_phone=draft.contact_phone, delivery_address=draft.delivery_address,
        payment_terms=draft.payment_terms, status_sales=draft.status_sales,
        status_production=statuses.INITIAL["production"],
        status_warehouse=statuses.INITIAL["warehouse"],
        created_by=actor.user if actor else None, station=actor.station if actor else None,
    )
    session.add(order)
    session.flush()
    for no, line in enumerate(draft.lines, start=1):
        product = products.get(sku_norm(line.sku))
        if product is None:
            raise ValidationFailed(field="sku", value=line.sku, reason="unknown", line=no)
        quantity = to_decimal(line.quantity, field_name="quantity")
        if quantity <= 0:
            raise ValidationFailed(field="quantity", value=line.quantity, reason="not_positive",
                                   line=no)
        price = (to_decimal(line.unit_price, field_name="unit_price")
                 if line.unit_price not in (None, "") else None)
        session.add(OrderLine(order_id=order.id, line_no=no, product_id=product.id,
                              quantity=quantity, unit=line.unit or product.unit,
                              unit_price=price, due_date=line.due_date or draft.requested_date))
    if draft.channel_order_no:
        _map_channel(session, order.id, draft.channel, draft.channel_order_no)
    if draft.note:
        session.add(Note(order_id=order.id, body=draft.note,
                         author=actor.user if actor else None))
    session.add(StatusEvent(order_id=order.id, department="sales", old_status=None,
                            new_status=draft.status_sales,
                            user=actor.user if actor else None,
                            station=actor.station if actor else None))
    session.flush()
    return order


def create_order(desk: Desk, draft: OrderDraft) -> OrderRef:
    """Create an order with its lines; the channel number maps to it. One transaction."""
    desk.require("order.write")
    with desk.write() as s:
        order = add_order(s, draft)
        return OrderRef(id=order.id, order_no=order.order_no)


def _get_order(session: Session, order_id: str) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound(entity="order", key=order_id)
    return order


def update_order(desk: Desk, order_id: str, **values: object) -> Changes:
    """Change header fields of an order; every changed field gets its audit row."""
    desk.require("order.write")
    unknown = set(values) - EDITABLE_FIELDS
    if unknown:
        raise ValidationFailed(field=sorted(unknown)[0], reason="not_editable")
    with desk.write() as s:
        order = _get_order(s, order_id)
        for key, value in values.items():
            setattr(order, key, value)
    return Changes(orders=True)


def update_line(desk: Desk, line_id: str, **values: object) -> Changes:
    desk.require("order.write")
    unknown = set(values) - LINE_FIELDS
    if unknown:
        raise ValidationFailed(field=sorted(unknown)[0], reason="not_editable")
    with desk.write() as s:
        line = s.get(OrderLine, line_id)
        if line is None:
            raise NotFound(entity="order_line", key=line_id)
        for key, value in values.items():
            if key in ("quantity", "unit_price") and value is not None:
                value = to_decimal(value, field_name=key)
                if key == "quantity" and value <= 0:
                    raise ValidationFailed(field=key, value=value, reason="not_positive")
            setattr(line, key, value)
    return Changes(orders=True)


def set_status(desk: Desk, order_id: str, department: str, status: str,
               note: str | None = None) -> Changes:
    """Move one department's status; the event timeline and the audit both record it."""
    if department not in statuses.FLOW:
        raise ValidationFailed(field="department", value=department)
    if not statuses.is_valid(department, status):
        raise ValidationFailed(field=f"status_{department}", value=status)
    desk.require("order.write" if department == "sales" else f"order.status.{department}")
    with desk.write() as s:
        order = _get_order(s, order_id)
        column = f"status_{department}"
        old = getattr(order, column)
        if old == status:
            return Changes()
        setattr(order, column, status)
        actor = s.info["actor"]
        s.add(StatusEvent(order_id=order.id, department=department, old_status=old,
                          new_status=status, user=actor.user, station=actor.station, note=note))
    return Changes(orders=True)


def cancel_order(desk: Desk, order_id: str, reason: str) -> Changes:
    """Cancel without deleting: the order stays, flagged, and can be restored."""
    desk.require("order.write")
    if not reason.strip():
        raise ValidationFailed(field="reason", reason="required")
    with desk.write() as s:
        order = _get_order(s, order_id)
        order.cancelled = True
        order.cancel_reason = reason.strip()
    return Changes(orders=True, stock=True)


def restore_order(desk: Desk, order_id: str) -> Changes:
    desk.require("order.write")
    with desk.write() as s:
        order = _get_order(s, order_id)
        order.cancelled = False
        order.cancel_reason = None
    return Changes(orders=True, stock=True)


def add_note(desk: Desk, order_id: str, body: str, kind: str = "note") -> Changes:
    desk.require("order.annotate" if kind == "engineering" else "order.read")
    if not body.strip():
        raise ValidationFailed(field="body", reason="required")
    with desk.write() as s:
        _get_order(s, order_id)
        s.add(Note(order_id=order_id, body=body.strip(), kind=kind,
                   author=s.info["actor"].user))
    return Changes(orders=True)


def store_blob(session: Session, data: bytes) -> str:
    """Keep file content once, by its hash; return the hash."""
    digest = hashlib.sha256(data).hexdigest()
    if session.get(Blob, digest) is None:
        session.add(Blob(sha256=digest, size=len(data), data=data))
        session.flush()
    return digest


def add_attachment(desk: Desk, order_id: str, filename: str, data: bytes,
                   kind: str = "file", mime: str | None = None) -> str:
    """Attach a file to an order; identical content is stored only once."""
    desk.require("order.read")
    with desk.write() as s:
        _get_order(s, order_id)
        digest = store_blob(s, data)
        att = Attachment(order_id=order_id, sha256=digest, filename=filename, kind=kind,
                         mime=mime or mimetypes.guess_type(filename)[0],
                         added_by=s.info["actor"].user)
        s.add(att)
        s.flush()
        return att.id


def attachment_content(desk: Desk, attachment_id: str) -> tuple[str, bytes]:
    with desk.read() as s:
        att = s.get(Attachment, attachment_id)
        if att is None:
            raise NotFound(entity="attachment", key=attachment_id)
        return att.filename, s.get(Blob, att.sha256).data


def _map_channel(session: Session, order_id: str, channel: str, channel_order_no: str) -> None:
    existing = session.scalars(select(OrderChannelRef).where(
        OrderChannelRef.channel == channel,
        OrderChannelRef.channel_order_no == channel_order_no)).one_or_none()
    if existing is not None:
        if existing.order_id != order_id:
            raise ValidationFailed(field="channel_order_no", value=channel_order_no,
                                   reason="mapped_elsewhere", order_id=existing.order_id)
        existing.active = True
        return
    session.add(OrderChannelRef(order_id=order_id, channel=channel,
                                channel_order_no=channel_order_no))


def map_channel_order(desk: Desk, order_id: str, channel: str, channel_order_no: str) -> Changes:
    """Record that a channel's number refers to this order."""
    desk.require("order.write")
    with desk.write() as s:
        _get_order(s, order_id)
        _map_channel(s, order_id, channel, channel_order_no)
    return Changes(orders=True)
