"""Render smoke test of the pyqtgraph KPI chart with this PySide6: it draws the series
and the target line, and exports a PNG with something on it."""

from __future__ import annotations

import datetime as dt

import pyqtgraph
import PySide6
from PySide6.QtGui import QImage

from orderdesk.insight import kpi
from tests.core.insight_helpers import T0, catalog, flow


def test_kpi_chart_renders_and_exports_png(desk, qtbot, qapp, tmp_path):
    from orderdesk.ui.overview.charts import KpiChart

    cat = catalog(desk)
    for week in range(4):
        for i in range(3):
            flow(desk, cat, "C1", T0 + dt.timedelta(days=7 * week, hours=i), 5 + week * 4 + i)
    report = kpi.kpi_report(desk, T0 - dt.timedelta(days=1), T0 + dt.timedelta(days=30),
                            now=T0 + dt.timedelta(days=31))
    chart = KpiChart()
    qtbot.addWidget(chart)
    chart.resize(800, 300)
    chart.show()
    chart.show_result(report.result("processing_time"))
    qapp.processEvents()
    items = chart.getPlotItem().listDataItems()
    assert len(items) == 2  # median and P90
    xs, ys = items[0].getData()
    assert list(ys) == [6.0, 10.0, 14.0, 18.0]
    out = chart.export_png(tmp_path / "chart.png")
    image = QImage(str(out))
    assert image.width() >= 800
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 5, "the exported chart is blank"
    assert PySide6.__version__ and pyqtgraph.__version__
