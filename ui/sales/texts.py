"""Words of the sales station shared by its screens: fields, reasons, message kinds.

Also registers how intake errors are worded (ui/errors.py's register_describer).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("sales", text)


def field_label(name: str | None) -> str:
    labels = {
        "": _t("(ignore)"), None: _t("(ignore)"),
        "channel_order_no": _t("Channel order no."), "customer_po": _t("Customer PO"),
        "sku": _t("SKU"), "product_name": _t("Product name"), "spec": _t("Spec"),
        "quantity": _t("Quantity"), "requested_date": _t("Due date"),
        "unit_price": _t("Unit price"), "order_time": _t("Order time"),
        "channel": _t("Channel"), "customer_code": _t("Customer code"),
        "customer_name": _t("Customer name"), "phone": _t("Phone"), "address": _t("Address"),
        "contact_name": _t("Contact"), "unit": _t("Unit"), "note": _t("Note"),
        "urgent": _t("Urgent"), "customer": _t("Customer"), "order": _t("Order"),
    }
    return labels.get(name, name or "")


def reason_label(reason: str) -> str:
    labels = {
        "blank": _t("required but blank"),
        "unknown_sku": _t("SKU not in the catalog"),
        "not_a_number": _t("not a number"),
        "not_positive": _t("must be greater than 0"),
        "not_a_date": _t("not a date"),
        "date_in_past": _t("date before the order date"),
        "unknown_customer": _t("customer not in the catalog"),
        "no_customer": _t("no customer"),
        "not_pack_multiple": _t("not a multiple of the pack size"),
        "conflicting_order": _t("rows of one order name different customers"),
        "sibling_rejected": _t("another row of this order was rejected"),
        "ambiguous_product": _t("several products match: choose one"),
        "unknown_product": _t("product not recognised"),
        "no_quantity": _t("no quantity"),
        "box_size_unknown": _t("boxes given, but the box size is unknown"),
    }
    return labels.get(reason, reason)


def kind_label(kind: str, reason: str | None = None) -> str:
    if kind == "order":
        return _t("Order")
    if kind == "change_request":
        return _t("Change to an existing order")
    reasons = {"greeting": _t("greeting"), "payment": _t("payment or invoice question"),
               "complaint": _t("complaint"), "inquiry": _t("inquiry (price, stock, sample)"),
               "logistics": _t("delivery question"), "other": _t("no order in it")}
    return _t("Not an order: {reason}").format(reason=reasons.get(reason or "other", reason))


def _file_reason(reason: str) -> str:
    return {"not_a_spreadsheet": _t("it is not an Excel or CSV file"),
            "truncated": _t("the file is truncated or damaged"),
            "unknown_encoding": _t("its text encoding is unknown"),
            "missing": _t("the file does not exist")}.get(reason, reason)


def register_describers() -> None:
    from orderdesk.ui.errors import register_describer

    register_describer("unreadable_file", lambda e: _t("Cannot read {path}: {reason}.").format(
        path=e.facts.get("path", ""), reason=_file_reason(str(e.facts.get("reason", "")))))
    register_describer("password_protected", lambda e: _t(
        "{path} is protected by a password. Remove the password in Excel, save, and import "
        "again.").format(path=e.facts.get("path", "")))
    register_describer("empty_file", lambda e: _t("{path} is empty: nothing to import.").format(
        path=e.facts.get("path", "")))
    register_describer("header_not_found", lambda e: _t(
        "No header row found in the first {rows} rows of sheet {sheet} in {path}.").format(
        rows=e.facts.get("searched_rows", 30), sheet=e.facts.get("sheet", ""),
        path=e.facts.get("path", "")))
    register_describer("missing_columns", lambda e: _t(
        "Sheet {sheet} has no column for: {missing}. Choose it in the mapping.").format(
        sheet=e.facts.get("sheet", ""), missing=", ".join(
            field_label(f) for f in str(e.facts.get("missing", "")).split("/"))))
    register_describer("import_aborted", lambda e: _t("Import cancelled; nothing was written."))
