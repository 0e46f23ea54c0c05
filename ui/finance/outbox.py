"""The EDI outbox as finance sees it: every message, its state, attempts and the partner's
last error; retry or cancel a failed one (audited), with a reason."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orderdesk.finance import edi_outbox
from orderdesk.finance.edi_outbox import MessageRow
from orderdesk.ui.board.table import Column, RowTableModel
from orderdesk.ui.finance.labels import state_text
from orderdesk.ui.screen_fit import fit_to_screen

STATE_COLOURS = {"error": QColor("#fde2e1"), "pending": QColor("#fff6d6"),
                 "sending": QColor("#fff6d6"), "acknowledged": QColor("#e3f4e4")}


class ReasonDialog(QDialog):
    """Asks for a reason; emits reason_did_enter(text) when confirmed (never exec())."""

    reason_did_enter = Signal(str)

    def __init__(self, title, prompt, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        """`title` and `prompt` are callables returning the translated text, so the dialog
        follows a language switch."""
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self._title, self._prompt = title, prompt
        self.setWindowTitle(title())
        self.prompt = QLabel(prompt())
        self.prompt.setWordWrap(True)
        self.text = QLineEdit()
        self.text.setObjectName("reasonText")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self._enable()
        fit_to_screen(self, 480, 170)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self._title())
            self.prompt.setText(self._prompt())
        super().changeEvent(event)

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.text.text().strip()))

    def _ok(self) -> None:
        self.reason_did_enter.emit(self.text.text().strip())
        self.accept()


def _when(value) -> str:  # type: ignore[no-untyped-def]
    return f"{value:%m-%d %H:%M:%S}" if value else ""


class EdiOutboxWidget(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowTableModel([
            Column("ref", lambda: self.tr("Control ref."), lambda r: r.control_ref),
            Column("kind", lambda: self.tr("Message"), lambda r: r.kind),
            Column("doc", lambda: self.tr("Document"), lambda r: r.document_no),
            Column("customer", lambda: self.tr("Customer"), lambda r: r.customer_code),
            Column("state", lambda: self.tr("State"), lambda r: state_text(r.state)),
            Column("attempts", lambda: self.tr("Attempts"), lambda r: r.attempts,
                   Qt.AlignmentFlag.AlignRight),
            Column("next", lambda: self.tr("Next attempt (UTC)"), lambda r: _when(r.next_attempt_at)),
            Column("error", lambda: self.tr("Partner's answer / error"),
                   lambda r: (r.last_error or "").replace("\n", " ")[:160],
                   tooltip=lambda r: r.last_error),
        ], self, row_style=lambda r: ({Qt.ItemDataRole.BackgroundRole: STATE_COLOURS[r.state]}
                                      if r.state in STATE_COLOURS else {}))
        self.view = QTableView()
        self.view.setObjectName("ediOutboxTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.retry_button = QPushButton()
        self.cancel_button = QPushButton()
        self.refresh_button = QPushButton()
        self.retry_button.clicked.connect(self._retry)
        self.cancel_button.clicked.connect(self._cancel)
        self.refresh_button.clicked.connect(self.reload)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.retry_button)
        bar.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(self._enable)
        self.retranslate_ui()
        self._enable()

    def retranslate_ui(self) -> None:
        self.retry_button.setText(self.tr("Retry"))
        self.cancel_button.setText(self.tr("Stop sending…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.model.retranslate()
        self._summarise()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def reload(self) -> None:
        self.ctx.tasks.query(edi_outbox.list_messages, self.ctx.desk, on_done=self._loaded)

    def _loaded(self, rows: list[MessageRow]) -> None:
        self.model.set_rows(rows)
        for col, width in enumerate((150, 72, 140, 70, 80, 84, 130)):
            self.view.setColumnWidth(col, width)
        self._summarise()
        self._enable()

    def _summarise(self) -> None:
        rows = self.model.rows
        failed = sum(1 for r in rows if r.state == "error")
        waiting = sum(1 for r in rows if r.state in ("pending", "sending"))
        self.summary.setText(self.tr("{n} messages: {waiting} waiting, {failed} failed "
                                     "(the server's sender retries with growing pauses)")
                             .format(n=len(rows), waiting=waiting, failed=failed))

    def selected(self) -> MessageRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().hasSelection():
            return None
        return self.model.rows[index.row()]

    def _enable(self) -> None:
        row = self.selected()
        self.retry_button.setEnabled(row is not None and row.state in ("error", "pending"))
        self.cancel_button.setEnabled(row is not None and row.state in ("error", "pending",
                                                                         "sent"))

    def _retry(self) -> None:
        row = self.selected()
        if row is not None:
            self.ctx.tasks.mutate(edi_outbox.retry, self.ctx.desk, row.control_ref,
                                  "retried by finance", on_done=lambda _c: self.reload())

    def cancel_dialog(self) -> ReasonDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = ReasonDialog(lambda: self.tr("Stop sending {ref}").format(ref=row.control_ref),
                              lambda: self.tr("Why should {doc} not be sent to the customer?")
                              .format(doc=row.document_no), self)
        dialog.reason_did_enter.connect(lambda reason: self.ctx.tasks.mutate(
            edi_outbox.cancel, self.ctx.desk, row.control_ref, reason,
            on_done=lambda _c: self.reload()))
        return dialog

    def _cancel(self) -> None:
        dialog = self.cancel_dialog()
        if dialog is not None:
            dialog.open()
