"""pyqtgraph charts of the KPIs (weekly median and P90 against the target line), and
their PNG export. pyqtgraph draws fast for live widgets; see tests/ui/test_overview_charts."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from orderdesk.insight.kpi import KpiResult

pg.setConfigOptions(antialias=True, background="w", foreground="#333")



class KpiChart(pg.PlotWidget):
    """Median and P90 per week (or month) of one KPI, with its target as a dashed line.

    For first-pass accuracy the weekly rate is drawn (a rate has no per-order P90)."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("kpiChart")
        self.setMinimumHeight(160)
        self.showGrid(x=True, y=True, alpha=0.25)
        self.legend = self.addLegend(offset=(10, 5))
        self.result: KpiResult | None = None
        self.monthly = False

    def show_result(self, result: KpiResult | None, *, monthly: bool = False) -> None:
        self.result, self.monthly = result, monthly
        self.clear()
        self.legend.clear()
        if result is None:
            return
        figs = [f for f in (result.monthly if monthly else result.weekly) if f.n]
        xs = list(range(len(figs)))
        axis = self.getAxis("bottom")
        step = max(1, len(figs) // 8)
        axis.setTicks([[(i, figs[i].label[2:] if not monthly else figs[i].label)
                        for i in xs[::step]]])
        rate = result.kpi.unit == "%"
        if figs:
            main = [f.value for f in figs] if rate else [f.median for f in figs]
            self.plot(xs, main, pen=pg.mkPen("#1f6fb2", width=2), symbol="o", symbolSize=5,
                      symbolBrush="#1f6fb2",
                      name=QCoreApplication.translate("InsightCharts", "rate") if rate else QCoreApplication.translate("InsightCharts", "median"))
            if not rate:
                self.plot(xs, [f.p90 for f in figs], pen=pg.mkPen("#d9822b", width=2),
                          name="P90")
        target = pg.InfiniteLine(pos=result.kpi.target, angle=0,
                                 pen=pg.mkPen(QColor("#c0392b"), width=1.5,
                                              style=pg.QtCore.Qt.PenStyle.DashLine),
                                 label=QCoreApplication.translate("InsightCharts", "target {value}").format(value=f"{result.kpi.target:g}"),
                                 labelOpts={"position": 0.05, "color": "#c0392b"})
        self.addItem(target)
        self.setLabel("left", result.kpi.unit)

    def export_png(self, path: str | Path) -> Path:
        from pyqtgraph.exporters import ImageExporter

        exporter = ImageExporter(self.plotItem)
        exporter.parameters()["width"] = max(800, int(self.width()))
        exporter.export(str(path))
        return Path(path)
