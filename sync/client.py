"""The station's sync client: one round = send resolutions, push the outbox, pull.

Headless and thread-agnostic: the CLI calls `sync_once` directly, the UI's sync worker
calls it on a background thread with `abort` and `progress` (style rule 5). Errors are
typed (`SyncError` with a code and facts), never a traceback for the user.

Credentials: a station key (`station` + `station_key`, issued by the server admin), or a
person's user name and password (command line). Tokens are short-lived; a 401 makes the
client sign in again once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import OrderdeskError
from orderdesk.messages import TEXTS
from orderdesk.sync import identity_client
from orderdesk.sync import station as local

PUSH_BATCH = 1000
PULL_BATCH = 2000
#: Answers fetched per request after a large transaction (the server's limit).
OUTCOMES_BATCH = 5000

TEXTS.update({
    "server_unreachable": ("无法连接服务器 {url}:{reason}", "cannot reach the server {url}: {reason}"),
    "server_refused": ("服务器拒绝了请求({status}):{message}",
                       "the server refused the request ({status}): {message}"),
    "sync_auth_failed": ("服务器登录失败:{message}", "sign-in at the server failed: {message}"),
    "sync_no_credentials": ("没有同步凭据:请提供用户名和密码,或工作站密钥",
                            "no sync credentials: give a user name and password, or a "
                            "station key"),
    "sync_aborted": ("同步已取消", "sync cancelled"),
})


class SyncError(OrderdeskError):
    code = "server_refused"


class ServerUnreachable(SyncError):
    code = "server_unreachable"


class AuthFailed(SyncError):
    code = "sync_auth_failed"


class NoCredentials(SyncError):
    code = "sync_no_credentials"


class Aborted(SyncError):
    code = "sync_aborted"


@dataclass(frozen=True)
class Credentials:
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    station_key: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class SyncReport:
    station: str
    pushed: int = 0
    push_applied: int = 0
    push_conflicts: int = 0
    push_held: int = 0
    push_rejected: int = 0
    duplicates: int = 0
    parked: int = 0
    resolutions: int = 0
    pulled: int = 0
    applied: int = 0
    skipped: int = 0
    conflicts_received: int = 0
    cursor: int = 0
    head: int = 0
    pending: int = 0
    seconds: float = 0.0
    changes: Changes = Changes()

    def summary(self) -> str:
        return (f"station {self.station}: pushed {self.pushed} (applied {self.push_applied}, "
                f"conflicts {self.push_conflicts}, held {self.push_held}, rejected "
                f"{self.push_rejected}, already known {self.duplicates}, parked {self.parked}); "
                f"resolutions "
                f"{self.resolutions}; pulled {self.pulled} (applied {self.applied}, skipped "
                f"{self.skipped}), conflicts received {self.conflicts_received}; cursor "
                f"{self.cursor}/{self.head}; waiting {self.pending}; {self.seconds:.2f} s")


Progress = Callable[[int, int, str], None]


class SyncClient:
    """HTTP to one server, with its own connection pool (thread: one caller at a time)."""

    def __init__(self, server_url: str, credentials: Credentials, *, station: str,
                 timeout: float = 30.0, verify: bool | str = True) -> None:
        import requests

        self.url = server_url.rstrip("/")
        self.credentials = credentials
        self.station = station
        self.timeout = timeout
        self.http = requests.Session()
        # Passed with each request: a session-level setting would lose to
        # REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE from the environment.
        self.verify = verify
        self.token: str | None = None
        self.hello_done = False

    def close(self) -> None:
        self.http.close()

    # -- transport ------------------------------------------------------------------------
    def _send(self, method: str, path: str, *, auth: bool = True, timeout: float | None = None,
              **kwargs: Any) -> Any:
        import requests

        headers = {"X-Station": self.station, "Accept-Language": "zh"}
        if auth:
            if self.token is None:
                self.login()
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            response = self.http.request(method, self.url + path, headers=headers,
                                         timeout=timeout or self.timeout, verify=self.verify,
                                         **kwargs)
        except requests.RequestException as exc:
            raise ServerUnreachable(url=self.url, reason=type(exc).__name__) from exc
        if response.status_code == 401 and auth:
            self.token = None
            raise _Retry()
        if response.status_code >= 400:
            try:
                body = response.json()
                message = body.get("message") or body.get("detail") or response.text[:200]
            except ValueError:
                message = response.text[:200]
            raise SyncError(status=response.status_code, message=message, path=path)
        if response.status_code == 204 or not response.content:
            return None
        return response.json()

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            return self._send(method, path, **kwargs)
        except _Retry:
            return self._send(method, path, **kwargs)

    def login(self) -> None:
        c = self.credentials
        try:
            if c.station_key:
                body = self._send("POST", "/api/auth/station", auth=False,
                                  json={"station": self.station, "key": c.station_key})
            elif c.username and c.password:
                body = self._send("POST", "/api/auth/login", auth=False,
                                  json={"username": c.username, "password": c.password,
                                        "station": self.station})
            else:
                raise NoCredentials()
        except SyncError as exc:
            if exc.facts.get("status") in (401, 403, 423):
                raise AuthFailed(message=exc.facts.get("message")) from exc
            raise
        self.token = body["token"]

    # -- protocol ----------------------------------------------------------------------------
    def hello(self, uid: str) -> dict[str, Any]:
        return self.call("POST", "/sync/hello", json={"station": self.station, "uid": uid})

    def push(self, changes: list[dict[str, Any]]) -> dict[str, Any]:
        return self.call("POST", "/sync/push", json={"changes": changes})

    def push_piece(self, tx_id: str, tx_size: int, start: int,
                   changes: list[dict[str, Any]]) -> dict[str, Any]:
        return self.call("POST", "/sync/push/piece", json={
            "tx_id": tx_id, "tx_size": tx_size, "start": start, "changes": changes})

    def outcomes(self, change_ids: list[str]) -> dict[str, Any]:
        return self.call("POST", "/sync/outcomes", json={"change_ids": change_ids})

    def pull(self, since: int, limit: int, held: int | None = None) -> dict[str, Any]:
        """`held`: how far this station has applied, when below `since` (a page fetched
        ahead while the one before it is still being applied): the server keeps its
        log from there, not from `since`. A server that does not know it ignores it."""
        params: dict[str, Any] = {"since": since, "limit": limit, "resync_ok": "true"}
        if held is not None and held < since:
            params["held"] = held
        return self.call("GET", "/sync/pull", params=params)

    def snapshot(self, entity: str | None, after: str | None, limit: int,
                 since: int = 0) -> dict[str, Any]:
        params: dict[str, Any] = {"limit": limit, "since": since}
        if entity is not None:
            params["entity"] = entity
        if after is not None:
            params["after"] = after
        return self.call("GET", "/sync/snapshot", params=params)

    def live(self, since: int, timeout: float = 25.0) -> dict[str, Any]:
        return self.call("GET", "/sync/live", params={"since": since, "timeout": timeout},
                         timeout=timeout + 10)

    def resolve(self, conflict_id: str, *, value: str | None, change_id: str,
                user: str | None) -> dict[str, Any]:
        return self.call("POST", f"/sync/conflicts/{conflict_id}/resolve",
                         json={"change_id": change_id, "value": value, "user": user})


class _Retry(Exception):
    pass


def _check(abort: threading.Event | None) -> None:
    if abort is not None and abort.is_set():
        raise Aborted()


def handshake(desk: Desk, client: SyncClient) -> None:
    """Once per client: register this database's uid, learn the station number."""
    if client.hello_done:
        return
    answer = client.hello(local.station_uid(desk))
    local.record_hello(desk, station=answer["station"], number=answer["number"],
                       server_id=answer["server_id"])
    client.hello_done = True


