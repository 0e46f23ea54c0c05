"""Rules checked against decisions: how a set of rules would score the pairs people have
already merged or kept.

A merged pair is a duplicate by the word of the person who merged it, a kept pair is two
orders. Scoring those pairs again with the current (or a proposed) rules gives precision
and recall on decided pairs, the misses (merged, yet scored below the flag threshold) and
the false alarms (kept, yet scored at or above it). A manager sees this for a changed
setting before saving it.

Merged orders are scored as they were before the merge: the lines and fields the merge
moved or filled are put back in memory from its recorded moves (nothing is written).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk.dedup.engine import Side, explain, load_sides, score_pair
from orderdesk.dedup.keys import catalog_index, chunks
from orderdesk.dedup.rules import Rules, load_rules
from orderdesk.models import DuplicatePair, MergeMove, OrderChannelRef, OrderLine, Product
from orderdesk.normalize import address_norm, phone_norm


@dataclass(frozen=True)
class DecidedPair:
    pair_id: str
    decision: str  # "merged" or "kept"
    score: float
    flagged: bool  # would these rules flag it (score >= flag threshold)?
    shown: bool  # would the popup show it (score >= show threshold)?
    order_a: str
    order_b: str
    channel_a: str
    channel_b: str
    explanation: str
    decided_by: str | None
    decided_at: dt.datetime | None


@dataclass(frozen=True)
class RulesCheck:
    rules: Rules
    merged: int
    kept: int
    hits: int  # merged and flagged
    misses: tuple[DecidedPair, ...]  # merged, not flagged
    false_alarms: tuple[DecidedPair, ...]  # kept, flagged
    pairs: tuple[DecidedPair, ...] = field(default=())

    @property
    def precision(self) -> float | None:
        flagged = self.hits + len(self.false_alarms)
        return self.hits / flagged if flagged else None

    @property
    def recall(self) -> float | None:
        return self.hits / self.merged if self.merged else None


def _restore_merge(session: Session, pairs: list[DuplicatePair],
                   sides: dict[str, Side]) -> None:
    """Put back, in memory, what each merge moved: lines to the merged-away order and the
    older order's fields it filled."""
    merged = {p.id: p for p in pairs if p.status == "merged"}
    if not merged:
        return
    moves: list[MergeMove] = []
    for part in chunks(sorted(merged)):
        moves.extend(session.scalars(select(MergeMove).where(
            MergeMove.pair_id.in_(part), MergeMove.undone.is_(False))))
    from orderdesk.dedup.merge import _unpack

    line_moves = [m for m in moves if m.entity == "order_lines" and m.field == "order_id"]
    if line_moves:
        rows = {}
        for part in chunks([m.row_id for m in line_moves]):
            for lid, norm, qty, due in session.execute(
                    select(OrderLine.id, Product.sku_norm, OrderLine.quantity,
                           OrderLine.due_date)
                    .join(Product, Product.id == OrderLine.product_id)
                    .where(OrderLine.id.in_(part))):
                rows[lid] = (norm, qty, due)
        for m in line_moves:
            source, target = sides.get(_unpack(m.old_value)), sides.get(_unpack(m.new_value))
            if m.row_id not in rows or source is None or target is None:
                continue
            norm, qty, due = rows[m.row_id]
            target.qty.pop(norm, None)
            target.dues.pop(norm, None)
            source.qty[norm] = Decimal(qty) if qty is not None else None
            if due is not None:
                source.dues.setdefault(norm, set()).add(due)
    # Channel numbers the merge re-pointed: each goes back to its own order (a platform's
    # two numbers are evidence, so the pair must be scored with them).
    ref_moves = [m for m in moves if m.entity == "order_channel_refs" and m.field == "order_id"]
    if ref_moves:
        moved = {m.row_id: (_unpack(m.old_value), _unpack(m.new_value)) for m in ref_moves}
        refs: dict[str, list[tuple[str, str, str]]] = {}
        targets = {new for _old, new in moved.values()}
        for part in chunks(sorted(targets)):
            for rid, oid, channel, number in session.execute(
                    select(OrderChannelRef.id, OrderChannelRef.order_id, OrderChannelRef.channel,
                           OrderChannelRef.channel_order_no)
                    .where(OrderChannelRef.order_id.in_(part)).order_by(OrderChannelRef.id)):
                owner = moved[rid][0] if rid in moved else oid
                refs.setdefault(owner, []).append((rid, channel, number))
        for owner, items in refs.items():
            side = sides.get(owner)
            if side is None:
                continue
            side.channel_order_no = None
            for _rid, channel, number in items:
                if side.channel_order_no is None or channel == side.channel:
                    side.channel_order_no = number
    for m in moves:
        if m.entity != "orders" or m.row_id not in sides:
            continue
        side, old = sides[m.row_id], _unpack(m.old_value)
        if m.field == "delivery_address":
            side.address = address_norm(old)
        elif m.field == "contact_phone":
            side.phone = phone_norm(old)
        elif m.field == "requested_date":
            side.requested_date = old
        elif m.field == "customer_po":
            side.po = (old or "").strip().upper()


def check_in_session(session: Session, rules: Rules | None = None,
                     keep_pairs: bool = False) -> RulesCheck:
    rules = rules or load_rules(session)
    pairs = list(session.scalars(select(DuplicatePair).where(
        DuplicatePair.status.in_(("merged", "kept")), DuplicatePair.order_b_id.is_not(None))))
    index = catalog_index(session)
    ids = {p.order_a_id for p in pairs} | {p.order_b_id for p in pairs if p.order_b_id}
    sides = load_sides(session, index, ids, active_only=False)
    _restore_merge(session, pairs, sides)
    decided: list[DecidedPair] = []
    for p in pairs:
        a, b = sides.get(p.order_a_id), sides.get(p.order_b_id or "")
        if a is None or b is None:
            continue
        match = score_pair(b, a, rules)
        score = match.score if match else 0.0
        decided.append(DecidedPair(
            pair_id=p.id, decision=p.status, score=score,
            flagged=score >= rules.flag_threshold, shown=score >= rules.show_threshold,
            order_a=a.order_no, order_b=b.order_no,
            channel_a=a.channel or "", channel_b=b.channel or "",
            explanation=explain(match.reasons) if match else "",
            decided_by=p.decided_by, decided_at=p.decided_at))
    decided.sort(key=lambda d: (d.decided_at or dt.datetime.min), reverse=True)
    merged = [d for d in decided if d.decision == "merged"]
    kept = [d for d in decided if d.decision == "kept"]
    return RulesCheck(
        rules=rules, merged=len(merged), kept=len(kept),
        hits=sum(1 for d in merged if d.flagged),
        misses=tuple(d for d in merged if not d.flagged),
        false_alarms=tuple(d for d in kept if d.flagged),
        pairs=tuple(decided) if keep_pairs else ())


def check_rules(desk: Any, rules: Rules | None = None, keep_pairs: bool = False) -> RulesCheck:
    """How these rules (default: the saved ones) score the pairs people merged or kept.
    Reads only; safe off the GUI thread."""
    with desk.read() as s:
        return check_in_session(s, rules, keep_pairs)


def compare_rules(desk: Any, proposed: Rules) -> tuple[RulesCheck, RulesCheck]:
    """(saved rules, proposed rules) on the same decided pairs: the effect of a settings
    change before it is saved."""
    with desk.read() as s:
        return check_in_session(s, load_rules(s)), check_in_session(s, proposed)
