"""The event log derives from what the stations already record, each source row once."""

from __future__ import annotations

from sqlalchemy import text

from orderdesk.insight import events, kpi
from orderdesk.services.orders import (LineDraft, OrderDraft, cancel_order, create_order,
                                       set_status, update_line, update_order)
from orderdesk.pmc import green_channel
from tests.core.insight_helpers import catalog, event_count


def _kinds(desk, order_id):  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return [r[0] for r in s.execute(text(
            "SELECT kind FROM insight_events WHERE order_id = :o ORDER BY at, id"),
            {"o": order_id})]


def test_history_from_orders_status_events_audit_and_rush(desk):
    catalog(desk)
    ref = create_order(desk, OrderDraft(channel="phone", customer_code="C1",
                                        lines=[LineDraft(sku="BRK-1", quantity=100)],
                                        status_sales="confirmed"))
    set_status(desk, ref.id, "sales", "awaiting_schedule")
    set_status(desk, ref.id, "production", "in_production")
    update_order(desk, ref.id, customer_po="PO-FIXED")
    with desk.read() as s:
        line_id = s.execute(text("SELECT id FROM order_lines WHERE order_id = :o"),
                            {"o": ref.id}).scalar()
    update_line(desk, line_id, quantity=120)
    green_channel.request_rush(desk, ref.id, "客户急单")
    green_channel.confirm_step(desk, ref.id, "engineering")
    green_channel.confirm_step(desk, ref.id, "pmc")
    set_status(desk, ref.id, "warehouse", "shipped")
    added = events.refresh(desk)
    assert added >= 8
    kinds = _kinds(desk, ref.id)
    for k in ("received", "confirmed", "released", "corrected", "rush_requested",
              "rush_confirmed", "shipped"):
        assert k in kinds, k
    assert kinds.count("corrected") == 2
    with desk.read() as s:
        details = {r[0] for r in s.execute(text(
            "SELECT detail FROM insight_events WHERE kind = 'corrected'"))}
    assert details == {"orders.customer_po", "order_lines.quantity"}
    # A second refresh finds nothing new: each source row is taken once.
    assert events.refresh(desk) == 0
    report = kpi.kpi_report(desk)
    assert report.result("processing_time").n == 1
    assert report.result("first_pass_accuracy").value == 0.0
    assert report.result("rush_latency").n == 1


def test_cancelled_orders_leave_the_figures_and_log_a_cancel(desk):
    catalog(desk)
    ref = create_order(desk, OrderDraft(channel="phone", customer_code="C1",
                                        lines=[LineDraft(sku="BRK-1", quantity=100)],
                                        status_sales="confirmed"))
    cancel_order(desk, ref.id, "客户取消")
    events.refresh(desk)
    assert "cancelled" in _kinds(desk, ref.id)
    assert event_count(desk, "cancelled") == 1
    report = kpi.kpi_report(desk)
    assert report.result("processing_time").open.n == 0


def test_refreshes_from_several_threads_at_once_take_each_row_once(desk):
    import threading

    catalog(desk)
    for i in range(20):
        ref = create_order(desk, OrderDraft(channel="phone", customer_code="C1",
                                            lines=[LineDraft(sku="BRK-1", quantity=10 + i)],
                                            status_sales="confirmed"))
        set_status(desk, ref.id, "sales", "awaiting_schedule")
    errors: list[BaseException] = []

    def work() -> None:
        try:
            kpi.kpi_report(desk)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert event_count(desk, "received") == 20 and event_count(desk, "released") == 20
    assert kpi.kpi_report(desk).result("processing_time").n == 20
