"""The chat-message parser: each failure issue 10 names, each property of the message
corpus (tests/intake_corpus/messages.py), and the questions it asks instead of guessing."""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from orderdesk.intake.messages import MessageCatalog, parse_text

sys.path.insert(0, str(Path(__file__).parents[1]))
from intake_corpus import catalog as corpus_catalog  # noqa: E402
from intake_corpus import messages as corpus_messages  # noqa: E402

NOW = corpus_messages.NOW


@pytest.fixture(scope="module")
def cat(tmp_path_factory) -> MessageCatalog:  # type: ignore[no-untyped-def]
    from orderdesk.desk import Desk

    desk = Desk(tmp_path_factory.mktemp("msg") / "m.db", station="t")
    corpus_catalog.load(desk)
    with desk.read() as s:
        loaded = MessageCatalog.load(s)
    desk.close()
    return loaded


def lines(p) -> list[tuple[str | None, Decimal | None]]:  # type: ignore[no-untyped-def]
    return [(ln.sku, ln.quantity) for ln in p.lines]


# -- the failures the issue names -------------------------------------------------------

@pytest.mark.parametrize("text,sku,qty", [
    ("3500个GSK-E9724-03", "GSK-E9724-03", 3500),
    ("八千CVR-A1460-08", "CVR-A1460-08", 8000),
    ("1,500个hsg-d8024-07", "HSG-D8024-07", 1500),
    ("要2000 6205-2RS", "6205-2RS", 2000),          # a code that starts with digits
    ("6205-2RS500只", "6205-2RS", 500),             # a code ending in letters, number glued on
])
def test_a_quantity_before_a_code_is_never_the_codes_digits(cat, text, sku, qty) -> None:  # type: ignore[no-untyped-def]
    p = parse_text(text, cat, now=NOW)
    assert p.kind == "order" and lines(p) == [(sku, Decimal(qty))]
    assert not p.questions and p.confidence == 1.0


@pytest.mark.parametrize("text", ["恒锐 BRK-1001 500个 urgent", "恒锐 BRK-1001 500个 URGENT!",
                                  "恒锐 BRK-1001 500个 asap", "恒锐 pls rush BRK-1001 500个"])
def test_english_urgency_words(cat, text) -> None:  # type: ignore[no-untyped-def]
    p = parse_text(text, cat, now=NOW)
    assert p.urgent and p.kind == "order" and lines(p) == [("BRK-1001", Decimal(500))]


@pytest.mark.parametrize("text,action,qty", [
    ("恒锐 改8000pcs", "modify", 8000),
    ("恒锐 BRK-1001 再加8000个", "add", 8000),
    ("恒锐 先暂停，等通知", "hold", None),
    ("恒锐 先别发BRK-1001", "hold", None),
    ("恒锐 昨天CLP-3001的单子数量改成3000个", "modify", 3000),
    ("恒锐 BRK-1001那单减到2000", "modify", 2000),
    ("恒锐 上次那单取消", "cancel", None),
    ("恒锐 BRK-1001交期推迟到4月10日", "modify", None),
    ("恒锐 BRK-1001能提前到3月15日吗", "modify", None),
    ("恒锐 pls change BRK-1001 qty to 6000", "modify", 6000),
    ("恒锐 BRK-1001 改到下周五", "modify", None),
])
def test_change_verbs_make_change_requests(cat, text, action, qty) -> None:  # type: ignore[no-untyped-def]
    p = parse_text(text, cat, now=NOW)
    assert p.kind == "change_request" and p.change["action"] == action
    assert p.change.get("quantity") == (Decimal(qty) if qty else None)
    assert p.customer_code == "C101"


def test_jia_ji_is_urgency_not_an_added_quantity(cat) -> None:  # type: ignore[no-untyped-def]
    p = parse_text("恒锐 BRK-1001 500个，加急", cat, now=NOW)
    assert p.kind == "order" and p.urgent and lines(p) == [("BRK-1001", Decimal(500))]


@pytest.mark.parametrize("words,qty", [
    ("两千五", 2500), ("一万二", 12000), ("1.5万", 15000), ("0.8万", 8000), ("1w2", 12000),
    ("3k5", 3500), ("2k", 2000), ("8千", 8000), ("3千5", 3500), ("一万五千", 15000),
    ("2.5w", 25000), ("3,000", 3000), ("12,000pcs", 12000), ("五百个", 500),
])
def test_every_numeral_form_before_and_after_the_item(cat, words, qty) -> None:  # type: ignore[no-untyped-def]
    for text in (f"瑞丰 CLP-3001 {words}", f"瑞丰 {words} CLP-3001", f"瑞丰 CLP-3001×{words}",
                 f"瑞丰 CLP-3001 数量：{words}"):
        p = parse_text(text, cat, now=NOW)
        assert lines(p) == [("CLP-3001", Decimal(qty))], text


def test_separators_and_numbered_lines(cat) -> None:  # type: ignore[no-untyped-def]
    text = "立信\n1、PIN-M3X12 × 2k\n2、CLP-3001 * 8千\n3、TUB-0812-50\t0.8万\n(4)BRK-1001=600"
    p = parse_text(text, cat, now=NOW)
    assert lines(p) == [("PIN-M3X12", 2000), ("CLP-3001", 8000), ("TUB-0812-50", 8000),
                        ("BRK-1001", 600)]
    p = parse_text("美达 GSK-E9724-03 5000只、cvr.a1460.08 600只", cat, now=NOW)
    assert lines(p) == [("GSK-E9724-03", 5000), ("CVR-A1460-08", 600)]


