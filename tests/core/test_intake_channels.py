"""Hot folders, the intake API core, and catalog import."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from orderdesk.errors import ValidationFailed
from orderdesk.intake.channel_api import accept_channel_order
from orderdesk.intake.hot_folder import hot_folders, process_hot_folder, set_hot_folder
from orderdesk.models import (
    AuditLog,
    BomLine,
    Customer,
    Order,
    Product,
    ProductNickname,
    Receipt,
    StockItem,
)

try:
    from intake_fixtures import generate
except ImportError:
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1]))
    from intake_fixtures import generate


def n_orders(desk) -> int:  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return s.scalar(select(func.count(Order.id)))


# -- hot folder -------------------------------------------------------------------------

def test_hot_folder_imports_once_and_moves_files(desk, demo_catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    inbox = tmp_path / "old_web"
    inbox.mkdir()
    good = generate.utf8_bom_csv(inbox)
    generate.not_excel(inbox)
    (inbox / "~$lock.xlsx").write_bytes(b"lock")        # Excel's lock file: left alone
    results = {r.name: r for r in process_hot_folder(desk, inbox, "old_web")}
    assert set(results) == {"web_orders.csv", "报价单.xlsx"}
    assert results["web_orders.csv"].outcome == "done" and results["web_orders.csv"].imported == 3
    assert results["报价单.xlsx"].outcome == "failed"
    assert "不是 Excel" in results["报价单.xlsx"].message or "not an Excel" in results["报价单.xlsx"].message
    assert (inbox / "done" / "web_orders.csv").exists()
    report = json.loads((inbox / "done" / "web_orders.csv.report.json").read_text("utf-8"))
    assert report["imported"] == 3
    assert (inbox / "failed" / "报价单.xlsx.report.json").exists()
    assert (inbox / "~$lock.xlsx").exists()
    # The same file dropped again: moved to done/, nothing imported twice.
    shutil.copyfile(inbox / "done" / "web_orders.csv", good)
    before = n_orders(desk)
    again = process_hot_folder(desk, inbox, "old_web")
    assert again[0].outcome == "done" and again[0].imported == 0 and again[0].skipped_existing == 3
    assert n_orders(desk) == before
    assert len(list((inbox / "done").glob("web_orders*.csv"))) == 2
    with desk.read() as s:
        assert {o.channel for o in s.scalars(select(Order))} == {"old_web"}


def test_hot_folder_writes_rejects_next_to_the_file(desk, demo_catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    inbox = tmp_path / "mail"
    inbox.mkdir()
    generate.title_merged_xlsx(inbox)
    [result] = process_hot_folder(desk, inbox, "email")
    assert result.outcome == "done" and result.rejected >= 3
    assert list((inbox / "done").glob("*.rejects.xlsx"))


def test_hot_folders_are_a_setting(desk) -> None:  # type: ignore[no-untyped-def]
    set_hot_folder(desk, "old_web", "/data/export")
    set_hot_folder(desk, "email", "/data/mail")
    set_hot_folder(desk, "email", None)
    assert hot_folders(desk) == {"old_web": "/data/export"}


# -- intake API -------------------------------------------------------------------------

BODY = {"channel_order_no": "DY-9001", "customer_name": "苏州恒锐精密有限公司",
        "phone": "13800138000", "address": "苏州工业园区星湖街1号", "order_time": "2026-03-02T10:00:00+08:00",
        "requested_date": "2026-03-20", "urgent": True,
        "lines": [{"sku": "brk 1001", "quantity": "5,000", "unit_price": "1.20"},
                  {"sku": "HSG-2002", "quantity": 100}]}


def test_channel_order_is_created_once(desk, demo_catalog) -> None:  # type: ignore[no-untyped-def]
    with desk.write() as s:
        first = accept_channel_order(s, "douyin", dict(BODY))
    assert first.created and first.order_no.startswith("SO-2026-") and first.problems == ()
    with desk.write() as s:
        again = accept_channel_order(s, "douyin", dict(BODY))
    assert not again.created and again.order_id == first.order_id
    with desk.read() as s:
        order = s.get(Order, first.order_id)
        assert order.customer_id == demo_catalog["customer_a"] and order.rush
        assert order.order_time == dt.datetime(2026, 3, 2, 2, 0)   # stored in UTC
        assert [ln.quantity for ln in order.lines] == [Decimal(5000), Decimal(100)]
        assert s.scalar(select(func.count(AuditLog.id)).where(AuditLog.entity_id == order.id)) >= 1
    assert n_orders(desk) == 1


def test_unknown_customer_is_kept_and_reported(desk, demo_catalog) -> None:  # type: ignore[no-untyped-def]
    body = dict(BODY, channel_order_no="PDD-1", customer_name="某网店买家", phone="18612345678")
    with desk.write() as s:
        result = accept_channel_order(s, "pdd", body)
    assert result.created and result.problems == ("unknown_customer",)
    with desk.read() as s:
        assert s.scalar(select(func.count(Customer.id))) == 3   # nobody invented


@pytest.mark.parametrize("change,field,reason", [
    ({"channel_order_no": None}, "channel_order_no", "required"),
    ({"lines": []}, "lines", "required"),
    ({"lines": [{"sku": "NOPE", "quantity": 1}]}, "lines[0].sku", "unknown_sku"),
    ({"lines": [{"sku": "BRK-1001", "quantity": "many"}]}, "lines[0].quantity", "not_a_number"),
    ({"lines": [{"sku": "BRK-1001", "quantity": -3}]}, "lines[0].quantity", "not_positive"),
    ({"lines": [{"sku": "BRK-1001", "qty": 3}]}, "lines[0].qty", "unknown_field"),
    ({"requested_date": "soon"}, "requested_date", "not_a_date"),
    ({"urgent": "yes"}, "urgent", "not_a_boolean"),
    ({"hack": 1}, "hack", "unknown_field"),
])
def test_bad_bodies_say_field_and_reason_and_write_nothing(desk, demo_catalog, change, field,
                                                           reason) -> None:  # type: ignore[no-untyped-def]
    body = {**BODY, **change}
    body = {k: v for k, v in body.items() if v is not None}
    with pytest.raises(ValidationFailed) as info:
        with desk.write() as s:
            accept_channel_order(s, "douyin", body)
    assert info.value.facts["field"] == field and info.value.facts["reason"] == reason
    assert n_orders(desk) == 0


# -- catalog ----------------------------------------------------------------------------

def test_catalog_import_all_five_kinds_and_twice_is_harmless(desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.intake.catalog_import import run_catalog_import

    path = generate.catalog_xlsx(tmp_path)
    report = run_catalog_import(desk, [path])
    kinds = {s.sheet: (s.kind, s.created, s.rejected) for s in report.sheets}
    assert kinds == {"客户": ("customers", 3, 0), "产品": ("products", 3, 0),
                     "BOM": ("bom", 2, 1), "库存": ("stock", 2, 0), "在途": ("receipts", 1, 0)}
    assert report.rejected[0].problems[0].reason == "unknown_product"
    with desk.read() as s:
        c = s.scalar(select(Customer).where(Customer.code == "C101"))
        assert c.tier == "A" and {a.alias for a in c.aliases} == {"精工", "常州精工"}
        assert c.contacts[0].phone_norm == "13511112222"
        nameless = s.scalar(select(Customer).where(Customer.name == "缺编码的客户"))
        assert nameless.code.startswith("N")
        gear = s.scalar(select(Product).where(Product.sku == "GEAR-3003"))
        assert gear.pack_size == 200 and not gear.is_component
        assert set(s.scalars(select(ProductNickname.nickname)
                             .where(ProductNickname.product_id == gear.id))) == {"白齿轮", "小齿轮"}
        resin = s.scalar(select(Product).where(Product.sku == "RES-POM"))
        assert resin.is_component
        bom = s.scalar(select(BomLine).where(BomLine.component_id == resin.id))
        assert bom.qty_per == Decimal("0.012") and bom.scrap_rate == Decimal("0.02")
        assert s.scalar(select(StockItem.on_hand).where(StockItem.product_id == resin.id)) == 1500
        assert s.scalar(select(Receipt.quantity).where(Receipt.product_id == resin.id)) == 800
    again = run_catalog_import(desk, [path])
    assert {s.sheet: s.created for s in again.sheets} == {"客户": 0, "产品": 0, "BOM": 0,
                                                          "库存": 0, "在途": 0}
    with desk.read() as s:
        assert s.scalar(select(func.count(Customer.id))) == 3
        assert s.scalar(select(func.count(Receipt.id))) == 1


def test_catalog_import_cli(desk, db_path, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.cli import main

    desk.close()
    path = generate.catalog_xlsx(tmp_path)
    assert main(["catalog", "import", str(path), "--db", str(db_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["kind"] for s in data["sheets"]] == ["customers", "products", "bom", "stock", "receipts"]
    assert main(["catalog", "import", str(generate.empty_file(tmp_path)), "--db", str(db_path)]) == 2
