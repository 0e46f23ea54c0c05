"""Sign-in (issue 13): one answer until the password is right, growing delays per name
and per address instead of a lockout anyone can trigger, admin unlock and reset, the
last active system administrator kept."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from sqlalchemy import select

from orderdesk.desk import UserInfo
from orderdesk.errors import AccountDisabled, LoginFailed, PermissionDenied
from orderdesk.models import AuditLog, User
from orderdesk.models.security import LoginThrottle
from orderdesk.services import users

GOOD = "Gr33n!tea"
OTHER = "Bl4ck!tea"


def _as(desk, name, roles):  # type: ignore[no-untyped-def]
    desk.user = UserInfo(id="", username=name, display_name=name, roles=tuple(roles))
    return desk


def _fail(desk, name, n, address="10.0.0.9"):  # type: ignore[no-untyped-def]
    for _ in range(n):
        with pytest.raises(LoginFailed):
            users.authenticate(desk, name, "wrong", address=address)


def test_unknown_names_verify_a_dummy_hash_like_real_ones(desk, monkeypatch):
    users.create_user(desk, "alice", "Alice", GOOD, ["sales"])
    calls = []

    class Counting:
        def __init__(self, inner):  # type: ignore[no-untyped-def]
            self.inner = inner

        def verify(self, h, p):  # type: ignore[no-untyped-def]
            calls.append(h)
            return self.inner.verify(h, p)

        def __getattr__(self, name):  # type: ignore[no-untyped-def]
            return getattr(self.inner, name)

    monkeypatch.setattr(users, "_hasher", Counting(users._hasher))
    for name in ("alice", "nobody"):
        with pytest.raises(LoginFailed):
            users.authenticate(desk, name, "wrong")
    assert len(calls) == 2 and calls[1] == users._DUMMY_HASH and calls[0] != calls[1]


def test_disabled_account_says_so_only_after_the_right_password(desk):
    users.create_user(desk, "alice", "Alice", GOOD, ["sales"])
    users.set_active(desk, "alice", False)
    with pytest.raises(LoginFailed):  # not AccountDisabled: nothing learnt without the password
        users.authenticate(desk, "alice", "wrong")
    with pytest.raises(AccountDisabled):
        users.authenticate(desk, "alice", GOOD)


def test_the_delay_grows_and_is_the_same_for_unknown_names(desk):
    users.create_user(desk, "alice", "Alice", GOOD, ["sales"])
    assert users.throttle_delay(users.MAX_FAILURES - 1, users.MAX_FAILURES) == dt.timedelta(0)
    delays = [users.throttle_delay(n, users.MAX_FAILURES).total_seconds()
              for n in range(users.MAX_FAILURES, users.MAX_FAILURES + 8)]
    assert delays[0] == 30 and delays == sorted(delays) and delays[-1] == 900
    for name in ("alice", "ghost"):
        _fail(desk, name, users.MAX_FAILURES)
        with pytest.raises(users.LoginThrottled) as caught:
            users.authenticate(desk, name, GOOD, address="10.0.0.9")
        assert 25 <= caught.value.facts["seconds"] <= 30


def test_a_strangers_failures_do_not_lock_the_owner_out(desk):
    users.create_user(desk, "admin2", "A", GOOD, ["sysadmin"])
    assert users.authenticate(desk, "admin2", GOOD, address="10.0.0.1").username == "admin2"
    _fail(desk, "admin2", users.MAX_FAILURES, address="10.6.6.6")
    with pytest.raises(users.LoginThrottled):
        users.authenticate(desk, "admin2", GOOD, address="10.6.6.7")
    # From the address the owner signed in from before, the account's delay does not apply.
    assert users.authenticate(desk, "admin2", GOOD, address="10.0.0.1").username == "admin2"


def test_password_spraying_from_one_address_is_slowed(desk):
    for n in range(users.MAX_FAILURES_PER_ADDRESS):
        with pytest.raises(LoginFailed):
            users.authenticate(desk, f"user{n}", "Spring2026!", address="10.9.9.9")
    with pytest.raises(users.LoginThrottled):
        users.authenticate(desk, "another", "Spring2026!", address="10.9.9.9")
    with pytest.raises(LoginFailed):  # another address is not slowed
        users.authenticate(desk, "another", "Spring2026!", address="10.9.9.8")


def test_unlock_clears_the_delay_and_is_audited(desk):
    users.create_user(desk, "alice", "Alice", GOOD, ["sales"])
    users.create_user(desk, "sec", "Sec", GOOD, ["secadmin"])
    users.create_user(desk, "bob", "Bob", GOOD, ["sales"])
    _fail(desk, "alice", users.MAX_FAILURES)
    assert [u for u, _t in users.locked_accounts(desk)] == ["alice"]
    with pytest.raises(PermissionDenied):
        users.unlock_account(_as(desk, "bob", ["sales"]), "alice")
    users.unlock_account(_as(desk, "sec", ["secadmin"]), "alice")
    desk.user = None
    assert users.locked_accounts(desk) == []
    assert users.authenticate(desk, "alice", GOOD, address="10.0.0.9").username == "alice"
    with desk.read() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.action == "unlock")).one()
        assert row.user == "sec" and row.outcome == "ok"
        assert s.get(LoginThrottle, "user:alice") is None


def test_reset_password_must_be_changed_at_next_sign_in(desk):
    users.create_user(desk, "alice", "Alice", GOOD, ["sales"])
    users.create_user(desk, "root", "Root", GOOD, ["sysadmin"])
    _fail(desk, "alice", users.MAX_FAILURES)
    users.reset_password(_as(desk, "root", ["sysadmin"]), "alice", OTHER)
    desk.user = None
    info = users.authenticate(desk, "alice", OTHER, address="10.0.0.9")
    with desk.read() as s:
        user = s.scalars(select(User).where(User.username == "alice")).one()
        assert user.must_change_password is True
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "reset_password")).one()
        assert audit.user == "root" and GOOD not in (audit.new_value or "")
    assert info.username == "alice"


def test_cli_unlock_and_reset(db_path, tmp_path):
    from orderdesk.desk import Desk

    desk = Desk(db_path)
    users.create_user(desk, "alice", "Alice", GOOD, ["sales"])
    _fail(desk, "alice", users.MAX_FAILURES)
    desk.close()
    run = [sys.executable, "-m", "orderdesk.cli"]
    out = subprocess.run(run + ["user", "unlock", "alice", "--db", str(db_path)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    pw = tmp_path / "pw.txt"
    pw.write_text(OTHER)
    out = subprocess.run(run + ["user", "reset", "alice", "--db", str(db_path),
                                "--password-file", str(pw)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    desk = Desk(db_path)
    try:
        assert users.authenticate(desk, "alice", OTHER).username == "alice"
        assert users.locked_accounts(desk) == []
    finally:
        desk.close()


def test_the_last_active_sysadmin_cannot_be_disabled_or_demoted(desk):
    users.create_user(desk, "root", "Root", GOOD, ["sysadmin"])
    users.create_user(desk, "alice", "Alice", GOOD, ["sales"])
    root = _as(desk, "root", ["sysadmin"])
    for attempt in (lambda: users.set_active(root, "root", False),):
        with pytest.raises(PermissionDenied) as caught:
            attempt()
        assert caught.value.facts["reason"] == users.LAST_SYSADMIN
    desk.user = None  # a script (no signed-in user) may not demote the last one either
    with pytest.raises(PermissionDenied):
        users.set_roles(desk, "root", ["secadmin"])
    users.create_user(desk, "root2", "Root 2", GOOD, ["sysadmin"])
    users.set_active(_as(desk, "root2", ["sysadmin"]), "root", False)  # now allowed
    desk.user = None
    with pytest.raises(PermissionDenied):
        users.set_active(desk, "root2", False)
