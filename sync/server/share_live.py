"""Wakes open share pages when something they might show has changed.

One hub per server process. Its task reads two marks every `POLL` seconds: the change
log's head (every station's push and every server write moves it) and the link
revocation mark (a revoke from the command line or another worker moves it). When either
moves, every waiting stream wakes once and re-renders its own view. So 200 open pages
cost two small queries per tick while nothing happens, not 200; the hub reads the
database, so it works across uvicorn workers and after a revoke made elsewhere.

Runs on the server's event loop; the database reads go to the thread pool.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

from starlette.concurrency import run_in_threadpool

from orderdesk.share import links
from orderdesk.sync.server import store

log = logging.getLogger("orderdesk.share")

POLL = float(os.environ.get("ORDERDESK_SHARE_POLL", "0.5"))


class LiveHub:
    def __init__(self, desk: Any) -> None:
        self.desk = desk
        self.version = 0
        self.head = 0
        self._mark: Any = None
        self._changed = asyncio.Event()
        self._task: asyncio.Task | None = None
        self.streams = 0

    def _read(self) -> tuple[int, Any]:
        with self.desk.read() as s:
            return store.head(s), links.revocation_mark(s)

    def ensure_started(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        try:
            self.head, self._mark = await run_in_threadpool(self._read)
        except Exception:  # noqa: BLE001 - the first read is retried below
            log.exception("share hub: first read failed")
        while True:
            await asyncio.sleep(POLL)
            try:
                head, mark = await run_in_threadpool(self._read)
            except Exception:  # noqa: BLE001 - a database hiccup must not stop live pages
                log.warning("share hub: read failed; retrying", exc_info=True)
                continue
            if head != self.head or mark != self._mark:
                self.head, self._mark = head, mark
                self.version += 1
                woke, self._changed = self._changed, asyncio.Event()
                woke.set()

    async def wait(self, seen_version: int, timeout: float) -> bool:
        """True as soon as the hub moved past `seen_version`, False after `timeout`."""
        if self.version != seen_version:
            return True
        event = self._changed
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except asyncio.TimeoutError:
            return self.version != seen_version
        return True
