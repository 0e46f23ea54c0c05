"""The station's half of per-person identity (issue 13; the server's is
`orderdesk.sync.server.identity`).

- A person who signs in at this station (`users.authenticate` without an address: the
  desktop) is remembered **in memory only** as waiting for proof. At the next sync round
  with the server reachable, the station exchanges that password once at
  `/api/auth/person` (with its station key's token) for a person token bound to this
  person and this station, plus the offline sign-in material for this station; then the
  password is forgotten. A person signed in offline is thus verified at the next contact.
- The person tokens are kept in `sync_state` (`sync.person.<name>`) and sent with every
  push in the `X-Orderdesk-People` header.
- Changes wait, in order, until their person is proved: the push stops at the first
  change whose actor the server would refuse (`unproven`), so nothing is pushed out of
  order and nothing is lost. With a person's own credentials (command line), only that
  person's changes and the station's system jobs (catalogue data) go.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select

from orderdesk.desk import Desk
from orderdesk.models import SyncState
from orderdesk.services import users
from orderdesk.sync import station as local

PEOPLE_HEADER = "X-Orderdesk-People"
K_PERSON = "sync.person."
SYSTEM_ACTORS = frozenset({"system", "demo"})


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def person_tokens(desk: Desk) -> dict[str, str]:
    """{name: token} of the still-valid person tokens this station holds."""
    out = {}
    with desk.read() as s:
        rows = s.execute(select(SyncState.key, SyncState.value)
                         .where(SyncState.key.like(K_PERSON + "%"))).all()
    now = _now()
    for key, value in rows:
        try:
            data = json.loads(value or "{}")
            if dt.datetime.fromisoformat(data["expires_at"]).replace(tzinfo=None) > now:
                out[key[len(K_PERSON):]] = data["token"]
        except (ValueError, KeyError, TypeError):
            continue
    return out


def _keep_token(desk: Desk, name: str, answer: dict[str, Any], station: str) -> None:
    with desk.write(sync_apply=True) as s:
        local.set_state(s, (K_PERSON + name)[:60], json.dumps(
            {"token": answer["token"], "expires_at": answer["expires_at"]}))
    if answer.get("offline_verifier"):
        users.store_offline_verifier(desk, name, answer["offline_verifier"],
                                     answer.get("password_changed_at"), station)


def forget_person(desk: Desk, name: str) -> None:
    with desk.write(sync_apply=True) as s:
        row = s.get(SyncState, (K_PERSON + name)[:60])
        if row is not None:
            s.delete(row)


def prove_people(desk: Desk, client: Any) -> list[str]:
    """Exchange the passwords of people who signed in here for person tokens (station key
    only); returns who was proved. A refused password is forgotten: that person signs
    in again (their changes keep waiting)."""
    from orderdesk.sync.client import SyncError

    proved = []
    if not client.credentials.station_key:
        return proved
    for name, password in users.awaiting_proof(desk).items():
        try:
            answer = client.call("POST", "/api/auth/person",
                                 json={"username": name, "password": password})
        except SyncError as exc:
            if exc.facts.get("status") in (403, 422):
                users.proof_done(desk, name)
                continue
            raise
        _keep_token(desk, name, answer, client.station)
        users.proof_done(desk, name)
        proved.append(name)
    return proved


def prepare(desk: Desk, client: Any) -> None:
    """Before a push: prove waiting sign-ins, then send the tokens with every request."""
    prove_people(desk, client)
    tokens = person_tokens(desk) if client.credentials.station_key else {}
    client.provable = set(tokens)
    header = ", ".join(f"{n}:{t}" for n, t in sorted(tokens.items()))
    if header:
        client.http.headers[PEOPLE_HEADER] = header
    else:
        client.http.headers.pop(PEOPLE_HEADER, None)


def unproven(client: Any, row: dict[str, Any]) -> bool:
    """Whether the server would refuse this change's actor now (it must wait)."""
    user = row.get("user")
    if user is None or user in SYSTEM_ACTORS:
        return False
    if client.credentials.station_key:
        return user not in getattr(client, "provable", set())
    return user != client.credentials.username


def provable_prefix(client: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows before the first transaction with an unproven actor."""
    bad_tx = next((r["tx_id"] for r in rows if unproven(client, r)), None)
    if bad_tx is None:
        return rows
    cut = next(i for i, r in enumerate(rows) if r["tx_id"] == bad_tx)
    return rows[:cut]


def tx_unproven(desk: Desk, client: Any, tx_id: str) -> bool:
    """Whether a (large) transaction has an actor the server would refuse now."""
    from orderdesk.models import Outbox

    with desk.read() as s:
        people = set(s.scalars(select(Outbox.user).where(Outbox.tx_id == tx_id).distinct()))
    return any(unproven(client, {"user": u}) for u in people)


# ---- audit-chain anchoring (等保 S3/D2) ------------------------------------------------

def anchor_trail(desk: Desk, client: Any) -> str:
    """Report this station's audit-chain head to the server (`/sync/anchor`), showing at
    the previously anchored id the hash this station reported then. Returns "anchored",
    "empty" (no audit row yet) or "mismatch" (the server refused: the trail changed
    below its anchor; the server recorded it)."""
    from orderdesk import audit_store
    from orderdesk.sync.client import SyncError

    with desk.read() as s:
        head = audit_store.head(s)
    if head is None:
        return "empty"
    try:
        known = client.call("GET", "/sync/anchor")
    except SyncError as exc:
        if exc.facts.get("status") in (404, 405):
            return "unsupported"  # a server before issue 13
        raise
    body: dict[str, Any] = {"last_id": head[0], "last_hash": head[1]}
    if known.get("last_id") is not None:
        with desk.read() as s:
            body["previous_id"] = known["last_id"]
            # Packed rows answer too: their hashes are recomputed from the block.
            body["previous_hash"] = audit_store.hash_at(s, int(known["last_id"]))
    try:
        client.call("POST", "/sync/anchor", json=body)
    except SyncError as exc:
        if exc.facts.get("status") == 409:
            import logging

            logging.getLogger("orderdesk.sync").warning(
                "the server refused this station's audit-trail anchor: the trail changed "
                "below the last anchored row (the server recorded it)")
            return "mismatch"
        raise
    return "anchored"


# ---- sign-in at the desktop through the server ---------------------------------------

def install_online_sign_in(server_url: str | None, station: str, credentials: Any,
                           verify: bool | str = True) -> None:
    """Let the station's sign-in ask the server for people it holds no material for
    (accounts synced from the server carry no hash): the server checks the password and
    answers a person token and, for business roles, this station's offline material."""
    if not server_url or credentials is None or not credentials.station_key:
        users.ONLINE_SIGN_IN = None
        return

    def ask(desk: Desk, name: str, password: str) -> None:
        from orderdesk.sync.client import SyncClient, SyncError

        client = SyncClient(server_url, credentials, station=station, timeout=10,
                            verify=verify)
        try:
            answer = client.call("POST", "/api/auth/person",
                                 json={"username": name, "password": password})
        except SyncError:
            return  # unreachable, or refused: the local check decides (and fails)
        finally:
            client.close()
        _keep_token(desk, name, answer, station)
        users.proof_done(desk, name)
        if not answer.get("offline_verifier"):
            users.online_proof_ok(desk, name)

    users.ONLINE_SIGN_IN = ask
