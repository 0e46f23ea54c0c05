"""Translated names of insight codes (KPIs, units, colours, sub-scores, categories)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from orderdesk.insight.kpi import shown



def kpi_name(key: str) -> str:
    return {
        "processing_time": QCoreApplication.translate("InsightLabels", "Order processing time"),
        "first_pass_accuracy": QCoreApplication.translate("InsightLabels", "First-pass accuracy"),
        "rush_latency": QCoreApplication.translate("InsightLabels", "Cross-department response"),
    }.get(key, key)


def kpi_definition(key: str) -> str:
    return {
        "processing_time": QCoreApplication.translate("InsightLabels", "From the customer's submission to an executable work order "
                              "(released to production). Orders received in the period."),
        "first_pass_accuracy": QCoreApplication.translate("InsightLabels", "Orders never corrected after confirmation, also later "
                                  "(released orders received in the period)."),
        "rush_latency": QCoreApplication.translate("InsightLabels", "From a rush request to PMC confirming it can be scheduled "
                           "(rush cases requested in the period)."),
    }.get(key, "")


def unit(code: str) -> str:
    return {"min": QCoreApplication.translate("InsightLabels", "min"), "h": QCoreApplication.translate("InsightLabels", "h"), "%": "%"}.get(code, code)


def number(value: float | None, unit_code: str) -> str:
    v = shown(value, unit_code)
    if v is None:
        return "—"
    decimals = {"min": 1, "h": 2, "%": 2}.get(unit_code, 2)
    return f"{v:.{decimals}f}"


def age(value: float | None, unit_code: str) -> str:
    """An open case's age, in the unit a person reads it in (min, h or days)."""
    if value is None:
        return "—"
    minutes = value if unit_code == "min" else value * 60
    if minutes < 120:
        return QCoreApplication.translate("InsightLabels", "{n} min").format(n=f"{minutes:.0f}")
    if minutes < 48 * 60:
        return QCoreApplication.translate("InsightLabels", "{n} h").format(n=f"{minutes / 60:.1f}")
    return QCoreApplication.translate("InsightLabels", "{n} days").format(n=f"{minutes / 1440:.1f}")


def target_text(key: str, target: float, better: str, unit_code: str) -> str:
    sign = "≤" if better == "lower" else "≥"
    return QCoreApplication.translate("InsightLabels", "target {sign} {value} {unit}").format(sign=sign, value=f"{target:g}",
                                                     unit=unit(unit_code))


def color_name(code: str) -> str:
    return {"red": QCoreApplication.translate("InsightLabels", "red"), "yellow": QCoreApplication.translate("InsightLabels", "yellow"), "green": QCoreApplication.translate("InsightLabels", "green"),
            "no_data": QCoreApplication.translate("InsightLabels", "no data")}.get(code, code)


COLOR_BG = {"red": QColor("#f8d0d0"), "yellow": QColor("#fcefc0"), "green": QColor("#d4efd6"),
            "no_data": QColor("#e8e8e8")}


def sub_name(key: str) -> str:
    return {"otif": QCoreApplication.translate("InsightLabels", "On time in full %"), "changes": QCoreApplication.translate("InsightLabels", "Changes / 100 lines"),
            "complaints": QCoreApplication.translate("InsightLabels", "Complaints / 100 deliveries"),
            "payment": QCoreApplication.translate("InsightLabels", "Payment terms kept %")}.get(key, key)


def dimension_name(key: str | None) -> str:
    return {None: QCoreApplication.translate("InsightLabels", "(none)"), "product_line": QCoreApplication.translate("InsightLabels", "Product line"), "tier": QCoreApplication.translate("InsightLabels", "Customer tier"),
            "channel": QCoreApplication.translate("InsightLabels", "Channel")}.get(key, key or "")


def category_name(code: str | None) -> str:
    return {"man": QCoreApplication.translate("InsightLabels", "Man 人"), "machine": QCoreApplication.translate("InsightLabels", "Machine 机"), "material": QCoreApplication.translate("InsightLabels", "Material 料"),
            "method": QCoreApplication.translate("InsightLabels", "Method 法"), "environment": QCoreApplication.translate("InsightLabels", "Environment 环"),
            "measurement": QCoreApplication.translate("InsightLabels", "Measurement 测")}.get(code or "", code or "")


def event_name(kind: str) -> str:
    return {"received": QCoreApplication.translate("InsightLabels", "received"), "confirmed": QCoreApplication.translate("InsightLabels", "confirmed"),
            "released": QCoreApplication.translate("InsightLabels", "released to production"), "status": QCoreApplication.translate("InsightLabels", "status"),
            "corrected": QCoreApplication.translate("InsightLabels", "corrected"), "cancelled": QCoreApplication.translate("InsightLabels", "cancelled"),
            "rush_requested": QCoreApplication.translate("InsightLabels", "rush requested"), "rush_confirmed": QCoreApplication.translate("InsightLabels", "rush confirmed"),
            "rush_withdrawn": QCoreApplication.translate("InsightLabels", "rush withdrawn"), "shipped": QCoreApplication.translate("InsightLabels", "shipped"),
            "invoiced": QCoreApplication.translate("InsightLabels", "invoiced"), "exception_raised": QCoreApplication.translate("InsightLabels", "exception raised"),
            "exception_closed": QCoreApplication.translate("InsightLabels", "exception closed")}.get(kind, kind)
