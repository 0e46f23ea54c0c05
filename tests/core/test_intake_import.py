"""Order sheet import: readers, header detection, normalisation, matching, one transaction."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from orderdesk.intake import CREATE, preview_file, run_import
from orderdesk.intake.readers import read_sheets
from orderdesk.intake.values import is_total_row, parse_date, parse_quantity
from orderdesk.models import AuditLog, Customer, Order, OrderChannelRef, OrderLine, Outbox

try:
    from intake_fixtures import generate
except ImportError:  # run from another rootdir
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1]))
    from intake_fixtures import generate

NOW = dt.datetime(2026, 3, 2, 9, 30)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    return generate.build_all(tmp_path_factory.mktemp("messy"))


@pytest.fixture
def work(files, tmp_path) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    """Fresh copies per test (hot folders move files; imports must not see each other)."""
    out = {}
    for key, path in files.items():
        target = tmp_path / "in" / path.name
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(path, target)
        out[key] = target
    return out


def counts(desk) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return (s.scalar(select(func.count(Order.id))), s.scalar(select(func.count(OrderLine.id))),
                s.scalar(select(func.count(AuditLog.id))), s.scalar(select(func.count(Outbox.seq))))


# -- values -----------------------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    (dt.datetime(2026, 3, 5, 8), dt.date(2026, 3, 5)), (46086, dt.date(2026, 3, 5)),
    (46086.0, dt.date(2026, 3, 5)), ("46086", dt.date(2026, 3, 5)),
    ("2026/3/5", dt.date(2026, 3, 5)), ("2026-03-05", dt.date(2026, 3, 5)),
    ("2026.03.05", dt.date(2026, 3, 5)), ("2026年3月5日", dt.date(2026, 3, 5)),
    ("3月5日", dt.date(2026, 3, 5)), ("20260305", dt.date(2026, 3, 5)),
    ("１月８日", dt.date(2027, 1, 8)),  # said in late 2026: next January
])
def test_dates_in_every_style(value, expected) -> None:  # type: ignore[no-untyped-def]
    ref = dt.date(2026, 3, 2) if expected.year == 2026 else dt.date(2026, 11, 20)
    assert parse_date(value, ref) == expected


@pytest.mark.parametrize("value,expected", [
    (5000, 5000), (5000.0, 5000), ("5,000", 5000), ("５０００", 5000), ("5000个", 5000),
    ("5000 PCS", 5000), ("1.2万", 12000), ("5k", 5000), ("五千", 5000), ("两千五", 2500),
    ("12.5", Decimal("12.5")),
])
def test_quantities_in_every_style(value, expected) -> None:  # type: ignore[no-untyped-def]
    assert parse_quantity(value) == expected


@pytest.mark.parametrize("value,reason", [("abc", "not_a_number"), ("0", "not_positive"),
                                          ("-5", "not_positive"), (None, "blank"), ("", "blank")])
def test_bad_quantities_say_why(value, reason) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=reason):
        parse_quantity(value)


def test_totals_rows_are_recognised() -> None:
    assert is_total_row(["合计", None, 2300])
    assert is_total_row([None, "Total:", 5])
    assert not is_total_row(["PO-1", "BRK-1001", 5])


# -- reading and mapping ----------------------------------------------------------------

def test_title_rows_merged_cells_and_several_sheets(desk, demo_catalog, work) -> None:  # type: ignore[no-untyped-def]
    pv = preview_file(desk, work["title_merged"], now=NOW)
    assert pv.error is None
    assert pv.mapping.sheet == "采购订单" and pv.mapping.header_row == 4  # Excel row 5
    assert pv.mapping.fields[2] == "sku" and pv.mapping.fields[4] == "quantity"
    good = pv.good_lines
    assert [ln.row for ln in good] == [6, 7, 8, 9, 10]
    assert {ln.sku for ln in good} >= {"BRK-1001", "hsg 2002"}
    assert all(ln.quantity in (5000, 3000) for ln in good)
    assert [ln.requested_date for ln in good] == [
        dt.date(2026, 3, 20), dt.date(2026, 3, 19), dt.date(2026, 3, 25), dt.date(2026, 4, 1),
        dt.date(2026, 3, 28)]
    # 恒锐 by full name, by alias and by phone; 华通 by alias
    assert {ln.customer_id for ln in good[:3]} == {demo_catalog["customer_a"]}
    assert {ln.customer_id for ln in good[3:]} == {demo_catalog["customer_b"]}
    assert good[4].urgent  # '加急' in the note column
    problems = {(p.row, p.column, p.value, p.reason) for p in pv.problems}
    assert problems == {(12, "料号", "ZZZ-9999", "unknown_sku"),
                        (13, "订货数量(PCS)", "abc", "not_a_number"),
                        (14, "要求交货日期", "尽快", "not_a_date")}


def test_csv_in_gbk_and_utf8_bom(desk, demo_catalog, work) -> None:  # type: ignore[no-untyped-def]
    gbk = preview_file(desk, work["gbk_csv"], now=NOW)
    assert gbk.mapping.headers[0] == "订单编号"
    assert [ln.quantity for ln in gbk.lines] == [200, 12000, 500]
    assert gbk.lines[2].problems[0].reason == "unknown_customer"
    assert gbk.proposals[0].name == "新客户电子厂" and gbk.proposals[0].phone == "02155556666"
    bom = preview_file(desk, work["utf8_bom_csv"], now=NOW)
    assert bom.mapping.headers[0] == "Order#"  # BOM stripped, not part of the header text
    assert len(bom.good_lines) == 4
    assert bom.lines[2].customer_id == demo_catalog["customer_b"]  # matched by phone
    assert bom.lines[3].requested_date == dt.date(2026, 3, 30)     # '3月30日', year from order


def test_legacy_xls(desk, demo_catalog, work) -> None:  # type: ignore[no-untyped-def]
    pv = preview_file(desk, work["xls"], now=NOW)
    assert pv.error is None and pv.mapping.header_row == 2
    assert [(ln.channel_order_no, ln.quantity, ln.requested_date) for ln in pv.lines] == [
        ("XLS-1", 3000, dt.date(2026, 3, 25)), ("XLS-2", 150, dt.date(2026, 3, 26))]


def test_columns_found_by_content_when_names_fail(desk, demo_catalog, work) -> None:  # type: ignore[no-untyped-def]
    pv = preview_file(desk, work["odd_headers"], now=NOW)
    assert pv.mapping.fields == {0: "customer_code", 2: "sku", 3: "quantity", 4: "requested_date"}
    assert pv.mapping.how[2] == "content"
    assert [ln.quantity for ln in pv.lines] == [300, 150, 450]  # not the 1,2,3 counter column


@pytest.mark.parametrize("key,code,reason", [
    ("not_excel", "unreadable_file", "not_a_spreadsheet"),
    ("truncated", "unreadable_file", "truncated"),
    ("empty", "empty_file", None),
    ("encrypted", "password_protected", None),
    ("no_header", "header_not_found", None),
])
def test_bad_files_get_a_clear_message_and_commit_nothing(desk, demo_catalog, work, key, code,
                                                          reason) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.intake.errors import describe_error

    before = counts(desk)
    pv = preview_file(desk, work[key])
    assert pv.error is not None and pv.error.code == code
    if reason:
        assert pv.error.facts["reason"] == reason
    text = describe_error(pv.error, "zh")
    assert work[key].name in text or code == "header_not_found"
    report = run_import(desk, [work[key]])
    assert report.files[0].status == "unreadable" and not report.anything_read
    assert counts(desk) == before


def test_header_not_found_says_where_it_looked(work) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.intake.columns import find_header
    from orderdesk.intake.errors import HeaderNotFound, describe_error

    with pytest.raises(HeaderNotFound) as info:
        find_header(read_sheets(work["no_header"]), path=str(work["no_header"]))
    assert info.value.facts["searched_rows"] == 30
    assert "前 30 行" in describe_error(info.value, "zh")
    assert "first 30 rows" in describe_error(info.value, "en")


# -- importing --------------------------------------------------------------------------

def test_import_writes_good_orders_with_audit_and_outbox(desk, demo_catalog, work) -> None:  # type: ignore[no-untyped-def]
    before = counts(desk)
    report = run_import(desk, [work["title_merged"]], now=NOW)
    assert report.imported == 4 and report.rejected_rows == 3
    orders, lines, audits, outbox = counts(desk)
    assert (orders - before[0], lines - before[1]) == (4, 5)
    assert audits > before[2] and outbox > before[3]
    with desk.read() as s:
        po1 = s.scalars(select(Order).where(Order.customer_po == "PO-26-001")).one()
        assert [ln.quantity for ln in po1.lines] == [5000, 5000]
        assert po1.requested_date == dt.date(2026, 3, 19)
        assert s.scalars(select(Order).where(Order.customer_po == "PO-26-004")).one().rush
        entity_ids = set(s.scalars(select(Outbox.entity_id).where(Outbox.entity == "orders")))
        assert po1.id in entity_ids


def test_same_file_or_same_channel_order_imports_once(desk, demo_catalog, work, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = run_import(desk, [work["marketplace"], work["utf8_bom_csv"]], now=NOW)
    assert first.imported == 2 + 3
    again = run_import(desk, [work["marketplace"], work["utf8_bom_csv"]], now=NOW)
    assert again.imported == 0 and again.skipped_existing == 5
    assert {f.status for f in again.files} == {"already_imported"}
    # Another file (other bytes) carrying an already-known channel order number.
    copy = tmp_path / "重新导出.xlsx"
    generate.marketplace_xlsx(tmp_path, rows=6, name=copy.name)
    third = run_import(desk, [copy], now=NOW)
    assert third.imported == 1 and third.skipped_existing == 2
    with desk.read() as s:
        assert s.scalar(select(func.count(OrderChannelRef.id))
                        .where(OrderChannelRef.channel == "抖音小店")) == 3


def test_dry_run_counts_but_writes_nothing(desk, demo_catalog, work) -> None:  # type: ignore[no-untyped-def]
    before = counts(desk)
    report = run_import(desk, [work["title_merged"]], dry_run=True, now=NOW)
    assert report.dry_run and report.imported == 4
    assert counts(desk) == before


def test_abort_rolls_back_everything(desk, demo_catalog, work, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.intake import ImportAborted, orders_import

    monkeypatch.setattr(orders_import, "FLUSH_EVERY", 3)  # flush (and report) after each order

    before = counts(desk)
    abort = threading.Event()

    def progress(done: int, total: int, stage: str) -> None:
        if stage == "commit":
            abort.set()

    with pytest.raises(ImportAborted):
        run_import(desk, [work["marketplace"], work["title_merged"]], abort=abort,
                   progress=progress, now=NOW)
    assert counts(desk) == before


def test_unknown_customers_are_proposed_and_created_once(desk, demo_catalog, work, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rejected = run_import(desk, [work["gbk_csv"]], now=NOW)
    assert rejected.imported == 2 and rejected.rejected_rows == 1
    assert rejected.rejected[0].problems[0].reason == "unknown_customer"
    # The same customer in two files: created once, both orders on it.
    other = generate.csv_file(tmp_path, "second.csv", "gbk", generate.GBK_HEADER,
                              [["OLD-6001", "新客户电子厂", "HSG-2002", "100", "2026-03-20", "", ""]])
    made = run_import(desk, [work["gbk_csv"], other], create_customers=True, now=NOW)
    assert made.imported == 2 and len(made.customers_created) == 1
    with desk.read() as s:
        ids = s.scalars(select(Customer.id).where(Customer.name == "新客户电子厂")).all()
        assert len(ids) == 1
        assert s.scalar(select(func.count(Order.id)).where(Order.customer_id == ids[0])) == 2
    # A later file finds the customer by name: nobody is invented twice.
    later = generate.csv_file(tmp_path, "third.csv", "gbk", generate.GBK_HEADER,
                              [["OLD-7001", "新客户电子厂", "HSG-2002", "100", "2026-03-20", "", ""]])
    assert run_import(desk, [later], now=NOW).customers_created == ()


def test_customer_choice_picks_an_existing_customer(desk, demo_catalog, work) -> None:  # type: ignore[no-untyped-def]
    pv = preview_file(desk, work["gbk_csv"], now=NOW)
    key = pv.proposals[0].key
    report = run_import(desk, [work["gbk_csv"]], customer_choices={key: demo_catalog["customer_b"]},
                        now=NOW)
    assert report.imported == 3 and report.customers_created == ()


def test_create_choice_for_one_proposal(desk, demo_catalog, work) -> None:  # type: ignore[no-untyped-def]
    key = preview_file(desk, work["gbk_csv"], now=NOW).proposals[0].key
    report = run_import(desk, [work["gbk_csv"]], customer_choices={key: CREATE}, now=NOW)
    assert report.imported == 3 and report.customers_created == ("N00001",)


def test_created_customer_codes_carry_the_station_prefix(desk, demo_catalog, work) -> None:  # type: ignore[no-untyped-def]
    # A synced station numbers with the prefix the server gave it (as order numbers do),
    # so two stations creating customers offline never both make N00001.
    desk._sessions.configure(info={"order_no_prefix": "03"})
    key = preview_file(desk, work["gbk_csv"], now=NOW).proposals[0].key
    report = run_import(desk, [work["gbk_csv"]], customer_choices={key: CREATE}, now=NOW)
    assert report.customers_created == ("N0300001",)
    assert all(no.startswith("SO-2026-03") for no in _order_numbers(desk))


def _order_numbers(desk) -> list[str]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from orderdesk.models import Order

    with desk.read() as s:
        return list(s.scalars(select(Order.order_no)))


def test_rejects_come_back_as_xlsx_with_reasons(desk, demo_catalog, work, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from orderdesk.intake.rejects import write_rejects

    report = run_import(desk, [work["title_merged"]], now=NOW)
    out = write_rejects(report.rejected, tmp_path / "rejects.xlsx", lang="zh")
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][-3:] == ("原文件", "原行号", "问题原因")
    assert [r[-2] for r in rows[1:]] == [12, 13, 14]
    assert "ZZZ-9999" in rows[1][-1] and "物料编码不在产品目录中" in rows[1][-1]
    assert rows[2][2] == "BRK-1001"  # original cells kept for fixing
    # The fixed rejects file imports again (reason columns are ignored).
    fixed = load_workbook(out)
    sheet = fixed.active
    sheet.cell(row=2, column=3, value="HSG-2002")
    sheet.cell(row=3, column=5, value=300)
    sheet.cell(row=4, column=6, value="2026-03-30")
    fixed.save(tmp_path / "fixed.xlsx")
    again = run_import(desk, [tmp_path / "fixed.xlsx"], now=NOW)
    assert again.imported == 3 and again.rejected_rows == 0


def test_corrected_mapping_is_remembered_for_the_layout(desk, demo_catalog, work) -> None:  # type: ignore[no-untyped-def]
    pv = preview_file(desk, work["title_merged"], now=NOW)
    assert pv.mapping.fields.get(10) == "note"
    corrected = pv.mapping.with_field(10, None)     # the user: ignore the 备注 column
    corrected = corrected.with_field(3, "spec")      # and 品名 is really a spec
    run_import(desk, [work["title_merged"]], mappings={str(work["title_merged"]): corrected},
               remember_mappings=True, now=NOW)
    later = preview_file(desk, work["title_merged"], now=NOW)
    assert 10 not in later.mapping.fields and later.mapping.fields[3] == "spec"
    assert later.mapping.how[3] == "memory"


def test_cli_import_summary_rejects_and_exit_codes(desk, demo_catalog, work, db_path, tmp_path,
                                                   capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.cli import main

    monkeypatch.setenv("ORDERDESK_LANG", "zh")
    desk.close()
    rejects = tmp_path / "bad.xlsx"
    code = main(["import", str(work["title_merged"]), str(work["encrypted"]), "--db", str(db_path),
                 "--rejects", str(rejects), "--order-time", NOW.isoformat()])
    out = capsys.readouterr()
    assert code == 0
    assert "导入 4 单" in out.out and "拒绝 3 行" in out.out
    assert "设有密码" in out.err and rejects.exists()
    code = main(["import", str(work["title_merged"]), "--db", str(db_path), "--json",
                 "--order-time", NOW.isoformat()])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["imported"] == 0 and data["skipped_existing"] == 4
    code = main(["import", str(work["empty"]), str(work["not_excel"]), "--db", str(db_path)])
    assert code == 2
    assert "Traceback" not in capsys.readouterr().err
    code = main(["import", str(work["gbk_csv"]), "--db", str(db_path), "--dry-run",
                 "--create-customers", "--json", "--order-time", NOW.isoformat()])
    data = json.loads(capsys.readouterr().out)
    assert data["dry_run"] and data["imported"] == 3 and data["customers_created"] == ["N00001"]


def test_bulk_written_audit_rows_chain_and_match_the_hooks_format(desk, demo_catalog, work) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.tracking import audit_hash

    run_import(desk, [work["marketplace"]], now=NOW)
    # A normal ORM write after the import continues the same chain.
    from orderdesk.services.orders import LineDraft, OrderDraft, create_order

    create_order(desk, OrderDraft(channel="phone", customer_code="C001",
                                  lines=[LineDraft("BRK-1001", 100)]))
    with desk.read() as s:
        rows = s.scalars(select(AuditLog).order_by(AuditLog.id)).all()
        prev = None
        for row in rows:
            assert row.prev_hash == prev and row.hash == audit_hash(row)
            prev = row.hash
        order = s.scalars(select(Order).where(Order.channel == "抖音小店")).first()
        audit = s.scalars(select(AuditLog).where(AuditLog.entity == "orders",
                                                 AuditLog.entity_id == order.id)).one()
        stored = json.loads(audit.new_value)
        assert set(stored) == {c.key for c in Order.__table__.columns}
        assert stored["order_no"] == order.order_no and stored["cancelled"] is False
        out = s.scalars(select(Outbox).where(Outbox.entity == "order_lines",
                                             Outbox.tx_id == audit.tx_id)).all()
        assert len(out) == 4 and all(o.op == "insert" for o in out)


def test_short_name_of_a_new_customer_becomes_its_alias_not_a_second_customer(desk, work) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.services import catalog

    with desk.write() as s:   # a catalog that knows none of the file's customers
        catalog.upsert_product(s, "BRK-1001", "支架", pack_size=100)
        catalog.upsert_product(s, "HSG-2002", "外壳", pack_size=50)
    report = run_import(desk, [work["gbk_csv"]], create_customers=True, now=NOW)
    assert report.imported == 3 and len(report.customers_created) == 2
    with desk.read() as s:
        rf = s.scalars(select(Customer).where(Customer.name == "宁波瑞丰塑胶有限公司")).one()
        assert {a.alias for a in rf.aliases} == {"瑞丰"}
        assert s.scalar(select(func.count(Order.id)).where(Order.customer_id == rf.id)) == 2


def test_rows_rejected_for_other_reasons_create_no_customer(desk, work, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = generate.csv_file(tmp_path, "bad.csv", "utf-8", generate.GBK_HEADER,
                             [["X-1", "某新客户", "NOPE-404", "10", "2026-03-20", "", ""]])
    report = run_import(desk, [path], create_customers=True, now=NOW)
    assert report.imported == 0 and report.customers_created == ()
    with desk.read() as s:
        assert s.scalar(select(func.count(Customer.id))) == 0


def test_import_indexes_its_orders_as_a_rebuild_would(desk, demo_catalog, work) -> None:  # type: ignore[no-untyped-def]
    """The bulk import writes the duplicate index from the rows it inserted (not read
    back): the rows must be exactly those the index's rebuild derives from the orders."""
    from sqlalchemy import text

    from orderdesk.dedup.keys import catalog_index, rows_for_orders

    report = run_import(desk, [work["title_merged"], work["marketplace"]], now=NOW)
    assert report.imported >= 5
    ids = sorted(report.order_ids)
    with desk.read() as s:
        conn = s.connection()
        written = {tuple(r) for r in conn.execute(text(
            "SELECT order_id, customer_key, sku_norm, order_time FROM dedup_keys"
            f" WHERE order_id IN ({', '.join(repr(i) for i in ids)})"))}
        rebuilt = set(rows_for_orders(conn, catalog_index(s), ids))
    assert rebuilt and written == rebuilt
    assert {row[0] for row in written} == set(ids)


