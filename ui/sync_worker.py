# i18n-area: sync
"""Background sync of a station: a sync loop with backoff and a live-channel listener.

Threads: two plain Python threads, never the GUI thread.
- the sync loop runs `orderdesk.sync.client.sync_once` whenever woken (a local change,
  the live channel saying the server has something newer, a periodic tick) and backs
  off exponentially (1 s .. 60 s) while the server is unreachable;
- the live listener long-polls `/sync/live`, so a change made at another station shows
  here within about a second when online.
Results reach the GUI thread through queued signals of `SyncWorker` (which lives on the
GUI thread); changes pulled from the server are announced with `ctx.apply(...)`, the
same signal local mutations use, so boards refresh without polling the database.
Neither thread touches widgets.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from orderdesk.changes import Changes
from orderdesk.dedup.queue import refresh_after
from orderdesk.models import utcnow
from orderdesk.sync import station as local
from orderdesk.sync.client import (
    AuthFailed,
    Credentials,
    NoCredentials,
    ServerUnreachable,
    SyncClient,
    SyncError,
    sync_once,
)

log = logging.getLogger(__name__)

PERIOD_S = 30.0
BACKOFF_MIN_S = 1.0
BACKOFF_MAX_S = 60.0
LIVE_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class SyncStatus:
    """What the indicator shows. `state`: online / offline / syncing / error / disabled."""

    state: str
    pending: int = 0
    conflicts: int = 0
    last_sync: dt.datetime | None = None
    error: str | None = None
    server: str | None = None


def station_key_path() -> Path | None:
    """Where this machine keeps its station key (issued by the server admin)."""
    from orderdesk.ui.context import config_dir

    folder = config_dir()
    return folder / "station.key" if folder is not None else None


def station_credentials() -> Credentials | None:
    """The station key from ORDERDESK_STATION_KEY or the key file in the config folder."""
    key = os.environ.get("ORDERDESK_STATION_KEY")
    if not key:
        path = station_key_path()
        if path is not None and path.is_file():
            key = path.read_text(encoding="utf-8").strip()
    return Credentials(station_key=key) if key else None


class SyncWorker(QObject):
    """Owns the two sync threads of one station; `start()` / `stop()` from the GUI thread."""

    status_did_change = Signal(object)  # SyncStatus
    round_did_finish = Signal(object)  # SyncReport
    progress_did_change = Signal(int, int, str)  # done, total, "push" / "pull"
    _changes_pulled = Signal(object)

    def __init__(self, ctx, credentials: Credentials | None = None,  # type: ignore[no-untyped-def]
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.server_url = ctx.server_url
        self.credentials = credentials or station_credentials()
        self.station = (ctx.settings.station_name or "").strip() or ctx.desk.station
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._state = "offline"
        self._error: str | None = None
        self._cursor = 0
        self._last_ok: dt.datetime | None = None
        self._changes_pulled.connect(self._on_changes_pulled)
        # Local edits are pushed soon, but a burst of them makes one round.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.wake)
        ctx.changes_did_apply.connect(self._on_local_changes)

    # -- GUI thread ---------------------------------------------------------------------
    def start(self) -> None:
        if not self.server_url or self.credentials is None or self._threads:
            return
        local.install_identity(self.ctx.desk)
        for target, name in ((self._sync_loop, "orderdesk-sync"),
                             (self._live_loop, "orderdesk-live")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            self._threads.append(thread)
            thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads = []

    def wake(self) -> None:
        """Run a round now (thread-safe)."""
        self._wake.set()

    @property
    def enabled(self) -> bool:
        return bool(self.server_url) and self.credentials is not None

    def _on_local_changes(self, changes: Changes, initiator: object) -> None:
        if initiator is not self:
            self._debounce.start()

    def _on_changes_pulled(self, changes: Changes) -> None:
        self.ctx.apply(changes, self)

    # -- sync thread --------------------------------------------------------------------------
    def _status(self, state: str, error: str | None = None) -> None:
        self._state, self._error = state, error
        try:
            pending = local.pending_count(self.ctx.desk)
            conflicts = local.open_conflict_count(self.ctx.desk)
            stored = local.read_state(self.ctx.desk).get(local.K_LAST_SYNC)
        except Exception:  # noqa: BLE001 - a status read must never end the loop
            log.exception("reading sync status failed")
            pending, conflicts, stored = 0, 0, None
        last = self._last_ok or (dt.datetime.fromisoformat(stored) if stored else None)
        self.status_did_change.emit(SyncStatus(
            state=state, pending=pending, conflicts=conflicts, last_sync=last, error=error,
            server=self.server_url))

    def _sync_loop(self) -> None:
        client = SyncClient(self.server_url, self.credentials, station=self.station)
        backoff = BACKOFF_MIN_S
        try:
            while not self._stop.is_set():
                self._wake.clear()
                try:
                    report = sync_once(self.ctx.desk, client=client, abort=self._stop,
                                       progress=self.progress_did_change.emit)
                except ServerUnreachable:
                    self._status("offline")
                    wait = backoff
                    backoff = min(backoff * 2, BACKOFF_MAX_S)
                except (AuthFailed, NoCredentials) as exc:
                    self._status("error", exc.code)
                    wait = BACKOFF_MAX_S
                except SyncError as exc:
                    self._status("error", exc.code)
                    wait = backoff
                    backoff = min(backoff * 2, BACKOFF_MAX_S)
                except Exception:  # noqa: BLE001 - keep syncing; the error is logged
                    log.exception("sync round failed")
                    self._status("error", "internal")
                    wait = backoff
                    backoff = min(backoff * 2, BACKOFF_MAX_S)
                else:
                    backoff = BACKOFF_MIN_S
                    self._last_ok = utcnow()
                    self._cursor = report.cursor
                    if report.changes.any():
                        self._changes_pulled.emit(report.changes)
                    # Issue 11: pulled orders go to the duplicate queue (pushed next round).
                    self._changes_pulled.emit(refresh_after(self.ctx.desk).changes)
                    self.round_did_finish.emit(report)
                    self._status("online")
                    wait = PERIOD_S
                self._wake.wait(wait)
        finally:
            client.close()

    # -- live thread ----------------------------------------------------------------------------
    def _live_loop(self) -> None:
        client = SyncClient(self.server_url, self.credentials, station=self.station)
        backoff = BACKOFF_MIN_S
        try:
            while not self._stop.is_set():
                try:
                    answer = client.live(self._cursor, timeout=LIVE_TIMEOUT_S)
                except SyncError:
                    self._stop.wait(backoff)
                    backoff = min(backoff * 2, BACKOFF_MAX_S)
                    continue
                backoff = BACKOFF_MIN_S
                if answer["changed"]:
                    self._cursor = max(self._cursor, answer["head"])
                    self.wake()
                    if self._state != "online":
                        continue
                    # Let the round run before asking again after the new head.
                    self._stop.wait(0.05)
        finally:
            client.close()
