"""Printed papers carry the order's share link: the delivery note gets a second QR code
with the live-status URL when the station can reach the server, and prints without it
when it cannot (the receiving QR is always there)."""

from __future__ import annotations

import pypdfium2 as pdfium
import zxingcpp

from orderdesk.finance import delivery_note, shipping
from tests.core.finance_support import Line, ship_lines

URL = "https://factory.example.cn/s/" + "Q" * 43


def _codes(pdf):  # type: ignore[no-untyped-def]
    page = pdfium.PdfDocument(str(pdf))[0].render(scale=2.5).to_pil()
    return sorted(c.text for c in zxingcpp.read_barcodes(page))


def test_delivery_note_has_the_orders_status_link(desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    shipment_no = ship_lines(desk, [Line("NEV-PO-1", "BRK-5200", "52000", "4.85")])
    asked: list[str] = []

    def link_for(order_no: str) -> str:
        asked.append(order_no)
        return URL

    out = delivery_note.write(desk, shipment_no, tmp_path / "note.pdf", link_for=link_for)
    view = shipping.get_shipment(desk, shipment_no)
    assert asked == [view.order_nos[0]]
    assert _codes(out) == sorted([URL, delivery_note.delivery_note_qr_text(view)])
    text = pdfium.PdfDocument(str(out))[0].get_textpage().get_text_range()
    assert "扫码查看订单进度" in text


def test_delivery_note_without_a_server_prints_the_receiving_code_only(desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    shipment_no = ship_lines(desk, [Line("NEV-PO-1", "BRK-5200", "100", "4.85")])

    def offline(order_no: str) -> str:
        raise OSError("server unreachable")

    out = delivery_note.write(desk, shipment_no, tmp_path / "note.pdf", link_for=offline)
    view = shipping.get_shipment(desk, shipment_no)
    assert _codes(out) == [delivery_note.delivery_note_qr_text(view)]


def test_certificate_carries_the_orders_status_link(desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The certificate keeps its verification QR and gains the order's status QR; one link
    per order however many certificates it has; offline, only the verification QR."""
    from orderdesk.certificates import sample, service
    from orderdesk.services import catalog

    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
        catalog.upsert_product(s, "BRK-1001", "支架", spec="PA66+GF30 80mm")
        bo = sample.bound_order(s, customer_code="C001", sku="BRK-1001", quantities=[2600, 1200])
    result = service.issue_for_order(desk, bo.order_id, inspector="张质检")
    ids = [c.id for c in result.certificates]
    asked: list[str] = []

    def link_for(order_no: str) -> str:
        asked.append(order_no)
        return URL

    out = tmp_path / "certs.pdf"
    service.render_certificates(desk, ids, out, link_for=link_for)
    assert asked == [bo.order_no]
    doc = pdfium.PdfDocument(str(out))
    for i, cert in enumerate(result.certificates):
        page = doc[i].render(scale=2.5).to_pil()
        assert sorted(c.text for c in zxingcpp.read_barcodes(page)) == sorted([cert.qr_text, URL])

    def offline(order_no: str) -> str:
        raise OSError("no server")

    plain = tmp_path / "plain.pdf"
    service.render_certificates(desk, ids[:1], plain, link_for=offline)
    page = pdfium.PdfDocument(str(plain))[0].render(scale=2.5).to_pil()
    assert [c.text for c in zxingcpp.read_barcodes(page)] == [result.certificates[0].qr_text]
