"""Issue / cancel / re-issue in random order on generated shipments: what is live always
adds up to the shipment to the fen, no invoice number is ever handed out twice, nothing
is deleted. And partial shipments: an order is `shipped` only when all of it has left."""

from __future__ import annotations

import random
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from orderdesk.finance import invoicing, shipping
from orderdesk.finance.split import SplitRule
from orderdesk.models import Order
from orderdesk.models.batches import Batch, BatchBinding
from orderdesk.models.finance import Invoice
from tests.core.finance_support import Line, make_orders, ship_lines


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_random_issue_cancel_reissue_keeps_totals(desk, seed):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    lines = [Line(f"PO-{rng.randint(1, 3)}", f"SKU-{seed}-{i}", str(rng.randint(1, 90_000)),
                  str(D(rng.randint(1, 99_999)) / 1000), rng.choice(["0.13", "0.09", "0.06"]))
             for i in range(rng.randint(1, 8))]
    shipment_no = ship_lines(desk, lines)
    invoicing.set_rule(desk, "C9001", SplitRule(
        per_po=rng.random() < 0.5, per_tax_rate=rng.random() < 0.5,
        amount_cap=rng.choice([None, D("100000"), D("20000")]), allow_line_split=True,
        max_lines=rng.choice([None, 2])))
    total = invoicing.preview_split(desk, shipment_no).shipment_total
    seen: set[str] = set()
    for _round in range(4):
        issued = invoicing.issue(desk, shipment_no).issued
        assert not (set(issued) & seen), "an invoice number came back"
        seen |= set(issued)
        preview = invoicing.preview_split(desk, shipment_no)
        assert preview.proposed == ()
        assert sum((i.gross for i in preview.invoices), D(0)) == total
        live = [i.invoice_no for i in preview.invoices]
        for number in rng.sample(live, rng.randint(0, len(live))):
            invoicing.cancel(desk, number, "round trip")
        after = invoicing.preview_split(desk, shipment_no)
        assert sum((i.gross for i in after.invoices), D(0)) == total  # live + proposed
    with desk.read() as s:
        every = s.scalars(select(Invoice)).all()
        blue = [i for i in every if i.kind == "invoice"]
        red = [i for i in every if i.kind == "credit"]
        assert len({i.invoice_no for i in every}) == len(every)
        assert len(red) == sum(1 for i in blue if i.status == "cancelled")
        # red-letter credits exactly reverse what they cancel
        assert sum((D(i.gross) for i in red), D(0)) == -sum(
            (D(i.gross) for i in blue if i.status == "cancelled"), D(0))


def test_partial_shipments(desk):  # type: ignore[no-untyped-def]
    order_nos = make_orders(desk, [Line("PO-P", "BRK-P", "1000", "1.00")], bind=False)
    with desk.write() as s:
        order = s.scalar(select(Order).where(Order.order_no == order_nos[0]))
        line = order.lines[0]
        for qty in (400, 600):
            batch = Batch(code=f"P{qty}", product_id=line.product_id, quantity=D(qty))
            s.add(batch)
            s.flush()
            s.add(BatchBinding(batch_id=batch.id, order_line_id=line.id, order_id=order.id,
                               quantity=D(qty), active=qty == 400))
    first = shipping.ship(desk, order_nos).shipment
    assert first.lines[0].quantity == D(400)
    with desk.read() as s:
        assert s.scalar(select(Order.status_warehouse).where(
            Order.order_no == order_nos[0])) != "shipped"
    with desk.write() as s:
        s.execute(BatchBinding.__table__.update().values(active=True))
    second = shipping.ship(desk, order_nos).shipment
    assert second.lines[0].quantity == D(600)
    with desk.read() as s:
        assert s.scalar(select(Order.status_warehouse).where(
            Order.order_no == order_nos[0])) == "shipped"
        assert s.scalar(select(func.count()).select_from(Invoice)) == 0
    # the order number finds its latest shipment
    assert invoicing.preview_split(desk, order_nos[0]).shipment_no == second.shipment_no
