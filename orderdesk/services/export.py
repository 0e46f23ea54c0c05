"""Order lines to CSV or Excel for finance and for factory IT scripts."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased

from orderdesk.desk import Desk
from orderdesk.models import Customer, Order, OrderChannelRef, OrderLine, Product
from orderdesk.tracking import add_audit

ORDER_COLUMNS = (
    "order_no", "channel", "channel_order_no", "customer_po", "customer_code", "customer_name",
    "sku", "product_name", "quantity", "unit", "order_date", "due_date", "unit_price",
    "status_sales", "status_production", "status_warehouse", "rush", "cancelled",
)


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f").rstrip("0")
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    return "" if value is None else value


def order_rows(desk: Desk, *, include_cancelled: bool = True) -> Iterator[tuple]:
    """One tuple per order line, in ORDER_COLUMNS order, streamed in order-number order."""
    first_ref = aliased(OrderChannelRef)
    ref_no = (select(first_ref.channel_order_no)
              .where(first_ref.order_id == Order.id, first_ref.channel == Order.channel)
              .order_by(first_ref.channel_order_no).limit(1).correlate(Order).scalar_subquery())
    query = (select(Order.order_no, Order.channel, ref_no, Order.customer_po, Customer.code,
                    Customer.name, Product.sku, Product.name, OrderLine.quantity, OrderLine.unit,
                    Order.order_time, OrderLine.due_date, Order.requested_date,
                    OrderLine.unit_price, Order.status_sales, Order.status_production,
                    Order.status_warehouse, Order.rush, Order.cancelled)
             .join(OrderLine, OrderLine.order_id == Order.id)
             .join(Product, Product.id == OrderLine.product_id)
             .outerjoin(Customer, Customer.id == Order.customer_id)
             .where(Order.merged_into_id.is_(None))
             .order_by(Order.order_no, OrderLine.line_no))
    if not include_cancelled:
        query = query.where(Order.cancelled.is_(False))
    with desk.read() as s:
        for row in s.execute(query).yield_per(2000):
            (order_no, channel, ref, po, code, name, sku, pname, qty, unit, order_time,
             line_due, order_due, price, s_sales, s_prod, s_wh, rush, cancelled) = row
            yield tuple(_plain(v) for v in (
                order_no, channel, ref, po, code, name, sku, pname, qty, unit, order_time,
                line_due or order_due, price, s_sales, s_prod, s_wh, rush, cancelled))


def export_orders(desk: Desk, fmt: str, out: Path) -> int:
    """Write order lines to a CSV (UTF-8 with BOM, so Excel reads Chinese) or .xlsx file."""
    count = 0
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    if fmt == "csv":
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(ORDER_COLUMNS)
            for row in order_rows(desk):
                writer.writerow(row)
                count += 1
    elif fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("orders")
        ws.append(list(ORDER_COLUMNS))
        for row in order_rows(desk):
            ws.append(list(row))
            count += 1
        wb.save(tmp)
    else:
        raise ValueError(fmt)
    # Written aside and renamed, so a reader never sees half a file.
    tmp.replace(out)
    with desk.write() as s:
        add_audit(s, action="export", entity="orders", field=fmt, new=f"{out.name}: {count} rows")
    return count
