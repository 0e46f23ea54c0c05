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
from functools import cached_property

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


@dataclass(frozen=True, slots=True)
class KpiCase:
    """One order (or rush case) behind a figure. Times are kept as the database's text
    and parsed when asked for: a year holds 126,000 of these."""

    order_id: str
    order_no: str
    start_text: str
    stop_text: str | None
    #: Minutes / hours of the interval; for first_pass_accuracy 100 (first pass) or 0;
    #: for an open case its age (minutes, or hours for the rates).
    value: float | None
    customer_code: str | None
    tier: str | None
    channel: str | None
    product_line: str | None
    week: str
    month: str
    ref: str | None = None

    @property
    def start_at(self) -> dt.datetime:
        return _parse(self.start_text)  # type: ignore[return-value]

    @property
    def stop_at(self) -> dt.datetime | None:
        return _parse(self.stop_text)

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


# Row layout of _CASES (and of the sources behind the lazily built KpiCase objects).
_ORDER_ID, _ORDER_NO, _START, _STOP, _CORRECTED, _MINUTES, _WITHDRAWN, _REF = range(8)
_CODE, _TIER, _CHANNEL, _LINE, _WEEK, _MONTH = range(8, 14)
_DIM_INDEX = {"customer_code": _CODE, "tier": _TIER, "channel": _CHANNEL,
              "product_line": _LINE}


@dataclass
class _Cases:
    """Cases as the query gave them (rows), with each one's value (and stop time when it
    is not the row's), so a year's figures need no object per case."""

    rows: list[tuple] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    stops: list[str | None] | None = None
    open_rows: list[tuple] = field(default_factory=list)
    open_values: list[float] = field(default_factory=list)
    skipped: int = 0

    def case(self, i: int) -> KpiCase:
        r = self.rows[i]
        stop = self.stops[i] if self.stops is not None else r[_STOP]
        return _make_case(r, stop, self.values[i])

    def open_case(self, i: int) -> KpiCase:
        return _make_case(self.open_rows[i], None, self.open_values[i])


def _make_case(r: tuple, stop: object, value: float) -> KpiCase:
    return KpiCase(r[_ORDER_ID], r[_ORDER_NO], str(r[_START]), None if stop is None else str(stop),
                   value, r[_CODE], r[_TIER], r[_CHANNEL], r[_LINE], r[_WEEK], r[_MONTH],
                   r[_REF])


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
    source: _Cases = field(repr=False, compare=False)

    @cached_property
    def cases(self) -> tuple[KpiCase, ...]:
        """The closed cases behind the figure, in time order (built when first asked)."""
        return tuple(self.source.case(i) for i in range(len(self.source.rows)))

    @cached_property
    def open_cases(self) -> tuple[KpiCase, ...]:
        """The open cases (value = age), in time order; never inside the figure."""
        return tuple(self.source.open_case(i) for i in range(len(self.source.open_rows)))


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


def _median_sorted(v: list[float]) -> float | None:
    n = len(v)
    if not n:
        return None
    mid = n // 2
    return v[mid] if n % 2 else (v[mid - 1] + v[mid]) / 2


def nearest_rank(sorted_values: list[float], p: float) -> float | None:
    """The value at position ceil(p N) (1-based) of already sorted values."""
    if not sorted_values:
        return None
    k = max(1, math.ceil(p * len(sorted_values)))
    return sorted_values[k - 1]


def _time_figure(label: str, values: list[float], open_n: int = 0) -> Figure:
    ordered = sorted(values)
    med = _median_sorted(ordered)
    return Figure(label, med, med, nearest_rank(ordered, 0.9), len(ordered), open_n)


def _rate_figure(label: str, values: list[float], open_n: int = 0,
                 weekly: Iterable[Figure] = ()) -> Figure:
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


_CASES = """
SELECT order_id, order_no, start_at, stop_at, corrected_at, minutes, withdrawn, ref,
       customer_code, tier, channel, product_line, week, month
FROM insight_cases
WHERE case_type = :type AND excluded = 0 AND start_at >= :start AND start_at < :end
ORDER BY start_at
"""


def _age_minutes(now: dt.datetime, start: object) -> float:
    return (now - _parse(start)).total_seconds() / 60  # type: ignore[operator]


def _order_cases(rows: list, now: dt.datetime) -> tuple[_Cases, _Cases]:
    processing, accuracy = _Cases(), _Cases(stops=[])
    p_rows, p_vals = processing.rows.append, processing.values.append
    a_rows, a_vals, a_stops = accuracy.rows.append, accuracy.values.append, accuracy.stops.append  # type: ignore[union-attr]
    for r in rows:
        stop = r[_STOP]
        if stop is None:
            age = _age_minutes(now, r[_START])
            processing.open_rows.append(r)
            processing.open_values.append(age)
            accuracy.open_rows.append(r)
            accuracy.open_values.append(age / 60)
            continue
        minutes = r[_MINUTES]
        if minutes < 0:
            processing.skipped += 1
        else:
            p_rows(r)
            p_vals(minutes)
        corrected = r[_CORRECTED]
        a_rows(r)
        a_vals(0.0 if corrected else 100.0)
        a_stops(corrected or stop)
    return processing, accuracy


