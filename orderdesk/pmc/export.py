"""Kit check to a standard Excel workbook (orders, short components, every component row).

A long job: takes `abort` (threading.Event) and `progress(done, total, text)`, runs on a
worker, writes to a temporary file and renames it, so a cancelled or failed export
never leaves half a workbook under the chosen name. The export is audited.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from orderdesk.desk import Desk
from orderdesk.pmc import service
from orderdesk.tracking import add_audit

STATUS_ZH = {"red": "缺料", "amber": "待到货", "green": "齐套", "no_bom": "无BOM"}
FILLS = {"red": "F8D0D0", "amber": "FCE8B2", "green": "D5EDD5", "no_bom": "E4E4E4"}


@dataclass(frozen=True)
class ExportResult:
    path: str
    orders: int
    shortages: int
    cancelled: bool = False


def export_kit_excel(desk: Desk, path: str | Path, filters: service.KitFilter | None = None, *,
                     abort: threading.Event | None = None,
                     progress: Callable[[int, int, str], None] | None = None) -> ExportResult:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    desk.require("order.read")
    path = Path(path)
    report = service.kit_report(desk, filters)
    wb = Workbook(write_only=False)
    ws = wb.active
    ws.title = "订单齐套"
    head = ["订单号", "急单", "客户", "客户等级", "产品线", "需求日期", "状态", "齐套率",
            "物料行数", "缺料行数", "无BOM产品", "缺料解除日期", "到货齐套日期"]
    ws.append(head)
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
    total = len(report.orders)
    for n, o in enumerate(report.orders, start=1):
        ws.append([o.order_no, "是" if o.rush else "", o.customer_name, o.customer_tier,
                   "、".join(o.product_lines), o.need_date, STATUS_ZH[o.status],
                   round(o.completeness, 4) if o.completeness is not None else None,
                   o.rows_total, o.rows_short, "、".join(o.missing_bom), o.clear_date,
                   o.kit_date])
        ws.cell(row=n + 1, column=7).fill = PatternFill("solid", fgColor=FILLS[o.status])
        ws.cell(row=n + 1, column=8).number_format = "0.0%"
        if n % 500 == 0:
            if abort is not None and abort.is_set():
                return ExportResult(str(path), n, 0, cancelled=True)
            if progress:
                progress(n, total, "")
    for col, width in zip("ABCDEFGHIJKLM", (18, 6, 30, 8, 16, 12, 8, 8, 8, 8, 16, 12, 12)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"

    ws2 = wb.create_sheet("缺料物料")
    ws2.append(["物料编码", "名称", "单位", "缺料数量", "可用库存", "在途数量", "阻塞订单数",
                "阻塞订单", "最早需求日期", "缺料解除日期"])
    for cell in ws2[1]:
        cell.font = bold
    for r in report.shortages:
        ws2.append([r.sku, r.name, r.unit, r.shortage, r.available, r.incoming, r.order_count,
                    "、".join(r.order_nos), r.first_need, r.clear_date])
    for col, width in zip("ABCDEFGHIJ", (16, 20, 6, 12, 12, 12, 10, 60, 12, 12)):
        ws2.column_dimensions[col].width = width
    ws2.freeze_panes = "A2"

    ws3 = wb.create_sheet("缺料明细")
    ws3.append(["订单号", "物料编码", "名称", "层级", "需求数量", "库存满足", "到货满足",
                "缺料数量", "需自制", "解除日期", "状态"])
    for cell in ws3[1]:
        cell.font = bold
    short_orders = [o for o in report.orders if o.status == "red"]
    for n, o in enumerate(short_orders, start=1):
        for row in service.order_kit(desk, o.order_id).rows:
            if row.status == "red":
                ws3.append([o.order_no, row.sku, row.name, row.level, row.required,
                            row.from_stock, row.from_receipts, row.shortage, row.to_make,
                            row.clear_date, STATUS_ZH[row.status]])
        if n % 200 == 0:
            if abort is not None and abort.is_set():
                return ExportResult(str(path), total, len(report.shortages), cancelled=True)
            if progress:
                progress(n, len(short_orders), "")
    tmp = path.with_name(f".{path.name}.part")
    wb.save(tmp)
    os.replace(tmp, path)
    with desk.write() as s:
        add_audit(s, action="export", entity="kit_report", new={
            "path": str(path), "orders": total, "shortages": len(report.shortages)})
    if progress:
        progress(total, total, "")
    return ExportResult(str(path), total, len(report.shortages))
