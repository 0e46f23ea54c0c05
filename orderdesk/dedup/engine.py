"""Finding orders that may be the same real order, and saying why in plain words.

Candidates come from the dedup_keys index (same customer key, same SKU, order times
within ±window — a true window, no buckets); each candidate is then scored on the fields
that agree or differ. A genuine repeat order (same customer and SKU, another quantity,
due date or address) scores low on purpose.

Thread use: find_similar opens its own read session, so the UI may call it from a pool
thread. flag_new_orders runs inside the caller's write transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import Column, DateTime, MetaData, String, Table, func, select
from sqlalchemy.orm import Session

from orderdesk.dedup import keys as keymod
from orderdesk.dedup.keys import CatalogIndex, catalog_index, chunks, lookup_keys
from orderdesk.dedup.probe import Probe
from orderdesk.dedup.rules import Rules, load_rules
from orderdesk.gc_pause import gc_paused
from orderdesk.models import (
    DedupKey,
    DuplicatePair,
    Order,
    OrderChannelRef,
    OrderLine,
    Product,
    utcnow,
)
from orderdesk.normalize import address_norm, company_core, phone_norm

Reason = tuple[str, str]


@dataclass(frozen=True)
class SimilarOrder:
    """An existing order that may be the same real order as the one being entered."""

    order_id: str
    order_no: str
    channel: str
    channel_order_no: str | None
    order_time: dt.datetime
    quantity: Decimal | None
    status_sales: str
    status_warehouse: str
    score: float
    # (code, fact) pairs, e.g. ("customer", "phone"), ("minutes", "6"), ("quantity", "same").
    reasons: tuple[Reason, ...]
    # The reasons in words for sales people, in Chinese.
    explanation: str
    customer_name: str | None = None


@dataclass
class Side:
    """One order (or the order being typed) as the scorer compares it."""

    order_id: str | None
    order_no: str
    channel: str | None
    channel_order_no: str | None
    order_time: dt.datetime
    customer_id: str | None
    resolved: dict[str, str]
    phone: str
    name_core: str
    address: str
    requested_date: dt.date | None
    qty: dict[str, Decimal | None]
    status_sales: str = ""
    status_warehouse: str = ""
    customer_name: str | None = None
    created_at: dt.datetime | None = None
    name_raw: str | None = None
    keys: set[str] = field(default_factory=set)
    # Due dates per SKU (lines without one left out) and the customer's PO number.
    dues: dict[str, set[dt.date]] = field(default_factory=dict)
    po: str = ""
    # A stored order has all its lines; an order being typed may not yet.
    complete: bool = True


@dataclass(frozen=True)
class Match:
    score: float
    reasons: tuple[Reason, ...]


# -- words ---------------------------------------------------------------------------------

_ZH = {
    ("customer", "code"): "同一客户(编码一致)",
    ("customer", "phone"): "同一客户(电话一致)",
    ("customer", "name"): "同一客户(名称/别名一致)",
    ("customer", "buyer"): "同一买家名称",
    ("customer", "address"): "同一客户(收货地址一致)",
    ("po", "differs"): "客户PO不同",
    ("sku", None): "同一物料",
    ("quantity", "same"): "数量相同",
    ("quantity", "differs"): "数量不同",
    ("requested_date", "same"): "交期相同",
    ("requested_date", "differs"): "交期不同",
    ("address", "same"): "收货地址相同",
    ("address", "similar"): "收货地址相近",
    ("address", "differs"): "收货地址不同",
    ("contact", "same"): "联系电话相同",
    ("contact", "differs"): "联系电话不同",
    ("channel", "other"): "来自另一渠道",
    ("channel", "same_other_no"): "同一渠道但渠道单号不同",
    ("channel", "platform_other_no"): "同一平台的另一平台单号",
    ("channel", "same_desk"): "同一渠道再次录入",
    ("lines", "partial"): "部分物料不同",
    ("lines", "same"): "物料明细相同",
    ("due_date", "same"): "行交期相同",
    ("due_date", "differs"): "行交期不同",
    ("po", "same"): "客户PO相同",
}
_EN = {
    ("customer", "code"): "same customer (code)",
    ("customer", "phone"): "same customer by phone",
    ("customer", "name"): "same customer by name/alias",
    ("customer", "buyer"): "same buyer name",
    ("customer", "address"): "same customer by delivery address",
    ("po", "differs"): "other customer PO",
    ("sku", None): "same SKU",
    ("quantity", "same"): "same quantity",
    ("quantity", "differs"): "other quantity",
    ("requested_date", "same"): "same due date",
    ("requested_date", "differs"): "other due date",
    ("address", "same"): "same delivery address",
    ("address", "similar"): "similar delivery address",
    ("address", "differs"): "other delivery address",
    ("contact", "same"): "same contact phone",
    ("contact", "differs"): "other contact phone",
    ("channel", "other"): "from another channel",
    ("channel", "same_other_no"): "same channel, other channel order number",
    ("channel", "platform_other_no"): "another order number of the same platform",
    ("channel", "same_desk"): "entered again in the same channel",
    ("lines", "partial"): "some lines differ",
    ("lines", "same"): "same lines",
    ("due_date", "same"): "same line due dates",
    ("due_date", "differs"): "other line due dates",
    ("po", "same"): "same customer PO",
}


def explain(reasons: Iterable[Reason], lang: str = "zh") -> str:
    """The reasons as one sentence for sales people ("同一客户(电话一致)、同一物料、相隔6分钟")."""
    words = _ZH if lang == "zh" else _EN
    parts: list[str] = []
    for code, fact in reasons:
        if code == "minutes":
            minutes = int(fact)
            if lang == "zh":
                parts.append("相隔不到1分钟" if minutes == 0 else f"相隔{minutes}分钟")
            else:
                parts.append("under a minute apart" if minutes == 0 else f"{minutes} minutes apart")
            continue
        text = words.get((code, fact)) or words.get((code, None))
        if text:
            parts.append(text)
    return ("、" if lang == "zh" else ", ").join(parts)


# -- scoring -------------------------------------------------------------------------------

POINTS = {"code": 35, "phone": 35, "name": 30, "address": 30, "buyer": 20}
SKU_POINTS = 25
TIME_POINTS = 10
QTY_POINTS = 25
SMALL_POINTS = 5
ADDRESS_SAME = 88
ADDRESS_DIFFERENT = 60


_DIGITS = re.compile(r"\d+")


def compare_addresses(a: str, b: str) -> str:
    """'same', 'similar' or 'differs' for two normalised addresses.

    House and building numbers decide first: two addresses of one customer often differ
    only there ("创业大道196号" / "创业大道38号"), which a plain text ratio calls similar.
    """
    if _DIGITS.findall(a) != _DIGITS.findall(b) and _DIGITS.findall(a) and _DIGITS.findall(b):
        return "differs"
    similarity = fuzz.ratio(a, b)
    if a in b or b in a:
        similarity = max(similarity, 90.0)
    if similarity >= ADDRESS_SAME:
        return "same"
    if similarity >= ADDRESS_DIFFERENT:
        return "similar"
    return "differs"


def _customer_match(p: Side, c: Side) -> str | None:
    if p.phone and p.phone == c.phone:
        return "phone"
    shared = p.resolved.keys() & c.resolved.keys()
    if shared:
        # A link is as strong as its weaker side: code > phone > name.
        rank = {"code": 3, "phone": 2, "name": 1, "address": 0}
        best = max(min(rank[p.resolved[cid]], rank[c.resolved[cid]]) for cid in shared)
        return {3: "code", 2: "phone", 1: "name", 0: "address"}[best]
    if p.name_core and p.name_core == c.name_core:
        return "buyer"
    return None


def time_factor(minutes: float, rules: Rules) -> float:
    """How much the gap between two orders leaves of their score: 1 within minutes, a
    half at ``fade_minutes``, near nothing a day later. A smooth fall, no window edge."""
    fade = max(rules.fade_minutes, 1)
    return 1.0 / (1.0 + (minutes / fade) ** 4)


def search_span(rules: Rules) -> dt.timedelta:
    """How far either side candidates are searched: the configured span, but no further
    than the gap at which even a perfect match has faded below the lower threshold
    (looking further would only score pairs that can never be shown or flagged)."""
    threshold = max(min(rules.show_threshold, rules.flag_threshold), 0.01)
    reach = rules.fade_minutes * ((1.0 / threshold) - 1.0) ** 0.25 if threshold < 1 else 0.0
    return dt.timedelta(minutes=max(rules.window_minutes, min(rules.span_minutes, reach + 1)))


def platform_factor(minutes: float, rules: Rules) -> float:
    """Two numbers issued by one marketplace: the buyer placed two orders. Within minutes
    that is still what the seller wants flagged (a double order), so the numbers only
    count against; beyond that they weigh more and more."""
    window = max(rules.window_minutes, 1)
    if minutes <= window:
        return 0.85
    return 0.85 * 0.5 ** ((minutes - window) / window)


def score_pair(p: Side, c: Side, rules: Rules) -> Match | None:
    """How likely c is the same real order as p (0..1), with the reasons; None if c is not
    even a candidate (other customer or no common SKU).

    Content decides: customer, lines (SKUs and quantities), due dates, address. Time is
    evidence that fades with the gap. A channel's own numbers count only where the
    channel kind says they mean something (platform-issued numbers)."""
    common = sorted(p.qty.keys() & c.qty.keys())
    if not common:
        return None
    kind = _customer_match(p, c)
    if kind is None:
        return None
    reasons: list[Reason] = [("customer", kind), ("sku", common[0])]
    points = POINTS[kind] + SKU_POINTS
    factor = 1.0
    minutes = abs((c.order_time - p.order_time).total_seconds()) / 60.0
    reasons.append(("minutes", str(int(round(minutes)))))
    window = max(rules.window_minutes, 1)
    points += TIME_POINTS * (1.0 if minutes <= window else 0.5 ** ((minutes - window) / 60.0))
    factor *= time_factor(minutes, rules)

    if rules.counts("quantity"):
        known = [(p.qty[s], c.qty[s]) for s in common
                 if p.qty[s] is not None and c.qty[s] is not None]
        if known:
            if all(a == b for a, b in known):
                points += QTY_POINTS
                reasons.append(("quantity", "same"))
            else:
                factor *= 0.3
                reasons.append(("quantity", "differs"))
    # Lines: two whole orders that each carry SKUs the other lacks are two orders that
    # share a part; one the other's subset may be a partial re-send. An order being typed
    # only lacks lines not typed yet.
    mine, theirs = set(p.qty), set(c.qty)
    if mine != theirs and (p.complete or not mine <= theirs):
        factor *= 0.8 if (mine <= theirs or theirs <= mine) else 0.4
        reasons.append(("lines", "partial"))
    elif len(mine) > 1:
        reasons.append(("lines", "same"))

    corroborated = kind != "buyer"
    if rules.counts("requested_date"):
        if p.requested_date and c.requested_date:
            if p.requested_date == c.requested_date:
                points += SMALL_POINTS
                reasons.append(("requested_date", "same"))
            else:
                factor *= 0.5
                reasons.append(("requested_date", "differs"))
        # Line due dates: a repeat order for another week differs here even when the
        # order-level date was left out.
        both = [(p.dues[s], c.dues[s]) for s in common if p.dues.get(s) and c.dues.get(s)]
        if both:
            if all(a & b for a, b in both):
                if ("requested_date", "same") not in reasons:
                    points += SMALL_POINTS
                reasons.append(("due_date", "same"))
            else:
                factor *= 0.5
                reasons.append(("due_date", "differs"))
    if rules.counts("address") and p.address and c.address:
        verdict = compare_addresses(p.address, c.address)
        reasons.append(("address", verdict))
        if verdict == "same":
            points += SMALL_POINTS
            corroborated = True
        elif verdict == "differs":
            factor *= 0.5
    if rules.counts("contact") and kind != "phone" and p.phone and c.phone:
        if p.phone == c.phone:
            points += SMALL_POINTS
            reasons.append(("contact", "same"))
        else:
            factor *= 0.85
            reasons.append(("contact", "differs"))
    # The same customer PO supports a match; another PO does not count against it:
    # desks fill the field from whatever the channel carried (a chat reference, a
    # platform number), so re-sends of one order often carry different ones.
    if rules.counts("po") and p.po and c.po and p.po == c.po:
        points += SMALL_POINTS
        reasons.append(("po", "same"))
    if rules.counts("channel") and p.channel and c.channel:
        if p.channel != c.channel:
            reasons.append(("channel", "other"))
        elif rules.channel_kind(p.channel) == "platform":
            if (p.channel_order_no and c.channel_order_no
                    and p.channel_order_no != c.channel_order_no):
                factor *= platform_factor(minutes, rules)
                reasons.append(("channel", "platform_other_no"))
        else:
            # Desk channels number every entry anew: a second number says nothing.
            reasons.append(("channel", "same_desk"))
    score = min(1.0, points / 100.0) * factor
    if not corroborated:
        # Only a person's name in common: never enough on its own.
        score = min(score, 0.55)
    return Match(score=round(score, 3), reasons=tuple(reasons))


# -- loading sides -------------------------------------------------------------------------

def load_sides(session: Session, index: CatalogIndex, order_ids: Iterable[str],
               *, active_only: bool = True) -> dict[str, Side]:
    from orderdesk.models import Customer

    sides: dict[str, Side] = {}
    conn = session.connection()  # Core statements: no ORM overhead on the popup's path
    with keymod.IdSet(conn, order_ids) as ids:
        if not ids:
            return sides
        query = (select(Order.id, Order.order_no, Order.channel, Order.order_time,
                        Order.customer_id, Order.contact_phone, Order.contact_name,
                        Order.delivery_address, Order.requested_date, Order.status_sales,
                        Order.status_warehouse, Order.created_at, Customer.name,
                        Order.customer_po)
                 .outerjoin(Customer, Customer.id == Order.customer_id)
                 .where(ids.clause(Order.id)))
        if active_only:
            query = query.where(Order.cancelled.is_(False), Order.merged_into_id.is_(None))
        for row in conn.execute(query).all():
            resolved = index.resolve(customer_id=row.customer_id, phone=row.contact_phone,
                                     name=row.contact_name, address=row.delivery_address)
            sides[row.id] = Side(
                order_id=row.id, order_no=row.order_no, channel=row.channel,
                channel_order_no=None, order_time=row.order_time,
                customer_id=row.customer_id, resolved=resolved,
                phone=phone_norm(row.contact_phone),
                name_core="" if resolved else company_core(row.contact_name),
                address=address_norm(row.delivery_address),
                requested_date=row.requested_date, qty={},
                status_sales=row.status_sales, status_warehouse=row.status_warehouse,
                customer_name=row.name or row.contact_name, created_at=row.created_at,
                name_raw=row.contact_name, po=(row.customer_po or "").strip().upper(),
            )
        if not sides:
            return sides
        for oid, norm, qty, due in conn.execute(
                select(OrderLine.order_id, Product.sku_norm, OrderLine.quantity,
                       OrderLine.due_date)
                .join(Product, Product.id == OrderLine.product_id)
                .where(ids.clause(OrderLine.order_id), OrderLine.cancelled.is_(False))).all():
            side = sides.get(oid)
            if side is None:
                continue
            # Quantities of one SKU on several lines add up; a line without one leaves
            # the SKU's quantity unknown.
            if qty is None or (norm in side.qty and side.qty[norm] is None):
                side.qty[norm] = None
            else:
                side.qty[norm] = side.qty.get(norm, Decimal(0)) + Decimal(qty)
            if due is not None:
                side.dues.setdefault(norm, set()).add(due)
        for oid, channel, number in conn.execute(
                select(OrderChannelRef.order_id, OrderChannelRef.channel,
                       OrderChannelRef.channel_order_no)
                .where(ids.clause(OrderChannelRef.order_id), OrderChannelRef.active.is_(True))
                .order_by(OrderChannelRef.id)).all():
            side = sides.get(oid)
            # The number in the order's own channel first, else the first one mapped.
            if side is not None and (side.channel_order_no is None or channel == side.channel):
                side.channel_order_no = number
    return sides


def probe_side(session: Session, index: CatalogIndex, probe: Probe) -> Side:
    sku_map = keymod.product_sku_norms(session, [probe.sku], index)
    norm = sku_map.get(probe.sku or "", "")
    resolved = index.resolve(customer_id=probe.customer_id, text=probe.customer_text,
                             phone=probe.phone, name=probe.customer_text,
                             address=probe.address)
    quantity = probe.quantity
    if quantity is not None and not isinstance(quantity, Decimal):
        try:
            quantity = Decimal(str(quantity))
        except ArithmeticError:
            quantity = None
    side = Side(
        order_id=None, order_no="", channel=probe.channel, channel_order_no=None,
        order_time=probe.order_time or utcnow(), customer_id=probe.customer_id,
        resolved=resolved, phone=phone_norm(probe.phone),
        name_core="" if resolved else company_core(probe.customer_text),
        address=address_norm(probe.address), requested_date=probe.requested_date,
        qty={norm: quantity if quantity and quantity > 0 else None} if norm else {},
    )
    side.keys = lookup_keys(index, customer_id=probe.customer_id, phone=probe.phone,
                            name=probe.customer_text, text=probe.customer_text,
                            address=probe.address)
    side.complete = False  # only what is typed so far: lines may still be missing
    return side


def decided_partners(session: Session, order_id: str) -> set[str]:
    """Orders already decided against this one (kept or merged): never proposed again."""
    rows = session.execute(select(DuplicatePair.order_a_id, DuplicatePair.order_b_id)
                           .where((DuplicatePair.order_a_id == order_id)
                                  | (DuplicatePair.order_b_id == order_id),
                                  DuplicatePair.status.in_(("kept", "merged"))))
    return {a if b == order_id else b for a, b in rows if a and b}


# -- the live lookup -----------------------------------------------------------------------

def _to_similar(side: Side, match: Match, probe_skus: Sequence[str]) -> SimilarOrder:
    quantity = None
    for sku in probe_skus:
        if side.qty.get(sku) is not None:
            quantity = side.qty[sku]
            break
    return SimilarOrder(
        order_id=side.order_id or "", order_no=side.order_no, channel=side.channel or "",
        channel_order_no=side.channel_order_no, order_time=side.order_time,
        quantity=quantity, status_sales=side.status_sales,
        status_warehouse=side.status_warehouse, score=match.score, reasons=match.reasons,
        explanation=explain(match.reasons), customer_name=side.customer_name,
    )


def similar_in_session(session: Session, probe: Probe, limit: int = 5,
                       rules: Rules | None = None,
                       hidden: Iterable[str] = ()) -> list[SimilarOrder]:
    if probe.is_empty():
        return []
    rules = rules or load_rules(session)
    index = catalog_index(session, recheck=keymod.RECHECK_SECONDS)
    side = probe_side(session, index, probe)
    if not side.qty or not side.keys:
        return []
    window = search_span(rules)
    ids = set(session.connection().scalars(
        select(DedupKey.order_id).where(
            DedupKey.customer_key.in_(sorted(side.keys)),
            DedupKey.sku_norm.in_(sorted(side.qty)),
            DedupKey.order_time.between(side.order_time - window, side.order_time + window))))
    ids.difference_update(hidden)
    if probe.exclude_order_id:
        ids.discard(probe.exclude_order_id)
        ids.difference_update(decided_partners(session, probe.exclude_order_id))
    if not ids:
        return []
    candidates = load_sides(session, index, ids)
    found: list[SimilarOrder] = []
    for cand in candidates.values():
        match = score_pair(side, cand, rules)
        if match is not None and match.score >= rules.show_threshold:
            found.append(_to_similar(cand, match, list(side.qty)))
    found.sort(key=lambda s: (-s.score, abs((s.order_time - side.order_time).total_seconds())))
    return found[:limit]


def find_similar(desk: Any, probe: Probe, limit: int = 5) -> list[SimilarOrder]:
    """Existing orders that may be the same real order as the probe, best first.

    Reads only; safe to call from a worker thread. An empty probe (no customer or no SKU
    yet) finds nothing.
    """
    with desk.read() as s:
        return similar_in_session(s, probe, limit)


# -- batch check ---------------------------------------------------------------------------

@dataclass(frozen=True)
class FoundPair:
    older_id: str
    newer_id: str
    score: float
    reasons: tuple[Reason, ...]


def _older_first(a: Side, b: Side) -> tuple[Side, Side]:
    return (a, b) if (a.order_time, a.order_no) <= (b.order_time, b.order_no) else (b, a)


def pair_key(a: str, b: str) -> str:
    return "|".join(sorted((a, b)))


def pair_row_id(a: str, b: str) -> str:
    import uuid

    return str(uuid.uuid5(uuid.NAMESPACE_URL, "orderdesk:dedup_pair:" + pair_key(a, b)))


_PROBE = Table(
    "dedup_probe", MetaData(),
    Column("order_id", String(36)), Column("customer_key", String(120)),
    Column("sku_norm", String(60)), Column("lo", DateTime()), Column("hi", DateTime()),
    prefixes=["TEMPORARY"],
)


def _candidate_pairs(session: Session, index: CatalogIndex, order_ids: Sequence[str],
                     window: dt.timedelta) -> set[tuple[str, str]]:
    """(id, id) pairs that share a customer key and a SKU within the window, found by the
    database in one join of a temporary probe table against the dedup_keys index (the
    popup's range seek, done for the whole batch in C rather than in Python)."""
    conn = session.connection()
    probes: set[tuple[Any, ...]] = set()
    bounds: dict[dt.datetime, tuple[Any, Any]] = {}
    # The rows a bulk writer has just inserted are known without reading them back.
    stored, unknown = keymod.written_keys(session, order_ids)
    if unknown:
        with keymod.IdSet(conn, unknown) as ids:
            stored.extend(conn.execute(select(DedupKey.order_id, DedupKey.customer_key,
                                              DedupKey.sku_norm, DedupKey.order_time)
                                       .where(ids.clause(DedupKey.order_id))).all()
                          if ids else [])
    for oid, key, sku, when in stored:
        span = bounds.get(when)
        if span is None:
            span = bounds[when] = (keymod.db_time(conn, when - window),
                                   keymod.db_time(conn, when + window))
        # Stored keys follow the catalog (keys.flush_pending re-indexes orders when a
        # phone or alias becomes known), so the order's own keys are enough here.
        probes.add((oid, key, sku, *span))
    if not probes:
        return set()
    _PROBE.drop(conn, checkfirst=True)
    _PROBE.create(conn)
    try:
        keymod.bulk_insert(conn, "dedup_probe", ("order_id", "customer_key", "sku_norm", "lo",
                                                 "hi"), list(probes))
        k = DedupKey.__table__
        rows = conn.execute(
            select(_PROBE.c.order_id, k.c.order_id).distinct()
            .select_from(_PROBE.join(k, (k.c.customer_key == _PROBE.c.customer_key)
                                     & (k.c.sku_norm == _PROBE.c.sku_norm)
                                     & (k.c.order_time >= _PROBE.c.lo)
                                     & (k.c.order_time <= _PROBE.c.hi)))
            .where(k.c.order_id != _PROBE.c.order_id))
        return {(a, b) if a < b else (b, a) for a, b in rows}
    finally:
        _PROBE.drop(conn)


def batch_pairs(session: Session, order_ids: Sequence[str], rules: Rules,
                threshold: float | None = None) -> list[FoundPair]:
    """Possible-duplicate pairs between these orders and all others (and among them),
    set-based over the index. Pairs already decided or already waiting are left out.
    The orders must be indexed already (flag_new_orders does that first)."""
    threshold = rules.flag_threshold if threshold is None else threshold
    index = catalog_index(session)
    window = search_span(rules)
    candidates = _candidate_pairs(session, index, order_ids, window)
    if not candidates:
        return []
    known: set[str] = set()
    all_keys = [pair_key(a, b) for a, b in candidates]
    for part in chunks(all_keys):
        known.update(session.connection().execute(
            select(DuplicatePair.pair_key).where(DuplicatePair.pair_key.in_(part))).scalars())
    candidates = {pair for pair in candidates if pair_key(*pair) not in known}
    sides = load_sides(session, index, {oid for pair in candidates for oid in pair})
    found: list[FoundPair] = []
    for a_id, b_id in candidates:
        if a_id not in sides or b_id not in sides:
            continue
        older, newer = _older_first(sides[a_id], sides[b_id])
        match = score_pair(newer, older, rules)
        if match is not None and match.score >= threshold:
            found.append(FoundPair(older.order_id or "", newer.order_id or "", match.score,
                                   match.reasons))
    found.sort(key=lambda f: (f.older_id, f.newer_id))
    return found


def record_pairs(session: Session, pairs: Sequence[FoundPair], source: str) -> int:
    """Store the pairs for the review queue, each with its audit and outbox rows.

    A 50,000-row import finds ten thousand pairs and more; through the unit of work
    their bookkeeping cost more than finding them, so they go in with the import's
    bulk writer, which builds the same audit and outbox rows as the tracking hook."""
    from orderdesk.intake.bulk import bulk_insert  # intake imports this module

    session.flush()  # anything the ORM still holds goes first, in the audit chain too
    actor = session.info.get("actor")
    now = utcnow()
    # The id follows from the pair: two stations that find the same pair before they
    # sync write one row, not two rows fighting over one pair key.
    rows = [dict(id=pair_row_id(pair.older_id, pair.newer_id), order_a_id=pair.older_id, order_b_id=pair.newer_id,
                 pair_key=pair_key(pair.older_id, pair.newer_id), score=pair.score,
                 reasons=json.dumps(pair.reasons, ensure_ascii=False),
                 explanation=explain(pair.reasons), status="open", source=source,
                 found_at=now, found_by=actor.user if actor else None)
            for pair in pairs]
    bulk_insert(session, DuplicatePair, rows)
    return len(rows)


def flag_new_orders(session: Session, order_ids: list[str], *, source: str = "import",
                    timings: dict[str, float] | None = None) -> int:
    """Inside an import's write transaction: record possible-duplicate pairs of these
    orders for the review queue (nothing is merged or dropped). Returns how many of these
    orders are now waiting in the queue as a possible duplicate. `timings`, if given,
    receives CPU seconds per step (index, search, record) for benchmarks."""
    with gc_paused():
        return _flag_new_orders(session, order_ids, source, timings)


def _flag_new_orders(session: Session, order_ids: list[str], source: str,
                     timings: dict[str, float] | None) -> int:
    ids = [i for i in dict.fromkeys(order_ids) if i]
    if not ids:
        return 0
    clock = time.process_time()
    # The hook indexes orders written through the ORM; orders bulk-inserted with Core
    # (fast importers) are indexed here, so the check never misses them.
    done = keymod.flush_pending(session)
    # Orders a bulk writer indexed as it wrote them (keys.index_inserted) are current,
    # unless changed since (then flush_pending has just rebuilt them).
    indexed = session.info.get(keymod.INDEXED, set())
    missing = [i for i in ids if i not in done and i not in indexed]
    if missing:
        keymod.refresh(session, missing)
    step_index = time.process_time()
    rules = load_rules(session)
    pairs = batch_pairs(session, ids, rules)
    step_search = time.process_time()
    record_pairs(session, pairs, source)
    step_record = time.process_time()
    if timings is not None:
        timings.update(index=step_index - clock, search=step_search - step_index,
                       record=step_record - step_search, pairs=len(pairs))
    wanted = set(ids)
    flagged: set[str] = set()
    conn = session.connection()
    with keymod.IdSet(conn, ids) as idset:
        for column in (DuplicatePair.order_a_id, DuplicatePair.order_b_id):
            flagged.update(conn.execute(select(column).where(
                DuplicatePair.status == "open", idset.clause(column))).scalars().all())
    return len(flagged & wanted)
