"""Table models of the overview and its dialogs (thin adapters over service rows)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from orderdesk.ui.board.labels import channel_label, department_label, status_label
from orderdesk.ui.board.table import Column, RowTableModel
from orderdesk.ui.overview import labels

R = Qt.AlignmentFlag.AlignRight



def _dt(value) -> str:  # type: ignore[no-untyped-def]
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


def due_model(parent=None) -> RowTableModel:  # type: ignore[no-untyped-def]
    def style(row):  # type: ignore[no-untyped-def]
        if row.days < 0:
            return {Qt.ItemDataRole.ForegroundRole: QBrush(QColor("#b03020"))}
        return {}
    return RowTableModel([
        Column("order_no", lambda: QCoreApplication.translate("InsightTables", "Order"), lambda r: r.order_no),
        Column("customer", lambda: QCoreApplication.translate("InsightTables", "Customer"), lambda r: r.customer or ""),
        Column("due", lambda: QCoreApplication.translate("InsightTables", "Due"), lambda r: r.due.isoformat()),
        Column("days", lambda: QCoreApplication.translate("InsightTables", "Days"), lambda r: r.days, R,
               lambda r: QCoreApplication.translate("InsightTables", "negative: days late")),
        Column("production", lambda: QCoreApplication.translate("InsightTables", "Production"), lambda r: status_label(r.status_production)),
        Column("warehouse", lambda: QCoreApplication.translate("InsightTables", "Warehouse"), lambda r: status_label(r.status_warehouse)),
        Column("rush", lambda: QCoreApplication.translate("InsightTables", "Rush"), lambda r: "⚡" if r.rush else ""),
    ], parent, row_style=style)


def health_model(parent=None, *, brief: bool = False) -> RowTableModel:  # type: ignore[no-untyped-def]
    def style(row):  # type: ignore[no-untyped-def]
        return {Qt.ItemDataRole.BackgroundRole: QBrush(labels.COLOR_BG[row.color])}

    def sub(key: str, what: str):  # type: ignore[no-untyped-def]
        def value(row):  # type: ignore[no-untyped-def]
            s = row.sub(key)
            if what == "n":
                return s.n
            return "—" if s.value is None else f"{s.value:.1f}"
        return value

    cols = [
        Column("color", lambda: QCoreApplication.translate("InsightTables", "Health"), lambda r: labels.color_name(r.color)),
        Column("code", lambda: QCoreApplication.translate("InsightTables", "Code"), lambda r: r.code),
        Column("name", lambda: QCoreApplication.translate("InsightTables", "Customer"), lambda r: r.name),
        Column("score", lambda: QCoreApplication.translate("InsightTables", "Score"),
               lambda r: "—" if r.score is None else f"{r.score:.0f}", R),
    ]
    for key in ("otif", "changes", "complaints", "payment"):
        cols.append(Column(key, lambda key=key: labels.sub_name(key), sub(key, "v"), R))
        if not brief:
            cols.append(Column(key + "_n", lambda: "N", sub(key, "n"), R))
    return RowTableModel(cols, parent, row_style=style)


def exception_model(parent=None) -> RowTableModel:  # type: ignore[no-untyped-def]
    return RowTableModel([
        Column("report_no", lambda: QCoreApplication.translate("InsightTables", "Report"), lambda r: r.report_no),
        Column("kind", lambda: QCoreApplication.translate("InsightTables", "Kind"), lambda r: r.kind),
        Column("order", lambda: QCoreApplication.translate("InsightTables", "Order"), lambda r: r.order_no or ""),
        Column("customer", lambda: QCoreApplication.translate("InsightTables", "Customer"), lambda r: r.customer_name or ""),
        Column("description", lambda: QCoreApplication.translate("InsightTables", "Description"), lambda r: r.description),
        Column("owner", lambda: QCoreApplication.translate("InsightTables", "Owner"), lambda r: r.owner or ""),
        Column("due", lambda: QCoreApplication.translate("InsightTables", "Due"), lambda r: _dt(r.due_at)),
        Column("card", lambda: QCoreApplication.translate("InsightTables", "Card"),
               lambda r: "" if r.card is None else (QCoreApplication.translate("InsightTables", "draft") if r.card.state == "draft"
                                                    else QCoreApplication.translate("InsightTables", "accepted"))),
    ], parent)


def figure_model(unit_code: str, parent=None) -> RowTableModel:  # type: ignore[no-untyped-def]
    return RowTableModel([
        Column("group", lambda: QCoreApplication.translate("InsightTables", "Group"), lambda r: r.label),
        Column("value", lambda: QCoreApplication.translate("InsightTables", "Value"), lambda r: labels.number(r.value, unit_code), R),
        Column("median", lambda: QCoreApplication.translate("InsightTables", "Median"), lambda r: labels.number(r.median, unit_code), R),
        Column("p90", lambda: "P90", lambda r: labels.number(r.p90, unit_code), R),
        Column("n", lambda: "N", lambda r: r.n, R),
        Column("open", lambda: QCoreApplication.translate("InsightTables", "Open"), lambda r: r.open_n, R),
    ], parent)


def case_model(unit_code: str, parent=None, *, open_cases: bool = False) -> RowTableModel:  # type: ignore[no-untyped-def]
    value_header = (lambda: QCoreApplication.translate("InsightTables", "Age")) if open_cases else (lambda: QCoreApplication.translate("InsightTables", "Value"))
    return RowTableModel([
        Column("order_no", lambda: QCoreApplication.translate("InsightTables", "Order"), lambda r: r.order_no),
        Column("customer", lambda: QCoreApplication.translate("InsightTables", "Customer"), lambda r: r.customer_code or ""),
        Column("tier", lambda: QCoreApplication.translate("InsightTables", "Tier"), lambda r: r.tier or ""),
        Column("channel", lambda: QCoreApplication.translate("InsightTables", "Channel"), lambda r: channel_label(r.channel) if r.channel else ""),
        Column("line", lambda: QCoreApplication.translate("InsightTables", "Product line"), lambda r: r.product_line or ""),
        Column("start", lambda: QCoreApplication.translate("InsightTables", "Start"), lambda r: _dt(r.start_at)),
        Column("stop", lambda: QCoreApplication.translate("InsightTables", "Stop"), lambda r: _dt(r.stop_at)),
        Column("value", value_header,
               lambda r: labels.age(r.value, "h" if unit_code == "%" else unit_code)
               if open_cases else labels.number(r.value, unit_code), R),
    ], parent)


def trail_model(parent=None) -> RowTableModel:  # type: ignore[no-untyped-def]
    def style(row):  # type: ignore[no-untyped-def]
        if row.bound:
            return {Qt.ItemDataRole.BackgroundRole: QBrush(QColor("#ffe08a")),
                    Qt.ItemDataRole.FontRole: None}
        return {}
    return RowTableModel([
        Column("at", lambda: QCoreApplication.translate("InsightTables", "When"), lambda r: f"{r.at:%Y-%m-%d %H:%M:%S}"),
        Column("kind", lambda: QCoreApplication.translate("InsightTables", "Event"), lambda r: labels.event_name(r.kind)),
        Column("detail", lambda: QCoreApplication.translate("InsightTables", "Detail"), lambda r: r.detail or ""),
        Column("user", lambda: QCoreApplication.translate("InsightTables", "Who"), lambda r: r.user or ""),
        Column("dept", lambda: QCoreApplication.translate("InsightTables", "Department"), lambda r: department_label(r.department) if r.department else ""),
        Column("bound", lambda: QCoreApplication.translate("InsightTables", "Measured"), lambda r: "◆" if r.bound else ""),
    ], parent, row_style=style)
