"""The keyboard-wedge capture, driven with key events carrying their own timestamps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from orderdesk.ui.warehouse.scanner import GS, ScannerCapture

CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


def key_of(ch: str) -> tuple[int, Qt.KeyboardModifier, str]:
    if ch == GS:
        return int(Qt.Key.Key_BracketRight), CTRL, ""  # how many wedges send ASCII 29
    if ch == "\r":
        return int(Qt.Key.Key_Return), NONE, "\r"
    if ch == "\t":
        return int(Qt.Key.Key_Tab), NONE, "\t"
    if ch.isalpha():
        mods = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else NONE
        return ord(ch.upper()), mods, ch
    return ord(ch), NONE, ch


class Keyboard:
    """Types into a widget with explicit key-press timestamps (milliseconds)."""

    def __init__(self, start: int = 1_000_000) -> None:
        self.t = start

    def type(self, target: QWidget, text: str, gap_ms: float, *, shift_events: bool = False) -> None:
        for ch in text:
            self.t += gap_ms
            key, mods, txt = key_of(ch)
            if shift_events and mods & Qt.KeyboardModifier.ShiftModifier:
                shift = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, mods, "")
                shift.setTimestamp(int(self.t))
                QApplication.sendEvent(target, shift)
            ev = QKeyEvent(QEvent.Type.KeyPress, key, mods, txt)
            ev.setTimestamp(int(self.t))
            QApplication.sendEvent(target, ev)
            rel = QKeyEvent(QEvent.Type.KeyRelease, key, mods, txt)
            rel.setTimestamp(int(self.t) + 1)
            QApplication.sendEvent(target, rel)

    def pause(self, ms: float) -> None:
        self.t += ms


@pytest.fixture
def rig(qtbot):  # type: ignore[no-untyped-def]
    host = QWidget()
    layout = QVBoxLayout(host)
    note = QLineEdit(host)
    password = QLineEdit(host)
    password.setEchoMode(QLineEdit.EchoMode.Password)
    layout.addWidget(note)
    layout.addWidget(password)
    qtbot.addWidget(host)
    host.show()
    capture = ScannerCapture(host)
    scans: list[str] = []
    capture.scan_did_arrive.connect(scans.append)
    capture.attach()
    yield host, note, password, capture, scans
    capture.detach()


def test_fast_burst_is_a_scan_and_never_reaches_the_focused_field(rig, qtbot):  # type: ignore[no-untyped-def]
    host, note, _pw, _cap, scans = rig
    kb = Keyboard()
    kb.type(note, "ODB:B261125-7K3M9Q\r", gap_ms=3, shift_events=True)
    assert scans == ["ODB:B261125-7K3M9Q\r"]
    qtbot.wait(120)
    assert note.text() == ""


def test_person_typing_is_given_back_in_order(rig, qtbot):  # type: ignore[no-untyped-def]
    host, note, _pw, _cap, scans = rig
    kb = Keyboard()
    entered = []
    note.returnPressed.connect(lambda: entered.append(note.text()))
    kb.type(note, "客户说明 ok\r", gap_ms=140)
    qtbot.waitUntil(lambda: entered == ["客户说明 ok"], timeout=3000)
    assert scans == []


def test_fast_but_short_typing_is_not_a_scan(rig, qtbot):  # type: ignore[no-untyped-def]
    host, note, _pw, _cap, scans = rig
    entered = []
    note.returnPressed.connect(lambda: entered.append(note.text()))
    Keyboard().type(note, "ok\r", gap_ms=20)  # a quick "ok" + Enter: 2 characters
    qtbot.waitUntil(lambda: entered == ["ok"], timeout=3000)
    assert scans == []


def test_password_field_is_never_captured(rig, qtbot):  # type: ignore[no-untyped-def]
    host, _note, password, _cap, scans = rig
    Keyboard().type(password, "Secret#2026\r", gap_ms=2)  # even typed at scanner speed
    assert password.text() == "Secret#2026" and scans == []


def test_field_marked_no_scan_keeps_its_start_character(rig, qtbot):  # type: ignore[no-untyped-def]
    host, note, _pw, _cap, scans = rig
    note.setProperty("orderdesk_no_scan", True)
    Keyboard().type(note, "]C1 note", gap_ms=2)
    assert note.text() == "]C1 note" and scans == []


def test_gs_as_ctrl_bracket_and_tab_terminator(rig):  # type: ignore[no-untyped-def]
    host, note, _pw, _cap, scans = rig
    kb = Keyboard()
    kb.type(note, f"]C1010950110153000310AB-123{GS}17140704\t", gap_ms=2)
    assert scans == [f"]C1010950110153000310AB-123{GS}17140704\t"]


def test_gs_as_text_character(rig):  # type: ignore[no-untyped-def]
    host, note, _pw, _cap, scans = rig
    t = 5_000
    for ch in "10AB" + GS + "17140704\r":
        t += 2
        if ch == GS:
            ev = QKeyEvent(QEvent.Type.KeyPress, 0, NONE, GS)
        else:
            key, mods, txt = key_of(ch)
            ev = QKeyEvent(QEvent.Type.KeyPress, key, mods, txt)
        ev.setTimestamp(t)
        QApplication.sendEvent(note, ev)
    assert scans == ["10AB" + GS + "17140704\r"]


def test_multi_label_burst_and_back_to_back_scans_stay_separate(rig):  # type: ignore[no-untyped-def]
    host, note, _pw, _cap, scans = rig
    kb = Keyboard()
    codes = [f"ODB:B2611{n:02d}-AAAAAA" for n in range(20)]
    # One shot, several labels: no gap at all between a label's Enter and the next one.
    kb.type(note, "\r".join(codes[:3]) + "\r", gap_ms=1)
    # Then 17 more at 20 scans a second.
    for code in codes[3:]:
        kb.pause(25)
        kb.type(note, code + "\r", gap_ms=1)
    assert [s.rstrip("\r") for s in scans] == codes


def test_scanner_without_terminator(rig, qtbot):  # type: ignore[no-untyped-def]
    host, note, _pw, _cap, scans = rig
    kb = Keyboard()
    kb.type(note, "ODB:B261125-ZZZZZZ", gap_ms=2)
    kb.pause(300)
    kb.type(note, "x", gap_ms=0)  # the next key, much later, closes the burst
    assert scans == ["ODB:B261125-ZZZZZZ"]
    qtbot.waitUntil(lambda: note.text() == "x", timeout=3000)


def test_detached_capture_sees_nothing(rig):  # type: ignore[no-untyped-def]
    host, note, _pw, capture, scans = rig
    capture.detach()
    Keyboard().type(note, "ODB:B261125-7K3M9Q\r", gap_ms=2)
    assert scans == [] and note.text() == "ODB:B261125-7K3M9Q"


def test_feedback_sounds_are_real_wav():  # type: ignore[no-untyped-def]
    import io
    import wave

    from orderdesk.ui.warehouse.sound import SOUNDS, tone

    for kind, parts in SOUNDS.items():
        with wave.open(io.BytesIO(tone(parts))) as wav:
            seconds = wav.getnframes() / wav.getframerate()
            assert abs(seconds - sum(p[1] for p in parts)) < 0.01, kind
            assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
