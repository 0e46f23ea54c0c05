"""Chat and phone messages to draft orders: rule- and catalog-based, nothing guessed silently.

A WeChat message, an SMS or a phone note becomes a proposal: what kind of message it is
(an order, a change to an existing order, or not an order at all), the customer, the
lines, the due date and urgency. Where the catalog gives more than one answer (a
nickname two products share, a contact name at two customers, an unknown company) the
proposal carries the candidates and leaves the choice to the person. No network, no
model: words, numbers and the catalog.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk.desk import Desk
from orderdesk.intake.messages import reading
from orderdesk.intake.messages.dates import find_due_date
from orderdesk.intake.values import CN_NUMERAL_CHARS, chinese_number
from orderdesk.models import Contact, Customer, CustomerAlias, Product, ProductNickname
from orderdesk.normalize import company_core, half_width, name_norm, phone_norm, sku_norm

KINDS = ("order", "change_request", "not_an_order")


@dataclass(frozen=True)
class Choice:
    """One candidate for an ambiguous part: a customer (code) or a product (sku)."""

    key: str
    label: str


@dataclass(frozen=True)
class ProposedLine:
    text: str                           # the words the line came from
    sku: str | None                     # resolved SKU, None while ambiguous or unknown
    quantity: Decimal | None
    candidates: tuple[Choice, ...] = ()  # products to choose from when ambiguous
    problem: str | None = None          # ambiguous_product | unknown_product | no_quantity | box_size_unknown | not_pack_multiple


@dataclass(frozen=True)
class Question:
    """A part of the message the parser cannot explain: the user is asked about it.

    code: unexplained_number | unexplained_word | unknown_code | unknown_product |
    no_quantity | ambiguous_product | box_size_unknown | not_pack_multiple |
    price_inquiry | change_unclear | approximate_quantity
    """

    code: str
    text: str

    def sentence(self, zh: bool = False) -> str:
        table = QUESTION_TEXTS_ZH if zh else QUESTION_TEXTS
        return table.get(self.code, "{text}?").format(text=self.text)


QUESTION_TEXTS = {
    "unexplained_number": "What is '{text}'? It is no quantity of any line.",
    "unexplained_word": "What does '{text}' mean here?",
    "unknown_code": "'{text}' is no catalog code: which product is it?",
    "unknown_product": "Which product does '{text}' order?",
    "no_quantity": "How many of '{text}'?",
    "ambiguous_product": "Which product is '{text}'?",
    "box_size_unknown": "How many pieces per box for '{text}'?",
    "not_pack_multiple": "'{text}': the quantity is no multiple of the pack size. Is it right?",
    "price_inquiry": "The message asks for a price: is it an order?",
    "change_unclear": "What should change on the order?",
    "approximate_quantity": "'{text}' is approximate: what is the exact quantity?",
}
QUESTION_TEXTS_ZH = {
    "unexplained_number": "“{text}”是什么?它不是任何一行的数量。",
    "unexplained_word": "这里的“{text}”是什么意思?",
    "unknown_code": "“{text}”不是目录中的编码:是哪个产品?",
    "unknown_product": "“{text}”订的是哪个产品?",
    "no_quantity": "“{text}”要多少?",
    "ambiguous_product": "“{text}”是哪个产品?",
    "box_size_unknown": "“{text}”每箱多少个?",
    "not_pack_multiple": "“{text}”:数量不是包装数的整数倍,对吗?",
    "price_inquiry": "消息在询价:这是订单吗?",
    "change_unclear": "订单要改什么?",
    "approximate_quantity": "“{text}”是大概数:准确数量是多少?",
}


@dataclass(frozen=True)
class MessageProposal:
    kind: str                           # order | change_request | not_an_order
    reason: str | None = None           # why not an order: greeting | payment | complaint | inquiry | logistics | other
    customer_code: str | None = None
    customer_id: str | None = None
    customer_name: str | None = None
    customer_via: str | None = None     # code | alias | name | phone | sender_phone | contact
    customer_candidates: tuple[Choice, ...] = ()
    customer_text: str | None = None    # an unknown company named in the text
    lines: tuple[ProposedLine, ...] = ()
    due_date: dt.date | None = None
    urgent: bool = False
    change: dict[str, object] = field(default_factory=dict)  # for change requests
    order_ref: str | None = None        # order number the change refers to, when known
    text: str = ""
    questions: tuple[Question, ...] = ()  # what the parser cannot explain: ask the user
    confidence: float = 1.0             # 1.0 = every number and word explained

    @property
    def complete(self) -> bool:
        """True when nothing is left to choose: a customer and every line resolved."""
        return (self.kind == "order" and self.customer_id is not None and bool(self.lines)
                and all(line.sku and line.quantity for line in self.lines))

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "reason": self.reason,
            "customer_code": self.customer_code,
            "customer_name": self.customer_name,
            "customer_via": self.customer_via,
            "lines": [{"sku": ln.sku, "quantity": _num(ln.quantity), "text": ln.text,
                       "problem": ln.problem} for ln in self.lines],
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "urgent": self.urgent,
            "change": {k: (_num(v) if isinstance(v, Decimal) else
                           v.isoformat() if isinstance(v, dt.date) else v)
                       for k, v in self.change.items()},
            "order_ref": self.order_ref,
            "confidence": self.confidence,
            "questions": [{"code": q.code, "text": q.text, "question": q.sentence()}
                          for q in self.questions],
            "candidates": {
                "customer": [{"code": c.key, "name": c.label} for c in self.customer_candidates],
                "customer_text": self.customer_text,
                "lines": [{"text": ln.text, "skus": [c.key for c in ln.candidates],
                           "labels": [c.label for c in ln.candidates]}
                          for ln in self.lines if ln.candidates],
            },
        }

    def summary(self, zh: bool = True) -> str:
        d = self.as_dict()
        lines = ", ".join(f"{ln['sku'] or '?'}×{ln['quantity'] or '?'}" for ln in d["lines"])
        if zh:
            kind = {"order": "订单", "change_request": "改单", "not_an_order": "非订单"}[self.kind]
            return (f"类型:{kind}  客户:{self.customer_code or '?'}  明细:{lines or '-'}  "
                    f"交期:{d['due_date'] or '-'}  加急:{'是' if self.urgent else '否'}")
        return (f"kind: {self.kind}  customer: {self.customer_code or '?'}  lines: {lines or '-'}  "
                f"due: {d['due_date'] or '-'}  urgent: {self.urgent}")


def _num(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


# -- catalog ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Product:
    id: str
    sku: str
    norm: str
    name: str
    spec: str
    pack_size: int | None


@dataclass
class MessageCatalog:
    customers: dict[str, tuple[str, str]] = field(default_factory=dict)   # id → (code, name)
    names: dict[str, set[str]] = field(default_factory=dict)              # name/alias/core norm → ids
    contacts: dict[str, set[str]] = field(default_factory=dict)           # contact name → ids
    phones: dict[str, str] = field(default_factory=dict)                  # phone → id
    products: dict[str, _Product] = field(default_factory=dict)           # sku_norm → product
    nicknames: dict[str, set[str]] = field(default_factory=dict)          # nickname norm → sku_norms
    product_names: dict[str, set[str]] = field(default_factory=dict)      # name norm → sku_norms

    @classmethod
    def load(cls, session: Session) -> MessageCatalog:
        cat = cls()
        for c in session.execute(select(Customer.id, Customer.code, Customer.name)
                                 .where(Customer.active.is_(True))):
            cat.customers[c.id] = (c.code, c.name)
            for key in (name_norm(c.name), company_core(c.name)):
                if len(key) >= 2:
                    cat.names.setdefault(key, set()).add(c.id)
        for a in session.execute(select(CustomerAlias.customer_id, CustomerAlias.alias_norm)):
            if a.customer_id in cat.customers and len(a.alias_norm) >= 2:
                cat.names.setdefault(a.alias_norm, set()).add(a.customer_id)
        for ct in session.execute(select(Contact.customer_id, Contact.name, Contact.phone_norm)
                                  .where(Contact.active.is_(True))):
            if ct.customer_id not in cat.customers:
                continue
            if ct.name and len(ct.name.strip()) >= 2:
                cat.contacts.setdefault(ct.name.strip(), set()).add(ct.customer_id)
            if ct.phone_norm:
                cat.phones.setdefault(ct.phone_norm, ct.customer_id)
        for p in session.execute(select(Product.id, Product.sku, Product.sku_norm, Product.name,
                                        Product.spec, Product.pack_size)
                                 .where(Product.active.is_(True), Product.is_component.is_(False))):
            cat.products[p.sku_norm] = _Product(p.id, p.sku, p.sku_norm, p.name, p.spec or "",
                                                p.pack_size)
            cat.product_names.setdefault(name_norm(p.name), set()).add(p.sku_norm)
        ids = {p.id: norm for norm, p in cat.products.items()}
        for n in session.execute(select(ProductNickname.product_id, ProductNickname.nickname)):
            if n.product_id in ids and n.nickname.strip():
                cat.nicknames.setdefault(name_norm(n.nickname), set()).add(ids[n.product_id])
        return cat


# -- message kinds ----------------------------------------------------------------------

CHANGE_WORDS = ("改成", "改为", "改到", "改一下", "改下", "修改", "更改", "变更", "换成", "调整为",
                "调成", "加到", "减到", "减少", "增加到", "追加", "取消", "撤单", "不要了", "推迟",
                "延后", "提前到", "延期", "改单")
ORDER_REF_WORDS = ("上次", "那单", "上一单", "之前", "刚才", "原来", "昨天的单", "前天的单",
                   "原单", "那个单", "这单", "那批", "上周的单")
ORDER_WORDS = ("要", "订", "下单", "来", "安排", "发", "备", "做", "采购", "需要", "补", "送")
PAYMENT_WORDS = ("付款", "转账", "汇款", "打款", "发票", "对账", "回款", "账期", "货款", "收款",
                 "开票", "付了", "已付")
COMPLAINT_WORDS = ("投诉", "质量问题", "不良", "退货", "破损", "有问题", "毛刺", "缩水", "变形",
                   "尺寸不对", "不合格", "返工", "客诉", "少发", "发错")
LOGISTICS_WORDS = ("物流", "快递", "单号多少", "到哪了", "发货了吗", "发了吗", "什么时候到",
                   "到货了吗", "签收")
INQUIRY_WORDS = ("多少钱", "价格", "报价", "单价", "有货吗", "有没有货", "有库存", "库存多少",
                 "能做吗", "交期多久", "最快什么时候", "样品", "规格书", "图纸")
PRICE_WORDS = ("多少钱", "报价", "什么价", "价格多少", "单价多少", "怎么卖")
GREETING_WORDS = ("你好", "您好", "在吗", "在不在", "早上好", "早", "下午好", "晚上好", "谢谢",
                  "收到", "好的", "ok", "OK", "嗯", "辛苦了", "新年快乐", "节日快乐", "哈哈")
URGENT_WORDS = ("加急", "急单", "尽快", "越快越好", "紧急", "特急", "赶紧", "马上", "急用", "急需",
                "asap", "urgent", "rush", "十万火急", "插单", "很急", "着急", "急要", "急")
NOT_URGENT = ("不急", "不着急", "不用急", "不赶")

_SO = re.compile(r"SO-?\d{4}-?\d{4,}", re.I)
_PHONE = re.compile(r"(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)")
_CODE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{1,6}[-_\s.]?\d{2,}(?:[-_.][A-Za-z0-9]+)*)(?![A-Za-z0-9])")
_SPEC = re.compile(r"\d+(?:\.\d+)?\s*(?:mm|cm|毫米|厘米|寸|英寸|°|度|%|v|w|a)(?![a-z])", re.I)
_CN = f"[{CN_NUMERAL_CHARS}]+"
_UNIT = r"(?:个|件|只|pcs|pc|套|支|片|条|块|颗|粒|根|把|台|米|kg|公斤|千克)"
_BOX = re.compile(r"(\d+|" + _CN + r")\s*(箱|包|盒|托|卷)\s*(?:[(（]?\s*(?:每|一)\s*(?:箱|包|盒|托|卷)\s*"
                  r"(\d+|" + _CN + r")\s*" + _UNIT + r"?\s*[)）]?)?", re.I)
# Specs that are no quantities; 'w' is left out: in an order '1w2' / '2w' is 12,000 / 20,000.
_SPEC_NOT_QTY = re.compile(r"\d+(?:\.\d+)?\s*(?:mm|cm|毫米|厘米|寸|英寸|°|度|%|v|a)(?![a-z])", re.I)
# Specs that are no quantities; 'w' is left out: in an order '1w2' / '2w' is 12,000 / 20,000.
_SPEC_NOT_QTY = re.compile(r"\d+(?:\.\d+)?\s*(?:mm|cm|毫米|厘米|寸|英寸|°|度|%|v|a)(?![a-z])", re.I)
_QTY = re.compile(r"(\d+(?:\.\d+)?)\s*(万|w|千|k|百)?\s*(" + _UNIT + r")?(?![\d.])", re.I)
_CN# Specs that are no quantities; 'w' is left out: in an order '1w2' / '2w' is 12,000 / 20,000.
_SPEC_NOT_QTY = re.compile(r"\d+(?:\.\d+)?\s*(?:mm|cm|毫米|厘米|寸|英寸|°|度|%|v|a)(?![a-z])", re.I)
_QTY = re.compile(r"(" + _CN + r")\s*(" + _UNIT + r")?")
_SPLIT = re.compile(r"[，,；;。\n!！]|还有|另外|再来|再要|以及|和(?=[A-Za-z\d一二两三四五六七八九十])")


def _contains_any(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def _is_urgent(text: str) -> bool:
    cleaned = text
    for w in NOT_URGENT:
        cleaned = cleaned.replace(w, "")
    return _contains_any(cleaned.lower(), URGENT_WORDS)


# -- quantities -------------------------------------------------------------------------

def _qty_value(number: str, scale: str | None) -> Decimal | None:
    try:
        value = Decimal(number) if re.fullmatch(r"\d+(\.\d+)?", number) else chinese_number(number)
    except (ValueError, KeyError, ArithmeticError):
        return None
    factor = {"万": 10000, "w": 10000, "千": 1000, "k": 1000, "百": 100}.get((scale or "").lower(), 1)
    value = value * factor
    return value if value > 0 else None


def _find_quantity(segment: str, product: _Product | None) -> tuple[Decimal | None, str | None, tuple[int, int] | None]:
    """(quantity, problem, span) of the first quantity in a segment cleaned of codes and dates."""
    m = _BOX.search(segment)
    if m:
        boxes = _qty_value(m[1], None)
        per = _qty_value(m[3], None) if m[3] else None
        if boxes is not None:
            if per is None and product is not None and product.pack_size:
                per = Decimal(product.pack_size)
            if per is None:
                return None, "box_size_unknown", m.span()
            return boxes * per, None, m.span()
    for m in _QTY.finditer(segment):
        value = _qty_value(m[1], m[2])
        if value is None:
            continue
        # A bare number needs a unit, a scale, or to be the only number around.
        if m[2] or m[3] or len(re.findall(r"\d+", segment)) == 1:
            return value, None, m.span()
    for m in _CN_QTY.finditer(segment):
        text = m[1]
        if len(text) == 1 and not m[2] and text not in "万千":
            continue  # '一' in '一下', '两' alone: not a quantity
        if not m[2] and not re.search(r"[十百千万]", text):
            continue
        value = _qty_value(text, None)
        if value is not None:
            return value, None, m.span()
    return None, None, None


# -- products ---------------------------------------------------------------------------

@dataclass
class _Mention:
    start: int
    end: int
    skus: set[str]
    text: str


def _product_mentions(text: str, cat: MessageCatalog, original: str | None = None) -> list[_Mention]:
    found: list[_Mention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _CODE.finditer(text):
        norm = sku_norm(m[1])
        if norm in cat.products:
            found.append(_Mention(m.start(1), m.end(1), {norm}, m[1]))
            taken.append(m.span(1))
        else:
            # A code written without its prefix letters or with a short suffix.
            hits = {k for k in cat.products if k.startswith(norm) and len(norm) >= 5}
            if hits:
                found.append(_Mention(m.start(1), m.end(1), hits, m[1]))
                taken.append(m.span(1))
    lowered = text.lower()
    words = [(nick, skus, "nick") for nick, skus in cat.nicknames.items()]
    words += [(name, skus, "name") for name, skus in cat.product_names.items()]
    for word, skus, how in sorted(words, key=lambda w: -len(w[0])):
        if len(word) < 2 and how == "name" and len(word) < 1:
            continue
        start = 0
        while True:
            i = lowered.find(word, start)
            if i < 0:
                break
            j = i + len(word)
            if free(i, j):
                chosen = set(skus)
                if how == "name" and len(chosen) > 1:
                    chosen = _narrow_by_spec(original or text, chosen, cat) or chosen
                found.append(_Mention(i, j, chosen, text[i:j]))
                taken.append((i, j))
            start = j
    found.sort(key=lambda m: m.start)
    return found


def _narrow_by_spec(text: str, skus: set[str], cat: MessageCatalog) -> set[str]:
    """Products of one name told apart by spec words in the text ('80mm', 'GF30', '白色')."""
    lowered = text.lower().replace(" ", "")
    scores: dict[str, int] = {}
    for norm in skus:
        tokens = {t for t in re.split(r"[\s+/,]+", cat.products[norm].spec.lower()) if len(t) >= 2}
        scores[norm] = sum(1 for t in tokens if t in lowered)
    top = max(scores.values(), default=0)
    best = {n for n, v in scores.items() if v == top}
    return best if top > 0 and len(best) < len(skus) else set()


# -- customers --------------------------------------------------------------------------

_COMPANY = re.compile(r"([\u4e00-\u9fa5A-Za-z]{2,20}?(?:有限公司|公司|厂|集团|工厂|电子|科技|实业))")


def _customer(text: str, cat: MessageCatalog, sender_phone: str | None
              ) -> tuple[str | None, str | None, tuple[str, ...], str | None]:
    """(customer id, how, candidate ids, unknown company text)."""
    norm_text = name_norm(text)
    for m in re.finditer(r"(?<![A-Za-z0-9])([A-Za-z]{1,4}\d{2,6})(?![A-Za-z0-9])", text):
        for cid, (code, _) in cat.customers.items():
            if code.upper() == m[1].upper():
                return cid, "code", (), None
    named: set[str] = set()
    for key, ids in sorted(cat.names.items(), key=lambda kv: -len(kv[0])):
        if key in norm_text:
            named |= ids
            # '深圳华通' names one customer; its '华通' must not name another as well.
            norm_text = norm_text.replace(key, "\x00")
    if len(named) == 1:
        return next(iter(named)), "alias", (), None
    for m in _PHONE.finditer(text):
        cid = cat.phones.get(phone_norm(m.group(0)))
        if cid:
            return cid, "phone", (), None
    if sender_phone:
        cid = cat.phones.get(phone_norm(sender_phone))
        if cid and (not named or cid in named):
            return cid, "sender_phone", (), None
    if len(named) > 1:
        return None, None, tuple(sorted(named)), None
    contact_ids: set[str] = set()
    for person, ids in cat.contacts.items():
        if person in text:
            contact_ids |= ids
    if len(contact_ids) == 1:
        return next(iter(contact_ids)), "contact", (), None
    if contact_ids:
        return None, None, tuple(sorted(contact_ids)), None
    m = _COMPANY.search(text)
    return None, None, (), (m[1] if m else None)


# -- the parser -------------------------------------------------------------------------

def parse_text(text: str, cat: MessageCatalog, *, now: dt.datetime | None = None,
               sender_phone: str | None = None) -> MessageProposal:
    """The proposal for one message against a loaded catalog (pure; no database).

    Evidence comes in a fixed order: order numbers, phones and customer codes; catalog
    codes in any spelling (taken whole, so none of their digits is read as a quantity);
    dates; then quantities, paired with the items of their stretch of text. What is left
    unexplained (a number, a code-like word, an unknown English word) becomes a question.
    """
    now = now or dt.datetime.now()
    raw = text
    text = half_width(reading.thousands(text)).replace("\u3000", " ").replace("\r", "").strip()
    text = text.replace("×", "x").replace("＊", "*")
    lowered = text.lower()
    cid, via, cand_ids, company = _customer(text, cat, sender_phone)
    questions: list[Question] = []

    def cust_fields() -> dict[str, object]:
        if cid:
            code, name = cat.customers[cid]
            return {"customer_id": cid, "customer_code": code, "customer_name": name,
                    "customer_via": via}
        return {"customer_candidates": tuple(Choice(cat.customers[c][0], cat.customers[c][1])
                                             for c in cand_ids),
                "customer_text": company}

    # 1. What is not an item or a quantity: order numbers, phones, customer codes.
    masked = _SO.sub(lambda m: " " * len(m.group(0)), text)
    masked = _PHONE.sub(lambda m: " " * len(m.group(0)), masked)
    codes_upper = {code.upper() for code, _ in cat.customers.values()}
    masked = re.sub(r"(?<![A-Za-z0-9])[A-Za-z]{1,4}\d{2,6}(?![A-Za-z0-9])",
                    lambda m: " " * len(m.group(0)) if m.group(0).upper() in codes_upper
                    else m.group(0), masked)
    masked = reading.mask_inline_numbering(masked)
    # 2. Catalog codes, whole, before any number is read.
    hits = reading.find_codes(masked, cat.products)
    for h in hits:
        masked = reading.blank(masked, h.start, h.end)
    masked = reading.blank_times_signs(masked)
    # 3. Dates, list numbers, specs ('80mm').
    due, span = find_due_date(masked, now)
    if due is None:
        # '交期 3.20' / '到货 4.8': a dotted month.day after a delivery word is a date.
        m = _DOTTED_DUE.search(masked)
        if m:
            try:
                day = dt.date(now.year, int(m[2]), int(m[3]))
                due = day if day >= now.date() else day.replace(year=now.year + 1)
                span = (m.start(2), m.end(3))
            except ValueError:
                pass
    if span:
        masked = reading.blank(masked, *span)
    # Prices are no quantities: '单价1.2', '¥0.85', '价格 2.4元'.
    masked = _PRICE_WORDS_RE.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))),
                                 masked)
    masked = re.sub(r"(?:周|星期|礼拜)[一二三四五六日天]|\d+\s*月\s*\d+\s*[号日]?|(?<![\d.])\d{1,2}\s*[号日](?![线仓门楼库机位柜车厂区房])(?:前|之前)?",
                    lambda m: " " * len(m.group(0)), masked)
    masked = reading.mask_numbering(masked)
    masked = _SPEC_NOT_QTY.sub(lambda m: " " * len(m.group(0)), masked)
    # 4. Products by name or nickname, in what is left.
    mentions = [_Mention(h.start, h.end, {h.sku_norm}, h.text) for h in hits]
    mentions += _name_mentions(masked, cat, text)
    for m in mentions[len(hits):]:
        masked = reading.blank(masked, m.start, m.end)
    spec_words = _spec_words(cat)
    unknown = []
    for a, b, tok in reading.unknown_codes(masked):
        masked = reading.blank(masked, a, b)
        if sku_norm(tok) not in spec_words:   # 'GF30' of 'PBT+GF30' is a spec, no code
            unknown.append((a, b, tok))
    urgent = _is_urgent(lowered)
    for word in _unknown_english(masked):
        questions.append(Question("unexplained_word", word))
    qtys = reading.find_quantities(masked)

    change = _change_request(text, masked, qtys, due, urgent)
    if change is not None:
        action, qty_token = change
        change_fields: dict[str, object] = {"action": action}
        if qty_token is not None and qty_token.value is not None:
            change_fields["quantity"] = qty_token.value
        if due:
            change_fields["due_date"] = due
        if urgent:
            change_fields["urgent"] = True
        known = [m for m in mentions if len(m.skus) == 1]
        if known:
            change_fields["sku"] = cat.products[next(iter(known[0].skus))].sku
        for a, b, tok in unknown:
            questions.append(Question("unknown_code", tok))
        so = _SO.search(text)
        if action in ("modify", "add", "reduce") and "quantity" not in change_fields \
                and "due_date" not in change_fields and not urgent:
            questions.append(Question("change_unclear", ""))
        return MessageProposal(kind="change_request", change=change_fields, due_date=due,
                               urgent=urgent, order_ref=so.group(0).upper() if so else None,
                               text=raw, questions=tuple(questions),
                               confidence=_confidence(questions, ()),
                               **cust_fields())  # type: ignore[arg-type]

    # 5. Pair items (known and unknown) with quantities.
    spans = [(m.start, m.end) for m in mentions] + [(a, b) for a, b, _ in unknown]
    pairs, left = reading.pair(masked, spans, [(q.start, q.end) for q in qtys])
    # '各3000个': one number for each of the items before it that has none.
    for j, q in enumerate(qtys):
        if not re.search(r"各\s*$", masked[:q.start]):
            continue
        for i in range(len(spans)):
            if i not in pairs and spans[i][1] <= q.start and not reading.separator_between(
                    masked, spans[i][1], q.start) == "hard":
                pairs[i] = j
        if j in pairs.values():
            left = [x for x in left if x != j]
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    lines: list[ProposedLine] = []
    for i in order:
        q = qtys[pairs[i]] if i in pairs else None
        if i >= len(mentions):
            tok = unknown[i - len(mentions)][2]
            questions.append(Question("unknown_code", tok))
            lines.append(ProposedLine(tok, None, q.value if q else None, (), "unknown_product"))
            continue
        lines.append(_line(mentions[i], q, cat))
    lines = _merge_repeats(lines)
    for j in sorted(set(pairs.values())):
        if _approximate(masked, qtys[j]):
            questions.append(Question("approximate_quantity", qtys[j].text))
    for j in left:
        questions.append(Question("unexplained_number", qtys[j].text))

    has_qty = any(ln.quantity for ln in lines)
    if not lines or not has_qty:
        reason = _not_order_reason(text)
        if reason is None and qtys and _contains_any(text, ORDER_WORDS) and not lines:
            lines = [ProposedLine(text=text, sku=None, quantity=qtys[0].value,
                                  problem="unknown_product")]
            questions = [q for q in questions if q.text != qtys[0].text]
            questions.append(Question("unknown_product", text))
        elif lines and qtys and reason is None:
            # Items and numbers that did not pair: an order whose lines are asked about,
            # never dropped as not_an_order.
            for ln in lines:
                if ln.problem:
                    questions.append(Question(ln.problem, ln.text))
            return MessageProposal(kind="order", lines=tuple(lines), due_date=due, urgent=urgent,
                                   text=raw, questions=tuple(questions),
                                   confidence=_confidence(questions, lines),
                                   **cust_fields())  # type: ignore[arg-type]
        else:
            if lines:   # an item with no quantity: ask, even though it is no order yet
                questions = [q for q in questions if q.code != "unexplained_number"]
                questions += [Question("no_quantity", ln.text) for ln in lines if ln.quantity is None]
            return MessageProposal(kind="not_an_order",
                                   reason=reason or ("inquiry" if lines else "other"),
                                   text=raw, questions=tuple(questions),
                                   confidence=_confidence(questions, ()),
                                   **cust_fields())  # type: ignore[arg-type]
    elif _contains_any(text, PRICE_WORDS):
        # A price question that names an item and a number ('多少钱一个', '1000个的话'):
        # an inquiry, but never dropped silently: the user is asked whether it is an order.
        return MessageProposal(kind="not_an_order", reason="inquiry", lines=tuple(lines),
                               text=raw, questions=(*questions, Question("price_inquiry", "")),
                               confidence=0.5, **cust_fields())  # type: ignore[arg-type]
    for ln in lines:
        if ln.problem and ln.problem not in ("unknown_product",):
            questions.append(Question(ln.problem, ln.text))
    return MessageProposal(kind="order", lines=tuple(lines), due_date=due, urgent=urgent, text=raw,
                           questions=tuple(questions), confidence=_confidence(questions, lines),
                           **cust_fields())  # type: ignore[arg-type]


def _spec_words(cat: MessageCatalog) -> set[str]:
    """Letter-and-digit words of the catalog's specs ('GF30', 'M3X12'), cached on the catalog."""
    cached = cat.__dict__.get("_spec_words")
    if cached is None:
        cached = {sku_norm(t) for p in cat.products.values()
                  for t in re.split(r"[^A-Za-z0-9]+", p.spec) if t}
        cat.__dict__["_spec_words"] = cached
    return cached


