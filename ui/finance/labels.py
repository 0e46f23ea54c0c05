"""Translated words of the finance station: split rules, states, and its error sentences."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from orderdesk.finance import money
from orderdesk.finance import split as split_engine
from orderdesk.finance.errors import EdiError, InvoiceStateError, ShipRefused, SplitRefused
from orderdesk.ui.errors import register_describer




def rule_part(name: str) -> str:
    return {
        "po": QCoreApplication.translate("FinanceLabels", "per PO"), "ship_to": QCoreApplication.translate("FinanceLabels", "per ship-to"),
        "product_line": QCoreApplication.translate("FinanceLabels", "per product line"), "tax_rate": QCoreApplication.translate("FinanceLabels", "per tax rate"),
        "amount_cap": QCoreApplication.translate("FinanceLabels", "amount cap"), "max_lines": QCoreApplication.translate("FinanceLabels", "line cap"),
        "line_split": QCoreApplication.translate("FinanceLabels", "split line"), "single": QCoreApplication.translate("FinanceLabels", "one invoice"),
        "self_billing": QCoreApplication.translate("FinanceLabels", "self-billing"),
    }.get(name, name)


def split_by_text(split_by: str) -> str:
    """'po+tax_rate+amount_cap' as 'per customer PO + per tax rate + amount cap'."""
    return " + ".join(rule_part(p) for p in split_by.split("+") if p)


def key_text(key: tuple[tuple[str, str], ...]) -> str:
    names = {"po": QCoreApplication.translate("FinanceLabels", "PO"), "ship_to": QCoreApplication.translate("FinanceLabels", "ship-to"), "product_line": QCoreApplication.translate("FinanceLabels", "product line"),
             "tax_rate": QCoreApplication.translate("FinanceLabels", "rate")}
    return "; ".join(f"{names.get(k, k)} {v or '-'}" for k, v in key)


def state_text(state: str | None) -> str:
    return {
        "pending": QCoreApplication.translate("FinanceLabels", "pending"), "sending": QCoreApplication.translate("FinanceLabels", "sending"), "sent": QCoreApplication.translate("FinanceLabels", "sent"),
        "acknowledged": QCoreApplication.translate("FinanceLabels", "acknowledged"), "error": QCoreApplication.translate("FinanceLabels", "error"), "cancelled": QCoreApplication.translate("FinanceLabels", "cancelled"),
        "issued": QCoreApplication.translate("FinanceLabels", "issued"), "proposed": QCoreApplication.translate("FinanceLabels", "proposed"), None: "",
    }.get(state, state or "")


def kind_text(kind: str) -> str:
    return {"invoice": QCoreApplication.translate("FinanceLabels", "invoice"), "credit": QCoreApplication.translate("FinanceLabels", "red-letter credit")}.get(kind, kind)


def yuan(value: Decimal) -> str:
    return f"¥{money.cents(value):,.2f}"


def rule_summary(rule: split_engine.SplitRule) -> str:
    parts = [rule_part(k) for k in rule.keys()]
    if rule.amount_cap is not None:
        parts.append(QCoreApplication.translate("FinanceLabels", "cap {amount} {basis}").format(
            amount=yuan(rule.amount_cap),
            basis=QCoreApplication.translate("FinanceLabels", "incl. tax") if rule.cap_includes_tax else QCoreApplication.translate("FinanceLabels", "excl. tax")))
    if rule.max_lines:
        parts.append(QCoreApplication.translate("FinanceLabels", "at most {n} lines").format(n=rule.max_lines))
    if rule.allow_line_split:
        parts.append(QCoreApplication.translate("FinanceLabels", "lines may be split"))
    if rule.self_billing:
        parts = [QCoreApplication.translate("FinanceLabels", "self-billing: the customer issues the invoice")]
    return ", ".join(parts) or QCoreApplication.translate("FinanceLabels", "one invoice per shipment")


def _ship_refused(exc: BaseException) -> str:
    f = exc.facts  # type: ignore[attr-defined]
    reason = f.get("reason")
    if reason == "nothing_bound":
        return QCoreApplication.translate("FinanceLabels", "Order {order} has no bound batches left to ship.").format(order=f.get("order_no"))
    if reason == "mixed_customers":
        return QCoreApplication.translate("FinanceLabels", "One shipment is for one customer: order {order} belongs to {customer}, "
                  "the others to {other}.").format(order=f.get("order_no"),
                                                   customer=f.get("customer"), other=f.get("other"))
    if reason == "unknown_order":
        return QCoreApplication.translate("FinanceLabels", "There is no order {order}.").format(order=f.get("order_no"))
    if reason == "cancelled":
        return QCoreApplication.translate("FinanceLabels", "Order {order} is cancelled or merged.").format(order=f.get("order_no"))
    if reason == "no_customer":
        return QCoreApplication.translate("FinanceLabels", "Order {order} has no customer.").format(order=f.get("order_no"))
    return QCoreApplication.translate("FinanceLabels", "Choose at least one order to ship.")


def _split_refused(exc: BaseException) -> str:
    f = exc.facts  # type: ignore[attr-defined]
    if f.get("reason") == "no_price":
        return QCoreApplication.translate("FinanceLabels", "Line {line} ({sku}) has no unit price; sales must price it before it "
                  "can be invoiced.").format(line=f.get("line_no"), sku=f.get("sku"))
    return QCoreApplication.translate("FinanceLabels", "Shipment {shipment} is cancelled.").format(shipment=f.get("shipment_no"))


register_describer(ShipRefused, _ship_refused)
register_describer(SplitRefused, _split_refused)
register_describer(split_engine.LineOverCap, lambda e: QCoreApplication.translate("FinanceLabels", 
    "Line {line} ({sku}) is {amount}, over the cap of {cap} per invoice, and this customer "
    "does not allow split lines. Allow split lines or raise the cap in the split rules."
).format(line=e.facts.get("line_no"), sku=e.facts.get("sku"), amount=e.facts.get("amount"),
         cap=e.facts.get("cap")))
register_describer(split_engine.UnitOverCap, lambda e: QCoreApplication.translate("FinanceLabels", 
    "Line {line} ({sku}): one unit at {price} is already over the cap of {cap}."
).format(line=e.facts.get("line_no"), sku=e.facts.get("sku"),
         price=e.facts.get("unit_price"), cap=e.facts.get("cap")))
register_describer(split_engine.BadRule, lambda e: QCoreApplication.translate("FinanceLabels", 
    "This split rule cannot be used: {field} = {value}.").format(
    field=e.facts.get("field"), value=e.facts.get("value")))
register_describer(InvoiceStateError, lambda e: QCoreApplication.translate("FinanceLabels", 
    "Invoice {number} is {status}; it cannot be cancelled.").format(
    number=e.facts.get("invoice_no"), status=state_text(e.facts.get("status"))))
register_describer(EdiError, lambda e: QCoreApplication.translate("FinanceLabels", "EDI: {reason}").format(reason=e.facts.get("reason")))
