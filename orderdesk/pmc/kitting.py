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
from itertools import compress
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter, itemgetter

from orderdesk.errors import OrderdeskError
from orderdesk.gc_pause import gc_paused

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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
    order_ids: tuple[str, ...]             # the orders it blocks, in priority order,
    order_nos: tuple[str, ...]             # and their numbers
    first_need: dt.date | None
    clear_date: dt.date | None             # None: receipts do not cover every order

    @property
    def blocked(self) -> tuple[tuple[str, str], ...]:
        """(order id, order no) of each order it blocks, in priority order."""
        return tuple(zip(self.order_ids, self.order_nos))


# ---- internals ---------------------------------------------------------------------
class _Chain:
    """One component's netting: parallel lists, one slot per order using it, by rank.

    Lists rather than one object per (order, component): the full run creates ~100,000
    slots and the inner loop reads them; plain lists keep that within the time budget.
    """

    __slots__ = ("pid", "made", "ranks", "pos", "demand", "stock", "rec", "rest", "rdate",
                 "cdate", "sb", "pb", "lb")

    def __init__(self, pid: str, made: bool, ranks: list[int], demand: list[float]) -> None:
        n = len(ranks)
        self.pid = pid
        self.made = made
        self.ranks = ranks
        self.pos = {r: i for i, r in enumerate(ranks)}
        self.demand = demand
        self.stock = [0.0] * n           # taken from stock
        self.rec = [0.0] * n             # taken from receipts due by the need date
        self.rest = [0.0] * n            # shortage (bought) or to make (made)
        self.rdate: list[dt.date | None] = [None] * n   # last in-time receipt used
        self.cdate: list[dt.date | None] = [None] * n   # late receipt that clears it
        self.sb = [0.0] * n              # state before each slot: stock left,
        self.pb = [0] * n                # receipt pointer,
        self.lb = [0.0] * n              # quantity left on that receipt

    def outcome(self, i: int) -> tuple:
        return (self.demand[i], self.stock[i], self.rec[i], self.rest[i], self.rdate[i],
                self.cdate[i])

    def insert(self, i: int, rank: int, demand: float) -> None:
        """A new order slot before index i; its state-before is the old slot i's."""
        n = len(self.ranks)
        sb, pb, lb = (self.sb[i], self.pb[i], self.lb[i]) if i < n else (0.0, 0, 0.0)
        self.ranks.insert(i, rank)
        self.demand.insert(i, demand)
        for lst, v in ((self.stock, 0.0), (self.rec, 0.0), (self.rest, 0.0), (self.rdate, None),
                       (self.cdate, None), (self.sb, sb), (self.pb, pb), (self.lb, lb)):
            lst.insert(i, v)
        self.pos = {r: j for j, r in enumerate(self.ranks)}


_order_id = attrgetter("id")
_order_no = attrgetter("order_no")