def _rush_cases(rows: list, now: dt.datetime) -> _Cases:
    out = _Cases()
    for r in rows:
        if r[_STOP] is None:
            if not r[_WITHDRAWN]:
                out.open_rows.append(r)
                out.open_values.append(_age_minutes(now, r[_START]) / 60)
            continue
        hours = r[_MINUTES] / 60
        if hours < 0:
            out.skipped += 1
            continue
        out.rows.append(r)
        out.values.append(hours)
    return out


# ---- buckets -------------------------------------------------------------------------
def week_of(when: dt.datetime) -> str:
    monday = when.date() - dt.timedelta(days=when.weekday())
    return monday.isoformat()


def month_of(when: dt.datetime) -> str:
    return f"{when:%Y-%m}"


def _grouped(rows: list[tuple], values: list[float], col: int) -> dict[str, list[float]]:
    """Values by the row's column `col`. Rows come in time order, so a week's or a
    month's rows are contiguous: cut the value list at the boundaries (C-speed slices)."""
    out: dict[str, list[float]] = {}
    keys = [r[col] or "-" for r in rows]
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            key = keys[start]
            if key in out:  # not contiguous after all (never for week/month): still right
                out[key].extend(values[start:i])
            else:
                out[key] = values[start:i]
            start = i
    return out


def _counts(rows: list[tuple], col: int) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for r in rows:
        out[r[col] or "-"] += 1
    return out


def _result(kpi: KpiDefinition, cases: _Cases, by: str | None, now: dt.datetime) -> KpiResult:
    rate = kpi.unit == "%"
    rows, values = cases.rows, cases.values
    weekly_vals = _grouped(rows, values, _WEEK)
    open_weekly = _counts(cases.open_rows, _WEEK)
    if rate:
        weekly = tuple(_rate_figure(w, weekly_vals.get(w, []), open_weekly.get(w, 0))
                       for w in sorted(set(weekly_vals) | set(open_weekly)))
    else:
        weekly = tuple(_time_figure(w, weekly_vals.get(w, []), open_weekly.get(w, 0))
                       for w in sorted(set(weekly_vals) | set(open_weekly)))
    monthly_vals = _grouped(rows, values, _MONTH)
    open_monthly = _counts(cases.open_rows, _MONTH)
    monthly = []
    for m in sorted(set(monthly_vals) | set(open_monthly)):
        if rate:
            in_month = [w for w in weekly if w.label[:7] == m]
            monthly.append(_rate_figure(m, monthly_vals.get(m, []), open_monthly.get(m, 0),
                                        in_month))
        else:
            monthly.append(_time_figure(m, monthly_vals.get(m, []), open_monthly.get(m, 0)))
    total = (_rate_figure("all", values, len(cases.open_rows), weekly) if rate
             else _time_figure("all", values, len(cases.open_rows)))

    breakdown: tuple[Figure, ...] = ()
    if by:
        col = _DIM_INDEX[by]
        groups = defaultdict(list)
        for r, v in zip(rows, values):
            groups[r[col] or "-"].append((r[_WEEK], v))
        open_groups = _counts(cases.open_rows, col)
        figs = []
        for g in sorted(set(groups) | set(open_groups)):
            pairs = groups.get(g, [])
            g_values = [v for _w, v in pairs]
            if rate:
                by_week: dict[str, list[float]] = defaultdict(list)
                for w, v in pairs:
                    by_week[w].append(v)
                g_weekly = [_rate_figure(w, vs) for w, vs in sorted(by_week.items())]
                figs.append(_rate_figure(g, g_values, open_groups.get(g, 0), g_weekly))
            else:
                figs.append(_time_figure(g, g_values, open_groups.get(g, 0)))
        breakdown = tuple(figs)

    ages = sorted(cases.open_values)
    ageing = Ageing(len(ages), median(ages), nearest_rank(ages, 0.9), ages[-1] if ages else None)
    met = None
    if total.value is not None:
        met = total.value <= kpi.target if kpi.better == "lower" else total.value >= kpi.target
    return KpiResult(kpi=kpi, value=total.value, median=total.median, p90=total.p90,
                     n=total.n, met=met, open=ageing, skipped=cases.skipped, weekly=weekly,
                     monthly=tuple(monthly), breakdown=breakdown, source=cases)


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
        # The DBAPI cursor gives plain tuples: a year is 126,000 rows.
        cursor = s.connection().connection.cursor()
        try:
            order_rows = cursor.execute(_CASES, {**params, "type": "order"}).fetchall()
            rush_rows = cursor.execute(_CASES, {**params, "type": "rush"}).fetchall()
        finally:
            cursor.close()
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