#: Answers that refuse a request as it stands (malformed, over a limit): sending it again
#: cannot help, so the transaction is parked instead of blocking the queue.
PARK_STATUSES = (400, 413, 422)


def _parkable(exc: SyncError) -> bool:
    return exc.facts.get("status") in PARK_STATUSES


def _reason(exc: SyncError) -> str:
    return f"{exc.facts.get('status')}: {exc.facts.get('message')}"


def push_all(desk: Desk, client: SyncClient, *, batch: int = PUSH_BATCH,
             abort: threading.Event | None = None,
             progress: Progress | None = None) -> dict[str, int]:
    """Push the outbox, oldest first, whole transactions at a time: small ones together
    (up to `batch` changes a request), a larger one in pieces the server stages and
    applies as a whole at the last. A transaction the server refuses as a request is
    parked (with the reason) and the queue goes on; so do later transactions that do
    not touch its rows (the others wait with it)."""
    from orderdesk.sync import parking

    tally = dict(pushed=0, applied=0, conflicts=0, held=0, rejected=0, duplicates=0, parked=0)
    total = local.pending_count(desk) if progress else 0
    blocked = parking.parked_keys(desk)
    while True:
        _check(abort)
        kind, rows = local.next_push(desk, batch)
        if kind == "large":
            if identity_client.tx_unproven(desk, client, rows):
                return tally  # its person is not proved yet: it and the rest wait
            if _waits(desk, rows, blocked, tally):
                continue
            _push_large(desk, client, rows, batch=batch, abort=abort, tally=tally,
                        blocked=blocked)
        else:
            if not rows:
                return tally
            if blocked and _hold_dependents(desk, rows, blocked, tally):
                continue
            proven = identity_client.provable_prefix(client, rows)
            if not proven:
                return tally  # the next change's person is not proved yet: it waits
            rows = proven
            keep = [r for r in rows if not local.is_local_only(r)]
            skip = [r for r in rows if local.is_local_only(r)]
            if skip:
                local.mark_local_only(desk, skip)
            if not keep:
                continue
            try:
                _count(tally, keep, local.record_push(
                    desk, keep, client.push([local.wire_change(r) for r in keep])["results"]))
            except SyncError as exc:
                if not _parkable(exc):
                    raise
                _push_one_by_one(desk, client, keep, exc, blocked, tally)
        if progress:
            progress(tally["pushed"], max(total, tally["pushed"]), "push")


