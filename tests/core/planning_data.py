"""Small builders for the planning tests: machines, shifts, routings, work orders, orders
and shipments written through the same tracked sessions as real work."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from orderdesk.models import BomLine, Order, OrderLine, StockItem
from orderdesk.models.planning import (
    InboundShipment,
    PlannedDowntime,
    Routing,
    ShiftWindow,
    WorkCentre,
    WorkOrder,
)
from orderdesk.services import catalog

#: A Monday, so weekday rules are easy to read.
T0 = dt.datetime(2026, 12, 7, 0, 0)


def rules(**over):  # type: ignore[no-untyped-def]
    from orderdesk.planning.rules import DEFAULT_RULES

    r = dict(DEFAULT_RULES)
    r.update(over)
    return r


def machine(s, code: str, *, oee: str = "0.80", shifts=(("A", None, "08:00", "16:00"),),  # type: ignore[no-untyped-def]
            kind: str = "press", tonnage: int | None = 250) -> WorkCentre:
    c = WorkCentre(code=code, name=code, kind=kind, tonnage=tonnage, expected_oee=Decimal(oee))
    s.add(c)
    s.flush()
    for name, weekday, start, end in shifts:
        s.add(ShiftWindow(work_centre_id=c.id, name=name, weekday=weekday, start_time=start,
                          end_time=end))
    s.flush()
    return c


def downtime(s, c: WorkCentre, start: dt.datetime, end: dt.datetime, reason: str = "PM") -> None:  # type: ignore[no-untyped-def]
    s.add(PlannedDowntime(work_centre_id=c.id, start_at=start, end_at=end, reason=reason))
    s.flush()


def product(s, sku: str, **kw):  # type: ignore[no-untyped-def]
    return catalog.upsert_product(s, sku, sku, **kw)


def routing(s, p, c, *, approved: bool = True, priority: int = 1, cycle: str = "36",  # type: ignore[no-untyped-def]
            cavities: int = 1, setup: str = "0") -> Routing:
    r = Routing(product_id=p.id, work_centre_id=c.id, approved=approved, priority=priority,
                cycle_seconds=Decimal(cycle), cavities=cavities, setup_minutes=Decimal(setup))
    s.add(r)
    s.flush()
    return r


_wo = [0]


def work_order(s, p, c, hours: float, start: dt.datetime, end: dt.datetime, *,  # type: ignore[no-untyped-def]
               quantity: float = 100, order=None) -> WorkOrder:
    _wo[0] += 1
    w = WorkOrder(wo_no=f"WO-{_wo[0]:05d}", product_id=p.id, work_centre_id=c.id,
                  quantity=Decimal(str(quantity)), planned_hours=Decimal(str(hours)),
                  start_at=start, end_at=end, order_id=order.id if order is not None else None)
    s.add(w)
    s.flush()
    return w


_so = [0]


def order(s, p, qty: float, due: dt.date, *, created_by: str | None = "sales1") -> Order:  # type: ignore[no-untyped-def]
    _so[0] += 1
    o = Order(order_no=f"SO-2026-9{_so[0]:05d}", channel="phone", requested_date=due,
              order_time=T0 - dt.timedelta(days=3), status_sales="confirmed",
              created_by=created_by)
    s.add(o)
    s.flush()
    s.add(OrderLine(order_id=o.id, line_no=1, product_id=p.id, quantity=Decimal(str(qty)),
                    unit="pcs", due_date=due))
    s.flush()
    return o


def bom(s, parent, component, qty_per: str = "1") -> None:  # type: ignore[no-untyped-def]
    s.add(BomLine(parent_id=parent.id, component_id=component.id, qty_per=Decimal(qty_per)))
    s.flush()


def stock(s, p, on_hand: float) -> None:  # type: ignore[no-untyped-def]
    s.add(StockItem(product_id=p.id, on_hand=Decimal(str(on_hand))))
    s.flush()


_ref = [0]


def shipment(s, material, *, port: str = "CNSHA", office: str = "2201", broker: str = "BRK-A",  # type: ignore[no-untyped-def]
             arrived: dt.datetime | None = None, released: dt.datetime | None = None,
             declared: dt.datetime | None = None, received: dt.datetime | None = None,
             gate_out: dt.datetime | None = None, inspection: bool | None = False, ref: str | None = None) -> InboundShipment:
    _ref[0] += 1
    sh = InboundShipment(reference=ref or f"BL{_ref[0]:06d}", material_id=material.id, port=port,
                         customs_office=office, broker=broker, arrived_at=arrived,
                         declared_at=declared, released_at=released, received_at=received,
                         gate_out_at=gate_out,
                         inspection=inspection if released else None)
    s.add(sh)
    s.flush()
    return sh


def history(s, material, hours_list, *, end: dt.datetime, port="CNSHA", office="2201",  # type: ignore[no-untyped-def]
            broker="BRK-A", spacing_hours: float = 24) -> None:
    """Past clearances, the last one released `spacing_hours` before `end`, older ones
    earlier; hours_list is oldest first."""
    n = len(hours_list)
    for i, h in enumerate(hours_list):
        released = end - dt.timedelta(hours=spacing_hours * (n - i))
        shipment(s, material, port=port, office=office, broker=broker,
                 arrived=released - dt.timedelta(hours=h), released=released,
                 declared=released - dt.timedelta(hours=h / 2),
                 gate_out=released + dt.timedelta(hours=4),
                 received=released + dt.timedelta(hours=20))
