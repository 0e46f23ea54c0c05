"""Sign-in: users by password (per-account lockout shared by all workers), stations by key."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request

from orderdesk.errors import AccountDisabled, LoginFailed
from orderdesk.services import users
from orderdesk.sync.server import security
from orderdesk.sync.server.deps import ServerState, access, caller, desk_for, state
from orderdesk.sync.server.schemas import LoginIn, MeOut, StationLoginIn, TokenOut
from orderdesk.sync.server.identity import issue_person_token, has_business_role
from pydantic import BaseModel, ConfigDict, Field
import datetime as dt
from orderdesk.tracking import Actor, add_audit

router = APIRouter(prefix="/api/auth", tags=["auth"])


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _authenticate(st: ServerState, request: Request, username: str, password: str,
                  station: str | None):  # type: ignore[no-untyped-def]
    """The password check of every sign-in route: one 401 until the password is right,
    429 with Retry-After while a delay runs (per name and per address)."""
    try:
        return users.authenticate(desk_for(st, station=station or "api"), username, password,
                                  address=_address(request))
    except users.LoginThrottled as exc:
        seconds = int(exc.facts.get("seconds") or 1)
        raise HTTPException(status_code=429, headers={"Retry-After": str(seconds)},
                            detail=f"too many sign-in attempts: try again in {seconds} s / "
                                   f"登录尝试过多,请 {seconds} 秒后再试")


@router.post("/login", response_model=TokenOut, **access(security.PUBLIC))
def login(body: LoginIn, request: Request, st: ServerState = Depends(state)) -> TokenOut:
    """Exchange a user name and password for a short-lived bearer token."""
    info = _authenticate(st, request, body.username, body.password, body.station)
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


class PersonIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(min_length=1, max_length=60)
    password: str = Field(min_length=1, max_length=200)


class PersonOut(BaseModel):
    token: str
    expires_at: dt.datetime
    name: str
    roles: list[str]
    #: Offline sign-in material for this station only (business roles only; admin
    #: roles get none and sign in online): an argon2 hash of the password bound to the
    #: station's name, never the server's hash.
    offline_verifier: str | None = None
    password_changed_at: str | None = None


@router.post("/person", response_model=PersonOut, **access(security.STATION))
def person(body: PersonIn, request: Request, st: ServerState = Depends(state)) -> PersonOut:
    """A station proves that a person signed in at it: the server checks the password
    and answers a person token bound to this person and this station (sent with the
    station's pushes in `X-Orderdesk-People`), plus offline sign-in material for it."""
    who = caller(request)
    station = who.station or who.name
    try:
        info = _authenticate(st, request, body.username, body.password, station)
    except (LoginFailed, AccountDisabled):
        # The station is signed in (no 401, which would make it sign in again); the
        # person's credentials are what is wrong, one answer for every reason.
        raise HTTPException(status_code=422, detail="the person's user name or password is "
                                                    "wrong / 人员用户名或密码错误")
    desk = desk_for(st, station=station)
    stamp = users.password_stamp(desk, info.username)
    with st.desk.write(Actor(user=info.username, station=station)) as s:
        business, roles = has_business_role(s, info.username)
        grant = issue_person_token(s, info.username, station)
        add_audit(s, action="person_token", entity="sync_tokens", field="station",
                  new=station, outcome="ok")
    verifier = users.make_offline_verifier(station, body.password) if business else None
    return PersonOut(token=grant.token, expires_at=grant.expires_at, name=info.username,
                     roles=list(roles), offline_verifier=verifier, password_changed_at=stamp)