_DOTTED_DUE = re.compile(r"(交期|交货|到货|要货|送货|送到|due)\s*[:：]?\s*(\d{1,2})[./](\d{1,2})(?![\d.])", re.I)
_PRICE_WORDS_RE = re.compile(r"((?:单价|价格|价钱|含税价|未税价|price|¥|￥)\s*[:：]?\s*)[¥￥]?\s*\d+(?:\.\d+)?\s*(?:元|rmb|块)?",
                             re.I)
_APPROX_BEFORE = re.compile(r"(大概|大约|约|差不多|估计|about|approx\.?|around|~)\s*$", re.I)
_APPROX_AFTER = re.compile(r"^\s*(左右|上下|多个|来个|or so)")


def _approximate(masked: str, q: reading.QtyToken) -> bool:
    """'三千个左右', '大概5000': the customer gave no exact quantity."""
    return bool(_APPROX_BEFORE.search(masked[:q.start]) or _APPROX_AFTER.match(masked[q.end:]))


_ENGLISH_KNOWN = {"pls", "plz", "please", "send", "of", "need", "want", "order", "and", "asap",
                  "urgent", "rush", "urgently", "pcs", "pc", "psc", "ea", "x", "qty", "po",
                  "thanks", "thx", "thank", "you", "hi", "hello", "ok", "okay", "kg", "the", "a",
                  "for", "to", "by", "w", "k", "so", "hold", "cancel", "sir", "dear", "boss",
                  "mm", "cm", "pls.", "add", "more", "also", "total", "no", "nr", "pn", "sku",
                  "is", "it", "we", "our", "in", "on", "ship", "deliver", "delivery", "change", "update",
                  "modify", "revise", "increase", "reduce", "decrease", "cut", "another", "plus",
                  "order", "orders", "asap.", "rush", "pieces", "piece", "units", "unit", "urgent!"}


