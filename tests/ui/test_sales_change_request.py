"""The message pane's change-request panel: paste → the order it means → old → new → apply."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from orderdesk.models import Note, Order

SHOTS = Path(__import__("tempfile").mkdtemp(prefix="orderdesk-shots-"))  # tests write only to tmp
NOW = dt.datetime(2026, 3, 4, 10)


@pytest.fixture
def placed(ctx, demo_catalog):  # type: ignore[no-untyped-def]
    from orderdesk.services.orders import LineDraft, OrderDraft, create_order

    def make(when, *lines, code="C001", **kw):  # type: ignore[no-untyped-def]
        return create_order(ctx.desk, OrderDraft(
            channel="wechat", customer_code=code, order_time=when,
            lines=[LineDraft(sku, qty) for sku, qty in lines], **kw))

    return {
        "older": make(dt.datetime(2026, 3, 2, 9), ("BRK-1001", 5000), ("HSG-2002", 500),
                      requested_date=dt.date(2026, 3, 20)),
        "latest": make(dt.datetime(2026, 3, 3, 15), ("BRK-1001", 3000),
                       requested_date=dt.date(2026, 3, 25)),
    }


@pytest.fixture
def page(ctx, qtbot, sign_in):  # type: ignore[no-untyped-def]
    from orderdesk.ui.sales.page import SalesPage

    sign_in("sales")
    page = SalesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 820)
    page.show()
    page.tabs.setCurrentWidget(page.messages)
    page.messages.now = NOW
    return page


def paste(qtbot, pane, text: str):  # type: ignore[no-untyped-def]
    pane.text.setPlainText(text)
    with qtbot.waitSignal(pane.change_panel.targets_did_load, timeout=10000) as got:
        pane.propose_button.click()
    return got.args[0]


def field_rows(panel) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [tuple(panel.fields.item(r, c).text() for c in range(4))
            for r in range(panel.fields.rowCount())]


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()     # pending layout requests first (button texts changed)
    page.grab().save(str(SHOTS / name))


def confirm(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: panel.confirm_box is not None and panel.confirm_box.isVisible(),
                    timeout=3000)
    panel.confirm_box.button(QMessageBox.StandardButton.Yes).click()


def test_paste_change_request_apply_and_undo(ctx, qtbot, page, placed, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    pane, panel = page.messages, page.messages.change_panel
    text = "恒锐:上次那单改成6000,加急"
    targets = paste(qtbot, pane, text)
    assert pane.kind.text() == "Change to an existing order"
    assert panel.isVisible() and not pane.lines.isVisible() and not pane.make_draft.isVisible()
    assert targets.chosen_id == placed["latest"].id
    assert panel.selected().order_no == placed["latest"].order_no   # pre-selected, not applied
    assert field_rows(panel) == [("Quantity", "BRK-1001", "3000", "→ 6000"),
                                 ("Rush", "", "no", "→ yes")]
    assert placed["latest"].order_no in panel.status.text()
    assert panel.apply_button.isEnabled()
    shot(page, "sales-change-request.png")
    announced = []
    ctx.changes_did_apply.connect(lambda changes, _who: announced.append(changes))
    panel.apply_button.click()
    with qtbot.waitSignal(panel.change_did_apply, timeout=10000) as done:
        confirm(qtbot, panel)
    assert done.args[0].order_no == placed["latest"].order_no
    assert announced and announced[0].orders
    assert "Changed" in panel.result.text() and panel.undo_button.isVisible()
    assert not panel.apply_button.isEnabled()             # one message, one apply
    with ctx.desk.read() as s:
        order = s.get(Order, placed["latest"].id)
        assert order.lines[0].quantity == Decimal(6000) and order.rush
        assert s.scalars(select(Note.body).where(Note.order_id == order.id)).one() == text
    shot(page, "sales-change-request-applied.png")
    with qtbot.waitSignal(panel.targets_did_load, timeout=10000):
        panel.undo_button.click()
    assert "Undone" in panel.result.text()
    with ctx.desk.read() as s:
        order = s.get(Order, placed["latest"].id)
        assert order.lines[0].quantity == Decimal(3000) and not order.rush
    wait_tasks(ctx)


def test_ambiguous_message_lets_the_user_choose(ctx, qtbot, page, placed) -> None:  # type: ignore[no-untyped-def]
    panel = page.messages.change_panel
    targets = paste(qtbot, page.messages, "恒锐 BRK-1001 追加1000")
    assert targets.problem == "ambiguous" and panel.selected() is None
    assert "choose one" in panel.status.text()
    assert not panel.apply_button.isEnabled() and panel.fields.rowCount() == 0
    assert panel.orders_model.rowCount() == 2
    shot(page, "sales-change-request-choose.png")
    panel.select_order(placed["older"].order_no)
    assert field_rows(panel) == [("Quantity", "BRK-1001", "5000", "→ 6000")]
    assert panel.apply_button.isEnabled()
    assert placed["older"].order_no in panel.apply_button.text()
    panel.apply_button.click()
    with qtbot.waitSignal(panel.change_did_apply, timeout=10000):
        confirm(qtbot, panel)
    with ctx.desk.read() as s:
        assert s.get(Order, placed["older"].id).lines[0].quantity == Decimal(6000)
        assert s.get(Order, placed["latest"].id).lines[0].quantity == Decimal(3000)


def test_line_to_change_is_chosen_on_a_multi_line_order(ctx, qtbot, page, placed) -> None:  # type: ignore[no-untyped-def]
    panel = page.messages.change_panel
    paste(qtbot, page.messages, f"{placed['older'].order_no} 改成800")
    assert panel.selected().order_no == placed["older"].order_no
    assert panel.line_choice.isVisible() and not panel.apply_button.isEnabled()
    assert "choose the line" in panel.result.text()
    panel.line_choice.setCurrentIndex(2)                   # line 2: HSG-2002 × 500
    assert field_rows(panel) == [("Quantity", "HSG-2002", "500", "→ 800")]
    assert panel.apply_button.isEnabled()


def test_shipped_order_is_refused_with_a_sentence(ctx, qtbot, page, placed, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.services.orders import set_status

    ctx.desk.sign_in(None)
    set_status(ctx.desk, placed["latest"].id, "warehouse", "shipped")
    sign_in("sales")
    panel = page.messages.change_panel
    paste(qtbot, page.messages, "恒锐 上次那单改成6000")
    assert panel.selected().order_no == placed["latest"].order_no
    assert not panel.apply_button.isEnabled()
    assert "has been shipped" in panel.result.text()
    # Even if the window let it through (a stale panel), the core refuses in words.
    panel.apply(panel.selected())
    qtbot.waitUntil(lambda: "cannot be changed" in panel.result.text(), timeout=10000)
    assert placed["latest"].order_no in panel.result.text()


def test_no_customer_is_said_so(ctx, qtbot, page, placed) -> None:  # type: ignore[no-untyped-def]
    panel = page.messages.change_panel
    targets = paste(qtbot, page.messages, "上次那单改成6000")
    assert targets.problem == "no_customer"
    assert "No customer recognised" in panel.status.text()
    assert panel.orders_model.rowCount() == 0 and not panel.apply_button.isEnabled()


def test_change_panel_in_chinese(ctx, qtbot, page, placed) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui import i18n

    i18n.set_language("zh")
    panel = page.messages.change_panel
    paste(qtbot, page.messages, "恒锐:上次那单改成6000,3月28号交,加急")
    assert page.messages.kind.text() == "改单(修改已有订单)"
    assert panel.title.text() != "Which order does the message change?"
    assert field_rows(panel)[0][0] == "数量"
    shot(page, "sales-change-request-zh.png")


def test_an_answer_for_an_earlier_message_is_dropped(ctx, qtbot, page, placed, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.intake.messages import parse_message

    panel = page.messages.change_panel
    proposal = parse_message(ctx.desk, "恒锐:上次那单改成6000", now=NOW)
    panel.load(proposal, now=NOW)
    panel.clear()                      # the person moved on to another message
    wait_tasks(ctx)
    qtbot.wait(50)
    assert panel.targets is None and panel.orders_model.rowCount() == 0
