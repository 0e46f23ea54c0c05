"""KPI drill-down: one KPI over a period, by week or month against its target, broken
down by product line, customer tier or channel; the orders behind a figure, the open
cases with their age, and an order's trail with the two bounding events highlighted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orderdesk.insight import export, kpi
from orderdesk.ui.board.table import read_only_table
from orderdesk.ui.errors import show_error
from orderdesk.ui.overview import labels
from orderdesk.ui.overview.charts import KpiChart
from orderdesk.ui.overview.tables import case_model, figure_model, trail_model
from orderdesk.ui.screen_fit import fit_to_screen


def _table(model) -> QTableView:  # type: ignore[no-untyped-def]
    return read_only_table(model)


class KpiDrillDialog(QDialog):
    """Opened from a KPI tile of the overview (or the KPI details button)."""

    def __init__(self, ctx, report: kpi.KpiReport | None, key: str = "processing_time",  # type: ignore[no-untyped-def]
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiDrillDialog")
        self.ctx = ctx
        self.report = report
        self.key = key
        self._group: str | None = None
        fit_to_screen(self, 1300, 720)

        self.kpi_box = QComboBox()
        for k in kpi.KPIS:
            self.kpi_box.addItem("", k.key)
        self.kpi_box.setCurrentIndex([k.key for k in kpi.KPIS].index(key))
        self.by_box = QComboBox()
        for d in (None, *kpi.DIMENSIONS):
            self.by_box.addItem("", d)
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        start, end = (report.start, report.end) if report else kpi.default_period()
        self.from_edit.setDate(QDate(start.year, start.month, start.day))
        last = end - dt.timedelta(days=1)
        self.to_edit.setDate(QDate(last.year, last.month, last.day))
        self.grain_box = QComboBox()
        self.grain_box.addItem("", "week")
        self.grain_box.addItem("", "month")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)
        self.excel_button = QPushButton()
        self.excel_button.clicked.connect(self._on_export_excel)
        self.png_button = QPushButton()
        self.png_button.clicked.connect(self._on_export_png)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)

        self.kpi_label, self.by_label = QLabel(), QLabel()
        self.from_label, self.to_label, self.grain_label = QLabel(), QLabel(), QLabel()
        controls = QHBoxLayout()
        for w in (self.kpi_label, self.kpi_box, self.from_label, self.from_edit, self.to_label,
                  self.to_edit, self.by_label, self.by_box, self.grain_label, self.grain_box,
                  self.refresh_button):
            controls.addWidget(w)
        controls.addStretch(1)

        self.headline = QLabel()
        self.headline.setObjectName("kpiHeadline")
        self.headline.setWordWrap(True)
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.definition.setObjectName("kpiDefinition")

        self.chart = KpiChart()
        unit_code = kpi.KPI_BY_KEY[key].unit
        self.breakdown_model = figure_model(unit_code, self)
        self.breakdown_view = _table(self.breakdown_model)
        self.breakdown_view.clicked.connect(self._on_group_clicked)
        self.cases_model = case_model(unit_code, self)
        self.cases_view = _table(self.cases_model)
        self.cases_view.clicked.connect(self._on_case_clicked)
        self.open_model = case_model(unit_code, self, open_cases=True)
        self.open_view = _table(self.open_model)
        self.open_view.clicked.connect(self._on_case_clicked)
        self.trail_model = trail_model(self)
        self.trail_view = _table(self.trail_model)
        self.trail_label = QLabel()

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.chart)
        top.addWidget(self.breakdown_view)
        top.setSizes([700, 500])
        self.case_tabs = QTabWidget()
        self.case_tabs.addTab(self.cases_view, "")
        self.case_tabs.addTab(self.open_view, "")
        trail_box = QWidget()
        tl = QVBoxLayout(trail_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.trail_label)
        tl.addWidget(self.trail_view)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.case_tabs)
        bottom.addWidget(trail_box)
        bottom.setSizes([700, 500])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(bottom)
        body.setSizes([300, 320])

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.excel_button, self.png_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.headline)
        layout.addWidget(self.definition)
        layout.addWidget(body, 1)
        layout.addLayout(buttons)

        self.kpi_box.currentIndexChanged.connect(self._on_kpi_changed)
        self.grain_box.currentIndexChanged.connect(lambda _i: self._show())
        self.retranslate_ui()
        if report is None:
            self.reload()
        else:
            self._show()

    # -- text -----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("KPI drill-down"))
        for i, k in enumerate(kpi.KPIS):
            self.kpi_box.setItemText(i, labels.kpi_name(k.key))
        for i in range(self.by_box.count()):
            self.by_box.setItemText(i, labels.dimension_name(self.by_box.itemData(i)))
        self.grain_box.setItemText(0, self.tr("by week"))
        self.grain_box.setItemText(1, self.tr("by month"))
        self.kpi_label.setText(self.tr("KPI"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.by_label.setText(self.tr("Break down by"))
        self.grain_label.setText(self.tr("Chart"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.excel_button.setText(self.tr("Export to Excel…"))
        self.png_button.setText(self.tr("Chart to PNG…"))
        self.close_button.setText(self.tr("Close"))
        self.case_tabs.setTabText(0, self.tr("Orders behind the figure"))
        self.case_tabs.setTabText(1, self.tr("Open cases (ageing, not in the figure)"))
        self.trail_label.setText(self.tr("Trail of the selected order (the two events "
                                         "that bound the measured interval are highlighted)"))
        for m in (self.breakdown_model, self.cases_model, self.open_model, self.trail_model):
            m.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, m.columnCount() - 1)
        self._show_headline()

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- data -----------------------------------------------------------------------------
    def period(self) -> tuple[dt.datetime, dt.datetime]:
        f, t = self.from_edit.date(), self.to_edit.date()
        start = dt.datetime(f.year(), f.month(), f.day())
        end = dt.datetime(t.year(), t.month(), t.day()) + dt.timedelta(days=1)
        return start, end

    def reload(self) -> None:
        start, end = self.period()
        self.refresh_button.setEnabled(False)
        self.ctx.tasks.query(kpi.kpi_report, self.ctx.desk, start, end,
                             by=self.by_box.currentData(), on_done=self._on_report,
                             on_error=self._on_error)

    def _on_report(self, report: kpi.KpiReport) -> None:
        self.refresh_button.setEnabled(True)
        self.report = report
        self._show()

    def _on_error(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        show_error(self, exc)

    def _on_kpi_changed(self, _index: int) -> None:
        self.key = self.kpi_box.currentData()
        unit_code = kpi.KPI_BY_KEY[self.key].unit
        # Columns format by unit: new models for the new KPI.
        self.breakdown_model = figure_model(unit_code, self)
        self.breakdown_view.setModel(self.breakdown_model)
        self.cases_model = case_model(unit_code, self)
        self.cases_view.setModel(self.cases_model)
        self.open_model = case_model(unit_code, self, open_cases=True)
        self.open_view.setModel(self.open_model)
        self._group = None
        self._show()

    def result(self) -> kpi.KpiResult | None:
        return self.report.result(self.key) if self.report else None

    def _show_headline(self) -> None:
        r = self.result()
        if r is None:
            self.headline.setText(self.tr("Loading…"))
            self.definition.setText("")
            return
        u = r.kpi.unit
        self.headline.setText(self.tr(
            "{name}: {value} {unit} · median {median} · P90 {p90} · N {n} · {target} · "
            "open {open} (median age {age}, oldest {oldest})").format(
            name=labels.kpi_name(r.kpi.key), value=labels.number(r.value, u),
            unit=labels.unit(u), median=labels.number(r.median, u),
            p90=labels.number(r.p90, u), n=r.n,
            target=labels.target_text(r.kpi.key, r.kpi.target, r.kpi.better, u),
            open=r.open.n, age=labels.age(r.open.median_age, "h" if u == "%" else u),
            oldest=labels.age(r.open.max_age, "h" if u == "%" else u)))
        self.definition.setText(labels.kpi_definition(r.kpi.key) + (
            self.tr(" Skipped (ends before it starts): {n}.").format(n=r.skipped)
            if r.skipped else ""))

    def _show(self) -> None:
        r = self.result()
        self._show_headline()
        if r is None:
            return
        self.chart.show_result(r, monthly=self.grain_box.currentData() == "month")
        self.breakdown_model.set_rows(list(r.breakdown) if r.breakdown else
                                      list(r.monthly))
        self._show_cases()

    def _show_cases(self) -> None:
        r = self.result()
        if r is None:
            return
        by = self.report.by if self.report else None

        def keep(c: kpi.KpiCase) -> bool:
            if self._group is None:
                return True
            if by:
                return c.group(by) == self._group
            return c.month == self._group

        self.cases_model.set_rows([c for c in r.cases if keep(c)])
        self.open_model.set_rows([c for c in r.open_cases if keep(c)])
        for view in (self.cases_view, self.open_view, self.breakdown_view):
            view.resizeColumnsToContents()

    def _on_group_clicked(self, index) -> None:  # type: ignore[no-untyped-def]
        row = self.breakdown_model.rows[index.row()]
        self._group = None if self._group == row.label else row.label
        self._show_cases()

    def _on_case_clicked(self, index) -> None:  # type: ignore[no-untyped-def]
        model = index.model()
        case = model.rows[index.row()]
        self.ctx.tasks.query(kpi.case_trail, self.ctx.desk, self.key, case,
                             on_done=self._on_trail, on_error=self._on_error)

    def _on_trail(self, trail) -> None:  # type: ignore[no-untyped-def]
        self.trail_model.set_rows(list(trail))
        self.trail_view.resizeColumnsToContents()

    def show_trail_of(self, row: int) -> None:
        """Select an order behind the figure and show its trail (tests, keyboard)."""
        index = self.cases_model.index(row, 0)
        self.cases_view.setCurrentIndex(index)
        self._on_case_clicked(index)

    # -- export ---------------------------------------------------------------------------
    def _on_export_excel(self) -> None:
        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"),
                                              "kpi.xlsx", "Excel (*.xlsx)")
        if path:
            self.ctx.tasks.query(export.write_xlsx, path, export.kpi_sheets(self.report),
                                 on_error=self._on_error)

    def _on_export_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Chart to PNG"), "kpi.png",
                                              "PNG (*.png)")
        if path:
            try:
                self.chart.export_png(path)
            except OSError as exc:
                show_error(self, exc)