def _unknown_english(masked: str) -> list[str]:
    """Latin-letter words left over that the parser cannot place."""
    return [w for w in re.findall(r"(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])", masked)
            if w.lower() not in _ENGLISH_KNOWN and w.lower() not in URGENT_WORDS]


_CHANGE_QTY = re.compile(r"(改成|改为|改到|换成|调整为|调整到|调成|改|加到|增加到|减到|减少到|降到|"
                         r"再加|追加|多加|加|再减|减少|减掉|少要|减)\s*$")
_CHANGE_KIND = {"改成": "modify", "改为": "modify", "改到": "modify", "换成": "modify",
                "调整为": "modify", "调整到": "modify", "调成": "modify", "改": "modify",
                "加到": "modify", "增加到": "modify", "减到": "modify", "减少到": "modify",
                "降到": "modify", "再加": "add", "追加": "add", "多加": "add", "加": "add",
                "再减": "reduce", "减少": "reduce", "减掉": "reduce", "少要": "reduce", "减": "reduce"}
CANCEL_WORDS = ("取消", "撤单", "不要了", "作废", "cancel")
HOLD_WORDS = ("暂停", "先别发", "别发", "先不要发", "先不发", "停发", "等通知", "先停", "hold")
DELAY_WORDS = ("推迟", "延后", "延期", "晚点发", "往后推", "顺延", "提前")


