"""Column recognition by evidence: each column scored by its header and by its values.

A header word is one piece of evidence (the vocabulary of VAT invoices, 金蝶, 用友, SAP
and marketplace exports in columns.ORDER_FIELDS); what the column holds is another:
known catalog customers (code, name, alias, phone), known SKUs in any formatting, dates
and quantities in every common form, PO-like ids. Each (column, field) gets a
confidence; the best consistent assignment (one field per column, one column per
field) is taken; each mapped column keeps its reason, so the preview can say "by header
需方" or "by content: 98% of values are known customers". A mapping whose confidence is
low is marked for the user to confirm: nothing is guessed silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from orderdesk.intake.values import (
    cell_text,
    is_blank_row,
    is_total_row,
    parse_datetime,
    parse_quantity,
)
from orderdesk.normalize import half_width, phone_norm, sku_norm

LOW_CONFIDENCE = 0.6          # below: the user confirms the column before anything imports
ACCEPT = 0.4                  # below: the column is not mapped at all
CUSTOMER_FIELDS = ("customer_code", "customer_name", "phone")
DATE_FIELDS = ("order_time", "requested_date")
PO_FIELDS = ("customer_po", "channel_order_no")
# Fields whose values can be tested; the others rest on their header alone.
TESTED = {"sku", "quantity", "unit_price", *CUSTOMER_FIELDS, *DATE_FIELDS, *PO_FIELDS,
          "product_name"}


@dataclass(frozen=True)
class Evidence:
    """Why a column got its field: kind is 'header' | 'header+content' | 'content' |
    'content_order' (two date columns told apart by which is earlier) | 'memory' | 'user';
    what names the content test ('sku', 'customer', 'customer_code', 'phone', 'date',
    'quantity', 'price', 'id'); share is the % of values that passed it."""

    kind: str
    header: str = ""
    what: str = ""
    share: int = 0
    confidence: float = 1.0

    def sentence(self, lang: str | None = None) -> str:
        """For the CLI and logs, in the command-line language (the UI words it through tr())."""
        from orderdesk.messages import language

        if (lang or language()) != "en":
            return self._sentence_zh()
        what = CONTENT_WORDS.get(self.what, self.what)
        if self.kind == "memory":
            return "remembered from an earlier import"
        if self.kind == "user":
            return "set by the user"
        if self.kind == "header":
            return f"by header {self.header}"
        if self.kind == "header+content":
            return f"by header {self.header} and content: {self.share}% of values are {what}"
        if self.kind == "content_order":
            return f"by content: {self.share}% of values are dates, the {what} of the two date columns"
        if self.kind == "content_today":
            return (f"by content: {self.share}% of values are dates, all "
                    + ("after today" if self.what == "later" else "up to today"))
        return f"by content: {self.share}% of values are {what}"


    def _sentence_zh(self) -> str:
        what = CONTENT_WORDS_ZH.get(self.what, self.what)
        if self.kind == "memory":
            return "沿用以前导入时的设置"
        if self.kind == "user":
            return "由用户指定"
        if self.kind == "header":
            return f"按表头 {self.header}"
        if self.kind == "header+content":
            return f"按表头 {self.header} 和内容:{self.share}% 的值是{what}"
        if self.kind == "content_order":
            return f"按内容:{self.share}% 的值是日期,两列日期中{what}的一列"
        if self.kind == "content_today":
            return f"按内容:{self.share}% 的值是日期,全部" + ("晚于今天" if self.what == "later" else "不晚于今天")
        return f"按内容:{self.share}% 的值是{what}"


CONTENT_WORDS_ZH = {"sku": "目录中的物料编码", "customer": "目录中的客户",
                    "customer_code": "目录中的客户编码", "phone": "目录中客户的电话",
                    "phone_like": "电话号码", "date": "日期", "quantity": "数量", "price": "价格",
                    "id": "单号", "text": "名称", "earlier": "较早", "later": "较晚"}
CONTENT_WORDS = {"sku": "known SKUs", "customer": "known customers",
                 "customer_code": "known customer codes", "phone": "known customer phones",
                 "phone_like": "phone numbers", "date": "dates", "quantity": "quantities",
                 "price": "prices", "id": "order numbers", "text": "names",
                 "earlier": "earlier", "later": "later"}


def _body(rows: list[list[object]]) -> list[list[object]]:
    return [r for r in rows if not is_blank_row(r) and not is_total_row(r)]


def _values(body: list[list[object]], col: int) -> list[object]:
    out = []
    for row in body:
        v = row[col] if col < len(row) else None
        if v is not None and cell_text(v):
            out.append(v)
    return out


_DATE_TEXT = re.compile(r"^\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}|"
                        r"20\d{2}[01]\d[0-3]\d)(?:\D|$)")


def is_date_value(v: object) -> bool:
    """A date in any common form: a datetime cell, '2026-03-05', '2026.3.5', '2026年3月5日',
    '3月5日', a yyyymmdd integer. Excel serial integers are not counted here (they look
    like quantities); see is_serial_date."""
    if isinstance(v, (dt.date, dt.datetime)):
        return True
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float, Decimal)):
        n = int(v) if v == int(v) else None
        return n is not None and 20000101 <= n <= 20991231 and _valid_compact(str(n))
    text = half_width(cell_text(v))
    if not _DATE_TEXT.search(text):
        return False
    try:
        parse_datetime(v)
        return True
    except ValueError:
        return False


def _valid_compact(s: str) -> bool:
    try:
        dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
        return True
    except ValueError:
        return False


def is_serial_date(v: object) -> bool:
    """An Excel date serial of 2010..2040 written as a number."""
    try:
        n = float(cell_text(v))
    except ValueError:
        return False
    return n == int(n) and 40179 <= n <= 51136


def _date_of(v: object) -> dt.date | None:
    try:
        return parse_datetime(v).date()
    except (ValueError, TypeError):
        return None


_QTY_TEXT = re.compile(r"^[\d,，.\s]+(万|千|w|k)?\s*(个|件|只|pcs|pc|套|支|片|条|块|颗|粒|根|把|台|ea)?$",
                       re.I)


def _quantity(v: object) -> Decimal | None:
    if isinstance(v, bool) or is_date_value(v):
        return None
    if isinstance(v, str) and not _QTY_TEXT.match(half_width(v).strip()):
        return None
    try:
        q = parse_quantity(v)
    except (ValueError, ArithmeticError):
        return None
    return q if q > 0 else None


_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_/#.]{2,39}$")


def _is_row_counter(values: list[object]) -> bool:
    try:
        numbers = [int(float(cell_text(v))) for v in values[:30]]
    except ValueError:
        return False
    # 1, 2, 3 … (or 0, 1, 2 …) down the column: a line counter such as 序号.
    return (len(numbers) >= 2 and numbers[0] in (0, 1)
            and numbers == list(range(numbers[0], numbers[0] + len(numbers))))


def _share(values: list[object], test) -> float:  # type: ignore[no-untyped-def]
    if not values:
        return 0.0
    return sum(1 for v in values if test(v)) / len(values)


@dataclass
class ColumnFacts:
    """What one column's values are, as shares of its non-blank cells."""

    n: int
    sku: float
    customer_name: float
    customer_code: float
    phone: float
    phone_like: float
    date: float
    serial: float
    quantity: float
    integral: float
    price: float
    money: float
    long_digits: float      # digit strings of 7+ digits: order numbers, not quantities
    id_like: float
    distinct: float
    text: float
    counter: bool
    mean_date: float | None
    first_date: int | None = None   # earliest and latest day (ordinal) of the column
    last_date: int | None = None


