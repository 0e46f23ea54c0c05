"""Planning data posted to the server: machine logs (an MES, a line-side PC) and inbound
shipments with their customs milestones (a broker's system).

Access: role action `planning.write` (PMC, supervisor), through the server's own token
check (`deps.access`). Each request is one transaction and all or nothing: a body with
any record the server cannot explain is refused with 400 and the list of problems, and
nothing is written. Written rows are tracked like station writes, so every station
pulls them.

POST /api/planning/machine-logs
    {"logs": [{"machine": "P-250-03", "date": "2026-12-01", "shift": "白班",
               "planned_minutes": 660, "run_minutes": 610, "ideal_cycle_seconds": 30,
               "cavities": 2, "total_count": 2400, "good_count": 2350}]}
    `ideal_cycle_seconds` is per shot when `cavities` is given, else per piece. The same
    machine + date + shift again updates that log (the row id is derived from them).

POST /api/planning/shipments
    {"shipments": [{"reference": "MSKU7788123", "material": "RES-PA66GF30",
                    "quantity": 20000, "port": "CNSHA", "customs_office": "2248",
                    "broker": "中外运报关", "eta": "2026-11-28T06:00:00+08:00",
                    "arrived_at": "2026-11-28T12:00", "declared_at": null,
                    "inspection": true, "released_at": null, "gate_out_at": null,
                    "received_at": null}]}
    Keyed by `reference`. A milestone that is absent or null is "not reported yet" and
    leaves what the server has; it is never read as zero. Times without an offset are
    the factory's local time; with one they are converted to it. `port` is a UN/LOCODE.

Answer: {"created": n, "updated": n}.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import Field
from sqlalchemy import select

from orderdesk.models.planning import WorkCentre
from orderdesk.planning import oee
from orderdesk.planning.customs import upsert_shipment
from orderdesk.planning.errors import PlanningRequestInvalid
from orderdesk.planning.setup import stage_log
from orderdesk.planning.tables import Problems
from orderdesk.sync.server.deps import ServerState, access, caller, state
from orderdesk.sync.server.schemas import Strict
from orderdesk.tracking import Actor

router = APIRouter(prefix="/api/planning", tags=["planning"])
LEVEL = "planning.write"


class MachineLogIn(Strict):
    machine: str = Field(min_length=1, max_length=40)
    date: dt.date
    shift: str = Field(default="day", min_length=1, max_length=20)
    planned_minutes: float = Field(gt=0, le=24 * 60)
    run_minutes: float = Field(ge=0, le=24 * 60)
    ideal_cycle_seconds: float = Field(gt=0, le=36000)
    cavities: int | None = Field(default=None, ge=1, le=512)
    total_count: int = Field(ge=0, le=10**9)
    good_count: int = Field(ge=0, le=10**9)


class MachineLogsIn(Strict):
    logs: list[MachineLogIn] = Field(min_length=1, max_length=5000)


class ShipmentIn(Strict):
    reference: str = Field(min_length=1, max_length=60)
    material: str = Field(min_length=1, max_length=60)
    quantity: float | None = Field(default=None, ge=0, le=10**12)
    port: str = Field(min_length=5, max_length=6)
    customs_office: str = Field(min_length=1, max_length=60)
    broker: str = Field(min_length=1, max_length=100)
    eta: str | None = Field(default=None, max_length=40)
    arrived_at: str | None = Field(default=None, max_length=40)
    declared_at: str | None = Field(default=None, max_length=40)
    inspection: bool | None = None
    released_at: str | None = Field(default=None, max_length=40)
    gate_out_at: str | None = Field(default=None, max_length=40)
    received_at: str | None = Field(default=None, max_length=40)


class ShipmentsIn(Strict):
    shipments: list[ShipmentIn] = Field(min_length=1, max_length=2000)


def _actor(request: Request) -> Actor:
    who = caller(request)
    return Actor(user=who.name, station=who.station or "api")


@router.post("/machine-logs", **access(LEVEL))
def post_machine_logs(body: MachineLogsIn, request: Request,
                      st: ServerState = Depends(state)) -> dict[str, Any]:
    """Insert or update machine logs (one per machine, date and shift)."""
    created = updated = 0
    with st.desk.write(_actor(request)) as s:
        centres = {c.code: c for c in s.scalars(select(WorkCentre))}
        problems = Problems()
        staged = []
        for i, lg in enumerate(body.logs, start=1):
            centre = centres.get(lg.machine)
            if centre is None:
                problems.add("logs", i, "machine", "unknown_machine", lg.machine)
                continue
            cycle = lg.ideal_cycle_seconds / lg.cavities if lg.cavities else lg.ideal_cycle_seconds
            f = oee.LogFigures(lg.planned_minutes, lg.run_minutes, cycle, lg.total_count,
                               lg.good_count)
            for reason in oee.check_log(f):
                problems.add("logs", i, "machine log", reason)
            staged.append((centre, lg, f))
        if problems:
            raise PlanningRequestInvalid(count=len(problems), first=problems[0],
                                         problems="; ".join(problems[:50]))
        for centre, lg, f in staged:
            if stage_log(s, centre, lg.date, lg.shift, f, source="api"):
                created += 1
            else:
                updated += 1
            s.flush()
    return {"created": created, "updated": updated}


@router.post("/shipments", **access(LEVEL))
def post_shipments(body: ShipmentsIn, request: Request,
                   st: ServerState = Depends(state)) -> dict[str, Any]:
    """Insert or update inbound shipments by reference, with their milestones."""
    created = updated = 0
    records = [sh.model_dump() for sh in body.shipments]
    with st.desk.write(_actor(request)) as s:
        problems = Problems()
        for i, data in enumerate(records, start=1):
            upsert_shipment(s, data, problems, ("shipments", i), apply=False)
        if problems:
            raise PlanningRequestInvalid(count=len(problems), first=problems[0],
                                         problems="; ".join(problems[:50]))
        for i, data in enumerate(records, start=1):
            if upsert_shipment(s, data, problems, ("shipments", i)):
                created += 1
            else:
                updated += 1
            s.flush()
    return {"created": created, "updated": updated}
