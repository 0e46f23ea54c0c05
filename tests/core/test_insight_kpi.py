"""The three KPIs on hand-built event logs with known answers."""

from __future__ import annotations

import datetime as dt

import pytest

from orderdesk.insight import kpi
from orderdesk.insight.events import order_trail
from tests.core.insight_helpers import T0, catalog, event, flow, order

D = dt.timedelta
START, END = T0 - D(days=1), T0 + D(days=27)
NOW = T0 + D(days=30)


def test_processing_time_median_p90_and_open_cases_apart(desk):
    cat = catalog(desk)
    # Ten released orders: 1..10 minutes; median 5.5, P90 (nearest rank, ceil(9)=9th) 9.
    for i in range(10):
        flow(desk, cat, "C1", T0 + D(hours=i), i + 1)
    # Two open orders (never released): not in the figure, shown as ageing.
    flow(desk, cat, "C2", NOW - D(hours=2), None)
    flow(desk, cat, "C2", T0 + D(days=1), None)
    # A cancelled order does not count at all.
    flow(desk, cat, "C1", T0 + D(hours=3), 500, cancelled=True)
    report = kpi.kpi_report(desk, START, END, now=NOW)
    r = report.result("processing_time")
    assert r.n == 10
    assert r.median == pytest.approx(5.5, abs=1e-6)
    assert r.value == r.median
    assert r.p90 == pytest.approx(9.0, abs=1e-6)
    assert r.met is True  # 5.5 <= 15
    # The order received NOW - 2 h lies outside the period: only one open case.
    assert r.open.n == 1
    assert r.open.max_age == pytest.approx((NOW - (T0 + D(days=1))).total_seconds() / 60)
    assert [c.value for c in r.cases] == pytest.approx([float(i + 1) for i in range(10)])


def test_a_period_with_no_events_has_no_value_and_n_zero(desk):
    cat = catalog(desk)
    flow(desk, cat, "C1", T0, 10)
    empty_start = T0 + D(days=60)
    report = kpi.kpi_report(desk, empty_start, empty_start + D(days=7), now=NOW + D(days=60))
    for r in report.results:
        assert r.n == 0
        assert r.value is None and r.median is None and r.p90 is None
        assert r.met is None
        assert r.open.n == 0
        assert r.weekly == () and r.monthly == ()
    js = kpi.to_json(report)
    assert [k["value"] for k in js["kpis"]] == [None, None, None]


def test_first_pass_accuracy_counts_corrections_after_close(desk):
    cat = catalog(desk)
    ids = [flow(desk, cat, "C1", T0 + D(hours=i), 5) for i in range(8)]
    # Edited while still a draft-like state before confirmation: not a correction.
    event(desk, ids[0], "corrected", T0 - D(minutes=5), detail="orders.customer_po")
    # Corrected twice: one order, counted once.
    event(desk, ids[2], "corrected", T0 + D(hours=2, minutes=1), detail="orders.requested_date")
    event(desk, ids[2], "corrected", T0 + D(hours=2, minutes=2), detail="orders.delivery_address")
    # An open order (not released) is not in the accuracy figure.
    flow(desk, cat, "C2", T0 + D(days=2), None)
    before = kpi.kpi_report(desk, START, END, now=NOW).result("first_pass_accuracy")
    assert before.value == pytest.approx(7 / 8 * 100)
    # Corrected after release (after the case "closed"), once the figure was read: the
    # next read counts it; the order is not first-pass any more.
    event(desk, ids[1], "corrected", T0 + D(days=10), detail="order_lines.quantity")
    r = kpi.kpi_report(desk, START, END, now=NOW).result("first_pass_accuracy")
    assert r.n == 8
    assert r.value == pytest.approx(6 / 8 * 100)
    assert r.met is False  # 75 % < 98.5 %
    assert r.open.n == 1
    corrected = {c.order_id for c in r.cases if c.value == 0.0}
    assert corrected == {ids[1], ids[2]}


