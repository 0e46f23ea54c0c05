"""Green-channel board: rush orders with their department steps and timers, confirm
buttons, escalation notifications, the rush→PMC latency figure.

Every minute (a QTimer on the GUI thread that only submits work) it runs the escalation
check on the writer thread and posts queued robot messages on the query pool
(orderdesk.sync.webhooks); nothing here waits for the network.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orderdesk.changes import Changes
from orderdesk.models.base import utcnow
from orderdesk.pmc import green_channel as gc
from orderdesk.ui.board.table import Column, RowTableModel

STATE_COLOURS = {"done": QColor("#cfe9cf"), "late": QColor("#f6c9c9"),
                 "running": QColor("#fbe3a6"), "waiting": QColor("#ffffff")}
RUSH_MARK = "\u26a1 "


def step_name(step: str) -> str:
    return {
        "engineering": QCoreApplication.translate("pmc", "Engineering confirmation"),
        "pmc": QCoreApplication.translate("pmc", "PMC kit check and scheduling"),
        "warehouse": QCoreApplication.translate("pmc", "Warehouse picking"),
        "quality": QCoreApplication.translate("pmc", "Quality certificate"),
        "shipping": QCoreApplication.translate("pmc", "Shipping"),
    }.get(step, step)


def short_step_name(step: str) -> str:
    return {
        "engineering": QCoreApplication.translate("pmc", "Eng."),
        "pmc": QCoreApplication.translate("pmc", "PMC"),
        "warehouse": QCoreApplication.translate("pmc", "Picking"),
        "quality": QCoreApplication.translate("pmc", "Quality"),
        "shipping": QCoreApplication.translate("pmc", "Ship"),
    }.get(step, step)


def _clock(delta: dt.timedelta) -> str:
    """h:mm for narrow step cells."""
    m = int(abs(delta.total_seconds()) // 60)
    return f"{m // 60}:{m % 60:02d}"


def _minutes(delta: dt.timedelta) -> str:
    m = int(abs(delta.total_seconds()) // 60)
    if m >= 60:
        return QCoreApplication.translate("pmc", "{h} h {m} min").format(h=m // 60, m=m % 60)
    return QCoreApplication.translate("pmc", "{m} min").format(m=m)


class RushRequestDialog(QDialog):
    """Sales ask for the green channel: which order, and why."""

    def __init__(self, parent: QWidget | None = None, order_no: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Request rush (green channel)"))
        self.order = QLineEdit(order_no)
        self.order.setObjectName("rushOrder")
        self.order.setPlaceholderText(self.tr("Order number, channel number or customer PO"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("rushReason")
        self.reason.setPlaceholderText(self.tr("Why it is urgent (customer line stop, …)"))
        self.reason.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Order"), self.order)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, 220)
        from orderdesk.ui.retranslate import install

        install(self)   # follows a language switch (texts are set above, once)


def _request_by_number(desk, number: str, reason: str) -> gc.RushCaseRow:  # type: ignore[no-untyped-def]
    from orderdesk.errors import NotFound
    from orderdesk.services.board import find_order_id

    oid = find_order_id(desk, number)
    if oid is None:
        raise NotFound(entity="order", key=number)
    return gc.request_rush(desk, oid, reason)


class _CaseResult:
    """A RushCaseRow announced as an orders change (the rush mark moved)."""

    def __init__(self, case: gc.RushCaseRow) -> None:
        self.case = case
        self.changes = Changes(orders=True)


def _confirm(desk, order_id: str, step: str) -> _CaseResult:  # type: ignore[no-untyped-def]
    return _CaseResult(gc.confirm_step(desk, order_id, step))


def _request(desk, number: str, reason: str) -> _CaseResult:  # type: ignore[no-untyped-def]
    return _CaseResult(_request_by_number(desk, number, reason))


class _TickResult:
    """Orders the rules put in the channel, and escalations made, in one writer task."""

    def __init__(self, added: list[str], escalations: list[gc.EscalationRow]) -> None:
        self.added = added
        self.escalations = escalations
        self.changes = Changes(orders=bool(added or escalations))


def _escalate(desk, now: dt.datetime) -> _TickResult:  # type: ignore[no-untyped-def]
    return _TickResult(gc.evaluate_rules(desk, now=now), gc.due_escalations(desk, now=now))


def _board_data(desk, now: dt.datetime):  # type: ignore[no-untyped-def]
    # Supervisors see every department's escalations; others their own departments'.
    everyone = desk.user is None or "supervisor" in desk.user.roles
    return (gc.list_cases(desk), gc.notifications(desk, all_roles=everyone),
            gc.rush_latency(desk, since=now - dt.timedelta(days=30)), gc.webhook_status(desk))


class GreenChannelBoard(QWidget):
    """Rush cases (⚡, oldest first), per-step state, confirm, notifications, latency."""

    board_did_load = Signal()

    def __init__(self, ctx, parent: QWidget | None = None, *,  # type: ignore[no-untyped-def]
                 clock: Callable[[], dt.datetime] = utcnow, tick_ms: int = 60_000,
                 escalate: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.clock = clock
        self.cases: list[gc.RushCaseRow] = []
        self._sender = None
        self._build()
        self.retranslate_ui()
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick if escalate else self.reload)
        self.timer.start()

    def _build(self) -> None:
        cols = [
            Column("order", lambda: self.tr("Order"), lambda c: RUSH_MARK + c.order_no),
            Column("customer", lambda: self.tr("Customer"), lambda c: c.customer_name),
            Column("tier", lambda: self.tr("Tier"), lambda c: c.customer_tier),
            Column("need", lambda: self.tr("Need date"),
                   lambda c: c.need_date.isoformat() if c.need_date else ""),
            Column("source", lambda: self.tr("Why"), self._source_text,
                   tooltip=lambda c: c.reason),
            Column("current", lambda: self.tr("Current step"), self._current_text),
        ]
        for i, step in enumerate(gc.STEP_NAMES):
            cols.append(Column(step, (lambda s=step: short_step_name(s)),
                               (lambda c, i=i: self._step_text(c, i)),
                               tooltip=(lambda c, i=i: self._step_tip(c, i))))
        self.model = _CaseModel(cols, self)
        self.model.board = self
        self.view = QTableView()
        self.view.setObjectName("rushCases")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((165, 170, 45, 95, 200, 270, 75, 75, 75, 75, 75)):
            self.view.setColumnWidth(col, width)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)

        self.step_combo = QComboBox()
        self.step_combo.setObjectName("stepCombo")
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("confirmStep")
        self.confirm_button.clicked.connect(self._on_confirm)
        self.request_button = QPushButton()
        self.request_button.setObjectName("requestRush")
        self.request_button.clicked.connect(self._on_request)
        self.rules_button = QPushButton()
        self.rules_button.setObjectName("rulesButton")
        self.rules_button.clicked.connect(self._on_rules)
        self.latency = QLabel()
        self.latency.setObjectName("rushLatency")
        self.notes_title = QLabel()
        self.notes = QListWidget()
        self.notes.setObjectName("notifications")
        self.notes.setWordWrap(True)
        self.read_button = QPushButton()
        self.read_button.clicked.connect(self._on_mark_read)
        self.webhook_state = QLabel()
        self.webhook_state.setObjectName("webhookState")

        buttons = QHBoxLayout()
        buttons.addWidget(self.step_combo)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        buttons.addWidget(self.request_button)
        buttons.addWidget(self.rules_button)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.latency)
        tl.addWidget(self.view, 1)
        tl.addLayout(buttons)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.notes_title, 1)
        head.addWidget(self.webhook_state)
        head.addWidget(self.read_button)
        bl.addLayout(head)
        bl.addWidget(self.notes)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([420, 180])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def retranslate_ui(self) -> None:
        self.confirm_button.setText(self.tr("Confirm step"))
        self.request_button.setText(self.tr("Request rush…"))
        self.rules_button.setText(self.tr("Green-channel rules…"))
        self.notes_title.setText(self.tr("Escalations for you"))
        self.read_button.setText(self.tr("Mark read"))
        current = self.step_combo.currentData()
        self.step_combo.clear()
        for step in gc.STEP_NAMES:
            self.step_combo.addItem(step_name(step), step)
        self.step_combo.setCurrentIndex(max(self.step_combo.findData(current), 0))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          self.model.columnCount() - 1)
        self._show_latency(getattr(self, "_latency", None))

    # -- texts ----------------------------------------------------------------------------
    def _source_text(self, c: gc.RushCaseRow) -> str:
        head = {"rule": self.tr("Rule"), "manual": self.tr("Sales request")}.get(
            c.source, self.tr("Marked rush"))
        return f"{head}: {c.reason}"

    def _current_text(self, c: gc.RushCaseRow) -> str:
        step = c.current()
        if step is None:
            return self.tr("All steps done")
        now = self.clock()
        if step.due_at is None:
            return step_name(step.step)
        left = step.due_at - now
        if left.total_seconds() < 0:
            return self.tr("{step}: late by {time}").format(step=step_name(step.step),
                                                            time=_minutes(left))
        return self.tr("{step}: {time} left").format(step=step_name(step.step),
                                                     time=_minutes(left))

    def _step_text(self, c: gc.RushCaseRow, i: int) -> str:
        s = c.steps[i]
        state = s.state(self.clock())
        return {"done": "\u2714 " + (_local(s.done_at)[-5:] if s.done_at else ""),
                "late": "\u26a0 " + self.tr("late"),
                "running": _clock(s.due_at - self.clock()) if s.due_at else "",
                "waiting": "…"}[state]

    def _step_tip(self, c: gc.RushCaseRow, i: int) -> str:
        s = c.steps[i]
        parts = [step_name(s.step),
                 self.tr("target {minutes} min").format(minutes=s.target_minutes)]
        if s.due_at:
            parts.append(self.tr("due {time}").format(time=_local(s.due_at)))
        if s.done_at:
            parts.append(self.tr("confirmed {time} by {user}").format(
                time=_local(s.done_at), user=s.done_by or "-"))
        if s.escalation_level:
            parts.append(self.tr("escalated (level {level})").format(level=s.escalation_level))
        return "\n".join(parts)

    def step_state(self, c: gc.RushCaseRow, i: int) -> str:
        return c.steps[i].state(self.clock())

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.tasks.query(_board_data, self.ctx.desk, self.clock(), on_done=self._on_data,
                             on_error=lambda e: None)

    def on_changes(self, changes: Changes) -> None:
        if changes.orders or changes.settings:
            self.reload()

    def _on_data(self, data) -> None:  # type: ignore[no-untyped-def]
        cases, notes, latency, webhook = data
        # Most urgent first: the current step that is (or soonest will be) late.
        cases = sorted(cases, key=lambda c: (
            (c.current().due_at if c.current() and c.current().due_at else dt.datetime.max),
            c.requested_at))
        current = self._selected()
        self.cases = cases
        self.model.set_rows(cases)
        if current is not None:
            for i, c in enumerate(cases):
                if c.id == current.id:
                    self.view.selectRow(i)
        elif cases:
            self.view.selectRow(0)
        self.notes.clear()
        for n in notes:
            item = QListWidgetItem(f"{_local(n.created_at)}  {n.body}")
            item.setData(Qt.ItemDataRole.UserRole, n.id)
            if n.read_at is None:
                font = QFont()
                font.setBold(True)
                item.setFont(font)
            self.notes.addItem(item)
        self._latency = latency
        self._show_latency(latency)
        waiting, sent, error = webhook
        text = self.tr("Robot messages: {sent} sent, {waiting} waiting").format(
            sent=sent, waiting=waiting)
        if error:
            text += " · " + self.tr("last error: {error}").format(error=error)
        self.webhook_state.setText(text)
        self._update_buttons()
        self.board_did_load.emit()

    def _show_latency(self, r: gc.LatencyReport | None) -> None:
        if r is not None and r.rows and not r.confirmed:
            self.latency.setText(self.tr("Rush request → PMC confirmation (30 days): no PMC "
                                         "confirmation yet, {pending} waiting · {n} in the "
                                         "green channel").format(pending=r.pending,
                                                                 n=len(self.cases)))
            return
        if r is None or not r.rows:
            self.latency.setText(self.tr("Rush request → PMC confirmation (30 days): no rush "
                                         "orders yet · {n} in the green channel").format(
                n=len(self.cases)))
            return
        median = "-" if r.median_minutes is None else f"{r.median_minutes:.0f}"
        within = "-" if r.within_target is None else f"{r.within_target:.0%}"
        self.latency.setText(self.tr(
            "Rush request → PMC confirmation (30 days): median {median} min, within 2 h "
            "{within}, {pending} waiting · {n} in the green channel").format(
            median=median, within=within, pending=r.pending, n=len(self.cases)))

    # -- actions --------------------------------------------------------------------------
    def _selected(self) -> gc.RushCaseRow | None:
        index = self.view.currentIndex()
        return self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _update_buttons(self, *args: object) -> None:
        case = self._selected()
        step = case.current() if case else None
        if step is not None:
            self.step_combo.setCurrentIndex(max(self.step_combo.findData(step.step), 0))
        self.confirm_button.setEnabled(case is not None and step is not None)

    def _on_confirm(self) -> None:
        case = self._selected()
        if case is None:
            return
        self.confirm(case.order_id, self.step_combo.currentData())

    def confirm(self, order_id: str, step: str) -> None:
        self.ctx.tasks.mutate(_confirm, self.ctx.desk, order_id, step,
                              on_done=lambda r: self.reload(), on_error=self._on_error)

    def _on_request(self) -> None:
        dialog = RushRequestDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.request(dialog.order.text().strip(), dialog.reason.toPlainText().strip())

    def request(self, number: str, reason: str) -> None:
        self.ctx.tasks.mutate(_request, self.ctx.desk, number, reason,
                              on_done=lambda r: self.reload(), on_error=self._on_error)

    def _on_rules(self) -> None:
        from orderdesk.ui.pmc.rules_dialog import GreenChannelRulesDialog

        GreenChannelRulesDialog(self.ctx, self).exec()

    def _on_mark_read(self) -> None:
        item = self.notes.currentItem()
        if item is not None:
            self.ctx.tasks.mutate(gc.mark_read, self.ctx.desk, item.data(Qt.ItemDataRole.UserRole),
                                  on_done=lambda r: self.reload(), on_error=self._on_error)

    def _on_error(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from orderdesk.ui.pmc.errors import describe

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Green channel"), describe(exc),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("rushErrorBox")
        box.open()          # not exec(): the board keeps updating behind it

    # -- escalation and robot messages (every minute) --------------------------------------
    def tick(self) -> None:
        """Escalate stalled steps (writer thread), then post robot messages (pool)."""
        self.ctx.tasks.mutate(_escalate, self.ctx.desk, self.clock(),
                              on_done=self._after_escalation, on_error=self._on_tick_error)

    def _on_tick_error(self, exc: BaseException) -> None:
        # A failed check is retried on the next tick; say so without a dialog every minute.
        import logging

        logging.getLogger(__name__).warning("green-channel check failed: %s", exc, exc_info=exc)
        from orderdesk.ui.pmc.errors import describe as describe_error

        self.webhook_state.setText(self.tr("Escalation check failed: {error}").format(
            error=describe_error(exc)))

    def _after_escalation(self, result: _TickResult) -> None:
        # Also retries messages left from earlier failures (or an earlier session).
        self.send_webhooks()
        self.reload()

    def send_webhooks(self) -> None:
        try:
            from orderdesk.sync.webhooks import WebhookSender
        except ImportError:           # a build without the HTTP layer: messages wait
            return
        if self._sender is None:
            from orderdesk.ui.board.share_dialog import robot_link_provider

            self._sender = WebhookSender(self.ctx.desk, link_for=robot_link_provider(self.ctx))
        self.ctx.tasks.query(self._sender.send_due, on_done=lambda r: None,
                             on_error=lambda e: None)


class _CaseModel(RowTableModel):
    """Cases table: step cells coloured by their state, late steps bold."""

    board: GreenChannelBoard

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        col = index.column() - 6 if index.isValid() else -1
        if col >= 0 and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole):
            case = self.rows[index.row()]
            state = self.board.step_state(case, col)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(STATE_COLOURS[state])
            if state == "late":
                font = QFont()
                font.setBold(True)
                return font
            return None
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


def _local(value: dt.datetime) -> str:
    from orderdesk.ui.errors import local_time_text

    return local_time_text(value)
