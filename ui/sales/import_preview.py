# i18n-area: intake
"""Import preview: what orderdesk read from a sheet, before anything is written.

Open a file (or drop it on the page): the detected mapping (one combo per column: the
user can correct it; the correction is remembered for that file layout, and for the
customer the whole file belongs to when one is picked — sheets without a customer
column — so that customer's next file maps the same columns the same way even in
another layout), the rows with
their status, each problem with row, column, value and reason, and the customers the
catalog does not know (create, or pick an existing one). "Import good rows" runs the
import as a job with progress and Cancel (one transaction: all good orders or none);
"Export rejected rows" writes them to an .xlsx with a reason column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orderdesk.intake import CREATE, ColumnMapping, FilePreview, ImportReport, preview_file, run_import
from orderdesk.intake.orders_import import import_customers
from orderdesk.intake.columns import ORDER_FIELDS
from orderdesk.intake.rejects import write_rejects
from orderdesk.intake.values import cell_text
from orderdesk.ui.errors import describe_error, show_error
from orderdesk.ui.i18n import current_language
from orderdesk.ui.sales.texts import field_label, reason_label
from orderdesk.ui.tasks import ProgressDialog

FILE_FILTER = "Excel / CSV (*.xlsx *.xlsm *.xls *.csv *.txt)"
BAD = QColor("#fde2e1")
UNSURE = QColor("#fff3c4")


class PreviewRowsModel(QAbstractTableModel):
    """Parsed lines of the previewed file: row, status, the mapped values, problems."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[Any] = []
        #: the customer picked for the whole file, shown on rows that took it
        self.file_customer_id: str | None = None
        self.file_customer_label = ""
        self._names = ["row", "status", "sku", "quantity", "requested_date", "customer",
                       "order", "problems"]

    def headers(self) -> list[str]:
        return [self.tr("Row"), self.tr("Status"), self.tr("SKU"), self.tr("Quantity"),
                self.tr("Due date"), self.tr("Customer"), self.tr("Order no."), self.tr("Problems")]

    def set_lines(self, lines: list[Any]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._names)

    def line_at(self, row: int) -> Any:
        return self._lines[row]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        name = self._names[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and not line.ok:
            return QBrush(BAD)
        if role == Qt.ItemDataRole.TextAlignmentRole and name in ("row", "quantity"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if name == "row":
            return str(line.row)
        if name == "status":
            return self.tr("OK") if line.ok else self.tr("Rejected")
        if name == "sku":
            return line.sku or ""
        if name == "quantity":
            return "" if line.quantity is None else str(line.quantity)
        if name == "requested_date":
            return line.requested_date.isoformat() if line.requested_date else ""
        if name == "customer":
            if not (line.customer_name or line.customer_phone) and line.customer_id \
                    and line.customer_id == self.file_customer_id:
                return self.file_customer_label       # from the picker, not from the file
            return line.customer_name or line.customer_phone or ""
        if name == "order":
            return line.channel_order_no or line.customer_po or ""
        return "; ".join(f"{p.column}: {reason_label(p.reason)}" if p.column
                         else reason_label(p.reason) for p in line.problems)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None


class ImportPreviewWidget(QWidget):
    """Preview and import one order sheet. `import_did_finish(report)` when done."""

    preview_did_load = Signal(object)
    import_did_finish = Signal(object)
    customers_did_load = Signal(int)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: FilePreview | None = None
        self.mapping: ColumnMapping | None = None
        self.path: str | None = None
        self.report: ImportReport | None = None
        self.rejected: list[Any] = []
        self.choices: dict[str, str] = {}
        #: the customer the whole file belongs to (sheets without a customer column)
        self.file_customer_id: str | None = None
        self._loading = False
        self._unsure = False      # the mapping has low-confidence columns to confirm
        #: order time for rows that carry none (None: now); tests pin it
        self.now = None

        self.open_button = QPushButton()
        self.open_button.setObjectName("openFile")
        self.catalog_button = QPushButton()
        self.catalog_button.setObjectName("importCatalog")
        self.file_label = QLabel()
        self.file_label.setObjectName("fileLabel")
        self.file_label.setWordWrap(True)
        self._file_customer_label = QLabel()
        self.file_customer = QComboBox()
        self.file_customer.setObjectName("fileCustomer")
        self.file_customer.setEditable(True)     # type a code or a name to find it
        self.file_customer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.file_customer.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.file_customer.completer().setCompletionMode(
            QCompleter.CompletionMode.PopupCompletion)
        self.file_customer.setMinimumContentsLength(28)
        self.file_customer_hint = QLabel()
        self.file_customer_hint.setObjectName("fileCustomerHint")
        self.file_customer_hint.setWordWrap(True)
        self.file_customer_hint.setStyleSheet("color: #555;")
        self._customers_loaded = False
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.mapping_table = QTableWidget(0, 4)
        self.mapping_table.setObjectName("mappingTable")
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setWordWrap(False)
        head = self.mapping_table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        # Low-confidence columns: the user looks at them and confirms before importing.
        self.confirm_mapping = QCheckBox()
        self.confirm_mapping.setObjectName("confirmMapping")
        self.confirm_mapping.setVisible(False)
        self.confirm_mapping.toggled.connect(lambda _on: self._update_buttons())
        row_height = QComboBox().sizeHint().height() + 6
        self.mapping_table.verticalHeader().setDefaultSectionSize(row_height)
        self.rows_model = PreviewRowsModel(self)
        self.rows_view = QTableView()
        self.rows_view.setObjectName("previewRows")
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows_view.verticalHeader().setVisible(False)
        self.rows_view.horizontalHeader().setStretchLastSection(True)
        self.problems_table = QTableWidget(0, 4)
        self.problems_table.setObjectName("problemsTable")
        self.problems_table.verticalHeader().setVisible(False)
        self.problems_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_table.horizontalHeader().setStretchLastSection(True)
        self.customers_table = QTableWidget(0, 3)
        self.customers_table.setObjectName("customersTable")
        self.customers_table.verticalHeader().setVisible(False)
        head = self.customers_table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.customers_table.verticalHeader().setDefaultSectionSize(row_height)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importGood")
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportRejects")
        self.result = QLabel()
        self.result.setObjectName("importResult")
        self.result.setWordWrap(True)
        self._mapping_title, self._rows_title = QLabel(), QLabel()
        self._problems_title, self._customers_title = QLabel(), QLabel()
        for title in (self._mapping_title, self._rows_title, self._problems_title,
                      self._customers_title):
            title.setStyleSheet("font-weight: bold;")

        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.catalog_button)
        who = QHBoxLayout()
        who.addWidget(self._file_customer_label)
        who.addWidget(self.file_customer)
        who.addWidget(self.file_customer_hint, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._mapping_title)
        left_layout.addWidget(self.mapping_table, 3)
        left_layout.addWidget(self.confirm_mapping)
        left_layout.addWidget(self._customers_title)
        left_layout.addWidget(self.customers_table, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self._rows_title)
        right_layout.addWidget(self.rows_view, 3)
        right_layout.addWidget(self._problems_title)
        right_layout.addWidget(self.problems_table, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 4)
        split.setSizes([640, 700])   # room for each column's reason and confidence
        bottom = QHBoxLayout()
        bottom.addWidget(self.result, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(who)
        layout.addWidget(self.summary)
        from orderdesk.ui.pmc.capacity_warning import attach_to_preview  # machines red: advise
        attach_to_preview(self, layout)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        self.open_button.clicked.connect(self._choose_file)
        self.catalog_button.clicked.connect(self._choose_catalog)
        self.import_button.clicked.connect(self.import_good_rows)
        self.export_button.clicked.connect(self._choose_rejects_file)
        self.file_customer.activated.connect(self._on_file_customer_activated)
        self.setAcceptDrops(True)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.open_button.setText(self.tr("Open order sheet…"))
        self.catalog_button.setText(self.tr("Import catalog workbook…"))
        self.catalog_button.setToolTip(self.tr("Customers, products with nicknames, BOMs, stock "
                                               "and incoming receipts, one sheet each"))
        if not self.path:
            self.file_label.setText(self.tr("Excel (.xlsx, .xls) or CSV from a customer, the old "
                                            "system or a marketplace; or drop a file here."))
        self._file_customer_label.setText(self.tr("Whole file belongs to"))
        self.file_customer_hint.setText(self.tr(
            "For sheets without a customer column. Column corrections are remembered for "
            "this customer too."))
        if self.file_customer.count():
            self.file_customer.setItemText(0, self.tr("(customer column of the file)"))
        else:
            self.file_customer.addItem(self.tr("(customer column of the file)"), None)
        self._mapping_title.setText(self.tr("Columns (correct the mapping if needed)"))
        self._rows_title.setText(self.tr("Rows"))
        self._problems_title.setText(self.tr("Problems"))
        self._customers_title.setText(self.tr("Customers not in the catalog"))
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column in file"), self.tr("Field"),
                                                      self.tr("Found by"), self.tr("Confidence")])
        self.confirm_mapping.setText(self.tr("I checked the highlighted columns: import with "
                                             "this mapping"))
        if self.mapping is not None:
            self._fill_mapping()
        self.problems_table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"),
                                                       self.tr("Value"), self.tr("Reason")])
        self.customers_table.setHorizontalHeaderLabels([self.tr("Customer in file"),
                                                        self.tr("Rows"), self.tr("Action")])
        self.import_button.setText(self.tr("Import good rows"))
        self.export_button.setText(self.tr("Export rejected rows…"))
        self.rows_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                               self.rows_model.columnCount() - 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- files --------------------------------------------------------------------------
    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.load_file(urls[0])

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open order sheet"), "", FILE_FILTER)
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path, mapping: ColumnMapping | None = None) -> None:
        """Read and check the file on the query pool; the preview shows when it lands."""
        if mapping is None:
            self.choices = {}
            if str(path) != self.path:
                self._set_file_customer(None)    # a new file: its customer is picked anew
        if str(path) != self.path:
            self.confirm_mapping.setChecked(False)   # a confirmation is for one file only
        self._read(path, mapping)

    def _read(self, path: str | Path, mapping: ColumnMapping | None) -> None:
        self.path = str(path)
        self.mapping = mapping
        self.report = None
        self.result.setText("")
        self.file_label.setText(self.tr("Reading {name}…").format(name=Path(path).name))
        self._loading = True
        self._update_buttons()
        self.ctx.tasks.query(preview_file, self.ctx.desk, self.path, mapping=mapping,
                             customer_choices=dict(self.choices), now=self.now,
                             default_customer_id=self.file_customer_id,
                             on_done=self._on_preview, on_error=self._on_preview_failed)
        self._load_customers()

    # -- the customer of the whole file ---------------------------------------------------
    def _load_customers(self) -> None:
        if self._customers_loaded:
            return
        self._customers_loaded = True
        self.ctx.tasks.query(import_customers, self.ctx.desk, on_done=self._on_customers,
                             on_error=lambda exc: setattr(self, "_customers_loaded", False))

    def _on_customers(self, customers: list[Any]) -> None:
        current = self.file_customer_id
        self.file_customer.blockSignals(True)
        while self.file_customer.count() > 1:
            self.file_customer.removeItem(1)
        for c in customers:
            self.file_customer.addItem(f"{c.code} {c.name}", c.id)
        self.file_customer.setCurrentIndex(max(0, self.file_customer.findData(current)))
        self.file_customer.blockSignals(False)
        self.customers_did_load.emit(len(customers))

    def _set_file_customer(self, customer_id: str | None) -> None:
        self.file_customer_id = customer_id
        self.file_customer.blockSignals(True)
        self.file_customer.setCurrentIndex(max(0, self.file_customer.findData(customer_id)))
        self.file_customer.blockSignals(False)

    def _on_file_customer_activated(self, index: int) -> None:
        self.choose_file_customer(self.file_customer.itemData(index))

    def choose_file_customer(self, customer_id: str | None) -> None:
        """The whole file belongs to this customer: rows without one get it, and the column
        mapping remembered for the customer applies (unless the user corrected columns)."""
        if customer_id == self.file_customer_id:
            return
        self._set_file_customer(customer_id)
        if not self.path:
            return
        corrected = self.mapping is not None and "user" in self.mapping.how.values()
        self._read(self.path, self.mapping if corrected else None)

    def _on_preview_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.file_label.setText(describe_error(exc))
        self._update_buttons()

    def _on_preview(self, preview: FilePreview) -> None:
        self._loading = False
        self.preview = preview
        self.mapping = preview.mapping
        name = Path(preview.path).name
        if preview.error is not None:
            self.file_label.setText(describe_error(preview.error))
            self.file_label.setStyleSheet("color: #b00020;")
        else:
            self.file_label.setText(self.tr("{name} — sheet {sheet}, header on row {row}").format(
                name=name, sheet=preview.mapping.sheet, row=preview.mapping.header_row + 1))
            self.file_label.setStyleSheet("")
        self._fill_mapping()
        if (preview.mapping is not None and preview.mapping.file_customer_id
                and self.file_customer_id is None):
            self.file_customer_hint.setText(self.tr(
                "Customer of the whole file found in its title rows: {text}").format(
                text=preview.mapping.file_customer_text))
        self.rows_model.file_customer_id = self.file_customer_id
        self.rows_model.file_customer_label = (self.file_customer.currentText()
                                               if self.file_customer_id else "")
        title_customer = preview.mapping.file_customer_id if preview.mapping else None
        if self.file_customer_id is None and title_customer:
            # Rows took the customer the title rows name: show who it is on each row.
            found = self.file_customer.findData(title_customer)
            self.rows_model.file_customer_id = title_customer
            self.rows_model.file_customer_label = (self.file_customer.itemText(found)
                                                   if found >= 0 else
                                                   preview.mapping.file_customer_text)
        self.rows_model.set_lines(list(preview.lines))
        self.rows_view.resizeColumnsToContents()
        self._fill_problems()
        self._fill_customers()
        good = len(preview.good_lines)
        bad = len(preview.lines) - good
        orders = len({ln.order_key for ln in preview.good_lines})
        text = self.tr("{good} good rows ({orders} orders), {bad} rejected").format(
            good=good, orders=orders, bad=bad)
        if preview.already_imported:
            text += " — " + self.tr("this file was imported before: orders already in "
                                    "orderdesk will be skipped")
        self.summary.setText(text if preview.error is None else "")
        self._update_buttons()
        self.preview_did_load.emit(preview)

    def _fill_mapping(self) -> None:
        table = self.mapping_table
        table.setRowCount(0)
        mapping = self.mapping
        if mapping is None:
            return
        fields = [""] + list(ORDER_FIELDS)
        width = max(len(mapping.headers), max(mapping.fields, default=-1) + 1)
        low = set(mapping.low_confidence)
        for col in range(width):
            header = mapping.headers[col] if col < len(mapping.headers) else ""
            table.insertRow(col)
            table.setItem(col, 0, QTableWidgetItem(header or f"#{col + 1}"))
            combo = QComboBox()
            combo.setObjectName(f"mapColumn{col}")
            for f in fields:
                combo.addItem(field_label(f), f)
            combo.setCurrentIndex(max(0, fields.index(mapping.fields.get(col, ""))))
            combo.currentIndexChanged.connect(
                lambda _i, col=col, combo=combo: self.set_column_field(col, combo.currentData()))
            table.setCellWidget(col, 1, combo)
            mapped = col in mapping.fields
            conf = QTableWidgetItem(f"{round(100 * mapping.confidence(col))}%" if mapped else "")
            reason = QTableWidgetItem(self.reason_text(mapping, col))
            lang = "en" if current_language().startswith("en") else "zh"
            reason.setToolTip(mapping.reason(col, lang) if mapped else "")
            if col in low:
                for item in (conf, reason):
                    item.setBackground(QBrush(UNSURE))
            table.setItem(col, 2, reason)
            table.setItem(col, 3, conf)
        unsure = bool(low) and not all(mapping.how.get(c) == "user" for c in low)
        self._unsure = unsure
        self.confirm_mapping.setVisible(unsure)
        if not unsure:
            self.confirm_mapping.setChecked(False)

    def reason_text(self, mapping: ColumnMapping, col: int) -> str:
        """Why a column got its field, in the UI language."""
        how = mapping.how.get(col, "")
        if how == "user":
            return self.tr("you")
        if how == "memory":
            return self.tr("remembered")
        ev = mapping.evidence.get(col)
        if ev is None or col not in mapping.fields:
            return ""
        # Short enough for the column; the full sentence is in the tooltip.
        what = {"sku": self.tr("known SKUs"), "customer": self.tr("known customers"),
                "customer_code": self.tr("known customer codes"),
                "phone": self.tr("known customer phones"), "phone_like": self.tr("phone numbers"),
                "date": self.tr("dates"), "quantity": self.tr("quantities"),
                "price": self.tr("prices"), "id": self.tr("order numbers"),
                "text": self.tr("names"), "earlier": self.tr("the earlier"),
                "later": self.tr("the later")}.get(ev.what, ev.what)
        if ev.kind == "header":
            return self.tr("header {header}").format(header=ev.header)
        if ev.kind == "header+content":
            return self.tr("header {header} + {share}% {what}").format(
                header=ev.header, share=ev.share, what=what)
        if ev.kind == "content_order":
            return self.tr("content: {what} date column").format(what=what)
        if ev.kind == "content_today":
            return (self.tr("content: dates after today") if ev.what == "later"
                    else self.tr("content: dates up to today"))
        return self.tr("content: {share}% {what}").format(share=ev.share, what=what)

    def set_column_field(self, column: int, field: str | None) -> None:
        """The user re-assigned a column: re-read the rows with the corrected mapping."""
        if self.mapping is None or self.path is None:
            return
        self.load_file(self.path, self.mapping.with_field(column, field or None))

    def _fill_problems(self) -> None:
        table = self.problems_table
        problems = self.preview.problems if self.preview else []
        table.setRowCount(len(problems))
        for i, p in enumerate(problems):
            for col, text in enumerate((str(p.row), p.column or field_label(p.field), p.value,
                                        reason_label(p.reason))):
                table.setItem(i, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def _fill_customers(self) -> None:
        table = self.customers_table
        proposals = self.preview.proposals if self.preview else ()
        table.setRowCount(len(proposals))
        for i, prop in enumerate(proposals):
            label = prop.name + (f" ({prop.phone})" if prop.phone else "")
            table.setItem(i, 0, QTableWidgetItem(label))
            table.setItem(i, 1, QTableWidgetItem(", ".join(str(r) for r in prop.rows[:8])))
            combo = QComboBox()
            combo.setObjectName(f"customerChoice{i}")
            combo.addItem(self.tr("Reject these rows"), "")
            combo.addItem(self.tr("Create new customer"), CREATE)
            for cand in prop.candidates:
                combo.addItem(self.tr("Is {code} {name}").format(code=cand.code, name=cand.name),
                              cand.id)
            current = self.choices.get(prop.key, "")
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.currentIndexChanged.connect(
                lambda _i, key=prop.key, combo=combo: self.choose_customer(key, combo.currentData()))
            table.setCellWidget(i, 2, combo)

    def choose_customer(self, key: str, choice: str | None) -> None:
        """Create / pick existing / reject for one unknown customer; rows re-checked."""
        if choice:
            self.choices[key] = choice
        else:
            self.choices.pop(key, None)
        if self.path:
            self._read(self.path, self.mapping)

    # -- import and rejects -------------------------------------------------------------
    def _update_buttons(self) -> None:
        ready = (self.preview is not None and self.preview.error is None and not self._loading
                 and bool(self.preview.good_lines))
        # Never import a mapping made on thin evidence until the user has looked at it.
        if ready and self._unsure and not self.confirm_mapping.isChecked():
            ready = False
        self.import_button.setEnabled(ready and self.report is None)
        self.export_button.setEnabled(bool(self.rejected) or bool(
            self.preview and self.preview.error is None and self.preview.problems))

    def import_good_rows(self) -> None:
        if self.preview is None or self.path is None:
            return
        self.import_button.setEnabled(False)
        self._dialog = ProgressDialog.run(
            self, self.ctx.tasks, run_import, self.ctx.desk, [self.path],
            mappings={self.path: self.mapping} if self.mapping else None,
            customer_choices=dict(self.choices), remember_mappings=True, now=self.now,
            default_customer_id=self.file_customer_id,
            title=self.tr("Importing orders"), label=Path(self.path).name,
            on_done=self._on_imported, on_error=self._on_import_failed)

    def _on_imported(self, report: ImportReport) -> None:
        self.report = report
        self.rejected = list(report.rejected)
        self.ctx.apply(report.changes, self)
        file_report = report.files[0] if report.files else None
        if file_report is not None and file_report.error is not None:
            self.result.setText(describe_error(file_report.error))
        else:
            self.result.setText(self.tr(
                "Imported {imported} orders; {skipped} already present; {flagged} flagged as "
                "possible duplicates; {rejected} rows rejected.").format(
                imported=report.imported, skipped=report.skipped_existing,
                flagged=report.flagged, rejected=report.rejected_rows))
            self.result.setStyleSheet("color: #1b5e20;")
        self._update_buttons()
        self.import_did_finish.emit(report)

    def _on_import_failed(self, exc: BaseException) -> None:
        self.result.setText(describe_error(exc))
        self.result.setStyleSheet("color: #b00020;")
        self._update_buttons()
        if getattr(exc, "code", "") != "import_aborted":
            show_error(self, exc)

    # -- catalog ------------------------------------------------------------------------
    def _choose_catalog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import catalog workbook"), "",
                                              FILE_FILTER)
        if path:
            self.import_catalog(path)

    def import_catalog(self, path: str | Path) -> None:
        """Upsert customers, products, BOMs, stock and receipts from a workbook (a job)."""
        from orderdesk.intake.catalog_import import run_catalog_import

        self.path = str(path)
        self._dialog = ProgressDialog.run(
            self, self.ctx.tasks, run_catalog_import, self.ctx.desk, [str(path)],
            title=self.tr("Importing catalog"), label=Path(path).name,
            on_done=self._on_catalog_imported, on_error=self._on_import_failed)

    def _on_catalog_imported(self, report: Any) -> None:
        self.ctx.apply(report.changes, self)
        self.rejected = list(report.rejected)
        kinds = {"customers": self.tr("customers"), "products": self.tr("products"),
                 "bom": self.tr("BOM lines"), "stock": self.tr("stock"),
                 "receipts": self.tr("receipts")}
        parts = [self.tr("{sheet}: {kind} {created} new, {updated} updated, {rejected} "
                         "rejected").format(sheet=r.sheet, kind=kinds.get(r.kind or "", r.kind),
                                            created=r.created, updated=r.updated,
                                            rejected=r.rejected) for r in report.sheets]
        parts += [describe_error(err) for _, err in report.errors]
        self.result.setText("\n".join(parts))
        self.result.setStyleSheet("color: #b00020;" if report.errors and not report.sheets
                                  else "")
        self._update_buttons()
        self.import_did_finish.emit(report)

    def rejected_rows(self) -> list[Any]:
        """Rejected rows: from the import if it ran, else from the preview."""
        if self.rejected:
            return self.rejected
        from orderdesk.intake import RejectedRow

        if self.preview is None or self.preview.mapping is None:
            return []
        return [RejectedRow(self.preview.path, ln.row, ln.cells, self.preview.mapping.headers,
                            ln.problems) for ln in self.preview.lines if not ln.ok]

    def _choose_rejects_file(self) -> None:
        if not self.path:
            return
        default = str(Path(self.path).with_name(Path(self.path).stem + "_rejected.xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), default,
                                              "Excel (*.xlsx)")
        if path:
            self.export_rejects(path)

    def export_rejects(self, path: str | Path) -> None:
        rows = self.rejected_rows()
        lang = "en" if self.tr("Rows") == "Rows" and self.ctx.settings.language == "en" else "zh"
        self.ctx.tasks.query(write_rejects, rows, str(path), lang,
                             on_done=lambda p: self.result.setText(
                                 self.tr("Rejected rows saved to {path}").format(path=str(p))),
                             on_error=lambda exc: show_error(self, exc))


__all__ = ["ImportPreviewWidget", "PreviewRowsModel", "cell_text"]
