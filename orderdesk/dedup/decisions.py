"""Decisions on possible duplicates: keep both, the review queue, the duplicate log.

'Keep both' is remembered on the pair, so it is never proposed again. A keep chosen while
an order is still being typed is stored with the existing order and the typed SKU and
quantity; when the typed order is saved (same station, within a day) it is linked to it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from orderdesk.changes import Changes
from orderdesk.dedup.engine import (
    SimilarOrder,
    explain,
    load_sides,
    pair_key,
    score_pair,
)
from orderdesk.dedup.keys import catalog_index, chunks, product_sku_norms
from orderdesk.dedup.probe import Probe
from orderdesk.dedup.rules import load_rules
from orderdesk.errors import NotFound, ValidationFailed
from orderdesk.models import (
    Customer,
    DedupKey,
    DuplicatePair,
    Order,
    OrderChannelRef,
    OrderLine,
    Product,
    utcnow,
)

PENDING_KEEP_HOURS = 24


@dataclass(frozen=True)
class OrderBrief:
    id: str
    order_no: str
    channel: str
    channel_order_no: str | None
    order_time: dt.datetime
    customer: str | None
    lines: str
    status_sales: str
    merged_into_id: str | None
    created_at: dt.datetime | None


@dataclass(frozen=True)
class PairRow:
    """One possible-duplicate pair as the review queue and the log show it."""

    id: str
    score: float
    reasons: tuple[tuple[str, str], ...]
    explanation: str
    status: str
    source: str
    found_at: dt.datetime
    decided_at: dt.datetime | None
    decided_by: str | None
    undone_at: dt.datetime | None
    a: OrderBrief
    b: OrderBrief | None
    # Found (or decided) long after the newer order was entered: input for tuning rules.
    after_the_fact: bool = False


def keep_pair(desk: Any, pair_id: str) -> Changes:
    """Both orders stay; the pair is never proposed again."""
    desk.require("duplicate.decide")
    with desk.write() as s:
        pair = s.get(DuplicatePair, pair_id)
        if pair is None:
            raise NotFound(entity="duplicate_pair", key=pair_id)
        if pair.status == "merged":
            raise ValidationFailed(field="status", value=pair.status, reason="merged_undo_first")
        _set_decided(s, pair, "kept")
    return Changes(duplicates=True)


def reopen_pair(desk: Any, pair_id: str) -> Changes:
    """Undo a 'keep both': the pair goes back to the queue."""
    desk.require("duplicate.decide")
    with desk.write() as s:
        pair = s.get(DuplicatePair, pair_id)
        if pair is None:
            raise NotFound(entity="duplicate_pair", key=pair_id)
        if pair.status != "kept":
            raise ValidationFailed(field="status", value=pair.status, reason="not_kept")
        actor = s.info.get("actor")
        pair.status = "open"
        pair.undone_at = utcnow()
        pair.undone_by = actor.user if actor else None
    return Changes(duplicates=True)


def _set_decided(session: Session, pair: DuplicatePair, status: str) -> None:
    actor = session.info.get("actor")
    pair.status = status
    pair.decided_at = utcnow()
    pair.decided_by = actor.user if actor else None
    pair.decided_station = actor.station if actor else None


def keep_typed(desk: Any, probe: Probe, similar: list[SimilarOrder]) -> Changes:
    """Sales chose 'keep' in the popup while typing: remember it for each shown order."""
    desk.require("duplicate.decide")
    if not similar:
        return Changes()
    with desk.write() as s:
        norm = product_sku_norms(s, [probe.sku]).get(probe.sku or "")
        actor = s.info.get("actor")
        now = utcnow()
        for item in similar:
            s.add(DuplicatePair(
                order_a_id=item.order_id, order_b_id=None, pair_key=None, score=item.score,
                reasons=json.dumps(item.reasons, ensure_ascii=False),
                explanation=item.explanation, status="kept", source="entry", found_at=now,
                found_by=actor.user if actor else None, decided_at=now,
                decided_by=actor.user if actor else None,
                decided_station=actor.station if actor else None, probe_sku_norm=norm,
                probe_quantity=probe.quantity))
    return Changes(duplicates=True)


def link_pending_keeps(session: Session, new_ids: set[str]) -> int:
    """Give 'keep' decisions made while typing their second order, once it is saved."""
    actor = session.info.get("actor")
    since = utcnow() - dt.timedelta(hours=PENDING_KEEP_HOURS)
    query = select(DuplicatePair).where(DuplicatePair.status == "kept",
                                        DuplicatePair.order_b_id.is_(None),
                                        DuplicatePair.found_at >= since)
    if actor is not None:
        query = query.where(DuplicatePair.decided_station == actor.station)
    pending = list(session.scalars(query))
    if not pending:
        return 0
    skus = {p.probe_sku_norm for p in pending if p.probe_sku_norm}
    with_sku: set[str] = set()
    for part in chunks(sorted(new_ids)):
        with_sku.update(session.scalars(select(DedupKey.order_id).distinct()
                                        .where(DedupKey.order_id.in_(part),
                                               DedupKey.sku_norm.in_(skus))))
    if not with_sku:
        return 0
    index = catalog_index(session)
    rules = load_rules(session)
    sides = load_sides(session, index, with_sku | {p.order_a_id for p in pending})
    linked = 0
    for keep in pending:
        existing = sides.get(keep.order_a_id)
        if existing is None:
            continue
        best = None
        for oid in with_sku:
            side = sides.get(oid)
            if side is None or keep.probe_sku_norm not in side.qty:
                continue
            if (keep.probe_quantity is not None and side.qty[keep.probe_sku_norm] is not None
                    and Decimal(keep.probe_quantity) != side.qty[keep.probe_sku_norm]):
                continue
            match = score_pair(side, existing, rules)
            if match is None:
                continue
            gap = abs((side.order_time - existing.order_time).total_seconds())
            if best is None or gap < best[0]:
                best = (gap, oid, match)
        if best is None:
            continue
        key = pair_key(keep.order_a_id, best[1])
        if session.scalar(select(DuplicatePair.id).where(DuplicatePair.pair_key == key)):
            continue
        keep.order_b_id = best[1]
        keep.pair_key = key
        keep.score = best[2].score
        keep.reasons = json.dumps(best[2].reasons, ensure_ascii=False)
        keep.explanation = explain(best[2].reasons)
        linked += 1
    if linked:
        session.flush()
    return linked


# -- listing -------------------------------------------------------------------------------

def _briefs(session: Session, ids: set[str]) -> dict[str, OrderBrief]:
    out: dict[str, OrderBrief] = {}
    lines: dict[str, list[str]] = {}
    refs: dict[str, tuple[str, str]] = {}
    for part in chunks(sorted(ids)):
        for oid, sku, qty in session.execute(
                select(OrderLine.order_id, Product.sku, OrderLine.quantity)
                .join(Product, Product.id == OrderLine.product_id)
                .where(OrderLine.order_id.in_(part)).order_by(OrderLine.line_no)):
            lines.setdefault(oid, []).append(f"{sku}×{format(Decimal(qty).normalize(), 'f')}")
        for oid, channel, number in session.execute(
                select(OrderChannelRef.order_id, OrderChannelRef.channel,
                       OrderChannelRef.channel_order_no)
                .where(OrderChannelRef.order_id.in_(part)).order_by(OrderChannelRef.id)):
            refs.setdefault(oid, (channel, number))
        for row in session.execute(
                select(Order.id, Order.order_no, Order.channel, Order.order_time,
                       Order.status_sales, Order.merged_into_id, Order.created_at,
                       Order.contact_name, Customer.name)
                .outerjoin(Customer, Customer.id == Order.customer_id)
                .where(Order.id.in_(part))):
            ref = refs.get(row.id)
            out[row.id] = OrderBrief(
                id=row.id, order_no=row.order_no, channel=row.channel,
                channel_order_no=ref[1] if ref else None, order_time=row.order_time,
                customer=row.name or row.contact_name, lines=", ".join(lines.get(row.id, [])),
                status_sales=row.status_sales, merged_into_id=row.merged_into_id,
                created_at=row.created_at)
    return out


def _rows(session: Session, pairs: list[DuplicatePair]) -> list[PairRow]:
    ids = {p.order_a_id for p in pairs} | {p.order_b_id for p in pairs if p.order_b_id}
    briefs = _briefs(session, ids)
    rows = []
    for p in pairs:
        b = briefs.get(p.order_b_id) if p.order_b_id else None
        late = False
        entered = b.created_at if b else None
        if entered is not None:
            moment = p.decided_at if p.source == "scan" and p.decided_at else p.found_at
            late = p.source == "scan" or (moment - entered) > dt.timedelta(hours=1)
        rows.append(PairRow(
            id=p.id, score=p.score, reasons=tuple(tuple(r) for r in json.loads(p.reasons or "[]")),
            explanation=p.explanation, status=p.status, source=p.source, found_at=p.found_at,
            decided_at=p.decided_at, decided_by=p.decided_by, undone_at=p.undone_at,
            a=briefs[p.order_a_id], b=b, after_the_fact=late))
    return rows


def list_pairs(desk: Any, status: str | None = "open", limit: int = 500,
               channel: str | None = None) -> list[PairRow]:
    """Pairs for the review queue (open ones, best score first) or the log (status=None,
    newest first)."""
    with desk.read() as s:
        query = select(DuplicatePair).where(DuplicatePair.order_b_id.is_not(None))
        if status is not None:
            query = query.where(DuplicatePair.status == status)
        if channel:
            a, b = aliased(Order), aliased(Order)
            query = (query.join(a, a.id == DuplicatePair.order_a_id)
                     .join(b, b.id == DuplicatePair.order_b_id)
                     .where(or_(a.channel == channel, b.channel == channel)))
        if status == "open":
            query = query.order_by(DuplicatePair.score.desc(), DuplicatePair.found_at)
        else:
            query = query.order_by(DuplicatePair.found_at.desc())
        return _rows(s, list(s.scalars(query.limit(limit))))


def count_open(desk: Any) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count(DuplicatePair.id))
                        .where(DuplicatePair.status == "open",
                               DuplicatePair.order_b_id.is_not(None))) or 0


def get_pair(desk: Any, pair_id: str) -> PairRow:
    with desk.read() as s:
        pair = s.get(DuplicatePair, pair_id)
        if pair is None:
            raise NotFound(entity="duplicate_pair", key=pair_id)
        return _rows(s, [pair])[0]


@dataclass(frozen=True)
class ScanResult:
    orders: int
    pairs: int
    changes: Changes = field(default_factory=lambda: Changes(duplicates=True))


def scan_orders(desk: Any, since: dt.datetime, until: dt.datetime | None = None) -> ScanResult:
    """Look for duplicates among orders already entered (found after the fact)."""
    from orderdesk.dedup.engine import batch_pairs, record_pairs

    desk.require("duplicate.decide")
    with desk.write() as s:
        query = select(Order.id).where(Order.order_time >= since, Order.cancelled.is_(False),
                                       Order.merged_into_id.is_(None))
        if until is not None:
            query = query.where(Order.order_time <= until)
        ids = list(s.scalars(query))
        pairs = batch_pairs(s, ids, load_rules(s))
        record_pairs(s, pairs, "scan")
        return ScanResult(orders=len(ids), pairs=len(pairs))
