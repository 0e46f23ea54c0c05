"""The capacity warning at order entry and in the import preview.

For each line: the product's usual approved machine (priority 1). If that machine is
red (over the red threshold, on the configured load basis) in any bucket between now
and the due date (within the horizon), the line gets a warning with the best approved
alternative (the one that can finish the quantity first and stays within the
threshold) and a realistic promise date: the earliest finish on any approved machine,
using the capacity the plan leaves, plus the shipping days. Non-blocking: it is advice.
A product with no routing gets no warning (nothing is known); the result says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from orderdesk.desk import Desk
from orderdesk.models import Product
from orderdesk.normalize import sku_norm
from orderdesk.planning.capacity import CapacityEngine, factory_now, load_engine


@dataclass(frozen=True)
class CapacityWarning:
    sku: str
    machine_code: str
    peak_load: float | None           # None: work but no capacity at all
    load_basis: str
    due_date: dt.date | None
    alternative_code: str | None
    alternative_load: float | None
    reason: str | None                # why there is no alternative
    promise_date: dt.date | None      # None: not within the search window


def _peak_in_window(engine: CapacityEngine, machine_id: str, until: dt.datetime) -> float | None:
    load = engine.machine_load(machine_id, with_alternatives=False)
    vals = [b.load_pct for b in load.buckets if b.start < until]
    if any(v is None for v in vals):
        return None
    return max(vals, default=0.0)  # type: ignore[type-var, arg-type]


def check_lines(engine: CapacityEngine, lines: Sequence[tuple[str, str, float]],
                due: dt.date | None) -> list[CapacityWarning]:
    """lines: (sku, product id, quantity)."""
    red = engine.rules["red_above"]
    ship = dt.timedelta(days=engine.rules["ship_days_after_production"])
    until = (dt.datetime.combine(due, dt.time()) + dt.timedelta(days=1)) if due else engine.end
    until = min(until, engine.end)
    out = []
    for sku, product_id, qty in lines:
        routes = engine.approved_routes(product_id)
        if not routes:
            continue
        main = routes[0]
        peak = _peak_in_window(engine, main.machine_id, until)
        if peak is not None and peak <= red:
            continue
        best = None
        finishes = []
        for r in routes:
            finish = engine.finish_time(r.machine_id, engine.start, r.hours_for(qty))
            if finish is not None:
                finishes.append(finish)
            if r is main:
                continue
            p = _peak_in_window(engine, r.machine_id, until)
            if p is None or p > red:
                continue
            key = (finish or dt.datetime.max, p)
            if best is None or key < best[0]:
                best = (key, r, p)
        promise = (min(finishes).date() + ship) if finishes else None
        reason = None
        if best is None:
            reason = ("only_this_machine_approved" if len(routes) == 1
                      else "alternatives_over_threshold")
        out.append(CapacityWarning(
            sku=sku, machine_code=engine.machines[main.machine_id].code, peak_load=peak,
            load_basis=engine.rules["load_basis"], due_date=due,
            alternative_code=engine.machines[best[1].machine_id].code if best else None,
            alternative_load=best[2] if best else None, reason=reason, promise_date=promise))
    return out


def check_order_capacity(desk: Desk, lines: Sequence[tuple[str, Decimal | float]],
                         due: dt.date | None, *, now: dt.datetime | None = None
                         ) -> list[CapacityWarning]:
    """Warnings for the lines (sku, quantity) of an order being entered. Reads only."""
    desk.require("order.read")
    if not lines:
        return []
    with desk.read() as s:
        norms = {sku_norm(sku): sku for sku, _ in lines}
        found = {p.sku_norm: p.id for p in s.scalars(
            select(Product).where(Product.sku_norm.in_(list(norms))))}
    resolved = [(sku, found[sku_norm(sku)], float(qty)) for sku, qty in lines
                if sku_norm(sku) in found]
    if not resolved:
        return []
    engine = load_engine(desk, now=now or factory_now())
    return check_lines(engine, resolved, due)


def check_many(desk: Desk, orders: Sequence[tuple[str, Sequence[tuple[str, float]], dt.date | None]],
               *, now: dt.datetime | None = None) -> dict[str, list[CapacityWarning]]:
    """The import preview: warnings per order key, one engine for the whole file."""
    desk.require("order.read")
    with desk.read() as s:
        skus = {sku_norm(sku) for _, lines, _ in orders for sku, _ in lines}
        found = {p.sku_norm: p.id for p in s.scalars(
            select(Product).where(Product.sku_norm.in_(list(skus))))} if skus else {}
    engine = load_engine(desk, now=now or factory_now())
    out: dict[str, list[CapacityWarning]] = {}
    for key, lines, due in orders:
        resolved = [(sku, found[sku_norm(sku)], float(q)) for sku, q in lines
                    if sku_norm(sku) in found]
        warnings = check_lines(engine, resolved, due) if resolved else []
        if warnings:
            out[key] = warnings
    return out
