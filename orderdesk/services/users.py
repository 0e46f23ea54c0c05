"""Accounts: creation, password policy, sign-in with persistent lockout, roles."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from orderdesk import roles as role_defs
from orderdesk.desk import Desk, UserInfo
from orderdesk.errors import (
    AccountDisabled,
    AccountLocked,
    LoginFailed,
    NotFound,
    OrderdeskError,
    PermissionDenied,
    ValidationFailed,
    WeakPassword,
)
from orderdesk.models import User, UserRole, utcnow
from orderdesk.tracking import Actor, add_audit

MAX_FAILURES = 5
LOCK_MINUTES = 15
PASSWORD_MAX_AGE_DAYS = 90

_hasher = PasswordHasher()


@dataclass(frozen=True)
class UserRow:
    id: str
    username: str
    display_name: str
    roles: tuple[str, ...]
    active: bool
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None


def check_password_strength(password: str) -> None:
    """At least 8 characters from at least 3 of: lower, upper, digits, symbols (等保 I1)."""
    classes = sum(bool(re.search(p, password)) for p in (r"[a-z]", r"[A-Z]", r"\d", r"[^A-Za-z\d]"))
    if len(password) < 8 or classes < 3:
        raise WeakPassword(min_length=8, min_classes=3)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _info(user: User) -> UserInfo:
    return UserInfo(id=user.id, username=user.username, display_name=user.display_name,
                    roles=tuple(sorted(r.role for r in user.roles)))


def _row(user: User) -> UserRow:
    return UserRow(id=user.id, username=user.username, display_name=user.display_name,
                   roles=tuple(sorted(r.role for r in user.roles)), active=user.active,
                   locked_until=user.locked_until, last_login_at=user.last_login_at)


def _get(session: Session, username: str) -> User:
    user = session.scalars(select(User).options(selectinload(User.roles))
                           .where(User.username == username)).one_or_none()
    if user is None:
        raise NotFound(entity="user", key=username)
    return user


#: Reason code: nobody changes the roles of their own account.
OWN_ROLES = "own_roles"


def _refuse(desk: Desk, action: str, username: str, roles: list[str] | tuple[str, ...],
            error: OrderdeskError) -> None:
    """Record a refused account change in the audit trail (its own transaction), then raise."""
    with desk.write() as s:
        user_id = s.scalar(select(User.id).where(User.username == username))
        add_audit(s, action=action, entity="users", entity_id=user_id, field="roles",
                  new={"username": username, "roles": sorted(set(roles)),
                       "reason": error.facts.get("reason")},
                  outcome="refused")
    raise error


def _check_role_mix(desk: Desk, action: str, username: str,
                    roles: list[str] | tuple[str, ...]) -> None:
    """三权分立 (等保2.0 M1): at most one admin role, never with a business role."""
    if role_defs.role_mix(roles):
        _refuse(desk, action, username, roles,
                ValidationFailed(field="roles", value=sorted(set(roles)),
                                 reason=role_defs.ROLE_MIX))


def create_user(desk: Desk, username: str, display_name: str, password: str,
                roles: list[str] | tuple[str, ...], *, must_change: bool = False) -> UserInfo:
    desk.require("users.manage")
    username = username.strip()
    if not re.fullmatch(r"[A-Za-z0-9_.\-]{2,60}", username):
        raise ValidationFailed(field="username", value=username)
    unknown = set(roles) - set(role_defs.ROLES)
    if unknown:
        raise ValidationFailed(field="roles", value=sorted(unknown))
    _check_role_mix(desk, "create_user", username, roles)
    check_password_strength(password)
    with desk.write() as s:
        if s.scalar(select(User.id).where(User.username == username)):
            raise ValidationFailed(field="username", value=username, reason="exists")
        user = User(username=username, display_name=display_name or username,
                    password_hash=hash_password(password), password_changed_at=utcnow(),
                    must_change_password=must_change)
        s.add(user)
        s.flush()
        for role in roles:
            s.add(UserRole(user_id=user.id, role=role))
        s.flush()
        s.refresh(user, ["roles"])
        return _info(user)


def set_password(desk: Desk, username: str, password: str) -> None:
    if desk.user is None or desk.user.username != username:
        desk.require("users.manage")
    check_password_strength(password)
    with desk.write() as s:
        user = _get(s, username)
        user.password_hash = hash_password(password)
        user.password_changed_at = utcnow()
        user.must_change_password = False
        user.failed_logins = 0
        user.locked_until = None


def set_active(desk: Desk, username: str, active: bool) -> None:
    desk.require("users.manage")
    with desk.write() as s:
        _get(s, username).active = active


def set_roles(desk: Desk, username: str, roles: list[str]) -> None:
    """Replace an account's roles. Refused (and audited): one's own account, and any mix
    of roles one account may not hold (三权分立, `roles.role_mix`)."""
    desk.require("users.manage")
    unknown = set(roles) - set(role_defs.ROLES)
    if unknown:
        raise ValidationFailed(field="roles", value=sorted(unknown))
    if desk.user is not None and desk.user.username == username:
        _refuse(desk, "set_roles", username, roles,
                PermissionDenied(action="users.manage", user=username, reason=OWN_ROLES))
    _check_role_mix(desk, "set_roles", username, roles)
    with desk.write() as s:
        user = _get(s, username)
        current = {r.role: r for r in user.roles}
        for role, link in current.items():
            if role not in roles:
                s.delete(link)
        for role in roles:
            if role not in current:
                s.add(UserRole(user_id=user.id, role=role))


def list_users(desk: Desk) -> list[UserRow]:
    with desk.read() as s:
        users = s.scalars(select(User).options(selectinload(User.roles)).order_by(User.username))
        return [_row(u) for u in users]


def authenticate(desk: Desk, username: str, password: str) -> UserInfo:
    """Check a password; count failures per account and lock it after MAX_FAILURES.

    The failure count lives in the database, so restarts and parallel server workers
    cannot reset it. Every attempt, good or bad, is in the audit log.
    """
    now = utcnow()
    actor = Actor(user=username, station=desk.station)
    with desk.write(actor) as s:
        user = s.scalars(select(User).options(selectinload(User.roles))
                         .where(User.username == username)).one_or_none()
        if user is None:
            add_audit(s, action="login", entity="users", field="username", new=username,
                      outcome="unknown_user")
            error: Exception = LoginFailed(username=username)
        elif not user.active:
            add_audit(s, action="login", entity="users", entity_id=user.id, outcome="disabled")
            error = AccountDisabled(username=username)
        elif user.locked_until and user.locked_until > now:
            add_audit(s, action="login", entity="users", entity_id=user.id, outcome="locked")
            error = AccountLocked(username=username, until=user.locked_until)
        else:
            try:
                _hasher.verify(user.password_hash, password)
            except (VerificationError, InvalidHashError):
                user.failed_logins += 1
                if user.failed_logins >= MAX_FAILURES:
                    user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
                    user.failed_logins = 0
                    add_audit(s, action="lockout", entity="users", entity_id=user.id,
                              outcome="locked")
                add_audit(s, action="login", entity="users", entity_id=user.id,
                          outcome="bad_password")
                error = LoginFailed(username=username)
            else:
                user.failed_logins = 0
                user.locked_until = None
                user.last_login_at = now
                if _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = hash_password(password)
                age = now - (user.password_changed_at or now)
                if age > dt.timedelta(days=PASSWORD_MAX_AGE_DAYS):
                    user.must_change_password = True
                add_audit(s, action="login", entity="users", entity_id=user.id, outcome="ok")
                s.flush()
                return _info(user)
    # The failure is committed (count, lockout, audit) before the error leaves.
    raise error


def ensure_admin(desk: Desk, username: str, password: str, display_name: str = "") -> UserInfo:
    """Create the first system admin if there is no user yet (first start, scripts)."""
    with desk.read() as s:
        exists = s.scalar(select(User.id).limit(1))
    if exists:
        raise ValidationFailed(field="users", reason="already_initialised")
    return create_user(desk, username, display_name or username, password, ["sysadmin"])


def has_users(desk: Desk) -> bool:
    with desk.read() as s:
        return s.scalar(select(User.id).limit(1)) is not None