def _change_request(text: str, masked: str, qtys: list, due: dt.date | None,  # type: ignore[type-arg]
                    urgent: bool) -> tuple[str, object] | None:
    """(action, the quantity token the change names) when the message changes an order."""
    for q in qtys:
        m = _CHANGE_QTY.search(masked[:q.start])
        if m and not masked[m.end():q.start].strip(" ：:"):
            verb = m.group(1)
            # '加' in '加急', '加工' is no change; only '加 <number>' is.
            return _CHANGE_KIND[verb], q
    for q in qtys:
        before = masked[:q.start].lower()
        if re.search(r"\b(?:change|update|modify|revise|increase|reduce|decrease|cut)\b[^\n。]*\bto\s*$",
                     before):
            return "modify", q
        if re.search(r"\b(?:add|plus)\s*(?:another\s*)?$", before):
            return "add", q
    lowered = text.lower()
    if _contains_any(lowered, CANCEL_WORDS):
        return "cancel", None
    if _contains_any(lowered, HOLD_WORDS):
        return "hold", None
    if _contains_any(text, DELAY_WORDS) and (due is not None or _contains_any(text, ORDER_REF_WORDS)
                                             or "交期" in text):
        return "modify", None
    if _contains_any(text, CHANGE_WORDS) and (_contains_any(text, ORDER_REF_WORDS)
                                              or _SO.search(text) is not None or due is not None
                                              or _contains_any(text, ("追加", "改单", "交期"))):
        return "modify", None
    return None


