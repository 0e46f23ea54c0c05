"""Reading order and catalog sheets: .xlsx/.xlsm, .xls and .csv, whatever their encoding.

The format is decided by the file's bytes, not its name, so a CSV saved as .xlsx or an
HTML page renamed .xls gets a clear "not a spreadsheet" instead of a library traceback.
Workbooks are read with python-calamine: on the 50,000-row benchmark it reads about
5x faster than openpyxl's read-only mode (see benchmarks/bench_import.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from orderdesk.intake.errors import EmptyFile, PasswordProtected, UnreadableFile

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
BOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_ENCODINGS = ("utf-8-sig", "gb18030")

Cell = Any  # str | float | int | bool | datetime | date | time | None


@dataclass(frozen=True)
class SheetData:
    """One sheet's cells as Python values, rows as read (blank rows kept, for row numbers)."""

    name: str
    rows: list[list[Cell]]


def detect_kind(path: Path, head: bytes) -> str:
    """'book', 'encrypted' or 'text' from the first bytes of the file."""
    if head.startswith(ZIP_MAGIC):
        return "book"
    if head.startswith(OLE_MAGIC):
        return "ole"
    return "text"


def read_sheets(path: str | Path) -> list[SheetData]:
    """All sheets of a workbook, or the one table of a CSV file.

    Raises UnreadableFile, PasswordProtected or EmptyFile with the path and the reason.
    """
    path = Path(path)
    if not path.exists():
        raise UnreadableFile(path=str(path), reason="missing")
    if path.is_dir():
        raise UnreadableFile(path=str(path), reason="not_a_spreadsheet")
    data = path.read_bytes()
    if not data.strip():
        raise EmptyFile(path=str(path))
    kind = detect_kind(path, data[:8])
    suffix = path.suffix.lower()
    if kind == "ole":
        # An encrypted .xlsx is an OLE container holding an "EncryptedPackage" stream.
        if ENCRYPTED_PACKAGE in data:
            raise PasswordProtected(path=str(path))
        sheets = _read_book(path, data)
    elif kind == "book":
        sheets = _read_book(path, data)
    else:
        if suffix in BOOK_SUFFIXES and suffix not in TEXT_SUFFIXES:
            raise UnreadableFile(path=str(path), reason="not_a_spreadsheet")
        sheets = [_read_csv(path, data)]
    if not any(any(_filled(c) for c in row) for s in sheets for row in s.rows):
        raise EmptyFile(path=str(path))
    return sheets


def _filled(cell: Cell) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _read_book(path: Path, data: bytes) -> list[SheetData]:
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except pc.PasswordError as exc:
        raise PasswordProtected(path=str(path)) from exc
    except (pc.ZipError, pc.XmlError) as exc:
        raise UnreadableFile(path=str(path), reason="truncated") from exc
    except Exception as exc:  # calamine raises CalamineError and plain ValueErrors
        text = str(exc).lower()
        if "password" in text or "encrypt" in text:
            raise PasswordProtected(path=str(path)) from exc
        reason = "truncated" if data.startswith(ZIP_MAGIC) or data.startswith(OLE_MAGIC) else \
            "not_a_spreadsheet"
        raise UnreadableFile(path=str(path), reason=reason) from exc
    sheets: list[SheetData] = []
    try:
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            sheets.append(SheetData(name=name, rows=[list(r) for r in rows]))
    except pc.PasswordError as exc:
        raise PasswordProtected(path=str(path)) from exc
    except Exception as exc:
        raise UnreadableFile(path=str(path), reason="truncated") from exc
    finally:
        book.close()
    return sheets


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 as Chinese Excel saves."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("gb18030", data, 0, 1, "undecodable")


def _read_csv(path: Path, data: bytes) -> SheetData:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile(path=str(path), reason="not_a_spreadsheet")
    try:
        text = decode_text(data)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(path=str(path), reason="unknown_encoding") from exc
    sample = text[:8192]
    if "<html" in sample.lower() or sample.lstrip().startswith("%PDF"):
        raise UnreadableFile(path=str(path), reason="not_a_spreadsheet")
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[Cell]] = [[c if c.strip() else None for c in row] for row in reader]
    return SheetData(name=path.stem, rows=rows)


def excel_serial_to_date(value: float) -> dt.datetime:
    """An Excel serial day number (1900 date system) as a datetime."""
    return dt.datetime(1899, 12, 30) + dt.timedelta(days=float(value))
