"""《高频问题应对手册》: the handbook grown from accepted lessons-learned cards.

One chapter per root-cause category (人机料法环测), each card as scenario -> cause ->
action -> where it applies, an index by customer and by product, and a change page.
Card numbers are stable: an edition keeps the numbers of the previous one and gives new
cards the next free numbers; the change page lists what was added or changed since.
It is offered after 50 accepted cards (never generated silently); .docx with
python-docx (the East-Asian font set on the styles and on every run, or Word falls back
to a Latin font for Chinese) and a PDF with reportlab.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from orderdesk.desk import Desk
from orderdesk.errors import OrderdeskError
from orderdesk.fonts import CJK_FONT_FAMILY, CJK_FONT_SUBFONT_INDEX, cjk_font_path
from orderdesk.insight.exceptions import CATEGORIES, CATEGORY_ZH, kinds
from orderdesk.models import Customer, Order, OrderLine, Product
from orderdesk.models.base import utcnow
from orderdesk.models.insight import ExceptionReport, HandbookEdition, LessonCard

TITLE = "高频问题应对手册"
OFFER_AFTER = 50
CATEGORY_TITLE = {
    "man": "人（人员）", "machine": "机（设备）", "material": "料（物料）",
    "method": "法（方法）", "environment": "环（环境）", "measurement": "测（测量）",
}


class UnknownFormat(OrderdeskError):
    code = "insight_handbook_format"


@dataclass(frozen=True)
class HandbookCard:
    card_id: str
    number: int
    category: str
    kind: str
    report_no: str
    scenario: str
    cause: str
    action: str
    applies_to: str
    customer: str | None
    products: tuple[str, ...]
    recurrences: int
    text_hash: str


@dataclass(frozen=True)
class Handbook:
    edition: int
    generated_at: dt.datetime
    cards: tuple[HandbookCard, ...]
    added: tuple[int, ...]
    changed: tuple[int, ...]


@dataclass(frozen=True)
class Offer:
    accepted: int
    in_last_edition: int
    offer: bool


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _last_edition(s) -> HandbookEdition | None:  # type: ignore[no-untyped-def]
    return s.scalar(select(HandbookEdition).where(HandbookEdition.active.is_(True))
                    .order_by(HandbookEdition.edition.desc()).limit(1))


def offer(desk: Desk) -> Offer:
    """Whether to offer a (new) handbook: 50 accepted cards, and cards not yet in one."""
    with desk.read() as s:
        accepted = len(list(s.scalars(select(LessonCard.id)
                                      .where(LessonCard.state == "accepted"))))
        last = _last_edition(s)
        in_last = len(json.loads(last.cards)) if last else 0
    return Offer(accepted, in_last, accepted >= OFFER_AFTER and accepted > in_last)


def build(desk: Desk, *, now: dt.datetime | None = None) -> Handbook:
    """The next edition's content (numbers kept from the last edition); writes nothing."""
    now = now or utcnow()
    kind_names = {k.code: k.name for k in kinds(desk)}
    with desk.read() as s:
        rows = s.execute(select(LessonCard, ExceptionReport)
                         .join(ExceptionReport, ExceptionReport.id == LessonCard.report_id)
                         .where(LessonCard.state == "accepted")
                         .order_by(LessonCard.accepted_at, LessonCard.id)).all()
        order_ids = {r.order_id for _c, r in rows if r.order_id}
        products: dict[str, list[str]] = defaultdict(list)
        for oid, name, sku in s.execute(select(OrderLine.order_id, Product.name, Product.sku)
                                        .join(Product, Product.id == OrderLine.product_id)
                                        .where(OrderLine.order_id.in_(order_ids))):
            products[oid].append(f"{sku} {name}")
        customers = {c.id: c.name for c in s.scalars(select(Customer))}
        order_customer = dict(s.execute(select(Order.id, Order.customer_id)
                                        .where(Order.id.in_(order_ids))).all())
        last = _last_edition(s)
        previous = json.loads(last.cards) if last else {}
        edition = (last.edition + 1) if last else 1
    recur: dict[str, int] = defaultdict(int)
    for card, _r in rows:
        if card.same_as_id:
            recur[card.same_as_id] += 1
    next_no = max((v[0] for v in previous.values()), default=0) + 1
    cards, added, changed = [], [], []
    for card, report in rows:
        cust_id = report.customer_id or order_customer.get(report.order_id)
        h = _hash(card.category or "", card.scenario or "", card.cause or "", card.action or "",
                  card.applies_to or "")
        if card.id in previous:
            number = int(previous[card.id][0])
            if previous[card.id][1] != h:
                changed.append(number)
        else:
            number = next_no
            next_no += 1
            added.append(number)
        cards.append(HandbookCard(
            card_id=card.id, number=number, category=card.category or "method",
            kind=kind_names.get(report.kind, report.kind), report_no=report.report_no,
            scenario=card.scenario or report.description, cause=card.cause or "",
            action=card.action or "", applies_to=card.applies_to or "",
            customer=customers.get(cust_id) if cust_id else None,
            products=tuple(sorted(set(products.get(report.order_id, ())))),
            recurrences=recur.get(card.id, 0), text_hash=h))
    cards.sort(key=lambda c: c.number)
    return Handbook(edition, now, tuple(cards), tuple(added), tuple(changed))


