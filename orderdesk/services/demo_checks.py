"""A quick material check used by the demo report before the PMC engine exists."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select

from orderdesk.desk import Desk
from orderdesk.models import BomLine, Order, OrderLine, StockItem


def count_short_orders(desk: Desk) -> int:
    """Open orders whose first-level components exceed stock when netted in due order."""
    with desk.read() as s:
        bom: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
        for b in s.scalars(select(BomLine).where(BomLine.active.is_(True))):
            bom[b.parent_id].append((b.component_id, b.qty_per * (1 + b.scrap_rate)))
        stock = {i.product_id: i.on_hand - i.allocated for i in s.scalars(select(StockItem))}
        rows = s.execute(select(Order.id, OrderLine.product_id, OrderLine.quantity)
                         .join(OrderLine, OrderLine.order_id == Order.id)
                         .where(Order.cancelled.is_(False),
                                Order.status_production.in_(("awaiting_schedule",)))
                         .order_by(Order.rush.desc(), Order.requested_date))
        short: set[str] = set()
        for order_id, product_id, qty in rows:
            for comp, per in bom.get(product_id, ()):
                need = qty * per
                stock[comp] = stock.get(comp, Decimal(0)) - need
                if stock[comp] < 0:
                    short.add(order_id)
        return len(short)
