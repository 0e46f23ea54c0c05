"""The supply-risk rule: lane median of the last N clearances, port fallback for small
samples (said in the alert), an outlier that does not move the median, a lasting
regime change that does, and missing milestones that are flagged, never zero."""

from __future__ import annotations

import datetime as dt

import pytest

from orderdesk.planning.customs import import_shipments, risk_report
from orderdesk.planning.errors import PlanningFileInvalid
from orderdesk.planning.rules import save_rules
from tests.core.planning_data import T0, history, product, shipment

NOW = T0 + dt.timedelta(days=10)
H = dt.timedelta(hours=1)


def _setup(desk, hours_list, *, open_hours=None, **kw):  # type: ignore[no-untyped-def]
    with desk.write() as s:
        m = product(s, "RES-PA66", is_component=True, unit="kg")
        history(s, m, hours_list, end=NOW, **kw)
        if open_hours is not None:
            shipment(s, m, arrived=NOW - open_hours * H, declared=NOW - (open_hours - 2) * H,
                     ref="OPEN-1", **kw)
    return risk_report(desk, now=NOW)


@pytest.mark.parametrize("elapsed, alert", [(59, False), (60, False), (61, True)])
def test_below_and_above_200_percent(desk, elapsed, alert) -> None:  # type: ignore[no-untyped-def]
    r = _setup(desk, [30] * 10, open_hours=elapsed)
    assert bool(r.alerts) is alert
    if alert:
        a = r.alerts[0]
        assert a.reference == "OPEN-1" and a.material_sku == "RES-PA66"
        assert a.baseline.hours == 30 and a.baseline.n == 10 and a.baseline.scope == "lane"
        assert a.text() == "2.03× median (30 h, n=10, last 90 days)"
        assert a.projected_release == NOW + 30 * H     # one more typical clearance
        assert a.projected_received == NOW + 50 * H    # + the lane's 20 h to the plant


def test_one_outlier_does_not_inflate_the_baseline(desk) -> None:  # type: ignore[no-untyped-def]
    # Mean would be 77 h and hide a 65 h shipment; the median stays 30 h.
    r = _setup(desk, [30] * 9 + [500], open_hours=65)
    assert r.alerts and r.alerts[0].baseline.hours == 30


def test_small_lane_falls_back_to_the_port_and_says_so(desk) -> None:  # type: ignore[no-untyped-def]
    with desk.write() as s:
        m = product(s, "RES-PA66", is_component=True, unit="kg")
        history(s, m, [20, 20, 20], end=NOW, broker="NEW-BROKER")          # lane n=3
        history(s, m, [40] * 8, end=NOW, broker="BRK-A")                    # port n=11
        shipment(s, m, arrived=NOW - 90 * H, declared=NOW - 80 * H, broker="NEW-BROKER",
                 ref="OPEN-1")
    r = risk_report(desk, now=NOW)
    a = r.alerts[0]
    assert a.baseline.scope == "port" and a.baseline.lane_n == 3 and a.baseline.n == 11
    assert a.baseline.hours == 40
    assert "port_median_used" in a.flags
    assert "port CNSHA median: lane has only n=3" in a.text()


def test_no_baseline_anywhere_is_flagged_not_guessed(desk) -> None:  # type: ignore[no-untyped-def]
    r = _setup(desk, [30, 30], open_hours=500)
    assert not r.alerts
    assert [f.flags for f in r.flagged] == [("no_baseline",)]


def test_a_lasting_regime_change_moves_the_baseline(desk) -> None:  # type: ignore[no-untyped-def]
    # A new inspection regime: the last 11 of 20 clearances take 70 h. The median of the
    # last 20 is then 70 h; a 100 h shipment is normal now (1.43×), not an alert.
    r = _setup(desk, [30] * 9 + [70] * 11, open_hours=100)
    assert not r.alerts
    assert r.open_shipments == 1 and not r.flagged


def test_regime_change_before_and_after_majority(desk) -> None:  # type: ignore[no-untyped-def]
    before = _setup(desk, [30] * 11 + [70] * 9, open_hours=100)
    assert before.alerts and before.alerts[0].baseline.hours == 30
    with desk.write() as s:
        from tests.core.planning_data import history as more
        from orderdesk.models import Product
        from sqlalchemy import select

        m = s.scalars(select(Product).where(Product.sku == "RES-PA66")).one()
        # two more slow clearances, released in the last hours: now 11 of the last 20
        more(s, m, [70, 70], end=NOW, spacing_hours=1)
    after = risk_report(desk, now=NOW)
    assert not after.alerts
    assert after.open_shipments == 1


def test_old_clearances_leave_the_window(desk) -> None:  # type: ignore[no-untyped-def]
    save_rules(desk, {"lane_window_days": 5})
    # 10 clearances one day apart: only the last 5 days' count; 5 >= min sample.
    r = _setup(desk, [100] * 5 + [30] * 5, open_hours=61)
    assert r.alerts[0].baseline.n == 5 and r.alerts[0].baseline.hours == 30
    assert "last 5 days" in r.alerts[0].text()


