"""Column mappings remembered per customer: a correction follows the customer's next file,
even in another layout, as long as the column names are the same."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

from orderdesk.intake import preview_file, run_import
from orderdesk.intake.memory import CUSTOMER_KEY
from orderdesk.models import AuditLog, Order

NOW = dt.datetime(2026, 3, 2, 9, 30)


def sheet(path: Path, headers: list[str], rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def files(tmp_path: Path) -> tuple[Path, Path]:
    """Two files of one customer, no customer column; the second in another layout."""
    first = sheet(tmp_path / "恒锐3月.xlsx", ["物料编码", "数量", "交货日期", "备注"],
                  [["BRK-1001", 500, dt.datetime(2026, 3, 20), "蓝色包装"],
                   ["HSG-2002", 100, dt.datetime(2026, 3, 21), "内部编号77"]])
    second = sheet(tmp_path / "恒锐补单.xlsx", ["序号", "交货日期", "物料编码", "备注", "数量"],
                   [[1, dt.datetime(2026, 3, 22), "BRK-1001", "仓库A区", 300]])
    return first, second


def test_correction_is_remembered_for_the_customer_across_layouts(desk, demo_catalog,
                                                                  tmp_path) -> None:  # type: ignore[no-untyped-def]
    first, second = files(tmp_path)
    customer = demo_catalog["customer_a"]
    pv = preview_file(desk, first, default_customer_id=customer, now=NOW)
    assert pv.mapping.fields[3] == "note" and all(ln.ok for ln in pv.lines)
    corrected = pv.mapping.with_field(3, None)       # this customer's 备注 is not for us
    report = run_import(desk, [first], mappings={str(first): corrected},
                        default_customer_id=customer, remember_mappings=True, now=NOW)
    assert report.imported == 2
    with desk.read() as s:
        assert {o.customer_id for o in s.scalars(select(Order))} == {customer}
        key = CUSTOMER_KEY.format(customer)
        audit = s.scalars(select(AuditLog).where(AuditLog.entity == "settings",
                                                 AuditLog.entity_id == key)).one()
        assert json.loads(json.loads(audit.new_value)["value"])["备注"] == ""
    # The next file of that customer, another layout: 备注 ignored from memory.
    nxt = preview_file(desk, second, default_customer_id=customer, now=NOW)
    assert 3 not in nxt.mapping.fields and nxt.mapping.how[3] == "memory"
    assert nxt.lines[0].note is None and nxt.lines[0].ok
    # Another customer's file of that layout is read as before.
    other = preview_file(desk, second, default_customer_id=demo_catalog["customer_b"], now=NOW)
    assert other.mapping.fields[3] == "note"


def test_a_remembered_layout_is_kept_for_the_customer_named_later(desk, demo_catalog,
                                                                  tmp_path) -> None:  # type: ignore[no-untyped-def]
    first, second = files(tmp_path)
    a, b = demo_catalog["customer_a"], demo_catalog["customer_b"]
    pv = preview_file(desk, first, default_customer_id=a, now=NOW)
    run_import(desk, [first], mappings={str(first): pv.mapping.with_field(3, None)},
               default_customer_id=a, remember_mappings=True, now=NOW)
    # Customer B sends the same layout: the layout memory applies, nothing corrected...
    copy = sheet(tmp_path / "华通.xlsx", ["物料编码", "数量", "交货日期", "备注"],
                 [["BRK-1001", 800, dt.datetime(2026, 3, 25), "x"]])
    again = preview_file(desk, copy, default_customer_id=b, now=NOW)
    assert again.mapping.how[3] == "memory"
    run_import(desk, [copy], default_customer_id=b, remember_mappings=True, now=NOW)
    # ...and B's next file in another layout is mapped the same way.
    assert 3 not in preview_file(desk, second, default_customer_id=b, now=NOW).mapping.fields
