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
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import insert, inspect
from sqlalchemy.orm import Session

from orderdesk import tracking
from orderdesk.convert_once import bind_processor, repeating
from orderdesk.ids import uuid7, uuid7_batch
from orderdesk.json_rows import json_objects
from orderdesk.sqlite_literals import literal, shared_literals
from orderdesk.models import AuditLog, Outbox
from orderdesk.models.base import utcnow


def bulk_insert(session: Session, model: type, rows: list[dict[str, Any]]) -> None:
    """Insert `rows` (column → value) of a tracked model with their audit and outbox rows.

    Missing values are filled with the column defaults, in the row dictionaries too."""
    if not rows:
        return
    mapper = inspect(model)
    columns = [(attr.key, attr.columns[0]) for attr in mapper.column_attrs]
    pk = [col.key for col in mapper.primary_key]
    # Column by column rather than row by row: a large import is 200,000 rows of 15
    # columns, and a list comprehension per column costs a fraction of a Python loop
    # per value. Each column's default is decided once.
    values: dict[str, list[Any]] = {}
    for key, col in columns:
        found = [row.get(key) for row in rows]
        default = col.default
        if default is not None and None in found and (default.is_scalar or default.is_callable):
            for i, value in enumerate(found):
                if value is None:
                    found[i] = rows[i][key] = (default.arg if default.is_scalar
                                               else default.arg(None))
        values[key] = found
    conn = session.connection()
    _executemany(conn, model.__table__, [(col, values[key]) for key, col in columns])
    if not getattr(model, "__tracked__", False):
        return
    actor = session.info.get("actor") or tracking.SYSTEM
    tx_id = session.info.setdefault("tx_id", uuid7())
    remote = session.info.get("sync_apply", False)
    chain = tracking.audit_chain(session)  # the session's audit hash chain, shared with the hook
    entity = model.__tablename__
    keys = [key for key, _ in columns]
    # One time and one batch of change ids per call: the rows are one flush of one
    # transaction (the hook, too, stamps a flush's rows alike).
    now = utcnow()
    user, station = actor.user, actor.station
    # The JSON of each row's values as tracking.encode gives them (dates ISO, decimals
    # as text); only columns whose values may be such need encoding.
    encoded = [values[key] if _python_type(col) in _PLAIN else _encoded(values[key])
               for key, col in columns]
    if len(pk) == 1:
        entity_ids = [str(v) for v in values[pk[0]]]
    else:
        entity_ids = [":".join(str(v) for v in parts)
                      for parts in zip(*(values[k] for k in pk))]
    # The hook's audit text and outbox value of an insert are the same JSON
    # (tracking._audit_text == tracking.dumps for anything but bytes): encode once.
    texts = json_objects(keys, encoded)
    # tracking.audit_hash over an insert's audit row: prev_hash, at, user, station,
    # action, entity, entity_id, field, old_value, new_value, outcome joined by \x1f.
    # Everything but the chain, the id and the value is the same on every row here, so
    # the text is assembled from one prefix (the same bytes audit_hash hashes; a test
    # checks the chain with audit_hash itself).
    middle = "\x1f".join((now.isoformat(), user or "", station or "", "insert", entity or "",
                          ""))
    prev = chain.tip()
    sha256 = hashlib.sha256
    prevs: list[str | None] = []
    digests: list[str] = []
    for entity_id, text in zip(entity_ids, texts):
        prevs.append(prev)
        prev = sha256(f"{prev or ''}\x1f{middle}{entity_id}\x1f\x1f\x1f{text}\x1fok"
                      .encode("utf-8")).hexdigest()
        digests.append(prev)
    chain.advance(prev)
    audit_ids = None if remote else _AuditIds(conn)
    _insert_columns(conn, AuditLog.__table__,
                    dict(at=now, user=user, station=station, action="insert", entity=entity,
                         field=None, old_value=None, outcome="ok", tx_id=tx_id),
                    dict(entity_id=entity_ids, new_value=texts, prev_hash=prevs, hash=digests))
    if audit_ids is None:
        return
    same = dict(tx_id=tx_id, entity=entity, op="insert", field=None, old_value=None,
                base_seq=None, user=user, station=station, at=now, pushed_at=None)
    change_ids = sorted(uuid7_batch(len(texts)))
    first = audit_ids.first_of(len(texts))
    if first is None or not _outbox_from_audit(conn, first, change_ids, same):
        _insert_columns(conn, Outbox.__table__, same,
                        dict(change_id=change_ids, entity_id=entity_ids, new_value=texts))


