"""Messy order and catalog files, generated the way customers and old systems make them.

Run by the tests into tmp_path (nothing binary is committed). Each builder writes one
file and returns its path. Also runnable by hand: `python -m tests.intake_fixtures.generate DIR`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from pathlib import Path

from openpyxl import Workbook

ORDER_DATE = dt.datetime(2026, 3, 2, 9, 30)


def title_merged_xlsx(folder: Path) -> Path:
    """A customer's purchase order: notes sheet first, title rows and merged cells above
    the header, every date and quantity style, a totals row and blank rows, three bad rows."""
    wb = Workbook()
    notes = wb.active
    notes.title = "填写说明"
    notes["A1"] = "请按模板填写,交期以我司确认为准"
    notes["A2"] = "联系人:王工 138-0013-8000"
    ws = wb.create_sheet("采购订单")
    ws["A1"] = "苏州恒锐精密有限公司 采购订单"
    ws.merge_cells("A1:K1")
    ws["A3"] = "制表日期:2026-03-01"
    ws.merge_cells("A3:C3")
    header = ["序号", "客户PO", "料号", "品名", "订货数量(PCS)", "要求交货日期", "单价(元)",
              "客户名称", "联系电话", "收货地址", "备注"]
    ws.append([])
    ws.append(header)  # row 5 (rows 1..4 above; append after row 3 lands on row 4? see below)
    rows = [
        # (PO, SKU, name, qty, date, price, customer, phone, address, note)
        ("PO-26-001", "BRK-1001", "支架", 5000, dt.datetime(2026, 3, 20), 1.25, "苏州恒锐精密有限公司",
         "138-0013-8000", "苏州工业园区星湖街1号", None),
        ("PO-26-001", "hsg 2002", "外壳", "5,000", 46100, "0.80", "苏州恒锐精密有限公司",
         "13800138000", "苏州工业园区星湖街1号", "同一PO第二行"),
        ("PO-26-002", "ＢＲＫ－１００１", "支架", "５０００", "2026/3/25", None, "恒锐",
         "+86 138 0013 8000", None, None),
        ("PO-26-003", "BRK1001", "支架", 5000.0, "2026年4月1日", 1.2, "无锡华通汽车电子有限公司",
         None, "无锡新区锡兴路8号", None),
        ("PO-26-004", "brk.1001", "支架", "3000个", "3月28日", None, "华通", None, None, "加急"),
        (None, None, None, None, None, None, None, None, None, None),      # blank row
        ("PO-26-005", "ZZZ-9999", "未知件", 100, "2026-03-30", None, "华通", None, None, None),
        ("PO-26-006", "BRK-1001", "支架", "abc", "2026-03-30", None, "华通", None, None, None),
        ("PO-26-007", "BRK-1001", "支架", 200, "尽快", None, "华通", None, None, None),
    ]
    for i, r in enumerate(rows, start=1):
        if r[0] is None:
            ws.append([])
            continue
        ws.append([i, *r])
    ws.append(["合计", None, None, None, 23300])
    path = folder / "恒锐采购订单.xlsx"
    wb.save(path)
    return path


ENGLISH_HEADER = ["Order#", "Customer Code", "Part No.", "Qty", "Delivery Date", "Unit Price",
                  "Phone", "Order Date"]
ENGLISH_ROWS = [
    ["WEB-1001", "C001", "BRK-1001", "1,200", "2026-03-20", "1.10", "", "2026-03-02 10:00"],
    ["WEB-1001", "C001", "HSG-2002", "600", "2026-03-20", "0.75", "", "2026-03-02 10:00"],
    ["WEB-1002", "", "BRK 1001", "800", "2026/3/22", "", "139-0013-9000", "2026-03-02 11:15"],
    ["WEB-1003", "C003", "HSG-2002", "50", "3月30日", "", "", "2026-03-02 12:00"],
    ["", "", "", "", "", "", "", ""],
    ["Total", "", "", "2650", "", "", "", ""],
]


def csv_file(folder: Path, name: str, encoding: str, header: list[str] | None = None,
             rows: list[list[str]] | None = None) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header or ENGLISH_HEADER)
    writer.writerows(rows if rows is not None else ENGLISH_ROWS)
    path = folder / name
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


GBK_HEADER = ["订单编号", "客户名称", "物料编码", "数量", "交期", "联系电话", "收货地址"]
GBK_ROWS = [
    ["OLD-5001", "宁波瑞丰塑胶有限公司", "HSG-2002", "２００", "2026年3月15日", "13700001111", "宁波北仑区"],
    ["OLD-5002", "瑞丰", "BRK-1001", "1.2万", "2026-03-18", "", ""],
    ["OLD-5003", "新客户电子厂", "BRK-1001", "500", "2026-03-18", "021-5555 6666", "上海嘉定"],
]


def gbk_csv(folder: Path) -> Path:
    return csv_file(folder, "老系统导出.csv", "gbk", GBK_HEADER, GBK_ROWS)


def utf8_bom_csv(folder: Path) -> Path:
    return csv_file(folder, "web_orders.csv", "utf-8-sig")


def marketplace_xlsx(folder: Path, rows: int = 0, name: str = "抖店订单.xlsx") -> Path:
    """A marketplace export: one row per line, several lines per order, no customer code."""
    wb = Workbook()
    ws = wb.active
    ws.title = "订单明细"
    ws.append(["渠道", "渠道单号", "下单时间", "商品编码", "购买数量", "买家", "收货人电话", "收货地址"])
    data = rows or 4
    for i in range(data):
        order = 880000 + i // 2
        ws.append(["抖音小店", f"DY{order}", ORDER_DATE + dt.timedelta(minutes=i),
                   "BRK-1001" if i % 2 == 0 else "HSG-2002", 100 + i, "苏州恒锐精密有限公司",
                   "13800138000", "苏州工业园区星湖街1号"])
    path = folder / name
    wb.save(path)
    return path


def xls_file(folder: Path) -> Path:
    """A legacy .xls (BIFF8) as the old web system exports it, written with xlwt."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Sheet1")
    ws.write(0, 0, "销售订单导出")
    header = ["单号", "客户编码", "物料编码", "数量", "交货日期"]
    for c, h in enumerate(header):
        ws.write(2, c, h)
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    data = [("XLS-1", "C002", "BRK-1001", 3000, dt.date(2026, 3, 25)),
            ("XLS-2", "C002", "HSG-2002", 150.0, dt.date(2026, 3, 26))]
    for r, row in enumerate(data, start=3):
        for c, v in enumerate(row):
            if isinstance(v, dt.date):
                ws.write(r, c, dt.datetime(v.year, v.month, v.day), date_style)
            else:
                ws.write(r, c, v)
    path = folder / "old_system.xls"
    book.save(str(path))
    return path


