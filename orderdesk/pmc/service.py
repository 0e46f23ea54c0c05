"""PMC kit check services: load the open orders once, net them, report as frozen rows.

`kit_report`, `order_kit` and `shortages` return plain frozen dataclasses. The netting
state is kept per desk, so a stock-only change (a `Changes` with only `stock` set, e.g.
a receipt booked or on-hand corrected here or pulled by sync) re-nets only the
components whose supply changed instead of rebuilding everything.

Thread use: any thread; the per-desk state is guarded by a lock (the UI calls these
from its query pool).
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Connection, Float, bindparam, select, type_coerce
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound
from orderdesk.gc_pause import gc_paused
from orderdesk.models import BomLine, Customer, Order, OrderLine, Product, Receipt, StockItem
from orderdesk.models.orders import KIT_OPEN_PRODUCTION
from orderdesk.pmc.kitting import (
    AMBER,
    GREEN,
    NO_BOM,
    RED,
    BomEdge,
    KitEngine,
    KitInput,
    KitRow,
    OrderInput,
    ProductInfo,
    ReceiptInput,
)

#: Production statuses whose orders still need their material: PMC's open orders (kept
#: beside the partial index that serves them, ix_orders_kit_open).
OPEN_PRODUCTION = KIT_OPEN_PRODUCTION
STATUSES = (RED, AMBER, GREEN, NO_BOM)


@dataclass(frozen=True)
class KitFilter:
    product_line: str | None = None
    tier: str | None = None
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    status: str | None = None           # red / amber / green / no_bom
    rush_only: bool = False
    text: str = ""                      # order number or customer name, contains


@dataclass(frozen=True, slots=True)
class OrderKitSummary:
    order_id: str
    order_no: str
    rank: int
    customer_name: str | None
    customer_tier: str | None
    product_lines: tuple[str, ...]
    need_date: dt.date | None
    rush: bool
    status: str
    completeness: float | None
    rows_total: int
    rows_short: int
    missing_bom: tuple[str, ...]
    clear_date: dt.date | None
    kit_date: dt.date | None


@dataclass(frozen=True)
class ShortageRow:
    component_id: str
    sku: str
    name: str
    unit: str
    shortage: float
    available: float
    incoming: float
    order_ids: tuple[str, ...]
    order_nos: tuple[str, ...]
    first_need: dt.date | None
    clear_date: dt.date | None

    @property
    def order_count(self) -> int:
        return len(self.order_ids)


@dataclass(frozen=True)
class KitReport:
    orders: tuple[OrderKitSummary, ...]
    shortages: tuple[ShortageRow, ...]
    counts: tuple[tuple[str, int], ...]     # (status, orders) over the filtered orders
    open_orders: int                        # before filtering
    product_lines: tuple[str, ...]          # for the filter box
    computed_at: dt.datetime
    changes: Changes = field(default_factory=Changes)

    def count(self, status: str) -> int:
        return dict(self.counts).get(status, 0)

    @property
    def completeness(self) -> float | None:
        """Mean kit completeness over the listed orders that have a BOM."""
        values = [o.completeness for o in self.orders
                  if o.completeness is not None and o.status != NO_BOM]
        return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class OrderKit:
    summary: OrderKitSummary
    rows: tuple[KitRow, ...]


# ---- loading -------------------------------------------------------------------------
@dataclass(slots=True)
class _Meta:
    customer_name: str | None
    tier: str | None
    lines: tuple[str, ...]


class _State:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.engine: KitEngine | None = None
        self.meta: dict[str, _Meta] = {}
        self.product_lines: tuple[str, ...] = ()
        # Frozen summaries kept per order result object: rebuilt only for re-netted orders.
        self.summaries: dict[str, tuple[object, OrderKitSummary]] = {}
        self.shortage_rows: dict[str, tuple[object, ShortageRow]] = {}


_STATES: weakref.WeakKeyDictionary[Desk, _State] = weakref.WeakKeyDictionary()
_STATES_LOCK = threading.Lock()


def _state(desk: Desk) -> _State:
    with _STATES_LOCK:
        st = _STATES.get(desk)
        if st is None:
            st = _STATES[desk] = _State()
        return st


def _f(value: Decimal | float | None) -> float:
    return float(value) if value is not None else 0.0


def _load_supply(s: Session | Connection) -> tuple[dict[str, float], list[ReceiptInput]]:
    # Quantities read as floats in SQL: skipping Decimal objects halves this query's time,
    # and it runs on every stock change.
    on_hand = type_coerce(StockItem.on_hand, Float)
    allocated = type_coerce(StockItem.allocated, Float)
    available = {pid: (on or 0.0) - (al or 0.0) for pid, on, al in s.execute(
        select(StockItem.product_id, on_hand, allocated))}
    receipts = [ReceiptInput(pid, q or 0.0, d, rid) for rid, pid, q, d in s.execute(
        select(Receipt.id, Receipt.product_id, type_coerce(Receipt.quantity, Float),
               Receipt.due_date).where(Receipt.received.is_(False)))]
    return available, receipts


def _open_orders() -> tuple:
    # The statuses are written into the SQL (literal_execute) rather than bound: SQLite
    # reads the open orders from the partial index ix_orders_kit_open only when the
    # query's condition is the index's own, word for word (KIT_OPEN_WHERE).
    statuses = bindparam("kit_open", KIT_OPEN_PRODUCTION, expanding=True,
                         literal_execute=True)
    return (Order.cancelled.is_(False), Order.merged_into_id.is_(None),
            Order.status_production.in_(statuses))


def load_input(s: Session) -> tuple[KitInput, dict[str, _Meta]]:
    """Everything the engine needs, in a handful of column queries (no ORM objects).

    Executed on the session's connection (Core): the ORM's per-row loading of plain
    columns was about half the load's time. The open orders and the orders the lines
    belong to come from the partial index ix_orders_kit_open, never the orders table."""
    conn = s.connection()
    products = {pid: ProductInfo(pid, sku, name, unit, line) for pid, sku, name, unit, line in
                conn.execute(select(Product.id, Product.sku, Product.name, Product.unit,
                                    Product.product_line))}
    bom = [BomEdge(p, c, q or 0.0, r or 0.0) for p, c, q, r in conn.execute(
        select(BomLine.parent_id, BomLine.component_id, type_coerce(BomLine.qty_per, Float),
               type_coerce(BomLine.scrap_rate, Float))
        .where(BomLine.active.is_(True)))]
    available, receipts = _load_supply(conn)
    open_cond = _open_orders()
    heads = conn.execute(
        select(Order.id, Order.order_no, Order.rush, Order.order_time, Order.requested_date,
               Customer.name, Customer.tier)
        .outerjoin(Customer, Customer.id == Order.customer_id).where(*open_cond)).all()
    # Lines grouped by order (the rows come ordered by order, then line number).
    lines_of: dict[str, list[tuple[str, float]]] = {}
    due_of: dict[str, dt.date] = {}
    for oid, pid, qty, due in conn.execute(
            select(OrderLine.order_id, OrderLine.product_id,
                   type_coerce(OrderLine.quantity, Float), OrderLine.due_date)
            .join(Order, Order.id == OrderLine.order_id)
            .where(*open_cond, OrderLine.cancelled.is_(False))
            .order_by(OrderLine.order_id, OrderLine.line_no)).all():
        got = lines_of.get(oid)
        if got is None:
            lines_of[oid] = [(pid, qty or 0.0)]
        else:
            got.append((pid, qty or 0.0))
        if due is not None:
            first = due_of.get(oid)
            if first is None or due < first:
                due_of[oid] = due
    orders: list[OrderInput] = []
    meta: dict[str, _Meta] = {}
    # Product lines per distinct set of ordered products: orders repeat a few products.
    line_sets: dict[frozenset[str], tuple[str, ...]] = {}
    no_lines: list[tuple[str, float]] = []
    for oid, no, rush, otime, req, cname, tier in heads:
        lines = lines_of.get(oid, no_lines)
        orders.append(OrderInput(oid, no, tuple(lines), due_of.get(oid) or req, bool(rush),
                                 otime, cname, tier))
        key = frozenset([p for p, _ in lines])
        plines = line_sets.get(key)
        if plines is None:
            plines = line_sets[key] = tuple(sorted(
                {products[p].product_line for p in key
                 if p in products and products[p].product_line}))
        meta[oid] = _Meta(cname, tier, plines)
    return KitInput(products, bom, available, receipts, orders), meta


def _rebuild(desk: Desk, st: _State) -> None:
    with gc_paused(), desk.read() as s:
        data, meta = load_input(s)
    st.engine = KitEngine(data)
    st.meta = meta
    st.summaries = {}
    st.shortage_rows = {}
    st.product_lines = tuple(sorted({ln for m in meta.values() for ln in m.lines}))


def _refresh_supply(desk: Desk, st: _State) -> None:
    """Apply only what changed in stock and receipts, incrementally."""
    engine = st.engine
    assert engine is not None
    with desk.read() as s:
        available, receipts = _load_supply(s.connection())
    for pid in set(available) | set(engine.available):
        new = available.get(pid, 0.0)
        if abs(engine.available.get(pid, 0.0) - new) > 1e-9:
            engine.set_available(pid, new)
    by_product: dict[str, list[tuple[dt.date, float]]] = {}
    for r in receipts:
        if r.quantity > 0:
            by_product.setdefault(r.product_id, []).append((r.due_date, r.quantity))
    for pid in set(by_product) | set(engine.receipts):
        engine.set_receipts(pid, by_product.get(pid, []))


def refresh(desk: Desk, changes: Changes | None = None) -> None:
    """Bring the kept netting up to date: incrementally after a stock-only change."""
    st = _state(desk)
    with st.lock:
        _refresh_locked(desk, st, changes)


def _refresh_locked(desk: Desk, st: _State, changes: Changes | None) -> None:
    stock_only = (changes is not None and changes.stock and not
                  (changes.orders or changes.catalog or changes.settings or changes.conflicts))
    if st.engine is not None and stock_only:
        _refresh_supply(desk, st)
    elif st.engine is None or changes is None or changes.any():
        _rebuild(desk, st)


def forget(desk: Desk) -> None:
    """Drop the kept state (tests, closing a database)."""
    with _STATES_LOCK:
        _STATES.pop(desk, None)


# ---- queries -------------------------------------------------------------------------
def _summary(st: _State, res) -> OrderKitSummary:  # type: ignore[no-untyped-def]
    m = st.meta.get(res.order_id) or _Meta(None, None, ())
    return OrderKitSummary(
        order_id=res.order_id, order_no=res.order_no, rank=res.rank,
        customer_name=m.customer_name, customer_tier=m.tier, product_lines=m.lines,
        need_date=res.need_date, rush=res.rush, status=res.status,
        completeness=res.completeness, rows_total=res.rows_total, rows_short=res.rows_short,
        missing_bom=res.missing_bom, clear_date=res.clear_date, kit_date=res.kit_date)


def _shortage_row(c) -> ShortageRow:  # type: ignore[no-untyped-def]
    return ShortageRow(
        component_id=c.component_id, sku=c.sku, name=c.name, unit=c.unit, shortage=c.shortage,
        available=c.available, incoming=c.incoming, order_ids=c.order_ids,
        order_nos=c.order_nos, first_need=c.first_need, clear_date=c.clear_date)


def _matches(o: OrderKitSummary, f: KitFilter) -> bool:
    if f.product_line and f.product_line not in o.product_lines:
        return False
    if f.tier and o.customer_tier != f.tier:
        return False
    if f.due_from and (o.need_date is None or o.need_date < f.due_from):
        return False
    if f.due_to and (o.need_date is None or o.need_date > f.due_to):
        return False
    if f.status and o.status != f.status:
        return False
    if f.rush_only and not o.rush:
        return False
    text = f.text.strip().lower()
    if text and text not in o.order_no.lower() and text not in (o.customer_name or "").lower():
        return False
    return True


def kit_report(desk: Desk, filters: KitFilter | None = None, *,
               changes: Changes | None = None) -> KitReport:
    """Kit completeness of every open order (rush first, then need date) and the short
    components with the orders they block.

    `changes`: what changed since the last report on this desk. None reloads
    everything; a stock-only change re-nets just the components whose supply moved.
    Shortage rows are limited to the orders that pass the filter.
    """
    desk.require("order.read")
    filters = filters or KitFilter()
    st = _state(desk)
    # Collections triggered by allocation counts while tens of thousands of long-lived
    # rows are built would walk them again and again: held off until the report is made.
    with st.lock, gc_paused():
        _refresh_locked(desk, st, changes)
        engine = st.engine
        assert engine is not None
        summaries = []
        cache = st.summaries
        for r in engine.results():
            hit = cache.get(r.order_id)
            if hit is None or hit[0] is not r:
                hit = cache[r.order_id] = (r, _summary(st, r))
            summaries.append(hit[1])
        unfiltered = filters == KitFilter()
        listed = tuple(summaries) if unfiltered else tuple(
            o for o in summaries if _matches(o, filters))
        ids = set() if unfiltered else {o.order_id for o in listed}
        rows = []
        for c in engine.shortages():
            if unfiltered:
                hit = st.shortage_rows.get(c.component_id)
                if hit is None or hit[0] is not c:
                    hit = st.shortage_rows[c.component_id] = (c, _shortage_row(c))
                rows.append(hit[1])
                continue
            blocked = [(oid, no) for oid, no in zip(c.order_ids, c.order_nos) if oid in ids]
            if not blocked:
                continue
            rows.append(ShortageRow(
                component_id=c.component_id, sku=c.sku, name=c.name, unit=c.unit,
                shortage=c.shortage if len(blocked) == len(c.order_ids) else engine.short_for(
                    c.component_id, {oid for oid, _ in blocked}),
                available=c.available, incoming=c.incoming,
                order_ids=tuple(o for o, _ in blocked), order_nos=tuple(n for _, n in blocked),
                first_need=engine.orders[engine.rank_of[blocked[0][0]]].need_date,
                clear_date=c.clear_date))
        rows.sort(key=lambda r: (-r.order_count, -r.shortage, r.sku))
        counts = {s: 0 for s in STATUSES}
        for o in listed:
            counts[o.status] += 1
        return KitReport(orders=listed, shortages=tuple(rows),
                         counts=tuple(counts.items()), open_orders=len(summaries),
                         product_lines=st.product_lines,
                         computed_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))


def order_kit(desk: Desk, order_id: str, *, reuse: bool = True) -> OrderKit:
    """One open order's components: required, from stock, from receipts, shortage,
    to make, clearing date and status. Reuses the kept netting when there is one."""
    desk.require("order.read")
    st = _state(desk)
    with st.lock:
        if st.engine is None or not reuse:
            _rebuild(desk, st)
        engine = st.engine
        assert engine is not None
        if order_id not in engine.rank_of:
            with desk.read() as s:
                exists = s.get(Order, order_id) is not None
            raise NotFound(entity="open_order" if exists else "order", key=order_id)
        res = engine.result(engine.rank_of[order_id])
        return OrderKit(summary=_summary(st, res), rows=tuple(engine.rows(order_id)))


def shortages(desk: Desk, *, changes: Changes | None = None) -> list[ShortageRow]:
    """Short bought components, most blocked orders first, with clearing dates."""
    return list(kit_report(desk, changes=changes).shortages)


def component_users(desk: Desk, component_id: str) -> list[OrderKitSummary]:
    """Open orders whose kit uses this component, in priority order (after a report)."""
    desk.require("order.read")
    st = _state(desk)
    with st.lock:
        if st.engine is None:
            _rebuild(desk, st)
        engine = st.engine
        assert engine is not None
        return [_summary(st, engine.result(engine.rank_of[oid]))
                for oid in engine.users_of(component_id)]
