"""Customer fulfilment health: sub-scores with N, colours, empty months, snapshots."""

from __future__ import annotations

import datetime as dt

import pytest

from orderdesk.insight import health
from orderdesk.insight.exceptions import report_exception
from tests.core.insight_helpers import T0, catalog, event, flow

D = dt.timedelta
NOW = dt.datetime(2026, 4, 15, 12, 0)  # March 2026 is closed, April open


def _shipped(desk, oid, at):  # type: ignore[no-untyped-def]
    event(desk, oid, "shipped", at, detail="warehouse:shipped")


def test_an_empty_month_is_no_data_never_green(desk):
    catalog(desk)
    board = health.health_board(desk, "2026-02", now=NOW)
    assert board.customers and all(h.color == "no_data" for h in board.customers)
    for h in board.customers:
        assert h.score is None
        assert [(s.key, s.value, s.n) for s in h.subs] == [
            ("otif", None, 0), ("changes", None, 0), ("complaints", None, 0),
            ("payment", None, 0)]


def test_otif_changes_and_complaints_give_colours(desk):
    cat = catalog(desk)
    due = dt.date(2026, 3, 10)
    # C1: four lines due 10 March, all shipped on time: green.
    for i in range(4):
        oid = flow(desk, cat, "C1", T0 + D(hours=i), 5, due=due)
        _shipped(desk, oid, dt.datetime(2026, 3, 9, 10))
    # C2: four lines due, one shipped on time, one a day late (within tolerance),
    # two shipped five days late; two corrections; a complaint.
    ids = [flow(desk, cat, "C2", T0 + D(hours=i), 5, due=due) for i in range(4)]
    _shipped(desk, ids[0], dt.datetime(2026, 3, 10, 16))
    _shipped(desk, ids[1], dt.datetime(2026, 3, 11, 16))
    _shipped(desk, ids[2], dt.datetime(2026, 3, 15, 9))
    _shipped(desk, ids[3], dt.datetime(2026, 3, 15, 9))
    event(desk, ids[0], "corrected", T0 + D(days=1), detail="orders.requested_date")
    event(desk, ids[1], "corrected", T0 + D(days=1), detail="order_lines.quantity")
    with desk.read() as s:
        from orderdesk.models import Order
        no = s.get(Order, ids[2]).order_no
    report_exception(desk, kind="complaint", description="客户投诉：外观划伤",
                     order_no=no, now=dt.datetime(2026, 3, 20, 9))
    board = health.health_board(desk, "2026-03", now=NOW)
    by = {h.code: h for h in board.customers}
    c1, c2 = by["C1"], by["C2"]
    assert c1.sub("otif").value == 100.0 and c1.sub("otif").n == 4
    assert c1.color == "green"
    assert c2.sub("otif").value == 50.0 and c2.sub("otif").n == 4
    assert c2.sub("changes").value == pytest.approx(50.0) and c2.sub("changes").n == 4
    assert c2.sub("complaints").value == pytest.approx(25.0) and c2.sub("complaints").n == 4
    assert c2.sub("payment").value is None  # no payment data in this build: never guessed
    assert c2.color == "red"
    assert board.customers[0].code == "C2"  # red first, for the morning meeting


def test_a_closed_month_is_a_snapshot_a_rule_change_does_not_rewrite(desk):
    cat = catalog(desk)
    due = dt.date(2026, 3, 10)
    for i, late in enumerate((0, 0, 3)):
        oid = flow(desk, cat, "C1", T0 + D(hours=i), 5, due=due)
        _shipped(desk, oid, dt.datetime(2026, 3, 9 + late, 10))
    # An April order, so the open month has data too.
    oid = flow(desk, cat, "C1", dt.datetime(2026, 4, 1, 9), 5, due=dt.date(2026, 4, 3))
    _shipped(desk, oid, dt.datetime(2026, 4, 2, 9))
    first = health.health_board(desk, "2026-03", now=NOW)
    c1 = next(h for h in first.customers if h.code == "C1")
    assert first.closed
    rules = health.load_rules(desk)
    rules["bands"]["otif"] = {"good": 60.0, "bad": 10.0}
    rules["green_min"], rules["yellow_min"] = 50.0, 30.0
    health.save_rules(desk, rules)
    again = health.health_board(desk, "2026-03", now=NOW)
    c1_again = next(h for h in again.customers if h.code == "C1")
    assert c1_again.snapshot is True
    assert (c1_again.color, c1_again.score) == (c1.color, c1.score)
    # The open month follows the new rules; computing March afresh would differ.
    fresh = next(h for h in health.compute_month(desk, "2026-03", now=NOW) if h.code == "C1")
    assert fresh.score != c1.score
    assert health.to_json(again)["customers"][0]["code"] in {"C1", "C2"}


def test_weights_must_total_100(desk):
    rules = health.load_rules(desk)
    rules["weights"]["otif"] = 50
    with pytest.raises(health.WeightsNotHundred):
        health.save_rules(desk, rules)
    with pytest.raises(health.BadMonth):
        health.health_board(desk, "2026-13", now=NOW)
