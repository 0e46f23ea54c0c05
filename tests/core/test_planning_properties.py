"""Properties of the planning engines on generated data (hypothesis), each varied on its
own: planned hours are never lost or invented by the spreading, downtime only moves load
into fewer buckets, more planned hours never lower a load, OEE factors stay what they are,
and the lane median ignores any single outlier."""

from __future__ import annotations

import datetime as dt
import statistics

from hypothesis import given, settings
from hypothesis import strategies as st

from orderdesk.planning import calendar as cal
from orderdesk.planning import oee
from orderdesk.planning.capacity import CapacityEngine, MachineIn, WorkOrderIn
from orderdesk.planning.customs import ShipmentIn, baseline_for
from tests.core.planning_data import T0, rules

H = dt.timedelta(hours=1)
SHIFTS = (cal.Shift("D", None, dt.time(8), dt.time(20)), cal.Shift("N", None, dt.time(20), dt.time(8)))


def _machine(downtime=(), shifts=SHIFTS):  # type: ignore[no-untyped-def]
    return MachineIn(id="m", code="M", name="M", kind="press", tonnage=None, configured_oee=0.8,
                     oee=oee.NO_LOGS, shifts=tuple(shifts), downtime=tuple(downtime))


def _wo(i, start_h, length_h, hours):  # type: ignore[no-untyped-def]
    return WorkOrderIn(id=f"w{i}", wo_no=f"W{i}", machine_id="m", product_id="p", sku="P",
                       quantity=100, hours=hours, start=T0 + start_h * H,
                       end=T0 + (start_h + length_h) * H)


work = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30),
                          st.floats(0.1, 40, allow_nan=False)), min_size=1, max_size=12)
holes = st.lists(st.tuples(st.integers(0, 70), st.integers(1, 10)), max_size=4)


def _plan(wos, downtime=(), **over):  # type: ignore[no-untyped-def]
    eng = CapacityEngine([_machine(downtime)], [], [_wo(i, *w) for i, w in enumerate(wos)],
                         start=T0, rules=rules(load_basis="plain", horizon_hours=120, **over))
    return eng.machine_load("m", with_alternatives=False)


@settings(max_examples=60, deadline=None)
@given(work, holes)
def test_hours_are_conserved(wos, hs) -> None:  # type: ignore[no-untyped-def]
    # Every work order's window lies inside the 120 h horizon: all its hours are placed.
    down = [(T0 + s * H, T0 + (s + n) * H) for s, n in hs]
    m = _plan(wos, down)
    total = sum(b.planned_hours for b in m.buckets)
    assert abs(total - sum(h for _s, _l, h in wos)) < 1e-6
    for b in m.buckets:
        if b.available_hours == 0 and b.planned_hours > 0:
            assert "no_time_in_window" in m.flags and b.load_pct is None


@settings(max_examples=60, deadline=None)
@given(work, holes)
def test_downtime_never_lowers_the_peak(wos, hs) -> None:  # type: ignore[no-untyped-def]
    down = [(T0 + s * H, T0 + (s + n) * H) for s, n in hs]
    free, held = _plan(wos), _plan(wos, down)
    if held.peak_load is not None and free.peak_load is not None:
        assert held.peak_load >= free.peak_load - 1e-6


@settings(max_examples=60, deadline=None)
@given(work, st.integers(0, 11), st.floats(0.1, 20, allow_nan=False))
def test_more_hours_never_lower_a_bucket(wos, which, extra) -> None:  # type: ignore[no-untyped-def]
    which %= len(wos)
    more = [(s, n, h + extra if i == which else h) for i, (s, n, h) in enumerate(wos)]
    a, b = _plan(wos), _plan(more)
    for x, y in zip(a.buckets, b.buckets):
        assert y.planned_hours >= x.planned_hours - 1e-9


@settings(max_examples=80, deadline=None)
@given(st.floats(1, 720), st.floats(0, 1), st.floats(0.5, 60), st.integers(1, 100000),
       st.floats(0, 1))
def test_oee_factors(planned, run_share, cycle, total, good_share) -> None:  # type: ignore[no-untyped-def]
    run = planned * run_share
    good = int(total * good_share)
    r = oee.compute([(T0.date(), oee.LogFigures(planned, run, cycle, total, good))])
    assert abs(r.availability - run / planned) < 1e-9
    assert abs(r.quality - good / total) < 1e-9
    if run <= 1e-6:
        assert r.performance is None and r.value is None and "no_run_time" in r.flags
    else:
        assert abs(r.performance - cycle * total / 60 / run) <= 1e-9 * max(1.0, r.performance)
        assert abs(r.value - (good * cycle / 60) / planned) <= 1e-6 * max(1.0, r.value)
        assert ("performance_over_100" in r.flags) == (r.performance > 1 + 1e-9)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.floats(5, 200), min_size=5, max_size=20), st.floats(0, 5000))
def test_one_outlier_moves_the_median_at_most_one_place(hours, outlier) -> None:  # type: ignore[no-untyped-def]
    def ships(values):  # type: ignore[no-untyped-def]
        out = []
        for i, h in enumerate(values):
            rel = T0 - (len(values) - i) * H
            out.append(ShipmentIn(id=str(i), reference=str(i), material_id="r", material_sku="R",
                                  material_name="R", quantity=None, port="CNSHA",
                                  customs_office="O", broker="B", eta=None,
                                  arrived_at=rel - h * H, declared_at=None, inspection=False,
                                  released_at=rel, gate_out_at=None, received_at=None))
        return out

    r = rules(lane_last_n=50)
    base = baseline_for(ships(hours), ("CNSHA", "O", "B"), T0, r).hours
    with_outlier = baseline_for(ships(hours + [outlier]), ("CNSHA", "O", "B"), T0, r).hours
    ordered = sorted(hours)
    assert abs(base - statistics.median(hours)) < 1e-6
    # The median of n+1 values lies between neighbours of the old median, whatever the outlier.
    assert ordered[0] - 1e-6 <= with_outlier <= ordered[-1] + 1e-6
    mid = len(ordered) // 2
    lo, hi = ordered[max(0, mid - 1)], ordered[min(len(ordered) - 1, mid + 1)]
    assert lo - 1e-6 <= with_outlier <= hi + 1e-6
