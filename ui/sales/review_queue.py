# i18n-area: dedup
"""Review queue of possible-duplicate pairs, flagged on import or found later.

Keyboard first: Up/Down move between pairs, M merges (the newer order is folded into the
older one), K keeps both, U undoes the last decision on the selected pair (a merge is
reversed exactly; a 'keep both' goes back to waiting). The list shows the waiting pairs
by default; the filter also shows decided ones (the duplicate log), which can be
exported to Excel. Loads on the query pool; decisions run on the writer thread.

The queue fills itself: when the widget is built (app start-up) a background scan checks
every order entered since the last scan on the writer thread; imports and sync rounds
feed it too (orderdesk.dedup.queue). In the log views a line says how the current rules
score the pairs people decided (precision, recall, misses, false alarms).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orderdesk.changes import Changes
from orderdesk.dedup import (
    PairRow,
    keep_pair,
    list_pairs,
    merge_pair,
    reopen_pair,
    undo_merge,
)
from orderdesk.dedup.evaluate import RulesCheck, check_rules
from orderdesk.dedup.queue import QueueRefresh, background_scan
from orderdesk.dedup.report import write_log
from orderdesk.ui.board.labels import channel_label
from orderdesk.ui.board.table import Column, RowTableModel
from orderdesk.ui.errors import show_error
from orderdesk.ui.sales.similar_popup import (
    decision_label,
    reason_words,
    score_text,
    source_label,
    time_text,
)

FILTERS = ("open", "merged", "kept", None)
COL_DECISION, COL_BY, COL_WHEN, COL_WHY = 8, 9, 10, 11



def _order(brief: Any) -> str:
    if brief is None:
        return ""
    number = f" {brief.channel_order_no}" if brief.channel_order_no else ""
    return f"{brief.order_no} · {channel_label(brief.channel)}{number}"


def pair_columns() -> list[Column]:
    return [
        Column("score", lambda: QCoreApplication.translate("dedup", "Match"), lambda r: score_text(r.score),
               align=Qt.AlignmentFlag.AlignRight),
        Column("a", lambda: QCoreApplication.translate("dedup", "Earlier order"), lambda r: _order(r.a)),
        Column("a_time", lambda: QCoreApplication.translate("dedup", "Time"), lambda r: time_text(r.a.order_time)),
        Column("b", lambda: QCoreApplication.translate("dedup", "Later order"), lambda r: _order(r.b)),
        Column("b_time", lambda: QCoreApplication.translate("dedup", "Time"), lambda r: time_text(r.b.order_time if r.b else None)),
        Column("customer", lambda: QCoreApplication.translate("dedup", "Customer"),
               lambda r: r.a.customer or (r.b.customer if r.b else "")),
        Column("lines", lambda: QCoreApplication.translate("dedup", "Lines"),
               lambda r: r.a.lines if not r.b or r.a.lines == r.b.lines
               else f"{r.a.lines} | {r.b.lines}"),
        Column("source", lambda: QCoreApplication.translate("dedup", "Found"), lambda r: source_label(r.source)),
        Column("decision", lambda: QCoreApplication.translate("dedup", "Decision"), lambda r: decision_label(r.status)),
        Column("by", lambda: QCoreApplication.translate("dedup", "By"), lambda r: r.decided_by or ""),
        Column("when", lambda: QCoreApplication.translate("dedup", "When"), lambda r: time_text(r.decided_at)),
        Column("why", lambda: QCoreApplication.translate("dedup", "Why"), lambda r: reason_words(r.reasons),
               tooltip=lambda r: reason_words(r.reasons)),
    ]


def _row_style(row: PairRow) -> dict[int, Any]:
    if row.status == "merged":
        return {Qt.ItemDataRole.ForegroundRole: QColor("#2e7d32")}
    if row.status == "kept":
        return {Qt.ItemDataRole.ForegroundRole: QColor("#6b6b6b")}
    return {}


def start_up_scan(ctx: Any, on_done: Any = None, on_error: Any = None) -> bool:
    """Once per app context: check the orders entered since the last scan, on the writer
    thread; new pairs are announced through ctx.apply (the queue reloads). Returns False
    when the scan was already started (by the main window or another queue widget)."""
    if getattr(ctx, "_dedup_scan_started", False):
        return False
    ctx._dedup_scan_started = True

    total = {"checked": 0, "flagged": 0}

    def done(result: QueueRefresh) -> None:
        ctx.apply(result.changes, None)
        total["checked"] += result.checked
        total["flagged"] += result.flagged
        if result.more:  # the next chunk, behind whatever sales saved meanwhile
            ctx.tasks.mutate(background_scan, ctx.desk, on_done=done, on_error=failed)
            return
        if on_done is not None:
            on_done(QueueRefresh(total["checked"], total["flagged"], result.changes))

    def failed(exc: BaseException) -> None:
        ctx._dedup_scan_started = False  # try again next time a queue is built
        if on_error is not None:
            on_error(exc)

    ctx.tasks.mutate(background_scan, ctx.desk, on_done=done, on_error=failed)
    return True


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def rules_check_text(check: RulesCheck) -> str:
    """The current rules on the decided pairs, with the misses and false alarms named."""
    if not check.merged and not check.kept:
        return QCoreApplication.translate("dedup", "Current rules on decided pairs: none decided yet.")
    text = QCoreApplication.translate(
        "dedup", "Current rules on {merged} merged and {kept} kept pairs: precision {p}, recall {r}.").format(
        merged=check.merged, kept=check.kept, p=_ratio(check.precision), r=_ratio(check.recall))
    if check.misses:
        text += " " + QCoreApplication.translate("dedup", "Missed (merged, not flagged): {pairs}.").format(
            pairs=", ".join(f"{d.order_a}/{d.order_b} {d.score:.0%}" for d in check.misses[:5]))
    if check.false_alarms:
        text += " " + QCoreApplication.translate("dedup", "False alarms (kept, flagged): {pairs}.").format(
            pairs=", ".join(f"{d.order_a}/{d.order_b} {d.score:.0%}" for d in check.false_alarms[:5]))
    return text


class ReviewQueueWidget(QWidget):
    """Flagged pairs with merge (M), keep (K), undo (U) by keyboard."""

    #: Emitted on the GUI thread when a reload delivered its rows (count).
    rows_did_load = Signal(int)
    #: Emitted when the start-up scan finished (QueueRefresh).
    scan_did_finish = Signal(object)
    #: Emitted when the rules check of the log view arrived (RulesCheck).
    check_did_finish = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
        self._reload_again = False
        self._keep_row = 0
        self.filter = QComboBox()
        self.filter.setObjectName("dedupFilter")
        self.count_label = QLabel()
        self.merge_button = QPushButton()
        self.keep_button = QPushButton()
        self.undo_button = QPushButton()
        self.export_button = QPushButton()
        self.settings_button = QPushButton()
        self.status = QLabel()
        self.status.setObjectName("dedupStatus")
        self.status.setWordWrap(True)
        self.model = RowTableModel(pair_columns(), self, row_style=_row_style)
        self.table = QTableView()
        self.table.setObjectName("dedupQueue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSectionResizeMode(COL_WHY, QHeaderView.ResizeMode.Stretch)
        # The full reasons and history of the current pair, in words.
        self.detail = QLabel()
        self.detail.setObjectName("dedupDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Log views: how the current rules score the decided pairs.
        self.check_label = QLabel()
        self.check_label.setObjectName("dedupRulesCheck")
        self.check_label.setWordWrap(True)
        self.check_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_label.hide()
        self.last_check: RulesCheck | None = None

        bar = QHBoxLayout()
        bar.addWidget(self.filter)
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.settings_button)
        bar.addWidget(self.export_button)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.keep_button)
        actions.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.check_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)

        self.merge_button.clicked.connect(self.merge_current)
        self.keep_button.clicked.connect(self.keep_current)
        self.undo_button.clicked.connect(self.undo_current)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.settings_button.clicked.connect(self._on_settings_clicked)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.selectionModel().currentRowChanged.connect(
            lambda _cur, _prev: (self._update_buttons(), self._show_detail()))
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (("M", self.merge_current), ("K", self.keep_current),
                          ("U", self.undo_current)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        ctx.changes_did_apply.connect(self._on_changes)
        self.retranslate_ui()
        self.reload()
        self.start_scan()

    # -- the queue fills itself ---------------------------------------------------------------
    def start_scan(self) -> None:
        """Check orders entered since the last scan (writer thread, never the GUI), unless
        the main window already started that at start-up."""
        start_up_scan(self.ctx, on_done=self._on_scanned, on_error=self._on_scan_failed)

    def _on_scanned(self, result: QueueRefresh) -> None:
        if result.flagged:
            self.status.setText(QCoreApplication.translate(
                "dedup", "Start-up check: {count} new possible duplicate pairs.").format(
                count=result.flagged))
        self.scan_did_finish.emit(result)

    def _on_scan_failed(self, exc: BaseException) -> None:
        self.status.setText(QCoreApplication.translate(
            "dedup", "The start-up duplicate check could not run; it runs again at the next start."))
        self.scan_did_finish.emit(None)

    # -- loading ----------------------------------------------------------------------------
    def current_filter(self) -> str | None:
        return FILTERS[max(self.filter.currentIndex(), 0)]

    def reload(self) -> None:
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        status = self.current_filter()
        self.ctx.tasks.query(list_pairs, self.ctx.desk, status, 1000,
                             on_done=self._on_loaded, on_error=self._on_load_failed)

    def _on_loaded(self, rows: list[PairRow]) -> None:
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.reload()
            return
        self.model.set_rows(rows)
        # Waiting pairs have no decision yet: those columns only matter in the log views.
        for column in (COL_DECISION, COL_BY, COL_WHEN):
            self.table.setColumnHidden(column, self.current_filter() == "open")
        self.check_label.setVisible(self.current_filter() != "open")
        if self.current_filter() != "open":
            self.ctx.tasks.query(check_rules, self.ctx.desk, None,
                                 on_done=self._on_checked, on_error=lambda _exc: None)
        if rows:
            self.table.selectRow(min(self._keep_row, len(rows) - 1))
        self._show_detail()
        self._update_count()
        self._update_buttons()
        self.rows_did_load.emit(len(rows))

    def _on_checked(self, check: RulesCheck) -> None:
        self.last_check = check
        self.check_label.setText(rules_check_text(check))
        self.check_did_finish.emit(check)

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.status.setText(QCoreApplication.translate("dedup", "The pairs could not be loaded."))
        show_error(self, exc)

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.duplicates or changes.orders:
            self.reload()

    # -- decisions --------------------------------------------------------------------------
    def current_pair(self) -> PairRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _run(self, fn: Any, pair: PairRow, done_text: str) -> None:
        self._keep_row = max(self.table.currentIndex().row(), 0)
        self._set_enabled(False)

        def done(_result: Any) -> None:
            self.status.setText(done_text)
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            self._update_buttons()
            show_error(self, exc)

        self.ctx.tasks.mutate(fn, self.ctx.desk, pair.id, on_done=done, on_error=failed)

    def merge_current(self) -> None:
        pair = self.current_pair()
        if pair is None or pair.status != "open" or pair.b is None:
            return
        self._run(merge_pair, pair, QCoreApplication.translate("dedup", "Merged {later} into {earlier}. U undoes it.")
                  .format(later=pair.b.order_no, earlier=pair.a.order_no))

    def keep_current(self) -> None:
        pair = self.current_pair()
        if pair is None or pair.status != "open":
            return
        self._run(keep_pair, pair, QCoreApplication.translate("dedup", "Kept both {a} and {b}; this pair is not proposed again.").format(a=pair.a.order_no,
                                                       b=pair.b.order_no if pair.b else ""))

    def undo_current(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        if pair.status == "merged":
            self._run(undo_merge, pair, QCoreApplication.translate("dedup", "Merge undone: {later} is a separate order again.")
                      .format(later=pair.b.order_no if pair.b else ""))
        elif pair.status == "kept":
            self._run(reopen_pair, pair, QCoreApplication.translate("dedup", "Decision undone: the pair is waiting again."))

    # -- log and settings -------------------------------------------------------------------
    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("dedup", "Export duplicate log"),
                                              "duplicate-log.xlsx", QCoreApplication.translate("dedup", "Excel workbook (*.xlsx)"))
        if path:
            self.export_log(path)

    def export_log(self, path: str) -> None:
        def done(count: int) -> None:
            self.status.setText(QCoreApplication.translate("dedup", "{count} pairs written to {path}").format(count=count,
                                                                             path=path))

        self.ctx.tasks.mutate(write_log, self.ctx.desk, path, on_done=done,
                              on_error=lambda exc: show_error(self, exc))

    def _on_settings_clicked(self) -> None:
        from orderdesk.ui.sales.dedup_settings import DedupSettingsDialog

        dialog = DedupSettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _show_detail(self) -> None:
        pair = self.current_pair()
        if pair is None:
            self.detail.setText("")
            return
        text = QCoreApplication.translate("dedup", "Why: {reasons}").format(
            reasons=reason_words(pair.reasons))
        if pair.status != "open":
            text += "  ·  " + QCoreApplication.translate(
                "dedup", "{decision} by {user} at {time}").format(
                decision=decision_label(pair.status), user=pair.decided_by or "-",
                time=time_text(pair.decided_at))
        self.detail.setText(text)

    # -- looks ------------------------------------------------------------------------------
    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.merge_button, self.keep_button, self.undo_button):
            button.setEnabled(enabled)

    def _update_buttons(self) -> None:
        pair = self.current_pair()
        status = pair.status if pair else None
        self.merge_button.setEnabled(status == "open")
        self.keep_button.setEnabled(status == "open")
        self.undo_button.setEnabled(status in ("merged", "kept"))

    def _update_count(self) -> None:
        count = len(self.model.rows)
        if self.current_filter() == "open":
            self.count_label.setText(QCoreApplication.translate("dedup", "{count} pairs waiting for a decision").format(count=count))
        else:
            self.count_label.setText(QCoreApplication.translate("dedup", "{count} pairs").format(count=count))

    def retranslate_ui(self) -> None:
        index = max(self.filter.currentIndex(), 0)
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItems([QCoreApplication.translate("dedup", "Waiting for a decision"), QCoreApplication.translate("dedup", "Merged"), QCoreApplication.translate("dedup", "Kept both"),
                              QCoreApplication.translate("dedup", "All (duplicate log)")])
        self.filter.setCurrentIndex(index)
        self.filter.blockSignals(False)
        self.merge_button.setText(QCoreApplication.translate("dedup", "Merge (M)"))
        self.merge_button.setToolTip(QCoreApplication.translate("dedup", "Fold the later order into the earlier one; nothing is deleted and it can be undone."))
        self.keep_button.setText(QCoreApplication.translate("dedup", "Keep both (K)"))
        self.undo_button.setText(QCoreApplication.translate("dedup", "Undo (U)"))
        self.export_button.setText(QCoreApplication.translate("dedup", "Export log…"))
        self.settings_button.setText(QCoreApplication.translate("dedup", "Matching rules…"))
        self.model.retranslate()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
