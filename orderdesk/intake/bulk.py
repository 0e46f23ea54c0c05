"""Fast inserts for imports: Core executemany, with the same audit and outbox rows.

The tracking hook (orderdesk/tracking.py) writes audit and outbox rows for objects the
ORM flushes. An import of 10,000 orders is 80,000 rows; through the unit of work that
costs tens of seconds, mostly in attribute bookkeeping. Here rows go in with Core in a
few executemany calls, and the audit rows (hash-chained through the session's chain)
and outbox rows are built exactly as the hook builds them for an ORM insert, in the
same transaction. Only for inserts of new rows; updates still go through the ORM.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import insert, inspect
from sqlalchemy.orm import Session

from orderdesk import tracking
from orderdesk.ids import uuid7, uuid7_batch
from orderdesk.models import AuditLog, Outbox
from orderdesk.models.base import utcnow


# Same output as tracking.dumps (json.dumps(..., ensure_ascii=False)), one encoder reused.
_json = json.JSONEncoder(ensure_ascii=False).encode


def bulk_insert(session: Session, model: type, rows: list[dict[str, Any]]) -> None:
    """Insert `rows` (column → value) of a tracked model with their audit and outbox rows."""
    if not rows:
        return
    mapper = inspect(model)
    columns = [(attr.key, attr.columns[0]) for attr in mapper.column_attrs]
    pk = [col.key for col in mapper.primary_key]
    # Each column's default decided once, not per row (a large import is 200,000 rows).
    fill = []
    for key, col in columns:
        default = col.default
        if default is not None and default.is_scalar:
            fill.append((key, 0, default.arg))
        elif default is not None and default.is_callable:
            fill.append((key, 1, default.arg))
        else:
            fill.append((key, 2, None))
    for row in rows:
        get = row.get
        for key, kind, arg in fill:
            if get(key) is None:
                row[key] = arg if kind == 0 else arg(None) if kind == 1 else None
    conn = session.connection()
    _executemany(conn, model.__table__, rows)
    if not getattr(model, "__tracked__", False):
        return
    actor = session.info.get("actor") or tracking.SYSTEM
    tx_id = session.info.setdefault("tx_id", uuid7())
    remote = session.info.get("sync_apply", False)
    chain = tracking.audit_chain(session)  # the session's audit hash chain, shared with the hook
    entity = model.__tablename__
    keys = [key for key, _ in columns]
    plain = (str, int, float, bool, type(None))
    encode = tracking.encode
    # One time and one batch of change ids per call: the rows are one flush of one
    # transaction (the hook, too, stamps a flush's rows alike).
    now = utcnow()
    user, station = actor.user, actor.station
    # Only columns whose values may be dates, decimals or bytes need encoding.
    maybe = [key for key, col in columns if _python_type(col) not in plain]
    pk0 = pk[0] if len(pk) == 1 else None
    # tracking.audit_hash over an insert's audit row: prev_hash, at, user, station,
    # action, entity, entity_id, field, old_value, new_value, outcome joined by \x1f.
    # Everything but the chain, the id and the value is the same on every row here, so
    # the text is assembled from one prefix (the same bytes audit_hash hashes; a test
    # checks the chain with audit_hash itself).
    middle = "\x1f".join((now.isoformat(), user or "", station or "", "insert", entity or "",
                          ""))
    prev = chain.tip()
    sha256 = hashlib.sha256
    audits: list[tuple] = []
    texts: list[tuple[str, str]] = []
    for row in rows:
        values = {key: row[key] for key in keys}
        for key in maybe:
            v = values[key]
            if not isinstance(v, plain):
                values[key] = encode(v)
        entity_id = str(row[pk0]) if pk0 is not None else ":".join(str(row[k]) for k in pk)
        # The hook's audit text and outbox value of an insert are the same JSON
        # (tracking._audit_text == tracking.dumps for anything but bytes): encode once.
        text = _json(values)
        digest = sha256(f"{prev or ''}\x1f{middle}{entity_id}\x1f\x1f\x1f{text}\x1fok"
                        .encode("utf-8")).hexdigest()
        audits.append((entity_id, text, prev, digest))
        texts.append((entity_id, text))
        prev = digest
    chain.advance(prev)
    _insert_columns(conn, AuditLog.__table__,
                    dict(at=now, user=user, station=station, action="insert", entity=entity,
                         field=None, old_value=None, outcome="ok", tx_id=tx_id),
                    ("entity_id", "new_value", "prev_hash", "hash"), audits)
    if not remote:
        _insert_columns(conn, Outbox.__table__,
                        dict(tx_id=tx_id, entity=entity, op="insert", field=None,
                             old_value=None, base_seq=None, user=user, station=station, at=now,
                             pushed_at=None),
                        ("change_id", "entity_id", "new_value"),
                        [(cid, eid, text) for cid, (eid, text)
                         in zip(sorted(uuid7_batch(len(texts))), texts)])


def _insert_columns(conn: Any, table: Any, same: dict[str, Any], varying: Sequence[str],
                    rows: list[tuple]) -> None:
    """Insert rows that differ only in the `varying` columns (each row a tuple of them,
    in that order); the `same` columns hold one value for all, converted once.

    Audit and outbox rows of one bulk insert share their time, actor, transaction and
    action: building a dictionary per row and converting each of its values again was
    a third of a large import's time."""
    if not rows:
        return
    dialect = conn.dialect
    names = [c.name for c in table.columns if c.name in same or c.name in varying]
    compiled = insert(table).values({n: None for n in names}).compile(dialect=dialect)
    procs = {n: table.columns[n].type._cached_bind_processor(dialect) for n in names}
    fixed = {n: (procs[n](v) if procs[n] else v) for n, v in same.items()}
    slot = {n: i for i, n in enumerate(varying)}
    if compiled.positional:
        order = list(compiled.positiontup)
        if all(procs[n] is None for n in varying):
            # Each parameter tuple: the shared values with the row's own put in place.
            template = [fixed.get(n) for n in order]
            places = [(i, slot[n]) for i, n in enumerate(order) if n in slot]
            params = []
            for row in rows:
                values = template[:]
                for i, j in places:
                    values[i] = row[j]
                params.append(tuple(values))
        else:
            params = [tuple(fixed[n] if n in fixed else
                            (procs[n](row[slot[n]]) if procs[n] else row[slot[n]])
                            for n in order) for row in rows]
    else:
        params = [{**fixed, **{n: (procs[n](row[i]) if procs[n] else row[i])
                               for n, i in slot.items()}} for row in rows]
    conn.exec_driver_sql(str(compiled), params)


