"""Issue 13: every finding of the outside test, replayed through real HTTP against a real
server process (tests/sync/conftest.py), each as its own test, asserting the refusal.

Where a refusal could pass for the wrong reason (the change was malformed anyway), a
control shows the same request succeeding for a caller who may make it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from orderdesk.desk import Desk
from orderdesk.ids import uuid7
from orderdesk.models import AuditLog, OrderLine, User, UserRole
from orderdesk.models.sync import ChangeLog, SyncStation
from orderdesk.services import catalog, orders
from orderdesk.services import users as user_service

from .conftest import PASSWORD, ServerProcess, seed_users

EVIL_PASSWORD = "Ev1l-Passw0rd!"


# ---- one server for the module (the sign-in throttle tests have their own) ----------

@pytest.fixture(scope="module")
def srv(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[ServerProcess]:
    root = tmp_path_factory.mktemp("findings")
    path = root / "server.db"
    shutil.copyfile(template_db, path)
    url = f"sqlite:///{path}"
    seed_users(url)
    desk = Desk(url, migrate=False, station="setup")
    try:
        with desk.write() as s:  # a customer, a product, an order with a priced line
            catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
            catalog.upsert_product(s, "BRK-1001", "支架")
        orders.create_order(desk, orders.OrderDraft(
            channel="phone", customer_code="C001",
            lines=[orders.LineDraft("BRK-1001", 5, unit_price="2.00")]))
    finally:
        desk.close()
    (root / "logs").mkdir()
    server = ServerProcess(url, root / "logs")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _db(server: ServerProcess) -> Desk:
    return Desk(server.db_url, migrate=False, station="check")


def login(server: ServerProcess, user: str, password: str = PASSWORD,
          station: str | None = None) -> requests.Response:
    body = {"username": user, "password": password}
    if station:
        body["station"] = station
    return requests.post(server.url + "/api/auth/login", json=body, timeout=30)


def token(server: ServerProcess, user: str, station: str | None = None) -> str:
    answer = login(server, user, station=station)
    assert answer.status_code == 200, answer.text
    return answer.json()["token"]


def bearer(tok: str, **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tok}", **extra}


def station_token(server: ServerProcess, name: str) -> str:
    made = requests.post(server.url + "/api/stations", json={"name": name},
                         headers=bearer(token(server, "admin")), timeout=30)
    assert made.status_code == 201, made.text
    got = requests.post(server.url + "/api/auth/station",
                        json={"station": name, "key": made.json()["key"]}, timeout=30)
    assert got.status_code == 200, got.text
    return got.json()["token"]


def proved(server: ServerProcess, station: str, person: str) -> dict[str, str]:
    """Headers of a station pushing for `person`, who signed in at it (person token)."""
    tok = station_token(server, station)
    got = requests.post(server.url + "/api/auth/person", headers=bearer(tok),
                        json={"username": person, "password": PASSWORD}, timeout=30)
    assert got.status_code == 200, got.text
    return bearer(tok, **{"X-Orderdesk-People": f"{person}:{got.json()['token']}"})


def change(entity: str, entity_id: str, op: str, *, user: str | None, field: str | None = None,
           new: object = None, tx: str | None = None, raw: str | None = None) -> dict:
    return {"change_id": uuid7(), "tx_id": tx or uuid7(), "entity": entity,
            "entity_id": entity_id, "op": op, "field": field, "old_value": None,
            "new_value": raw if raw is not None else (None if new is None else json.dumps(new)),
            "base_seq": None, "user": user, "station": "X",
            "at": dt.datetime.now(dt.timezone.utc).isoformat()}


def push(server: ServerProcess, headers: dict[str, str], changes: list[dict],
         station: str = "X") -> requests.Response:
    return requests.post(server.url + "/sync/push", json={"changes": changes},
                         headers={"X-Station": station, **headers}, timeout=60)


def outcomes(answer: requests.Response) -> list[tuple[str, str]]:
    assert answer.status_code == 200, answer.text
    return [(r["outcome"], (r["detail"] or "").split(":")[0]) for r in answer.json()["results"]]


def ids(server: ServerProcess) -> dict[str, str]:
    desk = _db(server)
    try:
        with desk.read() as s:
            return dict(s.execute(select(User.username, User.id)).all())
    finally:
        desk.close()


def _new_user_row(username: str) -> tuple[str, dict]:
    now = dt.datetime.now().isoformat()
    uid = uuid7()
    return uid, {"id": uid, "username": username, "display_name": username,
                 "password_hash": user_service.hash_password(EVIL_PASSWORD), "active": True,
                 "failed_logins": 0, "must_change_password": False,
                 "password_changed_at": now, "created_at": now, "updated_at": now}


def _forge_sysadmin(server: ServerProcess, headers: dict[str, str], name: str,
                    actor: str) -> list[tuple[str, str]]:
    uid, row = _new_user_row(name)
    tx = uuid7()
    return outcomes(push(server, headers, [
        change("users", uid, "insert", user=actor, new=row, tx=tx),
        change("user_roles", uuid7(), "insert", user=actor, tx=tx,
               new={"id": uuid7(), "user_id": uid, "role": "sysadmin"})]))


# ---- forged actor -------------------------------------------------------------------

@pytest.mark.parametrize("caller", ["sales1", "wh1"])
def test_forged_actor_cannot_create_a_sysadmin_and_sign_in(srv, caller):
    got = _forge_sysadmin(srv, bearer(token(srv, caller)), f"evil_{caller}", "admin")
    assert {o for o, _d in got} == {"rejected"} and got[0][1] == "actor_mismatch"
    assert login(srv, f"evil_{caller}", EVIL_PASSWORD).status_code == 401


def test_control_the_real_admin_can_push_the_same_account(srv):
    """The forged push above is refused for its actor, not for its shape."""
    got = _forge_sysadmin(srv, proved(srv, "ST-ADMIN", "admin"), "made_by_admin", "admin")
    assert {o for o, _d in got} == {"applied"}
    assert login(srv, "made_by_admin", EVIL_PASSWORD).status_code == 200


def test_station_key_cannot_push_as_admin_without_the_admins_proof(srv):
    tok = station_token(srv, "ST-FORGE")
    got = _forge_sysadmin(srv, bearer(tok), "evil_station", "admin")
    assert {o for o, _d in got} == {"rejected"} and got[0][1] == "unverified_person"
    assert login(srv, "evil_station", EVIL_PASSWORD).status_code == 401


def test_forged_actor_cannot_grant_supervisor(srv):
    me = ids(srv)["sales2"]
    got = outcomes(push(srv, bearer(token(srv, "sales2")), [change(
        "user_roles", uuid7(), "insert", user="admin",
        new={"id": uuid7(), "user_id": me, "role": "supervisor"})]))
    assert got == [("rejected", "actor_mismatch")]
    me_answer = requests.get(srv.url + "/api/auth/me", headers=bearer(token(srv, "sales2")))
    assert "supervisor" not in me_answer.json()["roles"]


def test_forged_actor_cannot_disable_the_admin(srv):
    admin = ids(srv)["admin"]
    got = outcomes(push(srv, bearer(token(srv, "sales1")), [change(
        "users", admin, "update", user="admin", field="active", new=False)]))
    assert got == [("rejected", "actor_mismatch")]
    assert login(srv, "admin").status_code == 200


def _line(server: ServerProcess) -> tuple[str, str]:
    desk = _db(server)
    try:
        with desk.read() as s:
            line = s.scalars(select(OrderLine)).first()
            return line.id, str(line.unit_price)
    finally:
        desk.close()


@pytest.mark.parametrize("actor", ["admin", "system"])
def test_forged_or_system_actor_cannot_change_a_price_outside_the_role(srv, actor):
    line, before = _line(srv)
    got = outcomes(push(srv, bearer(token(srv, "wh1")), [change(
        "order_lines", line, "update", user=actor, field="unit_price", new="0.01")]))
    assert got[0][0] == "rejected"
    assert got[0][1] == ("actor_mismatch" if actor == "admin" else "not_permitted")
    assert _line(srv)[1] == before


def test_system_actor_on_a_station_key_cannot_change_a_price(srv):
    line, before = _line(srv)
    got = outcomes(push(srv, bearer(station_token(srv, "ST-SYS")), [change(
        "order_lines", line, "update", user="system", field="unit_price", new="0.01")]))
    assert got == [("rejected", "system_not_permitted")]
    assert _line(srv)[1] == before


# ---- account takeover ------------------------------------------------------------------

def test_a_user_cannot_set_another_accounts_password(srv):
    admin = ids(srv)["admin"]
    new_hash = user_service.hash_password(EVIL_PASSWORD)
    for actor in ("admin", "sales1"):  # the forged self-change, and the honest attempt
        got = outcomes(push(srv, bearer(token(srv, "sales1")), [change(
            "users", admin, "update", user=actor, field="password_hash", new=new_hash)]))
        assert got[0][0] == "rejected"
    assert login(srv, "admin", EVIL_PASSWORD).status_code == 401
    assert login(srv, "admin").status_code == 200


# ---- hashes handed out -----------------------------------------------------------------

def _texts(answer: requests.Response) -> str:
    assert answer.status_code == 200, answer.text
    return answer.text


@pytest.mark.parametrize("who", ["station", "sales1"])
def test_pull_and_snapshot_hand_out_no_password_hash(srv, who):
    tok = station_token(srv, f"ST-PULL-{who}") if who == "station" else token(srv, who, "PULL")
    head = {"X-Station": f"ST-PULL-{who}" if who == "station" else "PULL"}
    pulled = _texts(requests.get(srv.url + "/sync/pull", params={"since": 0, "limit": 5000,
                                                                  "resync_ok": "true"},
                                 headers=bearer(tok, **head)))
    assert '"users"' in pulled  # the accounts do travel ...
    assert "$argon2" not in pulled  # ... without any hash
    entity, after, pages = None, None, 0
    while pages < 200:
        params = {"limit": 5000}
        if entity:
            params.update(entity=entity, after=after)
        page = requests.get(srv.url + "/sync/snapshot", params=params,
                            headers=bearer(tok, **head))
        assert "$argon2" not in _texts(page)
        body = page.json()
        entity, after, pages = body["next_entity"], body["next_after"], pages + 1
        if entity is None:
            break


def test_person_material_reaches_only_its_station_and_cannot_sign_in(srv):
    tok = station_token(srv, "ST-SALES")
    got = requests.post(srv.url + "/api/auth/person", headers=bearer(tok),
                        json={"username": "sales1", "password": PASSWORD})
    assert got.status_code == 200, got.text
    body = got.json()
    verifier = body["offline_verifier"]
    assert verifier.startswith("$argon2")
    desk = _db(srv)
    try:
        with desk.read() as s:
            server_hash = s.scalar(select(User.password_hash).where(User.username == "sales1"))
    finally:
        desk.close()
    assert verifier != server_hash
    # The material is not the password: using it as one fails, like any wrong password.
    assert login(srv, "sales1", verifier[:200]).status_code == 401
    # Admin roles get a person token but never offline material.
    admin = requests.post(srv.url + "/api/auth/person", headers=bearer(tok),
                          json={"username": "sec", "password": PASSWORD}).json()
    assert admin["offline_verifier"] is None
    # A person token is no bearer token.
    assert requests.get(srv.url + "/api/auth/me",
                        headers=bearer(body["token"])).status_code == 401
    # And it proves sales1 at ST-SALES only.
    other = station_token(srv, "ST-OTHER")
    got = outcomes(push(srv, bearer(other, **{"X-Orderdesk-People": f"sales1:{body['token']}"}),
                        [change("notes", uuid7(), "insert", user="sales1", new={"x": 1})]))
    assert got[0] == ("rejected", "unverified_person")


# ---- certificate trust -----------------------------------------------------------------

@pytest.mark.parametrize("caller", ["sales1", "pmc1"])
def test_sales_or_pmc_cannot_make_a_key_trusted(srv, caller):
    key = "certificates.trusted_key.forged01"

    def row(kind: str) -> dict:
        return change("settings", key, "insert", user=caller,
                      new={"key": key, "value": json.dumps({"public_key": "x", "kind": kind}),
                           "updated_at": dt.datetime.now().isoformat()})

    # A server key: refused before anything is stored; even a station's: not their role.
    assert push(srv, bearer(token(srv, caller)), [row("server")]).status_code == 403
    got = outcomes(push(srv, bearer(token(srv, caller)), [row("station")]))
    assert got[0] == ("rejected", "not_permitted")


def test_quality_proposes_a_key_and_only_the_sysadmin_makes_it_trusted(srv, tmp_path):
    from decimal import Decimal

    from orderdesk.certificates import payload, signing

    key = signing.generate_key(tmp_path / "keys")  # a quality station's key, not the server's
    entry = signing.trusted_entry(key, "station", "Q-ST").as_json()
    name = signing.TRUSTED_KEY_PREFIX + key.key_id
    sup = bearer(token(srv, "sup"))  # holds certificate.issue

    def row(value: dict) -> dict:
        return change("settings", name, "insert", user="sup",
                      new={"key": name, "value": json.dumps(value),
                           "updated_at": dt.datetime.now().isoformat()})

    # A server key, or an approval, from anyone but the system admin: refused outright.
    for forged in ({**entry, "kind": "server"}, {**entry, "approved_by": "sup"}):
        assert push(srv, sup, [row(forged)]).status_code == 403
    # The proposal is accepted, and is not trusted by the server's verify route yet.
    assert outcomes(push(srv, sup, [row(entry)])) == [("applied", "")]
    fields = payload.KeyFields(
        cert_no="QC-2026-999999", issued=dt.date(2026, 12, 1), customer_code="C001",
        order_no="SO-2026-999999", customer_po="", sku="BRK-1001", batch_code="B-1",
        quantity=Decimal(5), unit="pcs", production_date=None, material_lots=(),
        inspector="sup")
    data = fields.canonical()
    qr = payload.qr_text("https://orderdesk.local", fields.cert_no, data, key.key_id,
                         key.sign(data))
    check = lambda: requests.get(srv.url + "/api/certificates/verify",  # noqa: E731
                                 params={"qr": qr}).json()
    assert check()["reason"] == "untrusted_key"
    pending = requests.get(srv.url + "/api/keys", params={"pending": "true"},
                           headers=bearer(token(srv, "admin"))).json()
    assert key.key_id in {k["key_id"] for k in pending}
    # Quality cannot approve; the system admin can, and both steps are in the trail.
    assert requests.post(srv.url + f"/api/keys/{key.key_id}/approve",
                         headers=sup).status_code == 403
    assert requests.post(srv.url + f"/api/keys/{key.key_id}/approve",
                         headers=bearer(token(srv, "admin"))).status_code == 204
    after = check()
    assert after["signature_ok"] and after["reason"] != "untrusted_key"
    desk = _db(srv)
    try:
        with desk.read() as s:
            trail = {(a.action, a.user) for a in s.scalars(
                select(AuditLog).where(AuditLog.entity_id == name))}
    finally:
        desk.close()
    assert ("insert", "sup") in trail and ("approve_key", "admin") in trail


# ---- station identity ------------------------------------------------------------------

def test_a_registered_station_name_cannot_be_taken_by_hello(srv):
    admin = token(srv, "admin")
    made = requests.post(srv.url + "/api/stations", json={"name": "ST-REAL"},
                         headers=bearer(admin))
    assert made.status_code == 201
    # A user signed in "at" that station still cannot bind it; nor from elsewhere.
    for station in ("ST-REAL", None):
        tok = token(srv, "sales1", station)
        got = requests.post(srv.url + "/sync/hello", json={"station": "ST-REAL",
                                                            "uid": uuid7()},
                            headers=bearer(tok, **{"X-Station": "ST-REAL"}))
        assert got.status_code == 403, got.text
    desk = _db(srv)
    try:
        with desk.read() as s:
            assert s.scalar(select(SyncStation.uid).where(SyncStation.name == "ST-REAL")) is None
    finally:
        desk.close()


def test_a_user_cannot_move_another_stations_cursor(srv):
    tok = station_token(srv, "ST-CURSOR")
    requests.post(srv.url + "/sync/hello", json={"station": "ST-CURSOR", "uid": uuid7()},
                  headers=bearer(tok))
    requests.get(srv.url + "/sync/pull", params={"since": 0}, headers=bearer(tok))
    sales = token(srv, "sales1")  # no station in the token, names it in X-Station
    got = requests.get(srv.url + "/sync/pull", params={"since": 10**12, "resync_ok": "true"},
                       headers=bearer(sales, **{"X-Station": "ST-CURSOR"}))
    assert got.status_code == 200
    other = token(srv, "sales1", "ST-ELSE")  # bound to another station: refused outright
    got = requests.get(srv.url + "/sync/pull", params={"since": 10**12},
                       headers=bearer(other, **{"X-Station": "ST-CURSOR"}))
    assert got.status_code == 403
    # The station itself cannot go past the head either.
    requests.get(srv.url + "/sync/pull", params={"since": 10**12, "resync_ok": "true"},
                 headers=bearer(tok))
    desk = _db(srv)
    try:
        with desk.read() as s:
            cursor = s.scalar(select(SyncStation.cursor).where(SyncStation.name == "ST-CURSOR"))
            head = s.scalar(select(func.max(ChangeLog.seq))) or 0
    finally:
        desk.close()
    assert cursor <= head


def test_a_page_fetched_ahead_holds_the_cursor_where_the_station_applied(srv):
    """A station fetching the next pull page while applying the one before says `held`:
    pruning must count what it applied, not the page it has only fetched."""
    tok = station_token(srv, "ST-AHEAD")
    requests.post(srv.url + "/sync/hello", json={"station": "ST-AHEAD", "uid": uuid7()},
                  headers=bearer(tok))
    desk = _db(srv)
    try:
        with desk.read() as s:
            head = s.scalar(select(func.max(ChangeLog.seq))) or 0
    finally:
        desk.close()
    assert head >= 2

    def cursor() -> int:
        d = _db(srv)
        try:
            with d.read() as s:
                return s.scalar(select(SyncStation.cursor)
                                .where(SyncStation.name == "ST-AHEAD"))
        finally:
            d.close()

    got = requests.get(srv.url + "/sync/pull", params={"since": head, "held": 1,
                                                       "resync_ok": "true"}, headers=bearer(tok))
    assert got.status_code == 200
    assert cursor() == 1
    got = requests.get(srv.url + "/sync/pull", params={"since": head, "resync_ok": "true"},
                       headers=bearer(tok))
    assert got.status_code == 200 and cursor() == head
    bad = requests.get(srv.url + "/sync/pull", params={"since": head, "held": -1},
                       headers=bearer(tok))
    assert bad.status_code in (400, 422)


def test_hello_with_a_uid_another_station_holds_is_409_not_500(srv):
    uid = uuid7()
    one = token(srv, "sales1", "ST-U1")
    assert requests.post(srv.url + "/sync/hello", json={"station": "ST-U1", "uid": uid},
                         headers=bearer(one)).status_code == 200
    two = token(srv, "sales1", "ST-U2")
    got = requests.post(srv.url + "/sync/hello", json={"station": "ST-U2", "uid": uid},
                        headers=bearer(two))
    assert got.status_code == 409, got.text


# ---- login -----------------------------------------------------------------------------

@pytest.fixture
def fresh(sqlite_server):  # type: ignore[no-untyped-def]
    """A server of its own: the sign-in throttle counts per address (127.0.0.1)."""
    return sqlite_server


def test_unknown_and_known_names_get_one_and_the_same_401(fresh):
    unknown = login(fresh, "no_such_person", "wrong")
    known = login(fresh, "sales1", "wrong")
    assert unknown.status_code == known.status_code == 401
    assert unknown.json()["message"] == known.json()["message"]
    assert unknown.json()["error"] == known.json()["error"] == "login_failed"
    # Both verified a hash: the server's trail shows both attempts checked.
    desk = _db(fresh)
    try:
        with desk.read() as s:
            got = set(s.scalars(select(AuditLog.outcome).where(AuditLog.action == "login")))
    finally:
        desk.close()
    assert {"unknown_user", "bad_password"} <= got


def test_disabled_account_is_not_reported_before_the_password_is_right(fresh):
    admin = token(fresh, "admin")
    assert requests.post(fresh.url + "/api/users/pmc1/disable",
                         headers=bearer(admin)).status_code == 204
    wrong = login(fresh, "pmc1", "wrong")
    ghost = login(fresh, "ghost", "wrong")
    assert wrong.status_code == ghost.status_code == 401
    assert wrong.json()["message"] == ghost.json()["message"]
    assert login(fresh, "pmc1").status_code == 403  # only the right password learns it


def test_wrong_passwords_from_strangers_do_not_lock_out_the_admin(fresh):
    assert login(fresh, "admin").status_code == 200  # the admin's usual address
    for _ in range(user_service.MAX_FAILURES + 2):
        login(fresh, "admin", "wrong")
    assert login(fresh, "admin").status_code == 200


def test_failures_grow_a_delay_answered_429_with_retry_after(fresh):
    statuses = [login(fresh, "sales2", "wrong").status_code
                for _ in range(user_service.MAX_FAILURES + 1)]
    assert statuses[:user_service.MAX_FAILURES] == [401] * user_service.MAX_FAILURES
    assert statuses[-1] == 429
    throttled = login(fresh, "sales2")  # even the right password waits
    assert throttled.status_code == 429 and int(throttled.headers["Retry-After"]) >= 1
    admin = token(fresh, "admin")
    assert requests.post(fresh.url + "/api/users/sales2/unlock",
                         headers=bearer(admin)).status_code == 204
    assert login(fresh, "sales2").status_code == 200


def test_password_spraying_across_accounts_is_slowed_per_address(fresh):
    codes = [login(fresh, f"spray{n}", "Spring2026!").status_code
             for n in range(user_service.MAX_FAILURES_PER_ADDRESS + 1)]
    assert codes[-1] == 429 and set(codes[:-1]) == {401}


# ---- unbounded input ------------------------------------------------------------------

def _db_size(server: ServerProcess) -> int:
    path = Path(server.db_url.removeprefix("sqlite:///"))
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def test_a_50mb_push_is_413_and_the_database_does_not_grow(srv):
    tok = token(srv, "sales1")
    before = _db_size(srv)
    big = "x" * (50 * 1024 * 1024)
    got = push(srv, bearer(tok), [change("notes", uuid7(), "insert", user="sales1",
                                         raw=json.dumps({"body": big}))])
    assert got.status_code == 413
    assert _db_size(srv) - before < 1024 * 1024


def test_a_refused_change_is_stored_as_hash_and_prefix(srv):
    tok = token(srv, "sales1")
    value = json.dumps({"key": "x", "value": "y" * 2_000_000})
    got = push(srv, bearer(tok), [change("audit_log", "1", "insert", user="sales1", raw=value)])
    assert outcomes(got)[0][0] == "rejected"
    cid = got.json()["results"][0]["change_id"]
    desk = _db(srv)
    try:
        with desk.read() as s:
            kept = s.scalar(select(ChangeLog.new_value).where(ChangeLog.change_id == cid))
            audit = s.scalar(select(func.max(func.length(AuditLog.new_value))))
    finally:
        desk.close()
    assert len(kept) < 1000 and json.loads(kept)["refused_value"]["length"] == len(value)
    assert audit < 100_000


def test_unauthenticated_bodies_are_refused_before_they_are_read(srv):
    big = b"{" * (48 * 1024 * 1024)
    got = requests.post(srv.url + "/sync/push", data=big,
                        headers={"Content-Type": "application/json"}, timeout=60)
    assert got.status_code == 401
    # With a declared length over the limit, nothing is read even for a valid token.
    assert requests.get(srv.url + "/api/health").status_code == 200


# ---- 500 instead of 4xx ----------------------------------------------------------------

def test_since_beyond_int64_is_4xx(srv):
    tok = token(srv, "sales1", "INT")
    for path in ("/sync/pull", "/sync/live", "/sync/snapshot"):
        got = requests.get(srv.url + path, params={"since": 2**64, "timeout": 0},
                           headers=bearer(tok))
        assert 400 <= got.status_code < 500, (path, got.status_code)


def test_base_seq_beyond_int64_is_4xx(srv):
    c = change("notes", uuid7(), "insert", user="sales1", new={"x": 1})
    c["base_seq"] = 2**64
    got = push(srv, bearer(token(srv, "sales1")), [c])
    assert 400 <= got.status_code < 500


def test_deeply_nested_json_in_a_change_is_4xx(srv):
    deep = "[" * 50_000 + "]" * 50_000
    got = push(srv, bearer(token(srv, "sales1")),
               [change("notes", uuid7(), "insert", user="sales1", raw=deep)])
    assert got.status_code == 400


def _channel_key(server: ServerProcess) -> str:
    made = requests.post(server.url + "/api/channel-keys", json={"channel": "shop"},
                         headers=bearer(token(server, "admin")))
    assert made.status_code == 201, made.text
    return made.json()["key"]


@pytest.mark.parametrize("qty", ["Infinity", "NaN", "1e308"])
def test_non_finite_or_huge_intake_quantity_is_4xx(srv, qty):
    key = _channel_key(srv)
    body = ('{"channel_order_no": "X-%s", "customer_code": "C001", "lines": '
            '[{"sku": "BRK-1001", "quantity": %s}]}' % (qty, qty))
    got = requests.post(srv.url + "/api/intake/orders", data=body,
                        headers={"X-API-Key": key, "Content-Type": "application/json"})
    assert 400 <= got.status_code < 500, got.text


# ---- nonsense data -----------------------------------------------------------------------

@pytest.mark.parametrize("qty", ['"Infinity"', "1e999", '"-1e308"', "-1e308"])
def test_non_finite_or_huge_line_quantity_by_push_is_4xx(srv, qty):
    line, _price = _line(srv)
    got = push(srv, bearer(token(srv, "sales1")), [change(
        "order_lines", line, "update", user="sales1", field="quantity", raw=qty)])
    assert got.status_code == 400, got.text


def test_negative_unit_price_is_refused_at_intake_and_by_push(srv):
    key = _channel_key(srv)
    got = requests.post(srv.url + "/api/intake/orders", headers={"X-API-Key": key}, json={
        "channel_order_no": "NEG-1", "customer_code": "C001",
        "lines": [{"sku": "BRK-1001", "quantity": 1, "unit_price": -5}]})
    assert got.status_code == 400, got.text
    line, _price = _line(srv)
    got = push(srv, bearer(token(srv, "sales1")), [change(
        "order_lines", line, "update", user="sales1", field="unit_price", new="-1.00")])
    assert got.status_code == 400


# ---- schema and last admin -----------------------------------------------------------

def test_openapi_documents_the_refusals(srv):
    schema = requests.get(srv.url + "/openapi.json").json()
    push_op = schema["paths"]["/sync/push"]["post"]["responses"]
    assert {"400", "401", "403", "413"} <= set(push_op)
    users_op = schema["paths"]["/api/users"]["get"]["responses"]
    assert {"401", "403"} <= set(users_op)
    assert "429" in schema["paths"]["/api/auth/login"]["post"]["responses"]


def test_the_last_active_sysadmin_cannot_be_disabled_or_demoted(srv):
    admin = token(srv, "admin")
    desk = _db(srv)
    try:
        with desk.read() as s:
            others = s.scalar(select(func.count()).select_from(UserRole)
                              .where(UserRole.role == "sysadmin")) - 1
    finally:
        desk.close()
    if others:  # the control test above made a second sysadmin: disable it first
        assert requests.post(srv.url + "/api/users/made_by_admin/disable",
                             headers=bearer(admin)).status_code == 204
    got = requests.post(srv.url + "/api/users/admin/disable", headers=bearer(admin))
    assert got.status_code == 403, got.text
    assert login(srv, "admin").status_code == 200
    # Through push too (a station pushing for the proved admin).
    got = outcomes(push(srv, proved(srv, "ST-LAST", "admin"), [change(
        "users", ids(srv)["admin"], "update", user="admin", field="active", new=False)]))
    assert got == [("rejected", "last_sysadmin")]


# ---- audit-chain anchoring (S3/D2) -------------------------------------------------------

def test_each_sync_anchors_the_station_trail_and_a_rewrite_is_caught(sqlite_server,
                                                                    make_station):
    from orderdesk.models.security import AuditAnchor
    from orderdesk.sync import identity_client
    from orderdesk.sync.client import sync_once

    from .conftest import station_client

    server = sqlite_server
    a = make_station("ANCHOR")
    client = station_client(server, a, ["sales1"])
    with a.write() as s:
        catalog.upsert_customer(s, "C009", "锚定测试", tier="B")
    sync_once(a, client=client)
    with a.read() as s:
        head = s.execute(select(AuditLog.id, AuditLog.hash).order_by(AuditLog.id.desc())
                         .limit(1)).first()
        first = s.scalar(select(AuditLog.id).order_by(AuditLog.id).limit(1))
    desk = _db(server)
    try:
        with desk.read() as s:
            anchor = s.get(AuditAnchor, "ANCHOR")
            assert (anchor.last_id, anchor.last_hash) == (head.id, head.hash)
    finally:
        desk.close()
    # Someone rewrites the station's trail below the anchor (hashes recomputed or not):
    # the next sync's anchor is refused and the server records it.
    with a.engine.begin() as conn:
        conn.execute(AuditLog.__table__.update().where(AuditLog.id == head.id)
                     .values(hash="0" * 64))
    assert identity_client.anchor_trail(a, client) == "mismatch"
    desk = _db(server)
    try:
        with desk.read() as s:
            assert s.get(AuditAnchor, "ANCHOR").mismatches == 1
            assert s.scalar(select(func.count()).select_from(AuditLog).where(
                AuditLog.outcome == "anchor_mismatch")) == 1
    finally:
        desk.close()
    assert first is not None
