"""Words of the sales station shared by its screens: fields, reasons, message kinds.

Also registers how intake errors are worded (ui/errors.py's register_describer).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def field_label(name: str | None) -> str:
    labels = {
        "": QCoreApplication.translate("sales", "(ignore)"),
        None: QCoreApplication.translate("sales", "(ignore)"),
        "channel_order_no": QCoreApplication.translate("sales", "Channel order no."),
        "customer_po": QCoreApplication.translate("sales", "Customer PO"),
        "sku": QCoreApplication.translate("sales", "SKU"),
        "product_name": QCoreApplication.translate("sales", "Product name"),
        "spec": QCoreApplication.translate("sales", "Spec"),
        "quantity": QCoreApplication.translate("sales", "Quantity"),
        "requested_date": QCoreApplication.translate("sales", "Due date"),
        "unit_price": QCoreApplication.translate("sales", "Unit price"),
        "order_time": QCoreApplication.translate("sales", "Order time"),
        "channel": QCoreApplication.translate("sales", "Channel"),
        "customer_code": QCoreApplication.translate("sales", "Customer code"),
        "customer_name": QCoreApplication.translate("sales", "Customer name"),
        "phone": QCoreApplication.translate("sales", "Phone"),
        "address": QCoreApplication.translate("sales", "Address"),
        "contact_name": QCoreApplication.translate("sales", "Contact"),
        "unit": QCoreApplication.translate("sales", "Unit"),
        "note": QCoreApplication.translate("sales", "Note"),
        "urgent": QCoreApplication.translate("sales", "Urgent"),
        "customer": QCoreApplication.translate("sales", "Customer"),
        "order": QCoreApplication.translate("sales", "Order"),
    }
    return labels.get(name, name or "")


def reason_label(reason: str) -> str:
    labels = {
        "blank": QCoreApplication.translate("sales", "required but blank"),
        "unknown_sku": QCoreApplication.translate("sales", "SKU not in the catalog"),
        "not_a_number": QCoreApplication.translate("sales", "not a number"),
        "not_positive": QCoreApplication.translate("sales", "must be greater than 0"),
        "not_a_date": QCoreApplication.translate("sales", "not a date"),
        "date_in_past": QCoreApplication.translate("sales", "date before the order date"),
        "unknown_customer": QCoreApplication.translate("sales", "customer not in the catalog"),
        "no_customer": QCoreApplication.translate("sales", "no customer"),
        "not_pack_multiple": QCoreApplication.translate("sales", "not a multiple of the pack size"),
        "conflicting_order": QCoreApplication.translate("sales", "rows of one order name different customers"),
        "sibling_rejected": QCoreApplication.translate("sales", "another row of this order was rejected"),
        "ambiguous_product": QCoreApplication.translate("sales", "several products match"),
        "unknown_product": QCoreApplication.translate("sales", "product not recognised"),
        "no_quantity": QCoreApplication.translate("sales", "no quantity"),
        "box_size_unknown": QCoreApplication.translate("sales", "boxes given, but the box size is unknown"),
    }
    return labels.get(reason, reason)


def kind_label(kind: str, reason: str | None = None) -> str:
    if kind == "order":
        return QCoreApplication.translate("sales", "Order")
    if kind == "change_request":
        return QCoreApplication.translate("sales", "Change to an existing order")
    reasons = {
        "greeting": QCoreApplication.translate("sales", "greeting"),
        "payment": QCoreApplication.translate("sales", "payment or invoice question"),
        "complaint": QCoreApplication.translate("sales", "complaint"),
        "inquiry": QCoreApplication.translate("sales", "inquiry (price, stock, sample)"),
        "logistics": QCoreApplication.translate("sales", "delivery question"),
        "other": QCoreApplication.translate("sales", "no order in it"),
    }
    return QCoreApplication.translate("sales", "Not an order: {reason}").format(
        reason=reasons.get(reason or "other", reason))


def change_field_label(name: str) -> str:
    """An order field a change request changes."""
    return {"quantity": QCoreApplication.translate("sales", "Quantity"),
            "requested_date": QCoreApplication.translate("sales", "Due date"),
            "rush": QCoreApplication.translate("sales", "Rush"),
            "cancelled": QCoreApplication.translate("sales", "Cancelled")}.get(name, name)


def why_label(code: str) -> str:
    """Why an order was matched to a change request."""
    return {"explicit": QCoreApplication.translate("sales", "number in the message"),
            "latest": QCoreApplication.translate("sales", "latest order"),
            "sku": QCoreApplication.translate("sales", "product"),
            "quantity": QCoreApplication.translate("sales", "old quantity"),
            "date_words": QCoreApplication.translate("sales", "order day"),
            "only_one": QCoreApplication.translate("sales", "only open order")}.get(code, code)


def refusal_label(reason: str) -> str:
    """Why an order cannot take a change (ChangeRefused reasons and target problems)."""
    return {
        "shipped": QCoreApplication.translate("sales", "it has been shipped"),
        "cancelled": QCoreApplication.translate("sales", "it is cancelled"),
        "merged": QCoreApplication.translate("sales", "it was merged into another order"),
        "changed_meanwhile": QCoreApplication.translate(
            "sales", "it was changed after the proposal; propose again"),
        "changed_since": QCoreApplication.translate(
            "sales", "it was changed again afterwards, so this change cannot be undone"),
        "nothing_to_change": QCoreApplication.translate(
            "sales", "the message names nothing this order could change"),
        "line_unclear": QCoreApplication.translate("sales", "choose the line to change"),
    }.get(reason, reason)


def _file_reason(reason: str) -> str:
    return {"not_a_spreadsheet": QCoreApplication.translate("sales", "it is not an Excel or CSV file"),
            "truncated": QCoreApplication.translate("sales", "the file is truncated or damaged"),
            "unknown_encoding": QCoreApplication.translate("sales", "its text encoding is unknown"),
            "missing": QCoreApplication.translate("sales", "the file does not exist")}.get(reason, reason)


def _name(error: BaseException) -> str:
    """The file's name (the full path is long and the user picked the file)."""
    from pathlib import Path

    path = str(getattr(error, "facts", {}).get("path", ""))
    return Path(path).name if path else ""


