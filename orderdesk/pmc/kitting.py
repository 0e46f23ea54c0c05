"""Kit completeness (齐套) engine: multi-level BOM netting of open orders in priority order.

Pure Python over plain data loaded once (no ORM objects, no session): the service in
`orderdesk.pmc.service` loads a `KitInput`, builds a `KitEngine` and keeps it for
incremental updates. Runs on whatever thread calls it; it touches nothing shared.

How it nets (an MRP-style pass, one component at a time):

- Orders are ranked: rush first, then need date (earliest line due date, else the
  requested date; none sorts last), then order time, then order number. Earlier ranks
  take stock and receipts first.
- Components are netted in topological order of the BOM graph (parents before
  children), so all demand on a component is known before it is netted. A cycle in the
  BOMs is a data error (`BomCycle` with the SKUs on the loop).
- The gross demand of an order on a direct component is line quantity × qty per unit ×
  (1 + scrap rate). For each component, in rank order: take from what is available
  (on hand − allocated), then from open receipts due on or before the order's need
  date (in date order). What is still missing:
  * for a made component (one with a BOM of its own, e.g. a sub-assembly) is to be
    made: it is exploded into demand on its children for this order;
  * for a bought component is a shortage. Later receipts are then taken in date order
    for this order too, and if they cover it the shortage clears on the last one's date.
- Row status: red = short at the need date; amber = covered, but only thanks to a
  receipt that arrives by the need date; green = covered from stock. A made component
  takes the worst status of its children in the same order when it has to be made.
- An order completeness is the share of its component rows that are not red. An order
  with a line whose product has no BOM gets status `no_bom` and names those SKUs: it
  is never reported as complete.

Finished goods stock is not netted: orders in PMC's kit check are built to order; what
the warehouse ships from stock is the warehouse's business.

Incremental: the engine keeps, for each component, its netting chain (one entry per
order using it, in rank order) with the state before each entry. A change of one
component's availability re-nets that chain from the first entry whose result can
change; a change to a made component's plan re-nets its children from the first order
whose demand changed. Only the orders touched are re-summarised.
"""

from __future__ import annotations

import datetime as dt
import heapq
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from orderdesk.errors import OrderdeskError

EPS = 1e-6
GREEN, AMBER, RED, NO_BOM = "green", "amber", "red", "no_bom"
_WORSE = {GREEN: 0, AMBER: 1, RED: 2}
_FAR = dt.date.max


class BomCycle(OrderdeskError):
    """A product appears among its own components (path: SKUs around the loop)."""

    code = "bom_cycle"


# ---- input -------------------------------------------------------------------------
@dataclass(frozen=True)
class ProductInfo:
    id: str
    sku: str
    name: str
    unit: str = "pcs"
    product_line: str | None = None


@dataclass(frozen=True)
class BomEdge:
    parent_id: str
    component_id: str
    qty_per: float
    scrap_rate: float = 0.0


@dataclass(frozen=True)
class ReceiptInput:
    product_id: str
    quantity: float
    due_date: dt.date
    id: str = ""


@dataclass(frozen=True)
class OrderInput:
    id: str
    order_no: str
    lines: tuple[tuple[str, float], ...]          # (product id, quantity)
    need_date: dt.date | None = None
    rush: bool = False
    order_time: dt.datetime | None = None
    customer_name: str | None = None
    customer_tier: str | None = None


@dataclass
class KitInput:
    products: dict[str, ProductInfo]
    bom: list[BomEdge]
    available: dict[str, float]                    # on hand − allocated, per product
    receipts: list[ReceiptInput]
    orders: list[OrderInput]


# ---- output ------------------------------------------------------------------------
@dataclass(frozen=True)
class KitRow:
    """One component of one order after netting."""

    component_id: str
    sku: str
    name: str
    unit: str
    level: int                 # 1 = direct component of an ordered product
    required: float
    from_stock: float
    from_receipts: float
    shortage: float            # bought components: missing at the need date
    to_make: float             # made components: quantity to be made (exploded further)
    made: bool
    receipt_date: dt.date | None   # last in-time receipt relied on (amber)
    clear_date: dt.date | None     # when a later receipt covers the shortage (red)
    status: str

    @property
    def available(self) -> float:
        return self.from_stock + self.from_receipts