def _pick(values: list[str], indexes: list[int]) -> tuple[str, ...]:
    """values[i] for each index, as a tuple (itemgetter: one C call for thousands)."""
    if len(indexes) == 1:
        return (values[indexes[0]],)
    return itemgetter(*indexes)(values) if indexes else ()


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
        # Per order (by rank): the chains of the components it uses, parents first.
        self.order_components: list[list[_Chain]] = []
        self._shortage_cache: dict[str, ComponentShortage | None] = {}
        self._by_rank: tuple[list[str], list[str]] | None = None   # ids, numbers by rank
        self.missing_bom: list[tuple[str, ...]] = []
        self._results: list[OrderResult | None] = [None] * len(self.orders)
        with gc_paused():
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
            with gc_paused():
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
    def _net(self, c: _Chain, start: int) -> None:
        """Net chain `c` from slot `start` on, using the state stored before it."""
        n = len(c.ranks)
        if start >= n:
            return
        recs = self.receipts.get(c.pid, ())
        n_recs = len(recs)
        if start == 0:
            stock, ptr, left = self._initial_state(c.pid)
        else:
            stock, ptr, left = c.sb[start], c.pb[start], c.lb[start]
        made = c.made
        need = self.need
        ranks, demand = c.ranks, c.demand
        c_stock, c_rec, c_rest, c_rdate, c_cdate = c.stock, c.rec, c.rest, c.rdate, c.cdate
        sb, pb, lb = c.sb, c.pb, c.lb
        for i in range(start, n):
            sb[i] = stock
            pb[i] = ptr
            lb[i] = left
            rem = demand[i]
            if rem <= stock:
                stock -= rem
                c_stock[i] = rem
                c_rec[i] = 0.0
                c_rest[i] = 0.0
                c_rdate[i] = None
                c_cdate[i] = None
                continue
            c_stock[i] = stock
            rem -= stock
            stock = 0.0
            got = 0.0
            rdate = None
            cdate = None
            if ptr < n_recs:
                nd = need[ranks[i]]
                while rem > EPS and ptr < n_recs and recs[ptr][0] <= nd:
                    q = left if left < rem else rem
                    rem -= q
                    left -= q
                    got += q
                    rdate = recs[ptr][0]
                    if left <= EPS:
                        ptr += 1
                        left = recs[ptr][1] if ptr < n_recs else 0.0
                if rem > EPS and not made and ptr < n_recs:
                    # Late receipts go to the earliest short order first, in date order.
                    late = rem
                    last = None
                    while late > EPS and ptr < n_recs:
                        q = left if left < late else late
                        late -= q
                        left -= q
                        last = recs[ptr][0]
                        if left <= EPS:
                            ptr += 1
                            left = recs[ptr][1] if ptr < n_recs else 0.0
                    if late <= EPS:
                        cdate = last
            c_rec[i] = got
            c_rdate[i] = rdate
            c_cdate[i] = cdate
            c_rest[i] = rem if rem > EPS else 0.0

    def _full_run(self) -> None:
        self.chains.clear()
        self._shortage_cache = {}
        self._results = [None] * len(self.orders)
        comps: list[list[_Chain]] = [[] for _ in self.orders]
        self.order_components = comps
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
        for pid in self.topo:
            d = demand.get(pid)
            if not d:
                continue
            ranks = sorted(d)
            c = _Chain(pid, pid in children, ranks, [d[r] for r in ranks])
            for r in ranks:
                comps[r].append(c)
            self._net(c, 0)
            self.chains[pid] = c
            if c.made:
                kids = children[pid]
                for r, rest in zip(ranks, c.rest):
                    if rest > EPS:
                        for cid, per in kids:
                            dd = demand.get(cid)
                            if dd is None:
                                dd = demand[cid] = {}
                            dd[r] = dd.get(r, 0.0) + rest * per

    # -- incremental --------------------------------------------------------------
    def set_available(self, pid: str, available: float) -> set[int]:
        """One component's on hand − allocated changed; returns the ranks re-summarised."""
        available = float(available)
        old = self.available.get(pid, 0.0)
        self.available[pid] = available
        self._shortage_cache.pop(pid, None)
        c = self.chains.get(pid)
        if c is None or abs(old - available) <= EPS:
            return set()
        start: int | None = None
        if old < 0 or available < 0:
            start = 0
        else:
            # Slots served wholly from stock, that the new stock still covers, stay as
            # they are; re-net from the first other one.
            for i in range(len(c.ranks)):
                left = available - (old - c.sb[i])
                if c.stock[i] < c.demand[i] - EPS or left < c.demand[i] - EPS:
                    start = i
                    c.sb[i] = max(left, 0.0)
                    break
        if start is None:
            return set()
        return self._propagate({pid: start})

    def set_receipts(self, pid: str, receipts: Sequence[tuple[dt.date, float]]) -> set[int]:
        """Replace one component's open receipts; returns the ranks re-summarised."""
        recs = sorted((d, float(q)) for d, q in receipts if q > EPS)
        if recs == self.receipts.get(pid, []):
            return set()
        self._shortage_cache.pop(pid, None)
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
            c = self.chains[pid]
            start = starts.pop(pid)
            before = [c.outcome(i) for i in range(start, len(c.ranks))]
            self._net(c, start)
            changed = [c.ranks[i] for i, b in zip(range(start, len(c.ranks)), before)
                       if c.outcome(i) != b]
            touched.update(changed)
            self._shortage_cache.pop(pid, None)
            if not c.made or not changed:
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
        """Recompute a child's demand for these orders; the first slot index changed."""
        c = self.chains.get(cid)
        if c is None:
            c = self.chains[cid] = _Chain(cid, cid in self.children, [], [])
        direct = self.direct.get(cid, {})
        first: int | None = None
        for r in ranks:
            qty = direct.get(r, 0.0)
            for parent, per in self.parents.get(cid, ()):
                pc = self.chains.get(parent)
                j = pc.pos.get(r) if pc else None
                if j is not None:
                    qty += pc.rest[j] * per
            i = c.pos.get(r)
            if i is None:
                if qty <= EPS:
                    continue
                i = bisect_left(c.ranks, r)
                appended = i == len(c.ranks)
                c.insert(i, r, qty)
                comps = self.order_components[r]
                comps.append(c)
                comps.sort(key=lambda ch: self.topo_pos[ch.pid])
                if appended and i > 0:
                    i = 0          # the state after the last slot is not kept: from the start
            elif abs(c.demand[i] - qty) > EPS:
                c.demand[i] = qty
            else:
                continue
            first = i if first is None else min(first, i)
        return first

    # -- results ------------------------------------------------------------------
    def _rows_status(self, rank: int) -> list[tuple[str, _Chain, int, str]]:
        """(component, chain, slot, status) of one order, children before parents.

        A made component that has to be made takes the worst status of its children."""
        out: list[tuple[str, _Chain, int, str]] = []
        status: dict[str, str] = {}
        children = self.children
        for c in reversed(self.order_components[rank]):
            pid = c.pid
            i = c.pos[rank]
            if c.demand[i] <= EPS:
                continue
            rest = c.rest[i]
            s = AMBER if c.rec[i] > EPS else GREEN
            if c.made:
                if rest > EPS:
                    for cid, _ in children[pid]:
                        cs = status.get(cid)
                        if cs is RED:
                            s = RED
                            break
                        if cs is AMBER:
                            s = AMBER
            elif rest > EPS:
                s = RED
            status[pid] = s
            out.append((pid, c, i, s))
        return out

    def result(self, rank: int) -> OrderResult:
        cached = self._results[rank]
        if cached is not None:
            return cached
        # Same rules as _rows_status, fused into one pass: this runs for every order.
        order = self.orders[rank]
        children = self.children
        status: dict[str, str] = {}
        total = short = 0
        worst = GREEN
        clear: dt.date | None = None
        kit: dt.date | None = None
        never = False
        for c in reversed(self.order_components[rank]):
            i = c.pos[rank]
            if c.demand[i] <= EPS:
                continue
            total += 1
            rd = c.rdate[i]
            if rd is not None and (kit is None or rd > kit):
                kit = rd
            if c.rest[i] > EPS:
                if c.made:
                    s = AMBER if c.rec[i] > EPS else GREEN
                    for cid, _ in children[c.pid]:
                        cs = status.get(cid)
                        if cs is RED:
                            s = RED
                            break
                        if cs is AMBER:
                            s = AMBER
                else:
                    s = RED
                    cd = c.cdate[i]
                    if cd is None:
                        never = True
                    elif clear is None or cd > clear:
                        clear = cd
            else:
                s = AMBER if c.rec[i] > EPS else GREEN
            status[c.pid] = s
            if s is RED:
                short += 1
                worst = RED
            elif s is AMBER and worst is GREEN:
                worst = AMBER
        missing = self.missing_bom[rank]
        overall = NO_BOM if (missing or not total) else worst
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
        with gc_paused():
            return [self.result(r) for r in range(len(self.orders))]

    def rows(self, order_id: str) -> list[KitRow]:
        """Component rows of one order as a tree: each made component is followed by the
        components it is made from (a component used under two parents shows once,
        under the first)."""
        rank = self.rank_of[order_id]
        levels = self._levels(rank)
        rows: dict[str, KitRow] = {}
        for pid, c, i, s in self._rows_status(rank):
            info = self.products.get(pid) or ProductInfo(pid, pid, pid)
            rest = round(c.rest[i], 4)
            rows[pid] = KitRow(
                component_id=pid, sku=info.sku, name=info.name, unit=info.unit,
                level=levels.get(pid, 1), required=round(c.demand[i], 4),
                from_stock=round(c.stock[i], 4), from_receipts=round(c.rec[i], 4),
                shortage=0.0 if c.made else rest, to_make=rest if c.made else 0.0,
                made=c.made, receipt_date=c.rdate[i], clear_date=c.cdate[i], status=s)
        out: list[KitRow] = []
        seen: set[str] = set()

        def walk(parent: str, depth: int) -> None:
            kids = sorted((cid for cid, _ in self.children.get(parent, ()) if cid in rows),
                          key=lambda cid: rows[cid].sku)
            for cid in kids:
                if cid in seen:
                    continue
                seen.add(cid)
                row = rows[cid]
                if row.level != depth:
                    row = replace(row, level=depth)
                out.append(row)
                walk(cid, depth + 1)

        for pid, _qty in self.orders[rank].lines:
            walk(pid, 1)
        out.extend(rows[p] for p in sorted(rows, key=lambda p: rows[p].sku) if p not in seen)
        return out

    def _levels(self, rank: int) -> dict[str, int]:
        levels: dict[str, int] = {}
        frontier = [(pid, 1) for pid, _ in self.orders[rank].lines]
        comps = {c.pid for c in self.order_components[rank]}
        while frontier:
            nxt = []
            for pid, lvl in frontier:
                for cid, _ in self.children.get(pid, ()):
                    if cid in comps and levels.get(cid, 0) < lvl:
                        levels[cid] = lvl
                        nxt.append((cid, lvl + 1))
            frontier = nxt
        return levels

    def shortage_of(self, pid: str) -> ComponentShortage | None:
        """A bought component's shortage over every order it blocks (None: not short)."""
        if pid in self._shortage_cache:
            return self._shortage_cache[pid]
        c = self.chains.get(pid)
        result = None
        # A slot's rest is 0.0 or more than EPS (_net writes nothing in between), so the
        # list itself flags the short slots: a common component blocks thousands of
        # orders, and compress picks them without a Python step per slot.
        if c is not None and not c.made and any(c.rest):
            ranks = list(compress(c.ranks, c.rest))
            info = self.products.get(pid) or ProductInfo(pid, pid, pid)
            # Without receipts no slot has a clearing date.
            cds = list(compress(c.cdate, c.rest)) if pid in self.receipts else [None]
            ids, nos = self._ids_by_rank()
            result = ComponentShortage(
                component_id=pid, sku=info.sku, name=info.name, unit=info.unit,
                shortage=round(sum(compress(c.rest, c.rest)), 4),
                available=self.available.get(pid, 0.0),
                incoming=round(sum(q for _, q in self.receipts.get(pid, ())), 4),
                order_ids=_pick(ids, ranks), order_nos=_pick(nos, ranks),
                first_need=self.orders[ranks[0]].need_date,
                clear_date=None if None in cds else max(cds))  # type: ignore[type-var]
        self._shortage_cache[pid] = result
        return result

    def _ids_by_rank(self) -> tuple[list[str], list[str]]:
        if self._by_rank is None:
            self._by_rank = (list(map(_order_id, self.orders)),
                             list(map(_order_no, self.orders)))
        return self._by_rank

    def shortages(self) -> list[ComponentShortage]:
        """Bought components short for at least one order, most orders blocked first."""
        with gc_paused():
            out = [s for s in (self.shortage_of(pid) for pid in self.chains) if s is not None]
        out.sort(key=lambda c: (-len(c.order_ids), -c.shortage, c.sku))
        return out

    def short_for(self, pid: str, order_ids: set[str]) -> float:
        """A component's shortage over some of the orders only."""
        c = self.chains[pid]
        return round(sum(rest for r, rest in zip(c.ranks, c.rest)
                         if rest > EPS and self.orders[r].id in order_ids), 4)

    def users_of(self, pid: str) -> list[str]:
        """Order ids whose kit uses this component, in priority order."""
        c = self.chains.get(pid)
        return [self.orders[r].id for r in c.ranks] if c else []


__all__ = [
    "AMBER", "GREEN", "NO_BOM", "RED", "BomCycle", "BomEdge", "ComponentShortage",
    "KitEngine", "KitInput", "KitRow", "OrderInput", "OrderResult", "ProductInfo",
    "ReceiptInput",
]
