"""Accounts on the server (system admin only: users.manage). Nothing is ever deleted."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from orderdesk.desk import UserInfo
from orderdesk.services import users
from orderdesk.sync.server import security
from orderdesk.sync.server.deps import ServerState, access, caller, desk_for, state
from orderdesk.sync.server.schemas import PasswordIn, RolesIn, UserIn, UserOut

router = APIRouter(prefix="/api/users", tags=["users"])
MANAGE = "users.manage"


def _as(st: ServerState, request: Request):  # type: ignore[no-untyped-def]
    """The server desk acting as the caller, so services check and audit them."""
    who = caller(request)
    return desk_for(st, user=UserInfo(id="", username=who.name, display_name=who.name,
                                      roles=who.roles), station=who.station or "api")


def _out(row: users.UserRow) -> UserOut:
    return UserOut(username=row.username, display_name=row.display_name, roles=list(row.roles),
                   active=row.active, locked_until=row.locked_until,
                   last_login_at=row.last_login_at)


@router.get("", response_model=list[UserOut], **access(MANAGE))
def list_users(request: Request, st: ServerState = Depends(state)) -> list[UserOut]:
    return [_out(r) for r in users.list_users(_as(st, request))]


@router.post("", response_model=UserOut, status_code=201, **access(MANAGE))
def add_user(body: UserIn, request: Request, st: ServerState = Depends(state)) -> UserOut:
    desk = _as(st, request)
    info = users.create_user(desk, body.username, body.display_name, body.password, body.roles)
    return next(_out(r) for r in users.list_users(desk) if r.username == info.username)


@router.post("/{username}/password", status_code=204, **access(MANAGE))
def set_password(username: str, body: PasswordIn, request: Request,
                 st: ServerState = Depends(state)) -> None:
    users.set_password(_as(st, request), username, body.password)


@router.post("/{username}/disable", status_code=204, **access(MANAGE))
def disable(username: str, request: Request, st: ServerState = Depends(state)) -> None:
    users.set_active(_as(st, request), username, False)


@router.post("/{username}/enable", status_code=204, **access(MANAGE))
def enable(username: str, request: Request, st: ServerState = Depends(state)) -> None:
    users.set_active(_as(st, request), username, True)


@router.put("/{username}/roles", status_code=204, **access(MANAGE))
def set_roles(username: str, body: RolesIn, request: Request,
              st: ServerState = Depends(state)) -> None:
    users.set_roles(_as(st, request), username, body.roles)


@router.post("/{username}/unlock", status_code=204, **access(security.ACCOUNT_SECURITY))
def unlock(username: str, request: Request, st: ServerState = Depends(state)) -> None:
    """Clear the account's sign-in delay (security admin or system admin; audited)."""
    users.unlock_account(_as(st, request), username)


@router.post("/{username}/reset", status_code=204, **access(security.ACCOUNT_SECURITY))
def reset(username: str, body: PasswordIn, request: Request,
          st: ServerState = Depends(state)) -> None:
    """A new password that must be changed at the next sign-in (security admin or system
    admin; audited)."""
    users.reset_password(_as(st, request), username, body.password)
