"""Administration page: accounts for the system admin, audit trail for the auditor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import text

from orderdesk.services import users


def _admin_page(qtbot, ctx, *roles):  # type: ignore[no-untyped-def]
    from orderdesk.ui.admin.page import AdminPage

    page = AdminPage(ctx)
    ctx.changes_did_apply.connect(page.on_changes)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    ctx.tasks.wait_idle()
    return page


def test_sysadmin_creates_an_account_and_changes_roles(qtbot, ctx, sign_in):
    from orderdesk.ui.admin.page import UserDialog

    me = sign_in("sysadmin", username="it1")
    page = _admin_page(qtbot, ctx)
    panel = page.users_panel
    assert [r.username for r in panel.model.rows] == ["it1"]
    assert page.audit_panel is None  # 三权分立: no audit reading for the system admin

    dialog = UserDialog(ctx, panel)
    qtbot.addWidget(dialog)
    dialog.username.setText("sales7")
    dialog.display_name.setText("销售 小王")
    dialog.password.setText("short")
    dialog.role_boxes["sales"].setChecked(True)
    dialog._on_ok()
    ctx.tasks.wait_idle()
    assert "too weak" in dialog.message.text()  # refused, nothing created
    assert len(users.list_users(ctx.desk)) == 1
    dialog.password.setText("Sales#2026ok")
    dialog._on_ok()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: len(panel.model.rows) == 2, timeout=5000)
    new = next(r for r in panel.model.rows if r.username == "sales7")
    assert new.roles == ("sales",) and new.display_name == "销售 小王"

    panel.view.selectRow(panel.model.rows.index(new))
    edit = UserDialog(ctx, panel, new)
    qtbot.addWidget(edit)
    edit.role_boxes["pmc"].setChecked(True)
    edit._on_ok()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: next(r for r in panel.model.rows if r.username == "sales7").roles
                    == ("pmc", "sales"), timeout=5000)
    assert me.username == "it1"


def test_role_mix_and_own_roles_are_refused_in_words(qtbot, ctx, sign_in):
    """三权分立: the dialog says why, in the user's language; nothing is created."""
    from orderdesk.ui import i18n
    from orderdesk.ui.admin.page import UserDialog

    me = sign_in("sysadmin", username="it3")
    page = _admin_page(qtbot, ctx)
    panel = page.users_panel
    # No "change roles" (nor disable) for one's own account.
    panel.view.selectRow([r.username for r in panel.model.rows].index("it3"))
    assert not panel.edit_button.isEnabled() and not panel.toggle_button.isEnabled()

    dialog = UserDialog(ctx, panel)
    qtbot.addWidget(dialog)
    dialog.username.setText("mixed1")
    dialog.password.setText("Sales#2026ok")
    dialog.role_boxes["sales"].setChecked(True)
    dialog.role_boxes["auditor"].setChecked(True)
    dialog._on_ok()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=5000)
    assert "at most one of System admin, Security admin and Auditor" in dialog.message.text()
    assert [r.username for r in users.list_users(ctx.desk)] == ["it3"]

    own = UserDialog(ctx, panel, panel.model.rows[0])
    qtbot.addWidget(own)
    own.role_boxes["auditor"].setChecked(True)
    try:
        i18n.set_language("zh")
        own._on_ok()
        ctx.tasks.wait_idle()
        qtbot.waitUntil(lambda: bool(own.message.text()), timeout=5000)
        assert "自己账号的角色" in own.message.text()
    finally:
        i18n.set_language("en")
    assert users.list_users(ctx.desk)[0].roles == ("sysadmin",)
    assert me.username == "it3"


def test_disable_and_enable_never_delete(qtbot, ctx, sign_in):
    sign_in("sales", username="sales8")
    ctx.desk.sign_in(None)
    sign_in("sysadmin", username="it2")
    page = _admin_page(qtbot, ctx)
    panel = page.users_panel
    row = [r.username for r in panel.model.rows].index("sales8")
    panel.view.selectRow(row)
    assert panel.toggle_button.text() == "Disable"
    qtbot.mouseClick(panel.toggle_button, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: not next(r for r in panel.model.rows if r.username == "sales8").active,
                    timeout=5000)
    assert panel.toggle_button.text() == "Enable"
    assert panel.model.data(panel.model.index(row, 3)) == "Disabled"
    qtbot.mouseClick(panel.toggle_button, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: next(r for r in panel.model.rows if r.username == "sales8").active,
                    timeout=5000)
    # the admin cannot disable their own account from here
    panel.view.selectRow([r.username for r in panel.model.rows].index("it2"))
    assert not panel.toggle_button.isEnabled()


def test_auditor_reads_filters_and_verifies_the_chain(qtbot, ctx, sign_in):
    sign_in("sales", username="sales9")
    ctx.desk.sign_in(None)
    for _ in range(2):
        try:
            users.authenticate(ctx.desk, "sales9", "wrong")
        except Exception:
            pass
    sign_in("auditor", username="aud1")
    page = _admin_page(qtbot, ctx)
    assert page.users_panel is None
    panel = page.audit_panel
    assert panel.model.rowCount() == panel.total > 0
    panel.outcome.setCurrentIndex(panel.outcome.findData("bad_password"))
    panel.reload()
    ctx.tasks.wait_idle()
    assert panel.model.rowCount() == 2
    assert all(r.action == "login" for r in panel.model.rows)

    panel.verify()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: panel.verify_button.isEnabled(), timeout=10000)
    assert panel.result.property("state") == "ok"
    assert "intact" in panel.result.text()

    # someone edits the database behind the program's back
    with ctx.desk.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET outcome='ok' WHERE outcome='bad_password'"))
    panel.verify()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: panel.verify_button.isEnabled(), timeout=10000)
    assert panel.result.property("state") == "error"
    assert "altered" in panel.result.text()