def test_index_rows_kept_from_the_write_are_the_stored_ones(desk, demo_catalog) -> None:  # type: ignore[no-untyped-def]
    """The duplicate check takes a bulk writer's index rows from the session instead of
    reading them back: they must be the rows stored (times as read back), and an order
    whose rows are rebuilt must be read from the table again."""
    import datetime as dt

    from orderdesk.dedup import keys
    from orderdesk.models import Customer, DedupKey, Product

    with desk.write() as s:
        customer = s.scalars(select(Customer)).first()
        products = s.scalars(select(Product).limit(2)).all()
        when = dt.datetime(2026, 3, 1, 9, 30, 15, 120000)
        orders = [dict(id=f"0190a000-0000-7000-8000-{n:012d}", customer_id=customer.id,
                       contact_phone="13900000001", contact_name="王工",
                       delivery_address=None, order_time=when + dt.timedelta(minutes=n))
                  for n in range(2)]
        lines = [dict(order_id=o["id"], product_id=p.id, cancelled=False)
                 for o in orders for p in products]
        assert keys.index_inserted(s, orders, lines) > 0
        ids = [o["id"] for o in orders]
        kept, unknown = keys.written_keys(s, ids)
        stored = s.execute(select(DedupKey.order_id, DedupKey.customer_key, DedupKey.sku_norm,
                                  DedupKey.order_time).where(DedupKey.order_id.in_(ids))).all()
        assert unknown == [] and sorted(kept) == sorted(tuple(r) for r in stored)
        keys.refresh(s, ids[:1])
        kept, unknown = keys.written_keys(s, ids)
        assert unknown == ids[:1] and {r[0] for r in kept} == {ids[1]}
        s.rollback()


def test_import_gives_back_its_large_write_settings(desk, demo_catalog, work) -> None:  # type: ignore[no-untyped-def]
    """run_import holds its transaction in a large page cache with the automatic
    checkpoint off; the pooled connection must come back to SQLite's defaults."""
    from sqlalchemy import text

    with desk.read() as s:
        before = (s.execute(text("PRAGMA cache_size")).scalar(),
                  s.execute(text("PRAGMA wal_autocheckpoint")).scalar())
    run_import(desk, [work["title_merged"]], now=NOW)
    with desk.read() as s:
        after = (s.execute(text("PRAGMA cache_size")).scalar(),
                 s.execute(text("PRAGMA wal_autocheckpoint")).scalar())
    assert after == before and after[1] == 1000
