"""Station databases keep planner statistics current: at open when a big table grew
past what was measured, and right after a large write (imports, syncs, the demo)."""

from __future__ import annotations

import sqlite3

from orderdesk import db
from orderdesk.desk import Desk
from orderdesk.models import Customer
from orderdesk.tracking import Actor


def _stat_rows(path) -> dict[str, int]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(path)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            return {}
        return {tbl: int(stat.split()[0]) for tbl, stat in
                conn.execute("SELECT tbl, stat FROM sqlite_stat1 WHERE stat IS NOT NULL")}
    finally:
        conn.close()


def test_a_large_write_gathers_statistics_and_a_small_one_does_not(db_path):
    desk = Desk(db_path, station="s")
    try:
        with desk.write(Actor(user="sales1", station="s")) as s:
            s.add_all([Customer(code=f"S{i}", name=f"n{i}") for i in range(50)])
        assert "customers" not in _stat_rows(db_path)
        # 7,000 customers: 7,000 rows + 7,000 audit + 7,000 outbox rows written.
        with desk.write(Actor(user="sales1", station="s")) as s:
            s.add_all([Customer(code=f"L{i}", name=f"n{i}") for i in range(7_000)])
        stats = _stat_rows(db_path)
        assert stats.get("customers", 0) > 5_000, stats
        assert stats.get("outbox", 0) > 5_000, stats
    finally:
        desk.close()


def test_opening_a_database_whose_tables_grew_gathers_statistics(db_path):
    # Rows written behind the station's back (another tool, an old release): at open
    # the statistics are missing for a table of thousands of rows, so they are gathered.
    conn = sqlite3.connect(db_path)
    conn.executemany("INSERT INTO customers (id, code, name, name_norm, tier, active, "
                     "created_at, updated_at) VALUES (?, ?, ?, '', 'B', 1, '2026-01-01', "
                     "'2026-01-01')", [(f"id{i}", f"C{i}", f"n{i}") for i in range(3_000)])
    conn.commit()
    conn.close()
    assert "customers" not in _stat_rows(db_path)
    engine = db.make_engine(db_path)
    try:
        assert db.statistics_stale(engine)
    finally:
        engine.dispose()
    Desk(db_path, station="s").close()
    assert _stat_rows(db_path).get("customers", 0) > 2_000
    engine = db.make_engine(db_path)
    try:
        assert not db.statistics_stale(engine)
    finally:
        engine.dispose()