def column_facts(values: list[object], catalog) -> ColumnFacts:  # type: ignore[no-untyped-def]
    texts = [half_width(cell_text(v)).strip() for v in values]
    n = len(values)
    products = catalog.products if catalog is not None else {}

    def known_sku(t: str) -> bool:
        if sku_norm(t) in products:
            return True
        return catalog is not None and bool(t) and catalog.product(t) is not None

    def known_name(t: str) -> bool:
        return catalog is not None and catalog.match_customer(None, None, t)[0] is not None

    def known_code(t: str) -> bool:
        return catalog is not None and t.upper() in catalog.by_code

    def known_phone(t: str) -> bool:
        return catalog is not None and phone_norm(t) in catalog.by_phone

    qtys = [_quantity(v) for v in values]
    dates = [_date_of(v) for v in values if is_date_value(v)]
    numbers = [q for q in qtys if q is not None]
    ids = [t for t in texts if _ID.match(t) and re.search(r"\d", t) and not known_sku(t)
           and not is_date_value(t) and not re.fullmatch(r"1[3-9]\d{9}", phone_norm(t))]
    long_digits = _share(texts, lambda t: bool(re.fullmatch(r"\d{7,}", t)))
    return ColumnFacts(
        n=n,
        sku=_share(texts, known_sku),
        customer_name=_share(texts, known_name),
        customer_code=_share(texts, known_code),
        phone=_share(texts, known_phone),
        phone_like=_share(texts, lambda t: bool(re.fullmatch(r"1[3-9]\d{9}", phone_norm(t)))),
        date=_share(values, is_date_value),
        serial=_share(values, is_serial_date),
        quantity=sum(1 for q in qtys if q is not None) / n if n else 0.0,
        integral=(sum(1 for q in numbers if q == q.to_integral_value()) / len(numbers)
                  if numbers else 0.0),
        price=_share(values, lambda v: _price_like(v)),
        money=_share(values, lambda v: _money(v) is not None),
        long_digits=long_digits,
        id_like=len(ids) / n if n else 0.0,
        distinct=len(set(texts)) / n if n else 0.0,
        text=_share(texts, lambda t: bool(re.search(r"[\u4e00-\u9fa5A-Za-z]", t))
                    and not re.search(r"\d{3,}", t)),
        counter=_is_row_counter(values),
        mean_date=_mean_date(values, dates),
        first_date=min(days) if (days := _days(values, dates)) else None,
        last_date=max(days) if days else None,
    )


