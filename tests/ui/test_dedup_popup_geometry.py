"""The similar-orders popup lies fully on the screen next to the field being typed, can be
moved, and is answered from the keyboard (issue 11: at 1366×768 it opened beyond the
window's right edge, a 70-pixel sliver with unreachable buttons)."""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_dedup_popup import EntryForm, existing, type_order  # noqa: E402,F401

from orderdesk.models import DuplicatePair  # noqa: E402

# 1366×768 office PC (taskbar 40 px at the bottom); 1920×1080 at 150 %: Qt lays out in
# device-independent pixels, 1280×720.
SCREENS = {"1366x768": (0, 0, 1366, 728), "1920x1080@150%": (0, 0, 1280, 680)}


def _rect(*args):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect

    return QRect(*args)


@pytest.mark.parametrize("screen_name", sorted(SCREENS))
def test_position_is_inside_the_screen_and_beside_the_field_everywhere(screen_name):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSize

    from orderdesk.ui.sales.similar_popup import (
        MIN_HEIGHT,
        PREFERRED_SIZE,
        fit_size,
        popup_position,
        popup_rect,
    )

    screen = _rect(*SCREENS[screen_name])
    size = fit_size(PREFERRED_SIZE, screen)
    assert size.width() <= screen.width() and size.height() <= screen.height()
    beside = 0
    cases = 0
    for x, y, w in itertools.product(range(0, screen.width(), 61), range(0, screen.height(), 37),
                                     (120, 260, 480)):
        field = _rect(x, y, min(w, screen.width() - x), 28)
        popup = popup_rect(field, size, screen)
        assert popup.height() >= MIN_HEIGHT and popup.width() == size.width()
        cases += 1
        assert screen.contains(popup), (field, popup)
        if not popup.intersects(field):
            beside += 1
            # Next to the field: touching it within a small gap on one side.
            gap_x = min(abs(popup.left() - field.right()), abs(field.left() - popup.right()))
            gap_y = min(abs(popup.top() - field.bottom()), abs(field.top() - popup.bottom()))
            assert min(gap_x, gap_y) <= 12, (field, popup)
    assert beside == cases  # a 28-px field always leaves room on some side
    # A screen smaller than the popup: the popup shrinks to it.
    tiny = _rect(0, 0, 600, 200)
    assert fit_size(PREFERRED_SIZE, tiny).width() <= 600
    assert tiny.contains(_rect(popup_position(_rect(590, 10, 5, 20), fit_size(
        PREFERRED_SIZE, tiny), tiny), fit_size(PREFERRED_SIZE, tiny)))
    assert QSize(10, 10) == fit_size(QSize(10, 10), tiny)


@pytest.mark.parametrize("screen_name", sorted(SCREENS))
def test_popup_opened_from_a_field_at_the_right_edge_is_fully_visible(
        qtbot, ctx, existing, screen_name):  # type: ignore[no-untyped-def]  # noqa: F811
    screen = _rect(*SCREENS[screen_name])
    form = EntryForm(ctx, qtbot)
    form.popup._screen_rect = lambda _anchor: screen  # the screen under test
    # The entry form fills the screen like a maximised main window; the quantity field is
    # at its right edge, where the old popup opened off screen.
    form.widget.setGeometry(screen)
    form.qty.setFocus()
    type_order(qtbot, form)
    popup = form.popup.frameGeometry()
    assert screen.contains(popup), (popup, screen)
    for button in (form.popup.merge_button, form.popup.keep_button):
        top_left = button.mapToGlobal(button.rect().topLeft())
        assert screen.contains(_rect(top_left, button.size())), button.objectName()
    field = _rect(form.qty.mapToGlobal(form.qty.rect().topLeft()), form.qty.size())
    assert not popup.intersects(field)  # the field being typed stays visible


