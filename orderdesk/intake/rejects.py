"""Rejected rows back to the user as an .xlsx: the original cells plus the reasons."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from orderdesk.intake.errors import reason_text
from orderdesk.intake.orders_import import RejectedRow


def write_rejects(rows: Sequence[RejectedRow], path: str | Path, lang: str | None = None) -> Path:
    """One sheet per source file, the original header and cells, then file, row, reasons.

    The user fixes the cells and imports the file again: the reason columns are ignored
    by the header detection because their names are not in the vocabulary.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    by_file: dict[str, list[RejectedRow]] = {}
    for row in rows:
        by_file.setdefault(row.path, []).append(row)
    if not by_file:
        wb.create_sheet("rejected")
    zh = (lang or _lang()) != "en"
    extra = ["原文件", "原行号", "问题原因"] if zh else ["Source file", "Source row", "Reason"]
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FDE2E1")
    used: set[str] = set()
    for source, items in by_file.items():
        title = _sheet_title(Path(source).stem, used)
        ws = wb.create_sheet(title)
        headers = list(items[0].headers)
        ws.append(headers + extra)
        for cell in ws[1]:
            cell.font = bold
        for item in items:
            cells = [_plain(c) for c in item.cells] + [""] * (len(headers) - len(item.cells))
            reasons = "; ".join(
                (f"{p.column}: " if p.column else "") + (f"'{p.value}' " if p.value else "")
                + reason_text(p.reason, "zh" if zh else "en") for p in item.problems)
            ws.append(cells[: len(headers)] + [Path(source).name, item.row, reasons])
            ws.cell(row=ws.max_row, column=len(headers) + 3).fill = fill
        ws.column_dimensions[ws.cell(row=1, column=len(headers) + 3).column_letter].width = 60
    wb.save(path)
    return path


def _plain(value: object) -> object:
    """Cells go back as they came (numbers, dates, text); anything else as text."""
    import datetime as dt

    if value is None or isinstance(value, (str, int, float, dt.date, dt.datetime)):
        return value
    return str(value)


def _sheet_title(stem: str, used: set[str]) -> str:
    base = "".join(ch for ch in stem if ch not in "[]:*?/\\")[:28] or "rejected"
    title, n = base, 1
    while title in used:
        n += 1
        title = f"{base[:25]}_{n}"
    used.add(title)
    return title


def _lang() -> str:
    from orderdesk.messages import language

    return language()
