"""Order lines to CSV or Excel for finance and for factory IT scripts."""

from __future__ import annotations

import csv
import datetime as dt
from contextlib import contextmanager
from collections.abc import Iterator
from decimal import Decimal
from itertools import chain
from pathlib import Path
from typing import TextIO

from sqlalchemy import Float, Integer, String, select, type_coerce

from orderdesk.desk import Desk
from orderdesk.gc_pause import gc_paused
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


def _date_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value[:10]  # SQLite's text form: "2026-01-05 08:00:00.000000" or a date
    return value.isoformat()[:10]  # type: ignore[attr-defined]


def _number_text(value: object) -> str:
    # The same text as _plain(Decimal) gives for Qty (Numeric, scale 4): "100", "3.57".
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        text = "%.4f" % value
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(_plain(value if isinstance(value, Decimal) else Decimal(str(value))))


def _flag_text(value: object) -> str:
    return "" if value is None else ("1" if value else "0")


def _text(value: object) -> object:
    return "" if value is None else value


def order_rows(desk: Desk, *, include_cancelled: bool = True) -> Iterator[tuple]:
    """One tuple per order line, in ORDER_COLUMNS order, streamed in order-number order."""
    numbers: dict[object, str] = {}
    with _reading(desk, include_cancelled=include_cancelled) as (products, lines):
        for order, (_oid, product_id, qty, unit, line_due, price) in lines:
            product = products.get(product_id)
            if product is None:  # the inner join with products dropped such a line
                continue
            yield order[0] + product[:2] + (
                numbers.get(qty) or _remember(numbers, qty), _text(unit), order[1],
                _date_text(line_due) if line_due else order[2],
                numbers.get(price) or _remember(numbers, price)) + order[3]


def _remember(numbers: dict[object, str], value: object) -> str:
    # An export repeats few distinct quantities and prices. Equal non-zero numbers give
    # the same text whatever their type (int 5, float 5.0); zero stays out of the memo
    # because float -0.0 equals 0 but reads "-0".
    text = _number_text(value)
    if value:
        numbers[value] = text
    return text


@contextmanager
def _reading(desk: Desk, *, include_cancelled: bool = True) -> Iterator[tuple[dict, Iterator]]:
    """(products, lines) for one read transaction. products: id -> (sku, name, the two
    as CSV text or None); lines: (order, line row) per order line in order-number and
    line-number order, where order is one tuple per order (the same object for each of
    its lines): (its first six columns, order date, order due date, its last five
    columns) as the text written, and the row is (order id, product id, quantity, unit,
    due date, unit price) as read.

    Values are read raw (no Decimal or datetime objects per cell) and turned into text
    by one converter per column. An order's own fields are read and converted once per
    order, not once per line (a year has 126,000 orders and 321,000 lines): one query
    walks the orders, a second their lines, both in order-number order, merged here.
    Products and customers (a few thousand rows) are read once into dictionaries
    instead of being joined into every line. Plain Core tables: a one-off export need
    not configure every ORM mapper first."""
    orders, lines_t = Order.__table__.c, OrderLine.__table__.c
    refs = OrderChannelRef.__table__.alias("first_ref").c
    # One entry per order in ix_order_channel_refs_export (order_id, channel, number).
    ref_no = (select(refs.channel_order_no)
              .where(refs.order_id == orders.id, refs.channel == orders.channel)
              .order_by(refs.channel_order_no).limit(1).scalar_subquery())
    raw_num = lambda col: type_coerce(col, Float)  # noqa: E731
    raw_int = lambda col: type_coerce(col, Integer)  # noqa: E731
    raw_text = lambda col: type_coerce(col, String)  # noqa: E731
    where = [orders.merged_into_id.is_(None)]
    if not include_cancelled:
        where.append(orders.cancelled.is_(False))
    orders_q = (select(orders.id, orders.order_no, orders.channel, ref_no, orders.customer_po,
                       orders.customer_id, raw_text(orders.order_time),
                       raw_text(orders.requested_date), orders.status_sales,
                       orders.status_production, orders.status_warehouse,
                       raw_int(orders.rush), raw_int(orders.cancelled))
                .where(*where).order_by(orders.order_no))
    lines_q = (select(lines_t.order_id, lines_t.product_id, raw_num(lines_t.quantity),
                      lines_t.unit, raw_text(lines_t.due_date), raw_num(lines_t.unit_price))
               .select_from(Order.__table__.join(OrderLine.__table__,
                                                 lines_t.order_id == orders.id))
               .where(*where).order_by(orders.order_no, lines_t.line_no))
    products_t, customers_t = Product.__table__.c, Customer.__table__.c
    with desk.read() as s:
        conn = s.connection()
        products = {pid: (sku, name, _csv_join((sku, name))) for pid, sku, name in
                    conn.execute(select(products_t.id, products_t.sku, products_t.name))}
        customers = {cid: (_text(code), _text(name)) for cid, code, name in
                     conn.execute(select(customers_t.id, customers_t.code, customers_t.name))}
        heads = chain.from_iterable(
            conn.execute(orders_q.execution_options(yield_per=5000)).partitions())
        line_rows = chain.from_iterable(
            conn.execute(lines_q.execution_options(yield_per=5000)).partitions())
        yield products, _merged(heads, line_rows, customers)


