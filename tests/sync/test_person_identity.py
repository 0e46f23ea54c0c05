"""Issue 13, the station's side: people signed in at a station are proved at the server,
offline sign-in keeps working with material made for that station only, and the changes
of a person who signed in offline wait until the station next reaches the server.

Real server process (tests/sync/conftest.py), real station databases.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from orderdesk.desk import Desk
from orderdesk.errors import LoginFailed
from orderdesk.models import Order, SyncState, User
from orderdesk.models.security import OfflineVerifier
from orderdesk.services import catalog, orders
from orderdesk.services import users
from orderdesk.sync import identity_client
from orderdesk.sync.client import sync_once

from .conftest import PASSWORD, station_client


def _catalog(desk: Desk) -> None:
    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
        catalog.upsert_product(s, "BRK-1001", "支架")


def _order_as(desk: Desk, info) -> str:  # type: ignore[no-untyped-def]
    desk.sign_in(info)
    try:
        return orders.create_order(desk, orders.OrderDraft(
            channel="phone", customer_code="C001",
            lines=[orders.LineDraft("BRK-1001", 3)])).id
    finally:
        desk.sign_in(None)


def _on_server(server, order_id: str) -> bool:  # type: ignore[no-untyped-def]
    srv = Desk(server.db_url, migrate=False, station="check")
    try:
        with srv.read() as s:
            return s.get(Order, order_id) is not None
    finally:
        srv.close()


@pytest.fixture
def online(monkeypatch):  # type: ignore[no-untyped-def]
    """Restore the process-wide sign-in hook after each test."""
    monkeypatch.setattr(users, "ONLINE_SIGN_IN", None)
    yield


def test_a_station_signs_people_in_through_the_server_then_offline(sqlite_server,
                                                                  make_station, online):
    server = sqlite_server
    a = make_station("ST-A")
    client = station_client(server, a, people=[])
    _catalog(a)
    sync_once(a, client=client)  # the accounts arrive, without any hash
    with a.read() as s:
        assert set(s.scalars(select(User.password_hash))) == {users.NO_HASH}
    # Offline and no material: nobody can sign in at this station yet.
    with pytest.raises(LoginFailed):
        users.authenticate(a, "sales1", PASSWORD)
    # With the server reachable, the sign-in asks it and keeps this station's material.
    identity_client.install_online_sign_in(server.url, "ST-A", client.credentials)
    info = users.authenticate(a, "sales1", PASSWORD)
    assert info.username == "sales1"
    with a.read() as s:
        stored = s.get(OfflineVerifier, "sales1").verifier
        assert stored.startswith("ST-A\n$argon2")
    assert "sales1" in identity_client.person_tokens(a)
    # Admin roles get no offline material: signed in through the server only.
    assert users.authenticate(a, "admin", PASSWORD).username == "admin"
    with a.read() as s:
        assert s.get(OfflineVerifier, "admin") is None
    # The person's order goes through with their person token.
    order = _order_as(a, info)
    report = sync_once(a, client=client)
    assert report.push_rejected == 0 and _on_server(server, order)
    # The server goes away: the material made for this station signs sales1 in; a wrong
    # password still fails; the admin cannot sign in offline.
    server.stop()
    assert users.authenticate(a, "sales1", PASSWORD).username == "sales1"
    with pytest.raises(LoginFailed):
        users.authenticate(a, "sales1", "Wr0ng-Passw0rd")
    with pytest.raises(LoginFailed):
        users.authenticate(a, "admin", PASSWORD)


def test_changes_of_someone_signed_in_offline_wait_until_proved(sqlite_server, make_station,
                                                               online):
    server = sqlite_server
    a = make_station("ST-B")
    client = station_client(server, a, people=[])
    _catalog(a)
    sync_once(a, client=client)
    identity_client.install_online_sign_in(server.url, "ST-B", client.credentials)
    info = users.authenticate(a, "sales2", PASSWORD)  # online once: material kept
    # The person token is gone (expired); the server is away at the next sign-in.
    identity_client.forget_person(a, "sales2")
    server.stop()
    users.ONLINE_SIGN_IN = None
    info = users.authenticate(a, "sales2", PASSWORD)  # offline, with the material
    order = _order_as(a, info)
    # The server is back: the round proves sales2 first (the password held in memory
    # since the offline sign-in), then pushes the order.
    server.start()
    report = sync_once(a, client=client)
    assert report.push_rejected == 0 and report.pending == 0
    assert _on_server(server, order)
    assert users.awaiting_proof(a) == {}
    # Without any proof the changes wait, in order, and nothing is lost.
    with a.write(sync_apply=True) as s:
        for row in s.scalars(select(SyncState).where(SyncState.key.like("sync.person.%"))):
            s.delete(row)
    later = _order_as(a, info)
    report = sync_once(a, client=client)
    assert report.pushed == 0 and report.pending > 0 and not _on_server(server, later)
