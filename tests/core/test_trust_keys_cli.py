"""A system admin approves a quality station's proposed signing key from the command line
(`orderdesk keys pending` / `keys approve`), audited; approving an unknown key is a clear
error, not a traceback."""

from __future__ import annotations

from sqlalchemy import select

from orderdesk.cli import main
from orderdesk.desk import Desk
from orderdesk.models import AuditLog
from orderdesk.services import trust_keys


def test_pending_then_approved(db_path, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["keys", "init", "--db", str(db_path), "--out", str(tmp_path / "k.pem")]) == 0
    capsys.readouterr()
    assert main(["keys", "pending", "--db", str(db_path)]) == 0
    listed = capsys.readouterr().out
    desk = Desk(db_path, station="t")
    try:
        (row,) = trust_keys.list_keys(desk, pending_only=True)
    finally:
        desk.close()
    assert row.key_id in listed
    assert main(["keys", "approve", row.key_id, "--db", str(db_path)]) == 0
    assert "approved" in capsys.readouterr().out
    desk = Desk(db_path, station="t")
    try:
        assert trust_keys.list_keys(desk, pending_only=True) == []
        (key,) = [k for k in trust_keys.list_keys(desk) if k.key_id == row.key_id]
        assert key.approved_by
        with desk.read() as s:
            actions = s.scalars(select(AuditLog.action).where(AuditLog.entity_id.contains(row.key_id))).all()
    finally:
        desk.close()
    assert "approve_key" in actions
    assert main(["keys", "pending", "--db", str(db_path)]) == 0
    assert "no keys waiting" in capsys.readouterr().out


def test_approving_an_unknown_key_is_a_clear_error(db_path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["keys", "approve", "NOPE1234", "--db", str(db_path)])
    assert code != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()