def _merged(heads: Iterator, line_rows: Iterator, customers: dict) -> Iterator[tuple]:
    no_customer = ("", "")
    current = order = None
    for line in line_rows:
        if line[0] != current:
            # Both queries hold the same orders in the same order, so the line's order
            # is ahead: orders without lines are passed over, as the join did.
            for (current, order_no, channel, ref, po, customer_id, order_time, due,
                 s_sales, s_prod, s_wh, rush, cancelled) in heads:
                if current == line[0]:
                    break
            else:  # pragma: no cover - both queries read one transaction's orders
                raise RuntimeError(f"order {line[0]} of a line not found")
            code, name = customers.get(customer_id, no_customer)
            order = ((order_no, channel, _text(ref), _text(po), code, name),
                     _date_text(order_time), _date_text(due),
                     (s_sales, s_prod, s_wh, _flag_text(rush), _flag_text(cancelled)))
        yield order, line


def _csv_join(fields: tuple) -> str | None:
    """The fields as csv.writer (excel dialect) writes them when none needs quoting
    (none holds a comma, quote, CR or LF, all are text); None otherwise."""
    try:
        text = ",".join(fields)
    except TypeError:
        return None
    if text.count(",") != len(fields) - 1 or '"' in text or "\n" in text or "\r" in text:
        return None
    return text


def _csv_lines(desk: Desk, fh: TextIO) -> int:
    """Write the order lines as csv.writer would; returns how many.

    Most rows need no quoting, and for them csv.writer writes the fields joined by
    commas: that is built here from parts joined once per order or product (numbers
    are digits by construction), at a fraction of csv.writer's cost. Any row with a
    part that needs quoting goes through csv.writer itself."""
    writer = csv.writer(fh)
    numbers: dict[object, str] = {}
    plain: dict[object, bool] = {}  # units and due dates: few distinct values
    count = 0
    chunk: list[str] = []
    last = front = tail = None
    with _reading(desk) as (products, lines):
        for order, (_oid, product_id, qty, unit, line_due, price) in lines:
            product = products.get(product_id)
            if product is None:  # the inner join with products dropped such a line
                continue
            count += 1
            if order is not last:
                last = order
                front, tail = _csv_join(order[0]), _csv_join(order[3])
                if _csv_join((order[1],)) is None:
                    front = None
                if len(chunk) >= 5000:
                    fh.write("".join(chunk))
                    chunk.clear()
            q = numbers.get(qty) or _remember(numbers, qty)
            p = numbers.get(price) or _remember(numbers, price)
            due = _date_text(line_due) if line_due else order[2]
            unit_plain = plain.get(unit)
            if unit_plain is None:
                unit_plain = plain[unit] = _csv_join((unit,)) is not None
            due_plain = plain.get(due)
            if due_plain is None:
                due_plain = plain[due] = _csv_join((due,)) is not None
            if front is not None and tail is not None and product[2] is not None \
                    and unit_plain and due_plain:
                chunk.append(f"{front},{product[2]},{q},{unit},{order[1]},{due},{p},{tail}\r\n")
                continue
            fh.write("".join(chunk))
            chunk.clear()
            writer.writerow(order[0] + (product[0], product[1], q, _text(unit), order[1], due,
                                        p) + order[3])
        fh.write("".join(chunk))
    return count


def export_orders(desk: Desk, fmt: str, out: Path) -> int:
    """Write order lines to a CSV (UTF-8 with BOM, so Excel reads Chinese) or .xlsx file."""
    count = 0
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    if fmt == "csv":
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerow(ORDER_COLUMNS)
            with gc_paused():
                count = _csv_lines(desk, fh)
    elif fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("orders")
        ws.append(list(ORDER_COLUMNS))
        with gc_paused():
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
