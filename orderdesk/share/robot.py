"""Share links in group-robot messages (WeCom / DingTalk escalations).

A robot message about an order gets a status-only link to it, so whoever reads it in the
group can open the order's live status on their phone. The link is made once, when the
message is first sent, and written into the stored message, so a retry posts the same
link instead of minting another. Making the link needs the server; when it cannot be
reached the message goes out without a link rather than waiting (an escalation must not
be held up by a convenience).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from orderdesk.desk import Desk
from orderdesk.models import Order
from orderdesk.models.rush import Notification, WebhookMessage

LINK_DAYS = 7
PRINT_DAYS = 90  # a delivery note or certificate the customer keeps
MARK = "/s/"


def order_no_for_message(desk: Desk, message_id: int) -> str | None:
    with desk.read() as s:
        row = s.execute(select(Order.order_no)
                        .join(Notification, Notification.order_id == Order.id)
                        .join(WebhookMessage, WebhookMessage.notification_id == Notification.id)
                        .where(WebhookMessage.id == message_id)).first()
        return row[0] if row else None


def _texts(payload: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """The (dict, key) pairs holding the message text, for text and markdown robots."""
    out = []
    for part, key in (("text", "content"), ("markdown", "content"), ("markdown", "text")):
        holder = payload.get(part)
        if isinstance(holder, dict) and isinstance(holder.get(key), str):
            out.append((holder, key))
    return out


def has_link(payload: dict[str, Any]) -> bool:
    return any(MARK in holder[key] for holder, key in _texts(payload))


def with_link(payload: dict[str, Any], url: str, lang: str = "zh") -> dict[str, Any]:
    out = json.loads(json.dumps(payload))
    label = "订单实时进度" if lang == "zh" else "Live order status"
    for holder, key in _texts(out):
        holder[key] = f"{holder[key]}\n{label}: {url}"
    return out


def store_payload(desk: Desk, message_id: int, payload: dict[str, Any]) -> None:
    with desk.write() as s:
        row = s.get(WebhookMessage, message_id)
        if row is not None:
            row.payload = json.dumps(payload, ensure_ascii=False)
