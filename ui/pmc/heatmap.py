# i18n-area: planning
"""The order–capacity heatmap: machines × the next hours, coloured by load.

The canvas paints the whole grid itself (one fillRect per cell) so 40 machines × 72
buckets draw in a few milliseconds; a cell click shows the work orders loading it, the
machine's OEE with its three factors and period, and on request the approved
alternatives with their resulting load and due-date effect. Nothing moves until the
planner accepts one (then `move_work_order`, audited and synced). The plan is computed
on the query pool and reloaded whenever planning, orders or settings change, including
changes another station made that sync brought in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from orderdesk.changes import Changes
from orderdesk.planning.capacity import (
    AMBER,
    GREEN,
    RED,
    Alternative,
    CapacityPlan,
    capacity_plan,
    move_work_order,
    suggest_alternatives,
)
from orderdesk.ui.board.table import Column, RowTableModel, read_only_table
from orderdesk.ui.errors import show_error
from orderdesk.ui.screen_fit import scrolled

COLOURS = {GREEN: QColor("#8fd19e"), AMBER: QColor("#ffd166"), RED: QColor("#ef6f6c")}
NO_TIME = QColor("#e3e3e3")
LABEL_W = 118
HEADER_H = 34
ROW_H = 18
MIN_CELL_W = 9


def pct_text(v: float | None) -> str:
    return "∞" if v is None else f"{v:.0f}%"


class HeatmapCanvas(QWidget):
    """Paints the grid. `cell_clicked(row, column)`; rows are plan.machines."""

    cell_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heatmapCanvas")
        self.plan: CapacityPlan | None = None
        self.selected: tuple[int, int] | None = None
        self.setMouseTracking(True)
        self._cell_w = 12.0

    def set_plan(self, plan: CapacityPlan | None) -> None:
        self.plan = plan
        if plan is not None and self.selected is not None:
            r, c = self.selected
            if r >= len(plan.machines) or c >= (len(plan.machines[0].buckets) if plan.machines else 0):
                self.selected = None
        self.updateGeometry()
        self._layout()
        self.update()

    def _n(self) -> int:
        if self.plan is None or not self.plan.machines:
            return 0
        return len(self.plan.machines[0].buckets)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        rows = len(self.plan.machines) if self.plan else 0
        return QSize(LABEL_W + max(1, self._n()) * 13, HEADER_H + rows * ROW_H + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        rows = len(self.plan.machines) if self.plan else 0
        return QSize(LABEL_W + max(1, self._n()) * MIN_CELL_W, HEADER_H + rows * ROW_H + 2)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self._layout()
        super().resizeEvent(event)

    def _layout(self) -> None:
        n = self._n()
        self._cell_w = max(float(MIN_CELL_W), (self.width() - LABEL_W - 2) / n) if n else 12.0

    def cell_rect(self, row: int, col: int) -> QRect:
        x = LABEL_W + int(col * self._cell_w)
        w = LABEL_W + int((col + 1) * self._cell_w) - x
        return QRect(x, HEADER_H + row * ROW_H, w, ROW_H)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        if self.plan is None or pos.x() < LABEL_W or pos.y() < HEADER_H:
            return None
        row = (pos.y() - HEADER_H) // ROW_H
        col = int((pos.x() - LABEL_W) / self._cell_w)
        if 0 <= row < len(self.plan.machines) and 0 <= col < self._n():
            return row, col
        return None

    def _weekday(self, n: int) -> str:
        return (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                self.tr("Sat"), self.tr("Sun"))[n]

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        plan = self.plan
        if plan is None or not plan.machines:
            p.end()
            return
        n = self._n()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        p.setFont(small)
        grid = QPen(QColor("white"))
        # header: day on top, hours below every few buckets
        first = plan.machines[0].buckets
        step = max(1, int(28 / self._cell_w) + 1)
        p.setPen(QColor("#333"))
        for c, b in enumerate(first):
            x = LABEL_W + int(c * self._cell_w)
            first_label = c == 0 and all(x.start.hour != 0 for x in first[1:max(2, int(90 / self._cell_w))])
            if first_label or (c > 0 and b.start.hour == 0):
                p.drawText(QRect(x + 2, 0, 120, HEADER_H // 2), Qt.AlignmentFlag.AlignLeft
                           | Qt.AlignmentFlag.AlignVCenter,
                           b.start.strftime("%m-%d ") + self._weekday(b.start.weekday()))
                p.drawLine(x, 2, x, HEADER_H + len(plan.machines) * ROW_H)
            if c % step == 0:
                p.drawText(QRect(x, HEADER_H // 2, 40, HEADER_H // 2),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                           b.start.strftime("%H"))
        for r, m in enumerate(plan.machines):
            y = HEADER_H + r * ROW_H
            label_rect = QRect(4, y, LABEL_W - 6, ROW_H)
            p.setPen(QColor("#b00020") if m.over_threshold else QColor("#222"))
            p.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       m.code)
            p.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                       pct_text(m.peak_load))
            for c in range(n):
                b = m.buckets[c]
                rect = self.cell_rect(r, c)
                if b.available_hours <= 1e-9 and b.planned_hours <= 1e-9:
                    colour = NO_TIME
                else:
                    colour = COLOURS[b.status]
                    if b.status == GREEN and b.load_pct is not None:
                        # lighter the emptier, so the green band still shows its shape
                        colour = colour.lighter(100 + int(max(0.0, 60 - b.load_pct)))
                p.fillRect(rect, colour)
            p.setPen(grid)
            p.drawLine(LABEL_W, y + ROW_H - 1, LABEL_W + int(n * self._cell_w), y + ROW_H - 1)
        if self.selected is not None:
            p.setPen(QPen(QColor("#1a237e"), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.cell_rect(*self.selected).adjusted(1, 1, -1, -1))
        p.end()

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        hit = self.cell_at(event.position().toPoint())
        if hit is not None:
            self.selected = hit
            self.update()
            self.cell_clicked.emit(*hit)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and self.plan is not None:
            hit = self.cell_at(e.pos())  # type: ignore[attr-defined]
            if hit is not None:
                m = self.plan.machines[hit[0]]
                b = m.buckets[hit[1]]
                QToolTip.showText(e.globalPos(), self.tr(  # type: ignore[attr-defined]
                    "{machine} {start}–{end}: load {load} ({planned:.1f} h planned, "
                    "{available:.1f} h available, {capacity:.1f} h capacity)").format(
                    machine=m.code, start=b.start.strftime("%m-%d %H:%M"),
                    end=b.end.strftime("%H:%M"), load=pct_text(b.load_pct),
                    planned=b.planned_hours, available=b.available_hours,
                    capacity=b.capacity_hours), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)


def _table(model: RowTableModel, name: str) -> QTableView:
    return read_only_table(model, name, resize=QHeaderView.ResizeMode.ResizeToContents)


class HeatmapView(QWidget):
    """The heatmap tab of the PMC page. `plan_did_load(plan)`, `alternatives_did_load()`."""

    plan_did_load = Signal(object)
    alternatives_did_load = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: CapacityPlan | None = None
        self._machine_row: int | None = None
        self._wo_rows: list[Any] = []
        self.alternatives: list[Alternative] = []
        self._alt_reason: str | None = None
        self._loading = False
        self._again = False

        self.summary = QLabel()
        self.summary.setObjectName("heatmapSummary")
        self.summary.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setObjectName("heatmapLegend")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)
        self.setup_button = QPushButton()
        self.setup_button.setObjectName("planningSetup")
        self.setup_button.clicked.connect(self.open_setup)

        self.canvas = HeatmapCanvas()
        self.canvas.cell_clicked.connect(self._on_cell_clicked)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("heatmapScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.canvas)

        self.machine_title = QLabel()
        self.machine_title.setObjectName("heatmapMachine")
        self.machine_title.setStyleSheet("font-weight: bold;")
        self.oee_label = QLabel()
        self.oee_label.setObjectName("heatmapOee")
        self.oee_label.setWordWrap(True)
        self.cell_label = QLabel()
        self.cell_label.setObjectName("heatmapCell")
        self.cell_label.setWordWrap(True)
        self.wo_model = RowTableModel([
            Column("wo", lambda: self.tr("Work order"), lambda r: r[0].wo_no),
            Column("order", lambda: self.tr("Order"), lambda r: r[0].order_no or "-"),
            Column("sku", lambda: self.tr("SKU"), lambda r: r[0].sku),
            Column("hours", lambda: self.tr("Hours here"), lambda r: f"{r[1]:.2f}",
                   align=Qt.AlignmentFlag.AlignRight),
            Column("due", lambda: self.tr("Due"),
                   lambda r: r[0].due_date.isoformat() if r[0].due_date else "-"),
        ])
        self.wo_view = _table(self.wo_model, "heatmapWorkOrders")
        self.wo_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.suggest_button = QPushButton()
        self.suggest_button.setObjectName("suggestAlternative")
        self.suggest_button.clicked.connect(self.suggest)
        self.alt_model = RowTableModel([
            Column("machine", lambda: self.tr("Machine"), lambda a: a.machine_code),
            Column("load", lambda: self.tr("Resulting load"),
                   lambda a: pct_text(a.resulting_load), align=Qt.AlignmentFlag.AlignRight),
            Column("left", lambda: self.tr("Left here"),
                   lambda a: pct_text(a.source_load_after), align=Qt.AlignmentFlag.AlignRight),
            Column("due", lambda: self.tr("Due-date effect"), self._due_effect),
            Column("fits", lambda: self.tr("Fits"),
                   lambda a: self.tr("yes") if a.fits else self._reason_text(a.reason)),
        ], row_style=lambda a: {} if a.fits else {
            Qt.ItemDataRole.ForegroundRole: QColor("#888")})
        self.alt_view = _table(self.alt_model, "heatmapAlternatives")
        self.alt_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.alt_reason = QLabel()
        self.alt_reason.setObjectName("alternativeReason")
        self.alt_reason.setWordWrap(True)
        self.accept_button = QPushButton()
        self.accept_button.setObjectName("acceptAlternative")
        self.accept_button.clicked.connect(self.accept_selected)
        self.message = QLabel()
        self.message.setObjectName("heatmapMessage")
        self.message.setWordWrap(True)
        # Wrapped labels in a splitter pane get no height-for-width: reserve their lines.
        lines = self.fontMetrics().lineSpacing()
        for label, n in ((self.oee_label, 2), (self.cell_label, 3), (self.alt_reason, 2),
                         (self.message, 2)):
            label.setMinimumHeight(lines * n + 4)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        detail = QVBoxLayout()
        detail.setContentsMargins(4, 0, 0, 0)
        detail.addWidget(self.machine_title)
        detail.addWidget(self.oee_label)
        detail.addWidget(self.cell_label)
        self.wo_view.setMinimumHeight(90)
        self.alt_view.setMinimumHeight(90)
        detail.addWidget(self.wo_view, 2)
        detail.addWidget(self.suggest_button)
        detail.addWidget(self.alt_view, 2)
        detail.addWidget(self.alt_reason)
        detail.addWidget(self.accept_button)
        detail.addWidget(self.message)
        detail_area = scrolled(detail, "heatmapDetail")
        detail_area.setMinimumWidth(260)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("heatmapSplit")
        split.addWidget(self.scroll)
        split.addWidget(detail_area)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 360])
        split.setChildrenCollapsible(False)
        self.split = split

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.legend)
        top.addWidget(self.refresh_button)
        top.addWidget(self.setup_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        # Several changes in a burst (a sync page, an import) make one reload.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(250)
        self._reload_timer.timeout.connect(self.reload)
        self.retranslate_ui()
        self._update_buttons()

    # -- texts ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.setup_button.setText(self.tr("Machines and routings…"))
        self.suggest_button.setText(self.tr("Suggest alternative"))
        self.accept_button.setText(self.tr("Accept: move the work order"))
        swatch = '<span style="color:{c}; font-size:16px;">■</span>'
        self.legend.setText(" ".join(
            swatch.format(c=c.name()) + " " + text for c, text in (
                (COLOURS[GREEN], self.tr("green")), (COLOURS[AMBER], self.tr("amber")),
                (COLOURS[RED], self.tr("red")), (NO_TIME, self.tr("not available (no shift, downtime)")))))
        self.wo_model.retranslate()
        self.alt_model.retranslate()
        self._show_summary()
        self._show_machine()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _basis_text(self) -> str:
        if self.plan is None or self.plan.load_basis == "effective":
            return self.tr("load = planned hours ÷ (available hours × expected OEE)")
        return self.tr("load = planned hours ÷ available hours")

    def _show_summary(self) -> None:
        p = self.plan
        if p is None:
            self.summary.setText(self.tr("Loading machine load…"))
            return
        over = sum(1 for m in p.machines if m.over_threshold)
        bucket = (self.tr("hourly") if p.bucket_hours == 1
                  else self.tr("{n}-hour buckets").format(n=p.bucket_hours))
        self.summary.setText(self.tr(
            "Next {hours} h from {start}, {bucket}; {basis}; green under {green:g}%, "
            "amber to {red:g}%, red over {red:g}%. {over} of {total} machines red.").format(
            hours=p.horizon_hours, start=p.start.strftime("%m-%d %H:%M"), bucket=bucket,
            basis=self._basis_text(), green=p.green_below, red=p.red_above, over=over,
            total=len(p.machines)))

    def _reason_text(self, reason: str | None) -> str:
        texts = {
            "only_this_machine_approved": self.tr("no other machine is approved by the "
                                                  "customer for this product"),
            "no_routing": self.tr("the product has no routing: no machine is known for it"),
            "alternatives_over_threshold": self.tr("every approved alternative would go "
                                                   "over the red threshold"),
            "alternative_over_threshold": self.tr("over the red threshold"),
            "no_work_in_red_buckets": self.tr("no work order loads the red buckets"),
        }
        return texts.get(reason or "", reason or "")

    def _due_effect(self, a: Alternative) -> str:
        if a.finish is None:
            return self.tr("no free time found")
        if a.late_days is None:
            return self.tr("done {when}").format(when=a.finish.strftime("%m-%d %H:%M"))
        if a.late_days > 0:
            return self.tr("done {when}, {days} d after due").format(
                when=a.finish.strftime("%m-%d %H:%M"), days=a.late_days)
        return self.tr("done {when}, on time").format(when=a.finish.strftime("%m-%d %H:%M"))

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.ctx.tasks.query(capacity_plan, self.ctx.desk, on_done=self._on_plan,
                             on_error=self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self._loading = False
        from orderdesk.ui.errors import describe_error

        self.message.setText(describe_error(exc))

    def _on_plan(self, plan: CapacityPlan) -> None:
        self._loading = False
        self.plan = plan
        self.canvas.set_plan(plan)
        self._show_summary()
        if self._machine_row is not None and self._machine_row >= len(plan.machines):
            self._machine_row = None
        self._show_machine()
        self.plan_did_load.emit(plan)
        if self._again:
            self._again = False
            self.reload()

    def on_changes(self, changes: Changes) -> None:
        # Another station's reschedule or work-order move arrives through sync as
        # orders/planning changes; settings change the basis and thresholds.
        if changes.planning or changes.orders or changes.settings or changes.catalog:
            self._reload_timer.start()

    # -- the detail panel -----------------------------------------------------------------
    def select_cell(self, row: int, col: int) -> None:
        self.canvas.selected = (row, col)
        self.canvas.update()
        self._on_cell_clicked(row, col)

    def _on_cell_clicked(self, row: int, col: int) -> None:
        self._machine_row = row
        self.alternatives = []
        self._alt_reason = None
        self.alt_model.set_rows([])
        self._show_machine()

    def _show_machine(self) -> None:
        p = self.plan
        if p is None or self._machine_row is None:
            self.machine_title.setText(self.tr("Click a cell to see the work orders that load it."))
            self.oee_label.setText("")
            self.cell_label.setText("")
            self.wo_model.set_rows([])
            self.alt_reason.setText("")
            self._update_buttons()
            return
        m = p.machines[self._machine_row]
        kind = {"press": self.tr("press"), "cnc": self.tr("CNC"), "other": self.tr("machine")}.get(m.kind, m.kind)
        tons = f" {m.tonnage} t" if m.tonnage else ""
        self.machine_title.setText(self.tr("{code} — {kind}{tons} — peak {load}").format(
            code=m.code, kind=kind, tons=tons, load=pct_text(m.peak_load)))
        o = m.oee
        if o.value is None:
            self.oee_label.setText(self.tr("OEE: no machine logs in the period; expected OEE "
                                           "{oee:.0%} as configured.").format(oee=m.expected_oee))
        else:
            self.oee_label.setText(self.tr(
                "OEE {oee:.1%} = availability {a:.1%} × performance {p:.1%} × quality "
                "{q:.1%} ({start} to {end}, {n} shifts)").format(
                oee=o.value, a=o.availability, p=o.performance, q=o.quality,
                start=o.period_start, end=o.period_end, n=o.shifts))
        flags = []
        if "calendar_missing" in m.flags:
            flags.append(self.tr("no shift calendar: taken as running round the clock"))
        if "no_time_in_window" in m.flags:
            flags.append(self.tr("a work order's window has no available time"))
        if "performance_over_100" in o.flags:
            flags.append(self.tr("performance over 100%: check the ideal cycle time"))
        sel = self.canvas.selected
        rows = []
        if sel is not None and sel[0] == self._machine_row:
            b = m.buckets[sel[1]]
            text = self.tr("{start}–{end}: load {load}; {planned:.2f} h planned, {available:.2f} h "
                           "available, {capacity:.2f} h capacity").format(
                start=b.start.strftime("%m-%d %H:%M"), end=b.end.strftime("%H:%M"),
                load=pct_text(b.load_pct), planned=b.planned_hours,
                available=b.available_hours, capacity=b.capacity_hours)
            rows = [(p.work_orders[wid], h) for wid, h in b.work_orders if wid in p.work_orders]
        else:
            text = ""
        if flags:
            text = (text + "\n" if text else "") + "; ".join(flags)
        self.cell_label.setText(text)
        self.wo_model.set_rows(rows)
        if rows:
            self.wo_view.selectRow(max(range(len(rows)), key=lambda i: rows[i][1]))
        self.alt_reason.setText(self._reason_text(self._alt_reason) if self._alt_reason else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        wo = self.wo_model.row_at(self.wo_view.currentIndex().row())
        self.suggest_button.setEnabled(wo is not None)
        alt = self.alt_model.row_at(self.alt_view.currentIndex().row())
        self.accept_button.setEnabled(alt is not None and alt.fits)

    def suggest(self) -> None:
        row = self.wo_model.row_at(self.wo_view.currentIndex().row())
        if row is None:
            return
        self.alt_reason.setText(self.tr("Looking for approved machines…"))
        self.ctx.tasks.query(suggest_alternatives, self.ctx.desk, row[0].id,
                             on_done=self._on_alternatives, on_error=self._on_failed)

    def _on_alternatives(self, result: tuple[list[Alternative], str | None]) -> None:
        alts, reason = result
        self.alternatives = list(alts)
        self._alt_reason = reason
        self.alt_model.set_rows(self.alternatives)
        if self.alternatives and self.alternatives[0].fits:
            self.alt_view.selectRow(0)
        if not self.alternatives:
            self.alt_reason.setText(self.tr("No alternative: {reason}").format(
                reason=self._reason_text(reason)))
        elif reason:
            self.alt_reason.setText(self._reason_text(reason))
        else:
            self.alt_reason.setText(self.tr("Nothing moves until you accept."))
        self._update_buttons()
        self.alternatives_did_load.emit(self.alternatives)

    def accept_selected(self, *, confirm: bool = True) -> None:
        alt = self.alt_model.row_at(self.alt_view.currentIndex().row())
        if alt is None or not alt.fits:
            return
        if confirm:
            answer = QMessageBox.question(self, self.tr("Move work order"), self.tr(
                "Move {wo} to {machine}? It takes {hours:.2f} h there; the change is "
                "recorded and sent to the other stations.").format(
                wo=alt.wo_no, machine=alt.machine_code, hours=alt.hours_there))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.accept_button.setEnabled(False)
        self.ctx.tasks.mutate(move_work_order, self.ctx.desk, alt.work_order_id, alt.machine_code,
                              on_done=lambda _c: self._on_moved(alt), on_error=self._on_move_failed)

    def _on_moved(self, alt: Alternative) -> None:
        self.message.setText(self.tr("{wo} moved to {machine}.").format(
            wo=alt.wo_no, machine=alt.machine_code))
        self.alternatives = []
        self.alt_model.set_rows([])

    def _on_move_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        show_error(self, exc)

    def open_setup(self) -> Any:
        from orderdesk.ui.pmc.machines_dialog import PlanningSetupDialog

        dialog = PlanningSetupDialog(self.ctx, self)
        dialog.show()
        return dialog


__all__ = ["HeatmapCanvas", "HeatmapView", "dt"]
