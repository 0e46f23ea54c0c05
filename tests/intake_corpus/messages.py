"""Chat-message corpus: one base message, and one property varied at a time.

Each case is a dict: id, prop (the property varied), value (its value), text,
sender_phone, and expect = {kind, customer, lines [(sku, qty)], urgent, due,
change_number, flag} where `flag` says the right answer is to ask the user (an unknown
code, a number nothing explains). Written from the issue and DOMAIN.md, not from the parser.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from .catalog import CUSTOMERS, PRODUCTS, code_formats

NOW = dt.datetime(2026, 3, 2, 10, 0)
DIGITS = "零一二三四五六七八九"


def cn_number(n: int, *, liang: bool = True) -> str:
    """Chinese numerals the long way: 3500 -> 三千五百, 12000 -> 一万二千."""
    if n == 0:
        return "零"
    out = ""
    wan, rest = divmod(n, 10000)
    if wan:
        out += cn_number(wan, liang=liang) + "万"
        if rest and rest < 1000:
            out += "零"
    units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    zero = False
    for size, name in units:
        d, rest = divmod(rest, size)
        if d:
            if zero:
                out += "零"
                zero = False
            digit = "两" if (liang and d == 2 and size >= 100) else DIGITS[d]
            if size == 10 and d == 1 and not out:
                digit = ""
            out += digit + name
        elif out:
            zero = True
    return out


def cn_short(n: int) -> str | None:
    """The spoken short form: 2500 -> 两千五, 12000 -> 一万二, 1500 -> 一千五."""
    for size, name, next_size in ((10000, "万", 1000), (1000, "千", 100)):
        lead, rest = divmod(n, size)
        if 1 <= lead <= 9 and rest and rest % next_size == 0 and rest // next_size <= 9:
            head = "两" if lead == 2 else DIGITS[lead]
            return head + name + DIGITS[rest // next_size]
    return None


def render_qty(n: int, style: str, rng: random.Random) -> str | None:
    """The quantity n written in a style, or None when the style cannot write it."""
    if style == "arabic":
        return str(n)
    if style == "comma":
        return f"{n:,}" if n >= 1000 else None
    if style == "cn_full":
        return cn_number(n)
    if style == "cn_short":
        return cn_short(n)
    if style == "wan_decimal":
        if n % 1000 or n < 1000:
            return None
        w = Decimal(n) / 10000
        return f"{w.normalize():f}万"
    if style == "w_k":
        if n % 10000 == 0:
            return f"{n // 10000}w"
        if n >= 10000 and n % 1000 == 0:
            return f"{n // 10000}w{(n % 10000) // 1000}"
        if n % 1000 == 0:
            return f"{n // 1000}k"
        if n % 100 == 0 and n > 1000:
            return rng.choice([f"{n // 1000}k{(n % 1000) // 100}", f"{n / 1000:g}k"])
        return None
    if style == "cn_formal":
        return cn_number(n, liang=False) if n >= 1000 else None
    if style == "mixed_cn":
        # Arabic digits with Chinese scales: 3千5, 1万2, 2万, 8千
        if n % 10000 == 0:
            return f"{n // 10000}万"
        if n > 10000 and n % 1000 == 0 and (n % 10000) // 1000 and n < 100000:
            return f"{n // 10000}万{(n % 10000) // 1000}"
        if 1000 < n < 10000 and n % 100 == 0 and n % 1000:
            return f"{n // 1000}千{(n % 1000) // 100}"
        return None
    if style == "decimal_scale":
        if n >= 10000 and n % 1000 == 0:
            return rng.choice([f"{n / 10000:g}w", f"{n / 10000:g}W", f"{n / 10000:g}万"])
        if n >= 1000 and n % 100 == 0 and n % 1000:
            return rng.choice([f"{n / 1000:g}k", f"{n / 1000:g}K", f"{n / 1000:g}千"])
        return None
    if style == "qian":
        if n % 1000 == 0 and n < 10000:
            return f"{n // 1000}千"
        if n % 10000 == 0:
            return f"{n // 10000}万"
        return None
    raise ValueError(style)


QTYS = [120, 500, 600, 1200, 1500, 2000, 2500, 3500, 5000, 8000, 12000, 15000, 20000, 25000]
UNITS = ["个", "pcs", "PCS", "只", "件", ""]
DUE_FORMS = [("3月20日前交", dt.date(2026, 3, 20)), ("3月25号要", dt.date(2026, 3, 25)),
             ("交期4月8日", dt.date(2026, 4, 8)), ("2026-03-18交货", dt.date(2026, 3, 18))]

PROPERTIES: dict[str, list[str]] = {
    "token_order": ["sku_qty", "qty_sku", "qty_unit_sku", "label_qty", "sku_unit_qty",
                    "paren_qty", "qty_of_sku", "sku_newline_qty", "sku_qty_is"],
    "numeral": ["arabic", "comma", "cn_full", "cn_short", "wan_decimal", "w_k", "qian",
                "cn_formal", "mixed_cn", "decimal_scale"],
    "code_format": list(code_formats("A-1").keys()),
    "separator": ["space", "none", "x", "×", "*", "数量：", "tab", "colon", "equals", "dash",
                  "slash", "fw_colon", "qty_en"],
    "layout": ["single", "newlines", "numbered_dot", "numbered_dun", "dun_list", "semicolon",
               "comma", "bullets", "tab_table", "paren_numbers", "blank_lines", "space_only"],
    "vocabulary": ["plain", "greeting", "thanks", "urgent_cn", "urgent_en", "asap", "pls",
                   "due_date", "english", "not_urgent", "rush_en", "due_slash", "so_ref"],
    "customer": ["alias", "full_name", "code", "sender_phone", "contact_phone_in_text"],
    "kind": ["change_modify", "change_modify_to", "change_add", "change_reduce",
             "change_cancel", "change_pause", "change_hold", "change_delay",
             "change_advance", "change_qty_to_en", "change_due_to", "change_cancel_en",
             "change_add_more", "not_order"],
    "noise": ["none", "unknown_code", "stray_number"],
}


def _item(rng: random.Random, sku: str, qty: int, *, order: str = "sku_qty",
          numeral: str = "arabic", code_format: str = "canonical", sep: str | None = None,
          unit: str | None = None) -> str:
    code = code_formats(sku)[code_format]
    q = render_qty(qty, numeral, rng)
    assert q is not None
    if unit is None:
        # a unit glued to a Chinese numeral reads naturally; leave English ones off them
        unit = rng.choice(["个", "只", "件"]) if numeral.startswith("cn") else rng.choice(UNITS)
    if sep is not None:
        s = {"space": " ", "none": "", "x": " x ", "×": "×", "*": "*", "数量：": " 数量：",
             "tab": "\t", "colon": ": ", "equals": "=", "dash": " - ", "slash": " / ",
             "fw_colon": "：", "qty_en": " qty "}[sep]
        if sep == "none" and code[-1:].isdigit() and q[:1].isdigit():
            s = "，"   # glued digits are unreadable to anyone; people put a comma there
        return f"{code}{s}{q}{unit}"
    if order == "sku_qty":
        return f"{code} {q}{unit}"
    if order == "qty_sku":
        return f"{q}{unit} {code}"
    if order == "qty_unit_sku":
        return f"{q}{unit or '个'}{code}"
    if order == "label_qty":
        return f"型号{code}，数量{q}{unit}"
    if order == "sku_unit_qty":
        return f"{code}要{q}{unit}"
    if order == "paren_qty":
        return f"{code}（{q}{unit or '个'}）"
    if order == "qty_of_sku":
        return f"{q}{unit or '个'}的{code}"
    if order == "sku_newline_qty":
        return f"{code}\n{q}{unit}"
    if order == "sku_qty_is":
        return f"{code}的数量是{q}{unit}"
    raise ValueError(order)


def _pick_qty(rng: random.Random, numeral: str) -> tuple[int, str]:
    while True:
        q = rng.choice(QTYS)
        if render_qty(q, numeral, rng) is not None:
            return q, numeral


def _customer_words(rng: random.Random, how: str) -> tuple[str, str | None, str]:
    """(prefix text, sender phone, expected code)."""
    code, name, aliases, contact, phone = rng.choice(CUSTOMERS)
    if how == "alias":
        return rng.choice(aliases) + rng.choice(["：", "，", " ", "这边"]), None, code
    if how == "full_name":
        return name + "，", None, code
    if how == "code":
        return f"客户{code} ", None, code
    if how == "sender_phone":
        return "", phone, code
    if how == "contact_phone_in_text":
        return f"{contact} {phone[:3]}-{phone[3:7]}-{phone[7:]}，", None, code
    raise ValueError(how)


def _base(rng: random.Random) -> dict[str, object]:
    return {"order": "sku_qty", "numeral": "arabic", "code_format": "canonical", "sep": None,
            "layout": "single", "vocab": "plain", "customer": "alias", "noise": "none"}


def _order_case(rng: random.Random, settings: dict[str, object]) -> tuple[str, str | None, dict]:
    prefix, sender, cust = _customer_words(rng, str(settings["customer"]))
    n_items = 1 if settings["layout"] == "single" else rng.choice([2, 3])
    skus = rng.sample([p[0] for p in PRODUCTS], n_items)
    items, lines = [], []
    for sku in skus:
        qty, numeral = _pick_qty(rng, str(settings["numeral"]))
        items.append(_item(rng, sku, qty, order=str(settings["order"]), numeral=numeral,
                           code_format=str(settings["code_format"]),
                           sep=settings["sep"])) # type: ignore[arg-type]
        lines.append((sku, qty))
    flag = False
    if settings["noise"] == "unknown_code":
        items.append(f"XQZ-{rng.randint(100, 999)}-{rng.randint(10, 99)} {rng.choice(QTYS)}个")
        flag = True
    layout = settings["layout"]
    if layout in ("single",):
        body = "，".join(items)
    elif layout == "newlines":
        body = "\n".join(items)
    elif layout == "numbered_dot":
        body = "\n".join(f"{i}. {t}" for i, t in enumerate(items, 1))
    elif layout == "numbered_dun":
        body = "\n".join(f"{i}、{t}" for i, t in enumerate(items, 1))
    elif layout == "dun_list":
        body = "、".join(items)
    elif layout == "semicolon":
        body = "；".join(items)
    elif layout == "comma":
        body = "，".join(items)
    elif layout == "bullets":
        body = "\n".join(f"- {t}" for t in items)
    elif layout == "tab_table":
        # pasted from Excel: a header row, then code<TAB>quantity rows
        rows = [f"{code_formats(sku)[str(settings['code_format'])]}\t{q}" for sku, q in lines]
        body = "型号\t数量\n" + "\n".join(rows)
    elif layout == "paren_numbers":
        body = "\n".join(f"({i}){t}" for i, t in enumerate(items, 1))
    elif layout == "blank_lines":
        body = "\n\n".join(items)
    elif layout == "space_only":
        body = "  ".join(items)
    else:
        raise ValueError(layout)
    vocab = settings["vocab"]
    urgent, due = False, None
    head, tail = "下单：" if "\n" in body else "要", ""
    if vocab == "greeting":
        head = rng.choice(["您好，", "老板你好，", "在吗？"]) + head
    elif vocab == "thanks":
        tail = rng.choice(["，谢谢", "，辛苦了", "。谢谢！"])
    elif vocab == "urgent_cn":
        tail, urgent = rng.choice(["，急！", "，加急", "，很急，尽快发"]), True
    elif vocab == "urgent_en":
        tail, urgent = rng.choice([" urgent", "，urgent!", " URGENT"]), True
    elif vocab == "asap":
        tail, urgent = rng.choice([" asap", "，ASAP", " pls asap"]), True
    elif vocab == "pls":
        head = "pls " + head
    elif vocab == "due_date":
        words, due = rng.choice(DUE_FORMS)
        tail = "，" + words
    elif vocab == "english":
        head, tail, urgent = "pls send ", " urgent", True
    elif vocab == "not_urgent":
        tail = rng.choice(["，不急", "，不着急，月底前就行"])
        if "月底" in tail:
            due = dt.date(2026, 3, 31)
    elif vocab == "rush_en":
        tail, urgent = rng.choice([" rush order", "，RUSH"]), True
    elif vocab == "due_slash":
        words, due = rng.choice([("3/20前交", dt.date(2026, 3, 20)), ("4/8要货", dt.date(2026, 4, 8))])
        tail = "，" + words
    elif vocab == "so_ref":
        # a reference to an earlier order number that is no quantity
        tail = rng.choice(["，同上次SO-2026-000123一样", "，参考订单SO2026000456"])
    text = f"{prefix}{head}{body}{tail}"
    if settings["noise"] == "stray_number":
        text += rng.choice(["，另外 450 那个也看下", "，老样子 37", "，顺便 88"])
        flag = True
    expect = {"kind": "order", "customer": cust, "lines": lines, "urgent": urgent,
              "due": due.isoformat() if due else None, "change_number": None, "flag": flag}
    return text, sender, expect


CHANGE_TEMPLATES = {
    "change_modify": ("{cust}上次那单{code}改{q}pcs", True),
    "change_modify_to": ("{cust}昨天{code}的单子数量改成{q}个", True),
    "change_add": ("{cust}{code}再加{q}个", True),
    "change_reduce": ("{cust}{code}那单减到{q}", True),
    "change_cancel": ("{cust}上次{code}那单取消吧", False),
    "change_pause": ("{cust}{code}那单先暂停，等通知", False),
    "change_hold": ("{cust}{code}先别发，等我电话", False),
    "change_delay": ("{cust}{code}那单交期推迟到4月10日", False),
    "change_advance": ("{cust}{code}的单子能不能提前到3月15日", False),
    "change_qty_to_en": ("{cust} pls change {code} qty to {q}", True),
    "change_due_to": ("{cust}{code}那单交期改到4月10日", False),
    "change_cancel_en": ("{cust} pls cancel the {code} order", False),
    "change_add_more": ("{cust}上次那单{code}追加{q}个", True),
}
NOT_ORDERS = ["你好，在吗", "货款已经打过去了，请查收", "上次的货有几个毛边，麻烦看一下",
              "物流单号发我一下", "明天放假，周一再联系", "报价单收到了，谢谢", "好的，收到",
              "发票开了吗？", "样品什么时候能寄出"]


def _change_case(rng: random.Random, kind: str) -> tuple[str, str | None, dict]:
    code, name, aliases, contact, phone = rng.choice(CUSTOMERS)
    sku = rng.choice(PRODUCTS)[0]
    if kind == "not_order":
        return rng.choice(NOT_ORDERS), None, {"kind": "not_an_order", "customer": None,
                                              "lines": [], "urgent": False, "due": None,
                                              "change_number": None, "flag": False}
    template, with_qty = CHANGE_TEMPLATES[kind]
    q = rng.choice([2000, 3000, 8000, 1500, 6000])
    text = template.format(cust=rng.choice(aliases), code=sku, q=q)
    return text, None, {"kind": "change_request", "customer": code, "lines": [],
                        "urgent": False, "due": None,
                        "change_number": q if with_qty else None, "flag": False}


COMBO_KEYS = {"order": "token_order", "numeral": "numeral", "code_format": "code_format",
              "layout": "layout", "vocab": "vocabulary", "customer": "customer"}


def combo_cases(n: int = 300, seed: int = 99) -> list[dict]:
    """Every property drawn at random at once: interactions the one-at-a-time sets miss."""
    rng = random.Random(seed)
    cases = []
    for i in range(n):
        settings = _base(rng)
        for key, prop in COMBO_KEYS.items():
            settings[key] = rng.choice(PROPERTIES[prop])
        if settings["layout"] == "tab_table":
            settings["layout"] = "newlines"
        if rng.random() < 0.3:
            settings["sep"] = rng.choice(PROPERTIES["separator"])
        text, sender, expect = _order_case(rng, settings)
        label = "+".join(str(settings[k]) for k in ("numeral", "layout"))
        cases.append({"id": f"combo:{i}", "prop": "combo", "value": "all_random",
                      "text": text, "sender_phone": sender, "expect": expect, "label": label})
    return cases


def generate(per_value: int = 24, seed: int = 20260302) -> list[dict]:
    """Every property value `per_value` times, everything else at the base."""
    rng = random.Random(seed)
    cases = []
    key_of = {"token_order": "order", "numeral": "numeral", "code_format": "code_format",
              "separator": "sep", "layout": "layout", "vocabulary": "vocab",
              "customer": "customer", "noise": "noise"}
    for prop, values in PROPERTIES.items():
        for value in values:
            for i in range(per_value):
                if prop == "kind":
                    text, sender, expect = _change_case(rng, value)
                else:
                    settings = _base(rng)
                    settings[key_of[prop]] = value
                    text, sender, expect = _order_case(rng, settings)
                cases.append({"id": f"{prop}:{value}:{i}", "prop": prop, "value": value,
                              "text": text, "sender_phone": sender, "expect": expect})
    return cases


# Hand-collected, real-looking messages (the issue's own examples among them).
HAND = [
    ("3500个GSK-E9724-03", {"lines": [("GSK-E9724-03", 3500)]}),
    ("八千CVR-A1460-08", {"lines": [("CVR-A1460-08", 8000)]}),
    ("1,500个hsg-d8024-07", {"lines": [("HSG-D8024-07", 1500)]}),
    ("恒锐：GSK-E9724-03 两千五，CVR-A1460-08 一万二，下周要", {"customer": "C101", "lines": [
        ("GSK-E9724-03", 2500), ("CVR-A1460-08", 12000)]}),
    ("华通 BRK1001 1.5万 urgent", {"customer": "C102", "lines": [("BRK-1001", 15000)],
                                    "urgent": True}),
    ("瑞丰 pls 6205-2RS 3k5 asap", {"customer": "C103", "lines": [("6205-2RS", 3500)],
                                     "urgent": True}),
    ("立信\n1、PIN-M3X12 × 2k\n2、CLP-3001 * 8千\n3、TUB-0812-50\t0.8万",
     {"customer": "C104", "lines": [("PIN-M3X12", 2000), ("CLP-3001", 8000),
                                    ("TUB-0812-50", 8000)]}),
    ("精工要 brk 1001 数量：1w2", {"customer": "C105", "lines": [("BRK-1001", 12000)]}),
    ("美达 ＧＳＫ－Ｅ９７２４－０３ 5000只、cvr.a1460.08 600只", {"customer": "C106", "lines": [
        ("GSK-E9724-03", 5000), ("CVR-A1460-08", 600)]}),
    ("恒锐上次那单改8000pcs", {"customer": "C101", "kind": "change_request",
                             "change_number": 8000}),
    ("华通 GSK-E9724-03 再加8000个", {"customer": "C102", "kind": "change_request",
                                    "change_number": 8000}),
    ("瑞丰那单先暂停，等通知", {"customer": "C103", "kind": "change_request"}),
    ("立信昨天CVR-A1460-08的单子数量改成3000个", {"customer": "C104", "kind": "change_request",
                                           "change_number": 3000}),
    ("王工，恒锐这边下周三要BRK-1001 5000个，HSG-D8024-07 2000个，老规矩送到苏州厂",
     {"customer": "C101", "lines": [("BRK-1001", 5000), ("HSG-D8024-07", 2000)],
      "due": "2026-03-11"}),
    ("GSK-E9724-03 三千五百只 CLP-3001 1200只 麻烦安排", {"lines": [
        ("GSK-E9724-03", 3500), ("CLP-3001", 1200)]}),
    ("瑞丰 pls arrange 2k pcs 6205-2RS and 500 pcs BRK-1001, urgent", {
        "customer": "C103", "lines": [("6205-2RS", 2000), ("BRK-1001", 500)], "urgent": True}),
    ("瑞丰：CVR-A1460-08要1.2万，TUB-0812-50要八千，月底前", {"customer": "C103", "lines": [
        ("CVR-A1460-08", 12000), ("TUB-0812-50", 8000)], "due": "2026-03-31"}),
    ("恒锐 BRK1001*5000 HSG-D8024-07*3000", {"customer": "C101", "lines": [
        ("BRK-1001", 5000), ("HSG-D8024-07", 3000)]}),
    ("华通：上次的CLP-3001再来5000", {"customer": "C102", "lines": [("CLP-3001", 5000)]}),
    ("精工 6205-2RS 两千 PIN-M3X12 两万", {"customer": "C105", "lines": [
        ("6205-2RS", 2000), ("PIN-M3X12", 20000)]}),
    ("美达 GSK-E9724-03 x 3000；CVR-A1460-08 x 1500；交期3月25日", {"customer": "C106", "lines": [
        ("GSK-E9724-03", 3000), ("CVR-A1460-08", 1500)], "due": "2026-03-25"}),
    ("恒锐 BRK-1001 5箱", {"customer": "C101", "lines": [], "flag": True}),
    ("立信 先别发CLP-3001了，等通知", {"customer": "C104", "kind": "change_request"}),
    ("瑞丰 TUB-0812-50 2000米", {"customer": "C103", "lines": [("TUB-0812-50", 2000)]}),
    ("恒锐 HSG-D8024-07 5000个 3号线用", {"customer": "C101", "lines": [("HSG-D8024-07", 5000)]}),
    ("华通 CLP-3001 第二批 3000个", {"customer": "C102", "lines": [("CLP-3001", 3000)]}),
    ("13900139000：BRK-1001 800", {"customer": "C102", "lines": [("BRK-1001", 800)]}),
    ("精工\nPIN-M3X12\n数量：20000\nCLP-3001\n数量：5000\n谢谢", {"customer": "C105", "lines": [
        ("PIN-M3X12", 20000), ("CLP-3001", 5000)]}),
    ("美达 要货 GSK-E9724-03 壹仟伍佰", {"customer": "C106", "lines": [("GSK-E9724-03", 1500)]}),
    ("恒锐 要 GSK-E9724-03 和 CVR-A1460-08 各3000个", {"customer": "C101", "lines": [
        ("GSK-E9724-03", 3000), ("CVR-A1460-08", 3000)]}),
    ("恒锐 GSK-E9724-03 3500个 单价1.2", {"customer": "C101", "lines": [("GSK-E9724-03", 3500)]}),
    ("恒锐 BRK-1001 五千 交期 3.20", {"customer": "C101", "lines": [("BRK-1001", 5000)],
                                   "due": "2026-03-20"}),
    ("恒锐 BRK-1001 三千个左右", {"customer": "C101", "lines": [("BRK-1001", 3000)], "flag": True}),
    ("恒锐要的BRK-1001，上次是3000，这次5000", {"customer": "C101", "lines": [], "flag": True}),
]


def hand_cases() -> list[dict]:
    out = []
    for i, (text, exp) in enumerate(HAND):
        expect = {"kind": "order", "customer": None, "lines": [], "urgent": False, "due": None,
                  "change_number": None, "flag": False}
        expect.update(exp)
        if expect["customer"] is None and expect["kind"] == "order":
            expect["customer"] = "*"   # the example names nobody: any answer, or a question
        out.append({"id": f"hand:{i}", "prop": "hand", "value": "real-looking", "text": text,
                    "sender_phone": None, "expect": expect})
    return out
