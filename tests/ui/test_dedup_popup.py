"""Typing an order shows the similar-orders popup; merge, undo and keep do what they say."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from orderdesk.dedup import Probe
from orderdesk.models import AuditLog, DuplicatePair, Order, OrderChannelRef
from orderdesk.models.base import utcnow
from orderdesk.services.orders import LineDraft, OrderDraft, create_order

# Screenshots go to the untracked build folder: tests never write tracked files.
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


class EntryForm:
    """A stand-in for the sales entry form: three fields that feed the popup as typed."""

    def __init__(self, ctx, qtbot):  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

        from orderdesk.ui.sales.similar_popup import SimilarOrdersPopup

        self.widget = QWidget()
        self.widget.setWindowTitle("entry")
        layout = QFormLayout(self.widget)
        self.customer, self.sku, self.qty = QLineEdit(), QLineEdit(), QLineEdit()
        layout.addRow("Customer", self.customer)
        layout.addRow("SKU", self.sku)
        layout.addRow("Quantity", self.qty)
        qtbot.addWidget(self.widget)
        self.popup = SimilarOrdersPopup(ctx, self.widget)
        qtbot.addWidget(self.popup)
        self.popup.set_draft_provider(self.draft)
        for edit in (self.customer, self.sku, self.qty):
            edit.textChanged.connect(self.changed)
        self.widget.show()
        qtbot.waitExposed(self.widget)
        self.widget.activateWindow()
        qtbot.waitUntil(self.widget.isActiveWindow, timeout=5000)

    def quantity(self) -> Decimal | None:
        try:
            return Decimal(self.qty.text())
        except ArithmeticError:
            return None

    def changed(self) -> None:
        self.popup.set_probe(Probe(customer_text=self.customer.text(), sku=self.sku.text(),
                                   quantity=self.quantity(), channel="wechat"))

    def draft(self) -> OrderDraft:
        return OrderDraft(channel="wechat", customer_code=self.customer.text(),
                          channel_order_no="WX-3001", note="微信截图已收",
                          lines=[LineDraft(self.sku.text(), self.quantity() or 0)])


@pytest.fixture
def existing(desk, demo_catalog):  # type: ignore[no-untyped-def]
    now = utcnow()
    other = create_order(desk, OrderDraft(channel="phone", customer_code="C002",
                                          order_time=now - dt.timedelta(minutes=2),
                                          lines=[LineDraft("BRK-1001", 100)]))
    ref = create_order(desk, OrderDraft(channel="excel_email", customer_code="C001",
                                        channel_order_no="PO-4471",
                                        order_time=now - dt.timedelta(minutes=6),
                                        lines=[LineDraft("BRK-1001", 100)]))
    return ref, other


def type_order(qtbot, form, customer="C001", sku="brk 1001", qty="100"):  # type: ignore[no-untyped-def]
    for edit, text in ((form.customer, customer), (form.sku, sku)):
        if text.isascii():
            qtbot.keyClicks(edit, text)
        else:
            edit.insert(text)  # what an input method commits; QTest types ASCII keys only
    with qtbot.waitSignal(form.popup.lookup_did_finish, timeout=10000):
        qtbot.keyClicks(form.qty, qty)
    qtbot.waitUntil(lambda: form.popup.isVisible(), timeout=5000)


def test_typing_shows_the_right_order_without_taking_focus(qtbot, ctx, existing):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    ref, other = existing
    form = EntryForm(ctx, qtbot)
    form.qty.setFocus()
    assert QApplication.focusWidget() is form.qty
    type_order(qtbot, form)
    rows = form.popup.current_rows()
    assert [r.order_no for r in rows] == [ref.order_no]  # C002's order is not offered
    assert rows[0].channel_order_no == "PO-4471"
    why = form.popup.why.text()
    assert "same customer (code)" in why and "same quantity" in why and "6 minutes apart" in why
    # Typing goes on in the form: the popup never took the keyboard.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.qty, timeout=2000)
    assert not form.popup.isActiveWindow()
    qtbot.keyClicks(form.qty, "0")  # 1000: a repeat order, not a duplicate
    qtbot.waitUntil(lambda: not form.popup.isVisible(), timeout=10000)
    assert form.qty.text() == "1000"


def test_merge_button_folds_the_typed_order_and_undo_restores(qtbot, ctx, existing):  # type: ignore[no-untyped-def]
    ref, _ = existing
    form = EntryForm(ctx, qtbot)
    type_order(qtbot, form)
    with qtbot.waitSignal(form.popup.merged, timeout=10000) as merged:
        qtbot.mouseClick(form.popup.merge_button, _left())
    assert merged.args == [ref.id]
    desk = ctx.desk
    with desk.read() as s:
        wx = s.scalar(select(OrderChannelRef).where(OrderChannelRef.channel_order_no == "WX-3001"))
        assert wx.order_id == ref.id  # the channel number maps to the existing order
        typed = s.scalar(select(Order).where(Order.merged_into_id == ref.id))
        assert typed is not None and typed.channel == "wechat"  # kept, not deleted
        assert s.scalar(select(func.count()).select_from(AuditLog)
                        .where(AuditLog.action == "dedup.merge",
                               AuditLog.entity_id == ref.id)) == 1
    assert form.popup.undo_button.isVisible()
    assert ref.order_no in form.popup.message.text()
    qtbot.mouseClick(form.popup.undo_button, _left())
    ctx.tasks.wait_idle(10000)
    qtbot.waitUntil(lambda: not form.popup.undo_button.isVisible(), timeout=5000)
    with desk.read() as s:
        wx = s.scalar(select(OrderChannelRef).where(OrderChannelRef.channel_order_no == "WX-3001"))
        assert wx.order_id == typed.id
        assert s.get(Order, typed.id).merged_into_id is None
        assert s.scalar(select(func.count()).select_from(AuditLog)
                        .where(AuditLog.action == "dedup.undo")) == 1


def test_keep_button_stores_the_decision_and_hides(qtbot, ctx, existing):  # type: ignore[no-untyped-def]
    ref, _ = existing
    form = EntryForm(ctx, qtbot)
    type_order(qtbot, form)
    with qtbot.waitSignal(form.popup.kept, timeout=10000):
        qtbot.mouseClick(form.popup.keep_button, _left())
    assert not form.popup.isVisible()
    with ctx.desk.read() as s:
        pair = s.scalar(select(DuplicatePair))
        assert (pair.status, pair.order_a_id, pair.source) == ("kept", ref.id, "entry")
    # Typing on for the same order does not bring the kept order back.
    with qtbot.waitSignal(form.popup.lookup_did_finish, timeout=10000) as done:
        qtbot.keyClicks(form.qty, " ")
    assert done.args == [0] and not form.popup.isVisible()


def test_screenshot_popup_in_chinese(qtbot, ctx, existing):  # type: ignore[no-untyped-def]
    from orderdesk.ui import i18n

    i18n.set_language("zh")
    form = EntryForm(ctx, qtbot)
    type_order(qtbot, form, customer="恒锐", sku="ＢＲＫ－１００１", qty="100")
    assert form.popup.merge_button.text() == "合并到所选订单"
    assert form.popup.keep_button.text() == "保留两单"
    assert form.popup.why.text().startswith("原因:同一客户(名称/别名一致)、同一物料、相隔6分钟、数量相同")
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert form.popup.grab().save(str(SHOTS / "dedup-popup-zh.png"))


def _left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_switching_language_retranslates_the_dedup_widgets(qtbot, ctx):  # type: ignore[no-untyped-def]
    from orderdesk.ui import i18n
    from orderdesk.ui.sales.dedup_settings import DedupSettingsDialog
    from orderdesk.ui.sales.review_queue import ReviewQueueWidget
    from orderdesk.ui.sales.similar_popup import SimilarOrdersPopup

    popup, queue, rules = SimilarOrdersPopup(ctx), ReviewQueueWidget(ctx), DedupSettingsDialog(ctx)
    for widget in (popup, queue, rules):
        qtbot.addWidget(widget)
    assert (popup.keep_button.text(), queue.merge_button.text()) == ("Keep both", "Merge (M)")
    assert rules.windowTitle() == "Duplicate matching rules"
    i18n.set_language("zh")
    assert (popup.keep_button.text(), queue.merge_button.text()) == ("保留两单", "合并 (M)")
    assert rules.windowTitle() == "重复订单判定规则"
    assert queue.filter.itemText(0) == "待处理"
    ctx.tasks.wait_idle(10000)
