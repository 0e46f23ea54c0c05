"""Merging a duplicate into the order it repeats, and undoing that exactly.

A merge folds the newer order into the existing one: its channel numbers, notes and
messages, attachments and the lines the existing order lacks are re-pointed to it; empty
header fields of the existing order are filled; the newer order gets ``merged_into_id``
and stays (nothing is deleted). Every such change is recorded as a MergeMove, so an undo
puts each row back — unless somebody changed that value since, which the undo reports
instead of overwriting.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.dedup.engine import (
    explain,
    load_sides,
    pair_key,
    score_pair,
)
from orderdesk.dedup.keys import catalog_index
from orderdesk.dedup.rules import load_rules
from orderdesk.errors import NotFound, OrderdeskError, ValidationFailed
from orderdesk.models import (
    Attachment,
    DuplicatePair,
    MergeMove,
    Note,
    Order,
    OrderChannelRef,
    OrderLine,
    Product,
    utcnow,
)
from orderdesk.tracking import add_audit

FILL_FIELDS = ("customer_id", "customer_po", "requested_date", "promised_date",
               "contact_name", "contact_phone", "delivery_address", "payment_terms")
ENTITIES: dict[str, Any] = {
    "orders": Order, "order_lines": OrderLine, "notes": Note, "attachments": Attachment,
    "order_channel_refs": OrderChannelRef,
}


class AlreadyMerged(OrderdeskError):
    """The order was merged into another one already; merge into that one instead."""

    code = "dedup_already_merged"


class NotMerged(OrderdeskError):
    code = "dedup_not_merged"


@dataclass(frozen=True)
class MergeResult:
    """Which order stays (order_id), which was folded into it, and the pair recording it."""

    order_id: str
    order_no: str
    merged_order_id: str
    merged_order_no: str
    pair_id: str
    moved: int
    changes: Changes = field(default_factory=lambda: Changes(orders=True, duplicates=True))


@dataclass(frozen=True)
class UndoResult:
    pair_id: str
    restored: int
    # Values changed by someone after the merge, left as they are: (entity, field).
    skipped: tuple[tuple[str, str], ...]
    changes: Changes = field(default_factory=lambda: Changes(orders=True, duplicates=True))


# -- values in moves -----------------------------------------------------------------------

def _pack(value: Any) -> str:
    if value is None:
        return json.dumps({"t": "null"})
    if isinstance(value, bool):
        return json.dumps({"t": "bool", "v": value})
    if isinstance(value, Decimal):
        return json.dumps({"t": "decimal", "v": str(value)})
    if isinstance(value, dt.datetime):
        return json.dumps({"t": "datetime", "v": value.isoformat()})
    if isinstance(value, dt.date):
        return json.dumps({"t": "date", "v": value.isoformat()})
    if isinstance(value, int):
        return json.dumps({"t": "int", "v": value})
    return json.dumps({"t": "str", "v": str(value)}, ensure_ascii=False)


def _unpack(text: str | None) -> Any:
    if text is None:
        return None
    data = json.loads(text)
    kind, value = data["t"], data.get("v")
    if kind == "null":
        return None
    if kind == "decimal":
        return Decimal(value)
    if kind == "datetime":
        return dt.datetime.fromisoformat(value)
    if kind == "date":
        return dt.date.fromisoformat(value)
    return value


class _Mover:
    def __init__(self, session: Session, pair: DuplicatePair) -> None:
        self.session = session
        self.pair = pair
        self.seq = 0

    def set(self, row: Any, attr: str, value: Any) -> None:
        old = getattr(row, attr)
        if old == value:
            return
        self.seq += 1
        self.session.add(MergeMove(pair_id=self.pair.id, seq=self.seq,
                                   entity=type(row).__tablename__, row_id=row.id, field=attr,
                                   old_value=_pack(old), new_value=_pack(value)))
        setattr(row, attr, value)

    def record(self, row: Any, attr: str, old: Any, new: Any) -> None:
        """Record a change already made (a row this merge created)."""
        self.seq += 1
        self.session.add(MergeMove(pair_id=self.pair.id, seq=self.seq,
                                   entity=type(row).__tablename__, row_id=row.id, field=attr,
                                   old_value=_pack(old), new_value=_pack(new)))


# -- merge ---------------------------------------------------------------------------------

def _root(session: Session, order_id: str) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound(entity="order", key=order_id)
    return order


def _line_text(session: Session, order: Order) -> str:
    parts = []
    for sku, qty, unit in session.execute(
            select(Product.sku, OrderLine.quantity, OrderLine.unit)
            .join(Product, Product.id == OrderLine.product_id)
            .where(OrderLine.order_id == order.id).order_by(OrderLine.line_no)):
        parts.append(f"{sku} × {format(Decimal(qty).normalize(), 'f')} {unit}")
    return ";".join(parts)


def fold(session: Session, pair: DuplicatePair, source: Order, target: Order) -> int:
    """Fold source into target, recording each change on the pair. Returns moves made."""
    if source.id == target.id:
        raise ValidationFailed(field="order", value=source.order_no, reason="same_order")
    if target.merged_into_id:
        raise AlreadyMerged(order=target.order_no, into=target.merged_into_id)
    if source.merged_into_id:
        raise AlreadyMerged(order=source.order_no, into=source.merged_into_id)
    mover = _Mover(session, pair)
    actor = session.info.get("actor")
    summary_lines = _line_text(session, source)
    refs = session.scalars(select(OrderChannelRef).where(OrderChannelRef.order_id == source.id))
    ref_text = [f"{r.channel} {r.channel_order_no}" for r in refs]
    for ref in session.scalars(select(OrderChannelRef)
                               .where(OrderChannelRef.order_id == source.id)):
        mover.set(ref, "order_id", target.id)
    for note in session.scalars(select(Note).where(Note.order_id == source.id)):
        mover.set(note, "order_id", target.id)
    for att in session.scalars(select(Attachment).where(Attachment.order_id == source.id)):
        mover.set(att, "order_id", target.id)
    target_products = set(session.scalars(
        select(OrderLine.product_id).where(OrderLine.order_id == target.id,
                                           OrderLine.cancelled.is_(False))))
    next_no = (session.scalar(select(func.max(OrderLine.line_no))
                              .where(OrderLine.order_id == target.id)) or 0) + 1
    for line in session.scalars(select(OrderLine).where(OrderLine.order_id == source.id,
                                                        OrderLine.cancelled.is_(False))
                                .order_by(OrderLine.line_no)):
        if line.product_id in target_products:
            continue  # the repeated line itself: it stays on the merged order as history
        mover.set(line, "order_id", target.id)
        mover.set(line, "line_no", next_no)
        next_no += 1
    differing = []
    for name in FILL_FIELDS:
        mine, theirs = getattr(target, name), getattr(source, name)
        if theirs in (None, ""):
            continue
        if mine in (None, ""):
            mover.set(target, name, theirs)
        elif mine != theirs:
            differing.append(f"{name}: {theirs}")
    mover.set(source, "merged_into_id", target.id)
    body = (f"合并自 {source.order_no}(渠道 {source.channel},"
            f"{'、'.join(ref_text) or '无渠道单号'},下单时间 {source.order_time:%Y-%m-%d %H:%M}):"
            f"{summary_lines}")
    if differing:
        body += "。与本单不同的字段:" + ";".join(differing)
    note = Note(order_id=target.id, kind="merge", body=body,
                author=actor.user if actor else None)
    session.add(note)
    session.flush()
    mover.record(note, "active", False, True)  # so the undo retires the note
    return mover.seq


def _decide(session: Session, pair: DuplicatePair, status: str) -> None:
    actor = session.info.get("actor")
    pair.status = status
    pair.decided_at = utcnow()
    pair.decided_by = actor.user if actor else None
    pair.decided_station = actor.station if actor else None


def _score_for(session: Session, newer_id: str, older_id: str) -> tuple[float, str, str]:
    index = catalog_index(session)
    sides = load_sides(session, index, [newer_id, older_id])
    match = None
    if newer_id in sides and older_id in sides:
        match = score_pair(sides[newer_id], sides[older_id], load_rules(session))
    if match is None:
        return 0.0, "[]", ""
    return match.score, json.dumps(match.reasons, ensure_ascii=False), explain(match.reasons)


def merge_orders_in(session: Session, source_id: str, target_id: str, *,
                    source_kind: str = "manual", pair: DuplicatePair | None = None) -> MergeResult:
    source, target = _root(session, source_id), _root(session, target_id)
    if pair is None:
        pair = session.scalar(select(DuplicatePair)
                              .where(DuplicatePair.pair_key == pair_key(source.id, target.id)))
    if pair is None:
        score, reasons, words = _score_for(session, source.id, target.id)
        pair = DuplicatePair(order_a_id=target.id, order_b_id=source.id,
                             pair_key=pair_key(source.id, target.id), score=score,
                             reasons=reasons, explanation=words, status="open",
                             source=source_kind, found_at=utcnow(),
                             found_by=session.info["actor"].user
                             if session.info.get("actor") else None)
        session.add(pair)
        session.flush()
    elif pair.status == "merged":
        raise AlreadyMerged(order=source.order_no, into=target.order_no)
    moved = fold(session, pair, source, target)
    _decide(session, pair, "merged")
    add_audit(session, action="dedup.merge", entity="orders", entity_id=target.id,
              field="merged_order", new={"merged": source.order_no, "into": target.order_no,
                                         "pair": pair.id, "moves": moved})
    return MergeResult(order_id=target.id, order_no=target.order_no,
                       merged_order_id=source.id, merged_order_no=source.order_no,
                       pair_id=pair.id, moved=moved)


def merge_draft(desk: Any, draft: Any, into_order_id: str) -> MergeResult:
    """Create the typed order and fold it into an existing one, in one transaction.

    The typed order is kept (merged_into_id set) with its lines as history; its channel
    number now maps to the existing order. Undo with ``undo_merge(desk, result.pair_id)``.
    """
    from orderdesk.services.orders import add_order

    desk.require("duplicate.decide")
    desk.require("order.write")
    with desk.write() as s:
        target = _root(s, into_order_id)
        if target.merged_into_id:
            raise AlreadyMerged(order=target.order_no, into=target.merged_into_id)
        new = add_order(s, draft)
        return merge_orders_in(s, new.id, target.id, source_kind="entry")


def merge_pair(desk: Any, pair_id: str, *, keep_newer: bool = False) -> MergeResult:
    """Merge a flagged pair: the newer order is folded into the older one (or the other
    way round with keep_newer)."""
    desk.require("duplicate.decide")
    with desk.write() as s:
        pair = s.get(DuplicatePair, pair_id)
        if pair is None or pair.order_b_id is None:
            raise NotFound(entity="duplicate_pair", key=pair_id)
        source, target = pair.order_b_id, pair.order_a_id
        if keep_newer:
            source, target = target, source
        return merge_orders_in(s, source, target, pair=pair)


def merge_orders(desk: Any, source_id: str, target_id: str) -> MergeResult:
    """Merge two orders found to be one after the fact (e.g. from the board)."""
    desk.require("duplicate.decide")
    with desk.write() as s:
        return merge_orders_in(s, source_id, target_id, source_kind="scan")


def undo_merge(desk: Any, pair_id: str) -> UndoResult:
    """Put back every row the merge changed; the pair returns to the review queue."""
    desk.require("duplicate.decide")
    with desk.write() as s:
        pair = s.get(DuplicatePair, pair_id)
        if pair is None:
            raise NotFound(entity="duplicate_pair", key=pair_id)
        if pair.status != "merged":
            raise NotMerged(pair=pair_id, status=pair.status)
        moves = list(s.scalars(select(MergeMove).where(MergeMove.pair_id == pair.id,
                                                       MergeMove.undone.is_(False))
                               .order_by(MergeMove.seq.desc())))
        restored, skipped = 0, []
        for move in moves:
            row = s.get(ENTITIES[move.entity], move.row_id)
            if row is None:
                skipped.append((move.entity, move.field))
                continue
            current = getattr(row, move.field)
            new_value = _unpack(move.new_value)
            if move.entity == "notes" and move.field == "active":
                row.active = False  # the merge note is retired, not deleted
            elif _pack(current) != _pack(new_value):
                skipped.append((move.entity, move.field))
                move.undone = True
                continue
            else:
                setattr(row, move.field, _unpack(move.old_value))
            move.undone = True
            restored += 1
        actor = s.info.get("actor")
        pair.status = "open"
        pair.undone_at = utcnow()
        pair.undone_by = actor.user if actor else None
        add_audit(s, action="dedup.undo", entity="dedup_pairs", entity_id=pair.id,
                  new={"restored": restored, "skipped": [list(x) for x in skipped]})
        return UndoResult(pair_id=pair.id, restored=restored, skipped=tuple(skipped))
