"""Station registration and channel API keys (system admin: settings.system)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from sqlalchemy import select

from orderdesk.models.sync import ApiKey
from orderdesk.sync.server import security, stations
from orderdesk.sync.server.deps import ServerState, access, caller, state
from orderdesk.sync.server.schemas import ChannelKeyIn, ChannelKeyOut, StationIn, StationOut
from orderdesk.tracking import Actor, add_audit

router = APIRouter(prefix="/api", tags=["stations"])
SYSTEM = "settings.system"


def _out(row, key: str | None = None) -> StationOut:  # type: ignore[no-untyped-def]
    return StationOut(name=row.name, number=row.number, registered_at=row.registered_at,
                      registered_by=row.registered_by, last_seen_at=row.last_seen_at,
                      cursor=row.cursor, active=row.active, key=key)


@router.get("/stations", response_model=list[StationOut], **access(SYSTEM))
def list_stations(st: ServerState = Depends(state)) -> list[StationOut]:
    with st.desk.read() as s:
        return [_out(r) for r in stations.list_stations(s)]


@router.post("/stations", response_model=StationOut, status_code=201, **access(SYSTEM))
def register_station(body: StationIn, request: Request,
                     st: ServerState = Depends(state)) -> StationOut:
    """Register a station, or issue a new key to it. The key is in this answer only."""
    who = caller(request)
    with st.desk.write(Actor(user=who.name, station=who.station or "api")) as s:
        row, key = stations.register(s, body.name, who.name)
        add_audit(s, action="station_key", entity="sync_stations", entity_id=row.id,
                  field="name", new=row.name)
        return _out(row, key)


@router.get("/channel-keys", response_model=list[ChannelKeyOut], **access(SYSTEM))
def list_keys(st: ServerState = Depends(state)) -> list[ChannelKeyOut]:
    with st.desk.read() as s:
        return [ChannelKeyOut(id=r.id, channel=r.channel, prefix=r.prefix,
                              created_at=r.created_at, active=r.active)
                for r in s.scalars(select(ApiKey).order_by(ApiKey.created_at))]


@router.post("/channel-keys", response_model=ChannelKeyOut, status_code=201, **access(SYSTEM))
def new_key(body: ChannelKeyIn, request: Request,
            st: ServerState = Depends(state)) -> ChannelKeyOut:
    """A key for one sales channel's intake API. The key is in this answer only."""
    who = caller(request)
    with st.desk.write(Actor(user=who.name, station=who.station or "api")) as s:
        key, row = security.new_api_key(s, body.channel, who.name)
        s.flush()
        add_audit(s, action="api_key", entity="sync_api_keys", entity_id=row.id,
                  field="channel", new=row.channel)
        return ChannelKeyOut(id=row.id, channel=row.channel, prefix=row.prefix,
                             created_at=row.created_at, active=row.active, key=key)


@router.get("/keys", **access(SYSTEM))
def list_trust_keys(pending: bool = False, st: ServerState = Depends(state)) -> list[dict]:
    """Certificate signing keys: proposed (a quality station's) and approved ones."""
    from dataclasses import asdict

    from orderdesk.services import trust_keys

    return [asdict(r) for r in trust_keys.list_keys(st.desk, pending_only=pending)]


@router.post("/keys/{key_id}/approve", status_code=204, **access(SYSTEM))
def approve_trust_key(key_id: str, request: Request, st: ServerState = Depends(state)) -> None:
    """Approve a proposed station key: certificates it signs verify everywhere (audited)."""
    from orderdesk.desk import UserInfo
    from orderdesk.services import trust_keys
    from orderdesk.sync.server.deps import desk_for

    who = caller(request)
    trust_keys.approve_key(desk_for(st, user=UserInfo(id="", username=who.name,
                                                      display_name=who.name, roles=who.roles),
                                    station=who.station or "api"), key_id[:100])