def _count(tally: dict[str, int], rows: list[dict[str, Any]], result: local.PushTally) -> None:
    tally["pushed"] += len(rows)
    tally["applied"] += result.applied
    tally["conflicts"] += result.conflicts
    tally["held"] += result.held
    tally["rejected"] += result.rejected
    tally["duplicates"] += result.duplicates


def _park(desk: Desk, tx_id: str, reason: str, blocked: set[tuple[str, str]],
          tally: dict[str, int], waits_for: str | None = None) -> None:
    from orderdesk.sync import parking

    parking.park(desk, tx_id, reason, waits_for=waits_for)
    blocked |= parking.parked_keys(desk)
    tally["parked"] += 1


def _waits(desk: Desk, tx_id: str, blocked: set[tuple[str, str]],
           tally: dict[str, int]) -> bool:
    """Park a large transaction that touches a parked one's rows."""
    if not blocked:
        return False
    from orderdesk.sync import parking

    for page, _local in local.large_tx_pages(desk, tx_id, 5000):
        for row in page:
            if (row["entity"], row["entity_id"]) in blocked:
                _park(desk, tx_id, "waits for a parked transaction", blocked, tally,
                      waits_for=_owner(desk, row, parking))
                return True
    return False


def _owner(desk: Desk, row: dict[str, Any], parking: Any) -> str | None:
    from sqlalchemy import select

    from orderdesk.models import Outbox

    with desk.read() as s:
        return s.scalar(select(Outbox.tx_id).where(
            Outbox.entity == row["entity"], Outbox.entity_id == row["entity_id"],
            Outbox.pushed_at.is_(None), Outbox.tx_id.in_(parking.parked_tx_ids()))
            .order_by(Outbox.seq).limit(1))


