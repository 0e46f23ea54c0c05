"""The accounts tab: unlock and reset password (must change at next sign-in), audited;
the audit trail written as sentences with order numbers, not UUIDs."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from PySide6.QtCore import QItemSelectionModel, Qt

from orderdesk.services import audit, users
from orderdesk.services.audit import AuditFilter


def _page(qtbot, ctx, wait_tasks):  # type: ignore[no-untyped-def]
    from orderdesk.ui.admin.page import AdminPage

    page = AdminPage(ctx)
    qtbot.addWidget(page)
    ctx.changes_did_apply.connect(page.on_changes)
    page.resize(1280, 640)
    page.show()
    wait_tasks(ctx)
    return page


def _select(panel, username):  # type: ignore[no-untyped-def]
    for i, row in enumerate(panel.model.rows):
        if row.username == username:
            panel.view.selectionModel().select(
                panel.model.index(i, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            return row
    raise AssertionError(username)


def _lock(desk, username):  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from orderdesk.models import User

    with desk.write() as s:
        s.execute(update(User).where(User.username == username).values(
            locked_until=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
            + dt.timedelta(minutes=15), failed_logins=5))


def test_security_admin_unlocks_and_resets_a_password(qtbot, ctx, sign_in, wait_tasks):
    worker = sign_in("warehouse", username="wh7")
    _lock(ctx.desk, "wh7")
    sign_in("secadmin", username="sec1")
    page = _page(qtbot, ctx, wait_tasks)
    panel = page.users_panel
    assert panel is not None and not panel.add_button.isVisibleTo(page)   # not theirs
    _select(panel, "wh7")
    assert panel.unlock_button.isEnabled()
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    wait_tasks(ctx)
    assert "wh7 is unlocked" in panel.message.text()
    wait_tasks(ctx)
    row = next(r for r in users.list_users(ctx.desk) if r.username == "wh7")
    assert row.locked_until is None

    _select(panel, "wh7")
    dialog = panel.open_reset("wh7")
    dialog.password.setText("Fresh#Start2026")
    dialog.repeat.setText("Fresh#Start2026")
    dialog.submit()
    wait_tasks(ctx)
    assert "must choose their own" in panel.message.text()
    previous, ctx.desk.user = ctx.desk.user, None
    try:
        assert audit.password_change_required(ctx.desk, "wh7")
        assert users.authenticate(ctx.desk, "wh7", "Fresh#Start2026").username == worker.username
    finally:
        ctx.desk.user = previous
    actions = {r.action for r in audit.list_audit(ctx.desk, AuditFilter(), limit=50)}
    assert {"unlock", "reset_password"} <= actions


def test_weak_reset_password_is_refused_in_words(qtbot, ctx, sign_in, wait_tasks):
    sign_in("quality", username="qc5")
    sign_in("sysadmin", username="root1")
    page = _page(qtbot, ctx, wait_tasks)
    dialog = page.users_panel.open_reset("qc5")
    dialog.password.setText("abc")
    dialog.repeat.setText("abc")
    dialog.submit()
    wait_tasks(ctx)
    assert dialog.isVisible() and dialog.message.text()
    assert "Traceback" not in dialog.message.text()


def test_audit_entries_read_as_sentences_with_order_numbers(qtbot, ctx, sign_in, wait_tasks):
    from orderdesk.services import catalog
    from orderdesk.services import orders as order_service

    with ctx.desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
        catalog.upsert_product(s, "BRK-1001", "支架")
    ref = order_service.create_order(ctx.desk, order_service.OrderDraft(
        channel="phone", customer_code="C001",
        lines=[order_service.LineDraft(sku="BRK-1001", quantity=Decimal(10))]))
    order_service.set_status(ctx.desk, ref.id, "sales", "confirmed")
    sign_in("auditor", username="aud1")
    page = _page(qtbot, ctx, wait_tasks)
    panel = page.audit_panel
    wait_tasks(ctx)
    col = next(i for i, c in enumerate(panel.model.columns) if c.key == "what")
    sentences = [panel.model.index(r, col).data() for r in range(panel.model.rowCount())]
    change = [t for t in sentences if "Sales status" in t]
    assert change == [f"Changed Sales status of Order {ref.order_no} from “Draft” to “Confirmed”"]
    assert any(t == f"Created Order {ref.order_no}" for t in sentences)
    uuid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")
    assert not any(uuid.search(t) for t in sentences if "Order" in t)


def test_a_record_without_a_name_is_named_by_its_order(ctx):
    import datetime as _dt

    from orderdesk.services.audit import AuditRow
    from orderdesk.ui.admin.audit_sentences import audit_sentence

    row = AuditRow(id=1, at=_dt.datetime(2026, 12, 1), user="pmc1", station="s", action="insert",
                   entity="rush_steps", entity_id="0193-x", field=None, old_value=None,
                   new_value='{"case_id": "c1", "order_id": "o1", "department": "pmc"}',
                   outcome="ok")
    text = audit_sentence(row, {"orders:o1": "SO-2026-000042"})
    assert "SO-2026-000042" in text and "0193-x" not in text and text.startswith("Created ")
