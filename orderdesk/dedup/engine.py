"""Placeholder of the duplicate engine while it is being built (replaced within the hour)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from orderdesk.dedup.probe import Probe


@dataclass(frozen=True)
class SimilarOrder:
    order_id: str
    order_no: str
    channel: str
    channel_order_no: str | None
    order_time: dt.datetime
    quantity: Decimal | None
    status_sales: str
    status_warehouse: str
    score: float
    reasons: tuple[tuple[str, Any], ...]
    explanation: str


def find_similar(desk: Any, probe: Probe, limit: int = 5) -> list[SimilarOrder]:
    """Orders that may be the same real order as the probe, best first (placeholder: none)."""
    return []


def flag_new_orders(session: Any, order_ids: list[str]) -> int:
    """Record possible-duplicate pairs for the review queue (placeholder: flags none)."""
    return 0
