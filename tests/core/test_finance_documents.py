"""The delivery note PDF (QR decoded with zxing-cpp from the rendered page) and the
tax-system / ledger exports (columns, cent-exact sums, red-letter rows)."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from openpyxl import load_workbook

from orderdesk.finance import delivery_note, exports, invoicing, shipping
from orderdesk.finance.split import SplitRule
from tests.core.finance_support import Line, ship_lines

ROOT = Path(__file__).resolve().parents[2]


def _pages(pdf: Path, scale: float = 2.5):  # type: ignore[no-untyped-def]
    doc = pdfium.PdfDocument(str(pdf))
    return [doc[i].render(scale=scale).to_pil() for i in range(len(doc))]


def test_delivery_note_qr_decodes_to_the_shipment(desk, tmp_path):  # type: ignore[no-untyped-def]
    shipment_no = ship_lines(desk, [Line("NEV-PO-1", "BRK-5200", "52000", "4.85"),
                                    Line("NEV-PO-2", "BRK-5201", "1200", "3.10")])
    out = delivery_note.write(desk, shipment_no, tmp_path / "note.pdf")
    pages = _pages(out)
    assert len(pages) == 1
    codes = zxingcpp.read_barcodes(pages[0])
    assert [c.format for c in codes] == [zxingcpp.BarcodeFormat.QRCode]
    view = shipping.get_shipment(desk, shipment_no)
    assert codes[0].text == delivery_note.delivery_note_qr_text(view)
    assert codes[0].text.startswith(f"ODS:{shipment_no}|C9001|") and "|Q53200|" in codes[0].text
    text = pdfium.PdfDocument(str(out))[0].get_textpage().get_text_range()
    assert "NEV-PO-1" in text and "NEV-PO-2" in text and "52,000" in text


def test_long_shipment_continues_on_more_pages(desk, tmp_path):  # type: ignore[no-untyped-def]
    lines = [Line(f"PO-{i}", f"SKU-{i:03d}", "10", "1.00") for i in range(60)]
    shipment_no = ship_lines(desk, lines)
    out = delivery_note.write(desk, shipment_no, tmp_path / "long.pdf")
    pages = _pages(out, scale=2.0)
    assert len(pages) == 3
    for page in pages:  # the QR is on every page
        assert zxingcpp.read_barcodes(page)[0].text.startswith(f"ODS:{shipment_no}|")
    doc = pdfium.PdfDocument(str(out))
    all_text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    for i in range(60):
        assert f"PO-{i}" in all_text


def test_tax_import_and_ledger_exports(desk, tmp_path):  # type: ignore[no-untyped-def]
    shipment_no = ship_lines(desk, [Line("PO-1", "BRK-A", "50000", "1.50", "0.13"),
                                    Line("PO-1", "SVC-B", "1000", "8.00", "0.06"),
                                    Line("PO-2", "BRK-C", "100000", "1.00", "0.13")])
    invoicing.set_rule(desk, "C9001", SplitRule(per_po=True, per_tax_rate=True,
                                                amount_cap=D("100000"), allow_line_split=True),
                       buyer_name="某新能源汽车有限公司", tax_id="91320500MA1XXXXX1Y")
    issued = invoicing.issue(desk, shipment_no).issued
    invoicing.cancel(desk, issued[-1], "金额有误")
    path = tmp_path / "tax.xlsx"
    rows = exports.write_tax_import(desk, path)
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    assert header[1:11] == ["购买方名称", "纳税人识别号", "项目名称", "规格型号", "单位", "数量",
                            "单价", "金额", "税率", "税额"]
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert len(data) == rows == len(issued) + 1  # one line per invoice here + the credit
    assert {r[1] for r in data} == {"某新能源汽车有限公司"} and {r[2] for r in data} == {
        "91320500MA1XXXXX1Y"}
    total = sum(D(str(r[8])) + D(str(r[10])) for r in data)
    live = [i for i in invoicing.list_invoices(desk) if i.status == "issued"
            and i.kind == "invoice"]
    assert total == sum(i.gross for i in live)  # the cancelled one and its credit cancel out
    red = [r for r in data if str(r[11]).startswith("红冲")]
    assert len(red) == 1 and D(str(red[0][8])) < 0
    assert {r[9] for r in data} == {0.13, 0.06}
    ledger = tmp_path / "ledger.xlsx"
    count = exports.write_ledger(desk, ledger)
    lw = load_workbook(ledger).active
    assert [c.value for c in lw[1]][:3] == ["开票日期", "发票号", "类型"]
    kinds = [row[2].value for row in lw.iter_rows(min_row=2)]
    assert count == len(kinds) == len(issued) + 1 and kinds.count("红字") == 1


def test_cli_ship_split_render(desk, db_path, tmp_path):  # type: ignore[no-untyped-def]
    import json

    from tests.core.finance_support import make_orders

    order_nos = make_orders(desk, [Line("PO-1", "BRK-A", "50000", "1.50"),
                                   Line("PO-2", "BRK-B", "100000", "1.00")])
    desk.close()
    env = {**os.environ, "ORDERDESK_LANG": "en"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "orderdesk.cli", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)

    shipped = run("ship", *order_nos, "--db", str(db_path), "--json")
    assert shipped.returncode == 0, shipped.stderr
    shipment_no = json.loads(shipped.stdout)["shipment_no"]
    again = run("ship", *order_nos, "--db", str(db_path))
    assert again.returncode == 2 and "no bound batches left" in again.stderr
    assert "Traceback" not in again.stderr
    split = run("invoices", "split", shipment_no, "--db", str(db_path), "--json")
    body = json.loads(split.stdout)
    assert body["shipment_total"] == "197750.00"  # (75,000 + 100,000) × 1.13
    assert [i["invoice_no"] for i in body["invoices"]] == [None]
    assert set(body["invoices"][0]["lines"][0]) >= {"sku", "quantity", "amount", "tax_rate"}
    issued = run("invoices", "split", order_nos[0], "--db", str(db_path), "--json", "--issue")
    numbers = [i["invoice_no"] for i in json.loads(issued.stdout)["invoices"]]
    rerun = run("invoices", "split", shipment_no, "--db", str(db_path), "--json", "--issue")
    assert [i["invoice_no"] for i in json.loads(rerun.stdout)["invoices"]] == numbers
    out = tmp_path / "inv.edi"
    rendered = run("edi", "render", numbers[0], "--db", str(db_path), "--out", str(out))
    assert rendered.returncode == 0, rendered.stderr
    assert "BGM+380+" + numbers[0] in out.read_text("latin-1")
    missing = run("edi", "render", "INV-1999-000001", "--db", str(db_path), "--out", str(out))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    partner = run("edi", "partner", "C9001", "--db", str(db_path), "--url", "ftp://x")
    assert partner.returncode == 2 and "Traceback" not in partner.stderr
    nothing = run("edi", "send", "--db", str(db_path))
    assert nothing.returncode == 0 and "pending 0" in nothing.stdout
