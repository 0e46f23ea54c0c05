# i18n-area: intake
"""Paste a WeChat message, an SMS or a phone note: orderdesk proposes a draft order.

The proposal shows what kind of message it is (an order, a change to an existing
order, or not an order), the customer, the lines, the due date and urgency. Anything
ambiguous is a choice the person makes (a combo of candidates), never a silent guess.
"Make draft" hands the result to the order form, where it is checked and saved.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orderdesk.intake import entry
from orderdesk.intake.messages import MessageProposal, parse_message
from orderdesk.services import catalog
from orderdesk.ui.errors import describe_error
from orderdesk.ui.sales.change_panel import ChangeRequestPanel
from orderdesk.ui.sales.texts import change_field_label, kind_label, reason_label


def resolve_rows(desk: Any, customer_code: str | None,
                 lines: list[tuple[str, Decimal]]) -> tuple[Any, list[tuple[Any, Decimal]]]:
    """Catalog rows for a chosen customer code and SKUs (runs on the query pool)."""
    customer = None
    if customer_code:
        rows = catalog.complete_customers(desk, customer_code, limit=20)
        customer = next((r for r in rows if r.code == customer_code), None)
    products = []
    for sku, qty in lines:
        product = entry.lookup_product(desk, sku)
        if product is not None:
            products.append((product, qty))
    return customer, products


class MessagePane(QWidget):
    """`draft_ready(customer_row, [(product_row, qty)], due, urgent, text)` on Make draft."""

    draft_ready = Signal(object, object, object, bool, str)
    proposal_did_load = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.proposal: MessageProposal | None = None
        self.now: dt.datetime | None = None   # tests pin the clock
        self.text = QPlainTextEdit()
        self.text.setObjectName("messageText")
        # Room for a few lines of chat even when the change panel below takes the space
        # (the station stylesheet's min-height for inputs would win over setMinimumHeight).
        self.text.setStyleSheet("QPlainTextEdit#messageText { min-height: 96px; }")
        self.sender = QLineEdit()
        self.sender.setObjectName("senderPhone")
        self.propose_button = QPushButton()
        self.propose_button.setObjectName("propose")
        self.kind = QLabel()
        self.kind.setObjectName("messageKind")
        self.kind.setStyleSheet("font-weight: bold;")
        # What the parser could not explain: shown as questions, never dropped.
        self.questions = QLabel()
        self.questions.setObjectName("messageQuestions")
        self.questions.setWordWrap(True)
        self.questions.setStyleSheet("background: #fff3c4; padding: 4px;")
        self.questions.setVisible(False)
        self.confidence = QLabel()
        self.confidence.setObjectName("messageConfidence")
        self.confidence.setStyleSheet("color: #555;")
        self.customer = QComboBox()
        self.customer.setObjectName("customerChoice")
        self.customer_note = QLabel()
        self.customer_note.setWordWrap(True)
        self.due = QLabel()
        self.urgent = QLabel()
        self.change = QLabel()
        self.change.setWordWrap(True)
        self.lines = QTableWidget(0, 3)
        self.lines.setObjectName("proposalLines")
        self.lines.verticalHeader().setVisible(False)
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().setDefaultSectionSize(QComboBox().sizeHint().height() + 6)
        self.make_draft = QPushButton()
        self.make_draft.setObjectName("makeDraft")
        self.make_draft.setEnabled(False)
        self.change_panel = ChangeRequestPanel(ctx)
        self.change_panel.setObjectName("changePanel")
        self.change_panel.setVisible(False)
        self._text_label, self._sender_label = QLabel(), QLabel()
        self._customer_label, self._due_label = QLabel(), QLabel()
        self._urgent_label, self._change_label = QLabel(), QLabel()

        top = QHBoxLayout()
        top.addWidget(self._sender_label)
        top.addWidget(self.sender, 1)
        top.addWidget(self.propose_button)
        form = QFormLayout()
        form.addRow(self._customer_label, self.customer)
        form.addRow("", self.customer_note)
        form.addRow(self._due_label, self.due)
        form.addRow(self._urgent_label, self.urgent)
        form.addRow(self._change_label, self.change)
        layout = QVBoxLayout(self)
        layout.addWidget(self._text_label)
        layout.addWidget(self.text, 2)
        layout.addLayout(top)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind)
        kind_row.addWidget(self.confidence, 1)
        layout.addLayout(kind_row)
        layout.addWidget(self.questions)
        layout.addLayout(form)
        layout.addWidget(self.lines, 2)
        layout.addWidget(self.change_panel, 4)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.make_draft)
        layout.addLayout(bottom)

        self.propose_button.clicked.connect(self.propose)
        self.make_draft.clicked.connect(self._make_draft)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.propose)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._text_label.setText(self.tr("Paste the message (WeChat, SMS, phone note):"))
        self.text.setPlaceholderText(self.tr("e.g. 王工:恒锐要BRK-1001 5000个,下周三前交,加急"))
        self._sender_label.setText(self.tr("Sender's phone"))
        self.sender.setPlaceholderText(self.tr("optional: finds the customer by phone"))
        self.propose_button.setText(self.tr("Propose order (Ctrl+Enter)"))
        self._customer_label.setText(self.tr("Customer"))
        self._due_label.setText(self.tr("Due date"))
        self._urgent_label.setText(self.tr("Urgent"))
        self._change_label.setText(self.tr("Change"))
        self.lines.setHorizontalHeaderLabels([self.tr("From the words"), self.tr("Product"),
                                              self.tr("Quantity")])
        self.make_draft.setText(self.tr("Make draft order"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def propose(self) -> None:
        text = self.text.toPlainText().strip()
        if not text:
            return
        self.propose_button.setEnabled(False)
        self.ctx.tasks.query(parse_message, self.ctx.desk, text, now=self.now,
                             sender_phone=self.sender.text().strip() or None,
                             on_done=self._on_proposal, on_error=self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self.propose_button.setEnabled(True)
        self.kind.setText(describe_error(exc))

    def _on_proposal(self, proposal: MessageProposal) -> None:
        self.propose_button.setEnabled(True)
        self.proposal = proposal
        self.kind.setText(kind_label(proposal.kind, proposal.reason))
        self.confidence.setText(self.tr("(confidence {pct}%)").format(
            pct=round(100 * proposal.confidence)))
        words = [self.question_text(q.code, q.text) for q in proposal.questions]
        self.questions.setText("\n".join(f"? {w}" for w in words))
        self.questions.setVisible(bool(words))
        self.customer.clear()
        if proposal.customer_code:
            self.customer.addItem(f"{proposal.customer_code} {proposal.customer_name}",
                                  proposal.customer_code)
            self.customer_note.setText("")
        else:
            self.customer.addItem(self.tr("(choose the customer)"), None)
            for choice in proposal.customer_candidates:
                self.customer.addItem(f"{choice.key} {choice.label}", choice.key)
            note = self.tr("Several customers match: choose one.") if proposal.customer_candidates \
                else self.tr("No customer recognised.")
            if proposal.customer_text:
                note += " " + self.tr("The message names \"{name}\", which is not in the "
                                      "catalog.").format(name=proposal.customer_text)
            self.customer_note.setText(note)
        self.due.setText(proposal.due_date.isoformat() if proposal.due_date else "-")
        self.urgent.setText(self.tr("yes") if proposal.urgent else self.tr("no"))
        is_change = proposal.kind == "change_request"
        self.change.setText(self._change_words(proposal) if is_change else "-")
        self.lines.setVisible(not is_change)
        self.make_draft.setVisible(not is_change)
        self.change_panel.setVisible(is_change)
        if is_change:
            self.change_panel.load(proposal, now=self.now)
        else:
            self.change_panel.clear()
        self.lines.setRowCount(len(proposal.lines))
        for i, line in enumerate(proposal.lines):
            self.lines.setItem(i, 0, QTableWidgetItem(line.text))
            combo = QComboBox()
            combo.setObjectName(f"lineChoice{i}")
            if line.sku:
                combo.addItem(line.sku, line.sku)
            else:
                combo.addItem(self.tr("(choose: {why})").format(
                    why=reason_label(line.problem or "unknown_product")), None)
                for cand in line.candidates:
                    combo.addItem(cand.label, cand.key)
            self.lines.setCellWidget(i, 1, combo)
            qty = "" if line.quantity is None else str(line.quantity)
            item = QTableWidgetItem(qty)
            if line.problem == "not_pack_multiple":
                item.setToolTip(reason_label(line.problem))
            self.lines.setItem(i, 2, item)
        self.make_draft.setEnabled(proposal.kind == "order")
        self.proposal_did_load.emit(proposal)

    def question_text(self, code: str, text: str) -> str:
        """One open question of the parser, in the UI language."""
        templates = {
            "unexplained_number": self.tr("What is \"{text}\"? It is no quantity of any line."),
            "unexplained_word": self.tr("What does \"{text}\" mean here?"),
            "unknown_code": self.tr("\"{text}\" is no catalog code: which product is it?"),
            "unknown_product": self.tr("Which product does the message order?"),
            "no_quantity": self.tr("How many of \"{text}\"?"),
            "ambiguous_product": self.tr("Which product is \"{text}\"?"),
            "box_size_unknown": self.tr("How many pieces per box for \"{text}\"?"),
            "not_pack_multiple": self.tr("\"{text}\": the quantity is no multiple of the pack "
                                         "size. Is it right?"),
            "price_inquiry": self.tr("The message asks for a price: is it an order?"),
            "change_unclear": self.tr("What should change on the order?"),
        }
        return templates.get(code, "{text}").format(text=text)

    def _change_words(self, proposal: MessageProposal) -> str:
        """What the message asks, in words: 'Quantity → 6000, Rush'."""
        change = proposal.as_dict()["change"]
        if change.get("action") == "cancel":
            return self.tr("Cancel the order")
        if change.get("action") == "hold":
            return self.tr("Hold the order (do not ship until told)")
        parts = []
        if "quantity" in change:
            template = (self.tr("{field} + {value}") if change.get("action") == "add"
                        else self.tr("{field} → {value}"))
            what = change_field_label("quantity")
            if change.get("sku"):
                what = f"{what} {change['sku']}"
            parts.append(template.format(field=what, value=change["quantity"]))
        if "due_date" in change:
            parts.append(self.tr("{field} → {value}").format(
                field=change_field_label("requested_date"), value=change["due_date"]))
        if change.get("urgent"):
            parts.append(change_field_label("rush"))
        return ", ".join(parts) or self.tr("(nothing recognised)")

    def chosen(self) -> tuple[str | None, list[tuple[str, Decimal]]]:
        """The customer code and (sku, quantity) lines as chosen in the combos."""
        lines = []
        for i in range(self.lines.rowCount()):
            combo = self.lines.cellWidget(i, 1)
            qty_item = self.lines.item(i, 2)
            sku = combo.currentData() if combo else None
            try:
                qty = Decimal(qty_item.text()) if qty_item and qty_item.text() else None
            except ArithmeticError:
                qty = None
            if sku and qty:
                lines.append((sku, qty))
        return self.customer.currentData(), lines

    def _make_draft(self) -> None:
        if self.proposal is None:
            return
        code, lines = self.chosen()
        proposal = self.proposal
        self.ctx.tasks.query(resolve_rows, self.ctx.desk, code, lines,
                             on_done=lambda res: self.draft_ready.emit(
                                 res[0], res[1], proposal.due_date, proposal.urgent, proposal.text))
