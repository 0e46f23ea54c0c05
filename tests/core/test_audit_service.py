"""Audit queries and hash-chain verification on a real SQLite file."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from orderdesk.errors import PermissionDenied
from orderdesk.services import audit, users
from orderdesk.services.audit import AuditFilter

PASSWORD = "Audit#Pass2026"


@pytest.fixture(autouse=True)
def _cheap_hashing(monkeypatch):  # type: ignore[no-untyped-def]
    """Same argon2id scheme with minimal cost: these tests are about the audit, not KDF cost."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=64,
                                                         parallelism=1))


@pytest.fixture
def trail(desk):  # type: ignore[no-untyped-def]
    users.create_user(desk, "auditor1", "Auditor", PASSWORD, ["auditor"])
    users.create_user(desk, "sales9", "Sales", PASSWORD, ["sales"])
    for _ in range(2):
        with pytest.raises(Exception):
            users.authenticate(desk, "sales9", "wrong-password")
    info = users.authenticate(desk, "auditor1", PASSWORD)
    desk.sign_in(info)
    return desk


def test_intact_chain_verifies_and_the_check_is_recorded(trail):
    before = audit.count_audit(trail)
    report = audit.verify_chain(trail)
    assert report.ok and report.checked == before and report.first_bad_id is None
    last = audit.list_audit(trail, limit=1)[0]
    assert last.action == "audit_verify" and last.outcome == "ok" and last.user == "auditor1"
    assert audit.verify_chain(trail).ok  # the recorded check extends the chain correctly


def test_altered_row_is_found(trail):
    target = audit.list_audit(trail, AuditFilter(outcome="bad_password"), limit=1)[0]
    with trail.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET outcome='ok' WHERE id=:id"), {"id": target.id})
    report = audit.verify_chain(trail)
    assert not report.ok and report.problem == "hash" and report.first_bad_id == target.id
    assert audit.list_audit(trail, limit=1)[0].outcome == "broken"


def test_removed_row_breaks_the_link_of_the_next(trail):
    rows = audit.list_audit(trail, limit=1000)
    middle = rows[len(rows) // 2]
    with trail.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id=:id"), {"id": middle.id})
    report = audit.verify_chain(trail)
    assert not report.ok and report.problem == "link" and report.first_bad_id > middle.id


def test_verify_can_be_cancelled_and_reports_progress(trail):
    import threading

    abort = threading.Event()
    abort.set()
    assert audit.verify_chain(trail, abort=abort).cancelled
    seen = []
    audit.verify_chain(trail, progress=lambda d, t, _s: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]


def test_filters(trail):
    failed = audit.list_audit(trail, AuditFilter(outcome="bad_password"))
    assert len(failed) == 2 and all(r.action == "login" for r in failed)
    assert audit.count_audit(trail, AuditFilter(user="auditor1", action="login")) == 1
    assert all(r.entity == "users" for r in audit.list_audit(trail, AuditFilter(entity="users")))
    actions, entities, outcomes = audit.audit_facets(trail)
    assert {"insert", "login"} <= set(actions) and "bad_password" in outcomes
    newest_first = audit.list_audit(trail, limit=5)
    assert [r.id for r in newest_first] == sorted((r.id for r in newest_first), reverse=True)


def test_business_roles_cannot_read_the_audit_log(trail):
    trail.sign_in(users.authenticate(trail, "sales9", PASSWORD))
    with pytest.raises(PermissionDenied):
        audit.list_audit(trail)
    with pytest.raises(PermissionDenied):
        audit.verify_chain(trail)


def test_logout_is_audited(desk):
    audit.record_logout(desk, "someone", "idle")
    desk.sign_in(None)
    row = audit.list_audit(desk, AuditFilter(action="logout"))[0]
    assert row.user == "someone" and row.outcome == "idle"
