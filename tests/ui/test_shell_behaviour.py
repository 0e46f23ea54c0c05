"""What the shell promises a user (issue 14): one dialog per order, quitting asks when
work would be lost and says which, a finished task is not "running", the rush counter
says what it counts in the current language, sign-out clears the name, the login has a
language choice, the entry form saves confirmed orders, dates speak the UI language."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

from PySide6.QtCore import Qt

from orderdesk.services import orders as order_service


def _window(ctx, qtbot, user):  # type: ignore[no-untyped-def]
    from orderdesk.ui.main_window import MainWindow

    window = MainWindow(ctx, user)
    qtbot.addWidget(window)
    window.show()
    ctx.tasks.wait_idle(10000)
    return window


def _order(desk):  # type: ignore[no-untyped-def]
    from orderdesk.services import catalog

    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
        catalog.upsert_product(s, "BRK-1001", "支架")
    previous, desk.user = desk.user, None
    try:
        return order_service.create_order(desk, order_service.OrderDraft(
            channel="phone", customer_code="C001",
            lines=[order_service.LineDraft(sku="BRK-1001", quantity=Decimal(10))]))
    finally:
        desk.user = previous


def test_double_click_opens_one_dialog_per_order(ctx, qtbot, sign_in, wait_tasks):
    from orderdesk.ui.board.page import BoardPage

    sign_in("sales")
    ref = _order(ctx.desk)
    page = BoardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_tasks(ctx)
    index = page.view.model().index(0, 0)
    # a double-click emits doubleClicked and activated: both land here
    page.view.doubleClicked.emit(index)
    page.view.activated.emit(index)
    wait_tasks(ctx)
    dialogs = [w for w in page.findChildren(object) if type(w).__name__ == "OrderDialog"]
    assert len(dialogs) == 1
    again = page.open_order(ref.id)
    assert again is dialogs[0]
    again.close()
    qtbot.waitUntil(lambda: not again.isVisible())


def test_quit_asks_about_a_half_typed_order_and_stays_open_on_no(ctx, qtbot, sign_in):
    user = sign_in("sales")
    window = _window(ctx, qtbot, user)
    asked: list[str] = []
    window.ask = lambda title, text: asked.append(text) or False
    window.close()                                   # nothing typed: no question
    assert asked == [] and not window.isVisible()
    window.show()
    window.show_page("sales")
    window.pages["sales"].entry.customer.setText("C00")
    window.quit_action.trigger()                     # Ctrl+Q
    assert len(asked) == 1 and "phone order that is typed but not saved" in asked[0]
    assert window.isVisible()
    window.sign_out_action.trigger()
    assert len(asked) == 2 and "Sign out anyway" in asked[1]


def test_quit_names_the_running_task_and_a_finished_one_is_not_running(ctx, qtbot, sign_in):
    user = sign_in("engineering")
    window = _window(ctx, qtbot, user)
    gate = threading.Event()

    def import_customer_sheet():
        gate.wait(10)

    ctx.tasks.mutate(import_customer_sheet)
    assert window.unfinished_work() == ["still running: import customer sheet"]
    gate.set()
    qtbot.waitUntil(lambda: not ctx.tasks.writes_pending(), timeout=5000)
    # returned, result maybe not yet delivered: not "running" any more
    assert window.unfinished_work() == []
    ctx.tasks.wait_idle()

    def housekeeping():
        return None

    housekeeping.task_quiet = True
    ctx.tasks.mutate(housekeeping)
    assert window.unfinished_work() == []
    ctx.tasks.wait_idle()


def test_rush_counter_says_mine_and_all_and_follows_the_language(ctx, qtbot, sign_in):
    from orderdesk.ui import i18n
    from orderdesk.ui.pmc.rush_status import RushStatusButton

    sign_in("sales")
    button = RushStatusButton(ctx, tick_ms=3_600_000)
    qtbot.addWidget(button)
    ctx.tasks.wait_idle()
    button._on_counts((0, 33, 1))
    assert button.text() == "\u26a1 Rush orders: 0 mine / 33 all · escalations 1"
    i18n.set_language("zh")
    assert "我的" in button.text() and "全部" in button.text() and "Rush" not in button.text()
    i18n.set_language("en")
    assert button.text().startswith("\u26a1 Rush orders")


def test_sign_out_clears_the_user_name_and_focuses_it(ctx, qtbot):
    from orderdesk.services.users import create_user
    from orderdesk.ui.app import StationShell

    user = create_user(ctx.desk, "qc9", "Qc Nine", "Test#Pass2026", ["quality"])
    shell = StationShell(ctx, username="qc9")
    shell.open_window(user)
    ctx.tasks.wait_idle()
    shell.window.setProperty("forceClose", True)
    shell.sign_out()
    ctx.tasks.wait_idle()
    dialog = shell.dialog
    qtbot.waitExposed(dialog)
    assert dialog.username.text() == "" and dialog.password.text() == ""
    qtbot.waitUntil(dialog.username.hasFocus, timeout=3000)
    dialog.reject()


def test_login_dialog_switches_the_language(ctx, qtbot):
    from orderdesk.ui import i18n
    from orderdesk.ui.login import LoginDialog

    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.text() == "Sign in"
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    assert i18n.current_language() == "zh" and ctx.settings.language == "zh"
    assert dialog.ok_button.text() == "登录"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.ok_button.text() == "Sign in"


def test_save_and_confirm_stores_a_confirmed_order(ctx, qtbot, demo_catalog, sign_in, wait_tasks):
    from orderdesk.services import catalog
    from orderdesk.ui.sales.entry_form import OrderEntryForm

    sign_in("sales")
    form = OrderEntryForm(ctx, with_popup=False)
    qtbot.addWidget(form)
    form.show()
    customers = catalog.complete_customers(ctx.desk, "C001")
    form._set_customer(customers[0])
    wait_tasks(ctx)
    product = catalog.complete_products(ctx.desk, "BRK-1001")[0]
    form._append_line(product, Decimal(500))
    assert form.save_confirm.text() == "Save and confirm (Ctrl+Shift+S)"
    qtbot.mouseClick(form.save_confirm, Qt.MouseButton.LeftButton)
    wait_tasks(ctx)
    assert form.status.text().startswith("Saved and confirmed as SO-")
    number = form.status.text().rsplit(" ", 1)[-1]
    from sqlalchemy import select

    from orderdesk.models import Order

    with ctx.desk.read() as s:
        order = s.scalar(select(Order).where(Order.order_no == number))
        assert order is not None and order.status_sales == "confirmed"


def test_due_date_weekday_in_the_ui_language(ctx, qtbot, sign_in):
    from orderdesk.ui import i18n
    from orderdesk.ui.sales.entry_form import OrderEntryForm

    sign_in("sales")
    form = OrderEntryForm(ctx, with_popup=False)
    qtbot.addWidget(form)
    form._today = lambda: dt.date(2026, 3, 1)
    form.due.setText("2026-03-04")
    form._check_due()
    assert form.due_info.text() == "2026-03-04 Wed"
    i18n.set_language("zh")
    form.retranslate_ui()
    assert form.due_info.text() == "2026-03-04 周三"
    assert form.save_confirm.text() != "Save and confirm (Ctrl+Shift+S)"   # the form follows


def test_unknown_gtin_says_the_product_is_not_in_the_system(ctx):
    """A well-formed GS1 label whose GTIN the catalogue lacks: call the office, not
    "unknown code" (which reads as "scan again")."""
    from orderdesk.ui.warehouse.page import outcome_text
    from orderdesk.warehouse.binding import ScanOutcome

    fields = ScanOutcome.__dataclass_fields__
    code = type("Code", (), {"visible": "(01)06901234567892(10)L1(30)100"})()
    kwargs = {"kind": "refused", "reason": "unknown_code", "code": code,
              "facts": (("code", "06901234567892"), ("gtin", "06901234567892"))}
    outcome = ScanOutcome(**{k: v for k, v in kwargs.items() if k in fields},
                          **{k: None for k in fields if k not in kwargs})
    text = outcome_text(outcome)
    assert text.startswith("Product not in the system") and "06901234567892" in text
    assert "Call the office" in text
    plain = ScanOutcome(**{**{k: v for k, v in kwargs.items() if k in fields},
                           "facts": (("code", "XYZ"),)},
                        **{k: None for k in fields if k not in kwargs})
    assert outcome_text(plain) == "Unknown code: XYZ"
