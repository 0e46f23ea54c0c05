"""Order import on PostgreSQL (the central server's database): bulk path, audit chain."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from orderdesk.desk import Desk
from orderdesk.intake import run_import
from orderdesk.models import AuditLog, Order, OrderLine, Outbox
from orderdesk.services import catalog
from orderdesk.tracking import audit_hash

try:
    from intake_fixtures import generate
except ImportError:
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1]))
    from intake_fixtures import generate


@pytest.fixture
def pg_desk(pg_database):  # type: ignore[no-untyped-def]
    desk = Desk(pg_database, station="pg-test")
    yield desk
    desk.close()


@pytest.mark.pg
def test_import_on_postgresql(pg_desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    desk = pg_desk
    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", aliases=["恒锐"],
                                contacts=[("王工", "138-0013-8000")])
        catalog.upsert_customer(s, "C002", "无锡华通汽车电子有限公司", aliases=["华通"])
        catalog.upsert_product(s, "BRK-1001", "支架", pack_size=100)
        catalog.upsert_product(s, "HSG-2002", "外壳", pack_size=50)
    path = generate.title_merged_xlsx(tmp_path)
    report = run_import(desk, [path], now=dt.datetime(2026, 3, 2, 9, 30))
    assert report.imported == 4 and report.rejected_rows == 3
    assert run_import(desk, [path], now=dt.datetime(2026, 3, 2, 9, 30)).imported == 0
    with desk.read() as s:
        assert s.scalar(select(func.count(Order.id))) == 4
        assert s.scalar(select(func.count(OrderLine.id))) == 5
        assert s.scalar(select(func.count(Outbox.seq)).where(Outbox.entity == "order_lines")) == 5
        prev = None
        for row in s.scalars(select(AuditLog).order_by(AuditLog.id)):
            assert row.prev_hash == prev and row.hash == audit_hash(row)
            prev = row.hash
