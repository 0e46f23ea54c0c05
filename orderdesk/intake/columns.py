"""Column vocabulary and header detection: which row names the columns, and which is which.

A header is looked for in the first 30 rows of every sheet (title rows, blank rows and
merged cells may sit above it); the sheet whose best row names the most known fields
wins. Columns are mapped by name in Chinese and English; required fields whose names
failed are then looked for by content (values that are known SKUs, numbers, phones).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from orderdesk.intake.errors import HeaderNotFound, MissingColumns
from orderdesk.intake.readers import SheetData
from orderdesk.intake.values import cell_text, is_blank_row, parse_datetime, parse_quantity
from orderdesk.normalize import half_width, phone_norm, sku_norm

SEARCH_ROWS = 30

ORDER_FIELDS: dict[str, tuple[str, ...]] = {
    "channel_order_no": ("渠道单号", "订单编号", "订单号", "单号", "订单no", "orderno", "order#",
                         "ordernumber", "orderid", "平台单号", "外部单号", "网店单号", "交易单号",
                         "子订单号", "主订单编号", "销售单号", "订单"),
    "customer_po": ("客户po", "po", "pono", "po#", "ponumber", "采购单号", "采购订单号",
                    "客户订单号", "客户单号", "purchaseorder", "customerpo", "合同号"),
    "sku": ("物料编码", "料号", "物料号", "物料代码", "产品编码", "商品编码", "货号", "产品编号",
            "产品代码", "零件号", "图号", "partno", "part#", "partnumber", "sku", "itemno",
            "itemcode", "商家编码", "规格编码", "型号", "productcode", "material"),
    "product_name": ("品名", "产品名称", "物料名称", "商品名称", "名称", "description",
                     "productname", "itemname", "item", "商品", "产品"),
    "spec": ("规格", "规格型号", "spec", "specification"),
    "quantity": ("数量", "订货数量", "订购数量", "采购数量", "下单数量", "购买数量", "qty",
                 "quantity", "件数", "订单数量", "数量pcs", "orderqty"),
    "requested_date": ("交期", "要求交货日期", "交货日期", "需求日期", "到货日期", "要求到货日期",
                       "deliverydate", "duedate", "requireddate", "requesteddate", "交货期",
                       "要求交期", "需求交期", "期望交期", "shipdate"),
    "unit_price": ("单价", "unitprice", "price", "含税单价", "价格", "不含税单价"),
    "order_time": ("下单时间", "下单日期", "订单日期", "订单时间", "日期", "orderdate",
                   "ordertime", "创建时间", "付款时间", "date", "制单日期"),
    "channel": ("渠道", "来源", "channel", "source", "平台", "订单来源"),
    "customer_code": ("客户编码", "客户代码", "客户编号", "customercode", "customerno",
                      "custcode", "customerid", "客户id"),
    "customer_name": ("客户名称", "客户", "客户名", "公司名称", "买家", "customer",
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
        return ColumnMapping(self.sheet, self.header_row, self.headers, fields, how)


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
                known_skus: set[str] | None = None) -> ColumnMapping:
    """The header row and column mapping of the best sheet; raises HeaderNotFound."""
    candidates: list[tuple[int, int, SheetData, int, dict[int, str], dict[int, str]]] = []
    for order, sheet in enumerate(sheets):
        for index, row in enumerate(sheet.rows[:SEARCH_ROWS]):
            score, fields, how = _score_row(row, vocab, memory)
            texts = sum(1 for c in row if isinstance(c, str) and c.strip())
            # One named column is enough if the row looks like a header (several text
            # cells): the rest may be found by content below.
            if len(fields) >= 2 or (fields and texts >= 3):
                hits = sum(1 for f in fields.values() if f in required)
                candidates.append((score + 3 * hits, texts, -order, sheet, index, fields, how))
    if not candidates:
        names = ", ".join(s.name for s in sheets)
        raise HeaderNotFound(path=path, sheet=names, searched_rows=SEARCH_ROWS,
                             required="/".join(required))
    candidates.sort(key=lambda c: (c[0], c[1], c[2], -c[4]), reverse=True)
    _, _, _, sheet, index, fields, how = candidates[0]
    headers = tuple(cell_text(c) for c in sheet.rows[index])
    fields, how = dict(fields), dict(how)
    body = sheet.rows[index + 1: index + 201]
    _infer_by_content(headers, body, fields, how, required, known_skus)
    mapping = ColumnMapping(sheet.name, index, headers, fields, how)
    missing = [f for f in required if mapping.column_of(f) is None]
    if missing:
        raise MissingColumns(path=path, sheet=sheet.name, missing="/".join(missing),
                             mapping=mapping)
    return mapping


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
