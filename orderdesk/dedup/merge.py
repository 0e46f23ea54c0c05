"""Placeholder of merge while it is being built."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class MergeResult:
    order_id: str
    merged_order_id: str
    merged_order_no: str
    decision_id: str


def merge_draft(desk: Any, draft: Any, into_order_id: str) -> MergeResult:
    raise NotImplementedError("orderdesk.dedup.merge_draft is being built")
