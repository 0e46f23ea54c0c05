"""The red-customer warning on the sales entry form: a notice, never a block."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from orderdesk.insight import health


def check_customer(form, customer_id: str) -> None:  # type: ignore[no-untyped-def]
    """Look the customer's health up off the GUI thread; if red, add a warning to the
    form's customer line (`form.customer_info`) while that customer is still chosen."""

    def done(found: health.CustomerHealth | None) -> None:
        if found is None or found.color != "red" or form.customer_id != customer_id:
            return
        warning = QCoreApplication.translate(
            "RedCustomerWarning", "⚠ red on the health board ({month}, score {score}): "
                                  "check due dates and terms before confirming")
        text = warning.format(month=found.month,
                              score="—" if found.score is None else f"{found.score:.0f}")
        # Rich text, so only the warning is red and the next customer's line is plain.
        form.customer_info.setText(f"{escape(form.customer_info.text())}&nbsp;&nbsp;"
                                   f"<span style='color:#b03020'>{escape(text)}</span>")
        form.customer_info.setProperty("healthWarning", "red")

    form.ctx.tasks.query(health.customer_color, form.ctx.desk, customer_id, on_done=done,
                         on_error=lambda _exc: None)  # a warning that fails must not block
