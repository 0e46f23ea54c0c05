# i18n-area: dedup
"""Matching rules for duplicate orders, set by business users (no code): the time window,
the two score thresholds and which fields count. Stored in the database (setting
``dedup.rules``, audited); needs the 'settings.business' permission to save."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from orderdesk.dedup.rules import FIELDS
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


class DedupSettingsDialog(QDialog):
    """Edit the duplicate matching rules; loads and saves off the GUI thread."""

    rules_did_save = Signal(object)
    rules_did_load = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dedupSettings")
        self.window_spin = QSpinBox()
        self.window_spin.setRange(1, 24 * 60)
        self.show_spin = QSpinBox()
        self.show_spin.setRange(5, 100)
        self.flag_spin = QSpinBox()
        self.flag_spin.setRange(5, 100)
        for spin in (self.show_spin, self.flag_spin):
            spin.setSuffix(" %")
        for spin in (self.window_spin, self.show_spin, self.flag_spin):
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.field_boxes = {name: QCheckBox() for name in FIELDS}
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a5a00;")
        form = QFormLayout()
        self.window_label, self.show_label, self.flag_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.window_label, self.window_spin)
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
        layout.addLayout(form)
        layout.addWidget(self.fields_group)
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
        self.show_spin.setValue(round(rules.show_threshold * 100))
        self.flag_spin.setValue(round(rules.flag_threshold * 100))
        for name, box in self.field_boxes.items():
            box.setChecked(rules.counts(name))

    def rules(self) -> Rules:
        return Rules(window_minutes=self.window_spin.value(),
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
        for widget in (self.window_spin, self.show_spin, self.flag_spin, *self.field_boxes.values()):
            widget.setEnabled(editable)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(editable)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).setEnabled(editable)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("dedup", "Duplicate matching rules"))
        self.intro.setText(QCoreApplication.translate("dedup", "Orders of the same customer and product within the time window are compared. Fields that agree raise the match, fields that differ (for example another quantity: a repeat order) lower it."))
        self.window_label.setText(QCoreApplication.translate("dedup", "Time window (± minutes)"))
        self.show_label.setText(QCoreApplication.translate("dedup", "Show while typing from"))
        self.flag_label.setText(QCoreApplication.translate("dedup", "Flag on import from"))
        self.fields_group.setTitle(QCoreApplication.translate("dedup", "Fields that count"))
        for name, box in self.field_boxes.items():
            box.setText(field_label(name))
        self.note.setText("" if self.may_edit else
                          QCoreApplication.translate("dedup", "Only a supervisor or PMC may change these rules."))
        self.note.setVisible(not self.may_edit)
        self.window_spin.setSuffix(QCoreApplication.translate("dedup", " min"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
