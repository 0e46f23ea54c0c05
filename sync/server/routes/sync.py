"""Sync endpoints: hello, push, pull, live (long-poll), conflicts.

Push applies a batch of whole station transactions in one server transaction; pull
reads after a cursor; live answers as soon as anything newer than `since` committed.
"""

from __future__ import annotations

import asyncio
import json
import time

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select

from orderdesk.models import Outbox, utcnow
from orderdesk.models.sync import SyncStation
from orderdesk.sync import codec
from orderdesk.sync.server import guard, identity, security, stations, store
from orderdesk.sync.server.deps import ServerState, access, caller, state
from orderdesk.sync.server.schemas import (
    ChangeResult,
    HelloIn,
    HelloOut,
    LiveOut,
    PullOut,
    OutcomesIn,
    PieceIn,
    PieceOut,
    PushIn,
    PushOut,
    ResolveIn,
    SnapshotOut,
)
from orderdesk.tracking import Actor, add_audit

router = APIRouter(prefix="/sync", tags=["sync"])
SYNC = security.SYNC
MAX_PULL = 5000


def _origin(request: Request) -> str:
    who = caller(request)
    origin = who.station if who.kind == "station" else request.headers.get("X-Station")
    if who.kind == "user" and who.station:
        # A person signed in at a station syncs as that station only (issue 13).
        if origin and origin != who.station:
            raise HTTPException(status_code=403, detail="X-Station differs from the station "
                                                        "this token was issued for / "
                                                        "X-Station 与令牌的工作站不符")
        origin = who.station
    if not origin:
        raise HTTPException(status_code=400,
                            detail="X-Station header required for a user's sync / "
                                   "用户同步需要 X-Station 头")
    if len(origin) > 60:
        raise HTTPException(status_code=400, detail="X-Station too long / X-Station 过长")
    return origin


@router.post("/hello", response_model=HelloOut, **access(SYNC))
def hello(body: HelloIn, request: Request, st: ServerState = Depends(state)) -> HelloOut:
    """First contact of a station database: its number (order-number prefix) and the
    server's id (a station notices when it is pointed at another server)."""
    who = caller(request)
    if who.kind == "station" and body.station != who.name:
        raise HTTPException(status_code=403, detail="station name differs from its key / "
                                                    "工作站名称与密钥不符")
    try:
        with st.desk.write(Actor(user=who.name, station=body.station)) as s:
            guard.hello_allowed(s, who, body.station)
            row = stations.hello(s, body.station, body.uid, who.name)
            number = row.number
            top = store.head(s)
    except guard.StationClaimed as exc:
        raise HTTPException(status_code=403, detail=str(exc))
    except stations.StationTaken:
        raise HTTPException(status_code=409, detail=(
            f"station name {body.station} is used by another station: choose another one "
            f"with --station NAME (orderdesk sync) or in the sync settings / 工作站名称 "
            f"{body.station} 已被其他工作站占用:请用 --station 名称(orderdesk sync)或在同步"
            f"设置中另选一个"))
    return HelloOut(station=body.station, number=number, server_id=st.server_id, head=top)


@router.post("/push", response_model=PushOut, **access(SYNC))
def push(body: PushIn, request: Request, st: ServerState = Depends(state)) -> PushOut:
    """Apply changes exactly once (by change id), whole transactions, in the given order."""
    origin = _origin(request)
    changes = [store.ChangeIn(**c.model_dump()) for c in body.changes]
    if changes:
        with st.desk.write(Actor(user=caller(request).name, station=origin),
                           sync_apply=True) as s:
            results = _apply_push(s, request, origin, changes)
            top = store.head(s)
    else:
        results = []
        with st.desk.read() as s:
            top = store.head(s)
    return PushOut(results=[ChangeResult(change_id=r.change_id, seq=r.seq, outcome=r.outcome,
                                         result_value=r.result_value,
                                         conflict_id=r.conflict_id, detail=r.detail,
                                         duplicate=r.duplicate) for r in results], head=top)


def _apply_push(s, request: Request, origin: str,  # type: ignore[no-untyped-def]
                changes: list[store.ChangeIn], *,
                values_checked: bool = False) -> list[store.ChangeOut]:
    """The one way station changes are applied (a plain push, and a large transaction
    when its last piece arrives): authorisation and identity checks live behind it.
    `values_checked`: every change passed guard.check_values already (staged pieces
    are checked as they arrive)."""
    if not values_checked:
        guard.check_values(changes)  # 400 for malformed values, before anything is stored
    guard.check_trust_keys(s, changes)  # quality proposes keys, the sysadmin approves
    with identity.acting(s, request):
        return store.push(s, origin, changes)


def _results(results: list[store.ChangeOut]) -> list[ChangeResult]:
    return [ChangeResult(change_id=r.change_id, seq=r.seq, outcome=r.outcome,
                         result_value=r.result_value, conflict_id=r.conflict_id,
                         detail=r.detail, duplicate=r.duplicate) for r in results]


