"""Fitting windows and dialogs to the screen they open on.

The factory's PCs are mostly 1366×768, and 1920×1080 laptops run at 150 % (an effective
1280×720). A window or dialog asks for a comfortable size; `fit_to_screen` gives it that
size or the screen's available geometry (minus the title bar and frame the window
manager adds), whichever is smaller, and keeps it on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QTabWidget, QWidget

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


def scrolled(content: QWidget | QLayout, name: str = "") -> QScrollArea:
    """`content` in a frameless scroll area that fills the space it is given and scrolls
    only when the screen is too small for it (its minimum no longer adds to the page's)."""
    area = QScrollArea()
    if name:
        area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    if isinstance(content, QLayout):
        holder = QWidget()
        holder.setLayout(content)
        content = holder
    area.setWidget(content)
    return area


class ScrollingTabWidget(QTabWidget):
    """A QTabWidget whose tall pages scroll instead of making the window taller.

    `addTab` puts each page in a `scrolled()` area; `indexOf`, `setCurrentWidget` and
    `currentWidget` speak of the page itself, so callers never see the wrapper.
    """

    def addTab(self, widget: QWidget, *args) -> int:  # noqa: N802 - Qt name
        return super().addTab(scrolled(widget), *args)

    def insertTab(self, index: int, widget: QWidget, *args) -> int:  # noqa: N802
        return super().insertTab(index, scrolled(widget), *args)

    def page_widget(self, index: int) -> QWidget | None:
        area = super().widget(index)
        return area.widget() if isinstance(area, QScrollArea) else area

    def widget(self, index: int) -> QWidget | None:
        return self.page_widget(index)

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802
        for i in range(self.count()):
            if self.page_widget(i) is widget or super().widget(i) is widget:
                return i
        return -1

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self.page_widget(self.currentIndex())