def _confidence(questions: list[Question], lines: object) -> float:
    """1.0 when every part is explained; each open question or line problem lowers it."""
    score = 1.0 - 0.3 * len(questions)
    for ln in lines or ():  # type: ignore[attr-defined]
        if ln.problem or not ln.sku or ln.quantity is None:
            score -= 0.2
    return round(max(0.0, score), 2)


def _line(mention: _Mention, q: reading.QtyToken | None, cat: MessageCatalog) -> ProposedLine:
    product = cat.products[next(iter(mention.skus))] if len(mention.skus) == 1 else None
    qty, problem = (q.value if q else None), None
    if q is not None and q.value is None and q.boxes is not None:
        if product is not None and product.pack_size:
            qty = q.boxes * product.pack_size
        else:
            problem = "box_size_unknown"
    if len(mention.skus) > 1:
        cands = tuple(Choice(cat.products[s].sku, _label(cat.products[s]))
                      for s in sorted(mention.skus))
        return ProposedLine(mention.text, None, qty, cands, problem or "ambiguous_product")
    if qty is None and problem is None:
        problem = "no_quantity"
    if product and qty and product.pack_size and qty % product.pack_size:
        problem = problem or "not_pack_multiple"
    return ProposedLine(mention.text, product.sku if product else None, qty, (), problem)


