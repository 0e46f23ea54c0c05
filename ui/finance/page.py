"""The finance station (role finance): shipments to invoice with their split preview, the
invoice list (cancel with a red-letter credit, exports), and the EDI outbox.

Every database call runs through ctx.tasks; nothing here opens a session.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orderdesk.changes import Changes
from orderdesk.finance import delivery_note, exports, invoicing, shipping
from orderdesk.finance.invoicing import InvoiceRow, SplitPreview
from orderdesk.finance.shipping import ShipmentView
from orderdesk.ui.board.table import Column, RowTableModel, read_only_table
from orderdesk.ui.errors import describe_error, show_error
from orderdesk.ui.finance import labels as _labels  # noqa: F401 - registers error wording
from orderdesk.ui.finance.labels import kind_text, split_by_text, state_text, yuan
from orderdesk.ui.finance.outbox import EdiOutboxWidget, ReasonDialog
from orderdesk.ui.finance.preview import SplitPreviewWidget
from orderdesk.ui.finance.rules_dialog import SplitRulesDialog
from orderdesk.ui.page import StationPage


def _table(name: str) -> QTableView:
    return read_only_table(None, name, alternate=True)


def _selected(view: QTableView, model: RowTableModel):  # type: ignore[no-untyped-def]
    index = view.currentIndex()
    if not index.isValid() or not view.selectionModel().hasSelection():
        return None
    return model.rows[index.row()]


class FinancePage(StationPage):
    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self._rule_dialog: SplitRulesDialog | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("financeTabs")

        # -- invoicing: shipments and the split preview ---------------------------------
        self.shipment_search = QLineEdit()
        self.only_open = QCheckBox()
        self.only_open.setChecked(True)
        self.shipments = RowTableModel([
            Column("no", lambda: self.tr("Shipment"), lambda r: r.shipment_no,
                   tooltip=lambda r: self.tr("Shipped {date}; {n} invoices issued").format(
                       date=r.ship_date.isoformat(), n=r.invoiced)),
            Column("customer", lambda: self.tr("Customer"), lambda r: r.customer_name,
                   tooltip=lambda r: r.customer_name),
        ], self)
        self.shipment_view = _table("financeShipments")
        self.shipment_view.setModel(self.shipments)
        self.preview = SplitPreviewWidget()
        self.rules_button = QPushButton()
        self.issue_button = QPushButton()
        self.issue_button.setObjectName("issueInvoices")
        self.note_button = QPushButton()
        self.preview_status = QLabel()
        self.preview_status.setWordWrap(True)
        self.preview_status.setObjectName("errorLabel")
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.shipment_search, 1)
        top.addWidget(self.only_open)
        lv.addLayout(top)
        lv.addWidget(self.shipment_view, 1)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.preview, 1)
        rv.addWidget(self.preview_status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rules_button)
        buttons.addWidget(self.note_button)
        buttons.addStretch(1)
        buttons.addWidget(self.issue_button)
        rv.addLayout(buttons)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 3)
        self.split.setSizes([220, 1100])
        self.tabs.addTab(self.split, "")

        # -- invoices ------------------------------------------------------------------
        self.invoice_search = QLineEdit()
        self.invoices = RowTableModel([
            Column("no", lambda: self.tr("Invoice"), lambda r: r.invoice_no),
            Column("kind", lambda: self.tr("Kind"), lambda r: kind_text(r.kind)),
            Column("status", lambda: self.tr("Status"), lambda r: state_text(r.status)
                   if r.status != "cancelled" else self.tr("cancelled (credited)")),
            Column("shipment", lambda: self.tr("Shipment"), lambda r: r.shipment_no),
            Column("customer", lambda: self.tr("Customer"), lambda r: r.customer_name),
            Column("net", lambda: self.tr("Amount"), lambda r: yuan(r.net),
                   Qt.AlignmentFlag.AlignRight),
            Column("tax", lambda: self.tr("Tax"), lambda r: yuan(r.tax), Qt.AlignmentFlag.AlignRight),
            Column("gross", lambda: self.tr("Total"), lambda r: yuan(r.gross),
                   Qt.AlignmentFlag.AlignRight),
            Column("edi", lambda: self.tr("EDI"), lambda r: state_text(r.edi_state)),
            Column("rule", lambda: self.tr("Made by rule"),
                   lambda r: (self.tr("reverses {no}").format(no=r.credit_of) if r.credit_of
                              else split_by_text(r.split_by)),
                   tooltip=lambda r: r.cancel_reason),
        ], self, row_style=lambda r: ({Qt.ItemDataRole.ForegroundRole: QColor("#c8102e")}
                                      if r.kind == "credit" else {}))
        self.invoice_view = _table("financeInvoices")
        self.invoice_view.setModel(self.invoices)
        self.cancel_button = QPushButton()
        self.tax_export_button = QPushButton()
        self.ledger_button = QPushButton()
        inv = QWidget()
        iv = QVBoxLayout(inv)
        bar = QHBoxLayout()
        bar.addWidget(self.invoice_search, 1)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.tax_export_button)
        bar.addWidget(self.ledger_button)
        iv.addLayout(bar)
        iv.addWidget(self.invoice_view, 1)
        self.tabs.addTab(inv, "")

        # -- EDI outbox ------------------------------------------------------------------
        self.outbox = EdiOutboxWidget(ctx)
        self.tabs.addTab(self.outbox, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)

        self.shipment_search.textChanged.connect(lambda _t: self.reload_shipments())
        self.only_open.toggled.connect(lambda _on: self.reload_shipments())
        self.shipment_view.selectionModel().selectionChanged.connect(self._on_shipment_changed)
        self.invoice_search.textChanged.connect(lambda _t: self.reload_invoices())
        self.invoice_view.selectionModel().selectionChanged.connect(self._enable)
        self.rules_button.clicked.connect(self._open_rules)
        self.issue_button.clicked.connect(self._issue)
        self.note_button.clicked.connect(self._save_note)
        self.cancel_button.clicked.connect(self._cancel)
        self.tax_export_button.clicked.connect(lambda: self._export(ledger=False))
        self.ledger_button.clicked.connect(lambda: self._export(ledger=True))
        self.retranslate_ui()
        self._enable()
        self.reload_shipments()
        self.reload_invoices()
        self.outbox.reload()

    # -- texts ---------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Finance")

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, self.tr("Invoicing"))
        self.tabs.setTabText(1, self.tr("Invoices"))
        self.tabs.setTabText(2, self.tr("EDI outbox"))
        self.shipment_search.setPlaceholderText(self.tr("Shipment, customer…"))
        self.only_open.setText(self.tr("Not invoiced"))
        self.rules_button.setText(self.tr("Split rules…"))
        self.issue_button.setText(self.tr("Issue invoices"))
        self.note_button.setText(self.tr("Delivery note PDF…"))
        self.invoice_search.setPlaceholderText(self.tr("Invoice, shipment, customer…"))
        self.cancel_button.setText(self.tr("Cancel with red-letter credit…"))
        self.tax_export_button.setText(self.tr("Export for tax system (.xlsx)…"))
        self.ledger_button.setText(self.tr("Export ledger (.xlsx)…"))
        self.shipments.retranslate()
        self.invoices.retranslate()
        self.preview.retranslate_ui()
        self.outbox.retranslate_ui()

    # -- loading -------------------------------------------------------------------------
    def reload_shipments(self) -> None:
        # Queries run side by side: only the answer to the latest one is shown.
        self._shipments_asked = getattr(self, "_shipments_asked", 0) + 1
        asked = self._shipments_asked
        self.ctx.tasks.query(shipping.list_shipments, self.ctx.desk,
                             text=self.shipment_search.text(),
                             uninvoiced_only=self.only_open.isChecked(),
                             on_done=lambda rows: self._shipments_loaded(rows, asked))

    def _shipments_loaded(self, rows: list[ShipmentView], asked: int = 0) -> None:
        if asked and asked != self._shipments_asked:
            return  # a newer search is on its way
        current = self.current_shipment()
        self.shipments.set_rows(rows)
        for col, width in enumerate((128,)):
            self.shipment_view.setColumnWidth(col, width)
        keep = next((i for i, r in enumerate(rows) if current and r.id == current.id), None)
        if keep is None and rows:
            keep = 0
        if keep is not None:
            self.shipment_view.selectRow(keep)
        else:
            self.preview.show_preview(None)
        self._enable()

    def reload_invoices(self) -> None:
        self._invoices_asked = getattr(self, "_invoices_asked", 0) + 1
        asked = self._invoices_asked
        self.ctx.tasks.query(invoicing.list_invoices, self.ctx.desk,
                             text=self.invoice_search.text(),
                             on_done=lambda rows: self._invoices_loaded(rows, asked))

    def _invoices_loaded(self, rows: list[InvoiceRow], asked: int = 0) -> None:
        if asked and asked != self._invoices_asked:
            return
        self.invoices.set_rows(rows)
        for col, width in enumerate((150, 80, 110, 120, 170, 110, 100, 110, 90)):
            self.invoice_view.setColumnWidth(col, width)
        self._enable()

    def current_shipment(self) -> ShipmentView | None:
        return _selected(self.shipment_view, self.shipments)

    def _on_shipment_changed(self, *_args) -> None:  # type: ignore[no-untyped-def]
        sh = self.current_shipment()
        self.preview_status.setText("")
        if sh is None:
            self.preview.show_preview(None)
        else:
            self.ctx.tasks.query(invoicing.preview_split, self.ctx.desk, sh.shipment_no,
                                 on_done=self._preview_loaded, on_error=self._preview_failed)
        self._enable()

    def _preview_loaded(self, preview: SplitPreview) -> None:
        sh = self.current_shipment()
        if sh is not None and preview.shipment_no != sh.shipment_no:
            return  # an older answer
        self.preview.show_preview(preview)
        self._enable()

    def _preview_failed(self, exc: BaseException) -> None:
        self.preview.clear(self.tr("This shipment cannot be split as the rules stand."))
        self.preview_status.setText(describe_error(exc))
        self._enable()

    def _enable(self) -> None:
        user = self.ctx.user
        can = (lambda a: True) if user is None else user.can
        preview = self.preview.preview
        self.issue_button.setEnabled(bool(preview and preview.proposed) and can("invoice.issue"))
        self.rules_button.setEnabled(self.current_shipment() is not None and can("invoice.rules"))
        self.note_button.setEnabled(self.current_shipment() is not None)
        row = _selected(self.invoice_view, self.invoices)
        self.cancel_button.setEnabled(row is not None and row.kind == "invoice"
                                      and row.status == "issued" and can("invoice.cancel"))

    # -- actions -------------------------------------------------------------------------
    def rules_dialog(self) -> SplitRulesDialog | None:
        """The split rules of the selected shipment's customer (loaded synchronously: one
        small read)."""
        sh = self.current_shipment()
        if sh is None:
            return None
        view = invoicing.get_rule(self.ctx.desk, sh.customer_code)
        dialog = SplitRulesDialog(self.ctx, view, self)
        dialog.accepted.connect(self._on_shipment_changed)
        self._rule_dialog = dialog
        return dialog

    def _open_rules(self) -> None:
        dialog = self.rules_dialog()
        if dialog is not None:
            dialog.open()

    def _issue(self) -> None:
        sh = self.current_shipment()
        if sh is None:
            return
        self.issue_button.setEnabled(False)
        self.ctx.tasks.mutate(invoicing.issue, self.ctx.desk, sh.shipment_no,
                              on_done=self._issued, on_error=self._failed)

    def _issued(self, result) -> None:  # type: ignore[no-untyped-def]
        self.preview.show_preview(result.preview)
        self.preview_status.setText(self.tr("Issued {n} invoices: {numbers}.").format(
            n=len(result.issued), numbers=", ".join(result.issued)) if result.issued
            else self.tr("Nothing left to invoice."))
        self.reload_invoices()
        self.outbox.reload()
        self._enable()

    def _failed(self, exc: BaseException) -> None:
        self._enable()
        show_error(self, exc)

    def cancel_dialog(self) -> ReasonDialog | None:
        row = _selected(self.invoice_view, self.invoices)
        if row is None or row.kind != "invoice" or row.status != "issued":
            return None
        dialog = ReasonDialog(
            lambda: self.tr("Cancel invoice {no}").format(no=row.invoice_no),
            lambda: self.tr("The invoice stays on record, marked cancelled, and a red-letter "
                            "credit of {total} reverses it. Why is it cancelled?").format(
                total=yuan(row.gross)),
            self)
        dialog.reason_did_enter.connect(lambda reason: self.ctx.tasks.mutate(
            invoicing.cancel, self.ctx.desk, row.invoice_no, reason,
            on_done=lambda _v: self._after_cancel(), on_error=self._failed))
        return dialog

    def _cancel(self) -> None:
        dialog = self.cancel_dialog()
        if dialog is not None:
            dialog.open()

    def _after_cancel(self) -> None:
        self.reload_invoices()
        self.reload_shipments()
        self.outbox.reload()

    def _export(self, *, ledger: bool) -> None:
        title = self.tr("Export ledger") if ledger else self.tr("Export for the tax system")
        name = "发票台账.xlsx" if ledger else "开票导入.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name),
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        fn = exports.write_ledger if ledger else exports.write_tax_import
        self.ctx.tasks.query(fn, self.ctx.desk, Path(path), on_error=self._failed,
                             on_done=lambda n: self.preview_status.setText(
                                 self.tr("{n} rows written to {path}.").format(n=n, path=path)))

    def _save_note(self) -> None:
        sh = self.current_shipment()
        if sh is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save delivery note"), str(Path.home() / f"{sh.shipment_no}.pdf"),
            self.tr("PDF (*.pdf)"))
        if path:
            self.ctx.tasks.query(delivery_note.write, self.ctx.desk, sh.shipment_no, Path(path),
                                 on_error=self._failed)

    # -- refresh -------------------------------------------------------------------------
    def on_changes(self, changes: Changes, initiator: object) -> None:
        if changes.orders or changes.bindings or changes.settings:
            self.reload_shipments()
            self.reload_invoices()
            self.outbox.reload()

    def self_test_dialogs(self):  # type: ignore[no-untyped-def]
        def cancel():  # type: ignore[no-untyped-def]
            for i, row in enumerate(self.invoices.rows):
                if row.kind == "invoice" and row.status == "issued":
                    self.invoice_view.selectRow(i)
                    return self.cancel_dialog()
            return None

        def stop_sending():  # type: ignore[no-untyped-def]
            if self.outbox.model.rows:
                self.outbox.view.selectRow(0)
            return self.outbox.cancel_dialog()

        return [("split_rules", self.rules_dialog), ("cancel_invoice", cancel),
                ("edi_stop", stop_sending)]
