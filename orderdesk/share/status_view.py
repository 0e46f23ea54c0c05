"""What a share page shows, read from the database as plain data.

Three views: one order (departments, milestones, promised date and why it moved,
shipments, certificates), one customer's open orders, and a role's board (sales,
production, warehouse), each holding only the fields that role works with. Prices appear
only when the link's scope allows them. Customer-facing views never carry internal ids,
user names of staff, or other customers' data.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk import audit_store, statuses
from orderdesk.models import AuditLog, Customer, Order, OrderLine, Product, StatusEvent

OPEN_LIMIT = 200
DEPARTMENT_ZH = {"sales": "销售", "production": "生产", "warehouse": "仓库"}


@dataclass(frozen=True)
class Step:
    """One department's progress: its flow, and how far the order has come."""

    department: str
    status: str
    index: int
    flow: tuple[str, ...]


@dataclass(frozen=True)
class Milestone:
    at: dt.datetime
    department: str
    status: str


@dataclass(frozen=True)
class PromiseChange:
    at: dt.datetime
    old: dt.date | None
    new: dt.date | None
    reason: str | None


@dataclass(frozen=True)
class LineView:
    sku: str
    name: str
    quantity: Decimal
    unit: str
    due_date: dt.date | None
    unit_price: Decimal | None = None
    amount: Decimal | None = None


@dataclass(frozen=True)
class CertificateView:
    number: str
    status: str
    verify_text: str


@dataclass(frozen=True)
class ShipmentView:
    number: str
    shipped_on: dt.date | None
    carrier: str | None
    packages: int | None


@dataclass(frozen=True)
class OrderView:
    order_no: str
    customer_name: str
    customer_po: str | None
    order_time: dt.datetime
    requested_date: dt.date | None
    promised_date: dt.date | None
    rush: bool
    cancelled: bool
    steps: tuple[Step, ...]
    milestones: tuple[Milestone, ...]
    promise_changes: tuple[PromiseChange, ...]
    lines: tuple[LineView, ...]
    certificates: tuple[CertificateView, ...] = ()
    shipments: tuple[ShipmentView, ...] = ()
    prices: bool = False
    total: Decimal | None = None


@dataclass(frozen=True)
class BoardRow:
    order_no: str
    customer_name: str
    due: dt.date | None
    rush: bool
    status: str
    detail: str


@dataclass(frozen=True)
class BoardView:
    role: str
    rows: tuple[BoardRow, ...]
    total_open: int


@dataclass(frozen=True)
class CustomerView:
    code: str
    name: str
    orders: tuple[OrderView, ...] = field(default_factory=tuple)
    total_open: int = 0


def _steps(order: Order) -> tuple[Step, ...]:
    out = []
    for dept in statuses.DEPARTMENTS:
        status = getattr(order, f"status_{dept}")
        flow = statuses.FLOW[dept]
        out.append(Step(dept, status, flow.index(status) if status in flow else 0, flow))
    return tuple(out)


def _promise_changes(session: Session, order_id: str) -> tuple[PromiseChange, ...]:
    hot = session.execute(
        select(AuditLog.at, AuditLog.old_value, AuditLog.new_value, AuditLog.tx_id)
        .where(AuditLog.entity == "orders", AuditLog.entity_id == order_id,
               AuditLog.field == "promised_date", AuditLog.action == "update")
        .order_by(AuditLog.id)).all()
    # A station packs rows older than its hot window; they precede the table's rows.
    packed = [(r.at, r.old_value, r.new_value, r.tx_id)
              for r in audit_store.rows_for_entities(session, [order_id], ["orders"])
              if r.field == "promised_date" and r.action == "update"]
    rows = [*packed, *hot]
    changes = []
    for at, old, new, tx_id in rows:
        old_d, new_d = _date(old), _date(new)
        if old_d is None or old_d == new_d:
            continue  # the first promise is not a move
        changes.append(PromiseChange(at, old_d, new_d, _reason(session, order_id, tx_id)))
    return tuple(changes)


def _reason(session: Session, order_id: str, tx_id: str | None) -> str | None:
    """Why the date moved: a note or a rush reason written in the same transaction."""
    if not tx_id:
        return None
    rows = [*((r.entity, r.field, r.new_value) for r in audit_store.rows_of_tx(session, tx_id)),
            *session.execute(select(AuditLog.entity, AuditLog.field, AuditLog.new_value)
                             .where(AuditLog.tx_id == tx_id)).all()]
    for entity, fld, value in rows:
        if entity == "notes" and fld is None and value:
            try:
                body = json.loads(value).get("body")
            except (ValueError, AttributeError):
                body = None
            if body:
                return str(body)[:200]
        if entity == "orders" and fld in ("rush_reason", "promise_reason") and value:
            text = _text(value)
            if text:
                return text[:200]
    return None


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        loaded = json.loads(value)
    except ValueError:
        return value
    return None if loaded is None else str(loaded)


