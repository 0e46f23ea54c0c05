"""Who did a pushed change: the server believes only what it authenticated (issue 13).

The `user` of a pushed change is written by the station, so on its own it proves
nothing. Before any change of a push is applied (a plain push, or a large transaction
when its last piece arrives: both go through `check_push`), each change's acting person
must be one the server verified itself:

- **A person's token** (`/api/auth/login`) acts as that person only: every change must
  carry exactly that user name; a `system` or `demo` actor is refused too.
- **A station key** acts for the people signed in at that station. When a person signs
  in at a station and the server is reachable, the station exchanges the password once
  (`/api/auth/person`, with its station token) for a **person token** bound to that
  person *and* that station (only its SHA-256 is stored, like every token; valid
  `PERSON_TTL`, void once the password changes or the account is disabled). The station
  sends the tokens of the people whose changes a push carries in the `X-Orderdesk-People`
  header (`name:token, name:token`). A change by anyone else is refused, whole request
  (403, nothing stored). The `system` actor (command-line jobs at the station) is allowed
  on a station key only, and the authoriser limits it to catalogue data
  (`authorize.SYSTEM_ALLOWED`).
- **Offline sign-in**: a person who signed in while the server was away has no person
  token yet; the station keeps their changes in its outbox (they wait, in order) until it
  obtained one at the next contact (`sync.identity_client`).

Accounts and roles (`users`, `user_roles`) therefore change only for a person the server
verified against its own password hash, never on a station's word.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk import roles as role_defs
from orderdesk.models import User, UserRole, utcnow
from orderdesk.models.sync import AuthToken
from orderdesk.sync.server import security
from orderdesk.sync.server.authorize import SYSTEM_ACTORS
from orderdesk.sync.server.security import Principal

PEOPLE_HEADER = "X-Orderdesk-People"
PERSON = "person"
PERSON_TTL = dt.timedelta(days=14)
MAX_PEOPLE = 50

# Detail codes of an identity refusal.
ACTOR_MISMATCH = "actor_mismatch"
UNVERIFIED_PERSON = "unverified_person"
SYSTEM_ON_USER_TOKEN = "system_actor_on_user_token"


class IdentityRefused(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True)
class PersonGrant:
    token: str
    expires_at: dt.datetime


def issue_person_token(session: Session, username: str, station: str) -> PersonGrant:
    """A token that lets `station` push the changes of `username` (after the server
    checked the person's password)."""
    token = security.new_secret()
    now = utcnow()
    session.add(AuthToken(token_hash=security.digest(token), kind=PERSON, subject=username,
                          station=station, issued_at=now, expires_at=now + PERSON_TTL,
                          last_used_at=now))
    return PersonGrant(token, now + PERSON_TTL)


def parse_header(value: str | None) -> dict[str, str]:
    """`name:token, name:token` -> {name: token}; malformed parts are ignored."""
    found: dict[str, str] = {}
    for part in (value or "").split(",")[:MAX_PEOPLE]:
        name, sep, token = part.strip().partition(":")
        if sep and name and token and len(name) <= 60 and len(token) <= 200:
            found[name] = token
    return found


def verified_people(session: Session, station: str, tokens: dict[str, str]) -> frozenset[str]:
    """The people whose person token is valid for this station right now."""
    now = utcnow()
    good = set()
    for name, token in tokens.items():
        row = session.get(AuthToken, security.digest(token))
        if (row is None or row.kind != PERSON or row.revoked or row.expires_at <= now
                or row.subject != name or row.station != station):
            continue
        user = session.execute(select(User.id, User.active, User.password_changed_at)
                               .where(User.username == name)).first()
        if user is None or not user.active:
            continue
        if user.password_changed_at is not None and user.password_changed_at > row.issued_at:
            continue  # the password changed since: the person must sign in again
        good.add(name)
    return frozenset(good)


@dataclass(frozen=True)
class Caller:
    """Who pushes: the authenticated principal and the people it proved."""

    principal: Principal
    people: frozenset[str]


_current: contextvars.ContextVar[Caller | None] = contextvars.ContextVar(
    "orderdesk_push_caller", default=None)


def actor_refusal(caller: Caller, user: str | None) -> str | None:
    """None when `user` may be the actor of a change this caller pushes, else why not.

    Decision for the system actors: on a station key they are the station's own
    command-line jobs; on a person's token they are the jobs of the station that person
    syncs from the command line. Either way the authoriser allows them catalogue data
    only (`authorize.SYSTEM_ALLOWED`: no orders, prices, settings or accounts)."""
    principal = caller.principal
    if user is None or user in SYSTEM_ACTORS:
        return None  # `no_user` / the system rule of the authoriser decide
    if principal.kind == "user":
        if user != principal.name:
            return (f"{ACTOR_MISMATCH}: the change names {user!r}, the token is "
                    f"{principal.name!r}")
        return None
    if principal.kind == "station":
        if user not in caller.people:
            return (f"{UNVERIFIED_PERSON}: {user!r} is not signed in at station "
                    f"{principal.station!r} (no valid person token)")
        return None
    return f"{ACTOR_MISMATCH}: a {principal.kind} caller does not push"


def current() -> Caller | None:
    """The caller of the push being applied (None: a server-side job, trusted)."""
    return _current.get()


def caller_of(session: Session, request: Any) -> Caller:
    principal: Principal = request.state.principal
    people: frozenset[str] = frozenset()
    if principal.kind == "station":
        people = verified_people(session, principal.station or principal.name,
                                 parse_header(request.headers.get(PEOPLE_HEADER)))
    return Caller(principal, people)


@contextlib.contextmanager
def acting(session: Session, request: Any) -> Iterator[Caller]:
    """Apply a push (or a whole staged transaction) as this request's caller: the
    authoriser refuses every change whose actor the caller did not prove."""
    caller = caller_of(session, request)
    token = _current.set(caller)
    try:
        yield caller
    finally:
        _current.reset(token)


def check_actors(caller: Caller, users: Iterable[str | None]) -> None:
    """Raise IdentityRefused for the first actor the caller did not prove."""
    for user in users:
        refusal = actor_refusal(caller, user)
        if refusal is not None:
            raise IdentityRefused(refusal)


def has_business_role(session: Session, username: str) -> tuple[bool, tuple[str, ...]]:
    user_id = session.scalar(select(User.id).where(User.username == username))
    roles = tuple(sorted(session.scalars(select(UserRole.role)
                                         .where(UserRole.user_id == user_id))))
    return bool(set(roles) & role_defs.BUSINESS_ROLES), roles
