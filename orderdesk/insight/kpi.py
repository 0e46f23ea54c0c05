"""The three KPIs of the order flow, read with plain SQL from the event log.

- processing_time: minutes from the customer's submission (`received`) to the first
  `released` (an executable work order: sales hands the order to scheduling, or
  production moves it on). Target <= 15 min.
- first_pass_accuracy: share of orders with no `corrected` event from their
  confirmation on, at any time up to now (a correction after release still counts).
  Target >= 98.5 %.
- rush_latency: hours from a rush request to PMC's confirmation that it can be
  scheduled. Target <= 2 h.

The cohort of a period is the orders received (for rush_latency: the rush cases
requested) in [start, end). Cancelled and merged (duplicate) orders are left out.
An order not yet released (a case not yet confirmed) is an open case: it is never
inside the figure and is reported apart with its age. A rush case withdrawn before PMC
confirmed it is no case at all. An interval that ends before it starts (clocks of two
stations disagreeing) is left out and counted under `skipped`, never silently.

Median: the middle value (the mean of the two middle values for an even N).
P90: nearest rank, the value at position ceil(0.9 N) of the sorted values. For
first_pass_accuracy they are taken over the weekly rates of the period, and its P90
is the rate 90 % of those weeks reach or beat (the 10th percentile), since higher is
better. A period with no cases has N = 0 and no value, never 0.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import text

from orderdesk.desk import Desk
from orderdesk.errors import OrderdeskError
from orderdesk.insight import events
from orderdesk.models.base import utcnow

DIMENSIONS = ("product_line", "tier", "channel")


class UnknownDimension(OrderdeskError):
    code = "insight_unknown_dimension"


class BadPeriod(OrderdeskError):
    code = "insight_bad_period"


@dataclass(frozen=True)
class KpiDefinition:
    key: str
    name: str
    name_zh: str
    unit: str
    target: float
    #: "lower" (a time: lower is better) or "higher" (a rate)
    better: str
    definition: str
    #: The two event kinds that bound the measured interval on one order.
    start_kind: str
    stop_kind: str


KPIS: tuple[KpiDefinition, ...] = (
    KpiDefinition(
        "processing_time", "Order processing time", "订单处理时长", "min", 15.0, "lower",
        "Minutes from the customer's submission to an executable work order (released to "
        "production); median and P90 of the orders received in the period.",
        "received", "released"),
    KpiDefinition(
        "first_pass_accuracy", "First-pass accuracy", "一次准确率", "%", 98.5, "higher",
        "Share of the released orders received in the period that were never corrected "
        "after confirmation (corrections made later still count).",
        "received", "corrected"),
    KpiDefinition(
        "rush_latency", "Cross-department response", "跨部门响应时长", "h", 2.0, "lower",
        "Hours from a rush request to PMC confirming it can be scheduled; median and P90 "
        "of the rush cases requested in the period.",
        "rush_requested", "rush_confirmed"),
)
KPI_BY_KEY = {k.key: k for k in KPIS}

#: Decimals shown for each unit, in the UI and in every export alike.
DECIMALS = {"min": 1, "h": 2, "%": 2}


def shown(value: float | None, unit: str) -> float | None:
    """A figure rounded the one way every screen and export shows it."""
    return None if value is None else round(value, DECIMALS.get(unit, 2))


@dataclass(frozen=True)
class KpiCase:
    """One order (or rush case) behind a figure."""

    order_id: str
    order_no: str
    start_at: dt.datetime
    stop_at: dt.datetime | None
    #: Minutes / hours of the interval; for first_pass_accuracy 100 (first pass) or 0.
    value: float | None
    customer_code: str | None
    tier: str | None
    channel: str | None
    product_line: str | None
    ref: str | None = None

    def group(self, by: str) -> str:
        return getattr(self, by) or "-"


@dataclass(frozen=True)
class Ageing:
    """Open cases: how many and how old (in the KPI's unit), never inside the figure."""

    n: int
    median_age: float | None
    p90_age: float | None
    max_age: float | None


@dataclass(frozen=True)
class Figure:
    label: str
    value: float | None
    median: float | None
    p90: float | None
    n: int
    open_n: int = 0


@dataclass(frozen=True)
class KpiResult:
    kpi: KpiDefinition
    value: float | None
    median: float | None
    p90: float | None
    n: int
    met: bool | None
    open: Ageing
    skipped: int
    weekly: tuple[Figure, ...]
    monthly: tuple[Figure, ...]
    breakdown: tuple[Figure, ...]
    cases: tuple[KpiCase, ...] = field(repr=False)
    open_cases: tuple[KpiCase, ...] = field(repr=False)


@dataclass(frozen=True)
class KpiReport:
    start: dt.datetime
    end: dt.datetime
    by: str | None
    generated_at: dt.datetime
    results: tuple[KpiResult, ...]

    def result(self, key: str) -> KpiResult:
        return next(r for r in self.results if r.kpi.key == key)


# ---- statistics ----------------------------------------------------------------------
def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def nearest_rank(sorted_values: list[float], p: float) -> float | None:
    """The value at position ceil(p N) (1-based) of already sorted values."""
    if not sorted_values:
        return None
    k = max(1, math.ceil(p * len(sorted_values)))
    return sorted_values[k - 1]


def _time_figure(label: str, cases: list[KpiCase], open_n: int = 0) -> Figure:
    values = sorted(c.value for c in cases if c.value is not None)
    med = median(values)
    return Figure(label, med, med, nearest_rank(values, 0.9), len(values), open_n)


def _rate_figure(label: str, cases: list[KpiCase], open_n: int = 0,
                 weekly: Iterable[Figure] = ()) -> Figure:
    values = [c.value for c in cases if c.value is not None]
    rate = sum(values) / len(values) if values else None
    weeks = sorted(w.value for w in weekly if w.value is not None)
    return Figure(label, rate, median(weeks), nearest_rank(weeks, 0.1), len(values), open_n)


# ---- SQL -----------------------------------------------------------------------------
def _ts(value: dt.datetime) -> str:
    # The text form SQLAlchemy stores on SQLite, so string comparison is time order.
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _parse(value: object) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


_ORDER_COHORT = """
WITH cohort AS (
  SELECT order_id, MIN(at) AS received_at FROM insight_events
  WHERE kind = 'received' AND at >= :start AND at < :end GROUP BY order_id),
agg AS (
  SELECT e.order_id,
    MIN(e.at) AS confirmed_at,
    MIN(CASE WHEN e.kind = 'released' THEN e.at END) AS released_at
  FROM insight_events e JOIN cohort ON cohort.order_id = e.order_id
  WHERE e.kind IN ('confirmed', 'released') GROUP BY e.order_id)
SELECT cohort.order_id, o.order_no, cohort.received_at, agg.released_at,
  (SELECT MIN(x.at) FROM insight_events x WHERE x.order_id = cohort.order_id
     AND x.kind = 'corrected' AND x.at >= agg.confirmed_at) AS corrected_at,
  c.code, c.tier, o.channel, p.product_line
FROM cohort JOIN orders o ON o.id = cohort.order_id
LEFT JOIN agg ON agg.order_id = cohort.order_id
LEFT JOIN customers c ON c.id = o.customer_id
LEFT JOIN order_lines l1 ON l1.order_id = o.id AND l1.line_no = 1
LEFT JOIN products p ON p.id = l1.product_id
WHERE o.cancelled = 0 AND o.merged_into_id IS NULL
"""

_RUSH_COHORT = """
SELECT r.order_id, o.order_no, r.at AS requested_at, r.ref,
  (SELECT MIN(k.at) FROM insight_events k WHERE k.order_id = r.order_id
     AND k.kind = 'rush_confirmed' AND k.ref = r.ref) AS confirmed_at,
  EXISTS (SELECT 1 FROM insight_events w WHERE w.order_id = r.order_id
     AND w.kind = 'rush_withdrawn' AND w.ref = r.ref) AS withdrawn,
  c.code, c.tier, o.channel, p.product_line
FROM insight_events r JOIN orders o ON o.id = r.order_id
LEFT JOIN customers c ON c.id = o.customer_id
LEFT JOIN order_lines l1 ON l1.order_id = o.id AND l1.line_no = 1
LEFT JOIN products p ON p.id = l1.product_id
WHERE r.kind = 'rush_requested' AND r.at >= :start AND r.at < :end
  AND o.cancelled = 0 AND o.merged_into_id IS NULL
"""


@dataclass
class _Cases:
    closed: list[KpiCase]
    open: list[KpiCase]
    skipped: int = 0


def _order_cases(rows: list, now: dt.datetime) -> tuple[_Cases, _Cases]:
    processing, accuracy = _Cases([], []), _Cases([], [])
    for r in rows:
        start = _parse(r.received_at)
        released = _parse(r.released_at)
        base = dict(order_id=r.order_id, order_no=r.order_no, start_at=start,
                    customer_code=r.code, tier=r.tier, channel=r.channel,
                    product_line=r.product_line)
        if released is None:
            age = (now - start).total_seconds() / 60
            processing.open.append(KpiCase(stop_at=None, value=age, **base))
            accuracy.open.append(KpiCase(stop_at=None, value=age / 60, **base))
            continue
        minutes = (released - start).total_seconds() / 60
        if minutes < 0:
            processing.skipped += 1
        else:
            processing.closed.append(KpiCase(stop_at=released, value=minutes, **base))
        corrected = _parse(r.corrected_at)
        accuracy.closed.append(KpiCase(stop_at=corrected or released,
                                       value=0.0 if corrected else 100.0, **base))
    return processing, accuracy


def _rush_cases(rows: list, now: dt.datetime) -> _Cases:
    out = _Cases([], [])
    for r in rows:
        start = _parse(r.requested_at)
        confirmed = _parse(r.confirmed_at)
        base = dict(order_id=r.order_id, order_no=r.order_no, start_at=start,
                    customer_code=r.code, tier=r.tier, channel=r.channel,
                    product_line=r.product_line, ref=r.ref)
        if confirmed is None:
            if not r.withdrawn:
                out.open.append(KpiCase(stop_at=None,
                                        value=(now - start).total_seconds() / 3600, **base))
            continue
        hours = (confirmed - start).total_seconds() / 3600
        if hours < 0:
            out.skipped += 1
            continue
        out.closed.append(KpiCase(stop_at=confirmed, value=hours, **base))
    return out


# ---- buckets -------------------------------------------------------------------------
def week_of(when: dt.datetime) -> str:
    monday = when.date() - dt.timedelta(days=when.weekday())
    return monday.isoformat()


def month_of(when: dt.datetime) -> str:
    return f"{when:%Y-%m}"


def _grouped(cases: list[KpiCase], key: Callable[[KpiCase], str]) -> dict[str, list[KpiCase]]:
    out: dict[str, list[KpiCase]] = defaultdict(list)
    for c in cases:
        out[key(c)].append(c)
    return out


def _result(kpi: KpiDefinition, cases: _Cases, by: str | None, now: dt.datetime) -> KpiResult:
    closed = sorted(cases.closed, key=lambda c: c.start_at)
    rate = kpi.unit == "%"
    make = _rate_figure if rate else _time_figure

    weekly_cases = _grouped(closed, lambda c: week_of(c.start_at))
    open_weekly = _grouped(cases.open, lambda c: week_of(c.start_at))
    weekly = tuple(make(w, weekly_cases.get(w, []), len(open_weekly.get(w, [])))
                   for w in sorted(set(weekly_cases) | set(open_weekly)))
    monthly_cases = _grouped(closed, lambda c: month_of(c.start_at))
    open_monthly = _grouped(cases.open, lambda c: month_of(c.start_at))
    monthly = []
    for m in sorted(set(monthly_cases) | set(open_monthly)):
        in_month = [w for w in weekly if w.label[:7] == m] if rate else ()
        fig = (_rate_figure(m, monthly_cases.get(m, []), len(open_monthly.get(m, [])), in_month)
               if rate else _time_figure(m, monthly_cases.get(m, []), len(open_monthly.get(m, []))))
        monthly.append(fig)
    total = (_rate_figure("all", closed, len(cases.open), weekly) if rate
             else _time_figure("all", closed, len(cases.open)))

    breakdown: tuple[Figure, ...] = ()
    if by:
        groups = _grouped(closed, lambda c: c.group(by))
        open_groups = _grouped(cases.open, lambda c: c.group(by))
        figs = []
        for g in sorted(set(groups) | set(open_groups)):
            g_cases = groups.get(g, [])
            g_weekly = ([_rate_figure(w, ws) for w, ws in
                         sorted(_grouped(g_cases, lambda c: week_of(c.start_at)).items())]
                        if rate else ())
            figs.append(make(g, g_cases, len(open_groups.get(g, [])), g_weekly) if rate
                        else _time_figure(g, g_cases, len(open_groups.get(g, []))))
        breakdown = tuple(figs)

    ages = sorted(c.value for c in cases.open if c.value is not None)
    ageing = Ageing(len(ages), median(ages), nearest_rank(ages, 0.9), ages[-1] if ages else None)
    met = None
    if total.value is not None:
        met = total.value <= kpi.target if kpi.better == "lower" else total.value >= kpi.target
    return KpiResult(kpi=kpi, value=total.value, median=total.median, p90=total.p90,
                     n=total.n, met=met, open=ageing, skipped=cases.skipped, weekly=weekly,
                     monthly=tuple(monthly), breakdown=breakdown, cases=tuple(closed),
                     open_cases=tuple(sorted(cases.open, key=lambda c: c.start_at)))


def default_period(now: dt.datetime | None = None) -> tuple[dt.datetime, dt.datetime]:
    """The last 30 days up to now (the landing page's period)."""
    now = now or utcnow()
    end = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
    return end - dt.timedelta(days=30), end


def kpi_report(desk: Desk, start: dt.datetime | None = None, end: dt.datetime | None = None,
               *, by: str | None = None, now: dt.datetime | None = None,
               refresh: bool = True) -> KpiReport:
    """The three KPIs over [start, end) (default: the last 30 days), with weekly and
    monthly series, the breakdown `by` a dimension, the cases behind every figure and
    the open cases apart. Brings the event log up to date first."""
    if by is not None and by not in DIMENSIONS:
        raise UnknownDimension(by=by, known=", ".join(DIMENSIONS))
    now = now or utcnow()
    if start is None or end is None:
        d_start, d_end = default_period(now)
        start, end = start or d_start, end or d_end
    if end <= start:
        raise BadPeriod(start=start.isoformat(), end=end.isoformat())
    if refresh:
        events.refresh(desk)
    params = {"start": _ts(start), "end": _ts(end)}
    with desk.read() as s:
        order_rows = s.execute(text(_ORDER_COHORT), params).all()
        rush_rows = s.execute(text(_RUSH_COHORT), params).all()
    processing, accuracy = _order_cases(order_rows, now)
    rush = _rush_cases(rush_rows, now)
    by_key = {"processing_time": processing, "first_pass_accuracy": accuracy,
              "rush_latency": rush}
    return KpiReport(start=start, end=end, by=by, generated_at=now,
                     results=tuple(_result(k, by_key[k.key], by, now) for k in KPIS))


def bounding_events(kpi_key: str, case: KpiCase,
                    trail: Iterable[events.TrailEvent]) -> tuple[events.TrailEvent, ...]:
    """The two events of an order's trail that bound the interval the KPI measured."""
    kpi = KPI_BY_KEY[kpi_key]
    trail = list(trail)
    start = next((e for e in trail if e.kind == kpi.start_kind and e.at == case.start_at
                  and (case.ref is None or e.ref == case.ref)), None)
    stop_kind = kpi.stop_kind
    if kpi_key == "first_pass_accuracy" and case.value == 100.0:
        stop_kind = "released"  # never corrected: the interval closes with the release
    stop = None
    if case.stop_at is not None:
        stop = next((e for e in trail if e.kind == stop_kind and e.at == case.stop_at
                     and (case.ref is None or e.ref == case.ref)), None)
    return tuple(e for e in (start, stop) if e is not None)


def to_json(report: KpiReport) -> dict:
    """The report as the CLI and exports give it; figures rounded as the UI shows them."""
    def fig(f: Figure, unit: str) -> dict:
        return {"group": f.label, "value": shown(f.value, unit), "median": shown(f.median, unit),
                "p90": shown(f.p90, unit), "n": f.n, "open": f.open_n}

    out = []
    for r in report.results:
        u = r.kpi.unit
        out.append({
            "key": r.kpi.key, "name": r.kpi.name, "name_zh": r.kpi.name_zh,
            "definition": r.kpi.definition, "value": shown(r.value, u),
            "median": shown(r.median, u), "p90": shown(r.p90, u), "n": r.n,
            "target": r.kpi.target, "unit": u, "better": r.kpi.better, "met": r.met,
            "skipped": r.skipped,
            "open": {"n": r.open.n, "unit": "h" if u == "%" else u,
                     "median_age": shown(r.open.median_age, u),
                     "p90_age": shown(r.open.p90_age, u),
                     "max_age": shown(r.open.max_age, u)},
            "breakdown": [fig(f, u) for f in r.breakdown],
            "weekly": [fig(f, u) for f in r.weekly],
            "monthly": [fig(f, u) for f in r.monthly],
        })
    return {"from": report.start.isoformat(), "to": report.end.isoformat(), "by": report.by,
            "generated_at": report.generated_at.isoformat(timespec="seconds"), "kpis": out}


def case_trail(desk: Desk, kpi_key: str, case: KpiCase) -> tuple[events.TrailEvent, ...]:
    """The order's whole trail, the two events bounding the measured interval flagged."""
    import dataclasses

    trail = events.order_trail(desk, case.order_id)
    bounds = {id(e) for e in bounding_events(kpi_key, case, trail)}
    return tuple(dataclasses.replace(e, bound=True) if id(e) in bounds else e for e in trail)
