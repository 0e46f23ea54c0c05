"""Hot folders per channel: files dropped there are imported once and moved away.

The folders are a business setting (channel → folder). A QFileSystemWatcher notices new
files (and a timer checks every minute, for network drives that do not notify); the
import runs as a background job, never on the GUI thread. Each processed file is listed
with its outcome; the report and rejected rows sit next to it in done/ or failed/.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orderdesk.intake.hot_folder import hot_folders, process_hot_folder, set_hot_folder
from orderdesk.ui.errors import describe_error, show_error

CHECK_EVERY_MS = 60_000
SETTLE_MS = 1_500   # wait after a change so a file being copied is complete


def process_all(desk: Any, folders: dict[str, str], *, abort: Any = None,
                progress: Any = None) -> list[Any]:
    """Every configured folder in turn (a background job)."""
    results = []
    for n, (channel, folder) in enumerate(sorted(folders.items())):
        if abort is not None and abort.is_set():
            break
        if progress:
            progress(n, len(folders), channel)
        results.extend((channel, r) for r in process_hot_folder(desk, folder, channel,
                                                                settle_seconds=0.5))
    return results


class HotFolderWidget(QWidget):
    results_did_arrive = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None, *, auto: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folders: dict[str, str] = {}
        self._running = False
        self._again = False
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("hotFolders")
        self.table.verticalHeader().setVisible(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.channel = QLineEdit()
        self.folder = QLineEdit()
        self.browse = QPushButton()
        self.add = QPushButton()
        self.remove = QPushButton()
        self.check_now = QPushButton()
        self.check_now.setObjectName("checkNow")
        self.log = QListWidget()
        self.log.setObjectName("hotFolderLog")
        self.status = QLabel()
        self._log_title = QLabel()
        row = QHBoxLayout()
        self.channel.setMinimumWidth(220)
        row.addWidget(self.channel, 1)
        row.addWidget(self.folder, 3)
        row.addWidget(self.browse)
        row.addWidget(self.add)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        buttons.addWidget(self.check_now)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self._log_title)
        layout.addWidget(self.log, 2)

        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _p: self._settle.start())
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.run_now)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.run_now)
        if auto:
            self._timer.start()
        self.browse.clicked.connect(self._browse)
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.check_now.clicked.connect(self.run_now)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Channel"), self.tr("Folder")])
        self.channel.setPlaceholderText(self.tr("channel, e.g. old_web"))
        self.folder.setPlaceholderText(self.tr("folder the channel's files are dropped into"))
        self.browse.setText(self.tr("Browse…"))
        self.add.setText(self.tr("Add / change"))
        self.remove.setText(self.tr("Remove selected"))
        self.check_now.setText(self.tr("Check now"))
        self._log_title.setText(self.tr("Processed files (reports and rejected rows are in "
                                        "done/ and failed/ next to each file)"))

    def reload(self) -> None:
        self.ctx.tasks.query(hot_folders, self.ctx.desk, on_done=self._on_folders)

    def _on_folders(self, folders: dict[str, str]) -> None:
        self.folders = dict(folders)
        self.table.setRowCount(len(folders))
        for i, (channel, folder) in enumerate(sorted(folders.items())):
            self.table.setItem(i, 0, QTableWidgetItem(channel))
            self.table.setItem(i, 1, QTableWidgetItem(folder))
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        existing = [f for f in folders.values() if f]
        if existing:
            self.watcher.addPaths(existing)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Hot folder"))
        if path:
            self.folder.setText(path)

    def _add(self) -> None:
        channel, folder = self.channel.text().strip(), self.folder.text().strip()
        if not channel or not folder:
            self.status.setText(self.tr("Give a channel and a folder"))
            return
        self.set_folder(channel, folder)

    def set_folder(self, channel: str, folder: str | None) -> None:
        self.ctx.tasks.mutate(set_hot_folder, self.ctx.desk, channel, folder,
                              on_done=lambda _c: self.reload(),
                              on_error=lambda exc: show_error(self, exc))

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.set_folder(self.table.item(row, 0).text(), None)

    def run_now(self) -> None:
        """Import what is waiting in every folder, as a background job."""
        if self._running:
            self._again = True
            return
        if not self.folders:
            return
        self._running = True
        self.status.setText(self.tr("Checking…"))
        self.ctx.tasks.job(process_all, self.ctx.desk, dict(self.folders),
                           on_done=self._on_results, on_error=self._on_failed)

    def _on_results(self, results: list[Any]) -> None:
        self._running = False
        self.status.setText("")
        imported = 0
        for channel, r in results:
            imported += r.imported
            outcome = self.tr("done") if r.outcome == "done" else self.tr("failed")
            self.log.insertItem(0, self.tr("{channel}: {name} → {outcome}: imported {imported}, "
                                           "already present {skipped}, rejected {rejected}").format(
                channel=channel, name=r.name, outcome=outcome, imported=r.imported,
                skipped=r.skipped_existing, rejected=r.rejected))
            if r.outcome == "failed":
                self.log.item(0).setToolTip(r.message)
        if imported:
            from orderdesk.changes import Changes

            self.ctx.apply(Changes(orders=True, duplicates=True), self)
        self.results_did_arrive.emit(results)
        if self._again:
            self._again = False
            self.run_now()

    def _on_failed(self, exc: BaseException) -> None:
        self._running = False
        self.status.setText(describe_error(exc))
