# i18n-area: planning
"""Planning set-up: machines (with their shift calendars), the machines approved per
product (routings) and the planning settings, each edited in place; and the import of
the machines workbook. Reads on the query pool, writes on the writer thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, QEvent, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from orderdesk.planning import rules as planning_rules
from orderdesk.planning import setup
from orderdesk.ui.board.table import Column, RowTableModel
from orderdesk.ui.errors import describe_error
from orderdesk.ui.pmc.heatmap import _table
from orderdesk.ui.screen_fit import fit_to_screen, scrolled


class PlanningSetupDialog(QDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planningSetupDialog")
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_machines(), "")
        self.tabs.addTab(self._build_routings(), "")
        self.tabs.addTab(self._build_work_orders(), "")
        self.tabs.addTab(scrolled(self._build_rules()), "")
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self._choose_import)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        self.message = QLabel()
        self.message.setObjectName("planningSetupMessage")
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, 980, 640)
        self.retranslate_ui()
        self.reload()

    # -- machines -------------------------------------------------------------------------
    def _build_machines(self) -> QWidget:
        self.machine_model = RowTableModel([
            Column("code", lambda: self.tr("Machine"), lambda r: r.code),
            Column("name", lambda: self.tr("Name"), lambda r: r.name),
            Column("kind", lambda: self.tr("Kind"), lambda r: self._kind_label(r.kind)),
            Column("tons", lambda: self.tr("Tonnage"), lambda r: r.tonnage or ""),
            Column("oee", lambda: self.tr("Expected OEE"), lambda r: f"{r.expected_oee:.0%}"),
            Column("active", lambda: self.tr("Active"), lambda r: "✓" if r.active else ""),
            Column("shifts", lambda: self.tr("Shifts"), lambda r: "; ".join(r.shifts)),
        ])
        self.machine_view = _table(self.machine_model, "machinesTable")
        self.machine_view.clicked.connect(self._machine_picked)
        self.m_code, self.m_name = QLineEdit(), QLineEdit()
        self.m_kind = QComboBox()
        for k in setup.MACHINE_KINDS:
            self.m_kind.addItem(k, k)
        self.m_tons = QSpinBox()
        self.m_tons.setRange(0, 5000)
        self.m_oee = QDoubleSpinBox()
        self.m_oee.setRange(1, 100)
        self.m_oee.setSuffix(" %")
        self.m_oee.setValue(85)
        self.m_active = QCheckBox()
        self.m_active.setChecked(True)
        self.m_save = QPushButton()
        self.m_save.setObjectName("saveMachine")
        self.m_save.clicked.connect(self.save_machine)
        form = QFormLayout()
        self._m_labels = [QLabel() for _ in range(6)]
        for label, w in zip(self._m_labels, (self.m_code, self.m_name, self.m_kind, self.m_tons,
                                             self.m_oee, self.m_active)):
            form.addRow(label, w)
        form.addRow(self.m_save)
        # A shift or planned downtime for the machine in the Code field.
        self.sh_name = QLineEdit()
        self.sh_start, self.sh_end = QTimeEdit(QTime(8, 0)), QTimeEdit(QTime(20, 0))
        self.sh_day = QComboBox()
        self.sh_add = QPushButton()
        self.sh_add.setObjectName("addShift")
        self.sh_add.clicked.connect(self.save_shift)
        shift_row = QHBoxLayout()
        for w in (self.sh_name, self.sh_day):
            shift_row.addWidget(w)
        times = QHBoxLayout()
        times.addWidget(self.sh_start)
        times.addWidget(QLabel("–"))
        times.addWidget(self.sh_end)
        self._shift_label = QLabel()
        self._shift_label.setWordWrap(True)
        form.addRow(self._shift_label, shift_row)
        form.addRow("", times)
        form.addRow(self.sh_add)
        now = QDateTime.currentDateTime()
        self.dt_start, self.dt_end = QDateTimeEdit(now), QDateTimeEdit(now.addSecs(4 * 3600))
        for w in (self.dt_start, self.dt_end):
            w.setDisplayFormat("yyyy-MM-dd HH:mm")
            w.setCalendarPopup(True)
        self.dt_reason = QLineEdit()
        self.dt_add = QPushButton()
        self.dt_add.setObjectName("addDowntime")
        self.dt_add.clicked.connect(self.add_downtime)
        self._dt_labels = [QLabel() for _ in range(3)]
        for label, w in zip(self._dt_labels, (self.dt_start, self.dt_end, self.dt_reason)):
            form.addRow(label, w)
        form.addRow(self.dt_add)
        side = QWidget()
        side.setLayout(form)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.machine_view)
        split.addWidget(scrolled(side))
        split.setChildrenCollapsible(False)
        split.setSizes([520, 420])
        return split

    def save_shift(self) -> None:
        self.ctx.tasks.mutate(setup.save_shift, self.ctx.desk, self.m_code.text().strip(),
                              self.sh_name.text(), self.sh_start.time().toString("HH:mm"),
                              self.sh_end.time().toString("HH:mm"),
                              weekday=self.sh_day.currentData(),
                              on_done=lambda _c: self._saved(), on_error=self._failed)

    def add_downtime(self) -> None:
        start = self.dt_start.dateTime().toPython().replace(second=0, microsecond=0)
        end = self.dt_end.dateTime().toPython().replace(second=0, microsecond=0)
        self.ctx.tasks.mutate(setup.add_downtime, self.ctx.desk, self.m_code.text().strip(),
                              start, end, self.dt_reason.text(),
                              on_done=lambda _c: self._saved(), on_error=self._failed)

    def _kind_label(self, kind: str) -> str:
        return {"press": self.tr("injection press"), "cnc": self.tr("CNC"),
                "other": self.tr("other")}.get(kind, kind)

    def _machine_picked(self, index: Any) -> None:
        r = self.machine_model.row_at(index.row())
        if r is None:
            return
        self.m_code.setText(r.code)
        self.m_name.setText(r.name)
        self.m_kind.setCurrentIndex(max(0, self.m_kind.findData(r.kind)))
        self.m_tons.setValue(r.tonnage or 0)
        self.m_oee.setValue(r.expected_oee * 100)
        self.m_active.setChecked(r.active)

    def save_machine(self) -> None:
        self.ctx.tasks.mutate(setup.save_machine, self.ctx.desk, self.m_code.text(),
                              name=self.m_name.text().strip(), kind=self.m_kind.currentData(),
                              tonnage=self.m_tons.value() or None,
                              expected_oee=self.m_oee.value() / 100,
                              active=self.m_active.isChecked(),
                              on_done=lambda _c: self._saved(), on_error=self._failed)

    # -- routings -------------------------------------------------------------------------
    def _build_routings(self) -> QWidget:
        self.r_search = QLineEdit()
        self.r_search.setObjectName("routingSearch")
        self.r_search.returnPressed.connect(self.reload_routings)
        self.routing_model = RowTableModel([
            Column("sku", lambda: self.tr("SKU"), lambda r: r.sku),
            Column("machine", lambda: self.tr("Machine"), lambda r: r.machine_code),
            Column("approved", lambda: self.tr("Customer-approved"),
                   lambda r: "✓" if r.approved else "✗"),
            Column("prio", lambda: self.tr("Priority"), lambda r: r.priority),
            Column("cycle", lambda: self.tr("Cycle s"), lambda r: f"{r.cycle_seconds:g}"),
            Column("cav", lambda: self.tr("Cavities"), lambda r: r.cavities),
            Column("setup", lambda: self.tr("Setup min"), lambda r: f"{r.setup_minutes:g}"),
        ])
        self.routing_view = _table(self.routing_model, "routingsTable")
        self.routing_view.clicked.connect(self._routing_picked)
        self.r_sku, self.r_machine = QLineEdit(), QLineEdit()
        self.r_approved = QCheckBox()
        self.r_cycle = QDoubleSpinBox()
        self.r_cycle.setRange(0.1, 3600)
        self.r_cycle.setValue(30)
        self.r_cav = QSpinBox()
        self.r_cav.setRange(1, 256)
        self.r_setup = QDoubleSpinBox()
        self.r_setup.setRange(0, 1440)
        self.r_prio = QSpinBox()
        self.r_prio.setRange(1, 99)
        self.r_save = QPushButton()
        self.r_save.setObjectName("saveRouting")
        self.r_save.clicked.connect(self.save_routing)
        form = QFormLayout()
        self._r_labels = [QLabel() for _ in range(7)]
        for label, w in zip(self._r_labels, (self.r_sku, self.r_machine, self.r_approved,
                                             self.r_cycle, self.r_cav, self.r_setup, self.r_prio)):
            form.addRow(label, w)
        form.addRow(self.r_save)
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(self.r_search)
        lay = QHBoxLayout()
        lay.addWidget(self.routing_view, 3)
        side = QWidget()
        side.setLayout(form)
        lay.addWidget(side, 1)
        outer.addLayout(lay, 1)
        return page

    def _routing_picked(self, index: Any) -> None:
        r = self.routing_model.row_at(index.row())
        if r is None:
            return
        self.r_sku.setText(r.sku)
        self.r_machine.setText(r.machine_code)
        self.r_approved.setChecked(r.approved)
        self.r_cycle.setValue(r.cycle_seconds)
        self.r_cav.setValue(r.cavities)
        self.r_setup.setValue(r.setup_minutes)
        self.r_prio.setValue(r.priority)

    def save_routing(self) -> None:
        self.ctx.tasks.mutate(setup.save_routing, self.ctx.desk, self.r_sku.text().strip(),
                              self.r_machine.text().strip(), approved=self.r_approved.isChecked(),
                              cycle_seconds=self.r_cycle.value(), cavities=self.r_cav.value(),
                              setup_minutes=self.r_setup.value(), priority=self.r_prio.value(),
                              on_done=lambda _c: self._saved(), on_error=self._failed)

    # -- work orders ----------------------------------------------------------------------
    def _build_work_orders(self) -> QWidget:
        self.w_filter = QLineEdit()
        self.w_filter.setObjectName("workOrderFilter")
        self.w_filter.returnPressed.connect(self.reload_work_orders)
        self.wo_model = RowTableModel([
            Column("wo", lambda: self.tr("Work order"), lambda r: r.wo_no),
            Column("order", lambda: self.tr("Order"), lambda r: r.order_no or "-"),
            Column("sku", lambda: self.tr("SKU"), lambda r: r.sku),
            Column("machine", lambda: self.tr("Machine"), lambda r: r.machine_code),
            Column("qty", lambda: self.tr("Quantity"), lambda r: f"{r.quantity:g}"),
            Column("hours", lambda: self.tr("Planned hours"), lambda r: f"{r.planned_hours:.2f}"),
            Column("start", lambda: self.tr("From"), lambda r: r.start_at.strftime("%m-%d %H:%M")),
            Column("end", lambda: self.tr("To"), lambda r: r.end_at.strftime("%m-%d %H:%M")),
        ])
        self.wo_view = _table(self.wo_model, "workOrdersTable")
        self.wo_view.clicked.connect(self._wo_picked)
        self.w_no, self.w_order, self.w_sku, self.w_machine = (QLineEdit(), QLineEdit(),
                                                              QLineEdit(), QLineEdit())
        self.w_qty = QDoubleSpinBox()
        self.w_qty.setRange(0, 10**9)
        self.w_qty.setDecimals(0)
        self.w_hours = QDoubleSpinBox()
        self.w_hours.setRange(0, 10000)
        now = QDateTime.currentDateTime()
        self.w_start, self.w_end = QDateTimeEdit(now), QDateTimeEdit(now.addSecs(24 * 3600))
        for w in (self.w_start, self.w_end):
            w.setDisplayFormat("yyyy-MM-dd HH:mm")
            w.setCalendarPopup(True)
        self.w_save = QPushButton()
        self.w_save.setObjectName("saveWorkOrder")
        self.w_save.clicked.connect(self.save_work_order)
        self.w_cancel = QPushButton()
        self.w_cancel.setObjectName("cancelWorkOrder")
        self.w_cancel.clicked.connect(self.cancel_work_order)
        form = QFormLayout()
        self._w_labels = [QLabel() for _ in range(8)]
        for label, w in zip(self._w_labels, (self.w_no, self.w_order, self.w_sku, self.w_machine,
                                             self.w_qty, self.w_hours, self.w_start, self.w_end)):
            label.setWordWrap(True)
            form.addRow(label, w)
        row = QHBoxLayout()
        row.addWidget(self.w_save)
        row.addWidget(self.w_cancel)
        form.addRow(row)
        side = QWidget()
        side.setLayout(form)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.w_filter)
        ll.addWidget(self.wo_view, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(scrolled(side))
        split.setChildrenCollapsible(False)
        split.setSizes([560, 380])
        return split

    def _wo_picked(self, index: Any) -> None:
        r = self.wo_model.row_at(index.row())
        if r is None:
            return
        self.w_no.setText(r.wo_no)
        self.w_order.setText(r.order_no or "")
        self.w_sku.setText(r.sku)
        self.w_machine.setText(r.machine_code)
        self.w_qty.setValue(r.quantity)
        self.w_hours.setValue(r.planned_hours)
        self.w_start.setDateTime(QDateTime(r.start_at))
        self.w_end.setDateTime(QDateTime(r.end_at))
        self._wo_id = r.id

    def save_work_order(self) -> None:
        start = self.w_start.dateTime().toPython().replace(second=0, microsecond=0)
        end = self.w_end.dateTime().toPython().replace(second=0, microsecond=0)
        self.ctx.tasks.mutate(setup.save_work_order, self.ctx.desk, self.w_no.text(),
                              self.w_sku.text().strip(), self.w_machine.text().strip(),
                              self.w_qty.value(), start, end,
                              order_no=self.w_order.text().strip() or None,
                              planned_hours=self.w_hours.value() or None,
                              on_done=lambda _c: self._saved(), on_error=self._failed)

    def cancel_work_order(self) -> None:
        wo_id = getattr(self, "_wo_id", None)
        if wo_id is None:
            return
        self.ctx.tasks.mutate(setup.cancel_work_order, self.ctx.desk, wo_id,
                              self.tr("cancelled in the planning set-up"),
                              on_done=lambda _c: self._saved(), on_error=self._failed)

    def reload_work_orders(self) -> None:
        self.ctx.tasks.query(setup.list_work_orders, self.ctx.desk,
                             machine_code=self.w_filter.text().strip() or None,
                             on_done=self.wo_model.set_rows, on_error=self._failed)

    # -- settings -------------------------------------------------------------------------
    def _build_rules(self) -> QFormLayout:
        self.basis = QComboBox()
        self.basis.setObjectName("loadBasis")
        self.basis.addItem("", "effective")
        self.basis.addItem("", "plain")
        self.green = QDoubleSpinBox()
        self.red = QDoubleSpinBox()
        for w in (self.green, self.red):
            w.setRange(1, 500)
            w.setSuffix(" %")
        self.horizon = QSpinBox()
        self.horizon.setRange(1, 744)
        self.bucket = QComboBox()
        for h in planning_rules.BUCKET_HOURS:
            self.bucket.addItem(str(h), h)
        self.ratio = QDoubleSpinBox()
        self.ratio.setRange(101, 10000)
        self.ratio.setSuffix(" %")
        self.last_n, self.window, self.min_sample = QSpinBox(), QSpinBox(), QSpinBox()
        for w, hi in ((self.last_n, 1000), (self.window, 3650), (self.min_sample, 1000)):
            w.setRange(1, hi)
        self.rules_save = QPushButton()
        self.rules_save.setObjectName("saveRules")
        self.rules_save.clicked.connect(self.save_rules)
        form = QFormLayout()
        self._rule_labels = [QLabel() for _ in range(9)]
        for label, w in zip(self._rule_labels, (self.basis, self.green, self.red, self.horizon,
                                                self.bucket, self.ratio, self.last_n,
                                                self.window, self.min_sample)):
            label.setWordWrap(True)
            form.addRow(label, w)
        form.addRow(self.rules_save)
        return form

    def _on_rules(self, r: dict) -> None:
        self.basis.setCurrentIndex(max(0, self.basis.findData(r["load_basis"])))
        self.green.setValue(r["green_below"])
        self.red.setValue(r["red_above"])
        self.horizon.setValue(r["horizon_hours"])
        self.bucket.setCurrentIndex(max(0, self.bucket.findData(r["bucket_hours"])))
        self.ratio.setValue(r["risk_ratio"] * 100)
        self.last_n.setValue(r["lane_last_n"])
        self.window.setValue(r["lane_window_days"])
        self.min_sample.setValue(r["lane_min_sample"])
        self._rules = r

    def save_rules(self) -> None:
        r = dict(getattr(self, "_rules", planning_rules.DEFAULT_RULES))
        r.update(load_basis=self.basis.currentData(), green_below=self.green.value(),
                 red_above=self.red.value(), horizon_hours=self.horizon.value(),
                 bucket_hours=self.bucket.currentData(), risk_ratio=self.ratio.value() / 100,
                 lane_last_n=self.last_n.value(), lane_window_days=self.window.value(),
                 lane_min_sample=self.min_sample.value())
        self.ctx.tasks.mutate(planning_rules.save_rules, self.ctx.desk, r,
                              on_done=lambda _c: self._saved(), on_error=self._failed)

    # -- common ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.tasks.query(setup.list_machines, self.ctx.desk, on_done=self.machine_model.set_rows,
                             on_error=self._failed)
        self.ctx.tasks.query(planning_rules.load_rules, self.ctx.desk, on_done=self._on_rules,
                             on_error=self._failed)
        self.reload_routings()
        self.reload_work_orders()

    def reload_routings(self) -> None:
        self.ctx.tasks.query(setup.list_routings, self.ctx.desk,
                             sku=self.r_search.text().strip() or None,
                             on_done=self.routing_model.set_rows, on_error=self._failed)

    def _saved(self) -> None:
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("Saved."))
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020;")
        text = describe_error(exc)
        problems = getattr(exc, "facts", {}).get("problems") or []
        if problems:
            text += "\n" + "\n".join(problems[:8])
        self.message.setText(text)

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Machines workbook"), "",
                                              self.tr("Spreadsheets (*.xlsx *.xls *.csv)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        self.ctx.tasks.mutate(setup.import_machines, self.ctx.desk, path,
                              on_done=self._imported, on_error=self._failed)

    def _imported(self, report: setup.ImportReport) -> None:
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("Imported: {counts}").format(counts=", ".join(
            f"{k} +{c}/~{u}" for k, c, u in report.counts)))
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Machines, routings and planning settings"))
        self.tabs.setTabText(0, self.tr("Machines"))
        self.tabs.setTabText(1, self.tr("Approved machines per product"))
        self.tabs.setTabText(2, self.tr("Work orders"))
        self.tabs.setTabText(3, self.tr("Settings"))
        for label, text in zip(self._w_labels, (
                self.tr("Work order"), self.tr("Order (optional)"), self.tr("SKU"),
                self.tr("Machine"), self.tr("Quantity"),
                self.tr("Planned hours (0 = from the routing)"), self.tr("From"), self.tr("To"))):
            label.setText(text)
        self.w_save.setText(self.tr("Save work order"))
        self.w_cancel.setText(self.tr("Cancel work order"))
        self.w_filter.setPlaceholderText(self.tr("machine code (Enter); empty lists all"))
        self.wo_model.retranslate()
        self.import_button.setText(self.tr("Import workbook…"))
        self.close_button.setText(self.tr("Close"))
        for label, text in zip(self._m_labels, (self.tr("Code"), self.tr("Name"), self.tr("Kind"),
                                                self.tr("Tonnage"), self.tr("Expected OEE"),
                                                self.tr("Active"))):
            label.setText(text)
        self.m_save.setText(self.tr("Save machine"))
        self._shift_label.setText(self.tr("Shift (name, day; from – to)"))
        self.sh_name.setPlaceholderText(self.tr("e.g. day shift"))
        self.sh_add.setText(self.tr("Set shift for this machine"))
        days = (None, self.tr("every day"), 0, self.tr("Mon"), 1, self.tr("Tue"), 2, self.tr("Wed"),
                3, self.tr("Thu"), 4, self.tr("Fri"), 5, self.tr("Sat"), 6, self.tr("Sun"))
        current = self.sh_day.currentIndex()
        self.sh_day.clear()
        for value, text in zip(days[::2], days[1::2]):
            self.sh_day.addItem(text, value)
        self.sh_day.setCurrentIndex(max(0, current))
        for label, text in zip(self._dt_labels, (self.tr("Downtime from"), self.tr("Downtime to"),
                                                 self.tr("Reason"))):
            label.setText(text)
        self.dt_add.setText(self.tr("Plan downtime for this machine"))
        for i in range(self.m_kind.count()):
            self.m_kind.setItemText(i, self._kind_label(self.m_kind.itemData(i)))
        for label, text in zip(self._r_labels, (self.tr("SKU"), self.tr("Machine"),
                                                self.tr("Customer-approved"),
                                                self.tr("Cycle per shot (s)"),
                                                self.tr("Cavities"), self.tr("Setup (min)"),
                                                self.tr("Priority (1 = usual)"))):
            label.setText(text)
        self.r_save.setText(self.tr("Save routing"))
        self.r_search.setPlaceholderText(self.tr("SKU (Enter); empty lists all"))
        self.basis.setItemText(0, self.tr("effective capacity: available hours × expected OEE"))
        self.basis.setItemText(1, self.tr("plain: available hours"))
        for label, text in zip(self._rule_labels, (
                self.tr("92% rule compares planned hours with"), self.tr("Green below"),
                self.tr("Red above"), self.tr("Horizon (hours)"), self.tr("Bucket (hours)"),
                self.tr("Customs alert above (of the median)"),
                self.tr("Median of the last N clearances"), self.tr("…within (days)"),
                self.tr("Minimum sample per lane (else the port's median)"))):
            label.setText(text)
        self.rules_save.setText(self.tr("Save settings"))
        self.machine_model.retranslate()
        self.routing_model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


_ = Qt
