"""The review queue fills itself: after imports, after a sync pull, and by a background
scan when the app starts. Nothing waits for a command-line run.

- Imports call ``flag_new_orders`` inside their own transaction (orderdesk/intake).
- Orders that a sync pull wrote are remembered by the index hook (keys.before_commit
  calls ``note_pulled``); the sync round then calls ``refresh_after(desk)``, which checks
  them in a transaction of its own, so the pairs it finds are pushed like any other.
- ``background_scan(desk)`` runs off the UI thread at start-up and checks every order
  written to the station since the last scan (the first time: those created in the last
  90 days), in chunks of short transactions. What a closed app did not get to check
  after a pull is caught here.

Pairs are never decided here: they wait in the queue for sales (status 'open').
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import json
import logging

from sqlalchemy import func, literal_column, select

from orderdesk.changes import Changes
from orderdesk.models import Order, SyncState, utcnow

log = logging.getLogger(__name__)
FIRST_SCAN_DAYS = 90
# A station-local mark (sync_state is never synced): orders created after it are unchecked.
MARK_KEY = "dedup.scanned_until"

_lock = threading.Lock()
_pulled: dict[str, set[str]] = {}


def _url(desk_or_session: Any) -> str:
    engine = getattr(desk_or_session, "engine", None)
    if engine is None:
        engine = desk_or_session.get_bind().engine
    return str(engine.url)


def note_pulled(session: Any, order_ids: Iterable[str]) -> None:
    """Called by the index hook when a sync-apply transaction wrote these orders."""
    ids = {i for i in order_ids if i}
    if ids:
        with _lock:
            _pulled.setdefault(_url(session), set()).update(ids)


@dataclass(frozen=True)
class QueueRefresh:
    checked: int  # orders looked at
    flagged: int  # new possible-duplicate pairs put in the queue
    changes: Changes = field(default_factory=Changes)
    more: bool = False  # background_scan: call again, there are unchecked orders left


def refresh_after(desk: Any, order_ids: Iterable[str] | None = None,
                  source: str = "sync") -> QueueRefresh:
    """Check these orders (default: the ones the last sync pulls wrote) against all others
    and put possible duplicates in the review queue. Safe to call with nothing to do."""
    from orderdesk.dedup.engine import flag_new_orders

    with _lock:
        ids = set(order_ids or ()) | _pulled.pop(_url(desk), set())
    if not ids:
        return QueueRefresh(0, 0)
    try:
        with desk.write() as s:
            # Cancelled and merged-away orders carry no index rows: they find nothing.
            found: dict[str, float] = {}
            flag_new_orders(s, sorted(ids), source=source, timings=found)
            flagged = int(found.get("pairs", 0))
    except Exception:  # noqa: BLE001 - never break the sync loop that calls this
        # The sync round itself succeeded; these orders wait for the next round or the
        # start-up scan, which checks everything entered since its last run.
        with _lock:
            _pulled.setdefault(_url(desk), set()).update(ids)
        log.warning("duplicate check after sync postponed for %d orders", len(ids),
                    exc_info=True)
        return QueueRefresh(0, 0)
    return QueueRefresh(len(ids), flagged, Changes(duplicates=True) if flagged else Changes())


SCAN_CHUNK = 5000


def background_scan(desk: Any, now: dt.datetime | None = None,
                    chunk: int = SCAN_CHUNK) -> QueueRefresh:
    """Check the orders written to this station since the last scan (first time: those
    created in the last FIRST_SCAN_DAYS days), at most `chunk` per call, each call one
    short write transaction so that sales' own saves get in between. `more` says whether
    another call is needed. Meant for ctx.tasks at start-up.

    "Written to this station" is the SQLite row order, so orders a sync pull brought in
    (whose created_at is another station's, maybe older than the last scan) are included.
    """
    from orderdesk.dedup.engine import flag_new_orders

    now = now or utcnow()
    with desk.write() as s:
        conn = s.connection()
        sqlite = conn.dialect.name == "sqlite"
        mark_row = s.get(SyncState, MARK_KEY)
        mark: dict[str, Any] = {}
        if mark_row is not None and mark_row.value:
            try:
                mark = json.loads(mark_row.value)
            except ValueError:
                mark = {}
            if not isinstance(mark, dict):
                mark = {}
        live = (Order.cancelled.is_(False), Order.merged_into_id.is_(None))
        if sqlite:
            rowid = literal_column("orders.rowid")
            query = select(rowid, Order.id).where(*live).order_by(rowid).limit(chunk)
            if isinstance(mark.get("rowid"), int):
                query = query.where(rowid > mark["rowid"])
            else:
                query = query.where(Order.created_at >= now - dt.timedelta(days=FIRST_SCAN_DAYS))
            rows = conn.execute(query).all()
            ids = [r[1] for r in rows]
            new_mark: dict[str, Any] = {"rowid": rows[-1][0] if rows else mark.get("rowid", 0)}
            if not rows and not isinstance(mark.get("rowid"), int):
                new_mark = {"rowid": conn.execute(select(func.max(rowid))).scalar() or 0}
        else:
            since = now - dt.timedelta(days=FIRST_SCAN_DAYS)
            if isinstance(mark.get("created_at"), str):
                try:
                    since = dt.datetime.fromisoformat(mark["created_at"])
                except ValueError:
                    pass
            rows = conn.execute(select(Order.created_at, Order.id).where(
                Order.created_at >= since, *live).order_by(Order.created_at)).all()
            ids = [r[1] for r in rows]
            new_mark = {"created_at": now.isoformat()}
        found: dict[str, float] = {}
        if ids:
            flag_new_orders(s, ids, source="scan", timings=found)
        flagged = int(found.get("pairs", 0))
        value = json.dumps(new_mark)
        if mark_row is None:
            s.add(SyncState(key=MARK_KEY, value=value))
        else:
            mark_row.value = value
    more = sqlite and len(ids) >= chunk
    return QueueRefresh(len(ids), flagged, Changes(duplicates=True) if flagged else Changes(),
                        more=more)
