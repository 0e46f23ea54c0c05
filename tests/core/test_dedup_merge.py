"""Merge, keep and undo: nothing deleted, everything audited, undo restores exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from orderdesk.dedup import (
    Probe,
    find_similar,
    flag_new_orders,
    keep_typed,
    list_pairs,
    merge_draft,
    merge_pair,
    undo_merge,
)
from orderdesk.dedup.merge import AlreadyMerged, NotMerged
from orderdesk.desk import UserInfo
from orderdesk.errors import PermissionDenied
from orderdesk.models import (
    Attachment,
    AuditLog,
    DuplicatePair,
    Note,
    Order,
    OrderChannelRef,
    OrderLine,
    Outbox,
)
from orderdesk.services.orders import (
    LineDraft,
    OrderDraft,
    add_attachment,
    add_order,
    create_order,
    update_order,
)

T0 = dt.datetime(2026, 11, 25, 10, 2)


@pytest.fixture
def existing(desk, demo_catalog):  # type: ignore[no-untyped-def]
    return create_order(desk, OrderDraft(
        channel="excel", customer_code="C001", channel_order_no="PO-1", order_time=T0,
        lines=[LineDraft("BRK-1001", 100)]))


def typed_draft() -> OrderDraft:
    return OrderDraft(channel="wechat", customer_code="C001", channel_order_no="WX-20",
                      order_time=T0 + dt.timedelta(minutes=6), requested_date=dt.date(2026, 12, 9),
                      delivery_address="苏州工业园区星湖街1号", note="微信:老样子100个支架",
                      lines=[LineDraft("BRK-1001", 100), LineDraft("HSG-2002", 20)])


def snapshot(desk, *order_ids):  # type: ignore[no-untyped-def]
    """Everything a merge may touch, as plain values."""
    with desk.read() as s:
        out = {}
        for oid in order_ids:
            order = s.get(Order, oid)
            out[oid] = dict(
                fields={k: getattr(order, k) for k in (
                    "requested_date", "delivery_address", "merged_into_id", "contact_phone")},
                refs=sorted(s.scalars(select(OrderChannelRef.channel_order_no)
                                      .where(OrderChannelRef.order_id == oid))),
                notes=sorted((n.body, n.active) for n in s.scalars(
                    select(Note).where(Note.order_id == oid))),
                lines=sorted((str(ln.product_id), ln.line_no) for ln in s.scalars(
                    select(OrderLine).where(OrderLine.order_id == oid))),
                attachments=sorted(s.scalars(select(Attachment.filename)
                                             .where(Attachment.order_id == oid))),
            )
        return out


def test_merge_draft_folds_typed_order_into_existing_and_undo_restores(desk, existing):  # type: ignore[no-untyped-def]
    result = merge_draft(desk, typed_draft(), existing.id)
    assert result.order_id == existing.id
    with desk.read() as s:
        merged = s.get(Order, result.merged_order_id)
        assert merged is not None and merged.merged_into_id == existing.id  # kept, not deleted
        # The channel number of the typed order now maps to the existing order.
        ref = s.scalar(select(OrderChannelRef).where(OrderChannelRef.channel_order_no == "WX-20"))
        assert ref.order_id == existing.id
        target = s.get(Order, existing.id)
        assert target.requested_date == dt.date(2026, 12, 9)  # empty field filled
        bodies = [n.body for n in s.scalars(select(Note).where(Note.order_id == existing.id))]
        assert "微信:老样子100个支架" in bodies  # the message came along
        assert any(b.startswith(f"合并自 {result.merged_order_no}") for b in bodies)
        # HSG-2002 was not on the existing order: the line moved; BRK-1001 stays as history.
        skus = s.scalars(select(OrderLine.line_no).where(OrderLine.order_id == existing.id))
        assert sorted(skus) == [1, 2]
        actions = [a for (a,) in s.execute(select(AuditLog.action)
                                           .where(AuditLog.action.like("dedup.%")))]
        assert actions == ["dedup.merge"]
        pair = s.get(DuplicatePair, result.pair_id)
        assert (pair.status, pair.source, pair.decided_by) == ("merged", "entry", "system")
        # The changes travel to the server like any other change.
        assert s.scalar(select(func.count()).select_from(Outbox)
                        .where(Outbox.entity == "order_channel_refs",
                               Outbox.field == "order_id")) == 1
    before_undo_count = _count_orders(desk)
    undo = undo_merge(desk, result.pair_id)
    assert undo.skipped == ()
    after = snapshot(desk, existing.id, result.merged_order_id)
    assert after[existing.id]["refs"] == ["PO-1"]
    assert after[result.merged_order_id]["refs"] == ["WX-20"]
    assert after[result.merged_order_id]["fields"]["merged_into_id"] is None
    assert after[existing.id]["fields"]["requested_date"] is None
    assert [n for n, active in after[existing.id]["notes"] if active] == []
    assert ("微信:老样子100个支架", True) in after[result.merged_order_id]["notes"]
    assert len(after[result.merged_order_id]["lines"]) == 2
    assert _count_orders(desk) == before_undo_count
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)
                        .where(AuditLog.action == "dedup.undo")) == 1
    # The pair is back in the queue, to be decided again.
    assert [p.id for p in list_pairs(desk)] == [result.pair_id]
    with pytest.raises(NotMerged):
        undo_merge(desk, result.pair_id)


def _count_orders(desk) -> int:  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(Order))


def test_merge_pair_moves_attachments_and_undo_is_exact(desk, existing):  # type: ignore[no-untyped-def]
    with desk.write() as s:
        dup = add_order(s, OrderDraft(channel="taobao", channel_order_no="TB-9",
                                      contact_name="恒锐", contact_phone="13800138000",
                                      order_time=T0 + dt.timedelta(minutes=2),
                                      lines=[LineDraft("brk1001", 100)]))
        dup_id = dup.id
        flag_new_orders(s, [dup_id])
    add_attachment(desk, dup_id, "截图.png", b"\x89PNG fake screenshot")
    before = snapshot(desk, existing.id, dup_id)
    (pair,) = list_pairs(desk)
    result = merge_pair(desk, pair.id)
    assert (result.order_id, result.merged_order_id) == (existing.id, dup_id)
    mid = snapshot(desk, existing.id, dup_id)
    assert mid[existing.id]["attachments"] == ["截图.png"]
    assert sorted(mid[existing.id]["refs"]) == ["PO-1", "TB-9"]
    assert mid[existing.id]["fields"]["contact_phone"] == "13800138000"  # filled from the dup
    with pytest.raises(AlreadyMerged):
        merge_pair(desk, pair.id)
    undo_merge(desk, pair.id)
    after = snapshot(desk, existing.id, dup_id)
    assert after[dup_id] == before[dup_id]
    assert after[existing.id]["refs"] == before[existing.id]["refs"]
    assert after[existing.id]["attachments"] == before[existing.id]["attachments"]
    assert after[existing.id]["fields"] == before[existing.id]["fields"]
    assert all(not active for body, active in after[existing.id]["notes"] if body.startswith("合并自"))


def test_undo_leaves_values_changed_after_the_merge(desk, existing):  # type: ignore[no-untyped-def]
    result = merge_draft(desk, typed_draft(), existing.id)
    update_order(desk, existing.id, requested_date=dt.date(2027, 1, 5))
    undo = undo_merge(desk, result.pair_id)
    assert ("orders", "requested_date") in undo.skipped
    with desk.read() as s:
        assert s.get(Order, existing.id).requested_date == dt.date(2027, 1, 5)
        assert s.get(Order, result.merged_order_id).merged_into_id is None


def test_merge_is_atomic_when_the_draft_is_bad(desk, existing):  # type: ignore[no-untyped-def]
    bad = OrderDraft(channel="wechat", customer_code="C001", lines=[LineDraft("NO-SUCH", 1)])
    with pytest.raises(Exception) as err:
        merge_draft(desk, bad, existing.id)
    assert getattr(err.value, "code", "") == "validation_failed"
    assert _count_orders(desk) == 1
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(DuplicatePair)) == 0


def test_keep_while_typing_is_remembered_when_the_order_is_saved(desk, existing):  # type: ignore[no-untyped-def]
    probe = Probe(customer_text="C001", sku="BRK-1001", quantity=Decimal(100),
                  order_time=T0 + dt.timedelta(minutes=6))
    shown = find_similar(desk, probe)
    assert [s.order_id for s in shown] == [existing.id]
    keep_typed(desk, probe, shown)
    saved = create_order(desk, typed_draft())
    with desk.read() as s:
        pair = s.scalar(select(DuplicatePair))
        assert (pair.status, pair.order_a_id, pair.order_b_id) == ("kept", existing.id, saved.id)
    # Never proposed again: not in a later check of the saved order, not in the queue.
    assert find_similar(desk, Probe(customer_text="C001", sku="BRK-1001", quantity=Decimal(100),
                                    order_time=T0, exclude_order_id=saved.id)) == []
    with desk.write() as s:
        assert flag_new_orders(s, [saved.id]) == 0
    assert list_pairs(desk) == []


def test_only_sales_may_decide(desk, existing):  # type: ignore[no-untyped-def]
    desk.sign_in(UserInfo(id="u1", username="wh", display_name="仓库", roles=("warehouse",)))
    with pytest.raises(PermissionDenied):
        merge_draft(desk, typed_draft(), existing.id)


def test_pairs_found_after_the_fact_are_logged_for_tuning(desk, existing, tmp_path):  # type: ignore[no-untyped-def]
    """A duplicate that slipped through entry is found by a later scan and lands in the
    log's 'found after the fact' sheet with its decision."""
    from openpyxl import load_workbook

    from orderdesk.dedup import scan_orders
    from orderdesk.dedup.report import write_log

    late = create_order(desk, OrderDraft(channel="wechat", customer_code="C001",
                                         order_time=T0 + dt.timedelta(minutes=5),
                                         lines=[LineDraft("brk-1001", 100)]))
    result = scan_orders(desk, since=T0 - dt.timedelta(days=1))
    assert (result.orders, result.pairs) == (2, 1)
    (pair,) = list_pairs(desk)
    assert (pair.source, pair.after_the_fact, pair.b.id) == ("scan", True, late.id)
    merge_pair(desk, pair.id)
    path = tmp_path / "log.xlsx"
    assert write_log(desk, path) == 1
    wb = load_workbook(path)
    late_rows = list(wb["事后发现"].iter_rows(values_only=True))[1:]
    assert [(r[1], r[3], r[6], r[11]) for r in late_rows] == [
        ("事后排查", existing.order_no, late.order_no, "已合并")]
    by_channel = list(wb["按渠道"].iter_rows(values_only=True))[1:]
    assert by_channel == [("excel / wechat", 1, 1, 0, 0)]
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)
                        .where(AuditLog.action == "export",
                               AuditLog.entity == "dedup_pairs")) == 1