def register_describers() -> None:
    from orderdesk.ui.errors import register_describer

    register_describer("unreadable_file", lambda e: QCoreApplication.translate("sales", "Cannot read {path}: {reason}.").format(
        path=_name(e), reason=_file_reason(str(e.facts.get("reason", "")))))
    register_describer("password_protected", lambda e: QCoreApplication.translate("sales", 
        "{path} is protected by a password. Remove the password in Excel, save, and import "
        "again.").format(path=_name(e)))
    register_describer("empty_file", lambda e: QCoreApplication.translate("sales", "{path} is empty: nothing to import.").format(
        path=_name(e)))
    register_describer("header_not_found", lambda e: QCoreApplication.translate("sales", 
        "No header row found in the first {rows} rows of sheet {sheet} in {path}.").format(
        rows=e.facts.get("searched_rows", 30), sheet=e.facts.get("sheet", ""),
        path=_name(e)))
    register_describer("missing_columns", lambda e: QCoreApplication.translate("sales", 
        "Sheet {sheet} has no column for: {missing}. Choose it in the mapping.").format(
        sheet=e.facts.get("sheet", ""), missing=", ".join(
            field_label(f) for f in str(e.facts.get("missing", "")).split("/"))))
    register_describer("change_refused", lambda e: QCoreApplication.translate(
        "sales", "Order {order} cannot be changed: {reason}.").format(
        order=e.facts.get("order_no", ""), reason=refusal_label(str(e.facts.get("reason", "")))))
    register_describer("import_aborted", lambda e: QCoreApplication.translate("sales", "Import cancelled; nothing was written."))
