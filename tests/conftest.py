"""Shared fixtures: a migrated template database copied per test, fresh config dirs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database migrated to head once per test run."""
    from orderdesk.desk import Desk

    path = tmp_path_factory.mktemp("template") / "template.db"
    desk = Desk(path, station="template")
    # Fold the WAL into the main file so a plain copy carries everything.
    with desk.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "station.db"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def desk(db_path: Path):  # type: ignore[no-untyped-def]
    from orderdesk.desk import Desk

    d = Desk(db_path, station="test-station")
    yield d
    d.close()


@pytest.fixture
def pg_url() -> str:
    url = os.environ.get("ORDERDESK_TEST_PG_URL")
    if not url:
        pytest.skip("ORDERDESK_TEST_PG_URL is not set: no PostgreSQL to test against")
    return url


@pytest.fixture
def pg_database(pg_url: str):  # type: ignore[no-untyped-def]
    """The URL of a scratch PostgreSQL database, dropped after the test."""
    import uuid

    from sqlalchemy import create_engine, make_url, text

    name = f"od_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings and config dirs point into tmp_path, so tests never share settings."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ORDERDESK_CONFIG_DIR", str(tmp_path / "config" / "orderdesk"))


@pytest.fixture
def demo_catalog(desk):  # type: ignore[no-untyped-def]
    """A small catalog: three customers (tiers A/B/C), finished goods with a BOM, stock."""
    from decimal import Decimal

    from orderdesk.models import BomLine, StockItem
    from orderdesk.services import catalog

    with desk.write() as s:
        a = catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A",
                                    aliases=["恒锐", "恒锐精密"],
                                    contacts=[("王工", "138-0013-8000")],
                                    addresses=["苏州工业园区星湖街1号"],
                                    payment_terms="月结30天")
        b = catalog.upsert_customer(s, "C002", "无锡华通汽车电子有限公司", tier="B",
                                    aliases=["华通"], contacts=[("李经理", "13900139000")],
                                    addresses=["无锡新区锡兴路8号"])
        catalog.upsert_customer(s, "C003", "宁波瑞丰塑胶有限公司", tier="C",
                                aliases=["瑞丰"], contacts=[("陈小姐", "+86 137 0000 1111")])
        brk = catalog.upsert_product(s, "BRK-1001", "支架", spec="PA66+GF30 80mm",
                                     product_line="汽车支架", pack_size=100,
                                     nicknames=["小支架"], gtin="06901234567892")
        catalog.upsert_product(s, "HSG-2002", "外壳", spec="PBT+GF30", product_line="连接器外壳",
                               pack_size=50, nicknames=["插头壳"])
        resin = catalog.upsert_product(s, "RES-PA66GF30", "PA66+GF30 粒料", unit="kg",
                                       is_component=True)
        ins = catalog.upsert_product(s, "INS-2001", "铜嵌件", is_component=True)
        s.add(BomLine(parent_id=brk.id, component_id=resin.id, qty_per=Decimal("0.05"),
                      scrap_rate=Decimal("0.02")))
        s.add(BomLine(parent_id=brk.id, component_id=ins.id, qty_per=Decimal(2)))
        s.add(StockItem(product_id=resin.id, on_hand=Decimal(500)))
        s.add(StockItem(product_id=ins.id, on_hand=Decimal(10000)))
    return {"customer_a": a.id, "customer_b": b.id, "product": brk.id}


@pytest.fixture(autouse=True)
def _garbage_collected_on_gui_thread(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Tests with Qt objects collect cycles on the GUI thread only, as the app does.

    Otherwise a worker thread may free a cyclic widget and crash the run (see
    orderdesk.ui.main_thread_gc). The full collection at teardown, after pytest-qt has
    closed the test's widgets, leaves no Qt garbage for a later test's threads.
    """
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    from orderdesk.ui import main_thread_gc

    collector = main_thread_gc.install(request.getfixturevalue("qapp"))
    yield
    collector.stop()
    collector.deleteLater()
