"""Posts queued group-robot messages (WeCom 企业微信 / DingTalk 钉钉) with retries.

The core writes each message into the local `webhook_messages` table in the same
transaction as the escalation that caused it (orderdesk.pmc.green_channel), so nothing
is lost if the station crashes or the network is down. This sender takes the messages
that are due, posts each one, and records the outcome: a failure schedules the next try
with a growing back-off (green_channel.backoff); messages are never dropped.

Thread use: blocking network I/O. Run it on a worker (the UI's query pool from a
QTimer, or `WebhookThread` in a headless station/server), never on the GUI thread. One
sender per database at a time (the UI runs one timer per station).
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import Any

from orderdesk.desk import Desk
from orderdesk.pmc import green_channel

DEFAULT_TIMEOUT = 5.0


@dataclass(frozen=True)
class SendReport:
    sent: int
    failed: int
    errors: tuple[str, ...] = ()


def _outcome(response: Any) -> str | None:
    """None when the robot took the message, else why not.

    Both robots answer HTTP 200 with {"errcode": 0, "errmsg": "ok"}; a non-zero errcode
    (bad key, rate limit 45009, keyword check 310000...) means the message was refused.
    """
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    try:
        data = response.json()
    except ValueError:
        return None if not response.text.strip() else f"not JSON: {response.text[:80]}"
    if isinstance(data, dict) and data.get("errcode", 0) not in (0, "0"):
        return f"errcode {data.get('errcode')}: {data.get('errmsg', '')}"
    return None


class WebhookSender:
    # One lock for every sender in the process: two screens that both run the check
    # (the PMC board and a status-bar button) must not post the same message twice.
    _lock = threading.Lock()

    def __init__(self, desk: Desk, *, timeout: float = DEFAULT_TIMEOUT,
                 session: Any = None, link_for: Any = None) -> None:
        self.desk = desk
        self.timeout = timeout
        self._session = session
        # order_no -> share-link URL (or None); see orderdesk.share.robot.
        self.link_for = link_for

    def _with_share_link(self, item: Any) -> dict[str, Any]:
        from orderdesk.share import robot

        payload = item.payload
        if self.link_for is None or robot.has_link(payload):
            return payload
        try:
            order_no = robot.order_no_for_message(self.desk, item.id)
            url = self.link_for(order_no) if order_no else None
        except Exception:  # noqa: BLE001 - no server, no link: the message still goes out
            url = None
        if not url:
            return payload
        payload = robot.with_link(payload, url)
        robot.store_payload(self.desk, item.id, payload)  # a retry posts the same link
        return payload

    def _http(self) -> Any:
        if self._session is None:
            import requests

            self._session = requests.Session()
        return self._session

    def send_due(self, *, now: dt.datetime | None = None, limit: int = 20) -> SendReport:
        """Post every message that is due; never raises for network trouble."""
        import requests

        with self._lock:   # two timer ticks never post the same message twice
            items = green_channel.due_webhooks(self.desk, now=now, limit=limit)
            sent = failed = 0
            errors: list[str] = []
            for item in items:
                try:
                    response = self._http().post(item.url, json=self._with_share_link(item),
                                                 timeout=self.timeout)
                    error = _outcome(response)
                except requests.RequestException as exc:
                    error = f"{type(exc).__name__}: {exc}"[:300]
                green_channel.webhook_result(self.desk, item.id, ok=error is None,
                                             error=error, now=now)
                if error is None:
                    sent += 1
                else:
                    failed += 1
                    errors.append(error)
            return SendReport(sent=sent, failed=failed, errors=tuple(errors))


class WebhookThread(threading.Thread):
    """A headless station's or the server's sender loop: checks every `interval` s."""

    def __init__(self, desk: Desk, *, interval: float = 15.0, timeout: float = DEFAULT_TIMEOUT,
                 escalate: bool = True) -> None:
        super().__init__(name="orderdesk-webhooks", daemon=True)
        self.sender = WebhookSender(desk, timeout=timeout)
        self.desk = desk
        self.interval = interval
        self.escalate = escalate
        self.stop_event = threading.Event()

    def run(self) -> None:
        while not self.stop_event.is_set():
            try:
                if self.escalate:
                    green_channel.due_escalations(self.desk)
                self.sender.send_due()
            except Exception:  # noqa: BLE001 - a bad tick must not end the loop; retried next
                pass
            self.stop_event.wait(self.interval)

    def stop(self) -> None:
        self.stop_event.set()
