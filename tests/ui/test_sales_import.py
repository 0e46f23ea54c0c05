"""The import preview with real generated files, the message pane, the sales page."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from orderdesk.models import Customer, Order

try:
    from intake_fixtures import generate
except ImportError:
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1]))
    from intake_fixtures import generate

SHOTS = Path(__import__("tempfile").mkdtemp(prefix="orderdesk-shots-"))  # tests write only to tmp


def n_orders(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.desk.read() as s:
        return s.scalar(select(func.count(Order.id)))


def load(qtbot, widget, path, **kw):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(widget.preview_did_load, timeout=10000) as sig:
        widget.load_file(path, **kw)
    return sig.args[0]


def test_preview_shows_mapping_rows_and_problems_then_imports(ctx, qtbot, preview, tmp_path,
                                                             wait_tasks) -> None:  # type: ignore[no-untyped-def]
    path = generate.gbk_csv(tmp_path)
    pv = load(qtbot, preview, path)
    assert preview.mapping_table.rowCount() == 7
    assert preview.mapping_table.cellWidget(2, 1).currentData() == "sku"
    assert preview.rows_model.rowCount() == 3
    problems = {(preview.problems_table.item(r, 0).text(), preview.problems_table.item(r, 3).text())
                for r in range(preview.problems_table.rowCount())}
    assert ("4", "customer not in the catalog") in problems
    assert preview.customers_table.rowCount() == 1
    assert "2 good rows" in preview.summary.text()
    # The user chooses to create the unknown customer: the row turns good.
    combo = preview.customers_table.cellWidget(0, 2)
    with qtbot.waitSignal(preview.preview_did_load, timeout=10000):
        combo.setCurrentIndex(combo.findText("Create new customer"))
    assert preview.preview.good_lines and len(preview.preview.good_lines) == 3
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()   # the replaced row combos are deleted, the layout settles
    preview.grab().save(str(SHOTS / "sales-import-preview.png"))
    before = n_orders(ctx)
    with qtbot.waitSignal(preview.import_did_finish, timeout=20000) as done:
        preview.import_button.click()
    report = done.args[0]
    assert report.imported == 3 and n_orders(ctx) == before + 3
    assert "Imported 3 orders" in preview.result.text()
    with ctx.desk.read() as s:
        assert s.scalar(select(func.count(Customer.id)).where(Customer.name == "新客户电子厂")) == 1
    wait_tasks(ctx)


def test_corrected_mapping_is_used_and_remembered(ctx, qtbot, preview, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = generate.title_merged_xlsx(tmp_path)
    load(qtbot, preview, path)
    note_combo = preview.mapping_table.cellWidget(10, 1)
    assert note_combo.currentData() == "note"
    with qtbot.waitSignal(preview.preview_did_load, timeout=10000):
        note_combo.setCurrentIndex(0)                        # (ignore)
    assert 10 not in preview.mapping.fields and preview.mapping.how[10] == "user"
    with qtbot.waitSignal(preview.import_did_finish, timeout=20000):
        preview.import_button.click()
    again = load(qtbot, preview, path)
    assert 10 not in again.mapping.fields
    assert preview.mapping_table.cellWidget(10, 1).currentData() == ""


@pytest.mark.parametrize("key,words", [("encrypted", "password"), ("not_excel", "not an Excel"),
                                       ("empty", "empty"), ("truncated", "truncated"),
                                       ("no_header", "No header row")])
def test_bad_files_are_explained_in_the_preview(ctx, qtbot, preview, tmp_path, key, words) -> None:  # type: ignore[no-untyped-def]
    builder = {"encrypted": generate.encrypted_xlsx, "not_excel": generate.not_excel,
               "empty": generate.empty_file, "truncated": generate.truncated_xlsx,
               "no_header": generate.no_header_xlsx}[key]
    path = builder(tmp_path)
    pv = load(qtbot, preview, path)
    assert pv.error is not None
    assert words in preview.file_label.text()
    assert not preview.import_button.isEnabled()
    if key == "encrypted":
        preview.grab().save(str(SHOTS / "sales-import-error.png"))


def test_rejects_export(ctx, qtbot, preview, tmp_path, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    path = generate.title_merged_xlsx(tmp_path)
    load(qtbot, preview, path)
    out = tmp_path / "rejects.xlsx"
    preview.export_rejects(out)
    wait_tasks(ctx)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == 4 and rows[1][-2] == 12


def test_message_pane_proposes_with_choices_and_makes_a_draft(ctx, qtbot, demo_catalog, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.services import catalog
    from orderdesk.ui.sales.page import SalesPage

    sign_in("sales")
    with ctx.desk.write() as s:
        catalog.upsert_product(s, "HSG-2003", "外壳", spec="PBT 白色", pack_size=50,
                               nicknames=["插头壳"])
    page = SalesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    pane = page.messages
    pane.now = dt.datetime(2026, 3, 4, 10)
    pane.text.setPlainText("恒锐 插头壳 2000个,BRK-1001 五千,下周三前,加急")
    with qtbot.waitSignal(pane.proposal_did_load, timeout=10000) as got:
        pane.propose_button.click()
    proposal = got.args[0]
    assert proposal.kind == "order" and proposal.customer_code == "C001"
    assert pane.kind.text() == "Order"
    ambiguous = pane.lines.cellWidget(0, 1)
    assert ambiguous.count() == 3 and ambiguous.currentData() is None   # choose, never guessed
    page.tabs.setCurrentWidget(pane)
    page.grab().save(str(SHOTS / "sales-message.png"))
    ambiguous.setCurrentIndex(ambiguous.findData("HSG-2002"))
    with qtbot.waitSignal(page.entry.lookup_did_finish, timeout=10000):
        pane.make_draft.click()
    assert page.tabs.currentWidget() is page.entry
    assert page.entry.customer_id == demo_catalog["customer_a"]
    assert page.entry.lines_data() == [("HSG-2002", 2000), ("BRK-1001", 5000)]
    assert page.entry.due.text() == "2026-03-11" and page.entry.urgent.isChecked()


def test_message_that_is_not_an_order(ctx, qtbot, demo_catalog, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui.sales.message_pane import MessagePane

    sign_in("sales")
    pane = MessagePane(ctx)
    qtbot.addWidget(pane)
    pane.text.setPlainText("货款已经转账了,请查收")
    with qtbot.waitSignal(pane.proposal_did_load, timeout=10000):
        pane.propose_button.click()
    assert "Not an order" in pane.kind.text() and "payment" in pane.kind.text()
    assert not pane.make_draft.isEnabled()


def test_hot_folder_widget_imports_off_the_gui_thread(ctx, qtbot, demo_catalog, sign_in,
                                                      tmp_path, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.intake.hot_folder import set_hot_folder
    from orderdesk.ui.sales.hot_folder import HotFolderWidget

    sign_in("supervisor")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    set_hot_folder(ctx.desk, "old_web", str(inbox))
    widget = HotFolderWidget(ctx, auto=False)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.table.rowCount() == 1, timeout=5000)
    generate.utf8_bom_csv(inbox)
    with qtbot.waitSignal(widget.results_did_arrive, timeout=20000) as got:
        widget.check_now.click()
    [(channel, result)] = got.args[0]
    assert channel == "old_web" and result.imported == 3 and result.outcome == "done"
    assert "web_orders.csv" in widget.log.item(0).text()
    assert (inbox / "done" / "web_orders.csv").exists()
    widget.resize(900, 400)
    widget.show()
    widget.grab().save(str(SHOTS / "sales-hot-folders.png"))
    wait_tasks(ctx)


def test_sales_page_in_chinese(ctx, qtbot, demo_catalog, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui import i18n
    from orderdesk.ui.sales.page import SalesPage

    sign_in("sales")
    i18n.set_language("zh")
    page = SalesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    assert page.tabs.tabText(0) == "电话下单"
    assert page.page_title() == "销售"
    page.grab().save(str(SHOTS / "sales-page-zh.png"))


def test_catalog_workbook_from_the_import_tab(ctx, qtbot, preview, sign_in, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sign_in("supervisor")
    path = generate.catalog_xlsx(tmp_path)
    with qtbot.waitSignal(preview.import_did_finish, timeout=20000) as done:
        preview.import_catalog(path)
    report = done.args[0]
    assert [s.kind for s in report.sheets] == ["customers", "products", "bom", "stock", "receipts"]
    assert "customers 3 new" in preview.result.text()
    assert "BOM lines 2 new, 0 updated, 1 rejected" in preview.result.text()
    assert preview.export_button.isEnabled()      # the unknown BOM component comes back


def test_catalog_import_needs_the_right(ctx, qtbot, preview, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = generate.catalog_xlsx(tmp_path)        # signed in as sales: no catalog.write
    preview.import_catalog(path)
    qtbot.waitUntil(lambda: preview.result.text() != "", timeout=10000)
    assert "Traceback" not in preview.result.text()
