# i18n-area: sync
"""The status-bar indicator: online / offline, changes waiting to be sent, last sync,
open conflicts (a button that opens the conflict panel). It starts the station's
background sync (`SyncWorker`) when a server is configured."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from orderdesk.changes import Changes
from orderdesk.sync import station as local
from orderdesk.ui.sync_worker import SyncStatus, SyncWorker


def _local_time(value: dt.datetime | None) -> str:
    if value is None:
        return "-"
    stamp = value.replace(tzinfo=dt.timezone.utc).astimezone()
    if stamp.date() == dt.datetime.now().astimezone().date():
        return stamp.strftime("%H:%M:%S")
    return stamp.strftime("%Y-%m-%d %H:%M")


class SyncStatusWidget(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None, *, credentials=None,  # type: ignore[no-untyped-def]
                 autostart: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.ctx = ctx
        self.worker = SyncWorker(ctx, credentials, self)
        if self.worker.enabled:
            initial = "offline"
        else:
            # A server is configured but this machine has no station key yet.
            initial = "unregistered" if ctx.server_url else "disabled"
        self.status = SyncStatus(state=initial, server=ctx.server_url)
        self.state_label = QLabel()
        self.state_label.setObjectName("syncState")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("syncPending")
        self.last_label = QLabel()
        self.last_label.setObjectName("syncLast")
        self.conflicts_button = QPushButton()
        self.conflicts_button.setObjectName("syncConflicts")
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.conflicts_button.clicked.connect(self.open_conflicts)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(10)
        for widget in (self.state_label, self.pending_label, self.last_label,
                       self.conflicts_button):
            layout.addWidget(widget)
        self.worker.status_did_change.connect(self._on_status)
        self.worker.progress_did_change.connect(self._on_progress)
        ctx.changes_did_apply.connect(self._on_changes)
        self._panel = None
        self.retranslate_ui()
        self._refresh_counts()
        if autostart:
            self.worker.start()
        self.destroyed.connect(lambda *_: None)

    # -- updates ---------------------------------------------------------------------------
    def _on_status(self, status: SyncStatus) -> None:
        self.status = status
        self.retranslate_ui()

    def _on_progress(self, done: int, total: int, phase: str) -> None:
        # A first download (or a week offline) takes a while: say how far it is.
        if phase == "pull" and total >= 2000 and done < total:
            self.state_label.setText(self.tr("Downloading {percent}%").format(
                percent=int(100 * done / max(total, 1))))

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        self._refresh_counts()

    def _refresh_counts(self) -> None:
        def counts(desk):  # type: ignore[no-untyped-def]  # worker thread
            return local.pending_count(desk), local.open_conflict_count(desk)

        self.ctx.tasks.query(counts, self.ctx.desk, on_done=self._on_counts)

    def _on_counts(self, result: tuple[int, int]) -> None:
        pending, conflicts = result
        s = self.status
        self.status = SyncStatus(state=s.state, pending=pending, conflicts=conflicts,
                                 last_sync=s.last_sync, error=s.error, server=s.server)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        s = self.status
        text = {"online": self.tr("● Online"), "offline": self.tr("● Offline"),
                "error": self.tr("● Sync problem"), "disabled": self.tr("Local only"),
                "unregistered": self.tr("Station not registered: no station key")}
        self.state_label.setText(text.get(s.state, s.state))
        if self.state_label.property("sync") != s.state:
            # Colours come from the station stylesheet (QLabel[sync="..."]).
            self.state_label.setProperty("sync", s.state)
            self.state_label.style().unpolish(self.state_label)
            self.state_label.style().polish(self.state_label)
        if s.state == "error" and s.error:
            self.state_label.setToolTip(self.tr("Sync problem: {code}").format(code=s.error))
        elif s.server:
            self.state_label.setToolTip(self.tr("Server: {url}").format(url=s.server))
        self.pending_label.setText(self.tr("To send: {n}").format(n=s.pending))
        self.last_label.setText(self.tr("Last sync: {time}").format(time=_local_time(s.last_sync)))
        self.last_label.setVisible(s.state not in ("disabled", "unregistered"))
        self.conflicts_button.setText(self.tr("Conflicts: {n}").format(n=s.conflicts))
        self.conflicts_button.setVisible(s.conflicts > 0)

    # -- actions ---------------------------------------------------------------------------------
    def open_conflicts(self) -> None:
        from orderdesk.ui.conflicts import ConflictsDialog

        if self._panel is None:
            self._panel = ConflictsDialog(self.ctx, self.window())
            self._panel.panel.resolution_did_choose.connect(self.worker.wake)
        self._panel.panel.reload()
        self._panel.show()
        self._panel.raise_()

    def shutdown(self) -> None:
        self.worker.stop()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.worker.stop()
        super().closeEvent(event)
