"""The supervisor's landing page: how the business is doing today.

Three KPI tiles (value, median, P90, N, the target, open cases apart), late and at-risk
orders, red customers and open exceptions. A tile opens its drill-down; the buttons
open the health board and the exception quick report; every table goes to Excel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orderdesk.changes import Changes
from orderdesk.insight import export, handbook, health, kpi
from orderdesk.insight import overview as overview_service
from orderdesk.ui.board.table import read_only_table
from orderdesk.ui.errors import register_describer, show_error
from orderdesk.ui.overview import labels
from orderdesk.ui.overview.tables import due_model, exception_model, health_model
from orderdesk.ui.page import StationPage


class KpiTile(QFrame):
    """One KPI: the figure large, its median/P90/N, the target and the open cases."""

    clicked = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"tile_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = QLabel()
        self.title.setObjectName("tileTitle")
        self.value = QLabel("—")
        self.value.setObjectName("tileValue")
        self.value.setStyleSheet("font-size: 26pt; font-weight: bold;")
        self.stats = QLabel()
        self.stats.setObjectName("tileStats")
        self.target = QLabel()
        self.open = QLabel()
        self.open.setObjectName("tileOpen")
        layout = QVBoxLayout(self)
        for w in (self.title, self.value, self.stats, self.target, self.open):
            layout.addWidget(w)
        self.result: kpi.KpiResult | None = None

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.clicked.emit(self.key)
        super().mousePressEvent(event)

    def show_result(self, r: kpi.KpiResult | None) -> None:
        self.result = r
        self.title.setText(labels.kpi_name(self.key))
        if r is None:
            return
        u = r.kpi.unit
        self.value.setText(f"{labels.number(r.value, u)} {labels.unit(u)}")
        colour = "#2e7d32" if r.met else ("#b03020" if r.met is False else "#555")
        self.value.setStyleSheet(f"font-size: 26pt; font-weight: bold; color: {colour};")
        self.stats.setText(QCoreApplication.translate("KpiTile", "median {median} · P90 {p90} · N {n}").format(
            median=labels.number(r.median, u), p90=labels.number(r.p90, u), n=r.n))
        self.target.setText(labels.target_text(self.key, r.kpi.target, r.kpi.better, u))
        age_unit = "h" if u == "%" else u
        self.open.setText(QCoreApplication.translate("KpiTile", "open (not in the figure): {n} · median age {median} · "
                                        "oldest {oldest}")
                          .format(n=r.open.n, median=labels.age(r.open.median_age, age_unit),
                                  oldest=labels.age(r.open.max_age, age_unit)))
        self.setToolTip(labels.kpi_definition(self.key))


def _view(model) -> QTableView:  # type: ignore[no-untyped-def]
    return read_only_table(model, single=False)


class OverviewPage(StationPage):
    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.setObjectName("overviewPage")
        self.data: overview_service.Overview | None = None
        self.heading = QLabel()
        self.heading.setObjectName("overviewHeading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.period = QLabel()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)
        self.kpi_button = QPushButton()
        self.kpi_button.clicked.connect(lambda: self.open_kpi("processing_time"))
        self.health_button = QPushButton()
        self.health_button.clicked.connect(self.open_health)
        self.report_button = QPushButton()
        self.report_button.setObjectName("reportExceptionButton")
        self.report_button.clicked.connect(self.open_report)
        self.excel_button = QPushButton()
        self.excel_button.clicked.connect(self._on_export)
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addWidget(self.period, 1)
        for b in (self.refresh_button, self.kpi_button, self.health_button, self.report_button,
                  self.excel_button):
            head.addWidget(b)

        self.tiles = {k.key: KpiTile(k.key) for k in kpi.KPIS}
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tile.clicked.connect(self.open_kpi)
            tiles.addWidget(tile, 1)

        self.offer_bar = QFrame()
        self.offer_bar.setObjectName("handbookOffer")
        self.offer_bar.setStyleSheet("#handbookOffer { background: #eef5ff; }")
        self.offer_label = QLabel()
        self.offer_button = QPushButton()
        self.offer_button.clicked.connect(self._on_handbook)
        ob = QHBoxLayout(self.offer_bar)
        ob.addWidget(self.offer_label, 1)
        ob.addWidget(self.offer_button)
        self.offer_bar.hide()

        self.late_model = due_model(self)
        self.risk_model = due_model(self)
        self.red_model = health_model(self, brief=True)
        self.exc_model = exception_model(self)
        self.lists = QTabWidget()
        self.lists.setObjectName("overviewLists")
        self.late_view, self.risk_view = _view(self.late_model), _view(self.risk_model)
        self.red_view, self.exc_view = _view(self.red_model), _view(self.exc_model)
        self.exc_view.doubleClicked.connect(self._on_exception_activated)
        for v in (self.late_view, self.risk_view, self.red_view, self.exc_view):
            self.lists.addTab(v, "")
        self.exc_hint = QLabel()

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(tiles)
        layout.addWidget(self.offer_bar)
        layout.addWidget(self.lists, 1)
        layout.addWidget(self.exc_hint)
        self.retranslate_ui()
        self.reload()

    # -- StationPage ---------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Overview")

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("How the business is doing"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.kpi_button.setText(self.tr("KPI details…"))
        self.health_button.setText(self.tr("Health board…"))
        self.report_button.setText(self.tr("Report exception…"))
        self.excel_button.setText(self.tr("Export to Excel…"))
        self.offer_button.setText(self.tr("Generate the handbook…"))
        self.exc_hint.setText(self.tr("Double-click an open exception to close it with its "
                                      "lessons-learned card."))
        for m in (self.late_model, self.risk_model, self.red_model, self.exc_model):
            m.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, m.columnCount() - 1)
        self._show()

    def on_changes(self, changes: Changes, initiator: object) -> None:
        if changes.orders or changes.settings:
            self.reload()

    def self_test_dialogs(self):  # type: ignore[no-untyped-def]
        from orderdesk.ui.overview.exception_dialog import (CloseExceptionDialog,
                                                            ExceptionReportDialog)

        def close_dialog():  # type: ignore[no-untyped-def]
            rows = self.exc_model.rows
            return CloseExceptionDialog(self.ctx, rows[0], self) if rows else None

        return [("kpi drill-down", lambda: self.open_kpi("processing_time")),
                ("health board", self.open_health),
                ("exception report", self.open_report),
                ("close exception", close_dialog)]

    # -- data ----------------------------------------------------------------------------
    def reload(self) -> None:
        self.refresh_button.setEnabled(False)
        self.ctx.tasks.query(overview_service.overview, self.ctx.desk, on_done=self._on_data,
                             on_error=self._on_error)

    def _on_error(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        show_error(self, exc)

    def _on_data(self, data: overview_service.Overview) -> None:
        self.refresh_button.setEnabled(True)
        self.data = data
        self.late_model.set_rows(list(data.late))
        self.risk_model.set_rows(list(data.at_risk))
        self.red_model.set_rows(list(data.red))
        self.exc_model.set_rows(list(data.open_exceptions))
        for v in (self.late_view, self.risk_view, self.red_view, self.exc_view):
            v.resizeColumnsToContents()
        self._show()

    def _show(self) -> None:
        d = self.data
        for key, tile in self.tiles.items():
            tile.show_result(d.kpis.result(key) if d else None)
        if d is None:
            self.period.setText(self.tr("Loading…"))
            for i, text in enumerate((self.tr("Late orders"), self.tr("At risk"),
                                      self.tr("Red customers"), self.tr("Open exceptions"))):
                self.lists.setTabText(i, text)
            return
        last = d.kpis.end.date().toordinal() - 1
        from datetime import date

        self.period.setText(self.tr("{start} to {end} · health month {month}").format(
            start=d.kpis.start.date().isoformat(), end=date.fromordinal(last).isoformat(),
            month=d.health.month))
        self.lists.setTabText(0, self.tr("Late orders ({n})").format(n=len(d.late)))
        self.lists.setTabText(1, self.tr("At risk, due within {days} days ({n})").format(
            days=overview_service.AT_RISK_DAYS, n=len(d.at_risk)))
        self.lists.setTabText(2, self.tr("Red customers ({n})").format(n=len(d.red)))
        self.lists.setTabText(3, self.tr("Open exceptions ({n}, {late} overdue)").format(
            n=len(d.open_exceptions), late=d.overdue_exceptions))
        offer = d.handbook_offer
        self.offer_bar.setVisible(offer.offer)
        self.offer_label.setText(self.tr(
            "{n} lessons-learned cards are accepted ({new} not yet in a handbook): generate "
            "《高频问题应对手册》?").format(n=offer.accepted,
                                          new=offer.accepted - offer.in_last_edition))

    # -- actions -------------------------------------------------------------------------
    def open_kpi(self, key: str):  # type: ignore[no-untyped-def]
        from orderdesk.ui.overview.kpi_view import KpiDrillDialog

        dialog = KpiDrillDialog(self.ctx, self.data.kpis if self.data else None, key, self)
        dialog.show()
        return dialog

    def open_health(self):  # type: ignore[no-untyped-def]
        from orderdesk.ui.overview.health_view import HealthBoardDialog

        dialog = HealthBoardDialog(self.ctx, self, self.data.health.month if self.data else None)
        dialog.show()
        return dialog

    def open_report(self):  # type: ignore[no-untyped-def]
        from orderdesk.ui.overview.exception_dialog import ExceptionReportDialog

        dialog = ExceptionReportDialog(self.ctx, self)
        dialog.open()
        return dialog

    def _on_exception_activated(self, index) -> None:  # type: ignore[no-untyped-def]
        from orderdesk.ui.overview.exception_dialog import CloseExceptionDialog

        row = self.exc_model.rows[index.row()]
        dialog = CloseExceptionDialog(self.ctx, row, self)
        dialog.open()

    def export_sheets(self) -> list:
        """Every table of the page (and the KPI report behind the tiles) as sheets."""
        d = self.data
        if d is None:
            return []
        due_headers = ("order_no", "customer", "due", "days", "production", "warehouse", "rush")

        def due_rows(rows):  # type: ignore[no-untyped-def]
            return [[r.order_no, r.customer, r.due, r.days, r.status_production,
                     r.status_warehouse, "yes" if r.rush else ""] for r in rows]

        red_board = health.HealthBoard(d.health.month, d.health.closed, d.health.rules, d.red)
        return [*export.kpi_sheets(d.kpis),
                ("Late", due_headers, due_rows(d.late)),
                ("At risk", due_headers, due_rows(d.at_risk)),
                ("Red customers", export.HEALTH_HEADERS, export.health_rows(red_board)),
                ("Open exceptions", export.EXCEPTION_HEADERS,
                 export.exception_rows(d.open_exceptions))]

    def _on_export(self) -> None:
        if self.data is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"),
                                              "overview.xlsx", "Excel (*.xlsx)")
        if path:
            self.ctx.tasks.query(export.write_xlsx, path, self.export_sheets(),
                                 on_error=self._on_error)

    def _on_handbook(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Generate the handbook"),
                                              "高频问题应对手册.docx",
                                              "Word (*.docx);;PDF (*.pdf)")
        if path:
            self.ctx.tasks.mutate(handbook.generate, self.ctx.desk, path,
                                  on_done=lambda _b: self.reload(), on_error=self._on_error)


def _word(code: str, text: str):  # type: ignore[no-untyped-def]
    def describe(exc: BaseException) -> str:
        facts = getattr(exc, "facts", {})
        return QCoreApplication.translate("InsightErrors", text).format_map(
            {k: v for k, v in facts.items()} | {"_": ""})
    return describe


# lupdate reads the literal texts from these calls:
QCoreApplication.translate("InsightErrors", "The weights total {total}; they must total 100.")
QCoreApplication.translate("InsightErrors", "The month {month} is not valid (YYYY-MM).")
QCoreApplication.translate("InsightErrors", "This handbook format is not supported: {path}.")
register_describer(health.WeightsNotHundred,
                   _word("w", "The weights total {total}; they must total 100."))
register_describer(health.BadMonth, _word("m", "The month {month} is not valid (YYYY-MM)."))
register_describer(handbook.UnknownFormat,
                   _word("f", "This handbook format is not supported: {path}."))
