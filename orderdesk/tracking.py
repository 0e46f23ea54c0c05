"""The transactional outbox and audit trail, written by one SQLAlchemy flush hook.

Every flush of a tracked row adds, in the same transaction, one audit row per changed
field (one per inserted row) and the matching outbox rows for sync. Because it hangs on
the session, no service can forget it, and a rolled-back write leaves neither behind.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session

from orderdesk.errors import DeleteForbidden
from orderdesk.ids import uuid7
from orderdesk.models import AuditLog, Outbox
from orderdesk.models.base import utcnow

SKIP_FIELDS = {"updated_at"}


@dataclass(frozen=True)
class Actor:
    """Who is writing, from which station. Stored on each session as info['actor']."""

    user: str
    station: str


SYSTEM = Actor(user="system", station="local")


def encode(value: Any) -> Any:
    """A column value as JSON-safe data (dates ISO, decimals as text, bytes base64)."""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def dumps(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(encode(value), ensure_ascii=False)


def _audit_text(value: Any) -> str | None:
    # Audit rows are read by people: a file's bytes are summarised, not copied.
    if isinstance(value, bytes):
        return json.dumps(f"<{len(value)} bytes sha256:{hashlib.sha256(value).hexdigest()}>")
    return dumps(value)


def _columns(obj: Any) -> list[str]:
    return [attr.key for attr in inspect(obj).mapper.column_attrs]


def _fill_defaults(obj: Any) -> None:
    """Apply Python-side column defaults now, so the audit row shows the stored values."""
    mapper = inspect(obj).mapper
    for attr in mapper.column_attrs:
        col = attr.columns[0]
        if getattr(obj, attr.key) is not None or col.default is None:
            continue
        default = col.default
        if default.is_scalar:
            setattr(obj, attr.key, default.arg)
        elif default.is_callable:
            setattr(obj, attr.key, default.arg(None))


def _primary_key(obj: Any) -> str:
    state = inspect(obj)
    values = [getattr(obj, col.key) for col in state.mapper.primary_key]
    return ":".join(str(v) for v in values)


def is_tracked(obj: Any) -> bool:
    return getattr(type(obj), "__tracked__", False)


class _Chain:
    """Hash chain state for audit rows written through one session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.last: str | None = None
        self.loaded = False

    def tip(self) -> str | None:
        """The hash the next row links to (the newest audit row's, or this session's)."""
        if not self.loaded:
            self.last = self.session.connection().execute(
                select(AuditLog.hash).order_by(AuditLog.id.desc()).limit(1)
            ).scalar()
            self.loaded = True
        return self.last

    def advance(self, last: str | None) -> None:
        """Rows up to the one hashed `last` were linked by the caller (bulk writers
        that hash rows of one shape themselves, as audit_hash does)."""
        self.last = last
        self.loaded = True

    def link(self, row: dict[str, Any]) -> None:
        row["prev_hash"] = self.tip()
        row["hash"] = audit_hash(row)
        self.last = row["hash"]


