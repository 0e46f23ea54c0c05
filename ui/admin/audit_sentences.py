"""Audit entries as sentences an assessor can read: what changed, on which record (by
its number, not its UUID), from what to what; raw codes stay in the tooltips."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication

from orderdesk.ui.board.labels import action_label, entity_label, field_label, status_label

_MAX = 80


def _value(raw: str | None, field: str | None = None) -> str:
    """A stored value in words: JSON strings unquoted, true/false as yes/no, status
    codes through the board's status names, long text shortened."""
    if raw is None or raw == "":
        return QCoreApplication.translate("audit", "(empty)")
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        value = raw
    if value is None:
        return QCoreApplication.translate("audit", "(empty)")
    if isinstance(value, bool):
        return (QCoreApplication.translate("audit", "yes") if value
                else QCoreApplication.translate("audit", "no"))
    if isinstance(value, (dict, list)):
        return QCoreApplication.translate("audit", "{n} values").format(n=len(value))
    text = str(value)
    if field and field.startswith("status_"):
        text = status_label(text) or text
    return text if len(text) <= _MAX else text[: _MAX - 1] + "\u2026"


def order_id_of(row) -> str | None:  # type: ignore[no-untyped-def]
    """The order an inserted row belongs to (its JSON has an order_id), if any."""
    if not row.new_value or "order_id" not in row.new_value:
        return None
    try:
        value = json.loads(row.new_value)
    except (TypeError, ValueError):
        return None
    oid = value.get("order_id") if isinstance(value, dict) else None
    return oid if isinstance(oid, str) else None


def record_text(row, names: dict[str, str]) -> str:  # type: ignore[no-untyped-def]
    """"order SO-2026-000123" (the kind of record and its name, when known; a record
    without a name of its own by its order: "rush step of order SO-…")."""
    kind = entity_label(row.entity) if row.entity else ""
    name = names.get(f"{row.entity}:{row.entity_id}", "") if row.entity_id else ""
    if not name:
        order = names.get(f"orders:{order_id_of(row)}", "")
        if order and row.entity != "orders":
            return QCoreApplication.translate("audit", "{kind} of order {order}").format(
                kind=kind, order=order)
    return f"{kind} {name}".strip()


def audit_sentence(row, names: dict[str, str]) -> str:  # type: ignore[no-untyped-def]
    """One audit row (orderdesk.services.audit.AuditRow) as a sentence."""
    record = record_text(row, names)
    if row.action == "insert":
        if record:
            return QCoreApplication.translate("audit", "Created {record}").format(record=record)
        return QCoreApplication.translate("audit", "Created a record")
    if row.action == "update" and row.field:
        return QCoreApplication.translate(
            "audit", "Changed {field} of {record} from “{old}” to “{new}”").format(
                field=field_label(row.field), record=record or entity_label(row.entity),
                old=_value(row.old_value, row.field), new=_value(row.new_value, row.field))
    if row.action == "delete":
        return QCoreApplication.translate("audit", "Removed {record}").format(record=record)
    event = action_label(row.action)
    if record:
        return QCoreApplication.translate("audit", "{event}: {record}").format(
            event=event, record=record)
    return event
