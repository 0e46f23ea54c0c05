"""The review queue fills itself at start-up (issue 11: on the demo it showed 0 pairs
until someone ran `orderdesk duplicates`)."""

from __future__ import annotations

import datetime as dt

from orderdesk.services.orders import LineDraft, OrderDraft, add_order

T0 = dt.datetime(2026, 11, 25, 10, 0)


def _entered_without_a_check(desk) -> None:  # type: ignore[no-untyped-def]
    with desk.write() as s:
        for channel, minutes in (("wechat", 0), ("phone", 70), ("excel_email", 95)):
            add_order(s, OrderDraft(channel=channel, customer_code="C001",
                                    order_time=T0 + dt.timedelta(minutes=minutes),
                                    lines=[LineDraft("BRK-1001", 300)]))


def test_queue_widget_scans_off_the_gui_thread_and_shows_the_pairs(qtbot, ctx, desk, demo_catalog):  # type: ignore[no-untyped-def]
    from orderdesk.ui.sales.review_queue import ReviewQueueWidget

    _entered_without_a_check(desk)
    with qtbot.waitSignal(ctx.changes_did_apply, timeout=15000):
        widget = ReviewQueueWidget(ctx)
        qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: len(widget.model.rows) == 3, timeout=15000)
    assert {r.source for r in widget.model.rows} == {"scan"}
    assert "3" in widget.status.text()
    # A second queue (another page, a rebuilt window) does not scan again.
    other = ReviewQueueWidget(ctx)
    qtbot.addWidget(other)
    qtbot.waitUntil(lambda: len(other.model.rows) == 3, timeout=15000)


def test_main_window_of_a_sales_user_starts_the_scan(qtbot, ctx, desk, demo_catalog, sign_in):  # type: ignore[no-untyped-def]
    from orderdesk.dedup import list_pairs
    from orderdesk.ui.main_window import MainWindow

    _entered_without_a_check(desk)
    user = sign_in("sales")
    window = MainWindow(ctx, user)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(list_pairs(desk)) == 3, timeout=15000)
