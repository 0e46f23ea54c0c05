"""OEE against hand calculations: each factor on its own, periods summed (not averaged),
and machine-log imports (CSV as an MES exports it) that refuse what cannot be right."""

from __future__ import annotations

import datetime as dt

import pytest

from orderdesk.planning import oee
from orderdesk.planning.capacity import capacity_plan
from orderdesk.planning.errors import PlanningFileInvalid
from orderdesk.planning.setup import import_machines
from tests.core.planning_data import T0, machine

D = dt.date(2026, 12, 4)


def log(planned=480, run=420, cycle=15.0, total=1500, good=1470):  # type: ignore[no-untyped-def]
    return oee.LogFigures(planned, run, cycle, total, good)


def test_one_shift_by_hand() -> None:
    # 480 min planned, 420 run: A = 420/480 = 0.875.
    # 1500 pieces at 15 s ideal = 375 min of ideal time in 420 min run: P = 0.892857...
    # 1470 good of 1500: Q = 0.98.  OEE = 0.875 × 0.892857 × 0.98 = 0.765625.
    r = oee.compute([(D, log())])
    assert r.availability == pytest.approx(0.875)
    assert r.performance == pytest.approx(375 / 420)
    assert r.quality == pytest.approx(0.98)
    assert r.value == pytest.approx(0.765625)
    assert (r.period_start, r.period_end, r.shifts) == (D, D, 1)
    assert r.flags == ()


@pytest.mark.parametrize("change, factor, expected", [
    ({"run": 240}, "availability", 0.5),
    ({"total": 750, "good": 735}, "performance", 750 * 15 / 60 / 420),
    ({"good": 1200}, "quality", 0.8),
])
def test_each_factor_moves_alone(change, factor, expected) -> None:  # type: ignore[no-untyped-def]
    base = oee.compute([(D, log())])
    r = oee.compute([(D, log(**change))])
    assert getattr(r, factor) == pytest.approx(expected)
    for other in {"availability", "performance", "quality"} - {factor}:
        if factor == "availability" and other == "performance":
            continue   # performance is per run minute: fewer run minutes raise it
        assert getattr(r, other) == pytest.approx(getattr(base, other)), other


def test_period_is_summed_not_averaged() -> None:
    # A short bad shift must weigh as little as it ran.
    a = log(planned=480, run=480, cycle=10, total=2880, good=2880)   # OEE 1.0
    b = log(planned=60, run=30, cycle=10, total=90, good=45)         # A .5, P .5, Q .5
    r = oee.compute([(D, a), (D + dt.timedelta(days=1), b)])
    assert r.availability == pytest.approx(510 / 540)
    assert r.performance == pytest.approx((2970 * 10 / 60) / 510)
    assert r.quality == pytest.approx(2925 / 2970)
    # Equivalent: ideal time of the good pieces over planned time.
    assert r.value == pytest.approx(2925 * 10 / 60 / 540)
    mean_of_shifts = (1.0 + 0.125) / 2
    assert r.value != pytest.approx(mean_of_shifts)


def test_performance_over_100_is_flagged_not_capped() -> None:
    r = oee.compute([(D, log(cycle=30))])     # 1500 × 30 s = 750 min in 420 min run
    assert r.performance == pytest.approx(750 / 420)
    assert "performance_over_100" in r.flags


def test_no_logs_is_not_zero() -> None:
    r = oee.compute([])
    assert r.value is None and "no_logs" in r.flags


def _csv(tmp_path, rows):  # type: ignore[no-untyped-def]
    p = tmp_path / "mes.csv"
    p.write_text("机台编号,日期,班次,计划时间,运行时间,理想周期,穴数,总产量,良品数\n"
                 + "\n".join(rows) + "\n", encoding="utf-8")
    return p


def test_imported_logs_give_the_hand_figure(desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with desk.write() as s:
        machine(s, "P-250-01")
    # 30 s per shot with 2 cavities = 15 s per piece, as in the hand calculation.
    path = _csv(tmp_path, ["P-250-01,2026-12-04,A,480,420,30,2,1500,1470"])
    report = import_machines(desk, path)
    assert dict((k, c) for k, c, _u in report.counts) == {"machine_logs": 1}
    plan = capacity_plan(desk, now=dt.datetime(2026, 12, 5, 9))
    m = plan.machine("P-250-01")
    assert m.oee.value == pytest.approx(0.765625)
    assert m.oee_source == "logs" and m.expected_oee == pytest.approx(0.765625)
    # Importing the same export again changes nothing (same row, updated in place).
    import_machines(desk, path)
    plan = capacity_plan(desk, now=dt.datetime(2026, 12, 5, 9))
    assert plan.machine("P-250-01").oee.shifts == 1


@pytest.mark.parametrize("row, reason", [
    ("P-250-01,2026-12-04,A,480,500,30,2,1500,1470", "run_over_planned"),
    ("P-250-01,2026-12-04,A,480,420,30,2,1500,1600", "good_over_total"),
    ("P-250-01,2026-12-04,A,0,0,30,2,1500,1470", "planned_not_positive"),
    ("P-250-01,2026-12-04,A,480,,30,2,1500,1470", "missing"),
    ("P-999,2026-12-04,A,480,420,30,2,1500,1470", "unknown_machine"),
    ("P-250-01,04/13/2026x,A,480,420,30,2,1500,1470", "not_a_date"),
    ("P-250-01,2026-12-04,A,480,420,abc,2,1500,1470", "not_a_number"),
])
def test_bad_log_rows_import_nothing(desk, tmp_path, row, reason) -> None:  # type: ignore[no-untyped-def]
    with desk.write() as s:
        machine(s, "P-250-01")
    good = "P-250-01,2026-12-03,A,480,420,30,2,1500,1470"
    with pytest.raises(PlanningFileInvalid) as exc:
        import_machines(desk, _csv(tmp_path, [good, row]))
    assert any(reason in p for p in exc.value.facts["problems"]), exc.value.facts
    assert "row 3" in " ".join(exc.value.facts["problems"])
    plan = capacity_plan(desk, now=T0)
    assert plan.machine("P-250-01").oee.shifts == 0      # the good row was not kept either
