"""Two stations that numbered orders before their first hello (no station prefix yet)
can hand out the same order number; the server keeps both orders and renumbers the
later one, and every station ends with the same, unique numbers."""

from __future__ import annotations

from sqlalchemy import select

from orderdesk.models import AuditLog, Order
from orderdesk.services import catalog, orders
from orderdesk.sync.client import sync_once

from .conftest import client_for


def _without_prefix(desk) -> None:  # type: ignore[no-untyped-def]
    # What a station that has not reached the server yet numbers with.
    desk._sessions.configure(info={"order_no_prefix": ""})


def _order(desk, po: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with desk.write() as s:
        ref = orders.add_order(s, orders.OrderDraft(
            channel="phone", customer_code="C001", customer_po=po,
            lines=[orders.LineDraft("BRK-1001", 5)]))
        return ref.id, ref.order_no


def test_clashing_numbers_from_unprefixed_stations_are_renumbered_not_lost(server, make_station):  # type: ignore[no-untyped-def]
    a, b = make_station("A"), make_station("B")
    ca, cb = client_for(server, a), client_for(server, b)
    with a.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
        catalog.upsert_product(s, "BRK-1001", "支架")
    sync_once(a, client=ca)
    sync_once(b, client=cb)
    _without_prefix(a)
    _without_prefix(b)
    id_a, no_a = _order(a, "PO-A")
    id_b, no_b = _order(b, "PO-B")
    assert no_a == no_b  # the clash this is about

    assert sync_once(a, client=ca).push_rejected == 0
    report = sync_once(b, client=cb)
    assert report.push_rejected == 0 and report.pending == 0
    sync_once(a, client=ca)

    renumbered = f"{no_a}-2"
    for desk in (a, b):
        with desk.read() as s:
            numbers = dict(s.execute(select(Order.id, Order.order_no)
                                     .where(Order.id.in_([id_a, id_b]))).all())
        assert numbers == {id_a: no_a, id_b: renumbered}, desk.station
    from orderdesk.desk import Desk

    srv = Desk(server.db_url, migrate=False, station="check")
    try:
        with srv.read() as s:
            assert s.get(Order, id_b).order_no == renumbered
            trail = s.scalars(select(AuditLog).where(AuditLog.entity == "orders",
                                                     AuditLog.entity_id == id_b)).all()
            # The server's audit row keeps the number the station sent and the one kept.
            assert any(no_b in (t.old_value or "") and renumbered in (t.new_value or "")
                       for t in trail)
    finally:
        srv.close()