def generate(desk: Desk, out: Path | str, *, now: dt.datetime | None = None) -> Handbook:
    """Write the handbook (.docx or .pdf by the file's suffix) and record its edition."""
    desk.require("exception.manage")
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise UnknownFormat(path=str(out), known=".docx, .pdf")
    book = build(desk, now=now)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    (write_docx if suffix == ".docx" else write_pdf)(book, tmp)
    tmp.replace(out)  # a failed write leaves no half file under the real name
    with desk.write() as s:
        s.add(HandbookEdition(edition=book.edition, generated_at=book.generated_at,
                              generated_by=desk.user.username if desk.user else None,
                              cards=json.dumps({c.card_id: [c.number, c.text_hash]
                                                for c in book.cards})))
    return book


def _chapters(book: Handbook) -> list[tuple[str, list[HandbookCard]]]:
    return [(cat, [c for c in book.cards if c.category == cat]) for cat in CATEGORIES
            if any(c.category == cat for c in book.cards)]


def _index(book: Handbook) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    by_customer: dict[str, list[int]] = defaultdict(list)
    by_product: dict[str, list[int]] = defaultdict(list)
    for c in book.cards:
        by_customer[c.customer or "（未关联客户）"].append(c.number)
        for p in c.products or ("（未关联产品）",):
            by_product[p].append(c.number)
    return dict(sorted(by_customer.items())), dict(sorted(by_product.items()))


def _nums(numbers: list[int] | tuple[int, ...]) -> str:
    return "、".join(f"第{n}条" for n in sorted(numbers)) or "无"


# ---- .docx ---------------------------------------------------------------------------
def _east_asian(element, family: str) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), family)


