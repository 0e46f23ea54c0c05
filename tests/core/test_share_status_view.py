"""What a share page shows, read from a real SQLite file: departments, a moved promise
with its reason, shipments, prices only by scope, a customer's open orders only, and each
role's board with that role's fields."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from orderdesk.models import Note, Order
from orderdesk.services import orders
from orderdesk.share import status_view


def _order(desk, customer: str = "C001", **kw) -> orders.OrderRef:  # type: ignore[no-untyped-def]
    return orders.create_order(desk, orders.OrderDraft(
        channel="phone", customer_code=customer, customer_po=kw.pop("po", "PO-1"),
        promised_date=dt.date(2026, 12, 18), status_sales="confirmed",
        lines=[orders.LineDraft(sku="BRK-1001", quantity=Decimal(1200),
                                unit_price=Decimal("2.50"))], **kw))


def test_order_view_with_a_moved_promise_and_its_reason(desk, demo_catalog) -> None:  # type: ignore[no-untyped-def]
    ref = _order(desk)
    with desk.write() as s:
        order = s.get(Order, ref.id)
        order.promised_date = dt.date(2026, 12, 23)
        s.add(Note(order_id=ref.id, body="注塑机3号模具维修，顺延5天", author="pmc1"))
    orders.set_status(desk, ref.id, "production", "in_production")
    with desk.read() as s:
        view = status_view.order_view(s, ref.id)
    assert view is not None and view.order_no == ref.order_no
    assert [(st.department, st.status) for st in view.steps] == [
        ("sales", "confirmed"), ("production", "in_production"), ("warehouse", "awaiting_stock")]
    (moved,) = view.promise_changes
    assert (moved.old, moved.new) == (dt.date(2026, 12, 18), dt.date(2026, 12, 23))
    assert moved.reason == "注塑机3号模具维修，顺延5天"
    assert [m.status for m in view.milestones][0] == "received"
    assert "in_production" in [m.status for m in view.milestones]
    assert view.lines[0].unit_price is None and view.total is None  # no prices by default
    with desk.read() as s:
        priced = status_view.order_view(s, ref.id, prices=True)
    assert priced is not None and priced.total == Decimal("3000.00")
    assert priced.lines[0].amount == Decimal("3000.00")


def test_order_view_lists_its_shipments(desk, demo_catalog) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.models import OrderLine
    from orderdesk.models.finance import Shipment, ShipmentLine

    ref = _order(desk)
    with desk.write() as s:
        line = s.query(OrderLine).filter_by(order_id=ref.id).one()
        order = s.get(Order, ref.id)
        ship = Shipment(shipment_no="SH-2026-000009", customer_id=order.customer_id,
                        carrier="顺丰", ship_date=dt.date(2026, 12, 15), packages=12)
        s.add(ship)
        s.flush()
        s.add(ShipmentLine(shipment_id=ship.id, line_no=1, order_id=ref.id,
                           order_line_id=line.id, product_id=line.product_id,
                           quantity=Decimal(1200)))
    with desk.read() as s:
        view = status_view.order_view(s, ref.id)
    assert view is not None
    assert [(x.number, x.carrier, x.packages) for x in view.shipments] == [
        ("SH-2026-000009", "顺丰", 12)]


def test_customer_view_holds_only_that_customers_open_orders(desk, demo_catalog) -> None:  # type: ignore[no-untyped-def]
    mine = _order(desk, po="MINE")
    done = _order(desk, po="DONE")
    other = _order(desk, customer="C002", po="THEIRS")
    orders.set_status(desk, done.id, "warehouse", "shipped")
    with desk.read() as s:
        customer_id = s.get(Order, mine.id).customer_id
        view = status_view.customer_view(s, customer_id)
    assert view is not None
    assert [o.order_no for o in view.orders] == [mine.order_no]
    assert other.order_no not in [o.order_no for o in view.orders]


def test_each_board_shows_its_roles_fields(desk, demo_catalog) -> None:  # type: ignore[no-untyped-def]
    ref = _order(desk, po="PO-BOARD", delivery_address="苏州工业园区星湖街1号")
    with desk.read() as s:
        sales = status_view.board_view(s, "sales")
        production = status_view.board_view(s, "production")
        warehouse = status_view.board_view(s, "warehouse")
    row = {r.order_no: r for r in sales.rows}[ref.order_no]
    assert (row.status, row.detail) == ("confirmed", "PO-BOARD")
    prow = {r.order_no: r for r in production.rows}[ref.order_no]
    assert prow.status == "awaiting_schedule" and "BRK-1001 ×1,200" in prow.detail
    wrow = {r.order_no: r for r in warehouse.rows}[ref.order_no]
    assert wrow.status == "awaiting_stock" and wrow.detail.startswith("苏州工业园区")
