"""Request dependencies: the server state and the caller, checked against the route's access.

Each route declares its access level once, with `access(level)`: the level is checked
on every request and also published in the OpenAPI schema as `x-orderdesk-access`, so
the authorization test can walk every route and know what answer to expect.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from orderdesk.sync.server import security
from orderdesk.sync.server.deskserver import ServerDesk
from orderdesk.sync.server.security import Principal

bearer = HTTPBearer(auto_error=False)
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


@dataclass
class ServerState:
    desk: ServerDesk
    server_id: str
    intake_station: str = "intake-api"


def state(request: Request) -> ServerState:
    return request.app.state.orderdesk


def desk_for(st: ServerState, *, user: Any = None, station: str = "api") -> ServerDesk:
    """The server desk acting for one caller: same engine and sessions, its own identity
    (services check the caller's permissions and audit under its name). Requests run on
    several threads, so the shared desk's identity is never changed."""
    desk = st.desk.__class__.__new__(st.desk.__class__)
    desk.__dict__.update(st.desk.__dict__)
    desk.user = user
    desk.station = station
    return desk


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(status_code=401, detail=message,
                         headers={"WWW-Authenticate": "Bearer"})


def _principal(request: Request, st: ServerState,
               creds: HTTPAuthorizationCredentials | None) -> Principal:
    if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
        raise _unauthorized("sign-in required / 需要登录")
    token = creds.credentials
    if len(token) > 200:
        raise _unauthorized("token invalid or expired / 令牌无效或已过期")
    with st.desk.read() as s:
        principal, touch = security.check_token(s, token)
    if principal is None:
        raise _unauthorized("token invalid or expired / 令牌无效或已过期")
    if touch:
        with st.desk.write() as s:
            security.touch_token(s, principal.token_hash or "")
    return principal


def access(level: str) -> dict[str, Any]:
    """Route keyword arguments: the check and its OpenAPI annotation."""
    if level == security.PUBLIC:
        dep: Any = None
    elif level == security.CHANNEL:
        dep = Depends(channel_caller)
    else:
        dep = Depends(_checker(level))
    return {"dependencies": [dep] if dep is not None else [],
            "openapi_extra": {"x-orderdesk-access": level}}


def _checker(level: str):  # type: ignore[no-untyped-def]
    def check(request: Request,
              creds: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Principal:
        st = state(request)
        principal = _principal(request, st, creds)
        if not principal.can(level):
            raise HTTPException(status_code=403,
                                detail=f"not allowed: needs {level} / 没有权限:需要 {level}")
        request.state.principal = principal
        return principal

    return check


def caller(request: Request) -> Principal:
    """The principal the route's access check found."""
    return request.state.principal


def channel_caller(request: Request, key: str | None = Depends(api_key_header)) -> Principal:
    if not key or len(key) > 200:
        raise HTTPException(status_code=401, detail="X-API-Key required / 需要 X-API-Key")
    st = state(request)
    with st.desk.read() as s:
        row = security.channel_by_key(s, key)
        channel = row.channel if row is not None else None
    if channel is None:
        raise HTTPException(status_code=401, detail="API key invalid / API 密钥无效")
    principal = Principal("channel", channel)
    request.state.principal = principal
    return principal
