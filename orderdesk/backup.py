"""Backup and restore of a station database (等保2.0 B1: local backup, tested restore).

Both go through SQLite's online backup API, never a file copy: a copy of a database in
WAL mode taken while the app writes may miss the pages still in the -wal file or catch
a half-written page; the backup API copies a consistent snapshot and, on restore,
writes through the target's own journal, so a station that crashes mid-restore is left
with the old database, not a mix.

A restore replaces nothing without keeping it: the current database is first backed up
beside itself (`<name>.before-restore-<time>.db`). The backup and the restore are each
recorded in the audit trail of the database they leave behind.

The central server runs on PostgreSQL, whose own tools (pg_dump, base backups and WAL
archiving) do this job; these functions refuse a database URL and say so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from orderdesk import db
from orderdesk.errors import OrderdeskError

_PAGES_PER_STEP = 4096  # other connections may write between steps of a large copy


class BackupError(OrderdeskError):
    """A backup or restore that cannot be done: the code names why (backup_missing,
    backup_damaged, ...), the facts say where (`path`) and what SQLite said (`detail`)."""

    code = "backup_failed"

    def __init__(self, *, path: str, reason: str, detail: str = "") -> None:
        self.code = f"backup_{reason}"
        super().__init__(path=path, reason=reason, detail=detail)


@dataclass(frozen=True)
class BackupReport:
    path: Path
    size: int
    sha256: str
    orders: int
    audit_rows: int
    revisions: tuple[str, ...]


@dataclass(frozen=True)
class RestoreReport:
    database: Path
    restored_from: Path
    kept_previous: Path | None
    orders: int
    audit_rows: int


def _sqlite_path(database: str | Path) -> Path:
    text = str(database)
    if "://" in text and not text.startswith("sqlite:///"):
        # Never echo a password that came inside the URL.
        raise BackupError(path=re.sub(r"//([^:/@]*):[^@]*@", r"//\1:***@", text),
                          reason="not_sqlite")
    return Path(text.removeprefix("sqlite:///")).expanduser().resolve()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def inspect_file(path: Path) -> tuple[int, int, tuple[str, ...]]:
    """(orders, audit rows, schema revisions) of an orderdesk database file, after SQLite's
    own integrity check; BackupError when it is not one or is damaged."""
    if not path.is_file():
        raise BackupError(path=str(path), reason="missing")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError(path=str(path), reason="unreadable", detail=str(exc)) from exc
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()
        if not check or check[0] != "ok":
            raise BackupError(path=str(path), reason="damaged",
                              detail=str(check[0]) if check else "")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"alembic_version", "orders", "audit_log"} <= tables:
            raise BackupError(path=str(path), reason="not_orderdesk")
        revisions = tuple(sorted(r[0] for r in conn.execute(
            "SELECT version_num FROM alembic_version")))
        orders = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
        audit_rows = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        if "audit_archive" in tables:  # rows packed behind the hot window count too
            audit_rows += conn.execute(
                "SELECT coalesce(sum(row_count), 0) FROM audit_archive").fetchone()[0]
    except sqlite3.DatabaseError as exc:  # not a database at all, or torn
        raise BackupError(path=str(path), reason="unreadable", detail=str(exc)) from exc
    finally:
        conn.close()
    return orders, audit_rows, revisions


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dst, pages=_PAGES_PER_STEP)
    finally:
        dst.close()
        src.close()


def backup(database: str | Path, out: str | Path) -> BackupReport:
    """Copy the database to `out` (a new file) while stations may keep working on it."""
    source = _sqlite_path(database)
    target = Path(out).expanduser().resolve()
    inspect_file(source)
    if target.exists():
        raise BackupError(path=str(target), reason="exists")
    if not target.parent.is_dir():
        raise BackupError(path=str(target.parent), reason="folder_missing")
    partial = target.with_name(target.name + ".partial")
    try:
        _copy(source, partial)
        with sqlite3.connect(partial) as conn:  # one self-contained file, no -wal beside it
            conn.execute("PRAGMA journal_mode=DELETE")
        conn.close()
        orders, audit_rows, revisions = inspect_file(partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    report = BackupReport(path=target, size=target.stat().st_size, sha256=_sha256(target),
                          orders=orders, audit_rows=audit_rows, revisions=revisions)
    _record(source, "backup", {"file": str(target), "sha256": report.sha256,
                               "orders": orders})
    return report


def restore(database: str | Path, backup_file: str | Path) -> RestoreReport:
    """Put a backup in place of the database; the database as it was is kept beside it.

    The backup must be an intact orderdesk database this release can open. Its cursor and
    outbox come back with it: the station pulls again what the server has since, and
    changes it had already pushed are recognised by their ids and applied once.
    """
    target = _sqlite_path(database)
    source = Path(backup_file).expanduser().resolve()
    orders, audit_rows, revisions = inspect_file(source)
    unknown = set(revisions) - db.known_revisions()
    if unknown:
        raise BackupError(path=str(source), reason="newer_release",
                          detail=", ".join(sorted(unknown)))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix or '.db'}")
    had_database = target.exists()
    dst = sqlite3.connect(target, timeout=2)
    try:
        # Leaving WAL mode needs every other connection closed: a station still running
        # on this file would otherwise see its data change under it. (The app turns WAL
        # back on when it opens the file.)
        try:
            mode = dst.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlite3.OperationalError as exc:
            raise BackupError(path=str(target), reason="in_use") from exc
        if str(mode).lower() != "delete":
            raise BackupError(path=str(target), reason="in_use")
        if had_database:
            keep = sqlite3.connect(kept)
            try:
                dst.backup(keep, pages=_PAGES_PER_STEP)
            finally:
                keep.close()
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            src.backup(dst, pages=_PAGES_PER_STEP)
        finally:
            src.close()
    finally:
        dst.close()
    _record(target, "restore", {"from": str(source), "sha256": _sha256(source),
                                "kept_previous": str(kept) if had_database else None})
    return RestoreReport(database=target, restored_from=source,
                         kept_previous=kept if had_database else None,
                         orders=orders, audit_rows=audit_rows)


def _record(database: Path, action: str, facts: dict[str, object]) -> None:
    from orderdesk.desk import Desk
    from orderdesk.tracking import add_audit

    desk = Desk(database, station="backup")
    try:
        with desk.write() as s:
            add_audit(s, action=action, entity="database", new=facts)
    finally:
        desk.close()