def _hold_dependents(desk: Desk, rows: list[dict[str, Any]], blocked: set[tuple[str, str]],
                     tally: dict[str, int]) -> bool:
    """Park the transactions of this batch that touch a parked transaction's rows."""
    from orderdesk.sync import parking

    waiting: dict[str, dict[str, Any]] = {}
    for row in rows:
        if (row["entity"], row["entity_id"]) in blocked and row["tx_id"] not in waiting:
            waiting[row["tx_id"]] = row
    for tx_id, row in waiting.items():
        _park(desk, tx_id, "waits for a parked transaction", blocked, tally,
              waits_for=_owner(desk, row, parking))
    return bool(waiting)


def _push_one_by_one(desk: Desk, client: SyncClient, rows: list[dict[str, Any]],
                     refusal: SyncError, blocked: set[tuple[str, str]],
                     tally: dict[str, int]) -> None:
    """A refused batch: send its transactions one at a time; park those refused alone."""
    txs: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        txs.setdefault(row["tx_id"], []).append(row)
    if len(txs) == 1:
        _park(desk, rows[0]["tx_id"], _reason(refusal), blocked, tally)
        return
    from orderdesk.sync import parking

    for tx_id, tx_rows in txs.items():
        hit = next((r for r in tx_rows if (r["entity"], r["entity_id"]) in blocked), None)
        if hit is not None:
            _park(desk, tx_id, "waits for a parked transaction", blocked, tally,
                  waits_for=_owner(desk, hit, parking))
            continue
        try:
            answer = client.push([local.wire_change(r) for r in tx_rows])
        except SyncError as exc:
            if not _parkable(exc):
                raise
            _park(desk, tx_id, _reason(exc), blocked, tally)
            continue
        _count(tally, tx_rows, local.record_push(desk, tx_rows, answer["results"]))


def _push_large(desk: Desk, client: SyncClient, tx_id: str, *, batch: int,
                abort: threading.Event | None, tally: dict[str, int],
                blocked: set[tuple[str, str]]) -> None:
    """Send one large transaction in pieces of `batch` changes. The server stages them
    and applies the whole at the last piece; until then nothing of it is acknowledged
    here, so a cut at any point resends (idempotently) from the first waiting piece."""
    size = local.large_tx_size(desk, tx_id)
    if size == 0:
        for _page, local_rows in local.large_tx_pages(desk, tx_id, batch):
            local.mark_local_only(desk, local_rows)
        return
    applied = False
    earlier: dict[str, dict[str, Any]] = {}
    for attempt in range(2):
        # The next piece is read from the outbox and put in wire form on a thread while
        # this one is at the server (pieces are disjoint runs of the outbox: what is
        # written here about one never changes how the next reads).
        for page, local_rows, wire in _one_ahead(_wired_pages(desk, tx_id, batch)):
            _check(abort)
            if local_rows:
                local.mark_local_only(desk, local_rows)
            if not page:
                continue
            try:
                answer = client.push_piece(tx_id, size, page[0]["position"], wire)
            except SyncError as exc:
                if not _parkable(exc):
                    raise
                _park(desk, tx_id, _reason(exc), blocked, tally)
                return
            if answer["state"] == "applied":
                applied = True
                # The piece that applied it answers for the others too (a server from
                # before that does not: they are asked for below).
                for change_id, seq, outcome, value, conflict_id, detail in \
                        answer.get("earlier") or ():
                    earlier[change_id] = {
                        "change_id": change_id, "seq": seq, "outcome": outcome,
                        "result_value": value, "conflict_id": conflict_id,
                        "detail": detail, "duplicate": False}
                _count(tally, page, local.record_push(desk, page, answer["results"]))
        if applied:
            break
        # Every piece was sent and the server still waits for some (its staging was
        # cleared meanwhile): send them all once more.
    if not applied:
        raise SyncError(status=0, message=f"transaction {tx_id} incomplete at the server",
                        path="/sync/push/piece")
    # Pieces sent before the last one were only staged: record their answers (from the
    # applying piece's answer, else asked for, as many a request as the server takes).
    for page, _local in local.large_tx_pages(desk, tx_id, OUTCOMES_BATCH):
        _check(abort)
        results = [earlier[r["change_id"]] for r in page if r["change_id"] in earlier]
        if len(results) < len(page):
            results = client.outcomes([r["change_id"] for r in page])["results"]
        _count(tally, page, local.record_push(desk, page, results))
        if len(results) < len(page):
            raise SyncError(status=0, message=f"transaction {tx_id}: answers missing",
                            path="/sync/outcomes")


