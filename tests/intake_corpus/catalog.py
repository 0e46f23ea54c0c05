"""The catalog the corpora are written against: customers with codes, names, aliases and
phones; products whose SKUs end in digits (so a stray digit is easy to steal)."""

from __future__ import annotations

CUSTOMERS = [
    # code, full name, aliases, contact, phone
    ("C101", "苏州恒锐精密有限公司", ["恒锐", "恒锐精密"], "王工", "13800138000"),
    ("C102", "无锡华通汽车电子有限公司", ["华通", "无锡华通"], "李经理", "13900139000"),
    ("C103", "宁波瑞丰塑胶有限公司", ["瑞丰"], "陈小姐", "13700001111"),
    ("C104", "东莞立信五金制品有限公司", ["立信", "立信五金"], "张生", "13612345678"),
    ("C105", "常州精工模具有限公司", ["精工"], "赵工", "13511112222"),
    ("C106", "佛山美达家电有限公司", ["美达"], "钱小姐", "13422223333"),
]

PRODUCTS = [
    # sku, name, spec
    ("GSK-E9724-03", "密封圈", "EPDM 24mm"),
    ("CVR-A1460-08", "盖板", "ABS 黑色"),
    ("HSG-D8024-07", "外壳", "PBT+GF30"),
    ("BRK-1001", "支架", "PA66+GF30 80mm"),
    ("PIN-M3X12", "销钉", "M3x12"),
    ("CLP-3001", "卡扣", "POM 黑色"),
    ("6205-2RS", "轴承", "6205"),
    ("TUB-0812-50", "软管", "硅胶 8x12"),
]


def load(desk) -> None:  # type: ignore[no-untyped-def]
    """Put the corpus catalog into a desk (one transaction)."""
    from orderdesk.services import catalog

    with desk.write() as s:
        for code, name, aliases, contact, phone in CUSTOMERS:
            catalog.upsert_customer(s, code, name, tier="A" if code == "C101" else "B",
                                    aliases=aliases, contacts=[(contact, phone)])
        for sku, name, spec in PRODUCTS:
            catalog.upsert_product(s, sku, name, spec=spec)


def code_formats(sku: str) -> dict[str, str]:
    """The ways people type a catalog code."""
    full = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in sku)
    return {
        "canonical": sku,
        "lower": sku.lower(),
        "no_hyphen": sku.replace("-", ""),
        "spaces": sku.replace("-", " "),
        "full_width": full,
        "dotted": sku.replace("-", "."),
        "mixed_case": "".join(c.lower() if i % 2 else c for i, c in enumerate(sku)),
        "underscore": sku.replace("-", "_"),
    }
