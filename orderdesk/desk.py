"""The facade every screen, command and server route goes through.

A Desk owns the engine and session factory of one database and knows who is working
at which station. Services are module functions that take the desk first; they return
frozen dataclasses, never ORM objects, so results can cross threads safely.

Thread use: a Desk may be shared by threads. Each read()/write() opens its own session;
the UI serialises writes on a single worker so SQLite never sees two writers at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from orderdesk import db, roles
from orderdesk.errors import DatabaseLocked, PermissionDenied
from orderdesk.ids import uuid7
from orderdesk.tracking import Actor


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    display_name: str
    roles: tuple[str, ...]

    @property
    def pages(self) -> list[str]:
        return roles.pages_for(self.roles)

    def can(self, action: str) -> bool:
        return roles.can(self.roles, action)


class Desk:
    def __init__(self, database: str | Path, *, station: str = "local", migrate: bool = True,
                 engine: Engine | None = None) -> None:
        self.url = db.url_for(database)
        self.engine = engine or db.make_engine(self.url)
        if migrate:
            db.upgrade(self.engine)
        else:
            db.check_readable(self.engine)
        self._write_engine = self.engine.execution_options(**{db.WRITE_OPTION: True})
        self._sessions = db.make_sessionmaker(self.engine)
        self.station = station
        self.user: UserInfo | None = None

    # -- identity -----------------------------------------------------------------
    @property
    def actor(self) -> Actor:
        return Actor(user=self.user.username if self.user else "system", station=self.station)

    def sign_in(self, user: UserInfo | None) -> None:
        self.user = user

    def require(self, action: str) -> None:
        """Raise PermissionDenied unless the signed-in user may do this.

        A desk with nobody signed in is a command-line or server process acting as the
        system; its callers check permissions themselves.
        """
        if self.user is not None and not self.user.can(action):
            raise PermissionDenied(action=action, user=self.user.username)

    # -- sessions -----------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        finally:
            # close() ends the transaction without expiring what was loaded, so plain
            # values read inside stay readable after the block.
            session.close()

    @contextmanager
    def write(self, actor: Actor | None = None, *, sync_apply: bool = False) -> Iterator[Session]:
        """One transaction: the change, its audit rows and its outbox rows, or nothing."""
        session = self._sessions(bind=self._write_engine)
        session.info["actor"] = actor or self.actor
        session.info["tx_id"] = uuid7()
        session.info["sync_apply"] = sync_apply
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise DatabaseLocked(url=self.url) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
