"""The handbook: .docx re-opened with python-docx with its East-Asian font set, a PDF,
stable card numbers across editions and a change page."""

from __future__ import annotations

import docx
import pypdfium2
from docx.oxml.ns import qn

from orderdesk.fonts import CJK_FONT_FAMILY
from orderdesk.insight import exceptions as ex
from orderdesk.insight import handbook
from orderdesk.services.orders import LineDraft, OrderDraft, create_order
from tests.core.insight_helpers import catalog

CARDS = [
    ("quality", "外观色差，客户拒收", "method", "检验标准未写明色差范围", "增加色差样板", "外观件"),
    ("late", "物流延误两天", "environment", "暴雨封路", "改走备用承运商", "华南线路"),
    ("quantity", "少发20件", "man", "拣货未复核数量", "出库双人复核", "所有出库"),
]


def _close_cards(desk, cards, order_no):  # type: ignore[no-untyped-def]
    for kind, desc, cat, cause, action, scope in cards:
        row = ex.report_exception(desk, kind=kind, description=desc, order_no=order_no).row
        ex.close_exception(desk, row.id, category=cat, cause=cause, action=action,
                           applies_to=scope, same_as="")


def test_docx_reopens_with_east_asian_font_and_numbers_stay(desk, tmp_path):
    catalog(desk)
    ref = create_order(desk, OrderDraft(channel="phone", customer_code="C1",
                                        lines=[LineDraft(sku="BRK-1", quantity=100)]))
    _close_cards(desk, CARDS, ref.order_no)
    out = tmp_path / "handbook.docx"
    first = handbook.generate(desk, out)
    assert first.edition == 1 and first.added == (1, 2, 3) and first.changed == ()

    d = docx.Document(str(out))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "高频问题应对手册" in text and "变更页" in text
    for chapter in ("法（方法）", "环（环境）", "人（人员）"):
        assert chapter in text
    assert "场景：外观色差，客户拒收" in text and "按客户" in text and "按产品" in text
    for name in ("Normal", "Heading 1", "Heading 2"):
        fonts = d.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == CJK_FONT_FAMILY
    runs = [r for p in d.paragraphs for r in p.runs if r.text.strip()]
    assert runs and all(r._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
                        == CJK_FONT_FAMILY for r in runs)

    # A new card and an edited one: old numbers stay, the new card gets 4.
    _close_cards(desk, [("other", "标签贴错", "measurement", "扫码枪未校验", "上线前校验",
                         "所有标签")], ref.order_no)
    second = handbook.generate(desk, tmp_path / "handbook2.docx")
    assert second.edition == 2 and second.added == (4,) and second.changed == ()
    by_id_1 = {c.card_id: c.number for c in first.cards}
    assert all(by_id_1[c.card_id] == c.number for c in second.cards if c.card_id in by_id_1)
    text2 = "\n".join(p.text for p in docx.Document(str(tmp_path / "handbook2.docx")).paragraphs)
    assert "新增：第4条" in text2


def test_pdf_has_the_chinese_text_and_offer_waits_for_50(desk, tmp_path):
    catalog(desk)
    ref = create_order(desk, OrderDraft(channel="phone", customer_code="C1",
                                        lines=[LineDraft(sku="BRK-1", quantity=100)]))
    _close_cards(desk, CARDS, ref.order_no)
    assert handbook.offer(desk).offer is False  # 3 accepted cards: not yet offered
    out = tmp_path / "handbook.pdf"
    handbook.generate(desk, out)
    pdf = pypdfium2.PdfDocument(str(out))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "高频问题应对手册" in text and "暴雨封路" in text
    assert not (tmp_path / "handbook.pdf.part").exists()
