"""Order-sheet corpus: a base customer sheet and one property varied at a time.

`generate(folder)` writes the files and returns cases: {id, prop, value, path,
default_customer, expect: [per data row {customer, po, sku, quantity, order_date,
due_date, price}]}. Header vocabularies are those of VAT invoices, 金蝶, 用友, SAP and
Taobao/JD/PDD exports, plus headers that say nothing (content must decide).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from .catalog import CUSTOMERS, PRODUCTS, code_formats

FIELDS = ("customer", "po", "sku", "quantity", "order_date", "due_date", "price")

# header words per vocabulary; None = the column is absent in that export
VOCABS: dict[str, dict[str, str]] = {
    "generic_cn": {"customer": "客户名称", "po": "客户PO", "sku": "物料编码", "quantity": "数量",
                   "order_date": "下单日期", "due_date": "交货日期", "price": "单价"},
    "vat_invoice": {"customer": "购买方", "po": "合同号", "sku": "规格型号", "quantity": "数量",
                    "order_date": "开票日期", "due_date": "交付日期", "price": "单价(不含税)"},
    "kingdee": {"customer": "购货单位", "po": "单据编号", "sku": "物料代码", "quantity": "基本单位数量",
                "order_date": "日期", "due_date": "交货日期", "price": "含税单价"},
    "yonyou": {"customer": "客户简称", "po": "订单号", "sku": "存货编码", "quantity": "数量",
               "order_date": "订单日期", "due_date": "预发货日期", "price": "原币含税单价"},
    "sap": {"customer": "Sold-to Party", "po": "Purchase Order No.", "sku": "Material",
            "quantity": "Order Quantity", "order_date": "Document Date",
            "due_date": "Req. Deliv. Date", "price": "Net Price"},
    "taobao": {"customer": "买家会员名", "po": "订单编号", "sku": "商家编码", "quantity": "购买数量",
               "order_date": "订单创建时间", "due_date": "预计发货时间", "price": "商品价格"},
    "jd": {"customer": "客户姓名", "po": "订单号", "sku": "商品货号", "quantity": "订购数量",
           "order_date": "下单时间", "due_date": "期望送达时间", "price": "京东价"},
    "pdd": {"customer": "收货人", "po": "订单号", "sku": "商品规格编码", "quantity": "商品数量(件)",
            "order_date": "订单成交时间", "due_date": "承诺发货时间", "price": "商品单价"},
    "po_words": {"customer": "需方", "po": "PO号", "sku": "图号", "quantity": "订货量",
                 "order_date": "订单日期", "due_date": "要求到货日", "price": "单价"},
    "english_misc": {"customer": "Buyer", "po": "Order No", "sku": "Item Code", "quantity": "Qty",
                     "order_date": "Date", "due_date": "Ship Date", "price": "Price"},
    "sap_de": {"customer": "Kunde", "po": "Bestellnummer", "sku": "Materialnummer",
               "quantity": "Menge", "order_date": "Belegdatum", "due_date": "Lieferdatum",
               "price": "Preis"},
    "english_caps": {"customer": "CUSTOMER NAME", "po": "PO #", "sku": "P/N",
                     "quantity": "QTY (PCS)", "order_date": "ORDER DATE", "due_date": "DUE DATE",
                     "price": "UNIT PRICE (USD)"},
    "bilingual": {"customer": "客户 Customer", "po": "订单号 PO No.", "sku": "料号 Part No.",
                  "quantity": "数量 Qty", "order_date": "下单日期 Order Date",
                  "due_date": "交期 Due Date", "price": "单价 Price"},
    "kingdee_cloud": {"customer": "客户", "po": "单据编号", "sku": "物料编码", "quantity": "销售数量",
                      "order_date": "日期", "due_date": "要货日期", "price": "含税单价"},
    "abbreviations": {"customer": "客户", "po": "PO", "sku": "料号", "quantity": "数",
                      "order_date": "日期", "due_date": "交期", "price": "价"},
    "blank_headers": {"customer": "列1", "po": "列2", "sku": "列3", "quantity": "列4",
                      "order_date": "列5", "due_date": "列6", "price": "列7"},
    "unseen_words": {"customer": "往来单位", "po": "凭证号", "sku": "零件号", "quantity": "件数",
                     "order_date": "录入日期", "due_date": "需求日期", "price": "价格"},
}

PROPERTIES: dict[str, list[str]] = {
    "vocabulary": list(VOCABS),
    "customer_by": ["code", "name", "alias", "phone", "title_row", "notes_row", "phone_dashes",
                    "code_and_name", "labelled_title"],
    "date_style": ["iso", "slash", "dotted", "yyyymmdd_int", "datetime", "cn", "serial",
                   "dotted_short", "datetime_text", "yyyymmdd_text", "md_cn"],
    "qty_style": ["int", "comma_decimal", "pcs_suffix", "wan", "float", "unit_cn", "comma_pcs",
                  "decimal_zero", "text_int"],
    "price_style": ["plain", "yuan_sign", "yuan_suffix", "text_decimal"],
    "sku_style": ["canonical", "lower", "no_hyphen", "full_width", "spaces", "dotted"],
    "layout": ["plain", "title_rows", "subtotals", "seq_col", "blank_rows", "totals",
               "shuffled_cols", "extra_cols", "two_header_rows", "notes_at_bottom", "empty_cols",
               "total_cn"],
    "file_format": ["xlsx", "csv_utf8", "csv_gbk", "csv_bom", "csv_gb18030"],
}

BASE = {"vocabulary": "generic_cn", "customer_by": "name", "date_style": "iso",
        "qty_style": "int", "sku_style": "canonical", "layout": "plain", "file_format": "xlsx",
        "price_style": "plain"}
EXCEL_EPOCH = dt.date(1899, 12, 30)


def _date(d: dt.date, style: str) -> object:
    if style == "iso":
        return d.isoformat()
    if style == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if style == "dotted":
        return f"{d.year}.{d.month}.{d.day}"
    if style == "dotted_short":
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    if style == "yyyymmdd_int":
        return int(d.strftime("%Y%m%d"))
    if style == "datetime":
        return dt.datetime(d.year, d.month, d.day, 9, 0)
    if style == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "serial":
        return (d - EXCEL_EPOCH).days
    if style == "datetime_text":
        return f"{d.year}/{d.month:02d}/{d.day:02d} 10:00:00"
    if style == "yyyymmdd_text":
        return d.strftime("%Y%m%d")
    if style == "md_cn":
        return f"{d.month}月{d.day}日"
    raise ValueError(style)


def _qty(n: int, style: str) -> object:
    if style == "int":
        return n
    if style == "comma_decimal":
        return f"{n:,}.00"
    if style == "pcs_suffix":
        return f"{n} PCS"
    if style == "wan":
        return f"{(Decimal(n) / 10000).normalize():f}万" if n % 1000 == 0 and n >= 10000 else n
    if style == "float":
        return float(n)
    if style == "unit_cn":
        return f"{n}个"
    if style == "comma_pcs":
        return f"{n:,} pcs"
    if style == "decimal_zero":
        return f"{n}.0"
    if style == "text_int":
        return str(n)
    raise ValueError(style)


def _rows(rng: random.Random, n: int, cust: tuple, *, single_customer: bool) -> list[dict]:
    out = []
    base = dt.date(2026, 3, 2)
    po_no = rng.randint(1000, 8999)
    po = f"PO{po_no}"
    for i in range(n):
        c = cust if single_customer else rng.choice(CUSTOMERS)
        if i % 3 == 0:     # a new PO every three lines (several lines per order)
            po_no += rng.randint(1, 40)
            po = rng.choice([f"PO{po_no}", f"4500{po_no}", f"HR-{po_no}"])
        order_date = base - dt.timedelta(days=rng.randint(0, 3))
        out.append({"cust": c, "po": po, "sku": rng.choice(PRODUCTS)[0],
                    "quantity": rng.choice([1000, 1200, 2000, 3000, 5000, 12000, 20000, 800]),
                    "order_date": order_date,
                    "due_date": order_date + dt.timedelta(days=rng.randint(12, 40)),
                    "price": Decimal(rng.choice(["0.85", "1.25", "2.4", "12.5", "0.32"]))})
    return out


def _customer_cell(c: tuple, how: str) -> str:
    code, name, aliases, contact, phone = c
    if how == "phone_dashes":
        return f"{phone[:3]}-{phone[3:7]}-{phone[7:]}"
    return {"code": code, "name": name, "alias": aliases[0], "phone": phone,
            "code_and_name": name}[how]


def _price(p: Decimal, style: str, rng: random.Random) -> object:
    if style == "plain":
        return str(p) if rng.random() < .5 else float(p)
    if style == "yuan_sign":
        return f"¥{p}"
    if style == "yuan_suffix":
        return f"{p}元"
    if style == "text_decimal":
        return f"{p:.2f}"
    raise ValueError(style)


def build(folder: Path, sheet_id: str, settings: dict[str, str], seed: int) -> dict:
    rng = random.Random(seed)
    vocab = VOCABS[settings["vocabulary"]]
    how = settings["customer_by"]
    cust = rng.choice(CUSTOMERS)
    in_header = how in ("title_row", "notes_row", "labelled_title")
    rows = _rows(rng, rng.randint(6, 14), cust, single_customer=in_header or rng.random() < .5)
    fields = [f for f in FIELDS if not (in_header and f == "customer")]
    extras = []
    if settings["layout"] == "seq_col":
        extras.append("序号")
    if settings["layout"] == "extra_cols":
        fields = fields + ["name", "remark"]
    if how == "code_and_name":
        fields = ["customer_code"] + fields
    if settings["layout"] == "empty_cols":
        fields = fields[:2] + ["empty"] + fields[2:4] + ["empty2"] + fields[4:]
    if settings["layout"] == "shuffled_cols":
        rng.shuffle(fields)
    header = extras + [vocab.get(f, {"name": "品名", "remark": "备注", "customer_code": "客户编码",
                                     "empty": None, "empty2": None}.get(f, f)) for f in fields]
    table: list[list[object]] = []
    if settings["layout"] == "two_header_rows":
        table.append(["订单信息", None, None, "物料信息", None, None, "价格"])
    if settings["layout"] == "title_rows":
        table += [[f"{cust[1]} 采购订单"], ["制表人：王工", None, "日期：2026-03-02"], []]
    if how == "title_row":
        table += [[f"{cust[1]} 采购订单"], []]
    if how == "notes_row":
        table += [["采购订单"], [f"需方：{cust[1]}"], [f"联系人：{cust[3]}"], []]
    if how == "labelled_title":
        table += [["订 货 单"], [f"客户：{cust[2][0]}", None, "供方：本公司", None, "日期：2026-03-02"], []]
    table.append(header)
    sku_fmt = settings["sku_style"]
    expect = []
    for i, r in enumerate(rows):
        cells: list[object] = [i + 1] if extras else []
        for f in fields:
            if f == "customer":
                cells.append(_customer_cell(r["cust"], how))
            elif f == "po":
                cells.append(r["po"])
            elif f == "sku":
                cells.append(code_formats(r["sku"])[sku_fmt])
            elif f == "quantity":
                cells.append(_qty(r["quantity"], settings["qty_style"]))
            elif f in ("order_date", "due_date"):
                cells.append(_date(r[f], settings["date_style"]))
            elif f == "price":
                cells.append(_price(r["price"], settings["price_style"], rng))
            elif f == "customer_code":
                cells.append(r["cust"][0])
            elif f in ("empty", "empty2"):
                cells.append(None)
            elif f == "name":
                cells.append(next(p[1] for p in PRODUCTS if p[0] == r["sku"]))
            elif f == "remark":
                cells.append(rng.choice(["", "", "按图纸", "加急", "2号仓"]))
        table.append(cells)
        expect.append({"customer": r["cust"][0], "po": r["po"], "sku": r["sku"],
                       "quantity": Decimal(r["quantity"]), "order_date": r["order_date"],
                       "due_date": r["due_date"], "price": r["price"]})
        if settings["layout"] == "subtotals" and i % 3 == 2:
            sub = [None] * len(header)
            sub[0] = "小计"
            sub[header.index(vocab["quantity"])] = sum(x["quantity"] for x in rows[i - 2:i + 1])
            table.append(sub)
        if settings["layout"] == "blank_rows" and i % 4 == 1:
            table.append([])
    if settings["layout"] in ("totals", "subtotals", "total_cn"):
        tot = [None] * len(header)
        tot[0] = "总计" if settings["layout"] == "total_cn" else "合计"
        tot[header.index(vocab["quantity"])] = sum(x["quantity"] for x in rows)
        table.append(tot)
    if settings["layout"] == "notes_at_bottom":
        table += [[], ["备注：请按时交货，质量问题请及时反馈"], ["制单：王工  审核：李经理"]]
    fmt = settings["file_format"]
    name = f"{sheet_id.replace(':', '_')}"
    if fmt == "xlsx":
        wb = Workbook()
        ws = wb.active
        ws.title = "订单"
        for row in table:
            ws.append(row)
        path = folder / f"{name}.xlsx"
        wb.save(path)
    else:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        for row in table:
            w.writerow(["" if v is None else (v.strftime("%Y-%m-%d %H:%M") if isinstance(v, dt.datetime) else v)
                        for v in row])
        enc = {"csv_utf8": "utf-8", "csv_gbk": "gbk", "csv_bom": "utf-8-sig",
               "csv_gb18030": "gb18030"}[fmt]
        path = folder / f"{name}.csv"
        path.write_bytes(buf.getvalue().encode(enc))
    return {"id": sheet_id, "prop": None, "value": None, "path": path, "expect": expect,
            "settings": settings}


def combo_cases(folder: Path, n: int = 20, seed: int = 11) -> list[dict]:
    """Every property drawn at random at once."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    cases = []
    for i in range(n):
        settings = {prop: rng.choice(values) for prop, values in PROPERTIES.items()}
        if settings["vocabulary"] in ("blank_headers", "unseen_words", "abbreviations") and \
                settings["date_style"] in ("serial",):
            settings["date_style"] = "iso"   # serial numbers under headers that say nothing: see tests
        case = build(folder, f"combo:{i}", settings, seed * 1000 + i)
        case["prop"], case["value"] = "combo", "all_random"
        cases.append(case)
    return cases


def generate(folder: Path, per_value: int = 1, seed: int = 7) -> list[dict]:
    folder.mkdir(parents=True, exist_ok=True)
    cases = []
    n = 0
    for prop, values in PROPERTIES.items():
        for value in values:
            for i in range(per_value):
                settings = dict(BASE)
                settings[prop] = value
                n += 1
                case = build(folder, f"{prop}:{value}:{i}", settings, seed * 1000 + n)
                case["prop"], case["value"] = prop, value
                cases.append(case)
    return cases
