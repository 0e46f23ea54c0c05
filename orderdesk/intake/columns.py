"""Column vocabulary and header detection: which row names the columns, and which is which.

A header is looked for in the first 30 rows of every sheet (title rows, blank rows and
merged cells may sit above it); the sheet whose best row names the most known fields
wins. Columns are mapped by name in Chinese and English; required fields whose names
failed are then looked for by content (values that are known SKUs, numbers, phones).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from orderdesk.intake import evidence as ev
from orderdesk.intake.errors import HeaderNotFound, MissingColumns
from orderdesk.intake.evidence import LOW_CONFIDENCE, Evidence
from orderdesk.intake.readers import SheetData
from orderdesk.intake.values import cell_text, is_blank_row, parse_datetime, parse_quantity
from orderdesk.normalize import half_width, phone_norm, sku_norm

SEARCH_ROWS = 30

ORDER_FIELDS: dict[str, tuple[str, ...]] = {
    "channel_order_no": ("单据编号", "销售订单号", "订单编码", "order no", "orderno.", "salesorder", "so号", "渠道单号", "订单编号", "订单号", "单号", "订单no", "orderno", "order#",
                         "ordernumber", "orderid", "平台单号", "外部单号", "网店单号", "交易单号",
                         "子订单号", "主订单编号", "销售单号", "订单"),
    "customer_po": ("po号", "客户po号", "采购订单编号", "purchaseorderno", "purchaseorderno.", "customerreference", "custpo", "合同编号", "采购合同号", "客户订单编号", "客户合同号", "po单号", "客户po", "po", "pono", "po#", "ponumber", "采购单号", "采购订单号",
                    "客户订单号", "客户单号", "purchaseorder", "customerpo", "合同号"),
    "sku": ("存货编码", "商品货号", "商品编号", "商品规格编码", "货品编码", "物料编号", "零件编号", "materialnumber", "materialno", "商品sku", "外部编码", "品号", "产品型号", "物料编码", "料号", "物料号", "物料代码", "产品编码", "商品编码", "货号", "产品编号",
            "产品代码", "零件号", "图号", "partno", "part#", "partnumber", "sku", "itemno",
            "itemcode", "商家编码", "规格编码", "型号", "productcode", "material"),
    "product_name": ("存货名称", "货物或应税劳务名称", "货物名称", "项目名称", "宝贝标题", "商品标题", "品名规格", "品名", "产品名称", "物料名称", "商品名称", "名称", "description",
                     "productname", "itemname", "item", "商品", "产品"),
    "spec": ("规格", "规格型号", "spec", "specification"),
    "quantity": ("基本单位数量", "订货量", "需求数量", "商品数量", "orderquantity", "销售数量", "要货数量", "需求量", "数量", "订货数量", "订购数量", "采购数量", "下单数量", "购买数量", "qty",
                 "quantity", "件数", "订单数量", "数量pcs", "orderqty"),
    "requested_date": ("预发货日期", "要求到货日", "交付日期", "reqdelivdate", "reqdeliverydate", "requesteddeliverydate", "期望送达时间", "承诺发货时间", "预计发货时间", "发货日期", "要货日期", "计划交期", "交货时间", "交期", "要求交货日期", "交货日期", "需求日期", "到货日期", "要求到货日期",
                       "deliverydate", "duedate", "requireddate", "requesteddate", "交货期",
                       "要求交期", "需求交期", "期望交期", "shipdate"),
    "unit_price": ("价", "原币含税单价", "无税单价", "netprice", "商品价格", "商品单价", "京东价", "成交单价", "单价含税", "单价", "unitprice", "price", "含税单价", "价格", "不含税单价"),
    "order_time": ("单据日期", "开票日期", "documentdate", "订单创建时间", "订单成交时间", "录入日期", "createdon", "创建日期", "业务日期", "下单时间", "下单日期", "订单日期", "订单时间", "日期", "orderdate",
                   "ordertime", "创建时间", "付款时间", "date", "制单日期"),
    "channel": ("渠道", "来源", "channel", "source", "平台", "订单来源"),
    "customer_code": ("往来单位编码", "购货单位代码", "客户号", "customernumber", "soldto", "购方编码", "客户编码", "客户代码", "客户编号", "customercode", "customerno",
                      "custcode", "customerid", "客户id"),
    "customer_name": ("购买方", "购方", "购方名称", "购买方名称", "需方", "需方单位", "客户简称", "客户全称", "往来单位", "订货单位", "收货单位", "soldtoparty", "buyername", "买家会员名", "会员名", "采购方", "甲方", "买方", "客户名称", "客户", "客户名", "公司名称", "买家", "customer",
                      "customername", "单位名称", "购货单位", "店铺", "buyer", "company"),
    "phone": ("联系电话", "电话", "手机", "手机号", "联系方式", "收货人电话", "收货人手机",
              "phone", "tel", "mobile", "telephone", "手机号码"),
    "address": ("收货地址", "地址", "送货地址", "交货地址", "address", "deliveryaddress",
                "shipto", "shippingaddress", "详细地址"),
    "contact_name": ("联系人", "收货人", "contact", "contactname", "收件人"),
    "unit": ("单位", "unit", "uom"),
    "note": ("备注", "note", "notes", "remark", "remarks", "说明", "买家留言"),
    "urgent": ("加急", "急单", "urgent", "rush", "是否加急"),
}

ORDER_REQUIRED = ("sku", "quantity")

_HEADER_DROP = re.compile(r"[\s_\-:：.。·/\\|*]+")
_BRACKETS = re.compile(r"[(（\[【].*?[)）\]】]")


def header_norm(text: object) -> str:
    """'订货数量 (PCS)' → '订货数量', 'Part No.' → 'partno'."""
    raw = half_width(cell_text(text)).lower()
    stripped = _BRACKETS.sub("", raw)
    norm = _HEADER_DROP.sub("", stripped or raw)
    return norm or _HEADER_DROP.sub("", raw)


def _vocab_index(vocab: dict[str, tuple[str, ...]]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    exact: dict[str, str] = {}
    contains: list[tuple[str, str]] = []
    for fld, words in vocab.items():
        for word in words:
            norm = header_norm(word)
            exact.setdefault(norm, fld)
            if len(norm) >= 2:
                contains.append((norm, fld))
    contains.sort(key=lambda item: -len(item[0]))
    return exact, contains


def match_header(text: object, vocab: dict[str, tuple[str, ...]],
                 memory: dict[str, str] | None = None) -> tuple[str | None, int]:
    """(field, strength) for one header cell: remembered 3, exact 2, contained 1."""
    norm = header_norm(text)
    if not norm:
        return None, 0
    if memory and norm in memory:
        return (memory[norm] or None), 3
    exact, contains = _vocab_index_cached(vocab)
    if norm in exact:
        return exact[norm], 2
    if len(norm) <= 24:
        for word, fld in contains:
            if word in norm and (len(word) >= 2 and (len(word) >= 3 or not word.isascii())):
                return fld, 1
    return None, 0


_INDEX_CACHE: dict[int, tuple[dict[str, str], list[tuple[str, str]]]] = {}


def _vocab_index_cached(vocab: dict[str, tuple[str, ...]]):  # type: ignore[no-untyped-def]
    key = id(vocab)
    if key not in _INDEX_CACHE:
        _INDEX_CACHE[key] = _vocab_index(vocab)
    return _INDEX_CACHE[key]


@dataclass(frozen=True)
class ColumnMapping:
    """Where the header is and which column holds which field (column index → field)."""

    sheet: str
    header_row: int                     # 0-based index into the sheet's rows
    headers: tuple[str, ...]            # header texts as written
    fields: dict[int, str] = field(default_factory=dict)
    how: dict[int, str] = field(default_factory=dict)  # column → 'name' | 'memory' | 'content' | 'user'
    # Why each mapped column got its field, with a confidence (orderdesk.intake.evidence).
    evidence: dict[int, Evidence] = field(default_factory=dict)
    # The customer of the whole file, named in a title or notes row ('需方：…').
    file_customer_id: str | None = None
    file_customer_text: str = ""

    def confidence(self, column: int) -> float:
        ev = self.evidence.get(column)
        if self.how.get(column) in ("user", "memory"):
            return 1.0
        return ev.confidence if ev is not None else 1.0

    @property
    def low_confidence(self) -> list[int]:
        """Mapped columns the user must confirm before anything imports."""
        return [c for c in sorted(self.fields) if self.confidence(c) < LOW_CONFIDENCE]

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.low_confidence)

    def reason(self, column: int, lang: str | None = None) -> str:
        """Why a column got its field ('by header 需方', 'by content: 98% …'), in the
        command-line language unless `lang` ('en' / 'zh') says otherwise."""
        how = self.how.get(column)
        if how in ("user", "memory"):
            return Evidence(how).sentence(lang)
        ev = self.evidence.get(column)
        return ev.sentence(lang) if ev else ""

    def column_of(self, fld: str) -> int | None:
        for col, name in self.fields.items():
            if name == fld:
                return col
        return None

    @property
    def fingerprint(self) -> str:
        """Identifies a file layout by its header texts, for remembering corrections."""
        text = "\x1f".join(header_norm(h) for h in self.headers)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]

    def with_field(self, column: int, fld: str | None) -> ColumnMapping:
        """A copy with one column re-assigned by the user (None = ignore the column)."""
        fields = {c: f for c, f in self.fields.items() if c != column and (fld is None or f != fld)}
        # 'user' stays on an ignored column too, so the correction is remembered.
        how = {c: h for c, h in self.how.items() if c in fields or h == "user"}
        if fld:
            fields[column] = fld
        how[column] = "user"
        evidence = {c: e for c, e in self.evidence.items() if c in fields and c != column}
        return ColumnMapping(self.sheet, self.header_row, self.headers, fields, how, evidence,
                             self.file_customer_id, self.file_customer_text)


def _score_row(row: list[object], vocab: dict[str, tuple[str, ...]],
               memory: dict[str, str] | None) -> tuple[int, dict[int, str], dict[int, str]]:
    best: dict[str, tuple[int, int]] = {}
    ignored: list[int] = []
    for col, cell in enumerate(row):
        if not isinstance(cell, str):
            continue
        fld, strength = match_header(cell, vocab, memory)
        if fld and (fld not in best or strength > best[fld][1]):
            best[fld] = (col, strength)
        elif fld is None and strength == 3:
            ignored.append(col)       # remembered as 'ignore this column'
    fields = {col: fld for fld, (col, _) in best.items()}
    how = {col: ("memory" if s == 3 else "name") for fld, (col, s) in best.items()}
    for col in ignored:
        how.setdefault(col, "memory")
    score = sum(s for _, s in best.values())
    return score, fields, how


def find_header(sheets: list[SheetData], vocab: dict[str, tuple[str, ...]] = ORDER_FIELDS,
                *, required: tuple[str, ...] = ORDER_REQUIRED, path: str = "",
                memory: dict[str, str] | None = None,
                known_skus: set[str] | None = None, catalog=None,  # type: ignore[no-untyped-def]
                today: dt.date | None = None) -> ColumnMapping:
    """The header row and column mapping of the best sheet; raises HeaderNotFound.

    Header rows are looked for by their words; a sheet whose header says nothing known
    ('列1', blank) is found by its content (the first rows holding catalog SKUs). Every
    candidate is mapped by evidence (see orderdesk.intake.evidence) and the one that
    explains the required fields best wins.
    """
    candidates: list[tuple[int, int, int, SheetData, int]] = []
    for order, sheet in enumerate(sheets):
        for index, row in enumerate(sheet.rows[:SEARCH_ROWS]):
            score, fields, how = _score_row(row, vocab, memory)
            texts = sum(1 for c in row if isinstance(c, str) and c.strip())
            if known_skus and any(isinstance(c, str) and sku_norm(c) in known_skus for c in row):
                continue   # a data row (it holds a catalog SKU), whatever words it has
            if len(fields) >= 2 or (fields and texts >= 3):
                hits = sum(1 for f in fields.values() if f in required)
                candidates.append((score + 3 * hits, texts, -order, sheet, index))
        if catalog is not None or known_skus:
            first = _first_sku_row(sheet, catalog, known_skus)
            if first is not None:
                candidates.append((0, 0, -order, sheet, first - 1))
    if not candidates:
        names = ", ".join(s.name for s in sheets)
        raise HeaderNotFound(path=path, sheet=names, searched_rows=SEARCH_ROWS,
                             required="/".join(required))
    candidates.sort(key=lambda c: (c[0], c[1], c[2], -c[4]), reverse=True)
    best: tuple[float, ColumnMapping] | None = None
    seen: set[tuple[str, int]] = set()
    for _, _, _, sheet, index in candidates[:8]:
        if (sheet.name, index) in seen:
            continue
        seen.add((sheet.name, index))
        mapping = map_columns(sheet, index, vocab, memory=memory, catalog=catalog,
                              known_skus=known_skus, today=today)
        found = [c for c, f in mapping.fields.items() if f in required]
        score = (3 * sum(mapping.confidence(c) for c in found)
                 + sum(mapping.confidence(c) for c in mapping.fields))
        if best is None or score > best[0] + 1e-9:
            best = (score, mapping)
    assert best is not None
    mapping = best[1]
    missing = [f for f in required if mapping.column_of(f) is None]
    if missing:
        raise MissingColumns(path=path, sheet=mapping.sheet, missing="/".join(missing),
                             mapping=mapping)
    return mapping


def _first_sku_row(sheet: SheetData, catalog, known_skus: set[str] | None) -> int | None:  # type: ignore[no-untyped-def]
    """Index of the first row (within SEARCH_ROWS) that holds a catalog SKU, if past row 0."""
    known = known_skus if known_skus is not None else set(getattr(catalog, "products", {}))
    for index, row in enumerate(sheet.rows[:SEARCH_ROWS]):
        if sum(1 for c in row if c is not None and cell_text(c)) < 2:
            continue
        if any(isinstance(c, str) and sku_norm(c) in known for c in row):
            return index
    return None


def header_fields(text: object, vocab: dict[str, tuple[str, ...]],
                  memory: dict[str, str] | None) -> dict[str, float] | None:
    """field -> header strength for one header cell; None = remembered as 'ignore'."""
    norm = header_norm(text)
    if not norm:
        return {}
    if memory and norm in memory:
        return {memory[norm]: 1.0} if memory[norm] else None
    exact, contains = _vocab_index_cached(vocab)
    if norm in exact:
        return {exact[norm]: 0.9}
    out: dict[str, float] = {}
    if len(norm) <= 24:
        longest = 0
        for word, fld in contains:   # longest words first
            # Latin words count at the start or end only ('qtyordered', 'orderqty'), so
            # 'tel' is not found inside 'bestellnummer'.
            if word in norm and (not word.isascii() or (len(word) >= 3 and (
                    norm.startswith(word) or norm.endswith(word)))):
                longest = longest or len(word)
                strength = 0.7 if len(word) == longest else 0.55
                out[fld] = max(out.get(fld, 0.0), strength)
    return out


def map_columns(sheet: SheetData, header_row: int, vocab: dict[str, tuple[str, ...]] = ORDER_FIELDS,
                *, memory: dict[str, str] | None = None, catalog=None,  # type: ignore[no-untyped-def]
                known_skus: set[str] | None = None,
                today: dt.date | None = None) -> ColumnMapping:
    """The best consistent assignment of fields to the columns below one header row.

    `today` (the day the file is read) tells a lone date column apart: order dates are
    never in the future, due dates rarely in the past."""
    headers = tuple(cell_text(c) for c in sheet.rows[header_row]) if header_row >= 0 else ()
    body = ev._body(sheet.rows[header_row + 1: header_row + 201])
    width = max([len(headers)] + [len(r) for r in body[:50]] + [0])
    if catalog is None and known_skus is not None:
        catalog = _SkuOnly(known_skus)
    facts = {c: ev.column_facts(ev._values(body, c), catalog) for c in range(width)}
    ints_somewhere = any(f.quantity >= 0.5 and f.integral >= 0.9 for f in facts.values())
    scored: list[tuple[float, int, str, Evidence]] = []
    ignored: list[int] = []
    for col in range(width):
        hf = header_fields(headers[col] if col < len(headers) else "", vocab, memory)
        if hf is None:
            ignored.append(col)
            continue
        remembered = bool(memory) and header_norm(headers[col] if col < len(headers) else "") in (memory or {})
        if header_norm(headers[col] if col < len(headers) else "") in _COUNTERS or (
                facts[col].counter and hf.get("quantity", 0) < 0.9):
            hf = {f: s for f, s in hf.items() if f not in ("quantity", "unit_price")}
        # A remembered column keeps what the user said; content does not re-claim it.
        cs = {} if remembered else ev.content_scores(facts[col], ints_somewhere)
        if _NOT_UNIT_VALUES.search(header_norm(headers[col] if col < len(headers) else "")):
            # 金额 / 价税合计 / 税额 / amount: numbers, but neither a unit price nor a quantity.
            cs = {f: v for f, v in cs.items() if f not in ("unit_price", "quantity")}
            hf = {f: v for f, v in hf.items() if f not in ("unit_price", "quantity")}
        for fld in set(hf) | set(cs):
            if fld not in vocab:
                continue
            conf, kind = ev.combine(hf.get(fld, 0.0), cs.get(fld), fld)
            if kind == "content" and fld in ev.DATE_FIELDS and any(
                    st >= 0.55 for f2, st in hf.items() if f2 in ev.DATE_FIELDS and f2 != fld):
                # The header says which date it is ('交期 Due Date'): the values, dates
                # either way, must not overrule it.
                conf *= 0.6
            elif kind == "content" and any(st >= 0.9 and cs.get(f2, (0.0,))[0] > 0.3
                                           for f2, st in hf.items() if f2 != fld):
                # The header names another field exactly and the values fit it too
                # ('数量(千个)' over 1.2, 3): the header wins over a content-only reading.
                conf *= 0.6
            if remembered:
                conf, kind = 1.0, "memory"
            content = cs.get(fld)
            scored.append((conf, col, fld, Evidence(
                kind, header=headers[col] if col < len(headers) else "",
                what=content[1] if content else "", share=round(100 * content[2]) if content else 0,
                confidence=round(conf, 2))))
    # Ties go to the earlier column, then to the field listed first in the vocabulary:
    # the same file always maps the same way.
    order = {f: i for i, f in enumerate(vocab)}
    scored.sort(key=lambda t: (-round(t[0], 6), t[1], order.get(t[2], 99)))
    fields: dict[int, str] = {}
    evidence: dict[int, Evidence] = {}
    for conf, col, fld, e in scored:
        if conf < ev.ACCEPT or col in fields or fld in fields.values():
            continue
        fields[col] = fld
        evidence[col] = e
    _order_dates(fields, evidence, facts, today)
    _scaled_quantity_header(fields, evidence, headers)
    how = {c: ("memory" if e.kind == "memory" else "content" if e.kind.startswith("content")
               else "name") for c, e in evidence.items()}
    for col in ignored:
        how[col] = "memory"
    mapping = ColumnMapping(sheet.name, header_row, headers, fields, how, evidence)
    if catalog is not None and not isinstance(catalog, _SkuOnly) and not any(
            f in ev.CUSTOMER_FIELDS for f in fields.values()):
        cid, text = ev.title_customer(sheet.rows[:max(header_row, 0)], catalog)
        if cid:
            mapping = replace(mapping, file_customer_id=cid, file_customer_text=text)
    return mapping


def _order_dates(fields: dict[int, str], evidence: dict[int, Evidence], facts,  # type: ignore[no-untyped-def]
                 today: dt.date | None = None) -> None:
    """Two date columns the headers do not tell apart: the earlier is the order date.

    A single date column known by content only may be either: it is left for the user.
    """
    cols = {f: c for c, f in fields.items() if f in ev.DATE_FIELDS}
    weak = {f: c for f, c in cols.items() if evidence[c].kind == "content"}
    if len(cols) == 2 and weak:
        o, r = cols["order_time"], cols["requested_date"]
        mo, mr = facts[o].mean_date, facts[r].mean_date
        if mo is not None and mr is not None and mo > mr and len(weak) == 2:
            fields[o], fields[r] = "requested_date", "order_time"
            o, r = r, o
        if len(weak) == 2:
            for c, what in ((o, "earlier"), (r, "later")):
                e = evidence[c]
                evidence[c] = Evidence("content_order", e.header, what, e.share, 0.75)
    elif len(cols) == 1 and weak:
        # One date column nothing names: on an order sheet rather the due date (the order
        # time defaults to when it came in), but the user confirms.
        f, c = next(iter(weak.items()))
        e = evidence[c]
        first, last = facts[c].first_date, facts[c].last_date
        if today is not None and first is not None and first > today.toordinal():
            # Every date after today: no order date can be; due dates are.
            fields[c] = "requested_date"
            evidence[c] = Evidence("content_today", e.header, "later", e.share, 0.75)
        elif today is not None and last is not None and last <= today.toordinal():
            fields[c] = "order_time"
            evidence[c] = Evidence("content_today", e.header, "earlier", e.share, 0.7)
        else:
            fields[c] = "requested_date"
            evidence[c] = Evidence(e.kind, e.header, e.what, e.share, min(e.confidence, 0.55))


_SCALE_IN_HEADER = re.compile(r"[(（\[【][^)）\]】]*(千|万|k|kpcs|thousand)[^)）\]】]*[)）\]】]", re.I)


def _scaled_quantity_header(fields: dict[int, str], evidence: dict[int, Evidence],
                            headers: tuple[str, ...]) -> None:
    """'数量(千个)', 'Qty (K)': the values are in thousands. Not multiplied on a guess:
    the column is marked for the user to confirm."""
    for col, fld in fields.items():
        if fld == "quantity" and col < len(headers) and _SCALE_IN_HEADER.search(
                half_width(headers[col])):
            e = evidence[col]
            evidence[col] = Evidence(e.kind, e.header, e.what, e.share, min(e.confidence, 0.4))


class _SkuOnly:
    """A catalog stand-in that knows SKUs only (callers that pass known_skus)."""

    def __init__(self, skus: set[str]) -> None:
        self.products = {s: True for s in skus}
        self.by_code: dict[str, str] = {}
        self.by_phone: dict[str, str] = {}

    def product(self, sku: str):  # type: ignore[no-untyped-def]
        return self.products.get(sku_norm(sku))

    def match_customer(self, code, phone, name):  # type: ignore[no-untyped-def]
        return None, ""


def _column_values(body: Iterable[list[object]], col: int) -> list[object]:
    values = []
    for row in body:
        if is_blank_row(row):
            continue
        value = row[col] if col < len(row) else None
        if value is not None and cell_text(value):
            values.append(value)
    return values


def _share(values: list[object], test) -> float:  # type: ignore[no-untyped-def]
    if not values:
        return 0.0
    ok = 0
    for v in values:
        try:
            if test(v):
                ok += 1
        except ValueError:
            pass
    return ok / len(values)


def _infer_by_content(headers: tuple[str, ...], body: list[list[object]], fields: dict[int, str],
                      how: dict[int, str], required: tuple[str, ...],
                      known_skus: set[str] | None) -> None:
    """Map still-missing fields from what unmapped columns contain."""
    width = max([len(headers)] + [len(r) for r in body[:50]])
    # A column remembered or set as 'ignore' stays ignored: content must not re-claim it.
    free = [c for c in range(width) if c not in fields and how.get(c) not in ("memory", "user")]

    def claim(fld: str, test, threshold: float) -> None:  # type: ignore[no-untyped-def]
        if fld in fields.values():
            return
        for col in free:
            if col in fields:
                continue
            values = _column_values(body, col)
            if len(values) >= 1 and _share(values, test) >= threshold:
                fields[col] = fld
                how[col] = "content"
                return

    if known_skus is not None:
        claim("sku", lambda v: sku_norm(cell_text(v)) in known_skus, 0.6)
    claim("phone", lambda v: bool(re.fullmatch(r"1[3-9]\d{9}", phone_norm(cell_text(v)))), 0.8)
    if "quantity" in required:
        free[:] = [c for c in free if not _is_row_counter(_column_values(body, c))
                   and header_norm(headers[c] if c < len(headers) else "") not in _COUNTERS]
        claim("quantity", lambda v: not isinstance(v, str) or bool(re.fullmatch(
            r"[\d,，.]+\s*(个|件|pcs|只|套)?", half_width(v).strip().lower()))
              and parse_quantity(v) > 0 and not _looks_like_date(v), 0.9)
    claim("requested_date", lambda v: _looks_like_date(v), 0.9)


_NOT_UNIT_VALUES = re.compile(r"金额|合计|总价|总额|价税|税额|税率|税金|重量|毛重|净重|体积|箱数|"
                              r"amount|total|subtotal|tax|weight|volume|cartons?$", re.I)
_COUNTERS = {"序号", "行号", "no", "#", "seq", "line", "项次", "编号"}


def _is_row_counter(values: list[object]) -> bool:
    """1, 2, 3, ... down a column: a line counter, not a quantity."""
    try:
        numbers = [int(float(cell_text(v))) for v in values[:20]]
    except ValueError:
        return False
    return len(numbers) >= 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _looks_like_date(value: object) -> bool:
    import datetime as dt

    if isinstance(value, (dt.date, dt.datetime)):
        return True
    if isinstance(value, str) and re.search(r"\d{4}[-/.年]\d{1,2}|\d{1,2}月\d{1,2}", value):
        try:
            parse_datetime(value)
            return True
        except ValueError:
            return False
    return False