def not_excel(folder: Path) -> Path:
    path = folder / "报价单.xlsx"
    path.write_text("<html><body>这不是 Excel 文件</body></html>", encoding="utf-8")
    return path


def truncated_xlsx(folder: Path) -> Path:
    scratch = folder / "_scratch"
    scratch.mkdir(exist_ok=True)
    data = title_merged_xlsx(scratch).read_bytes()
    path = folder / "truncated.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def empty_file(folder: Path, name: str = "empty.xlsx") -> Path:
    path = folder / name
    path.write_bytes(b"")
    return path


def encrypted_xlsx(folder: Path) -> Path:
    """A password-protected workbook (an OLE container around an encrypted package)."""
    import msoffcrypto.format.ooxml as ooxml

    plain = marketplace_xlsx(folder, name="plain_for_encrypt.xlsx")
    path = folder / "有密码.xlsx"
    with open(plain, "rb") as src, open(path, "wb") as out:
        ooxml.OOXMLFile(src).encrypt("secret", out)
    plain.unlink()
    return path


def no_header_xlsx(folder: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["随便写的一些内容"])
    for i in range(5):
        ws.append([i, i * 3.5, "abc"])
    path = folder / "no_header.xlsx"
    wb.save(path)
    return path


def unnamed_columns_xlsx(folder: Path) -> Path:
    """Headers nobody's vocabulary knows: SKU and quantity found by what the columns hold."""
    wb = Workbook()
    ws = wb.active
    ws.append(["客户编码", "编号", "东西", "多少", "要的时间"])
    ws.append(["C001", 1, "BRK-1001", 300, dt.datetime(2026, 3, 20)])
    ws.append(["C001", 2, "HSG-2002", 150, dt.datetime(2026, 3, 21)])
    ws.append(["C002", 3, "BRK-1001", 450, dt.datetime(2026, 3, 22)])
    path = folder / "odd_headers.xlsx"
    wb.save(path)
    return path


