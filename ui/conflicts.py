# i18n-area: sync
"""The conflict panel: for each field two stations changed while apart, the value before
(base), the value it holds now and the one set aside, with who, at which station, when;
and the rule that chose. A person keeps one of them; the choice is sent with the next
sync round (works offline) and every station then shows it resolved."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orderdesk.changes import Changes
from orderdesk.sync import parking
from orderdesk.sync import station as local
from orderdesk.sync.station import ConflictRow


def _when(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.replace(tzinfo=dt.timezone.utc).astimezone().strftime("%m-%d %H:%M")


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in list(value.items())[:4]) + " …"
    return str(value)


class ConflictTableModel(QAbstractTableModel):
    """Rows of ConflictRow (frozen dataclasses from orderdesk.sync.station)."""

    COLUMNS = ("order", "field", "base", "kept", "kept_by", "other", "other_by", "rule",
               "status")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ConflictRow] = []

    def set_rows(self, rows: list[ConflictRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "order": self.tr("Order"), "field": self.tr("Field"), "base": self.tr("Before"),
            "kept": self.tr("Value now"), "kept_by": self.tr("Set by"),
            "other": self.tr("Other value"), "other_by": self.tr("Other by"),
            "rule": self.tr("Rule"), "status": self.tr("Status"),
        }[self.COLUMNS[section]]

    def _field(self, row: ConflictRow) -> str:
        if row.kind == parking.KIND:
            return self.tr("transaction not sent ({n} changes)").format(n=row.other_value or "")
        if row.kind == "rejected":
            return self.tr("change not applied")
        names = {
            "quantity": self.tr("Quantity"), "unit_price": self.tr("Unit price"),
            "customer_po": self.tr("Customer PO"), "requested_date": self.tr("Requested date"),
            "promised_date": self.tr("Promised date"), "delivery_address": self.tr("Address"),
            "contact_name": self.tr("Contact"), "contact_phone": self.tr("Phone"),
            "status_sales": self.tr("Sales status"),
            "status_production": self.tr("Production status"),
            "status_warehouse": self.tr("Warehouse status"), "rush": self.tr("Rush"),
            "cancelled": self.tr("Cancelled"), "merged_into_id": self.tr("Merged into"),
            "on_hand": self.tr("Stock on hand"), "customer_id": self.tr("Customer"),
        }
        return names.get(row.field or "", row.field or row.entity)

    def _rule(self, row: ConflictRow) -> str:
        if row.kind == parking.KIND:
            return self.tr("parked: {reason}").format(reason=row.detail or "")
        rule = {
            "last_arrival_wins": self.tr("later change kept"),
            "forward_status_wins": self.tr("further status kept"),
            "server_value_kept": self.tr("guarded: first value kept"),
            "not_applied": self.tr("not applied"),
        }.get(row.rule, row.rule)
        reason = self._reason(row.detail)
        return f"{rule} — {reason}" if reason else rule

    def _reason(self, detail: str | None) -> str:
        """The server's refusal code (e.g. 'not_permitted: wh1 needs order.write (tx …)')
        in words; the raw detail stays in the tooltip for the administrator."""
        if not detail:
            return ""
        code, _, rest = detail.partition(":")
        subject = rest.split(" (tx ")[0].strip()
        user = subject.split(" needs ")[0] if " needs " in subject else subject
        texts = {
            "not_permitted": self.tr("{user} may not make this change").format(user=user),
            "unknown_user": self.tr("user {user} is unknown to the server").format(user=user),
            "user_disabled": self.tr("account {user} is disabled on the server").format(
                user=user),
            "no_user": self.tr("the change names no user"),
            "system_not_permitted": self.tr("accounts and roles need a named administrator"),
            "not_syncable": self.tr("this record is never synchronised"),
            "row_missing": self.tr("the record no longer exists on the server"),
            "edited_elsewhere": self.tr("the record was changed elsewhere meanwhile"),
            "delete_forbidden": self.tr("records are never deleted"),
            "integrity": self.tr("clashes with data on the server (e.g. a number in use)"),
            "role_mix": self.tr("{user} would hold roles that must stay separate").format(
                user=user.split()[0] if user else ""),
        }
        return texts.get(code.split(" (tx ")[0].strip(), "")

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "order":
                return row.order_no or row.entity_id[:8]
            if column == "field":
                return self._field(row)
            if column == "base":
                return _value(row.base_value)
            if column == "kept":
                return _value(row.kept_value)
            if column == "kept_by":
                return " ".join(filter(None, (row.kept_user, row.kept_station,
                                              _when(row.kept_at))))
            if column == "other":
                return _value(row.other_value)
            if column == "other_by":
                return " ".join(filter(None, (row.other_user, row.other_station,
                                              _when(row.other_at))))
            if column == "rule":
                return self._rule(row)
            if column == "status":
                if row.status == "resolved":
                    return self.tr("resolved by {user}").format(user=row.resolved_by or "")
                return self.tr("waiting to send") if row.pending else self.tr("open")
        if role == Qt.ItemDataRole.ToolTipRole and row.detail:
            return row.detail
        return None


class ConflictsPanel(QWidget):
    resolution_did_choose = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("conflictsPanel")
        self.ctx = ctx
        self.title = QLabel()
        self.title.setObjectName("conflictsTitle")
        self.show_resolved = QCheckBox()
        self.show_resolved.setObjectName("showResolved")
        self.show_resolved.toggled.connect(self.reload)
        self.model = ConflictTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("conflictsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("keepCurrent")
        self.other_button = QPushButton()
        self.other_button.setObjectName("useOther")
        self.keep_button.clicked.connect(lambda: self._choose("kept"))
        self.other_button.clicked.connect(lambda: self._choose("other"))
        self.message = QLabel()
        self.message.setObjectName("conflictsMessage")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.show_resolved)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.other_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.changes_did_apply.connect(self._on_changes)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Conflicts between stations: both values are kept until "
                                   "someone decides"))
        self.show_resolved.setText(self.tr("Show resolved"))
        self.keep_button.setText(self.tr("Keep value now"))
        self.other_button.setText(self.tr("Use other value"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if changes.conflicts or changes.orders:
            self.reload()

    def reload(self) -> None:
        self.ctx.tasks.query(local.list_conflicts, self.ctx.desk,
                             open_only=not self.show_resolved.isChecked(),
                             on_done=self._on_loaded)

    def _on_loaded(self, rows: list[ConflictRow]) -> None:
        self.model.set_rows(rows)
        self._update_buttons()

    def selected(self) -> ConflictRow | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self, *_: object) -> None:
        row = self.selected()
        usable = row is not None and row.status == "open" and not row.pending
        parked = row is not None and row.kind == parking.KIND
        # A parked transaction: an administrator sends it again or gives it up.
        self.keep_button.setText(self.tr("Retry") if parked else self.tr("Keep value now"))
        self.other_button.setText(self.tr("Discard") if parked else self.tr("Use other value"))
        user = self.ctx.desk.user
        if parked and user is not None and not user.can(parking.ACTION):
            usable = False
        self.keep_button.setEnabled(usable)
        self.other_button.setEnabled(usable and row is not None and row.kind != "rejected")

    def _choose(self, keep: str) -> None:
        row = self.selected()
        if row is None:
            return
        if row.kind == parking.KIND:
            decide = parking.retry if keep == "kept" else parking.discard
            self.ctx.tasks.mutate(decide, self.ctx.desk, row.entity_id, on_done=self._on_chosen)
            return
        self.ctx.tasks.mutate(local.choose_resolution, self.ctx.desk, row.id, keep=keep,
                              on_done=self._on_chosen)

    def _on_chosen(self, changes: Changes) -> None:
        # (the task runner already announced `changes`)
        self.message.setText(self.tr("Decision saved; it is sent with the next sync."))
        self.resolution_did_choose.emit()
        self.reload()


class ConflictsDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.panel = ConflictsPanel(ctx, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.resize(1000, 420)
        self.setWindowTitle(self.tr("Sync conflicts"))
