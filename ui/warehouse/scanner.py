"""Keyboard-wedge barcode scanner capture for a station page.

A USB scanner "types" its code a few milliseconds per key and ends it with Enter (or
Tab). This filter, installed on the application while the warehouse page is shown,
sees every key press whichever widget has the focus, and tells a scan from a person
by timing: at least `min_length` characters, each within `max_gap_ms` of the one
before, ended by a terminator (or, for scanners without one, `bare_length` characters).

How nothing is lost, merged or stolen:
- Printable keys are held back (never typed anywhere yet) while a burst may be a scan.
  Once it is clear a person is typing (a slow gap, or a short burst), the held keys
  are replayed, in order, to the widgets they were meant for, with the terminator
  behind them: typing arrives at most `max_gap_ms` late, and is never eaten.
- Timing uses each key event's own timestamp (when the key was pressed), not when the
  GUI thread got round to it, so a busy GUI thread cannot make a scan look like typing.
- A code ends at its terminator: 20 scans a second arrive as 20 separate codes.
- Password fields, and widgets with the dynamic property ``orderdesk_no_scan`` set,
  are never captured (a password must not end up in a scan log).
- The GS separator arrives either as text "\\x1d" or as Ctrl+]; both are kept as ASCII 29.

Runs on the GUI thread only; it does no work beyond buffering and emitting a signal.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

#: nativeModifiers of key events this filter replays, so it lets them through.
REPLAY_MARK = 0x4F44_5343  # "ODSC"
GS = "\x1d"
TERMINATORS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}
MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                 Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock}


@dataclass
class _Held:
    text: str
    key: int
    modifiers: Qt.KeyboardModifier
    target: QWidget
    at_ms: float


def _now_ms() -> float:
    return time.monotonic() * 1000.0


class ScannerCapture(QObject):
    """Application-wide key filter that turns scanner bursts into `scan_did_arrive`."""

    #: One complete code as received, terminator included ("\r" or "\t"), GS as "\x1d".
    scan_did_arrive = Signal(str)

    def __init__(self, parent: QObject | None = None, *, max_gap_ms: float = 35,
                 min_length: int = 4, bare_length: int = 8) -> None:
        super().__init__(parent)
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self.bare_length = bare_length
        self._held: list[_Held] = []
        self._installed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_hold_expired)
        self.scans_seen = 0

    # -- switching on and off -------------------------------------------------------------
    def attach(self) -> None:
        if not self._installed:
            QApplication.instance().installEventFilter(self)
            self._installed = True

    def detach(self) -> None:
        if self._installed:
            QApplication.instance().removeEventFilter(self)
            self._installed = False
        self._flush_as_typing()

    @property
    def active(self) -> bool:
        return self._installed

    # -- the filter -------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not obj.isWidgetType():
            return False
        assert isinstance(event, QKeyEvent)
        if event.nativeModifiers() == REPLAY_MARK:
            return False
        widget: QWidget = obj  # type: ignore[assignment]
        if self._passthrough(widget):
            return False
        key = event.key()
        if key in MODIFIER_KEYS:
            return False
        at = float(event.timestamp()) or _now_ms()
        text = self._text_of(event)
        if key in TERMINATORS:
            return self._on_terminator(event, widget, at, TERMINATORS[Qt.Key(key)])
        if not text or (event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                             | Qt.KeyboardModifier.AltModifier)
                        and text != GS):
            # Shortcuts, arrows, function keys: a person at the keyboard.
            self._flush_as_typing()
            return False
        if self._held and at - self._held[-1].at_ms > self.max_gap_ms:
            self._close_burst()
        self._held.append(_Held(text, key, event.modifiers(), widget, at))
        # If nothing follows soon, it was a person: give the keys back.
        self._timer.start(int(self.max_gap_ms * 2) + 10)
        return True

    # -- decisions ------------------------------------------------------------------------
    def _passthrough(self, widget: QWidget) -> bool:
        if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
            return True
        w: QWidget | None = widget
        while w is not None:
            if w.property("orderdesk_no_scan"):
                return True
            w = w.parentWidget()
        return False

    @staticmethod
    def _text_of(event: QKeyEvent) -> str:
        if (event.key() == Qt.Key.Key_BracketRight
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            return GS
        text = event.text()
        if text == GS:
            return GS
        if len(text) == 1 and (ord(text) < 32 or ord(text) == 127):
            return ""
        return text

    def _is_scan_so_far(self) -> bool:
        return len("".join(h.text for h in self._held)) >= self.min_length

    def _on_terminator(self, event: QKeyEvent, widget: QWidget, at: float, term: str) -> bool:
        if not self._held:
            return False  # a person pressed Enter/Tab: let it work as usual
        fast = at - self._held[-1].at_ms <= self.max_gap_ms * 3
        if fast and self._is_scan_so_far():
            self._emit("".join(h.text for h in self._held) + term)
            return True
        # A person typed a few characters and pressed Enter: replay all, Enter last.
        self._held.append(_Held("", event.key(), event.modifiers(), widget, at))
        self._flush_as_typing()
        return True

    def _close_burst(self) -> None:
        """A slow gap ended the current burst: a long fast burst without terminator is a
        scan (scanners set to send no suffix); anything else was typing."""
        if len("".join(h.text for h in self._held)) >= self.bare_length:
            self._emit("".join(h.text for h in self._held))
        else:
            self._flush_as_typing()

    def _on_hold_expired(self) -> None:
        if self._held:
            self._close_burst()

    def _emit(self, raw: str) -> None:
        self._held.clear()
        self._timer.stop()
        self.scans_seen += 1
        self.scan_did_arrive.emit(raw)

    def _flush_as_typing(self) -> None:
        """Give held keys back to their widgets, in order (posted, so order is kept)."""
        from shiboken6 import isValid

        held, self._held = self._held, []
        self._timer.stop()
        for h in held:
            target = h.target if isValid(h.target) else QApplication.focusWidget()
            if target is None:
                continue
            replay = QKeyEvent(QEvent.Type.KeyPress, h.key, h.modifiers, 0, 0, REPLAY_MARK,
                               h.text, False, 1)
            QCoreApplication.postEvent(target, replay)