def write_docx(book: Handbook, path: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        style = doc.styles[name]
        style.font.name = CJK_FONT_FAMILY
        _east_asian(style.element, CJK_FONT_FAMILY)
    doc.styles["Normal"].font.size = Pt(10.5)

    def para(text: str, style: str | None = None, bold_lead: str | None = None):  # type: ignore[no-untyped-def]
        p = doc.add_paragraph(style=style)
        if bold_lead:
            run = p.add_run(bold_lead)
            run.bold = True
            _east_asian(run._element, CJK_FONT_FAMILY)
        run = p.add_run(text)
        _east_asian(run._element, CJK_FONT_FAMILY)
        return p

    def heading(text: str, level: int) -> None:
        h = doc.add_heading(level=level)
        run = h.add_run(text)
        _east_asian(run._element, CJK_FONT_FAMILY)

    heading(f"《{TITLE}》", 0)
    para(f"第 {book.edition} 版 · 生成于 {book.generated_at:%Y-%m-%d %H:%M} · 共 {len(book.cards)} 条")
    heading("变更页", 1)
    para(_nums(book.added), bold_lead="新增：")
    para(_nums(book.changed), bold_lead="修改：")
    para("条目编号在各版之间保持不变；新条目取下一个编号。")
    for cat, cards in _chapters(book):
        heading(f"第{CATEGORIES.index(cat) + 1}章 {CATEGORY_TITLE[cat]}", 1)
        for c in cards:
            heading(f"第{c.number}条 {c.kind}（{c.report_no}）", 2)
            para(c.scenario, bold_lead="场景：")
            para(c.cause, bold_lead="原因：")
            para(c.action, bold_lead="措施：")
            para(c.applies_to, bold_lead="适用范围：")
            extra = []
            if c.customer:
                extra.append(f"客户：{c.customer}")
            if c.recurrences:
                extra.append(f"再次发生 {c.recurrences} 次")
            if extra:
                para("；".join(extra))
    by_customer, by_product = _index(book)
    heading("索引", 1)
    heading("按客户", 2)
    for name, numbers in by_customer.items():
        para(_nums(numbers), bold_lead=f"{name}：")
    heading("按产品", 2)
    for name, numbers in by_product.items():
        para(_nums(numbers), bold_lead=f"{name}：")
    doc.save(str(path))


# ---- .pdf ----------------------------------------------------------------------------
_PDF_FONT = "HandbookCJK"


def write_pdf(book: Handbook, path: Path) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    if _PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_PDF_FONT, str(cjk_font_path()),
                                       subfontIndex=CJK_FONT_SUBFONT_INDEX))
    base = ParagraphStyle("body", fontName=_PDF_FONT, fontSize=10.5, leading=16,
                          wordWrap="CJK")
    title = ParagraphStyle("title", parent=base, fontSize=22, leading=30, spaceAfter=8)
    h1 = ParagraphStyle("h1", parent=base, fontSize=16, leading=24, spaceBefore=10,
                        spaceAfter=6)
    h2 = ParagraphStyle("h2", parent=base, fontSize=12.5, leading=20, spaceBefore=8,
                        textColor="#1f4e79")

    def p(text: str, style=base, lead: str | None = None):  # type: ignore[no-untyped-def]
        body = escape(text)
        return Paragraph((f"<b>{escape(lead)}</b>" if lead else "") + body, style)

    story = [p(f"《{TITLE}》", title),
             p(f"第 {book.edition} 版 · 生成于 {book.generated_at:%Y-%m-%d %H:%M} · "
               f"共 {len(book.cards)} 条"),
             Spacer(1, 6 * mm), p("变更页", h1), p(_nums(book.added), lead="新增："),
             p(_nums(book.changed), lead="修改："),
             p("条目编号在各版之间保持不变；新条目取下一个编号。"), PageBreak()]
    for cat, cards in _chapters(book):
        story.append(p(f"第{CATEGORIES.index(cat) + 1}章 {CATEGORY_TITLE[cat]}", h1))
        for c in cards:
            story += [p(f"第{c.number}条 {c.kind}（{c.report_no}）", h2),
                      p(c.scenario, lead="场景："), p(c.cause, lead="原因："),
                      p(c.action, lead="措施："), p(c.applies_to, lead="适用范围：")]
            if c.customer or c.recurrences:
                bits = ([f"客户：{c.customer}"] if c.customer else []) + (
                    [f"再次发生 {c.recurrences} 次"] if c.recurrences else [])
                story.append(p("；".join(bits)))
    by_customer, by_product = _index(book)
    story += [PageBreak(), p("索引", h1), p("按客户", h2)]
    story += [p(_nums(n), lead=f"{name}：") for name, n in by_customer.items()]
    story.append(p("按产品", h2))
    story += [p(_nums(n), lead=f"{name}：") for name, n in by_product.items()]
    SimpleDocTemplate(str(path), pagesize=A4, title=TITLE, leftMargin=20 * mm,
                      rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm
                      ).build(story)