def pull_all(desk: Desk, client: SyncClient, *, batch: int = PULL_BATCH,
             abort: threading.Event | None = None,
             progress: Progress | None = None) -> tuple[dict[str, int], Changes, int, int]:
    """Pull until caught up; each page is applied in its own transaction together with
    the new cursor, so an interrupted first download resumes where it stopped."""
    tally = dict(pulled=0, applied=0, skipped=0, conflicts=0)
    changes = Changes()
    since = start = local.cursor(desk)
    head = since
    while True:
        # The next page is fetched while this one is applied (the server builds it, the
        # network carries it, meanwhile). The pages end with the last one (returned
        # from here) or with a `resync` answer.
        for page in _one_ahead(_pull_pages(client, since, batch)):
            _check(abort)
            if page.get("resync"):
                break
            result = local.apply_pull(desk, page)
            _add_pulled(tally, result)
            changes = changes | result.changes
            since, head = page["next_cursor"], page["head"]
            if progress:
                progress(since - start, max(head - start, 1), "pull")
            if not page["has_more"]:
                return tally, changes, since, head
        # Below the server's pruned log: download the current rows, then pull on.
        got, more, since = full_download(desk, client, batch=batch, abort=abort,
                                         progress=progress)
        for key in tally:
            tally[key] += got[key]
        changes = changes | more
        start = since


def _pull_pages(client: SyncClient, since: int, batch: int) -> Iterator[dict[str, Any]]:
    """Pull pages from `since` until the last (or a `resync` answer). A page asked for
    while the one before it is still being applied says `held`: the station holds
    everything up to that page's start, not yet what the page before brings."""
    held: int | None = None
    while True:
        page = client.pull(since, batch, held)
        yield page
        if page.get("resync") or not page["has_more"]:
            return
        held, since = since, page["next_cursor"]


def _snapshot_pages(client: SyncClient, since: int, batch: int) -> Iterator[dict[str, Any]]:
    entity: str | None = None
    after: str | None = None
    while True:
        page = client.snapshot(entity, after, batch, since)
        yield page
        entity, after = page["next_entity"], page["next_after"]
        if entity is None:
            return


def _wired_pages(desk: Desk, tx_id: str, batch: int) -> Iterator[tuple[Any, Any, Any]]:
    for page, local_rows in local.large_tx_pages(desk, tx_id, batch):
        yield page, local_rows, [local.wire_change(r) for r in page]


_END = object()


