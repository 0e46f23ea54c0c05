"""Migrations bring an empty SQLite and an empty PostgreSQL to head; models round-trip."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from orderdesk import db
from orderdesk.desk import Desk
from orderdesk.errors import DatabaseTooNew
from orderdesk.models import Base, Order, OrderLine
from orderdesk.services import catalog, orders


def _round_trip(desk: Desk) -> None:
    with desk.write() as s:
        catalog.upsert_customer(s, "C9", "测试客户有限公司", tier="A", aliases=["测试"],
                                contacts=[("王工", "13800138000")], addresses=["上海"])
        catalog.upsert_product(s, "ABC-1", "支架", spec="PA66", nicknames=["小支架"])
    due = dt.date(2026, 3, 5)
    ref = orders.create_order(desk, orders.OrderDraft(
        channel="excel_email", customer_code="C9", channel_order_no="X-1",
        requested_date=due, rush=True,
        lines=[orders.LineDraft("abc 1", "1234.5", unit_price="0.0125")]))
    orders.set_status(desk, ref.id, "production", "in_production")
    with desk.read() as s:
        order = s.get(Order, ref.id)
        line = s.scalars(select(OrderLine).where(OrderLine.order_id == ref.id)).one()
        assert (order.order_no, order.requested_date, order.rush) == (ref.order_no, due, True)
        assert order.status_production == "in_production"
        assert line.quantity == Decimal("1234.5") and line.unit_price == Decimal("0.0125")


def test_sqlite_upgrades_to_head_idempotently_and_round_trips(tmp_path):
    path = tmp_path / "fresh.db"
    desk = Desk(path)
    assert db.is_current(desk.engine)
    db.upgrade(desk.engine)  # again: nothing to do, no error
    with desk.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    _round_trip(desk)


def test_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "newer.db"
    Desk(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('ffff_future')"))
    engine.dispose()
    with pytest.raises(DatabaseTooNew):
        Desk(path)


@pytest.fixture
def empty_pg(pg_url):  # type: ignore[no-untyped-def]
    """A brand-new PostgreSQL database, dropped afterwards."""
    name = f"od_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_postgresql_upgrades_to_head_and_round_trips(empty_pg):
    desk = Desk(empty_pg)
    assert db.is_current(desk.engine)
    with desk.engine.connect() as conn:
        assert set(Base.metadata.tables) <= set(inspect(conn).get_table_names())
    _round_trip(desk)
    desk.close()


def test_quick_revision_scan_agrees_with_alembic():
    """Stations skip Alembic when current; the quick scan must see what Alembic sees."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db._alembic_config("sqlite://"))
    assert db.head_revisions() == set(script.get_heads())
    assert db.known_revisions() == {r.revision for r in script.walk_revisions()}