@dataclass(frozen=True)
class OrderResult:
    order_id: str
    order_no: str
    rank: int
    need_date: dt.date | None
    rush: bool
    status: str                # green / amber / red / no_bom
    completeness: float | None  # share of rows not red; None when there is nothing to check
    rows_total: int
    rows_short: int
    missing_bom: tuple[str, ...]  # SKUs of ordered products without a BOM
    clear_date: dt.date | None    # red: when every shortage clears (None: not covered)
    kit_date: dt.date | None      # amber: when the last receipt relied on arrives


@dataclass(frozen=True)
class ComponentShortage:
    component_id: str
    sku: str
    name: str
    unit: str
    shortage: float
    available: float
    incoming: float
    blocked: tuple[tuple[str, str], ...]   # (order id, order no) in priority order
    first_need: dt.date | None
    clear_date: dt.date | None             # None: receipts do not cover every order


# ---- internals ---------------------------------------------------------------------
class _Entry:
    __slots__ = ("rank", "demand", "from_stock", "from_receipts", "rest", "receipt_date",
                 "clear_date", "stock_before", "ptr_before", "left_before")

    def __init__(self, rank: int, demand: float) -> None:
        self.rank = rank
        self.demand = demand
        self.from_stock = self.from_receipts = self.rest = 0.0
        self.receipt_date: dt.date | None = None
        self.clear_date: dt.date | None = None
        self.stock_before = 0.0
        self.ptr_before = 0
        self.left_before = 0.0

    def outcome(self) -> tuple:
        return (self.demand, self.from_stock, self.from_receipts, self.rest,
                self.receipt_date, self.clear_date)


class _Chain:
    __slots__ = ("pid", "made", "entries", "ranks")

    def __init__(self, pid: str, made: bool) -> None:
        self.pid = pid
        self.made = made
        self.entries: list[_Entry] = []
        self.ranks: list[int] = []

    def index(self, rank: int) -> int | None:
        i = bisect_left(self.ranks, rank)
        return i if i < len(self.ranks) and self.ranks[i] == rank else None


def _priority(order: OrderInput) -> tuple:
    return (not order.rush, order.need_date or _FAR, order.order_time or dt.datetime.max,
            order.order_no)


