"""Shipping what the warehouse has bound: one shipment (发货单) for orders of one customer.

A shipment line is written per order line with bound, not yet shipped quantity; price,
PO and ship-to are copied from the order so later edits cannot change what left. The
order's warehouse status moves to `shipped` once every line has left in full (a partial
shipment leaves it where it was). The shipment, its lines, the status moves and the
despatch advice for the customer's EDI partner are one transaction, audited and synced
by the tracking hook like every write.

Thread use: one writer (the UI's mutation worker, a command, a test).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound
from orderdesk.finance import numbers
from orderdesk.finance.errors import ShipRefused
from orderdesk.models import Customer, Order, OrderLine, Product, StatusEvent, utcnow
from orderdesk.models.batches import Batch, BatchBinding
from orderdesk.models.finance import Shipment, ShipmentLine
from orderdesk.tracking import add_audit


@dataclass(frozen=True)
class ShipmentLineView:
    line_no: int
    order_no: str
    customer_po: str | None
    sku: str
    name: str
    spec: str | None
    quantity: Decimal
    unit: str
    unit_price: Decimal | None
    ship_to: str | None
    batches: tuple[str, ...]


@dataclass(frozen=True)
class ShipmentView:
    id: str
    shipment_no: str
    customer_code: str
    customer_name: str
    ship_to: str | None
    carrier: str | None
    tracking_no: str | None
    ship_date: dt.date
    packages: int
    status: str
    shipped_by: str | None
    order_nos: tuple[str, ...]
    lines: tuple[ShipmentLineView, ...] = field(default=())
    invoiced: int = 0  # issued invoices (not credits, not cancelled)


@dataclass(frozen=True)
class ShipResult:
    shipment: ShipmentView
    edi_queued: tuple[str, ...]
    changes: Changes


def _order(session: Session, number: str) -> Order | None:
    number = number.strip()
    order = session.scalar(select(Order).where(Order.order_no == number.upper()))
    if order is None and number:
        order = session.get(Order, number)
    seen = 0
    while order is not None and order.merged_into_id and seen < 5:
        order = session.get(Order, order.merged_into_id)
        seen += 1
    return order


def shipped_by_line(session: Session, order_id: str) -> dict[str, Decimal]:
    """Quantity already on (not cancelled) shipments, per order line."""
    rows = session.execute(
        select(ShipmentLine.order_line_id, func.sum(ShipmentLine.quantity))
        .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
        .where(ShipmentLine.order_id == order_id, Shipment.status != "cancelled")
        .group_by(ShipmentLine.order_line_id))
    return {line_id: Decimal(qty) for line_id, qty in rows}


def _bound(session: Session, order_id: str) -> dict[str, tuple[Decimal, list[str]]]:
    rows = session.execute(
        select(BatchBinding.order_line_id, BatchBinding.quantity, Batch.code)
        .join(Batch, Batch.id == BatchBinding.batch_id)
        .where(BatchBinding.order_id == order_id, BatchBinding.active.is_(True))
        .order_by(BatchBinding.bound_at))
    out: dict[str, tuple[Decimal, list[str]]] = {}
    for line_id, qty, code in rows:
        total, codes = out.get(line_id, (Decimal(0), []))
        out[line_id] = (total + Decimal(qty), codes + [code])
    return out


def ship_in(session: Session, order_nos: Sequence[str], *, carrier: str | None = None,
            tracking_no: str | None = None, packages: int | None = None,
            ship_date: dt.date | None = None, note: str | None = None) -> tuple[Shipment, list[str]]:
    """Write one shipment of what is bound on these orders (see module docstring);
    returns it and the control references of EDI messages queued with it."""
    if not [n for n in order_nos if n.strip()]:
        raise ShipRefused(reason="no_orders")
    actor = session.info["actor"]
    orders: list[Order] = []
    for number in order_nos:
        if not number.strip():
            continue
        order = _order(session, number)
        if order is None:
            raise ShipRefused(reason="unknown_order", order_no=number.strip())
        if order.cancelled:
            raise ShipRefused(reason="cancelled", order_no=order.order_no)
        if order.customer_id is None:
            raise ShipRefused(reason="no_customer", order_no=order.order_no)
        if order not in orders:
            orders.append(order)
    customer_id = orders[0].customer_id
    for order in orders[1:]:
        if order.customer_id != customer_id:
            first = session.get(Customer, customer_id)
            other = session.get(Customer, order.customer_id)
            raise ShipRefused(reason="mixed_customers", order_no=order.order_no,
                              customer=other.code if other else "-",
                              other=first.code if first else "-")

    planned: list[tuple[Order, OrderLine, Decimal, list[str]]] = []
    for order in orders:
        bound = _bound(session, order.id)
        shipped = shipped_by_line(session, order.id)
        found = False
        for line in order.lines:
            if line.cancelled:
                continue
            qty, codes = bound.get(line.id, (Decimal(0), []))
            left = qty - shipped.get(line.id, Decimal(0))
            if left > 0:
                planned.append((order, line, left, codes))
                found = True
        if not found:
            raise ShipRefused(reason="nothing_bound", order_no=order.order_no)

    addresses = list(dict.fromkeys(o.delivery_address for o in orders if o.delivery_address))
    now = utcnow()
    shipment = Shipment(
        shipment_no=numbers.take(session, "SH", when=now)[0], customer_id=customer_id,
        ship_to="; ".join(addresses) or None, carrier=carrier, tracking_no=tracking_no,
        ship_date=ship_date or now.date(),
        packages=packages if packages is not None else len({c for *_x, cs in planned
                                                             for c in cs}),
        status="shipped", shipped_by=actor.user, station=actor.station, note=note)
    session.add(shipment)
    session.flush()
    for no, (order, line, qty, codes) in enumerate(planned, start=1):
        session.add(ShipmentLine(
            shipment_id=shipment.id, line_no=no, order_id=order.id, order_line_id=line.id,
            product_id=line.product_id, quantity=qty, unit=line.unit,
            unit_price=line.unit_price, customer_po=order.customer_po,
            ship_to=order.delivery_address, batches=",".join(codes) or None))
    session.flush()
    for order in orders:
        shipped = shipped_by_line(session, order.id)
        complete = all(shipped.get(line.id, Decimal(0)) >= line.quantity
                       for line in order.lines if not line.cancelled)
        if complete and order.status_warehouse != "shipped":
            session.add(StatusEvent(order_id=order.id, department="warehouse",
                                    old_status=order.status_warehouse, new_status="shipped",
                                    user=actor.user, station=actor.station,
                                    note=shipment.shipment_no))
            order.status_warehouse = "shipped"
    add_audit(session, action="shipment.ship", entity="shipments", entity_id=shipment.id,
              new=shipment.shipment_no)
    from orderdesk.finance import edi_outbox

    queued = edi_outbox.queue_desadv(session, shipment)
    return shipment, queued


def ship(desk: Desk, order_nos: Sequence[str], *, carrier: str | None = None,
         tracking_no: str | None = None, packages: int | None = None,
         ship_date: dt.date | None = None, note: str | None = None) -> ShipResult:
    """Ship what is bound on these orders as one shipment. Refuses (ShipRefused with a
    reason) unknown or cancelled orders, orders of different customers, and orders with
    nothing bound left to ship; nothing is written then."""
    desk.require("shipment.create")
    with desk.write() as s:
        shipment, queued = ship_in(s, order_nos, carrier=carrier, tracking_no=tracking_no,
                                   packages=packages, ship_date=ship_date, note=note)
        s.flush()
        view = _view(s, shipment)
    return ShipResult(view, tuple(queued), Changes(orders=True, bindings=True))


def _view(session: Session, shipment: Shipment, *, with_lines: bool = True) -> ShipmentView:
    from orderdesk.models.finance import Invoice

    customer = session.get(Customer, shipment.customer_id)
    rows = session.execute(
        select(ShipmentLine, Order.order_no, Product.sku, Product.name, Product.spec)
        .join(Order, Order.id == ShipmentLine.order_id)
        .join(Product, Product.id == ShipmentLine.product_id)
        .where(ShipmentLine.shipment_id == shipment.id).order_by(ShipmentLine.line_no)).all()
    lines = tuple(ShipmentLineView(
        line_no=sl.line_no, order_no=order_no, customer_po=sl.customer_po, sku=sku, name=name,
        spec=spec, quantity=Decimal(sl.quantity), unit=sl.unit,
        unit_price=None if sl.unit_price is None else Decimal(sl.unit_price),
        ship_to=sl.ship_to, batches=tuple(c for c in (sl.batches or "").split(",") if c))
        for sl, order_no, sku, name, spec in rows) if with_lines else ()
    invoiced = session.scalar(select(func.count(Invoice.id)).where(
        Invoice.shipment_id == shipment.id, Invoice.kind == "invoice",
        Invoice.status == "issued")) or 0
    return ShipmentView(
        id=shipment.id, shipment_no=shipment.shipment_no,
        customer_code=customer.code if customer else "", customer_name=customer.name if customer
        else "", ship_to=shipment.ship_to, carrier=shipment.carrier,
        tracking_no=shipment.tracking_no, ship_date=shipment.ship_date,
        packages=shipment.packages, status=shipment.status, shipped_by=shipment.shipped_by,
        order_nos=tuple(dict.fromkeys(r[1] for r in rows)), lines=lines, invoiced=invoiced)


def find_shipment(session: Session, number: str) -> Shipment | None:
    """A shipment by its number, or the latest shipment of an order number."""
    number = number.strip()
    found = session.scalar(select(Shipment).where(Shipment.shipment_no == number.upper()))
    if found is not None:
        return found
    order = _order(session, number)
    if order is None:
        return None
    return session.scalar(
        select(Shipment).join(ShipmentLine, ShipmentLine.shipment_id == Shipment.id)
        .where(ShipmentLine.order_id == order.id, Shipment.status != "cancelled")
        .order_by(Shipment.created_at.desc()).limit(1))


def get_shipment(desk: Desk, number: str) -> ShipmentView:
    with desk.read() as s:
        shipment = find_shipment(s, number)
        if shipment is None:
            raise NotFound(entity="shipment", key=number)
        return _view(s, shipment)


def list_shipments(desk: Desk, *, text: str = "", uninvoiced_only: bool = False,
                   limit: int = 200) -> list[ShipmentView]:
    """Newest first; `uninvoiced_only` keeps shipments with no issued invoice (and not
    self-billed) — finance's work list. `text` is a shipment number or part of one, or
    a customer's code or name."""
    desk.require("shipment.read")
    from orderdesk.models.finance import Invoice, InvoiceRule

    with desk.read() as s:
        query = select(Shipment).where(Shipment.status != "cancelled")
        text = text.strip()
        if text:
            like = f"%{text}%"
            # Customers first (a few hundred rows), so the shipment query can use the
            # (customer, created_at) index instead of a join scanned for every shipment.
            ids = list(s.scalars(select(Customer.id).where(
                Customer.name.ilike(like) | Customer.code.ilike(like))))
            query = query.where(Shipment.customer_id.in_(ids) | Shipment.shipment_no.ilike(like)
                                if ids else Shipment.shipment_no.ilike(like))
        if uninvoiced_only:
            issued = (select(Invoice.id).where(Invoice.shipment_id == Shipment.id,
                                               Invoice.status == "issued").exists())
            self_billed = select(InvoiceRule.customer_id).where(
                InvoiceRule.self_billing.is_(True))
            query = query.where(~issued, Shipment.customer_id.not_in(self_billed))
        rows = s.scalars(query.order_by(Shipment.created_at.desc()).limit(limit)).all()
        return _views(s, rows)


