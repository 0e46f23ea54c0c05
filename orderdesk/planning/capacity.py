"""Machine load over the next hours, the 92% rule and alternative routes.

Load % of a bucket = planned hours ÷ capacity hours, where capacity is the available
hours (shifts minus planned downtime) or, with `load_basis` "effective" (the default,
see `orderdesk.planning.rules`), available hours × the machine's expected OEE. The
expected OEE is the live one (machine logs of the last `oee_days`) when there are logs,
else the figure configured on the machine; the result says which (`oee_source`).

A work order's planned hours are spread over its window [start, end] in proportion to
the machine's available hours in each bucket: planned downtime in the window pushes
the same hours into fewer buckets. A work order whose window has no available time at
all is flagged (`no_time_in_window`) and its hours sit in the first bucket of the window,
so the cell shows red instead of the work vanishing.

`CapacityPlan` is plain data computed in one pass (no session kept); the service
`capacity_plan(desk)` loads it. Runs on any thread.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import select

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, ValidationFailed
from orderdesk.models import Customer, Order, Product, utcnow
from orderdesk.models.planning import (
    MachineLog,
    PlannedDowntime,
    Routing,
    ShiftWindow,
    WorkCentre,
    WorkOrder,
)
from orderdesk.planning import calendar as cal
from orderdesk.planning import oee as oee_mod
from orderdesk.planning.errors import NoApprovedAlternative
from orderdesk.planning.rules import load_rules

OPEN_WO = ("planned", "running")
GREEN, AMBER, RED = "green", "amber", "red"
#: How far ahead a finish date is searched (due-date effect, promise dates).
SEARCH_DAYS = 60


# ---- plain input ---------------------------------------------------------------------
@dataclass(frozen=True)
class MachineIn:
    id: str
    code: str
    name: str
    kind: str
    tonnage: int | None
    configured_oee: float
    oee: oee_mod.Oee
    shifts: tuple[cal.Shift, ...]
    downtime: tuple[cal.Interval, ...]

    @property
    def expected_oee(self) -> float:
        v = self.oee.value
        return v if v is not None and v > 0 else self.configured_oee

    @property
    def oee_source(self) -> str:
        v = self.oee.value
        return "logs" if v is not None and v > 0 else "configured"


@dataclass(frozen=True)
class RoutingIn:
    product_id: str
    machine_id: str
    approved: bool
    priority: int
    cycle_seconds: float
    cavities: int
    setup_minutes: float

    def hours_for(self, quantity: float) -> float:
        """Ideal machine hours for a quantity: shots × cycle + setup."""
        shots = math.ceil(quantity / max(self.cavities, 1))
        return shots * self.cycle_seconds / 3600.0 + self.setup_minutes / 60.0


@dataclass(frozen=True)
class WorkOrderIn:
    id: str
    wo_no: str
    machine_id: str
    product_id: str
    sku: str
    quantity: float
    hours: float
    start: dt.datetime
    end: dt.datetime
    order_id: str | None = None
    order_no: str | None = None
    customer: str | None = None
    due_date: dt.date | None = None


# ---- output --------------------------------------------------------------------------
@dataclass(frozen=True)
class BucketLoad:
    start: dt.datetime
    end: dt.datetime
    planned_hours: float
    available_hours: float
    capacity_hours: float
    load_pct: float | None       # None: planned work but no capacity at all
    status: str                  # green / amber / red
    work_orders: tuple[tuple[str, float], ...]   # (work order id, hours in this bucket)

    def as_dict(self) -> dict[str, object]:
        return {"start": self.start.isoformat(timespec="minutes"),
                "planned_hours": round(self.planned_hours, 3),
                "available_hours": round(self.available_hours, 3),
                "capacity_hours": round(self.capacity_hours, 3),
                "load_pct": None if self.load_pct is None else round(self.load_pct, 1),
                "status": self.status}


@dataclass(frozen=True)
class Alternative:
    machine_code: str
    machine_id: str
    work_order_id: str
    wo_no: str
    hours_there: float
    resulting_load: float | None      # peak load % of that machine with the work moved
    source_load_after: float | None   # peak load % left on the red machine
    finish: dt.datetime | None        # when the moved work would be done there
    due_date: dt.date | None
    late_days: int | None             # > 0 late, <= 0 on time; None: no due date / no finish
    fits: bool                        # resulting load within the red threshold
    reason: str | None = None         # why it does not fit

    def as_dict(self) -> dict[str, object]:
        return {"machine": self.machine_code, "work_order": self.wo_no,
                "resulting_load": None if self.resulting_load is None else round(self.resulting_load, 1),
                "source_load_after": None if self.source_load_after is None else round(self.source_load_after, 1),
                "hours": round(self.hours_there, 2),
                "finish": self.finish.isoformat(timespec="minutes") if self.finish else None,
                "due_date": self.due_date.isoformat() if self.due_date else None,
                "late_days": self.late_days, "fits": self.fits, "reason": self.reason}


@dataclass(frozen=True)
class MachineLoad:
    id: str
    code: str
    name: str
    kind: str
    tonnage: int | None
    oee: oee_mod.Oee
    expected_oee: float
    oee_source: str
    buckets: tuple[BucketLoad, ...]
    peak_load: float | None
    over_threshold: bool
    flags: tuple[str, ...]
    alternatives: tuple[Alternative, ...] = ()
    no_alternative_reason: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "name": self.name, "kind": self.kind,
                "tonnage": self.tonnage, "oee": self.oee.as_dict(),
                "expected_oee": round(self.expected_oee, 4), "oee_source": self.oee_source,
                "load": [b.as_dict() for b in self.buckets],
                "peak_load": None if self.peak_load is None else round(self.peak_load, 1),
                "over_threshold": self.over_threshold, "flags": list(self.flags),
                "alternatives": [a.as_dict() for a in self.alternatives],
                "no_alternative_reason": self.no_alternative_reason}


@dataclass(frozen=True)
class WorkOrderRow:
    id: str
    wo_no: str
    machine_code: str
    sku: str
    quantity: float
    hours: float
    start: dt.datetime
    end: dt.datetime
    order_no: str | None
    customer: str | None
    due_date: dt.date | None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class CapacityPlan:
    start: dt.datetime
    bucket_hours: int
    horizon_hours: int
    load_basis: str
    green_below: float
    red_above: float
    machines: tuple[MachineLoad, ...]
    work_orders: dict[str, WorkOrderRow] = field(default_factory=dict)
    computed_at: dt.datetime | None = None

    def machine(self, code: str) -> MachineLoad:
        for m in self.machines:
            if m.code == code:
                return m
        raise NotFound(entity="machine", key=code)

    def as_dict(self) -> dict[str, object]:
        return {"start": self.start.isoformat(timespec="minutes"),
                "bucket_hours": self.bucket_hours, "horizon_hours": self.horizon_hours,
                "load_basis": self.load_basis,
                "load_basis_text": ("planned hours / (available hours x expected OEE)"
                                    if self.load_basis == "effective"
                                    else "planned hours / available hours"),
                "thresholds": {"green_below": self.green_below, "red_above": self.red_above},
                "machines": [m.as_dict() for m in self.machines]}


# ---- the engine ----------------------------------------------------------------------
def status_for(pct: float | None, green_below: float, red_above: float) -> str:
    if pct is None or pct > red_above:
        return RED
    return GREEN if pct < green_below else AMBER


class CapacityEngine:
    """Load of every machine over the horizon, from plain input."""

    def __init__(self, machines: Sequence[MachineIn], routings: Sequence[RoutingIn],
                 work_orders: Sequence[WorkOrderIn], *, start: dt.datetime, rules: dict) -> None:
        self.rules = rules
        self.start = start.replace(minute=0, second=0, microsecond=0)
        if rules["bucket_hours"] > 1:
            # Shift-sized buckets start on the clock (00/08/16 for 8 h), not at "now".
            bh = rules["bucket_hours"]
            self.start = self.start.replace(hour=(self.start.hour // bh) * bh)
        self.bucket = dt.timedelta(hours=rules["bucket_hours"])
        self.n = max(1, math.ceil(rules["horizon_hours"] / rules["bucket_hours"]))
        self.end = self.start + self.bucket * self.n
        self.machines = {m.id: m for m in machines}
        self._spread_cache: dict[tuple[str, str, float], tuple[list[float], bool]] = {}
        self._planned_cache: dict[str, list[float]] = {}
        self.routings: dict[str, list[RoutingIn]] = defaultdict(list)
        for r in routings:
            self.routings[r.product_id].append(r)
        self.work_orders = {w.id: w for w in work_orders}
        self.by_machine: dict[str, list[WorkOrderIn]] = defaultdict(list)
        for w in work_orders:
            self.by_machine[w.machine_id].append(w)
        far = self.start + dt.timedelta(days=SEARCH_DAYS)
        earliest = min([self.start] + [w.start for w in work_orders])
        self._avail = {m.id: cal.available(m.shifts, m.downtime, earliest, far)
                       for m in machines}
        self._bucket_avail = {mid: [cal.hours_between(iv, *self._bounds(i))
                                    for i in range(self.n)] for mid, iv in self._avail.items()}

    def _bounds(self, i: int) -> tuple[dt.datetime, dt.datetime]:
        s = self.start + self.bucket * i
        return s, s + self.bucket

    def _factor(self, m: MachineIn) -> float:
        return m.expected_oee if self.rules["load_basis"] == "effective" else 1.0

    def spread(self, machine_id: str, w: WorkOrderIn, hours: float | None = None
               ) -> tuple[list[float], bool]:
        """Hours of `w` per bucket on that machine; True when its window had no time."""
        hours = w.hours if hours is None else hours
        key = (machine_id, w.id, hours)
        hit = self._spread_cache.get(key)
        if hit is None:
            hit = self._spread_cache[key] = self._spread(machine_id, w, hours)
        return list(hit[0]), hit[1]

    def _spread(self, machine_id: str, w: WorkOrderIn, hours: float) -> tuple[list[float], bool]:
        iv = self._avail[machine_id]
        window = cal.hours_between(iv, w.start, w.end)
        out = [0.0] * self.n
        if w.end <= self.start or w.start >= self.end:
            return out, window <= 0
        if window <= 0:
            first = max(0, int((max(w.start, self.start) - self.start) / self.bucket))
            if first < self.n:
                out[first] = hours
            return out, True
        for i in range(self.n):
            bs, be = self._bounds(i)
            s, e = max(bs, w.start), min(be, w.end)
            if e > s:
                out[i] = hours * cal.hours_between(iv, s, e) / window
        return out, False

    def _loads(self, m: MachineIn, planned: list[float]) -> list[float | None]:
        f = self._factor(m)
        out: list[float | None] = []
        for p, a in zip(planned, self._bucket_avail[m.id]):
            cap = a * f
            if cap <= 1e-9:
                out.append(None if p > 1e-9 else 0.0)
            else:
                out.append(100.0 * p / cap)
        return out

    @staticmethod
    def _peak(loads: Sequence[float | None]) -> float | None:
        if any(v is None for v in loads):
            return None
        return max(loads, default=0.0)  # type: ignore[type-var, return-value]

    def _over(self, peak: float | None, loads: Sequence[float | None]) -> bool:
        return peak is None or peak > self.rules["red_above"]

    def planned(self, machine_id: str, *, without: str | None = None) -> list[float]:
        base = self._planned_cache.get(machine_id)
        if base is None:
            base = [0.0] * self.n
            for w in self.by_machine.get(machine_id, ()):
                hours, _ = self.spread(machine_id, w)
                for i, h in enumerate(hours):
                    base[i] += h
            self._planned_cache[machine_id] = base
        total = list(base)
        if without is not None and without in self.work_orders \
                and self.work_orders[without].machine_id == machine_id:
            hours, _ = self.spread(machine_id, self.work_orders[without])
            total = [max(0.0, a - b) for a, b in zip(total, hours)]
        return total

    def finish_time(self, machine_id: str, start: dt.datetime, hours: float,
                    *, planned: list[float] | None = None) -> dt.datetime | None:
        """When `hours` of work started at `start` would be done on this machine, using
        only the capacity the planned work leaves (inside the horizon) and the whole
        capacity after it. None: not within SEARCH_DAYS."""
        m = self.machines[machine_id]
        f = self._factor(m)
        planned = planned if planned is not None else self.planned(machine_id)
        need = hours
        if need <= 1e-9:
            return max(start, self.start)
        for s, e in self._avail[machine_id]:
            if e <= start:
                continue
            s = max(s, start)
            t = s
            while t < e:
                if t < self.start:          # the past: nothing can be done there
                    step_end, free_share = min(e, self.start), 0.0
                elif t < self.end:          # inside the horizon: what planned work leaves
                    i = int((t - self.start) / self.bucket)
                    step_end = min(e, self._bounds(i)[1])
                    avail_b = self._bucket_avail[machine_id][i]
                    free_share = (max(0.0, 1.0 - planned[i] / (avail_b * f))
                                  if avail_b > 0 and f > 0 else 0.0)
                else:                       # beyond it: the whole capacity
                    step_end, free_share = e, 1.0
                span = (step_end - t).total_seconds() / 3600.0
                can = span * f * free_share
                if can >= need - 1e-9:
                    frac = need / can if can > 0 else 1.0
                    return t + dt.timedelta(hours=span * frac)
                need -= can
                t = step_end
        return None

    def _late_days(self, finish: dt.datetime | None, due: dt.date | None) -> int | None:
        if finish is None or due is None:
            return None
        ready = finish.date() + dt.timedelta(days=self.rules["ship_days_after_production"])
        return (ready - due).days

    def approved_routes(self, product_id: str) -> list[RoutingIn]:
        return sorted((r for r in self.routings.get(product_id, ())
                       if r.approved and r.machine_id in self.machines),
                      key=lambda r: (r.priority, self.machines[r.machine_id].code))

    def alternatives_for(self, machine_id: str, wo_ids: Sequence[str] | None = None
                         ) -> tuple[list[Alternative], str | None]:
        """Approved machines that could take the work loading the red buckets of this
        machine, each with its resulting load and due-date effect; or why there is none."""
        m = self.machines[machine_id]
        red = self.rules["red_above"]
        base = self.planned(machine_id)
        loads = self._loads(m, base)
        if wo_ids is None:
            red_idx = [i for i, v in enumerate(loads) if v is None or v > red]
            contrib: dict[str, float] = defaultdict(float)
            for w in self.by_machine.get(machine_id, ()):
                hours, _ = self.spread(machine_id, w)
                for i in red_idx:
                    contrib[w.id] += hours[i]
            wo_ids = [k for k, v in sorted(contrib.items(), key=lambda kv: -kv[1]) if v > 1e-9]
        out: list[Alternative] = []
        reasons: set[str] = set()
        for wid in wo_ids:
            w = self.work_orders[wid]
            routes = self.routings.get(w.product_id, [])
            if not routes:
                reasons.add("no_routing")
                continue
            others = [r for r in self.approved_routes(w.product_id) if r.machine_id != machine_id]
            if not others:
                reasons.add("only_this_machine_approved")
                continue
            source_after = self._peak(self._loads(m, self.planned(machine_id, without=wid)))
            for r in others:
                alt = self.machines[r.machine_id]
                hours_there = r.hours_for(w.quantity)
                planned_alt = self.planned(alt.id)
                moved, _ = self.spread(alt.id, w, hours_there)
                after = [a + b for a, b in zip(planned_alt, moved)]
                peak = self._peak(self._loads(alt, after))
                finish = self.finish_time(alt.id, max(w.start, self.start), hours_there,
                                          planned=planned_alt)
                fits = peak is not None and peak <= red
                reason = None if fits else "alternative_over_threshold"
                out.append(Alternative(
                    machine_code=alt.code, machine_id=alt.id, work_order_id=w.id, wo_no=w.wo_no,
                    hours_there=hours_there, resulting_load=peak, source_load_after=source_after,
                    finish=finish, due_date=w.due_date, late_days=self._late_days(finish, w.due_date),
                    fits=fits, reason=reason))
        out.sort(key=lambda a: (not a.fits, a.late_days if a.late_days is not None else 0,
                                a.resulting_load if a.resulting_load is not None else 1e9))
        if not out:
            if not wo_ids:
                return [], "no_work_in_red_buckets"
            return [], ("only_this_machine_approved" if "only_this_machine_approved" in reasons
                        else "no_routing")
        if not any(a.fits for a in out):
            return out, "alternatives_over_threshold"
        return out, None

    def machine_load(self, machine_id: str, *, with_alternatives: bool = True) -> MachineLoad:
        m = self.machines[machine_id]
        per: list[list[tuple[str, float]]] = [[] for _ in range(self.n)]
        planned = [0.0] * self.n
        flags: set[str] = set()
        if not m.shifts:
            flags.add("calendar_missing")
        if m.oee.value is None:
            flags.add("oee_from_configuration")
        for w in self.by_machine.get(machine_id, ()):
            hours, empty = self.spread(machine_id, w)
            if empty:
                flags.add("no_time_in_window")
            for i, h in enumerate(hours):
                if h > 1e-9:
                    per[i].append((w.id, h))
                    planned[i] += h
        loads = self._loads(m, planned)
        g, r = self.rules["green_below"], self.rules["red_above"]
        f = self._factor(m)
        buckets = tuple(BucketLoad(
            start=self._bounds(i)[0], end=self._bounds(i)[1], planned_hours=planned[i],
            available_hours=self._bucket_avail[machine_id][i],
            capacity_hours=self._bucket_avail[machine_id][i] * f, load_pct=loads[i],
            status=status_for(loads[i], g, r), work_orders=tuple(per[i]))
            for i in range(self.n))
        peak = self._peak(loads)
        over = self._over(peak, loads)
        alts: list[Alternative] = []
        reason = None
        if over and with_alternatives:
            alts, reason = self.alternatives_for(machine_id)
            # Per machine the best move only (the list is sorted best first); every
            # work order's own options come from suggest_alternatives.
            seen: set[str] = set()
            alts = [a for a in alts if not (a.machine_code in seen or seen.add(a.machine_code))]
        return MachineLoad(id=m.id, code=m.code, name=m.name, kind=m.kind, tonnage=m.tonnage,
                           oee=m.oee, expected_oee=m.expected_oee, oee_source=m.oee_source,
                           buckets=buckets, peak_load=peak, over_threshold=over,
                           flags=tuple(sorted(flags)), alternatives=tuple(alts),
                           no_alternative_reason=reason)

    def plan(self) -> CapacityPlan:
        machines = tuple(self.machine_load(mid) for mid in
                         sorted(self.machines, key=lambda k: self.machines[k].code))
        code = {m.id: m.code for m in self.machines.values()}
        rows = {w.id: WorkOrderRow(id=w.id, wo_no=w.wo_no, machine_code=code.get(w.machine_id, "?"),
                                   sku=w.sku, quantity=w.quantity, hours=w.hours, start=w.start,
                                   end=w.end, order_no=w.order_no, customer=w.customer,
                                   due_date=w.due_date)
                for w in self.work_orders.values()}
        return CapacityPlan(start=self.start, bucket_hours=self.rules["bucket_hours"],
                            horizon_hours=self.rules["horizon_hours"],
                            load_basis=self.rules["load_basis"],
                            green_below=self.rules["green_below"],
                            red_above=self.rules["red_above"], machines=machines,
                            work_orders=rows, computed_at=utcnow())


# ---- loading from the database -------------------------------------------------------
def _f(v: object) -> float:
    return float(v) if v is not None else 0.0


def factory_now() -> dt.datetime:
    """Now on the factory's local clock: shift calendars, work-order windows and customs
    milestones are all written in it (audit stamps stay in UTC elsewhere)."""
    return dt.datetime.now().replace(microsecond=0)


def load_engine(desk: Desk, *, now: dt.datetime | None = None,
                rules: dict | None = None, hours: int | None = None) -> CapacityEngine:
    rules = dict(rules or load_rules(desk))
    if hours is not None:
        if hours <= 0 or hours > 24 * 31:
            raise ValidationFailed(field="hours", value=hours, reason="out_of_range")
        rules["horizon_hours"] = hours
    now = now or factory_now()
    since = (now - dt.timedelta(days=rules["oee_days"])).date()
    with desk.read() as s:
        centres = s.scalars(select(WorkCentre).where(WorkCentre.active.is_(True))).all()
        ids = [c.id for c in centres]
        shifts: dict[str, list[cal.Shift]] = defaultdict(list)
        for sh in s.scalars(select(ShiftWindow).where(ShiftWindow.active.is_(True))):
            try:
                shifts[sh.work_centre_id].append(cal.Shift(sh.name, sh.weekday,
                                                           cal.parse_hhmm(sh.start_time),
                                                           cal.parse_hhmm(sh.end_time)))
            except ValueError:
                continue   # refused at import; a synced bad value is skipped, not guessed
        down: dict[str, list[cal.Interval]] = defaultdict(list)
        for d in s.scalars(select(PlannedDowntime).where(PlannedDowntime.active.is_(True),
                                                         PlannedDowntime.end_at > now)):
            down[d.work_centre_id].append((d.start_at, d.end_at))
        logs: dict[str, list] = defaultdict(list)
        for lg in s.scalars(select(MachineLog).where(MachineLog.shift_date >= since,
                                                     MachineLog.shift_date <= now.date())):
            logs[lg.work_centre_id].append((lg.shift_date, oee_mod.LogFigures(
                _f(lg.planned_minutes), _f(lg.run_minutes), _f(lg.ideal_cycle_seconds),
                lg.total_count, lg.good_count)))
        machines = [MachineIn(id=c.id, code=c.code, name=c.name, kind=c.kind, tonnage=c.tonnage,
                              configured_oee=_f(c.expected_oee) or 1.0,
                              oee=oee_mod.compute(logs.get(c.id, [])),
                              shifts=tuple(shifts.get(c.id, [])),
                              downtime=tuple(down.get(c.id, [])))
                    for c in centres]
        routings = [RoutingIn(r.product_id, r.work_centre_id, r.approved, r.priority,
                              _f(r.cycle_seconds), r.cavities, _f(r.setup_minutes))
                    for r in s.scalars(select(Routing).where(Routing.active.is_(True)))]
        rows = s.execute(
            select(WorkOrder, Product.sku, Order.order_no, Order.promised_date,
                   Order.requested_date, Customer.name)
            .join(Product, Product.id == WorkOrder.product_id)
            .outerjoin(Order, Order.id == WorkOrder.order_id)
            .outerjoin(Customer, Customer.id == Order.customer_id)
            .where(WorkOrder.status.in_(OPEN_WO), WorkOrder.work_centre_id.in_(ids),
                   WorkOrder.end_at > now)).all()
        wos = [WorkOrderIn(id=w.id, wo_no=w.wo_no, machine_id=w.work_centre_id,
                           product_id=w.product_id, sku=sku, quantity=_f(w.quantity),
                           hours=_f(w.planned_hours), start=w.start_at, end=w.end_at,
                           order_id=w.order_id, order_no=no, customer=cust,
                           due_date=promised or requested)
               for w, sku, no, promised, requested, cust in rows]
    return CapacityEngine(machines, routings, wos, start=now, rules=rules)


def capacity_plan(desk: Desk, *, now: dt.datetime | None = None, hours: int | None = None
                  ) -> CapacityPlan:
    """Every active machine's load per bucket over the horizon, its OEE with the period,
    whether it passes the red threshold, and approved alternatives where it does."""
    desk.require("order.read")
    return load_engine(desk, now=now, hours=hours).plan()


def suggest_alternatives(desk: Desk, work_order_id: str, *, now: dt.datetime | None = None
                         ) -> tuple[list[Alternative], str | None]:
    """Approved machines for one work order, with resulting load and due-date effect,
    or the reason none is offered. Nothing is changed."""
    desk.require("order.read")
    eng = load_engine(desk, now=now)
    w = eng.work_orders.get(work_order_id)
    if w is None:
        raise NotFound(entity="work_order", key=work_order_id)
    return eng.alternatives_for(w.machine_id, [work_order_id])


def move_work_order(desk: Desk, work_order_id: str, machine_code: str) -> Changes:
    """A planner accepts an alternative: the work order moves to that machine with the
    hours of its routing there. Refused unless the machine is approved for the product.
    Audited and synced through the tracked row."""
    desk.require("planning.write")
    with desk.write() as s:
        w = s.get(WorkOrder, work_order_id)
        if w is None:
            raise NotFound(entity="work_order", key=work_order_id)
        centre = s.scalars(select(WorkCentre).where(WorkCentre.code == machine_code,
                                                    WorkCentre.active.is_(True))).one_or_none()
        if centre is None:
            raise NotFound(entity="machine", key=machine_code)
        route = s.scalars(select(Routing).where(
            Routing.product_id == w.product_id, Routing.work_centre_id == centre.id,
            Routing.active.is_(True))).one_or_none()
        if route is None or not route.approved:
            sku = s.get(Product, w.product_id).sku  # type: ignore[union-attr]
            raise NoApprovedAlternative(machine=machine_code, sku=sku)
        if w.work_centre_id == centre.id:
            return Changes()
        hours = RoutingIn(route.product_id, centre.id, True, route.priority,
                          _f(route.cycle_seconds), route.cavities,
                          _f(route.setup_minutes)).hours_for(_f(w.quantity))
        w.work_centre_id = centre.id
        w.planned_hours = round_hours(hours)
    return Changes(planning=True)


def round_hours(hours: float):  # type: ignore[no-untyped-def]
    from decimal import Decimal

    return Decimal(str(round(hours, 4)))


__all__ = ["Alternative", "BucketLoad", "CapacityEngine", "CapacityPlan", "MachineLoad",
           "capacity_plan", "load_engine", "move_work_order", "suggest_alternatives", "replace"]
