"""Wording of the PMC core's errors, in the UI language.

The green-channel and BOM errors are registered with the shell's describer table (so
`orderdesk.ui.errors.describe_error` words them anywhere); `describe` also names the
PMC fields and reasons of a ValidationFailed that the shell does not know.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from orderdesk.errors import ValidationFailed
from orderdesk.pmc.green_channel import NotInGreenChannel, StepAlreadyDone
from orderdesk.pmc.kitting import BomCycle
from orderdesk.ui.errors import describe_error, register_describer


def _bom_cycle(exc: BaseException) -> str:
    path = " → ".join(getattr(exc, "facts", {}).get("path", []))
    return QCoreApplication.translate(
        "pmc_errors", "The BOMs form a loop: {path}. Change one of these BOM lines; until "
        "then the kit cannot be checked.").format(path=path)


def _step_done(exc: BaseException) -> str:
    f = getattr(exc, "facts", {})
    return QCoreApplication.translate(
        "pmc_errors", "This step of {order} is already confirmed.").format(
        order=f.get("order_no", "-"))


def _not_in_channel(exc: BaseException) -> str:
    f = getattr(exc, "facts", {})
    return QCoreApplication.translate(
        "pmc_errors", "Order {order} is not in the green channel.").format(
        order=f.get("order_no", "-"))


register_describer(BomCycle, _bom_cycle)
register_describer(StepAlreadyDone, _step_done)
register_describer(NotInGreenChannel, _not_in_channel)

FIELDS = {
    "qty_per": lambda: QCoreApplication.translate("pmc_errors", "Qty per unit"),
    "scrap_rate": lambda: QCoreApplication.translate("pmc_errors", "Scrap allowance"),
    "on_hand": lambda: QCoreApplication.translate("pmc_errors", "On hand"),
    "allocated": lambda: QCoreApplication.translate("pmc_errors", "Allocated elsewhere"),
    "due_date": lambda: QCoreApplication.translate("pmc_errors", "Due date"),
    "component": lambda: QCoreApplication.translate("pmc_errors", "Component"),
    "tiers": lambda: QCoreApplication.translate("pmc_errors", "Customer tiers"),
    "due_within_hours": lambda: QCoreApplication.translate("pmc_errors", "Due within (hours)"),
    "webhook_url": lambda: QCoreApplication.translate("pmc_errors", "Webhook URL"),
    "webhook_kind": lambda: QCoreApplication.translate("pmc_errors", "Robot"),
    "targets_minutes": lambda: QCoreApplication.translate("pmc_errors", "Target time"),
    "step": lambda: QCoreApplication.translate("pmc_errors", "Step"),
    "file": lambda: QCoreApplication.translate("pmc_errors", "File"),
    "order": lambda: QCoreApplication.translate("pmc_errors", "Order"),
    "receipt": lambda: QCoreApplication.translate("pmc_errors", "Receipt"),
    "kind": lambda: QCoreApplication.translate("pmc_errors", "Kind"),
}
REASONS = {
    "not_a_url": lambda: QCoreApplication.translate("pmc_errors", "it must start with http:// or https://"),
    "unknown_step": lambda: QCoreApplication.translate("pmc_errors", "there is no such step"),
    "out_of_range": lambda: QCoreApplication.translate("pmc_errors", "it must be at least 0 and below 1 (0.02 = 2%)"),
    "self": lambda: QCoreApplication.translate("pmc_errors", "a product cannot be its own component"),
    "too_large": lambda: QCoreApplication.translate("pmc_errors", "the file is larger than {limit_mb} MB"),
    "not_open": lambda: QCoreApplication.translate("pmc_errors", "the order is cancelled or merged"),
    "already_received": lambda: QCoreApplication.translate("pmc_errors", "the goods were already received"),
    "not_a_date": lambda: QCoreApplication.translate("pmc_errors", "it is not a date"),
    "not_a_number": lambda: QCoreApplication.translate("pmc_errors", "it is not a number"),
    "not_positive": lambda: QCoreApplication.translate("pmc_errors", "it must be greater than zero"),
    "required": lambda: QCoreApplication.translate("pmc_errors", "it is required"),
}


def describe(exc: BaseException) -> str:
    """A sentence for any error raised by the PMC services."""
    if isinstance(exc, ValidationFailed):
        facts = exc.facts
        field = str(facts.get("field", ""))
        reason = str(facts.get("reason", ""))
        if field in FIELDS or reason in REASONS:
            name = FIELDS[field]() if field in FIELDS else field
            text = QCoreApplication.translate("pmc_errors", "Invalid {field}").format(field=name)
            value = facts.get("value")
            if value not in (None, ""):
                text += " \u201c" + str(value) + "\u201d"
            if reason in REASONS:
                text += " \u2014 " + REASONS[reason]().format(limit_mb=facts.get("limit_mb", "-"))
            return text + QCoreApplication.translate("pmc_errors", ". Nothing was saved.")
    return describe_error(exc)
