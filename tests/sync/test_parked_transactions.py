"""A transaction the server cannot take is parked, shown with the reason, and does not
block the independent transactions behind it; an administrator retries or discards it,
audited (real server process on 127.0.0.1)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, insert, select

from orderdesk.desk import Desk, UserInfo
from orderdesk.errors import PermissionDenied
from orderdesk.ids import uuid7
from orderdesk.models import AuditLog, Customer, Outbox, utcnow
from orderdesk.sync import parking
from orderdesk.sync import station as local
from orderdesk.sync.client import SyncClient, sync_once
from orderdesk.tracking import Actor
from tests.sync.conftest import creds


def _customer(desk: Desk, code: str, *, broken: bool = False) -> str:
    with desk.write(Actor(user="sales1", station=desk.station)) as s:
        s.add(Customer(code=code, name=f"客户 {code}"))
        tx_id = s.info["tx_id"]
    if broken:
        # A change the server's request validation refuses (an id longer than any
        # key): what a corrupt or foreign row in the outbox looks like.
        with desk.write(sync_apply=True) as s:
            s.execute(insert(Outbox).values(
                change_id=uuid7(), tx_id=tx_id, entity="notes", entity_id="n" * 100,
                op="insert", field=None, old_value=None, new_value="{}", base_seq=None,
                user="sales1", station=desk.station, at=utcnow()))
    return tx_id


def _rename(desk: Desk, code: str, name: str) -> str:
    with desk.write(Actor(user="sales1", station=desk.station)) as s:
        s.scalars(select(Customer).where(Customer.code == code)).one().name = name
        return s.info["tx_id"]


def _server_codes(server) -> set[str]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(server.db_url.removeprefix("sqlite:///"))
    try:
        return {c for (c,) in conn.execute("SELECT code FROM customers WHERE code LIKE 'PK%'")}
    finally:
        conn.close()


def _pending_txs(desk: Desk) -> set[str]:
    with desk.read() as s:
        return set(s.scalars(select(Outbox.tx_id).where(Outbox.pushed_at.is_(None))))


def test_a_refused_transaction_is_parked_while_later_ones_go_on(sqlite_server, make_station):
    server = sqlite_server
    a = make_station("A")
    client = SyncClient(server.url, creds(), station="A")
    sync_once(a, client=client)
    tx1 = _customer(a, "PK1")
    tx2 = _customer(a, "PK2", broken=True)
    tx3 = _customer(a, "PK3")
    tx4 = _rename(a, "PK2", "builds on the parked one")
    tx5 = _customer(a, "PK5")

    report = sync_once(a, client=client)
    assert report.parked == 2, report.summary()
    # The independent transactions went on; the refused one and the one that builds on
    # it wait, unsent, their rows kept.
    assert _server_codes(server) == {"PK1", "PK3", "PK5"}
    assert _pending_txs(a) == {tx2, tx4}
    parked = {p.tx_id: p for p in parking.list_parked(a)}
    assert set(parked) == {tx2, tx4}
    assert "422" in parked[tx2].reason and parked[tx2].waits_for is None
    assert parked[tx4].waits_for == tx2
    # Shown in the conflicts view with the reason.
    shown = {c.entity_id: c for c in local.list_conflicts(a) if c.kind == parking.KIND}
    assert set(shown) == {tx2, tx4} and "422" in (shown[tx2].detail or "")
    # Later changes keep flowing round after round; the parked ones do not block them.
    tx6 = _customer(a, "PK6")
    again = sync_once(a, client=client)
    assert again.parked == 0 and "PK6" in _server_codes(server)
    assert tx6 not in _pending_txs(a)

    # Only an administrator decides.
    a.sign_in(UserInfo(id="u1", username="sales1", display_name="s", roles=("sales",)))
    with pytest.raises(PermissionDenied):
        parking.retry(a, tx2)
    a.sign_in(UserInfo(id="u2", username="admin", display_name="a", roles=("sysadmin",)))
    # Retry: sent again at the next round; still refused, so parked again, with the one
    # waiting for it.
    parking.retry(a, tx2)
    assert parking.list_parked(a) == []
    third = sync_once(a, client=client)
    assert third.parked == 2 and _pending_txs(a) == {tx2, tx4}
    # Discard: never sent; the transaction that waited goes on (the customer it renames
    # never reached the server: a visible rejection, not a stuck queue).
    parking.discard(a, tx2)
    fourth = sync_once(a, client=client)
    assert fourth.parked == 0 and fourth.push_rejected == 1, fourth.summary()
    assert _pending_txs(a) == set() and "PK2" not in _server_codes(server)
    with a.read() as s:
        # The local rows stay.
        assert s.scalar(select(func.count()).select_from(Customer)
                        .where(Customer.code == "PK2")) == 1
        decisions = [(r.action, r.user, r.entity_id) for r in s.scalars(
            select(AuditLog).where(AuditLog.action.like("sync_%")).order_by(AuditLog.id))]
    assert ("sync_retry", "admin", tx2) in decisions
    assert ("sync_discarded", "admin", tx2) in decisions
    assert sum(1 for d in decisions if d[0] == "sync_park" and d[2] == tx2) == 2
    assert not [c for c in local.list_conflicts(a) if c.kind == parking.KIND]