def _one_ahead(items: Iterator[Any]) -> Iterator[Any]:
    """The items of `items`, each next one made on a thread of its own while the caller
    works on the one before: one request ahead, never more. Only that thread ever
    advances `items`, one step at a time, and the caller does not use the client
    meanwhile, so the client (one HTTP session) is never used by two threads at once.
    When the caller stops early (an error, an abort), the step under way is waited for."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="orderdesk-ahead") as pool:
        coming = pool.submit(next, items, _END)
        while True:
            item = coming.result()
            if item is _END:
                return
            coming = pool.submit(next, items, _END)
            yield item


def _add_pulled(tally: dict[str, int], result: local.PullTally) -> None:
    tally["pulled"] += result.received
    tally["applied"] += result.applied
    tally["skipped"] += result.skipped
    tally["conflicts"] += result.conflicts


def full_download(desk: Desk, client: SyncClient, *, batch: int = PULL_BATCH,
                  abort: threading.Event | None = None,
                  progress: Progress | None = None) -> tuple[dict[str, int], Changes, int]:
    """Download the server's current rows page by page (its log no longer reaches back
    to this station's cursor); returns the tally, the changes and the new cursor (the
    head the server had when the download began). Interrupted, it starts again at the
    next round: the cursor moves only at the end."""
    tally = dict(pulled=0, applied=0, skipped=0, conflicts=0)
    changes = Changes()
    since = local.cursor(desk)
    deletable = set(local.deletable_entities())
    seen: dict[str, set[str]] = {e: set() for e in deletable}
    head: int | None = None
    for page in _one_ahead(_snapshot_pages(client, since, batch)):
        _check(abort)
        head = page["head"] if head is None else head
        for change in page["changes"]:
            if change["entity"] in deletable:
                seen[change["entity"]].add(change["entity_id"])
        result = local.apply_snapshot_page(desk, page)
        _add_pulled(tally, result)
        changes = changes | result.changes
        if progress:
            progress(tally["pulled"], max(tally["pulled"] + 1, 1), "download")
    assert head is not None  # the generator always yields the first page
    local.finish_snapshot(desk, head, seen)
    return tally, changes | Changes(orders=True), head


def send_resolutions(desk: Desk, client: SyncClient) -> int:
    sent = 0
    for item in local.pending_resolutions(desk):
        try:
            conflict = client.resolve(item["id"], value=item["pending_value"],
                                      change_id=item["pending_change_id"],
                                      user=item["pending_user"])
        except SyncError as exc:
            if exc.facts.get("status") == 404:
                # A conflict only this station knows (a local clash): closed here.
                local.close_local_conflict(desk, item["id"], item["pending_value"],
                                           item["pending_user"])
                sent += 1
                continue
            if exc.facts.get("status") == 403:
                # The server refused this user's choice (not their field): it stays
                # pending here, visible, and the round goes on.
                continue
            if exc.facts.get("status") != 409:
                raise
            continue  # resolved elsewhere first: the pull brings the closed conflict
        local.record_resolution(desk, conflict)
        sent += 1
    return sent


def sync_once(desk: Desk, server_url: str | None = None, credentials: Credentials | None = None,
              *, client: SyncClient | None = None, station: str | None = None,
              abort: threading.Event | None = None, progress: Progress | None = None,
              push_batch: int = PUSH_BATCH, pull_batch: int = PULL_BATCH) -> SyncReport:
    """One push-and-pull round against the server. Raises SyncError (typed) on failure;
    whatever was acknowledged before the failure stays acknowledged."""
    started = time.perf_counter()
    own = client is None
    if client is None:
        if server_url is None:
            raise ValueError("server_url or client required")
        name = station or local.read_state(desk).get(local.K_STATION) or desk.station
        client = SyncClient(server_url, credentials or Credentials(), station=name)
    try:
        try:
            handshake(desk, client)
            identity_client.prepare(desk, client)  # person tokens (issue 13)
            resolutions = send_resolutions(desk, client)
            pushed = push_all(desk, client, batch=push_batch, abort=abort, progress=progress)
            pulled, changes, cursor, head = pull_all(desk, client, batch=pull_batch,
                                                     abort=abort, progress=progress)
            identity_client.anchor_trail(desk, client)  # 等保 S3/D2 (issue 13)
        except SyncError as exc:
            local.note_round(desk, exc.code)
            raise
        local.note_round(desk, None)
        local.trim_outbox_if_due(desk)
    finally:
        if own:
            client.close()
    if pushed["held"] or pushed["conflicts"] or pushed["parked"] or resolutions:
        changes = changes | Changes(orders=True, conflicts=True)
    return SyncReport(
        station=client.station, pushed=pushed["pushed"], push_applied=pushed["applied"],
        push_conflicts=pushed["conflicts"], push_held=pushed["held"],
        push_rejected=pushed["rejected"], duplicates=pushed["duplicates"],
        parked=pushed["parked"],
        resolutions=resolutions, pulled=pulled["pulled"], applied=pulled["applied"],
        skipped=pulled["skipped"], conflicts_received=pulled["conflicts"], cursor=cursor,
        head=head, pending=local.pending_count(desk),
        seconds=time.perf_counter() - started, changes=changes)
