"""Settings dialog for the green-channel rules, for business users (no code, no IT).

Loads the stored rules on the query pool, saves them through the writer thread with
orderdesk.pmc.green_channel.save_rules (validated and audited in the core); a refused
value is shown in words and nothing is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orderdesk.pmc import green_channel as gc
from orderdesk.ui.pmc.green import step_name
from orderdesk.ui.screen_fit import fit_to_screen, scrolled

LEAD_ROLES = ("engineering", "pmc", "warehouse", "quality", "supervisor")


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]


class GreenChannelRulesDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Green-channel rules"))
        self.enabled = QCheckBox(self.tr("Put matching orders in the green channel automatically"))
        self.tiers = {t: QCheckBox(self.tr("Tier {tier}").format(tier=t)) for t in "ABC"}
        self.hours = QSpinBox()
        self.hours.setObjectName("dueWithinHours")
        self.hours.setRange(0, 24 * 60)
        self.hours.setSuffix(self.tr(" hours"))
        self.lines = QLineEdit()
        self.lines.setObjectName("productLines")
        self.lines.setPlaceholderText(self.tr("Empty: every product line; else comma-separated"))
        self.skus = QLineEdit()
        self.skus.setPlaceholderText(self.tr("Empty: every product; else SKUs, comma-separated"))
        self.targets = {s: QSpinBox() for s in gc.STEP_NAMES}
        for box in self.targets.values():
            box.setRange(1, 7 * 24 * 60)
            box.setSuffix(self.tr(" min"))
        self.leads = {r: QLineEdit() for r in LEAD_ROLES}
        self.webhook_kind = QComboBox()
        self.webhook_kind.addItem(self.tr("WeCom group robot"), "wecom")
        self.webhook_kind.addItem(self.tr("DingTalk group robot"), "dingtalk")
        self.webhook_url = QLineEdit()
        self.webhook_url.setObjectName("webhookUrl")
        self.webhook_url.setPlaceholderText("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…")
        self.message = QLabel()
        self.message.setObjectName("rulesMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")

        entry = QGroupBox(self.tr("Which orders enter the green channel"))
        ef = QFormLayout(entry)
        ef.addRow(self.enabled)
        tiers = QHBoxLayout()
        for box in self.tiers.values():
            tiers.addWidget(box)
        tiers.addStretch(1)
        ef.addRow(self.tr("Customer tiers"), tiers)
        ef.addRow(self.tr("Due within"), self.hours)
        ef.addRow(self.tr("Product lines"), self.lines)
        ef.addRow(self.tr("Products (SKU)"), self.skus)
        ef.addRow(QLabel(self.tr("Sales can also request the green channel for any order, "
                                 "with a reason.")))
        steps = QGroupBox(self.tr("Target time per department step"))
        sf = QFormLayout(steps)
        for step, box in self.targets.items():
            sf.addRow(step_name(step), box)
        leads = QGroupBox(self.tr("Department leads notified when a step is late"))
        lf = QFormLayout(leads)
        names = {"engineering": self.tr("Engineering"), "pmc": self.tr("PMC"),
                 "warehouse": self.tr("Warehouse and shipping"), "quality": self.tr("Quality"),
                 "supervisor": self.tr("Supervisor (second escalation)")}
        for role, edit in self.leads.items():
            edit.setPlaceholderText(self.tr("user name (optional)"))
            lf.addRow(names[role], edit)
        robot = QGroupBox(self.tr("Group robot message (optional)"))
        rf = QFormLayout(robot)
        rf.addRow(self.tr("Robot"), self.webhook_kind)
        rf.addRow(self.tr("Webhook URL"), self.webhook_url)

        cols = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(entry)
        left.addWidget(robot)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(steps)
        right.addWidget(leads)
        right.addStretch(1)
        cols.addLayout(left, 1)
        cols.addLayout(right, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # The rule columns scroll on a short screen; message and buttons stay visible.
        layout.addWidget(scrolled(cols), 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.set_rules(gc.DEFAULT_RULES)
        self.setEnabled(False)
        ctx.tasks.query(gc.load_rules, ctx.desk, on_done=self._on_loaded,
                        on_error=self._on_error)
        fit_to_screen(self, 900, 560)
        from orderdesk.ui.retranslate import install

        install(self)   # follows a language switch (texts are set above, once)

    def _on_loaded(self, rules: dict) -> None:
        self.set_rules(rules)
        self.setEnabled(True)

    def set_rules(self, rules: dict) -> None:
        self.enabled.setChecked(bool(rules.get("enabled", True)))
        for t, box in self.tiers.items():
            box.setChecked(t in rules.get("tiers", []))
        self.hours.setValue(int(rules.get("due_within_hours", 72)))
        self.lines.setText(", ".join(rules.get("product_lines", [])))
        self.skus.setText(", ".join(rules.get("skus", [])))
        for step, box in self.targets.items():
            box.setValue(int(rules.get("targets_minutes", {}).get(step, 120)))
        for role, edit in self.leads.items():
            edit.setText(rules.get("leads", {}).get(role, ""))
        self.webhook_kind.setCurrentIndex(max(self.webhook_kind.findData(
            rules.get("webhook_kind", "wecom")), 0))
        self.webhook_url.setText(rules.get("webhook_url", ""))

    def rules(self) -> dict:
        return {
            "enabled": self.enabled.isChecked(),
            "tiers": [t for t, box in self.tiers.items() if box.isChecked()],
            "due_within_hours": self.hours.value(),
            "product_lines": _split(self.lines.text()),
            "skus": _split(self.skus.text()),
            "targets_minutes": {s: box.value() for s, box in self.targets.items()},
            "leads": {r: e.text().strip() for r, e in self.leads.items() if e.text().strip()},
            "webhook_kind": self.webhook_kind.currentData(),
            "webhook_url": self.webhook_url.text().strip(),
        }

    def save(self) -> None:
        self.message.clear()
        self.buttons.setEnabled(False)
        self.ctx.tasks.mutate(gc.save_rules, self.ctx.desk, self.rules(),
                              on_done=self._on_saved, on_error=self._on_error)

    def _on_saved(self, _changes: object) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        from orderdesk.ui.pmc.errors import describe as describe_error

        self.setEnabled(True)
        self.buttons.setEnabled(True)
        self.message.setText(describe_error(exc))
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft)
