# i18n-area: dedup
"""Matching rules for duplicate orders, set by business users (no code): how time fades,
the search span, the two score thresholds, which fields count and what each channel's
order numbers mean (desk-typed or platform-issued). Stored in the database (setting
``dedup.rules``, audited); needs the 'settings.business' permission to save.

Before saving, "Check on decided pairs" scores the pairs people already merged or kept
with the saved and with the edited rules, so a manager sees the effect first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orderdesk.dedup import Rules, get_rules, save_rules
from orderdesk.dedup.evaluate import RulesCheck, compare_rules
from orderdesk.dedup.rules import CHANNEL_KINDS, FIELDS
from orderdesk.ui.errors import show_error



def field_label(name: str) -> str:
    return {
        "quantity": QCoreApplication.translate("dedup", "Quantity"),
        "requested_date": QCoreApplication.translate("dedup", "Requested due date"),
        "address": QCoreApplication.translate("dedup", "Delivery address"),
        "contact": QCoreApplication.translate("dedup", "Contact phone"),
        "channel": QCoreApplication.translate("dedup", "Channel and channel order number"),
        "po": QCoreApplication.translate("dedup", "Customer PO number"),
    }[name]


def kind_label(kind: str) -> str:
    return {"desk": QCoreApplication.translate("dedup", "Desk (say nothing)"),
            "platform": QCoreApplication.translate("dedup", "Platform (count against)")}[kind]


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def check_text(saved: RulesCheck, edited: RulesCheck) -> str:
    """The two checks side by side, in words."""
    def one(c: RulesCheck) -> str:
        return QCoreApplication.translate(
            "dedup", "precision {p}, recall {r}, {misses} missed, {alarms} false alarms").format(
            p=_ratio(c.precision), r=_ratio(c.recall), misses=len(c.misses),
            alarms=len(c.false_alarms))

    if not saved.merged and not saved.kept:
        return QCoreApplication.translate("dedup", "No decided pairs yet: nothing to check against.")
    return QCoreApplication.translate(
        "dedup", "On {merged} merged and {kept} kept pairs. Saved rules: {saved}. These settings: {edited}.").format(
        merged=saved.merged, kept=saved.kept, saved=one(saved), edited=one(edited))


class DedupSettingsDialog(QDialog):
    """Edit the duplicate matching rules; loads and saves off the GUI thread."""

    rules_did_save = Signal(object)
    rules_did_load = Signal(object)
    #: (saved rules' check, edited rules' check) after "Check on decided pairs".
    check_did_finish = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dedupSettings")
        self.window_spin = QSpinBox()
        self.window_spin.setRange(1, 24 * 60)
        self.fade_spin = QSpinBox()
        self.fade_spin.setRange(15, 7 * 24 * 60)
        self.span_spin = QSpinBox()
        self.span_spin.setRange(15, 7 * 24 * 60)
        self.show_spin = QSpinBox()
        self.show_spin.setRange(5, 100)
        self.flag_spin = QSpinBox()
        self.flag_spin.setRange(5, 100)
        for spin in (self.show_spin, self.flag_spin):
            spin.setSuffix(" %")
        for spin in (self.window_spin, self.fade_spin, self.span_spin, self.show_spin,
                     self.flag_spin):
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.kinds = QTableWidget(0, 2)
        self.kinds.setObjectName("dedupChannelKinds")
        self.kinds.verticalHeader().setVisible(False)
        self.kinds.horizontalHeader().setStretchLastSection(True)
        self.kinds.setMinimumHeight(120)
        self.kinds_group = QGroupBox()
        kinds_layout = QVBoxLayout(self.kinds_group)
        self.kinds_help = QLabel()
        self.kinds_help.setWordWrap(True)
        kinds_layout.addWidget(self.kinds_help)
        kinds_layout.addWidget(self.kinds)
        self.check_button = QPushButton()
        self.check_button.setObjectName("dedupCheckRules")
        self.check_button.clicked.connect(self.check)
        self.check_result = QLabel()
        self.check_result.setObjectName("dedupCheckResult")
        self.check_result.setWordWrap(True)
        self.check_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.field_boxes = {name: QCheckBox() for name in FIELDS}
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a5a00;")
        form = QFormLayout()
        self.window_label, self.show_label, self.flag_label = QLabel(), QLabel(), QLabel()
        self.fade_label, self.span_label = QLabel(), QLabel()
        form.addRow(self.window_label, self.window_spin)
        form.addRow(self.fade_label, self.fade_spin)
        form.addRow(self.span_label, self.span_spin)
        form.addRow(self.show_label, self.show_spin)
        form.addRow(self.flag_label, self.flag_spin)
        self.fields_group = QGroupBox()
        group_layout = QVBoxLayout(self.fields_group)
        for box in self.field_boxes.values():
            group_layout.addWidget(box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.show_rules(Rules()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.fields_group)
        left.addStretch(1)
        columns.addLayout(left, 1)
        columns.addWidget(self.kinds_group, 1)
        layout.addLayout(columns)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addWidget(self.check_result, 1)
        layout.addLayout(check_row)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        user = ctx.desk.user
        self.may_edit = user is None or user.can("settings.business")
        self.retranslate_ui()
        self.show_rules(Rules())
        self._set_editable(False)
        ctx.tasks.query(get_rules, ctx.desk, on_done=self._on_loaded,
                        on_error=lambda exc: show_error(self, exc))

    def _on_loaded(self, rules: Rules) -> None:
        self.show_rules(rules)
        self._set_editable(self.may_edit)
        self.rules_did_load.emit(rules)

    def show_rules(self, rules: Rules) -> None:
        self.window_spin.setValue(rules.window_minutes)
        self.fade_spin.setValue(rules.fade_minutes)
        self.span_spin.setValue(rules.span_minutes)
        self.kinds.setRowCount(0)
        for channel, kind in sorted(rules.channel_kinds.items()):
            self._add_kind_row(channel, kind)
        self.show_spin.setValue(round(rules.show_threshold * 100))
        self.flag_spin.setValue(round(rules.flag_threshold * 100))
        for name, box in self.field_boxes.items():
            box.setChecked(rules.counts(name))

    def _add_kind_row(self, channel: str, kind: str) -> None:
        from orderdesk.ui.board.labels import channel_label

        row = self.kinds.rowCount()
        self.kinds.insertRow(row)
        item = QTableWidgetItem(channel_label(channel))
        item.setData(Qt.ItemDataRole.UserRole, channel)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.kinds.setItem(row, 0, item)
        combo = QComboBox()
        for value in CHANNEL_KINDS:
            combo.addItem(kind_label(value), value)
        combo.setCurrentIndex(CHANNEL_KINDS.index(kind) if kind in CHANNEL_KINDS else 0)
        combo.setEnabled(self.may_edit and self.fade_spin.isEnabled())
        self.kinds.setCellWidget(row, 1, combo)

    def channel_kinds(self) -> dict[str, str]:
        out = {}
        for row in range(self.kinds.rowCount()):
            channel = self.kinds.item(row, 0).data(Qt.ItemDataRole.UserRole)
            combo = self.kinds.cellWidget(row, 1)
            out[channel] = combo.currentData()
        return out

    def set_channel_kind(self, channel: str, kind: str) -> None:
        for row in range(self.kinds.rowCount()):
            if self.kinds.item(row, 0).data(Qt.ItemDataRole.UserRole) == channel:
                combo = self.kinds.cellWidget(row, 1)
                combo.setCurrentIndex(CHANNEL_KINDS.index(kind))
                return
        self._add_kind_row(channel, kind)

    # -- effect before saving ---------------------------------------------------------------
    def check(self) -> None:
        """Score the decided pairs with the saved and the edited rules (query pool)."""
        self.check_button.setEnabled(False)
        self.check_result.setText(QCoreApplication.translate("dedup", "Checking…"))
        self.ctx.tasks.query(compare_rules, self.ctx.desk, self.rules(),
                             on_done=self._on_checked, on_error=self._on_check_failed)

    def _on_checked(self, result: tuple[RulesCheck, RulesCheck]) -> None:
        self.check_button.setEnabled(True)
        self.check_result.setText(check_text(*result))
        self.check_did_finish.emit(result)

    def _on_check_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.check_result.setText("")
        show_error(self, exc)

    def rules(self) -> Rules:
        return Rules(window_minutes=self.window_spin.value(),
                     fade_minutes=self.fade_spin.value(),
                     span_minutes=self.span_spin.value(),
                     channel_kinds=self.channel_kinds(),
                     show_threshold=self.show_spin.value() / 100.0,
                     flag_threshold=self.flag_spin.value() / 100.0,
                     fields={name: box.isChecked() for name, box in self.field_boxes.items()})

    def save(self) -> None:
        if not self.may_edit:
            return
        rules = self.rules()
        self._set_editable(False)

        def done(_changes: Any) -> None:
            self.rules_did_save.emit(rules)
            self.accept()

        def failed(exc: BaseException) -> None:
            self._set_editable(True)
            show_error(self, exc)

        self.ctx.tasks.mutate(save_rules, self.ctx.desk, rules, on_done=done, on_error=failed)

    def _set_editable(self, editable: bool) -> None:
        for widget in (self.window_spin, self.fade_spin, self.span_spin, self.show_spin,
                       self.flag_spin, *self.field_boxes.values()):
            widget.setEnabled(editable)
        from orderdesk.ui.board.labels import channel_label

        for row in range(self.kinds.rowCount()):
            item = self.kinds.item(row, 0)   # channel names follow the language (issue 14)
            if item is not None and item.data(Qt.ItemDataRole.UserRole):
                item.setText(channel_label(item.data(Qt.ItemDataRole.UserRole)))
            combo = self.kinds.cellWidget(row, 1)
            if combo is not None:
                combo.setEnabled(editable)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(editable)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).setEnabled(editable)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("dedup", "Duplicate matching rules"))
        self.intro.setText(QCoreApplication.translate("dedup", "Orders of the same customer and product within the search span are compared. Content decides: fields that agree raise the match, fields that differ (another quantity, due date or plant address: a repeat order) lower it. Time counts fully within minutes and fades with the gap."))
        self.window_label.setText(QCoreApplication.translate("dedup", "Within minutes (± minutes)"))
        self.fade_label.setText(QCoreApplication.translate("dedup", "Time halves the score after"))
        self.span_label.setText(QCoreApplication.translate("dedup", "Search span (± minutes)"))
        self.kinds_group.setTitle(QCoreApplication.translate("dedup", "What channel order numbers mean"))
        self.kinds_help.setText(QCoreApplication.translate("dedup", "Desk: numbers typed or given at our desk (phone, WeChat, e-mail, Excel, old web system) say nothing. Platform: marketplace numbers count against a match, but a double order minutes apart is still flagged."))
        self.kinds.setHorizontalHeaderLabels([QCoreApplication.translate("dedup", "Channel"),
                                              QCoreApplication.translate("dedup", "Numbers")])
        from orderdesk.ui.board.labels import channel_label

        for row in range(self.kinds.rowCount()):
            item = self.kinds.item(row, 0)   # channel names follow the language (issue 14)
            if item is not None and item.data(Qt.ItemDataRole.UserRole):
                item.setText(channel_label(item.data(Qt.ItemDataRole.UserRole)))
            combo = self.kinds.cellWidget(row, 1)
            for i, value in enumerate(CHANNEL_KINDS):
                combo.setItemText(i, kind_label(value))
        self.check_button.setText(QCoreApplication.translate("dedup", "Check on decided pairs"))
        self.check_button.setToolTip(QCoreApplication.translate("dedup", "How the saved and the edited rules score the pairs people merged or kept, before saving."))
        self.show_label.setText(QCoreApplication.translate("dedup", "Show while typing from"))
        self.flag_label.setText(QCoreApplication.translate("dedup", "Flag on import from"))
        self.fields_group.setTitle(QCoreApplication.translate("dedup", "Fields that count"))
        for name, box in self.field_boxes.items():
            box.setText(field_label(name))
        self.note.setText("" if self.may_edit else
                          QCoreApplication.translate("dedup", "Only a supervisor or PMC may change these rules."))
        self.note.setVisible(not self.may_edit)
        for spin in (self.window_spin, self.fade_spin, self.span_spin):
            spin.setSuffix(QCoreApplication.translate("dedup", " min"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
