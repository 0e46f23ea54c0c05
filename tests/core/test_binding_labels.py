"""Batch labels: a real PDF, rendered by poppler, read back by a real decoder, scanned."""

from __future__ import annotations

import os

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from orderdesk.services.orders import LineDraft, OrderDraft, create_order
from orderdesk.warehouse import binding as wb
from orderdesk.warehouse import labels

zxingcpp = pytest.importorskip("zxingcpp")
PIL_Image = pytest.importorskip("PIL.Image")

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                reason="poppler's pdftoppm is not installed")


def _render(pdf: Path, out_dir: Path, dpi: int = 300) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_dir / "page")],
                   check=True, capture_output=True, timeout=60)
    return sorted(out_dir.glob("page*.png"))


def _decode(png: Path) -> dict[str, str]:
    """What a scanner with AIM symbology identifiers on would type, per barcode format."""
    image = PIL_Image.open(png).convert("L")
    found = {}
    for barcode in zxingcpp.read_barcodes(image, text_mode=zxingcpp.TextMode.Plain):
        found[barcode.format.name] = barcode.symbology_identifier + barcode.text
    return found


@pytest.fixture
def order(desk, demo_catalog):  # type: ignore[no-untyped-def]
    return create_order(desk, OrderDraft(channel="phone", customer_code="C001",
                                         lines=[LineDraft("BRK-1001", 400),
                                                LineDraft("HSG-2002", 50)]))


def test_labels_decode_and_bind(desk, order, tmp_path):  # type: ignore[no-untyped-def]
    today = dt.date.today()
    gs1_batch = wb.register_batch(desk, "BRK-1001", 200, production_date=today,
                                  expiry_date=today + dt.timedelta(days=365))
    plain = wb.register_batch(desk, "HSG-2002", 50, production_date=today)  # no GTIN
    pdf = tmp_path / "labels.pdf"
    assert labels.write_labels([gs1_batch, plain], pdf) == 2
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                           text=True).stdout
    cjk = [line for line in fonts.splitlines() if "WenQuanYi" in line]
    assert cjk and all(" yes " in line for line in cjk), fonts  # CJK font embedded
    pages = _render(pdf, tmp_path)
    assert len(pages) == 2
    first, second = _decode(pages[0]), _decode(pages[1])

    # Page 1: GS1-128 and QR both read back as GS1 and bind this exact batch.
    assert first["Code128"].startswith("]C1")
    code = wb.gs1.parse(first["Code128"])
    assert code.gtin == "06901234567892" and code.expiry_date == gs1_batch.expiry_date
    qr = wb.gs1.parse(first["QRCode"])
    assert (qr.lot, qr.count, qr.production_date) == (gs1_batch.lot, 200, today)
    out = wb.scan(desk, order.id, first["Code128"] + "\r")
    assert out.kind == "bound" and out.batch_code == gs1_batch.code
    # The QR of the same label names the same batch: a double scan.
    assert wb.scan(desk, order.id, first["QRCode"]).reason == "bound_here"

    # Page 2: no GTIN, both codes carry ODB:<code>.
    assert second["Code128"].endswith(f"ODB:{plain.code}")
    assert second["QRCode"].endswith(f"ODB:{plain.code}")
    assert wb.scan(desk, order.id, second["QRCode"]).kind == "bound"

    # For a person to look at, only when asked; tests never write tracked files.
    shots = os.environ.get("ORDERDESK_SCREENSHOTS_DIR")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pages[0], Path(shots) / "warehouse-batch-label.png")


def test_label_fields_and_fit(desk, demo_catalog):  # type: ignore[no-untyped-def]
    b = wb.register_batch(desk, "BRK-1001", 100, lot="L-2611-A", serial="SN0001",
                          production_date=dt.date(2026, 11, 2),
                          expiry_date=dt.date(2028, 11, 1))
    elements = labels.label_elements(b)
    assert elements == [("01", "06901234567892"), ("11", "261102"), ("17", "281101"),
                        ("10", "L-2611-A"), ("21", "SN0001"), ("30", "100")]
    value = labels.code128_value(labels.barcode_fields(elements))
    assert value.startswith("\xf1") and value.count("\xf1") == 2
