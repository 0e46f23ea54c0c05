"""Sign-in: users by password (per-account lockout shared by all workers), stations by key."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request

from orderdesk.services import users
from orderdesk.sync.server import security
from orderdesk.sync.server.deps import ServerState, access, caller, desk_for, state
from orderdesk.sync.server.schemas import LoginIn, MeOut, StationLoginIn, TokenOut
from orderdesk.tracking import Actor, add_audit

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post("/login", response_model=TokenOut, **access(security.PUBLIC))
def login(body: LoginIn, st: ServerState = Depends(state)) -> TokenOut:
    """Exchange a user name and password for a short-lived bearer token."""
    info = users.authenticate(desk_for(st, station=body.station or "api"), body.username,
                              body.password)
    with st.desk.write(Actor(user=info.username, station=body.station or "api")) as s:
        token, expires = security.issue_token(s, kind="user", subject=info.username,
                                              station=body.station)
    return TokenOut(token=token, expires_at=expires, kind="user", name=info.username,
                    roles=list(info.roles))


@router.post("/station", response_model=TokenOut, **access(security.PUBLIC))
def station_login(body: StationLoginIn, st: ServerState = Depends(state)) -> TokenOut:
    """Exchange a station's key (issued at registration) for a bearer token."""
    with st.desk.write(Actor(user="station", station=body.station)) as s:
        station = security.station_by_key(s, body.station, body.key)
        if station is None:
            add_audit(s, action="login", entity="sync_stations", field="name",
                      new=body.station, outcome="bad_key")
        else:
            add_audit(s, action="login", entity="sync_stations", entity_id=station.id,
                      outcome="ok")
            token, expires = security.issue_token(s, kind="station", subject=station.name,
                                                  station=station.name)
    if station is None:
        raise HTTPException(status_code=401, detail="station or key wrong / 工作站或密钥错误")
    return TokenOut(token=token, expires_at=expires, kind="station", name=body.station, roles=[])


@router.post("/logout", status_code=204, **access(security.AUTHENTICATED))
def logout(request: Request, st: ServerState = Depends(state)) -> None:
    """Revoke the token used for this request."""
    who = caller(request)
    with st.desk.write(Actor(user=who.name, station=who.station or "api")) as s:
        security.revoke(s, who.token_hash or "")
        add_audit(s, action="logout", entity="sync_tokens", outcome="ok")


@router.get("/me", response_model=MeOut, **access(security.AUTHENTICATED))
def me(request: Request) -> MeOut:
    who = caller(request)
    return MeOut(kind=who.kind, name=who.name, roles=list(who.roles), station=who.station)
