"""Read material lots and their incoming test results from a spreadsheet (xlsx/xls/ods/csv).

One row per test item; the lot columns may be left blank on the rows after the first of
a lot (as when cells are merged in Excel), they carry down. The header row is found in
the first 15 rows by its names, Chinese or English. Any bad row stops the whole import
with the sheet, row and column named: nothing is half-imported.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from orderdesk.certificates.service import MaterialLotInput, TestItem
from orderdesk.errors import OrderdeskError

HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("材料批号", "原料批号", "批号", "material lot", "lot", "lot no", "lot code"),
    "grade": ("牌号", "材料牌号", "材质", "grade", "material grade", "material"),
    "supplier": ("供应商", "supplier", "vendor"),
    "supplier_lot": ("供应商批号", "supplier lot", "vendor lot"),
    "received": ("到货日期", "进货日期", "received", "received date", "date"),
    "report_no": ("报告编号", "报告号", "report no", "report", "report number"),
    "item": ("检验项目", "项目", "test item", "item", "test"),
    "standard": ("标准要求", "标准", "要求", "standard", "requirement", "spec"),
    "result": ("检测结果", "结果", "实测值", "result", "value", "measured"),
    "unit": ("单位", "unit"),
    "verdict": ("判定", "结论", "verdict", "judgement", "pass/fail"),
}
REQUIRED = ("code", "grade")


class MaterialSheetError(OrderdeskError):
    """The spreadsheet cannot be read as material lots: says which file/row/column."""

    code = "material_sheet"


def _norm(value: object) -> str:
    return " ".join(str(value or "").replace("\u3000", " ").split()).strip().lower()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def _rows(path: Path) -> list[list[object]]:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise MaterialSheetError(file=str(path), reason="missing")
    if suffix == ".csv":
        raw = path.read_bytes()
        for enc in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise MaterialSheetError(file=str(path), reason="encoding")
        return [list(r) for r in csv.reader(text.splitlines())]
    try:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(path))
        return book.get_sheet_by_index(0).to_python()
    except Exception as exc:  # noqa: BLE001 - calamine raises several types for bad files
        raise MaterialSheetError(file=str(path), reason="unreadable", detail=str(exc)) from exc


def _find_header(rows: list[list[object]], path: Path) -> tuple[int, dict[str, int]]:
    for r, row in enumerate(rows[:15]):
        found: dict[str, int] = {}
        for c, cell in enumerate(row):
            name = _norm(cell)
            for key, names in HEADERS.items():
                if key not in found and name in names:
                    found[key] = c
                    break
        if all(k in found for k in REQUIRED):
            return r, found
    raise MaterialSheetError(file=str(path), reason="header_not_found", searched_rows=15)


def _date(value: object, where: dict) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value).replace("/", "-").replace(".", "-")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise MaterialSheetError(reason="bad_date", value=_text(value), **where) from exc


def read_material_sheet(path: Path | str) -> list[MaterialLotInput]:
    path = Path(path)
    rows = _rows(path)
    head, cols = _find_header(rows, path)
    lots: dict[str, dict] = {}
    current: dict | None = None
    for r in range(head + 1, len(rows)):
        row = rows[r]

        def cell(key: str) -> object:
            c = cols.get(key)
            return row[c] if c is not None and c < len(row) else None

        if not any(_text(v) for v in row):
            continue
        where = {"file": path.name, "row": r + 1}
        code = _text(cell("code"))
        if code:
            grade = _text(cell("grade"))
            lot = lots.get(code)
            if lot is None:
                if not grade:
                    raise MaterialSheetError(reason="missing", column="grade", **where)
                lot = lots[code] = {
                    "code": code, "material_grade": grade, "supplier": _text(cell("supplier")),
                    "supplier_lot": _text(cell("supplier_lot")),
                    "received_date": _date(cell("received"), where),
                    "report_no": _text(cell("report_no")), "results": [],
                }
            current = lot
        elif current is None:
            raise MaterialSheetError(reason="missing", column="code", **where)
        item = _text(cell("item"))
        if item:
            current["results"].append(TestItem(
                item=item, standard=_text(cell("standard")), result=_text(cell("result")),
                unit=_text(cell("unit")), verdict=_text(cell("verdict"))))
        elif any(_text(cell(k)) for k in ("standard", "result", "verdict")):
            raise MaterialSheetError(reason="missing", column="item", **where)
    if not lots:
        raise MaterialSheetError(file=path.name, reason="no_rows")
    return [MaterialLotInput(**{**v, "results": tuple(v["results"])}) for v in lots.values()]