def _merge_repeats(lines: list[ProposedLine]) -> list[ProposedLine]:
    """The same product named twice in one breath ('支架…BRK-1001 5000'): keep one line."""
    merged: dict[str, ProposedLine] = {}
    out: list[ProposedLine] = []
    for line in lines:
        if line.sku and line.sku in merged:
            prev = merged[line.sku]
            if prev.quantity is None and line.quantity is not None:
                out[out.index(prev)] = line
                merged[line.sku] = line
                continue
            if line.quantity is None:
                continue
        if line.sku:
            merged[line.sku] = line
        out.append(line)
    return out


def _name_mentions(text: str, cat: MessageCatalog, original: str) -> list[_Mention]:
    """Products named by nickname or name in a text whose codes are already blanked."""
    found: list[_Mention] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    words = [(nick, skus, "nick") for nick, skus in cat.nicknames.items()]
    words += [(name, skus, "name") for name, skus in cat.product_names.items()]
    for word, skus, how in sorted(words, key=lambda w: -len(w[0])):
        if not word.strip():
            continue
        start = 0
        while True:
            i = lowered.find(word, start)
            if i < 0:
                break
            j = i + len(word)
            if all(j <= s or i >= e for s, e in taken):
                chosen = set(skus)
                if how == "name" and len(chosen) > 1:
                    chosen = _narrow_by_spec(original, chosen, cat) or chosen
                found.append(_Mention(i, j, chosen, text[i:j]))
                taken.append((i, j))
            start = j
    found.sort(key=lambda m: m.start)
    return found