def test_an_item_and_a_quantity_is_never_not_an_order(cat) -> None:  # type: ignore[no-untyped-def]
    # The number sits on the line after the code, and another stands apart.
    p = parse_text("精工\nBRK-1001\n\n\n老样子，3000", cat, now=NOW)
    assert p.kind == "order"
    p = parse_text("CLP-3001 5000个", cat, now=NOW)
    assert p.kind == "order" and lines(p) == [("CLP-3001", 5000)]


# -- questions instead of guesses --------------------------------------------------------

def test_an_unexplained_number_is_a_question(cat) -> None:  # type: ignore[no-untyped-def]
    p = parse_text("恒锐 BRK-1001 500个，另外 450 那个也看下", cat, now=NOW)
    assert lines(p) == [("BRK-1001", 500)]
    assert [(q.code, q.text) for q in p.questions] == [("unexplained_number", "450")]
    assert p.confidence < 0.8


def test_an_unknown_code_is_a_question_with_its_quantity(cat) -> None:  # type: ignore[no-untyped-def]
    p = parse_text("恒锐 BRK-1001 500个，XQZ-123-45 200个", cat, now=NOW)
    assert ("BRK-1001", 500) in lines(p)
    unknown = [ln for ln in p.lines if ln.sku is None]
    assert unknown and unknown[0].quantity == 200 and unknown[0].problem == "unknown_product"
    assert ("unknown_code", "XQZ-123-45") in [(q.code, q.text) for q in p.questions]


def test_each_price_dotted_due_date_and_approximate_quantity(cat) -> None:  # type: ignore[no-untyped-def]
    p = parse_text("恒锐 要 GSK-E9724-03 和 CVR-A1460-08 各3000个，单价1.2，交期 3.20", cat, now=NOW)
    assert lines(p) == [("GSK-E9724-03", 3000), ("CVR-A1460-08", 3000)]
    assert p.due_date == dt.date(2026, 3, 20) and not p.questions
    p = parse_text("恒锐 BRK-1001 三千个左右", cat, now=NOW)
    assert [q.code for q in p.questions] == ["approximate_quantity"] and p.confidence < 0.8


def test_an_unknown_english_word_is_a_question(cat) -> None:  # type: ignore[no-untyped-def]
    p = parse_text("恒锐 BRK-1001 500pcs blue", cat, now=NOW)
    assert ("unexplained_word", "blue") in [(q.code, q.text) for q in p.questions]


def test_no_digit_of_a_spec_or_phone_or_date_is_a_quantity(cat) -> None:  # type: ignore[no-untyped-def]
    p = parse_text("王工 138-0013-8000：BRK-1001 3000个，3月20日前交", cat, now=NOW)
    assert lines(p) == [("BRK-1001", 3000)] and p.due_date == dt.date(2026, 3, 20)
    assert not p.questions


def test_parse_message_json_keeps_its_fields_and_adds_confidence_and_questions(
        desk, db_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.cli import main

    corpus_catalog.load(desk)
    desk.close()
    code = main(["parse-message", "--db", str(db_path), "--json", "--now", NOW.isoformat(),
                 "恒锐 3500个GSK-E9724-03，另外 450"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert {"kind", "reason", "customer_code", "customer_name", "customer_via", "lines",
            "due_date", "urgent", "change", "order_ref", "candidates", "confidence",
            "questions"} <= set(data)
    assert data["lines"][0]["quantity"] == 3500 and data["lines"][0]["sku"] == "GSK-E9724-03"
    assert data["questions"][0]["code"] == "unexplained_number"
    assert data["questions"][0]["text"] == "450" and data["confidence"] < 1


# -- every property of the corpus --------------------------------------------------------

def _judge(case: dict, p) -> tuple[bool, bool, bool]:  # type: ignore[no-untyped-def]
    """(exactly right, flagged, silently wrong quantity)."""
    sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
    from intake_accuracy import judge_message, message_flagged

    d = p.as_dict()
    verdict, silent_qty = judge_message(case, d)
    return verdict == "exact", message_flagged(d), silent_qty


CORPUS = corpus_messages.generate(per_value=8) + corpus_messages.combo_cases(120)
PROPS = sorted({(c["prop"], c["value"]) for c in CORPUS})


@pytest.mark.parametrize("prop,value", PROPS, ids=[f"{p}={v}" for p, v in PROPS])
def test_each_property_value_is_read_right_and_never_silently_wrong(cat, prop, value) -> None:  # type: ignore[no-untyped-def]
    cases = [c for c in CORPUS if (c["prop"], c["value"]) == (prop, value)]
    results = [(c, *_judge(c, parse_text(c["text"], cat, now=NOW,
                                         sender_phone=c["sender_phone"]))) for c in cases]
    exact = sum(1 for _, ok, _, _ in results if ok)
    silent = [c["text"] for c, ok, flagged, qty in results if qty or (not ok and not flagged)]
    assert exact / len(results) >= 0.9, [c["text"] for c, ok, _, _ in results if not ok][:3]
    assert not silent, silent[:3]
