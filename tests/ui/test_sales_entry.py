"""Keyboard-only phone order entry, reorder in two keystrokes, inline validation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from orderdesk.models import Order

SHOTS = Path(__import__("tempfile").mkdtemp(prefix="orderdesk-shots-"))  # tests write only to tmp


def _enter(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def ime(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chinese as a Pinyin input method commits it: one input-method event."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _type(qtbot, form, widget, text: str, wait: str | None = None) -> None:  # type: ignore[no-untyped-def]
    def typing() -> None:
        if text.isascii():
            qtbot.keyClicks(widget, text)
        else:
            ime(widget, text)

    if wait:
        with qtbot.waitSignal(form.lookup_did_finish, timeout=5000,
                              check_params_cb=lambda what: what == wait):
            typing()
    else:
        typing()


def focused(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """Focus moves once the event loop ran (a closing completion list hands it back)."""
    qtbot.waitUntil(widget.hasFocus, timeout=3000)


def make_form(ctx, qtbot):  # type: ignore[no-untyped-def]
    from orderdesk.ui.sales.entry_form import OrderEntryForm

    form = OrderEntryForm(ctx, with_popup=False)
    qtbot.addWidget(form)
    form.resize(980, 560)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=3000)
    return form


def test_phone_order_by_keyboard_only(ctx, qtbot, demo_catalog, sign_in, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    sign_in("sales")
    form = make_form(ctx, qtbot)
    form.customer.setFocus()
    _type(qtbot, form, form.customer, "C001", wait="customer")
    _enter(qtbot, form.customer)
    qtbot.waitUntil(lambda: form.customer_id == demo_catalog["customer_a"], timeout=5000)
    focused(qtbot, form.due)
    qtbot.waitUntil(lambda: form.address.text() == "苏州工业园区星湖街1号", timeout=5000)
    assert form.terms.text() == "月结30天" and form.phone.text() == "138-0013-8000"
    ime(form.due, "明天")
    _enter(qtbot, form.due)
    focused(qtbot, form.sku)
    assert form.due_info.text().startswith((dt.date.today() + dt.timedelta(days=1)).isoformat())
    qtbot.keyClicks(form.sku, "brk1001")
    _enter(qtbot, form.sku)
    focused(qtbot, form.qty)
    qtbot.keyClicks(form.qty, "5k")
    with qtbot.waitSignal(form.lookup_did_finish, timeout=5000,
                          check_params_cb=lambda what: what == "add"):
        _enter(qtbot, form.qty)
    focused(qtbot, form.sku)
    assert form.lines_data() == [("BRK-1001", Decimal(5000))]
    ime(form.sku, "插头壳")                       # by nickname
    _enter(qtbot, form.sku)
    qtbot.keyClicks(form.qty, "300")
    with qtbot.waitSignal(form.lookup_did_finish, timeout=5000,
                          check_params_cb=lambda what: what == "add"):
        _enter(qtbot, form.qty)
    assert form.lines_data()[-1] == ("HSG-2002", Decimal(300))
    form.grab().save(str(SHOTS / "sales-entry.png"))
    _enter(qtbot, form.sku)                       # empty SKU: on to Save
    focused(qtbot, form.save)
    with qtbot.waitSignal(form.order_did_save, timeout=10000) as saved:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_tasks(ctx)
    with ctx.desk.read() as s:
        order = s.scalars(select(Order).where(Order.order_no == saved.args[0])).one()
        assert order.customer_id == demo_catalog["customer_a"] and order.channel == "phone"
        assert order.requested_date == dt.date.today() + dt.timedelta(days=1)
        assert [(ln.quantity) for ln in order.lines] == [Decimal(5000), Decimal(300)]
        assert order.delivery_address == "苏州工业园区星湖街1号"
    assert form.customer.text() == ""
    focused(qtbot, form.customer)


def test_reorder_in_two_keystrokes(ctx, qtbot, demo_catalog, sign_in, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.services.orders import LineDraft, OrderDraft, create_order

    sign_in("sales")
    create_order(ctx.desk, OrderDraft(channel="phone", customer_code="C001",
                                      lines=[LineDraft("BRK-1001", 2000), LineDraft("HSG-2002", 100)]))
    form = make_form(ctx, qtbot)
    form.customer.setFocus()
    _type(qtbot, form, form.customer, "恒锐", wait="customer")
    with qtbot.waitSignal(form.lookup_did_finish, timeout=5000,
                          check_params_cb=lambda what: what == "recent"):
        _enter(qtbot, form.customer)
    qtbot.keyClick(form, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)   # 1
    assert form.recent.isVisible()
    focused(qtbot, form.recent)
    form.grab().save(str(SHOTS / "sales-reorder.png"))
    with qtbot.waitSignal(form.lookup_did_finish, timeout=5000,
                          check_params_cb=lambda what: what == "reorder"):
        _enter(qtbot, form.recent)                                           # 2
    assert form.lines_data() == [("BRK-1001", Decimal(2000)), ("HSG-2002", Decimal(100))]
    assert not form.recent.isVisible()


def test_inline_validation(ctx, qtbot, demo_catalog, sign_in, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui.sales.entry_form import TYPEAHEAD_MS  # noqa: F401

    sign_in("sales")
    form = make_form(ctx, qtbot)
    form.sku.setFocus()
    _type(qtbot, form, form.sku, "NOPE-1", wait="check")
    assert "not in the catalog" in form.line_info.text()
    form.sku.clear()
    _type(qtbot, form, form.sku, "BRK-1001", wait="check")
    form.qty.setFocus()
    _type(qtbot, form, form.qty, "250", wait="check")
    assert "pack size" in form.line_info.text()   # a warning: it may still be added
    form.due.setFocus()
    qtbot.keyClicks(form.due, "2020-01-01")
    assert "in the past" in form.due_info.text()
    form.submit()
    assert "Choose a customer" in form.status.text() and "in the past" in form.status.text()
    form.grab().save(str(SHOTS / "sales-entry-validation.png"))
