"""Green channel: rules, manual rush requests, timed steps, escalation, latency."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from orderdesk.errors import PermissionDenied, ValidationFailed
from orderdesk.models import AuditLog, Notification, Order, Outbox, RushStep, WebhookMessage
from orderdesk.pmc import green_channel as gc
from orderdesk.pmc import service
from orderdesk.services import orders
from orderdesk.services.orders import LineDraft, OrderDraft

T0 = dt.datetime(2026, 12, 1, 8, 0)


def _order(desk, customer: str, due: dt.date, sku: str = "BRK-1001", rush: bool = False) -> str:
    return orders.create_order(desk, OrderDraft(
        channel="wechat", customer_code=customer, requested_date=due, rush=rush,
        rush_reason="客户催货" if rush else None, status_sales="confirmed",
        lines=[LineDraft(sku=sku, quantity=100)])).id


def _sign_in(desk, *roles: str) -> None:
    from orderdesk.desk import UserInfo

    desk.sign_in(UserInfo(id="u-" + roles[0], username=roles[0] + "1",
                          display_name=roles[0], roles=tuple(roles)))


def test_rules_put_a_tier_orders_due_within_72h_in_the_channel(desk, demo_catalog) -> None:
    a_soon = _order(desk, "C001", T0.date() + dt.timedelta(days=2))
    a_later = _order(desk, "C001", T0.date() + dt.timedelta(days=6))
    b_soon = _order(desk, "C002", T0.date() + dt.timedelta(days=1))
    flagged = _order(desk, "C003", T0.date() + dt.timedelta(days=20), rush=True)
    added = gc.evaluate_rules(desk, now=T0)
    assert set(added) == {a_soon, flagged}
    assert gc.evaluate_rules(desk, now=T0) == []                  # once only
    cases = {c.order_id: c for c in gc.list_cases(desk)}
    assert cases[a_soon].source == "rule" and "72" in cases[a_soon].reason
    assert cases[flagged].source == "flag" and cases[flagged].reason == "客户催货"
    with desk.read() as s:
        assert s.get(Order, a_soon).rush is True
        assert s.get(Order, a_later).rush is False and s.get(Order, b_soon).rush is False
    # Business users widen the rules: B tier, one product line only.
    gc.save_rules(desk, {"tiers": ["A", "B"], "due_within_hours": 48,
                         "product_lines": ["汽车支架"]})
    assert gc.evaluate_rules(desk, now=T0) == [b_soon]


def test_rule_product_and_sku_lists(desk, demo_catalog) -> None:
    rules = gc.load_rules_from({"tiers": ["A"], "due_within_hours": 72, "skus": ["HSG-2002"]})
    kw = dict(tier="A", due=T0.date() + dt.timedelta(days=1), now=T0)
    assert gc.rule_matches(rules, product_lines={"x"}, skus={"HSG-2002"}, **kw)
    assert not gc.rule_matches(rules, product_lines={"x"}, skus={"BRK-1001"}, **kw)
    assert not gc.rule_matches({**rules, "enabled": False}, product_lines=set(),
                               skus={"HSG-2002"}, **kw)
    assert not gc.rule_matches(rules, tier="A", due=None, product_lines=set(),
                               skus={"HSG-2002"}, now=T0)


def test_bad_rules_are_refused(desk) -> None:
    for bad in ({"tiers": ["Z"]}, {"due_within_hours": "soon"}, {"webhook_url": "ftp://x"},
                {"targets_minutes": {"pmc": 0}}, {"targets_minutes": {"painting": 5}},
                {"webhook_kind": "slack"}):
        with pytest.raises(ValidationFailed):
            gc.save_rules(desk, bad)
    assert gc.load_rules(desk) == gc.DEFAULT_RULES


def test_manual_request_needs_reason_and_permission(desk, demo_catalog) -> None:
    oid = _order(desk, "C002", T0.date() + dt.timedelta(days=10))
    with pytest.raises(ValidationFailed):
        gc.request_rush(desk, oid, "  ")
    _sign_in(desk, "warehouse")
    with pytest.raises(PermissionDenied):
        gc.request_rush(desk, oid, "客户产线停线")
    _sign_in(desk, "sales")
    case = gc.request_rush(desk, oid, "客户产线停线", now=T0)
    assert case.source == "manual" and case.requested_by == "sales1"
    assert [s.step for s in case.steps] == list(gc.STEP_NAMES)
    first = case.steps[0]
    assert first.started_at == T0 and first.due_at == T0 + dt.timedelta(minutes=120)
    assert all(s.due_at is None for s in case.steps[1:])
    again = gc.request_rush(desk, oid, "客户再次催货", now=T0 + dt.timedelta(hours=1))
    assert again.id == case.id and again.reason == "客户再次催货"
    # Rush orders net first: this order now outranks an earlier-due normal order.
    other = _order(desk, "C002", T0.date() + dt.timedelta(days=1))
    ids = [o.order_id for o in service.kit_report(desk).orders]
    assert ids.index(oid) < ids.index(other)
    with desk.read() as s:
        audit = s.scalars(select(AuditLog).where(AuditLog.entity == "rush_cases")).all()
        assert audit and s.scalar(select(func.count()).select_from(Outbox)
                                  .where(Outbox.entity == "rush_steps")) == 5


def test_steps_run_in_turn_and_record_pmc_latency(desk, demo_catalog) -> None:
    oid = _order(desk, "C002", T0.date() + dt.timedelta(days=10))
    gc.request_rush(desk, oid, "停线", now=T0)
    case = gc.confirm_step(desk, oid, "engineering", now=T0 + dt.timedelta(minutes=30))
    pmc = case.steps[1]
    assert pmc.started_at == T0 + dt.timedelta(minutes=30)
    assert pmc.due_at == T0 + dt.timedelta(minutes=150)
    _sign_in(desk, "sales")
    with pytest.raises(PermissionDenied):
        gc.confirm_step(desk, oid, "pmc")
    _sign_in(desk, "pmc")
    case = gc.confirm_step(desk, oid, "pmc", now=T0 + dt.timedelta(minutes=95))
    assert case.steps[1].done_by == "pmc1"
    with pytest.raises(gc.StepAlreadyDone):
        gc.confirm_step(desk, oid, "pmc")
    desk.sign_in(None)
    # Quality confirms early (certificate ready); warehouse's clock still runs first.
    case = gc.confirm_step(desk, oid, "quality", now=T0 + dt.timedelta(minutes=100))
    assert case.steps[2].due_at == T0 + dt.timedelta(minutes=95 + 240)
    case = gc.confirm_step(desk, oid, "warehouse", now=T0 + dt.timedelta(minutes=200))
    assert case.steps[4].started_at == T0 + dt.timedelta(minutes=200)   # shipping next
    case = gc.confirm_step(desk, oid, "shipping", now=T0 + dt.timedelta(minutes=300))
    assert case.closed_at == T0 + dt.timedelta(minutes=300)
    assert gc.list_cases(desk) == []
    assert len(gc.list_cases(desk, include_closed=True)) == 1
    report = gc.rush_latency(desk)
    assert report.confirmed == 1 and report.median_minutes == 95
    assert report.within_target == 1.0 and report.by_tier == (("B", 1, 95),)


def test_latency_figures_over_several_cases(desk, demo_catalog) -> None:
    for i, minutes in enumerate((30, 90, 200, None)):
        oid = _order(desk, "C001" if i % 2 else "C002", T0.date() + dt.timedelta(days=9))
        gc.request_rush(desk, oid, "急", now=T0)
        if minutes is not None:
            gc.confirm_step(desk, oid, "engineering", now=T0)
            gc.confirm_step(desk, oid, "pmc", now=T0 + dt.timedelta(minutes=minutes))
    r = gc.rush_latency(desk)
    assert (r.confirmed, r.pending) == (3, 1)
    assert r.median_minutes == 90 and r.max_minutes == 200
    assert r.within_target == pytest.approx(2 / 3)
    assert gc.rush_latency(desk, tier="A").confirmed == 1


def test_stalled_step_escalates_to_lead_then_supervisor_with_webhook(desk, demo_catalog) -> None:
    gc.save_rules(desk, {"leads": {"engineering": "eng1"},
                         "webhook_url": "http://127.0.0.1:9/robot", "webhook_kind": "wecom"})
    oid = _order(desk, "C001", T0.date() + dt.timedelta(days=9))
    gc.request_rush(desk, oid, "停线", now=T0)
    assert gc.due_escalations(desk, now=T0 + dt.timedelta(minutes=119)) == []
    (esc,) = gc.due_escalations(desk, now=T0 + dt.timedelta(minutes=130))
    assert (esc.step, esc.level, esc.department_lead, esc.overdue_minutes) == (
        "engineering", 1, "eng1", 10)
    assert esc.webhook_queued
    assert gc.due_escalations(desk, now=T0 + dt.timedelta(minutes=140)) == []   # once
    (esc2,) = gc.due_escalations(desk, now=T0 + dt.timedelta(minutes=245))
    assert esc2.level == 2 and esc2.department_lead == "supervisor"
    notes = gc.notifications(desk, roles=("engineering",))
    assert len(notes) == 1 and "技术确认" in notes[0].body and "@eng1" in notes[0].body
    assert notes[0].order_no and notes[0].order_no in notes[0].body
    assert len(gc.notifications(desk, roles=("supervisor",))) == 1
    with desk.read() as s:
        msgs = s.scalars(select(WebhookMessage).order_by(WebhookMessage.id)).all()
        assert len(msgs) == 2
        body = json.loads(msgs[0].payload)
        assert body == {"msgtype": "text", "text": {"content": notes[0].body,
                                                     "mentioned_list": ["eng1"]}}
        step = s.scalar(select(RushStep).where(RushStep.step == "engineering"))
        assert step.escalation_level == 2
    gc.mark_read(desk, notes[0].id)
    assert gc.notifications(desk, roles=("engineering",)) == []
    assert len(gc.notifications(desk, roles=("engineering",), unread_only=False)) == 1
    # Confirmed steps never escalate; the next step's clock starts from the confirmation.
    gc.confirm_step(desk, oid, "engineering", now=T0 + dt.timedelta(minutes=250))
    assert gc.due_escalations(desk, now=T0 + dt.timedelta(minutes=300)) == []


def test_escalation_without_webhook_only_notifies(desk, demo_catalog) -> None:
    oid = _order(desk, "C001", T0.date() + dt.timedelta(days=9))
    gc.request_rush(desk, oid, "停线", now=T0)
    (esc,) = gc.due_escalations(desk, now=T0 + dt.timedelta(hours=3))
    assert not esc.webhook_queued and esc.department_lead == "engineering"
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(WebhookMessage)) == 0
        assert s.scalar(select(func.count()).select_from(Notification)) == 1


def test_withdraw_keeps_the_case_in_the_trail(desk, demo_catalog) -> None:
    oid = _order(desk, "C002", T0.date() + dt.timedelta(days=9))
    gc.request_rush(desk, oid, "停线", now=T0)
    gc.withdraw_rush(desk, oid, "客户改期")
    assert gc.list_cases(desk) == [] and gc.rush_order_ids(desk) == set()
    with desk.read() as s:
        assert s.get(Order, oid).rush is False
    assert gc.evaluate_rules(desk, now=T0) == []          # sales decided: rules leave it
    case = gc.request_rush(desk, oid, "客户又要了", now=T0)
    assert gc.rush_order_ids(desk) == {oid} and case.steps[0].done_at is None


def test_dingtalk_payload() -> None:
    body = gc.webhook_payload("dingtalk", "急单超时", "eng1")
    assert body == {"msgtype": "text", "text": {"content": "急单超时"},
                    "at": {"atUserIds": ["eng1"], "isAtAll": False}}


def test_cli_rush_request_confirm_list_escalate(desk, demo_catalog, db_path, capsys) -> None:
    from orderdesk.cli import main

    oid = _order(desk, "C002", T0.date() + dt.timedelta(days=9))
    with desk.read() as s:
        no = s.get(Order, oid).order_no
    assert main(["rush", "request", "--db", str(db_path), no, "--reason", "客户停线"]) == 0
    assert "green channel" in capsys.readouterr().out
    assert main(["rush", "confirm", "--db", str(db_path), no, "engineering"]) == 0
    assert "1/5" in capsys.readouterr().out
    assert main(["rush", "confirm", "--db", str(db_path), no, "engineering"]) == 2
    err = capsys.readouterr().err
    assert no in err and "Traceback" not in err
    assert main(["rush", "confirm", "--db", str(db_path), "SO-NOPE", "pmc"]) == 2
    assert "SO-NOPE" in capsys.readouterr().err
    assert main(["rush", "list", "--db", str(db_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["order_no"] == no and data[0]["steps"][0]["done_at"]
    assert main(["rush", "escalate", "--db", str(db_path)]) == 0
    assert "0 escalation(s)" in capsys.readouterr().out       # PMC's clock just started
    assert main(["rush", "evaluate", "--db", str(db_path)]) == 0


def test_two_stations_escalating_one_step_make_one_notification(desk, demo_catalog, tmp_path) -> None:
    """Every PMC station runs the escalation tick. Two stations holding the same synced
    rush case make the same notification (same id), so sync folds them into one; a
    station that has already pulled the other's notification does not add its own."""
    import sqlite3

    from orderdesk.desk import Desk

    oid = _order(desk, "C001", T0.date() + dt.timedelta(days=9))
    gc.request_rush(desk, oid, "停线", now=T0)
    copy = tmp_path / "station-b.db"
    with desk.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    source = sqlite3.connect(desk.engine.url.database)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    other = Desk(copy, station="station-b")
    try:
        later = T0 + dt.timedelta(minutes=130)
        (a,) = gc.due_escalations(desk, now=later)
        (b,) = gc.due_escalations(other, now=later)
        assert a.notification_id == b.notification_id
        # Level 2 on station A only; station B pulls the notification before its tick.
        (a2,) = gc.due_escalations(desk, now=later + dt.timedelta(minutes=120))
        with desk.read() as s:
            pulled = s.get(Notification, a2.notification_id)
            row = {c.key: getattr(pulled, c.key) for c in Notification.__mapper__.column_attrs}
        with other.write() as s:
            s.add(Notification(**row))
        assert gc.due_escalations(other, now=later + dt.timedelta(minutes=121)) == []
        with other.read() as s:
            assert s.scalar(select(func.count()).select_from(Notification)) == 2
            step = s.scalar(select(RushStep).where(RushStep.step == "engineering"))
            assert step.escalation_level == 2
    finally:
        other.close()
