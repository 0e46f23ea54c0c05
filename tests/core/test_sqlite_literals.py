"""Values shared by every row of a bulk insert go into the statement as SQLite literals
(orderdesk/sqlite_literals.py); what SQLite stores must be exactly what binding them
stores, for any text and any column affinity."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Float, Integer, LargeBinary, MetaData, Numeric, String, Table, Text

from orderdesk.db import make_engine
from orderdesk.intake.bulk import _execute_columns
from orderdesk.sqlite_literals import literal, shared_value

META = MetaData()
# One column per SQLite affinity (TEXT, INTEGER, NUMERIC, REAL, BLOB), and a name that
# needs quoting.
WIDE = Table("wide", META,
             Column("k", Integer, primary_key=True),
             Column("t", Text), Column("s", String(20)), Column("i", Integer),
             Column("n", Numeric(18, 4)), Column("f", Float), Column("b", LargeBinary),
             Column("order", String(10)))
VALUE_COLUMNS = ["t", "s", "i", "n", "f", "b", "order"]

driver_values = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2 ** 63), max_value=2 ** 63 - 1),
    st.floats(allow_nan=False), st.text(), st.text(alphabet="'\"?:%\\;\n\x00—客户"),
    st.binary(max_size=8), st.sampled_from(["", "'", "''", "NULL", "1e3", "0x10", " 7 "]))


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    eng = make_engine(tmp_path_factory.mktemp("literals") / "lit.db")
    META.create_all(eng)
    yield eng
    eng.dispose()


def _stored(conn: object, table: str) -> list[tuple]:
    cols = ", ".join(f'"{c}", typeof("{c}")' for c in VALUE_COLUMNS)
    return conn.exec_driver_sql(f"SELECT {cols} FROM {table} ORDER BY k").all()  # type: ignore[attr-defined]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.integers(min_value=1, max_value=4),
       plan=st.lists(st.tuples(st.booleans(), st.lists(driver_values, min_size=4, max_size=4)),
                     min_size=len(VALUE_COLUMNS), max_size=len(VALUE_COLUMNS)),
       given_shared=st.booleans())
def test_inlined_values_are_stored_as_bound_ones(engine, rows: int, plan, given_shared: bool) -> None:  # type: ignore[no-untyped-def]
    columns: dict[str, list] = {"k": list(range(1, rows + 1))}
    shared: dict[str, object] = {}
    for name, (same, values) in zip(VALUE_COLUMNS, plan, strict=True):
        if same and given_shared:
            shared[name] = values[0]
        else:
            columns[name] = [values[0]] * rows if same else values[:rows]
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM wide")
        _execute_columns(conn, WIDE, dict(columns), dict(shared))
        got = _stored(conn, "wide")
    # The reference: every value bound, straight through the driver.
    ref = sqlite3.connect(":memory:")
    ref.execute('CREATE TABLE wide (k INTEGER PRIMARY KEY, t TEXT, s VARCHAR(20), i INTEGER, '
                'n NUMERIC(18, 4), f FLOAT, b BLOB, "order" VARCHAR(10))')
    full = {n: columns[n] if n in columns else [shared[n]] * rows for n in ["k", *VALUE_COLUMNS]}
    ref.executemany('INSERT INTO wide (k, t, s, i, n, f, b, "order") VALUES (?,?,?,?,?,?,?,?)',
                    list(zip(*full.values())))
    cols = ", ".join(f'"{c}", typeof("{c}")' for c in VALUE_COLUMNS)
    assert got == ref.execute(f"SELECT {cols} FROM wide ORDER BY k").fetchall()


def test_literals_only_for_values_sqlite_reads_back_exactly() -> None:
    assert literal(None) == "NULL" and literal(True) == "1" and literal(False) == "0"
    assert literal("it's") == "'it''s'" and literal(2 ** 63 - 1) == str(2 ** 63 - 1)
    for unsure in (1.5, b"x", "a\x00b", 2 ** 63, object()):
        assert literal(unsure) is None


def test_shared_value_needs_one_value_of_one_type() -> None:
    assert shared_value(["a", "a"]) == (True, "a")
    assert shared_value([None, None]) == (True, None)
    assert shared_value([1, True]) == (False, None)  # equal, stored apart in a TEXT column
    assert shared_value([1, 1.0]) == (False, None)
    assert shared_value(["a", "b"]) == (False, None) and shared_value([]) == (False, None)


def test_a_table_of_shared_columns_still_gets_every_row(tmp_path: Path) -> None:
    eng = make_engine(tmp_path / "all_shared.db")
    META.create_all(eng)
    with eng.begin() as conn:
        _execute_columns(conn, WIDE, {"t": ["x"] * 3}, {"i": 7})
        assert conn.exec_driver_sql("SELECT t, i FROM wide").all() == [("x", 7)] * 3
    eng.dispose()


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(st.datetimes(), st.dates(), st.none(),
                       st.datetimes(timezones=st.just(dt.timezone(dt.timedelta(hours=8))))))
def test_fast_time_text_is_sqlalchemys(value) -> None:  # type: ignore[no-untyped-def]
    """The bulk writers' date and datetime conversion for SQLite (isoformat) gives the
    text SQLAlchemy's own processor stores, for every value either accepts."""
    from sqlalchemy import Date, DateTime
    from sqlalchemy.dialects import sqlite

    from orderdesk.convert_once import bind_processor

    dialect = sqlite.dialect()
    for type_ in (DateTime(), DateTime(timezone=True), Date()):
        theirs = type_._cached_bind_processor(dialect)
        ours = bind_processor(type_, dialect)
        assert ours is not theirs and ours(value) == theirs(value)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.sampled_from(["a'b", "x", "客户"]), st.integers(0, 2)),
                     min_size=1, max_size=6),
       station=st.sampled_from([None, "A", "o'brien", "a\x00b"]))
def test_sync_writer_inlines_shared_values_as_binding_would(engine, rows, station) -> None:  # type: ignore[no-untyped-def]
    """sync.codec.write_many (the server's and stations' big writes) inlines shared
    values the same way, upserts included."""
    from sqlalchemy import insert
    from sqlalchemy.orm import Session

    from orderdesk.sync import codec

    data = [dict(k=i + 1, t=t, i=n, s=station, order="same") for i, (t, n) in enumerate(rows)]
    with Session(engine) as session, session.begin():
        session.connection().exec_driver_sql("DELETE FROM wide")
        codec.write_many(session, insert(WIDE).values, WIDE, data)
        got = session.connection().exec_driver_sql(
            'SELECT k, t, i, s, "order", typeof(s) FROM wide ORDER BY k').all()
    assert got == [(r["k"], r["t"], r["i"], r["s"], "same", "null" if station is None
                    else "text") for r in data]
