"""Shipping, split preview, issue (idempotent), cancel with a red-letter credit, on a real
SQLite file."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from orderdesk.errors import NotFound, PermissionDenied, ValidationFailed
from orderdesk.finance import invoicing, shipping
from orderdesk.finance.errors import InvoiceStateError, ShipRefused, SplitRefused
from orderdesk.finance.split import LineOverCap, SplitRule
from orderdesk.models import AuditLog, Order, Outbox, StatusEvent
from orderdesk.models.finance import Invoice, InvoiceLine, Shipment
from tests.core.finance_support import Line, make_orders, ship_lines

THREE_POS = [
    Line("PO-1", "BRK-A", "50000", "1.50", "0.13"),
    Line("PO-1", "BRK-B", "10000", "2.00", "0.13"),
    Line("PO-1", "SVC-C", "1000", "8.00", "0.09"),
    Line("PO-2", "BRK-D", "100000", "1.00", "0.13"),
    Line("PO-3", "SVC-E", "5000", "10.00", "0.09"),
    Line("PO-3", "SVC-F", "3000", "12.00", "0.09"),
]
RULE = SplitRule(per_po=True, per_tax_rate=True, amount_cap=D("100000"), allow_line_split=True)


def test_ship_moves_status_and_is_audited_and_synced(desk):  # type: ignore[no-untyped-def]
    order_nos = make_orders(desk, THREE_POS[:2])
    result = shipping.ship(desk, order_nos, carrier="顺丰", packages=4)
    assert result.shipment.shipment_no.startswith("SH-")
    assert result.shipment.packages == 4
    assert [ln.quantity for ln in result.shipment.lines] == [D(50000), D(10000)]
    with desk.read() as s:
        order = s.scalar(select(Order).where(Order.order_no == order_nos[0]))
        assert order.status_warehouse == "shipped"
        assert s.scalar(select(func.count()).select_from(StatusEvent).where(
            StatusEvent.order_id == order.id, StatusEvent.new_status == "shipped")) == 1
        assert s.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.action == "shipment.ship")) == 1
        assert s.scalar(select(func.count()).select_from(Outbox).where(
            Outbox.entity == "shipments")) >= 1
    # Shipping again: nothing bound is left, refused with the reason, nothing written.
    with pytest.raises(ShipRefused) as err:
        shipping.ship(desk, order_nos)
    assert err.value.facts["reason"] == "nothing_bound"
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(Shipment)) == 1


def test_ship_refuses_unknown_and_mixed_customers(desk):  # type: ignore[no-untyped-def]
    a = make_orders(desk, [Line("PO-X", "BRK-X", "10", "1")], customer="C1")
    b = make_orders(desk, [Line("PO-Y", "BRK-Y", "10", "1")], customer="C2", name="别家")
    with pytest.raises(ShipRefused) as err:
        shipping.ship(desk, a + b)
    assert err.value.facts["reason"] == "mixed_customers"
    with pytest.raises(ShipRefused) as err:
        shipping.ship(desk, ["SO-2026-404404"])
    assert err.value.facts["reason"] == "unknown_order"
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(Shipment)) == 0


def test_three_pos_two_rates_issue_is_cent_exact_and_idempotent(desk):  # type: ignore[no-untyped-def]
    shipment_no = ship_lines(desk, THREE_POS)
    invoicing.set_rule(desk, "C9001", RULE, buyer_name="某新能源汽车有限公司",
                       tax_id="91320500MA1XXXXX1Y")
    preview = invoicing.preview_split(desk, shipment_no)
    assert [inv.gross for inv in preview.invoices] == [
        D("84750.00"), D("22600.00"), D("8720.00"), D("99999.35"), D("13000.65"),
        D("93740.00")]
    assert preview.shipment_total == D("322810.00")
    assert all(inv.invoice_no is None for inv in preview.invoices)

    first = invoicing.issue(desk, shipment_no)
    assert len(first.issued) == 6 and len(set(first.issued)) == 6
    assert sum((i.gross for i in first.preview.invoices), D(0)) == D("322810.00")
    # Re-running the split or the issue proposes nothing and takes no number.
    again = invoicing.issue(desk, shipment_no)
    assert again.issued == ()
    assert [i.invoice_no for i in again.preview.invoices] == list(first.issued)
    by_order = invoicing.preview_split(desk, first.preview.invoices[0].lines[0].order_no)
    assert [i.invoice_no for i in by_order.invoices] == list(first.issued)
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(Invoice)) == 6
        stored = s.scalar(select(func.sum(InvoiceLine.amount) + func.sum(InvoiceLine.tax)))
        assert D(stored).quantize(D("0.01")) == D("322810.00")


def test_cancel_makes_red_letter_credit_and_reissues_only_that_part(desk):  # type: ignore[no-untyped-def]
    shipment_no = ship_lines(desk, THREE_POS)
    invoicing.set_rule(desk, "C9001", RULE)
    issued = invoicing.issue(desk, shipment_no).issued
    target = issued[3]  # the 88,495-unit part of PO-2
    with pytest.raises(ValidationFailed):
        invoicing.cancel(desk, target, " ")
    credit = invoicing.cancel(desk, target, "客户要求更正开票信息")
    assert credit.kind == "credit" and credit.credit_of == target
    assert credit.gross == D("-99999.35") and credit.invoice_no.startswith("RED-")
    with pytest.raises(InvoiceStateError):
        invoicing.cancel(desk, target, "again")
    with desk.read() as s:
        original = s.scalar(select(Invoice).where(Invoice.invoice_no == target))
        assert original.status == "cancelled" and original.cancel_reason
        assert s.scalar(select(func.count()).select_from(Invoice)) == 7  # nothing deleted
        assert s.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.action == "invoice.cancel")) == 1
    preview = invoicing.preview_split(desk, shipment_no)
    proposed = preview.proposed
    assert len(proposed) == 1 and proposed[0].gross == D("99999.35")
    assert proposed[0].lines[0].quantity == D(88495)
    reissued = invoicing.issue(desk, shipment_no).issued
    assert len(reissued) == 1 and reissued[0] not in issued
    live = [i for i in invoicing.preview_split(desk, shipment_no).invoices]
    assert sum((i.gross for i in live), D(0)) == D("322810.00")


def test_line_over_cap_refused_before_anything_is_written(desk):  # type: ignore[no-untyped-def]
    shipment_no = ship_lines(desk, THREE_POS)
    invoicing.set_rule(desk, "C9001", SplitRule(per_po=True, amount_cap=D("100000")))
    with pytest.raises(LineOverCap):
        invoicing.issue(desk, shipment_no)
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(Invoice)) == 0


def test_self_billing_customer_gets_no_invoice(desk):  # type: ignore[no-untyped-def]
    shipment_no = ship_lines(desk, THREE_POS[:1])
    invoicing.set_rule(desk, "C9001", SplitRule(self_billing=True))
    result = invoicing.issue(desk, shipment_no)
    assert result.issued == () and result.preview.self_billing
    assert result.preview.shipment_total == D("84750.00")


def test_unpriced_line_refuses_the_split(desk):  # type: ignore[no-untyped-def]
    order_nos = make_orders(desk, [Line("PO-Z", "BRK-Z", "5", "1")])
    with desk.write() as s:
        order = s.scalar(select(Order).where(Order.order_no == order_nos[0]))
        order.lines[0].unit_price = None
    shipment_no = shipping.ship(desk, order_nos).shipment.shipment_no
    with pytest.raises(SplitRefused) as err:
        invoicing.preview_split(desk, shipment_no)
    assert err.value.facts["reason"] == "no_price"


def test_rules_need_finance_and_valid_values(desk):  # type: ignore[no-untyped-def]
    from orderdesk.desk import UserInfo

    ship_lines(desk, THREE_POS[:1])
    with pytest.raises(ValidationFailed):
        invoicing.set_rule(desk, "C9001", SplitRule(), tax_id="123")
    with pytest.raises(NotFound):
        invoicing.set_rule(desk, "NOPE", SplitRule())
    desk.sign_in(UserInfo("u1", "wh1", "仓库", ("warehouse",)))
    with pytest.raises(PermissionDenied):
        invoicing.set_rule(desk, "C9001", SplitRule(per_po=True))
    with pytest.raises(PermissionDenied):
        invoicing.issue(desk, "SH-2026-000001")
    desk.sign_in(UserInfo("u2", "fin1", "财务", ("finance",)))
    invoicing.set_rule(desk, "C9001", SplitRule(per_po=True))
    assert invoicing.get_rule(desk, "C9001").rule.per_po
