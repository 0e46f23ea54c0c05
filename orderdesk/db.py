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

from orderdesk import tracking
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
    if is_current(engine):
        return
    from alembic import command

    cfg = _alembic_config(str(engine.url.render_as_string(hide_password=False)))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")


def is_current(engine: Engine) -> bool:
    return current_revisions(engine) == head_revisions()
