"""PMC kit check view: open orders with kit completeness, short components, drill-down.

Runs the kit check on the query pool (orderdesk.pmc.service.kit_report); refreshes on
`ctx.changes_did_apply` when orders, stock or the catalog changed (local edits and sync
pulls alike), passing what changed so a stock-only change is netted incrementally.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orderdesk.changes import Changes
from orderdesk.pmc import service
from orderdesk.pmc.kitting import AMBER, GREEN, NO_BOM, RED
from orderdesk.ui.board.table import Column, RowTableModel

STATUS_COLOURS = {RED: QColor("#f6c9c9"), AMBER: QColor("#fbe3a6"), GREEN: QColor("#cfe9cf"),
                  NO_BOM: QColor("#e2e2e2")}
RUSH_MARK = "\u26a1 "


def qty(value: float) -> str:
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text or "0"


def day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _right() -> Qt.AlignmentFlag:
    return Qt.AlignmentFlag.AlignRight


class KitCheckView(QWidget):
    """Orders table (coloured by kit status) | component drill-down | short components."""

    report_did_load = Signal(object)
    order_did_change = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.report: service.KitReport | None = None
        self._pending: Changes | None = None    # what changed since the last report
        self._loading = False
        self._again = False
        self._selected_order: str | None = None
        self._build()
        self.retranslate_ui()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.product_line = QComboBox()
        self.product_line.setObjectName("productLine")
        self.tier = QComboBox()
        self.tier.setObjectName("tier")
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.due_limit = QCheckBox()
        self.due_to = QDateEdit(QDate.currentDate().addDays(14))
        self.due_to.setCalendarPopup(True)
        self.due_to.setDisplayFormat("yyyy-MM-dd")
        self.rush_only = QCheckBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.refresh_button = QPushButton()
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportButton")
        self.summary = QLabel()
        self.summary.setObjectName("kitSummary")
        self.summary.setWordWrap(True)

        filters = QHBoxLayout()
        self.labels = {k: QLabel() for k in ("line", "tier", "status", "search")}
        for key, widget in (("line", self.product_line), ("tier", self.tier),
                            ("status", self.status)):
            filters.addWidget(self.labels[key])
            filters.addWidget(widget)
        filters.addWidget(self.due_limit)
        filters.addWidget(self.due_to)
        filters.addWidget(self.rush_only)
        filters.addWidget(self.labels["search"])
        filters.addWidget(self.search, 1)
        filters.addWidget(self.refresh_button)
        filters.addWidget(self.export_button)

        self.orders_model = RowTableModel([
            Column("order_no", lambda: self.tr("Order"),
                   lambda r: (RUSH_MARK if r.rush else "") + r.order_no,
                   tooltip=lambda r: self.tr("Rush order: netted first") if r.rush else None),
            Column("customer", lambda: self.tr("Customer"), lambda r: r.customer_name),
            Column("tier", lambda: self.tr("Tier"), lambda r: r.customer_tier),
            Column("lines", lambda: self.tr("Product line"), lambda r: ", ".join(r.product_lines)),
            Column("need", lambda: self.tr("Need date"), lambda r: day(r.need_date)),
            Column("status", lambda: self.tr("Kit status"),
                   lambda r: self._status_name(r.status), tooltip=self._status_text),
            Column("complete", lambda: self.tr("Kit %"),
                   lambda r: "" if r.completeness is None else f"{r.completeness:.0%}",
                   align=_right()),
            Column("short", lambda: self.tr("Short items"),
                   lambda r: f"{r.rows_short}/{r.rows_total}", align=_right()),
            Column("clear", lambda: self.tr("Clears on"), self._clear_text),
        ], self, row_style=self._order_style)
        self.orders_view = self._table(self.orders_model, "kitOrders")
        self.orders_view.selectionModel().currentRowChanged.connect(self._on_order_selected)

        self.rows_model = RowTableModel([
            Column("sku", lambda: self.tr("Component"),
                   lambda r: "\u2003" * (r.level - 1) + r.sku),
            Column("name", lambda: self.tr("Name"), lambda r: r.name),
            Column("required", lambda: self.tr("Required"), lambda r: qty(r.required),
                   align=_right()),
            Column("stock", lambda: self.tr("From stock"), lambda r: qty(r.from_stock),
                   align=_right()),
            Column("receipts", lambda: self.tr("From receipts"), lambda r: qty(r.from_receipts),
                   align=_right()),
            Column("short", lambda: self.tr("Shortage"),
                   lambda r: qty(r.shortage) if r.shortage else "", align=_right()),
            Column("make", lambda: self.tr("To make"),
                   lambda r: qty(r.to_make) if r.to_make else "", align=_right()),
            Column("date", lambda: self.tr("Receipt / clears on"),
                   lambda r: day(r.clear_date or r.receipt_date) or
                   (self.tr("not covered") if r.shortage else "")),
        ], self, row_style=lambda r: {Qt.ItemDataRole.BackgroundRole:
                                      QBrush(STATUS_COLOURS[r.status])})
        self.rows_view = self._table(self.rows_model, "kitRows")
        self.order_title = QLabel()
        self.order_title.setObjectName("kitOrderTitle")

        self.short_model = RowTableModel([
            Column("sku", lambda: self.tr("Component"), lambda r: r.sku),
            Column("name", lambda: self.tr("Name"), lambda r: r.name),
            Column("short", lambda: self.tr("Shortage"), lambda r: qty(r.shortage) + " " + r.unit,
                   align=_right()),
            Column("orders", lambda: self.tr("Orders blocked"), lambda r: r.order_count,
                   align=_right()),
            Column("need", lambda: self.tr("First need"), lambda r: day(r.first_need)),
            Column("clear", lambda: self.tr("Clears on"),
                   lambda r: day(r.clear_date) or self.tr("not covered")),
        ], self, row_style=lambda r: {Qt.ItemDataRole.BackgroundRole: QBrush(
            STATUS_COLOURS[RED] if r.clear_date is None else STATUS_COLOURS[AMBER])})
        self.short_view = self._table(self.short_model, "kitShortages")
        self.short_view.selectionModel().currentRowChanged.connect(self._on_short_selected)
        self.blocked = QListWidget()
        self.blocked.setObjectName("blockedOrders")
        self.blocked.itemActivated.connect(self._on_blocked_activated)
        self.blocked_title = QLabel()

        order_box = QWidget()
        ob = QVBoxLayout(order_box)
        ob.setContentsMargins(0, 0, 0, 0)
        ob.addWidget(self.order_title)
        ob.addWidget(self.rows_view)
        short_box = QWidget()
        sb = QVBoxLayout(short_box)
        sb.setContentsMargins(0, 0, 0, 0)
        split_short = QSplitter(Qt.Orientation.Vertical)
        split_short.addWidget(self.short_view)
        blocked_box = QWidget()
        bb = QVBoxLayout(blocked_box)
        bb.setContentsMargins(0, 0, 0, 0)
        bb.addWidget(self.blocked_title)
        bb.addWidget(self.blocked)
        split_short.addWidget(blocked_box)
        split_short.setSizes([300, 140])
        sb.addWidget(split_short)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setObjectName("kitDetailTabs")
        self.detail_tabs.addTab(order_box, "")
        self.detail_tabs.addTab(short_box, "")

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.orders_view)
        split.addWidget(self.detail_tabs)
        split.setSizes([860, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(250)
        self._reload_timer.timeout.connect(self.reload)
        for combo in (self.product_line, self.tier, self.status):
            combo.currentIndexChanged.connect(self._schedule)
        for box in (self.due_limit, self.rush_only):
            box.toggled.connect(self._schedule)
        self.due_to.dateChanged.connect(self._schedule)
        self.search.textChanged.connect(self._schedule)
        self.refresh_button.clicked.connect(lambda: self.reload(Changes(orders=True)))
        self.export_button.clicked.connect(self._on_export)

    def _table(self, model: RowTableModel, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(26)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.setAlternatingRowColors(False)
        return view

    def retranslate_ui(self) -> None:
        self.labels["line"].setText(self.tr("Product line"))
        self.labels["tier"].setText(self.tr("Tier"))
        self.labels["status"].setText(self.tr("Status"))
        self.labels["search"].setText(self.tr("Search"))
        self.due_limit.setText(self.tr("Due by"))
        self.rush_only.setText(self.tr("Rush only"))
        self.search.setPlaceholderText(self.tr("Order number or customer"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.detail_tabs.setTabText(0, self.tr("Components of the order"))
        self.detail_tabs.setTabText(1, self.tr("Short components"))
        self.blocked_title.setText(self.tr("Orders this component blocks (double-click to open)"))
        self._fill_combo(self.tier, [("", self.tr("All tiers"))] +
                         [(t, self.tr("Tier {tier}").format(tier=t)) for t in "ABC"])
        self._fill_combo(self.status, [("", self.tr("All statuses"))] +
                         [(s, self._status_name(s)) for s in (RED, AMBER, GREEN, NO_BOM)])
        lines = self.report.product_lines if self.report else ()
        self._fill_combo(self.product_line, [("", self.tr("All product lines"))] +
                         [(ln, ln) for ln in lines])
        for model in (self.orders_model, self.rows_model, self.short_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        self._show_summary()
        self._show_order_title()

    def _fill_combo(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for key, text in items:
            combo.addItem(text, key)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    # -- texts ----------------------------------------------------------------------------
    def _status_name(self, status: str) -> str:
        return {RED: self.tr("Short"), AMBER: self.tr("Waiting for receipt"),
                GREEN: self.tr("Complete"), NO_BOM: self.tr("No BOM")}[status]

    def _status_text(self, row: service.OrderKitSummary) -> str:
        if row.status == NO_BOM:
            return self.tr("No BOM: {skus}").format(skus=", ".join(row.missing_bom)) \
                if row.missing_bom else self.tr("No BOM")
        return self._status_name(row.status)

    def _clear_text(self, row: service.OrderKitSummary) -> str:
        if row.status == RED:
            return day(row.clear_date) or self.tr("not covered")
        if row.status == AMBER:
            return day(row.kit_date)
        return ""

    def _order_style(self, row: service.OrderKitSummary) -> dict[int, object]:
        style: dict[int, object] = {Qt.ItemDataRole.BackgroundRole:
                                    QBrush(STATUS_COLOURS[row.status])}
        if row.rush:
            font = QFont()
            font.setBold(True)
            style[Qt.ItemDataRole.FontRole] = font
        return style

    # -- loading --------------------------------------------------------------------------
    def current_filter(self) -> service.KitFilter:
        return service.KitFilter(
            product_line=self.product_line.currentData() or None,
            tier=self.tier.currentData() or None,
            due_to=self.due_to.date().toPython() if self.due_limit.isChecked() else None,
            status=self.status.currentData() or None,
            rush_only=self.rush_only.isChecked(), text=self.search.text())

    def _schedule(self) -> None:
        self._reload_timer.start()

    def reload(self, changes: Changes | None = None) -> None:
        """Run the kit check off the GUI thread; `changes` says what moved (None: all)."""
        if changes is not None or self.report is None:
            merged = changes if self._pending is None or changes is None else self._pending | changes
            self._pending = merged if self.report is not None else None
        if self._loading:
            self._again = True
            return
        self._loading = True
        pending, self._pending = self._pending, Changes()
        self.refresh_button.setEnabled(False)
        self.ctx.tasks.query(service.kit_report, self.ctx.desk, self.current_filter(),
                             changes=pending, on_done=self._on_report, on_error=self._on_error)

    def on_changes(self, changes: Changes) -> None:
        if changes.orders or changes.stock or changes.catalog:
            self.reload(changes)

    def _on_error(self, exc: BaseException) -> None:
        from orderdesk.ui.pmc.errors import describe as describe_error

        self._loading = False
        self.refresh_button.setEnabled(True)
        self.summary.setText(self.tr("Kit check failed: {error}").format(
            error=describe_error(exc)))
        self.summary.setProperty("state", "error")
        if self._again:
            self._again = False
            self.reload()

    def _on_report(self, report: service.KitReport) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        first = self.report is None
        self.report = report
        selected = self._selected_order
        self.orders_model.set_rows(report.orders)
        self.short_model.set_rows(report.shortages)
        if first or set(report.product_lines) != {self.product_line.itemData(i) for i in
                                                   range(1, self.product_line.count())}:
            self._fill_combo(self.product_line, [("", self.tr("All product lines"))] +
                             [(ln, ln) for ln in report.product_lines])
        if first:
            # Columns as wide as what they show (customer names, product lines were
            # elided at fixed widths), within reason; the user may still drag them.
            for view in (self.orders_view, self.short_view):
                _fit_columns(view)
        self._show_summary()
        row = next((i for i, o in enumerate(report.orders) if o.order_id == selected), None)
        if row is None and report.orders:
            row = 0
        if row is not None:
            self.orders_view.selectRow(row)
            self._load_order(report.orders[row].order_id)
        else:
            self.rows_model.set_rows([])
            self._selected_order = None
            self._show_order_title()
        self.report_did_load.emit(report)
        if self._again:
            self._again = False
            self.reload()

    def _show_summary(self) -> None:
        r = self.report
        if r is None:
            self.summary.setText(self.tr("Checking kits…"))
            return
        comp = r.completeness
        self.summary.setProperty("state", "ok")
        self.summary.setText(self.tr(
            "{shown} of {open} open orders · short {red} · waiting for receipts {amber} · "
            "complete {green} · no BOM {nobom} · average kit completeness {pct} · "
            "{short} short components").format(
            shown=len(r.orders), open=r.open_orders, red=r.count(RED), amber=r.count(AMBER),
            green=r.count(GREEN), nobom=r.count(NO_BOM),
            pct="-" if comp is None else f"{comp:.1%}", short=len(r.shortages)))

    # -- drill-down -----------------------------------------------------------------------
    def _on_order_selected(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        row = self.orders_model.data(current, Qt.ItemDataRole.UserRole)
        if row is not None and row.order_id != self._selected_order:
            self._load_order(row.order_id)

    def _load_order(self, order_id: str) -> None:
        if order_id != self._selected_order:
            self._selected_order = order_id
            self.order_did_change.emit(order_id)
        self.ctx.tasks.query(service.order_kit, self.ctx.desk, order_id,
                             on_done=self._on_order_kit, on_error=lambda e: None)

    def _on_order_kit(self, kit: service.OrderKit) -> None:
        if kit.summary.order_id != self._selected_order:
            return
        self.rows_model.set_rows(kit.rows)
        _fit_columns(self.rows_view)
        self._kit = kit
        self._show_order_title()

    def _show_order_title(self) -> None:
        kit = getattr(self, "_kit", None)
        if kit is None or kit.summary.order_id != self._selected_order:
            self.order_title.setText(self.tr("Select an order to see its components."))
            return
        s = kit.summary
        text = self.tr("{order} · {customer} · need {date} · {status}").format(
            order=(RUSH_MARK if s.rush else "") + s.order_no, customer=s.customer_name or "-",
            date=day(s.need_date) or "-", status=self._status_text(s))
        if s.status == NO_BOM:
            text += " · " + self.tr("Kit cannot be checked until these products have a BOM.")
        self.order_title.setText(text)

    def select_order(self, order_id: str) -> bool:
        """Show an order's components (clearing filters that hide it)."""
        if self.report is None:
            return False
        for i, o in enumerate(self.report.orders):
            if o.order_id == order_id:
                self.orders_view.selectRow(i)
                self.detail_tabs.setCurrentIndex(0)
                self._load_order(order_id)
                return True
        return False

    def _on_short_selected(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        row = self.short_model.data(current, Qt.ItemDataRole.UserRole)
        self.blocked.clear()
        if row is None:
            return
        by_id = {o.order_id: o for o in (self.report.orders if self.report else ())}
        for oid, no in zip(row.order_ids, row.order_nos):
            o = by_id.get(oid)
            text = (RUSH_MARK if o and o.rush else "") + no
            if o is not None:
                text += f"  {o.customer_name or ''}  {day(o.need_date)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, oid)
            self.blocked.addItem(item)

    def _on_blocked_activated(self, item: QListWidgetItem) -> None:
        self.select_order(item.data(Qt.ItemDataRole.UserRole))

    # -- export ---------------------------------------------------------------------------
    def _on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export kit check"),
            f"齐套检查-{dt.date.today():%Y%m%d}.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        from orderdesk.pmc.export import export_kit_excel
        from orderdesk.ui.tasks import ProgressDialog

        ProgressDialog.run(self, self.ctx.tasks, export_kit_excel, self.ctx.desk, path,
                           self.current_filter(), title=self.tr("Exporting kit check"),
                           on_done=self._on_exported)

    def _on_exported(self, result) -> None:  # type: ignore[no-untyped-def]
        if result.cancelled:
            self.summary.setText(self.tr("Export cancelled; no file was written."))
        else:
            self.summary.setText(self.tr("Exported {orders} orders and {short} short components "
                                         "to {path}").format(orders=result.orders,
                                                             short=result.shortages,
                                                             path=result.path))


def _fit_columns(view: QTableView, cap: int = 260) -> None:
    """Size every column to its header and the first rows' contents, at most `cap` px."""
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(200)
    view.resizeColumnsToContents()
    for col in range(view.model().columnCount()):
        view.setColumnWidth(col, min(view.columnWidth(col), cap))
