"""Duplicate orders: find similar orders, flag imported ones, merge or keep.

Public interface (other modules import only these names):

- ``Probe``: what is known about an order being typed or imported.
- ``find_similar(desk, probe, limit=5) -> list[SimilarOrder]``: the live lookup.
- ``flag_new_orders(session, order_ids) -> int``: inside an import's write transaction,
  records possible-duplicate pairs for the review queue.
- ``merge_draft(desk, draft, into_order_id) -> MergeResult``: create the typed order and
  fold it into an existing one, in one undoable transaction (``undo_merge``).
- ``keep_typed``, ``keep_pair``, ``merge_pair``, ``undo_merge``, ``list_pairs``: the
  decisions the popup and the review queue make.
"""

from __future__ import annotations

from orderdesk.dedup.decisions import (
    OrderBrief,
    PairRow,
    count_open,
    keep_pair,
    keep_typed,
    list_pairs,
    reopen_pair,
    scan_orders,
)
from orderdesk.dedup.engine import SimilarOrder, explain, find_similar, flag_new_orders
from orderdesk.dedup.merge import (
    MergeResult,
    UndoResult,
    merge_draft,
    merge_orders,
    merge_pair,
    undo_merge,
)
from orderdesk.dedup.probe import Probe
from orderdesk.dedup.rules import Rules, get_rules, save_rules

__all__ = [
    "MergeResult", "OrderBrief", "PairRow", "Probe", "Rules", "SimilarOrder", "UndoResult",
    "count_open", "explain", "find_similar", "flag_new_orders", "get_rules", "keep_pair",
    "keep_typed", "list_pairs", "merge_draft", "merge_orders", "merge_pair", "reopen_pair",
    "save_rules", "scan_orders", "undo_merge",
]
