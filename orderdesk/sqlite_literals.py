"""SQLite literals for values every row of a bulk insert shares.

Binding a parameter costs the driver about as much per row as SQLite's own insert: in
an import's executemany of 200,000 audit or outbox rows, most of the columns (time,
actor, transaction, action, NULLs) hold one value for every row. Written once into the
statement as a literal, they are not bound 200,000 times.

Only values whose literal SQLite reads back as exactly the bound value are rendered;
anything else (floats, bytes, text with NUL, integers beyond 64 bits) stays a parameter.
"""

from __future__ import annotations

from typing import Any

_INT64 = (-(2 ** 63), 2 ** 63 - 1)


def literal(value: Any) -> str | None:
    """The SQLite literal of `value` as the driver would bind it (already converted by
    the column's bind processor), or None when it must stay a bound parameter."""
    if value is None:
        return "NULL"
    kind = type(value)
    if kind is bool:
        return "1" if value else "0"  # the driver binds bools as integers
    if kind is int:
        return str(value) if _INT64[0] <= value <= _INT64[1] else None
    if kind is str:
        # A string literal holds anything but NUL; a quote is written twice. Lone
        # surrogates cannot be encoded either way: binding raises, so does this.
        if "\x00" in value:
            return None
        return "'" + value.replace("'", "''") + "'"
    return None


def shared_value(values: list[Any]) -> tuple[bool, Any]:
    """(True, v) when every item of `values` is v, of one type; else (False, None).

    Equality alone would take 1 for True or 1.0 for 1, which SQLite may store apart."""
    if not values:
        return False, None
    first = values[0]
    if values.count(first) != len(values):
        return False, None
    kind = type(first)
    if kind is not str and first is not None and not all(type(v) is kind for v in values):
        return False, None
    return True, first


def shared_literals(columns: dict[str, list[Any]]) -> dict[str, str]:
    """The SQLite literal of each column (name → its rows' values, converted for the
    driver) that holds one value on every row and has an exact literal."""
    found: dict[str, str] = {}
    for name, values in columns.items():
        if len(values) < 2:
            continue  # nothing to save on one row
        same, value = shared_value(values)
        text = literal(value) if same else None
        if text is not None:
            found[name] = text
    return found
