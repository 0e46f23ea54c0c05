"""三权分立 on the server: a pushed role grant that would give an account an illegal mix
of roles (two admin roles, or an admin role with a business role) is refused, even when
the grantor is a system admin the server trusts; a role swap in one transaction is not.

Real server process (tests/sync/conftest.py), SQLite and PostgreSQL (ORDERDESK_TEST_PG_URL).
"""

from __future__ import annotations

from sqlalchemy import select

from orderdesk.desk import Desk
from orderdesk.models import User, UserRole
from orderdesk.models.sync import SyncConflict
from orderdesk.sync.client import sync_once
from orderdesk.tracking import Actor

from .conftest import station_client


def test_a_pushed_grant_that_mixes_admin_and_other_roles_is_refused(server, make_station):
    a = make_station("A")
    # Issue 13: the changes are the admin's, so the station proves the admin (its key,
    # the admin's person token); a sales user's token could not push them at all.
    ca = station_client(server, a, ["admin"])
    sync_once(a, client=ca)  # the server's accounts arrive at the station
    with a.read() as s:
        ids = dict(s.execute(select(User.username, User.id)).all())

    def as_admin(fn) -> None:  # type: ignore[no-untyped-def]
        # Written at the station without its checks (a tampered or old station).
        with a.write(Actor(user="admin", station="A")) as s:
            fn(s)

    as_admin(lambda s: s.add(UserRole(user_id=ids["aud"], role="sales")))     # admin + business
    as_admin(lambda s: s.add(UserRole(user_id=ids["sec"], role="sysadmin")))  # two admin roles
    as_admin(lambda s: s.add(UserRole(user_id=ids["admin"], role="auditor")))  # his own account

    def swap(s) -> None:  # type: ignore[no-untyped-def]
        # One transaction: sales2 leaves sales and becomes the auditor: legal at its end.
        link = s.scalars(select(UserRole).where(UserRole.user_id == ids["sales2"])).one()
        s.delete(link)
        s.add(UserRole(user_id=ids["sales2"], role="auditor"))

    as_admin(swap)
    report = sync_once(a, client=ca)
    assert report.push_rejected == 3 and report.push_applied == 2

    srv = Desk(server.db_url, migrate=False, station="check")
    try:
        with srv.read() as s:
            roles = {(u, r) for u, r in s.execute(
                select(User.username, UserRole.role).join(UserRole, UserRole.user_id == User.id))}
            details = sorted(d for d in s.scalars(
                select(SyncConflict.detail).where(SyncConflict.kind == "rejected")))
    finally:
        srv.close()
    assert ("aud", "sales") not in roles and ("sec", "sysadmin") not in roles
    assert ("admin", "auditor") not in roles
    assert ("sales2", "auditor") in roles and ("sales2", "sales") not in roles
    assert [d.split(":")[0] for d in details] == ["role_mix"] * 3
    assert any("aud auditor+sales" in d for d in details)
