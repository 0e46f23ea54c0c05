"""The rules dialog edits channel kinds and time, and shows the effect of a change on the
pairs people decided before it is saved (issue 11)."""

from __future__ import annotations

import datetime as dt

from orderdesk.dedup import flag_new_orders, get_rules, keep_pair, list_pairs, merge_pair
from orderdesk.services.orders import LineDraft, OrderDraft, add_order

T0 = dt.datetime(2026, 11, 24, 9, 30)


def _decided(desk) -> None:  # type: ignore[no-untyped-def]
    with desk.write() as s:
        ids = [add_order(s, OrderDraft(channel=ch, customer_code=cu, channel_order_no=no,
                                       order_time=T0 + dt.timedelta(minutes=m),
                                       lines=[LineDraft("BRK-1001", 100)])).id
               for ch, cu, no, m in (("wechat", "C001", "W-1", 0), ("wechat", "C001", "W-2", 50),
                                     ("phone", "C002", None, 600), ("email", "C002", None, 640))]
        flag_new_orders(s, ids)
    pairs = {p.b.id: p for p in list_pairs(desk)}
    merge_pair(desk, pairs[ids[1]].id)  # the WeChat message typed twice
    keep_pair(desk, pairs[ids[3]].id)   # judged two orders


def test_check_before_saving_then_save_channel_kinds(qtbot, ctx, desk, demo_catalog, sign_in):  # type: ignore[no-untyped-def]
    from orderdesk.ui.sales.dedup_settings import DedupSettingsDialog

    _decided(desk)
    sign_in("supervisor")
    dialog = DedupSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rules_did_load, timeout=10000):
        pass
    assert dialog.channel_kinds()["wechat"] == "desk"
    assert dialog.channel_kinds()["douyin"] == "platform"
    # A manager wonders whether WeChat numbers should count against a match.
    dialog.set_channel_kind("wechat", "platform")
    with qtbot.waitSignal(dialog.check_did_finish, timeout=10000) as done:
        dialog.check_button.click()
    saved, edited = done.args[0]
    assert (saved.merged, saved.kept) == (1, 1)
    assert saved.recall == 1.0 and len(saved.false_alarms) == 1
    assert edited.recall == 0.0 and len(edited.misses) == 1  # the merged re-entry is lost
    assert "1" in dialog.check_result.text()
    assert get_rules(desk).channel_kind("wechat") == "desk"  # nothing saved yet
    # Back to desk, a longer fade, and save.
    dialog.set_channel_kind("wechat", "desk")
    dialog.set_channel_kind("new_shop", "platform")
    dialog.fade_spin.setValue(300)
    with qtbot.waitSignal(dialog.rules_did_save, timeout=10000):
        dialog.save()
    rules = get_rules(desk)
    assert rules.fade_minutes == 300
    assert rules.channel_kind("wechat") == "desk" and rules.channel_kind("new_shop") == "platform"


def test_log_view_names_the_false_alarm(qtbot, ctx, desk, demo_catalog):  # type: ignore[no-untyped-def]
    from orderdesk.ui.sales.review_queue import ReviewQueueWidget

    _decided(desk)
    widget = ReviewQueueWidget(ctx)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.check_did_finish, timeout=10000) as done:
        widget.filter.setCurrentIndex(3)
    check = done.args[0]
    assert check.precision == 0.5 and check.recall == 1.0
    assert widget.check_label.isVisible()
    assert check.false_alarms[0].order_b in widget.check_label.text()
