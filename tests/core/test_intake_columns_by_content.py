"""Column recognition by evidence: each failure issue 10 names, each sheet property of the
corpus generator, and the refusal of low-confidence mappings (library, CLI, hot folder)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from orderdesk.intake import preview_file, run_import
from orderdesk.models import Customer, Order, OrderChannelRef, Product

sys.path.insert(0, str(Path(__file__).parents[1]))
from intake_corpus import catalog as corpus_catalog  # noqa: E402
from intake_corpus import sheets as corpus_sheets  # noqa: E402

NOW = dt.datetime(2026, 3, 2, 10, 0)


@pytest.fixture
def cat_desk(desk):  # type: ignore[no-untyped-def]
    corpus_catalog.load(desk)
    return desk


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def codes(desk) -> tuple[dict[str, str], dict[str, str]]:  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return (dict(s.execute(select(Customer.id, Customer.code)).all()),
                dict(s.execute(select(Product.id, Product.sku)).all()))


def field_of(mapping, header: str) -> str | None:  # type: ignore[no-untyped-def]
    return mapping.fields.get(mapping.headers.index(header))


# -- the failures the issue names -------------------------------------------------------

def test_vat_invoice_buyer_column_is_the_customer_by_content(cat_desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "vat.xlsx", [
        ["购买方", "规格型号", "数量", "单价"],
        ["苏州恒锐精密有限公司", "GSK-E9724-03", 3000, 1.25],
        ["无锡华通汽车电子有限公司", "CVR-A1460-08", 500, 0.8],
    ])
    pv = preview_file(cat_desk, path, now=NOW)
    assert pv.error is None
    m = pv.mapping
    col = m.headers.index("购买方")
    assert m.fields[col] == "customer_name"
    assert "100% of values are known customers" in m.reason(col, "en")
    assert m.confidence(col) >= 0.9 and not m.needs_confirmation
    # 规格型号 holds catalog SKUs: the SKU column, whatever the invoice calls it.
    assert field_of(m, "规格型号") == "sku"
    cust, _ = codes(cat_desk)
    assert [cust[ln.customer_id] for ln in pv.lines] == ["C101", "C102"]
    assert all(ln.ok for ln in pv.lines)


@pytest.mark.parametrize("header", ["PO号", "订单编号", "单号", "订单号"])
def test_a_customers_order_number_is_its_po_and_stays_the_channel_number(
        cat_desk, tmp_path, header) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "po.xlsx", [
        ["客户名称", header, "物料编码", "数量", "交货日期"],
        ["苏州恒锐精密有限公司", "HR-2026-001", "BRK-1001", 1000, dt.datetime(2026, 3, 20)],
        ["苏州恒锐精密有限公司", "HR-2026-002", "CLP-3001", 2000, dt.datetime(2026, 3, 21)],
    ])
    pv = preview_file(cat_desk, path, now=NOW)
    assert [ln.customer_po for ln in pv.lines] == ["HR-2026-001", "HR-2026-002"]
    report = run_import(cat_desk, [path], now=NOW)
    assert report.imported == 2
    with cat_desk.read() as s:
        pos = set(s.scalars(select(Order.customer_po)))
        refs = set(s.scalars(select(OrderChannelRef.channel_order_no)))
    assert pos == {"HR-2026-001", "HR-2026-002"}
    if header != "PO号":
        assert {"HR-2026-001", "HR-2026-002"} <= refs


@pytest.mark.parametrize("title_rows,words", [
    ([["苏州恒锐精密有限公司 采购订单"], []], "采购订单"),
    ([["采购订单"], ["需方：苏州恒锐精密有限公司", None, "供方：本公司"], []], "需方"),
    ([["订货单"], ["客户：恒锐", None, "日期：2026-03-02"], []], "客户"),
])
def test_the_customer_of_a_whole_file_comes_from_its_title_or_notes_rows(
        cat_desk, tmp_path, title_rows, words) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "title.xlsx", title_rows + [
        ["物料编码", "数量", "交货日期"],
        ["BRK-1001", 1000, dt.datetime(2026, 3, 20)],
        ["CLP-3001", 2000, dt.datetime(2026, 3, 21)],
    ])
    pv = preview_file(cat_desk, path, now=NOW)
    cust, _ = codes(cat_desk)
    assert pv.mapping.file_customer_id and cust[pv.mapping.file_customer_id] == "C101"
    assert words in pv.mapping.file_customer_text
    assert [cust[ln.customer_id] for ln in pv.lines] == ["C101", "C101"]
    assert all(ln.ok for ln in pv.lines)


def test_supplier_line_does_not_name_the_customer(cat_desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "supplier.xlsx", [
        ["供方：苏州恒锐精密有限公司"], [],
        ["物料编码", "数量"], ["BRK-1001", 1000]])
    pv = preview_file(cat_desk, path, now=NOW)
    assert pv.mapping.file_customer_id is None
    assert [p.reason for p in pv.lines[0].problems] == ["no_customer"]


def test_layouts_subtotals_compact_and_dotted_dates_quantity_forms_row_numbers(
        cat_desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "layouts.xlsx", [
        ["序号", "客户名称", "物料编码", "数量", "下单日期", "交货日期"],
        [1, "恒锐", "BRK-1001", "1.2万", 20260302, "2026.3.25"],
        [2, "恒锐", "CLP-3001", "3,000.00", 20260302, "2026.03.26"],
        ["小计", None, None, 15000, None, None],
        [3, "恒锐", "GSK-E9724-03", "3000 PCS", 20260301, "2026.4.1"],
        ["合计", None, None, 18000, None, None],
    ])
    pv = preview_file(cat_desk, path, now=NOW)
    m = pv.mapping
    assert 0 not in m.fields                       # 序号 is ignored
    assert [(ln.quantity, ln.order_time.date(), ln.requested_date) for ln in pv.lines] == [
        (Decimal(12000), dt.date(2026, 3, 2), dt.date(2026, 3, 25)),
        (Decimal(3000), dt.date(2026, 3, 2), dt.date(2026, 3, 26)),
        (Decimal(3000), dt.date(2026, 3, 1), dt.date(2026, 4, 1))]
    assert all(ln.ok for ln in pv.lines)


def test_gbk_csv_with_unknown_headers_is_read_by_content(cat_desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("往来单位,凭证号,零件号,件数,录入日期,需求日期\r\n"
            "苏州恒锐精密有限公司,PZ-0001,brk 1001,500,2026-03-01,2026-03-20\r\n"
            "苏州恒锐精密有限公司,PZ-0002,ＣＬＰ－３００１,800,2026-03-01,2026-03-22\r\n")
    path = tmp_path / "gbk.csv"
    path.write_bytes(text.encode("gbk"))
    pv = preview_file(cat_desk, path, now=NOW)
    m = pv.mapping
    assert field_of(m, "往来单位") == "customer_name"
    assert field_of(m, "零件号") == "sku"
    _, sku = codes(cat_desk)
    assert [sku[ln.product_id] for ln in pv.lines] == ["BRK-1001", "CLP-3001"]


def test_blank_headers_are_mapped_by_content_with_reasons(cat_desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "blank.xlsx", [
        ["列1", "列2", "列3", "列4", "列5", "列6"],
        ["13800138000", "BRK-1001", 1000, dt.datetime(2026, 3, 1), dt.datetime(2026, 3, 20), 1.25],
        ["13800138000", "CLP-3001", 2000, dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 25), 0.8],
    ])
    m = preview_file(cat_desk, path, now=NOW).mapping
    assert [m.fields.get(c) for c in range(6)] == ["phone", "sku", "quantity", "order_time",
                                                   "requested_date", "unit_price"]
    assert all(m.how[c] == "content" for c in range(6))
    assert "known customer phones" in m.reason(0, "en")
    assert "earlier" in m.reason(3, "en") and "later" in m.reason(4, "en")
    assert not m.needs_confirmation


# -- low confidence: asked, never guessed -----------------------------------------------

def unsure_file(tmp_path: Path) -> Path:
    """One date column nothing names, its dates on both sides of today: order date or due
    date? The user must say."""
    return xlsx(tmp_path / "unsure.xlsx", [
        ["甲", "乙", "丙", "丁"],
        ["苏州恒锐精密有限公司", "BRK-1001", 3000, dt.datetime(2020, 3, 20)],
        ["苏州恒锐精密有限公司", "CLP-3001", 500, dt.datetime(2099, 3, 22)],
    ])


@pytest.mark.parametrize("days,field", [((18, 20), "requested_date"), ((-5, -1), "order_time")])
def test_a_lone_date_column_is_told_apart_by_today(cat_desk, tmp_path, days, field) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "lone.xlsx", [["甲", "乙", "丙", "丁"]] + [
        ["苏州恒锐精密有限公司", "BRK-1001", 3000, NOW + dt.timedelta(days=d)] for d in days])
    m = preview_file(cat_desk, path, now=NOW).mapping
    assert m.fields[3] == field and not m.needs_confirmation
    assert "today" in m.reason(3, "en")


def n_orders(desk) -> int:  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return s.scalar(select(func.count(Order.id)))


def test_low_confidence_mapping_is_refused_until_confirmed(cat_desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = unsure_file(tmp_path)
    pv = preview_file(cat_desk, path, now=NOW)
    assert pv.mapping.needs_confirmation and pv.mapping.low_confidence == [3]
    report = run_import(cat_desk, [path], now=NOW)
    assert report.files[0].status == "needs_confirmation" and report.imported == 0
    assert report.files[0].error.code == "low_confidence_mapping"
    assert n_orders(cat_desk) == 0
    # The user decides (here: the column is ignored): the file imports.
    confirmed = pv.mapping.with_field(3, None)
    report = run_import(cat_desk, [path], mappings={str(path): confirmed}, now=NOW)
    assert report.imported == 2


def test_cli_refuses_low_confidence_and_takes_map_or_accept(cat_desk, db_path, tmp_path, capsys,
                                                            monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.cli import main

    monkeypatch.setenv("ORDERDESK_LANG", "en")
    path = unsure_file(tmp_path)
    cat_desk.close()
    assert main(["import", str(path), "--db", str(db_path), "--order-time", NOW.isoformat()]) == 3
    err = capsys.readouterr().err
    assert "low confidence" in err and "丁" in err and "--map" in err
    code = main(["import", str(path), "--db", str(db_path), "--json", "--dry-run",
                 "--map", "丁=ignore", "--order-time", NOW.isoformat()])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["imported"] == 2 and data["files"][0]["status"] == "imported"
    code = main(["import", str(path), "--db", str(db_path), "--json", "--dry-run",
                 "--accept-mapping", "--order-time", NOW.isoformat()])
    data = json.loads(capsys.readouterr().out)
    # Accepted as read: the 2020 row is then a due date before the order date, rejected.
    assert code == 0 and data["files"][0]["status"] == "imported" and data["imported"] == 1
    assert main(["import", str(path), "--db", str(db_path), "--map", "丁=nonsense"]) != 0


def test_hot_folder_does_not_call_an_unsure_file_done(cat_desk, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.intake.hot_folder import process_hot_folder

    monkeypatch.setenv("ORDERDESK_LANG", "en")
    folder = tmp_path / "hot"
    folder.mkdir()
    unsure_file(folder)
    [result] = process_hot_folder(cat_desk, folder, "excel")
    assert result.outcome == "failed" and "low confidence" in result.message
    assert n_orders(cat_desk) == 0


# -- every sheet property of the corpus -------------------------------------------------

CASES_DIR: dict[str, Path] = {}


def _cases(tmp_path_factory) -> list[dict]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("corpus")
    return corpus_sheets.generate(folder) + corpus_sheets.combo_cases(folder / "combo")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[dict]:  # type: ignore[no-untyped-def]
    return _cases(tmp_path_factory)


@pytest.mark.parametrize("prop", [*corpus_sheets.PROPERTIES, "combo"])
def test_every_row_and_field_of_each_sheet_property(cat_desk, corpus, prop) -> None:  # type: ignore[no-untyped-def]
    cust, sku = codes(cat_desk)
    wrong = []
    for case in [c for c in corpus if c["prop"] == prop]:
        pv = preview_file(cat_desk, case["path"], now=NOW)
        assert pv.error is None, case["id"]
        assert len(pv.lines) == len(case["expect"]), case["id"]
        for ln, e in zip(pv.lines, case["expect"]):
            got = {"customer": cust.get(ln.customer_id), "po": ln.customer_po,
                   "sku": sku.get(ln.product_id), "quantity": ln.quantity,
                   "order_date": ln.order_time.date(), "due_date": ln.requested_date,
                   "price": ln.unit_price}
            wrong += [(case["id"], ln.row, f, got[f], e[f]) for f in corpus_sheets.FIELDS
                      if got[f] != e[f]]
    assert not wrong, wrong[:5]


def test_amount_tax_and_weight_columns_are_neither_price_nor_quantity(cat_desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "amount.xlsx", [
        ["客户名称", "物料编码", "数量", "金额", "税率", "重量(kg)"],
        ["恒锐", "BRK-1001", 1000, 1250.5, "13%", 12.5],
        ["恒锐", "CLP-3001", 2000, 1600.8, "13%", 20.25],
    ])
    pv = preview_file(cat_desk, path, now=NOW)
    assert pv.mapping.fields == {0: "customer_name", 1: "sku", 2: "quantity"}
    assert [(ln.quantity, ln.unit_price) for ln in pv.lines] == [(1000, None), (2000, None)]


@pytest.mark.parametrize("header", ["数量(千个)", "Qty (K)", "订货量（万件）"])
def test_a_quantity_header_in_thousands_is_asked_not_guessed(cat_desk, tmp_path, header) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "scaled.xlsx", [["客户名称", "物料编码", header],
                                           ["恒锐", "BRK-1001", 1.2], ["恒锐", "CLP-3001", 3]])
    m = preview_file(cat_desk, path, now=NOW).mapping
    assert m.fields[2] == "quantity" and m.low_confidence == [2] and m.needs_confirmation
