"""The server's Desk: every write serialised, and the server's own writes published.

- On PostgreSQL each write transaction takes one transaction-scoped advisory lock at
  BEGIN (SQLite gets the same from BEGIN IMMEDIATE), so any number of uvicorn workers
  hand out change sequences in commit order and extend one audit hash chain.
- A write made on the server itself (intake API, user admin) leaves outbox rows like
  any station write; before it commits they are moved into the change log, so stations
  pull them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

from orderdesk.desk import Desk
from orderdesk.tracking import Actor

# Writes to PostgreSQL queue on the advisory lock orderdesk.db.make_engine installs.
SERVER_ORDER_PREFIX = "00"


class ServerDesk(Desk):
    def __init__(self, database: str, *, migrate: bool = True, **kwargs: Any) -> None:
        super().__init__(database, station="server", migrate=migrate, **kwargs)
        self.dialect = self.engine.dialect.name
        # Orders made on the server (intake API) are numbered SO-YYYY-00NNNNNN; stations
        # get 01, 02... at registration, so numbers made apart never clash.
        self._sessions.configure(info={"order_no_prefix": SERVER_ORDER_PREFIX})

    @contextmanager
    def write(self, actor: Actor | None = None, *, sync_apply: bool = False) -> Iterator[Session]:
        from orderdesk.sync.server import store

        with super().write(actor, sync_apply=sync_apply) as session:
            yield session
            session.flush()
            store.publish_outbox(session)