def _money(v: object) -> Decimal | None:
    """A price as written: 1.25, '¥1.25', '1.25元', 'RMB 1.25', '1,250.00'."""
    if isinstance(v, bool) or is_date_value(v):
        return None
    text = half_width(cell_text(v)).upper()
    for mark in ("¥", "￥", "元", "RMB", "CNY", "USD", "$"):
        text = text.replace(mark, "")
    try:
        d = Decimal(text.replace(",", "").strip())
    except ArithmeticError:
        return None
    return d if 0 <= d < 1000000 else None


def _days(values: list[object], dates: list[dt.date | None]) -> list[int]:
    days = [d.toordinal() for d in dates if d]
    if not days:
        serials = [float(cell_text(v)) for v in values if is_serial_date(v)]
        days = [dt.date(1899, 12, 30).toordinal() + int(n) for n in serials]
    return days


def _mean_date(values: list[object], dates: list[dt.date | None]) -> float | None:
    """Mean day (ordinal) of a date column, Excel serials included, to tell which of two
    date columns is the earlier."""
    days = _days(values, dates)
    return sum(days) / len(days) if days else None


def _price_like(v: object) -> bool:
    d = _money(v)
    return d is not None and 0 < d < 100000 and d != d.to_integral_value()


def content_scores(f: ColumnFacts, others_have_integers: bool) -> dict[str, tuple[float, str, float]]:
    """field -> (content confidence 0..1, what, share) for one column."""
    out: dict[str, tuple[float, str, float]] = {}
    if f.n == 0:
        return out
    if f.sku >= 0.5:
        out["sku"] = (f.sku, "sku", f.sku)
    cust = max(f.customer_name, f.customer_code, f.phone)
    if cust >= 0.5:
        if f.customer_code >= max(f.customer_name, f.phone):
            out["customer_code"] = (f.customer_code, "customer_code", f.customer_code)
        elif f.phone >= f.customer_name:
            out["phone"] = (f.phone, "phone", f.phone)
        else:
            out["customer_name"] = (f.customer_name, "customer", f.customer_name)
    elif f.phone_like >= 0.8:
        out["phone"] = (0.7 * f.phone_like, "phone_like", f.phone_like)
    if f.date >= 0.5:
        for d in DATE_FIELDS:
            out[d] = (f.date, "date", f.date)
    elif f.serial >= 0.9 and f.integral >= 0.99:
        # An Excel serial looks like a quantity: weak evidence either way.
        for d in DATE_FIELDS:
            out[d] = (0.45, "date", f.serial)
    if f.quantity >= 0.5 and not f.counter and f.date < 0.5 and f.sku < 0.5 and f.long_digits < 0.5:
        # Quantities are whole numbers; a column of decimals is rather a price.
        weight = 1.0 if f.integral >= 0.9 else 0.55
        if f.serial >= 0.9:
            weight *= 0.6
        out["quantity"] = (f.quantity * weight, "quantity", f.quantity)
    if f.money >= 0.5 and not f.counter and f.date < 0.5 and f.sku < 0.5 and f.long_digits < 0.5:
        # Prices carry decimals (or a currency mark) more often than not.
        if f.price >= 0.3 or (f.integral < 0.9 and others_have_integers):
            out["unit_price"] = (min(1.0, f.money * (0.6 + f.price)), "price", f.money)
        elif f.money >= 0.9:
            out["unit_price"] = (0.3, "price", f.money)
    if f.id_like >= 0.6 and f.sku < 0.5 and cust < 0.5 and f.date < 0.5 and (
            f.quantity < 0.5 or f.long_digits >= 0.5):
        for p in PO_FIELDS:
            out[p] = (0.75 * f.id_like, "id", f.id_like)
    if f.text >= 0.6 and f.sku < 0.5 and cust < 0.5:
        out["product_name"] = (0.3 * f.text, "text", f.text)
    return out


