"""Inbound shipments of imported materials, lane baselines and the supply-risk rule.

Clearance time of a shipment = released − arrival at port, in hours. A lane is
port (UN/LOCODE) × customs office × broker. Clearance times are right-skewed (one
inspection can take a week), so the baseline of a lane is the **median** of its last
`lane_last_n` clearances released within `lane_window_days`: one outlier does not
inflate it, and a lasting change (a new inspection regime) moves it once it makes up
half of the recent clearances. A lane with fewer than `lane_min_sample` clearances uses
the median of its port (every office and broker) and the alert says so; a port with
too few as well gives no baseline, and the shipment is flagged "cannot judge".

An open shipment (arrived, not released) whose elapsed time exceeds `risk_ratio` ×
baseline raises an alert while it is still open. A milestone nobody reported is NULL
and is flagged, never read as zero: a shipment without its arrival time has no elapsed
time, and a clearance without arrival or release is never a baseline sample.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.intake.readers import read_sheets
from orderdesk.models import Product
from orderdesk.models.planning import InboundShipment
from orderdesk.normalize import sku_norm
from orderdesk.planning.capacity import factory_now
from orderdesk.planning.errors import PlanningFileInvalid
from orderdesk.planning.rules import load_rules
from orderdesk.planning.tables import (
    Problems,
    as_bool,
    as_datetime,
    as_decimal,
    as_text,
    cell,
    find_table,
)

MILESTONES = ("eta", "arrived_at", "declared_at", "released_at", "gate_out_at", "received_at")
#: Order the milestones happen in (ETA is a forecast, so it is not part of it).
SEQUENCE = ("arrived_at", "declared_at", "released_at", "gate_out_at", "received_at")
LOCODE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")

COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {"shipments": {
    "reference": ("reference", "shipment", "b/l", "bl no", "job no", "提单号", "运单号",
                  "报关单号", "委托编号", "编号"),
    "material": ("material", "sku", "物料", "物料编码", "料号", "原料"),
    "quantity": ("quantity", "qty", "数量", "重量"),
    "port": ("port", "un/locode", "locode", "口岸", "港口", "到达港"),
    "customs_office": ("customs office", "customs", "海关", "申报海关", "关区"),
    "broker": ("broker", "customs broker", "报关行", "代理"),
    "eta": ("eta", "预计到港", "预计到达"),
    "arrived_at": ("arrived", "arrival", "ata", "arrived at port", "到港", "实际到港", "抵港"),
    "declared_at": ("declared", "declaration lodged", "declaration", "申报", "申报时间"),
    "inspection": ("inspection", "查验", "是否查验"),
    "released_at": ("released", "release", "放行", "放行时间"),
    "gate_out_at": ("gate out", "gate-out", "提柜", "出闸", "提货"),
    "received_at": ("received", "received at plant", "到厂", "入库", "工厂收货"),
}}
REQUIRED = {"shipments": ("reference", "material", "port", "customs_office", "broker")}


# ---- plain data ----------------------------------------------------------------------
@dataclass(frozen=True)
class ShipmentIn:
    id: str
    reference: str
    material_id: str
    material_sku: str
    material_name: str
    quantity: float | None
    port: str
    customs_office: str
    broker: str
    eta: dt.datetime | None
    arrived_at: dt.datetime | None
    declared_at: dt.datetime | None
    inspection: bool | None
    released_at: dt.datetime | None
    gate_out_at: dt.datetime | None
    received_at: dt.datetime | None

    @property
    def lane(self) -> tuple[str, str, str]:
        return (self.port, self.customs_office, self.broker)

    def clearance_hours(self) -> float | None:
        if self.arrived_at is None or self.released_at is None:
            return None
        if self.released_at < self.arrived_at:
            return None
        return (self.released_at - self.arrived_at).total_seconds() / 3600.0

    def inland_hours(self) -> float | None:
        if self.released_at is None or self.received_at is None or self.received_at < self.released_at:
            return None
        return (self.received_at - self.released_at).total_seconds() / 3600.0

    def flags(self, now: dt.datetime) -> tuple[str, ...]:
        """What is missing or inconsistent (never filled in with zero)."""
        out = []
        seen = [(m, getattr(self, m)) for m in SEQUENCE]
        reported = [m for m, v in seen if v is not None]
        if reported:
            last = SEQUENCE.index(reported[-1])
            for m in SEQUENCE[:last]:
                if getattr(self, m) is None:
                    out.append(f"{m.removesuffix('_at')}_missing")
        times = [(m, v) for m, v in seen if v is not None]
        for (m1, v1), (m2, v2) in zip(times, times[1:]):
            if v2 < v1:
                out.append(f"{m2.removesuffix('_at')}_before_{m1.removesuffix('_at')}")
        if self.released_at is not None and self.inspection is None:
            out.append("inspection_unknown")
        if self.arrived_at is None and self.eta is not None and self.eta < now and not reported:
            out.append("eta_passed_no_arrival")
        for m in SEQUENCE:
            v = getattr(self, m)
            if v is not None and v > now + dt.timedelta(hours=1):
                out.append(f"{m.removesuffix('_at')}_in_future")
        return tuple(out)


@dataclass(frozen=True)
class Baseline:
    hours: float | None
    n: int
    scope: str            # lane / port / none
    lane_n: int           # clearances the lane itself had
    window_days: int


@dataclass(frozen=True)
class RiskAlert:
    shipment_id: str
    reference: str
    material_id: str
    material_sku: str
    material_name: str
    port: str
    customs_office: str
    broker: str
    arrived_at: dt.datetime
    elapsed_hours: float
    baseline: Baseline
    ratio: float
    inspection: bool | None
    flags: tuple[str, ...]
    projected_release: dt.datetime
    projected_received: dt.datetime

    @property
    def baseline_hours(self) -> float:
        return self.baseline.hours or 0.0

    def text(self) -> str:
        """'2.03× median (30 h, n=10, last 90 days)', with the fallback said."""
        b = self.baseline
        base = (f"{self.ratio:.2f}× median ({b.hours:.0f} h, n={b.n}, "
                f"last {b.window_days} days)")
        if b.scope == "port":
            base += f" — port {self.port} median: lane has only n={b.lane_n}"
        return base


@dataclass(frozen=True)
class FlaggedShipment:
    shipment_id: str
    reference: str
    material_sku: str
    lane: tuple[str, str, str]
    flags: tuple[str, ...]
    elapsed_hours: float | None


@dataclass(frozen=True)
class RiskReport:
    alerts: tuple[RiskAlert, ...]
    flagged: tuple[FlaggedShipment, ...]
    open_shipments: int
    computed_at: dt.datetime


# ---- the rule (pure) -----------------------------------------------------------------
def _samples(shipments: Iterable[ShipmentIn], key, now: dt.datetime,  # type: ignore[no-untyped-def]
             rules: dict) -> list[float]:
    since = now - dt.timedelta(days=rules["lane_window_days"])
    done = [(s.released_at, s.clearance_hours()) for s in shipments
            if key(s) and s.clearance_hours() is not None
            and s.released_at is not None and since <= s.released_at <= now]
    done.sort(key=lambda x: x[0], reverse=True)
    return [h for _, h in done[: rules["lane_last_n"]]]  # type: ignore[misc]


def baseline_for(shipments: Sequence[ShipmentIn], lane: tuple[str, str, str],
                 now: dt.datetime, rules: dict) -> Baseline:
    lane_samples = _samples(shipments, lambda s: s.lane == lane, now, rules)
    mins = rules["lane_min_sample"]
    days = rules["lane_window_days"]
    if len(lane_samples) >= mins:
        return Baseline(statistics.median(lane_samples), len(lane_samples), "lane",
                        len(lane_samples), days)
    port_samples = _samples(shipments, lambda s: s.port == lane[0], now, rules)
    if len(port_samples) >= mins:
        return Baseline(statistics.median(port_samples), len(port_samples), "port",
                        len(lane_samples), days)
    return Baseline(None, len(port_samples), "none", len(lane_samples), days)


def _inland(shipments: Sequence[ShipmentIn], lane: tuple[str, str, str], rules: dict) -> float:
    vals = [h for s in shipments if s.lane == lane and (h := s.inland_hours()) is not None]
    return statistics.median(vals) if vals else float(rules["inland_hours"])


def evaluate(shipments: Sequence[ShipmentIn], now: dt.datetime, rules: dict) -> RiskReport:
    alerts: list[RiskAlert] = []
    flagged: list[FlaggedShipment] = []
    n_open = 0
    for s in shipments:
        flags = list(s.flags(now))
        is_open = s.released_at is None and s.received_at is None and s.gate_out_at is None
        if not is_open:
            if flags:
                flagged.append(FlaggedShipment(s.id, s.reference, s.material_sku, s.lane,
                                               tuple(flags), None))
            continue
        if s.arrived_at is None:
            if s.declared_at is not None:
                flags.append("elapsed_unknown")
            if flags:
                flagged.append(FlaggedShipment(s.id, s.reference, s.material_sku, s.lane,
                                               tuple(dict.fromkeys(flags)), None))
            continue
        n_open += 1
        elapsed = (now - s.arrived_at).total_seconds() / 3600.0
        base = baseline_for(shipments, s.lane, now, rules)
        if base.hours is None or base.hours <= 0:
            flagged.append(FlaggedShipment(s.id, s.reference, s.material_sku, s.lane,
                                           tuple(flags + ["no_baseline"]), elapsed))
            continue
        if base.scope == "port":
            flags.append("port_median_used")
        ratio = elapsed / base.hours
        if ratio > rules["risk_ratio"]:
            # Overdue already: assume at least one more typical clearance from now, then
            # the lane's usual release-to-plant time.
            release = now + dt.timedelta(hours=base.hours)
            received = release + dt.timedelta(hours=_inland(shipments, s.lane, rules))
            alerts.append(RiskAlert(
                shipment_id=s.id, reference=s.reference, material_id=s.material_id,
                material_sku=s.material_sku, material_name=s.material_name, port=s.port,
                customs_office=s.customs_office, broker=s.broker, arrived_at=s.arrived_at,
                elapsed_hours=elapsed, baseline=base, ratio=ratio, inspection=s.inspection,
                flags=tuple(flags), projected_release=release, projected_received=received))
        elif flags:
            flagged.append(FlaggedShipment(s.id, s.reference, s.material_sku, s.lane,
                                           tuple(flags), elapsed))
    alerts.sort(key=lambda a: -a.ratio)
    return RiskReport(tuple(alerts), tuple(flagged), n_open, now)


# ---- loading and the service ---------------------------------------------------------
def load_shipments(s: Session) -> list[ShipmentIn]:
    rows = s.execute(select(InboundShipment, Product.sku, Product.name)
                     .join(Product, Product.id == InboundShipment.material_id)
                     .where(InboundShipment.active.is_(True)))
    return [ShipmentIn(id=r.id, reference=r.reference, material_id=r.material_id,
                       material_sku=sku, material_name=name,
                       quantity=float(r.quantity) if r.quantity is not None else None,
                       port=r.port, customs_office=r.customs_office, broker=r.broker,
                       eta=r.eta, arrived_at=r.arrived_at, declared_at=r.declared_at,
                       inspection=r.inspection, released_at=r.released_at,
                       gate_out_at=r.gate_out_at, received_at=r.received_at)
            for r, sku, name in rows]


def risk_report(desk: Desk, *, now: dt.datetime | None = None) -> RiskReport:
    """Open alerts (elapsed over risk_ratio × baseline) and the shipments flagged for
    missing or inconsistent milestones or for having no baseline."""
    desk.require("order.read")
    rules = load_rules(desk)
    now = now or factory_now()
    with desk.read() as s:
        shipments = load_shipments(s)
    return evaluate(shipments, now, rules)


# ---- writing shipments (import and server API) ---------------------------------------
def _locode(v: Any) -> str:
    t = str(v).strip().upper().replace(" ", "")
    if not LOCODE.match(t):
        raise ValueError("not_a_un_locode")
    return t


def upsert_shipment(s: Session, data: dict[str, Any], problems: Problems, where: tuple[str, int],
                    *, apply: bool = True) -> bool | None:
    """Check one shipment record (already split into fields, raw values) and write it
    when `apply`. A field that is absent or empty leaves what is stored (a milestone is
    never cleared by a sheet that leaves its cell blank). Returns created or None."""
    sheet, row = where
    before = len(problems)

    def conv(name: str, fn, required: bool = False):  # type: ignore[no-untyped-def]
        raw = data.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                problems.add(sheet, row, name, "missing")
            return None
        try:
            return fn(raw)
        except ValueError as exc:
            problems.add(sheet, row, name, str(exc), raw)
            return None

    ref = conv("reference", as_text, True)
    sku = conv("material", as_text, True)
    port = conv("port", _locode, True)
    office = conv("customs_office", as_text, True)
    broker = conv("broker", as_text, True)
    qty = conv("quantity", as_decimal)
    if qty is not None and qty < 0:
        problems.add(sheet, row, "quantity", "negative", qty)
    inspection = conv("inspection", as_bool)
    times = {m: conv(m, as_datetime) for m in MILESTONES}
    material = None
    if sku is not None:
        material = s.scalars(select(Product).where(Product.sku_norm == sku_norm(sku))).one_or_none()
        if material is None:
            problems.add(sheet, row, "material", "unknown_product", sku)
    if len(problems) > before or not apply:
        return None
    sh = s.scalars(select(InboundShipment).where(InboundShipment.reference == ref)).one_or_none()
    created = sh is None
    if sh is None:
        sh = InboundShipment(reference=ref, material_id=material.id, port=port,  # type: ignore[union-attr]
                             customs_office=office, broker=broker)
        s.add(sh)
    sh.material_id, sh.port, sh.customs_office, sh.broker = material.id, port, office, broker  # type: ignore[union-attr]
    if qty is not None:
        sh.quantity = qty
    if inspection is not None:
        sh.inspection = inspection
    for m, v in times.items():
        if v is not None:
            setattr(sh, m, v)
    return created


@dataclass(frozen=True)
class ShipmentImport:
    path: str
    created: int
    updated: int
    changes: Changes


def import_shipments(desk: Desk, path: str | Path) -> ShipmentImport:
    """The broker's sheet (Excel or CSV). All or nothing (PlanningFileInvalid lists every
    problem); re-importing updates by reference."""
    desk.require("planning.write")
    path = str(path)
    tables = [t for sh in read_sheets(path) if (t := find_table(sh, COLUMNS, REQUIRED))]
    if not tables:
        raise PlanningFileInvalid(path=path, count=1, first="no sheet with reference, "
                                  "material, port, customs office and broker columns",
                                  problems=["no known headers"])
    created = updated = 0
    with desk.write() as s:
        problems = Problems()
        records = []
        for t in tables:
            for row, cells in t.rows:
                data = {f: cell(cells, t, f) for f in t.columns}
                upsert_shipment(s, data, problems, (t.sheet, row), apply=False)
                records.append((data, (t.sheet, row)))
        if problems:
            raise PlanningFileInvalid(path=path, count=len(problems), first=problems[0],
                                      problems=list(problems))
        for data, where in records:
            if upsert_shipment(s, data, problems, where):
                created += 1
            else:
                updated += 1
            s.flush()
    return ShipmentImport(path, created, updated, Changes(planning=True))


def lane_label(lane: Sequence[str]) -> str:
    return " × ".join(lane)


_ = Decimal  # re-exported type in signatures above
