"""Bind processors that convert a value once when it repeats.

Bulk writers hand the driver hundreds of thousands of rows whose times are one object
(a flush's created_at, a transaction's received_at): converting each again was a
measurable part of their time.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from sqlalchemy import Date, DateTime


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


def bind_processor(type_: Any, dialect: Any) -> Any:
    """The column type's bind processor for `dialect`, except that SQLite's date and
    datetime conversion of plain values is done by isoformat in C: SQLAlchemy's formats
    each value with a %-template of seven fields, a tenth of a bulk insert's Python time.
    The text is the same (a test checks); other values go to SQLAlchemy's processor."""
    fn = type_._cached_bind_processor(dialect)
    if fn is None or dialect.name != "sqlite":
        return fn
    impl = type_.dialect_impl(dialect)
    fmt = getattr(impl, "_storage_format", None)
    if fmt == _SQLITE_DATETIME and isinstance(type_, DateTime):
        def datetime_text(value: Any) -> Any:
            if type(value) is _dt.datetime and value.tzinfo is None:
                return value.isoformat(" ", "microseconds")
            return fn(value)
        return datetime_text
    if fmt == _SQLITE_DATE and isinstance(type_, Date):
        def date_text(value: Any) -> Any:
            if type(value) is _dt.date:
                return value.isoformat()
            return fn(value)
        return date_text
    return fn


_SQLITE_DATETIME = ("%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d"
                    ".%(microsecond)06d")
_SQLITE_DATE = "%(year)04d-%(month)02d-%(day)02d"
