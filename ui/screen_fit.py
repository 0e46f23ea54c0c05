"""Fitting windows and dialogs to the screen they open on.

The factory's PCs are mostly 1366×768, and 1920×1080 laptops run at 150 % (an effective
1280×720). A window or dialog asks for a comfortable size; `fit_to_screen` gives it that
size or the screen's available geometry (minus the title bar and frame the window
manager adds), whichever is smaller, and keeps it on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: What a window manager adds around a top-level window (Windows 10/11, KDE, GNOME:
#: 1-8 px borders, a 30-32 px title bar). Offscreen and Xvfb without a window manager
#: add nothing, so the self-test reserves it explicitly.
FRAME_WIDTH = 8
TITLE_HEIGHT = 32


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The available geometry of the screen `widget` is on (else the primary screen)."""
    screen = None
    if widget is not None:
        screen = widget.screen()
        parent = widget.parentWidget()
        if parent is not None and parent.window().screen() is not None:
            screen = parent.window().screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (should not happen): a 1366x768 desk
        return QRect(0, 0, 1366, 728)
    return screen.availableGeometry()


def client_budget(widget: QWidget | None = None) -> QSize:
    """The largest client size a top-level window may take on its screen."""
    geo = available_geometry(widget)
    return QSize(geo.width() - FRAME_WIDTH, geo.height() - TITLE_HEIGHT - FRAME_WIDTH // 2)


def fit_to_screen(widget: QWidget, width: int, height: int) -> QSize:
    """Resize `widget` to width×height, or less where its screen is smaller; returns
    the size given. Call before show()."""
    budget = client_budget(widget)
    size = QSize(min(width, budget.width()), min(height, budget.height()))
    widget.resize(size)
    return size


def keep_on_screen(widget: QWidget) -> None:
    """Move a shown top-level widget so its frame lies inside the available geometry."""
    geo = available_geometry(widget)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), geo.x()), geo.right() - frame.width() + 1)
    y = min(max(frame.y(), geo.y()), geo.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, geo.x()), max(y, geo.y()))