def _date(value: str | None) -> dt.date | None:
    text = _text(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _lines(session: Session, order_id: str, prices: bool) -> tuple[LineView, ...]:
    rows = session.execute(
        select(OrderLine, Product.sku, Product.name)
        .join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id == order_id, OrderLine.cancelled.is_(False))
        .order_by(OrderLine.line_no)).all()
    out = []
    for line, sku, name in rows:
        price = line.unit_price if prices else None
        amount = (line.quantity * line.unit_price).quantize(Decimal("0.01")) \
            if prices and line.unit_price is not None else None
        out.append(LineView(sku, name, line.quantity, line.unit, line.due_date, price, amount))
    return tuple(out)


def _certificates(session: Session, order_id: str) -> tuple[CertificateView, ...]:
    try:
        from orderdesk.models import Certificate
    except ImportError:  # a build without the quality module
        return ()
    rows = session.execute(select(Certificate.number, Certificate.status, Certificate.qr_text)
                           .where(Certificate.order_id == order_id)
                           .order_by(Certificate.issued_at)).all()
    return tuple(CertificateView(n, st, qr) for n, st, qr in rows)


def _shipments(session: Session, order_id: str) -> tuple[ShipmentView, ...]:
    """The order's shipments (finance module), when this build has them."""
    try:
        from orderdesk.models.finance import Shipment, ShipmentLine
    except ImportError:  # a build without shipping
        return ()
    rows = session.execute(
        select(Shipment.shipment_no, Shipment.ship_date, Shipment.carrier, Shipment.packages)
        .where(Shipment.id.in_(select(ShipmentLine.shipment_id)
                               .where(ShipmentLine.order_id == order_id)),
               Shipment.status != "cancelled")
        .order_by(Shipment.ship_date)).all()
    return tuple(ShipmentView(no, day, carrier, packages or None)
                 for no, day, carrier, packages in rows)


def order_view(session: Session, order_id: str, *, prices: bool = False) -> OrderView | None:
    order = session.get(Order, order_id)
    if order is None:
        return None
    customer = session.get(Customer, order.customer_id) if order.customer_id else None
    events = session.execute(
        select(StatusEvent.at, StatusEvent.department, StatusEvent.new_status)
        .where(StatusEvent.order_id == order_id).order_by(StatusEvent.at)).all()
    milestones = [Milestone(order.order_time, "sales", "received")]
    milestones += [Milestone(at, dept, st) for at, dept, st in events]
    lines = _lines(session, order_id, prices)
    total = None
    if prices:
        amounts = [ln.amount for ln in lines if ln.amount is not None]
        total = sum(amounts, Decimal("0")) if amounts else None
    return OrderView(
        order_no=order.order_no, customer_name=customer.name if customer else "",
        customer_po=order.customer_po, order_time=order.order_time,
        requested_date=order.requested_date, promised_date=order.promised_date,
        rush=bool(order.rush), cancelled=bool(order.cancelled), steps=_steps(order),
        milestones=tuple(milestones), promise_changes=_promise_changes(session, order_id),
        lines=lines, certificates=_certificates(session, order_id),
        shipments=_shipments(session, order_id), prices=prices, total=total)


def _open_orders(session: Session):  # type: ignore[no-untyped-def]
    return (select(Order).where(Order.cancelled.is_(False), Order.merged_into_id.is_(None),
                                Order.status_warehouse != "shipped",
                                Order.status_sales != "draft"))


def customer_view(session: Session, customer_id: str, *, prices: bool = False) -> CustomerView | None:
    customer = session.get(Customer, customer_id)
    if customer is None:
        return None
    query = _open_orders(session).where(Order.customer_id == customer_id)
    orders = session.scalars(query.order_by(Order.order_time.desc()).limit(OPEN_LIMIT)).all()
    views = tuple(v for v in (order_view(session, o.id, prices=prices) for o in orders) if v)
    return CustomerView(customer.code, customer.name, views, len(views))


def board_view(session: Session, role: str) -> BoardView:
    """Open orders as one role works them; only that role's fields."""
    query = _open_orders(session)
    orders = session.scalars(query.order_by(Order.rush.desc(), Order.promised_date,
                                            Order.order_time).limit(OPEN_LIMIT)).all()
    names = dict(session.execute(select(Customer.id, Customer.name)
                                 .where(Customer.id.in_({o.customer_id for o in orders
                                                         if o.customer_id}))).all())
    rows = []
    for o in orders:
        due = o.promised_date or o.requested_date
        if role == "sales":
            status, detail = o.status_sales, o.customer_po or ""
        elif role == "production":
            status = o.status_production
            detail = _line_summary(session, o.id)
        else:
            status = o.status_warehouse
            detail = (o.delivery_address or "")[:60]
        rows.append(BoardRow(o.order_no, names.get(o.customer_id, ""), due, bool(o.rush),
                             status, detail))
    return BoardView(role, tuple(rows), len(rows))


def _line_summary(session: Session, order_id: str) -> str:
    rows = session.execute(select(Product.sku, OrderLine.quantity, OrderLine.unit)
                           .join(Product, Product.id == OrderLine.product_id)
                           .where(OrderLine.order_id == order_id,
                                  OrderLine.cancelled.is_(False))
                           .order_by(OrderLine.line_no).limit(4)).all()
    return " · ".join(f"{sku} ×{_qty(q)}{'' if unit == 'pcs' else unit}" for sku, q, unit in rows)


def _qty(q: Decimal) -> str:
    return f"{q:,.0f}" if q == q.to_integral_value() else f"{q:,.2f}"
