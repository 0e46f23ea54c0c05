"""What the keyboard-first order form needs from the core: lookups and checks as you type.

All return frozen dataclasses; the form calls them on the query pool.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from orderdesk.desk import Desk
from orderdesk.models import Order, OrderLine, Product, ProductNickname
from orderdesk.normalize import sku_norm
from orderdesk.services.catalog import ProductRow


@dataclass(frozen=True)
class RecentOrder:
    order_id: str
    order_no: str
    order_time: dt.datetime
    requested_date: dt.date | None
    delivery_address: str | None
    lines: tuple[tuple[str, Decimal], ...]   # (sku, quantity)


@dataclass(frozen=True)
class LineCheck:
    """The verdict on one typed line: product found, and what is wrong if anything."""

    product: ProductRow | None
    problems: tuple[str, ...]   # unknown_sku | not_a_number | not_positive | not_pack_multiple


def _row(p: Product) -> ProductRow:
    return ProductRow(id=p.id, sku=p.sku, name=p.name, spec=p.spec, unit=p.unit,
                      product_line=p.product_line, pack_size=p.pack_size)


def lookup_product(desk: Desk, text: str) -> ProductRow | None:
    """The one sellable product a typed SKU (any spelling) or nickname names, else None."""
    text = (text or "").strip()
    if not text:
        return None
    with desk.read() as s:
        p = s.scalar(select(Product).where(Product.sku_norm == sku_norm(text),
                                           Product.active.is_(True),
                                           Product.is_component.is_(False)))
        if p is None:
            hits = s.scalars(select(Product).join(ProductNickname,
                                                  ProductNickname.product_id == Product.id)
                             .where(ProductNickname.nickname == text, Product.active.is_(True),
                                    Product.is_component.is_(False))).all()
            p = hits[0] if len(hits) == 1 else None
        return _row(p) if p else None


def check_line(desk: Desk, sku: str, quantity: str) -> LineCheck:
    """Unknown SKU, a quantity that is not a number, or not a multiple of the pack size."""
    from orderdesk.intake.values import parse_quantity

    product = lookup_product(desk, sku)
    problems: list[str] = []
    if sku.strip() and product is None:
        problems.append("unknown_sku")
    if quantity.strip():
        try:
            qty = parse_quantity(quantity)
        except ValueError as exc:
            problems.append(str(exc))
        else:
            if product and product.pack_size and qty % product.pack_size:
                problems.append("not_pack_multiple")
    return LineCheck(product, tuple(problems))


def recent_orders(desk: Desk, customer_id: str, limit: int = 8) -> list[RecentOrder]:
    """The customer's latest orders with their lines, newest first, for a quick reorder."""
    with desk.read() as s:
        orders = s.scalars(select(Order).where(Order.customer_id == customer_id,
                                               Order.cancelled.is_(False),
                                               Order.merged_into_id.is_(None))
                           .order_by(Order.order_time.desc()).limit(limit)).all()
        out = []
        for o in orders:
            lines = s.execute(select(Product.sku, OrderLine.quantity)
                              .join(Product, Product.id == OrderLine.product_id)
                              .where(OrderLine.order_id == o.id, OrderLine.cancelled.is_(False))
                              .order_by(OrderLine.line_no)).all()
            out.append(RecentOrder(o.id, o.order_no, o.order_time, o.requested_date,
                                   o.delivery_address, tuple((r[0], r[1]) for r in lines)))
        return out
