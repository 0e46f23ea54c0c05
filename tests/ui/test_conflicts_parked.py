"""A parked transaction shows in the conflicts panel with the server's reason; only an
administrator may retry or discard it from there (audited by the service)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from orderdesk.models import AuditLog, Customer
from orderdesk.sync import parking
from orderdesk.tracking import Actor


def _parked(desk) -> str:  # type: ignore[no-untyped-def]
    with desk.write(Actor(user="sales1", station="s")) as s:
        s.add_all([Customer(code=f"PX{i}", name="x") for i in range(3)])
        tx_id = s.info["tx_id"]
    parking.park(desk, tx_id, "422: List should have at most 5000 items")
    return tx_id


def _wait_rows(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    panel.view.selectRow(0)


def test_parked_row_shows_the_reason_and_an_admin_retries_it(ctx, desk, qtbot, sign_in,  # type: ignore[no-untyped-def]
                                                             tmp_path):
    from PySide6.QtWidgets import QApplication

    from orderdesk.ui.conflicts import ConflictsPanel

    tx_id = _parked(desk)
    sign_in("sales")
    panel = ConflictsPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1366, 300)
    panel.show()
    _wait_rows(qtbot, panel)
    model = panel.model
    rule = model.data(model.index(0, model.COLUMNS.index("rule")))
    field = model.data(model.index(0, model.COLUMNS.index("field")))
    assert "parked" in rule and "at most 5000 items" in rule
    assert field == "transaction not sent (3 changes)"
    assert panel.keep_button.text() == "Retry" and panel.other_button.text() == "Discard"
    # A sales user sees it but may not decide.
    assert not panel.keep_button.isEnabled() and not panel.other_button.isEnabled()
    QApplication.processEvents()
    shot = Path(tmp_path) / "conflicts-parked.png"  # ORDERDESK_SHOTS: keep a copy to look at
    assert panel.grab().save(str(shot))
    if keep := __import__("os").environ.get("ORDERDESK_SHOTS"):
        Path(keep).mkdir(parents=True, exist_ok=True)
        __import__("shutil").copyfile(shot, Path(keep) / shot.name)

    sign_in("sysadmin")
    panel._update_buttons()
    assert panel.keep_button.isEnabled()
    panel.keep_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=5000)
    assert parking.list_parked(desk) == []
    with desk.read() as s:
        assert s.scalar(select(AuditLog.entity_id).where(AuditLog.action == "sync_retry")) == tx_id
