"""A customer's invoice split rules, set by finance (no code): keys, caps, line split,
self-billing, and the buyer's invoice title and taxpayer id."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orderdesk.finance import invoicing
from orderdesk.finance.invoicing import RuleView
from orderdesk.finance.split import SplitRule
from orderdesk.ui.errors import describe_error
from orderdesk.ui.screen_fit import fit_to_screen, scrolled


class SplitRulesDialog(QDialog):
    """Opens on a customer's current rule (loaded by the caller); Save writes it in the
    background and closes on success."""

    def __init__(self, ctx, view: RuleView, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.setObjectName("splitRulesDialog")
        rule = view.rule
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.keys = QGroupBox()
        self.per_po = QCheckBox()
        self.per_ship_to = QCheckBox()
        self.per_product_line = QCheckBox()
        self.per_tax_rate = QCheckBox()
        keys = QGridLayout(self.keys)
        for i, (box, on) in enumerate(((self.per_po, rule.per_po),
                                       (self.per_ship_to, rule.per_ship_to),
                                       (self.per_product_line, rule.per_product_line),
                                       (self.per_tax_rate, rule.per_tax_rate))):
            box.setChecked(on)
            keys.addWidget(box, i // 2, i % 2)
        self.caps = QGroupBox()
        self.cap = QLineEdit("" if rule.amount_cap is None else format(rule.amount_cap, "f"))
        self.cap.setObjectName("amountCap")
        self.cap_tax = QCheckBox()
        self.cap_tax.setChecked(rule.cap_includes_tax)
        self.max_lines = QSpinBox()
        self.max_lines.setRange(0, 10_000)
        self.max_lines.setValue(rule.max_lines or 0)
        self.line_split = QCheckBox()
        self.line_split.setChecked(rule.allow_line_split)
        self.cap_form = QFormLayout(self.caps)
        self.cap_label = QLabel()
        self.lines_label = QLabel()
        self.cap_form.addRow(self.cap_label, self.cap)
        self.cap_form.addRow("", self.cap_tax)
        self.cap_form.addRow(self.lines_label, self.max_lines)
        self.cap_form.addRow("", self.line_split)
        self.self_billing = QCheckBox()
        self.self_billing.setChecked(rule.self_billing)
        self.buyer = QLineEdit(view.buyer_name or view.customer_name)
        self.tax_id = QLineEdit(view.tax_id or "")
        self.tax_id.setMaxLength(20)
        self.party = QGroupBox()
        party = QFormLayout(self.party)
        self.buyer_label = QLabel()
        self.tax_label = QLabel()
        party.addRow(self.buyer_label, self.buyer)
        party.addRow(self.tax_label, self.tax_id)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        body = QVBoxLayout()
        body.addWidget(self.title)
        body.addWidget(self.keys)
        body.addWidget(self.caps)
        body.addWidget(self.self_billing)
        body.addWidget(self.party)
        body.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body, "splitRulesBody"), 1)  # scrolls on a small screen
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        fit_to_screen(self, 620, 560)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Invoice split rules"))
        self.title.setText(self.tr("How {customer} ({code}) wants its invoices cut. Keys "
                                   "separate lines first; caps then cut each group.").format(
            customer=self.view.customer_name, code=self.view.customer_code))
        self.keys.setTitle(self.tr("One invoice per"))
        self.per_po.setText(self.tr("customer PO"))
        self.per_ship_to.setText(self.tr("ship-to / plant"))
        self.per_product_line.setText(self.tr("product line"))
        self.per_tax_rate.setText(self.tr("tax rate (13% / 9% / 6% / 0)"))
        self.caps.setTitle(self.tr("Caps"))
        self.cap_label.setText(self.tr("Amount cap per invoice (¥, empty = none)"))
        self.cap_tax.setText(self.tr("the cap is on the total including tax (价税合计)"))
        self.lines_label.setText(self.tr("Lines per invoice (0 = no cap)"))
        self.line_split.setText(self.tr("a line's quantity may be split across invoices"))
        self.self_billing.setText(self.tr("Self-billing: the customer issues the invoice; "
                                          "send no outbound invoice"))
        self.party.setTitle(self.tr("Buyer on the invoice"))
        self.buyer_label.setText(self.tr("Buyer name (购买方名称)"))
        self.tax_label.setText(self.tr("Taxpayer id (纳税人识别号)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def rule(self) -> SplitRule | None:
        text = self.cap.text().strip().replace(",", "").replace("¥", "")
        cap = None
        if text:
            try:
                cap = Decimal(text)
            except InvalidOperation:
                cap = None
            if cap is None or not cap.is_finite() or cap <= 0:
                self.error.setText(self.tr("The amount cap must be a positive number of yuan "
                                           "(for example 100000), or empty."))
                return None
        return SplitRule(per_po=self.per_po.isChecked(), per_ship_to=self.per_ship_to.isChecked(),
                         per_product_line=self.per_product_line.isChecked(),
                         per_tax_rate=self.per_tax_rate.isChecked(), amount_cap=cap,
                         cap_includes_tax=self.cap_tax.isChecked(),
                         max_lines=self.max_lines.value() or None,
                         allow_line_split=self.line_split.isChecked(),
                         self_billing=self.self_billing.isChecked())

    def _save(self) -> None:
        rule = self.rule()
        if rule is None:
            return
        self.error.setText("")
        self.buttons.setEnabled(False)
        self.ctx.tasks.mutate(invoicing.set_rule, self.ctx.desk, self.view.customer_code, rule,
                              buyer_name=self.buyer.text(), tax_id=self.tax_id.text(),
                              on_done=lambda _r: self.accept(), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(describe_error(exc))
