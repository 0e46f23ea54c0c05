# i18n-area: planning
"""Supply-chain risk: imported materials held at customs past their lane's median, the
orders that need them, and the proposed new dates. Nothing changes until the planner
confirms; then the orders are re-dated (audited), sales are notified and the group robot
gets a message (orderdesk.planning.reschedule.confirm)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from orderdesk.changes import Changes
from orderdesk.planning import customs, reschedule
from orderdesk.ui.board.table import Column, RowTableModel
from orderdesk.ui.errors import describe_error, show_error
from orderdesk.ui.pmc.heatmap import _table


def _d(v: Any) -> str:
    return v.isoformat() if v else "-"


class SupplyRiskView(QWidget):
    overview_did_load = Signal(object)
    reschedule_did_confirm = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: reschedule.RiskOverview | None = None
        self._loading = False
        self.title = QLabel()
        self.title.setObjectName("riskTitle")
        self.title.setWordWrap(True)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importShipments")
        self.import_button.clicked.connect(self._choose_import)

        self.alert_model = RowTableModel([
            Column("ref", lambda: self.tr("Shipment"), lambda p: p.alert.reference),
            Column("material", lambda: self.tr("Material"),
                   lambda p: f"{p.alert.material_sku} {p.alert.material_name}"),
            Column("lane", lambda: self.tr("Port × customs × broker"),
                   lambda p: customs.lane_label((p.alert.port, p.alert.customs_office,
                                                 p.alert.broker))),
            Column("elapsed", lambda: self.tr("Held"),
                   lambda p: self.tr("{h:.0f} h").format(h=p.alert.elapsed_hours),
                   align=Qt.AlignmentFlag.AlignRight),
            Column("ratio", lambda: self.tr("Against the usual time"), self._ratio_text),
            Column("insp", lambda: self.tr("Inspection"), self._inspection),
            Column("orders", lambda: self.tr("Orders at risk"),
                   lambda p: f"{len(p.orders)} / {p.dependent_orders}",
                   align=Qt.AlignmentFlag.AlignRight),
        ], row_style=lambda p: {Qt.ItemDataRole.ForegroundRole: QColor("#b00020")})
        self.alert_view = _table(self.alert_model, "riskAlerts")
        self.alert_view.selectionModel().selectionChanged.connect(lambda *_: self._show_proposal())

        self.flag_model = RowTableModel([
            Column("ref", lambda: self.tr("Shipment"), lambda f: f.reference),
            Column("material", lambda: self.tr("Material"), lambda f: f.material_sku),
            Column("lane", lambda: self.tr("Port × customs × broker"),
                   lambda f: customs.lane_label(f.lane)),
            Column("flags", lambda: self.tr("Needs attention"),
                   lambda f: "; ".join(self._flag_text(x) for x in f.flags)),
        ])
        self.flag_view = _table(self.flag_model, "riskFlagged")
        self.flag_title = QLabel()
        self.flag_title.setStyleSheet("font-weight: bold;")

        self.proposal_title = QLabel()
        self.proposal_title.setObjectName("proposalTitle")
        self.proposal_title.setWordWrap(True)
        self.proposal_title.setStyleSheet("font-weight: bold;")
        self.order_model = RowTableModel([
            Column("order", lambda: self.tr("Order"), lambda c: c.order_no),
            Column("customer", lambda: self.tr("Customer"), lambda c: c.customer or "-"),
            Column("due", lambda: self.tr("Due now"), lambda c: _d(c.due_date)),
            Column("new", lambda: self.tr("Proposed"), lambda c: _d(c.proposed_date)),
            Column("later", lambda: self.tr("Later by"),
                   lambda c: "-" if c.days_later is None else self.tr("{n} d").format(n=c.days_later),
                   align=Qt.AlignmentFlag.AlignRight),
            Column("machine", lambda: self.tr("Machine"), lambda c: c.machine_code or
                   self.tr("no routing")),
        ])
        self.order_view = _table(self.order_model, "proposalOrders")
        self.order_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        lines = self.fontMetrics().lineSpacing()
        self.proposal_title.setMinimumHeight(lines * 2 + 6)   # no height-for-width in a splitter
        self.title.setMinimumHeight(lines * 2 + 4)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("confirmReschedule")
        self.confirm_button.clicked.connect(self.confirm)
        self.message = QLabel()
        self.message.setObjectName("riskMessage")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.refresh_button)
        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addWidget(self.alert_view, 3)
        ul.addWidget(self.flag_title)
        ul.addWidget(self.flag_view, 2)
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.proposal_title)
        ll.addWidget(self.order_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.confirm_button)
        ll.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("riskSplit")
        split.addWidget(upper)
        split.addWidget(lower)
        split.setChildrenCollapsible(False)
        split.setSizes([260, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.reload)
        self.retranslate_ui()
        self._show_proposal()

    # -- texts ----------------------------------------------------------------------------
    def _ratio_text(self, p: reschedule.Proposal) -> str:
        a = p.alert
        text = self.tr("{ratio:.2f}× median ({hours:.0f} h, n={n}, last {days} days)").format(
            ratio=a.ratio, hours=a.baseline.hours, n=a.baseline.n, days=a.baseline.window_days)
        if a.baseline.scope == "port":
            text += " — " + self.tr("port median: the lane has only n={n}").format(
                n=a.baseline.lane_n)
        return text

    def _inspection(self, p: reschedule.Proposal) -> str:
        v = p.alert.inspection
        return self.tr("unknown") if v is None else (self.tr("yes") if v else self.tr("no"))

    def _flag_text(self, flag: str) -> str:
        texts = {
            "arrived_missing": self.tr("arrival time missing"),
            "declared_missing": self.tr("declaration time missing"),
            "released_missing": self.tr("release time missing"),
            "gate_out_missing": self.tr("gate-out time missing"),
            "elapsed_unknown": self.tr("time at customs unknown (no arrival)"),
            "no_baseline": self.tr("too few clearances on the lane and the port to judge"),
            "inspection_unknown": self.tr("inspection yes/no not reported"),
            "eta_passed_no_arrival": self.tr("ETA passed, no arrival reported"),
            "port_median_used": self.tr("port median used"),
        }
        if flag in texts:
            return texts[flag]
        if "_before_" in flag:
            later, _, earlier = flag.partition("_before_")
            return self.tr("{later} before {earlier}").format(later=later, earlier=earlier)
        if flag.endswith("_in_future"):
            return self.tr("{what} in the future").format(what=flag.removesuffix("_in_future"))
        return flag

    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.import_button.setText(self.tr("Import broker sheet…"))
        self.flag_title.setText(self.tr("Shipments with missing or inconsistent milestones "
                                        "(never counted as zero)"))
        self.confirm_button.setText(self.tr("Confirm reschedule"))
        self.confirm_button.setToolTip(self.tr("Re-dates the selected orders (all when none is "
                                               "selected), notifies sales"))
        for m in (self.alert_model, self.flag_model, self.order_model):
            m.retranslate()
        self._show_title()
        self._show_proposal()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_title(self) -> None:
        o = self.overview
        if o is None:
            self.title.setText(self.tr("Loading customs clearance…"))
            return
        self.title.setText(self.tr(
            "{alerts} imported shipments held past their usual clearance time, {open} open at "
            "customs. Baseline: median of the lane's recent clearances.").format(
            alerts=len(o.proposals), open=o.open_shipments))

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.ctx.tasks.query(reschedule.risk_overview, self.ctx.desk, on_done=self._on_overview,
                             on_error=self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.message.setText(describe_error(exc))

    def _on_overview(self, overview: reschedule.RiskOverview) -> None:
        self._loading = False
        self.overview = overview
        current = self.alert_view.currentIndex().row()
        self.alert_model.set_rows(list(overview.proposals))
        self.flag_model.set_rows(list(overview.flagged))
        if overview.proposals:
            self.alert_view.selectRow(min(max(current, 0), len(overview.proposals) - 1))
        self._show_title()
        self._show_proposal()
        self.overview_did_load.emit(overview)

    def on_changes(self, changes: Changes) -> None:
        if changes.planning or changes.orders or changes.stock or changes.settings:
            self._timer.start()

    def _current(self) -> reschedule.Proposal | None:
        return self.alert_model.row_at(self.alert_view.currentIndex().row())

    def _show_proposal(self) -> None:
        p = self._current()
        if p is None:
            self.proposal_title.setText(self.tr("Select an alert to see the orders it puts at risk."))
            self.order_model.set_rows([])
            self.confirm_button.setEnabled(False)
            return
        self.proposal_title.setText(self.tr(
            "{ref}: {material} can be at the plant about {ready} (one more usual clearance, "
            "then the usual time to the plant). {n} of {dep} orders that need it would be late; "
            "proposed dates, sequenced on their machines:").format(
            ref=p.alert.reference, material=p.alert.material_sku,
            ready=p.material_ready.strftime("%m-%d %H:%M"), n=len(p.orders),
            dep=p.dependent_orders))
        self.order_model.set_rows(list(p.orders))
        self.confirm_button.setEnabled(bool(p.orders))

    # -- confirming -----------------------------------------------------------------------
    def selected_order_ids(self) -> set[str] | None:
        rows = {i.row() for i in self.order_view.selectionModel().selectedRows()}
        ids = {self.order_model.rows[r].order_id for r in rows if r < len(self.order_model.rows)}
        return ids or None

    def confirm(self, *, ask: bool = True) -> None:
        p = self._current()
        if p is None or not p.orders:
            return
        only = self.selected_order_ids()
        count = len(only) if only else len(p.orders)
        if ask:
            answer = QMessageBox.question(self, self.tr("Confirm reschedule"), self.tr(
                "Re-date {n} orders to the proposed dates and notify sales? The change is "
                "recorded in each order's history.").format(n=count))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.confirm_button.setEnabled(False)
        self.ctx.tasks.mutate(reschedule.confirm, self.ctx.desk, p, only=only,
                              on_done=self._on_confirmed, on_error=self._on_confirm_failed)

    def _on_confirmed(self, result: reschedule.ConfirmResult) -> None:
        self.message.setStyleSheet("color: #1b5e20;")
        text = self.tr("{n} orders re-dated; sales notified.").format(n=result.orders)
        if result.webhook_queued:
            text += " " + self.tr("Group robot message queued.")
        self.message.setText(text)
        self.reschedule_did_confirm.emit(result)

    def _on_confirm_failed(self, exc: BaseException) -> None:
        self.confirm_button.setEnabled(True)
        show_error(self, exc)
        self.reload()

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Broker sheet"), "",
                                              self.tr("Spreadsheets (*.xlsx *.xls *.csv)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        self.ctx.tasks.mutate(customs.import_shipments, self.ctx.desk, path,
                              on_done=self._on_imported, on_error=self._on_import_failed)

    def _on_imported(self, report: customs.ShipmentImport) -> None:
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("Shipments: {c} new, {u} updated.").format(
            c=report.created, u=report.updated))

    def _on_import_failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020;")
        problems = getattr(exc, "facts", {}).get("problems") or []
        self.message.setText(describe_error(exc) + ("\n" + "\n".join(problems[:6]) if problems else ""))
