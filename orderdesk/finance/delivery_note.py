"""The delivery note (发货单) of a shipment as an A4 PDF with a QR code.

Bilingual labels (Chinese first, English under), the customer's PO on every line (a
database id never stands in for it), bound batch codes per line, and signature boxes
for the driver and the receiver. Long shipments continue on further pages with the
header repeated and "page n / m".

The QR text is built in one function, delivery_note_qr_text(), so the share links of
another feature can replace it without touching the drawing.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from orderdesk.certificates.pdf import draw_qr, ensure_font, fit, printable, wrap
from orderdesk.desk import Desk
from orderdesk.finance.shipping import ShipmentView, get_shipment

PAGE_W, PAGE_H = A4
MARGIN = 36.0
ROWS_PER_PAGE = 20
INK = HexColor("#1a1a1a")
GREY = HexColor("#666666")
HEAD_BG = HexColor("#e8eef5")


def delivery_note_qr_text(shipment: ShipmentView) -> str:
    """What the QR on the delivery note says: the shipment number, customer, date and
    totals, enough for a receiving clerk's scanner to find and check the delivery."""
    total = sum((ln.quantity for ln in shipment.lines), Decimal(0))
    return (f"ODS:{shipment.shipment_no}|{shipment.customer_code}|"
            f"{shipment.ship_date.isoformat()}|L{len(shipment.lines)}|"
            f"Q{format(total.normalize(), 'f')}|P{shipment.packages}")


def _qty(q: Decimal) -> str:
    text = format(Decimal(q).normalize(), "f")
    whole, _, frac = text.partition(".")
    whole = f"{int(whole):,}"
    return f"{whole}.{frac}" if frac else whole


def _header(c: Canvas, font: str, sh: ShipmentView, page: int, pages: int,
            status_url: str | None = None) -> float:
    c.setFillColor(INK)
    c.setFont(font, 20)
    c.drawString(MARGIN, PAGE_H - MARGIN - 20, "发货单")
    c.setFont(font, 10)
    c.setFillColor(GREY)
    c.drawString(MARGIN + 72, PAGE_H - MARGIN - 19, "DELIVERY NOTE")
    c.setFillColor(INK)
    c.setFont(font, 11)
    c.drawString(MARGIN, PAGE_H - MARGIN - 42, f"单号 No.  {sh.shipment_no}")
    qr = 92.0
    draw_qr(c, delivery_note_qr_text(sh), PAGE_W - MARGIN - qr, PAGE_H - MARGIN - qr, qr)
    beside = 0.0
    if status_url:
        # The order's share link (issue 18): the customer scans it for the live status.
        beside = qr + 12
        draw_qr(c, status_url, PAGE_W - MARGIN - qr - beside, PAGE_H - MARGIN - qr, qr)
        c.setFont(font, 7)
        c.setFillColor(GREY)
        c.drawCentredString(PAGE_W - MARGIN - qr / 2 - beside, PAGE_H - MARGIN - qr - 9,
                            "扫码查看订单进度 Order status")
        c.drawCentredString(PAGE_W - MARGIN - qr / 2, PAGE_H - MARGIN - qr - 9,
                            "收货核对 Receiving check")
        c.setFillColor(INK)
    y = PAGE_H - MARGIN - 66
    fields = (
        ("客户 Customer", f"{sh.customer_name} ({sh.customer_code})"),
        ("收货地址 Ship to", sh.ship_to or "-"),
        ("发货日期 Date", sh.ship_date.isoformat()),
        ("承运商 Carrier", " ".join(x for x in (sh.carrier, sh.tracking_no) if x) or "-"),
        ("件数 Packages", str(sh.packages)),
        ("订单 Orders", ", ".join(sh.order_nos)),
    )
    width = PAGE_W - 2 * MARGIN - qr - 110 - beside
    for label, value in fields:
        c.setFont(font, 8.5)
        c.setFillColor(GREY)
        c.drawString(MARGIN, y, label)
        c.setFillColor(INK)
        c.setFont(font, 10)
        c.drawString(MARGIN + 100, y, fit(printable(value), 10, width))
        y -= 15
    c.setFont(font, 8)
    c.setFillColor(GREY)
    c.drawRightString(PAGE_W - MARGIN, MARGIN - 14, f"{page} / {pages}")
    return y - 8


COLUMNS = (  # (Chinese, English, width in pt, right aligned); 523 pt across A4
    ("行", "No", 20, True), ("订单号", "Order", 76, False), ("客户PO", "Customer PO", 92, False),
    ("物料编码", "SKU", 60, False), ("名称 / 规格", "Item / spec", 112, False),
    ("数量", "Qty", 52, True), ("单位", "Unit", 26, False), ("批次", "Batches", 85, False),
)