def audit_hash(row: dict[str, Any] | AuditLog) -> str:
    """SHA-256 over the previous row's hash and this row's content."""
    get = row.get if isinstance(row, dict) else lambda k: getattr(row, k)
    at = get("at")
    parts = [
        get("prev_hash") or "",
        at.isoformat() if at else "",
        get("user") or "",
        get("station") or "",
        get("action"),
        get("entity") or "",
        get("entity_id") or "",
        get("field") or "",
        get("old_value") or "",
        get("new_value") or "",
        get("outcome") or "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def audit_chain(session: Session) -> _Chain:
    """The session's audit hash chain; bulk writers link their rows through it too."""
    chain = session.info.get("_audit_chain")
    if chain is None or chain.session is not session:
        chain = session.info["_audit_chain"] = _Chain(session)
    return chain


def add_audit(session: Session, *, action: str, entity: str | None = None,
              entity_id: str | None = None, field: str | None = None, old: Any = None,
              new: Any = None, outcome: str = "ok", actor: Actor | None = None) -> None:
    """Record an event that is not a row change (login, export, print, undo...)."""
    actor = actor or session.info.get("actor") or SYSTEM
    row = dict(
        at=utcnow(), user=actor.user, station=actor.station, action=action, entity=entity,
        entity_id=entity_id, field=field, old_value=_audit_text(old), new_value=_audit_text(new),
        outcome=outcome, tx_id=session.info.get("tx_id"),
    )
    audit_chain(session).link(row)
    session.connection().execute(insert(AuditLog.__table__), [row])


def _row_versions(session: Session, entity: str, entity_id: str) -> dict[str, int]:
    """Server sequence last pulled per field of a row ("" = its insert): the base of an edit."""
    from orderdesk.models.sync import RowVersion

    rows = session.connection().execute(
        select(RowVersion.field, RowVersion.seq).where(RowVersion.entity == entity,
                                                       RowVersion.entity_id == entity_id))
    return {field: seq for field, seq in rows}


def _redact(value: Any, field: str | None, redacted: frozenset[str]) -> Any:
    if value is None:
        return None
    if field is None and isinstance(value, dict):
        return {k: ("***" if k in redacted and v is not None else v) for k, v in value.items()}
    return "***" if field in redacted else value


def _record(session: Session, obj: Any, op: str, changes: list[tuple[str | None, Any, Any]],
            audits: list[dict[str, Any]], outbox: list[dict[str, Any]]) -> None:
    actor: Actor = session.info.get("actor") or SYSTEM
    tx_id = session.info.setdefault("tx_id", uuid7())
    entity = type(obj).__tablename__
    entity_id = _primary_key(obj)
    now = utcnow()
    chain = audit_chain(session)
    remote = session.info.get("sync_apply", False)
    versions = {} if remote or op == "insert" else _row_versions(session, entity, entity_id)
    redacted = getattr(type(obj), "__redacted__", frozenset())
    for field, old, new in changes:
        a_old, a_new = old, new
        if redacted:
            # Secrets (password hashes) travel to the server but never into the audit log.
            a_old, a_new = _redact(old, field, redacted), _redact(new, field, redacted)
        audit = dict(
            at=now, user=actor.user, station=actor.station, action=op, entity=entity,
            entity_id=entity_id, field=field, old_value=_audit_text(a_old),
            new_value=_audit_text(a_new), outcome="ok", tx_id=tx_id,
        )
        chain.link(audit)
        audits.append(audit)
        if remote:
            # Changes pulled from the server are already in its log: never echo them back.
            continue
        outbox.append(dict(
            change_id=uuid7(), tx_id=tx_id, entity=entity, entity_id=entity_id, op=op,
            field=field, old_value=dumps(old), new_value=dumps(new),
            base_seq=versions.get(field or "", versions.get("")) if field else
            max(versions.values(), default=None),
            user=actor.user, station=actor.station, at=now, pushed_at=None,
        ))


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    audits: list[dict[str, Any]] = []
    outbox: list[dict[str, Any]] = []
    for obj in list(session.new):
        if not is_tracked(obj):
            continue
        _fill_defaults(obj)
        values = {key: encode(getattr(obj, key)) for key in _columns(obj)}
        _record(session, obj, "insert", [(None, None, values)], audits, outbox)
    for obj in list(session.dirty):
        if not is_tracked(obj) or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        changes = []
        for key in _columns(obj):
            if key in SKIP_FIELDS:
                continue
            hist = state.attrs[key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if encode(old) == encode(new):
                continue
            changes.append((key, old, new))
        if changes:
            _record(session, obj, "update", changes, audits, outbox)
    for obj in list(session.deleted):
        if not is_tracked(obj):
            continue
        if not getattr(type(obj), "__deletable__", False):
            raise DeleteForbidden(entity=type(obj).__tablename__, id=_primary_key(obj))
        values = {key: encode(getattr(obj, key)) for key in _columns(obj)}
        _record(session, obj, "delete", [(None, values, None)], audits, outbox)
    # Plain inserts on the flush's own connection: same transaction, no ORM overhead.
    conn = session.connection()
    if audits:
        conn.execute(insert(AuditLog.__table__), audits)
    if outbox:
        conn.execute(insert(Outbox.__table__), outbox)


def install(session_factory: Any) -> None:
    """Attach the hook to a new sessionmaker.

    No `event.contains` guard: SQLAlchemy's event registry is keyed by id() of the
    sessionmaker's Session subclass, and a collected factory's entry can outlive it, so
    a fresh factory that reuses the address "contains" the hook without having it. That
    silently dropped audit and outbox rows of a second Desk in one process.
    """
    event.listen(session_factory, "before_flush", _before_flush)