def test_missing_milestones_are_flagged_never_zero(desk) -> None:  # type: ignore[no-untyped-def]
    with desk.write() as s:
        m = product(s, "RES-PA66", is_component=True, unit="kg")
        history(s, m, [30] * 10, end=NOW)
        # Released but no arrival time: not a baseline sample (not a 0 h clearance).
        shipment(s, m, arrived=None, released=NOW - 5 * H, declared=NOW - 8 * H, ref="NOARR")
        # Open, declared, no arrival: its elapsed time is unknown, not 0 h.
        shipment(s, m, arrived=None, declared=NOW - 100 * H, ref="OPEN-NOARR")
        # Released before it arrived: inconsistent.
        shipment(s, m, arrived=NOW - 3 * H, released=NOW - 10 * H, ref="BACKWARDS")
    r = risk_report(desk, now=NOW)
    flags = {f.reference: f.flags for f in r.flagged}
    assert "arrived_missing" in flags["NOARR"]
    assert "elapsed_unknown" in flags["OPEN-NOARR"] and "arrived_missing" in flags["OPEN-NOARR"]
    assert "released_before_arrived" in flags["BACKWARDS"]
    assert not r.alerts
    # The baseline still comes from the ten good clearances only.
    with desk.write() as s:
        shipment(s, m, arrived=NOW - 61 * H, ref="OPEN-2")
    a = risk_report(desk, now=NOW).alerts[0]
    assert a.baseline.n == 10 and a.baseline.hours == 30


def _xlsx(tmp_path, rows):  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "清关跟踪"
    ws.append(["报关行清关跟踪表"])
    ws.append(["提单号", "物料编码", "数量", "口岸", "申报海关", "报关行", "预计到港", "到港",
               "申报时间", "是否查验", "放行时间", "提柜", "到厂"])
    for r in rows:
        ws.append(r)
    p = tmp_path / "broker.xlsx"
    wb.save(p)
    return p


def test_broker_sheet_import_and_blank_cells_stay_unknown(desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with desk.write() as s:
        product(s, "RES-PA66", is_component=True, unit="kg")
    arrived = dt.datetime(2026, 12, 10, 6, 0)
    path = _xlsx(tmp_path, [
        ["BL-1", "RES-PA66", 5000, "CNSHA", "2201", "BRK-A", arrived - H, arrived,
         "2026-12-10 09:00", "否", None, None, None],
    ])
    rep = import_shipments(desk, path)
    assert (rep.created, rep.updated) == (1, 0)
    with desk.read() as s:
        from orderdesk.models.planning import InboundShipment

        sh = s.query(InboundShipment).one()
        assert sh.arrived_at == arrived and sh.released_at is None and sh.inspection is False
    # A later sheet with the release filled in updates the same shipment.
    path = _xlsx(tmp_path, [["BL-1", "RES-PA66", 5000, "CNSHA", "2201", "BRK-A", None, None,
                             None, "是", "2026-12-11 10:30", None, None]])
    rep = import_shipments(desk, path)
    assert (rep.created, rep.updated) == (0, 1)
    with desk.read() as s:
        sh = s.query(InboundShipment).one()
        assert sh.arrived_at == arrived                      # blank cell kept the value
        assert sh.released_at == dt.datetime(2026, 12, 11, 10, 30) and sh.inspection is True


@pytest.mark.parametrize("row, reason", [
    (["BL-2", "RES-XX", 1, "CNSHA", "2201", "B", None, None, None, None, None, None, None],
     "unknown_product"),
    (["BL-2", "RES-PA66", 1, "Shanghai", "2201", "B", None, None, None, None, None, None, None],
     "not_a_un_locode"),
    (["BL-2", "RES-PA66", 1, "CNSHA", "2201", "B", None, "yesterday", None, None, None, None,
      None], "not_a_date"),
    (["BL-2", "RES-PA66", 1, "CNSHA", None, "B", None, None, None, None, None, None, None],
     "missing"),
])
def test_bad_broker_rows_import_nothing(desk, tmp_path, row, reason) -> None:  # type: ignore[no-untyped-def]
    with desk.write() as s:
        product(s, "RES-PA66", is_component=True, unit="kg")
    good = ["BL-1", "RES-PA66", 1, "CNSHA", "2201", "B", None, None, None, None, None, None, None]
    with pytest.raises(PlanningFileInvalid) as exc:
        import_shipments(desk, _xlsx(tmp_path, [good, row]))
    assert any(reason in p for p in exc.value.facts["problems"])
    with desk.read() as s:
        from orderdesk.models.planning import InboundShipment

        assert s.query(InboundShipment).count() == 0
