"""One request ahead: pull pages are asked for with `held` (what the station has
applied), and a caller that stops early leaves no request running."""

from __future__ import annotations

import threading
import time
from typing import Any

from orderdesk.sync.client import _one_ahead, _pull_pages


class _Pages:
    """A server of three pull pages of 10 changes, recording what it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[int, int | None]] = []
        self.threads: set[str] = set()

    def pull(self, since: int, limit: int, held: int | None = None) -> dict[str, Any]:
        self.asked.append((since, held))
        self.threads.add(threading.current_thread().name)
        time.sleep(0.01)
        return {"changes": [], "next_cursor": since + 10, "head": 30,
                "has_more": since + 10 < 30}


def test_each_page_ahead_names_what_the_station_holds() -> None:
    server = _Pages()
    seen = [page["next_cursor"] for page in _one_ahead(_pull_pages(server, 0, 10))]
    assert seen == [10, 20, 30]
    # The page after a page still being applied: the station holds that page's start.
    assert server.asked == [(0, None), (10, 0), (20, 10)]
    assert all(name.startswith("orderdesk-ahead") for name in server.threads)


def test_a_caller_stopping_early_waits_for_the_request_under_way() -> None:
    server = _Pages()
    for page in _one_ahead(_pull_pages(server, 0, 10)):
        break
    before = len(server.asked)
    time.sleep(0.05)
    assert len(server.asked) == before <= 2  # nothing asked after the caller stopped