def _is_question(text: str) -> bool:
    return ("?" in text or "吗" in text or "多少钱" in text or "报价" in text) and not re.search(
        r"\d+\s*(?:个|件|只|pcs|套|箱)", text, re.I)


def _not_order_reason(text: str) -> str | None:
    if _contains_any(text, COMPLAINT_WORDS):
        return "complaint"
    if _contains_any(text, PAYMENT_WORDS):
        return "payment"
    if _contains_any(text, LOGISTICS_WORDS):
        return "logistics"
    if _contains_any(text, INQUIRY_WORDS):
        return "inquiry"
    stripped = re.sub(r"[\s,.!?，。！？~～]+", "", text)
    if len(stripped) <= 12 and _contains_any(text, GREETING_WORDS):
        return "greeting"
    return None


def _lines(masked: str, mentions: list[_Mention], cat: MessageCatalog) -> list[ProposedLine]:
    """Pair each product mention with the quantity in its stretch of the message."""
    if not mentions:
        return []
    lines: list[ProposedLine] = []
    # Each mention owns the text from the previous mention's end to the next mention's start,
    # cut at separators, so '支架5000个,外壳3000' and '5000个支架' both pair correctly.
    bounds = [0] + [m.end for m in mentions]
    for i, mention in enumerate(mentions):
        left = masked[bounds[i]:mention.start]
        right_end = mentions[i + 1].start if i + 1 < len(mentions) else len(masked)
        right = masked[mention.end:right_end]
        right_cut = _SPLIT.split(right, maxsplit=1)[0]
        left_cut = _SPLIT.split(left)[-1]
        product = cat.products[next(iter(mention.skus))] if len(mention.skus) == 1 else None
        qty, problem, _ = _find_quantity(right_cut, product)
        if qty is None and problem is None:
            qty, problem, _ = _find_quantity(left_cut, product)
        if qty is None and problem is None and i + 1 == len(mentions):
            qty, problem, _ = _find_quantity(right, product)
        if len(mention.skus) > 1:
            cands = tuple(Choice(cat.products[s].sku, _label(cat.products[s]))
                          for s in sorted(mention.skus))
            lines.append(ProposedLine(mention.text, None, qty, cands,
                                      problem or "ambiguous_product"))
            continue
        if qty is None and problem is None:
            problem = "no_quantity"
        if product and qty and product.pack_size and qty % product.pack_size:
            problem = problem or "not_pack_multiple"
        lines.append(ProposedLine(mention.text, product.sku if product else None, qty, (),
                                  problem))
    # The same product named twice in one breath ('支架…BRK-1001 5000'): keep one line.
    merged: dict[str, ProposedLine] = {}
    out: list[ProposedLine] = []
    for line in lines:
        if line.sku and line.sku in merged:
            prev = merged[line.sku]
            if prev.quantity is None and line.quantity is not None:
                out[out.index(prev)] = line
                merged[line.sku] = line
            continue
        if line.sku:
            merged[line.sku] = line
        out.append(line)
    return out


def _label(p: _Product) -> str:
    return f"{p.sku} {p.name} {p.spec}".strip()


def parse_message(desk: Desk, text: str, *, now: dt.datetime | None = None,
                  sender_phone: str | None = None) -> MessageProposal:
    """Propose an order (or recognise a change request or a non-order) from a message.

    A change request gets as `order_ref` the order it clearly refers to (an order or
    channel number in it; else the customer's order its SKU, old quantity or date words
    single out; '上次那单' = the latest), or None when that takes a person's choice —
    see orderdesk.intake.change_requests.
    """
    from dataclasses import replace

    from orderdesk.intake.change_requests import targets_in

    with desk.read() as s:
        cat = MessageCatalog.load(s)
        proposal = parse_text(text, cat, now=now, sender_phone=sender_phone)
        if proposal.kind == "change_request":
            targets = targets_in(s, proposal, now or dt.datetime.now())
            chosen = targets.candidate(targets.chosen_id)
            proposal = replace(proposal, order_ref=chosen.order_no if chosen else None)
        return proposal
