"""Alternative routes: only customer-approved machines, with their resulting load and
due-date effect; none when only the red machine is approved; nothing moves until a
planner accepts, and the acceptance is audited and queued for sync."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from orderdesk.models import AuditLog, Outbox
from orderdesk.models.planning import WorkOrder
from orderdesk.planning.capacity import capacity_plan, move_work_order, suggest_alternatives
from orderdesk.planning.errors import NoApprovedAlternative
from orderdesk.planning.rules import save_rules
from tests.core.planning_data import T0, machine, order, product, routing, work_order

H = dt.timedelta(hours=1)


def _two_presses(desk, *, approved_b=True, load_b=0.0):  # type: ignore[no-untyped-def]
    save_rules(desk, {"load_basis": "plain"})
    with desk.write() as s:
        a = machine(s, "P-A")
        b = machine(s, "P-B")
        p = product(s, "BRK-1")
        routing(s, p, a, cycle="36", cavities=2)                 # 100 pcs = 50 shots = 0.5 h
        routing(s, p, b, approved=approved_b, priority=2, cycle="72", cavities=2)   # 1.0 h
        o = order(s, p, 100, dt.date(2026, 12, 9))
        w = work_order(s, p, a, 7.6, T0 + 8 * H, T0 + 16 * H, quantity=100, order=o)  # 95%
        other = product(s, "BRK-2")
        routing(s, other, b)
        if load_b:
            work_order(s, other, b, load_b, T0 + 8 * H, T0 + 16 * H)
    return w.id


def test_approved_alternative_with_its_resulting_load(desk) -> None:  # type: ignore[no-untyped-def]
    wid = _two_presses(desk, load_b=4.0)
    m = capacity_plan(desk, now=T0).machine("P-A")
    assert m.over_threshold and m.peak_load == pytest.approx(95.0)
    (alt,) = m.alternatives
    assert alt.machine_code == "P-B" and alt.work_order_id == wid
    # On P-B the 100 pieces take 50 shots × 72 s = 1.0 h, on top of its 4 h in 8 h:
    # 5/8 = 62.5% in each hour of the shift.
    assert alt.hours_there == pytest.approx(1.0)
    assert alt.resulting_load == pytest.approx(62.5)
    assert alt.source_load_after == 0
    assert alt.fits and alt.late_days is not None and alt.late_days <= 0
    assert m.no_alternative_reason is None


def test_only_the_approved_machine_means_no_alternative(desk) -> None:  # type: ignore[no-untyped-def]
    wid = _two_presses(desk, approved_b=False)
    m = capacity_plan(desk, now=T0).machine("P-A")
    assert m.over_threshold and m.alternatives == ()
    assert m.no_alternative_reason == "only_this_machine_approved"
    alts, reason = suggest_alternatives(desk, wid, now=T0)
    assert alts == [] and reason == "only_this_machine_approved"
    with pytest.raises(NoApprovedAlternative):
        move_work_order(desk, wid, "P-B")
    assert capacity_plan(desk, now=T0).machine("P-A").over_threshold


def test_no_routing_at_all(desk) -> None:  # type: ignore[no-untyped-def]
    save_rules(desk, {"load_basis": "plain"})
    with desk.write() as s:
        a = machine(s, "P-A")
        machine(s, "P-B")
        p = product(s, "LOOSE")
        work_order(s, p, a, 8.0, T0 + 8 * H, T0 + 16 * H)
    m = capacity_plan(desk, now=T0).machine("P-A")
    assert m.alternatives == () and m.no_alternative_reason == "no_routing"


def test_full_alternative_is_shown_but_does_not_fit(desk) -> None:  # type: ignore[no-untyped-def]
    _two_presses(desk, load_b=7.0)
    m = capacity_plan(desk, now=T0).machine("P-A")
    (alt,) = m.alternatives
    assert alt.resulting_load == pytest.approx(100.0) and not alt.fits
    assert alt.reason == "alternative_over_threshold"
    assert m.no_alternative_reason == "alternatives_over_threshold"


def test_nothing_moves_until_accepted_then_audited(desk) -> None:  # type: ignore[no-untyped-def]
    wid = _two_presses(desk)
    with desk.read() as s:
        audit0 = s.scalar(select(func.count(AuditLog.id)))
        out0 = s.scalar(select(func.count(Outbox.seq)))
    capacity_plan(desk, now=T0)
    suggest_alternatives(desk, wid, now=T0)
    with desk.read() as s:
        assert s.scalar(select(func.count(AuditLog.id))) == audit0
        assert s.scalar(select(func.count(Outbox.seq))) == out0
    changes = move_work_order(desk, wid, "P-B")
    assert changes.planning
    with desk.read() as s:
        w = s.get(WorkOrder, wid)
        assert float(w.planned_hours) == pytest.approx(1.0)      # P-B's routing hours
        fields = set(s.scalars(select(AuditLog.field).where(AuditLog.entity == "work_orders",
                                                            AuditLog.entity_id == wid)))
        assert {"work_centre_id", "planned_hours"} <= fields
        assert s.scalar(select(func.count(Outbox.seq)).where(Outbox.entity == "work_orders")) >= 2
    plan = capacity_plan(desk, now=T0)
    assert not plan.machine("P-A").over_threshold
    assert plan.machine("P-B").peak_load == pytest.approx(12.5)


def test_pmc_may_move_sales_may_not(desk) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.errors import PermissionDenied
    from orderdesk.desk import UserInfo

    wid = _two_presses(desk)
    desk.sign_in(UserInfo(id="u1", username="s1", display_name="S", roles=("sales",)))
    with pytest.raises(PermissionDenied):
        move_work_order(desk, wid, "P-B")
    desk.sign_in(UserInfo(id="u2", username="p1", display_name="P", roles=("pmc",)))
    assert move_work_order(desk, wid, "P-B").planning
