"""Editing what the kit check nets: stock on hand / allocated, incoming receipts, BOMs.

All reads on the query pool, all writes on the writer thread through
orderdesk.pmc.supply (audited, one transaction each); the kit view refreshes from the
`Changes` they return (stock changes incrementally).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orderdesk.changes import Changes
from orderdesk.pmc import supply
from orderdesk.ui.board.table import Column, RowTableModel, read_only_table
from orderdesk.ui.screen_fit import scrolled


def _num(value: object) -> str:
    text = f"{float(value):,.4f}".rstrip("0").rstrip(".")  # type: ignore[arg-type]
    return text or "0"


def _table(model: RowTableModel, name: str) -> QTableView:
    return read_only_table(model, name)


class SupplyView(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_stock(), "")
        self.tabs.addTab(self._build_bom(), "")
        self.message = QLabel()
        self.message.setObjectName("supplyMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.retranslate_ui()

    # -- stock and receipts ---------------------------------------------------------------
    def _build_stock(self) -> QWidget:
        self.stock_search = QLineEdit()
        self.stock_search.setObjectName("stockSearch")
        self.stock_search.setClearButtonEnabled(True)
        self.stock_search.returnPressed.connect(self.reload_stock)
        self.stock_find = QPushButton()
        self.stock_find.clicked.connect(self.reload_stock)
        self.stock_model = RowTableModel([
            Column("sku", lambda: self.tr("SKU"), lambda r: r.sku),
            Column("name", lambda: self.tr("Name"), lambda r: r.name),
            Column("unit", lambda: self.tr("Unit"), lambda r: r.unit),
            Column("on_hand", lambda: self.tr("On hand"), lambda r: _num(r.on_hand),
                   align=Qt.AlignmentFlag.AlignRight),
            Column("allocated", lambda: self.tr("Allocated elsewhere"),
                   lambda r: _num(r.allocated), align=Qt.AlignmentFlag.AlignRight),
            Column("incoming", lambda: self.tr("Incoming"), lambda r: _num(r.incoming),
                   align=Qt.AlignmentFlag.AlignRight),
            Column("location", lambda: self.tr("Location"), lambda r: r.location),
        ], self)
        self.stock_view = _table(self.stock_model, "stockTable")
        self.stock_view.selectionModel().currentRowChanged.connect(self._on_stock_selected)
        self.on_hand = QLineEdit()
        self.on_hand.setObjectName("onHand")
        self.allocated = QLineEdit()
        self.allocated.setObjectName("allocated")
        self.save_stock = QPushButton()
        self.save_stock.setObjectName("saveStock")
        self.save_stock.clicked.connect(self._on_save_stock)

        self.receipt_model = RowTableModel([
            Column("date", lambda: self.tr("Due date"), lambda r: r.due_date.isoformat()),
            Column("qty", lambda: self.tr("Quantity"), lambda r: _num(r.quantity),
                   align=Qt.AlignmentFlag.AlignRight),
            Column("kind", lambda: self.tr("Kind"), lambda r: self._kind_name(r.kind)),
            Column("ref", lambda: self.tr("Reference"), lambda r: r.reference),
        ], self)
        self.receipt_view = _table(self.receipt_model, "receiptTable")
        self.r_qty = QLineEdit()
        self.r_qty.setObjectName("receiptQty")
        self.r_date = QDateEdit(QDate.currentDate().addDays(7))
        self.r_date.setObjectName("receiptDate")
        self.r_date.setCalendarPopup(True)
        self.r_date.setDisplayFormat("yyyy-MM-dd")
        self.r_kind = QComboBox()
        self.r_ref = QLineEdit()
        self.add_receipt = QPushButton()
        self.add_receipt.setObjectName("addReceipt")
        self.add_receipt.clicked.connect(self._on_add_receipt)
        self.move_receipt = QPushButton()
        self.move_receipt.clicked.connect(self._on_move_receipt)
        self.receive_button = QPushButton()
        self.receive_button.setObjectName("receiveReceipt")
        self.receive_button.clicked.connect(self._on_receive)

        top = QHBoxLayout()
        top.addWidget(self.stock_search, 1)
        top.addWidget(self.stock_find)
        self.stock_box = QGroupBox()
        sf = QFormLayout(self.stock_box)
        self.stock_labels = (QLabel(), QLabel())
        sf.addRow(self.stock_labels[0], self.on_hand)
        sf.addRow(self.stock_labels[1], self.allocated)
        sf.addRow(self.save_stock)
        self.receipt_box = QGroupBox()
        rf = QVBoxLayout(self.receipt_box)
        rf.addWidget(self.receipt_view, 1)
        form = QFormLayout()
        self.receipt_labels = (QLabel(), QLabel(), QLabel(), QLabel())
        form.addRow(self.receipt_labels[0], self.r_qty)
        form.addRow(self.receipt_labels[1], self.r_date)
        form.addRow(self.receipt_labels[2], self.r_kind)
        form.addRow(self.receipt_labels[3], self.r_ref)
        rf.addLayout(form)
        rb = QHBoxLayout()
        rb.addWidget(self.add_receipt)
        rb.addWidget(self.move_receipt)
        rb.addWidget(self.receive_button)
        rf.addLayout(rb)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.stock_box)
        right.addWidget(self.receipt_box, 1)
        body = QHBoxLayout()
        body.addWidget(self.stock_view, 3)
        # The two forms are taller than a 768-px screen leaves: they scroll, and the
        # receipt buttons stay reachable.
        body.addWidget(scrolled(right, "supplyForms"), 2)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        return page

    def _kind_name(self, kind: str) -> str:
        return self.tr("Purchase order") if kind == "purchase" else self.tr("Production output")

    def reload_stock(self) -> None:
        self.ctx.tasks.query(supply.list_stock, self.ctx.desk, self.stock_search.text(),
                             on_done=self._on_stock, on_error=self._show_error)

    def _on_stock(self, rows: list[supply.StockRow]) -> None:
        current = self._stock_row()
        self.stock_model.set_rows(rows)
        if current is not None:
            for i, r in enumerate(rows):
                if r.product_id == current.product_id:
                    self.stock_view.selectRow(i)

    def _stock_row(self) -> supply.StockRow | None:
        index = self.stock_view.currentIndex()
        return self.stock_model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _on_stock_selected(self, *args: object) -> None:
        row = self._stock_row()
        if row is None:
            return
        self.on_hand.setText(_num(row.on_hand).replace(",", ""))
        self.allocated.setText(_num(row.allocated).replace(",", ""))
        self.stock_box.setTitle(self.tr("Stock of {sku} {name}").format(sku=row.sku, name=row.name))
        self.receipt_box.setTitle(self.tr("Incoming for {sku}").format(sku=row.sku))
        self._load_receipts(row.sku)

    def _load_receipts(self, sku: str) -> None:
        self.ctx.tasks.query(supply.list_receipts, self.ctx.desk, sku,
                             on_done=self.receipt_model.set_rows, on_error=self._show_error)

    def _write(self, fn, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.message.clear()
        self.ctx.tasks.mutate(fn, self.ctx.desk, *args, on_done=self._on_written,
                              on_error=self._show_error, **kwargs)

    def _on_written(self, changes: Changes) -> None:
        self.message.setText(self.tr("Saved."))
        if changes.stock:
            self.reload_stock()
            row = self._stock_row()
            if row is not None:
                self._load_receipts(row.sku)
        if changes.catalog:
            self.load_bom()

    def _on_save_stock(self) -> None:
        row = self._stock_row()
        if row is not None:
            self._write(supply.set_stock, row.sku, on_hand=self.on_hand.text(),
                        allocated=self.allocated.text())

    def _on_add_receipt(self) -> None:
        row = self._stock_row()
        if row is not None:
            self._write(supply.add_receipt, row.sku, self.r_qty.text(),
                        self.r_date.date().toPython(), kind=self.r_kind.currentData(),
                        reference=self.r_ref.text())

    def _receipt_row(self) -> supply.ReceiptRow | None:
        index = self.receipt_view.currentIndex()
        return self.receipt_model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _on_move_receipt(self) -> None:
        r = self._receipt_row()
        if r is not None:
            qty_text = self.r_qty.text().strip()
            self._write(supply.update_receipt, r.id, quantity=qty_text or None,
                        due_date=self.r_date.date().toPython())

    def _on_receive(self) -> None:
        r = self._receipt_row()
        if r is not None:
            self._write(supply.receive, r.id)

    # -- BOM ------------------------------------------------------------------------------
    def _build_bom(self) -> QWidget:
        self.bom_parent = QLineEdit()
        self.bom_parent.setObjectName("bomParent")
        self.bom_parent.returnPressed.connect(self.load_bom)
        self.bom_load = QPushButton()
        self.bom_load.clicked.connect(self.load_bom)
        self.bom_model = RowTableModel([
            Column("sku", lambda: self.tr("Component"), lambda r: r.component_sku +
                   ("  ▸" if r.has_bom else "")),
            Column("name", lambda: self.tr("Name"), lambda r: r.component_name),
            Column("qty", lambda: self.tr("Qty per unit"), lambda r: _num(r.qty_per),
                   align=Qt.AlignmentFlag.AlignRight),
            Column("scrap", lambda: self.tr("Scrap allowance"),
                   lambda r: f"{float(r.scrap_rate):.1%}", align=Qt.AlignmentFlag.AlignRight),
            Column("unit", lambda: self.tr("Unit"), lambda r: r.unit),
        ], self)
        self.bom_view = _table(self.bom_model, "bomTable")
        self.bom_view.selectionModel().currentRowChanged.connect(self._on_bom_selected)
        self.bom_view.doubleClicked.connect(self._on_bom_open)
        self.b_comp = QLineEdit()
        self.b_comp.setObjectName("bomComponent")
        self.b_qty = QLineEdit()
        self.b_qty.setObjectName("bomQty")
        self.b_scrap = QLineEdit("0")
        self.b_scrap.setObjectName("bomScrap")
        self.b_save = QPushButton()
        self.b_save.setObjectName("saveBomLine")
        self.b_save.clicked.connect(self._on_save_bom_line)
        self.b_remove = QPushButton()
        self.b_remove.clicked.connect(self._on_remove_bom_line)
        top = QHBoxLayout()
        self.bom_parent_label = QLabel()
        top.addWidget(self.bom_parent_label)
        top.addWidget(self.bom_parent, 1)
        top.addWidget(self.bom_load)
        form = QFormLayout()
        self.bom_labels = (QLabel(), QLabel(), QLabel())
        form.addRow(self.bom_labels[0], self.b_comp)
        form.addRow(self.bom_labels[1], self.b_qty)
        form.addRow(self.bom_labels[2], self.b_scrap)
        buttons = QHBoxLayout()
        buttons.addWidget(self.b_save)
        buttons.addWidget(self.b_remove)
        buttons.addStretch(1)
        self.bom_hint = QLabel()
        self.bom_hint.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.bom_view, 1)
        layout.addWidget(self.bom_hint)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return page

    def load_bom(self) -> None:
        sku = self.bom_parent.text().strip()
        if sku:
            self.ctx.tasks.query(supply.list_bom, self.ctx.desk, sku,
                                 on_done=self.bom_model.set_rows, on_error=self._show_error)

    def _bom_row(self) -> supply.BomLineRow | None:
        index = self.bom_view.currentIndex()
        return self.bom_model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _on_bom_selected(self, *args: object) -> None:
        r = self._bom_row()
        if r is not None:
            self.b_comp.setText(r.component_sku)
            self.b_qty.setText(_num(r.qty_per))
            self.b_scrap.setText(_num(r.scrap_rate))

    def _on_bom_open(self, index) -> None:  # type: ignore[no-untyped-def]
        r = self.bom_model.data(index, Qt.ItemDataRole.UserRole)
        if r is not None and r.has_bom:
            self.bom_parent.setText(r.component_sku)
            self.load_bom()

    def _on_save_bom_line(self) -> None:
        self._write(supply.set_bom_line, self.bom_parent.text().strip(), self.b_comp.text().strip(),
                    qty_per=self.b_qty.text(), scrap_rate=self.b_scrap.text())

    def _on_remove_bom_line(self) -> None:
        r = self._bom_row()
        if r is not None:
            self._write(supply.deactivate_bom_line, r.id)

    # -- common ---------------------------------------------------------------------------
    def _show_error(self, exc: BaseException) -> None:
        from orderdesk.ui.pmc.errors import describe as describe_error

        self.message.setText(describe_error(exc))

    def on_changes(self, changes: Changes) -> None:
        if changes.stock or changes.catalog:
            if self.stock_model.rows:
                self.reload_stock()
            if self.bom_model.rows:
                self.load_bom()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, self.tr("Stock and receipts"))
        self.tabs.setTabText(1, self.tr("Bills of materials"))
        self.stock_search.setPlaceholderText(self.tr("Component SKU or name"))
        self.stock_find.setText(self.tr("Find"))
        self.stock_labels[0].setText(self.tr("On hand"))
        self.stock_labels[1].setText(self.tr("Allocated elsewhere"))
        self.save_stock.setText(self.tr("Save stock count"))
        if self._stock_row() is None:
            self.stock_box.setTitle(self.tr("Stock"))
            self.receipt_box.setTitle(self.tr("Incoming"))
        for label, text in zip(self.receipt_labels, (self.tr("Quantity"), self.tr("Due date"),
                                                      self.tr("Kind"), self.tr("Reference"))):
            label.setText(text)
        current = self.r_kind.currentData()
        self.r_kind.clear()
        for kind in supply.RECEIPT_KINDS:
            self.r_kind.addItem(self._kind_name(kind), kind)
        self.r_kind.setCurrentIndex(max(self.r_kind.findData(current), 0))
        self.add_receipt.setText(self.tr("Add receipt"))
        self.move_receipt.setText(self.tr("Change date / quantity"))
        self.receive_button.setText(self.tr("Goods received"))
        self.bom_parent_label.setText(self.tr("Product SKU"))
        self.bom_load.setText(self.tr("Show BOM"))
        for label, text in zip(self.bom_labels, (self.tr("Component SKU"), self.tr("Qty per unit"),
                                                  self.tr("Scrap allowance (0.02 = 2%)"))):
            label.setText(text)
        self.b_save.setText(self.tr("Add / change line"))
        self.b_remove.setText(self.tr("Remove line"))
        self.bom_hint.setText(self.tr("▸ marks a component made from its own BOM "
                                      "(double-click to open it). Removed lines are kept in "
                                      "the trail and come back when added again."))
        for model in (self.stock_model, self.receipt_model, self.bom_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)

