"""Review queue (keyboard M/K/U) and the matching rules dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from orderdesk.dedup import flag_new_orders, get_rules
from orderdesk.models import DuplicatePair, Order, OrderChannelRef
from orderdesk.services.orders import LineDraft, OrderDraft, add_order

SHOTS = Path(__import__("tempfile").mkdtemp(prefix="orderdesk-shots-"))  # tests write only to tmp
T0 = dt.datetime(2026, 11, 25, 10, 58)


@pytest.fixture
def flagged(desk, demo_catalog):  # type: ignore[no-untyped-def]
    """Two imported pairs waiting: C001 Excel vs Douyin (by phone), C002 phone vs WeChat."""
    with desk.write() as s:
        orders = [
            add_order(s, OrderDraft(channel="excel_email", customer_code="C001",
                                    channel_order_no="PO-1", order_time=T0,
                                    lines=[LineDraft("BRK-1001", 500)])),
            add_order(s, OrderDraft(channel="douyin", channel_order_no="DY-88",
                                    contact_phone="138 0013 8000", contact_name="王工",
                                    order_time=T0 + dt.timedelta(minutes=3),
                                    lines=[LineDraft("brk1001", 500)])),
            add_order(s, OrderDraft(channel="phone", customer_code="C002", order_time=T0,
                                    lines=[LineDraft("HSG-2002", 40)])),
            add_order(s, OrderDraft(channel="wechat", customer_code="C002",
                                    order_time=T0 + dt.timedelta(minutes=9),
                                    lines=[LineDraft("HSG 2002", 40)])),
        ]
        ids = [o.id for o in orders]
        assert flag_new_orders(s, ids) == 4
    return ids


def make_queue(qtbot, ctx):  # type: ignore[no-untyped-def]
    from orderdesk.ui.sales.review_queue import ReviewQueueWidget

    widget = ReviewQueueWidget(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 360)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: len(widget.model.rows) > 0, timeout=10000)
    widget.table.setFocus()
    return widget


def press(qtbot, widget, key):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(widget.rows_did_load, timeout=10000):
        qtbot.keyClick(widget.table, key)


def test_keyboard_merge_keep_undo(qtbot, ctx, desk, flagged):  # type: ignore[no-untyped-def]
    def refs():  # type: ignore[no-untyped-def]
        with desk.read() as s:
            return dict(s.execute(select(OrderChannelRef.channel_order_no,
                                         OrderChannelRef.order_id)).all())

    before = refs()
    assert before["DY-88"] == flagged[1]
    widget = make_queue(qtbot, ctx)
    assert len(widget.model.rows) == 2
    first = widget.current_pair()
    assert first is not None and first.score >= widget.model.rows[1].score
    assert first.b is not None and first.b.channel_order_no == "DY-88"  # best match first
    # M merges the selected pair: the later order folds into the earlier one.
    press(qtbot, widget, Qt.Key.Key_M)
    with desk.read() as s:
        pair = s.get(DuplicatePair, first.id)
        assert pair.status == "merged"
        assert s.get(Order, first.b.id).merged_into_id == first.a.id
    assert refs()["DY-88"] == first.a.id  # the marketplace number now maps to the kept order
    assert len(widget.model.rows) == 1  # the queue shows what is still waiting
    second = widget.current_pair()
    press(qtbot, widget, Qt.Key.Key_K)
    with desk.read() as s:
        assert s.get(DuplicatePair, second.id).status == "kept"
    assert widget.model.rows == []
    # The log view shows both decisions; U on the merged one reverses it exactly.
    with qtbot.waitSignal(widget.rows_did_load, timeout=10000):
        widget.filter.setCurrentIndex(3)
    assert sorted(r.status for r in widget.model.rows) == ["kept", "merged"]
    row = next(i for i, r in enumerate(widget.model.rows) if r.status == "merged")
    widget.table.selectRow(row)
    press(qtbot, widget, Qt.Key.Key_U)
    with desk.read() as s:
        assert s.get(DuplicatePair, first.id).status == "open"
        assert s.get(Order, first.b.id).merged_into_id is None
    assert refs() == before


def test_export_log_and_screenshot(qtbot, ctx, desk, flagged, tmp_path):  # type: ignore[no-untyped-def]
    from orderdesk.ui import i18n

    i18n.set_language("zh")
    widget = make_queue(qtbot, ctx)
    assert widget.merge_button.text() == "合并 (M)"
    assert "同一客户" in widget.model.index(0, 11).data()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / "dedup-review-queue-zh.png"))
    path = tmp_path / "log.xlsx"
    widget.export_log(str(path))
    ctx.tasks.wait_idle(10000)
    qtbot.waitUntil(lambda: path.exists(), timeout=5000)
    rows = list(load_workbook(path)["重复单日志"].iter_rows(values_only=True))
    assert len(rows) == 3 and all(r[11] == "待处理" for r in rows[1:])


def test_rules_dialog_saves_business_rules(qtbot, ctx, desk, sign_in):  # type: ignore[no-untyped-def]
    from orderdesk.ui.sales.dedup_settings import DedupSettingsDialog

    sign_in("supervisor")
    dialog = DedupSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rules_did_load, timeout=10000):
        pass
    assert dialog.window_spin.value() == 15 and dialog.window_spin.isEnabled()
    dialog.window_spin.setValue(25)
    dialog.flag_spin.setValue(70)
    dialog.field_boxes["address"].setChecked(False)
    with qtbot.waitSignal(dialog.rules_did_save, timeout=10000):
        dialog.save()
    rules = get_rules(desk)
    assert (rules.window_minutes, rules.flag_threshold, rules.counts("address")) == (25, 0.7, False)


def test_rules_dialog_is_read_only_for_sales(qtbot, ctx, desk, sign_in):  # type: ignore[no-untyped-def]
    from orderdesk.ui import i18n
    from orderdesk.ui.sales.dedup_settings import DedupSettingsDialog

    i18n.set_language("zh")
    sign_in("sales")
    dialog = DedupSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rules_did_load, timeout=10000):
        pass
    assert not dialog.window_spin.isEnabled()
    assert not dialog.note.isHidden() and "主管" in dialog.note.text()
    dialog.show()
    qtbot.waitExposed(dialog)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "dedup-rules-zh.png"))
