"""PMC page with pytest-qt: kit colours, drill-down, live refresh, green channel marking,
escalation, rules dialog, annotations; Chinese screenshots for docs/screenshots/."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from orderdesk.models import utcnow
from orderdesk.pmc import green_channel as gc
from orderdesk.pmc import service, supply
from orderdesk.services import orders
from orderdesk.services.orders import LineDraft, OrderDraft

TODAY = dt.date.today()
SHOTS = Path(__import__("tempfile").mkdtemp(prefix="orderdesk-shots-"))  # tests write only to tmp


def _day(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def _order(desk, sku: str, qty: int, due: int, customer: str = "C002") -> str:
    return orders.create_order(desk, OrderDraft(
        channel="phone", customer_code=customer, requested_date=_day(due),
        status_sales="confirmed", lines=[LineDraft(sku=sku, quantity=qty)])).id


@pytest.fixture
def factory(desk, demo_catalog):  # type: ignore[no-untyped-def]
    """green (stock), amber (receipt in time), red (late receipt), red (nothing), no BOM."""
    ids = {
        "green": _order(desk, "BRK-1001", 3000, 2),      # 6,000 of 10,000 inserts
        "amber": _order(desk, "BRK-1001", 3000, 5),      # 4,000 left + receipt day 4
        "red": _order(desk, "BRK-1001", 2000, 8),        # receipt day 20: late
        "nobom": _order(desk, "HSG-2002", 50, 3),
    }
    supply.add_receipt(desk, "INS-2001", 2000, _day(4), reference="PO-1")
    supply.add_receipt(desk, "INS-2001", 4000, _day(20), reference="PO-2")
    return ids


def _colour(view, row: int) -> QColor:
    return view.model().data(view.model().index(row, 0), Qt.ItemDataRole.BackgroundRole).color()


def _row_of(view, order_id: str) -> int:
    model = view.model()
    for i in range(model.rowCount()):
        if model.data(model.index(i, 0), Qt.ItemDataRole.UserRole).order_id == order_id:
            return i
    raise AssertionError(order_id)


def _page(qtbot, ctx, wait_tasks):  # type: ignore[no-untyped-def]
    from orderdesk.ui.pmc.page import PmcPage

    page = PmcPage(ctx)
    ctx.changes_did_apply.connect(page.on_changes)       # as the main window does
    qtbot.addWidget(page)
    page.resize(1400, 820)
    page.show()
    wait_tasks(ctx)
    return page


def test_kit_colours_and_drill_down(qtbot, ctx, sign_in, factory, wait_tasks) -> None:
    from orderdesk.ui.pmc.kit_view import STATUS_COLOURS

    sign_in("pmc")
    page = _page(qtbot, ctx, wait_tasks)
    view = page.kit.orders_view
    assert view.model().rowCount() == 4
    for key, status in (("green", "green"), ("amber", "amber"), ("red", "red"),
                        ("nobom", "no_bom")):
        assert _colour(view, _row_of(view, factory[key])) == STATUS_COLOURS[status], key
    red_row = _row_of(view, factory["red"])
    text = view.model().data(view.model().index(red_row, 8))
    assert text == _day(20).isoformat()                       # clears with the late receipt
    nobom = view.model().index(_row_of(view, factory["nobom"]), 5)
    assert view.model().data(nobom) == "No BOM"
    assert "HSG-2002" in view.model().data(nobom, Qt.ItemDataRole.ToolTipRole)
    # Drill-down: clicking the red order shows its components with the shortage.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(red_row, 1)).center())
    wait_tasks(ctx)
    rows = page.kit.rows_model.rows
    ins = next(r for r in rows if r.sku == "INS-2001")
    assert (ins.required, ins.shortage, ins.status) == (4000, 4000, "red")
    assert page.kit.rows_view.model().data(
        page.kit.rows_view.model().index(rows.index(ins), 0),
        Qt.ItemDataRole.BackgroundRole).color() == STATUS_COLOURS["red"]
    # Short components tab: the component, then the orders it blocks; open one.
    page.kit.detail_tabs.setCurrentIndex(1)
    short = page.kit.short_view
    assert short.model().rowCount() == 1
    short.selectRow(0)
    assert page.kit.blocked.count() == 1
    item = page.kit.blocked.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == factory["red"]
    page.kit._on_blocked_activated(item)
    wait_tasks(ctx)
    assert page.kit.detail_tabs.currentIndex() == 0
    assert "INS-2001" in [r.sku for r in page.kit.rows_model.rows]
    # Filters: tier and status narrow the list.
    page.kit.status.setCurrentIndex(page.kit.status.findData("red"))
    page.kit.reload()
    wait_tasks(ctx)
    assert view.model().rowCount() == 1


def test_page_refreshes_on_stock_change(qtbot, ctx, sign_in, factory, wait_tasks) -> None:
    sign_in("pmc")
    page = _page(qtbot, ctx, wait_tasks)
    view = page.kit.orders_view
    red = factory["red"]
    before = view.model().rows[_row_of(view, red)].status
    assert before == "red"
    ctx.tasks.mutate(supply.set_stock, ctx.desk, "INS-2001", on_hand=20000)
    wait_tasks(ctx)
    qtbot.waitUntil(lambda: view.model().rows[_row_of(view, red)].status == "green",
                    timeout=5000)
    assert "0 short components" in page.kit.summary.text()


def test_export_writes_a_workbook(qtbot, ctx, sign_in, factory, wait_tasks, tmp_path) -> None:
    from openpyxl import load_workbook

    sign_in("pmc")
    page = _page(qtbot, ctx, wait_tasks)
    target = tmp_path / "kit.xlsx"
    page.kit.export_to(str(target))
    wait_tasks(ctx)
    wb = load_workbook(target)
    assert wb.sheetnames == ["订单齐套", "缺料物料", "缺料明细"]
    rows = list(wb["订单齐套"].iter_rows(values_only=True))
    assert len(rows) == 5 and {r[6] for r in rows[1:]} == {"齐套", "待到货", "缺料", "无BOM"}
    assert list(wb["缺料物料"].iter_rows(values_only=True))[1][0] == "INS-2001"
    assert "Exported 4 orders" in page.kit.summary.text()


def test_green_channel_marking_confirm_and_escalation(qtbot, ctx, sign_in, factory,
                                                      wait_tasks) -> None:
    sign_in("supervisor")
    t0 = utcnow()
    clock = [t0]
    from orderdesk.ui.pmc.green import GreenChannelBoard

    page = _page(qtbot, ctx, wait_tasks)
    board = page.green
    board.clock = lambda: clock[0]
    with ctx.desk.read() as s:
        from orderdesk.models import Order

        red_no = s.get(Order, factory["red"]).order_no
    board.request(red_no, "客户产线停线")
    wait_tasks(ctx)
    qtbot.waitUntil(lambda: board.model.rowCount() == 1, timeout=5000)
    assert board.model.data(board.model.index(0, 0)).startswith("\u26a1 " + red_no)
    # The kit list marks it and nets it first.
    qtbot.waitUntil(lambda: page.kit.orders_model.rows[0].order_id == factory["red"],
                    timeout=5000)
    assert page.kit.orders_model.data(page.kit.orders_model.index(0, 0)).startswith("\u26a1")
    assert page.kit.orders_model.rows[0].status == "green"     # rush takes the stock first
    # Engineering is running; the PMC step waits.
    assert board.step_state(board.cases[0], 0) == "running"
    assert board.step_state(board.cases[0], 1) == "waiting"
    board.view.selectRow(0)
    assert board.step_combo.currentData() == "engineering"
    board._on_confirm()
    wait_tasks(ctx)
    qtbot.waitUntil(lambda: board.cases[0].steps[0].done_at is not None, timeout=5000)
    assert board.step_combo.currentData() == "pmc"
    # Three hours later the PMC step is late: the tick escalates it.
    clock[0] = t0 + dt.timedelta(hours=3)
    board.reload()
    wait_tasks(ctx)
    assert board.step_state(board.cases[0], 1) == "late"
    assert board.model.data(board.model.index(0, 7), Qt.ItemDataRole.BackgroundRole).color() \
        == QColor("#f6c9c9")
    board.tick()
    wait_tasks(ctx)
    qtbot.waitUntil(lambda: board.notes.count() == 1, timeout=5000)
    assert red_no in board.notes.item(0).text() and "PMC" in board.notes.item(0).text()
    board.notes.setCurrentRow(0)
    board._on_mark_read()
    wait_tasks(ctx)
    qtbot.waitUntil(lambda: board.notes.count() == 0, timeout=5000)
    assert isinstance(board, GreenChannelBoard)


def test_rules_dialog_saves_and_refuses_bad_values(qtbot, ctx, sign_in, wait_tasks) -> None:
    from orderdesk.ui.pmc.rules_dialog import GreenChannelRulesDialog

    sign_in("pmc")
    dialog = GreenChannelRulesDialog(ctx)
    qtbot.addWidget(dialog)
    wait_tasks(ctx)
    assert dialog.tiers["A"].isChecked() and not dialog.tiers["B"].isChecked()
    assert dialog.hours.value() == 72
    dialog.tiers["B"].setChecked(True)
    dialog.hours.setValue(48)
    dialog.lines.setText("汽车支架，线束卡扣")
    dialog.webhook_url.setText("not a url")
    dialog.save()
    wait_tasks(ctx)
    assert dialog.message.text()                                # the refusal, in words
    assert gc.load_rules(ctx.desk)["tiers"] == ["A"]           # nothing saved
    dialog.webhook_url.setText("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x")
    dialog.save()
    wait_tasks(ctx)
    rules = gc.load_rules(ctx.desk)
    assert rules["tiers"] == ["A", "B"] and rules["due_within_hours"] == 48
    assert rules["product_lines"] == ["汽车支架", "线束卡扣"]


def test_annotations_widget(qtbot, ctx, sign_in, factory, wait_tasks, tmp_path) -> None:
    from orderdesk.ui.pmc.annotations import OrderAnnotationsWidget

    sign_in("engineering")
    w = OrderAnnotationsWidget(ctx)
    qtbot.addWidget(w)
    w.set_order(factory["red"])
    wait_tasks(ctx)
    assert w.add_note_button.isEnabled()
    w.text.setPlainText("图纸升级到C版:孔位改为Φ6.2")
    w._on_add_note()
    wait_tasks(ctx)
    qtbot.waitUntil(lambda: w.notes.count() == 1, timeout=5000)
    assert "C版" in w.notes.item(0).text()
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    pic = tmp_path / "孔位变更.png"
    image.save(str(pic))
    w.attach(str(pic))
    wait_tasks(ctx)
    qtbot.waitUntil(lambda: w.files.count() == 1, timeout=5000)
    w._on_open(w.files.item(0))
    wait_tasks(ctx)
    assert w.preview.pixmap.width() == 120
    w.preview.close()
    # Other stations read it; only engineering/supervisor may add.
    sign_in("warehouse")
    w2 = OrderAnnotationsWidget(ctx)
    qtbot.addWidget(w2)
    w2.set_order(factory["red"])
    wait_tasks(ctx)
    assert w2.notes.count() == 1 and w2.files.count() == 1
    assert not w2.add_note_button.isEnabled()


def test_screenshots_in_chinese(qtbot, ctx, sign_in, factory, wait_tasks, tmp_path) -> None:
    """Grab the screens in Chinese (docs/screenshots/ when ORDERDESK_SCREENSHOTS=1)."""
    from orderdesk.ui import i18n
    from orderdesk.ui.pmc.rules_dialog import GreenChannelRulesDialog

    out = SHOTS if os.environ.get("ORDERDESK_SCREENSHOTS") else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    i18n.set_language("zh")
    sign_in("supervisor")
    with ctx.desk.read() as s:
        from orderdesk.models import Order

        red_no = s.get(Order, factory["green"]).order_no
    gc.request_rush(ctx.desk, factory["green"], "客户产线停线,72小时内交货", now=utcnow() -
                    dt.timedelta(hours=3))
    gc.confirm_step(ctx.desk, factory["green"], "engineering",
                    now=utcnow() - dt.timedelta(hours=2, minutes=30))
    orders.add_note(ctx.desk, factory["red"], "图纸升级到C版:孔位改为Φ6.2", kind="engineering")
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    pic = tmp_path / "孔位变更-C版.png"
    image.save(str(pic))
    orders.add_attachment(ctx.desk, factory["red"], pic.name, pic.read_bytes(), kind="image")
    page = _page(qtbot, ctx, wait_tasks)
    page.green.tick()
    wait_tasks(ctx)
    qtbot.wait(50)
    page.kit.grab().save(str(out / "pmc-kit.png"))
    page.kit.select_order(factory["red"])
    wait_tasks(ctx)
    page.kit.detail_tabs.setCurrentIndex(1)
    page.kit.short_view.selectRow(0)
    page.grab().save(str(out / "pmc-shortages.png"))
    page.kit.detail_tabs.setCurrentIndex(2)
    wait_tasks(ctx)
    page.grab().save(str(out / "pmc-annotations.png"))
    page.tabs.setCurrentIndex(1)
    page.green.reload()
    wait_tasks(ctx)
    page.grab().save(str(out / "pmc-green-channel.png"))
    page.tabs.setCurrentIndex(2)
    page.supply.stock_search.setText("INS")
    page.supply.reload_stock()
    wait_tasks(ctx)
    page.supply.stock_view.selectRow(0)
    wait_tasks(ctx)
    page.grab().save(str(out / "pmc-stock.png"))
    dialog = GreenChannelRulesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_tasks(ctx)
    dialog.grab().save(str(out / "pmc-rules.png"))
    assert red_no and (out / "pmc-kit.png").stat().st_size > 10_000


def test_bad_input_and_bom_loop_are_worded(qtbot, ctx, sign_in, factory, wait_tasks) -> None:
    from orderdesk.models import BomLine, Product
    from orderdesk.ui.pmc.errors import describe

    sign_in("pmc")
    page = _page(qtbot, ctx, wait_tasks)
    sv = page.supply
    sv.bom_parent.setText("BRK-1001")
    sv.load_bom()
    wait_tasks(ctx)
    assert [r.component_sku for r in sv.bom_model.rows] == ["INS-2001", "RES-PA66GF30"]
    sv.b_comp.setText("INS-2001")
    sv.b_qty.setText("两个")
    sv._on_save_bom_line()
    wait_tasks(ctx)
    assert "Qty per unit" in sv.message.text() and "两个" in sv.message.text()
    assert "Nothing was saved" in sv.message.text()
    assert supply.list_bom(ctx.desk, "BRK-1001")[0].qty_per == 2
    # A loop written behind the app's back (e.g. an import): the kit check says where.
    from sqlalchemy import select

    with ctx.desk.write() as s:
        ids = dict(s.execute(select(Product.sku, Product.id)).all())
        s.add(BomLine(parent_id=ids["INS-2001"], component_id=ids["BRK-1001"], qty_per=1))
    qtbot.mouseClick(page.kit.refresh_button, Qt.MouseButton.LeftButton)
    wait_tasks(ctx)
    text = page.kit.summary.text()
    assert "BRK-1001" in text and "INS-2001" in text and "loop" in text
    from orderdesk.pmc.kitting import BomCycle

    assert "→" in describe(BomCycle(path=["A", "B", "A"]))


def test_status_button_counts_and_opens_board(qtbot, ctx, sign_in, factory, wait_tasks) -> None:
    from orderdesk.ui.pmc.rush_status import RushStatusButton

    gc.request_rush(ctx.desk, factory["red"], "停线", now=utcnow() - dt.timedelta(hours=3))
    sign_in("engineering")
    button = RushStatusButton(ctx)
    qtbot.addWidget(button)
    wait_tasks(ctx)
    qtbot.waitUntil(lambda: button.unread == 1, timeout=5000)   # its own tick escalated
    assert button.waiting == 1 and "1" in button.text()
    dialog = button.open_board()
    qtbot.addWidget(dialog)
    wait_tasks(ctx)
    assert dialog.board.model.rowCount() == 1 and dialog.board.notes.count() == 1
    # Engineering confirms its step from any station; the count follows.
    dialog.board.confirm(factory["red"], "engineering")
    wait_tasks(ctx)
    qtbot.waitUntil(lambda: button.waiting == 0, timeout=5000)


def test_robot_message_is_sent_off_the_gui_thread(qtbot, ctx, sign_in, factory,
                                                  wait_tasks) -> None:
    """A robot that hangs does not freeze the window: the GUI keeps processing events
    while the post is in flight, and the message is marked sent when it answers."""
    import json as _json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from PySide6.QtCore import QTimer

    arrived, release = threading.Event(), threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            arrived.set()
            release.wait(20)
            body = _json.dumps({"errcode": 0, "errmsg": "ok"}).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        sign_in("supervisor")
        page = _page(qtbot, ctx, wait_tasks)       # its first check finds nothing to post
        gc.save_rules(ctx.desk, {"webhook_url": f"http://127.0.0.1:{server.server_port}/send"})
        gc.request_rush(ctx.desk, factory["red"], "停线", now=utcnow() - dt.timedelta(hours=3))
        assert gc.due_escalations(ctx.desk)[0].webhook_queued
        page.green.send_webhooks()
        assert arrived.wait(10)
        ticks = []
        QTimer.singleShot(0, lambda: ticks.append(1))
        qtbot.waitUntil(lambda: ticks == [1], timeout=2000)    # GUI alive mid-request
        assert not release.is_set() and gc.webhook_status(ctx.desk)[0] == 1
        release.set()
        wait_tasks(ctx)
        qtbot.waitUntil(lambda: gc.webhook_status(ctx.desk)[:2] == (0, 1), timeout=10000)
    finally:
        release.set()
        server.shutdown()
        server.server_close()
