"""Audit-chain anchoring (等保2.0 S3/D2, issue 13): at every sync a station reports the
head of its hash-chained audit trail, and the server keeps the newest head per station.

Every station keeps its own chained `audit_log` (audit rows never travel). Alone, a chain
proves only that nobody edited it *without recomputing the hashes after the edit*: a
person with the database file could rewrite a row and rehash everything after it. Once
the head is anchored on the server, that is detectable: at the next sync the station
must show, at the anchored position, the same hash it reported before (`previous_id` /
`previous_hash`). A mismatch is answered 409, counted on the anchor, written to the
server's own audit trail (outcome `anchor_mismatch`), and the anchor is not moved, so the
evidence stays.
"""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from orderdesk.models import utcnow
from orderdesk.models.security import AuditAnchor
from orderdesk.sync.server import security
from orderdesk.sync.server.deps import ServerState, access, caller, state
from orderdesk.tracking import Actor, add_audit

router = APIRouter(prefix="/sync", tags=["sync"])
INT64 = 2**63 - 1


class AnchorIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    last_id: int = Field(ge=0, le=INT64)
    last_hash: str = Field(min_length=1, max_length=64)
    previous_id: int | None = Field(default=None, ge=0, le=INT64)
    previous_hash: str | None = Field(default=None, max_length=64)


class AnchorOut(BaseModel):
    station: str
    last_id: int | None
    last_hash: str | None
    anchored_at: dt.datetime | None
    mismatches: int = 0


def _station(request: Request) -> str:
    who = caller(request)
    name = who.name if who.kind == "station" else who.station
    if not name:
        raise HTTPException(status_code=400, detail="only a station (its key, or a person "
                                                    "signed in at it) anchors its trail / "
                                                    "只有工作站可登记审计链")
    return name


def _out(station: str, row: AuditAnchor | None) -> AnchorOut:
    if row is None:
        return AnchorOut(station=station, last_id=None, last_hash=None, anchored_at=None)
    return AnchorOut(station=station, last_id=row.last_id, last_hash=row.last_hash,
                     anchored_at=row.anchored_at, mismatches=row.mismatches)


@router.get("/anchor", response_model=AnchorOut, **access(security.SYNC))
def get_anchor(request: Request, st: ServerState = Depends(state)) -> AnchorOut:
    """The head this station anchored last (the station shows its hash at that id next)."""
    station = _station(request)
    with st.desk.read() as s:
        return _out(station, s.get(AuditAnchor, station))


@router.post("/anchor", response_model=AnchorOut, **access(security.SYNC))
def anchor(body: AnchorIn, request: Request, st: ServerState = Depends(state)) -> AnchorOut:
    """Anchor this station's audit-chain head; refused (409) when the station's trail no
    longer has, at the previously anchored id, the hash it reported then."""
    station = _station(request)
    who = caller(request)
    mismatch = None
    with st.desk.write(Actor(user=who.name, station=station)) as s:
        row = s.get(AuditAnchor, station)
        if row is not None:
            if body.previous_id != row.last_id or body.previous_hash != row.last_hash:
                mismatch = (f"the trail of station {station} changed below its anchor "
                            f"(id {row.last_id}) / 工作站 {station} 的审计链在已登记位置之前"
                            f"被改动")
            elif body.last_id < row.last_id:
                mismatch = f"the trail of station {station} is shorter than anchored / 审计链变短"
        if mismatch is not None:
            row.mismatches += 1
            add_audit(s, action="anchor", entity="sync_audit_anchors", entity_id=station,
                      field="last_hash", old=row.last_hash, new=body.previous_hash,
                      outcome="anchor_mismatch")
        else:
            if row is None:
                row = AuditAnchor(station=station, last_id=body.last_id,
                                  last_hash=body.last_hash, mismatches=0)
                s.add(row)
            else:
                row.last_id, row.last_hash = body.last_id, body.last_hash
            row.anchored_at = utcnow()
            s.flush()
        out = _out(station, row)
    if mismatch is not None:
        raise HTTPException(status_code=409, detail=mismatch)
    return out
