"""Reschedule proposals from a delayed import: the orders whose kit needs the material
(BOM where-used) and still need the shipment, new dates sequenced on their machine; no
change at all before confirmation; confirmation re-dates with audit and notifies sales."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from orderdesk.models import AuditLog, Notification, Order, Outbox, WebhookMessage
from orderdesk.models.planning import RescheduleRecord
from orderdesk.planning import reschedule
from orderdesk.planning.errors import ProposalStale
from tests.core.planning_data import (
    T0,
    bom,
    history,
    machine,
    order,
    product,
    routing,
    shipment,
    stock,
)

NOW = T0 + dt.timedelta(hours=6)      # Monday 06:00
H = dt.timedelta(hours=1)


def _factory(desk, *, stock_qty=0.0):  # type: ignore[no-untyped-def]
    with desk.write() as s:
        resin = product(s, "RES-PA66", is_component=True, unit="kg")
        clip = product(s, "CLP-1")
        other = product(s, "CLP-2")
        bom(s, clip, resin, "0.01")
        press = machine(s, "P-A")                               # 08:00-16:00
        routing(s, clip, press, cycle="36", cavities=1)         # 1000 pcs = 10 h
        stock(s, resin, stock_qty)
        stock(s, product(s, "X-OTHER", is_component=True), 1000)
        bom(s, other, s.get(type(resin), resin.id) and product(s, "INS-1", is_component=True))
        o1 = order(s, clip, 1000, dt.date(2026, 12, 8))
        o2 = order(s, clip, 1000, dt.date(2026, 12, 9))
        o3 = order(s, clip, 1000, dt.date(2027, 1, 30))      # far enough: still met
        history(s, resin, [30] * 10, end=NOW)
        shipment(s, resin, arrived=NOW - 70 * H, declared=NOW - 60 * H, ref="BL-LATE")
    return o1.id, o2.id, o3.id


def _counts(desk):  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return (s.scalar(select(func.count(AuditLog.id))), s.scalar(select(func.count(Outbox.seq))),
                s.scalar(select(func.count(Notification.id))),
                tuple(s.scalars(select(Order.promised_date).order_by(Order.order_no))))


def test_proposal_changes_nothing(desk) -> None:  # type: ignore[no-untyped-def]
    _factory(desk)
    before = _counts(desk)
    (p,) = reschedule.propose(desk, now=NOW)
    assert _counts(desk) == before
    assert p.alert.reference == "BL-LATE" and p.alert.ratio == pytest.approx(70 / 30)
    assert p.dependent_orders == 3
    assert [c.order_no for c in p.orders] == sorted(c.order_no for c in p.orders)
    assert len(p.orders) == 2                            # the January order is still met


def test_dates_are_sequenced_on_the_machine(desk) -> None:  # type: ignore[no-untyped-def]
    _factory(desk)
    (p,) = reschedule.propose(desk, now=NOW)
    # Material at the plant: Monday 06:00 + 30 h (one more median clearance) + 20 h
    # inland = Wednesday 08:00. Each order is 10 h at 36 s on P-A
    # (8 h a day at OEE 0.80 = 6.4 effective hours a day).
    assert p.material_ready == NOW + 50 * H
    first, second = p.orders
    assert first.machine_code == "P-A"
    # 10 h from Wed 08:00: 6.4 h Wed, 3.6 h Thu -> finished Thursday, ships Friday.
    assert first.proposed_date == dt.date(2026, 12, 11)
    # the second starts where the first ended: 2.8 h Thu, 6.4 h Fri, 0.8 h Sat -> Sunday.
    assert second.proposed_date == dt.date(2026, 12, 13)
    assert first.due_date == dt.date(2026, 12, 8) and first.days_later == 3


def test_orders_covered_from_stock_are_not_at_risk(desk) -> None:  # type: ignore[no-untyped-def]
    _factory(desk, stock_qty=1000)             # 1000 kg covers all three orders (10 kg each)
    (p,) = reschedule.propose(desk, now=NOW)
    assert p.dependent_orders == 0 and p.orders == ()


def test_confirmation_redates_with_audit_and_notifies(desk) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.pmc.green_channel import save_rules

    save_rules(desk, {"webhook_url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x"})
    _factory(desk)
    (p,) = reschedule.propose(desk, now=NOW)
    res = reschedule.confirm(desk, p)
    assert res.orders == 2 and res.notifications == 2 and res.webhook_queued
    assert res.changes.orders and res.changes.planning
    with desk.read() as s:
        for c in p.orders:
            o = s.get(Order, c.order_id)
            assert o.promised_date == c.proposed_date
            audit = s.scalars(select(AuditLog).where(AuditLog.entity == "orders",
                                                     AuditLog.entity_id == c.order_id,
                                                     AuditLog.field == "promised_date")).one()
            assert json.loads(audit.new_value) == c.proposed_date.isoformat()
            assert s.scalar(select(func.count(Outbox.seq)).where(
                Outbox.entity == "orders", Outbox.entity_id == c.order_id)) >= 1
            note = s.scalars(select(Notification).where(Notification.order_id == c.order_id)).one()
            assert note.kind == "reschedule" and note.recipient_role == "sales"
            assert c.order_no in note.body and "RES-PA66" in note.body
        msg = s.scalars(select(WebhookMessage)).one()
        assert "BL-LATE" in json.loads(msg.payload)["text"]["content"]
        rec = s.scalars(select(RescheduleRecord)).one()
        assert [c["order_no"] for c in json.loads(rec.changes)] == [c.order_no for c in p.orders]


def test_a_changed_order_refuses_the_stale_proposal(desk) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.services.orders import update_order

    o1, _o2, _o3 = _factory(desk)
    (p,) = reschedule.propose(desk, now=NOW)
    update_order(desk, o1, promised_date=dt.date(2026, 12, 20))
    before = _counts(desk)
    with pytest.raises(ProposalStale):
        reschedule.confirm(desk, p)
    assert _counts(desk) == before


def test_confirm_only_some_orders(desk) -> None:  # type: ignore[no-untyped-def]
    _factory(desk)
    (p,) = reschedule.propose(desk, now=NOW)
    keep = p.orders[0]
    res = reschedule.confirm(desk, p, only={keep.order_id})
    assert res.orders == 1
    with desk.read() as s:
        assert s.get(Order, p.orders[1].order_id).promised_date is None


def test_confirmed_reschedule_counts_as_a_change_for_customer_health(desk) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 counts order changes from the audited field changes: the re-dating of a
    confirmed reschedule shows up there as a correction of each order."""
    import pytest as _pytest

    events = _pytest.importorskip("orderdesk.insight.events")
    from sqlalchemy import text

    _factory(desk)
    (p,) = reschedule.propose(desk, now=NOW)
    reschedule.confirm(desk, p)
    events.refresh(desk)
    with desk.read() as s:
        corrected = set(s.execute(text("SELECT order_id FROM insight_events "
                                       "WHERE kind = 'corrected'")).scalars())
    assert {c.order_id for c in p.orders} <= corrected
