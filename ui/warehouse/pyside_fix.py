"""Work around a reference-count bug of PySide6 6.12.0 on Python 3.11.

On this combination every Qt method that returns nothing (setText, QTimer.start,
update, ...) drops one reference to None without taking it. None starts with a few
thousand references, so after some thousand such calls CPython aborts with "Fatal
Python error: none_dealloc" — a warehouse station scanning at 20 codes a second would
crash within minutes. From Python 3.12 None is immortal (PEP 683) and the bug is
harmless; on 3.11 we give None a reference count it can never use up, which is what
3.12 does by design.
"""

from __future__ import annotations

import ctypes
import sys

_FLOOR = 1 << 40
_TOP_UP = 1 << 52


def keep_none_alive() -> bool:
    """Make None, True and False practically immortal on Python < 3.12 (the same bug
    drops references to the bools a Qt call returns). Returns True if it acted."""
    if sys.version_info >= (3, 12) or hasattr(sys, "getobjects"):  # immortal / debug build
        return False
    import PySide6

    # pyproject pins PySide6 below 6.12; this only guards an environment that has the
    # broken release anyway (e.g. a developer's own venv).
    if not PySide6.__version__.startswith("6.12."):
        return False
    acted = False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every PyObject in a release build.
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < _FLOOR:
            refcount.value += _TOP_UP
            acted = True
    return acted