def _batches(codes: tuple[str, ...], font: str) -> str:
    """All batch codes when they fit the column, else their count and first and last."""
    from orderdesk.certificates.pdf import text_width

    text = ", ".join(codes) or "-"
    if len(codes) > 2 and text_width(text, 8.5) > 2 * (COLUMNS[-1][2] - 6):
        text = f"{len(codes)}× {codes[0]} … {codes[-1]}"
    return text


def _table(c: Canvas, font: str, y: float, lines) -> float:  # type: ignore[no-untyped-def]
    x0 = MARGIN
    row_h = 22.0
    c.setFillColor(HEAD_BG)
    c.rect(x0, y - row_h, PAGE_W - 2 * MARGIN, row_h, stroke=0, fill=1)
    c.setFillColor(INK)
    x = x0
    for zh, en, w, right in COLUMNS:
        c.setFont(font, 8.5)
        draw = c.drawRightString if right else c.drawString
        px = x + w - 3 if right else x + 3
        draw(px, y - 10, zh)
        c.setFont(font, 6.5)
        draw(px, y - 18, en)
        x += w
    y -= row_h
    for ln in lines:
        values = (str(ln.line_no), ln.order_no, ln.customer_po or "-", ln.sku,
                  " ".join(x for x in (ln.name, ln.spec) if x), _qty(ln.quantity), ln.unit,
                  _batches(ln.batches, font))
        # Up to two lines per cell, so a PO number or a batch range is never cut off.
        cells = [wrap(printable(v), 8.5, w - 6)[:2] or [""]
                 for (_zh, _en, w, _r), v in zip(COLUMNS, values, strict=True)]
        row_h = 30.0 if any(len(c) > 1 for c in cells) else 22.0
        x = x0
        c.setFont(font, 8.5)
        for (_zh, _en, w, right), cell in zip(COLUMNS, cells, strict=True):
            for k, part in enumerate(cell):
                text = fit(part, 8.5, w - 6)
                ty = y - 14 - k * 10
                if right:
                    c.drawRightString(x + w - 3, ty, text)
                else:
                    c.drawString(x + 3, ty, text)
            x += w
        c.setStrokeColor(HexColor("#cccccc"))
        c.line(x0, y - row_h, PAGE_W - MARGIN, y - row_h)
        y -= row_h
    return y


def render(shipment: ShipmentView, status_url: str | None = None) -> bytes:
    font = ensure_font()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.setTitle(f"发货单 {shipment.shipment_no}")
    lines = list(shipment.lines)
    pages = max(1, -(-len(lines) // ROWS_PER_PAGE))
    for page in range(1, pages + 1):
        y = _header(c, font, shipment, page, pages, status_url)
        y = _table(c, font, y, lines[(page - 1) * ROWS_PER_PAGE:page * ROWS_PER_PAGE])
        if page == pages:
            total = sum((ln.quantity for ln in lines), Decimal(0))
            c.setFont(font, 10)
            c.setFillColor(INK)
            c.drawRightString(MARGIN + sum(col[2] for col in COLUMNS[:6]) - 3, y - 16,
                              f"合计 Total  {_qty(total)}")
            box_y = max(MARGIN + 10, y - 110)
            for i, (zh, en) in enumerate((("发货人", "Shipped by"), ("司机", "Driver"),
                                          ("收货人签收", "Received by"))):
                bx = MARGIN + i * (PAGE_W - 2 * MARGIN) / 3
                c.setStrokeColor(GREY)
                c.rect(bx + 2, box_y, (PAGE_W - 2 * MARGIN) / 3 - 8, 62, stroke=1, fill=0)
                c.setFont(font, 9)
                c.drawString(bx + 8, box_y + 48, f"{zh} {en}")
                c.setFont(font, 7.5)
                c.setFillColor(GREY)
                c.drawString(bx + 8, box_y + 8, "日期 Date:")
                c.setFillColor(INK)
            if shipment.shipped_by:
                c.setFont(font, 9)
                c.drawString(MARGIN + 10, box_y + 28, shipment.shipped_by)
        c.showPage()
    c.save()
    return buf.getvalue()


def write(desk: Desk, number: str, out: Path, *, link_for=None) -> Path:  # type: ignore[no-untyped-def]
    """The delivery note of a shipment (or an order's latest shipment) to `out`.

    `link_for(order_no) -> URL` (a station's share-link provider) adds a second QR code
    with the order's live status page; without a server the note prints without it."""
    shipment = get_shipment(desk, number)
    status_url = None
    if link_for is not None and shipment.order_nos:
        try:
            status_url = link_for(shipment.order_nos[0])
        except Exception:  # noqa: BLE001 - no server: the paper still prints
            status_url = None
    out.write_bytes(render(shipment, status_url))
    return out
