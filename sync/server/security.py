"""Who is calling: bearer tokens for users and stations, API keys for channels.

Tokens and keys are 32 random bytes; only their SHA-256 is stored (a fast hash is
enough for random secrets, unlike passwords). User tokens are short-lived: they expire
after `USER_IDLE` without use and after `USER_MAX` in any case (等保 I2 idle timeout).
Nothing here logs a secret.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from orderdesk import roles as role_defs
from orderdesk.ids import uuid7
from orderdesk.models import User, UserRole, utcnow
from orderdesk.models.sync import ApiKey, AuthToken, SyncStation

USER_IDLE = dt.timedelta(minutes=30)
USER_MAX = dt.timedelta(hours=8)
STATION_TTL = dt.timedelta(hours=1)
TOUCH_EVERY = dt.timedelta(seconds=60)

#: Access levels a route can require besides a role action.
PUBLIC = "public"
AUTHENTICATED = "authenticated"
SYNC = "sync"
CHANNEL = "channel"
#: A registered station's own token only (it asks the server to prove its people).
STATION = "station"
#: Either of two role actions (e.g. unlock: the security or the system admin).
ACCOUNT_SECURITY = "users.security|users.manage"


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Principal:
    kind: str  # user / station / channel
    name: str
    roles: tuple[str, ...] = ()
    station: str | None = None
    token_hash: str | None = None

    def can(self, access: str) -> bool:
        if access == PUBLIC:
            return True
        if access == AUTHENTICATED:
            return self.kind in ("user", "station")
        if access == CHANNEL:
            return self.kind == "channel"
        if access == SYNC:
            # A registered station, or a person with a business role syncing their own
            # station from the command line.
            return self.kind == "station" or (
                self.kind == "user" and bool(set(self.roles) & role_defs.BUSINESS_ROLES))
        if access == STATION:
            return self.kind == "station"
        return self.kind == "user" and any(role_defs.can(self.roles, a)
                                           for a in access.split("|"))


def issue_token(session: Session, *, kind: str, subject: str, station: str | None) -> tuple[str, dt.datetime]:
    token = new_secret()
    now = utcnow()
    expires = now + (USER_IDLE if kind == "user" else STATION_TTL)
    session.add(AuthToken(token_hash=digest(token), kind=kind, subject=subject, station=station,
                          issued_at=now, expires_at=expires, last_used_at=now))
    return token, expires


def check_token(session: Session, token: str) -> tuple[Principal | None, bool]:
    """The principal for a token (None if unknown, expired or revoked) and whether the
    token's idle clock should be pushed forward (a write the caller may do)."""
    row = session.get(AuthToken, digest(token))
    now = utcnow()
    if row is None or row.revoked or row.expires_at <= now:
        return None, False
    if row.kind not in ("user", "station"):
        return None, False  # a person token proves a person to a station's push only
    if row.kind == "user":
        user = session.scalars(select(User).where(User.username == row.subject)).one_or_none()
        if user is None or not user.active:
            return None, False
        roles = tuple(sorted(session.scalars(select(UserRole.role)
                                             .where(UserRole.user_id == user.id))))
        principal = Principal("user", row.subject, roles, row.station, row.token_hash)
    else:
        station = session.scalars(select(SyncStation).where(SyncStation.name == row.subject)
                                  ).one_or_none()
        if station is None or not station.active:
            return None, False
        principal = Principal("station", row.subject, (), row.subject, row.token_hash)
    touch = row.kind == "user" and (row.last_used_at is None
                                    or now - row.last_used_at > TOUCH_EVERY)
    return principal, touch


def touch_token(session: Session, token_hash: str) -> None:
    row = session.get(AuthToken, token_hash)
    if row is None:
        return
    now = utcnow()
    row.last_used_at = now
    row.expires_at = min(now + USER_IDLE, row.issued_at + USER_MAX)


def revoke(session: Session, token_hash: str) -> None:
    session.execute(update(AuthToken).where(AuthToken.token_hash == token_hash)
                    .values(revoked=True))


def station_by_key(session: Session, name: str, key: str) -> SyncStation | None:
    station = session.scalars(select(SyncStation).where(SyncStation.name == name)).one_or_none()
    if station is None or not station.active or station.key_hash is None:
        return None
    if not secrets.compare_digest(station.key_hash, digest(key)):
        return None
    return station


def channel_by_key(session: Session, key: str) -> ApiKey | None:
    row = session.scalars(select(ApiKey).where(ApiKey.key_hash == digest(key))).one_or_none()
    if row is None or not row.active:
        return None
    return row


def new_api_key(session: Session, channel: str, created_by: str) -> tuple[str, ApiKey]:
    key = "odk_" + new_secret()
    row = ApiKey(id=uuid7(), channel=channel, key_hash=digest(key), prefix=key[:10],
                 created_by=created_by)
    session.add(row)
    return key, row
