"""Backup and restore drill (等保2.0 B1): a real station file, backed up while open,
changed, restored; the replaced state is kept; bad backups and a file in use are
refused with nothing changed."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import func, select

from orderdesk.backup import BackupError, backup, restore
from orderdesk.desk import Desk, UserInfo
from orderdesk.models import AuditLog, Order
from orderdesk.services import audit
from orderdesk.services.orders import LineDraft, OrderDraft, create_order


def _orders(desk: Desk) -> set[str]:
    with desk.read() as s:
        return set(s.scalars(select(Order.order_no)))


def _new_order(desk: Desk, po: str) -> None:
    create_order(desk, OrderDraft(channel="phone", customer_code="C001", customer_po=po,
                                  lines=[LineDraft("BRK-1001", 10)]))


def _chain_ok(path) -> bool:  # type: ignore[no-untyped-def]
    desk = Desk(path, station="check")
    desk.sign_in(UserInfo(id="a", username="auditor", display_name="A", roles=("auditor",)))
    try:
        return audit.verify_chain(desk).ok
    finally:
        desk.close()


def test_backup_then_restore_brings_back_that_state_and_keeps_the_later_one(
        desk, db_path, demo_catalog, tmp_path):  # type: ignore[no-untyped-def]
    _new_order(desk, "PO-BEFORE")
    saved = _orders(desk)
    report = backup(db_path, tmp_path / "saved.db")  # the station keeps its file open
    assert report.orders == 1 and len(report.sha256) == 64
    _new_order(desk, "PO-AFTER")
    later = _orders(desk)
    assert later > saved
    with desk.read() as s:  # the backup itself is in the trail of the database it copied
        assert s.scalar(select(func.count()).select_from(AuditLog)
                        .where(AuditLog.action == "backup")) == 1
    desk.close()

    done = restore(db_path, report.path)
    reopened = Desk(db_path, station="after")
    try:
        assert _orders(reopened) == saved
        with reopened.read() as s:
            last = s.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(1)).one()
        assert last.action == "restore" and str(report.path) in (last.new_value or "")
        _new_order(reopened, "PO-NEXT")  # the restored station works on
    finally:
        reopened.close()
    assert done.kept_previous is not None and done.kept_previous.exists()
    kept = Desk(done.kept_previous, station="kept")
    try:
        assert _orders(kept) == later  # nothing that was replaced is lost
    finally:
        kept.close()
    assert _chain_ok(db_path) and _chain_ok(report.path)


def test_damaged_or_foreign_backups_are_refused_and_nothing_changes(
        desk, db_path, demo_catalog, tmp_path):  # type: ignore[no-untyped-def]
    _new_order(desk, "PO-1")
    before = _orders(desk)
    good = backup(db_path, tmp_path / "good.db").path
    desk.close()
    torn = tmp_path / "torn.db"
    data = bytearray(good.read_bytes())
    data[len(data) // 2: len(data) // 2 + 4096] = b"\xff" * 4096
    torn.write_bytes(bytes(data))
    text = tmp_path / "notes.db"
    text.write_text("not a database", encoding="utf-8")
    for bad, reasons in ((torn, {"damaged", "unreadable"}), (text, {"unreadable"}),
                         (tmp_path / "nowhere.db", {"missing"})):
        with pytest.raises(BackupError) as err:
            restore(db_path, bad)
        assert err.value.facts["reason"] in reasons, err.value.facts
    assert not list(tmp_path.glob("*.before-restore-*"))
    after = Desk(db_path, station="after")
    try:
        assert _orders(after) == before
    finally:
        after.close()
    with pytest.raises(BackupError) as err:
        backup(db_path, good)  # never overwrites a file
    assert err.value.facts["reason"] == "exists"


def test_restore_refuses_a_database_a_station_has_open(desk, db_path, demo_catalog, tmp_path):  # type: ignore[no-untyped-def]
    _new_order(desk, "PO-1")
    saved = backup(db_path, tmp_path / "saved.db").path
    _new_order(desk, "PO-2")
    with pytest.raises(BackupError) as err:
        restore(db_path, saved)
    assert err.value.facts["reason"] == "in_use"
    assert len(_orders(desk)) == 2 and not list(tmp_path.glob("*.before-restore-*"))


def test_cli_backup_and_restore_say_what_they_did(desk, db_path, demo_catalog, tmp_path):  # type: ignore[no-untyped-def]
    _new_order(desk, "PO-1")
    desk.close()
    out = tmp_path / "cli.db"

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "orderdesk.cli", *args],
                              capture_output=True, text=True, timeout=120,
                              env={**__import__("os").environ, "ORDERDESK_LANG": "en"})

    made = run("backup", "--db", str(db_path), "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert "1 orders" in made.stdout and "sha256" in made.stdout
    again = run("backup", "--db", str(db_path), "--out", str(out))
    assert again.returncode == 2 and "exists already" in again.stderr
    assert "Traceback" not in again.stderr
    back = run("restore", "--db", str(db_path), "--from", str(out))
    assert back.returncode == 0, back.stderr
    assert "kept in" in back.stdout
