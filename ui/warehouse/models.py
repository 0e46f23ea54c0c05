"""Item models of the warehouse station: pick lines with progress, the recent scan log,
pickable orders and bindings. Thin adapters over the core's frozen dataclasses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from orderdesk.warehouse.binding import BindingRow, PickableOrder, PickLine, format_qty

Index = QModelIndex | QPersistentModelIndex
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1
GREEN = QColor("#1b5e20")
BLUE = QColor("#0b57d0")
RED = QColor("#b71c1c")


class _Rows(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.header_texts())

    def header_texts(self) -> list[str]:
        return []

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            texts = self.header_texts()
            return texts[section] if section < len(texts) else None
        return None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def retranslate(self) -> None:
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)


class PickLineModel(_Rows):
    """One row per order line: line no, product, progress bound/required, batches."""

    def header_texts(self) -> list[str]:
        return [self.tr("Line"), self.tr("Product"), self.tr("Bound / required"),
                self.tr("Batches")]

    def set_lines(self, lines: Sequence[PickLine]) -> None:
        if [line.line_id for line in lines] == [line.line_id for line in self.rows]:
            # Same order: update in place so the view keeps its scroll position.
            self.rows = list(lines)
            if self.rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 3))
            return
        self.set_rows(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line: PickLine | None = self.row_at(index.row()) if index.isValid() else None
        if line is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(line.line_no)
            if col == 1:
                return f"{line.sku}  {line.product_name}"
            if col == 2:
                return f"{format_qty(line.bound)} / {format_qty(line.required)} {line.unit}"
            if col == 3:
                return str(line.batches)
        if role == PROGRESS_ROLE and col == 2:
            if line.required <= 0:
                return 100
            return int(min(100, line.bound * 100 / line.required))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 3):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 1 and line.done:
            return GREEN
        if role == Qt.ItemDataRole.UserRole:
            return line
        return None


class ProgressDelegate(QStyledItemDelegate):
    """Paints a big progress bar with the bound/required text in the progress column:
    blue while short, green when complete; the text is black on the empty part and
    white on the filled part, so it reads at every fill level."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        value = index.data(PROGRESS_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        rect = QRect(option.rect.adjusted(6, 8, -6, -8))
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        fill = GREEN if value >= 100 else BLUE
        filled = QRect(rect)
        filled.setWidth(int(rect.width() * min(100, max(0, value)) / 100))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(rect, QColor("#ffffff"))
        painter.fillRect(filled, fill)
        painter.setPen(QColor("#424242"))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.setFont(option.font)
        painter.setClipRect(rect)
        painter.setPen(QColor("#111111"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setClipRect(filled)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class ScanLogModel(_Rows):
    """The station's recent scans, newest first: time, code, result in words."""

    LIMIT = 200

    def header_texts(self) -> list[str]:
        return [self.tr("Time"), self.tr("Code"), self.tr("Result")]

    def add(self, at: dt.datetime, code: str, text: str, ok: bool) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.rows.insert(0, (at, code, text, ok))
        self.endInsertRows()
        if len(self.rows) > self.LIMIT:
            self.beginRemoveRows(QModelIndex(), self.LIMIT, len(self.rows) - 1)
            del self.rows[self.LIMIT:]
            self.endRemoveRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        at, code, text, ok = row
        if role == Qt.ItemDataRole.DisplayRole:
            return (at.strftime("%H:%M:%S"), code, text)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return GREEN if ok else RED
        if role == Qt.ItemDataRole.ToolTipRole:
            return text
        return None


class PickableOrderModel(_Rows):
    def header_texts(self) -> list[str]:
        return [self.tr("Order"), self.tr("Customer"), self.tr("PO"), self.tr("Due")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: PickableOrder | None = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            due = row.requested_date.isoformat() if row.requested_date else ""
            no = f"⚡ {row.order_no}" if row.rush else row.order_no
            return (no, row.customer_name, row.customer_po or "", due)[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


class BindingModel(_Rows):
    def header_texts(self) -> list[str]:
        return [self.tr("Batch"), self.tr("Line"), self.tr("Quantity"), self.tr("Bound by")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: BindingRow | None = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.batch_code, f"{row.line_no} {row.sku}", format_qty(row.quantity),
                    f"{row.bound_by or ''} @ {row.station or ''}")[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None
