"""Certificates end to end: issue → PDF → picture → QR decoded by zxing-cpp → verdict.

Real parts only: a real SQLite file, real PDFs rendered by poppler's pdftoppm, the QR read
back from the picture with zxing-cpp, Ed25519 signatures checked with `cryptography`.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import func, select

from orderdesk.certificates import payload, sample, service, signing
from orderdesk.certificates.verify import verify_qr
from orderdesk.desk import Desk
from orderdesk.errors import NotFound
from orderdesk.models import AuditLog, Certificate, NumberSequence, Outbox, Setting
from orderdesk.services import catalog

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                reason="poppler-utils (pdftoppm) is not installed")


@pytest.fixture
def shop(desk: Desk):  # type: ignore[no-untyped-def]
    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
        catalog.upsert_product(s, "BRK-1001", "支架", spec="PA66+GF30 80mm")
        bo = sample.bound_order(s, customer_code="C001", sku="BRK-1001",
                                quantities=[2600, 2600, 1200])
    return bo


def render_png(pdf_path: Path, out_dir: Path, dpi: int = 150) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf_path), str(out_dir / "page")],
                   check=True, capture_output=True)
    return sorted(out_dir.glob("page*.png"))


def decode_qr(png: Path) -> str:
    found = [b for b in zxingcpp.read_barcodes(Image.open(png))
             if b.format == zxingcpp.BarcodeFormat.QRCode]
    assert len(found) == 1, f"expected one QR code on {png.name}, found {len(found)}"
    return found[0].text


def pdf_text(pdf_path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_issued_certificate_pdf_qr_decodes_and_verifies(desk: Desk, shop, tmp_path: Path) -> None:
    result = service.issue_for_order(desk, shop.order_id, inspector="张质检")
    assert result.created == 3 and result.already_issued == 0
    numbers = [c.number for c in result.certificates]
    assert len(set(numbers)) == 3 and all(n.startswith("QC-") for n in numbers)

    out = tmp_path / "order.pdf"
    report = service.render_certificates(desk, [c.id for c in result.certificates], out)
    assert report.certificates == 3 and report.pages == 3
    pages = render_png(out, tmp_path)
    assert len(pages) == 3

    for page, cert in zip(pages, result.certificates):
        text = decode_qr(page)
        assert text == cert.qr_text            # the picture carries exactly what was signed
        verdict = verify_qr(desk, text)
        assert verdict.status == "valid", verdict
        assert verdict.signature_ok and verdict.fields.cert_no == cert.number
        assert verdict.fields.batch_code == cert.batch_code
        # the certificate names who passed the inspection record, not the issuer's word
        assert verdict.fields.inspector == "陈静"
        assert verdict.trace.order_no == shop.order_no
        assert [m.code for m in verdict.trace.materials] == ["ML-2611-001"]
        assert verdict.trace.materials[0].results[0][0] == "拉伸强度"

    # The text is real Chinese text (not boxes): the embedded CJK font maps it back.
    text = pdf_text(out)
    assert "产品合格证" in text and "苏州恒锐精密有限公司" in text and "RoHS" in text
    assert "2011/65/EU" in text and "GB/T 26572" in text and "检验员: 陈静" in text
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True,
                           text=True).stdout
    cjk = [line for line in fonts.splitlines() if "OrderdeskCJK" in line or "WenQuanYi" in line]
    assert cjk and all(" yes " in line for line in cjk), fonts   # embedded (subset)


def test_tampered_link_fails(desk: Desk, shop) -> None:
    cert = service.issue_for_bindings(desk, shop.binding_ids[:1]).certificates[0]
    qr = payload.parse_qr(cert.qr_text)
    fields = payload.parse_canonical(qr.data)
    base = cert.qr_text.split("/v/")[0]

    # More pieces than signed for: the signature no longer matches.
    forged = replace(fields, quantity=fields.quantity * 10).canonical()
    text = payload.qr_text(base, cert.number, forged, qr.key_id, qr.signature)
    verdict = verify_qr(desk, text)
    assert verdict.status == "tampered" and verdict.reason == "bad_signature"

    # A genuine code glued under another certificate number.
    other = payload.qr_text(base, "QC-2026-999999", qr.data, qr.key_id, qr.signature)
    assert verify_qr(desk, other).reason == "number_mismatch"

    # One flipped byte in the signature.
    sig = bytearray(qr.signature)
    sig[5] ^= 0x01
    flipped = payload.qr_text(base, cert.number, qr.data, qr.key_id, bytes(sig))
    assert verify_qr(desk, flipped).status == "tampered"

    # Signed by a key nobody trusted: cannot vouch for it.
    stranger = signing.generate_key(Path(os.environ["ORDERDESK_CONFIG_DIR"]) / "elsewhere")
    alien = payload.qr_text(base, cert.number, qr.data, stranger.key_id, stranger.sign(qr.data))
    verdict = verify_qr(desk, alien)
    assert verdict.status == "unknown" and verdict.reason == "untrusted_key"

    for junk in ("", "hello", "https://example.com/v/QC-1?d=%%%&k=x&s=y", "ODB:B2611-1"):
        assert verify_qr(desk, junk).status == "unknown"
    # Scanner suffixes around a genuine code do not matter.
    assert verify_qr(desk, f"  {cert.qr_text}\r\n").status == "valid"


def test_revoked_certificate_fails_and_is_audited(desk: Desk, shop, tmp_path: Path) -> None:
    cert = service.issue_for_bindings(desk, shop.binding_ids[:1]).certificates[0]
    with pytest.raises(service.ReasonRequired):
        service.revoke_certificate(desk, cert.id, "  ")
    service.revoke_certificate(desk, cert.id, "客户投诉:材质报告批号错误")

    # The printed code, read back from the picture, now says revoked.
    out = tmp_path / "revoked.pdf"
    service.render_certificates(desk, [cert.id], out)
    text = decode_qr(render_png(out, tmp_path)[0])
    verdict = verify_qr(desk, text)
    assert verdict.status == "revoked" and verdict.reason == "revoked"
    assert verdict.revoked_reason == "客户投诉:材质报告批号错误"
    assert "已作废" in pdf_text(out)            # a reprint says VOID across the page

    with pytest.raises(service.CertificateStateError):
        service.revoke_certificate(desk, cert.id, "again")
    with desk.read() as s:
        trail = s.execute(select(AuditLog.field, AuditLog.new_value).where(
            AuditLog.entity == "certificates", AuditLog.entity_id == cert.id,
            AuditLog.action == "update")).all()
        outbox = s.scalar(select(func.count()).select_from(Outbox).where(
            Outbox.entity == "certificates", Outbox.entity_id == cert.id))
    assert ("status", json.dumps("revoked")) in trail
    assert ("revoked_reason", json.dumps("客户投诉:材质报告批号错误", ensure_ascii=False)) in trail
    assert outbox >= 4      # insert + status/when/who/why travel to the server


def test_reissue_supersedes_old_and_new_is_valid(desk: Desk, shop) -> None:
    old = service.issue_for_bindings(desk, shop.binding_ids[:1]).certificates[0]
    # The material report is corrected, then the certificate reissued from today's facts.
    service.save_material_lot(desk, service.MaterialLotInput(
        code="ML-2611-009", material_grade="PA66+GF30 A3WG6", supplier="巴斯夫",
        results=(service.TestItem("拉伸强度", "≥ 170 MPa", "181", "MPa", "合格"),)))
    service.unlink_material(desk, shop.batch_codes[0], "ML-2611-001")
    service.link_materials(desk, shop.batch_codes[0], ["ML-2611-009"])
    new = service.reissue_certificate(desk, old.id, "材料批号更正")
    assert new.number != old.number and new.reissued_from_no == old.number

    v_old = verify_qr(desk, old.qr_text)
    assert v_old.status == "revoked" and v_old.reason == "superseded"
    assert v_old.superseded_by == new.number
    v_new = verify_qr(desk, new.qr_text)
    assert v_new.status == "valid"
    assert v_new.fields.material_lots == ("ML-2611-009",)
    # Only one certificate in force per binding.
    again = service.issue_for_bindings(desk, shop.binding_ids[:1])
    assert again.created == 0 and again.certificates[0].number == new.number


def test_issue_is_idempotent_and_all_or_nothing(desk: Desk, shop) -> None:
    first = service.issue_for_order(desk, shop.order_id)
    second = service.issue_for_order(desk, shop.order_id)
    assert second.created == 0 and second.already_issued == 3
    assert {c.number for c in first.certificates} == {c.number for c in second.certificates}

    with desk.write() as s:
        extra = sample.bound_order(s, customer_code="C001", sku="BRK-1001", quantities=[10, 20],
                                   batch_prefix="X")
        seq_before = s.get(NumberSequence, "QC-2026").next_value
        count_before = s.scalar(select(func.count()).select_from(Certificate))
    with pytest.raises(NotFound):
        service.issue_for_bindings(desk, [extra.binding_ids[0], "no-such-binding"])
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == count_before
        assert s.get(NumberSequence, "QC-2026").next_value == seq_before


def test_station_key_made_once_registered_and_synced(desk: Desk, shop) -> None:
    folder = signing.keys_dir()
    assert not folder.exists()
    service.issue_for_bindings(desk, shop.binding_ids[:1])
    keys = list(folder.glob("*.pem"))
    assert len(keys) == 1
    assert stat.S_IMODE(keys[0].stat().st_mode) == 0o600      # private key readable by owner only
    service.issue_for_bindings(desk, shop.binding_ids[1:2])
    assert len(list(folder.glob("*.pem"))) == 1               # reused, not one per certificate
    with desk.read() as s:
        trusted = signing.parse_trusted(service.trusted_keys(s))
        pushed = s.scalar(select(func.count()).select_from(Outbox).where(
            Outbox.entity == "settings",
            Outbox.entity_id.startswith(signing.TRUSTED_KEY_PREFIX)))
    (entry,) = trusted.values()
    assert entry.kind == "station" and entry.station == "test-station"
    assert pushed == 1        # the public key travels to the server and the other stations


def test_server_key_from_environment(desk: Desk, shop, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    server_key = signing.generate_key(tmp_path / "server")
    monkeypatch.setenv("ORDERDESK_SIGNING_KEY", str(server_key.path))
    cert = service.issue_for_bindings(desk, shop.binding_ids[:1]).certificates[0]
    assert cert.key_id == server_key.key_id
    verdict = verify_qr(desk, cert.qr_text)
    assert verdict.status == "valid" and verdict.key_kind == "server"


def test_other_station_offline_and_online(desk: Desk, shop, db_path: Path, tmp_path: Path) -> None:
    cert = service.issue_for_bindings(desk, shop.binding_ids[:1]).certificates[0]
    # A second station that has the trusted keys (settings synced) but not the certificate.
    other_path = tmp_path / "other.db"
    with desk.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(db_path, other_path)
    other = Desk(other_path, station="gate")
    try:
        with other.write() as s:
            s.execute(Certificate.__table__.delete())
        offline = verify_qr(other, cert.qr_text)
        assert offline.status == "unknown" and offline.reason == "not_on_record"
        assert offline.signature_ok          # genuine, but revocation cannot be checked here

        asked: list[str] = []

        def server(number: str) -> str | None:
            asked.append(number)
            return "revoked"

        online = verify_qr(other, cert.qr_text, remote=server)
        assert asked == [cert.number] and online.status == "revoked" and online.online_checked

        # The server holds it in force: the other station can now say valid.
        assert verify_qr(other, cert.qr_text, remote=lambda n: "issued").status == "valid"

        # A revocation made at the issuing station, not yet synchronised: still revoked
        # there, whatever the server says.
        service.revoke_certificate(desk, cert.id, "wrong lot")
        assert verify_qr(desk, cert.qr_text, remote=lambda n: "issued").status == "revoked"

        def down(number: str) -> str | None:
            raise ConnectionRefusedError("server down")

        # Offline: the local record stands, and the verdict says it was not checked online.
        assert verify_qr(desk, cert.qr_text, remote=down).status == "revoked"
        assert not verify_qr(desk, cert.qr_text, remote=down).online_checked
    finally:
        other.close()


def test_retired_key_no_longer_vouches(desk: Desk, shop) -> None:
    cert = service.issue_for_bindings(desk, shop.binding_ids[:1]).certificates[0]
    with desk.write() as s:
        assert service.retire_key(s, cert.key_id, "2000-01-01T00:00:00+00:00")
    assert verify_qr(desk, cert.qr_text).reason == "key_retired"
    # The station does not sign with a retired key again: it makes a new one.
    nxt = service.issue_for_bindings(desk, shop.binding_ids[1:2]).certificates[0]
    assert nxt.key_id != cert.key_id and verify_qr(desk, nxt.qr_text).status == "valid"


def test_renamed_trusted_entry_is_not_trusted(desk: Desk, shop) -> None:
    cert = service.issue_for_bindings(desk, shop.binding_ids[:1]).certificates[0]
    with desk.write() as s:
        row = s.get(Setting, signing.TRUSTED_KEY_PREFIX + cert.key_id)
        s.add(Setting(key=signing.TRUSTED_KEY_PREFIX + "zzzzzzzz", value=row.value))
        row.value = "{}"        # the real entry is gone; a copy sits under another id
    assert verify_qr(desk, cert.qr_text).reason == "untrusted_key"


def test_unbound_batch_cannot_get_a_certificate(desk: Desk, shop) -> None:
    from orderdesk.models import BatchBinding

    with desk.write() as s:
        s.get(BatchBinding, shop.binding_ids[0]).active = False
    with pytest.raises(service.CertificateStateError):
        service.issue_for_bindings(desk, shop.binding_ids[:1])
    ready = service.ready_for_certificates(desk)
    assert {r.binding_id for r in ready} == set(shop.binding_ids[1:])
    assert all(r.material_lots == ("ML-2611-001",) for r in ready)


def test_rush_orders_lead_the_ready_list(desk: Desk, shop) -> None:
    from orderdesk.models import Order

    with desk.write() as s:
        rush = sample.bound_order(s, customer_code="C001", sku="BRK-1001", quantities=[50],
                                  customer_po="PO-RUSH", batch_prefix="B2612")
    ready = service.ready_for_certificates(desk)
    assert not any(r.rush for r in ready)
    with desk.write() as s:  # the older order becomes a rush order
        s.get(Order, shop.order_id).rush = True
    ready = service.ready_for_certificates(desk)
    assert [r.order_id for r in ready[:3]] == [shop.order_id] * 3 and ready[0].rush
    assert ready[3].order_id == rush.order_id and not ready[3].rush


def test_cancelled_order_gets_no_certificate(desk: Desk, shop) -> None:
    from orderdesk.services import orders

    orders.cancel_order(desk, shop.order_id, "客户取消")
    with pytest.raises(service.CertificateStateError) as err:
        service.issue_for_order(desk, shop.order_id)
    assert err.value.facts["state"] == "order_cancelled"
    assert service.list_certificates(desk) == []


def test_qr_link_stays_small_enough_for_paper(desk: Desk, shop) -> None:
    cert = service.issue_for_bindings(desk, shop.binding_ids[:1]).certificates[0]
    from orderdesk.certificates.pdf import QR_SIZE_PT, qr_matrix

    assert len(cert.qr_text) < 400
    modules = len(qr_matrix(cert.qr_text)) + 8          # with the 4-module quiet zone
    module_mm = QR_SIZE_PT / modules * 25.4 / 72
    assert module_mm >= 0.5, f"{module_mm:.2f} mm modules are too small to scan from paper"


def test_quantity_shown_from_signed_fields(desk: Desk, shop) -> None:
    cert = service.issue_for_bindings(desk, shop.binding_ids[2:3]).certificates[0]
    fields = payload.parse_canonical(payload.parse_qr(cert.qr_text).data)
    assert fields.quantity == Decimal(1200) and fields.customer_code == "C001"
    assert fields.customer_po == "PO-88123" and fields.sku == "BRK-1001"
