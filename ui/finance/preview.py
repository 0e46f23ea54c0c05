"""The split preview: each invoice of a shipment (issued or proposed) with the rule that
made it, its lines beneath, and the totals checked against the shipment."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from orderdesk.finance import money
from orderdesk.finance.invoicing import SplitPreview
from orderdesk.ui.finance.labels import key_text, rule_summary, split_by_text, state_text, yuan

PROPOSED = QColor("#1f5fa8")
ISSUED = QColor("#2e7d32")


class SplitPreviewWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: SplitPreview | None = None
        self.header = QLabel()
        self.header.setObjectName("splitHeader")
        self.header.setWordWrap(True)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("splitTree")
        self.tree.setColumnCount(8)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        head = self.tree.header()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setStretchLastSection(True)
        self.totals = QLabel()
        self.totals.setObjectName("splitTotals")
        self.totals.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.rule)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.totals)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.tree.setHeaderLabels([
            self.tr("Invoice / SKU"), self.tr("Made by rule"), self.tr("Quantity"),
            self.tr("Net amount"), self.tr("Rate"), self.tr("Tax"),
            self.tr("Total"), self.tr("PO / group")])
        self.show_preview(self.preview)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def clear(self, text: str = "") -> None:
        self.preview = None
        self.tree.clear()
        self.header.setText(text)
        self.rule.setText("")
        self.totals.setText("")

    def show_preview(self, preview: SplitPreview | None) -> None:
        self.preview = preview
        self.tree.clear()
        if preview is None:
            self.header.setText(self.tr("Choose a shipment to see how it splits."))
            self.rule.setText("")
            self.totals.setText("")
            return
        self.header.setText(self.tr("Shipment {no} · {customer} ({code})").format(
            no=preview.shipment_no, customer=preview.customer_name, code=preview.customer_code))
        configured = "" if preview.rule.configured else self.tr(" (no rule set yet)")
        self.rule.setText(self.tr("Customer's rule: {rule}{configured}").format(
            rule=rule_summary(preview.rule.rule), configured=configured))
        bold = QFont()
        bold.setBold(True)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for inv in preview.invoices:
            title = (inv.invoice_no or self.tr("Proposed invoice {n}").format(n=inv.seq))
            count = (self.tr("1 line") if len(inv.lines) == 1
                     else self.tr("{n} lines").format(n=len(inv.lines)))
            top = QTreeWidgetItem([
                title, split_by_text(inv.split_by), count, yuan(inv.net), "",
                yuan(inv.tax), yuan(inv.gross), key_text(inv.key)])
            for col in range(8):
                top.setFont(col, bold)
            top.setForeground(0, QBrush(ISSUED if inv.invoice_no else PROPOSED))
            for col in (3, 5, 6):
                top.setTextAlignment(col, right)
            top.setData(0, Qt.ItemDataRole.UserRole, inv.invoice_no)
            tip = self.tr("Made by: {rule}").format(rule=split_by_text(inv.split_by))
            if inv.reason == "amount_cap":
                tip += "\n" + self.tr("The next line would have passed the amount cap.")
            elif inv.reason == "max_lines":
                tip += "\n" + self.tr("The line count cap was reached.")
            top.setToolTip(1, tip)
            top.setToolTip(7, key_text(inv.key))
            top.setToolTip(0, state_text(inv.status))
            self.tree.addTopLevelItem(top)
            for ln in inv.lines:
                qty = format(ln.quantity.normalize(), ",f")
                if ln.part:
                    qty = self.tr("{qty} ({part})").format(qty=qty, part=ln.part)
                child = QTreeWidgetItem([
                    f"{ln.sku}  {ln.item_name}", "", qty, yuan(ln.amount),
                    money.rate_label(ln.tax_rate), yuan(ln.tax), yuan(ln.amount + ln.tax),
                    ln.customer_po or "-"])
                child.setToolTip(0, self.tr("Order {order}").format(order=ln.order_no or "-"))
                for col in (2, 3, 5, 6):
                    child.setTextAlignment(col, right)
                top.addChild(child)
            top.setExpanded(True)
        # Sized for a 1366-px screen: the PO/group column takes what is left.
        for col, width in enumerate((170, 245, 108, 106, 44, 94, 106)):
            self.tree.setColumnWidth(col, width)
        total = sum((i.gross for i in preview.invoices), money.ZERO)
        if preview.self_billing:
            self.totals.setText(self.tr(
                "Self-billing customer: no outbound invoice. Shipment total {total} "
                "(tax {tax}).").format(total=yuan(preview.shipment_total),
                                       tax=yuan(preview.shipment_tax)))
            return
        check = (self.tr("matches the shipment to the fen") if total == preview.shipment_total
                 else self.tr("{left} not yet on an invoice").format(
                     left=yuan(preview.shipment_total - total)))
        self.totals.setText(self.tr(
            "{n} invoices, {total} (tax {tax}); shipment {shipment}: {check}. Tax is "
            "computed per line and rounded half-up to the fen.").format(
            n=len(preview.invoices), total=yuan(total),
            tax=yuan(sum((i.tax for i in preview.invoices), money.ZERO)),
            shipment=yuan(preview.shipment_total), check=check))
