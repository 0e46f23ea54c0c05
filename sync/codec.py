"""Values on the wire: the outbox's JSON text back into column values, per table.

The outbox stores each value as JSON of `orderdesk.tracking.encode` (dates ISO, decimals
as text, bytes base64). Both sides turn it back into Python values with the column's
own type, so a Decimal stays exact and a date stays a date on SQLite and PostgreSQL.
Unknown tables and columns (a station one release ahead) are reported, never guessed.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, LargeBinary, Numeric, Table
from sqlalchemy import literal_column

from orderdesk.convert_once import bind_processor, repeating
from orderdesk.models import Base
from orderdesk.sqlite_literals import shared_literals
from orderdesk.tracking import encode

#: Fields that are per-database state, never synchronised: a sign-in at one station
#: must not move another station's lockout counter or produce a conflict.
LOCAL_ONLY = {
    ("users", "failed_logins"), ("users", "locked_until"), ("users", "last_login_at"),
}


class UnknownEntity(Exception):
    def __init__(self, entity: str, field: str | None = None) -> None:
        super().__init__(f"{entity}.{field}" if field else entity)
        self.entity = entity
        self.field = field


def table_for(entity: str) -> Table:
    table = Base.metadata.tables.get(entity)
    if table is None or entity.startswith("sync_"):
        raise UnknownEntity(entity)
    return table


def decode_value(table: Table, field: str, value: Any) -> Any:
    """A decoded-JSON value as the Python value of column `field`."""
    decoders = _row_decoders(table)
    if field not in decoders:
        raise UnknownEntity(table.name, field)
    fn = decoders[field]
    return value if value is None or fn is None else fn(value)


def _decoder(kind: Any) -> Any:
    """decode_value for one column type, decided once (None: the JSON value as it is)."""
    if isinstance(kind, Boolean):
        return bool
    if isinstance(kind, Numeric):
        return lambda v: Decimal(str(v))
    if isinstance(kind, DateTime):
        def to_datetime(v: Any) -> Any:
            parsed = dt.datetime.fromisoformat(v)
            return parsed.replace(tzinfo=None) if parsed.tzinfo else parsed
        return to_datetime
    if isinstance(kind, Date):
        return lambda v: dt.date.fromisoformat(v[:10])
    if isinstance(kind, LargeBinary):
        return base64.b64decode
    if isinstance(kind, Integer):
        return int
    return None


_ROW_DECODERS: dict[int, tuple[Table, dict[str, Any]]] = {}


def _row_decoders(table: Table) -> dict[str, Any]:
    # Keyed by the table object (held in the value, so its id is never reused): a pull
    # of 200,000 rows decodes 2.7 million values, the column type is asked once.
    found = _ROW_DECODERS.get(id(table))
    if found is None or found[0] is not table:
        found = _ROW_DECODERS[id(table)] = (
            table, {c.name: _decoder(c.type) for c in table.columns})
    return found[1]


def decode_text(table: Table, field: str, text: str | None) -> Any:
    return decode_value(table, field, None if text is None else json.loads(text))


def decode_row(table: Table, text: str | None) -> dict[str, Any]:
    """An insert's JSON object as column values; columns this release lacks are dropped."""
    data = json.loads(text) if text else {}
    decoders = _row_decoders(table)
    out = {}
    for key, value in data.items():
        if key not in decoders:
            continue
        fn = decoders[key]
        out[key] = value if value is None or fn is None else fn(value)
    return out


def encode_text(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(encode(value), ensure_ascii=False)


def same(a: Any, b: Any) -> bool:
    """Equal as stored values (Decimal('5.0') equals Decimal('5'))."""
    return encode(a) == encode(b)


def primary_key(table: Table, entity_id: str) -> dict[str, Any]:
    """The primary key columns of `entity_id` (as tracking.py joins them with ':')."""
    cols = table.primary_key.columns
    decoders = _row_decoders(table)
    if len(cols) == 1:
        (col,) = cols
        fn = decoders[col.name]
        return {col.name: entity_id if fn is None else fn(entity_id)}
    parts = entity_id.split(":", len(cols) - 1)
    return {col.name: decode_value(table, col.name, part) for col, part in zip(cols, parts)}


_MODELS: dict[str, Any] = {}


def model_for(entity: str) -> Any:
    """The mapped class of table `entity` (None if there is none)."""
    found = _MODELS.get(entity)
    if found is None:
        for mapper in Base.registry.mappers:
            if getattr(mapper.class_, "__tablename__", None) == entity:
                found = _MODELS[entity] = mapper.class_
                break
    return found


def dependency_rank() -> dict[str, int]:
    """Tables in foreign-key order: inserts of one transaction are applied in this order."""
    return {table.name: rank for rank, table in enumerate(Base.metadata.sorted_tables)}


def write_many(session: Any, build: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert rows of `table` that all have the same keys, straight through the driver's
    executemany; `build(values)` makes the statement (an INSERT, maybe ON CONFLICT).

    A 200,000-change transaction writes 200,000 rows to each of the server's log, audit
    trail and row versions, and to a station's row versions: SQLAlchemy's per-row
    parameter handling cost more than the database's insert. Here each column's own bind
    processor (the dialect's conversion of datetimes, decimals, booleans: the driver gets
    the same values) is mapped over the column.
    """
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    names = list(rows[0])
    procs = {n: bind_processor(table.columns[n].type, dialect) for n in names}
    # Column by column: each column's values are converted with one map (the same object
    # as the one before, such as a transaction's shared time, converted once), then the
    # columns are transposed into the driver's parameter rows.
    converted: dict[str, list[Any]] = {}
    for n in names:
        values = [row[n] for row in rows]
        fn = procs[n]
        converted[n] = list(map(repeating(fn), values)) if fn is not None else values
    # On SQLite a value every row shares (a transaction's time, its station, the
    # entity) is written into the statement once (orderdesk/sqlite_literals.py).
    inline = shared_literals(converted) if dialect.name == "sqlite" else {}
    compiled = build({n: literal_column(inline[n]) if n in inline else None
                      for n in names}).compile(dialect=dialect)
    order = (list(compiled.positiontup) if compiled.positional
             else [n for n in names if n not in inline])
    columns = [converted[n] for n in order]
    params: list[Any] = (list(zip(*columns)) if compiled.positional
                         else [dict(zip(order, r)) for r in zip(*columns)])
    if not columns:  # every column shared: the rows are still len(rows) rows
        params = [()] * len(rows)
    sql = str(compiled)
    for i in range(0, len(params), 5000):
        conn.exec_driver_sql(sql, params[i:i + 5000])
