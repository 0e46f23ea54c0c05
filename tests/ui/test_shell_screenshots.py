"""Screens in Chinese on a demo factory, grabbed to PNG in the test's tmp folder.

Tests never write tracked files: the screenshots people look at come from
`make screenshots` (build/screenshots/, a real X server).

Checks what a look would: the shipped CJK font is in use and has the glyphs, and no
column header or tab title of the board is cut off.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication



@pytest.fixture
def SHOTS(tmp_path) -> Path:  # noqa: N802 - keeps the grab calls below readable
    return tmp_path / "screenshots"


@pytest.fixture(scope="module")
def demo_db(template_db, tmp_path_factory):  # type: ignore[no-untyped-def]
    """A small demo factory built once for this module (argon2 at minimal cost)."""
    import shutil

    from argon2 import PasswordHasher

    from orderdesk.demo import build_demo
    from orderdesk.desk import Desk
    from orderdesk.services import users

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copyfile(template_db, path)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
        desk = Desk(path, station="demo")
        build_demo(desk, orders=240, seed=7)
        with desk.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        desk.close()
    return path


@pytest.fixture
def demo_ctx(demo_db, db_path, ctx):  # type: ignore[no-untyped-def]
    """`ctx` over a copy of the demo database (the desk fixture's file is replaced)."""
    from orderdesk.desk import Desk

    ctx.desk.close()
    import shutil

    shutil.copyfile(demo_db, db_path)
    ctx.desk = Desk(db_path, station="sales-01")
    yield ctx
    ctx.tasks.wait_idle(20000)
    ctx.desk.close()


def _signed_in(ctx, username):  # type: ignore[no-untyped-def]
    from orderdesk.demo import DEMO_PASSWORD
    from orderdesk.services.users import authenticate

    user = authenticate(ctx.desk, username, DEMO_PASSWORD)
    ctx.desk.sign_in(user)
    return user


def _assert_not_cut(view, rows: int = 20) -> None:  # type: ignore[no-untyped-def]
    """No header and no cell of the first rows is wider than its column."""
    header = view.horizontalHeader()
    metrics = QFontMetrics(header.font())
    cell_metrics = QFontMetrics(view.font())
    model = view.model()
    for col in range(model.columnCount()):
        text = model.headerData(col, Qt.Orientation.Horizontal)
        assert header.sectionSize(col) >= metrics.horizontalAdvance(text), text
        for row in range(min(rows, model.rowCount())):
            cell = str(model.data(model.index(row, col)) or "")
            font = model.data(model.index(row, col), Qt.ItemDataRole.FontRole)
            width = (QFontMetrics(font) if font is not None else cell_metrics).horizontalAdvance(cell)
            assert header.sectionSize(col) >= width, (text, cell)


def test_main_window_in_chinese(qtbot, demo_ctx, SHOTS):  # noqa: N803
    from orderdesk.ui import i18n
    from orderdesk.ui.main_window import MainWindow

    i18n.set_language("zh")
    font = QApplication.font()
    assert QFontInfo(font).family() == "WenQuanYi Micro Hei"
    assert all(QFontMetrics(font).inFontUcs4(ord(ch)) for ch in "订单看板销售仓库质量")

    user = _signed_in(demo_ctx, "boss")
    window = MainWindow(demo_ctx, user)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    window.show_page("board")
    demo_ctx.tasks.wait_idle(20000)
    qtbot.wait(50)
    board = window.pages["board"]
    assert board.model.rowCount() > 0
    assert window.tabs.tabText(window.tabs.currentIndex()) == "订单看板"
    assert board.model.headerData(9, Qt.Orientation.Horizontal) == "生产"
    _assert_not_cut(board.view)
    # at 1600 px every column is on screen: no sideways scrolling on a normal monitor
    assert board.view.horizontalHeader().length() <= board.view.viewport().width()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "main-window-zh.png"))

    dialog = board.open_order(board.model.rows[0].id)
    qtbot.addWidget(dialog)
    demo_ctx.tasks.wait_idle(20000)
    dialog.tabs.setCurrentIndex(0)
    qtbot.wait(50)
    assert dialog.lines_model.rowCount() > 0
    _assert_not_cut(dialog.lines_view)
    assert dialog.grab().save(str(SHOTS / "board-order-zh.png"))
    dialog.tabs.setCurrentIndex(5)
    qtbot.wait(50)
    assert dialog.grab().save(str(SHOTS / "board-order-trail-zh.png"))

    window.language_actions["en"].trigger()
    demo_ctx.tasks.wait_idle(20000)
    qtbot.wait(50)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Order board"
    _assert_not_cut(board.view)  # columns re-fitted to the longer English labels
    combo = board.department
    assert combo.width() >= QFontMetrics(combo.font()).horizontalAdvance(combo.currentText())
    assert window.grab().save(str(SHOTS / "main-window-en.png"))


def test_admin_and_login_in_chinese(qtbot, demo_ctx, SHOTS):  # noqa: N803
    from orderdesk.demo import DEMO_PASSWORD
    from orderdesk.ui import i18n
    from orderdesk.ui.login import LoginDialog
    from orderdesk.ui.main_window import MainWindow

    i18n.set_language("zh")
    login = LoginDialog(demo_ctx, username="boss", demo_users=("sales1", "wh1", "boss", "auditor"),
                        demo_password=DEMO_PASSWORD)
    qtbot.addWidget(login)
    login.show()
    qtbot.wait(50)
    assert "演示工厂" in login.hint.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert login.grab().save(str(SHOTS / "main-window-login-zh.png"))

    user = _signed_in(demo_ctx, "auditor")
    window = MainWindow(demo_ctx, user)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    demo_ctx.tasks.wait_idle(20000)
    admin = window.page("admin")
    admin.audit_panel.verify()
    demo_ctx.tasks.wait_idle(30000)
    qtbot.waitUntil(lambda: admin.audit_panel.verify_button.isEnabled(), timeout=30000)
    assert admin.audit_panel.result.property("state") == "ok"
    qtbot.wait(50)
    assert window.grab().save(str(SHOTS / "main-window-admin-zh.png"))