def combine(header_strength: float, content: tuple[float, str, float] | None,
            fld: str) -> tuple[float, str]:
    """(confidence, evidence kind) of one field for one column."""
    c = content[0] if content else 0.0
    if fld not in TESTED:
        # Nothing in the values can confirm it: a little below a confirmed field, so
        # '规格型号' full of catalog SKUs is the SKU column, not the spec.
        return header_strength * 0.95, "header"
    if header_strength > 0 and c > 0:
        conf = header_strength * 0.6 + c * 0.4 + (0.1 if c >= 0.8 else 0.0)
        return min(1.0, conf), "header+content"
    if header_strength > 0:
        # The header says so but the values do not look like it: only the header speaks.
        if fld in PO_FIELDS or fld == "product_name":
            return header_strength, "header"
        return header_strength * 0.75, "header"
    if fld in CUSTOMER_FIELDS:
        # Values that are catalog customers are the strongest evidence a column has.
        return c * 0.97, "content"
    return c * 0.9, "content"


# -- the customer of a whole file -------------------------------------------------------

_LABELLED = re.compile(r"(?:需方|需方单位|客户|客户名称|购买方|购方|买方|采购方|订货单位|甲方|buyer|customer|to)"
                       r"\s*[:：]\s*([^\s:：,，;；]{2,40})", re.I)
_COMPANY = re.compile(r"([\u4e00-\u9fa5A-Za-z（）()]{2,30}?(?:有限公司|股份公司|公司|集团|工厂|厂))")
_TITLE_WORDS = re.compile(r"(采购订单|采购单|订货单|订单|purchase\s*order|PO)\s*$", re.I)
_SUPPLIER = re.compile(r"(供方|供应商|卖方|销售方|乙方|supplier|vendor)\s*[:：]", re.I)


def title_customer(rows: list[list[object]], catalog) -> tuple[str | None, str]:  # type: ignore[no-untyped-def]
    """(customer id, the words that name it) from the title and notes rows above a header.

    '需方：苏州恒锐精密有限公司', '客户: 恒锐', 'XX有限公司 采购订单'. Only a catalog customer
    counts, and only when the rows name exactly one (a supplier line names us, not them).
    """
    found: dict[str, str] = {}
    for row in rows:
        for cell in row:
            text = half_width(cell_text(cell)).strip()
            if not text or _SUPPLIER.search(text):
                continue
            names = [m.group(1) for m in _LABELLED.finditer(text)]
            head = _TITLE_WORDS.sub("", text).strip()
            if head and head != text:
                names.append(head)
            names += [m.group(1) for m in _COMPANY.finditer(text)]
            for name in names:
                cid = catalog.match_customer(None, None, name.strip())[0]
                if cid is None and name.strip().upper() in catalog.by_code:
                    cid = catalog.by_code[name.strip().upper()]
                if cid:
                    found.setdefault(cid, text)
    if len(found) == 1:
        cid, text = next(iter(found.items()))
        return cid, text
    return None, ""
