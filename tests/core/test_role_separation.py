"""三权分立 (等保2.0 M1): an account holds at most one of the admin roles (system admin,
security admin, auditor) and never one of them with a business role; nobody changes
the roles of their own account. Refusals are in the audit trail."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import select

from orderdesk import roles as role_defs
from orderdesk.errors import PermissionDenied, ValidationFailed
from orderdesk.models import AuditLog
from orderdesk.services import users

GOOD = "Gr33n!tea"


def _admin(desk, name: str = "admin1"):  # type: ignore[no-untyped-def]
    """A system admin made by the command line (nobody signed in), then signed in."""
    desk.sign_in(None)
    info = users.create_user(desk, name, "Admin", GOOD, ["sysadmin"])
    desk.sign_in(info)
    return info


def _roles(desk, username: str) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return next(r.roles for r in users.list_users(desk) if r.username == username)


def _refusals(desk) -> list[AuditLog]:  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.outcome == "refused")
                              .order_by(AuditLog.id)))


@pytest.mark.parametrize("roles, mixed", [
    (["sysadmin"], False), (["auditor"], False), (["sales", "pmc"], False),
    (["supervisor", "quality"], False), ([], False),
    (["sysadmin", "secadmin"], True), (["secadmin", "auditor"], True),
    (["sales", "auditor"], True), (["supervisor", "sysadmin"], True),
    (["engineering", "secadmin"], True),
])
def test_role_mix_rule(roles, mixed):
    assert role_defs.role_mix(roles) is mixed


def test_sysadmin_cannot_change_his_own_roles(desk):
    _admin(desk)
    with pytest.raises(PermissionDenied) as err:
        users.set_roles(desk, "admin1", ["sysadmin", "sales", "auditor"])
    assert err.value.facts["reason"] == users.OWN_ROLES
    with pytest.raises(PermissionDenied):
        users.set_roles(desk, "admin1", ["auditor"])  # not even a legal single role
    assert _roles(desk, "admin1") == ("sysadmin",)


def test_sysadmin_changes_other_accounts_within_the_rule(desk):
    _admin(desk)
    users.create_user(desk, "bob", "Bob", GOOD, ["sales"])
    users.set_roles(desk, "bob", ["sales", "pmc"])
    users.set_roles(desk, "bob", ["auditor"])  # a swap is fine: one role at the end
    assert _roles(desk, "bob") == ("auditor",)
    with pytest.raises(ValidationFailed) as err:
        users.set_roles(desk, "bob", ["auditor", "quality"])
    assert err.value.facts["reason"] == role_defs.ROLE_MIX
    assert _roles(desk, "bob") == ("auditor",)


def test_cannot_create_sales_with_auditor(desk):
    _admin(desk)
    with pytest.raises(ValidationFailed) as err:
        users.create_user(desk, "mixed", "Mixed", GOOD, ["sales", "auditor"])
    assert err.value.facts == {"field": "roles", "value": ["auditor", "sales"],
                               "reason": role_defs.ROLE_MIX}
    assert "mixed" not in [r.username for r in users.list_users(desk)]


def test_secadmin_with_sysadmin_is_refused(desk):
    _admin(desk)
    with pytest.raises(ValidationFailed):
        users.create_user(desk, "sec1", "Sec", GOOD, ["secadmin", "sysadmin"])
    users.create_user(desk, "sec1", "Sec", GOOD, ["secadmin"])
    with pytest.raises(ValidationFailed):
        users.set_roles(desk, "sec1", ["secadmin", "sysadmin"])
    assert _roles(desk, "sec1") == ("secadmin",)


def test_refusals_are_audited(desk):
    _admin(desk)
    users.create_user(desk, "bob", "Bob", GOOD, ["sales"])
    bob_id = next(r.id for r in users.list_users(desk) if r.username == "bob")
    assert _refusals(desk) == []
    with pytest.raises(ValidationFailed):
        users.create_user(desk, "mixed", "Mixed", GOOD, ["sales", "auditor"])
    with pytest.raises(ValidationFailed):
        users.set_roles(desk, "bob", ["sales", "sysadmin"])
    with pytest.raises(PermissionDenied):
        users.set_roles(desk, "admin1", ["sysadmin", "sales"])
    rows = _refusals(desk)
    assert [(r.action, r.user, r.entity, r.field) for r in rows] == [
        ("create_user", "admin1", "users", "roles"),
        ("set_roles", "admin1", "users", "roles"),
        ("set_roles", "admin1", "users", "roles"),
    ]
    facts = [json.loads(r.new_value) for r in rows]
    assert facts[0] == {"username": "mixed", "roles": ["auditor", "sales"], "reason": "role_mix"}
    assert rows[1].entity_id == bob_id and facts[1]["reason"] == "role_mix"
    assert facts[2] == {"username": "admin1", "roles": ["sales", "sysadmin"],
                        "reason": "own_roles"}


def test_the_command_line_bootstraps_the_first_sysadmin_under_the_same_rule(tmp_path):
    import os

    path = tmp_path / "boot.db"
    pw = tmp_path / "pw"
    pw.write_text(GOOD)
    env = {**os.environ, "ORDERDESK_LANG": "en"}

    def add(name: str, *roles: str) -> subprocess.CompletedProcess:
        args = ["user", "add", "--db", str(path), name, "--password-file", str(pw)]
        for role in roles:
            args += ["--role", role]
        return subprocess.run([sys.executable, "-m", "orderdesk.cli", *args],
                              capture_output=True, text=True, env=env, timeout=300)

    refused = add("root0", "sysadmin", "auditor")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    made = add("root1", "sysadmin")
    assert made.returncode == 0, made.stderr
    assert "root1" in made.stdout and "sysadmin" in made.stdout

    from orderdesk.desk import Desk

    desk = Desk(path)
    try:
        assert [(r.username, r.roles) for r in users.list_users(desk)] == [
            ("root1", ("sysadmin",))]
        assert users.authenticate(desk, "root1", GOOD).roles == ("sysadmin",)
    finally:
        desk.close()

