"""The station's side of sync, on its SQLite cache: what to push, how to apply what came back.

No HTTP here (see client.py); every function is one local transaction, so a station
killed at any point loses nothing: the outbox row stays until the server's answer is
recorded, and the pull cursor moves in the same transaction as the rows it pulled.

Rule for applying a value from the server (pull, or the answer to a push): a field is
written only if the server sequence carrying it is newer than the one the station
already holds for that field (`sync_row_versions`). So pulled changes and push answers
may arrive in any interleaving and the station still ends with the server's value.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, ValidationFailed
from orderdesk.ids import uuid7
from orderdesk.models import Base, Outbox, SyncState, utcnow
from orderdesk.models.sync import RowVersion, SyncConflict
from orderdesk.sync import codec

K_UID = "sync.uid"
K_STATION = "sync.station"
K_NUMBER = "sync.station_number"
K_CURSOR = "sync.cursor"
K_SERVER = "sync.server_id"
K_LAST_SYNC = "sync.last_sync_at"
K_LAST_ERROR = "sync.last_error"

_RV = RowVersion.__table__
_CF = SyncConflict.__table__


# ---- sync_state ------------------------------------------------------------------------

def get_state(session: Session, key: str) -> str | None:
    return session.scalar(select(SyncState.value).where(SyncState.key == key))


def set_state(session: Session, key: str, value: str | None) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def read_state(desk: Desk) -> dict[str, str | None]:
    with desk.read() as s:
        return dict(s.execute(select(SyncState.key, SyncState.value)
                              .where(SyncState.key.like("sync.%"))).all())


def station_uid(desk: Desk) -> str:
    """A random id of this station database, made once."""
    with desk.write(sync_apply=True) as s:
        uid = get_state(s, K_UID)
        if uid is None:
            uid = uuid7()
            set_state(s, K_UID, uid)
        return uid


def order_prefix(number: int) -> str:
    return f"{number:02d}"


def install_identity(desk: Desk, number: int | None = None) -> None:
    """Give this desk's sessions the station's order-number prefix (SO-2026-03000001), so
    stations numbering orders offline never hand out the same number."""
    if number is None:
        value = read_state(desk).get(K_NUMBER)
        if not value:
            return
        number = int(value)
    # Desk offers no hook for session defaults; the sessionmaker copies `info` into
    # every session it makes, and next_order_no reads "order_no_prefix" from there.
    desk._sessions.configure(info={"order_no_prefix": order_prefix(number)})


def record_hello(desk: Desk, *, station: str, number: int, server_id: str) -> bool:
    """Store what the server said at hello; True when the server is a different one."""
    with desk.write(sync_apply=True) as s:
        previous = get_state(s, K_SERVER)
        set_state(s, K_STATION, station)
        set_state(s, K_NUMBER, str(number))
        set_state(s, K_SERVER, server_id)
        changed = previous is not None and previous != server_id
        if changed:
            # Another server (a restore, a move): start pulling from its beginning; the
            # row-version rule keeps newer local values.
            set_state(s, K_CURSOR, "0")
    install_identity(desk, number)
    return changed


# ---- outbox ----------------------------------------------------------------------------

def pending_count(desk: Desk) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(Outbox)
                        .where(Outbox.pushed_at.is_(None))) or 0


def outbox_batch(desk: Desk, limit: int) -> list[dict[str, Any]]:
    """The oldest waiting changes, ending on a transaction boundary (a transaction bigger
    than `limit` is returned whole on its own: see `next_push` for sending it in pieces).
    Parked transactions are left out."""
    kind, value = next_push(desk, limit)
    if kind == "large":
        with desk.read() as s:
            return [dict(r) for r in s.execute(select(Outbox.__table__).where(
                Outbox.pushed_at.is_(None), Outbox.tx_id == value)
                .order_by(Outbox.seq)).mappings()]
    return value


def _waiting(limit: int) -> Any:
    from orderdesk.sync import parking

    return (select(Outbox.__table__)
            .where(Outbox.pushed_at.is_(None), Outbox.tx_id.not_in(parking.parked_tx_ids()))
            .order_by(Outbox.seq).limit(limit))


def next_push(desk: Desk, limit: int) -> tuple[str, Any]:
    """What to send next: ("batch", rows) — whole transactions, at most `limit` changes,
    possibly none — or ("large", tx_id) for a transaction bigger than `limit`, which is
    sent in pieces (`large_tx_pages`)."""
    with desk.read() as s:
        rows = s.execute(_waiting(limit + 1)).mappings().all()
        if len(rows) <= limit:
            return "batch", [dict(r) for r in rows]
        last_tx = rows[limit - 1]["tx_id"]
        if rows[limit]["tx_id"] != last_tx:
            return "batch", [dict(r) for r in rows[:limit]]
        cut = next((i for i in range(limit - 1, -1, -1) if rows[i]["tx_id"] != last_tx), None)
        if cut is not None:
            return "batch", [dict(r) for r in rows[:cut + 1]]
        return "large", last_tx


def large_tx_size(desk: Desk, tx_id: str) -> int:
    """How many changes of a transaction go to the server (all but the local-only
    fields): the same count at every attempt, whatever was acknowledged meanwhile."""
    with desk.read() as s:
        total = 0
        for entity, field_name, n in s.execute(
                select(Outbox.entity, Outbox.field, func.count()).where(Outbox.tx_id == tx_id)
                .group_by(Outbox.entity, Outbox.field)):
            if (entity, field_name) not in codec.LOCAL_ONLY:
                total += n
        return total


def large_tx_pages(desk: Desk, tx_id: str, size: int) -> Any:
    """The transaction's waiting outbox rows in outbox order, about `size` at a time:
    yields (rows to send, local-only rows). Each row to send carries its `position`
    among all the rows the transaction sends (the same at every attempt)."""
    after = 0
    position = 0
    while True:
        with desk.read() as s:
            rows = [dict(r) for r in s.execute(
                select(Outbox.__table__).where(Outbox.tx_id == tx_id, Outbox.seq > after)
                .order_by(Outbox.seq).limit(size)).mappings()]
        if not rows:
            return
        after = rows[-1]["seq"]
        page, local_rows = [], []
        for row in rows:
            if is_local_only(row):
                if row["pushed_at"] is None:
                    local_rows.append(row)
                continue
            row["position"] = position
            position += 1
            if row["pushed_at"] is None:
                page.append(row)
        if page or local_rows:
            yield page, local_rows


#: How long an acknowledged outbox row stays at the station. The server has it (its
#: change log and audit trail); the station's own audit_log keeps the change for the
#: trail. Past this window nothing can ask for it again: a resend only ever concerns
#: rows not yet acknowledged, and a transaction with any such row is kept whole.
OUTBOX_KEEP_DAYS = 14
TRIM_CHUNK = 50_000
TRIM_EVERY_S = 3600.0
_last_trim: dict[str, float] = {}


def trim_outbox(desk: Desk, *, keep_days: int = OUTBOX_KEEP_DAYS,
                now: dt.datetime | None = None) -> int:
    """Delete outbox rows acknowledged more than `keep_days` ago (never a row of a
    transaction still partly waiting or parked); audited. Returns how many went."""
    from orderdesk.models.volume import ParkedTransaction
    from orderdesk.tracking import add_audit

    cutoff = (now or utcnow()) - dt.timedelta(days=keep_days)
    waiting = select(Outbox.tx_id).where(Outbox.pushed_at.is_(None))
    parked = select(ParkedTransaction.tx_id)
    deleted = 0
    while True:
        with desk.write(sync_apply=True) as s:
            # Small transactions: a station keeps working while a year is trimmed.
            doomed = select(Outbox.seq).where(
                Outbox.pushed_at.is_not(None), Outbox.pushed_at < cutoff,
                Outbox.tx_id.not_in(waiting), Outbox.tx_id.not_in(parked)).limit(TRIM_CHUNK)
            gone = s.execute(delete(Outbox).where(Outbox.seq.in_(doomed))).rowcount or 0
            deleted += gone
            if gone < TRIM_CHUNK:
                if deleted:
                    add_audit(s, action="outbox_trim", entity="outbox", field="pushed_at",
                              old=cutoff.isoformat(), new=f"{deleted} acknowledged rows")
                return deleted


def trim_outbox_if_due(desk: Desk) -> int:
    """trim_outbox at most once an hour per database (called after each sync round)."""
    import time

    now = time.monotonic()
    if now - _last_trim.get(desk.url, -TRIM_EVERY_S) < TRIM_EVERY_S:
        return 0
    _last_trim[desk.url] = now
    return trim_outbox(desk)


def wire_change(row: dict[str, Any]) -> dict[str, Any]:
    at = row["at"]
    return {"change_id": row["change_id"], "tx_id": row["tx_id"], "entity": row["entity"],
            "entity_id": row["entity_id"], "op": row["op"], "field": row["field"],
            "old_value": row["old_value"], "new_value": row["new_value"],
            "base_seq": row["base_seq"], "user": row["user"], "station": row["station"],
            "at": at.isoformat() if isinstance(at, dt.datetime) else at}


def is_local_only(row: dict[str, Any]) -> bool:
    return (row["entity"], row["field"]) in codec.LOCAL_ONLY


def mark_local_only(desk: Desk, rows: list[dict[str, Any]]) -> None:
    with desk.write(sync_apply=True) as s:
        s.execute(update(Outbox).where(Outbox.seq.in_([r["seq"] for r in rows]))
                  .values(pushed_at=utcnow()))


@dataclass(frozen=True)
class PushTally:
    applied: int = 0
    conflicts: int = 0
    held: int = 0
    rejected: int = 0
    duplicates: int = 0
    changed_locally: int = 0


def record_push(desk: Desk, rows: list[dict[str, Any]], results: list[dict[str, Any]]) -> PushTally:
    """Record the server's answer: the outbox rows are acknowledged, and the value the
    server ended with is written here where nothing newer was pulled for the field."""
    by_id = {r["change_id"]: r for r in rows}
    counts: dict[str, int] = defaultdict(int)
    with desk.write(sync_apply=True) as s:
        applier = _Applier(s)
        # Most answers only confirm a change (its row version moves); only held values
        # and edits are written back, so only their rows are loaded (a 200,000-change
        # import would otherwise load every row it made, once more).
        writes = {r["change_id"] for r in results
                  if r["outcome"] == "held" or (r["outcome"] in ("applied", "conflict")
                                                and by_id.get(r["change_id"], {}).get("op")
                                                != "insert")}
        applier.preload(rows, objects=False)
        applier.preload([r for r in rows if r["change_id"] in writes])
        for result in results:
            row = by_id.get(result["change_id"])
            if row is None:
                continue
            counts[result["outcome"]] += 1
            counts["duplicates"] += bool(result.get("duplicate"))
            if result["outcome"] in ("applied", "conflict", "held"):
                change = {"seq": result["seq"], "entity": row["entity"],
                          "entity_id": row["entity_id"], "op": row["op"], "field": row["field"],
                          "value": result["result_value"]}
                if result["outcome"] == "held" or row["op"] != "insert":
                    applier.apply(change)
                else:
                    applier.bump(row["entity"], row["entity_id"], "", result["seq"])
        applier.finish()
        answered = [r["change_id"] for r in results if r["change_id"] in by_id]
        for i in range(0, len(answered), 500):
            s.execute(update(Outbox).where(Outbox.change_id.in_(answered[i:i + 500]))
                      .values(pushed_at=utcnow()))
    return PushTally(applied=counts["applied"], conflicts=counts["conflict"],
                     held=counts["held"], rejected=counts["rejected"],
                     duplicates=counts["duplicates"], changed_locally=applier.changed)


# ---- applying server values --------------------------------------------------------------

def _model_for(entity: str) -> Any:
    # Called twice per pulled change: walking the registry each time cost more than the
    # insert itself (a 200,000-change pull spent a third of its time here).
    return codec.model_for(entity)


class _Queued:
    """A new row from the server waiting for the page's bulk insert: reads and writes of
    its fields (a later change of the same page) go to its values."""

    def __init__(self, values: dict[str, Any]) -> None:
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "deleted", False)

    def __getattr__(self, name: str) -> Any:
        return self.values.get(name)

    def __setattr__(self, name: str, value: Any) -> None:
        self.values[name] = value


_BULKABLE: dict[str, bool] = {}


def _bulkable(entity: str) -> bool:
    found = _BULKABLE.get(entity)
    if found is None:
        model = _model_for(entity)
        found = _BULKABLE[entity] = bool(
            model is not None and getattr(model, "__tracked__", False)
            and not getattr(model, "__redacted__", None)
            and len(model.__table__.primary_key.columns) == 1)
    return found


class _Applier:
    """Applies server values inside one local write transaction (ORM, so the tracking hook
    audits each changed field; `sync_apply` keeps them out of the outbox).

    With `bulk`, rows new to this station go in with one executemany per table at the
    end of the page (orderdesk.intake.bulk: the same audit rows the hook writes), which
    is what a first download or a large import from another station mostly is."""

    def __init__(self, session: Session) -> None:
        self.session = session
        # One flush at the end (finish), not one per lookup: the tracking hook then
        # audits the whole page in one pass.
        session.autoflush = False
        self.versions: dict[tuple[str, str, str], int] = {}
        self.dirty: dict[tuple[str, str, str], int] = {}
        self.loaded: set[tuple[str, str]] = set()
        # Rows of this page by (entity, id), loaded once or added here (None: no row).
        self.objects: dict[tuple[str, str], Any] = {}
        # Tables with rows added since the last flush: a row referring to one of them
        # flushes first (the unit of work does not order tables joined by a bare
        # foreign key without a relationship).
        self.unflushed: set[str] = set()
        self.changed = 0
        self.clashes = 0
        self.skipped = 0
        self.missing = 0
        self.entities: set[str] = set()
        self.bulk = False
        self.queued: dict[str, list[_Queued]] = defaultdict(list)

    def preload(self, changes: list[dict[str, Any]], *, objects: bool = True) -> None:
        """Row versions (and, with `objects`, the rows themselves) of these changes."""
        keys = {(c["entity"], c["entity_id"]) for c in changes} - self.loaded
        wanted: dict[str, list[str]] = defaultdict(list)
        for e, eid in keys:
            wanted[e].append(eid)
        # One entity per query (`entity = ?`, ids IN): the primary key is then the only
        # plan. With `entity IN (...)` and statistics from when the table was small,
        # SQLite scanned the whole table per chunk while a 200,000-change push answer
        # filled it (quadratic: 30 s of 50).
        for e, ids in wanted.items():
            for i in range(0, len(ids), 500):
                for eid, f, seq in self.session.execute(
                        select(_RV.c.entity_id, _RV.c.field, _RV.c.seq)
                        .where(_RV.c.entity == e, _RV.c.entity_id.in_(ids[i:i + 500]))):
                    self.versions[(e, eid, f)] = seq
        if not objects:
            return
        self.loaded |= keys
        # Load the rows themselves in one query per table (identity map).
        by_entity: dict[str, set[str]] = defaultdict(set)
        for e, eid in keys:
            by_entity[e].add(eid)
        for entity, ids in by_entity.items():
            model = _model_for(entity)
            if model is None:
                continue
            pk = list(model.__table__.primary_key.columns)
            if len(pk) != 1:
                continue
            id_list = [codec.decode_value(model.__table__, pk[0].name, i) for i in ids]
            for i in ids:
                self.objects.setdefault((entity, i), None)
            for j in range(0, len(id_list), 500):
                for obj in self.session.scalars(select(model).where(pk[0].in_(id_list[j:j + 500]))):
                    self.objects[(entity, str(getattr(obj, pk[0].key)))] = obj

    def held_seq(self, entity: str, entity_id: str, field: str | None) -> int:
        if (entity, entity_id) not in self.loaded:
            self.preload([{"entity": entity, "entity_id": entity_id}])
        return self.versions.get((entity, entity_id, field or ""), 0)

    def bump(self, entity: str, entity_id: str, field: str, seq: int) -> None:
        key = (entity, entity_id, field)
        if self.versions.get(key, 0) < seq:
            self.versions[key] = self.dirty[key] = seq

    def apply(self, change: dict[str, Any]) -> bool:
        """Write one server value if newer than what is held; True if it was written."""
        entity, entity_id, field, seq = (change["entity"], change["entity_id"],
                                         change.get("field"), change["seq"])
        if change["op"] == "resolve" or entity.startswith("sync_"):
            return False
        if self.held_seq(entity, entity_id, field if change["op"] == "update" else "") >= seq:
            self.skipped += 1
            return False
        model = _model_for(entity)
        if model is None:
            self.skipped += 1
            return False
        table = model.__table__
        pk = codec.primary_key(table, entity_id)
        ident = tuple(pk.values()) if len(pk) > 1 else next(iter(pk.values()))
        key = (entity, entity_id)
        if key in self.objects:
            obj = self.objects[key]
        else:
            obj = self.objects[key] = self.session.get(model, ident)
        value = change["value"]
        if change["op"] == "insert":
            values = codec.decode_row(table, value)
            if obj is None and self.bulk:
                obj = self.objects[key] = _Queued(values)
                self.queued[entity].append(obj)
                self.changed += 1
            elif obj is None:
                self._flush_for(table, values)
                self.unflushed.add(entity)
                obj = self.objects[key] = model(**values)
                self.session.add(obj)
                self.changed += 1
            else:
                for key, val in values.items():
                    if key not in pk and (entity, key) not in codec.LOCAL_ONLY \
                            and self.versions.get((entity, entity_id, key), 0) < seq \
                            and not codec.same(getattr(obj, key), val):
                        setattr(obj, key, val)
                        self.changed += 1
            self.bump(entity, entity_id, "", seq)
        elif change["op"] == "update":
            if obj is None:
                self.missing += 1
                return False
            val = codec.decode_text(table, field, value)
            self._flush_for(table, {field: val})
            if not codec.same(getattr(obj, field), val):
                setattr(obj, field, val)
                self.changed += 1
            self.bump(entity, entity_id, field, seq)
        elif change["op"] == "delete":
            if isinstance(obj, _Queued) and getattr(model, "__deletable__", False):
                object.__setattr__(obj, "deleted", True)
                self.objects[key] = None
                self.changed += 1
            elif obj is not None and getattr(model, "__deletable__", False):
                self.session.delete(obj)
                self.objects[key] = None
                self.changed += 1
            self.bump(entity, entity_id, "", seq)
        self.entities.add(entity)
        return True

    def apply_alone(self, change: dict[str, Any]) -> bool:
        """apply() in its own savepoint; a change that breaks a local constraint is set
        aside as a local conflict (kind local_clash) instead of failing the page."""
        self.session.flush()
        self.unflushed.clear()
        savepoint = self.session.begin_nested()
        try:
            done = self.apply(change)
            self.session.flush()
            self.unflushed.clear()
        except IntegrityError as exc:
            savepoint.rollback()
            self.objects.pop((change["entity"], change["entity_id"]), None)
            self.session.execute(insert(_CF).values(
                id=uuid7(), kind="local_clash", rule="not_applied", entity=change["entity"],
                entity_id=change["entity_id"], field=change.get("field"),
                kept_value=None, other_value=change.get("value"),
                other_change_id=change.get("change_id"), other_station=change.get("station"),
                other_user=change.get("user"), other_at=_parse_dt(change.get("at")),
                detail=str(exc.orig).splitlines()[0][:300], status="open",
                created_at=utcnow(), seq=change["seq"]))
            self.clashes += 1
            return False
        savepoint.commit()
        return done

    def _flush_for(self, table: Any, values: dict[str, Any]) -> None:
        if not self.unflushed:
            return
        for name, value in values.items():
            if value is None or name not in table.columns:
                continue
            if any(fk.column.table.name in self.unflushed
                   for fk in table.columns[name].foreign_keys):
                self.session.flush()
                self.unflushed.clear()
                return

    def _insert_queued(self) -> None:
        from orderdesk.intake.bulk import bulk_insert

        rank = codec.dependency_rank()
        for entity in sorted(self.queued, key=lambda e: rank.get(e, 999)):
            rows = [q.values for q in self.queued[entity] if not q.deleted]
            bulk_insert(self.session, _model_for(entity), rows)
        self.queued.clear()

    def finish(self) -> None:
        # New rows first (their tables in foreign-key order), then the ORM's updates,
        # which may point at them.
        self._insert_queued()
        self.session.flush()
        if not self.dirty:
            return
        from sqlalchemy.dialects import sqlite

        rows = [dict(entity=e, entity_id=i, field=f, seq=s, station=None)
                for (e, i, f), s in self.dirty.items()]

        def upsert(values: dict[str, Any]) -> Any:
            stmt = sqlite.insert(_RV).values(values)
            return stmt.on_conflict_do_update(
                index_elements=[_RV.c.entity, _RV.c.entity_id, _RV.c.field],
                set_={"seq": stmt.excluded.seq})

        # Through the driver: a first download writes a row version per row it gets.
        codec.write_many(self.session, upsert, _RV, rows)
        self.dirty.clear()


@dataclass(frozen=True)
class PullTally:
    received: int
    applied: int
    skipped: int
    missing: int
    conflicts: int
    changes: Changes


_ENTITY_CHANGES = {
    "orders": "orders", "order_lines": "orders", "order_channel_refs": "orders",
    "notes": "orders", "attachments": "orders", "status_events": "orders",
    "customers": "catalog", "products": "catalog", "customer_aliases": "catalog",
    "contacts": "catalog", "addresses": "catalog", "product_nicknames": "catalog",
    "bom_lines": "catalog", "stock": "stock", "receipts": "stock",
    "batches": "bindings", "batch_bindings": "bindings", "users": "users",
    "user_roles": "users", "settings": "settings", "dedup_pairs": "duplicates",
    "certificates": "certificates",
    # planning (issue 17): pulled machine rows refresh the planning tabs, not every order view
    "work_centres": "planning", "work_centre_shifts": "planning", "planned_downtime": "planning",
    "routings": "planning", "work_orders": "planning", "machine_logs": "planning",
    "inbound_shipments": "planning", "reschedules": "planning",
}


def _changes_for(entities: set[str], conflicts: bool) -> Changes:
    flags = {_ENTITY_CHANGES.get(e, "orders") for e in entities}
    if conflicts:
        flags.add("conflicts")
    return Changes(**{f: True for f in flags if f in Changes.__dataclass_fields__})


def apply_pull(desk: Desk, page: dict[str, Any]) -> PullTally:
    """Apply one page from the server and move the cursor, in one local transaction."""
    changes = page["changes"]
    if not changes and not page["conflicts"] and str(page["next_cursor"]) == \
            read_state(desk).get(K_CURSOR, None):
        # Nothing new: no write transaction (an idle round stays a read).
        return PullTally(received=0, applied=0, skipped=0, missing=0, conflicts=0,
                         changes=Changes())
    try:
        applier, applied = _apply_page(desk, page, careful=False)
    except IntegrityError:
        # A server row clashes with a local one on a unique key (a local row the server
        # rejected, e.g. the same customer code made at two stations while apart). Do
        # the page again change by change, set the clashing ones aside as local
        # conflicts, and keep going: a pull must never get stuck.
        applier, applied = _apply_page(desk, page, careful=True)
    return PullTally(received=len(changes), applied=applied, skipped=applier.skipped,
                     missing=applier.missing, conflicts=len(page["conflicts"]),
                     changes=_changes_for(applier.entities, bool(page["conflicts"])))


def _apply_page(desk: Desk, page: dict[str, Any], *, careful: bool,
                move_cursor: bool = True) -> tuple[_Applier, int]:
    changes = page["changes"]
    with desk.write(sync_apply=True) as s:
        applier = _Applier(s)
        # Bulk inserts when every new row of the page can go that way (never in the
        # change-by-change retry, which needs each change on its own).
        applier.bulk = not careful and all(_bulkable(c["entity"]) for c in changes
                                           if c["op"] == "insert")
        applier.preload(changes)
        if careful:
            applied = sum(applier.apply_alone(c) for c in changes)
        else:
            applied = sum(applier.apply(c) for c in changes)
        applier.finish()
        for conflict in page["conflicts"]:
            _upsert_conflict(s, conflict)
        if move_cursor:
            set_state(s, K_CURSOR, str(page["next_cursor"]))
    return applier, applied


# ---- full download (the station is below the server's pruned log) --------------------------

def apply_snapshot_page(desk: Desk, page: dict[str, Any]) -> PullTally:
    """Apply one page of the server's current rows (inserts carrying each row's newest
    sequence: only what is newer than what this station holds is written). The cursor
    does not move: until `finish_snapshot`, the next round starts the download again."""
    try:
        applier, applied = _apply_page(desk, page, careful=False, move_cursor=False)
    except IntegrityError:
        applier, applied = _apply_page(desk, page, careful=True, move_cursor=False)
    return PullTally(received=len(page["changes"]), applied=applied, skipped=applier.skipped,
                     missing=applier.missing, conflicts=len(page["conflicts"]),
                     changes=_changes_for(applier.entities, bool(page["conflicts"])))


def deletable_entities() -> list[str]:
    """Synchronised tables whose rows may be deleted (e.g. a user's role links)."""
    return [m.class_.__tablename__ for m in Base.registry.mappers
            if getattr(m.class_, "__tracked__", False)
            and getattr(m.class_, "__deletable__", False)]


def finish_snapshot(desk: Desk, head: int, seen: dict[str, set[str]]) -> int:
    """End a full download: rows of deletable tables the server no longer has are
    deleted here too (unless a local change to them still waits to be pushed), and the
    cursor moves to the snapshot's head. Returns how many rows were deleted."""
    removed = 0
    with desk.write(sync_apply=True) as s:
        for entity in deletable_entities():
            model = _model_for(entity)
            (col,) = model.__table__.primary_key.columns
            waiting = set(s.scalars(select(Outbox.entity_id).where(
                Outbox.entity == entity, Outbox.pushed_at.is_(None))))
            keep = seen.get(entity, set()) | waiting
            for obj in s.scalars(select(model)):
                if str(getattr(obj, col.key)) not in keep:
                    s.delete(obj)
                    removed += 1
        set_state(s, K_CURSOR, str(head))
    return removed


def _parse_dt(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value).replace(tzinfo=None)
        except ValueError:
            return None
    return value


def _upsert_conflict(session: Session, data: dict[str, Any]) -> None:
    values = {k: (_parse_dt(v) if k.endswith("_at") else v) for k, v in data.items()
              if k in _CF.c and not k.startswith("pending_")}
    exists = session.scalar(select(_CF.c.id).where(_CF.c.id == values["id"]))
    if exists:
        session.execute(update(_CF).where(_CF.c.id == values["id"]).values(**values))
        if values.get("status") == "resolved":
            session.execute(update(_CF).where(_CF.c.id == values["id"]).values(
                pending_value=None, pending_change_id=None, pending_user=None))
    else:
        session.execute(insert(_CF).values(**values))


def cursor(desk: Desk) -> int:
    return int(read_state(desk).get(K_CURSOR) or 0)


_last_noted: dict[str, tuple[float, str | None]] = {}
NOTE_EVERY_S = 30.0


def note_round(desk: Desk, error: str | None) -> None:
    """Remember the last good round (and the last error) in sync_state; an idle station
    syncing every few seconds writes it at most every NOTE_EVERY_S."""
    import time

    now = time.monotonic()
    previous = _last_noted.get(desk.url)
    if previous is not None and previous[1] == error and now - previous[0] < NOTE_EVERY_S:
        return
    _last_noted[desk.url] = (now, error)
    with desk.write(sync_apply=True) as s:
        if error is None:
            set_state(s, K_LAST_SYNC, utcnow().isoformat())
        set_state(s, K_LAST_ERROR, error)


# ---- conflicts for the UI ------------------------------------------------------------------

@dataclass(frozen=True)
class ConflictRow:
    id: str
    kind: str
    rule: str
    entity: str
    entity_id: str
    field: str | None
    order_id: str | None
    order_no: str | None
    base_value: Any
    kept_value: Any
    kept_station: str | None
    kept_user: str | None
    kept_at: dt.datetime | None
    other_value: Any
    other_station: str | None
    other_user: str | None
    other_at: dt.datetime | None
    detail: str | None
    status: str
    created_at: dt.datetime | None
    resolved_by: str | None
    resolved_at: dt.datetime | None
    resolution: Any
    pending: bool


def _load(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def list_conflicts(desk: Desk, *, open_only: bool = True,
                   order_id: str | None = None) -> list[ConflictRow]:
    """Conflicts known at this station, newest first (for the conflict panel and badges)."""
    from orderdesk.models import Order

    with desk.read() as s:
        query = select(_CF, Order.order_no).outerjoin(Order, Order.id == _CF.c.order_id)
        if open_only:
            query = query.where(_CF.c.status == "open")
        if order_id:
            query = query.where(_CF.c.order_id == order_id)
        rows = s.execute(query.order_by(_CF.c.seq.desc())).mappings().all()
    return [ConflictRow(
        id=r["id"], kind=r["kind"], rule=r["rule"], entity=r["entity"],
        entity_id=r["entity_id"], field=r["field"], order_id=r["order_id"],
        order_no=r["order_no"], base_value=_load(r["base_value"]),
        kept_value=_load(r["kept_value"]), kept_station=r["kept_station"],
        kept_user=r["kept_user"], kept_at=r["kept_at"], other_value=_load(r["other_value"]),
        other_station=r["other_station"], other_user=r["other_user"], other_at=r["other_at"],
        detail=r["detail"], status=r["status"], created_at=r["created_at"],
        resolved_by=r["resolved_by"], resolved_at=r["resolved_at"],
        resolution=_load(r["resolution"]), pending=r["pending_change_id"] is not None)
        for r in rows]


def open_conflict_count(desk: Desk) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(_CF).where(_CF.c.status == "open")) or 0


def choose_resolution(desk: Desk, conflict_id: str, *, keep: str | None = None,
                      value: Any = None) -> Changes:
    """A person decided a conflict here: remembered and sent with the next sync round
    (works offline). `keep` is "kept" or "other"; else `value` is the chosen value."""
    desk.require("order.read")
    if keep not in (None, "kept", "other"):
        raise ValidationFailed(field="keep", value=keep)
    with desk.write(sync_apply=True) as s:
        row = s.execute(select(_CF).where(_CF.c.id == conflict_id)).mappings().first()
        if row is None:
            raise NotFound(entity="conflict", key=conflict_id)
        if row["status"] != "open":
            raise ValidationFailed(field="conflict", value=conflict_id, reason="resolved")
        if keep == "kept":
            text = row["kept_value"]
        elif keep == "other":
            text = row["other_value"]
        else:
            if row["field"]:
                table = codec.table_for(row["entity"])
                try:
                    value = codec.decode_value(table, row["field"], value)
                except (ValueError, TypeError, ArithmeticError) as exc:
                    raise ValidationFailed(field=row["field"], value=value,
                                           reason="wrong_type") from exc
            text = codec.encode_text(value)
        s.execute(update(_CF).where(_CF.c.id == conflict_id).values(
            pending_value=text, pending_change_id=uuid7(),
            pending_user=desk.user.username if desk.user else "system"))
    return Changes(conflicts=True)


def pending_resolutions(desk: Desk) -> list[dict[str, Any]]:
    with desk.read() as s:
        return [dict(r) for r in s.execute(
            select(_CF.c.id, _CF.c.pending_value, _CF.c.pending_change_id, _CF.c.pending_user)
            .where(_CF.c.pending_change_id.is_not(None), _CF.c.status == "open")).mappings()]


def close_local_conflict(desk: Desk, conflict_id: str, value: str | None, user: str | None) -> None:
    with desk.write(sync_apply=True) as s:
        s.execute(update(_CF).where(_CF.c.id == conflict_id).values(
            status="resolved", resolved_by=user, resolved_at=utcnow(), resolution=value,
            pending_value=None, pending_change_id=None, pending_user=None))


def record_resolution(desk: Desk, conflict: dict[str, Any]) -> None:
    """The server accepted a resolution: store the closed conflict and its value here."""
    with desk.write(sync_apply=True) as s:
        _upsert_conflict(s, conflict)
        if conflict.get("field") and conflict.get("kind") != "rejected":
            applier = _Applier(s)
            applier.apply({"seq": conflict["seq"], "entity": conflict["entity"],
                           "entity_id": conflict["entity_id"], "op": "update",
                           "field": conflict["field"], "value": conflict["resolution"]})
            applier.finish()
