"""Apply a change request from a message ('上次那单改成6000') to the order it means.

The message pane hands the parsed change request here; the panel asks the core which
orders it may refer to (`find_change_targets`, on the query pool), lists them best first
with why they match, and shows the proposed change of the selected order as old → new
per field. One order pre-selected only when the core found a clear one; otherwise the
person picks. "Apply change…" asks once, then `apply_change_request` runs on the writer
thread; "Undo" puts the fields back from the audit (`undo_change_request`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orderdesk.intake.change_requests import (
    ChangeApplied,
    ChangeTargets,
    TargetOrder,
    apply_change_request,
    find_change_targets,
    undo_change_request,
    with_line,
)
from orderdesk.intake.messages import MessageProposal
from orderdesk.ui.board.labels import status_label
from orderdesk.ui.board.table import Column, RowTableModel
from orderdesk.ui.errors import describe_error
from orderdesk.ui.sales.texts import change_field_label, refusal_label, why_label

BLOCKED = QColor("#eeeeee")
GOOD = "color: #1b5e20;"
BAD = "color: #b00020;"


def _value(name: str, value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return ""   # worded by the panel (yes/no)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class ChangeRequestPanel(QWidget):
    """`targets_did_load(ChangeTargets)`, `change_did_apply(ChangeApplied)`, `change_did_undo(obj)`."""

    targets_did_load = Signal(object)
    change_did_apply = Signal(object)
    change_did_undo = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.targets: ChangeTargets | None = None
        self.applied: ChangeApplied | None = None
        self.confirm_box: QMessageBox | None = None
        self._current: TargetOrder | None = None
        self._now: dt.datetime | None = None
        self._request = 0

        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.status = QLabel()
        self.status.setObjectName("changeStatus")
        self.status.setWordWrap(True)
        self.orders_model = RowTableModel([
            Column("order", lambda: self.tr("Order no."), lambda t: t.order_no),
            Column("time", lambda: self.tr("Ordered"),
                   lambda t: t.order_time.strftime("%Y-%m-%d %H:%M")),
            Column("lines", lambda: self.tr("Lines"),
                   lambda t: ", ".join(f"{ln.sku}×{_value('quantity', ln.quantity)}"
                                       for ln in t.lines)),
            Column("due", lambda: self.tr("Due date"), lambda t: _value("due", t.requested_date)),
            Column("status", lambda: self.tr("Status"), self._status_text),
            Column("why", lambda: self.tr("Matched by"),
                   lambda t: ", ".join(why_label(w) for w in t.why)),
        ], self, row_style=lambda t: ({Qt.ItemDataRole.BackgroundRole: QBrush(BLOCKED)}
                                      if t.blocked else {}))
        self.orders = QTableView()
        self.orders.setObjectName("changeOrders")
        self.orders.setModel(self.orders_model)
        self.orders.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.orders.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.orders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders.verticalHeader().setVisible(False)
        self.orders.horizontalHeader().setStretchLastSection(True)
        self.orders.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._on_order_selected(cur.row()))
        self.fields = QTableWidget(0, 4)
        self.fields.setObjectName("changeFields")
        self.fields.verticalHeader().setVisible(False)
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Room for every field a message can change (quantity, due date, rush) plus header.
        self.fields.setMinimumHeight(150)
        self.orders.setMinimumHeight(110)
        self._line_label = QLabel()
        self.line_choice = QComboBox()
        self.line_choice.setObjectName("changeLine")
        self.line_choice.currentIndexChanged.connect(self._on_line_chosen)
        self.result = QLabel()
        self.result.setObjectName("changeResult")
        self.result.setWordWrap(True)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undoChange")
        self.undo_button.setVisible(False)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("applyChange")
        self.apply_button.setEnabled(False)

        line_row = QHBoxLayout()
        line_row.addWidget(self._line_label)
        line_row.addWidget(self.line_choice, 1)
        self._line_row = QWidget()
        self._line_row.setLayout(line_row)
        line_row.setContentsMargins(0, 0, 0, 0)
        self._line_row.setVisible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.result, 1)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.orders, 3)
        layout.addWidget(self.fields, 1)
        layout.addWidget(self._line_row)
        layout.addLayout(bottom)

        self.apply_button.clicked.connect(self.ask_to_apply)
        self.undo_button.clicked.connect(self.undo)
        self.retranslate_ui()

    # -- texts ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Which order does the message change?"))
        self._line_label.setText(self.tr("Line to change"))
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Product"),
                                               self.tr("Now"), self.tr("New")])
        self.apply_button.setText(self.tr("Apply change…"))
        self.undo_button.setText(self.tr("Undo"))
        self.orders_model.retranslate()
        if self.targets is not None:
            self._show_status()
            self._fill_fields()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _status_text(self, t: TargetOrder) -> str:
        if t.problem in ("cancelled", "merged"):
            return refusal_label(t.problem)
        return f"{status_label(t.status_sales)} / {status_label(t.status_warehouse)}"

    # -- loading --------------------------------------------------------------------------
    def clear(self) -> None:
        self._request += 1          # an answer still on its way is for another message
        self.targets = None
        self._current = None
        self.orders_model.set_rows([])
        self.fields.setRowCount(0)
        self.status.setText("")
        self.result.setText("")
        self.undo_button.setVisible(False)
        self._line_row.setVisible(False)
        self.apply_button.setEnabled(False)

    def load(self, proposal: MessageProposal, *, now: dt.datetime | None = None) -> None:
        """Find the orders the change request may mean (query pool)."""
        self.clear()
        self.applied = None
        self._now = now
        self._request += 1
        request = self._request
        self.status.setText(self.tr("Looking for the order…"))
        self.status.setStyleSheet("")
        # A message proposed again before the answer came: only the last answer shows.
        self.ctx.tasks.query(find_change_targets, self.ctx.desk, proposal.text, now=now,
                             proposal=proposal,
                             on_done=lambda t: request == self._request and self._on_targets(t),
                             on_error=lambda e: request == self._request and self._on_failed(e))

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))
        self.status.setStyleSheet(BAD)

    def _on_targets(self, targets: ChangeTargets) -> None:
        self.targets = targets
        self.orders_model.set_rows(list(targets.candidates))
        self.orders.resizeColumnsToContents()
        self._show_status()
        row = next((i for i, t in enumerate(targets.candidates) if t.id == targets.chosen_id), -1)
        if row >= 0:
            self.orders.selectRow(row)
        else:
            self.orders.clearSelection()
            self._on_order_selected(-1)
        self.targets_did_load.emit(targets)

    def _show_status(self) -> None:
        t = self.targets
        if t is None:
            return
        chosen = t.candidate(t.chosen_id)
        texts = {
            "no_customer": self.tr("No customer recognised: the message must name the customer "
                                   "or the order number."),
            "no_orders": self.tr("This customer has no orders to change."),
            "order_not_found": self.tr("The order number in the message is not in orderdesk."),
            "ambiguous": self.tr("Several orders could be meant: choose one."),
            "not_a_change": self.tr("This message is not a change to an order."),
        }
        if chosen is not None:
            text = self.tr("The message most likely means {order} ({why}). Check the change "
                           "and apply.").format(order=chosen.order_no,
                                                why=", ".join(why_label(w) for w in chosen.why))
        else:
            text = texts.get(t.problem or "", "")
        if t.problem == "order_not_found" and t.candidates:
            text += " " + self.tr("The customer's recent orders are listed below.")
        self.status.setText(text)
        self.status.setStyleSheet(BAD if t.problem in ("no_customer", "no_orders",
                                                       "order_not_found") else "")

    # -- one order ------------------------------------------------------------------------
    def selected(self) -> TargetOrder | None:
        return self._current

    def select_order(self, order_no: str) -> None:
        for i, t in enumerate(self.orders_model.rows):
            if t.order_no == order_no:
                self.orders.selectRow(i)
                return

    def _on_order_selected(self, row: int) -> None:
        self._current = self.orders_model.row_at(row)
        self.line_choice.blockSignals(True)
        self.line_choice.clear()
        t = self._current
        unclear = t is not None and t.problem == "line_unclear"
        if unclear:
            self.line_choice.addItem(self.tr("(choose the line)"), None)
            for ln in t.lines:
                self.line_choice.addItem(f"{ln.line_no}. {ln.sku} × {_value('q', ln.quantity)}",
                                         ln.id)
        self.line_choice.blockSignals(False)
        self._line_row.setVisible(unclear)
        self._fill_fields()

    def _on_line_chosen(self, _index: int) -> None:
        line_id = self.line_choice.currentData()
        base = self.orders_model.row_at(self.orders.currentIndex().row())
        if base is None or self.targets is None:
            return
        self._current = (with_line(base, line_id, self.targets.proposal) if line_id else base)
        self._fill_fields()

    def _fill_fields(self) -> None:
        t = self._current
        changes = t.changes if t is not None else ()
        self.fields.setRowCount(len(changes))
        yes, no = self.tr("yes"), self.tr("no")
        for i, ch in enumerate(changes):
            old = (yes if ch.old else no) if ch.field in ("rush", "cancelled") else _value(
                ch.field, ch.old)
            new = (yes if ch.new else no) if ch.field in ("rush", "cancelled") else _value(
                ch.field, ch.new)
            for col, text in enumerate((change_field_label(ch.field), ch.sku or "", old,
                                        "→ " + new)):
                item = QTableWidgetItem(text)
                if col == 3:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.fields.setItem(i, col, item)
        problem = t.problem if t is not None else None
        if t is not None and problem:
            self.result.setText(self.tr("{order}: {reason}").format(
                order=t.order_no, reason=refusal_label(problem)))
            self.result.setStyleSheet(BAD if t.blocked else "")
        elif self.applied is None:
            self.result.setText("")
        self.apply_button.setEnabled(t is not None and not problem and bool(changes)
                                     and self.applied is None)
        if t is not None:
            self.apply_button.setText(self.tr("Apply change to {order}…").format(order=t.order_no))
        else:
            self.apply_button.setText(self.tr("Apply change…"))

    # -- apply and undo -------------------------------------------------------------------
    def ask_to_apply(self) -> None:
        """One confirmation, then the change is written (writer thread)."""
        t = self._current
        if t is None or self.targets is None or not t.changes:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Apply change"),
                          self.tr("Change order {order} as shown? The message is kept as a note "
                                  "on the order.").format(order=t.order_no),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("confirmChange")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda t=t: self.apply(t))
        self.confirm_box = box
        box.open()

    def apply(self, target: TargetOrder) -> None:
        if self.targets is None:
            return
        self.apply_button.setEnabled(False)
        self.ctx.tasks.mutate(apply_change_request, self.ctx.desk, target.id, target.changes,
                              self.targets.proposal.text, on_done=self._on_applied,
                              on_error=self._on_apply_failed)

    def _on_applied(self, applied: ChangeApplied) -> None:
        self.applied = applied
        self.result.setText(self.tr("Changed {order}. The message is kept as a note.").format(
            order=applied.order_no))
        self.result.setStyleSheet(GOOD)
        self.undo_button.setVisible(True)
        self.undo_button.setEnabled(True)
        self.apply_button.setEnabled(False)
        self.change_did_apply.emit(applied)

    def _on_apply_failed(self, exc: BaseException) -> None:
        self.result.setText(describe_error(exc))
        self.result.setStyleSheet(BAD)
        self.apply_button.setEnabled(True)

    def undo(self) -> None:
        if self.applied is None:
            return
        self.undo_button.setEnabled(False)
        self.ctx.tasks.mutate(undo_change_request, self.ctx.desk, self.applied.tx_id,
                              on_done=self._on_undone, on_error=self._on_undo_failed)

    def _on_undone(self, undone: Any) -> None:
        self.result.setText(self.tr("Undone: {order} is back as it was.").format(
            order=undone.order_no))
        self.result.setStyleSheet("")
        self.undo_button.setVisible(False)
        self.change_did_undo.emit(undone)
        # The orders changed twice: ask again what the message would do now.
        if self.targets is not None:
            self.applied = None
            proposal = self.targets.proposal
            self.ctx.tasks.query(find_change_targets, self.ctx.desk, proposal.text,
                                 now=self._now, proposal=proposal, on_done=self._on_targets_after_undo,
                                 on_error=self._on_failed)

    def _on_targets_after_undo(self, targets: ChangeTargets) -> None:
        keep = self.result.text()
        self._on_targets(targets)
        self.result.setText(keep)

    def _on_undo_failed(self, exc: BaseException) -> None:
        self.result.setText(describe_error(exc))
        self.result.setStyleSheet(BAD)
        self.undo_button.setEnabled(True)
