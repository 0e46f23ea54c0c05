"""Cyclic garbage collection on the GUI thread only.

Python's collector runs in whichever thread happens to allocate when a generation
fills up. With worker threads loading ORM rows, that is often a worker: if the cycle it
frees holds a Qt wrapper (a closed dialog, a page with a lambda slot), the C++ object is
destroyed on the wrong thread and the process dies with a segmentation fault (seen in
CI: a reader thread in `list_audit` collecting a widget). So automatic collection is
switched off while the application runs, and a timer on the GUI thread collects instead,
generation by generation, with the thresholds Python itself would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Owns `gc` for the life of the application; `stop()` gives it back."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int:
        """Collect the oldest generation whose count passed its threshold (0 when none)."""
        counts = gc.get_count()
        generation = -1
        for gen in (0, 1, 2):
            if counts[gen] > self._thresholds[gen]:
                generation = gen
        if generation < 0:
            return 0
        return gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()
        self.setParent(None)  # a later install() starts a fresh collector
        gc.collect()
        if self._was_enabled:
            gc.enable()


def install(app: QCoreApplication) -> MainThreadCollector:
    """Start collecting on `app`'s thread (idempotent: one collector per application)."""
    existing = app.findChild(MainThreadCollector)
    if isinstance(existing, MainThreadCollector):
        return existing
    return MainThreadCollector(app)
