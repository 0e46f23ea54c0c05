"""The capacity warning at order entry and in the import preview: shown when the
product's usual machine is red before the due date, with the approved alternative and
a realistic promise date; never blocking; gone when the line is removed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from orderdesk.planning.capacity import factory_now
from orderdesk.planning.rules import save_rules
from orderdesk.services import catalog
from tests.core.planning_data import machine, product, routing, work_order

H = dt.timedelta(hours=1)
DAY_SHIFTS = (("D", None, "08:00", "20:00"), ("N", None, "20:00", "08:00"))


def _plant(desk, *, alternative=True):  # type: ignore[no-untyped-def]
    save_rules(desk, {"load_basis": "plain"})
    now = factory_now()
    with desk.write() as s:
        a = machine(s, "P-RED", shifts=DAY_SHIFTS)
        b = machine(s, "P-FREE", shifts=DAY_SHIFTS)
        p = product(s, "BRK-9")
        routing(s, p, a, cycle="36")
        routing(s, p, b, approved=alternative, priority=2, cycle="36")
        work_order(s, p, a, 60.0, now - H, now + 48 * H)          # 60 h in 49 h: red
    return now


def test_entry_form_warns_with_alternative_and_promise(ctx, qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui.sales.entry_form import OrderEntryForm

    now = _plant(ctx.desk)
    sign_in("sales")
    form = OrderEntryForm(ctx, with_popup=False)
    qtbot.addWidget(form)
    form.show()
    banner = form.capacity_warning
    assert banner.isHidden()
    (row,) = catalog.complete_products(ctx.desk, "BRK-9", 5)
    due = (now + dt.timedelta(days=2)).date()
    with qtbot.waitSignal(banner.warnings_did_change, timeout=10000):
        form.load_proposal(None, [(row, Decimal(1000))], due, False)
    (w,) = banner.warnings
    assert w.machine_code == "P-RED" and w.alternative_code == "P-FREE"
    assert w.promise_date is not None
    assert banner.isVisible()
    assert "P-FREE" in banner.text() and "Realistic promise date" in banner.text()
    assert form.save.isEnabled()                       # advice, not a block
    with qtbot.waitSignal(banner.warnings_did_change, timeout=10000):
        form.clear()
    assert banner.warnings == [] and banner.isHidden()


def test_entry_form_says_when_no_alternative_is_approved(ctx, qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui.sales.entry_form import OrderEntryForm

    now = _plant(ctx.desk, alternative=False)
    sign_in("sales")
    form = OrderEntryForm(ctx, with_popup=False)
    qtbot.addWidget(form)
    (row,) = catalog.complete_products(ctx.desk, "BRK-9", 5)
    with qtbot.waitSignal(form.capacity_warning.warnings_did_change, timeout=10000):
        form.load_proposal(None, [(row, Decimal(1000))], (now + dt.timedelta(days=2)).date(), False)
    (w,) = form.capacity_warning.warnings
    assert w.alternative_code is None and w.reason == "only_this_machine_approved"
    assert "only this machine is approved" in form.capacity_warning.text()


def test_no_warning_for_a_machine_with_room(ctx, qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui.sales.entry_form import OrderEntryForm

    now = factory_now()
    with ctx.desk.write() as s:
        a = machine(s, "P-OK", shifts=DAY_SHIFTS)
        p = product(s, "BRK-8")
        routing(s, p, a, cycle="36")
        work_order(s, p, a, 5.0, now, now + 48 * H)
    sign_in("sales")
    form = OrderEntryForm(ctx, with_popup=False)
    qtbot.addWidget(form)
    (row,) = catalog.complete_products(ctx.desk, "BRK-8", 5)
    with qtbot.waitSignal(form.capacity_warning.warnings_did_change, timeout=10000):
        form.load_proposal(None, [(row, Decimal(100))], (now + dt.timedelta(days=2)).date(), False)
    assert form.capacity_warning.warnings == [] and form.capacity_warning.isHidden()


def test_import_preview_lists_orders_needing_a_red_machine(ctx, qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    """The preview announces each loaded file with preview_did_load; the banner checks
    its good rows per order (one engine for the whole file)."""
    from types import SimpleNamespace

    from orderdesk.ui.sales.import_preview import ImportPreviewWidget

    now = _plant(ctx.desk)
    sign_in("sales")
    widget = ImportPreviewWidget(ctx)
    qtbot.addWidget(widget)
    due = (now + dt.timedelta(days=2)).date()
    line = lambda key, sku, qty: SimpleNamespace(order_key=key, sku=sku, quantity=Decimal(qty),  # noqa: E731
                                                 requested_date=due)
    fake = SimpleNamespace(good_lines=[line("PO-1", "BRK-9", 1000), line("PO-2", "NOPE", 5),
                                       line("PO-1", "BRK-9", 500)])
    banner = widget.capacity_warning
    with qtbot.waitSignal(banner.warnings_did_change, timeout=10000):
        widget.preview_did_load.emit(fake)
    assert list(banner._by_order) == ["PO-1"]
    assert "1 orders in this file" in banner.text() and "P-FREE" in banner.text()
    assert widget.import_button is not None       # nothing here blocks the import


def test_a_failed_check_is_said_not_hidden(ctx, qtbot, sign_in, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.errors import DatabaseLocked
    from orderdesk.ui.pmc import capacity_warning
    from orderdesk.ui.sales.entry_form import OrderEntryForm

    now = _plant(ctx.desk)

    def locked(*_a, **_k):  # type: ignore[no-untyped-def]
        raise DatabaseLocked(url="station.db")

    monkeypatch.setattr(capacity_warning, "check_order_capacity", locked)
    sign_in("sales")
    form = OrderEntryForm(ctx, with_popup=False)
    qtbot.addWidget(form)
    form.show()
    (row,) = catalog.complete_products(ctx.desk, "BRK-9", 5)
    with qtbot.waitSignal(form.capacity_warning.warnings_did_change, timeout=10000):
        form.load_proposal(None, [(row, Decimal(1000))], (now + dt.timedelta(days=2)).date(), False)
    assert form.capacity_warning.isVisible()
    assert "could not be checked" in form.capacity_warning.text()
