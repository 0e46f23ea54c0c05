"""Table models of the quality station: thin adapters over service dataclasses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from orderdesk.certificates.service import CertificateRow, MaterialLotRow, ReadyRow, TestItem
from orderdesk.ui.errors import local_time_text
from orderdesk.ui.quality.inspection_dialog import short_block_text, state_text

T = TypeVar("T")


def qty_text(value: Decimal, unit: str = "") -> str:
    text = format(Decimal(value).normalize(), "f")
    return f"{text} {unit}".strip()


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of frozen dataclasses; subclasses list (header, value-of-row) columns."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def columns(self) -> Sequence[tuple[str, Callable[[T], Any]]]:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        # Cells carry translated words too ("not issued", "in force"): redraw them.
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns())

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns()[section][0]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.columns()[index.column()][1](row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row)
        return None

    def foreground(self, row: T) -> QBrush | None:
        return None


class ReadyModel(RowsModel[ReadyRow]):
    """Bound batches and whether a certificate is in force for them."""

    def columns(self):  # type: ignore[no-untyped-def]
        return (
            (self.tr("Order"), lambda r: f"⚡ {r.order_no}" if r.rush else r.order_no),
            (self.tr("Customer"), lambda r: r.customer_name),
            (self.tr("Product"), lambda r: f"{r.sku} {r.product_name}"),
            (self.tr("Batch"), lambda r: r.batch_code),
            (self.tr("Quantity"), lambda r: qty_text(r.quantity, r.unit)),
            (self.tr("Material lots"), lambda r: ", ".join(r.material_lots) or self.tr("none")),
            (self.tr("Inspection"), state_text),
            (self.tr("Certificate"), lambda r: r.certificate_no or (
                self.tr("not issued") if not r.blocks else
                self.tr("blocked: {reasons}").format(reasons="; ".join(
                    short_block_text(c) for c in r.blocks)))),
        )

    def foreground(self, row: ReadyRow) -> QBrush | None:
        if row.blocks or not row.material_lots:
            return QBrush(QColor("#8a4b00"))
        return None


class CertificateModel(RowsModel[CertificateRow]):
    def status_text(self, status: str) -> str:
        return {"issued": self.tr("in force"), "revoked": self.tr("revoked"),
                "superseded": self.tr("replaced")}.get(status, status)

    def columns(self):  # type: ignore[no-untyped-def]
        return (
            (self.tr("Certificate"), lambda r: r.number),
            (self.tr("Status"), lambda r: self.status_text(r.status)
             + (f" → {r.superseded_by_no}" if r.superseded_by_no else "")),
            (self.tr("Order"), lambda r: r.order_no),
            (self.tr("Customer"), lambda r: r.customer_name),
            (self.tr("Batch"), lambda r: r.batch_code),
            (self.tr("Quantity"), lambda r: qty_text(r.quantity, r.unit)),
            (self.tr("Inspector"), lambda r: r.inspector),
            (self.tr("Issued"), lambda r: local_time_text(r.issued_at)),
            (self.tr("Printed"), lambda r: r.printed_count),
        )

    def foreground(self, row: CertificateRow) -> QBrush | None:
        if row.status != "issued":
            return QBrush(QColor("#b71c1c"))
        if not row.binding_active:
            return QBrush(QColor("#8a4b00"))
        return None


class MaterialLotModel(RowsModel[MaterialLotRow]):
    def columns(self):  # type: ignore[no-untyped-def]
        return (
            (self.tr("Material lot"), lambda r: r.code),
            (self.tr("Grade"), lambda r: r.material_grade),
            (self.tr("Supplier"), lambda r: r.supplier),
            (self.tr("Received"), lambda r: r.received_date.isoformat() if r.received_date else ""),
            (self.tr("Tests"), lambda r: len(r.results)),
            (self.tr("Batches"), lambda r: r.batch_count),
        )


class TestItemModel(QAbstractTableModel):
    """Editable test results of one material lot (item, standard, result, unit, verdict)."""

    FIELDS = ("item", "standard", "result", "unit", "verdict")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Test item"), self.tr("Requirement"), self.tr("Result"), self.tr("Unit"),
                self.tr("Verdict"))

    def set_items(self, items: Sequence[TestItem]) -> None:
        self.beginResetModel()
        self._rows = [[getattr(i, f) for f in self.FIELDS] for i in items]
        self.endResetModel()

    def items(self) -> tuple[TestItem, ...]:
        out = []
        for row in self._rows:
            if any(v.strip() for v in row):
                out.append(TestItem(*[v.strip() for v in row]))
        return tuple(out)

    def add_row(self) -> int:
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append([""] * len(self.FIELDS))
        self.endInsertRows()
        return len(self._rows) - 1

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()][index.column()]
        return None

    def setData(self, index: QModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self._rows[index.row()][index.column()] = str(value)
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable
