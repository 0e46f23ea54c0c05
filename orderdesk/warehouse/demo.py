"""Demo batches for the demo factory: bound batches on shipped and ready orders (so
quality has certificates to issue), half-picked orders with their remaining batches
waiting to be scanned, and a few expired batches to show a refusal."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from orderdesk.desk import Desk
from orderdesk.models import Order, OrderLine, Product, utcnow
from orderdesk.models.batches import Batch, BatchBinding
from orderdesk.tracking import Actor
from orderdesk.warehouse.binding import add_batch


@dataclass(frozen=True)
class DemoBatches:
    batches: int
    bindings: int
    expired: int
    skipped: bool = False


def _split(quantity: Decimal, rng: random.Random) -> list[Decimal]:
    """A line's quantity in 1–3 cartons/pallets."""
    parts = rng.choice((1, 2, 2, 3))
    if quantity < parts or quantity != quantity.to_integral_value():
        return [quantity]
    size = (quantity / parts).to_integral_value(rounding="ROUND_FLOOR")
    return [size] * (parts - 1) + [quantity - size * (parts - 1)]


def add_demo_batches(desk: Desk, *, seed: int = 11, shipped: int = 30, picking: int = 15,
                     expired: int = 6) -> DemoBatches:
    """Create demo batches once (skips when the database has batches already)."""
    rng = random.Random(seed)
    with desk.read() as s:
        if s.scalar(select(func.count(Batch.id))):
            return DemoBatches(0, 0, 0, skipped=True)
    actor = Actor(user="demo", station=desk.station)
    today = utcnow().date()
    made = bound = old = 0
    with desk.write(actor) as s:
        def orders_in(statuses: tuple[str, ...], limit: int) -> list[Order]:
            return list(s.scalars(
                select(Order).where(Order.status_warehouse.in_(statuses),
                                    Order.cancelled.is_(False), Order.merged_into_id.is_(None))
                .order_by(Order.order_time.desc()).limit(limit)))

        def lines_of(order: Order) -> list[OrderLine]:
            return list(s.scalars(select(OrderLine).where(OrderLine.order_id == order.id,
                                                          OrderLine.cancelled.is_(False))
                                  .order_by(OrderLine.line_no)))

        def batch_for(line: OrderLine, qty: Decimal, produced: dt.date) -> Batch:
            nonlocal made
            made += 1
            lot = f"L{produced:%y%m%d}{rng.randint(1, 4)}-{made:04d}"
            return add_batch(s, product_id=line.product_id, quantity=qty, lot=lot,
                             production_date=produced,
                             expiry_date=produced + dt.timedelta(days=rng.choice((365, 730))),
                             source="demo")

        def bind(order: Order, line: OrderLine, batch: Batch, when: dt.datetime) -> None:
            nonlocal bound
            s.add(BatchBinding(batch_id=batch.id, order_line_id=line.id, order_id=order.id,
                               quantity=batch.quantity, bound_at=when, bound_by="wh1",
                               station="demo"))
            bound += 1

        for order in orders_in(("ready_to_ship", "shipped"), shipped):
            produced = (order.order_time.date() + dt.timedelta(days=rng.randint(1, 5)))
            produced = min(produced, today)
            for line in lines_of(order):
                for qty in _split(Decimal(line.quantity), rng):
                    batch = batch_for(line, qty, produced)
                    bind(order, line, batch, dt.datetime.combine(produced, dt.time(15, 0)))

        for order in orders_in(("picking", "kitted"), picking):
            for line in lines_of(order):
                for n, qty in enumerate(_split(Decimal(line.quantity), rng)):
                    batch = batch_for(line, qty, today - dt.timedelta(days=rng.randint(0, 6)))
                    if n == 0 and order.status_warehouse == "picking":
                        bind(order, line, batch, utcnow() - dt.timedelta(hours=2))

        products = list(s.scalars(select(Product).where(Product.is_component.is_(False),
                                                        Product.active.is_(True))
                                  .order_by(Product.sku).limit(expired)))
        for product in products:
            produced = today - dt.timedelta(days=800)
            add_batch(s, product_id=product.id, quantity=Decimal(rng.choice((50, 100, 200))),
                      lot=f"L{produced:%y%m%d}-OLD", production_date=produced,
                      expiry_date=produced + dt.timedelta(days=730), source="demo")
            made += 1
            old += 1
    return DemoBatches(batches=made, bindings=bound, expired=old)
