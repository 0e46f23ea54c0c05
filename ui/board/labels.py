"""Translated names of codes the core stores: statuses, departments, channels.

Other pages may use these too (`from orderdesk.ui.board.labels import status_label`).
The Chinese translations follow orderdesk.statuses.ZH_LABELS (a test checks it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status_label(code: str) -> str:
    texts = {
        "draft": QCoreApplication.translate("statuses", "Draft"),
        "confirmed": QCoreApplication.translate("statuses", "Confirmed"),
        "contracted": QCoreApplication.translate("statuses", "Contracted"),
        "awaiting_schedule": QCoreApplication.translate("statuses", "Awaiting schedule"),
        "material_issued": QCoreApplication.translate("statuses", "Material issued"),
        "in_production": QCoreApplication.translate("statuses", "In production"),
        "in_inspection": QCoreApplication.translate("statuses", "In inspection"),
        "finished": QCoreApplication.translate("statuses", "Finished"),
        "awaiting_stock": QCoreApplication.translate("statuses", "Awaiting stock"),
        "kitted": QCoreApplication.translate("statuses", "Kitted"),
        "picking": QCoreApplication.translate("statuses", "Picking"),
        "ready_to_ship": QCoreApplication.translate("statuses", "Ready to ship"),
        "shipped": QCoreApplication.translate("statuses", "Shipped"),
    }
    return texts.get(code, code)


#: English source of each status (for the translation test against ZH_LABELS).
STATUS_SOURCES = {
    "draft": "Draft", "confirmed": "Confirmed", "contracted": "Contracted",
    "awaiting_schedule": "Awaiting schedule", "material_issued": "Material issued",
    "in_production": "In production", "in_inspection": "In inspection", "finished": "Finished",
    "awaiting_stock": "Awaiting stock", "kitted": "Kitted", "picking": "Picking",
    "ready_to_ship": "Ready to ship", "shipped": "Shipped",
}


def department_label(code: str) -> str:
    texts = {
        "sales": QCoreApplication.translate("departments", "Sales"),
        "production": QCoreApplication.translate("departments", "Production"),
        "warehouse": QCoreApplication.translate("departments", "Warehouse"),
    }
    return texts.get(code, code)


def channel_label(code: str) -> str:
    texts = {
        "wechat": QCoreApplication.translate("channels", "WeChat"),
        "wecom": QCoreApplication.translate("channels", "WeCom"),
        "phone": QCoreApplication.translate("channels", "Phone"),
        "excel_email": QCoreApplication.translate("channels", "Excel by e-mail"),
        "old_web": QCoreApplication.translate("channels", "Old web system"),
        "douyin": QCoreApplication.translate("channels", "Douyin shop"),
        "pinduoduo": QCoreApplication.translate("channels", "Pinduoduo"),
        "taobao": QCoreApplication.translate("channels", "Taobao"),
        "jd_pop": QCoreApplication.translate("channels", "JD POP"),
        "1688": QCoreApplication.translate("channels", "1688"),
        "mini_program": QCoreApplication.translate("channels", "Mini program"),
        "pos": QCoreApplication.translate("channels", "Shop POS"),
        "manual": QCoreApplication.translate("channels", "Manual entry"),
    }
    return texts.get(code, code)


def action_label(code: str) -> str:
    texts = {
        "insert": QCoreApplication.translate("audit", "Created"),
        "update": QCoreApplication.translate("audit", "Changed"),
        "delete": QCoreApplication.translate("audit", "Deleted"),
        "login": QCoreApplication.translate("audit", "Sign-in"),
        "logout": QCoreApplication.translate("audit", "Sign-out"),
        "unlock": QCoreApplication.translate("audit", "Account unlocked"),
        "reset_password": QCoreApplication.translate("audit", "Password reset"),
        "lockout": QCoreApplication.translate("audit", "Account locked"),
        "export": QCoreApplication.translate("audit", "Export"),
        "print": QCoreApplication.translate("audit", "Print"),
        "undo": QCoreApplication.translate("audit", "Undo"),
        "audit_verify": QCoreApplication.translate("audit", "Audit check"),
        "change_request": QCoreApplication.translate("audit", "Change requested by customer"),
        "import": QCoreApplication.translate("audit", "Import"),
        "unbind": QCoreApplication.translate("audit", "Batch unbound"),
        "scan_refused": QCoreApplication.translate("audit", "Scan refused"),
        "revoke": QCoreApplication.translate("audit", "Certificate revoked"),
        "reissue": QCoreApplication.translate("audit", "Certificate reissued"),
        "station_key": QCoreApplication.translate("audit", "Station key issued"),
        "api_key": QCoreApplication.translate("audit", "Channel API key issued"),
        "resolve_conflict": QCoreApplication.translate("audit", "Sync conflict resolved"),
        "prune_change_log": QCoreApplication.translate("audit", "Change log pruned"),
        "create_user": QCoreApplication.translate("audit", "Account creation"),
        "set_roles": QCoreApplication.translate("audit", "Role change"),
        "backup": QCoreApplication.translate("audit", "Database backed up"),
        "restore": QCoreApplication.translate("audit", "Database restored from a backup"),
        "anchor": QCoreApplication.translate("audit", "Audit chain anchored at the server"),
        "approve_key": QCoreApplication.translate("audit", "Signing key approved"),
        "outbox_trim": QCoreApplication.translate("audit", "Sent changes trimmed"),
        "audit_pack": QCoreApplication.translate("audit", "Older audit rows packed"),
        "person_token": QCoreApplication.translate("audit", "Person verified at the server"),
        "sync_park": QCoreApplication.translate("audit", "Transaction parked"),
        "share.create": QCoreApplication.translate("audit", "Share link made"),
        "share.revoke": QCoreApplication.translate("audit", "Share link stopped"),
    }
    return texts.get(code, code)


def note_kind_label(code: str) -> str:
    """What kind of note an order carries (order dialog, notes tab)."""
    texts = {
        "note": QCoreApplication.translate("audit", "Note"),
        "message": QCoreApplication.translate("audit", "Customer message"),
        "merge": QCoreApplication.translate("audit", "Merged order"),
        "engineering": QCoreApplication.translate("audit", "Engineering"),
    }
    return texts.get(code, code)


def outcome_label(code: str) -> str:
    texts = {
        "ok": QCoreApplication.translate("audit", "OK"),
        "bad_password": QCoreApplication.translate("audit", "Wrong password"),
        "unknown_user": QCoreApplication.translate("audit", "Unknown user"),
        "disabled": QCoreApplication.translate("audit", "Account disabled"),
        "locked": QCoreApplication.translate("audit", "Account locked"),
        "idle": QCoreApplication.translate("audit", "Idle timeout"),
        "broken": QCoreApplication.translate("audit", "Chain broken"),
        "refused": QCoreApplication.translate("audit", "Refused"),
    }
    return texts.get(code, code)


def entity_label(table: str | None) -> str:
    """A tracked table's name as people call the record (audit trail, change trail)."""
    texts = {
        "orders": QCoreApplication.translate("audit", "Order"),
        "order_lines": QCoreApplication.translate("audit", "Order line"),
        "order_channel_refs": QCoreApplication.translate("audit", "Channel number"),
        "status_events": QCoreApplication.translate("audit", "Status change"),
        "notes": QCoreApplication.translate("audit", "Note"),
        "attachments": QCoreApplication.translate("audit", "Attachment"),
        "users": QCoreApplication.translate("audit", "Account"),
        "user_roles": QCoreApplication.translate("audit", "Account role"),
        "customers": QCoreApplication.translate("audit", "Customer"),
        "products": QCoreApplication.translate("audit", "Product"),
        "settings": QCoreApplication.translate("audit", "Setting"),
        "audit_log": QCoreApplication.translate("audit", "Audit log"),
        "addresses": QCoreApplication.translate("audit", "Delivery address"),
        "contacts": QCoreApplication.translate("audit", "Contact"),
        "customer_aliases": QCoreApplication.translate("audit", "Customer alias"),
        "product_nicknames": QCoreApplication.translate("audit", "Product nickname"),
        "bom_lines": QCoreApplication.translate("audit", "BOM line"),
        "stock": QCoreApplication.translate("audit", "Stock"),
        "receipts": QCoreApplication.translate("audit", "Incoming receipt"),
        "blobs": QCoreApplication.translate("audit", "Stored file"),
        "intake_files": QCoreApplication.translate("audit", "Imported file"),
        "batches": QCoreApplication.translate("audit", "Batch"),
        "batch_bindings": QCoreApplication.translate("audit", "Batch binding"),
        "batch_materials": QCoreApplication.translate("audit", "Batch material lot"),
        "material_lots": QCoreApplication.translate("audit", "Material lot"),
        "inspections": QCoreApplication.translate("audit", "Final inspection"),
        "issue_overrides": QCoreApplication.translate("audit", "Certificate block override"),
        "scan_events": QCoreApplication.translate("audit", "Scan"),
        "certificates": QCoreApplication.translate("audit", "Certificate"),
        "certificate_templates": QCoreApplication.translate("audit", "Certificate template"),
        "dedup_pairs": QCoreApplication.translate("audit", "Possible duplicate"),
        "dedup_merge_moves": QCoreApplication.translate("audit", "Merge step"),
        "rush_cases": QCoreApplication.translate("audit", "Rush case"),
        "rush_steps": QCoreApplication.translate("audit", "Rush step"),
        "notifications": QCoreApplication.translate("audit", "Notification"),
        "kit_report": QCoreApplication.translate("audit", "Kit report"),
        "database": QCoreApplication.translate("audit", "Database"),
        "sync_api_keys": QCoreApplication.translate("audit", "Channel API key"),
        "sync_change_log": QCoreApplication.translate("audit", "Sync change log"),
        "sync_conflicts": QCoreApplication.translate("audit", "Sync conflict"),
        "sync_stations": QCoreApplication.translate("audit", "Station"),
        "sync_tokens": QCoreApplication.translate("audit", "Sign-in token"),
        "edi_messages": QCoreApplication.translate("audit", "EDI message"),
        "edi_partners": QCoreApplication.translate("audit", "EDI partner"),
        "exception_photos": QCoreApplication.translate("audit", "Exception photo"),
        "exception_reports": QCoreApplication.translate("audit", "Exception report"),
        "handbook_editions": QCoreApplication.translate("audit", "Handbook edition"),
        "inbound_shipments": QCoreApplication.translate("audit", "Inbound shipment"),
        "invoice_lines": QCoreApplication.translate("audit", "Invoice line"),
        "invoice_rules": QCoreApplication.translate("audit", "Invoice split rules"),
        "invoices": QCoreApplication.translate("audit", "Invoice"),
        "lesson_cards": QCoreApplication.translate("audit", "Lessons-learned card"),
        "machine_logs": QCoreApplication.translate("audit", "Machine log"),
        "outbox": QCoreApplication.translate("audit", "Outbox"),
        "planned_downtime": QCoreApplication.translate("audit", "Planned downtime"),
        "product_tax": QCoreApplication.translate("audit", "Product tax rate"),
        "reschedules": QCoreApplication.translate("audit", "Reschedule"),
        "routings": QCoreApplication.translate("audit", "Routing"),
        "share_links": QCoreApplication.translate("audit", "Share link"),
        "shipment_lines": QCoreApplication.translate("audit", "Shipment line"),
        "shipments": QCoreApplication.translate("audit", "Shipment"),
        "sync_audit_anchors": QCoreApplication.translate("audit", "Audit chain anchor"),
        "work_centre_shifts": QCoreApplication.translate("audit", "Shift"),
        "work_centres": QCoreApplication.translate("audit", "Machine"),
        "work_orders": QCoreApplication.translate("audit", "Work order"),
    }
    return texts.get(table or "", table or "")


def field_label(field: str | None) -> str:
    """An order field's name for the change trail (other fields show their code)."""
    texts = {
        "status_sales": QCoreApplication.translate("audit", "Sales status"),
        "status_production": QCoreApplication.translate("audit", "Production status"),
        "status_warehouse": QCoreApplication.translate("audit", "Warehouse status"),
        "quantity": QCoreApplication.translate("audit", "Quantity"),
        "unit_price": QCoreApplication.translate("audit", "Unit price"),
        "due_date": QCoreApplication.translate("audit", "Due date"),
        "requested_date": QCoreApplication.translate("audit", "Requested date"),
        "promised_date": QCoreApplication.translate("audit", "Promised date"),
        "customer_po": QCoreApplication.translate("audit", "Customer PO"),
        "rush": QCoreApplication.translate("audit", "Rush"),
        "cancelled": QCoreApplication.translate("audit", "Cancelled"),
        "delivery_address": QCoreApplication.translate("audit", "Delivery address"),
    }
    return texts.get(field or "", field or "")