def test_rush_latency_pairs_request_and_confirmation_per_case(desk):
    cat = catalog(desk)
    a = flow(desk, cat, "C1", T0, 5)
    b = flow(desk, cat, "C2", T0 + D(hours=1), 5)
    c = flow(desk, cat, "C2", T0 + D(hours=2), 5)
    d = flow(desk, cat, "C1", T0 + D(hours=3), 5)
    event(desk, a, "rush_requested", T0 + D(hours=1), ref="case-a")
    event(desk, a, "rush_confirmed", T0 + D(hours=2), ref="case-a")          # 1 h
    event(desk, b, "rush_requested", T0 + D(hours=2), ref="case-b")
    event(desk, b, "rush_confirmed", T0 + D(hours=5), ref="case-b")          # 3 h
    event(desk, c, "rush_requested", T0 + D(hours=3), ref="case-c")          # open
    event(desk, d, "rush_requested", T0 + D(hours=3), ref="case-d")
    event(desk, d, "rush_withdrawn", T0 + D(hours=4), ref="case-d")          # no case
    # A confirmation of another case of the same order does not close case-a2.
    event(desk, a, "rush_requested", T0 + D(days=3), ref="case-a2")
    r = kpi.kpi_report(desk, START, END, now=NOW, by="tier").result("rush_latency")
    assert r.n == 2
    assert r.median == pytest.approx(2.0)
    assert r.p90 == pytest.approx(3.0)
    assert r.open.n == 2
    assert {f.label: (f.n, f.open_n) for f in r.breakdown} == {"A": (1, 1), "B": (1, 1)}


def test_breakdown_by_product_line_and_channel(desk):
    cat = catalog(desk)
    flow(desk, cat, "C1", T0, 4, product="BRK", channel="wechat")
    flow(desk, cat, "C1", T0 + D(hours=1), 8, product="BRK", channel="phone")
    flow(desk, cat, "C2", T0 + D(hours=2), 30, product="HSG", channel="phone")
    rep = kpi.kpi_report(desk, START, END, now=NOW, by="product_line")
    figs = {f.label: f for f in rep.result("processing_time").breakdown}
    assert figs["汽车支架"].median == pytest.approx(6.0) and figs["汽车支架"].n == 2
    assert figs["连接器外壳"].median == pytest.approx(30.0)
    rep = kpi.kpi_report(desk, START, END, now=NOW, by="channel")
    figs = {f.label: f.n for f in rep.result("processing_time").breakdown}
    assert figs == {"phone": 2, "wechat": 1}
    with pytest.raises(kpi.UnknownDimension):
        kpi.kpi_report(desk, START, END, by="colour")


def test_a_release_before_receipt_is_skipped_and_counted(desk):
    cat = catalog(desk)
    flow(desk, cat, "C1", T0, 10)
    oid = order(desk, cat, "C1", T0 + D(hours=1))
    event(desk, oid, "released", T0 + D(minutes=30))  # before it was received
    r = kpi.kpi_report(desk, START, END, now=NOW).result("processing_time")
    assert r.n == 1 and r.skipped == 1


def test_weekly_and_monthly_series(desk):
    cat = catalog(desk)
    flow(desk, cat, "C1", T0, 10)                      # week of 2026-03-02
    flow(desk, cat, "C1", T0 + D(days=7), 20)          # week of 2026-03-09
    flow(desk, cat, "C1", T0 + D(days=8), 40)
    r = kpi.kpi_report(desk, START, END, now=NOW).result("processing_time")
    assert [(w.label, w.n, w.median) for w in r.weekly] == [
        ("2026-03-02", 1, 10.0), ("2026-03-09", 2, 30.0)]
    assert [(m.label, m.n) for m in r.monthly] == [("2026-03", 3)]


def test_trail_highlights_the_two_bounding_events(desk):
    cat = catalog(desk)
    oid = flow(desk, cat, "C1", T0, 12)
    event(desk, oid, "status", T0 + D(hours=5), detail="production:in_production")
    r = kpi.kpi_report(desk, START, END, now=NOW).result("processing_time")
    case = next(c for c in r.cases if c.order_id == oid)
    trail = order_trail(desk, oid)
    bounds = kpi.bounding_events("processing_time", case, trail)
    assert [b.kind for b in bounds] == ["received", "released"]
    assert bounds[1].at - bounds[0].at == D(minutes=12)
