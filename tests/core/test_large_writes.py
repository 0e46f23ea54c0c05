"""large_write: a large page cache and no commit-time checkpoint for one transaction,
then the defaults restored and the WAL copied back in the background."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import text

from orderdesk import large_writes
from orderdesk.desk import Desk
from orderdesk.models import Customer


def _pragma(desk: Desk, name: str) -> int:
    with desk.read() as s:
        return int(s.execute(text(f"PRAGMA {name}")).scalar())


def test_settings_hold_inside_and_are_restored_after(desk: Desk) -> None:
    cache = _pragma(desk, "cache_size")
    with desk.write() as s:
        large_writes.large_write(s)
        inside = (s.execute(text("PRAGMA cache_size")).scalar(),
                  s.execute(text("PRAGMA wal_autocheckpoint")).scalar())
        s.add(Customer(code="LW1", name="大批写入"))
    assert inside == (-large_writes.LARGE_WRITE_CACHE_KIB, 0)
    assert _pragma(desk, "cache_size") == cache
    assert _pragma(desk, "wal_autocheckpoint") == large_writes.AUTOCHECKPOINT_PAGES


def test_restored_after_a_rollback_too(desk: Desk) -> None:
    cache = _pragma(desk, "cache_size")
    try:
        with desk.write() as s:
            large_writes.large_write(s)
            s.add(Customer(code="LW2", name="回滚"))
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert _pragma(desk, "cache_size") == cache
    assert _pragma(desk, "wal_autocheckpoint") == large_writes.AUTOCHECKPOINT_PAGES


def test_the_background_checkpoint_copies_the_wal_back(desk: Desk, db_path: Path,
                                                      monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ran: list[tuple[str, bool]] = []
    real = large_writes.checkpoint

    def recording(path: str) -> bool:
        ran.append((path, real(path)))
        return ran[-1][1]

    monkeypatch.setattr(large_writes, "checkpoint", recording)
    with desk.write() as s:
        large_writes.large_write(s)
        s.add_all(Customer(code=f"LWC{n}", name="x" * 200) for n in range(3000))
    deadline = time.monotonic() + 20
    while not ran and time.monotonic() < deadline:
        time.sleep(0.02)
    assert ran and Path(ran[0][0]).resolve() == db_path.resolve() and ran[0][1]
    # Every frame was copied: a further checkpoint finds nothing left (checkpointed ==
    # frames in the log, and the log held the whole transaction).
    conn = sqlite3.connect(db_path)
    try:
        _busy, log, done = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    finally:
        conn.close()
    assert log > 0 and log == done


def test_checkpoint_never_creates_a_missing_database(tmp_path: Path) -> None:
    gone = tmp_path / "gone.db"
    assert large_writes.checkpoint(str(gone)) is False
    assert not gone.exists()
