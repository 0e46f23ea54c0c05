"""The server's side of sync, on an open write session: push, pull, publish, resolve.

Runs inside the request's one transaction (never commits itself). Every server write
transaction is serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped
advisory lock taken at BEGIN, see `orderdesk.sync.server.deskserver`), so the sequence
taken from `sync_counter` is handed out in commit order and a pull of `seq > cursor`
can never skip a change that commits later with a lower number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError, IntegrityError, StatementError
from sqlalchemy.orm import Session

from orderdesk.ids import uuid7
from orderdesk.json_rows import json_arrays
from orderdesk.large_writes import large_write
from orderdesk.models import AuditLog, Outbox, utcnow
from orderdesk.models.sync import ChangeLog, RowVersion, SyncConflict, SyncCounter, SyncStation
from orderdesk.sync import codec, rules
from orderdesk.sync.server.authorize import REFUSALS, Authorizer
from orderdesk.sync.server.guard import redact_change, redact_conflict, redact_row
from orderdesk.tracking import audit_chain, encode

SEQ = "seq"
STATION_NUMBER = "station_number"
SERVER_ORIGIN = "server"
_CL = ChangeLog.__table__
_RV = RowVersion.__table__
_CF = SyncConflict.__table__


# ---- counters ------------------------------------------------------------------------

def head(session: Session) -> int:
    """Newest committed sequence."""
    return session.scalar(select(SyncCounter.value).where(SyncCounter.name == SEQ)) or 0


def take(session: Session, name: str, n: int = 1) -> int:
    """Reserve n values of counter `name`; returns the first. Holds the row lock."""
    new = session.execute(update(SyncCounter).where(SyncCounter.name == name)
                          .values(value=SyncCounter.value + n)
                          .returning(SyncCounter.value)).scalar()
    if new is None:
        session.execute(insert(SyncCounter).values(name=name, value=n))
        new = n
    return new - n + 1


# ---- many rows at once -------------------------------------------------------------------

def _python_defaults(table: Any, names: set[str]) -> list[tuple[str, Any]] | None:
    """Columns missing from `names` whose Python-side default Core would fill (a station
    a release behind may not send a column): (name, scalar or callable). None when one
    is a SQL expression default, which only Core's own insert can render."""
    fill = []
    for col in table.columns:
        if col.name in names or col.default is None:
            continue
        if col.default.is_scalar:
            fill.append((col.name, col.default.arg))
        elif col.default.is_callable:
            fill.append((col.name, col.default.arg))
        else:
            return None
    return fill


# ---- row versions ----------------------------------------------------------------------

@dataclass
class _Versions:
    """Row versions of the rows a push touches, loaded once, written back at the end."""

    known: dict[tuple[str, str, str], tuple[int, str | None]] = field(default_factory=dict)
    dirty: dict[tuple[str, str, str], tuple[int, str | None]] = field(default_factory=dict)

    def load(self, session: Session, keys: set[tuple[str, str]]) -> None:
        wanted: dict[str, list[str]] = defaultdict(list)
        for e, eid in keys:
            wanted[e].append(eid)
        # One entity per query: `entity = ? AND entity_id IN (...)` can only be a primary
        # key search; a row-value IN was planned as a scan of the table on SQLite.
        for e, ids in wanted.items():
            for i in range(0, len(ids), 500):
                rows = session.execute(select(_RV.c.entity_id, _RV.c.field, _RV.c.seq,
                                              _RV.c.station)
                                       .where(_RV.c.entity == e,
                                              _RV.c.entity_id.in_(ids[i:i + 500])))
                for eid, f, seq, st in rows:
                    self.known[(e, eid, f)] = (seq, st)

    def get(self, entity: str, entity_id: str, field_name: str | None) -> tuple[int, str | None] | None:
        if field_name:
            found = self.known.get((entity, entity_id, field_name))
            if found:
                return found
        return self.known.get((entity, entity_id, ""))

    def set(self, entity: str, entity_id: str, field_name: str | None, seq: int,
            origin: str | None) -> None:
        key = (entity, entity_id, field_name or "")
        self.known[key] = self.dirty[key] = (seq, origin)

    def flush(self, session: Session) -> None:
        if not self.dirty:
            return
        rows = [dict(entity=e, entity_id=i, field=f, seq=s, station=o)
                for (e, i, f), (s, o) in self.dirty.items()]
        dialect = session.get_bind().dialect.name
        ins = postgresql.insert(_RV) if dialect == "postgresql" else sqlite.insert(_RV)
        codec.write_many(session, lambda values: _upsert_versions(ins.values(values)), _RV, rows)
        self.dirty.clear()


def _upsert_versions(ins: Any) -> Any:
    return ins.on_conflict_do_update(
        index_elements=[_RV.c.entity, _RV.c.entity_id, _RV.c.field],
        set_={"seq": ins.excluded.seq, "station": ins.excluded.station})


# ---- push --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChangeIn:
    change_id: str
    tx_id: str
    entity: str
    entity_id: str
    op: str
    field: str | None
    old_value: str | None
    new_value: str | None
    base_seq: int | None
    user: str | None
    station: str | None
    at: dt.datetime


@dataclass(frozen=True)
class ChangeOut:
    change_id: str
    seq: int
    outcome: str
    result_value: str | None
    conflict_id: str | None = None
    detail: str | None = None
    duplicate: bool = False


