"""Change requests from messages: which order they mean, applying them, refusals, undo."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from orderdesk.errors import PermissionDenied
from orderdesk.intake.change_requests import (
    ChangeRefused,
    apply_change_request,
    find_change_targets,
    undo_change_request,
    with_line,
)
from orderdesk.models import AuditLog, Note, Order, OrderLine, Outbox
from orderdesk.services.orders import LineDraft, OrderDraft, create_order, map_channel_order, set_status

NOW = dt.datetime(2026, 3, 4, 10)   # a Wednesday


def order(desk, when: dt.datetime, *lines, code: str = "C001", **kw):  # type: ignore[no-untyped-def]
    return create_order(desk, OrderDraft(channel="wechat", customer_code=code, order_time=when,
                                         lines=[LineDraft(sku, qty) for sku, qty in lines], **kw))


@pytest.fixture
def orders(desk, demo_catalog):  # type: ignore[no-untyped-def]
    """恒锐 (C001): three orders on three days; 华通 (C002): one."""
    return {
        "old": order(desk, dt.datetime(2026, 2, 20, 9), ("HSG-2002", 1000)),
        "yesterday": order(desk, dt.datetime(2026, 3, 3, 9), ("BRK-1001", 5000),
                           ("HSG-2002", 500), requested_date=dt.date(2026, 3, 20)),
        "latest": order(desk, dt.datetime(2026, 3, 4, 8), ("BRK-1001", 3000),
                        requested_date=dt.date(2026, 3, 25)),
        "other": order(desk, dt.datetime(2026, 3, 4, 9), ("BRK-1001", 2000), code="C002"),
    }


@pytest.fixture
def sign_in_core(desk):  # type: ignore[no-untyped-def]
    from orderdesk.desk import UserInfo

    def _sign_in(*roles: str) -> None:
        desk.sign_in(UserInfo(id="u-" + roles[0], username=roles[0] + "1",
                              display_name=roles[0], roles=roles))

    yield _sign_in
    desk.sign_in(None)


def targets(desk, text: str, **kw):  # type: ignore[no-untyped-def]
    return find_change_targets(desk, text, now=NOW, **kw)


def test_last_order_means_the_latest_of_the_customer(desk, orders) -> None:  # type: ignore[no-untyped-def]
    t = targets(desk, "恒锐:上次那单改成6000")
    assert t.chosen_id == orders["latest"].id and t.problem is None
    chosen = t.candidate(t.chosen_id)
    assert [(c.field, c.old, c.new, c.sku) for c in chosen.changes] == [
        ("quantity", Decimal(3000), Decimal(6000), "BRK-1001")]
    assert "latest" in chosen.why
    # Only this customer's orders are offered; the other customer's newer order is not.
    assert orders["other"].id not in {c.id for c in t.candidates}


def test_sku_and_old_quantity_and_date_words_pick_the_order(desk, orders) -> None:  # type: ignore[no-untyped-def]
    by_sku = targets(desk, "恒锐 之前那单HSG-2002改成800")
    assert by_sku.chosen_id == orders["yesterday"].id   # the latest order WITH that product
    [change] = by_sku.candidate(by_sku.chosen_id).changes
    assert (change.sku, change.old, change.new) == ("HSG-2002", Decimal(500), Decimal(800))
    by_qty = targets(desk, "恒锐 5000那单改成5500")
    assert by_qty.chosen_id == orders["yesterday"].id
    assert by_qty.candidate(by_qty.chosen_id).changes[0].sku == "BRK-1001"
    by_day = targets(desk, "恒锐 昨天的单交期改到3月28号")
    assert by_day.chosen_id == orders["yesterday"].id
    [due] = by_day.candidate(by_day.chosen_id).changes
    assert (due.field, due.old, due.new) == ("requested_date", dt.date(2026, 3, 20),
                                             dt.date(2026, 3, 28))


def test_explicit_order_or_channel_number_wins(desk, orders) -> None:  # type: ignore[no-untyped-def]
    no = orders["old"].order_no
    t = targets(desk, f"恒锐 上次那单 {no.replace('-', '')} 改成1200")
    assert t.chosen_id == orders["old"].id and t.candidate(t.chosen_id).why == ("explicit",)
    map_channel_order(desk, orders["yesterday"].id, "wechat", "WX20260303001")
    t = targets(desk, "单号WX20260303001 取消,不要了")
    assert t.chosen_id == orders["yesterday"].id
    assert [(c.field, c.new) for c in t.candidate(t.chosen_id).changes] == [("cancelled", True)]


def test_ambiguous_or_unknown_is_never_guessed(desk, orders) -> None:  # type: ignore[no-untyped-def]
    # Two orders carry BRK-1001 and nothing tells them apart: the person chooses.
    t = targets(desk, "恒锐 BRK-1001 追加1000")
    assert t.chosen_id is None and t.problem == "ambiguous"
    assert {c.id for c in t.candidates if "sku" in c.why} == {orders["latest"].id,
                                                              orders["yesterday"].id}
    assert targets(desk, "上次那单改成6000").problem == "no_customer"
    assert targets(desk, "瑞丰 上次那单改成6000").problem == "no_orders"
    gone = targets(desk, "恒锐 SO-2026-999999 改成6000")
    assert gone.problem == "order_not_found" and gone.chosen_id is None
    assert targets(desk, "恒锐 BRK-1001 5000个").problem == "not_a_change"


def test_multi_line_order_asks_which_line(desk, orders) -> None:  # type: ignore[no-untyped-def]
    t = targets(desk, f"{orders['yesterday'].order_no} 改成6000")
    target = t.candidate(t.chosen_id)
    assert target.problem == "line_unclear" and not target.changes
    line = target.lines[1]
    fixed = with_line(target, line.id, t.proposal)
    assert fixed.problem is None
    assert [(c.line_id, c.old, c.new) for c in fixed.changes] == [(line.id, Decimal(500),
                                                                   Decimal(6000))]


def test_apply_writes_change_note_audit_and_outbox_in_one_go(desk, orders, sign_in_core) -> None:  # type: ignore[no-untyped-def]
    sign_in_core("sales")
    text = "恒锐:上次那单改成6000,加急,3月18号要"
    t = targets(desk, text)
    target = t.candidate(t.chosen_id)
    assert {c.field for c in target.changes} == {"quantity", "requested_date", "rush"}
    done = apply_change_request(desk, target.id, target.changes, text)
    assert done.order_no == orders["latest"].order_no and done.changes.orders
    with desk.read() as s:
        o = s.get(Order, target.id)
        assert o.rush and o.requested_date == dt.date(2026, 3, 18)
        assert o.lines[0].quantity == 6000 and o.lines[0].due_date == dt.date(2026, 3, 18)
        note = s.scalars(select(Note).where(Note.order_id == o.id)).one()
        assert note.body == text and note.kind == "message"
        audit = list(s.scalars(select(AuditLog).where(AuditLog.tx_id == done.tx_id)))
        fields = {(a.entity, a.field) for a in audit if a.action == "update"}
        assert {("order_lines", "quantity"), ("orders", "rush"),
                ("orders", "requested_date")} <= fields
        assert any(a.action == "change_request" for a in audit)
        assert all(a.user.startswith("sales") for a in audit)
        outbox = {(r.entity, r.field) for r in s.scalars(select(Outbox).where(
            Outbox.tx_id == done.tx_id))}
        assert ("order_lines", "quantity") in outbox and ("notes", None) in outbox


def test_shipped_or_cancelled_orders_are_refused(desk, orders, sign_in_core) -> None:  # type: ignore[no-untyped-def]
    sign_in_core("supervisor", "warehouse")
    set_status(desk, orders["latest"].id, "warehouse", "shipped")
    t = targets(desk, "恒锐 上次那单改成6000")
    target = t.candidate(t.chosen_id)
    assert target.id == orders["latest"].id and target.problem == "shipped"   # said, not skipped
    with pytest.raises(ChangeRefused) as refused:
        apply_change_request(desk, target.id, target.changes, "上次那单改成6000")
    assert refused.value.facts == {"order_no": orders["latest"].order_no, "reason": "shipped"}
    with desk.read() as s:
        assert s.get(Order, target.id).lines[0].quantity == 3000
        assert not s.scalars(select(Note).where(Note.order_id == target.id)).all()
    cancel = targets(desk, f"{orders['old'].order_no} 取消")
    apply_change_request(desk, orders["old"].id, cancel.candidate(cancel.chosen_id).changes, "取消")
    with pytest.raises(ChangeRefused) as again:
        apply_change_request(desk, orders["old"].id, cancel.candidate(cancel.chosen_id).changes,
                             "取消")
    assert again.value.facts["reason"] == "cancelled"


def test_a_stale_proposal_is_refused(desk, orders, sign_in_core) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.services.orders import update_line

    sign_in_core("sales")
    t = targets(desk, "恒锐 上次那单改成6000")
    target = t.candidate(t.chosen_id)
    update_line(desk, target.lines[0].id, quantity=4000)        # somebody else, meanwhile
    with pytest.raises(ChangeRefused) as refused:
        apply_change_request(desk, target.id, target.changes, "上次那单改成6000")
    assert refused.value.facts["reason"] == "changed_meanwhile"


def test_apply_needs_order_write(desk, orders, sign_in_core) -> None:  # type: ignore[no-untyped-def]
    t = targets(desk, "恒锐 上次那单改成6000")
    sign_in_core("warehouse")
    with pytest.raises(PermissionDenied):
        apply_change_request(desk, t.chosen_id, t.candidate(t.chosen_id).changes, "x")
    with desk.read() as s:
        assert s.get(OrderLine, _line_id(desk, orders["latest"].id)).quantity == 3000


def _line_id(desk, order_id: str) -> str:  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return s.scalars(select(OrderLine.id).where(OrderLine.order_id == order_id)).first()


def test_undo_puts_the_fields_back_from_the_audit(desk, orders, sign_in_core) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.services.orders import update_order

    sign_in_core("sales")
    text = "恒锐 上次那单改成6000,3月18号要,加急"
    t = targets(desk, text)
    done = apply_change_request(desk, t.chosen_id, t.candidate(t.chosen_id).changes, text)
    undo_change_request(desk, done.tx_id)
    with desk.read() as s:
        o = s.get(Order, t.chosen_id)
        assert o.lines[0].quantity == 3000 and not o.rush and o.rush_reason is None
        assert o.requested_date == dt.date(2026, 3, 25)
        assert o.lines[0].due_date == dt.date(2026, 3, 25)
        assert not s.scalars(select(Note).where(Note.order_id == o.id)).one().active
        undo = s.scalars(select(AuditLog).where(AuditLog.action == "undo")).one()
        assert json.loads(undo.old_value) == done.tx_id
    # A change made after the applied one blocks its undo (nothing overwritten silently).
    again = apply_change_request(desk, t.chosen_id, targets(desk, text).candidate(
        t.chosen_id).changes, text)
    update_order(desk, t.chosen_id, rush=False)
    with pytest.raises(ChangeRefused) as refused:
        undo_change_request(desk, again.tx_id)
    assert refused.value.facts["reason"] == "changed_since"


def test_cli_parse_message_keeps_its_keys_and_adds_the_targets(desk, orders, db_path,
                                                               capsys) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.cli import main

    desk.close()
    code = main(["parse-message", "--db", str(db_path), "--now", NOW.isoformat(),
                 "恒锐:上次那单改成6000", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert {"kind", "reason", "customer_code", "customer_name", "customer_via", "lines",
            "due_date", "urgent", "change", "order_ref", "candidates"} <= set(data)
    assert data["kind"] == "change_request" and data["change"]["quantity"] == 6000
    assert data["order_ref"] == orders["latest"].order_no
    assert data["targets"]["chosen"] == orders["latest"].order_no
    first = data["targets"]["orders"][0]
    assert first["changes"] == [{"field": "quantity", "sku": "BRK-1001", "old": "3000",
                                 "new": "6000"}]
    # Ambiguous: no order_ref is made up.
    main(["parse-message", "--db", str(db_path), "--now", NOW.isoformat(),
          "恒锐 BRK-1001 追加1000", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["order_ref"] is None and data["targets"]["problem"] == "ambiguous"
