"""Short feedback sounds for the warehouse station: a high chirp for an accepted scan, a
low double buzz for a refusal, loud enough to hear with a forklift passing.

PySide6-Essentials has no QtMultimedia, so the tones are made here as WAV data and
played without blocking by the platform's own player (winsound on Windows, paplay or
aplay on Linux, afplay on macOS); with none available, QApplication.beep().
GUI thread; playing never blocks or raises.
"""

from __future__ import annotations

import io
import logging
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
RATE = 22050


def tone(parts: list[tuple[float, float]], volume: float = 0.8) -> bytes:
    """WAV bytes of (frequency Hz, seconds) parts; frequency 0 is silence."""
    frames = bytearray()
    for freq, seconds in parts:
        count = int(RATE * seconds)
        for i in range(count):
            # Short fade in/out so the tone does not click.
            env = min(1.0, i / 200, (count - i) / 200)
            value = math.sin(2 * math.pi * freq * i / RATE) * volume * env if freq else 0.0
            frames += struct.pack("<h", int(value * 32767))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(bytes(frames))
    return buffer.getvalue()


SOUNDS = {
    "accepted": [(1568.0, 0.09)],
    "refused": [(330.0, 0.18), (0.0, 0.06), (262.0, 0.28)],
}


class Sounds:
    """Plays 'accepted' / 'refused'. `last` names the last sound asked for (tests)."""

    def __init__(self) -> None:
        self.enabled = os.environ.get("ORDERDESK_SOUND", "on").lower() not in ("0", "off", "no")
        self.last: str | None = None
        self._files: dict[str, Path] = {}
        self._player = self._find_player()
        self._running: list[subprocess.Popen] = []  # type: ignore[type-arg]

    @staticmethod
    def _find_player() -> list[str] | None:
        if sys.platform == "win32":
            return None
        for cmd in (["paplay"], ["aplay", "-q"], ["afplay"]):
            if shutil.which(cmd[0]):
                return cmd
        return None

    def _file(self, kind: str) -> Path:
        path = self._files.get(kind)
        if path is None or not path.exists():
            folder = Path(tempfile.gettempdir()) / "orderdesk-sounds"
            folder.mkdir(exist_ok=True)
            path = folder / f"{kind}.wav"
            path.write_bytes(tone(SOUNDS[kind]))
            self._files[kind] = path
        return path

    def play(self, kind: str) -> None:
        self.last = kind
        if not self.enabled:
            return
        try:
            if sys.platform == "win32":
                import winsound

                winsound.PlaySound(str(self._file(kind)),
                                   winsound.SND_FILENAME | winsound.SND_ASYNC)
            elif self._player is not None:
                # Reap finished players so none is left behind as a zombie.
                self._running = [p for p in self._running if p.poll() is None]
                self._running.append(subprocess.Popen(  # noqa: S603
                    [*self._player, str(self._file(kind))],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            else:
                QApplication.beep()
        except Exception:  # a missing sound card must never stop scanning
            log.debug("could not play %s", kind, exc_info=True)
            QApplication.beep()
