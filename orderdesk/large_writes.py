"""Large write transactions on a SQLite station: a page cache that holds them, and the
WAL checkpoint taken off the writer's path.

An import of 50,000 orders writes about 600,000 rows and their index entries (~400 MB of
pages). With SQLite's default 2 MiB cache the transaction spills dirty pages to the WAL
while it runs and writes the same index pages again and again; a large cache keeps them
until the commit writes each once. After that commit the WAL holds the whole transaction,
and the automatic checkpoint would copy it into the database inside the commit call:
seconds the user waits for nothing, since the transaction is already durable in the WAL
(synchronous=FULL). So the checkpoint runs on a thread of its own after the connection
is handed back, as a PASSIVE checkpoint that never blocks readers or writers.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

#: Page cache (KiB) of the connection while a large write runs; SQLite's default is 2 MiB.
#: Only pages actually used take memory, and they are given back at check-in.
LARGE_WRITE_CACHE_KIB = 512 * 1024
#: SQLite's default automatic checkpoint (pages of WAL), restored at check-in.
AUTOCHECKPOINT_PAGES = 1000

_SAVED = "orderdesk_large_write"


def large_write(session: Session) -> None:
    """Inside a write transaction: let its connection hold a large write in memory and
    skip the commit-time checkpoint. The settings are restored, and a background
    checkpoint started, when the connection goes back to the pool (after the commit or
    rollback), so there is nothing to undo here. No-op on other databases."""
    if session.get_bind().dialect.name != "sqlite":
        return
    conn = session.connection()
    info = conn.connection.info
    if _SAVED not in info:
        before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        info[_SAVED] = int(before if before is not None else -2000)
        conn.exec_driver_sql(f"PRAGMA cache_size=-{LARGE_WRITE_CACHE_KIB}")
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")


def after_checkin(dbapi_conn: Any, record: Any) -> None:
    """Pool check-in listener (see db.make_engine): undo large_write's settings and
    checkpoint in the background."""
    if record is None or _SAVED not in record.info:
        return
    cache = record.info.pop(_SAVED)
    path = None
    try:
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA cache_size={int(cache)}")
            cur.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")
            for _seq, name, file in cur.execute("PRAGMA database_list").fetchall():
                if name == "main":
                    path = file or None
        finally:
            cur.close()
    except sqlite3.Error:
        return  # a closed or broken connection is discarded by the pool anyway
    if path:
        threading.Thread(target=checkpoint, args=(path,), name="orderdesk-wal-checkpoint",
                         daemon=True).start()


def checkpoint(path: str) -> bool:
    """A PASSIVE checkpoint of the database file at `path` from a connection of its own;
    True if it ran. Interrupting it (the process exits) is safe: the WAL stays the
    authority until the copy is complete, and the next checkpoint finishes it."""
    try:
        # mode=rw: never create the file (a station removed or moved meanwhile).
        conn = sqlite3.connect(Path(path).as_uri() + "?mode=rw", uri=True, timeout=5)
    except (sqlite3.Error, ValueError):
        return False
    try:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        return True
    except sqlite3.Error:
        return False
    finally:
        conn.close()
