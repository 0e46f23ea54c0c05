"""Reading orders for the board: lists with filters, one-box search, order detail."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from orderdesk import audit_store
from orderdesk.desk import Desk
from orderdesk.errors import NotFound
from orderdesk.models import (
    Attachment,
    AuditLog,
    Customer,
    Note,
    Order,
    OrderChannelRef,
    OrderLine,
    Product,
    StatusEvent,
)


@dataclass(frozen=True)
class OrderFilter:
    text: str = ""
    department: str | None = None
    status: str | None = None
    customer: str = ""
    channel: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    rush_only: bool = False
    include_cancelled: bool = False
    include_merged: bool = False


@dataclass(frozen=True)
class OrderSummary:
    id: str
    order_no: str
    channel: str
    channel_order_no: str | None
    customer_code: str | None
    customer_name: str | None
    customer_tier: str | None
    customer_po: str | None
    order_time: dt.datetime
    requested_date: dt.date | None
    rush: bool
    status_sales: str
    status_production: str
    status_warehouse: str
    line_count: int
    total_quantity: Decimal
    first_sku: str | None
    cancelled: bool
    merged_into_id: str | None


@dataclass(frozen=True)
class LineRow:
    id: str
    line_no: int
    sku: str
    product_name: str
    spec: str | None
    quantity: Decimal
    unit: str
    unit_price: Decimal | None
    due_date: dt.date | None
    cancelled: bool


@dataclass(frozen=True)
class TrailEntry:
    at: dt.datetime
    user: str | None
    station: str | None
    action: str
    entity: str | None
    entity_id: str | None
    field: str | None
    old_value: object
    new_value: object
    outcome: str


@dataclass(frozen=True)
class OrderDetail:
    summary: OrderSummary
    contact_name: str | None
    contact_phone: str | None
    delivery_address: str | None
    promised_date: dt.date | None
    rush_reason: str | None
    cancel_reason: str | None
    created_by: str | None
    station: str | None
    lines: tuple[LineRow, ...]
    channel_refs: tuple[tuple[str, str], ...]
    status_events: tuple[tuple[dt.datetime, str, str | None, str, str | None], ...]
    notes: tuple[tuple[dt.datetime, str, str | None, str], ...]
    attachments: tuple[tuple[str, str, str, int], ...]
    trail: tuple[TrailEntry, ...] = field(default=())


def _first_ref():  # type: ignore[no-untyped-def]
    return (select(func.min(OrderChannelRef.channel_order_no))
            .where(OrderChannelRef.order_id == Order.id, OrderChannelRef.active.is_(True))
            .correlate(Order).scalar_subquery())


def _summary_query(order_ids: list[str] | None = None) -> Select:
    lines = (select(OrderLine.order_id.label("order_id"),
                    func.count(OrderLine.id).label("n"),
                    func.sum(OrderLine.quantity).label("qty"),
                    func.min(Product.sku).label("sku"))
             .join(Product, Product.id == OrderLine.product_id)
             .where(OrderLine.cancelled.is_(False)))
    if order_ids is not None:
        # Only the lines of the orders asked for: without this every line of the year
        # is summed for one page of the board.
        lines = lines.where(OrderLine.order_id.in_(order_ids))
    lines = lines.group_by(OrderLine.order_id).subquery()
    return (select(Order, Customer.code, Customer.name, Customer.tier, lines.c.n, lines.c.qty,
                   lines.c.sku, _first_ref().label("ref"))
            .outerjoin(Customer, Customer.id == Order.customer_id)
            .outerjoin(lines, lines.c.order_id == Order.id))


def _summary(row) -> OrderSummary:  # type: ignore[no-untyped-def]
    order, code, name, tier, n, qty, sku, ref = row
    return OrderSummary(
        id=order.id, order_no=order.order_no, channel=order.channel, channel_order_no=ref,
        customer_code=code, customer_name=name, customer_tier=tier,
        customer_po=order.customer_po, order_time=order.order_time,
        requested_date=order.requested_date, rush=order.rush,
        status_sales=order.status_sales, status_production=order.status_production,
        status_warehouse=order.status_warehouse, line_count=n or 0,
        total_quantity=Decimal(qty or 0), first_sku=sku, cancelled=order.cancelled,
        merged_into_id=order.merged_into_id,
    )


def search_condition(text: str):  # type: ignore[no-untyped-def]
    """Any of an order's numbers: master, channel number, customer PO (exact or prefix)."""
    text = text.strip()
    like = f"{text}%"
    ref = aliased(OrderChannelRef)
    by_ref = select(ref.order_id).where(or_(ref.channel_order_no == text,
                                            ref.channel_order_no.like(like)))
    return or_(Order.order_no == text, Order.order_no.like(like), Order.order_no.like(f"%{text}"),
               Order.customer_po == text, Order.customer_po.like(like), Order.id.in_(by_ref))


def _apply_filter(query: Select, flt: OrderFilter) -> Select:
    if flt.text.strip():
        query = query.where(search_condition(flt.text))
    if flt.department and flt.status:
        query = query.where(getattr(Order, f"status_{flt.department}") == flt.status)
    if flt.customer.strip():
        like = f"%{flt.customer.strip()}%"
        query = query.where(or_(Customer.code.like(like), Customer.name.like(like)))
    if flt.channel:
        query = query.where(Order.channel == flt.channel)
    if flt.date_from:
        query = query.where(Order.order_time >= dt.datetime.combine(flt.date_from, dt.time()))
    if flt.date_to:
        query = query.where(Order.order_time < dt.datetime.combine(
            flt.date_to + dt.timedelta(days=1), dt.time()))
    if flt.rush_only:
        query = query.where(Order.rush.is_(True))
    if not flt.include_cancelled:
        query = query.where(Order.cancelled.is_(False))
    if not flt.include_merged:
        query = query.where(Order.merged_into_id.is_(None))
    return query


