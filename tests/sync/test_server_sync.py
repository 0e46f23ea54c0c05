"""Stations and a real server process: field-level merge, conflicts kept as data,
exactly-once push, server-side writes reaching stations, order numbers, resolution."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest
import requests
from sqlalchemy import func, select

from orderdesk.models import AuditLog, Order, OrderLine, Outbox, StockItem, User
from orderdesk.models.sync import ChangeLog, SyncConflict
from orderdesk.services import catalog, orders
from orderdesk.sync import station as local
from orderdesk.sync.client import Credentials, SyncError, sync_once

from .conftest import PASSWORD, RUN_CLI, client_for


def _catalog(desk) -> None:  # type: ignore[no-untyped-def]
    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
        brk = catalog.upsert_product(s, "BRK-1001", "支架")
        s.flush()
        s.add(StockItem(product_id=brk.id, on_hand=Decimal(100)))


def _order(desk, qty: int = 10):  # type: ignore[no-untyped-def]
    return orders.create_order(desk, orders.OrderDraft(
        channel="phone", customer_code="C001", lines=[orders.LineDraft("BRK-1001", qty)]))


def _line_id(desk, order_id: str) -> str:  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return s.scalar(select(OrderLine.id).where(OrderLine.order_id == order_id))


def _server_log(server_db_url: str):  # type: ignore[no-untyped-def]
    from orderdesk.desk import Desk

    d = Desk(server_db_url, migrate=False)
    try:
        with d.read() as s:
            return {r.change_id: r for r in s.scalars(select(ChangeLog))}
    finally:
        d.close()


def test_changes_travel_merge_by_field_and_conflicts_keep_both_values(server, make_station):
    a, b = make_station("A"), make_station("B")
    ca, cb = client_for(server, a), client_for(server, b, "sales2")
    _catalog(a)
    first = sync_once(a, client=ca)
    assert first.pushed > 0 and first.push_rejected == 0 and first.pending == 0
    # Orders made after the hello carry the station number: no clash between stations.
    ref = _order(a)
    sync_once(a, client=ca)
    got = sync_once(b, client=cb)
    assert got.applied >= first.pushed
    with b.read() as s:
        order = s.get(Order, ref.id)
        assert order is not None and order.order_no == ref.order_no
        assert ref.order_no.startswith("SO-") and ref.order_no.split("-")[2][:2] == "01"
    ref_b = _order(b, 3)
    assert ref_b.order_no.split("-")[2][:2] == "02"

    line = _line_id(a, ref.id)
    # Different fields of one order at two stations: both survive, no conflict.
    orders.update_order(a, ref.id, customer_po="PO-A")
    orders.update_order(b, ref.id, delivery_address="无锡新区锡兴路8号")
    # Same field at two stations while apart: a conflict with both values.
    orders.update_line(a, line, quantity=20)
    orders.update_line(b, line, quantity=30)
    ra = sync_once(a, client=ca)
    rb = sync_once(b, client=cb)
    assert ra.push_conflicts == 0 and rb.push_conflicts == 1
    sync_once(a, client=ca)
    for desk in (a, b):
        with desk.read() as s:
            order, ln = s.get(Order, ref.id), s.get(OrderLine, line)
            assert order.customer_po == "PO-A"
            assert order.delivery_address == "无锡新区锡兴路8号"
            assert ln.quantity == Decimal(30)  # last arrival wins (documented rule)
        conflicts = local.list_conflicts(desk)
        assert len(conflicts) == 1
        c = conflicts[0]
        assert (c.kind, c.field, c.kept_value, c.other_value) == ("concurrent_edit", "quantity",
                                                                  "30", "20")
        assert (c.kept_station, c.other_station) == ("B", "A")
        assert c.order_no == ref.order_no
    # The server's audit trail shows both values.
    log = _server_log(server.db_url)
    outcomes = sorted(r.outcome for r in log.values() if r.field == "quantity")
    assert outcomes == ["applied", "conflict"]

    # Resolved at station A (offline first: remembered, sent with the next round).
    cid = local.list_conflicts(a)[0].id
    local.choose_resolution(a, cid, keep="other")
    assert local.list_conflicts(a)[0].pending
    report = sync_once(a, client=ca)
    assert report.resolutions == 1
    sync_once(b, client=cb)
    for desk in (a, b):
        assert local.list_conflicts(desk) == []
        with desk.read() as s:
            assert s.get(OrderLine, line).quantity == Decimal(20)
        closed = local.list_conflicts(desk, open_only=False)[0]
        assert closed.status == "resolved" and closed.resolution == "20"


def test_retried_push_applies_once_and_rules_for_status_price_and_stock(server, make_station):
    a, b = make_station("A"), make_station("B")
    # Issue 13: a station's system-actor change synced with a person's token counts as
    # that person's (it was allowed anything before): the warehouse status needs "sup".
    ca, cb = client_for(server, a, "sup"), client_for(server, b, "sup")
    _catalog(a)
    ref = _order(a)
    sync_once(a, client=ca)
    sync_once(b, client=cb)
    line = _line_id(a, ref.id)

    # A push whose answer was lost: the same change ids again apply nothing twice.
    orders.update_order(a, ref.id, customer_po="PO-1")
    from orderdesk.sync.client import handshake

    handshake(a, ca)
    rows = local.outbox_batch(a, 100)
    wire = [local.wire_change(r) for r in rows]
    first = ca.push(wire)["results"]
    again = ca.push(wire)["results"]
    assert [r["seq"] for r in first] == [r["seq"] for r in again]
    assert not any(r["duplicate"] for r in first) and all(r["duplicate"] for r in again)
    local.record_push(a, rows, again)
    assert local.pending_count(a) == 0
    ids = {r["change_id"] for r in wire}
    assert sum(1 for cid in _server_log(server.db_url) if cid in ids) == len(ids)

    # Status: the further state wins; a backward move is held as a conflict.
    orders.set_status(a, ref.id, "warehouse", "picking")
    orders.set_status(b, ref.id, "warehouse", "kitted")
    # Price is guarded: the server keeps its value, the other is held for a person.
    orders.update_line(a, line, unit_price="1.50")
    orders.update_line(b, line, unit_price="1.80")
    # Stock on hand travels as a delta: +5 at A and -20 at B both count.
    with a.write() as s:
        item = s.scalars(select(StockItem)).one()
        item.on_hand = item.on_hand + 5
    with b.write() as s:
        item = s.scalars(select(StockItem)).one()
        item.on_hand = item.on_hand - 20
    sync_once(a, client=ca)
    rb = sync_once(b, client=cb)
    assert rb.push_held == 2
    sync_once(a, client=ca)
    for desk in (a, b):
        with desk.read() as s:
            o, ln = s.get(Order, ref.id), s.get(OrderLine, line)
            assert o.status_warehouse == "picking"
            assert ln.unit_price == Decimal("1.50")
            assert s.scalars(select(StockItem)).one().on_hand == Decimal(85)
        kinds = sorted(c.kind for c in local.list_conflicts(desk))
        assert kinds == ["guarded", "status_backward"]
    # Nothing silently dropped: the held values are in the server's log and audit.
    log = _server_log(server.db_url)
    held = [r for r in log.values() if r.outcome == "held"]
    assert sorted(json.loads(r.new_value) for r in held) == ["1.8", "kitted"]


def test_server_side_writes_reach_stations_and_user_cli_works_on_server_db(server, make_station,
                                                                             tmp_path):
    a = make_station("A")
    pw = tmp_path / "pw"
    pw.write_text("N3w-Passw0rd\n")
    # The existing `orderdesk user` commands work on the server database, while it runs.
    done = subprocess.run([sys.executable, "-c", RUN_CLI, "user", "add", "--db", server.db_url,
                           "newbie", "--role", "warehouse", "--password-file", str(pw)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = sync_once(a, server.url, _creds("newbie", "N3w-Passw0rd"))
    assert report.applied > 0
    with a.read() as s:
        names = set(s.scalars(select(User.username)))
    assert {"admin", "sales1", "newbie"} <= names
    # Sign-in state (failed logins, lockout) stays per database and never syncs.
    with a.read() as s:
        assert s.scalar(select(func.count()).select_from(Outbox)
                        .where(Outbox.pushed_at.is_(None))) == 0
    # A disabled account can no longer sync.
    subprocess.run([sys.executable, "-c", RUN_CLI, "user", "disable", "--db", server.db_url,
                    "newbie"], check=True, capture_output=True, timeout=120)
    with pytest.raises(SyncError) as err:
        sync_once(a, server.url, _creds("newbie", "N3w-Passw0rd"))
    assert err.value.code == "sync_auth_failed"


def _creds(user: str, password: str):  # type: ignore[no-untyped-def]
    from orderdesk.sync.client import Credentials

    return Credentials(username=user, password=password)


def test_station_key_login_sync_cli_and_name_clash(server, make_station, tmp_path):
    admin = requests.post(server.url + "/api/auth/login",
                          json={"username": "admin", "password": PASSWORD}).json()["token"]
    made = requests.post(server.url + "/api/stations", json={"name": "WH-1"},
                         headers={"Authorization": f"Bearer {admin}"})
    assert made.status_code == 201
    key = made.json()["key"]
    keyfile = tmp_path / "key"
    keyfile.write_text(key)
    a = make_station("WH-1")
    _catalog(a)
    path = a.url.removeprefix("sqlite:///")
    a.close()
    done = subprocess.run([sys.executable, "-c", RUN_CLI, "sync", "--db", path, "--server",
                           server.url, "--station", "WH-1", "--station-key-file", str(keyfile)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "station WH-1: pushed" in done.stdout and "rejected 0" in done.stdout
    # The key is never printed or logged by the server.
    assert key not in server.log_text()
    # Another database claiming the same station name is refused, clearly.
    other = make_station("WH-1")
    with pytest.raises(SyncError) as err:
        sync_once(other, server.url, _creds("sales1", PASSWORD), station="WH-1")
    # Issue 13: a station registered with a key is connected by its key only (403);
    # another database with the key is refused as a name clash (409).
    assert err.value.facts["status"] == 403
    with pytest.raises(SyncError) as err:
        sync_once(other, server.url, Credentials(station_key=key), station="WH-1")
    assert err.value.facts["status"] == 409
    # Wrong key: a clear sign-in failure, not a traceback.
    keyfile.write_text("x" * 43)
    done = subprocess.run([sys.executable, "-c", RUN_CLI, "sync", "--db", path, "--server",
                           server.url, "--station", "WH-1", "--station-key-file", str(keyfile)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "工作站或密钥错误" in done.stderr or "station or key wrong" in done.stderr


def test_server_down_is_a_clear_error_and_nothing_is_lost(server, make_station):
    a = make_station("A")
    _catalog(a)
    pending = local.pending_count(a)
    server.stop()
    with pytest.raises(SyncError) as err:
        sync_once(a, server.url, _creds("sales1", PASSWORD))
    assert err.value.code == "server_unreachable"
    assert local.pending_count(a) == pending
    server.start()
    report = sync_once(a, server.url, _creds("sales1", PASSWORD))
    assert report.pushed == pending and local.pending_count(a) == 0
    with a.read() as s:
        assert s.scalar(select(func.count()).select_from(SyncConflict)) == 0
        assert s.scalar(select(func.count()).select_from(AuditLog)) > 0


def test_channel_intake_reaches_stations_once(server, make_station):
    a = make_station("A")
    _catalog(a)
    sync_once(a, server.url, _creds("sales1", PASSWORD))
    admin = requests.post(server.url + "/api/auth/login",
                          json={"username": "admin", "password": PASSWORD}).json()["token"]
    key = requests.post(server.url + "/api/channel-keys", json={"channel": "douyin"},
                        headers={"Authorization": f"Bearer {admin}"}).json()["key"]
    body = {"channel_order_no": "DY-889900", "customer_name": "抖音买家", "phone": "13800138000",
            "address": "宁波市鄞州区", "lines": [{"sku": "brk 1001", "quantity": 12}]}
    first = requests.post(server.url + "/api/intake/orders", json=body,
                          headers={"X-API-Key": key})
    assert first.status_code == 200, first.text
    again = requests.post(server.url + "/api/intake/orders", json=body,
                          headers={"X-API-Key": key})
    assert first.json()["created"] and not again.json()["created"]
    assert again.json()["order_id"] == first.json()["order_id"]
    # Orders made on the server carry its own number prefix (00), never a station's.
    assert first.json()["order_no"].split("-")[2].startswith("00")
    bad = requests.post(server.url + "/api/intake/orders", headers={"X-API-Key": key},
                        json={**body, "channel_order_no": "DY-1", "lines": [{"sku": "NOPE-1",
                                                                            "quantity": -3}]})
    assert 400 <= bad.status_code < 500 and bad.json()["message"]
    sync_once(a, server.url, _creds("sales1", PASSWORD))
    with a.read() as s:
        order = s.get(Order, first.json()["order_id"])
        assert order is not None and order.channel == "douyin"
        assert s.scalar(select(func.count()).select_from(Order)
                        .where(Order.order_no == first.json()["order_no"])) == 1


def test_first_download_reports_progress_and_resumes_after_an_interruption(server, make_station):
    import threading

    a = make_station("A")
    _catalog(a)
    for n in range(40):
        _order(a, n + 1)
    sync_once(a, server.url, _creds("sales1", PASSWORD))
    fresh = make_station("NEW")
    abort = threading.Event()
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, phase: str) -> None:
        seen.append((done, total, phase))
        if phase == "pull" and len(seen) == 2:
            abort.set()  # the station is switched off after its second page

    with pytest.raises(SyncError) as err:
        sync_once(fresh, server.url, _creds("sales1", PASSWORD), abort=abort,
                  progress=progress, pull_batch=25)
    assert err.value.code == "sync_aborted"
    stopped_at = local.cursor(fresh)
    head = seen[-1][1]
    assert 0 < stopped_at < head  # committed pages stay
    report = sync_once(fresh, server.url, _creds("sales1", PASSWORD), pull_batch=25)
    assert report.cursor == report.head and report.pulled > 0
    with fresh.read() as s, a.read() as t:
        assert s.scalar(select(func.count()).select_from(Order)) == 40
        assert sorted(s.scalars(select(Order.order_no))) == sorted(t.scalars(select(Order.order_no)))


def test_same_customer_code_made_at_two_stations_never_blocks_a_pull(server, make_station):
    a, b = make_station("A"), make_station("B")
    for desk in (a, b):
        sync_once(desk, server.url, _creds("sales1", PASSWORD))
        with desk.write() as s:
            catalog.upsert_customer(s, "C777", f"客户 {desk.station}", tier="B")
    sync_once(a, server.url, _creds("sales1", PASSWORD))
    rb = sync_once(b, server.url, _creds("sales1", PASSWORD))
    # The server refused B's copy (unique code) and says so; B's pull is not stuck on
    # the server's copy either: it is set aside as a local conflict, visible to people.
    assert rb.push_rejected == 1 and rb.cursor == rb.head
    kinds = sorted(c.kind for c in local.list_conflicts(b))
    assert kinds == ["local_clash", "rejected"]
    again = sync_once(b, server.url, _creds("sales1", PASSWORD))
    assert again.cursor == again.head and again.pending == 0
    # A person closes the local clash at B; it never reaches the server (404) and the
    # round still succeeds.
    clash = next(c for c in local.list_conflicts(b) if c.kind == "local_clash")
    local.choose_resolution(b, clash.id, keep="kept")
    sync_once(b, server.url, _creds("sales1", PASSWORD))
    assert [c.kind for c in local.list_conflicts(b)] == ["rejected"]
