"""Sign-in, first run, role-based pages, sign-out and the station shell flow."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from orderdesk.services import users
from orderdesk.services.audit import AuditFilter, list_audit
from orderdesk.ui.placeholder import NotInstalledPage, PageErrorPage

USER_PASSWORD = "Test#Pass2026"  # the password `sign_in` and these tests give accounts


def _create(desk, name, roles):  # type: ignore[no-untyped-def]
    previous, desk.user = desk.user, None  # accounts are made by the system here
    try:
        return users.create_user(desk, name, name.title(), USER_PASSWORD, roles)
    finally:
        desk.user = previous


def _login(qtbot, ctx, name, password):  # type: ignore[no-untyped-def]
    from orderdesk.ui.login import LoginDialog

    dialog = LoginDialog(ctx, username=name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle(10000)
    return dialog


def test_right_password_signs_in(qtbot, ctx):
    _create(ctx.desk, "sales1", ["sales"])
    dialog = _login(qtbot, ctx, "sales1", USER_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user.username == "sales1"
    assert ctx.desk.user == dialog.user
    assert dialog.password.text() == ""  # the password does not linger in the widget


def test_wrong_password_is_refused_with_a_message(qtbot, ctx):
    _create(ctx.desk, "sales1", ["sales"])
    dialog = _login(qtbot, ctx, "sales1", "not-the-password")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible() and ctx.desk.user is None
    assert dialog.message.isVisible()
    assert dialog.message.text() == "Wrong user name or password."
    assert dialog.ok_button.isEnabled()
    ctx.desk.sign_in(None)
    rows = list_audit(ctx.desk, AuditFilter(action="login", outcome="bad_password"))
    assert len(rows) == 1


def test_unknown_user_gets_the_same_message(qtbot, ctx):
    dialog = _login(qtbot, ctx, "nobody", "whatever")
    assert dialog.message.text() == "Wrong user name or password."


def test_lockout_says_until_when(qtbot, ctx):
    _create(ctx.desk, "wh1", ["warehouse"])
    for _ in range(users.MAX_FAILURES):
        dialog = _login(qtbot, ctx, "wh1", "bad")
    dialog = _login(qtbot, ctx, "wh1", USER_PASSWORD)  # right password, but locked now
    text = dialog.message.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "locked" in text
    row = next(r for r in users.list_users(ctx.desk) if r.username == "wh1")
    local = row.locked_until.replace(tzinfo=dt.timezone.utc).astimezone()
    assert local.strftime("%Y-%m-%d %H:%M") in text


def test_disabled_account_is_refused(qtbot, ctx):
    _create(ctx.desk, "qc1", ["quality"])
    users.set_active(ctx.desk, "qc1", False)
    dialog = _login(qtbot, ctx, "qc1", USER_PASSWORD)
    assert "disabled" in dialog.message.text()
    assert ctx.desk.user is None


def test_empty_fields_are_not_sent(qtbot, ctx):
    dialog = _login(qtbot, ctx, "", "")
    assert "Enter your user name" in dialog.message.text()


def test_first_run_creates_the_first_admin_with_a_chosen_password(qtbot, ctx):
    from orderdesk.ui.login import FirstRunDialog

    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("itadmin")
    dialog.password.setText("weak")
    dialog.repeat.setText("weak")
    dialog.create()
    ctx.tasks.wait_idle()
    assert "too weak" in dialog.message.text()
    assert not users.has_users(ctx.desk)
    dialog.password.setText(USER_PASSWORD)
    dialog.repeat.setText(USER_PASSWORD + "x")
    dialog.create()
    assert "differ" in dialog.message.text()
    dialog.repeat.setText(USER_PASSWORD)
    dialog.create()
    ctx.tasks.wait_idle()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [row] = users.list_users(ctx.desk)
    assert row.username == "itadmin" and row.roles == ("sysadmin",)
    assert users.authenticate(ctx.desk, "itadmin", USER_PASSWORD).roles == ("sysadmin",)


def _window(qtbot, ctx, roles):  # type: ignore[no-untyped-def]
    from orderdesk.ui.main_window import MainWindow

    user = _create(ctx.desk, "_".join(roles) + "_u", roles)
    ctx.desk.sign_in(user)
    window = MainWindow(ctx, user)
    qtbot.addWidget(window)
    window.show()
    ctx.tasks.wait_idle()
    return window


def test_pages_follow_roles(qtbot, ctx):
    cases = {
        ("sales",): ["sales", "board"],
        ("warehouse",): ["warehouse", "board"],
        ("engineering",): ["board"],
        ("auditor",): ["admin"],
        ("supervisor",): ["overview", "sales", "warehouse", "quality", "pmc", "finance",
                          "board"],
        ("finance",): ["finance", "board"],
    }
    for roles, pages in cases.items():
        window = _window(qtbot, ctx, list(roles))
        assert window.page_keys == pages
        assert list(window.pages) == pages[:1]  # only the shown page is built at start
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert len(titles) == len(pages) and all(titles)
        # Station pages of other teams are theirs to test; the shell's own never fail.
        for key in ("board", "admin"):
            assert not isinstance(window.page(key), PageErrorPage)
        assert list(window.pages) == [k for k in pages if k in (pages[0], "board", "admin")]
        window.close()


def test_admin_page_parts_follow_roles(qtbot, ctx):
    sysadmin = _window(qtbot, ctx, ["sysadmin"])
    admin = sysadmin.page("admin")
    assert admin.users_panel is not None and admin.audit_panel is None
    auditor = _window(qtbot, ctx, ["auditor"])
    admin = auditor.page("admin")
    assert admin.users_panel is None and admin.audit_panel is not None


def test_broken_page_module_shows_an_error_page(qtbot, ctx, monkeypatch):
    from orderdesk.ui import pages

    monkeypatch.setitem(pages.PAGES, "quality", "orderdesk.ui.no_such_module:Nope")
    window = _window(qtbot, ctx, ["quality"])
    page = window.page("quality")
    assert isinstance(page, PageErrorPage)
    assert "could not be opened" in page.message.text()
    assert not isinstance(window.page("board"), (PageErrorPage, NotInstalledPage))
    assert window.show_page("board") and window.tabs.currentIndex() == 1


def test_status_bar_has_the_sync_slot(qtbot, ctx):
    from PySide6.QtWidgets import QLabel

    window = _window(qtbot, ctx, ["sales"])
    extra = QLabel("extra")
    window.add_status_widget(extra)
    assert extra.parent() is not None
    assert window.sync_widget.isVisible()
    assert window.user_label.text().startswith("Signed in:")


def test_shell_flow_login_window_sign_out(qtbot, ctx):
    from orderdesk.ui.app import StationShell

    _create(ctx.desk, "boss", ["supervisor"])
    shell = StationShell(ctx)
    shell.start()
    dialog = shell.dialog
    assert dialog is not None and dialog.objectName() == "loginDialog"
    dialog.username.setText("boss")
    dialog.password.setText(USER_PASSWORD)
    with qtbot.waitSignal(shell.window_did_open, timeout=10000):
        dialog.sign_in()
    window = shell.window
    assert window.isVisible() and "board" in window.page_keys
    assert ctx.desk.user.username == "boss"
    assert ctx.settings.last_user == "boss"

    window.sign_out_action.trigger()
    ctx.tasks.wait_idle()
    assert shell.window is None and ctx.desk.user is None
    # the next person types their own name (issue 14: no name left for the password)
    assert shell.dialog is not None and shell.dialog.username.text() == ""
    rows = list_audit(ctx.desk, AuditFilter(action="logout"))
    assert rows and rows[0].user == "boss"
    shell.dialog.reject()


def test_idle_timeout_signs_out(qtbot, ctx):
    from orderdesk.ui.app import StationShell

    user = _create(ctx.desk, "eng", ["engineering"])
    shell = StationShell(ctx)
    shell.open_window(user)
    ctx.tasks.wait_idle()
    shell._on_idle()  # what the timer calls after idle_minutes without input
    ctx.tasks.wait_idle()
    assert shell.window is None and ctx.desk.user is None
    assert "without use" in shell.dialog.message.text()
    assert list_audit(ctx.desk, AuditFilter(action="logout", outcome="idle"))
    shell.dialog.reject()


def test_first_run_shell_starts_with_the_admin_dialog(qtbot, ctx):
    from orderdesk.ui.app import StationShell

    shell = StationShell(ctx)
    shell.start()
    assert shell.dialog.objectName() == "firstRunDialog"
    with qtbot.waitSignal(shell.quit_requested):
        shell.dialog.reject()


def test_account_made_by_an_admin_must_choose_a_new_password(qtbot, ctx):
    from orderdesk.ui.app import StationShell

    previous, ctx.desk.user = ctx.desk.user, None
    users.create_user(ctx.desk, "newbie", "New", USER_PASSWORD, ["sales"], must_change=True)
    ctx.desk.user = previous
    shell = StationShell(ctx, username="newbie")
    shell.show_login()
    shell.dialog.password.setText(USER_PASSWORD)
    shell.dialog.sign_in()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: shell.dialog is not None
                    and shell.dialog.objectName() == "changePasswordDialog", timeout=5000)
    assert shell.window is None  # no work before the password is changed
    change = shell.dialog
    change.password.setText(USER_PASSWORD)
    change.repeat.setText(USER_PASSWORD)
    change.change()  # same strong password is accepted by policy; "weak" is not:
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: shell.window is not None, timeout=5000)
    from orderdesk.services.audit import password_change_required

    assert not password_change_required(ctx.desk, "newbie")
    shell.window.close()


def test_weak_new_password_is_refused(qtbot, ctx, sign_in):
    from orderdesk.ui.login import ChangePasswordDialog

    user = sign_in("sales")
    dialog = ChangePasswordDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("abc")
    dialog.repeat.setText("abc")
    dialog.change()
    ctx.tasks.wait_idle()
    assert "too weak" in dialog.message.text() and dialog.isVisible()
    dialog.password.setText("Better#Pass99")
    dialog.repeat.setText("Better#Pass99")
    dialog.change()
    ctx.tasks.wait_idle()
    assert users.authenticate(ctx.desk, user.username, "Better#Pass99").username == user.username


def test_station_settings_are_kept_in_the_config_dir(qtbot, ctx, tmp_path):
    import os

    from orderdesk.ui.context import StationSettings
    from orderdesk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.station.setText("wh-dock-2")
    dialog.server.setText("ftp://server")
    dialog.save()
    assert dialog.isVisible() and "http://" in dialog.message.text()  # refused, not saved
    assert StationSettings.load().station_name != "wh-dock-2"
    dialog.server.setText("https://10.0.0.5:8443/")
    dialog.idle.setValue(5)
    dialog.save()
    assert not dialog.isVisible()
    stored = StationSettings.load()
    assert (stored.station_name, stored.server_url, stored.idle_minutes) == (
        "wh-dock-2", "https://10.0.0.5:8443", 5)
    ini = tmp_path / "config" / "orderdesk" / "station.ini"
    assert ini.is_file() and "wh-dock-2" in ini.read_text(encoding="utf-8")
    assert os.environ["ORDERDESK_CONFIG_DIR"] == str(ini.parent)
    assert dialog.printer.itemData(0) == ""  # "system default" is always offered
