"""Kit completeness engine on plain data: netting rules, levels, receipts, increments."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from orderdesk.pmc.kitting import (
    AMBER,
    GREEN,
    NO_BOM,
    RED,
    BomCycle,
    BomEdge,
    KitEngine,
    KitInput,
    OrderInput,
    ProductInfo,
    ReceiptInput,
)

D0 = dt.date(2026, 12, 1)


def day(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


def products(*ids: str) -> dict[str, ProductInfo]:
    return {i: ProductInfo(i, i.upper(), f"name {i}") for i in ids}


def order(oid: str, lines, due: int | None, *, rush: bool = False, minute: int = 0) -> OrderInput:
    return OrderInput(id=oid, order_no=f"SO-{oid}", lines=tuple(lines),
                      need_date=day(due) if due is not None else None, rush=rush,
                      order_time=dt.datetime(2026, 11, 1, 8, minute))


def engine(bom, available, orders, receipts=(), extra=()) -> KitEngine:
    ids = {e.parent_id for e in bom} | {e.component_id for e in bom} | set(extra)
    for o in orders:
        ids |= {p for p, _ in o.lines}
    return KitEngine(KitInput(products(*ids), list(bom), dict(available), list(receipts),
                              list(orders)))


def row(eng: KitEngine, oid: str, pid: str):
    return next(r for r in eng.rows(oid) if r.component_id == pid)


def result(eng: KitEngine, oid: str):
    return eng.result(eng.rank_of[oid])


def test_single_level_required_uses_scrap_allowance() -> None:
    eng = engine([BomEdge("fg", "resin", 0.05, 0.02), BomEdge("fg", "ins", 2)],
                 {"resin": 1000, "ins": 10000}, [order("a", [("fg", 1000)], 5)])
    r = row(eng, "a", "resin")
    assert r.required == pytest.approx(51.0)          # 1000 × 0.05 × 1.02
    assert row(eng, "a", "ins").required == pytest.approx(2000)
    res = result(eng, "a")
    assert res.status == GREEN and res.completeness == 1.0 and res.rows_total == 2


def test_shared_component_goes_to_earlier_need_date_first() -> None:
    # Three orders compete for 150 inserts; order time says c, b, a but due dates say a, b, c.
    bom = [BomEdge("fg", "ins", 1)]
    eng = engine(bom, {"ins": 150}, [order("c", [("fg", 100)], 9, minute=1),
                                     order("b", [("fg", 100)], 5, minute=2),
                                     order("a", [("fg", 100)], 3, minute=3)])
    assert result(eng, "a").status == GREEN
    b = row(eng, "b", "ins")
    assert (b.from_stock, b.shortage, b.status) == (50, 50, RED)
    c = row(eng, "c", "ins")
    assert (c.from_stock, c.shortage) == (0, 100)
    assert [s.sku for s in eng.shortages()] == ["INS"]
    assert [no for _, no in eng.shortages()[0].blocked] == ["SO-b", "SO-c"]


def test_same_need_date_earlier_order_time_first() -> None:
    eng = engine([BomEdge("fg", "ins", 1)], {"ins": 100},
                 [order("late", [("fg", 100)], 5, minute=30),
                  order("early", [("fg", 100)], 5, minute=10)])
    assert result(eng, "early").status == GREEN
    assert result(eng, "late").status == RED


def test_rush_order_takes_stock_before_earlier_due_dates() -> None:
    eng = engine([BomEdge("fg", "ins", 1)], {"ins": 100},
                 [order("normal", [("fg", 100)], 1), order("rush", [("fg", 100)], 10, rush=True)])
    assert result(eng, "rush").status == GREEN
    assert result(eng, "normal").status == RED
    assert result(eng, "rush").rank == 0


def test_multi_level_uses_subassembly_stock_then_explodes_the_rest() -> None:
    # fg -> 2 sub (+10% scrap) -> 3 part; sub has 100 in stock.
    bom = [BomEdge("fg", "sub", 2, 0.10), BomEdge("sub", "part", 3), BomEdge("sub", "screw", 1),
           BomEdge("part", "resin", 0.5)]
    eng = engine(bom, {"sub": 100, "part": 300, "screw": 10_000, "resin": 1000},
                 [order("a", [("fg", 100)], 4)])
    sub = row(eng, "a", "sub")
    assert sub.required == pytest.approx(220) and sub.from_stock == 100
    assert sub.made and sub.to_make == pytest.approx(120) and sub.shortage == 0
    part = row(eng, "a", "part")
    assert part.required == pytest.approx(360) and part.from_stock == 300
    assert part.made and part.to_make == pytest.approx(60)
    resin = row(eng, "a", "resin")
    assert resin.required == pytest.approx(30) and resin.status == GREEN
    # A tree: each made component is followed by what it is made from.
    assert [(r.sku, r.level) for r in eng.rows("a")] == [
        ("SUB", 1), ("PART", 2), ("RESIN", 3), ("SCREW", 2)]
    assert result(eng, "a").status == GREEN


def test_short_grandchild_makes_the_subassembly_and_order_red() -> None:
    bom = [BomEdge("fg", "sub", 1), BomEdge("sub", "part", 1), BomEdge("fg", "box", 1)]
    eng = engine(bom, {"sub": 0, "part": 40, "box": 1000}, [order("a", [("fg", 100)], 4)])
    assert row(eng, "a", "part").shortage == pytest.approx(60)
    assert row(eng, "a", "sub").status == RED         # has to be made, and cannot be
    res = result(eng, "a")
    assert res.status == RED
    assert res.rows_total == 3 and res.rows_short == 2
    assert res.completeness == pytest.approx(1 / 3)


def test_receipt_in_time_is_amber_and_too_late_is_red_with_clearing_date() -> None:
    bom = [BomEdge("fg", "ins", 1)]
    receipts = [ReceiptInput("ins", 100, day(3)), ReceiptInput("ins", 500, day(12))]
    eng = engine(bom, {"ins": 50},
                 [order("a", [("fg", 150)], 5), order("b", [("fg", 200)], 8)], receipts)
    a = row(eng, "a", "ins")
    assert (a.from_stock, a.from_receipts, a.shortage, a.status) == (50, 100, 0, AMBER)
    assert a.receipt_date == day(3)
    assert result(eng, "a").status == AMBER and result(eng, "a").kit_date == day(3)
    b = row(eng, "b", "ins")
    assert b.shortage == 200 and b.status == RED and b.clear_date == day(12)
    assert result(eng, "b").clear_date == day(12)
    assert eng.shortages()[0].clear_date == day(12)


def test_shortage_no_receipt_covers_has_no_clearing_date() -> None:
    eng = engine([BomEdge("fg", "ins", 1)], {"ins": 0},
                 [order("a", [("fg", 100)], 5)], [ReceiptInput("ins", 30, day(9))])
    a = row(eng, "a", "ins")
    assert a.shortage == 100 and a.clear_date is None
    assert result(eng, "a").clear_date is None
    assert eng.shortages()[0].clear_date is None


def test_late_receipt_is_promised_once_to_the_earliest_short_order() -> None:
    eng = engine([BomEdge("fg", "ins", 1)], {"ins": 0},
                 [order("a", [("fg", 100)], 2), order("b", [("fg", 100)], 3)],
                 [ReceiptInput("ins", 120, day(10))])
    assert row(eng, "a", "ins").clear_date == day(10)
    assert row(eng, "b", "ins").clear_date is None     # only 20 left for b


def test_over_allocated_stock_is_settled_by_receipts_first() -> None:
    eng = engine([BomEdge("fg", "ins", 1)], {"ins": -50},
                 [order("a", [("fg", 100)], 5)], [ReceiptInput("ins", 120, day(1))])
    a = row(eng, "a", "ins")
    assert a.from_receipts == 70 and a.shortage == 30


def test_order_without_bom_is_flagged_never_complete() -> None:
    eng = engine([BomEdge("fg", "ins", 1)], {"ins": 1000},
                 [order("a", [("traded", 10)], 5), order("b", [("fg", 10), ("traded", 5)], 5)])
    a = result(eng, "a")
    assert a.status == NO_BOM and a.missing_bom == ("TRADED",) and a.completeness is None
    b = result(eng, "b")
    assert b.status == NO_BOM and b.missing_bom == ("TRADED",)
    assert b.completeness == 1.0       # what can be checked is complete, but it says why not


def test_bom_cycle_is_a_clear_error() -> None:
    with pytest.raises(BomCycle) as info:
        engine([BomEdge("fg", "sub", 1), BomEdge("sub", "part", 1), BomEdge("part", "sub", 1)],
               {}, [order("a", [("fg", 1)], 1)])
    assert info.value.facts["path"] == ["SUB", "PART", "SUB"]


def test_order_without_date_sorts_last() -> None:
    eng = engine([BomEdge("fg", "ins", 1)], {"ins": 100},
                 [order("undated", [("fg", 100)], None), order("dated", [("fg", 100)], 30)])
    assert result(eng, "dated").status == GREEN
    assert result(eng, "undated").status == RED


# ---- incremental updates agree with a full run ------------------------------------
def _random_factory(seed: int):
    rng = random.Random(seed)
    leaves = [f"p{i}" for i in range(30)]
    subs = [f"s{i}" for i in range(6)]
    fgs = [f"f{i}" for i in range(8)]
    bom = []
    for s in subs:
        for c in rng.sample(leaves, 3):
            bom.append(BomEdge(s, c, rng.choice((1, 2, 0.5)), rng.choice((0, 0.02))))
    for s in subs[:2]:                                  # third level
        bom.append(BomEdge(f"top{s}", s, 1))
    for f in fgs:
        for c in rng.sample(leaves, 2) + rng.sample(subs, 1):
            bom.append(BomEdge(f, c, rng.choice((1, 2, 3)), 0.01))
        if rng.random() < 0.4:
            bom.append(BomEdge(f, f"top{rng.choice(subs[:2])}", 1))
    avail = {p: float(rng.randint(0, 400)) for p in leaves + subs}
    receipts = [ReceiptInput(rng.choice(leaves + subs), float(rng.randint(10, 300)),
                             day(rng.randint(0, 25))) for _ in range(25)]
    orders = [order(f"o{i}", [(rng.choice(fgs), float(rng.randint(5, 60)))], rng.randint(0, 20),
                    rush=rng.random() < 0.1, minute=rng.randint(0, 59)) for i in range(60)]
    return bom, avail, receipts, orders, leaves + subs


def _snapshot(eng: KitEngine):
    return ([eng.result(r) for r in range(len(eng.orders))],
            {o.id: eng.rows(o.id) for o in eng.orders})


@pytest.mark.parametrize("seed", range(6))
def test_incremental_stock_and_receipt_changes_match_full_recompute(seed: int) -> None:
    bom, avail, receipts, orders, comps = _random_factory(seed)
    eng = engine(bom, avail, orders, receipts)
    rng = random.Random(seed + 100)
    for _ in range(25):
        pid = rng.choice(comps)
        if rng.random() < 0.7:
            avail[pid] = float(rng.choice((0, rng.randint(0, 800), -20)))
            eng.set_available(pid, avail[pid])
        else:
            receipts = [r for r in receipts if r.product_id != pid]
            receipts += [ReceiptInput(pid, float(rng.randint(10, 200)), day(rng.randint(0, 25)))
                         for _ in range(rng.randint(0, 2))]
            eng.set_receipts(pid, [(r.due_date, r.quantity) for r in receipts
                                   if r.product_id == pid])
        fresh = engine(bom, avail, orders, receipts)
        assert _snapshot(eng) == _snapshot(fresh)


def test_incremental_change_reports_only_orders_that_moved() -> None:
    bom = [BomEdge("fg", "ins", 1), BomEdge("fg2", "box", 1)]
    eng = engine(bom, {"ins": 100, "box": 1000},
                 [order("a", [("fg", 100)], 1), order("b", [("fg", 100)], 2),
                  order("c", [("fg2", 10)], 3)])
    assert result(eng, "b").status == RED
    touched = eng.set_available("ins", 250)
    assert {eng.orders[r].id for r in touched} == {"b"}
    assert result(eng, "b").status == GREEN
    assert eng.set_available("ins", 260) == set()      # nothing moves: nothing re-summarised
