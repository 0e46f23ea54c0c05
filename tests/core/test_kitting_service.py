"""Kit check services on a real SQLite station database, and `orderdesk shortages`."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from orderdesk.changes import Changes
from orderdesk.errors import NotFound
from orderdesk.models import BomLine, Order, Receipt, StockItem
from orderdesk.pmc import service, supply
from orderdesk.pmc.kitting import AMBER, GREEN, NO_BOM, RED, BomCycle
from orderdesk.services import catalog, orders
from orderdesk.services.orders import LineDraft, OrderDraft

TODAY = dt.date.today()


def _day(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def _order(desk, sku: str, qty: int, due: int, *, customer: str = "C002", rush: bool = False,
           status: str = "confirmed") -> str:
    ref = orders.create_order(desk, OrderDraft(
        channel="phone", customer_code=customer, requested_date=_day(due), rush=rush,
        status_sales=status, lines=[LineDraft(sku=sku, quantity=qty)]))
    return ref.id


@pytest.fixture
def factory(desk, demo_catalog):  # type: ignore[no-untyped-def]
    """BRK-1001 (0.05 kg resin +2% scrap, 2 inserts); inserts 10,000, resin 500 kg."""
    return demo_catalog


def test_report_nets_orders_in_due_order_and_names_blocked_orders(desk, factory) -> None:
    first = _order(desk, "BRK-1001", 4000, 3)       # 8,000 inserts
    second = _order(desk, "BRK-1001", 2000, 6)      # 4,000 inserts: 2,000 short
    third = _order(desk, "HSG-2002", 10, 4)         # no BOM
    report = service.kit_report(desk)
    by_id = {o.order_id: o for o in report.orders}
    assert by_id[first].status == GREEN and by_id[first].completeness == 1.0
    assert by_id[second].status == RED and by_id[second].completeness == 0.5
    assert by_id[third].status == NO_BOM and by_id[third].missing_bom == ("HSG-2002",)
    assert [o.order_id for o in report.orders][:2] == [first, third]   # need date order
    assert report.count(RED) == 1 and report.count(NO_BOM) == 1
    (row,) = report.shortages
    assert row.sku == "INS-2001" and row.shortage == pytest.approx(2000)
    assert row.order_ids == (second,) and row.clear_date is None
    kit = service.order_kit(desk, second)
    ins = next(r for r in kit.rows if r.sku == "INS-2001")
    assert (ins.required, ins.from_stock, ins.shortage) == (4000, 2000, 2000)
    resin = next(r for r in kit.rows if r.sku == "RES-PA66GF30")
    assert resin.required == pytest.approx(102.0) and resin.status == GREEN


def test_receipt_booked_in_app_turns_red_to_amber_incrementally(desk, factory) -> None:
    _order(desk, "BRK-1001", 4000, 3)
    second = _order(desk, "BRK-1001", 2000, 6)
    assert service.kit_report(desk).count(RED) == 1
    changes = supply.add_receipt(desk, "INS-2001", 2500, _day(5), reference="PO-778")
    assert changes == Changes(stock=True)
    report = service.kit_report(desk, changes=changes)
    summary = next(o for o in report.orders if o.order_id == second)
    assert summary.status == AMBER and summary.kit_date == _day(5)
    assert report.shortages == ()
    # The receipt slips past the need date: red again, with the date it clears.
    rid = supply.list_receipts(desk, "INS-2001")[0].id
    changes = supply.update_receipt(desk, rid, due_date=_day(9))
    report = service.kit_report(desk, changes=changes)
    summary = next(o for o in report.orders if o.order_id == second)
    assert summary.status == RED and summary.clear_date == _day(9)
    assert report.shortages[0].clear_date == _day(9)
    # The incremental state agrees with a fresh load.
    service.forget(desk)
    again = service.kit_report(desk)
    assert again.orders == report.orders and again.shortages == report.shortages


def test_stock_edit_and_receiving_change_the_kit(desk, factory) -> None:
    oid = _order(desk, "BRK-1001", 6000, 3)
    assert service.kit_report(desk).orders[0].status == RED
    ch = supply.set_stock(desk, "INS-2001", on_hand=12000)
    assert service.kit_report(desk, changes=ch).orders[0].status == GREEN
    ch = supply.set_stock(desk, "INS-2001", on_hand=12000, allocated=3000)
    assert service.kit_report(desk, changes=ch).orders[0].status == RED
    supply.add_receipt(desk, "INS-2001", 3000, _day(1))
    rid = supply.list_receipts(desk, "INS-2001")[0].id
    ch = supply.receive(desk, rid)
    with desk.read() as s:
        item = s.scalar(select(StockItem).where(StockItem.product_id == s.scalar(
            select(BomLine.component_id).where(BomLine.qty_per == 2))))
        assert item.on_hand == Decimal(15000)
        assert s.get(Receipt, rid).received is True
    assert service.kit_report(desk, changes=ch).orders[0].status == GREEN
    with pytest.raises(NotFound):
        service.order_kit(desk, "no-such-order")
    assert service.order_kit(desk, oid).summary.status == GREEN


def test_bom_editing_refuses_a_loop_and_deactivates_reversibly(desk, factory) -> None:
    oid = _order(desk, "HSG-2002", 100, 3)
    assert service.kit_report(desk).orders[0].status == NO_BOM
    catalog.save_product(desk, "CLIP-9", "弹片", is_component=True)
    ch = supply.set_bom_line(desk, "HSG-2002", "CLIP-9", qty_per="2", scrap_rate="0.05")
    assert ch.catalog
    kit = service.order_kit(desk, oid, reuse=False)
    assert kit.summary.status == RED and kit.rows[0].required == pytest.approx(210)
    with pytest.raises(BomCycle):
        supply.set_bom_line(desk, "CLIP-9", "HSG-2002", qty_per=1)
    line = supply.list_bom(desk, "HSG-2002")[0]
    supply.deactivate_bom_line(desk, line.id)
    assert service.kit_report(desk).orders[0].status == NO_BOM
    with desk.read() as s:
        assert s.get(BomLine, line.id).active is False         # kept, not deleted
    supply.set_bom_line(desk, "HSG-2002", "CLIP-9", qty_per=2)
    assert supply.list_bom(desk, "HSG-2002")[0].id == line.id   # the same row comes back


def test_bad_edit_input_is_refused_without_a_write(desk, factory) -> None:
    from orderdesk.errors import ValidationFailed

    with desk.read() as s:
        before = s.scalar(select(BomLine.id).limit(1))
    for call in (lambda: supply.set_bom_line(desk, "BRK-1001", "INS-2001", qty_per="abc"),
                 lambda: supply.set_bom_line(desk, "BRK-1001", "INS-2001", qty_per=0),
                 lambda: supply.set_bom_line(desk, "BRK-1001", "BRK-1001", qty_per=1),
                 lambda: supply.add_receipt(desk, "INS-2001", -5, _day(1)),
                 lambda: supply.set_stock(desk, "INS-2001", on_hand="many")):
        with pytest.raises(ValidationFailed):
            call()
    with pytest.raises(NotFound):
        supply.add_receipt(desk, "NOPE-1", 5, _day(1))
    assert supply.list_receipts(desk, "INS-2001") == []
    with desk.read() as s:
        assert s.scalar(select(BomLine.id).limit(1)) == before


def test_rush_and_cancelled_orders(desk, factory) -> None:
    normal = _order(desk, "BRK-1001", 4000, 1)
    rush = _order(desk, "BRK-1001", 4000, 9, customer="C001", rush=True)
    report = service.kit_report(desk)
    assert [o.order_id for o in report.orders] == [rush, normal]
    assert report.orders[0].status == GREEN and report.orders[1].status == RED
    orders.cancel_order(desk, rush, "客户取消")
    report = service.kit_report(desk, changes=Changes(orders=True, stock=True))
    assert [o.order_id for o in report.orders] == [normal]
    assert report.orders[0].status == GREEN


def test_filters(desk, factory) -> None:
    a = _order(desk, "BRK-1001", 10, 2, customer="C001")
    b = _order(desk, "HSG-2002", 10, 8, customer="C002")
    F = service.KitFilter
    ids = lambda f: [o.order_id for o in service.kit_report(desk, f).orders]  # noqa: E731
    assert ids(F(tier="A")) == [a]
    assert ids(F(product_line="连接器外壳")) == [b]
    assert ids(F(due_to=_day(5))) == [a]
    assert ids(F(due_from=_day(5))) == [b]
    assert ids(F(status=NO_BOM)) == [b]
    assert ids(F(text="恒锐")) == [a]
    report = service.kit_report(desk)
    assert set(report.product_lines) == {"汽车支架", "连接器外壳"}


def test_only_orders_awaiting_schedule_are_open(desk, factory) -> None:
    oid = _order(desk, "BRK-1001", 10, 2)
    orders.set_status(desk, oid, "production", "material_issued")
    assert service.kit_report(desk).orders == ()
    with pytest.raises(NotFound) as info:
        service.order_kit(desk, oid)
    assert info.value.facts["entity"] == "open_order"


def test_cli_shortages_table_and_json(desk, factory, db_path, capsys) -> None:
    from orderdesk.cli import main

    _order(desk, "BRK-1001", 4000, 3)
    second = _order(desk, "BRK-1001", 2000, 6)
    supply.add_receipt(desk, "INS-2001", 5000, _day(20))
    with desk.read() as s:
        no = s.get(Order, second).order_no
    assert main(["shortages", "--db", str(db_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == [{"sku": "INS-2001", "name": "铜嵌件", "unit": "pcs", "shortage": 2000.0,
                     "available": 10000.0, "incoming": 5000.0, "blocked_orders": [no],
                     "first_need_date": _day(6).isoformat(), "clear_date": _day(20).isoformat()}]
    assert main(["shortages", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "INS-2001" in out and no in out and _day(20).isoformat() in out


def test_cli_shortages_missing_db_is_a_clear_error(tmp_path, capsys) -> None:
    from orderdesk.cli import main

    assert main(["shortages", "--db", str(tmp_path / "nope.db")]) == 2
    err = capsys.readouterr().err
    assert "nope.db" in err and "Traceback" not in err


def test_cli_bom_cycle_is_worded(desk, factory, db_path, capsys) -> None:
    from orderdesk.cli import main

    with desk.write() as s:
        ids = dict(s.execute(select(BomLine.component_id, BomLine.parent_id)).all())
        (resin,) = [c for c, p in ids.items() if c != ids.get(c) and
                    s.get(BomLine, s.scalar(select(BomLine.id).where(
                        BomLine.component_id == c))).qty_per == Decimal("0.05")]
        parent = ids[resin]
        s.add(BomLine(parent_id=resin, component_id=parent, qty_per=Decimal(1)))
    _order(desk, "BRK-1001", 10, 2)
    assert main(["shortages", "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert "BRK-1001" in err and "RES-PA66GF30" in err and "Traceback" not in err


@pytest.mark.pg
def test_kit_check_and_green_channel_on_postgresql(pg_url) -> None:
    """Same services on the server's database engine (a private database per run)."""
    import os

    import psycopg

    from orderdesk.desk import Desk
    from orderdesk.pmc import green_channel as gc

    base = pg_url.replace("postgresql+psycopg://", "postgresql://")
    name = f"pmc_kit_{os.getpid()}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    url = base.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + "/" + name
    desk = Desk(url, station="pg")
    try:
        with desk.write() as s:
            catalog.upsert_customer(s, "C1", "客户一", tier="A")
            fg = catalog.upsert_product(s, "FG-1", "成品")
            part = catalog.upsert_product(s, "P-1", "嵌件", is_component=True)
            s.add(BomLine(parent_id=fg.id, component_id=part.id, qty_per=Decimal(2)))
            s.add(StockItem(product_id=part.id, on_hand=Decimal(100)))
        oid = _order(desk, "FG-1", 80, 1, customer="C1")
        report = service.kit_report(desk)
        assert [(o.order_id, o.status) for o in report.orders] == [(oid, RED)]
        assert report.shortages[0].shortage == pytest.approx(60)
        changes = supply.add_receipt(desk, "P-1", 60, _day(1))
        assert service.kit_report(desk, changes=changes).orders[0].status == AMBER
        assert gc.evaluate_rules(desk) == [oid]
    finally:
        desk.close()
        service.forget(desk)
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
