"""The order dialog's share-link dialog against a real server process: the person signs
in at the server once, gets a link, a QR code that decodes to it and a WeChat text, sees
the link in the list, and stops it."""

from __future__ import annotations

import shutil

import pytest
import requests

from orderdesk.desk import UserInfo
from tests.sync.conftest import PASSWORD, ServerProcess, seed_users
from tests.sync.share_fixtures import _seed_order


@pytest.fixture
def server(template_db, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "server.db"
    shutil.copyfile(template_db, path)
    db_url = f"sqlite:///{path}"
    seed_users(db_url)
    order_no = _seed_order(db_url)
    (tmp_path / "logs").mkdir()
    proc = ServerProcess(db_url, tmp_path / "logs")
    proc.start()
    proc.order_no = order_no  # type: ignore[attr-defined]
    try:
        yield proc
    finally:
        proc.stop()


def test_make_copy_and_stop_a_link(ctx, qtbot, server, monkeypatch, wait_tasks, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import zxingcpp
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QInputDialog

    from orderdesk.ui.board import share_dialog
    from orderdesk.ui.board.share_dialog import ShareLinkDialog

    share_dialog._TOKENS.clear()
    ctx.server_url = server.url
    ctx.desk.sign_in(UserInfo(id="", username="sales1", display_name="sales1", roles=("sales",)))
    asked: list[str] = []

    def fake_password(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2] if len(args) > 2 else "")
        return PASSWORD, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(fake_password))
    dialog = ShareLinkDialog(ctx, server.order_no, "苏州恒锐精密有限公司")  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    dialog.show()
    wait_tasks(ctx)
    assert not dialog.url.isVisible()
    dialog.make_button.click()
    qtbot.waitUntil(lambda: bool(dialog.url.text()), timeout=20000)
    wait_tasks(ctx)
    assert len(asked) == 1 and "sales1" in asked[0]  # asked once, for the person's own sign-in
    url = dialog.url.text()
    assert url.startswith(server.url + "/s/")
    assert requests.get(url, timeout=10).status_code == 200
    # The QR code on screen is the link.
    image = dialog.qr.pixmap().toImage()
    png = str(tmp_path / "qr.png")
    image.save(png)
    from PIL import Image

    decoded = zxingcpp.read_barcodes(Image.open(png))
    assert [d.text for d in decoded] == [url]
    assert url in dialog.message.toPlainText() and server.order_no in dialog.message.toPlainText()  # type: ignore[attr-defined]
    dialog.copy_url.click()
    assert QGuiApplication.clipboard().text() == url
    assert dialog.links.rowCount() == 1
    # A second link needs no second password (the server token is kept in memory).
    dialog.make_button.click()
    qtbot.waitUntil(lambda: dialog.links.rowCount() == 2, timeout=20000)
    assert len(asked) == 1
    second = dialog.url.text()
    assert second != url
    # Stop the newest link.
    dialog.links.selectRow(0)
    dialog.revoke_button.click()
    qtbot.waitUntil(lambda: "stopped" in [dialog.links.item(i, 4).text()
                                          for i in range(dialog.links.rowCount())], timeout=20000)
    assert requests.get(second, timeout=10).status_code == 410
    assert requests.get(url, timeout=10).status_code == 200


def test_without_a_server_it_says_so(ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui.board.share_dialog import ShareLinkDialog

    ctx.server_url = None
    ctx.desk.sign_in(UserInfo(id="", username="sales1", display_name="sales1", roles=("sales",)))
    dialog = ShareLinkDialog(ctx, "SO-2026-000001", "")
    qtbot.addWidget(dialog)
    dialog.make_button.click()
    assert "without a server" in dialog.status.text()
    assert not dialog.url.text()
