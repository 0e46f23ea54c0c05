# i18n-area: planning
"""The non-blocking capacity warning at order entry and in the import preview.

`attach_to_entry(form, layout)` watches the order-entry form (its lines and due date)
and `attach_to_preview(widget, layout)` the import preview (each previewed order);
both ask `orderdesk.planning.entry` on the query pool and show, under the form, the red
machine, the approved alternative and a realistic promise date. Saving is never blocked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from orderdesk.planning.entry import CapacityWarning, check_many, check_order_capacity


class CapacityWarningBanner(QLabel):
    """Shows the warnings; `warnings_did_change(list)` after each check lands."""

    warnings_did_change = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capacityWarning")
        self.ctx = ctx
        self.setWordWrap(True)
        self.setStyleSheet("background: #fff4d6; color: #6d4c00; padding: 4px; "
                           "border: 1px solid #f0c36d;")
        self.warnings: list[CapacityWarning] = []
        self._by_order: dict[str, list[CapacityWarning]] = {}
        self._request = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._pending: tuple[list, dt.date | None] | None = None
        self._timer.timeout.connect(self._run)
        self.hide()

    # -- order entry ----------------------------------------------------------------------
    def check(self, lines: list[tuple[str, Any]], due: dt.date | None) -> None:
        self._pending = (list(lines), due)
        self._timer.start()

    def _run(self) -> None:
        if self._pending is None:
            return
        lines, due = self._pending
        self._request += 1
        token = self._request
        if not lines:
            self._show(token, [])
            return
        self.ctx.tasks.query(check_order_capacity, self.ctx.desk, lines, due,
                             on_done=lambda w: self._show(token, w),
                             on_error=lambda e: self._failed(token, e))

    def _show(self, token: int, warnings: list[CapacityWarning]) -> None:
        if token != self._request:
            return            # an older check answered after a newer one was asked
        self.warnings = list(warnings)
        self._by_order = {}
        self._render()
        self.warnings_did_change.emit(self.warnings)

    def _failed(self, token: int, exc: BaseException) -> None:
        """The check itself failed: say so (an empty banner would read as "no problem")."""
        if token != self._request:
            return
        from orderdesk.ui.errors import describe_error

        self.warnings, self._by_order = [], {}
        self.setText(self.tr("Machine capacity could not be checked: {reason}").format(
            reason=describe_error(exc)))
        self.show()
        self.warnings_did_change.emit(self.warnings)

    def _line(self, w: CapacityWarning) -> str:
        basis = (self.tr("effective capacity") if w.load_basis == "effective"
                 else self.tr("available hours"))
        load = "∞" if w.peak_load is None else f"{w.peak_load:.0f}%"
        text = self.tr("{sku}: machine {machine} is loaded {load} of its {basis} before the "
                       "due date.").format(sku=w.sku, machine=w.machine_code, load=load,
                                           basis=basis)
        if w.alternative_code:
            text += " " + self.tr("Approved alternative: {alt} ({load:.0f}%).").format(
                alt=w.alternative_code, load=w.alternative_load or 0)
        elif w.reason == "only_this_machine_approved":
            text += " " + self.tr("No alternative: only this machine is approved by the customer.")
        else:
            text += " " + self.tr("No alternative: every approved machine is over the threshold.")
        if w.promise_date:
            text += " " + self.tr("Realistic promise date: {date}.").format(
                date=w.promise_date.isoformat())
        return text

    def _render(self) -> None:
        if self._by_order:
            items = list(self._by_order.items())
            head = self.tr("⚠ {n} orders in this file need a machine that is red before their "
                           "due date (you can still import them):").format(n=len(items))
            lines = [head] + [f"{key}: {self._line(ws[0])}" for key, ws in items[:5]]
            self.setText("\n".join(lines))
            self.show()
            return
        if not self.warnings:
            self.setText("")
            self.hide()
            return
        self.setText("⚠ " + "\n".join(self._line(w) for w in self.warnings)
                     + "\n" + self.tr("You can still save the order."))
        self.show()

    # -- import preview -------------------------------------------------------------------
    def check_preview(self, preview: Any) -> None:
        orders: dict[str, tuple[list, dt.date | None]] = {}
        for ln in getattr(preview, "good_lines", []) or []:
            if not ln.sku or ln.quantity is None:
                continue
            entry = orders.setdefault(ln.order_key, ([], ln.requested_date))
            entry[0].append((ln.sku, ln.quantity))
        self._request += 1
        token = self._request
        if not orders:
            self._show_preview(token, {})
            return
        payload = [(k, lines, due) for k, (lines, due) in orders.items()]
        self.ctx.tasks.query(check_many, self.ctx.desk, payload,
                             on_done=lambda r: self._show_preview(token, r),
                             on_error=lambda e: self._failed(token, e))

    def _show_preview(self, token: int, result: dict[str, list[CapacityWarning]]) -> None:
        if token != self._request:
            return
        self.warnings = [w for ws in result.values() for w in ws]
        self._by_order = dict(result)
        self._render()
        self.warnings_did_change.emit(self.warnings)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)


def attach_to_entry(form: Any, layout: Any) -> CapacityWarningBanner:
    """Add the banner to the order-entry form's layout and re-check when its lines or
    due date change."""
    banner = CapacityWarningBanner(form.ctx, form)
    layout.addWidget(banner)

    def recheck(*_a: Any) -> None:
        try:
            due = form.draft().requested_date
        except Exception:  # noqa: BLE001 - a half-typed form: check without a date
            due = None
        banner.check(form.lines_data(), due)

    model = form.lines.model()
    model.rowsInserted.connect(recheck)
    model.rowsRemoved.connect(recheck)
    form.due.textEdited.connect(recheck)
    form.capacity_warning = banner
    return banner


def attach_to_preview(widget: Any, layout: Any) -> CapacityWarningBanner:
    banner = CapacityWarningBanner(widget.ctx, widget)
    layout.addWidget(banner)
    widget.preview_did_load.connect(banner.check_preview)
    widget.capacity_warning = banner
    return banner
