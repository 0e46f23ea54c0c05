"""Hand-built order flows for the insight tests: real orders in a real database, with
the events of their flow placed at chosen times."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import text

from orderdesk.models import Customer, Order, OrderLine, Product
from orderdesk.models.insight import FlowEvent

T0 = dt.datetime(2026, 3, 2, 8, 0)  # a Monday


def catalog(desk, customers=(("C1", "A"), ("C2", "B"))) -> dict:  # type: ignore[no-untyped-def]
    out = {}
    with desk.write() as s:
        p1 = Product(sku="BRK-1", sku_norm="BRK1", name="支架", unit="pcs", product_line="汽车支架")
        p2 = Product(sku="HSG-1", sku_norm="HSG1", name="外壳", unit="pcs",
                     product_line="连接器外壳")
        s.add_all([p1, p2])
        for code, tier in customers:
            c = Customer(code=code, name=f"{code}公司", name_norm=code.lower(), tier=tier)
            s.add(c)
            s.flush()
            out[code] = c.id
        s.flush()
        out["BRK"], out["HSG"] = p1.id, p2.id
    return out


_n = [0]


def order(desk, cat, customer, received, *, product="BRK", channel="wechat",  # type: ignore[no-untyped-def]
          cancelled=False, qty=100, due=None):
    _n[0] += 1
    with desk.write() as s:
        o = Order(order_no=f"SO-T-{_n[0]:06d}-{customer}-{received:%H%M%S}", channel=channel,
                  customer_id=cat[customer], order_time=received, status_sales="confirmed",
                  cancelled=cancelled, requested_date=due)
        s.add(o)
        s.flush()
        s.add(OrderLine(order_id=o.id, line_no=1, product_id=cat[product],
                        quantity=Decimal(qty), due_date=due))
        return o.id


def event(desk, order_id, kind, at, *, detail=None, ref=None, user="u1"):  # type: ignore[no-untyped-def]
    _n[0] += 1
    with desk.write() as s:
        s.add(FlowEvent(source_key=f"test:{_n[0]}", order_id=order_id, kind=kind, at=at,
                        user=user, department="sales", detail=detail, ref=ref))


def flow(desk, cat, customer, received, minutes, **kw):  # type: ignore[no-untyped-def]
    """An order confirmed on receipt and released `minutes` later (None: still open)."""
    oid = order(desk, cat, customer, received, **kw)
    event(desk, oid, "confirmed", received)
    if minutes is not None:
        event(desk, oid, "released", received + dt.timedelta(minutes=minutes))
    return oid


def event_count(desk, kind) -> int:  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return s.execute(text("SELECT COUNT(*) FROM insight_events WHERE kind = :k"),
                         {"k": kind}).scalar()