class KitEngine:
    """Netting state of every open order; see the module docstring for the rules."""

    def __init__(self, data: KitInput) -> None:
        self.products = data.products
        self.children: dict[str, list[tuple[str, float]]] = {}
        self.parents: dict[str, list[tuple[str, float]]] = {}
        for e in data.bom:
            per = float(e.qty_per) * (1.0 + float(e.scrap_rate or 0.0))
            self.children.setdefault(e.parent_id, []).append((e.component_id, per))
            self.parents.setdefault(e.component_id, []).append((e.parent_id, per))
        self.topo = self._topological_order()
        self.topo_pos = {pid: i for i, pid in enumerate(self.topo)}
        self.available = {k: float(v) for k, v in data.available.items()}
        self.receipts: dict[str, list[tuple[dt.date, float]]] = {}
        self.set_all_receipts(data.receipts, renet=False)
        self.orders = sorted(data.orders, key=_priority)
        self.rank_of = {o.id: i for i, o in enumerate(self.orders)}
        self.need = [o.need_date or _FAR for o in self.orders]
        self.chains: dict[str, _Chain] = {}
        self.direct: dict[str, dict[int, float]] = {}
        self.order_components: list[set[str]] = [set() for _ in self.orders]
        self.missing_bom: list[tuple[str, ...]] = []
        self._results: list[OrderResult | None] = [None] * len(self.orders)
        self._full_run()

    # -- BOM graph ----------------------------------------------------------------
    def _topological_order(self) -> list[str]:
        """Products parents-first; raises BomCycle naming the loop's SKUs."""
        order: list[str] = []
        state: dict[str, int] = {}   # 1 = on the current path, 2 = done
        for root in self.children:
            if state.get(root):
                continue
            stack: list[tuple[str, int]] = [(root, 0)]
            path: list[str] = [root]
            state[root] = 1
            while stack:
                node, i = stack[-1]
                kids = self.children.get(node, ())
                if i < len(kids):
                    stack[-1] = (node, i + 1)
                    child = kids[i][0]
                    s = state.get(child)
                    if s == 1:
                        loop = path[path.index(child):] + [child]
                        raise BomCycle(path=[self._sku(p) for p in loop])
                    if s is None:
                        state[child] = 1
                        stack.append((child, 0))
                        path.append(child)
                else:
                    stack.pop()
                    path.pop()
                    state[node] = 2
                    order.append(node)
        order.reverse()
        return order

    def _sku(self, pid: str) -> str:
        p = self.products.get(pid)
        return p.sku if p else pid

    # -- supply -------------------------------------------------------------------
    def set_all_receipts(self, receipts: Iterable[ReceiptInput], *, renet: bool = True) -> None:
        by_product: dict[str, list[tuple[dt.date, float]]] = {}
        for r in receipts:
            if r.quantity > EPS:
                by_product.setdefault(r.product_id, []).append((r.due_date, float(r.quantity)))
        for recs in by_product.values():
            recs.sort()
        self.receipts = by_product
        if renet:
            self._full_run()

    def _initial_state(self, pid: str) -> tuple[float, int, float]:
        recs = self.receipts.get(pid, ())
        stock = self.available.get(pid, 0.0)
        ptr, left = 0, (recs[0][1] if recs else 0.0)
        # Over-allocated stock is a debt that incoming receipts settle first.
        debt = -stock if stock < 0 else 0.0
        stock = max(stock, 0.0)
        while debt > EPS and ptr < len(recs):
            q = min(left, debt)
            debt -= q
            left -= q
            if left <= EPS:
                ptr += 1
                left = recs[ptr][1] if ptr < len(recs) else 0.0
        return stock, ptr, left

    # -- netting ------------------------------------------------------------------
    def _net(self, chain: _Chain, start: int) -> None:
        """Net `chain` from entry `start` on, using the state stored before it."""
        entries = chain.entries
        if start >= len(entries):
            return
        recs = self.receipts.get(chain.pid, ())
        n_recs = len(recs)
        if start == 0:
            stock, ptr, left = self._initial_state(chain.pid)
        else:
            e = entries[start]
            stock, ptr, left = e.stock_before, e.ptr_before, e.left_before
        made = chain.made
        need = self.need
        for i in range(start, len(entries)):
            e = entries[i]
            e.stock_before, e.ptr_before, e.left_before = stock, ptr, left
            rem = e.demand
            take = rem if rem < stock else stock
            stock -= take
            rem -= take
            e.from_stock = take
            got = 0.0
            rdate = None
            if rem > EPS and ptr < n_recs:
                nd = need[e.rank]
                while rem > EPS and ptr < n_recs and recs[ptr][0] <= nd:
                    q = left if left < rem else rem
                    rem -= q
                    left -= q
                    got += q
                    rdate = recs[ptr][0]
                    if left <= EPS:
                        ptr += 1
                        left = recs[ptr][1] if ptr < n_recs else 0.0
            e.from_receipts = got
            e.receipt_date = rdate
            e.clear_date = None
            if rem <= EPS:
                rem = 0.0
            elif not made and ptr < n_recs:
                # Late receipts go to the earliest short order first, in date order.
                late = rem
                cdate = None
                while late > EPS and ptr < n_recs:
                    q = left if left < late else late
                    late -= q
                    left -= q
                    cdate = recs[ptr][0]
                    if left <= EPS:
                        ptr += 1
                        left = recs[ptr][1] if ptr < n_recs else 0.0
                if late <= EPS:
                    e.clear_date = cdate
            e.rest = rem

    def _full_run(self) -> None:
        self.chains.clear()
        self.direct.clear()
        self._results = [None] * len(self.orders)
        self.order_components = [set() for _ in self.orders]
        missing: list[tuple[str, ...]] = []
        demand: dict[str, dict[int, float]] = {}
        children = self.children
        for rank, order in enumerate(self.orders):
            miss: list[str] = []
            for pid, qty in order.lines:
                kids = children.get(pid)
                if not kids:
                    sku = self._sku(pid)
                    if sku not in miss:
                        miss.append(sku)
                    continue
                for cid, per in kids:
                    d = demand.get(cid)
                    if d is None:
                        d = demand[cid] = {}
                    d[rank] = d.get(rank, 0.0) + qty * per
            missing.append(tuple(miss))
        self.missing_bom = missing
        self.direct = {cid: dict(d) for cid, d in demand.items()}
        comps = self.order_components
        for pid in self.topo:
            d = demand.get(pid)
            if not d:
                continue
            chain = _Chain(pid, pid in children)
            chain.ranks = sorted(d)
            chain.entries = [_Entry(r, d[r]) for r in chain.ranks]
            for r in chain.ranks:
                comps[r].add(pid)
            self._net(chain, 0)
            self.chains[pid] = chain
            if chain.made:
                for e in chain.entries:
                    if e.rest > EPS:
                        for cid, per in children[pid]:
                            dd = demand.get(cid)
                            if dd is None:
                                dd = demand[cid] = {}
                            dd[e.rank] = dd.get(e.rank, 0.0) + e.rest * per

    # -- incremental --------------------------------------------------------------
    def set_available(self, pid: str, available: float) -> set[int]:
        """One component's on hand − allocated changed; returns the ranks re-summarised."""
        available = float(available)
        old = self.available.get(pid, 0.0)
        self.available[pid] = available
        chain = self.chains.get(pid)
        if chain is None or abs(old - available) <= EPS:
            return set()
        start: int | None = None
        if old < 0 or available < 0:
            start = 0
        else:
            for i, e in enumerate(chain.entries):
                used = old - e.stock_before
                left = available - used
                if e.from_stock < e.demand - EPS or left < e.demand - EPS:
                    start = i
                    e.stock_before = max(left, 0.0)
                    break
        if start is None:
            return set()
        return self._propagate({pid: start})

    def set_receipts(self, pid: str, receipts: Sequence[tuple[dt.date, float]]) -> set[int]:
        """Replace one component's open receipts; returns the ranks re-summarised."""
        recs = sorted((d, float(q)) for d, q in receipts if q > EPS)
        if recs == self.receipts.get(pid, []):
            return set()
        if recs:
            self.receipts[pid] = recs
        else:
            self.receipts.pop(pid, None)
        if pid not in self.chains:
            return set()
        return self._propagate({pid: 0})

    def _propagate(self, starts: dict[str, int]) -> set[int]:
        heap = [(self.topo_pos[p], p) for p in starts]
        heapq.heapify(heap)
        queued = set(starts)
        touched: set[int] = set()
        while heap:
            _pos, pid = heapq.heappop(heap)
            queued.discard(pid)
            chain = self.chains[pid]
            start = starts.pop(pid)
            before = [e.outcome() for e in chain.entries[start:]]
            self._net(chain, start)
            changed = [e.rank for e, b in zip(chain.entries[start:], before) if e.outcome() != b]
            touched.update(changed)
            if not chain.made or not changed:
                continue
            for cid, _per in self.children[pid]:
                first = self._redemand(cid, changed)
                if first is None:
                    continue
                starts[cid] = min(starts.get(cid, first), first)
                if cid not in queued:
                    queued.add(cid)
                    heapq.heappush(heap, (self.topo_pos[cid], cid))
        for r in touched:
            self._results[r] = None
        return touched

    def _redemand(self, cid: str, ranks: list[int]) -> int | None:
        """Recompute a child's demand for these orders; the first entry index changed."""
        chain = self.chains.get(cid)
        if chain is None:
            chain = self.chains[cid] = _Chain(cid, cid in self.children)
        direct = self.direct.get(cid, {})
        first: int | None = None
        for r in ranks:
            qty = direct.get(r, 0.0)
            for parent, per in self.parents.get(cid, ()):
                pc = self.chains.get(parent)
                i = pc.index(r) if pc else None
                if i is not None:
                    qty += pc.entries[i].rest * per
            i = chain.index(r)
            if i is None:
                if qty <= EPS:
                    continue
                i = bisect_left(chain.ranks, r)
                chain.ranks.insert(i, r)
                entry = _Entry(r, qty)
                if i < len(chain.entries):
                    nxt = chain.entries[i]
                    entry.stock_before, entry.ptr_before, entry.left_before = (
                        nxt.stock_before, nxt.ptr_before, nxt.left_before)
                chain.entries.insert(i, entry)
                self.order_components[r].add(cid)
                if i == len(chain.entries) - 1 and i > 0:
                    first = 0 if first is None else min(first, 0)  # state unknown: from start
            elif abs(chain.entries[i].demand - qty) > EPS:
                chain.entries[i].demand = qty
            else:
                continue
            first = i if first is None else min(first, i)
        return first

    # -- results ------------------------------------------------------------------
    def _rows_status(self, rank: int) -> dict[str, str]:
        """Effective status per component of one order (made ones inherit children)."""
        status: dict[str, str] = {}
        comps = self.order_components[rank]
        for pid in sorted(comps, key=self.topo_pos.__getitem__, reverse=True):
            chain = self.chains[pid]
            e = chain.entries[chain.index(rank)]
            if e.demand <= EPS:
                continue
            if chain.made:
                s = AMBER if e.from_receipts > EPS else GREEN
                if e.rest > EPS:
                    for cid, _ in self.children[pid]:
                        cs = status.get(cid)
                        if cs and _WORSE[cs] > _WORSE[s]:
                            s = cs
            else:
                s = RED if e.rest > EPS else (AMBER if e.from_receipts > EPS else GREEN)
            status[pid] = s
        return status

    def result(self, rank: int) -> OrderResult:
        cached = self._results[rank]
        if cached is not None:
            return cached
        order = self.orders[rank]
        status = self._rows_status(rank)
        total = len(status)
        short = sum(1 for s in status.values() if s == RED)
        clear: dt.date | None = None
        kit: dt.date | None = None
        never = False
        for pid, s in status.items():
            chain = self.chains[pid]
            e = chain.entries[chain.index(rank)]
            if s == RED and not chain.made:
                if e.clear_date is None:
                    never = True
                elif clear is None or e.clear_date > clear:
                    clear = e.clear_date
            if e.receipt_date and (kit is None or e.receipt_date > kit):
                kit = e.receipt_date
        missing = self.missing_bom[rank]
        if missing or not total:
            overall = NO_BOM
        else:
            overall = max(status.values(), key=_WORSE.__getitem__)
        res = OrderResult(
            order_id=order.id, order_no=order.order_no, rank=rank, need_date=order.need_date,
            rush=order.rush, status=overall,
            completeness=(total - short) / total if total else None,
            rows_total=total, rows_short=short, missing_bom=missing,
            clear_date=None if never or short == 0 else clear,
            kit_date=kit if overall == AMBER else None)
        self._results[rank] = res
        return res

    def results(self) -> list[OrderResult]:
        return [self.result(r) for r in range(len(self.orders))]

    def rows(self, order_id: str) -> list[KitRow]:
        """Component rows of one order, parents before their children."""
        rank = self.rank_of[order_id]
        status = self._rows_status(rank)
        levels = self._levels(rank)
        out: list[KitRow] = []
        for pid in sorted(status, key=lambda p: (levels.get(p, 1), self._sku(p))):
            chain = self.chains[pid]
            e = chain.entries[chain.index(rank)]
            info = self.products.get(pid) or ProductInfo(pid, pid, pid)
            out.append(KitRow(
                component_id=pid, sku=info.sku, name=info.name, unit=info.unit,
                level=levels.get(pid, 1), required=round(e.demand, 4),
                from_stock=round(e.from_stock, 4), from_receipts=round(e.from_receipts, 4),
                shortage=0.0 if chain.made else round(e.rest, 4),
                to_make=round(e.rest, 4) if chain.made else 0.0, made=chain.made,
                receipt_date=e.receipt_date, clear_date=e.clear_date, status=status[pid]))
        return out

    def _levels(self, rank: int) -> dict[str, int]:
        levels: dict[str, int] = {}
        frontier = [(pid, 1) for pid, _ in self.orders[rank].lines]
        comps = self.order_components[rank]
        while frontier:
            nxt = []
            for pid, lvl in frontier:
                for cid, _ in self.children.get(pid, ()):
                    if cid in comps and levels.get(cid, 0) < lvl:
                        levels[cid] = lvl
                        nxt.append((cid, lvl + 1))
            frontier = nxt
        return levels

    def shortages(self) -> list[ComponentShortage]:
        """Bought components short for at least one order, most orders blocked first."""
        out: list[ComponentShortage] = []
        for pid, chain in self.chains.items():
            if chain.made:
                continue
            blocked = [e for e in chain.entries if e.rest > EPS]
            if not blocked:
                continue
            info = self.products.get(pid) or ProductInfo(pid, pid, pid)
            never = any(e.clear_date is None for e in blocked)
            clear = None if never else max(e.clear_date for e in blocked)  # type: ignore[type-var]
            out.append(ComponentShortage(
                component_id=pid, sku=info.sku, name=info.name, unit=info.unit,
                shortage=round(sum(e.rest for e in blocked), 4),
                available=self.available.get(pid, 0.0),
                incoming=round(sum(q for _, q in self.receipts.get(pid, ())), 4),
                blocked=tuple((self.orders[e.rank].id, self.orders[e.rank].order_no)
                              for e in blocked),
                first_need=self.orders[blocked[0].rank].need_date, clear_date=clear))
        out.sort(key=lambda c: (-len(c.blocked), -c.shortage, c.sku))
        return out

    def users_of(self, pid: str) -> list[str]:
        """Order ids whose kit uses this component, in priority order."""
        chain = self.chains.get(pid)
        return [self.orders[r].id for r in chain.ranks] if chain else []


__all__ = [
    "AMBER", "GREEN", "NO_BOM", "RED", "BomCycle", "BomEdge", "ComponentShortage",
    "KitEngine", "KitInput", "KitRow", "OrderInput", "OrderResult", "ProductInfo",
    "ReceiptInput",
]
