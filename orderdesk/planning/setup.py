"""Machines, shift calendars, planned downtime, routings, work orders and machine logs:
the edits behind the PMC dialogs, and the import of the machines workbook (Excel, one
sheet per kind, or a CSV of one kind, e.g. an MES export of machine logs).

An import is all or nothing: every row is checked first, and a file with any row the
code cannot explain imports nothing and lists each problem (sheet, row, column,
reason). Re-importing the same file changes nothing (rows are keyed by machine code,
SKU + machine, work-order number, machine + date + shift).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, ValidationFailed
from orderdesk.ids import event_id
from orderdesk.intake.readers import read_sheets
from orderdesk.models import Order, Product
from orderdesk.models.planning import (
    MachineLog,
    PlannedDowntime,
    Routing,
    ShiftWindow,
    WorkCentre,
    WorkOrder,
)
from orderdesk.normalize import sku_norm
from orderdesk.planning import calendar as cal
from orderdesk.planning import oee as oee_mod
from orderdesk.planning.capacity import RoutingIn, round_hours
from orderdesk.planning.errors import PlanningFileInvalid
from orderdesk.planning.tables import (
    Problems,
    as_bool,
    as_date,
    as_datetime,
    as_decimal,
    as_int,
    as_text,
    cell,
    find_table,
)

KINDS: dict[str, dict[str, tuple[str, ...]]] = {
    "machines": {
        "code": ("machine", "machine code", "code", "机台", "机台编号", "设备编号", "工作中心"),
        "name": ("name", "machine name", "名称", "设备名称", "机台名称"),
        "kind": ("kind", "type", "类型", "设备类型"),
        "tonnage": ("tonnage", "tons", "吨位"),
        "expected_oee": ("expected oee", "oee", "预期oee", "目标oee"),
    },
    "shifts": {
        "machine": ("machine", "machine code", "机台", "机台编号"),
        "shift": ("shift", "班次"),
        "weekday": ("weekday", "day", "星期"),
        "start": ("start", "from", "开始", "开始时间", "上班"),
        "end": ("end", "to", "结束", "结束时间", "下班"),
    },
    "downtime": {
        "machine": ("machine", "machine code", "机台", "机台编号"),
        "start": ("downtime start", "start", "from", "停机开始", "开始"),
        "end": ("downtime end", "end", "to", "停机结束", "结束"),
        "reason": ("reason", "原因", "停机原因", "downtime reason"),
    },
    "routings": {
        "sku": ("sku", "product", "产品", "产品编码", "物料编码", "料号"),
        "machine": ("machine", "machine code", "机台", "机台编号"),
        "approved": ("approved", "customer approved", "客户认可", "认可", "批准"),
        "priority": ("priority", "优先级", "顺序"),
        "cycle_seconds": ("cycle seconds", "cycle", "cycle time", "周期", "成型周期", "周期秒"),
        "cavities": ("cavities", "cavity", "穴数", "出模数"),
        "setup_minutes": ("setup minutes", "setup", "换模", "换模时间", "换模分钟"),
    },
    "work_orders": {
        "wo_no": ("work order", "wo", "wo no", "工单", "工单号"),
        "order_no": ("order", "order no", "订单", "订单号"),
        "sku": ("sku", "product", "产品", "产品编码", "料号"),
        "machine": ("machine", "machine code", "机台", "机台编号"),
        "quantity": ("quantity", "qty", "数量"),
        "planned_hours": ("planned hours", "hours", "计划工时", "工时"),
        "start": ("start", "planned start", "开始", "计划开始"),
        "end": ("end", "planned end", "结束", "计划结束"),
    },
    "machine_logs": {
        "machine": ("machine", "machine code", "机台", "机台编号", "设备编号"),
        "date": ("date", "shift date", "日期", "生产日期"),
        "shift": ("shift", "班次"),
        "planned_minutes": ("planned minutes", "planned time", "planned production time",
                            "计划时间", "计划生产时间", "计划分钟"),
        "run_minutes": ("run minutes", "run time", "operating time", "运行时间", "运行分钟",
                        "开机时间"),
        "ideal_cycle_seconds": ("ideal cycle seconds", "ideal cycle", "ideal cycle time",
                                "理想周期", "标准周期"),
        "cavities": ("cavities", "穴数"),
        "total_count": ("total count", "total", "产量", "总数", "总产量"),
        "good_count": ("good count", "good", "良品数", "合格数"),
    },
}
REQUIRED = {
    "machines": ("code", "kind"),
    "shifts": ("machine", "start", "end"),
    "downtime": ("machine", "start", "end", "reason"),
    "routings": ("sku", "machine", "cycle_seconds"),
    "work_orders": ("wo_no", "sku", "machine", "quantity", "start", "end"),
    "machine_logs": ("machine", "date", "planned_minutes", "run_minutes",
                     "ideal_cycle_seconds", "total_count", "good_count"),
}
MACHINE_KINDS = ("press", "cnc", "other")
_KIND_WORDS = {"press": "press", "注塑机": "press", "注塑": "press", "injection": "press",
               "冲压": "press", "cnc": "cnc", "加工中心": "cnc", "数控": "cnc",
               "other": "other", "其他": "other"}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
             "周一": 0, "周二": 1, "周三": 2, "周四": 3, "周五": 4, "周六": 5, "周日": 6,
             "星期一": 0, "星期二": 1, "星期三": 2, "星期四": 3, "星期五": 4, "星期六": 5,
             "星期日": 6, "星期天": 6, "周天": 6}


@dataclass(frozen=True)
class ImportReport:
    path: str
    counts: tuple[tuple[str, int, int], ...]    # (kind, created, updated)
    changes: Changes

    def total(self) -> int:
        return sum(c + u for _, c, u in self.counts)


# ---- plain edits (dialogs) -----------------------------------------------------------
@dataclass(frozen=True)
class MachineRow:
    id: str
    code: str
    name: str
    kind: str
    tonnage: int | None
    expected_oee: float
    active: bool
    shifts: tuple[str, ...]      # "A 08:00-16:00 (every day)"


@dataclass(frozen=True)
class RoutingRow:
    id: str
    sku: str
    product_name: str
    machine_code: str
    approved: bool
    priority: int
    cycle_seconds: float
    cavities: int
    setup_minutes: float
    active: bool


def list_machines(desk: Desk, *, include_inactive: bool = True) -> list[MachineRow]:
    desk.require("order.read")
    with desk.read() as s:
        shifts: dict[str, list[str]] = {}
        for sh in s.scalars(select(ShiftWindow).where(ShiftWindow.active.is_(True))
                            .order_by(ShiftWindow.start_time)):
            day = "*" if sh.weekday is None else str(sh.weekday + 1)
            shifts.setdefault(sh.work_centre_id, []).append(
                f"{sh.name} {sh.start_time}-{sh.end_time} [{day}]")
        q = select(WorkCentre).order_by(WorkCentre.code)
        if not include_inactive:
            q = q.where(WorkCentre.active.is_(True))
        return [MachineRow(c.id, c.code, c.name, c.kind, c.tonnage, float(c.expected_oee),
                           c.active, tuple(shifts.get(c.id, ()))) for c in s.scalars(q)]


def list_routings(desk: Desk, *, sku: str | None = None) -> list[RoutingRow]:
    desk.require("order.read")
    with desk.read() as s:
        q = (select(Routing, Product.sku, Product.name, WorkCentre.code)
             .join(Product, Product.id == Routing.product_id)
             .join(WorkCentre, WorkCentre.id == Routing.work_centre_id)
             .order_by(Product.sku, Routing.priority, WorkCentre.code))
        if sku:
            q = q.where(Product.sku_norm == sku_norm(sku))
        return [RoutingRow(r.id, psku, pname, code, r.approved, r.priority,
                           float(r.cycle_seconds), r.cavities, float(r.setup_minutes), r.active)
                for r, psku, pname, code in s.execute(q)]


def _check_oee(value: object) -> Decimal:
    text = str(value).strip()
    if text.endswith("%"):
        d = as_decimal(text[:-1]) / 100
    else:
        d = as_decimal(value)
        if d > 1:          # typed as a percentage (85 for 85%)
            d = d / 100
    if not Decimal(0) < d <= 1:
        raise ValueError("out_of_range")
    return d


def save_machine(desk: Desk, code: str, *, name: str = "", kind: str = "press",
                 tonnage: int | None = None, expected_oee: object = "0.85",
                 active: bool = True) -> Changes:
    """Create or change a machine (by code)."""
    desk.require("planning.write")
    code = (code or "").strip()
    if not code:
        raise ValidationFailed(field="code", value=code, reason="missing")
    if kind not in MACHINE_KINDS:
        raise ValidationFailed(field="kind", value=kind, reason="unknown")
    try:
        oee_value = _check_oee(expected_oee)
    except ValueError as exc:
        raise ValidationFailed(field="expected_oee", value=expected_oee, reason=str(exc)) from None
    with desk.write() as s:
        c = s.scalars(select(WorkCentre).where(WorkCentre.code == code)).one_or_none()
        if c is None:
            c = WorkCentre(code=code)
            s.add(c)
        c.name, c.kind, c.tonnage, c.expected_oee, c.active = name, kind, tonnage, oee_value, active
    return Changes(planning=True)


def save_routing(desk: Desk, sku: str, machine_code: str, *, approved: bool,
                 cycle_seconds: object, cavities: object = 1, setup_minutes: object = 0,
                 priority: object = 1, active: bool = True) -> Changes:
    """Create or change the routing of a product on a machine."""
    desk.require("planning.write")
    try:
        cycle = as_decimal(cycle_seconds)
        cav = as_int(cavities)
        setup = as_decimal(setup_minutes)
        prio = as_int(priority)
    except ValueError as exc:
        raise ValidationFailed(field="routing", value=f"{cycle_seconds}/{cavities}/{setup_minutes}",
                               reason=str(exc)) from None
    if cycle <= 0 or cav <= 0 or setup < 0 or prio <= 0:
        raise ValidationFailed(field="routing", value=f"{cycle}/{cav}/{setup}/{prio}",
                               reason="not_positive")
    with desk.write() as s:
        product = _product(s, sku)
        centre = _centre(s, machine_code)
        r = s.scalars(select(Routing).where(Routing.product_id == product.id,
                                            Routing.work_centre_id == centre.id)).one_or_none()
        if r is None:
            r = Routing(product_id=product.id, work_centre_id=centre.id)
            s.add(r)
        r.approved, r.cycle_seconds, r.cavities = approved, cycle, cav
        r.setup_minutes, r.priority, r.active = setup, prio, active
    return Changes(planning=True)


def _product(s: Session, sku: str) -> Product:
    p = s.scalars(select(Product).where(Product.sku_norm == sku_norm(sku))).one_or_none()
    if p is None:
        raise NotFound(entity="product", key=sku)
    return p


def _centre(s: Session, code: str) -> WorkCentre:
    c = s.scalars(select(WorkCentre).where(WorkCentre.code == code)).one_or_none()
    if c is None:
        raise NotFound(entity="machine", key=code)
    return c


# ---- the machines workbook -----------------------------------------------------------
def _weekday(v: Any) -> int | None:
    if v is None:
        return None
    t = str(v).strip().lower()
    if t in ("*", "all", "every day", "每天", "全部"):
        return None
    if t[:3] in _WEEKDAYS:
        return _WEEKDAYS[t[:3]]
    if t in _WEEKDAYS:
        return _WEEKDAYS[t]
    n = as_int(v)            # 1 = Monday ... 7 = Sunday
    if not 1 <= n <= 7:
        raise ValueError("not_a_weekday")
    return n - 1


def _hhmm(v: Any) -> str:
    if isinstance(v, dt.time):
        return v.strftime("%H:%M")
    if isinstance(v, dt.datetime):
        return v.strftime("%H:%M")
    if isinstance(v, float) and 0 <= v < 1:      # Excel time as a day fraction
        minutes = round(v * 24 * 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    try:
        t = cal.parse_hhmm(str(v))
    except ValueError:
        raise ValueError("not_a_time") from None
    return t.strftime("%H:%M")


class _Reader:
    """Checks every row of every table; records problems instead of raising."""

    def __init__(self, s: Session, path: str) -> None:
        self.s = s
        self.path = path
        self.problems = Problems()
        self.machines = {c.code: c for c in s.scalars(select(WorkCentre))}
        self.new_machines: dict[str, dict] = {}
        self.counts: dict[str, list[int]] = {}

    def _count(self, kind: str, created: bool) -> None:
        c = self.counts.setdefault(kind, [0, 0])
        c[0 if created else 1] += 1

    def value(self, t, cells, row, fname, conv, *, required=True):  # type: ignore[no-untyped-def]
        raw = cell(cells, t, fname)
        if raw is None:
            if required:
                self.problems.add(t.sheet, row, fname, "missing")
            return None
        try:
            return conv(raw)
        except ValueError as exc:
            self.problems.add(t.sheet, row, fname, str(exc), raw)
            return None

    def machine_code(self, t, cells, row) -> str | None:  # type: ignore[no-untyped-def]
        code = self.value(t, cells, row, "machine", as_text)
        if code is not None and code not in self.machines and code not in self.new_machines:
            self.problems.add(t.sheet, row, "machine", "unknown_machine", code)
            return None
        return code


def _kind_of(v: Any) -> str:
    t = str(v).strip().lower()
    for word, kind in _KIND_WORDS.items():
        if word in t:
            return kind
    raise ValueError("unknown_machine_kind")


def import_machines(desk: Desk, path: str | Path) -> ImportReport:
    """Import a machines workbook (sheets: machines, shifts, downtime, routings, work
    orders, machine logs; any subset, any order, detected by their headers) or a CSV of
    one of them. All or nothing; raises PlanningFileInvalid listing every problem."""
    desk.require("planning.write")
    path = str(path)
    sheets = read_sheets(path)
    tables = []
    for sh in sheets:
        t = find_table(sh, KINDS, REQUIRED)
        if t is not None:
            tables.append(t)
    if not tables:
        raise PlanningFileInvalid(path=path, count=1, first="no sheet with machine, shift, "
                                  "downtime, routing, work-order or machine-log headers",
                                  problems=["no known headers"])
    order = list(KINDS)
    tables.sort(key=lambda t: order.index(t.kind))
    with desk.write() as s:
        rd = _Reader(s, path)
        staged: list[tuple[str, Any]] = []
        for t in tables:
            for row, cells in t.rows:
                staged.extend(_stage(rd, t, row, cells))
        if rd.problems:
            raise PlanningFileInvalid(path=path, count=len(rd.problems), first=rd.problems[0],
                                      problems=list(rd.problems))
        for _kind, apply in staged:
            apply()
    counts = tuple((k, c[0], c[1]) for k, c in rd.counts.items())
    return ImportReport(path=path, counts=counts, changes=Changes(planning=True))


def _stage(rd: _Reader, t, row: int, cells: list[Any]):  # type: ignore[no-untyped-def]
    """Check one row; return the write to do when the whole file is good."""
    s = rd.s
    if t.kind == "machines":
        code = rd.value(t, cells, row, "code", as_text)
        kind = rd.value(t, cells, row, "kind", _kind_of)
        tonnage = rd.value(t, cells, row, "tonnage", as_int, required=False)
        oee_v = rd.value(t, cells, row, "expected_oee", _check_oee, required=False)
        name = rd.value(t, cells, row, "name", as_text, required=False) or ""
        if code is None or kind is None:
            return []
        rd.new_machines[code] = {}

        def apply() -> None:
            c = rd.machines.get(code)
            created = c is None
            if c is None:
                c = WorkCentre(code=code)
                s.add(c)
                rd.machines[code] = c
            c.name, c.kind, c.tonnage = name, kind, tonnage
            if oee_v is not None:
                c.expected_oee = oee_v
            c.active = True
            s.flush()
            rd._count("machines", created)
        return [("machines", apply)]

    if t.kind == "shifts":
        code = rd.machine_code(t, cells, row)
        start = rd.value(t, cells, row, "start", _hhmm)
        end = rd.value(t, cells, row, "end", _hhmm)
        weekday = rd.value(t, cells, row, "weekday", _weekday, required=False)
        name = rd.value(t, cells, row, "shift", as_text, required=False) or "A"
        if None in (code, start, end):
            return []
        if start == end:
            rd.problems.add(t.sheet, row, "end", "same_as_start", end)
            return []

        def apply() -> None:
            c = rd.machines[code]
            old = s.scalars(select(ShiftWindow).where(
                ShiftWindow.work_centre_id == c.id, ShiftWindow.name == name,
                ShiftWindow.weekday.is_(None) if weekday is None
                else ShiftWindow.weekday == weekday)).first()
            if old is None:
                s.add(ShiftWindow(work_centre_id=c.id, name=name, weekday=weekday,
                                  start_time=start, end_time=end))
            else:
                old.start_time, old.end_time, old.active = start, end, True
            rd._count("shifts", old is None)
        return [("shifts", apply)]

    if t.kind == "downtime":
        code = rd.machine_code(t, cells, row)
        start = rd.value(t, cells, row, "start", as_datetime)
        end = rd.value(t, cells, row, "end", as_datetime)
        reason = rd.value(t, cells, row, "reason", as_text)
        if None in (code, start, end, reason):
            return []
        if end <= start:
            rd.problems.add(t.sheet, row, "end", "not_after_start", end)
            return []

        def apply() -> None:
            c = rd.machines[code]
            old = s.scalars(select(PlannedDowntime).where(
                PlannedDowntime.work_centre_id == c.id, PlannedDowntime.start_at == start,
                PlannedDowntime.end_at == end)).first()
            if old is None:
                s.add(PlannedDowntime(work_centre_id=c.id, start_at=start, end_at=end,
                                      reason=reason))
            else:
                old.reason, old.active = reason, True
            rd._count("downtime", old is None)
        return [("downtime", apply)]

    if t.kind == "routings":
        sku = rd.value(t, cells, row, "sku", as_text)
        code = rd.machine_code(t, cells, row)
        cycle = rd.value(t, cells, row, "cycle_seconds", as_decimal)
        cav = rd.value(t, cells, row, "cavities", as_int, required=False) or 1
        setup = rd.value(t, cells, row, "setup_minutes", as_decimal, required=False) or Decimal(0)
        prio = rd.value(t, cells, row, "priority", as_int, required=False) or 1
        # Without an approval column every listed machine is an approved route; with
        # one, a blank cell is a problem (an automotive part must not guess).
        has_col = "approved" in t.columns
        approved = (rd.value(t, cells, row, "approved", as_bool) if has_col else True)
        product = None
        if sku is not None:
            product = s.scalars(select(Product).where(Product.sku_norm == sku_norm(sku))).one_or_none()
            if product is None:
                rd.problems.add(t.sheet, row, "sku", "unknown_product", sku)
        if cycle is not None and cycle <= 0:
            rd.problems.add(t.sheet, row, "cycle_seconds", "not_positive", cycle)
            cycle = None
        if cav <= 0:
            rd.problems.add(t.sheet, row, "cavities", "not_positive", cav)
            cycle = None
        if None in (product, code, cycle, approved):
            return []

        def apply() -> None:
            c = rd.machines[code]
            r = s.scalars(select(Routing).where(Routing.product_id == product.id,
                                                Routing.work_centre_id == c.id)).one_or_none()
            created = r is None
            if r is None:
                r = Routing(product_id=product.id, work_centre_id=c.id)
                s.add(r)
            r.approved, r.cycle_seconds, r.cavities = approved, cycle, cav
            r.setup_minutes, r.priority, r.active = setup, prio, True
            s.flush()
            rd._count("routings", created)
        return [("routings", apply)]

    if t.kind == "work_orders":
        wo_no = rd.value(t, cells, row, "wo_no", as_text)
        sku = rd.value(t, cells, row, "sku", as_text)
        code = rd.machine_code(t, cells, row)
        qty = rd.value(t, cells, row, "quantity", as_decimal)
        hours = rd.value(t, cells, row, "planned_hours", as_decimal, required=False)
        start = rd.value(t, cells, row, "start", as_datetime)
        end = rd.value(t, cells, row, "end", as_datetime)
        order_no = rd.value(t, cells, row, "order_no", as_text, required=False)
        product = order = None
        if sku is not None:
            product = s.scalars(select(Product).where(Product.sku_norm == sku_norm(sku))).one_or_none()
            if product is None:
                rd.problems.add(t.sheet, row, "sku", "unknown_product", sku)
        if order_no is not None:
            order = s.scalars(select(Order).where(Order.order_no == order_no)).one_or_none()
            if order is None:
                rd.problems.add(t.sheet, row, "order_no", "unknown_order", order_no)
        if qty is not None and qty <= 0:
            rd.problems.add(t.sheet, row, "quantity", "not_positive", qty)
            qty = None
        if start is not None and end is not None and end <= start:
            rd.problems.add(t.sheet, row, "end", "not_after_start", end)
            end = None
        if None in (wo_no, product, code, qty, start, end) or (order_no and order is None):
            return []

        def apply() -> None:
            c = rd.machines[code]
            h = hours
            if h is None:
                r = s.scalars(select(Routing).where(Routing.product_id == product.id,
                                                    Routing.work_centre_id == c.id)).one_or_none()
                if r is None:
                    raise PlanningFileInvalid(path=rd.path, count=1, first=(
                        f"{t.sheet} row {row}: planned_hours: missing and no routing of "
                        f"{sku} on {code} to compute it"), problems=[])
                h = round_hours(RoutingIn(product.id, c.id, r.approved, r.priority,
                                          float(r.cycle_seconds), r.cavities,
                                          float(r.setup_minutes)).hours_for(float(qty)))
            w = s.scalars(select(WorkOrder).where(WorkOrder.wo_no == wo_no)).one_or_none()
            created = w is None
            if w is None:
                w = WorkOrder(wo_no=wo_no)
                s.add(w)
            w.order_id = order.id if order is not None else None
            w.product_id, w.work_centre_id, w.quantity = product.id, c.id, qty
            w.planned_hours, w.start_at, w.end_at = h, start, end
            if w.status == "cancelled":
                w.status = "planned"
            rd._count("work_orders", created)
        return [("work_orders", apply)]

    # machine logs
    code = rd.machine_code(t, cells, row)
    day = rd.value(t, cells, row, "date", as_date)
    shift = rd.value(t, cells, row, "shift", as_text, required=False) or "day"
    planned = rd.value(t, cells, row, "planned_minutes", as_decimal)
    run = rd.value(t, cells, row, "run_minutes", as_decimal)
    cycle = rd.value(t, cells, row, "ideal_cycle_seconds", as_decimal)
    cav = rd.value(t, cells, row, "cavities", as_int, required=False)
    total = rd.value(t, cells, row, "total_count", as_int)
    good = rd.value(t, cells, row, "good_count", as_int)
    if None in (code, day, planned, run, cycle, total, good):
        return []
    if cav is not None:
        if cav <= 0:
            rd.problems.add(t.sheet, row, "cavities", "not_positive", cav)
            return []
        cycle = cycle / cav          # the sheet gives the cycle per shot
    figures = oee_mod.LogFigures(float(planned), float(run), float(cycle), total, good)
    bad = oee_mod.check_log(figures)
    for reason in bad:
        rd.problems.add(t.sheet, row, "machine log", reason)
    if bad:
        return []

    def apply() -> None:
        stage_log(s, rd.machines[code], day, shift, figures, source="import",
                  count=rd._count)
    return [("machine_logs", apply)]


def stage_log(s: Session, centre: WorkCentre, day: dt.date, shift: str,
              f: oee_mod.LogFigures, *, source: str, count=None) -> bool:  # type: ignore[no-untyped-def]
    """Insert or update one machine log (same machine, date and shift: the same row on
    every station, so two stations importing one export make one row)."""
    log_id = event_id("machine_log", centre.code, day.isoformat(), shift)
    lg = s.get(MachineLog, log_id)
    created = lg is None
    if lg is None:
        lg = MachineLog(id=log_id, work_centre_id=centre.id, shift_date=day, shift=shift)
        s.add(lg)
    q = Decimal("0.0001")
    lg.planned_minutes = Decimal(str(f.planned_minutes)).quantize(q)
    lg.run_minutes = Decimal(str(f.run_minutes)).quantize(q)
    lg.ideal_cycle_seconds = Decimal(str(f.ideal_cycle_seconds)).quantize(q)
    lg.total_count, lg.good_count, lg.source = f.total_count, f.good_count, source
    if count is not None:
        count("machine_logs", created)
    return created


def cancel_work_order(desk: Desk, work_order_id: str, reason: str) -> Changes:
    desk.require("planning.write")
    with desk.write() as s:
        w = s.get(WorkOrder, work_order_id)
        if w is None:
            raise NotFound(entity="work_order", key=work_order_id)
        w.status = "cancelled"
        w.note = reason
    return Changes(planning=True)


def save_shift(desk: Desk, machine_code: str, name: str, start: str, end: str, *,
               weekday: int | None = None, active: bool = True) -> Changes:
    """Set a shift of a machine (same machine, name and weekday: changed in place)."""
    desk.require("planning.write")
    try:
        s_txt, e_txt = _hhmm(start), _hhmm(end)
    except ValueError:
        raise ValidationFailed(field="shift", value=f"{start}-{end}", reason="not_a_time") from None
    if s_txt == e_txt:
        raise ValidationFailed(field="shift", value=f"{start}-{end}", reason="same_as_start")
    if weekday is not None and not 0 <= weekday <= 6:
        raise ValidationFailed(field="weekday", value=weekday, reason="not_a_weekday")
    name = (name or "").strip() or "A"
    with desk.write() as s:
        c = _centre(s, machine_code)
        old = s.scalars(select(ShiftWindow).where(
            ShiftWindow.work_centre_id == c.id, ShiftWindow.name == name,
            ShiftWindow.weekday.is_(None) if weekday is None
            else ShiftWindow.weekday == weekday)).first()
        if old is None:
            s.add(ShiftWindow(work_centre_id=c.id, name=name, weekday=weekday,
                              start_time=s_txt, end_time=e_txt, active=active))
        else:
            old.start_time, old.end_time, old.active = s_txt, e_txt, active
    return Changes(planning=True)


def add_downtime(desk: Desk, machine_code: str, start: dt.datetime, end: dt.datetime,
                 reason: str) -> Changes:
    """Plan downtime (maintenance, mould change, holiday) for a machine."""
    desk.require("planning.write")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(field="reason", value="", reason="missing")
    if end <= start:
        raise ValidationFailed(field="end", value=end.isoformat(), reason="not_after_start")
    with desk.write() as s:
        c = _centre(s, machine_code)
        s.add(PlannedDowntime(work_centre_id=c.id, start_at=start, end_at=end, reason=reason))
    return Changes(planning=True)


@dataclass(frozen=True)
class WorkOrderEditRow:
    id: str
    wo_no: str
    order_no: str | None
    sku: str
    machine_code: str
    quantity: float
    planned_hours: float
    start_at: dt.datetime
    end_at: dt.datetime
    status: str


def list_work_orders(desk: Desk, *, machine_code: str | None = None,
                     include_closed: bool = False, limit: int = 2000) -> list[WorkOrderEditRow]:
    desk.require("order.read")
    with desk.read() as s:
        q = (select(WorkOrder, Product.sku, WorkCentre.code, Order.order_no)
             .join(Product, Product.id == WorkOrder.product_id)
             .join(WorkCentre, WorkCentre.id == WorkOrder.work_centre_id)
             .outerjoin(Order, Order.id == WorkOrder.order_id)
             .order_by(WorkCentre.code, WorkOrder.start_at).limit(limit))
        if machine_code:
            q = q.where(WorkCentre.code == machine_code)
        if not include_closed:
            q = q.where(WorkOrder.status.in_(("planned", "running")))
        return [WorkOrderEditRow(w.id, w.wo_no, no, sku, code, float(w.quantity),
                                 float(w.planned_hours), w.start_at, w.end_at, w.status)
                for w, sku, code, no in s.execute(q)]


def save_work_order(desk: Desk, wo_no: str, sku: str, machine_code: str, quantity: object,
                    start: dt.datetime, end: dt.datetime, *, order_no: str | None = None,
                    planned_hours: object = None) -> Changes:
    """Create or change a work order (by number). Without planned hours they come from the
    product's routing on that machine; without a routing there they must be given."""
    desk.require("planning.write")
    wo_no = (wo_no or "").strip()
    if not wo_no:
        raise ValidationFailed(field="wo_no", value="", reason="missing")
    try:
        qty = as_decimal(quantity)
        hours = None if planned_hours in (None, "", 0) else as_decimal(planned_hours)
    except ValueError as exc:
        raise ValidationFailed(field="quantity", value=quantity, reason=str(exc)) from None
    if qty <= 0 or (hours is not None and hours <= 0):
        raise ValidationFailed(field="quantity", value=qty, reason="not_positive")
    if end <= start:
        raise ValidationFailed(field="end", value=end.isoformat(), reason="not_after_start")
    with desk.write() as s:
        product = _product(s, sku)
        centre = _centre(s, machine_code)
        order = None
        if order_no:
            order = s.scalars(select(Order).where(Order.order_no == order_no.strip())).one_or_none()
            if order is None:
                raise NotFound(entity="order", key=order_no)
        if hours is None:
            r = s.scalars(select(Routing).where(Routing.product_id == product.id,
                                                Routing.work_centre_id == centre.id,
                                                Routing.active.is_(True))).one_or_none()
            if r is None:
                raise ValidationFailed(field="planned_hours", value="", reason="no_routing")
            hours = round_hours(RoutingIn(product.id, centre.id, r.approved, r.priority,
                                          float(r.cycle_seconds), r.cavities,
                                          float(r.setup_minutes)).hours_for(float(qty)))
        w = s.scalars(select(WorkOrder).where(WorkOrder.wo_no == wo_no)).one_or_none()
        if w is None:
            w = WorkOrder(wo_no=wo_no)
            s.add(w)
        w.order_id = order.id if order is not None else None
        w.product_id, w.work_centre_id, w.quantity = product.id, centre.id, qty
        w.planned_hours, w.start_at, w.end_at = hours, start, end
        if w.status in (None, "cancelled"):
            w.status = "planned"
    return Changes(planning=True)
