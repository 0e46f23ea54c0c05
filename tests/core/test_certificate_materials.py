"""Material lots (entry, Excel/CSV import) and per-customer certificate templates."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook
from PIL import Image
from sqlalchemy import func, select

from orderdesk.certificates import pdf, sample, service
from orderdesk.certificates.materials_import import MaterialSheetError
from orderdesk.desk import Desk
from orderdesk.errors import ValidationFailed
from orderdesk.models import MaterialLot
from orderdesk.services import catalog


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


HEADER = ["材料批号", "牌号", "供应商", "到货日期", "检验项目", "标准要求", "检测结果", "单位", "判定"]


def test_import_material_sheet_with_carried_down_lot_cells(desk: Desk, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "材质报告.xlsx", [
        ["来料检验报告 2026-11"],                     # a title row above the header
        HEADER,
        ["ML-A1", "PA66+GF30", "巴斯夫", "2026-11-02", "拉伸强度", "≥170 MPa", 186, "MPa", "合格"],
        [None, None, None, None, "玻纤含量", "30±2 %", 30.4, "%", "合格"],   # same lot (merged)
        ["ML-B7", "PBT+GF30", "长春化工", "2026/11/05", "阻燃等级", "UL94 V-0", "V-0", "", "合格"],
        [],
    ])
    report = service.import_material_lots(desk, path)
    assert (report.lots_created, report.lots_updated, report.test_rows) == (2, 0, 3)
    lots = {lot.code: lot for lot in service.list_material_lots(desk)}
    assert [r.item for r in lots["ML-A1"].results] == ["拉伸强度", "玻纤含量"]
    assert lots["ML-A1"].results[0].result == "186" and lots["ML-B7"].supplier == "长春化工"
    assert str(lots["ML-B7"].received_date) == "2026-11-05"

    # Importing a corrected sheet updates the lot (audited) rather than duplicating it.
    write_xlsx(path, [HEADER, ["ML-A1", "PA66+GF30", "巴斯夫", "", "拉伸强度", "≥170", 190,
                               "MPa", "合格"]])
    again = service.import_material_lots(desk, path)
    assert (again.lots_created, again.lots_updated) == (0, 1)
    assert [r.result for r in service.list_material_lots(desk, "ML-A1")[0].results] == ["190"]


def test_bad_sheet_imports_nothing_and_says_where(desk: Desk, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "bad.xlsx", [
        HEADER,
        ["ML-OK", "PA6", "x", "", "拉伸强度", "", "80", "MPa", "合格"],
        ["ML-BAD", "PA6", "x", "32/13/2026", "拉伸强度", "", "80", "MPa", "合格"],
    ])
    with pytest.raises(MaterialSheetError) as err:
        service.import_material_lots(desk, path)
    assert err.value.facts["row"] == 3 and err.value.facts["reason"] == "bad_date"
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(MaterialLot)) == 0

    no_header = write_xlsx(tmp_path / "nohdr.xlsx", [["a", "b"], [1, 2]])
    with pytest.raises(MaterialSheetError) as err:
        service.import_material_lots(desk, no_header)
    assert err.value.facts["reason"] == "header_not_found"

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(MaterialSheetError) as err:
        service.import_material_lots(desk, broken)
    assert err.value.facts["reason"] == "unreadable"


def test_csv_in_gbk_as_excel_saves_it(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "lots.csv"
    path.write_bytes(("lot,grade,supplier,item,result,unit,verdict\n"
                      "ML-C3,PA66,金发科技,拉伸强度,175,MPa,合格\n").encode("gb18030"))
    service.import_material_lots(desk, path)
    (lot,) = service.list_material_lots(desk)
    assert lot.supplier == "金发科技" and lot.results[0].item == "拉伸强度"


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "t.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_customer_template_language_fields_and_logo(desk: Desk, tmp_path: Path) -> None:
    with desk.write() as s:
        cust = catalog.upsert_customer(s, "C009", "Bosch Automotive (Suzhou)")
        catalog.upsert_product(s, "BRK-1001", "支架", spec="PA66+GF30 80mm")
        bo = sample.bound_order(s, customer_code="C009", sku="BRK-1001", quantities=[100],
                                customer_po="PO-SECRET-1")
    logo = io.BytesIO()
    Image.new("RGB", (240, 120), (10, 60, 160)).save(logo, "PNG")
    service.save_template(desk, service.TemplateInput(
        name="默认", company_name="宁波恒达精密注塑有限公司", language="zh"))
    tpl = service.save_template(desk, service.TemplateInput(
        name="Bosch EN", customer_id=cust.id, language="en", company_name="Hengda Precision",
        fields=tuple(k for k in pdf.FIELD_KEYS if k != "customer_po"),
        logo=logo.getvalue(), footer_text="IATF 16949 certified plant"))
    assert tpl.logo_sha256 and "customer_po" not in tpl.fields

    cert = service.issue_for_order(desk, bo.order_id).certificates[0]
    text = _pdf_text(service.certificate_pdf(desk, cert.id), tmp_path)
    assert "Certificate of Conformity" in text and "Hengda Precision" in text
    assert "PO-SECRET-1" not in text and "Customer PO" not in text
    assert "IATF 16949 certified plant" in text
    # The logo is on the page as a picture besides the QR code.
    pdf_path = tmp_path / "logo.pdf"
    pdf_path.write_bytes(service.certificate_pdf(desk, cert.id))
    listing = subprocess.run(["pdfimages", "-list", str(pdf_path)], capture_output=True,
                             text=True, check=True).stdout.splitlines()[2:]
    sizes = sorted((int(line.split()[3]), int(line.split()[4])) for line in listing)
    assert (240, 120) in sizes and len(sizes) == 2

    with pytest.raises(ValidationFailed):
        service.save_template(desk, service.TemplateInput(name="x", logo=b"not a picture"))
    with pytest.raises(ValidationFailed):
        service.save_template(desk, service.TemplateInput(name="x", language="fr"))
    with pytest.raises(ValidationFailed):
        service.save_template(desk, service.TemplateInput(name="x", fields=("price",)))

    preview = _pdf_text(service.template_preview(desk, service.TemplateInput(
        name="p", language="zh", company_name="预览公司")), tmp_path)
    assert "预览公司" in preview and "产品合格证" in preview


def test_long_material_report_continues_on_next_page(tmp_path: Path) -> None:
    content = service.sample_content()
    many = tuple(pdf.TestResult(f"项目{i}", "标准", str(i), "MPa", "合格") for i in range(60))
    content = content.__class__(**{**content.__dict__, "material": (
        pdf.MaterialReport("ML-LONG", "PA66", "巴斯夫", many),)})
    data = pdf.render_bytes([(content, pdf.TemplateSpec(company_name="X"))])
    text = _pdf_text(data, tmp_path)
    assert "项目0" in text and "项目59" in text and "续页" in text     # nothing cut off
    assert text.count("\f") >= 2


def test_quality_demo_seed_binds_only_unbound_lines_once(desk: Desk) -> None:
    from decimal import Decimal

    from orderdesk.models import BatchBinding, Order, OrderLine
    from orderdesk.services import orders

    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司")
        catalog.upsert_product(s, "BRK-1001", "支架")
        bound = sample.bound_order(s, customer_code="C001", sku="BRK-1001", quantities=[50, 50])
        free = orders.add_order(s, orders.OrderDraft(
            channel="phone", customer_code="C001",
            lines=[orders.LineDraft(sku="BRK-1001", quantity=1000)]))
        for oid in (bound.order_id, free.id):
            s.get(Order, oid).status_warehouse = "ready_to_ship"
        free_line = s.scalar(select(OrderLine.id).where(OrderLine.order_id == free.id))
    report = sample.seed_demo(desk)
    assert report.orders == 2 and not report.skipped
    with desk.read() as s:
        def bound_qty(line_filter):  # type: ignore[no-untyped-def]
            return s.scalar(select(func.sum(BatchBinding.quantity)).where(line_filter))
        assert bound_qty(BatchBinding.order_line_id == free_line) == Decimal(1000)
        assert bound_qty(BatchBinding.order_id == bound.order_id) == Decimal(100)  # untouched
    assert all(r.material_lots for r in service.ready_for_certificates(desk))
    assert sample.seed_demo(desk).skipped
