"""Engines, sessions and schema migrations for the station cache and the server.

A station's cache is one SQLite file in WAL mode with synchronous=FULL (with NORMAL a
power cut can undo transactions that were reported committed). The same models run on
PostgreSQL for the central server.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from orderdesk import large_writes, tracking
from orderdesk.errors import DatabaseLocked, DatabaseTooNew, DatabaseUnreadable

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
WRITE_OPTION = "orderdesk_write"
#: Arbitrary constant naming orderdesk's write lock among PostgreSQL's advisory locks.
WRITE_LOCK_KEY = 0x0D5E_5E9C


def url_for(db: str | Path) -> str:
    """A database URL from a URL or a plain file path."""
    text_db = str(db)
    if text_db.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship; say so rather than rely on the dialect default.
        return "postgresql+psycopg://" + text_db.split("://", 1)[1]
    if "://" in text_db:
        return text_db
    return f"sqlite:///{Path(text_db).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # pysqlite's implicit BEGIN would defer the write lock; we issue BEGIN ourselves.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    # A write transaction takes the lock up front, so the audit hash chain and number
    # sequences read inside it cannot be raced by another writer.
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(db: str | Path, **kwargs: object) -> Engine:
    url = url_for(db)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 5},
                               **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        event.listen(engine, "after_cursor_execute", _count_written)
        event.listen(engine, "checkin", _analyze_after_large_writes)
        event.listen(engine, "checkin", large_writes.after_checkin)
    else:
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
        if engine.dialect.name == "postgresql":
            event.listen(engine, "begin", _pg_write_lock)
    return engine


def _pg_write_lock(conn) -> None:  # type: ignore[no-untyped-def]
    # Every writer to a PostgreSQL database (server workers, an admin's command line)
    # queues on one transaction-scoped lock, so the audit hash chain and the change
    # sequence follow commit order.
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    tracking.install(factory)
    return factory


def _alembic_config(url: str):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


_REVISION = re.compile(r"^revision(?:\s*:\s*\w+)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?:\s*:[^=]+)?\s*=\s*(.+)$", re.M)


@functools.lru_cache(maxsize=1)
def _revision_graph() -> tuple[frozenset[str], frozenset[str]]:
    """(all revisions, heads) read straight from the migration files.

    Importing Alembic and loading its script directory costs about half a second at
    every start; the station only needs to know whether its database is current.
    """
    known: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        if not rev:
            continue
        known.add(rev.group(1))
        down = _DOWN.search(source)
        if down:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return frozenset(known), frozenset(known - parents)


def head_revisions() -> set[str]:
    return set(_revision_graph()[1])


def known_revisions() -> set[str]:
    return set(_revision_graph()[0])


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return set()
        return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}


def check_readable(engine: Engine) -> None:
    """Raise a typed error for a file that is not a database, locked, or too new."""
    try:
        current = current_revisions(engine)
    except OperationalError as exc:
        if "locked" in str(exc).lower():
            raise DatabaseLocked(url=str(engine.url)) from exc
        raise DatabaseUnreadable(url=str(engine.url), reason=str(exc.orig)) from exc
    except DatabaseError as exc:
        raise DatabaseUnreadable(url=str(engine.url), reason=str(exc.orig)) from exc
    unknown = current - known_revisions()
    if unknown:
        raise DatabaseTooNew(url=str(engine.url), revisions=sorted(unknown))


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest revision; safe to repeat."""
    check_readable(engine)
    if not is_current(engine):
        from alembic import command

        cfg = _alembic_config(str(engine.url.render_as_string(hide_password=False)))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
    ensure_statistics(engine)


# ---- planner statistics (SQLite) ----------------------------------------------------------
#
# SQLite chooses indexes from the statistics ANALYZE leaves in sqlite_stat1. Without them
# (or with ones from when the tables were small) a correlated subquery can land on the
# wrong index and an export of 50,000 orders turns O(n^2). A station therefore gathers
# them when it opens a database whose big tables grew past what was measured, and after
# large writes (imports, sync rounds, the demo). With analysis_limit ANALYZE samples
# each index instead of reading it whole: ~0.1 s on a year of orders. The sample can
# make a column of few values look selective: hot lookups by key must not also filter
# on such a column in SQL (see store.known_outcomes).

ANALYSIS_LIMIT = 1000
#: Tables whose growth makes old statistics misleading (the hot queries read them).
STAT_TABLES = ("orders", "order_lines", "order_channel_refs", "audit_log", "outbox",
               "status_events", "customers", "products")


def refresh_statistics(engine: Engine) -> bool:
    """ANALYZE (sampled) and PRAGMA optimize on a SQLite database; True if it ran.

    Never fails the caller: a database busy with another writer keeps its statistics
    until the next time."""
    if engine.dialect.name != "sqlite":
        return False
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
            conn.exec_driver_sql("ANALYZE")
            conn.exec_driver_sql("PRAGMA optimize")
            conn.commit()
        return True
    except (OperationalError, DatabaseError):
        return False


def statistics_stale(engine: Engine) -> bool:
    """True when a big table has no statistics or grew to more than twice (and by more
    than 1,000 rows) what its statistics say."""
    if engine.dialect.name != "sqlite":
        return False
    with engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        measured: dict[str, int] = {}
        if "sqlite_stat1" in names:
            for tbl, stat in conn.exec_driver_sql("SELECT tbl, stat FROM sqlite_stat1"):
                try:
                    measured[tbl] = max(measured.get(tbl, 0), int(str(stat).split()[0]))
                except (ValueError, IndexError):
                    continue
        for table in STAT_TABLES:
            if table not in names:
                continue
            # max(rowid) is one index step, not a count of the table.
            rows = conn.exec_driver_sql(f'SELECT max(rowid) FROM "{table}"').scalar() or 0
            known = measured.get(table)
            if rows > 1000 and (known is None or rows > 2 * known + 1000):
                return True
    return False


#: Rows written through one connection after which its statistics are gathered again
#: (an import of 1,500 lines writes about 6,000 rows, a sync of a big import far more).
LARGE_WRITE = 20_000
_WRITTEN = "orderdesk_rows_written"


def _count_written(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
    if statement[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
        info = conn.connection.info
        info[_WRITTEN] = info.get(_WRITTEN, 0) + max(cursor.rowcount or 0, 0)


def _analyze_after_large_writes(dbapi_conn, record) -> None:  # type: ignore[no-untyped-def]
    # At check-in the transaction is over (committed or rolled back), so the sampled
    # ANALYZE runs on its own, right after the write that made the old statistics wrong.
    if record is None or record.info.get(_WRITTEN, 0) < LARGE_WRITE:
        return
    record.info[_WRITTEN] = 0
    try:
        cur = dbapi_conn.cursor()
        try:
            if getattr(dbapi_conn, "in_transaction", False):
                return
            cur.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
            cur.execute("ANALYZE")
            cur.execute("PRAGMA optimize")
        finally:
            cur.close()
    except sqlite3.Error:
        pass  # busy or read-only: the next large write or the next open tries again


def ensure_statistics(engine: Engine) -> bool:
    """Gather statistics if they are missing or stale (at open); True if it ran."""
    try:
        stale = statistics_stale(engine)
    except (OperationalError, DatabaseError):
        return False
    return refresh_statistics(engine) if stale else False


def is_current(engine: Engine) -> bool:
    return current_revisions(engine) == head_revisions()
