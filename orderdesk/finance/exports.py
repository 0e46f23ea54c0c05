"""Exports for finance: the tax system's batch import (.xlsx) and the ledger (.xlsx).

Tax-system file: one row per invoice line, with the columns the finance user's import
template names (购买方名称, 纳税人识别号, 项目名称, 规格型号, 单位, 数量, 单价, 金额,
税率, 税额), preceded by 发票流水号 (our invoice number, which groups lines into one
invoice) and followed by 备注. Every invoice ever issued is there: a cancelled one stays
(it was issued; 备注 says 已红冲) and its red-letter credit follows with negative amounts
and the invoice it reverses in 备注, so the file adds up to what is live. Amounts are numbers with two decimals (cells formatted
0.00), rates as 0.13, so the import reads them without retyping.

Ledger: one row per invoice or credit with net, tax and gross, for reconciliation.
Both exports are audited (an export is an event of S1).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from orderdesk.desk import Desk
from orderdesk.models import Customer
from orderdesk.models.finance import Invoice, InvoiceLine, Shipment
from orderdesk.tracking import add_audit

TAX_COLUMNS = ("发票流水号", "购买方名称", "纳税人识别号", "项目名称", "规格型号", "单位", "数量",
               "单价", "金额", "税率", "税额", "备注")
LEDGER_COLUMNS = ("开票日期", "发票号", "类型", "状态", "客户编码", "客户名称", "发货单号",
                  "拆分规则", "不含税金额", "税额", "价税合计", "红冲原发票", "原因")
UNIT_ZH = {"pcs": "个", "pc": "个", "kg": "千克", "set": "套", "m": "米", "box": "箱"}


def _rows_tax(desk: Desk) -> list[tuple]:
    with desk.read() as s:
        original = Invoice.__table__.alias("original")
        rows = s.execute(
            select(Invoice, InvoiceLine, Customer.name, original.c.invoice_no)
            .join(InvoiceLine, InvoiceLine.invoice_id == Invoice.id)
            .join(Customer, Customer.id == Invoice.customer_id)
            .outerjoin(original, original.c.id == Invoice.credit_of_id)
            .order_by(Invoice.issued_at, Invoice.invoice_no, InvoiceLine.line_no)).all()
        out = []
        for inv, ln, customer_name, credit_of in rows:
            note = f"PO {ln.customer_po}" if ln.customer_po else ""
            if credit_of:
                note = f"红冲 {credit_of}"
            elif inv.status == "cancelled":
                note = f"已红冲 {note}".strip()
            out.append((inv.invoice_no, inv.buyer_name or customer_name, inv.tax_id or "",
                        ln.item_name, ln.spec or "", UNIT_ZH.get(ln.unit, ln.unit),
                        float(Decimal(ln.quantity)), float(Decimal(ln.unit_price)),
                        Decimal(ln.amount).quantize(Decimal("0.01")),
                        float(Decimal(ln.tax_rate)), Decimal(ln.tax).quantize(Decimal("0.01")),
                        note))
        return out


def _write(path: Path, sheet: str, columns: tuple[str, ...], rows: list[tuple],
           money_cols: set[int]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([float(v) if isinstance(v, Decimal) else v for v in row])
    for col in money_cols:
        for (cell,) in ws.iter_rows(min_row=2, min_col=col + 1, max_col=col + 1):
            cell.number_format = "0.00"
    for i, name in enumerate(columns, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = max(10, len(name) * 2 + 4)
    ws.freeze_panes = "A2"
    wb.save(path)


def write_tax_import(desk: Desk, path: Path) -> int:
    """The tax system's batch import of every issued invoice and credit; row count."""
    desk.require("invoice.issue")
    rows = _rows_tax(desk)
    _write(path, "发票明细", TAX_COLUMNS, rows, {8, 10})
    with desk.write() as s:
        add_audit(s, action="export.tax_import", new=f"{path.name}: {len(rows)} rows")
    return len(rows)


def write_ledger(desk: Desk, path: Path) -> int:
    desk.require("shipment.read")
    with desk.read() as s:
        original = Invoice.__table__.alias("original")
        rows = s.execute(
            select(Invoice, Customer.code, Customer.name, Shipment.shipment_no,
                   original.c.invoice_no)
            .join(Customer, Customer.id == Invoice.customer_id)
            .join(Shipment, Shipment.id == Invoice.shipment_id)
            .outerjoin(original, original.c.id == Invoice.credit_of_id)
            .order_by(Invoice.issued_at, Invoice.invoice_no)).all()
        out = [(inv.issued_at.date().isoformat(), inv.invoice_no,
                "红字" if inv.kind == "credit" else "蓝字",
                {"issued": "已开具", "cancelled": "已作废(红冲)"}.get(inv.status, inv.status),
                code, name, shipment_no, inv.split_by,
                Decimal(inv.net).quantize(Decimal("0.01")),
                Decimal(inv.tax).quantize(Decimal("0.01")),
                Decimal(inv.gross).quantize(Decimal("0.01")), credit_of or "",
                inv.cancel_reason or "")
               for inv, code, name, shipment_no, credit_of in rows]
    _write(path, "发票台账", LEDGER_COLUMNS, out, {8, 9, 10})
    with desk.write() as s:
        add_audit(s, action="export.ledger", new=f"{path.name}: {len(out)} rows")
    return len(out)