def test_popup_can_be_dragged_and_stays_on_screen(qtbot, ctx, existing):  # type: ignore[no-untyped-def]  # noqa: F811
    from PySide6.QtCore import QPoint, Qt

    screen = _rect(*SCREENS["1366x768"])
    form = EntryForm(ctx, qtbot)
    form.popup._screen_rect = lambda _anchor: screen
    form.qty.setFocus()
    type_order(qtbot, form)
    start = form.popup.pos()
    title = form.popup.title
    qtbot.mousePress(title, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.mouseMove(title, QPoint(5 + 40, 5 + 30))
    qtbot.mouseRelease(title, Qt.MouseButton.LeftButton, pos=QPoint(45, 35))
    assert form.popup.pos() != start
    # Dragged far off the screen, it stays fully on it; the next lookup keeps the place.
    form.popup.move_to(QPoint(5000, 5000))
    assert screen.contains(form.popup.frameGeometry())
    kept_at = form.popup.pos()
    with qtbot.waitSignal(form.popup.lookup_did_finish, timeout=10000):
        qtbot.keyClicks(form.qty, "0")
        qtbot.keyClick(form.qty, Qt.Key.Key_Backspace)
    assert form.popup.pos() == kept_at


def _alt(qtbot, widget, key):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)


def test_keyboard_keep_both(qtbot, ctx, existing):  # type: ignore[no-untyped-def]  # noqa: F811
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    ref, _ = existing
    form = EntryForm(ctx, qtbot)
    form.qty.setFocus()
    type_order(qtbot, form)
    with qtbot.waitSignal(form.popup.kept, timeout=10000):
        _alt(qtbot, form.qty, Qt.Key.Key_K)
    assert not form.popup.isVisible()
    assert QApplication.focusWidget() is form.qty  # typing goes on where it was
    with ctx.desk.read() as s:
        pair = s.scalar(select(DuplicatePair))
        assert (pair.status, pair.order_a_id) == ("kept", ref.id)


def test_keyboard_merge_and_undo(qtbot, ctx, existing):  # type: ignore[no-untyped-def]  # noqa: F811
    from PySide6.QtCore import Qt

    ref, _ = existing
    form = EntryForm(ctx, qtbot)
    form.qty.setFocus()
    type_order(qtbot, form)
    with qtbot.waitSignal(form.popup.merged, timeout=10000) as merged:
        _alt(qtbot, form.qty, Qt.Key.Key_M)
    assert merged.args == [ref.id]
    with ctx.desk.read() as s:
        assert s.scalar(select(DuplicatePair.status)) == "merged"
    _alt(qtbot, form.qty, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: _status(ctx) == "open", timeout=10000)


def _status(ctx):  # type: ignore[no-untyped-def]
    with ctx.desk.read() as s:
        return s.scalar(select(DuplicatePair.status))


def test_keyboard_dismiss_and_pick_another(qtbot, ctx, existing, demo_catalog):  # type: ignore[no-untyped-def]  # noqa: F811
    from PySide6.QtCore import Qt

    from orderdesk.models.base import utcnow
    from orderdesk.services.orders import LineDraft, OrderDraft, create_order

    create_order(ctx.desk, OrderDraft(channel="phone", customer_code="C001",
                                      order_time=utcnow() - dt.timedelta(minutes=40),
                                      lines=[LineDraft("BRK-1001", 100)]))
    form = EntryForm(ctx, qtbot)
    form.qty.setFocus()
    type_order(qtbot, form)
    assert len(form.popup.current_rows()) == 2
    first = form.popup.selected()
    _alt(qtbot, form.qty, Qt.Key.Key_Down)
    assert form.popup.selected() != first
    _alt(qtbot, form.qty, Qt.Key.Key_Up)
    assert form.popup.selected() == first
    qtbot.keyClick(form.qty, Qt.Key.Key_Escape)
    assert not form.popup.isVisible()
    assert not form.popup.shortcuts["merge"].isEnabled() or not form.popup.isVisible()
    # Alt+M with the popup closed merges nothing.
    _alt(qtbot, form.qty, Qt.Key.Key_M)
    with ctx.desk.read() as s:
        assert s.scalar(select(DuplicatePair)) is None
