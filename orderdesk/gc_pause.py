"""Holding Python's cyclic garbage collector off during bulk work.

Bulk builds (a kit check, a 50,000-row import, a batch duplicate check) make hundreds
of thousands of short-lived objects and almost no reference cycles. Collections
triggered by the allocation count alone then cost a quarter to a third of the run,
more the larger the process's heap already is. Objects are still freed by reference
counting; collection resumes afterwards.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = True


@contextmanager
def gc_paused() -> Iterator[None]:
    """Nested or concurrent users re-enable collection only when the last one leaves,
    and only if it was on before the first came (the desktop app keeps it off and
    collects on the GUI thread itself)."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
