"""A module-scoped server with one seeded order, for the share-link tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from orderdesk.desk import Desk
from orderdesk.services import catalog, orders
from orderdesk.share import links
from tests.sync.conftest import ServerProcess, seed_users


def _seed_order(db_url: str) -> str:
    desk = Desk(db_url, station="setup")
    try:
        with desk.write() as s:
            catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
            catalog.upsert_customer(s, "C002", "无锡华通汽车电子有限公司", tier="B")
            catalog.upsert_product(s, "BRK-1001", "支架", spec="PA66+GF30")
        ref = orders.create_order(desk, orders.OrderDraft(
            channel="phone", customer_code="C001", customer_po="PO-7788",
            requested_date=dt.date(2026, 12, 20), promised_date=dt.date(2026, 12, 18),
            status_sales="confirmed",
            lines=[orders.LineDraft(sku="BRK-1001", quantity=Decimal(5200),
                                    unit_price=Decimal("1.2345"))]))
        orders.create_order(desk, orders.OrderDraft(
            channel="phone", customer_code="C002", customer_po="OTHER-1", status_sales="confirmed",
            lines=[orders.LineDraft(sku="BRK-1001", quantity=Decimal(10))]))
        return ref.order_no
    finally:
        desk.close()


@pytest.fixture(scope="module")
def share_server(template_db, tmp_path_factory):  # type: ignore[no-untyped-def]
    """One server for the module (each test makes its own links)."""
    import os
    import shutil

    tmp = tmp_path_factory.mktemp("share")
    path = tmp / "server.db"
    shutil.copyfile(template_db, path)
    db_url = f"sqlite:///{path}"
    seed_users(db_url)
    order_no = _seed_order(db_url)
    (tmp / "logs").mkdir()
    saved = {k: os.environ.get(k) for k in ("ORDERDESK_SHARE_KEEPALIVE", "ORDERDESK_SHARE_POLL")}
    os.environ.update({"ORDERDESK_SHARE_KEEPALIVE": "1", "ORDERDESK_SHARE_POLL": "0.2"})
    server = ServerProcess(db_url, tmp / "logs")
    try:
        server.start()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    server.order_no = order_no  # type: ignore[attr-defined]
    try:
        yield server
    finally:
        server.stop()


def _link_id(server: ServerProcess, token: str) -> str:
    desk = Desk(server.db_url, station="check")
    try:
        found = links.check(desk, token).link_id
    finally:
        desk.close()
    assert found
    return found


def _order_id(server: ServerProcess) -> str:
    from orderdesk.models import Order

    desk = Desk(server.db_url, station="check")
    try:
        with desk.read() as s:
            return s.query(Order).filter_by(order_no=server.order_no).one().id  # type: ignore[attr-defined]
    finally:
        desk.close()