def _views(session: Session, rows: list[Shipment]) -> list[ShipmentView]:
    """Views without lines for many shipments in four queries, whatever their number."""
    from orderdesk.models.finance import Invoice

    if not rows:
        return []
    ids = [r.id for r in rows]
    customers = {c.id: c for c in session.scalars(select(Customer).where(
        Customer.id.in_({r.customer_id for r in rows})))}
    orders: dict[str, list[str]] = {}
    for sid, order_no in session.execute(
            select(ShipmentLine.shipment_id, Order.order_no)
            .join(Order, Order.id == ShipmentLine.order_id)
            .where(ShipmentLine.shipment_id.in_(ids)).order_by(ShipmentLine.line_no)):
        if order_no not in orders.setdefault(sid, []):
            orders[sid].append(order_no)
    invoiced = dict(session.execute(
        select(Invoice.shipment_id, func.count(Invoice.id))
        .where(Invoice.shipment_id.in_(ids), Invoice.kind == "invoice",
               Invoice.status == "issued").group_by(Invoice.shipment_id)).all())
    out = []
    for sh in rows:
        customer = customers.get(sh.customer_id)
        out.append(ShipmentView(
            id=sh.id, shipment_no=sh.shipment_no,
            customer_code=customer.code if customer else "",
            customer_name=customer.name if customer else "", ship_to=sh.ship_to,
            carrier=sh.carrier, tracking_no=sh.tracking_no, ship_date=sh.ship_date,
            packages=sh.packages, status=sh.status, shipped_by=sh.shipped_by,
            order_nos=tuple(orders.get(sh.id, ())), invoiced=invoiced.get(sh.id, 0)))
    return out


def shippable_orders(desk: Desk, customer_id: str | None = None, limit: int = 200
                     ) -> list[tuple[str, str, str]]:
    """(order_no, customer code, customer name) of open orders with bound, unshipped
    goods: what the warehouse's ship dialog offers."""
    with desk.read() as s:
        bound = (select(BatchBinding.order_id).where(BatchBinding.active.is_(True))
                 .distinct())
        query = (select(Order.order_no, Customer.code, Customer.name, Order.id)
                 .join(Customer, Customer.id == Order.customer_id)
                 .where(Order.id.in_(bound), Order.cancelled.is_(False),
                        Order.status_warehouse != "shipped"))
        if customer_id:
            query = query.where(Order.customer_id == customer_id)
        out = []
        for order_no, code, name, order_id in s.execute(query.order_by(Order.order_no)
                                                         .limit(limit)):
            bound_qty = _bound(s, order_id)
            shipped = shipped_by_line(s, order_id)
            if any(q - shipped.get(k, Decimal(0)) > 0 for k, (q, _c) in bound_qty.items()):
                out.append((order_no, code, name))
        return out
