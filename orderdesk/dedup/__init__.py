"""Duplicate orders: find similar orders, flag imported ones, merge or keep.

Public interface (other modules import only these names):

- ``Probe``: what is known about an order being typed or imported.
- ``find_similar(desk, probe, limit=5) -> list[SimilarOrder]``: the live lookup.
- ``flag_new_orders(session, order_ids) -> int``: inside an import's write transaction,
  records possible-duplicate pairs for the review queue.
- ``merge_draft(desk, draft, into_order_id) -> MergeResult``: create the typed order and
  fold it into an existing one, in one undoable transaction.
"""

from __future__ import annotations

from orderdesk.dedup.probe import Probe
from orderdesk.dedup.engine import SimilarOrder, find_similar, flag_new_orders
from orderdesk.dedup.merge import MergeResult, merge_draft

__all__ = [
    "MergeResult", "Probe", "SimilarOrder", "find_similar", "flag_new_orders", "merge_draft",
]
