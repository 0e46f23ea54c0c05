"""Fast inserts for imports: Core executemany, with the same audit and outbox rows.

The tracking hook (orderdesk/tracking.py) writes audit and outbox rows for objects the
ORM flushes. An import of 10,000 orders is 80,000 rows; through the unit of work that
costs tens of seconds, mostly in attribute bookkeeping. Here rows go in with Core in a
few executemany calls, and the audit rows (hash-chained through the session's chain)
and outbox rows are built exactly as the hook builds them for an ORM insert, in the
same transaction. Only for inserts of new rows; updates still go through the ORM.
"""

from __future__ import annotations

import json
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
    audits: list[dict[str, Any]] = []
    outbox: list[dict[str, Any]] = []
    keys = [key for key, _ in columns]
    plain = (str, int, float, bool, type(None))
    encode = tracking.encode
    # One time and one batch of change ids per call: the rows are one flush of one
    # transaction (the hook, too, stamps a flush's rows alike).
    now = utcnow()
    change_ids = iter(uuid7_batch(len(rows))) if not remote else None
    # Only columns whose values may be dates, decimals or bytes need encoding.
    maybe = [key for key, col in columns if _python_type(col) not in plain]
    pk0 = pk[0] if len(pk) == 1 else None
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
        audit = dict(at=now, user=actor.user, station=actor.station, action="insert",
                     entity=entity, entity_id=entity_id, field=None, old_value=None,
                     new_value=text, outcome="ok", tx_id=tx_id)
        chain.link(audit)
        audits.append(audit)
        if not remote:
            outbox.append(dict(change_id=next(change_ids), tx_id=tx_id, entity=entity,
                               entity_id=entity_id, op="insert", field=None, old_value=None,
                               new_value=text, base_seq=None,
                               user=actor.user, station=actor.station, at=now, pushed_at=None))
    _executemany(conn, AuditLog.__table__, audits)
    if outbox:
        _executemany(conn, Outbox.__table__, outbox)


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
        order = list(compiled.positiontup)
        getter = itemgetter(*order)
        convert = [(i, procs[n]) for i, n in enumerate(order) if procs[n] is not None]
        params: list[Any] = []
        for row in rows:
            values = getter(row)
            values = list(values) if len(order) > 1 else [values]
            for i, fn in convert:
                values[i] = fn(values[i])
            params.append(tuple(values))
    else:
        params = [{n: (procs[n](row[n]) if procs[n] else row[n]) for n in names}
                  for row in rows]
    conn.exec_driver_sql(str(compiled), params)


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
