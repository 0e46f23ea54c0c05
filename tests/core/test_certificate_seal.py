"""The certificate's seal carries the whole company name (no ellipsis), along its arc."""

from __future__ import annotations

import math
import shutil
import subprocess

import pytest

from orderdesk.certificates import pdf


@pytest.mark.parametrize("name", [
    "宁波恒达精密注塑有限公司",
    "宁波恒达精密注塑科技股份有限公司华东第二分公司",     # long: smaller, still whole
    "Ningbo Hengda Precision Moulding Co., Ltd.",
    "恒达",
])
def test_every_character_of_the_company_name_is_on_the_seal(name):
    cx, cy, r = 100.0, 100.0, 28.0
    placed = pdf.seal_arc(name, cx, cy, r)
    assert "".join(ch for ch, *_ in placed) == "".join(name.split())
    assert all(size >= 4.0 for _, size, *_ in placed)
    # on the upper arc, left to right
    xs = [x for _, _, x, _, _ in placed]
    assert xs == sorted(xs) or len(xs) == 1 or xs[0] < xs[-1]
    for _, _, x, y, _ in placed:
        assert math.isclose(math.hypot(x - cx, y - cy), r, rel_tol=1e-6)
        assert y > cy - r * 0.6   # nothing at the bottom, where the date goes


def test_empty_company_name_places_nothing():
    assert pdf.seal_arc("  ", 0, 0, 20) == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_rendered_seal_has_no_ellipsis(tmp_path):
    import datetime as dt
    from decimal import Decimal

    name = "宁波恒达精密注塑科技股份有限公司"
    content = pdf.CertificateContent(
        cert_no="QC-2026-000001", issued=dt.date(2026, 12, 1), customer_name="苏州恒锐",
        customer_code="C001", order_no="SO-2026-000001", customer_po="PO-1", sku="BRK-1001",
        product_name="支架", spec="80mm", batch_code="B1", lot="L1", quantity=Decimal(100),
        unit="pcs", production_date=None, expiry_date=None, inspector="陈静",
        qr_text="https://verify.example/c/QC-2026-000001")
    out = tmp_path / "seal.pdf"
    pdf.render([(content, pdf.TemplateSpec(company_name=name))], out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "…" not in text
    assert all(ch in text for ch in name)
    assert "检验员: 陈静" in text
