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
