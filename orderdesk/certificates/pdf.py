"""Certificate of conformity PDFs (A4, Chinese or English) drawn with reportlab.

Pure drawing: takes frozen content + template and writes PDF bytes; no database here, so
the same code serves one preview, a CLI run and a 1,000-certificate shipment job.

Speed (target ≤ 50 ms per certificate): the CJK font is registered once per process and
subset per document; the QR is drawn as vector rectangles (one per run of dark modules)
instead of an embedded picture; logos are decoded once per content hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M
from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from orderdesk.errors import OrderdeskError
from orderdesk.fonts import CJK_FONT_SUBFONT_INDEX, cjk_font_path

FONT = "OrderdeskCJK"

# Image streams binary (Flate only) rather than ASCII85 text: smaller files, and reportlab's
# pure-Python ASCII85 encoder was a tenth of a shipment's render time. Every PDF reader and
# printer takes binary streams; ASCII85 only matters for 7-bit channels nobody uses now.
rl_config.useA85 = 0

#: Fields a template may show or hide (the rest - number, product, batch, quantity,
#: inspector, date, QR - are what makes it a certificate and always print).
FIELD_KEYS = ("logo", "customer", "order_no", "customer_po", "spec", "lot",
              "production_date", "expiry_date", "material_report", "rohs", "footer")
DEFAULT_FIELDS = frozenset(FIELD_KEYS) - {"expiry_date"}

ROHS_TEXT = {
    "zh": ("本批产品符合欧盟 RoHS 指令 2011/65/EU 及其修订指令 (EU) 2015/863 对铅、汞、镉、六价铬、"
           "多溴联苯、多溴二苯醚及四种邻苯二甲酸酯的限量要求,并符合中国 GB/T 26572《电子电气产品"
           "中限用物质的限量要求》。"),
    "en": ("The products of this batch comply with the limits for lead, mercury, cadmium, "
           "hexavalent chromium, PBB, PBDE and the four phthalates of EU RoHS Directive "
           "2011/65/EU as amended by Directive (EU) 2015/863, and with China RoHS "
           "GB/T 26572 (Requirements of concentration limits for certain restricted "
           "substances in electrical and electronic products)."),
}

LABELS = {
    "zh": {
        "title": "产品合格证", "subtitle": "质量证明书 · Certificate of Conformity",
        "cert_no": "证书编号", "customer": "客户", "order_no": "订单号",
        "customer_po": "客户订单号(PO)", "product": "产品", "spec": "规格",
        "batch": "批次号", "lot": "生产批号", "quantity": "数量",
        "production_date": "生产日期", "expiry_date": "有效期至", "issued": "签发日期",
        "material_report": "材质报告", "m_lot": "材料批号", "m_grade": "牌号",
        "m_supplier": "供应商", "m_item": "检验项目", "m_standard": "标准要求",
        "m_result": "检测结果", "m_unit": "单位", "m_verdict": "判定",
        "no_material": "未登记材料批次", "rohs": "RoHS 声明", "inspector": "检验员",
        "conclusion": "结论:本批产品经检验合格,准予出厂。", "stamp": "检验合格",
        "verify": "扫描二维码验证证书真伪", "status_link": "扫码查看订单进度",
        "continued": "续页", "page": "第 {n} 页",
        "void": "已作废", "void_notice": "本证书已作废,不得作为交付依据", "reissue_of": "替代证书", "superseded": "已被新证书替代",
    },
    "en": {
        "title": "Certificate of Conformity", "subtitle": "产品合格证 · Quality Certificate",
        "cert_no": "Certificate No.", "customer": "Customer", "order_no": "Order No.",
        "customer_po": "Customer PO", "product": "Product", "spec": "Specification",
        "batch": "Batch", "lot": "Production lot", "quantity": "Quantity",
        "production_date": "Production date", "expiry_date": "Expiry date",
        "issued": "Date of issue", "material_report": "Material report", "m_lot": "Material lot",
        "m_grade": "Grade", "m_supplier": "Supplier", "m_item": "Test item",
        "m_standard": "Requirement", "m_result": "Result", "m_unit": "Unit",
        "m_verdict": "Verdict", "no_material": "No material lot recorded",
        "rohs": "RoHS declaration", "inspector": "Inspector",
        "conclusion": "Conclusion: the batch was inspected and conforms; released for delivery.",
        "stamp": "QC PASSED", "verify": "Scan the QR code to verify this certificate",
        "status_link": "Live order status",
        "continued": "continued", "page": "Page {n}", "void": "VOID",
        "void_notice": "This certificate is void and must not be used for delivery",
        "reissue_of": "Replaces", "superseded": "Superseded",
    },
}


class RenderCancelled(OrderdeskError):
    code = "cancelled"


@dataclass(frozen=True)
class TestResult:
    item: str
    standard: str = ""
    result: str = ""
    unit: str = ""
    verdict: str = ""


@dataclass(frozen=True)
class MaterialReport:
    lot_code: str
    grade: str = ""
    supplier: str = ""
    results: tuple[TestResult, ...] = ()


@dataclass(frozen=True)
class TemplateSpec:
    language: str = "zh"
    company_name: str = ""
    company_address: str = ""
    logo: bytes | None = None
    fields: frozenset[str] = DEFAULT_FIELDS
    rohs_text: str | None = None
    footer_text: str | None = None

    def shows(self, key: str) -> bool:
        return key in self.fields


@dataclass(frozen=True)
class CertificateContent:
    cert_no: str
    issued: dt.date
    customer_name: str
    customer_code: str
    order_no: str
    customer_po: str
    sku: str
    product_name: str
    spec: str
    batch_code: str
    lot: str
    quantity: Decimal
    unit: str
    production_date: dt.date | None
    expiry_date: dt.date | None
    inspector: str
    qr_text: str
    material: tuple[MaterialReport, ...] = ()
    status: str = "issued"               # issued | revoked | superseded
    reissued_from: str | None = None     # number of the certificate this one replaces
    extra: tuple[tuple[str, str], ...] = field(default=())
    # The order's live-status share link (issue 18), when the station could get one.
    status_url: str | None = None


# -- fonts, text -------------------------------------------------------------------------
_font_lock = threading.Lock()
_font_ready = False


def ensure_font() -> str:
    """Register the shipped CJK font once per process (embedded as a subset per PDF)."""
    global _font_ready
    if not _font_ready:
        with _font_lock:
            if not _font_ready:
                pdfmetrics.registerFont(TTFont(FONT, str(cjk_font_path()),
                                               subfontIndex=CJK_FONT_SUBFONT_INDEX))
                _font_ready = True
    return FONT


# Characters whose glyph is empty in the shipped font, written the way print shops do.
_SUBSTITUTES = str.maketrans({"℃": "°C", "℉": "°F"})


def printable(text: str) -> str:
    return (text or "").translate(_SUBSTITUTES)


@lru_cache(maxsize=8192)
def _char_width(ch: str, size: float) -> float:
    return pdfmetrics.stringWidth(ch, FONT, size)


def text_width(text: str, size: float) -> float:
    return sum(_char_width(ch, size) for ch in text)


def wrap(text: str, size: float, width: float) -> list[str]:
    """Lines of at most `width` points. CJK breaks anywhere; Latin words break at spaces
    when they can (a word longer than a line is cut)."""
    lines: list[str] = []
    for paragraph in printable(text).split("\n"):
        line = ""
        used = 0.0
        last_space = -1
        for ch in paragraph:
            w = _char_width(ch, size)
            if used + w > width and line:
                if ch == " ":
                    lines.append(line)
                    line, used, last_space = "", 0.0, -1
                    continue
                # Back up to the last space only inside Latin text; CJK breaks anywhere.
                if last_space > 0 and ord(ch) < 0x2E80 and ord(line[-1]) < 0x2E80:
                    lines.append(line[:last_space])
                    line = line[last_space + 1:]
                else:
                    lines.append(line)
                    line = ""
                used = text_width(line, size)
                last_space = -1
            if ch == " ":
                last_space = len(line)
            line += ch
            used += w
        lines.append(line)
    return lines


def fit(text: str, size: float, width: float) -> str:
    """One line; if it is too long the end is replaced by an ellipsis."""
    text = printable(text)
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


@lru_cache(maxsize=16)
def _logo_reader(digest: str, data: bytes) -> ImageReader:
    return ImageReader(io.BytesIO(data))


_versions: dict[int, int] = {}


def qr_matrix(text: str) -> list[list[bool]]:
    """QR modules (no quiet zone). Error correction M survives a scuffed label.

    Speed matters here (pure Python, most of a certificate's time budget):
    - the mask is fixed: any mask decodes, and qrcode's search over the eight masks
      costs ~35 ms;
    - the data is one byte-mode segment, so its bit length depends only on its byte
      length, and the version found for a length is reused instead of searched again.
    """
    data = text.encode("utf-8")
    version = _versions.get(len(data))
    code = qrcode.QRCode(version=version, error_correction=ERROR_CORRECT_M, border=0,
                         mask_pattern=4)
    code.add_data(data, optimize=0)
    code.make(fit=version is None)
    _versions[len(data)] = code.version
    return code.get_matrix()


def qr_image(text: str, scale: int = 4) -> Image.Image:
    """The QR as a grey-scale picture: `scale` pixels per module, 4-module quiet zone."""
    matrix = qr_matrix(text)
    n = len(matrix)
    quiet = 4
    side = n + 2 * quiet
    blank = b"\xff" * side
    rows = [blank] * quiet
    pad = b"\xff" * quiet
    for row in matrix:
        rows.append(pad + bytes(0 if dark else 255 for dark in row) + pad)
    rows.extend([blank] * quiet)
    image = Image.frombytes("L", (side, side), b"".join(rows))
    # Whole pixels per module so no viewer or printer driver blurs module edges.
    return image.resize((side * scale, side * scale), Image.Resampling.NEAREST)


def draw_qr(c: Canvas, text: str, x: float, y: float, size: float) -> None:
    """QR with its quiet zone as a lossless picture, lower-left at (x, y).

    A picture rather than one vector rectangle per run: same sharpness when printed,
    a third of the drawing time (reportlab formats every path number in Python).
    """
    c.drawImage(ImageReader(qr_image(text)), x, y, width=size, height=size)


# -- page drawing -----------------------------------------------------------------------
#: Printed QR side including the quiet zone (118 pt = 41.6 mm): modules stay ≥ 0.5 mm up to
#: QR version 14, which phone cameras and 2D scanners read from plain office paper.
QR_SIZE_PT = 118.0
PAGE_W, PAGE_H = A4
MARGIN = 40.0
INK = HexColor("#1a1a1a")
GREY = HexColor("#666666")
RULE = HexColor("#9a9a9a")
HEAD_BG = HexColor("#e8eef5")
RED = HexColor("#c8102e")
STAMP = Color(0.78, 0.06, 0.18, alpha=0.85)


def _date(d: dt.date | None) -> str:
    return d.isoformat() if d else "—"


def _qty(q: Decimal, unit: str) -> str:
    text = format(Decimal(q).normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    whole = f"{int(whole):,}" if whole.lstrip("-").isdigit() else whole
    return f"{whole}{'.' + frac if frac else ''} {unit}".strip()


class _Page:
    """Drawing state of one certificate: the canvas and the cursor going down."""

    def __init__(self, c: Canvas, content: CertificateContent, tpl: TemplateSpec) -> None:
        self.c = c
        self.doc = content
        self.tpl = tpl
        self.lang = tpl.language if tpl.language in LABELS else "zh"
        self.t = LABELS[self.lang]
        self.page_no = 1
        self.y = PAGE_H - MARGIN

    def text(self, x: float, y: float, text: str, size: float = 9.5,
             color: Color = INK, align: str = "left") -> None:
        c = self.c
        c.setFont(FONT, size)
        c.setFillColor(color)
        if align == "center":
            c.drawCentredString(x, y, text)
        elif align == "right":
            c.drawRightString(x, y, text)
        else:
            c.drawString(x, y, text)

    # header with company and title
    def header(self, continued: bool = False) -> None:
        c, tpl, t = self.c, self.tpl, self.t
        top = PAGE_H - MARGIN
        x = MARGIN
        if tpl.logo and tpl.shows("logo"):
            try:
                reader = _logo_reader(hashlib.sha256(tpl.logo).hexdigest(), tpl.logo)
                c.drawImage(reader, MARGIN, top - 42, width=84, height=42,
                            preserveAspectRatio=True, anchor="w", mask="auto")
                x = MARGIN + 94
            except Exception:  # noqa: BLE001 - a broken logo must not stop the certificate
                x = MARGIN
        self.text(x, top - 16, fit(tpl.company_name, 15, PAGE_W - MARGIN - x - 150), 15)
        if tpl.company_address:
            self.text(x, top - 32, fit(tpl.company_address, 8.5, PAGE_W - MARGIN - x - 150),
                      8.5, GREY)
        self.text(PAGE_W - MARGIN, top - 16, f"{t['cert_no']}: {self.doc.cert_no}", 9.5,
                  align="right")
        if continued:
            self.text(PAGE_W - MARGIN, top - 32,
                      f"{t['continued']} · {t['page'].format(n=self.page_no)}", 8.5, GREY,
                      align="right")
        c.setStrokeColor(INK)
        c.setLineWidth(1.2)
        c.line(MARGIN, top - 50, PAGE_W - MARGIN, top - 50)
        self.y = top - 50
        if not continued:
            self.text(PAGE_W / 2, self.y - 34, t["title"], 22, align="center")
            self.text(PAGE_W / 2, self.y - 52, t["subtitle"], 9.5, GREY, align="center")
            self.y -= 70
        else:
            self.y -= 16
        if self.doc.status != "issued":
            self.void_mark()
            self.text(PAGE_W / 2, self.y + 4, self.t["void_notice"], 10, RED, align="center")
            self.y -= 8

    def void_mark(self) -> None:
        c = self.c
        c.saveState()
        c.setFillColor(Color(0.78, 0.06, 0.18, alpha=0.18))
        c.translate(PAGE_W / 2, PAGE_H / 2)
        c.rotate(35)
        c.setFont(FONT, 96)
        c.drawCentredString(0, 0, self.t["void"])
        c.restoreState()

    def info_block(self) -> None:
        d, tpl, t = self.doc, self.tpl, self.t
        rows: list[tuple[str, str]] = [(t["cert_no"], d.cert_no)]
        if tpl.shows("customer"):
            rows.append((t["customer"], " ".join(p for p in (d.customer_name,
                         f"({d.customer_code})" if d.customer_code else "") if p)))
        if tpl.shows("order_no"):
            rows.append((t["order_no"], d.order_no))
        if tpl.shows("customer_po"):
            rows.append((t["customer_po"], d.customer_po or "—"))
        rows.append((t["product"], f"{d.sku}  {d.product_name}"))
        if tpl.shows("spec"):
            rows.append((t["spec"], d.spec or "—"))
        rows.append((t["batch"], d.batch_code))
        if tpl.shows("lot") and d.lot:
            rows.append((t["lot"], d.lot))
        rows.append((t["quantity"], _qty(d.quantity, d.unit)))
        if tpl.shows("production_date"):
            rows.append((t["production_date"], _date(d.production_date)))
        if tpl.shows("expiry_date"):
            rows.append((t["expiry_date"], _date(d.expiry_date)))
        rows.append((t["issued"], _date(d.issued)))
        if d.reissued_from:
            rows.append((t["reissue_of"], d.reissued_from))
        rows.extend(d.extra)

        c = self.c
        row_h = 19.0
        label_w = 100.0 if self.lang == "zh" else 110.0
        qr_size = QR_SIZE_PT
        table_w = PAGE_W - 2 * MARGIN - qr_size - 14
        top = self.y
        c.setLineWidth(0.5)
        c.setStrokeColor(RULE)
        for i, (label, value) in enumerate(rows):
            y = top - (i + 1) * row_h
            c.setFillColor(HEAD_BG)
            c.rect(MARGIN, y, label_w, row_h, stroke=0, fill=1)
            c.line(MARGIN, y, MARGIN + table_w, y)
            self.text(MARGIN + 6, y + 6, fit(label, 9.5, label_w - 10), 9.5, GREY)
            self.text(MARGIN + label_w + 8, y + 6, fit(value, 10, table_w - label_w - 14), 10)
        c.line(MARGIN, top, MARGIN + table_w, top)
        c.line(MARGIN, top, MARGIN, top - len(rows) * row_h)
        c.line(MARGIN + table_w, top, MARGIN + table_w, top - len(rows) * row_h)
        c.line(MARGIN + label_w, top, MARGIN + label_w, top - len(rows) * row_h)
        # QR to the right of the facts, with the verification hint under it.
        qx = PAGE_W - MARGIN - qr_size
        draw_qr(c, d.qr_text, qx, top - qr_size, qr_size)
        hint = wrap(t["verify"], 7.5, qr_size)
        for i, line in enumerate(hint):
            self.text(qx + qr_size / 2, top - qr_size - 11 - i * 10, line, 7.5, GREY,
                      align="center")
        self.text(qx + qr_size / 2, top - qr_size - 13 - len(hint) * 10, d.cert_no, 8.5,
                  align="center")
        below = top - qr_size - 30 - len(hint) * 10
        if d.status_url:
            # A smaller second code under the first: the order's status page for phones.
            small = 64.0
            sx = qx + (qr_size - small) / 2
            draw_qr(c, d.status_url, sx, below - small, small)
            self.text(qx + qr_size / 2, below - small - 10, t["status_link"], 7.5, GREY,
                      align="center")
            below -= small + 16
        self.y = min(top - len(rows) * row_h, below) - 22

    # material report table with continuation pages
    COLS = (("m_lot", 68), ("m_grade", 70), ("m_supplier", 72), ("m_item", 78),
            ("m_standard", 86), ("m_result", 54), ("m_unit", 46), ("m_verdict", 41))

    def _table_head(self) -> None:
        c = self.c
        h = 18.0
        c.setFillColor(HEAD_BG)
        c.rect(MARGIN, self.y - h, PAGE_W - 2 * MARGIN, h, stroke=0, fill=1)
        x = MARGIN
        for key, w in self.COLS:
            self.text(x + 4, self.y - 12.5, fit(self.t[key], 8.5, w - 6), 8.5)
            x += w
        c.setStrokeColor(RULE)
        c.line(MARGIN, self.y, PAGE_W - MARGIN, self.y)
        self.y -= h
        c.line(MARGIN, self.y, PAGE_W - MARGIN, self.y)

    def new_page(self) -> None:
        self.c.showPage()
        self.page_no += 1
        self.header(continued=True)

    def material_block(self, reserve: float) -> None:
        t = self.t
        self.text(MARGIN, self.y, t["material_report"], 12)
        self.y -= 8
        self._table_head()
        rows: list[list[str]] = []
        for m in self.doc.material:
            results = m.results or (TestResult(item=""),)
            for i, r in enumerate(results):
                first = i == 0
                rows.append([m.lot_code if first else "", m.grade if first else "",
                             m.supplier if first else "", r.item, r.standard, r.result,
                             r.unit, r.verdict])
        if not rows:
            self.text(MARGIN + 4, self.y - 13, t["no_material"], 9, GREY)
            self.y -= 20
            return
        size = 8.5
        for row in rows:
            cells = [wrap(v, size, w - 7) for v, (_, w) in zip(row, self.COLS)]
            h = max(len(cell) for cell in cells) * 11 + 6
            if self.y - h < MARGIN + 40:
                self.new_page()
                self._table_head()
            x = MARGIN
            for cell, (key, w) in zip(cells, self.COLS):
                for j, line in enumerate(cell):
                    color = RED if key == "m_verdict" and _is_fail(line) else INK
                    self.text(x + 4, self.y - 11 - j * 11, line, size, color)
                x += w
            self.y -= h
            self.c.setStrokeColor(RULE)
            self.c.line(MARGIN, self.y, PAGE_W - MARGIN, self.y)
        if self.y - reserve < MARGIN:
            self.new_page()
        self.y -= 20

    def rohs_block(self) -> None:
        tpl, t = self.tpl, self.t
        text = tpl.rohs_text or ROHS_TEXT[self.lang]
        lines = wrap(text, 9, PAGE_W - 2 * MARGIN)
        if self.y - (len(lines) * 13 + 30) < MARGIN + 110:
            self.new_page()
        self.text(MARGIN, self.y, t["rohs"], 12)
        self.y -= 16
        for line in lines:
            self.text(MARGIN, self.y, line, 9)
            self.y -= 13
        self.y -= 10

    def signature_block(self) -> None:
        c, d, t, tpl = self.c, self.doc, self.t, self.tpl
        if self.y < MARGIN + 110:
            self.new_page()
        self.text(MARGIN, self.y, t["conclusion"], 10)
        y = self.y - 34
        self.text(MARGIN, y, f"{t['inspector']}: {d.inspector}", 10.5)
        self.text(MARGIN + 200, y, f"{t['issued']}: {_date(d.issued)}", 10.5)
        c.setStrokeColor(RULE)
        c.line(MARGIN + 48 if self.lang == "zh" else MARGIN + 60, y - 3, MARGIN + 170, y - 3)
        # Inspection stamp: the round red mark quality departments put on paper copies.
        cx, cy, r = PAGE_W - MARGIN - 62, y + 8, 40
        c.saveState()
        c.setStrokeColor(STAMP)
        c.setLineWidth(2.2)
        c.circle(cx, cy, r, stroke=1, fill=0)
        c.setLineWidth(0.8)
        c.circle(cx, cy, r - 5, stroke=1, fill=0)
        c.setFillColor(STAMP)
        c.setFont(FONT, 12 if self.lang == "zh" else 10)
        c.drawCentredString(cx, cy - 4, t["stamp"])
        c.setFont(FONT, 6.5)
        c.drawCentredString(cx, cy - 18, _date(d.issued))
        # The company name runs along the upper arc, as on a real 公章: every character
        # is printed (a seal with "宁波恒达…" is no seal), smaller when it is long.
        for ch, size, x, y, angle in seal_arc(tpl.company_name, cx, cy, r - 12):
            c.saveState()
            c.translate(x, y)
            c.rotate(angle)
            c.setFont(FONT, size)
            c.drawCentredString(0, -size * 0.35, ch)
            c.restoreState()
        c.restoreState()
        footer = tpl.footer_text if tpl.shows("footer") else None
        fy = MARGIN - 6
        if footer:
            for i, line in enumerate(wrap(footer, 7.5, PAGE_W - 2 * MARGIN)[:2]):
                self.text(MARGIN, fy + 10 - i * 9, line, 7.5, GREY)

    def draw(self) -> None:
        self.header()
        self.info_block()
        if self.tpl.shows("material_report"):
            self.material_block(reserve=200 if self.tpl.shows("rohs") else 110)
        if self.tpl.shows("rohs"):
            self.rohs_block()
        self.signature_block()
        self.c.showPage()


def seal_arc(text: str, cx: float, cy: float, radius: float, *, span: float = 250.0,
             max_size: float = 9.0, min_size: float = 4.0) -> list[tuple[str, float, float, float, float]]:
    """Where each character of `text` goes on the upper arc of a round seal:
    (char, font size, x, y, rotation in degrees), left to right, centred on the top.
    All characters are kept; a long name gets smaller characters, never an ellipsis."""
    import math

    chars = [ch for ch in (text or "").strip() if not ch.isspace()]
    if not chars:
        return []
    arc = math.radians(span) * radius
    # Latin letters are about half as wide as CJK ones.
    units = sum(1.0 if ord(ch) > 0x2E80 else 0.6 for ch in chars)
    size = max(min_size, min(max_size, arc / (units * 1.05)))
    step_unit = min(math.radians(span) / units, size * 1.05 / radius)
    total = step_unit * units
    out = []
    at = math.pi / 2 + total / 2           # start left of the top, go clockwise
    for ch in chars:
        w = step_unit * (1.0 if ord(ch) > 0x2E80 else 0.6)
        mid = at - w / 2
        x = cx + radius * math.cos(mid)
        y = cy + radius * math.sin(mid)
        out.append((ch, size, x, y, math.degrees(mid) - 90))
        at -= w
    return out


def _is_fail(verdict: str) -> bool:
    v = verdict.strip().lower()
    return v in {"ng", "fail", "failed", "不合格", "×", "x"}


ProgressFn = Callable[[int, int], None]


def render(items: Sequence[tuple[CertificateContent, TemplateSpec]], out: BinaryIO | Path, *,
           abort: threading.Event | None = None, progress: ProgressFn | None = None,
           title: str = "Certificates") -> int:
    """Draw each certificate (one or more pages each) into one PDF; returns pages drawn.

    Runs on any thread. `abort` set between certificates raises RenderCancelled (the
    caller owns `out` and discards it); `progress(done, total)` is called after each.
    """
    ensure_font()
    c = Canvas(out if not isinstance(out, Path) else str(out), pagesize=A4,
               pageCompression=1, invariant=0)
    c.setTitle(title)
    c.setAuthor("orderdesk")
    c.setCreator("orderdesk")
    pages = 0
    total = len(items)
    for done, (content, tpl) in enumerate(items, start=1):
        if abort is not None and abort.is_set():
            raise RenderCancelled(done=done - 1, total=total)
        page = _Page(c, content, tpl)
        page.draw()
        pages += page.page_no
        if progress is not None:
            progress(done, total)
    c.save()
    return pages


def render_bytes(items: Sequence[tuple[CertificateContent, TemplateSpec]], **kwargs) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    render(items, buf, **kwargs)
    return buf.getvalue()
