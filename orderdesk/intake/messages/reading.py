"""Evidence reading for chat messages: catalog codes first, then quantities, then pairing.

Order of evidence matters. A catalog code is found in any spelling (case, full width,
hyphens, dots, spaces or underscores between its parts, or none) and taken whole before
any number is read, so no digit of a code ever becomes a quantity. Quantities are then
read in every written form (3,500 / 3500个 / 两千五 / 一万二 / 1.5万 / 1w2 / 3k5 / 8千),
paired with the items of their own stretch of text, and whatever number is left over is
returned as a question instead of being dropped or guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from orderdesk.intake.values import chinese_number

# Separators people put between the parts of a code.
_CODE_JOINERS = "-_. /\\"
UNITS = ("pcs", "pc", "个", "件", "只", "套", "支", "片", "条", "块", "颗", "粒", "根", "把", "台",
         "米", "kg", "公斤", "千克", "ea", "psc")
_UNIT_RE = r"(?:pcs|pc|psc|ea|个|件|只|套|支|片|条|块|颗|粒|根|把|台|米|kg|公斤|千克)"
_CN_NUM = "零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟萬"

_ARABIC_QTY = re.compile(
    r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)[ \t]*(万|千|百|[wWkK](?:(?![A-Za-z])|(?=pcs|pc)))?(\d)?(?![\d.])"
    r"(?:[ \t]*(" + _UNIT_RE + r"))?(?![A-Za-z])", re.I)
_CN_QTY = re.compile(r"([" + _CN_NUM + r"]+)(?:[ \t]*(" + _UNIT_RE + r"))?", re.I)
_BOX_QTY = re.compile(r"(\d+|[" + _CN_NUM + r"]+)[ \t]*(箱|包|盒|托|卷)(?:[ \t]*[(（]?[ \t]*(?:每|一)[ \t]*(?:箱|包|盒|托|卷)[ \t]*"
                      r"(\d+|[" + _CN_NUM + r"]+)[ \t]*" + _UNIT_RE + r"?[ \t]*[)）]?)?", re.I)
# Chinese words that hold numeral characters but are no numbers.
_CN_NOT_NUMBERS = ("一下", "一起", "万一", "十分", "一直", "一些", "一点", "一定", "统一", "唯一",
                   "一样", "第一", "一般", "一共", "一致", "一批", "一单", "一次", "一趟", "一遍")
# Code-like tokens: letters and digits together, or digit groups joined by hyphens.
_CODE_LIKE = re.compile(r"(?<![A-Za-z0-9])((?=[A-Za-z0-9._-]*\d)(?=[A-Za-z0-9._-]*[A-Za-z])"
                        r"[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*|\d+(?:-[A-Za-z0-9]+)+)(?![A-Za-z0-9])")
_NUMBERING = re.compile(r"(?m)^[ \t]*(?:[(（]?\d{1,2}[)）]|\d{1,2}\s*[.、:：](?!\d)|[-•*·]\s)")
# List numbers inside a line: '(2)', '（3）' anywhere; '1、' / '2.' after a colon or space
# when an item follows ('下单：1、CVR…').
_INLINE_NUMBERING = re.compile(r"[(（]\d{1,2}[)）]|(?:(?<=[：:，,\n])|^)[ \t]*\d{1,2}(?:、|[.．](?!\d))(?=[ \t]*[A-Za-z0-9\u4e00-\u9fa5])",
                               re.M)
HARD_SEPARATORS = "\n；;。!！"
SOFT_SEPARATORS = "，,、"
SOFT_WORDS = ("还有", "另外", "以及", "再来", "再要")


@dataclass(frozen=True)
class CodeHit:
    start: int
    end: int
    sku_norm: str
    text: str


@dataclass(frozen=True)
class QtyToken:
    start: int
    end: int
    value: Decimal | None      # None: boxes of an unknown size
    text: str
    unit: str | None
    scaled: bool               # written with 万/千/k/w or in Chinese numerals
    boxes: Decimal | None = None


def _skeleton(text: str) -> tuple[str, list[int]]:
    """Upper-cased letters and digits of the text, each with its index in the text."""
    chars, where = [], []
    for i, ch in enumerate(text):
        if ch.isascii() and ch.isalnum():
            chars.append(ch.upper())
            where.append(i)
    return "".join(chars), where


def find_codes(text: str, sku_norms: set[str] | dict) -> list[CodeHit]:  # type: ignore[type-arg]
    """Catalog codes in any spelling, longest first, never overlapping.

    A code matches when its letters and digits appear in order with nothing but code
    joiners (hyphen, dot, underscore, space, slash) between them, and it starts and ends
    on a token boundary: no letter or digit glued before or after it (a unit such as
    'pcs' glued before it, or an 'x' or '×' between it and a number, is fine).
    """
    skel, where = _skeleton(text)
    hits: list[CodeHit] = []
    taken = [False] * len(text)
    for norm in sorted(sku_norms, key=len, reverse=True):
        if len(norm) < 3:
            continue
        start = 0
        while True:
            k = skel.find(norm, start)
            if k < 0:
                break
            start = k + 1
            a, b = where[k], where[k + len(norm) - 1] + 1
            gaps = text[a:b]
            if any(not (c.isascii() and c.isalnum()) and c not in _CODE_JOINERS for c in gaps):
                continue
            if "  " in gaps or gaps.count(" ") > 3:
                continue
            if a > 0 and text[a - 1].isascii() and text[a - 1].isalnum():
                # a unit glued before the code: '2万pcsTUB-…', '500PCSGSK-…'
                if not re.search(r"(pcs|pc)$", text[max(0, a - 3):a].lower()):
                    continue
            if b < len(text) and text[b].isascii() and text[b].isalnum():
                # '…08x2500' and '6205-2RS500只' (a code ending in a letter, then the
                # number) read as code + quantity; '…08500' does not.
                by_x = text[b] in "xX" and (b + 1 == len(text) or not (
                    text[b + 1].isascii() and text[b + 1].isalpha()))
                letter_then_digit = norm[-1].isalpha() and text[b].isdigit()
                if not (by_x or letter_then_digit):
                    continue
            if any(taken[a:b]):
                continue
            for i in range(a, b):
                taken[i] = True
            hits.append(CodeHit(a, b, norm, text[a:b]))
    hits.sort(key=lambda h: h.start)
    return hits


def cn_value(text: str) -> Decimal | None:
    try:
        value = chinese_number(text)
    except (ValueError, KeyError, ArithmeticError, InvalidOperation):
        return None
    return value if value > 0 else None


def _scaled(number: str, scale: str | None, tail: str | None) -> Decimal | None:
    try:
        value = Decimal(number)
    except InvalidOperation:
        return None
    factor = {"万": 10000, "w": 10000, "千": 1000, "k": 1000, "百": 100}.get((scale or "").lower(), 1)
    value *= factor
    if tail:
        if factor == 1 or "." in number:
            return None
        value += Decimal(tail) * factor / 10
    return value if value > 0 else None


def find_quantities(text: str) -> list[QtyToken]:
    """Every quantity-looking expression of a text whose codes, dates and phones are blanked."""
    out: list[QtyToken] = []
    taken = [False] * len(text)

    def add(tok: QtyToken) -> None:
        if any(taken[tok.start:tok.end]):
            return
        for i in range(tok.start, tok.end):
            taken[i] = True
        out.append(tok)

    for m in _BOX_QTY.finditer(text):
        boxes = Decimal(m[1]) if m[1].isdigit() else cn_value(m[1])
        if boxes is None:
            continue
        per = None
        if m[3]:
            per = Decimal(m[3]) if m[3].isdigit() else cn_value(m[3])
        add(QtyToken(m.start(), m.end(), boxes * per if per else None, m[0], m[2], True,
                     boxes=None if per else boxes))
    for m in _ARABIC_QTY.finditer(text):
        value = _scaled(m[1], m[2], m[3])
        if value is None:
            continue
        add(QtyToken(m.start(), m.end(), value, m[0].strip(), (m[4] or "").lower() or None,
                     bool(m[2])))
    for m in _CN_QTY.finditer(text):
        word = m[1]
        around = text[max(0, m.start() - 1):m.end() + 1]
        if any(w in around for w in _CN_NOT_NUMBERS):
            continue
        if not re.search("[十百千万拾佰仟萬]", word) and not m[2]:
            continue
        if len(word) == 1 and word in "十百千万拾佰仟萬" and not m[2]:
            continue
        # 'X千5' / '3千5': Arabic digits around a Chinese scale are taken by the Arabic reader.
        value = cn_value(word)
        if value is None:
            continue
        add(QtyToken(m.start(), m.end(), value, m[0].strip(), (m[2] or "").lower() or None, True))
    out.sort(key=lambda t: t.start)
    return out


def unknown_codes(text: str) -> list[tuple[int, int, str]]:
    """Code-looking tokens that are not quantities ('XQZ-123-45', 'AB1234')."""
    found = []
    for m in _CODE_LIKE.finditer(text):
        tok = m[1]
        if _ARABIC_QTY.fullmatch(tok) or re.fullmatch(r"\d+(?:\.\d+)?", tok):
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?\s*" + _UNIT_RE, tok, re.I):
            continue
        if len(re.sub(r"[^A-Za-z0-9]", "", tok)) < 4:
            continue
        found.append((m.start(1), m.end(1), tok))
    return found


def thousands(text: str) -> str:
    """'3,000' / '3,000.00' -> '3000' / '3000.00', for ASCII commas in plain numbers only
    (a full-width '，' between a code and a number is a separator, never a digit group)."""
    return re.sub(r"(?<![A-Za-z0-9_.-])\d{1,3}(?:,\d{3})+(?![\d,])",
                  lambda m: m.group(0).replace(",", ""), text)


def blank_times_signs(text: str) -> str:
    """'x' / '*' between an item and its number ('…08x2500', 'A * 3000'), once codes are blanked."""
    return re.sub(r"(?<![A-Za-z0-9])[xX*](?=\s*\d)", " ", text)


def blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def mask_numbering(text: str) -> str:
    """Blank list numbers at line starts ('1.', '2、', '(3)', '- ')."""
    return _NUMBERING.sub(lambda m: " " * len(m.group(0)), text)


def mask_inline_numbering(text: str) -> str:
    """Blank list numbers inside lines; run before codes are read ('1、6205-2RS')."""
    return _INLINE_NUMBERING.sub(lambda m: " " * len(m.group(0)), text)


def separator_between(text: str, a: int, b: int) -> str | None:
    """'hard', 'soft' or None: the strongest separator in text[a:b]."""
    gap = text[a:b]
    if any(c in gap for c in HARD_SEPARATORS):
        return "hard"
    if any(c in gap for c in SOFT_SEPARATORS) or any(w in gap for w in SOFT_WORDS):
        return "soft"
    return None


@dataclass
class Slot:
    start: int
    end: int
    kind: str          # 'item' | 'qty'
    ref: int           # index into the caller's items or quantities
    partner: int | None = None


def pair(text: str, items: list[tuple[int, int]], qtys: list[tuple[int, int]]
         ) -> tuple[dict[int, int], list[int]]:
    """Pair items with quantities: {item index: qty index}, and the quantities left over.

    First within each stretch between separators ('A 100、B 200', '100个A'); then an item
    and a quantity still alone within one line join ('型号A，数量100'). Anything still
    unpaired is for the caller to ask about.
    """
    slots = [Slot(s, e, "item", i) for i, (s, e) in enumerate(items)]
    slots += [Slot(s, e, "qty", i) for i, (s, e) in enumerate(qtys)]
    slots.sort(key=lambda s: s.start)

    def groups(level: set[str]) -> list[list[Slot]]:
        out: list[list[Slot]] = [[]]
        for prev, cur in zip([None, *slots], slots):
            if prev is not None and separator_between(text, prev.end, cur.start) in level:
                out.append([])
            out[-1].append(cur)
        return out

    kinds = [sl.kind for sl in slots]
    if len(slots) >= 4 and len(items) == len(qtys) and all(
            a != b for a, b in zip(kinds, kinds[1:])):
        # Items and numbers strictly alternate (A 100 B 200 / 100 A 200 B): the writer's
        # own order pairs them, whatever commas sit in between ('型号A，数量100 型号B，数量200').
        for a, b in zip(slots[0::2], slots[1::2]):
            a.partner, b.partner = b.ref, a.ref
    for level in ({"hard", "soft"}, {"hard"}):
        for group in groups(level):
            free_items = [s for s in group if s.kind == "item" and s.partner is None]
            free_qtys = [s for s in group if s.kind == "qty" and s.partner is None]
            if not free_items or not free_qtys:
                continue
            if len(free_items) == len(free_qtys):
                # Same count: keep the order people wrote them in (item-first or qty-first).
                for it, q in zip(free_items, free_qtys):
                    it.partner, q.partner = q.ref, it.ref
            elif len(free_items) == 1:
                it = free_items[0]
                # The quantity closest to the item, the one after it on a tie.
                q = min(free_qtys, key=lambda q: (min(abs(q.start - it.end), abs(it.start - q.end)),
                                                  q.start < it.start))
                it.partner, q.partner = q.ref, it.ref
            elif len(free_qtys) == 1:
                continue   # one number, several items: not ours to decide
    # An item on one line and its number alone on the next ('GSK-E9724-03\n3500'):
    # an item directly followed by a free quantity takes it.
    for a, b in zip(slots, slots[1:]):
        if a.kind == "item" and b.kind == "qty" and a.partner is None and b.partner is None:
            a.partner, b.partner = b.ref, a.ref
    pairs = {s.ref: s.partner for s in slots if s.kind == "item" and s.partner is not None}
    left = [s.ref for s in slots if s.kind == "qty" and s.partner is None]
    return pairs, left  # type: ignore[return-value]
