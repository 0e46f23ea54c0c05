"""The server checks every pushed change against its own users and roles, and prunes its
change log without losing anything a station still needs (a station below the pruned
range downloads the current rows and ends equal to the server).

Real server process (tests/sync/conftest.py), SQLite and PostgreSQL (ORDERDESK_TEST_PG_URL).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal

import requests
from sqlalchemy import func, select, update

from orderdesk.desk import Desk
from orderdesk.models import AuditLog, Base, Order, StockItem, User, UserRole
from orderdesk.models.sync import ChangeLog, SyncConflict, SyncStation
from orderdesk.services import catalog, orders
from orderdesk.services import users as user_service
from orderdesk.sync import codec
from orderdesk.sync import station as local
from orderdesk.sync.client import sync_once
from orderdesk.sync.server import authorize, store
from orderdesk.tracking import Actor

from .conftest import PASSWORD, RUN_CLI, client_for, station_client

# password_hash: the server keeps the hashes; stations receive "!" (issue 13: secrets
# stay home), so a station's users rows differ from the server's in that column only.
SKIP_COLUMNS = {"updated_at", "password_hash"} | {f for _e, f in codec.LOCAL_ONLY}


def _catalog(desk: Desk) -> None:
    with desk.write() as s:  # a command-line load at the station: the system actor
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
        brk = catalog.upsert_product(s, "BRK-1001", "支架")
        s.flush()
        s.add(StockItem(product_id=brk.id, on_hand=Decimal(100)))


def _draft() -> orders.OrderDraft:
    return orders.OrderDraft(channel="phone", customer_code="C001",
                             lines=[orders.LineDraft("BRK-1001", 5)])


def _order_as(desk: Desk, user: str) -> str:
    """An order written at the station as `user` (no station-side check: a tampered or
    buggy station), so only the server can stop it."""
    with desk.write(Actor(user=user, station=desk.station)) as s:
        return orders.add_order(s, _draft()).id


def _server(server) -> Desk:  # type: ignore[no-untyped-def]
    return Desk(server.db_url, migrate=False, station="check")


def _changes_of(desk: Desk, entity_id: str) -> set[str]:
    with desk.read() as s:
        from orderdesk.models import Outbox

        return set(s.scalars(select(Outbox.change_id).where(Outbox.entity_id == entity_id)))


def test_every_synchronised_table_has_a_rule_and_machinery_has_none():
    tracked = set(store.snapshot_entities())
    for entity in tracked:
        assert authorize.actions_for(entity, None, "insert"), entity
        assert authorize.actions_for(entity, "x", "update"), entity
    for table in Base.metadata.tables:
        if table not in tracked:
            assert authorize.actions_for(table, None, "insert") is None, table
    # Every action named exists in the role matrix.
    from orderdesk.roles import ROLE_ACTIONS

    known = set().union(*ROLE_ACTIONS.values())
    assert set().union(*authorize.RULES.values()) <= known


def test_order_by_warehouse_user_is_rejected_and_recorded_sales_order_applies(server,
                                                                               make_station):
    a, b = make_station("A"), make_station("B")
    # Issue 13: station A pushes with its key, for wh1 and sales1 who signed in there.
    ca, cb = station_client(server, a, ["sales1", "wh1"]), client_for(server, b)
    _catalog(a)
    assert sync_once(a, client=ca).push_rejected == 0
    sync_once(b, client=cb)
    # Three transactions: wh1's order, sales1's order, a ghost's order.
    bad = _order_as(a, "wh1")
    good = _order_as(a, "sales1")
    ghost = _order_as(a, "nobody")
    bad_ids, good_ids = _changes_of(a, bad), _changes_of(a, good)
    report = sync_once(a, client=ca)
    # The ghost never proved itself at the server: its order waits at the station.
    assert report.push_rejected >= 1 and report.pending >= len(_changes_of(a, ghost)) > 0
    assert report.push_applied >= len(good_ids)

    srv = _server(server)
    try:
        with srv.read() as s:
            assert s.get(Order, good) is not None
            assert s.get(Order, bad) is None and s.get(Order, ghost) is None
            log = {r.change_id: r for r in s.scalars(select(ChangeLog).where(
                ChangeLog.change_id.in_(bad_ids | good_ids)))}
            assert {log[c].outcome for c in bad_ids} == {"rejected"}
            assert {log[c].outcome for c in good_ids} == {"applied"}
            conflicts = {c.entity_id: c for c in s.scalars(
                select(SyncConflict).where(SyncConflict.kind == "rejected"))}
            detail = next(c.detail for c in conflicts.values() if "wh1" in (c.detail or ""))
            assert detail.startswith("not_permitted: wh1 needs ")
            assert "order.write" in detail
            # The refusal is in the server's audit trail too (nothing silently dropped).
            refused = s.scalar(select(func.count()).select_from(AuditLog).where(
                AuditLog.entity_id == bad, AuditLog.outcome == "rejected"))
            assert refused == 1
    finally:
        srv.close()
    # The admin (and every station) sees the rejection; B never gets the order.
    listed = requests.get(server.url + "/sync/conflicts", headers={
        "Authorization": f"Bearer {_token(server, 'sup')}", "X-Station": "ADMIN"}).json()
    assert any("not_permitted: wh1" in (c["detail"] or "") for c in listed)
    sync_once(b, client=cb)
    with b.read() as s:
        assert s.get(Order, good) is not None and s.get(Order, bad) is None
    assert any(c.kind == "rejected" and "wh1" in (c.detail or "")
               for c in local.list_conflicts(b))


def _token(server, user: str) -> str:  # type: ignore[no-untyped-def]
    return requests.post(server.url + "/api/auth/login",
                         json={"username": user, "password": PASSWORD}).json()["token"]


def _push_raw(server, change: dict, user: str = "sales2") -> dict:  # type: ignore[no-untyped-def]
    from orderdesk.ids import uuid7

    body = {"change_id": uuid7(), "tx_id": uuid7(), "base_seq": None, "station": "RAW",
            "at": dt.datetime.now().isoformat(), "old_value": None, "field": None, **change}
    answer = requests.post(server.url + "/sync/push", json={"changes": [body]}, headers={
        "Authorization": f"Bearer {_token(server, user)}", "X-Station": "RAW"})
    assert answer.status_code == 200, answer.text
    return answer.json()["results"][0]


def test_users_and_roles_changes_need_the_right_admin(server, make_station):
    a = make_station("A")
    # Issue 13: the station's key, for the people who signed in at it.
    ca = station_client(server, a, ["sales1", "sec", "admin"])
    sync_once(a, client=ca)  # the server's accounts arrive at the station
    with a.read() as s:
        ids = dict(s.execute(select(User.username, User.id)).all())
    new_hash = user_service.hash_password("An0ther-Passw0rd")

    def write(actor: str, fn) -> None:  # type: ignore[no-untyped-def]
        with a.write(Actor(user=actor, station="A")) as s:
            fn(s)

    # sales1 grants itself sysadmin, and sets wh1's password: both refused.
    write("sales1", lambda s: s.add(UserRole(user_id=ids["sales1"], role="sysadmin")))
    with a.write(Actor(user="sales1", station="A")) as s:
        s.get(User, ids["wh1"]).password_hash = new_hash
    # A system job at the station may not touch accounts either.
    with a.write() as s:
        s.get(User, ids["pmc1"]).active = False
    # sales1 may change their own password; the security admin may reset wh1's.
    with a.write(Actor(user="sales1", station="A")) as s:
        s.get(User, ids["sales1"]).password_hash = new_hash
    with a.write(Actor(user="sec", station="A")) as s:
        s.get(User, ids["sup"]).password_hash = new_hash
    # The system admin may grant roles.
    write("admin", lambda s: s.add(UserRole(user_id=ids["wh1"], role="quality")))
    report = sync_once(a, client=ca)
    assert report.push_rejected == 3 and report.push_applied == 3

    srv = _server(server)
    try:
        with srv.read() as s:
            roles = {(u, r) for u, r in s.execute(
                select(User.username, UserRole.role).join(UserRole, UserRole.user_id == User.id))}
            assert ("sales1", "sysadmin") not in roles and ("wh1", "quality") in roles
            hashes = dict(s.execute(select(User.username, User.password_hash)).all())
            assert hashes["wh1"] != new_hash
            assert hashes["sales1"] == new_hash and hashes["sup"] == new_hash
            assert s.scalar(select(User.active).where(User.username == "pmc1")) is True
            details = sorted(d.split(":")[0] for d in s.scalars(
                select(SyncConflict.detail).where(SyncConflict.kind == "rejected")))
            assert details == ["not_permitted", "not_permitted", "system_not_permitted"]
    finally:
        srv.close()
    # Rows stations never write: the audit log, the sync machinery.
    audit = _push_raw(server, {"entity": "audit_log", "entity_id": "1", "op": "update",
                               "field": "outcome", "new_value": '"ok"', "user": "sales1"})
    assert (audit["outcome"], audit["detail"]) == ("rejected", "not_syncable: audit_log")
    # A change that names no user at all.
    nobody = _push_raw(server, {"entity": "customers", "entity_id": "x", "op": "update",
                                "field": "name", "new_value": '"X"', "user": None})
    assert (nobody["outcome"], nobody["detail"]) == ("rejected", "no_user")


def _rows(desk: Desk) -> dict[str, set[tuple]]:
    out: dict[str, set[tuple]] = {}
    with desk.engine.connect() as conn:
        for name in store.snapshot_entities():
            table = Base.metadata.tables[name]
            cols = [c for c in table.columns if c.name not in SKIP_COLUMNS]
            out[name] = {tuple(codec.encode_text(v) for v in row)
                         for row in conn.execute(select(*cols))}
    return out


def _prune(server, *extra: str) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    done = subprocess.run([sys.executable, "-c", RUN_CLI, "serve", "prune", "--db",
                           server.db_url, "--keep-days", "0", *extra],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def _log_seqs(srv: Desk) -> set[int]:
    with srv.read() as s:
        return set(s.scalars(select(ChangeLog.seq)))


def test_prune_keeps_what_lagging_stations_need_and_a_station_below_it_redownloads(
        server, make_station):
    a, lag, gone = make_station("A"), make_station("LAG"), make_station("GONE")
    ca, clag, cgone = (client_for(server, d) for d in (a, lag, gone))
    _catalog(a)
    sync_once(a, client=ca)
    sync_once(lag, client=clag)
    # A conflict GONE still holds open when it leaves; it is resolved while it is away.
    for desk in (a, lag):
        with desk.write() as s:
            catalog.upsert_customer(s, "C001", f"恒锐 {desk.station}", tier="A")
    sync_once(a, client=ca)
    sync_once(lag, client=clag)
    for desk, client in ((lag, clag), (gone, cgone)):
        sync_once(desk, client=client)
        sync_once(desk, client=client)  # the server records the cursor a pull starts at
    held_open = local.list_conflicts(gone)
    assert {c.field for c in held_open} == {"name", "name_norm"}
    sync_once(a, client=ca)
    for conflict in local.list_conflicts(a):
        local.choose_resolution(a, conflict.id, keep="kept")
    assert sync_once(a, client=ca).resolutions == len(held_open)
    with a.read() as s:
        line_product = s.scalar(select(StockItem.product_id))
    refs = [orders.create_order(a, _draft()) for _ in range(3)]
    orders.update_order(a, refs[2].id, customer_po="PO-OLD")
    sync_once(a, client=ca)
    sync_once(lag, client=clag)
    sync_once(lag, client=clag)
    lag_cursor = local.cursor(lag)
    # After LAG's last pull: more orders, a stock count, and a role taken away on the
    # server (a deleted row a station below the pruned range must lose too).
    later = [orders.create_order(a, _draft()) for _ in range(2)]
    with a.write() as s:
        item = s.scalars(select(StockItem).where(StockItem.product_id == line_product)).one()
        item.on_hand = Decimal(70)
    orders.update_order(a, refs[0].id, customer_po="PO-PRUNE")
    sync_once(a, client=ca)
    srv = _server(server)
    try:
        user_service.set_roles(srv, "pmc1", ["quality"])
        with srv.write() as s:  # GONE is switched off: it no longer holds pruning back
            s.execute(update(SyncStation).where(SyncStation.name == "GONE")
                      .values(active=False))
        sync_once(a, client=ca)
        audit_before = _count(srv, AuditLog)
        before = _log_seqs(srv)
        with srv.read() as s:
            cursors = dict(s.execute(select(SyncStation.name, SyncStation.cursor)).all())
        assert cursors["LAG"] == lag_cursor and cursors["GONE"] < lag_cursor
        assert lag_cursor == min(c for n, c in cursors.items() if n != "GONE")

        dry = _prune(server, "--dry-run")
        assert "would delete" in dry.stdout and _log_seqs(srv) == before
        _prune(server)
        after = _log_seqs(srv)
        # Everything above the lagging station's cursor is still there, nothing at or
        # below it; the audit trail is untouched.
        assert after == {q for q in before if q > lag_cursor} and after != before
        assert _count(srv, AuditLog) == audit_before + 1  # + the prune itself
        with srv.read() as s:
            assert store.pruned_through(s) == lag_cursor

        # LAG pulls on from its cursor as usual and ends equal to the server.
        report = sync_once(lag, client=clag)
        assert report.cursor == report.head
        assert _rows(lag) == _rows(srv)

        # GONE comes back below the pruned range: the pull says resync, it downloads the
        # current rows, drops the role the server no longer has, and ends equal.
        with srv.write() as s:
            s.execute(update(SyncStation).where(SyncStation.name == "GONE")
                      .values(active=True))
        with gone.read() as s:
            assert s.scalar(select(func.count()).select_from(UserRole).join(
                User, User.id == UserRole.user_id).where(User.username == "pmc1",
                                                         UserRole.role == "pmc")) == 1
        page = cgone.pull(local.cursor(gone), 100)
        assert page["resync"] is True and page["changes"] == []
        # A client from before pruning (no resync_ok) is told clearly, not left waiting.
        old_client = requests.get(server.url + "/sync/pull", params={
            "since": local.cursor(gone)}, headers={
            "Authorization": f"Bearer {_token(server, 'sales1')}", "X-Station": "GONE"})
        assert old_client.status_code == 410 and "工作站" in old_client.json()["message"]
        report = sync_once(gone, client=cgone)
        assert report.cursor == report.head and report.pulled > 0
        assert _rows(gone) == _rows(srv)
        assert local.list_conflicts(gone) == []  # closed while it was away
        with gone.read() as s:
            assert s.get(Order, later[-1].id) is not None
            assert s.get(Order, refs[0].id).customer_po == "PO-PRUNE"
            assert s.get(Order, refs[2].id).customer_po == "PO-OLD"
        # A station new after the pruning starts the same way.
        fresh = make_station("NEW")
        report = sync_once(fresh, client=client_for(server, fresh))
        assert report.cursor == report.head and _rows(fresh) == _rows(srv)
        # ...and keeps syncing normally afterwards, both ways.
        orders.update_order(fresh, refs[1].id, customer_po="PO-NEW")
        sync_once(fresh, client=client_for(server, fresh))
        sync_once(gone, client=cgone)
        with gone.read() as s:
            assert s.get(Order, refs[1].id).customer_po == "PO-NEW"
    finally:
        srv.close()


def _count(desk: Desk, model) -> int:  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0



def test_a_resolution_the_user_may_not_make_is_refused_and_stays_pending(server,
                                                                         make_station):
    a, b, c = make_station("A"), make_station("B"), make_station("C")
    ca, cb, cc = client_for(server, a), client_for(server, b, "sales2"), client_for(server, c,
                                                                                      "wh1")
    _catalog(a)
    ref = orders.create_order(a, _draft())
    sync_once(a, client=ca)
    sync_once(b, client=cb)
    with a.read() as s:
        from orderdesk.models import OrderLine

        line = s.scalar(select(OrderLine.id).where(OrderLine.order_id == ref.id))
    orders.update_line(a, line, quantity=20)
    orders.update_line(b, line, quantity=30)
    sync_once(a, client=ca)
    assert sync_once(b, client=cb).push_conflicts == 1
    sync_once(c, client=cc)
    (conflict,) = local.list_conflicts(c)
    local.choose_resolution(c, conflict.id, keep="other")
    # wh1 may not set a line's quantity: refused (403), kept pending, the round goes on.
    report = sync_once(c, client=cc)
    assert report.resolutions == 0 and local.list_conflicts(c)[0].pending
    srv = _server(server)
    try:
        with srv.read() as s:
            assert s.get(SyncConflict, conflict.id).status == "open"
            refused = s.scalar(select(func.count()).select_from(AuditLog).where(
                AuditLog.action == "resolve_conflict", AuditLog.outcome == "refused",
                AuditLog.user == "wh1"))
            assert refused == 1
    finally:
        srv.close()
    # The same choice from a sales user goes through.
    sync_once(a, client=ca)
    local.choose_resolution(a, conflict.id, keep="other")
    assert sync_once(a, client=ca).resolutions == 1
