"""The order export writes exactly what the one-query export wrote (factory IT scripts it).

The reference below is the export as it was before it was split into an orders query and
a lines query merged in Python, with a hand-built CSV writer for rows that need no
quoting: same rows, same order, same bytes, on data made to trip each shortcut (commas,
quotes and line breaks in every kind of field, orders without lines or customer, merged
and cancelled orders, several channel numbers, zero and fractional numbers, line and
order due dates, lines out of line-number order).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Float, Integer, String, select, type_coerce
from sqlalchemy.orm import aliased

from orderdesk.desk import Desk
from orderdesk.models import Customer, Order, OrderChannelRef, OrderLine, Product
from orderdesk.services import export


def _reference_rows(desk: Desk, include_cancelled: bool = True) -> list[tuple]:
    first_ref = aliased(OrderChannelRef)
    ref_no = (select(first_ref.channel_order_no)
              .where(first_ref.order_id == Order.id, first_ref.channel == Order.channel)
              .order_by(first_ref.channel_order_no).limit(1).correlate(Order).scalar_subquery())
    query = (select(Order.order_no, Order.channel, ref_no, Order.customer_po, Customer.code,
                    Customer.name, Product.sku, Product.name,
                    type_coerce(OrderLine.quantity, Float), OrderLine.unit,
                    type_coerce(Order.order_time, String),
                    type_coerce(OrderLine.due_date, String),
                    type_coerce(Order.requested_date, String),
                    type_coerce(OrderLine.unit_price, Float),
                    Order.status_sales, Order.status_production, Order.status_warehouse,
                    type_coerce(Order.rush, Integer), type_coerce(Order.cancelled, Integer))
             .join(OrderLine, OrderLine.order_id == Order.id)
             .join(Product, Product.id == OrderLine.product_id)
             .outerjoin(Customer, Customer.id == Order.customer_id)
             .where(Order.merged_into_id.is_(None))
             .order_by(Order.order_no, OrderLine.line_no))
    if not include_cancelled:
        query = query.where(Order.cancelled.is_(False))
    t = export._text
    with desk.read() as s:
        return [(no, ch, t(ref), t(po), t(code), t(name), sku, pname, export._number_text(qty),
                 t(unit), export._date_text(otime), export._date_text(ldue or odue),
                 export._number_text(price), s1, s2, s3, export._flag_text(rush),
                 export._flag_text(canc))
                for (no, ch, ref, po, code, name, sku, pname, qty, unit, otime, ldue, odue,
                     price, s1, s2, s3, rush, canc) in s.execute(query)]


def _reference_csv(rows: list[tuple]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(export.ORDER_COLUMNS)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


@pytest.fixture
def tricky(desk: Desk) -> Desk:
    t0 = dt.datetime(2026, 3, 1, 9, 30)
    with desk.write() as s:
        plain = Customer(code="C1", name="客户一有限公司")
        odd = Customer(code='C,2', name='He said "hi"\nsecond line')
        s.add_all([plain, odd])
        products = [Product(sku="FG-1", sku_norm="FG1", name="支架 FG-1"),
                    Product(sku="FG,2", sku_norm="FG2", name="comma, in sku"),
                    Product(sku="FG-3", sku_norm="FG3", name='quote " in name'),
                    Product(sku="FG-4", sku_norm="FG4", name="cr\rin name")]
        s.add_all(products)
        s.flush()
        specs = [
            # (no, channel, customer, po, rush, cancelled, merged, lines)
            ("SO-1", "wechat", plain, "PO1", False, False, False,
             [(2, 0, "100", "pcs", "2.5"), (1, 1, "3.5700", "pcs", None), (3, 2, "0", "k,g", "0")]),
            ("SO-2", "jd_pop", odd, 'P"O', True, False, False,
             [(1, 3, "12.25", "pcs", "1.125")]),
            ("SO-3", "tmall", None, None, False, True, False, [(1, 0, "7", "pcs\n", "9.9")]),
            ("SO-4", "wechat", plain, "PO,4", False, False, False, []),  # no lines
            ("SO-5", "wechat", plain, "PO5", False, False, True, [(1, 0, "1", "pcs", "1")]),
            ("SO-6", "phone", odd, "PO6", False, False, False,
             [(1, 0, "1000000", "pcs", "0.0001"), (2, 1, "5", "pcs", "5")]),
        ]
        orders = {}
        for i, (no, channel, cust, po, rush, cancelled, _merged, lines) in enumerate(specs):
            order = Order(order_no=no, channel=channel, customer_id=cust.id if cust else None,
                          customer_po=po, order_time=t0 + dt.timedelta(hours=i),
                          requested_date=dt.date(2026, 3, 10 + i), rush=rush,
                          cancelled=cancelled, status_sales="confirmed")
            s.add(order)
            s.flush()
            orders[no] = order
            for line_no, prod, qty, unit, price in lines:
                s.add(OrderLine(order_id=order.id, line_no=line_no,
                                product_id=products[prod].id, quantity=Decimal(qty), unit=unit,
                                unit_price=None if price is None else Decimal(price),
                                due_date=dt.date(2026, 4, line_no) if line_no == 2 else None))
        # Two numbers in the order's own channel (the smaller is written), one elsewhere.
        s.add_all([OrderChannelRef(order_id=orders["SO-1"].id, channel="wechat",
                                   channel_order_no="WX-9"),
                   OrderChannelRef(order_id=orders["SO-1"].id, channel="wechat",
                                   channel_order_no="WX,1"),
                   OrderChannelRef(order_id=orders["SO-1"].id, channel="jd_pop",
                                   channel_order_no="AAA"),
                   OrderChannelRef(order_id=orders["SO-2"].id, channel="jd_pop",
                                   channel_order_no="JD2")])
        s.flush()
        orders["SO-5"].merged_into_id = orders["SO-1"].id
    return desk


def test_rows_are_the_reference_rows(tricky: Desk) -> None:
    expected = _reference_rows(tricky)
    assert [r[0] for r in expected] == ["SO-1"] * 3 + ["SO-2", "SO-3", "SO-6", "SO-6"]
    assert list(export.order_rows(tricky)) == expected
    assert (list(export.order_rows(tricky, include_cancelled=False))
            == _reference_rows(tricky, include_cancelled=False))


def test_csv_is_byte_for_byte_what_csv_writer_wrote(tricky: Desk, tmp_path: Path) -> None:
    rows = _reference_rows(tricky)
    out = tmp_path / "orders.csv"
    assert export.export_orders(tricky, "csv", out) == len(rows)
    assert out.read_bytes() == _reference_csv(rows)
    text = out.read_text(encoding="utf-8-sig")
    assert "SO-1,wechat,\"WX,1\"" in text and "SO-6,phone,,PO6,\"C,2\"" in text
    assert ("SO-1,wechat,\"WX,1\",PO1,C1,客户一有限公司,\"FG,2\",\"comma, in sku\",3.57,pcs,"
            "2026-03-01,2026-03-10,,confirmed,awaiting_schedule,awaiting_stock,0,0\n") in text
    assert ("SO-1,wechat,\"WX,1\",PO1,C1,客户一有限公司,FG-1,支架 FG-1,100,pcs,2026-03-01,"
            "2026-04-02,2.5,confirmed,awaiting_schedule,awaiting_stock,0,0\n") in text


def test_a_plain_year_like_export_takes_the_shortcut(desk: Desk, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    with desk.write() as s:
        cust = Customer(code="C9", name="客户九")
        prod = Product(sku="FG-9", sku_norm="FG9", name="支架 FG-9")
        s.add_all([cust, prod])
        s.flush()
        for n in range(30):
            order = Order(order_no=f"SO-{n:03d}", channel="wechat", customer_id=cust.id,
                          customer_po=f"PO{n}", order_time=dt.datetime(2026, 1, 1, 8) +
                          dt.timedelta(minutes=n), requested_date=dt.date(2026, 2, 1))
            s.add(order)
            s.flush()
            s.add(OrderChannelRef(order_id=order.id, channel="wechat", channel_order_no=f"W{n}"))
            for line_no in range(1, n % 4 + 1):
                s.add(OrderLine(order_id=order.id, line_no=line_no, product_id=prod.id,
                                quantity=Decimal(n * 100 + line_no), unit="pcs",
                                unit_price=Decimal("0.25") * line_no))
    rows = _reference_rows(desk)
    expected = _reference_csv(rows)
    written = []
    real_writer = csv.writer

    class CountingWriter:
        def __init__(self, fh: io.TextIOBase) -> None:
            self.inner = real_writer(fh)

        def writerow(self, row: tuple) -> None:
            written.append(row)
            self.inner.writerow(row)

    monkeypatch.setattr(export.csv, "writer", CountingWriter)
    out = tmp_path / "orders.csv"
    assert export.export_orders(desk, "csv", out) == len(rows) > 40
    assert out.read_bytes() == expected
    assert written == [export.ORDER_COLUMNS]  # every line came by the shortcut


def test_xlsx_holds_the_same_rows(tricky: Desk, tmp_path: Path) -> None:
    out = tmp_path / "orders.xlsx"
    export.export_orders(tricky, "xlsx", out)
    ws = openpyxl.load_workbook(out, read_only=True)["orders"]
    got = [tuple("" if v is None else v for v in row) for row in ws.iter_rows(values_only=True)]
    assert got == [export.ORDER_COLUMNS] + _reference_rows(tricky)