def catalog_xlsx(folder: Path) -> Path:
    """Catalog workbook: customers, products with nicknames, BOM, stock and receipts."""
    wb = Workbook()
    ws = wb.active
    ws.title = "客户"
    ws.append(["客户资料"])
    ws.append(["客户编码", "客户名称", "等级", "别名", "联系人", "联系电话", "收货地址", "付款条件"])
    ws.append(["C101", "常州精工模具有限公司", "A", "精工;常州精工", "赵工", "13511112222",
               "常州武进区1号", "月结60天"])
    ws.append(["C102", "杭州美达家电有限公司", "b", "美达", "钱小姐", "0571-8888 9999", "杭州滨江区", None])
    ws.append(["", "缺编码的客户", "B", None, None, None, None, None])
    ps = wb.create_sheet("产品")
    ps.append(["物料编码", "品名", "规格", "单位", "产品线", "包装数", "昵称", "条码", "材质", "是否组件"])
    ps.append(["GEAR-3003", "齿轮", "POM M1.5", "pcs", "传动件", 200, "白齿轮,小齿轮", "06901234567809",
               "POM", "否"])
    ps.append(["RES-POM", "POM 粒料", None, "kg", None, None, None, None, "POM M90", "是"])
    ps.append(["PIN-01", "销钉", "φ3", "pcs", None, 1000, None, None, None, "是"])
    bs = wb.create_sheet("BOM")
    bs.append(["父件编码", "子件编码", "用量", "损耗率"])
    bs.append(["GEAR-3003", "RES-POM", 0.012, "2%"])
    bs.append(["GEAR-3003", "PIN-01", 1, 0])
    bs.append(["GEAR-3003", "NOPE-1", 1, 0])
    ss = wb.create_sheet("库存")
    ss.append(["物料编码", "库存数量", "库位"])
    ss.append(["RES-POM", "1,500", "A-01"])
    ss.append(["PIN-01", 20000, "B-02"])
    rs = wb.create_sheet("在途")
    rs.append(["物料编码", "到货数量", "预计到货日期", "单号"])
    rs.append(["RES-POM", 800, "2026-03-10", "PO-P-77"])
    path = folder / "catalog.xlsx"
    wb.save(path)
    return path


def big_orders_xlsx(path: Path, rows: int, *, customers: list[tuple[str, str, str]],
                    skus: list[str], lines_per_order: int = 5) -> Path:
    """The benchmark's sheet: `rows` order lines, written with openpyxl's write-only mode."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("订单")
    ws.append(["XX集团 订单导出"])
    ws.append([])
    ws.append(["订单编号", "下单时间", "客户编码", "客户名称", "联系电话", "物料编码", "数量",
               "交期", "单价", "收货地址"])
    for i in range(rows):
        order = i // lines_per_order
        code, name, phone = customers[order % len(customers)]
        when = ORDER_DATE + dt.timedelta(minutes=order)
        ws.append([f"BIG-{order:07d}", when, code if order % 3 else "", name, phone,
                   skus[(i * 7) % len(skus)], (i % 50 + 1) * 100,
                   when + dt.timedelta(days=14 + i % 20), 1.5, "工业园区1号"])
    wb.save(path)
    return path


def build_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "title_merged": title_merged_xlsx(folder),
        "gbk_csv": gbk_csv(folder),
        "utf8_bom_csv": utf8_bom_csv(folder),
        "marketplace": marketplace_xlsx(folder),
        "xls": xls_file(folder),
        "not_excel": not_excel(folder),
        "truncated": truncated_xlsx(folder),
        "empty": empty_file(folder),
        "encrypted": encrypted_xlsx(folder),
        "no_header": no_header_xlsx(folder),
        "odd_headers": unnamed_columns_xlsx(folder),
        "catalog": catalog_xlsx(folder),
    }


if __name__ == "__main__":
    for key, p in build_all(Path(sys.argv[1] if len(sys.argv) > 1 else "intake_files")).items():
        print(key, p)