@router.post("/push/piece", response_model=PieceOut, **access(SYNC))
def push_piece(body: PieceIn, request: Request, st: ServerState = Depends(state)) -> PieceOut:
    """One piece of a station transaction too large for one push. Pieces are staged
    (kept across restarts); the last one applies the whole transaction atomically,
    through the same path as a plain push. Resending a piece is a no-op."""
    origin = _origin(request)
    changes = [store.ChangeIn(**c.model_dump()) for c in body.changes]
    # 400 for malformed values as each piece arrives (the station parks the transaction
    # as at its last piece), so the last one does not check 200,000 changes at once.
    guard.check_values(changes)
    try:
        with st.desk.write(Actor(user=caller(request).name, station=origin),
                           sync_apply=True) as s:
            got = store.stage_piece(s, origin, body.tx_id, body.tx_size, body.start, changes,
                                    lambda whole: _apply_push(s, request, origin, whole,
                                                              values_checked=True))
            top = store.head(s)
    except store.PieceRefused as exc:
        raise HTTPException(status_code=422, detail=f"piece refused / 分段被拒绝: {exc}"[:300])
    if not got.earlier:
        return PieceOut(state=got.state, staged=got.staged, tx_size=body.tx_size,
                        results=_results(got.results), head=top)
    # The piece that applied the transaction also answers for the earlier pieces, in
    # `earlier` as [change_id, seq, outcome, result_value, conflict_id, detail] (an
    # applied insert without its value: the station has the row). Looking 200,000
    # answers up again by change id cost the server more than applying them. Written
    # as JSON directly: the PieceOut fields, and this one more.
    out = PieceOut(state=got.state, staged=got.staged, tx_size=body.tx_size,
                   results=_results(got.results), head=top).model_dump()
    out["earlier"] = [[r.change_id, r.seq, r.outcome, r.result_value, r.conflict_id,
                       r.detail] for r in got.earlier]
    return Response(json.dumps(out, ensure_ascii=False), media_type="application/json")


@router.post("/outcomes", response_model=PushOut, **access(SYNC))
def outcomes(body: OutcomesIn, request: Request, st: ServerState = Depends(state)) -> PushOut:
    """The answers the server gave to changes it already has (a large transaction's
    earlier pieces, once its last piece applied it)."""
    origin = _origin(request)
    with st.desk.read() as s:
        seen = store.known_outcomes(s, body.change_ids, origin, slim=True)
        top = store.head(s)
    # Fetched answers, not resent changes: not counted as "already known". Written as
    # JSON directly (the PushOut shape): a 200,000-change import asks for 200,000 of
    # them, and a model object per answer cost more than the lookup.
    results = [{"change_id": r.change_id, "seq": r.seq, "outcome": r.outcome,
                "result_value": r.result_value, "conflict_id": r.conflict_id,
                "detail": r.detail, "duplicate": False}
               for r in (seen.get(i) for i in body.change_ids) if r is not None]
    return Response(json.dumps({"results": results, "head": top}, ensure_ascii=False),
                    media_type="application/json")


def _publish_if_needed(st: ServerState) -> None:
    # Writes made straight on the server database (e.g. `orderdesk user add --db URL`)
    # wait in its outbox until something publishes them.
    with st.desk.read() as s:
        waiting = s.scalar(select(Outbox.seq).where(Outbox.pushed_at.is_(None)).limit(1))
    if waiting is not None:
        with st.desk.write():
            pass


@router.get("/pull", response_model=PullOut, **access(SYNC))
def pull(request: Request, since: int = Query(0, ge=0, le=guard.INT64_MAX),
         limit: int = Query(1000, ge=1, le=MAX_PULL),
         resync_ok: bool = Query(False),
         held: int | None = Query(None, ge=0, le=guard.INT64_MAX,
                                  description="How far the station has applied, when below "
                                              "`since` (it fetches a page ahead): its cursor "
                                              "for pruning is then this, not `since`."),
         st: ServerState = Depends(state)) -> PullOut:
    """Changes after `since` (the caller's own are left out), oldest first. Below the
    pruned log the answer says `resync` (the client downloads /sync/snapshot); a client
    that does not say `resync_ok` (a release before pruning) gets a clear 410 instead
    of an empty page it would take for "nothing new" forever."""
    origin = _origin(request)
    _publish_if_needed(st)
    with st.desk.read() as s:
        page = store.pull(s, since, limit, origin)
        row = s.execute(select(SyncStation.cursor, SyncStation.last_seen_at)
                        .where(SyncStation.name == origin)).first()
    if page.resync and not resync_ok:
        raise HTTPException(status_code=410, detail="this station is behind the server's "
                                                    "pruned change log and must download "
                                                    "again: update orderdesk / 工作站落后于"
                                                    "服务器已清理的变更记录,需重新下载:"
                                                    "请升级 orderdesk")
    # Only the station itself (its key, or a person signed in at it) moves its cursor,
    # and never past the head (pruning trusts the cursor).
    since = min(since, page.head, held if held is not None else since)
    if row is not None and guard.owns_station(caller(request), origin) and (
            row.cursor != since or row.last_seen_at is None
            or (utcnow() - row.last_seen_at).total_seconds() > 30):
        with st.desk.write(Actor(user="sync", station=origin)) as s:
            store.touch_station(s, origin, since)
    return PullOut(changes=page.changes, conflicts=page.conflicts, next_cursor=page.next_cursor,
                   head=page.head, has_more=page.has_more, resync=page.resync)


