"""Planning data for the demo factory: 24 machines (presses by tonnage and CNCs) on two
shifts, routings for every finished product (some customer-approved on one press only),
work orders over the next 72 hours, a week of machine logs, one press (P-250-03) loaded
over 92% with an approved alternative (P-250-04), planned downtime, and imported resin
shipments whose history gives lane medians, one of them held at customs long enough to
put orders at risk."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from orderdesk.desk import Desk
from orderdesk.models import BomLine, Order, OrderLine, Product, Receipt, StockItem
from orderdesk.models.planning import (
    InboundShipment,
    MachineLog,
    PlannedDowntime,
    Routing,
    ShiftWindow,
    WorkCentre,
    WorkOrder,
)
from orderdesk.planning.capacity import factory_now
from orderdesk.tracking import Actor

# (code, kind, tonnage, product prefix it usually makes, expected OEE)
MACHINES = (
    [(f"P-090-{i:02d}", "press", 90, "CLP", "0.82") for i in range(1, 5)]
    + [(f"P-160-{i:02d}", "press", 160, "HSG", "0.80") for i in range(1, 5)]
    + [(f"P-250-{i:02d}", "press", 250, "BRK", "0.78") for i in range(1, 6)]
    + [(f"P-350-{i:02d}", "press", 350, "CVR", "0.80") for i in range(1, 4)]
    + [(f"P-120-{i:02d}", "press", 120, "GER", "0.83") for i in range(1, 5)]
    + [(f"CNC-{i:02d}", "cnc", None, "SUB", "0.70") for i in range(1, 5)]
)
RED_PRESS, ALT_PRESS = "P-250-03", "P-250-04"


@dataclass(frozen=True)
class DemoPlanning:
    machines: int
    routings: int
    work_orders: int
    logs: int
    shipments: int
    skipped: bool = False


def seed_demo(desk: Desk, *, seed: int = 17, now: dt.datetime | None = None) -> DemoPlanning:
    """Create the planning demo once (skips when there are machines already)."""
    with desk.read() as s:
        if s.scalar(select(func.count(WorkCentre.id))):
            return DemoPlanning(0, 0, 0, 0, 0, skipped=True)
    rng = random.Random(seed)
    now = (now or factory_now()).replace(minute=0, second=0, microsecond=0)
    actor = Actor(user="demo", station=desk.station)
    n_routes = n_wo = n_logs = n_ship = 0
    with desk.write(actor) as s:
        centres: dict[str, WorkCentre] = {}
        for code, kind, tons, _prefix, oee in MACHINES:
            c = WorkCentre(code=code, name=(f"{tons}吨注塑机" if kind == "press" else "CNC加工中心"),
                           kind=kind, tonnage=tons, expected_oee=Decimal(oee))
            s.add(c)
            centres[code] = c
        s.flush()
        for c in centres.values():
            s.add(ShiftWindow(work_centre_id=c.id, name="白班", start_time="08:00", end_time="20:00"))
            s.add(ShiftWindow(work_centre_id=c.id, name="夜班", start_time="20:00", end_time="08:00"))
        # Planned maintenance tomorrow on one 160 t press, a mould change on a 90 t one.
        day1 = now.replace(hour=0) + dt.timedelta(days=1)
        s.add(PlannedDowntime(work_centre_id=centres["P-160-02"].id, start_at=day1 + dt.timedelta(hours=8),
                              end_at=day1 + dt.timedelta(hours=16), reason="季度保养"))
        s.add(PlannedDowntime(work_centre_id=centres["P-090-03"].id, start_at=now + dt.timedelta(hours=5),
                              end_at=now + dt.timedelta(hours=8), reason="换模"))

        # -- routings: usual press by product family; alternatives approved or not ------
        products = s.scalars(select(Product).where(Product.active.is_(True))).all()
        by_prefix: dict[str, list[str]] = defaultdict(list)
        for code, _k, _t, prefix, _o in MACHINES:
            by_prefix[prefix].append(code)
        routes: dict[str, list[tuple[str, Routing]]] = defaultdict(list)
        for p in sorted(products, key=lambda p: p.sku):
            prefix = p.sku.split("-")[0]
            codes = by_prefix.get(prefix)
            if not codes:
                continue
            if prefix == "BRK" and int(p.sku.split("-")[1]) % 2 == 0:
                main = RED_PRESS       # half the brackets usually run on P-250-03
            else:
                main = rng.choice(codes)
            others = [c for c in codes if c != main]
            chosen = [(main, True)]
            if main == RED_PRESS:
                chosen.append((ALT_PRESS, True))       # customer-approved second press
                chosen.append((rng.choice([c for c in others if c != ALT_PRESS]), False))
            else:
                for c in rng.sample(others, min(len(others), rng.choice((0, 1, 2)))):
                    chosen.append((c, rng.random() < 0.6))
            cycle = Decimal(rng.choice((18, 22, 25, 28, 32, 36, 40, 45)))
            cav = rng.choice((1, 2, 2, 4, 4, 8)) if prefix != "SUB" else 1
            for prio, (code, ok) in enumerate(chosen, start=1):
                r = Routing(product_id=p.id, work_centre_id=centres[code].id, approved=ok,
                            priority=prio, cycle_seconds=cycle + (prio - 1) * 3, cavities=cav,
                            setup_minutes=Decimal(rng.choice((30, 45, 60, 90))))
                s.add(r)
                routes[p.id].append((code, r))
                n_routes += 1
        s.flush()

        # -- work orders over the next 72 h, loading each machine to a target ------------
        open_lines = s.execute(
            select(OrderLine, Order)
            .join(Order, Order.id == OrderLine.order_id)
            .where(Order.cancelled.is_(False), Order.status_production == "awaiting_schedule")
            .order_by(Order.requested_date, Order.order_no)).all()
        queue: dict[str, list[tuple[OrderLine, Order, Routing]]] = defaultdict(list)
        for line, order in open_lines:
            rs = routes.get(line.product_id)
            if rs:
                queue[rs[0][0]].append((line, order, rs[0][1]))
        wo_no = 0
        horizon = 72.0
        for code, c in centres.items():
            target = 1.12 if code == RED_PRESS else (0.22 if code == ALT_PRESS
                                                    else rng.uniform(0.25, 0.5))
            # Overlapping work orders, each with a window of 18-40 h between release and
            # due and a share d of the machine's effective capacity over it; starting one
            # every L·d/target hours keeps about target/d of them running at once, so the
            # machine is loaded near its target (at the ~0.75 OEE the logs below give).
            items = queue.get(code, [])
            pool = [(pid, rr) for pid, rs in routes.items() for cc, rr in rs if cc == code]
            if not pool:
                continue
            t = now - dt.timedelta(hours=12)
            k = 0
            while (t - now).total_seconds() / 3600.0 < horizon and k < 400:
                length = rng.uniform(18, 40)
                share = rng.uniform(0.2, 0.35)
                hours = length * 0.75 * share
                if k < len(items):
                    line, order, r = items[k]
                    product_id, order_id, line_id = line.product_id, order.id, line.id
                else:       # stock or component work keeps the machine as busy as planned
                    product_id, r = rng.choice(pool)
                    order_id = line_id = None
                k += 1
                per_shot = float(r.cycle_seconds) / 3600.0
                qty = max(r.cavities, int((hours - float(r.setup_minutes) / 60) / per_shot)
                          * r.cavities)
                start, end = t, t + dt.timedelta(hours=length)
                wo_no += 1
                s.add(WorkOrder(wo_no=f"WO{now:%y%m%d}-{wo_no:04d}", order_id=order_id,
                                order_line_id=line_id, product_id=product_id,
                                work_centre_id=c.id, quantity=Decimal(qty),
                                planned_hours=Decimal(str(round(hours, 2))), start_at=start,
                                end_at=end, status="running" if start < now else "planned"))
                n_wo += 1
                t += dt.timedelta(hours=length * share / target)
        s.flush()

        # -- a week of machine logs, two shifts a day -----------------------------------
        for code, c in centres.items():
            base_a = rng.uniform(0.80, 0.95)
            for d in range(7, 0, -1):
                day = (now - dt.timedelta(days=d)).date()
                for shift in ("白班", "夜班"):
                    planned = 660.0            # 12 h less 60 min of planned breaks
                    run = planned * min(0.99, max(0.5, rng.gauss(base_a, 0.04)))
                    cycle = rng.choice((4.5, 6.0, 9.0, 11.0, 14.0))
                    perf = min(0.99, max(0.6, rng.gauss(0.9, 0.04)))
                    total = int(run * 60 * perf / cycle)
                    good = int(total * min(0.999, max(0.9, rng.gauss(0.975, 0.01))))
                    s.add(MachineLog(work_centre_id=c.id, shift_date=day, shift=shift,
                                     planned_minutes=Decimal(str(round(planned, 1))),
                                     run_minutes=Decimal(str(round(run, 1))),
                                     ideal_cycle_seconds=Decimal(str(cycle)),
                                     total_count=total, good_count=good, source="demo"))
                    n_logs += 1

        # -- imported resin: history per lane and one shipment stuck at customs --------
        # One resin goes short without its shipment.
        usage = s.execute(select(BomLine.component_id, func.count(BomLine.id))
                          .join(Product, Product.id == BomLine.component_id)
                          .where(Product.sku.like("RES-%"), BomLine.active.is_(True))
                          .group_by(BomLine.component_id)
                          .order_by(func.count(BomLine.id).desc())).all()
        if usage:
            resin_id = usage[-1][0]          # the least-used resin: a handful of orders
            # The kit check counts on this shipment as an incoming purchase receipt. Stock
            # is netted to the earliest orders first, so it is sized to cover six tenths
            # of what the orders due in the next five days need: the rest of those, and
            # every later order, wait for the shipment, and the soon-due ones turn late.
            need = soon = Decimal(0)
            horizon_day = now.date() + dt.timedelta(days=5)
            for qty, per, scrap, due in s.execute(
                    select(OrderLine.quantity, BomLine.qty_per, BomLine.scrap_rate,
                           Order.requested_date)
                    .join(Order, Order.id == OrderLine.order_id)
                    .join(BomLine, BomLine.parent_id == OrderLine.product_id)
                    .where(BomLine.component_id == resin_id, BomLine.active.is_(True),
                           Order.cancelled.is_(False),
                           Order.status_production == "awaiting_schedule")):
                amount = qty * per * (1 + (scrap or 0))
                need += amount
                if due is not None and due <= horizon_day:
                    soon += amount
            item = s.scalars(select(StockItem).where(StockItem.product_id == resin_id)).one_or_none()
            if item is not None and need > 0:
                item.on_hand = (soon * Decimal("0.6")).quantize(Decimal(1))
                item.allocated = Decimal(0)
            s.add(Receipt(product_id=resin_id, quantity=(need - soon * Decimal("0.6")).quantize(
                Decimal(1)) + 1000, due_date=now.date(), kind="purchase",
                reference="MSKU7788123", note="进口原料,清关中"))
            resins = [rid for rid, _n in usage]
            lanes = [("CNSHA", "2248 洋山海关", "中外运报关"), ("CNSHA", "2218 外高桥海关", "华贸报关"),
                     ("CNNGB", "3104 北仑海关", "宁波港报关")]
            for li, (port, office, broker) in enumerate(lanes):
                median = (30, 22, 40)[li]
                count = (14, 3, 9)[li]           # the second lane has too few: port median
                for k in range(count):
                    released = now - dt.timedelta(days=2 + k * 5, hours=rng.randint(0, 12))
                    h = median * rng.uniform(0.75, 1.3) if k != 4 else median * 5   # one outlier
                    arrived = released - dt.timedelta(hours=h)
                    n_ship += 1
                    s.add(InboundShipment(
                        reference=f"{port}{24000 + n_ship}", material_id=rng.choice(resins),
                        quantity=Decimal(rng.choice((5000, 10000, 20000))), port=port,
                        customs_office=office, broker=broker,
                        eta=arrived - dt.timedelta(hours=rng.randint(-6, 12)), arrived_at=arrived,
                        declared_at=arrived + dt.timedelta(hours=h * 0.3),
                        inspection=rng.random() < 0.15, released_at=released,
                        gate_out_at=released + dt.timedelta(hours=4),
                        received_at=released + dt.timedelta(hours=rng.uniform(14, 26))))
            # Stuck: arrived 3 days ago on the 30 h lane, declared, inspection ordered.
            s.add(InboundShipment(
                reference="MSKU7788123", material_id=resin_id, quantity=Decimal(20000),
                port="CNSHA", customs_office="2248 洋山海关", broker="中外运报关",
                eta=now - dt.timedelta(hours=78), arrived_at=now - dt.timedelta(hours=72),
                declared_at=now - dt.timedelta(hours=66), inspection=True))
            # On time: arrived 10 hours ago.
            s.add(InboundShipment(
                reference="COSU6612034", material_id=resins[-1], quantity=Decimal(10000),
                port="CNNGB", customs_office="3104 北仑海关", broker="宁波港报关",
                eta=now - dt.timedelta(hours=12), arrived_at=now - dt.timedelta(hours=10)))
            # The broker sent a declaration time but no arrival time: flagged, not zero.
            s.add(InboundShipment(
                reference="EGLV1420078", material_id=resins[1 % len(resins)],
                port="CNSHA", customs_office="2218 外高桥海关", broker="华贸报关",
                eta=now - dt.timedelta(hours=30), declared_at=now - dt.timedelta(hours=20)))
            n_ship += 3
    return DemoPlanning(len(centres), n_routes, n_wo, n_logs, n_ship)