class _AuditIds:
    """The ids SQLite gave the audit rows one executemany inserted: a rowid table takes
    max(rowid) + 1 for each new row, so under the write lock they are the run after the
    largest id before; checked by the largest id after (None when that fails to hold)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.before = self._largest() if dialect_is_sqlite(conn) else None

    def _largest(self) -> int:
        return int(self.conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM audit_log")
                   .scalar())

    def first_of(self, count: int) -> int | None:
        if self.before is None or self._largest() != self.before + count:
            return None
        return self.before + 1


def _outbox_from_audit(conn: Any, first: int, change_ids: list[str],
                       same: dict[str, Any]) -> bool:
    """Outbox rows of a bulk insert copied by SQLite from its audit rows (ids `first`
    on, in order; the outbox value of an insert is its audit text): only the change ids
    go in, as one JSON array. Binding the 600-byte values and entity ids again, row by
    row, was most of the outbox's cost. False (nothing written) when a shared value has
    no exact literal or SQLite lacks JSON functions."""
    if sqlite3.sqlite_version_info < (3, 38):
        return False
    table = Outbox.__table__
    dialect = conn.dialect
    inline: dict[str, str] = {}
    for name, value in same.items():
        proc = table.columns[name].type._cached_bind_processor(dialect)
        text = literal(proc(value) if proc else value)
        if text is None:
            return False
        inline[name] = text
    names = list(inline)
    conn.exec_driver_sql(
        f"INSERT INTO outbox (change_id, entity_id, new_value, "
        f"{', '.join(map(dialect.identifier_preparer.quote, names))}) "
        f"SELECT j.value, a.entity_id, a.new_value, {', '.join(inline[n] for n in names)} "
        "FROM json_each(?) AS j JOIN audit_log AS a ON a.id = ? + j.key",
        (json.dumps(change_ids), first))
    return True


_PLAIN = (str, int, float, bool, type(None))


def _encoded(column: list[Any]) -> list[Any]:
    """tracking.encode over one column's values. The times of a flush are one object on
    every row (created_at, updated_at), so a value that is the previous one is not
    encoded again."""
    encode = tracking.encode
    plain = _PLAIN
    out: list[Any] = []
    last: Any = object()
    text: Any = None
    for value in column:
        if value is not last:
            last = value
            text = value if isinstance(value, plain) else encode(value)
        out.append(text)
    return out


def _insert_columns(conn: Any, table: Any, same: dict[str, Any],
                    varying: dict[str, list[Any]]) -> None:
    """Insert rows that differ only in the `varying` columns (column name → the rows'
    values); the `same` columns hold one value for all, converted once.

    Audit and outbox rows of one bulk insert share their time, actor, transaction and
    action: building a dictionary per row and converting each of its values again was
    a third of a large import's time."""
    if not varying or not next(iter(varying.values())):
        return  # no rows
    dialect = conn.dialect
    names = [c.name for c in table.columns if c.name in same or c.name in varying]
    procs = {n: table.columns[n].type._cached_bind_processor(dialect) for n in names}
    columns: dict[str, Any] = {}
    shared: dict[str, Any] = {}
    for n in names:
        if n in same:
            shared[n] = procs[n](same[n]) if procs[n] else same[n]
        else:
            columns[n] = list(map(procs[n], varying[n])) if procs[n] else varying[n]
    _execute_columns(conn, table, columns, shared)


def _execute_columns(conn: Any, table: Any, columns: dict[str, list[Any]],
                     shared: dict[str, Any] | None = None) -> None:
    """executemany of one INSERT whose parameters are given column by column (name →
    the rows' values), already converted for the driver; `shared` holds, converted too,
    the values of columns that are one value on every row.

    On SQLite a value every row shares, given or found, goes into the statement as a
    literal (orderdesk/sqlite_literals.py): binding it row by row cost more than the
    insert. Elsewhere, and for values without an exact literal, it is bound."""
    count = len(next(iter(columns.values()))) if columns else 0
    if not count:
        return
    given = dict(shared or {})
    inline: dict[str, str] = {}
    if dialect_is_sqlite(conn):
        inline = shared_literals(columns)
        for n, value in given.items():
            text = literal(value)
            if text is not None:
                inline[n] = text
    full = dict(columns)
    full.update({n: [value] * count for n, value in given.items()})
    names = [c.name for c in table.columns if c.name in full]
    bound = [n for n in names if n not in inline]
    if not bound:  # every column shared: still `count` rows, so one stays a parameter
        bound = [names[0]]
        del inline[names[0]]
    columns = {n: full[n] for n in bound}
    if inline:
        marks = ", ".join(inline[n] if n in inline else "?" for n in names)
        quoted = ", ".join(conn.dialect.identifier_preparer.quote(n) for n in names)
        sql = (f"INSERT INTO {conn.dialect.identifier_preparer.format_table(table)} "
               f"({quoted}) VALUES ({marks})")
        conn.exec_driver_sql(sql, list(zip(*(columns[n] for n in bound))))
        return
    compiled = insert(table).values({n: None for n in names}).compile(dialect=conn.dialect)
    order = list(compiled.positiontup) if compiled.positional else names
    rows = zip(*(columns[n] for n in order))
    params: list[Any] = list(rows) if compiled.positional else [dict(zip(order, r)) for r in rows]
    conn.exec_driver_sql(str(compiled), params)


def dialect_is_sqlite(conn: Any) -> bool:
    return conn.dialect.name == "sqlite"


def _executemany(conn: Any, table: Any, columns: Sequence[tuple[Any, list[Any]]]) -> None:
    """One INSERT of many rows given column by column ((column, values) pairs), straight
    to the driver's executemany.

    SQLAlchemy's per-row parameter processing costs more than SQLite's insert itself at
    this volume; here each column's own bind processor (the dialect's conversion of
    datetimes, decimals, booleans) is mapped over its values, then the columns are
    transposed into the driver's parameter tuples.
    """
    if not columns or not columns[0][1]:
        return
    dialect = conn.dialect
    by_name = {col.name: found for col, found in columns}
    converted = {}
    for c in table.columns:
        if c.name in by_name:
            proc = repeating(bind_processor(c.type, dialect))
            converted[c.name] = (list(map(proc, by_name[c.name])) if proc is not None
                                 else by_name[c.name])
    _execute_columns(conn, table, converted)


def id_source(batch: int = 5000) -> Iterator[str]:
    """Endless UUIDv7 keys, made a batch at a time (uuid7_batch): a bulk writer takes
    hundreds of thousands, and one uuid7() call each was a tenth of an import. Each
    batch sorted (its keys share a millisecond), so keys rise as rows are made and
    their index entries go in at the end."""
    while True:
        yield from sorted(uuid7_batch(batch))


def _python_type(col: Any) -> Any:
    try:
        return col.type.python_type
    except NotImplementedError:
        return object