@router.get("/snapshot", response_model=SnapshotOut, **access(SYNC))
def snapshot(entity: str | None = Query(None, max_length=60),
             after: str | None = Query(None, max_length=64),
             limit: int = Query(1000, ge=1, le=MAX_PULL),
             since: int = Query(0, ge=0, le=guard.INT64_MAX),
             st: ServerState = Depends(state)) -> SnapshotOut:
    """The current rows, page by page (a station below the pruned log, or a new one
    after pruning, downloads them instead of the log; pull answers `resync` then)."""
    _publish_if_needed(st)
    try:
        with st.desk.read() as s:
            page = store.snapshot(s, entity, after, limit, since)
    except (codec.UnknownEntity, ValueError, TypeError):
        raise HTTPException(status_code=422, detail="unknown snapshot position / "
                                                    "快照位置无效")
    return SnapshotOut(changes=page.changes, conflicts=page.conflicts, head=page.head,
                       next_entity=page.next_entity, next_after=page.next_after)


@router.get("/live", response_model=LiveOut, **access(SYNC))
async def live(request: Request, since: int = Query(0, ge=0, le=guard.INT64_MAX),
               timeout: float = Query(25.0, ge=0, le=60),
               st: ServerState = Depends(state)) -> LiveOut:
    """Long-poll: answers as soon as a change newer than `since` is committed (checked
    every 0.2 s, across all workers, since it reads the database), else after `timeout`."""

    def read_head() -> int:
        with st.desk.read() as s:
            return store.head(s)

    deadline = time.monotonic() + timeout
    while True:
        top = await run_in_threadpool(read_head)
        if top > since:
            return LiveOut(head=top, changed=True)
        if time.monotonic() >= deadline or await request.is_disconnected():
            return LiveOut(head=top, changed=False)
        await asyncio.sleep(0.2)


@router.get("/conflicts", **access(SYNC))
def conflicts(status: str | None = Query("open", pattern="^(open|resolved)$"),
              st: ServerState = Depends(state)) -> list[dict]:
    """Conflicts (open by default), newest first."""
    with st.desk.read() as s:
        return store.list_conflicts(s, status)


@router.post("/conflicts/{conflict_id}/resolve", **access(SYNC))
def resolve(conflict_id: str, body: ResolveIn, request: Request,
            st: ServerState = Depends(state)) -> dict:
    """Close a conflict with the kept value, the other value, or a new one (`value` as
    JSON text; absent means null); the choice is a new change in the log (audited),
    idempotent by `change_id`."""
    who = caller(request)
    origin = _origin(request)
    user = (body.user or who.name) if who.kind == "station" else who.name
    try:
        with st.desk.write(Actor(user=user, station=origin), sync_apply=True) as s, \
                identity.acting(s, request) as acting:
            if who.kind == "station":
                # The resolver a station names must be a person it proved (issue 13).
                identity.check_actors(acting, [user])
            return store.resolve(s, conflict_id, value=body.value, keep=body.keep,
                                 change_id=body.change_id, user=user, station=origin,
                                 origin=origin)
    except (ValueError, TypeError, codec.UnknownEntity) as exc:
        raise HTTPException(status_code=422, detail=f"value does not fit the field / "
                                                    f"值与字段类型不符: {exc}"[:300])
    except identity.IdentityRefused as exc:
        raise HTTPException(status_code=403, detail=f"not allowed / 没有权限: {exc}"[:300])
    except store.ConflictGone:
        raise HTTPException(status_code=404, detail="no such conflict / 冲突不存在")
    except store.ResolutionRefused as exc:
        # Nothing of it was applied (rolled back); the refusal itself is in the trail.
        with st.desk.write(Actor(user=user, station=origin)) as s:
            add_audit(s, action="resolve_conflict", entity="sync_conflicts",
                      entity_id=conflict_id, outcome="refused", new=str(exc)[:300])
        raise HTTPException(status_code=403, detail=f"not allowed / 没有权限: {exc}"[:300])
    except store.ConflictClosed:
        raise HTTPException(status_code=409, detail="conflict already resolved / 冲突已处理")