class _TxFailed(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass
class _Pending:
    """One change decided inside a transaction, waiting for its sequence number."""

    change: ChangeIn
    outcome: str
    result_value: str | None
    conflict: dict[str, Any] | None = None
    audit_old: str | None = None
    detail: str | None = None
    version_field: str | None = ""  # "" row, a field name, or None for no version
    audit_new: str | None = None


def _versioned(p: _Pending) -> bool:
    """Whether the change's value is now the server's (a held insert is: renumbered)."""
    return p.outcome in ("applied", "conflict") or (p.outcome == "held"
                                                    and p.change.op == "insert")


class _OrderNumbers:
    """Order numbers must stay unique across stations.

    A station numbers orders with the prefix the server gave it at its first hello; an
    order typed before that (a new station that started offline) carries no prefix, and
    two such stations can both hand out SO-2026-000001. Rejecting the second would leave
    a real order on one station only, so the server gives it the first free
    SO-2026-000001-2, -3, ... and answers "held": the station writes the new number back
    and the other stations pull the order with it; the audit rows keep both numbers.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.owner: dict[str, str | None] = {}   # number -> order id (None: free)
        self.claimed: list[str] = []             # numbers taken by the open transaction

    def preload(self, texts: Any) -> None:
        numbers = set()
        for text in texts:
            try:
                number = json.loads(text or "{}").get("order_no")
            except (ValueError, AttributeError):
                continue
            if isinstance(number, str):
                numbers.add(number)
        self._load([n for n in numbers if n not in self.owner])

    def _load(self, numbers: list[str]) -> None:
        from orderdesk.models import Order

        for i in range(0, len(numbers), 500):
            part = numbers[i:i + 500]
            self.owner.update(dict.fromkeys(part))
            self.owner.update(self.session.execute(
                select(Order.order_no, Order.id).where(Order.order_no.in_(part))).all())

    def _owner(self, number: str) -> str | None:
        if number not in self.owner:
            self._load([number])
        return self.owner[number]

    def claim(self, order_id: str, values: dict[str, Any]) -> bool:
        """Take the order's number, or a free variant of it; True when it was changed."""
        number = values.get("order_no")
        if not isinstance(number, str):
            return False
        owner = self._owner(number)
        changed = owner is not None and owner != order_id
        if changed:
            n = 2
            while self._owner(f"{number}-{n}") is not None:
                n += 1
            number = values["order_no"] = f"{number}-{n}"
        self.owner[number] = order_id
        self.claimed.append(number)
        return changed

    def keep(self) -> None:
        self.claimed.clear()

    def forget(self) -> None:
        """The transaction was rolled back: its numbers are free again."""
        for number in self.claimed:
            self.owner.pop(number, None)
        self.claimed.clear()


class _Batch:
    def __init__(self, session: Session, origin: str) -> None:
        self.session = session
        self.origin = origin
        self.versions = _Versions()
        self.logs: list[dict[str, Any]] = []
        self.conflicts: list[dict[str, Any]] = []
        self.audits: list[dict[str, Any]] = []
        self.results: list[ChangeOut] = []
        self.by_seq: dict[int, dict[str, Any]] = {}
        self.seq = 0
        self.tx_conflict: str | None = None
        # One receiving time for everything this push applies (a large transaction is
        # 200,000 changes received together; a clock read each was a second of its apply).
        self.received_at = utcnow()
        # Current server rows of what this push touches, loaded once: {(entity, id): row}
        # (None = no such row). Writes are queued and sent per table at the end of each
        # transaction (executemany), inside its savepoint.
        self.rows: dict[tuple[str, str], dict[str, Any] | None] = {}
        self.undo: dict[tuple[str, str], dict[str, Any] | None] = {}
        self.inserts: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.updates: dict[tuple[str, str], dict[Any, Any]] = {}
        self.rank = codec.dependency_rank()
        self.numbers = _OrderNumbers(session)
        self.authz = Authorizer(session)

    # -- one transaction of a station --------------------------------------------
    def apply_tx(self, changes: list[ChangeIn]) -> None:
        ordered = sorted(
            changes,
            key=lambda c: (0, self.rank.get(c.entity, 999)) if c.op == "insert" else (1, 0),
        )
        decided: list[_Pending] = []
        savepoint = self.session.begin_nested()
        snapshot = dict(self.versions.known)
        self.undo = {}
        self.authz.granted.clear()
        try:
            for change in ordered:
                pending = self._apply(change)
                decided.append(pending)
                if pending.version_field is not None and _versioned(pending):
                    # Visible to later changes of this transaction and batch.
                    self.versions.known[(change.entity, change.entity_id,
                                         pending.version_field)] = (-1, self.origin)
            self._flush_writes()
            mix = self.authz.role_mix_refusal()  # 三权分立, on the roles as written
            if mix is not None:
                raise _TxFailed(mix)
            savepoint.commit()
            self.numbers.keep()
        except (_TxFailed, IntegrityError, DataError, StatementError, codec.UnknownEntity,
                ValueError, TypeError, KeyError) as exc:
            savepoint.rollback()
            self.numbers.forget()
            self.inserts.clear()
            self.updates.clear()
            self.rows.update(self.undo)
            self.versions.known = snapshot
            detail = exc.detail if isinstance(exc, _TxFailed) else _describe(exc)
            decided = [self._rejected(change, detail, n == 0) for n, change in enumerate(ordered)]
        self.tx_conflict = None
        for pending in decided:
            self._commit_pending(pending)

    def _rejected(self, change: ChangeIn, detail: str, first: bool) -> _Pending:
        # One conflict row per rejected transaction (on its first change) explains it.
        # A refused value is kept as its hash and a short prefix (issue 13).
        from orderdesk.sync.server.guard import stub

        change = dataclasses.replace(change, old_value=stub(change.old_value),
                                     new_value=stub(change.new_value))
        conflict = dict(kind="rejected", rule=rules.RULE_NOT_APPLIED, other=change,
                        other_value=change.new_value, kept_value=None,
                        base_value=change.old_value,
                        detail=f"{detail} (tx {change.tx_id})") if first else None
        return _Pending(change, "rejected", None, conflict=conflict, detail=detail,
                        version_field=None, audit_new=change.new_value)

    def _commit_pending(self, p: _Pending) -> None:
        self.seq += 1
        seq = self.seq
        c = p.change
        conflict_id = None
        if p.conflict is not None:
            conflict_id = uuid7()
            self.conflicts.append(self._conflict_row(conflict_id, seq, p))
            if p.outcome == "rejected":
                self.tx_conflict = conflict_id
        elif p.outcome == "rejected" and p.detail != "row_missing":
            conflict_id = self.tx_conflict
        if p.version_field is not None and _versioned(p):
            self.versions.set(c.entity, c.entity_id, p.version_field, seq, self.origin)
        log = dict(seq=seq, change_id=c.change_id, tx_id=c.tx_id, entity=c.entity,
                   entity_id=c.entity_id, op=c.op, field=c.field, old_value=c.old_value,
                   new_value=c.new_value, result_value=p.result_value, base_seq=c.base_seq,
                   user=c.user, station=c.station, origin=self.origin, at=c.at,
                   received_at=self.received_at, outcome=p.outcome,
                   conflict_id=conflict_id)
        self.logs.append(log)
        self.by_seq[seq] = log
        self.audits.append(dict(
            at=log["received_at"], user=c.user, station=c.station or self.origin,
            action=c.op, entity=c.entity, entity_id=c.entity_id, field=c.field,
            old_value=p.audit_old if p.audit_old is not None else c.old_value,
            new_value=p.audit_new if p.audit_new is not None else p.result_value,
            outcome="ok" if p.outcome == "applied" else p.outcome, tx_id=c.tx_id))
        self.results.append(ChangeOut(c.change_id, seq, p.outcome, p.result_value, conflict_id,
                                      p.detail))

    def _conflict_row(self, conflict_id: str, seq: int, p: _Pending) -> dict[str, Any]:
        info = p.conflict or {}
        c = p.change
        kept_change = info.get("kept")
        other_change = info.get("other")
        prev = info.get("prev") or {}

        def who(change: ChangeIn | None, key: str) -> Any:
            if change is not None:
                return {"change_id": change.change_id, "station": change.station,
                        "user": change.user, "at": change.at}[key]
            return prev.get({"change_id": "change_id", "station": "station", "user": "user",
                             "at": "at"}[key])

        return dict(
            id=conflict_id, kind=info["kind"], rule=info["rule"], entity=c.entity,
            entity_id=c.entity_id, field=c.field, order_id=info.get("order_id"),
            base_value=info.get("base_value"), kept_value=info.get("kept_value"),
            kept_change_id=who(kept_change, "change_id"), kept_station=who(kept_change, "station"),
            kept_user=who(kept_change, "user"), kept_at=who(kept_change, "at"),
            other_value=info.get("other_value"),
            other_change_id=who(other_change, "change_id"),
            other_station=who(other_change, "station"), other_user=who(other_change, "user"),
            other_at=who(other_change, "at"), detail=info.get("detail"), status="open",
            created_at=utcnow(), seq=seq)

    # -- one change -------------------------------------------------------------------
    def _apply(self, c: ChangeIn) -> _Pending:
        if (c.entity, c.field) in codec.LOCAL_ONLY:
            return _Pending(c, "local", c.new_value, version_field=None)
        # The station checked its user's permission; the server checks again, on its own
        # user and role rows (a refusal rejects the whole station transaction).
        refusal = self.authz.refusal(c.entity, c.entity_id, c.field, c.op, c.user)
        if refusal is not None:
            raise _TxFailed(refusal)
        if c.entity in ("users", "user_roles"):
            self.authz.forget()  # a role granted here counts for the next transactions
        table = codec.table_for(c.entity)
        pk = codec.primary_key(table, c.entity_id)
        if c.op == "insert":
            values = codec.decode_row(table, c.new_value)
            if self._row(table, c.entity_id, pk) is None:
                renumbered = c.entity == "orders" and self.numbers.claim(c.entity_id, values)
                self._remember(c.entity, c.entity_id, dict(values))
                self.inserts[c.entity].append(values)
                if renumbered:
                    # "held": the station writes the server's row (its new number) back.
                    row = json.loads(c.new_value or "{}")
                    row["order_no"] = values["order_no"]
                    return _Pending(c, "held", json.dumps(row, ensure_ascii=False),
                                    version_field="", audit_old=c.new_value)
            return _Pending(c, "applied", c.new_value, version_field="")
        if c.op == "delete":
            self._flush_writes()
            return self._delete(c, table, _where(table, pk))
        if c.op != "update" or not c.field:
            raise _TxFailed(f"unknown operation {c.op!r}")
        if c.field not in table.columns or c.field in pk:
            raise codec.UnknownEntity(c.entity, c.field)
        cached = self._row(table, c.entity_id, pk)
        if cached is None:
            return _Pending(c, "rejected", None, version_field=None, detail="row_missing",
                            conflict=dict(kind="edit_deleted", rule=rules.RULE_NOT_APPLIED,
                                          other=c, other_value=c.new_value,
                                          base_value=c.old_value, detail="row_missing"))
        order_col = _order_column(table)
        row = (cached.get(c.field), cached.get(order_col.name) if order_col is not None else None)
        current = row[0]
        order_id = _order_id(c, table, row)
        incoming = codec.decode_text(table, c.field, c.new_value)
        key = (c.entity, c.field)
        if key in rules.ADDITIVE:
            old = codec.decode_text(table, c.field, c.old_value) or 0
            incoming = (current or 0) + ((incoming or 0) - old)
            self._write(table, pk, c.field, incoming, c.entity_id)
            return _Pending(c, "applied", codec.encode_text(incoming), version_field=c.field,
                            audit_old=codec.encode_text(current))
        version = self.versions.get(c.entity, c.entity_id, c.field)
        concurrent = (version is not None and version[1] != self.origin
                      and (c.base_seq is None or version[0] > c.base_seq))
        current_text = codec.encode_text(current)
        if not concurrent or codec.same(current, incoming):
            self._write(table, pk, c.field, incoming, c.entity_id)
            return _Pending(c, "applied", codec.encode_text(incoming), version_field=c.field,
                            audit_old=current_text)
        prev = self._writer_of(version[0])
        base = dict(order_id=order_id, base_value=c.old_value, prev=prev)
        if key in rules.STATUS_FIELDS:
            if rules.status_is_forward(c.entity, c.field, current, incoming):
                self._write(table, pk, c.field, incoming, c.entity_id)
                return _Pending(c, "applied", codec.encode_text(incoming), version_field=c.field,
                                audit_old=current_text)
            return _Pending(c, "held", current_text, version_field=None,
                            audit_old=current_text, audit_new=c.new_value,
                            conflict=dict(base, kind="status_backward",
                                          rule=rules.RULE_FORWARD_STATUS, kept_value=current_text,
                                          other=c, other_value=c.new_value))
        if key in rules.GUARDED or (key in rules.GUARDED_IF_BOUND and self._bound(c.entity_id)):
            return _Pending(c, "held", current_text, version_field=None,
                            audit_old=current_text, audit_new=c.new_value,
                            conflict=dict(base, kind="guarded", rule=rules.RULE_SERVER_KEPT,
                                          kept_value=current_text, other=c,
                                          other_value=c.new_value))
        self._write(table, pk, c.field, incoming, c.entity_id)
        return _Pending(c, "conflict", codec.encode_text(incoming), version_field=c.field,
                        audit_old=current_text,
                        conflict=dict(base, kind="concurrent_edit", rule=rules.RULE_LAST_ARRIVAL,
                                      kept=c, kept_value=codec.encode_text(incoming),
                                      other_value=current_text))

    def _delete(self, c: ChangeIn, table: Any, where: Any) -> _Pending:
        row = self.session.execute(select(*table.primary_key.columns).where(where)).first()
        if row is None:
            return _Pending(c, "applied", None, version_field="")
        newer = [v for (e, i, _f), v in self.versions.known.items()
                 if e == c.entity and i == c.entity_id and v[1] != self.origin
                 and (c.base_seq is None or v[0] > c.base_seq)]
        if newer and not getattr(_model_for(c.entity), "__deletable__", False):
            raise _TxFailed("delete_forbidden")
        if newer:
            return _Pending(c, "held", None, version_field=None,
                            conflict=dict(kind="edit_deleted", rule=rules.RULE_NOT_APPLIED,
                                          other=c, other_value=c.old_value,
                                          base_value=c.old_value, detail="edited_elsewhere"))
        self.session.execute(delete(table).where(where))
        self._remember(c.entity, c.entity_id, None)
        return _Pending(c, "applied", None, version_field="")

    def _write(self, table: Any, pk: dict[str, Any], field_name: str, value: Any,
               entity_id: str | None = None) -> None:
        key = (table.name, entity_id)
        row = self.rows.get(key)
        if entity_id is None or row is None or len(table.primary_key.columns) != 1:
            self._flush_writes()
            self.session.execute(update(table).where(_where(table, pk))
                                 .values({field_name: value}))
            if row is not None:
                self._remember(table.name, entity_id, {**row, field_name: value})
            return
        self._remember(table.name, entity_id, {**row, field_name: value})
        pk_value = row[table.primary_key.columns[0].name]
        self.updates.setdefault((table.name, field_name), {})[pk_value] = value

    def _remember(self, entity: str, entity_id: str, row: dict[str, Any] | None) -> None:
        key = (entity, entity_id)
        if key not in self.undo:
            self.undo[key] = self.rows.get(key)
        self.rows[key] = row

    def _row(self, table: Any, entity_id: str, pk: dict[str, Any]) -> dict[str, Any] | None:
        key = (table.name, entity_id)
        if key not in self.rows:
            found = self.session.execute(select(table).where(_where(table, pk))).mappings().first()
            self.rows[key] = dict(found) if found is not None else None
        return self.rows[key]

    def preload(self, changes: list[ChangeIn]) -> None:
        """Current rows of every single-key row the push touches, one query per table."""
        self.numbers.preload(c.new_value for c in changes
                             if c.entity == "orders" and c.op == "insert")
        wanted: dict[str, set[str]] = defaultdict(set)
        for c in changes:
            if (c.entity, c.entity_id) not in self.rows:
                wanted[c.entity].add(c.entity_id)
        for entity, ids in wanted.items():
            table = codec.Base.metadata.tables.get(entity)
            if table is None or entity.startswith("sync_") or len(table.primary_key.columns) != 1:
                continue
            col = table.primary_key.columns[0]
            try:
                keys = {codec.decode_value(table, col.name, i): i for i in ids}
            except (ValueError, TypeError):
                continue
            found: dict[str, dict[str, Any]] = {}
            key_list = list(keys)
            for i in range(0, len(key_list), 500):
                for row in self.session.execute(select(table).where(
                        col.in_(key_list[i:i + 500]))).mappings():
                    found[keys[row[col.name]]] = dict(row)
            for i in ids:
                self.rows[(entity, i)] = found.get(i)

    def _flush_writes(self) -> None:
        """Send the queued inserts (foreign-key order) and updates of this transaction."""
        from sqlalchemy import bindparam

        for entity in sorted(self.inserts, key=lambda e: self.rank.get(e, 999)):
            table = codec.Base.metadata.tables[entity]
            by_shape: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
            for values in self.inserts[entity]:
                by_shape[tuple(sorted(values))].append(values)
            for shape, rows in by_shape.items():
                fill = _python_defaults(table, set(shape))
                if fill is None:
                    self.session.execute(insert(table), rows)
                    continue
                for name, arg in fill:
                    for values in rows:
                        values[name] = arg(None) if callable(arg) else arg
                codec.write_many(self.session, insert(table).values, table, rows)
        self.inserts.clear()
        for (entity, field_name), values in self.updates.items():
            table = codec.Base.metadata.tables[entity]
            col = table.primary_key.columns[0]
            stmt = (update(table).where(col == bindparam("b_pk"))
                    .values({field_name: bindparam("b_v")}))
            self.session.execute(stmt, [{"b_pk": k, "b_v": v} for k, v in values.items()])
        self.updates.clear()

    def _writer_of(self, seq: int) -> dict[str, Any]:
        if seq in self.by_seq:
            return self.by_seq[seq]
        if seq < 0:
            return {}
        row = self.session.execute(select(_CL.c.change_id, _CL.c.station, _CL.c.user, _CL.c.at)
                                   .where(_CL.c.seq == seq)).first()
        return dict(row._mapping) if row else {}

    def _bound(self, line_id: str) -> bool:
        table = codec.Base.metadata.tables.get("batch_bindings")
        if table is None:
            return False
        return self.session.execute(
            select(table.c.id).where(table.c.order_line_id == line_id,
                                     table.c.active.is_(True)).limit(1)).first() is not None

    # -- end of batch ----------------------------------------------------------------
    def finish(self) -> None:
        if self.logs:
            codec.write_many(self.session, insert(_CL).values, _CL, self.logs)
            if self.conflicts:
                self.session.execute(insert(_CF), self.conflicts)
            chain = audit_chain(self.session)
            for audit in self.audits:
                chain.link(audit)
            codec.write_many(self.session, insert(AuditLog.__table__).values, AuditLog.__table__,
                        self.audits)
        self.versions.flush(self.session)


def _where(table: Any, pk: dict[str, Any]) -> Any:
    return and_(*[table.c[k] == v for k, v in pk.items()])


def _describe(exc: BaseException) -> str:
    if isinstance(exc, IntegrityError):
        return f"integrity: {str(exc.orig).splitlines()[0][:300]}"
    if isinstance(exc, codec.UnknownEntity):
        return f"unknown_entity: {exc}"
    return f"{type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}"


def _model_for(entity: str) -> Any:
    return codec.model_for(entity)


def _order_column(table: Any) -> Any:
    if table.name == "orders":
        return None
    return table.c.get("order_id")


def _order_id(c: ChangeIn, table: Any, row: Any) -> str | None:
    if table.name == "orders":
        return c.entity_id
    return row[1] if len(row) > 1 else None


def push(session: Session, origin: str, changes: list[ChangeIn]) -> list[ChangeOut]:
    """Apply a station's changes (whole transactions, in its order) exactly once.

    A change id seen before gets its original answer back, so a retried push (lost
    answer, station killed before it recorded the answer) applies nothing twice.
    """
    publish_outbox(session)
    ids = [c.change_id for c in changes]
    seen: dict[str, ChangeOut] = {}
    for i in range(0, len(ids), 500):
        for row in session.execute(select(_CL.c.change_id, _CL.c.seq, _CL.c.outcome,
                                          _CL.c.result_value, _CL.c.conflict_id)
                                   .where(_CL.c.change_id.in_(ids[i:i + 500]))):
            seen[row.change_id] = ChangeOut(row.change_id, row.seq, row.outcome,
                                            row.result_value, row.conflict_id, duplicate=True)
    fresh = [c for c in changes if c.change_id not in seen]
    batch = _Batch(session, origin)
    # Every fresh change gets exactly one log row: reserve their numbers up front.
    batch.seq = (take(session, SEQ, len(fresh)) - 1) if fresh else 0
    batch.versions.load(session, {(c.entity, c.entity_id) for c in fresh})
    batch.preload(fresh)
    txs: dict[str, list[ChangeIn]] = defaultdict(list)
    for c in fresh:
        txs[c.tx_id].append(c)
    for tx in txs.values():
        batch.apply_tx(tx)
    batch.finish()
    answers = {r.change_id: r for r in batch.results}
    answers.update(seen)
    return [answers[c.change_id] for c in changes]


# ---- changes made on the server itself ------------------------------------------------

def publish_outbox(session: Session, origin: str = SERVER_ORIGIN) -> int:
    """Move the server database's own outbox (intake API, admin, CLI) into the change log.

    These writes are already applied and audited by the tracking hook; here they only
    get their sequence, so stations pull them like any other change.
    """
    rows = session.execute(select(Outbox.__table__).where(Outbox.pushed_at.is_(None))
                           .order_by(Outbox.seq)).mappings().all()
    if not rows:
        return 0
    first = take(session, SEQ, len(rows))
    versions = _Versions()
    logs = []
    now = utcnow()
    for n, row in enumerate(rows):
        seq = first + n
        local = (row["entity"], row["field"]) in codec.LOCAL_ONLY
        result = row["new_value"]
        logs.append(dict(seq=seq, change_id=row["change_id"], tx_id=row["tx_id"],
                         entity=row["entity"], entity_id=row["entity_id"], op=row["op"],
                         field=row["field"], old_value=row["old_value"],
                         new_value=row["new_value"], result_value=result,
                         base_seq=row["base_seq"], user=row["user"], station=row["station"],
                         origin=origin, at=row["at"], received_at=now,
                         outcome="local" if local else "applied", conflict_id=None))
        if not local:
            versions.set(row["entity"], row["entity_id"], row["field"], seq, origin)
    session.execute(insert(_CL), logs)
    versions.flush(session)
    session.execute(update(Outbox).where(Outbox.seq.in_([r["seq"] for r in rows]))
                    .values(pushed_at=now))
    return len(rows)


# ---- pull ------------------------------------------------------------------------------

@dataclass(frozen=True)
class PullPage:
    changes: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    next_cursor: int
    head: int
    has_more: bool
    resync: bool = False


_PULL_COLS = (_CL.c.seq, _CL.c.change_id, _CL.c.tx_id, _CL.c.entity, _CL.c.entity_id,
              _CL.c.op, _CL.c.field, _CL.c.result_value, _CL.c.outcome, _CL.c.user,
              _CL.c.station, _CL.c.origin, _CL.c.at)
_CONFLICT_PUBLIC = [c for c in _CF.c if not c.name.startswith("pending_")]


def pull(session: Session, since: int, limit: int, origin: str | None) -> PullPage:
    """Changes after `since`, oldest first; the caller's own changes are left out (it
    learnt their outcome and result from its push answer), and so are rejected ones
    (nothing was applied; their conflict row travels and says why).

    A `since` below the pruned range (`pruned_through`) cannot be served from the log:
    the page then says `resync` and the station downloads the current rows instead
    (`snapshot`)."""
    top = head(session)
    if since < pruned_through(session) and since < top:
        return PullPage([], [], since, top, False, resync=True)
    query = select(*_PULL_COLS).where(_CL.c.seq > since, _CL.c.seq <= top,
                                      _CL.c.outcome.not_in(("local", "rejected")))
    if origin:
        query = query.where(_CL.c.origin != origin)
    rows = session.execute(query.order_by(_CL.c.seq).limit(limit)).mappings().all()
    has_more = len(rows) == limit
    next_cursor = rows[-1]["seq"] if has_more else top
    changes = [_wire_change(r) for r in rows]
    conflicts = [_wire_conflict(r) for r in session.execute(
        select(*_CONFLICT_PUBLIC).where(_CF.c.seq > since, _CF.c.seq <= next_cursor)
        .order_by(_CF.c.seq)).mappings()]
    return PullPage(changes, conflicts, next_cursor, top, has_more)


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def _wire_change(r: Any) -> dict[str, Any]:
    return redact_change({"seq": r["seq"], "change_id": r["change_id"], "tx_id": r["tx_id"],
            "entity": r["entity"], "entity_id": r["entity_id"], "op": r["op"],
            "field": r["field"], "value": r["result_value"], "outcome": r["outcome"],
            "user": r["user"], "station": r["station"], "origin": r["origin"],
            "at": _iso(r["at"])})


def _wire_conflict(r: Any) -> dict[str, Any]:
    return redact_conflict({k: (_iso(v) if isinstance(v, dt.datetime) else v)
                            for k, v in dict(r).items()})


def touch_station(session: Session, name: str, cursor: int | None) -> None:
    """Remember what a station confirmed holding (pruning never goes above the lowest)."""
    station = session.execute(select(SyncStation.id, SyncStation.cursor, SyncStation.last_seen_at)
                              .where(SyncStation.name == name)).first()
    if station is None:
        return
    now = utcnow()
    stale = station.last_seen_at is None or now - station.last_seen_at > dt.timedelta(seconds=30)
    if (cursor is not None and cursor != station.cursor) or stale:
        values: dict[str, Any] = {"last_seen_at": now}
        if cursor is not None:
            values["cursor"] = cursor
        session.execute(update(SyncStation).where(SyncStation.id == station.id).values(**values))


# ---- conflicts -------------------------------------------------------------------------

def list_conflicts(session: Session, status: str | None = "open",
                   limit: int = 500) -> list[dict[str, Any]]:
    query = select(*_CONFLICT_PUBLIC)
    if status:
        query = query.where(_CF.c.status == status)
    return [_wire_conflict(r) for r in
            session.execute(query.order_by(_CF.c.seq.desc()).limit(limit)).mappings()]


class ConflictGone(Exception):
    pass


class ConflictClosed(Exception):
    pass


class ResolutionRefused(Exception):
    """The resolving user may not write the field (server-side authorisation)."""


def resolve(session: Session, conflict_id: str, *, value: str | None, keep: str | None,
            change_id: str, user: str, station: str, origin: str) -> dict[str, Any]:
    """Close a conflict with a chosen value; the choice is a new change in the log.

    `keep` is "kept", "other" or None (then `value`, JSON text, is the chosen value).
    Idempotent by `change_id`.
    """
    row = session.execute(select(_CF).where(_CF.c.id == conflict_id)).mappings().first()
    if row is None:
        raise ConflictGone(conflict_id)
    if row["status"] == "resolved":
        if row["resolution_change_id"] == change_id:
            return _wire_conflict(row)
        raise ConflictClosed(conflict_id)
    if keep == "kept":
        value = row["kept_value"]
    elif keep == "other":
        value = row["other_value"]
    seq = None
    if row["field"] and row["kind"] != "rejected":
        table = codec.table_for(row["entity"])
        codec.decode_text(table, row["field"], value)  # refuse a value of the wrong type
        current = _current_version(session, row["entity"], row["entity_id"], row["field"])
        change = ChangeIn(change_id=change_id, tx_id=uuid7(), entity=row["entity"],
                          entity_id=row["entity_id"], op="update", field=row["field"],
                          old_value=row["kept_value"], new_value=value, base_seq=current,
                          user=user, station=station, at=utcnow())
        out = push(session, origin, [change])[0]
        if out.outcome == "rejected" and out.detail and out.detail.split(":")[0] in REFUSALS:
            raise ResolutionRefused(out.detail)
        if out.outcome not in ("applied", "conflict"):
            raise ConflictClosed(conflict_id)
        seq = out.seq
    if seq is None:
        seq = take(session, SEQ, 1)
        session.execute(insert(_CL).values(
            seq=seq, change_id=change_id, tx_id=uuid7(), entity="sync_conflicts",
            entity_id=conflict_id, op="resolve", field=None, old_value=None,
            new_value=value, result_value=value, base_seq=None, user=user, station=station,
            origin=origin, at=utcnow(), received_at=utcnow(), outcome="local"))
    session.execute(update(_CF).where(_CF.c.id == conflict_id).values(
        status="resolved", resolved_by=user, resolved_station=station, resolved_at=utcnow(),
        resolution=value, resolution_change_id=change_id, seq=seq))
    _chain_audit(session, user=user, station=station, entity="sync_conflicts",
                 entity_id=conflict_id, field=row["field"], old=row["kept_value"], new=value)
    return _wire_conflict(session.execute(select(*_CONFLICT_PUBLIC)
                                          .where(_CF.c.id == conflict_id)).mappings().one())


def _current_version(session: Session, entity: str, entity_id: str, field_name: str) -> int | None:
    rows = dict(session.execute(select(_RV.c.field, _RV.c.seq).where(
        _RV.c.entity == entity, _RV.c.entity_id == entity_id,
        _RV.c.field.in_([field_name, ""]))).all())
    return rows.get(field_name, rows.get(""))


def _chain_audit(session: Session, **facts: Any) -> None:
    from orderdesk.tracking import Actor, add_audit

    add_audit(session, action="resolve_conflict", entity=facts["entity"],
              entity_id=facts["entity_id"], field=facts["field"],
              old=None if facts["old"] is None else json.loads(facts["old"]),
              new=None if facts["new"] is None else json.loads(facts["new"]),
              actor=Actor(user=facts["user"], station=facts["station"]))


# ---- pruning and the full download ------------------------------------------------------

PRUNED = "pruned_through"
SNAPSHOT_BYTES = 4 * 1024 * 1024


def pruned_through(session: Session) -> int:
    """Every log row at or below this sequence may be gone (0: nothing was pruned)."""
    return session.scalar(select(SyncCounter.value).where(SyncCounter.name == PRUNED)) or 0


@dataclass(frozen=True)
class PruneResult:
    cut: int            # rows at or below this sequence were (or would be) deleted
    deleted: int
    lowest_cursor: int | None
    stations: int
    pruned_before: int


def prune(session: Session, *, keep_days: int = 30, dry_run: bool = False,
          now: dt.datetime | None = None, stale_days: int | None = None) -> PruneResult:
    """Delete change-log rows that every active registered station has pulled (all
    their cursors are at or past them) and that are older than `keep_days`.

    A station's cursor here is the `since` of its latest pull: what it confirmed
    holding. Never touches `audit_log` (the trail: hash-chained, kept by its own rules),
    the conflicts or the row versions. A station whose cursor is below the pruned range
    is answered `resync` by pull and downloads the current rows. Disabled stations do
    not hold pruning back (they cannot sync; enabled again, they re-download). With no
    active station nothing is pruned. A station pulls only after its push round
    succeeded, so a change whose answer it may still be waiting for is above its cursor
    and stays: retried pushes stay exactly-once. (A station database restored from an
    old backup that pushes again changes already pruned is the exception: the log no
    longer knows their ids.) A later concurrent edit of a field last written below the
    pruned range still makes its conflict with both values; only the earlier writer's
    name is then missing from it (the audit trail has it).

    `stale_days`: a station not seen for that long (or registered that long ago and
    never seen) no longer holds pruning back either, like a disabled one; if it comes
    back, its pull answers `resync` and it downloads the current rows. Without it one
    laptop that synced once and was never seen again would keep the whole log forever.
    """
    before = pruned_through(session)
    now = now or utcnow()
    holding = SyncStation.active.is_(True)
    if stale_days is not None:
        since = now - dt.timedelta(days=stale_days)
        holding = holding & (func.coalesce(SyncStation.last_seen_at,
                                           SyncStation.registered_at) >= since)
    cursors = [c for (c,) in session.execute(select(SyncStation.cursor).where(holding))]
    lowest = min(cursors) if cursors else None
    cut = 0
    if lowest:
        cutoff = now - dt.timedelta(days=keep_days)
        young = session.scalar(select(_CL.c.seq).where(_CL.c.received_at >= cutoff,
                                                       _CL.c.seq <= lowest)
                               .order_by(_CL.c.seq).limit(1))
        cut = lowest if young is None else young - 1
    deleted = 0
    if cut > 0:
        doomed = _CL.c.seq <= cut
        deleted = session.scalar(select(func.count()).select_from(_CL).where(doomed)) or 0
        if not dry_run:
            session.execute(delete(_CL).where(doomed))
            if cut > before and session.execute(
                    update(SyncCounter).where(SyncCounter.name == PRUNED)
                    .values(value=cut)).rowcount == 0:
                session.execute(insert(SyncCounter).values(name=PRUNED, value=cut))
    return PruneResult(cut=max(cut, before), deleted=deleted, lowest_cursor=lowest,
                       stations=len(cursors), pruned_before=before)


def snapshot_entities() -> list[str]:
    """Tables a station holds a copy of (the tracked ones), in foreign-key order."""
    rank = codec.dependency_rank()
    names = [m.class_.__tablename__ for m in codec.Base.registry.mappers
             if getattr(m.class_, "__tracked__", False)]
    return sorted(set(names), key=lambda n: rank.get(n, 999))


@dataclass(frozen=True)
class SnapshotPage:
    changes: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    head: int
    next_entity: str | None
    next_after: str | None


def snapshot(session: Session, entity: str | None, after: str | None,
             limit: int, since: int = 0) -> SnapshotPage:
    """One page of the current rows, as inserts a station applies like pulled ones.

    Walks the tracked tables in foreign-key order, each by primary key; `entity` and
    `after` (the last key of the previous page) say where to go on. Each row carries
    the newest sequence that wrote it (`sync_row_versions`), so the station's usual
    rule (write only what is newer than what it holds) applies. The first page also
    carries the open conflicts and every one changed after `since` (the station's
    cursor: a conflict it holds open may have been resolved meanwhile). `head` is read
    before any row: a station that has
    every page holds at least the state of `head` and pulls on from there.
    """
    top = head(session)
    names = snapshot_entities()
    if entity is None:
        entity = names[0]
        conflicts = [_wire_conflict(r) for r in session.execute(
            select(*_CONFLICT_PUBLIC).where((_CF.c.status == "open") | (_CF.c.seq > since))
            .order_by(_CF.c.seq)).mappings()]
    else:
        conflicts = []
    if entity not in names:
        raise codec.UnknownEntity(entity)
    changes: list[dict[str, Any]] = []
    size = 0
    index = names.index(entity)
    while True:
        table = codec.Base.metadata.tables[entity]
        (col,) = table.primary_key.columns
        query = select(table)
        if after is not None:
            query = query.where(col > codec.decode_value(table, col.name, after))
        rows = session.execute(query.order_by(col).limit(limit - len(changes))).mappings().all()
        ids = [str(r[col.name]) for r in rows]
        seqs: dict[str, int] = {}
        for i in range(0, len(ids), 500):
            for eid, seq in session.execute(
                    select(_RV.c.entity_id, _RV.c.seq).where(_RV.c.entity == entity,
                                                             _RV.c.entity_id.in_(ids[i:i + 500]))):
                seqs[eid] = max(seq, seqs.get(eid, 0))
        last = None
        for row, eid in zip(rows, ids):
            values = redact_row(entity, {k: encode(v) for k, v in row.items()
                                         if (entity, k) not in codec.LOCAL_ONLY})
            text = json.dumps(values, ensure_ascii=False)
            changes.append({"seq": max(seqs.get(eid, 0), 1), "change_id": None, "tx_id": None,
                            "entity": entity, "entity_id": eid, "op": "insert", "field": None,
                            "value": text, "outcome": "snapshot", "user": None,
                            "station": None, "origin": SERVER_ORIGIN, "at": None})
            size += len(text)
            last = eid
            if size >= SNAPSHOT_BYTES:
                break
        if len(changes) >= limit or size >= SNAPSHOT_BYTES:
            return SnapshotPage(changes, conflicts, top, entity, last)
        if index + 1 >= len(names):
            return SnapshotPage(changes, conflicts, top, None, None)
        index += 1
        entity, after = names[index], None


# ---- transactions larger than one request ------------------------------------------------

@dataclass(frozen=True)
class PieceResult:
    state: str                  # "staged" (waiting for more pieces) or "applied"
    staged: int                 # changes of the transaction staged so far
    results: list[ChangeOut]    # this piece's answers, once the transaction is applied
    # The other pieces' answers, when this piece applied the transaction (not when it
    # was applied before): the station records them without asking for each.
    earlier: list[ChangeOut] = field(default_factory=list)


class PieceRefused(Exception):
    """A piece that does not fit the transaction it names (a 422 for the station)."""


def known_outcomes(session: Session, change_ids: list[str],
                   origin: str | None = None, *, slim: bool = False) -> dict[str, ChangeOut]:
    """The original answers of changes already in the log (by change id); with
    `origin`, only of changes that station sent. `slim` leaves out the value of an
    insert applied as sent: the station has that row already (only its new version
    matters), and a large import's answers would otherwise carry every row back."""
    seen: dict[str, ChangeOut] = {}
    for i in range(0, len(change_ids), 500):
        # Only the change-id index: with `origin = ?` in SQL the planner may walk all of
        # a station's log through the origin index instead (a sampled ANALYZE can make
        # origin look selective), 0.4 s for 2,000 ids instead of milliseconds.
        query = (select(_CL.c.change_id, _CL.c.seq, _CL.c.outcome, _CL.c.result_value,
                        _CL.c.conflict_id, _CL.c.op, _CL.c.origin)
                 .where(_CL.c.change_id.in_(change_ids[i:i + 500])))
        for row in session.execute(query):
            if origin is not None and row.origin != origin:
                continue
            value = row.result_value
            if slim and row.op == "insert" and row.outcome == "applied":
                value = None
            seen[row.change_id] = ChangeOut(row.change_id, row.seq, row.outcome, value,
                                            row.conflict_id, duplicate=True)
    return seen


def stage_piece(session: Session, origin: str, tx_id: str, tx_size: int, start: int,
                changes: list[ChangeIn],
                apply: Any) -> PieceResult:
    """Stage one piece of a station transaction; at the last piece apply the whole.

    `apply(changes) -> list[ChangeOut]` is the normal push (authorisation, conflicts,
    identity checks all act on the whole transaction there, as for a small one). A
    piece resent after a cut is a no-op: staged rows are keyed by change id, and once
    the transaction is applied a resent piece gets its original answers back.
    """
    from orderdesk.models.volume import StagedChange

    # A piece is megabytes and the last one applies the whole transaction: a page cache
    # that holds it, and no WAL checkpoint inside the commit (one runs after it).
    large_write(session)
    staged_t = StagedChange.__table__
    if any(c.tx_id != tx_id for c in changes):
        raise PieceRefused("every change of a piece must carry its tx_id")
    # A station sends its transactions strictly in order and resends every piece of
    # one it tries again: pieces it staged for another transaction (one since parked,
    # or abandoned) are no longer needed, so a station never holds more than one.
    # (Two range deletes on the (origin, tx_id) index: `tx_id != ?` would visit every
    # row this transaction has staged so far at every piece, quadratic over a large one.)
    session.execute(delete(staged_t).where(staged_t.c.origin == origin,
                                           staged_t.c.tx_id < tx_id))
    session.execute(delete(staged_t).where(staged_t.c.origin == origin,
                                           staged_t.c.tx_id > tx_id))
    ids = [c.change_id for c in changes]
    seen = known_outcomes(session, ids)
    if seen:
        # Applied before (this piece is resent after the answer was lost); pieces staged
        # by an earlier attempt that then went whole in a plain push are dropped too.
        session.execute(delete(staged_t).where(staged_t.c.origin == origin,
                                               staged_t.c.tx_id == tx_id))
        return PieceResult("applied", tx_size, [seen[i] for i in ids if i in seen])
    announced = session.scalar(select(staged_t.c.tx_size).where(
        staged_t.c.origin == origin, staged_t.c.tx_id == tx_id).limit(1))
    if announced is not None and announced != tx_size:
        raise PieceRefused(f"tx {tx_id} was announced with {announced} changes, "
                           f"now {tx_size}")
    now = utcnow()
    rows = [dict(change_id=c.change_id, origin=origin, tx_id=tx_id, tx_size=tx_size,
                 position=start + n, payload=payload, received_at=now)
            for n, (c, payload) in enumerate(zip(changes, _piece_payloads(changes)))]
    dialect = session.get_bind().dialect.name
    ins = postgresql.insert(staged_t) if dialect == "postgresql" else sqlite.insert(staged_t)
    for i in range(0, len(rows), 500):
        session.execute(ins.on_conflict_do_nothing(index_elements=[staged_t.c.change_id]),
                        rows[i:i + 500])
    if start + len(changes) < tx_size:
        # Not the last piece (a station sends them in order, the last one last, also
        # when it resends): counting every piece would read the staging O(n^2).
        return PieceResult("staged", start + len(changes), [])
    count = session.scalar(select(func.count()).select_from(staged_t).where(
        staged_t.c.origin == origin, staged_t.c.tx_id == tx_id)) or 0
    if count < tx_size:
        return PieceResult("staged", count, [])
    if count > tx_size:
        raise PieceRefused(f"tx {tx_id}: {count} changes staged, {tx_size} announced")
    whole = [_from_payload(p) for (p,) in session.execute(
        select(staged_t.c.payload).where(staged_t.c.origin == origin,
                                         staged_t.c.tx_id == tx_id)
        .order_by(staged_t.c.position))]
    results = apply(whole)
    session.execute(delete(staged_t).where(staged_t.c.origin == origin,
                                           staged_t.c.tx_id == tx_id))
    wanted = set(ids)
    inserts = {c.change_id for c in whole if c.op == "insert"}
    # Slim, as known_outcomes(slim=True): an insert applied as sent without its row.
    earlier = [dataclasses.replace(r, result_value=None)
               if r.outcome == "applied" and r.change_id in inserts else r
               for r in results if r.change_id not in wanted]
    return PieceResult("applied", count, [r for r in results if r.change_id in wanted],
                       earlier)


_CHANGE_FIELDS = tuple(ChangeIn.__dataclass_fields__)
_AT = _CHANGE_FIELDS.index("at")


def _piece_payloads(changes: Sequence[ChangeIn]) -> list[str]:
    """Each staged change as a JSON array of its fields in ChangeIn's order (the time in
    ISO form), all of a piece at once."""
    columns = [[getattr(c, name) for c in changes] for name in _CHANGE_FIELDS]
    columns[_AT] = [at.isoformat() for at in columns[_AT]]
    return json_arrays(columns)


def _from_payload(text: str) -> ChangeIn:
    data = json.loads(text)
    if isinstance(data, dict):  # staged by a release that wrote objects
        data["at"] = dt.datetime.fromisoformat(data["at"])
        return ChangeIn(**data)
    data[_AT] = dt.datetime.fromisoformat(data[_AT])
    return ChangeIn(*data)