def _executemany(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """One INSERT, many rows, straight to the driver's executemany.

    SQLAlchemy's per-row parameter processing costs more than SQLite's insert itself at
    this volume; here each column's own bind processor (the dialect's conversion of
    datetimes, decimals, booleans) is applied in one tight loop instead.
    """
    if not rows:
        return
    dialect = conn.dialect
    names = [c.name for c in table.columns if c.name in rows[0]]
    compiled = insert(table).values({n: None for n in names}).compile(dialect=dialect)
    procs = {n: _repeating(table.columns[n].type._cached_bind_processor(dialect))
             for n in names}
    if compiled.positional:
        # Column by column (map and zip run in C), then transposed into the driver's
        # parameter tuples: no Python loop over rows for columns needing no conversion.
        order = list(compiled.positiontup)
        columns = []
        for n in order:
            values = map(itemgetter(n), rows)
            columns.append(list(map(procs[n], values) if procs[n] is not None else values))
        params: list[Any] = list(zip(*columns))
    else:
        params = [{n: (procs[n](row[n]) if procs[n] else row[n]) for n in names}
                  for row in rows]
    conn.exec_driver_sql(str(compiled), params)


def id_source(batch: int = 5000) -> Iterator[str]:
    """Endless UUIDv7 keys, made a batch at a time (uuid7_batch): a bulk writer takes
    hundreds of thousands, and one uuid7() call each was a tenth of an import. Each
    batch sorted (its keys share a millisecond), so keys rise as rows are made and
    their index entries go in at the end."""
    while True:
        yield from sorted(uuid7_batch(batch))


def _repeating(fn: Any) -> Any:
    """A bind processor remembering its last value: the times of a flush repeat on
    every row (created_at, the audit's `at`), so each is converted once."""
    if fn is None:
        return None
    last: list[Any] = [object(), None]

    def convert(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, fn(value)
        return last[1]

    return convert


def _python_type(col: Any) -> Any:
    try:
        return col.type.python_type
    except NotImplementedError:
        return object
