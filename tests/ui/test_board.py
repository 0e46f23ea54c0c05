"""The order board and order dialog on a real database with real orders."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from orderdesk.changes import Changes
from orderdesk.services import orders
from orderdesk.services.board import OrderFilter
from orderdesk.services.orders import LineDraft, OrderDraft


@pytest.fixture
def placed(desk, demo_catalog):  # type: ignore[no-untyped-def]
    """Four orders over two customers and three channels; one rush, one cancelled."""
    t0 = dt.datetime(2026, 3, 2, 9, 0)
    refs = {}
    refs["wx"] = orders.create_order(desk, OrderDraft(
        channel="wechat", customer_code="C001", channel_order_no="WX-7781",
        customer_po="PO-HR-001", order_time=t0, lines=[LineDraft("BRK-1001", 5000)]))
    refs["rush"] = orders.create_order(desk, OrderDraft(
        channel="phone", customer_code="C001", order_time=t0 + dt.timedelta(days=1),
        rush=True, rush_reason="72h", lines=[LineDraft("HSG-2002", 200), LineDraft("BRK-1001", 10)]))
    refs["xls"] = orders.create_order(desk, OrderDraft(
        channel="excel_email", customer_code="C002", channel_order_no="XLS-55",
        customer_po="HT-2026-9", order_time=t0 + dt.timedelta(days=10),
        lines=[LineDraft("BRK-1001", 300)]))
    refs["gone"] = orders.create_order(desk, OrderDraft(
        channel="wechat", customer_code="C002", order_time=t0 + dt.timedelta(days=11),
        lines=[LineDraft("BRK-1001", 1)]))
    orders.cancel_order(desk, refs["gone"].id, "customer withdrew")
    orders.set_status(desk, refs["xls"].id, "production", "in_production")
    return refs


@pytest.fixture
def page(qtbot, ctx, sign_in, placed):  # type: ignore[no-untyped-def]
    from orderdesk.ui.board.page import BoardPage

    sign_in("supervisor")
    p = BoardPage(ctx)
    ctx.changes_did_apply.connect(p.on_changes)  # what the main window does for each page
    qtbot.addWidget(p)
    p.resize(1400, 700)
    p.show()
    ctx.tasks.wait_idle()
    return p


def numbers(page):  # type: ignore[no-untyped-def]
    return [row.order_no for row in page.model.rows]


def reload(page):  # type: ignore[no-untyped-def]
    page.reload()
    page.ctx.tasks.wait_idle()


def test_lists_orders_rush_first_without_cancelled(page, placed):
    assert numbers(page)[0] == placed["rush"].order_no
    assert set(numbers(page)) == {placed[k].order_no for k in ("wx", "rush", "xls")}
    assert page.count_label.text() == "3 of 3 orders"
    model = page.model
    col = {c.key: i for i, c in enumerate(model.columns)}
    first = model.index(0, col["order_no"])
    assert model.data(first).startswith("\u26a1")  # rush marker
    assert model.data(first, Qt.ItemDataRole.BackgroundRole) is not None
    xls_row = numbers(page).index(placed["xls"].order_no)
    assert model.data(model.index(xls_row, col["production"])) == "In production"
    assert model.data(model.index(xls_row, col["sales"])) == "Draft"
    assert model.data(model.index(xls_row, col["channel"])) == "Excel by e-mail"
    assert model.headerData(col["warehouse"], Qt.Orientation.Horizontal) == "Warehouse"


def test_one_box_finds_any_number(page, placed, qtbot):
    for text, key in (("WX-7781", "wx"), ("HT-2026-9", "xls"), (placed["rush"].order_no, "rush")):
        page.search.setText(text)
        reload(page)
        assert numbers(page) == [placed[key].order_no], text
    page.search.setText("no-such-number")
    reload(page)
    assert numbers(page) == [] and page.count_label.text() == "0 of 0 orders"


def test_filters(page, placed):
    page.department.setCurrentIndex(page.department.findData("production"))
    page.status.setCurrentIndex(page.status.findData("in_production"))
    reload(page)
    assert numbers(page) == [placed["xls"].order_no]
    page.clear_filters()
    page.ctx.tasks.wait_idle()
    page.customer.setText("华通")
    reload(page)
    assert numbers(page) == [placed["xls"].order_no]
    page.include_cancelled.setChecked(True)
    reload(page)
    assert set(numbers(page)) == {placed["xls"].order_no, placed["gone"].order_no}
    page.clear_filters()
    page.ctx.tasks.wait_idle()
    assert page.channel.findData("phone") >= 0  # channels come from the data
    page.channel.setCurrentIndex(page.channel.findData("phone"))
    reload(page)
    assert numbers(page) == [placed["rush"].order_no]
    page.clear_filters()
    page.ctx.tasks.wait_idle()
    from PySide6.QtCore import QDate

    page.date_from.setDate(QDate(2026, 3, 3))
    page.date_to.setDate(QDate(2026, 3, 12))
    reload(page)
    assert set(numbers(page)) == {placed["rush"].order_no, placed["xls"].order_no}
    assert page.current_filter().date_to == dt.date(2026, 3, 12)
    page.rush_only.setChecked(True)
    reload(page)
    assert numbers(page) == [placed["rush"].order_no]


def test_board_refreshes_on_order_changes_only(page, placed, qtbot):
    orders.set_status(page.ctx.desk, placed["wx"].id, "warehouse", "kitted")
    page.ctx.apply(Changes(stock=True))
    page.ctx.tasks.wait_idle()
    row = numbers(page).index(placed["wx"].order_no)
    assert page.model.rows[row].status_warehouse == "awaiting_stock"  # not reloaded
    page.ctx.apply(Changes(orders=True))
    qtbot.waitUntil(lambda: page.model.rows[numbers(page).index(placed["wx"].order_no)]
                    .status_warehouse == "kitted", timeout=5000)


def test_large_history_loads_page_by_page(qtbot, ctx, sign_in, desk, demo_catalog):
    from orderdesk.ui.board import page as board_page

    with desk.write() as s:
        for i in range(board_page.PAGE_SIZE + 30):
            orders.add_order(s, OrderDraft(channel="phone", customer_code="C003",
                                           order_time=dt.datetime(2026, 1, 1) + dt.timedelta(minutes=i),
                                           lines=[LineDraft("BRK-1001", i + 1)]))
    sign_in("sales")
    p = board_page.BoardPage(ctx)
    qtbot.addWidget(p)
    p.show()
    ctx.tasks.wait_idle()
    assert len(p.model.rows) == board_page.PAGE_SIZE
    assert p.model.total == board_page.PAGE_SIZE + 30
    assert p.model.canFetchMore()
    p.view.scrollToBottom()  # the view asks the model for more
    qtbot.waitUntil(lambda: len(p.model.rows) == board_page.PAGE_SIZE + 30, timeout=10000)
    assert not p.model.canFetchMore()
    assert len({r.id for r in p.model.rows}) == board_page.PAGE_SIZE + 30


def test_stale_results_are_dropped(page, placed):
    page.search.setText("WX-7781")
    page.reload()
    page.search.setText("HT-2026-9")
    page.reload()  # the first request's answer must not win
    page.ctx.tasks.wait_idle()
    assert numbers(page) == [placed["xls"].order_no]


def test_enter_on_a_number_opens_the_order(page, placed, qtbot):
    opened = []
    page.order_opened.connect(opened.append)
    page.search.setText("PO-HR-001")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    page.ctx.tasks.wait_idle()
    assert opened == [placed["wx"].id]


def test_order_dialog_shows_everything_and_moves_statuses(page, placed, qtbot):
    orders.add_note(page.ctx.desk, placed["rush"].id, "客户要求周五前发货")
    orders.add_attachment(page.ctx.desk, placed["rush"].id, "drawing-rev-b.pdf", b"%PDF-1.4 test")
    dialog = page.open_order(placed["rush"].id)
    qtbot.addWidget(dialog)
    page.ctx.tasks.wait_idle()
    assert dialog.title.text() == "\u26a1 " + placed["rush"].order_no
    assert "72h" in dialog.banner.text()
    assert dialog.lines_model.rowCount() == 2
    assert [r.sku for r in dialog.lines_model.rows] == ["HSG-2002", "BRK-1001"]
    assert dialog.notes_model.rows[0][3] == "客户要求周五前发货"
    assert dialog.files_model.rows[0][1] == "drawing-rev-b.pdf"
    trail_before = dialog.trail_model.rowCount()
    assert trail_before >= 3  # order + two lines inserted
    assert dialog.status_values["sales"].text() == "Draft"

    # supervisor may move production and warehouse: set production to the next status
    assert dialog.status_buttons["production"].isVisibleTo(dialog)
    combo = dialog.status_combos["production"]
    assert combo.currentData() == "material_issued"  # proposes the next step
    qtbot.mouseClick(dialog.status_buttons["production"], Qt.MouseButton.LeftButton)
    page.ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: dialog.status_values["production"].text() == "Material issued",
                    timeout=5000)
    assert dialog.events_model.rows[-1][3] == "material_issued"
    assert dialog.trail_model.rowCount() > trail_before
    change = [t for t in dialog.trail_model.rows if t.field == "status_production"][-1]
    assert (change.old_value, change.new_value) == ("awaiting_schedule", "material_issued")
    # and the board behind it followed through changes_did_apply
    qtbot.waitUntil(lambda: page.model.rows[numbers(page).index(placed["rush"].order_no)]
                    .status_production == "material_issued", timeout=5000)


def test_order_dialog_hides_status_buttons_the_user_may_not_use(qtbot, ctx, sign_in, placed):
    from orderdesk.ui.board.order_dialog import OrderDialog

    sign_in("warehouse")
    dialog = OrderDialog(ctx, placed["wx"].id)
    qtbot.addWidget(dialog)
    dialog.show()
    ctx.tasks.wait_idle()
    assert dialog.status_buttons["warehouse"].isVisible()
    assert not dialog.status_buttons["sales"].isVisible()
    assert not dialog.status_buttons["production"].isVisible()


def test_refused_status_change_shows_a_sentence(qtbot, ctx, sign_in, placed, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from orderdesk.ui.board.order_dialog import OrderDialog

    sign_in("warehouse")
    dialog = OrderDialog(ctx, placed["wx"].id)
    qtbot.addWidget(dialog)
    dialog.show()
    ctx.tasks.wait_idle()
    ctx.desk.sign_in(None)
    sign_in("engineering")  # the rights changed while the dialog was open
    dialog._on_set_status("warehouse")
    ctx.tasks.wait_idle()
    boxes = [w for w in dialog.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "not allowed" in boxes[0].text()
    assert dialog.status_buttons["warehouse"].isEnabled()


def test_unknown_order_shows_a_message(qtbot, ctx, sign_in):
    from orderdesk.ui.board.order_dialog import OrderDialog

    sign_in("sales")
    dialog = OrderDialog(ctx, "no-such-id")
    qtbot.addWidget(dialog)
    dialog.show()
    ctx.tasks.wait_idle()
    assert dialog.banner.isVisible() and "Not found" in dialog.banner.text()


def test_order_filter_roundtrip_default(page):
    assert page.current_filter() == OrderFilter()


def test_a_failed_load_says_why_and_keeps_what_was_shown(page, placed, monkeypatch):
    from orderdesk.errors import DatabaseLocked
    from orderdesk.services import board

    shown = numbers(page)

    def locked(*args, **kwargs):
        raise DatabaseLocked(url="station.db")

    monkeypatch.setattr(board, "list_orders", locked)
    reload(page)
    assert page.message.isVisible()
    assert page.message.text() == ("The database station.db is busy in another program. "
                                   "Try again in a moment.")
    assert numbers(page) == shown  # nothing lost from the screen
    monkeypatch.undo()
    reload(page)
    assert not page.message.isVisible()
