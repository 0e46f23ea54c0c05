"""Accounts: creation, password policy, sign-in (constant time, throttled), roles."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

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

PASSWORD_MAX_AGE_DAYS = 90

_hasher = PasswordHasher()
#: Verified for names that have no account, so they take as long as real ones.
_DUMMY_HASH = _hasher.hash("orderdesk: no such account")


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


#: Reason code: the change would leave no active system administrator.
LAST_SYSADMIN = "last_sysadmin"


def active_sysadmins(s: Session, *, without: str | None = None) -> int:
    """Active accounts holding sysadmin (optionally not counting one user id)."""
    from sqlalchemy import func

    query = (select(func.count(User.id.distinct())).join(UserRole, UserRole.user_id == User.id)
             .where(UserRole.role == "sysadmin", User.active.is_(True)))
    if without is not None:
        query = query.where(User.id != without)
    return s.scalar(query) or 0


def _guard_last_sysadmin(desk: Desk, action: str, username: str, roles: list[str] | tuple[str, ...],
                         *, disabling: bool) -> None:
    """Refuse (audited) to disable or demote the last active system administrator: nobody
    could manage accounts any more."""
    with desk.read() as s:
        user = _get(s, username)
        held = {r.role for r in user.roles}
        losing = user.active and "sysadmin" in held and (disabling or "sysadmin" not in roles)
        if not losing or active_sysadmins(s, without=user.id) > 0:
            return
    _refuse(desk, action, username, roles,
            PermissionDenied(action="users.manage", user=username, reason=LAST_SYSADMIN))


def set_active(desk: Desk, username: str, active: bool) -> None:
    desk.require("users.manage")
    if not active:
        with desk.read() as s:
            held = tuple(r.role for r in _get(s, username).roles)
        _guard_last_sysadmin(desk, "set_active", username, held, disabling=True)
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
    _guard_last_sysadmin(desk, "set_roles", username, roles, disabling=False)
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


def authenticate(desk: Desk, username: str, password: str, *,
                 address: str | None = None) -> UserInfo:
    """Check a password, the same way for every name (等保 I1/I3, issue 13).

    - One answer until the password is right: unknown, disabled and wrong all verify
      one argon2 hash (a dummy one for unknown names) and raise `LoginFailed`; only the
      right password of a disabled account learns `AccountDisabled`.
    - No hard lockout anyone can trigger: failures per account name (known or not) and
      per source address grow a delay (`throttle_delay`); while it runs the attempt is
      answered `LoginThrottled` (with the seconds to wait) without checking the password.
      An address the account signed in from before is exempt from the account's delay
      (a stranger's failures cannot lock its owner out), never from its own.
    - A station checks a person synced from the server against the offline material the
      server gave this station (`OfflineVerifier`), never against the server's hash.

    The counters live in the database (restarts and parallel workers cannot reset them).
    Every attempt is in the audit log, with its real outcome (the trail may tell what the
    caller may not).
    """
    from orderdesk.models.security import OfflineVerifier

    now = utcnow()
    name = (username or "")[:60]
    addr = (address or "local")[:100]
    actor = Actor(user=name, station=desk.station)
    error: Exception
    if address is None and ONLINE_SIGN_IN is not None and _needs_server(desk, name):
        # A station with no usable material for this person (an account synced from the
        # server, no hash here): the server checks the password and, for business roles,
        # sends this station's offline material (stored by the hook).
        ONLINE_SIGN_IN(desk, name, password)
    with desk.write(actor) as s:
        wait = _throttle_wait(s, name, addr, now)
        if wait is not None:
            add_audit(s, action="login", entity="users", field="username", new=name,
                      outcome="throttled")
            error = LoginThrottled(username=name, until=now + wait,
                                   seconds=max(1, int(wait.total_seconds() + 0.999)))
        else:
            user = s.scalars(select(User).options(selectinload(User.roles))
                             .where(User.username == name)).one_or_none()
            offline = s.get(OfflineVerifier, name) if user is not None else None
            if user is not None and offline is not None and _verifier_current(offline, user):
                # Stored as "<station name the server made it for>\n<argon2 hash>".
                bound, _sep, stored = offline.verifier.rpartition("\n")
                given = offline_secret(bound or desk.station, password)
            else:
                stored = user.password_hash if user is not None else _DUMMY_HASH
                given = password
            ok = _verify(stored, given) and user is not None
            if not ok and user is not None and address is None and _take_online_proof(desk, name):
                ok = True  # the server checked the password a moment ago (see ONLINE_SIGN_IN)
            if not ok:
                _count_failure(s, name, addr, now, user)
                add_audit(s, action="login", entity="users",
                          entity_id=user.id if user is not None else None,
                          field=None if user is not None else "username",
                          new=None if user is not None else name,
                          outcome="bad_password" if user is not None else "unknown_user")
                error = LoginFailed(username=name)
            elif not user.active:
                add_audit(s, action="login", entity="users", entity_id=user.id,
                          outcome="disabled")
                error = AccountDisabled(username=name)
            else:
                _count_success(s, name, addr, now, user)
                user.last_login_at = now
                if (stored == user.password_hash and stored.startswith("$argon2")
                        and _hasher.check_needs_rehash(stored)):
                    user.password_hash = hash_password(password)
                age = now - (user.password_changed_at or now)
                if age > dt.timedelta(days=PASSWORD_MAX_AGE_DAYS):
                    user.must_change_password = True
                add_audit(s, action="login", entity="users", entity_id=user.id, outcome="ok")
                s.flush()
                if address is None:
                    _remember_for_proof(desk, name, password)
                return _info(user)
    # The failure is committed (counters, audit) before the error leaves.
    raise error


# ---- sign-in throttle -----------------------------------------------------------------

#: Failures in a row before the first delay, per account name and per source address.
MAX_FAILURES = 5
MAX_FAILURES_PER_ADDRESS = 20
#: The first delay; it doubles with each further failure, up to MAX_DELAY.
FIRST_DELAY = dt.timedelta(seconds=30)
MAX_DELAY = dt.timedelta(minutes=15)
#: A throttle row untouched this long starts again from zero.
FORGET_AFTER = dt.timedelta(hours=24)
KNOWN_FOR = dt.timedelta(days=90)

class LoginThrottled(AccountLocked):
    """Too many failed sign-ins for this name or from this address: no password is
    checked before `until` (`seconds` from now). Same code and words as a lock, so the
    desktop shows it as one; the server answers 429 with Retry-After."""


def throttle_delay(failures: int, limit: int) -> dt.timedelta:
    """The wait after `failures` failures in a row: none below `limit`, then
    FIRST_DELAY, doubling with each further failure up to MAX_DELAY."""
    over = failures - limit
    if over < 0:
        return dt.timedelta(0)
    return min(FIRST_DELAY * (2 ** min(over, 20)), MAX_DELAY)


def _keys(name: str, addr: str) -> tuple[str, str, str]:
    return f"user:{name}", f"addr:{addr}", f"known:{name}|{addr}"


def _throttle_wait(s: Session, name: str, addr: str,
                   now: dt.datetime) -> dt.timedelta | None:
    from orderdesk.models.security import LoginThrottle

    user_key, addr_key, known_key = _keys(name, addr)
    rows = {r.key: r for r in s.scalars(select(LoginThrottle).where(
        LoginThrottle.key.in_([user_key, addr_key, known_key])))}
    known = rows.get(known_key)
    exempt = known is not None and now - known.last_at < KNOWN_FOR
    waits = []
    for key in (addr_key,) if exempt else (addr_key, user_key):
        row = rows.get(key)
        if row is not None and row.next_at is not None and row.next_at > now:
            waits.append(row.next_at - now)
    if not waits:
        return None
    return max(waits)


def _bump(s: Session, key: str, limit: int, now: dt.datetime) -> Any:
    from orderdesk.models.security import LoginThrottle

    row = s.get(LoginThrottle, key)
    if row is None:
        row = LoginThrottle(key=key, failures=0, last_at=now)
        s.add(row)
    elif now - row.last_at > FORGET_AFTER:
        row.failures = 0
    row.failures += 1
    row.last_at = now
    delay = throttle_delay(row.failures, limit)
    row.next_at = now + delay if delay else None
    return row


def _count_failure(s: Session, name: str, addr: str, now: dt.datetime,
                   user: User | None) -> None:
    user_key, addr_key, _known = _keys(name, addr)
    _bump(s, addr_key, MAX_FAILURES_PER_ADDRESS, now)
    row = _bump(s, user_key, MAX_FAILURES, now)
    if user is not None:
        # Shown on the admin page (local-only columns, never synced).
        user.failed_logins = row.failures
        user.locked_until = row.next_at
        if row.failures == MAX_FAILURES:
            add_audit(s, action="lockout", entity="users", entity_id=user.id,
                      outcome="throttled")
    # Forget old rows now and then, so guessed names cannot fill the table.
    if row.failures == 1:
        from sqlalchemy import delete

        from orderdesk.models.security import LoginThrottle

        s.execute(delete(LoginThrottle).where(LoginThrottle.last_at < now - KNOWN_FOR))


def _count_success(s: Session, name: str, addr: str, now: dt.datetime, user: User) -> None:
    from sqlalchemy import delete

    from orderdesk.models.security import LoginThrottle

    user_key, _addr_key, known_key = _keys(name, addr)
    s.execute(delete(LoginThrottle).where(LoginThrottle.key == user_key))
    known = s.get(LoginThrottle, known_key)
    if known is None:
        s.add(LoginThrottle(key=known_key, failures=0, last_at=now))
    else:
        known.last_at = now
    user.failed_logins = 0
    user.locked_until = None


def _verify(stored: str | None, given: str) -> bool:
    """One argon2 verification, also for a missing or malformed hash (same time)."""
    try:
        return _hasher.verify(stored or _DUMMY_HASH, given)
    except InvalidHashError:
        try:
            _hasher.verify(_DUMMY_HASH, given)
        except (VerificationError, InvalidHashError):
            pass
        return False
    except VerificationError:
        return False


# ---- sign-in at a station through the server --------------------------------------

#: Installed by the station's sync layer when a server and a station key are configured
#: (`sync.identity_client.install_online_sign_in`): `(desk, name, password) -> None`; it
#: asks the server, and on success stores the person token and offline material. The
#: core never speaks HTTP itself.
ONLINE_SIGN_IN: Any = None

#: The password hash a station holds for an account synced from the server.
NO_HASH = "!"


def _needs_server(desk: Desk, username: str) -> bool:
    from orderdesk.models.security import OfflineVerifier

    with desk.read() as s:
        user = s.scalars(select(User).where(User.username == username)).one_or_none()
        if user is None or user.password_hash != NO_HASH:
            return False
        offline = s.get(OfflineVerifier, username)
        return offline is None or not _verifier_current(offline, user)


def online_proof_ok(desk: Desk, username: str) -> None:
    """The hook's mark that the server verified this person just now (admin roles: no
    offline material, so this one sign-in is let through on the server's word)."""
    _VERIFIED_ONLINE.setdefault(str(getattr(desk, "url", id(desk))), set()).add(username)


_VERIFIED_ONLINE: dict[str, set[str]] = {}


def _take_online_proof(desk: Desk, username: str) -> bool:
    found = _VERIFIED_ONLINE.get(str(getattr(desk, "url", id(desk))), set())
    if username in found:
        found.discard(username)
        return True
    return False


# ---- proof at the server of who signed in here ------------------------------------

#: {database url: {name: password}}: people signed in at this station (the desktop)
#: whose password the sync client has not yet exchanged for a person token. Process
#: memory only, never written anywhere; emptied by `proof_done` (sync.identity_client).
_AWAITING: dict[str, dict[str, str]] = {}


def _remember_for_proof(desk: Desk, username: str, password: str) -> None:
    _AWAITING.setdefault(str(getattr(desk, "url", id(desk))), {})[username] = password


def awaiting_proof(desk: Desk) -> dict[str, str]:
    return dict(_AWAITING.get(str(getattr(desk, "url", id(desk))), {}))


def proof_done(desk: Desk, username: str) -> None:
    _AWAITING.get(str(getattr(desk, "url", id(desk))), {}).pop(username, None)


# ---- offline sign-in material (a station's, for its own people) ---------------------

def offline_secret(station: str, password: str) -> str:
    """What the offline verifier hashes: the password bound to one station's name, so the
    material differs from the server's hash and from every other station's."""
    return f"orderdesk-offline|{station}|{password}"


def make_offline_verifier(station: str, password: str) -> str:
    return _hasher.hash(offline_secret(station, password))


def _stamp(value: dt.datetime | None) -> str | None:
    return value.replace(microsecond=0).isoformat() if value else None


def _verifier_current(row: Any, user: User) -> bool:
    return row.password_changed_at == _stamp(user.password_changed_at)


def store_offline_verifier(desk: Desk, username: str, verifier: str,
                           password_changed_at: str | None, station: str | None = None) -> None:
    """Station side: keep the material the server sent for a person of this station
    (made for the station name the station syncs as)."""
    from orderdesk.models.security import OfflineVerifier

    if station:
        verifier = f"{station}\n{verifier}"

    with desk.write() as s:
        row = s.get(OfflineVerifier, username)
        if row is None:
            s.add(OfflineVerifier(username=username, verifier=verifier,
                                  password_changed_at=password_changed_at))
        else:
            row.verifier = verifier
            row.password_changed_at = password_changed_at
            row.issued_at = utcnow()


def password_stamp(desk: Desk, username: str) -> str | None:
    """The account's password_changed_at as offline material records it."""
    with desk.read() as s:
        return _stamp(s.scalar(select(User.password_changed_at)
                               .where(User.username == username)))


# ---- administration of sign-in ------------------------------------------------------

def _require_any(desk: Desk, *actions: str) -> None:
    if desk.user is not None and not any(desk.user.can(a) for a in actions):
        raise PermissionDenied(action=" / ".join(actions), user=desk.user.username)


def unlock_account(desk: Desk, username: str) -> None:
    """Clear an account's sign-in delay (admin page, `orderdesk user unlock`); audited.

    Allowed to the security admin (users.security) and the system admin (users.manage)."""
    from sqlalchemy import delete

    from orderdesk.models.security import LoginThrottle

    _require_any(desk, "users.security", "users.manage")
    with desk.write() as s:
        user = _get(s, username)
        s.execute(delete(LoginThrottle).where(LoginThrottle.key == f"user:{username}"))
        was = user.locked_until
        user.failed_logins = 0
        user.locked_until = None
        add_audit(s, action="unlock", entity="users", entity_id=user.id,
                  field="locked_until", old=was, new=None)


def reset_password(desk: Desk, username: str, new_password: str) -> None:
    """Give an account a new password that must be changed at its next sign-in; the
    delay is cleared too. Security admin or system admin; audited (the hash never is)."""
    from sqlalchemy import delete

    from orderdesk.models.security import LoginThrottle

    _require_any(desk, "users.security", "users.manage")
    check_password_strength(new_password)
    with desk.write() as s:
        user = _get(s, username)
        user.password_hash = hash_password(new_password)
        user.password_changed_at = utcnow()
        user.must_change_password = True
        user.failed_logins = 0
        user.locked_until = None
        s.execute(delete(LoginThrottle).where(LoginThrottle.key == f"user:{username}"))
        add_audit(s, action="reset_password", entity="users", entity_id=user.id,
                  field="must_change_password", new=True)


def locked_accounts(desk: Desk) -> list[tuple[str, dt.datetime]]:
    """Accounts whose sign-in is delayed now, with until when (for the admin page)."""
    now = utcnow()
    with desk.read() as s:
        return [(u, t) for u, t in s.execute(select(User.username, User.locked_until)
                                             .where(User.locked_until > now)
                                             .order_by(User.username))]


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
