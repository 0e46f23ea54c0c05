"""The order board: every order with its three department statuses.

Filters (department + status, customer, channel, dates, rush, cancelled) and one search
box for any of an order's numbers. Rows load a page at a time on the query pool as the
user scrolls (the history holds ~120,000 orders a year); the board reloads when a
mutation or a sync pull reports `Changes(orders=True)`, never by polling.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from orderdesk import statuses
from orderdesk.changes import Changes
from orderdesk.services import board
from orderdesk.services.board import OrderFilter, OrderSummary
from orderdesk.ui.date_filter import OptionalDateEdit
from orderdesk.ui.board.labels import channel_label, department_label, status_label
from orderdesk.ui.board.table import Column, RowTableModel
from orderdesk.ui.errors import describe_error
from orderdesk.ui.page import StationPage

PAGE_SIZE = 200
RUSH_BACKGROUND = QColor("#fff1c1")
CANCELLED_FOREGROUND = QColor("#6b6b6b")


def _qty(value: Decimal) -> str:
    if value == value.to_integral():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def _date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def load_orders(desk, flt: OrderFilter, offset: int, with_count: bool):  # type: ignore[no-untyped-def]
    """Query-pool work: one page of orders (and the total when starting over)."""
    rows = board.list_orders(desk, flt, limit=PAGE_SIZE, offset=offset)
    total = board.count_orders(desk, flt) if with_count else None
    return rows, total


class OrderTableModel(RowTableModel):
    """Orders of the board; asks for the next page when the view scrolls near the end."""

    more_wanted = Signal()

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        right = Qt.AlignmentFlag.AlignRight
        columns = [
            Column("order_no", lambda: self.tr("Order no."),
                   lambda r: ("\u26a1 " if r.rush else "") + r.order_no,
                   tooltip=lambda r: self.tr("Rush order") if r.rush else None),
            Column("channel", lambda: self.tr("Channel"), lambda r: channel_label(r.channel)),
            Column("channel_no", lambda: self.tr("Channel no."), lambda r: r.channel_order_no),
            Column("customer", lambda: self.tr("Customer"),
                   lambda r: r.customer_name or r.customer_code or self.tr("(no customer)"),
                   tooltip=lambda r: f"{r.customer_code or ''} {r.customer_name or ''}"
                   f" [{r.customer_tier or '-'}]"),
            Column("po", lambda: self.tr("Customer PO"), lambda r: r.customer_po),
            Column("order_time", lambda: self.tr("Ordered"), lambda r: _date(r.order_time)),
            Column("requested", lambda: self.tr("Requested"), lambda r: _date(r.requested_date)),
            Column("quantity", lambda: self.tr("Quantity"), lambda r: _qty(r.total_quantity), right,
                   tooltip=lambda r: self.tr("{n} lines, first {sku}").format(
                       n=r.line_count, sku=r.first_sku or "-")),
            Column("sales", lambda: department_label("sales"),
                   lambda r: status_label(r.status_sales)),
            Column("production", lambda: department_label("production"),
                   lambda r: status_label(r.status_production)),
            Column("warehouse", lambda: department_label("warehouse"),
                   lambda r: status_label(r.status_warehouse)),
        ]
        super().__init__(columns, parent, row_style=self._style)
        self.total = 0
        self.loading = False
        bold = QFont()
        bold.setBold(True)
        self._bold = bold
        italic = QFont()
        italic.setItalic(True)
        italic.setStrikeOut(True)
        self._cancelled_font = italic

    def _style(self, row: OrderSummary) -> dict[int, object]:
        if row.cancelled:
            return {Qt.ItemDataRole.ForegroundRole: QBrush(CANCELLED_FOREGROUND),
                    Qt.ItemDataRole.FontRole: self._cancelled_font}
        if row.rush:
            return {Qt.ItemDataRole.BackgroundRole: QBrush(RUSH_BACKGROUND),
                    Qt.ItemDataRole.FontRole: self._bold}
        return {}

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self.loading and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self.loading = True
            self.more_wanted.emit()


class BoardPage(StationPage):
    """Page key "board"; see the module docstring."""

    order_opened = Signal(str)

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.setObjectName("boardPage")
        self._generation = 0
        self._filter = OrderFilter()
        self._dialogs: list = []

        # -- filter bar -----------------------------------------------------------------
        self.search = QLineEdit()
        self.search.setObjectName("boardSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        self.department = QComboBox()
        self.department.setObjectName("departmentFilter")
        self.department.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status.setMinimumWidth(140)
        self.customer = QLineEdit()
        self.customer.setObjectName("customerFilter")
        self.customer.setClearButtonEnabled(True)
        self.channel = QComboBox()
        self.channel.setObjectName("channelFilter")
        self.channel.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.channel.setMinimumWidth(150)
        self.date_from = OptionalDateEdit("dateFrom")
        self.date_to = OptionalDateEdit("dateTo")
        self.rush_only = QCheckBox()
        self.rush_only.setObjectName("rushOnly")
        self.include_cancelled = QCheckBox()
        self.include_cancelled.setObjectName("includeCancelled")
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearFilters")
        self.count_label = QLabel()
        self.count_label.setObjectName("boardCount")
        self.message = QLabel()
        self.message.setObjectName("boardMessage")
        self.message.setVisible(False)
        self.message.setWordWrap(True)

        self.search_label, self.dept_label, self.customer_label = QLabel(), QLabel(), QLabel()
        self.channel_label, self.from_label, self.to_label = QLabel(), QLabel(), QLabel()

        row1 = QHBoxLayout()
        row1.addWidget(self.search_label)
        row1.addWidget(self.search, 3)
        row1.addWidget(self.customer_label)
        row1.addWidget(self.customer, 2)
        row1.addWidget(self.channel_label)
        row1.addWidget(self.channel, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.dept_label)
        row2.addWidget(self.department)
        row2.addWidget(self.status)
        row2.addWidget(self.from_label)
        row2.addWidget(self.date_from)
        row2.addWidget(self.to_label)
        row2.addWidget(self.date_to)
        row2.addWidget(self.rush_only)
        row2.addWidget(self.include_cancelled)
        row2.addStretch(1)
        row2.addWidget(self.count_label)
        row2.addWidget(self.clear_button)

        # -- table ----------------------------------------------------------------------
        self.model = OrderTableModel(self)
        self.model.more_wanted.connect(self._load_more)
        self.view = QTableView()
        self.view.setObjectName("boardTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(34)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.view.viewport().installEventFilter(self)
        self.view.doubleClicked.connect(self._on_row_activated)
        self.view.activated.connect(self._on_row_activated)

        layout = QVBoxLayout(self)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

        # -- behaviour ------------------------------------------------------------------
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(250)
        self._reload_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._schedule_reload)
        self.search.returnPressed.connect(self._on_search_entered)
        self.customer.textChanged.connect(self._schedule_reload)
        self.department.currentIndexChanged.connect(self._on_department_changed)
        self.status.currentIndexChanged.connect(self._schedule_reload)
        self.channel.currentIndexChanged.connect(self._schedule_reload)
        self.date_from.dateChanged.connect(self._schedule_reload)
        self.date_to.dateChanged.connect(self._schedule_reload)
        self.rush_only.toggled.connect(self._schedule_reload)
        self.include_cancelled.toggled.connect(self._schedule_reload)
        self.clear_button.clicked.connect(self.clear_filters)

        self._channels: list[str] = []
        self._fill_departments()
        self.retranslate_ui()
        self.reload()
        self._load_channels()

    # -- widgets --------------------------------------------------------------------------
    def _fill_departments(self) -> None:
        current = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("All departments"), None)
        for dept in statuses.DEPARTMENTS:
            self.department.addItem(department_label(dept), dept)
        index = self.department.findData(current)
        self.department.setCurrentIndex(max(index, 0))
        self.department.blockSignals(False)
        self._fill_statuses()

    def _fill_statuses(self) -> None:
        dept = self.department.currentData()
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("Any status"), None)
        for code in statuses.FLOW.get(dept, ()) if dept else ():
            self.status.addItem(status_label(code), code)
        index = self.status.findData(current)
        self.status.setCurrentIndex(max(index, 0))
        self.status.setEnabled(dept is not None)
        self.status.blockSignals(False)

    def _fill_channels(self) -> None:
        current = self.channel.currentData()
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(self.tr("All channels"), None)
        for code in self._channels:
            self.channel.addItem(channel_label(code), code)
        index = self.channel.findData(current)
        self.channel.setCurrentIndex(max(index, 0))
        self.channel.blockSignals(False)

    def page_title(self) -> str:
        return self.tr("Order board")

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Order no., channel no. or customer PO"))
        self.search_label.setText(self.tr("Find"))
        self.customer_label.setText(self.tr("Customer"))
        self.customer.setPlaceholderText(self.tr("Code or name"))
        self.channel_label.setText(self.tr("Channel"))
        self.dept_label.setText(self.tr("Status of"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.rush_only.setText(self.tr("Rush only"))
        self.include_cancelled.setText(self.tr("Show cancelled"))
        self.clear_button.setText(self.tr("Clear filters"))
        self._fill_departments()
        self._fill_channels()
        self.model.retranslate()
        if self.model.rows:
            self._size_columns()  # English and Chinese labels differ in width
        self._show_count()

    # -- filter ---------------------------------------------------------------------------
    def current_filter(self) -> OrderFilter:
        dept = self.department.currentData()
        return OrderFilter(
            text=self.search.text().strip(), department=dept,
            status=self.status.currentData() if dept else None,
            customer=self.customer.text().strip(), channel=self.channel.currentData(),
            date_from=self.date_from.day(), date_to=self.date_to.day(),
            rush_only=self.rush_only.isChecked(),
            include_cancelled=self.include_cancelled.isChecked(),
        )

    def clear_filters(self) -> None:
        for widget in (self.search, self.customer):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for combo in (self.department, self.channel):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._fill_statuses()
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.clear_date()
            edit.blockSignals(False)
        for box in (self.rush_only, self.include_cancelled):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.reload()

    def _on_department_changed(self) -> None:
        self._fill_statuses()
        self._schedule_reload()

    def _schedule_reload(self) -> None:
        self._reload_timer.start()

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Start over with the current filter (results of older requests are dropped)."""
        self._reload_timer.stop()
        self._generation += 1
        generation = self._generation
        self._filter = self.current_filter()
        self.model.loading = True
        self.ctx.tasks.query(load_orders, self.ctx.desk, self._filter, 0, True,
                             on_done=lambda result: self._on_loaded(generation, 0, result),
                             on_error=lambda exc: self._on_load_failed(generation, exc))

    def _load_more(self) -> None:
        generation = self._generation
        offset = len(self.model.rows)
        self.ctx.tasks.query(load_orders, self.ctx.desk, self._filter, offset, False,
                             on_done=lambda result: self._on_loaded(generation, offset, result),
                             on_error=lambda exc: self._on_load_failed(generation, exc))

    def _on_loaded(self, generation: int, offset: int, result) -> None:  # type: ignore[no-untyped-def]
        if generation != self._generation:
            return  # the filter changed meanwhile; a newer request is on its way
        rows, total = result
        self.message.setVisible(False)
        if offset == 0:
            self.model.total = total or 0
            self.model.set_rows(rows)
            if not self.view.horizontalHeader().property("sized"):
                self._size_columns()
                self.view.horizontalHeader().setProperty("sized", bool(rows))
        elif offset == len(self.model.rows):
            self.model.append_rows(rows)
            if len(rows) < PAGE_SIZE:
                self.model.total = len(self.model.rows)
        self.model.loading = False
        self._show_count()

    def _size_columns(self) -> None:
        """Fit columns to the first page; the customer column takes the spare width and
        gives it back when the window narrows (never below its content: a narrow window
        scrolls sideways instead of cutting text)."""
        self.view.horizontalHeader().setResizeContentsPrecision(40)
        self.view.resizeColumnsToContents()
        col = self._customer_column()
        self._customer_min = self.view.horizontalHeader().sectionSize(col)
        self._fill_width()

    def _customer_column(self) -> int:
        return [c.key for c in self.model.columns].index("customer")

    def _fill_width(self) -> None:
        if not getattr(self, "_customer_min", 0):
            return
        header = self.view.horizontalHeader()
        col = self._customer_column()
        others = header.length() - header.sectionSize(col)
        header.resizeSection(col, max(self._customer_min, self.view.viewport().width() - others))

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fill_width()
        return super().eventFilter(watched, event)

    def _on_load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.model.loading = False
        self.message.setText(describe_error(exc))
        self.message.setProperty("state", "error")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(True)

    def _show_count(self) -> None:
        if not hasattr(self, "model"):
            return
        self.count_label.setText(self.tr("{shown} of {total} orders").format(
            shown=len(self.model.rows), total=self.model.total))

    def _load_channels(self) -> None:
        self.ctx.tasks.query(board.channels, self.ctx.desk, on_done=self._on_channels,
                             on_error=lambda exc: None)

    def _on_channels(self, channels: list[str]) -> None:
        self._channels = channels
        self._fill_channels()

    def on_changes(self, changes: Changes, initiator: object) -> None:
        if changes.orders:
            self._schedule_reload()
            self._load_channels()

    # -- opening orders ---------------------------------------------------------------------
    def _on_search_entered(self) -> None:
        """Enter in the search box: open the order that number belongs to, if exactly one."""
        number = self.search.text().strip()
        if not number:
            return
        self.ctx.tasks.query(board.find_order_id, self.ctx.desk, number,
                             on_done=self._on_number_found)

    def _on_number_found(self, order_id: str | None) -> None:
        if order_id:
            self.open_order(order_id)
        else:
            self.reload()

    def _on_row_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_order(row.id)

    def open_order(self, order_id: str):  # type: ignore[no-untyped-def]
        from orderdesk.ui.board.order_dialog import OrderDialog

        # One dialog per order: a double-click also emits activated(), and a user
        # clicking again must get the open one back, not a second copy to edit.
        from shiboken6 import isValid

        open_dialogs = self.__dict__.setdefault("_order_dialogs", {})
        dialog = open_dialogs.get(order_id)
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = OrderDialog(self.ctx, order_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        open_dialogs[order_id] = dialog
        dialog.destroyed.connect(lambda _o=None, k=order_id: open_dialogs.pop(k, None))
        dialog.show()
        self.order_opened.emit(order_id)
        return dialog

    def self_test_dialogs(self):  # type: ignore[no-untyped-def]
        """The order dialog of the first order shown (see StationPage.self_test_dialogs)."""
        def order():  # type: ignore[no-untyped-def]
            rows = getattr(self.model, "rows", [])
            return self.open_order(rows[0].id) if rows else None

        return [("order", order)]
