"""Warehouse dialogs and printing: choose an order, unbind with a reason, print labels on
a QPrinter (a PDF printer here) and read the printed barcode back."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from PySide6.QtWidgets import QDialog

from orderdesk.services.orders import LineDraft, OrderDraft, create_order
from orderdesk.warehouse import binding as wb
from orderdesk.warehouse import labels


def _order(desk, sku="BRK-1001", qty=300, customer="C001"):  # type: ignore[no-untyped-def]
    return create_order(desk, OrderDraft(channel="phone", customer_code=customer,
                                         lines=[LineDraft(sku, qty)]))


def test_choose_order_dialog_filters_and_picks(ctx, qtbot, demo_catalog, wait_tasks):  # type: ignore[no-untyped-def]
    from orderdesk.ui.warehouse.page import ChooseOrderDialog

    a = _order(ctx.desk, customer="C001")
    b = _order(ctx.desk, customer="C002")
    dialog = ChooseOrderDialog(ctx)
    qtbot.addWidget(dialog)
    wait_tasks(ctx)
    assert {r.order_no for r in dialog.model.rows} == {a.order_no, b.order_no}
    dialog.search.setText("华通")  # customer name
    qtbot.waitUntil(lambda: [r.order_no for r in dialog.model.rows] == [b.order_no],
                    timeout=5000)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen == b.id


def test_choose_order_dialog_screenshot_in_chinese(ctx, qtbot, demo_catalog, wait_tasks):  # type: ignore[no-untyped-def]
    from pathlib import Path

    from orderdesk.ui import i18n
    from orderdesk.ui.warehouse.page import ChooseOrderDialog

    for customer in ("C001", "C002", "C003", "C001"):
        _order(ctx.desk, customer=customer)
    i18n.set_language("zh")
    try:
        dialog = ChooseOrderDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        wait_tasks(ctx)
        assert dialog.windowTitle() == "选择订单" and dialog.model.rowCount() == 4
        shots = Path(__import__("tempfile").mkdtemp(prefix="orderdesk-shots-"))  # tests write only to tmp
        if shots.is_dir():
            dialog.grab().save(str(shots / "warehouse-choose-order.png"))
    finally:
        i18n.set_language("en")


def test_unbind_dialog_requires_a_choice_and_a_reason(ctx, qtbot, demo_catalog, wait_tasks):  # type: ignore[no-untyped-def]
    from orderdesk.ui.warehouse.page import UnbindDialog

    ref = _order(ctx.desk)
    out = wb.scan(ctx.desk, ref.id, "ODB:" + wb.register_batch(ctx.desk, "BRK-1001", 100).code)
    dialog = UnbindDialog(ctx, ref.id)
    qtbot.addWidget(dialog)
    wait_tasks(ctx)
    assert dialog.model.rowCount() == 1
    dialog.accept()  # no reason yet: stays open and says why
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "reason" in dialog.message.text()
    dialog.reason.setText("标签破损")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.binding_id == out.binding_id


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm missing")
def test_print_labels_on_a_qprinter(ctx, qtbot, demo_catalog, tmp_path):  # type: ignore[no-untyped-def]
    zxingcpp = pytest.importorskip("zxingcpp")
    pytest.importorskip("pypdfium2")
    from PIL import Image
    from PySide6.QtPrintSupport import QPrinter

    from orderdesk.ui.warehouse.printing import print_pdf

    batch = wb.register_batch(ctx.desk, "BRK-1001", 100, production_date=dt.date.today())
    data = labels.render_labels([batch])
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    printer.setResolution(300)
    assert print_pdf(printer, data, 100, 60) == 1
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(printed), str(tmp_path / "p")],
                   check=True, timeout=60)
    page = sorted(tmp_path.glob("p*.png"))[0]
    image = Image.open(page).convert("L")
    assert abs(image.width / image.height - 100 / 60) < 0.02  # the label's own page size
    found = {b.format.name: b.symbology_identifier + b.text
             for b in zxingcpp.read_barcodes(image, text_mode=zxingcpp.TextMode.Plain)}
    code = wb.gs1.parse(found["Code128"])
    assert code.gtin == "06901234567892" and code.lot == batch.lot
