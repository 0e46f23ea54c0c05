"""The quality station driven like a person would: issue, preview, print on a real Qt
printer (PDF output), revoke with a reason, verify at the station, templates, materials.

Screenshots of each screen go to docs/screenshots/ (looked at by hand)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import func, select

from orderdesk.certificates import sample, service
from orderdesk.models import AuditLog
from orderdesk.services import catalog

SHOTS = Path(__import__("tempfile").mkdtemp(prefix="orderdesk-shots-"))  # tests write only to tmp


@pytest.fixture
def bound(desk):  # type: ignore[no-untyped-def]
    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
        catalog.upsert_product(s, "BRK-1001", "支架", spec="PA66+GF30 80mm")
        bo = sample.bound_order(s, customer_code="C001", sku="BRK-1001",
                                quantities=[2600, 2600, 1200])
    service.save_template(desk, service.TemplateInput(
        name="默认模板", company_name="宁波恒达精密注塑有限公司",
        company_address="浙江省宁波市北仑区明州路 88 号", footer_text="电子签发,涂改无效"))
    return bo


@pytest.fixture
def page(ctx, qtbot, wait_tasks):  # type: ignore[no-untyped-def]
    def make(*roles: str, sign_in=None):  # type: ignore[no-untyped-def]
        from orderdesk.ui.quality.page import QualityPage

        p = QualityPage(ctx)
        qtbot.addWidget(p)
        ctx.changes_did_apply.connect(p.on_changes)
        p.resize(1280, 860)
        p.show()
        wait_tasks(ctx)
        return p

    return make


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / name))


def select_rows(view, rows) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QItemSelectionModel

    sel = view.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(view.model().index(r, 0), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)


def test_issue_preview_and_print_a_shipment(ctx, qtbot, page, sign_in, bound, wait_tasks,
                                            desk, tmp_path) -> None:
    sign_in("quality")
    p = page()
    assert p.ready_model.rowCount() == 3 and p.cert_model.rowCount() == 0

    select_rows(p.ready_view, [0, 1])
    qtbot.mouseClick(p.issue_button, Qt.MouseButton.LeftButton)
    wait_tasks(ctx)
    wait_tasks(ctx)               # the refresh after the change announcement
    assert p.cert_model.rowCount() == 2
    assert "2 certificates issued" in p.status.text()

    select_rows(p.ready_view, [2])
    qtbot.mouseClick(p.issue_order_button, Qt.MouseButton.LeftButton)
    wait_tasks(ctx)
    wait_tasks(ctx)
    assert p.cert_model.rowCount() == 3
    assert all(r.certificate_no for r in p.ready_model.rows())

    select_rows(p.cert_view, [0])
    qtbot.mouseClick(p.preview_button, Qt.MouseButton.LeftButton)
    wait_tasks(ctx)
    dialog = p.last_dialog
    assert dialog is not None and dialog.isVisible() and len(dialog.pages) == 1
    assert dialog.pages[0].pixmap().width() > 800

    # A whole shipment on a real Qt printer (PDF output instead of paper).
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    select_rows(p.cert_view, [0])
    from orderdesk.ui.quality.page import _order_certificate_ids

    ids = _order_certificate_ids(desk, p.selected_certificates()[0].order_id)
    assert len(ids) == 3
    p.print_on(printer, ids)
    wait_tasks(ctx, 60000)
    assert "Printed 3 certificates (3 pages)" in p.status.text(), p.status.text()
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(out), str(tmp_path / "pg")], check=True)
    pngs = sorted(tmp_path.glob("pg*.png"))
    assert len(pngs) == 3
    texts = {zxingcpp.read_barcodes(Image.open(png))[0].text for png in pngs}
    rows = {r.qr_text for r in p.cert_model.rows()}
    assert texts == rows                 # the printed paper carries the signed codes
    with desk.read() as s:
        prints = s.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.action == "print", AuditLog.entity == "certificates"))
    assert prints == 3
    assert all(r.printed_count == 1 for r in p.cert_model.rows())


def test_cancelled_print_job_sends_nothing(ctx, qtbot, page, sign_in, bound, wait_tasks,
                                          desk, tmp_path) -> None:
    ids = [c.id for c in service.issue_for_order(desk, bound.order_id).certificates]
    sign_in("quality")
    p = page()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    dialog = p.print_on(printer, ids)
    dialog.handle.cancel()                  # Cancel pressed before the job got going
    wait_tasks(ctx, 60000)
    assert p.status.text() == "Cancelled." and p.status.property("state") == "warning"
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.action == "print")) == 0
    assert all(r.printed_count == 0 for r in service.list_certificates(desk))


def test_revoke_needs_a_reason_and_verify_screen_says_so(ctx, qtbot, page, sign_in, bound,
                                                         wait_tasks, desk) -> None:
    cert = service.issue_for_order(desk, bound.order_id).certificates[0]
    sign_in("supervisor")
    p = page()
    p.tabs.setCurrentWidget(p.verify)
    p.verify.check(cert.qr_text)
    wait_tasks(ctx)
    assert p.verify.verdict.status == "valid"
    assert p.verify.banner.property("state") == "ok"
    assert "VALID" in p.verify.banner.text()
    assert "ML-2611-001" in p.verify.details.toPlainText()     # trace to the material lot

    p.tabs.setCurrentWidget(p.cert_tab)
    row = [r.number for r in p.cert_model.rows()].index(cert.number)
    select_rows(p.cert_view, [row])
    qtbot.mouseClick(p.revoke_button, Qt.MouseButton.LeftButton)
    dialog = p.last_dialog
    assert not dialog.ok.isEnabled()                            # no reason, no revoke
    dialog.text.insertPlainText("客户投诉:批次混料")     # (QTest cannot type CJK)
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    wait_tasks(ctx)
    wait_tasks(ctx)
    assert p.status.text() == "Certificate revoked."
    assert p.cert_model.rows()[row].status == "revoked"

    p.tabs.setCurrentWidget(p.verify)
    p.verify.input.clear()
    qtbot.keyClicks(p.verify.input, cert.qr_text)
    qtbot.keyClick(p.verify.input, Qt.Key.Key_Return)           # as a 2D scanner sends it
    wait_tasks(ctx)
    assert p.verify.verdict.status == "revoked"
    assert p.verify.banner.property("state") == "error"
    assert "客户投诉:批次混料" in p.verify.details.toPlainText()

    from dataclasses import replace

    from orderdesk.certificates import payload

    qr = payload.parse_qr(cert.qr_text)
    more = replace(payload.parse_canonical(qr.data), quantity=99999).canonical()
    p.verify.check(payload.qr_text("https://orderdesk.local", qr.cert_no, more, qr.key_id,
                                   qr.signature))
    wait_tasks(ctx)
    assert p.verify.verdict.status == "tampered"
    assert p.verify.banner.property("state") == "error" and "TAMPERED" in p.verify.banner.text()

    p.verify.check("ODB:B2611-000001-001")
    wait_tasks(ctx)
    assert p.verify.verdict.status == "unknown"
    assert "not an orderdesk certificate" in p.verify.details.toPlainText()


def test_quality_staff_cannot_revoke_and_are_told_why(ctx, qtbot, page, sign_in, bound,
                                                      wait_tasks, desk) -> None:
    service.issue_for_order(desk, bound.order_id)
    sign_in("quality")
    p = page()
    p.revoke("no-matter", "reason")
    wait_tasks(ctx)
    assert p.status.property("state") == "error"
    assert "not allowed" in p.status.text()


def test_materials_import_link_and_template_editor(ctx, qtbot, page, sign_in, bound,
                                                   wait_tasks, desk, tmp_path) -> None:
    from openpyxl import Workbook

    sign_in("quality")
    p = page()
    wb = Workbook()
    ws = wb.active
    ws.append(["材料批号", "牌号", "供应商", "检验项目", "标准要求", "检测结果", "单位", "判定"])
    ws.append(["ML-B7", "PBT+GF30", "长春化工", "阻燃等级", "UL94 V-0", "V-0", "", "合格"])
    ws.append([None, None, None, "拉伸强度", "≥ 120 MPa", "131", "MPa", "合格"])
    wb.save(tmp_path / "lots.xlsx")
    p.tabs.setCurrentWidget(p.materials)
    p.materials.import_file(tmp_path / "lots.xlsx")
    wait_tasks(ctx)
    wait_tasks(ctx)
    assert "1 new lots" in p.materials.message.text()
    codes = [r.code for r in p.materials.model.rows()]
    p.materials.view.selectRow(codes.index("ML-B7"))
    assert p.materials.items.rowCount() == 2
    p.materials.batch_code.setText(bound.batch_codes[0])
    qtbot.mouseClick(p.materials.link_button, Qt.MouseButton.LeftButton)
    wait_tasks(ctx)
    wait_tasks(ctx)
    assert "now traced" in p.materials.message.text()
    assert service.batch_materials(desk, bound.batch_codes[0])[1].code == "ML-B7"

    # A broken file: clear message, nothing imported.
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    p.materials.import_file(tmp_path / "broken.xlsx")
    wait_tasks(ctx)
    assert p.materials.message.property("state") == "error"
    assert "broken.xlsx" in p.materials.message.text()

    # Template editor: an English template for this customer, with a logo.
    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 80), (12, 70, 160)).save(logo)
    t = p.templates
    p.tabs.setCurrentWidget(t)
    t.new_template()
    t.name.setText("Export EN")
    t.customer.setCurrentIndex(t.customer.findText("C001", Qt.MatchFlag.MatchStartsWith))
    t.language.setCurrentIndex(t.language.findData("en"))
    t.company.setText("Hengda Precision Moulding Co., Ltd.")
    t.field_checks["customer_po"].setChecked(False)
    t.set_logo_file(logo)
    qtbot.mouseClick(t.save_button, Qt.MouseButton.LeftButton)
    wait_tasks(ctx)
    wait_tasks(ctx)
    assert "saved" in t.message.text()
    saved = [x for x in service.list_templates(desk) if x.name == "Export EN"][0]
    assert saved.language == "en" and saved.logo_sha256 and "customer_po" not in saved.fields
    with qtbot.waitSignal(t.preview_did_render, timeout=20000) as blocker:
        qtbot.mouseClick(t.preview_button, Qt.MouseButton.LeftButton)
    assert len(blocker.args[0]) == 1


def test_screens_in_chinese(ctx, qtbot, page, sign_in, bound, wait_tasks, desk) -> None:
    """The default UI language; screenshots for the docs (looked at by hand)."""
    from orderdesk.ui import i18n

    service.issue_for_bindings(desk, bound.binding_ids[:2], inspector="张质检")
    i18n.set_language("zh")
    sign_in("supervisor")
    p = page()
    assert p.page_title() == "质量"
    assert p.tabs.tabText(0) == "合格证"
    select_rows(p.cert_view, [0])
    shot(p, "quality-certificates-zh.png")

    p.tabs.setCurrentWidget(p.materials)
    wait_tasks(ctx)
    p.materials.view.selectRow(0)
    shot(p, "quality-materials-zh.png")
    p.tabs.setCurrentWidget(p.templates)
    wait_tasks(ctx)
    shot(p, "quality-templates-zh.png")

    cert = service.list_certificates(desk)[0]
    p.tabs.setCurrentWidget(p.verify)
    p.verify.check(cert.qr_text)
    wait_tasks(ctx)
    assert "有效" in p.verify.banner.text()
    shot(p, "quality-verify-zh.png")

    p.tabs.setCurrentWidget(p.cert_tab)
    p.preview(cert.id, cert.number)
    wait_tasks(ctx)
    p.last_dialog.resize(1000, 1150)
    shot(p.last_dialog, "certificate-preview-zh.png")
    # The certificate itself as paper shows it (pdftoppm), for the docs.
    pdf_path = SHOTS / "certificate-page.pdf"
    pdf_path.write_bytes(service.certificate_pdf(desk, cert.id))
    subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", str(pdf_path),
                    str(SHOTS / "certificate-page-zh")], check=True)
    pdf_path.unlink()