def open_rush_first():  # type: ignore[no-untyped-def]
    """Sort key: rush orders still on their way first; a shipped rush order is history."""
    return case((and_(Order.rush.is_(True), Order.status_warehouse != "shipped",
                      Order.cancelled.is_(False)), 0), else_=1)


def list_orders(desk: Desk, flt: OrderFilter | None = None, *, limit: int = 500,
                offset: int = 0) -> list[OrderSummary]:
    """Orders matching the filter, rush orders first, newest first."""
    flt = flt or OrderFilter()
    with desk.read() as s:
        # The page's ids first (a narrow sort), then the summaries of just those orders.
        page = _apply_filter(select(Order.id).outerjoin(Customer, Customer.id == Order.customer_id),
                             flt)
        page = page.order_by(open_rush_first(), Order.order_time.desc()).limit(limit).offset(offset)
        ids = list(s.scalars(page))
        if not ids:
            return []
        rows = {row[0].id: row for row in s.execute(
            _summary_query(ids).where(Order.id.in_(ids)))}
        return [_summary(rows[i]) for i in ids if i in rows]


def count_orders(desk: Desk, flt: OrderFilter | None = None) -> int:
    flt = flt or OrderFilter()
    with desk.read() as s:
        query = _apply_filter(select(func.count(Order.id))
                              .outerjoin(Customer, Customer.id == Order.customer_id), flt)
        return s.scalar(query) or 0


def channels(desk: Desk) -> list[str]:
    with desk.read() as s:
        return list(s.scalars(select(Order.channel).distinct().order_by(Order.channel)))


def _decode(value: str | None) -> object:
    if value is None:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return value


def trail_for(session: Session, entity_ids: list[str]) -> list[TrailEntry]:
    # Audit rows name their table in `entity`: naming every table lets the lookup use
    # the (entity, entity_id) index instead of reading the whole year's trail.
    tables = sorted(AuditLog.metadata.tables)
    hot = session.scalars(select(AuditLog).where(AuditLog.entity.in_(tables),
                                                 AuditLog.entity_id.in_(entity_ids))
                          .order_by(AuditLog.id))
    # Rows older than the hot window are packed into blocks (orderdesk/audit_store.py);
    # they come first, since packing goes in id order.
    rows = [*audit_store.rows_for_entities(session, entity_ids, tables), *hot]
    return [TrailEntry(at=r.at, user=r.user, station=r.station, action=r.action,
                       entity=r.entity, entity_id=r.entity_id, field=r.field,
                       old_value=_decode(r.old_value), new_value=_decode(r.new_value),
                       outcome=r.outcome) for r in rows]


def order_detail(desk: Desk, order_id: str, *, with_trail: bool = True) -> OrderDetail:
    """Everything about one order: lines, numbers, status timeline, notes, files, trail."""
    with desk.read() as s:
        row = s.execute(_summary_query([order_id]).where(Order.id == order_id)).one_or_none()
        if row is None:
            raise NotFound(entity="order", key=order_id)
        order: Order = row[0]
        lines = s.execute(select(OrderLine, Product).join(Product, Product.id == OrderLine.product_id)
                          .where(OrderLine.order_id == order_id).order_by(OrderLine.line_no))
        line_rows = tuple(LineRow(id=ln.id, line_no=ln.line_no, sku=p.sku, product_name=p.name,
                                  spec=p.spec, quantity=ln.quantity, unit=ln.unit,
                                  unit_price=ln.unit_price, due_date=ln.due_date,
                                  cancelled=ln.cancelled) for ln, p in lines)
        refs = tuple((r.channel, r.channel_order_no) for r in s.scalars(
            select(OrderChannelRef).where(OrderChannelRef.order_id == order_id,
                                          OrderChannelRef.active.is_(True))))
        events = tuple((e.at, e.department, e.old_status, e.new_status, e.user) for e in s.scalars(
            select(StatusEvent).where(StatusEvent.order_id == order_id).order_by(StatusEvent.at)))
        notes = tuple((n.at, n.kind, n.author, n.body) for n in s.scalars(
            select(Note).where(Note.order_id == order_id, Note.active.is_(True)).order_by(Note.at)))
        atts = tuple((a.id, a.filename, a.kind, 0) for a in s.scalars(
            select(Attachment).where(Attachment.order_id == order_id,
                                     Attachment.active.is_(True))))
        trail: tuple[TrailEntry, ...] = ()
        if with_trail:
            ids = [order_id] + [ln.id for ln in line_rows]
            trail = tuple(trail_for(s, ids))
        return OrderDetail(
            summary=_summary(row), contact_name=order.contact_name,
            contact_phone=order.contact_phone, delivery_address=order.delivery_address,
            promised_date=order.promised_date, rush_reason=order.rush_reason,
            cancel_reason=order.cancel_reason, created_by=order.created_by,
            station=order.station, lines=line_rows, channel_refs=refs, status_events=events,
            notes=notes, attachments=atts, trail=trail,
        )


def find_order_id(desk: Desk, number: str) -> str | None:
    """The order a number refers to: master number, channel number or customer PO."""
    number = number.strip()
    if not number:
        return None
    with desk.read() as s:
        hit = s.scalar(select(Order.id).where(Order.order_no == number))
        if hit:
            return hit
        hit = s.scalar(select(OrderChannelRef.order_id)
                       .where(OrderChannelRef.channel_order_no == number).limit(1))
        if hit:
            return hit
        return s.scalar(select(Order.id).where(Order.customer_po == number).limit(1))


