"""The demo factory's finance case: the NEV maker's rush order of 52,000 brackets, shipped
and split into 3 invoices by its ¥100,000 cap, with the DESADV and 3 INVOICs queued."""

from __future__ import annotations

from decimal import Decimal as D

from orderdesk.finance import edi_outbox, invoicing, shipping
from orderdesk.finance.demo import NEV_CODE, seed_finance_demo


def test_seed_case(desk):  # type: ignore[no-untyped-def]
    made = seed_finance_demo(desk)
    assert len(made.invoices) == 3 and made.edi_queued == 4
    preview = invoicing.preview_split(desk, made.shipment_no)
    assert preview.customer_code == NEV_CODE and preview.proposed == ()
    assert [i.invoice_no for i in preview.invoices] == list(made.invoices)
    assert sum((ln.quantity for i in preview.invoices for ln in i.lines), D(0)) == D(52000)
    assert preview.shipment_total == D("284986.00")  # 52,000 × 4.85 × 1.13
    assert sum((i.gross for i in preview.invoices), D(0)) == preview.shipment_total
    assert all(i.gross <= D("100000") for i in preview.invoices)
    shipment = shipping.get_shipment(desk, made.order_no)
    assert shipment.shipment_no == made.shipment_no and shipment.packages == 26
    assert len(shipment.lines[0].batches) == 26
    queued = edi_outbox.pending(desk)
    assert sorted(m.kind for m in queued) == ["DESADV", "INVOIC", "INVOIC", "INVOIC"]
    # the second customer's shipment waits on finance's work list, split per PO and rate
    waiting = shipping.list_shipments(desk, uninvoiced_only=True)
    assert [w.customer_code for w in waiting] == ["C0902"]
    assert len(invoicing.preview_split(desk, waiting[0].shipment_no).proposed) == 5
    assert seed_finance_demo(desk).skipped
