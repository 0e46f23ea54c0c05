"""Builders for finance tests: customers, priced orders with bound batches, shipments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from orderdesk.finance import shipping
from orderdesk.ids import uuid7
from orderdesk.models import Order, OrderLine
from orderdesk.models.batches import Batch, BatchBinding
from orderdesk.models.finance import ProductTax
from orderdesk.services import catalog


@dataclass(frozen=True)
class Line:
    po: str
    sku: str
    quantity: str
    price: str
    rate: str = "0.13"
    ship_to: str = "苏州工厂"
    product_line: str = "汽车支架"


_counter = [0]


def make_orders(desk, lines: Sequence[Line], *, customer: str = "C9001",  # type: ignore[no-untyped-def]
                name: str = "某新能源汽车有限公司", bind: bool = True,
                with_tax: bool = True) -> list[str]:
    """One order per (PO, ship-to); every line fully bound to one batch. Returns order numbers."""
    orders: dict[tuple[str, str], Order] = {}
    with desk.write() as s:
        cust = catalog.upsert_customer(s, customer, name, tier="A")
        for ln in lines:
            _counter[0] += 1
            product = catalog.upsert_product(s, ln.sku, f"支架 {ln.sku}", spec="PA66+GF30",
                                             unit="pcs", product_line=ln.product_line,
                                             gtin=None)
            s.flush()
            if with_tax and s.query(ProductTax).filter_by(product_id=product.id).first() is None:
                s.add(ProductTax(product_id=product.id, rate=Decimal(ln.rate)))
            key = (ln.po, ln.ship_to)
            order = orders.get(key)
            if order is None:
                order = Order(id=uuid7(), order_no=f"SO-2026-{900000 + _counter[0]:06d}",
                              channel="phone", customer_id=cust.id, customer_po=ln.po,
                              delivery_address=ln.ship_to, status_warehouse="ready_to_ship")
                s.add(order)
                s.flush()
                orders[key] = order
            no = len([x for x in s.new if isinstance(x, OrderLine)]) + 1
            line = OrderLine(id=uuid7(), order_id=order.id, line_no=no + _counter[0],
                             product_id=product.id, quantity=Decimal(ln.quantity),
                             unit="pcs", unit_price=Decimal(ln.price))
            s.add(line)
            s.flush()
            if bind:
                batch = Batch(code=f"B{_counter[0]:08d}", product_id=product.id,
                              quantity=Decimal(ln.quantity), source="demo",
                              production_date=dt.date(2026, 1, 20))
                s.add(batch)
                s.flush()
                s.add(BatchBinding(batch_id=batch.id, order_line_id=line.id, order_id=order.id,
                                   quantity=Decimal(ln.quantity)))
    return [o.order_no for o in orders.values()]


def ship_lines(desk, lines: Sequence[Line], **kwargs) -> str:  # type: ignore[no-untyped-def]
    """Orders for `lines`, shipped together; the shipment number."""
    order_nos = make_orders(desk, lines, **kwargs)
    return shipping.ship(desk, order_nos, carrier="顺丰", ship_date=dt.date(2026, 2, 1)
                         ).shipment.shipment_no
