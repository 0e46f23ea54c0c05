"""Batch labels as PDF pages for a label printer (default 100 × 60 mm, one batch a page).

Each label carries the product (Chinese name, SKU, spec), lot, quantity and dates in
words, a GS1-128 barcode (Code 128 with FNC1) and a QR code holding the full GS1
element string, and orderdesk's own ``ODB:<batch code>`` in text. The CJK font is
embedded, so the printer needs no fonts of its own.

For a product without a GTIN no GS1 code can be made: both barcodes then carry
``ODB:<batch code>``, which every orderdesk station reads as well.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from orderdesk.fonts import CJK_FONT_SUBFONT_INDEX, cjk_font_path
from orderdesk.warehouse import gs1
from orderdesk.warehouse.binding import BatchInfo

FONT_NAME = "OrderdeskCJK"
FNC1 = "\xf1"  # reportlab's Code 128 spelling of FNC1
MIN_BAR = 0.19 * mm
MAX_BAR = 0.33 * mm


@dataclass(frozen=True)
class LabelSize:
    width_mm: float = 100
    height_mm: float = 60


def _register_font() -> str:
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(cjk_font_path()),
                                       subfontIndex=CJK_FONT_SUBFONT_INDEX))
    return FONT_NAME


def _qty(value: Decimal) -> str:
    return format(value.normalize(), "f")


def label_elements(batch: BatchInfo) -> list[tuple[str, str]]:
    """The GS1 fields printed for a batch, in print order. Empty without a GTIN."""
    if not batch.gtin:
        return []
    elements = [("01", batch.gtin.zfill(14))]
    if batch.production_date:
        elements.append(("11", batch.production_date.strftime("%y%m%d")))
    if batch.expiry_date:
        elements.append(("17", batch.expiry_date.strftime("%y%m%d")))
    lot = batch.lot or batch.code[:20]
    elements.append(("10", lot[:20]))
    # The batch code rides as (21) serial when it is not the lot already, so a scan of
    # the label names exactly this batch.
    serial = batch.serial or (batch.code if batch.code != lot else None)
    if serial:
        elements.append(("21", serial[:20]))
    count = batch.quantity
    if count == count.to_integral_value() and 0 < count < 10**8:
        elements.append(("30", str(int(count))))
    return elements


def barcode_fields(elements: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """What goes into the Code 128: what identifies the batch ((01), (10), (21)) plus the
    expiry; the QR code carries everything."""
    return [(ai, v) for ai, v in elements if ai in ("01", "17", "10", "21")]


def code128_value(elements: list[tuple[str, str]]) -> str:
    """GS1-128 data for reportlab: leading FNC1, FNC1 after variable fields not last."""
    text = gs1.element_string(elements)
    return FNC1 + text.replace(gs1.GS, FNC1)


def _fit_code128(value: str, width: float) -> code128.Code128 | None:
    bar = MAX_BAR
    while bar >= MIN_BAR:
        symbol = code128.Code128(value, barWidth=bar, barHeight=12 * mm, quiet=True,
                                 lquiet=10 * bar, rquiet=10 * bar, humanReadable=False)
        if symbol.width <= width:
            return symbol
        bar -= 0.01 * mm
    return None


def _draw_label(c: canvas.Canvas, batch: BatchInfo, size: LabelSize, font: str) -> None:
    w, h = size.width_mm * mm, size.height_mm * mm
    margin = 3 * mm
    elements = label_elements(batch)
    qr_text = gs1.element_string(elements) if elements else gs1.BATCH_PREFIX + batch.code
    qr_side = 24 * mm
    text_right = w - margin - qr_side - 2 * mm

    # -- words ---------------------------------------------------------------------------
    y = h - margin - 5 * mm
    c.setFont(font, 13)
    name = f"{batch.product_name}  {batch.sku}"
    while c.stringWidth(name, font, 13) > text_right - margin and len(name) > 4:
        name = name[:-2] + "…"
    c.drawString(margin, y, name)
    c.setFont(font, 8.5)
    lines = []
    if batch.spec:
        lines.append(f"规格 Spec: {batch.spec}")
    lines.append(f"批号 Lot: {batch.lot or batch.code}")
    lines.append(f"数量 Qty: {_qty(batch.quantity)} {batch.unit}")
    dates = []
    if batch.production_date:
        dates.append(f"生产 {batch.production_date.isoformat()}")
    if batch.expiry_date:
        dates.append(f"有效期至 {batch.expiry_date.isoformat()}")
    if dates:
        lines.append("  ".join(dates))
    lines.append(f"{gs1.BATCH_PREFIX}{batch.code}")
    for line in lines:
        y -= 4.3 * mm
        c.drawString(margin, y, line)

    # -- QR with the full element string ---------------------------------------------------
    qr = QrCodeWidget(qr_text, barLevel="M")
    x0, y0, x1, y1 = qr.getBounds()
    drawing = Drawing(qr_side, qr_side,
                      transform=[qr_side / (x1 - x0), 0, 0, qr_side / (y1 - y0), 0, 0])
    drawing.add(qr)
    renderPDF.draw(drawing, c, w - margin - qr_side, h - margin - qr_side)

    # -- GS1-128 --------------------------------------------------------------------------
    if elements:
        fields = barcode_fields(elements)
        value = code128_value(fields)
        symbol = _fit_code128(value, w - 2 * margin)
        if symbol is None:  # too long at the smallest bar: keep what identifies the batch
            fields = [(ai, v) for ai, v in fields if ai != "17"]
            value = code128_value(fields)
            symbol = _fit_code128(value, w - 2 * margin)
        caption = gs1.hri(fields)
    else:
        value = gs1.BATCH_PREFIX + batch.code
        symbol = _fit_code128(value, w - 2 * margin)
        caption = value
    if symbol is not None:
        symbol.drawOn(c, (w - symbol.width) / 2, margin + 4 * mm)
    c.setFont(font, 7.5)
    c.drawCentredString(w / 2, margin + 0.8 * mm, caption)


def render_labels(batches: Sequence[BatchInfo], *, size: LabelSize | None = None,
                  title: str = "orderdesk batch labels") -> bytes:
    """One PDF page per batch, sized for a label printer."""
    size = size or LabelSize()
    font = _register_font()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(size.width_mm * mm, size.height_mm * mm),
                      pageCompression=1)
    c.setTitle(title)
    c.setCreator("orderdesk")
    for batch in batches:
        _draw_label(c, batch, size, font)
        c.showPage()
    c.save()
    return buffer.getvalue()


def write_labels(batches: Sequence[BatchInfo], out: Path, *, size: LabelSize | None = None
                 ) -> int:
    """Write the labels PDF atomically (a half-written file never replaces a good one)."""
    data = render_labels(batches, size=size)
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(out)
    return len(batches)
