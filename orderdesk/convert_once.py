"""Bind processors that convert a value once when it repeats.

Bulk writers hand the driver hundreds of thousands of rows whose times are one object
(a flush's created_at, a transaction's received_at): converting each again was a
measurable part of their time.
"""

from __future__ import annotations

from typing import Any


def repeating(fn: Any) -> Any:
    """`fn` (a column's bind processor, or None) remembering its last value and answer:
    a value that is the previous one (the same object) is not converted again."""
    if fn is None:
        return None
    last: list[Any] = [object(), None]

    def convert(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, fn(value)
        return last[1]

    return convert
