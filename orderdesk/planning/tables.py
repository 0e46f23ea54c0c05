"""Reading planning sheets (Excel or CSV): find the header row, map columns by their
names (English or Chinese), and turn cells into typed values or a stated problem.

Shared by the machines workbook and the broker's shipment sheet. A cell that cannot be
read is a problem with sheet, row, column and reason; nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from orderdesk.intake.readers import SheetData, excel_serial_to_date


def norm_header(text: object) -> str:
    return re.sub(r"[\s_\-/()()::.%]+", "", str(text or "")).lower()


@dataclass
class Table:
    sheet: str
    kind: str
    header_row: int                  # 0-based
    columns: dict[str, int]          # field -> column index
    rows: list[tuple[int, list[Any]]]    # (1-based row number, cells)


class Problems(list):
    def add(self, sheet: str, row: int, column: str, reason: str, value: object = None) -> None:
        v = "" if value in (None, "") else f" ({value!r})"
        self.append(f"{sheet} row {row}: {column}: {reason}{v}")


def find_table(sheet: SheetData, kinds: dict[str, dict[str, tuple[str, ...]]],
               required: dict[str, tuple[str, ...]]) -> Table | None:
    """The first row of the first 15 that names the required columns of a kind."""
    for r, row in enumerate(sheet.rows[:15]):
        heads = [norm_header(c) for c in row]
        best: tuple[int, str, dict[str, int]] | None = None
        for kind, fields in kinds.items():
            cols: dict[str, int] = {}
            for fname, aliases in fields.items():
                keys = {norm_header(a) for a in aliases}
                for i, h in enumerate(heads):
                    if h and h in keys and fname not in cols and i not in cols.values():
                        cols[fname] = i
            # The kind naming the most columns wins: a work-order sheet also has the
            # machine, start and end columns of a shift sheet.
            if all(f in cols for f in required[kind]) and (best is None or len(cols) > best[0]):
                best = (len(cols), kind, cols)
        if best is not None:
            _n, kind, cols = best
            body = [(n + 1, list(cells)) for n, cells in enumerate(sheet.rows)
                    if n > r and any(c not in (None, "") and str(c).strip() for c in cells)]
            return Table(sheet.name, kind, r, cols, body)
    return None


def cell(cells: list[Any], table: Table, fname: str) -> Any:
    i = table.columns.get(fname)
    if i is None or i >= len(cells):
        return None
    v = cells[i]
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v


def as_text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip() or None


def as_decimal(v: Any) -> Decimal:
    if isinstance(v, bool):
        raise ValueError("not_a_number")
    try:
        d = Decimal(str(v).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        raise ValueError("not_a_number") from None
    if not d.is_finite():
        raise ValueError("not_a_number")
    return d


def as_int(v: Any) -> int:
    d = as_decimal(v)
    if d != d.to_integral_value():
        raise ValueError("not_a_whole_number")
    return int(d)


_TRUE = {"y", "yes", "true", "1", "是", "有", "查验", "x", "✓", "approved", "认可"}
_FALSE = {"n", "no", "false", "0", "否", "无", "不查验", "未认可", "not approved"}


def as_bool(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    t = str(v).strip().lower()
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    raise ValueError("not_yes_or_no")


_DT_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S",
               "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y.%m.%d %H:%M", "%Y-%m-%d", "%Y/%m/%d",
               "%Y.%m.%d", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日")


def as_datetime(v: Any) -> dt.datetime:
    if isinstance(v, dt.datetime):
        return v.replace(tzinfo=None, microsecond=0)
    if isinstance(v, dt.date):
        return dt.datetime.combine(v, dt.time())
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if 20000 < float(v) < 80000:      # an Excel serial date that lost its format
            return excel_serial_to_date(float(v))
        raise ValueError("not_a_date")
    t = str(v).strip()
    if t.endswith("Z"):
        t = t[:-1]
    for fmt in _DT_FORMATS:
        try:
            return dt.datetime.strptime(t, fmt)
        except ValueError:
            continue
    try:
        parsed = dt.datetime.fromisoformat(t)
    except ValueError:
        raise ValueError("not_a_date") from None
    if parsed.tzinfo is not None:
        # Planning runs on the factory's local clock (shift calendars are written in
        # it): an explicit offset is converted to local time, not dropped.
        parsed = parsed.astimezone().replace(tzinfo=None)
    return parsed


def as_date(v: Any) -> dt.date:
    return as_datetime(v).date()
