"""The planning endpoint on a real server process: PMC posts machine logs and inbound
shipments as JSON; bad records refuse the whole body (400, nothing written); sales may
not post; what was posted reaches a station through sync."""

from __future__ import annotations

import requests

from .conftest import PASSWORD


def _token(server, user: str) -> str:  # type: ignore[no-untyped-def]
    r = requests.post(server.url + "/api/auth/login", json={"username": user, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return r.json()["token"]


def _seed_machine(server) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.desk import Desk
    from orderdesk.models.planning import WorkCentre
    from orderdesk.services import catalog

    desk = Desk(server.db_url, station="server-seed", migrate=False)
    with desk.write() as s:
        if not s.query(WorkCentre).filter_by(code="P-250-03").count():
            s.add(WorkCentre(code="P-250-03", name="250t", kind="press"))
            catalog.upsert_product(s, "RES-PA66", "PA66", is_component=True, unit="kg")
    desk.close()


LOG = {"machine": "P-250-03", "date": "2026-12-01", "shift": "A", "planned_minutes": 480,
       "run_minutes": 420, "ideal_cycle_seconds": 30, "cavities": 2, "total_count": 1500,
       "good_count": 1470}
SHIP = {"reference": "MSKU1", "material": "RES-PA66", "port": "CNSHA", "customs_office": "2248",
        "broker": "B", "arrived_at": "2026-12-01T08:00", "inspection": None}


def test_post_logs_and_shipments(sqlite_server) -> None:  # type: ignore[no-untyped-def]
    server = sqlite_server
    _seed_machine(server)
    pmc = {"Authorization": f"Bearer {_token(server, 'pmc1')}"}
    r = requests.post(server.url + "/api/planning/machine-logs", json={"logs": [LOG]}, headers=pmc)
    assert r.status_code == 200, r.text
    assert r.json() == {"created": 1, "updated": 0}
    r = requests.post(server.url + "/api/planning/machine-logs", json={"logs": [LOG]}, headers=pmc)
    assert r.json() == {"created": 0, "updated": 1}
    r = requests.post(server.url + "/api/planning/shipments", json={"shipments": [SHIP]}, headers=pmc)
    assert r.status_code == 200 and r.json() == {"created": 1, "updated": 0}, r.text


def test_bad_records_refuse_the_whole_body(sqlite_server) -> None:  # type: ignore[no-untyped-def]
    server = sqlite_server
    _seed_machine(server)
    pmc = {"Authorization": f"Bearer {_token(server, 'pmc1')}"}
    bad = dict(LOG, good_count=9999, date="2026-12-02")
    r = requests.post(server.url + "/api/planning/machine-logs",
                      json={"logs": [dict(LOG, date="2026-12-03"), bad]}, headers=pmc)
    assert r.status_code == 400, r.text
    assert "good_over_total" in r.json()["message"]
    r = requests.post(server.url + "/api/planning/shipments",
                      json={"shipments": [dict(SHIP, reference="MSKU2"),
                                          dict(SHIP, reference="MSKU3", port="C1SHA")]},
                      headers=pmc)
    assert r.status_code == 400 and "not_a_un_locode" in r.json()["message"], r.text
    r = requests.post(server.url + "/api/planning/shipments",
                      json={"shipments": [dict(SHIP, reference="MSKU4", material="NOPE")]},
                      headers=pmc)
    assert r.status_code == 400 and "unknown_product" in r.json()["message"]
    # nothing of the refused bodies was written
    from orderdesk.desk import Desk
    from orderdesk.models.planning import InboundShipment, MachineLog

    desk = Desk(server.db_url, station="check", migrate=False)
    with desk.read() as s:
        assert s.query(MachineLog).filter(MachineLog.shift_date != __import__("datetime").date(2026, 12, 1)).count() == 0
        assert s.query(InboundShipment).filter(InboundShipment.reference.in_(["MSKU2", "MSKU3", "MSKU4"])).count() == 0
    desk.close()


def test_sales_may_not_post(sqlite_server) -> None:  # type: ignore[no-untyped-def]
    server = sqlite_server
    sales = {"Authorization": f"Bearer {_token(server, 'sales1')}"}
    r = requests.post(server.url + "/api/planning/machine-logs", json={"logs": [LOG]}, headers=sales)
    assert r.status_code == 403
    r = requests.post(server.url + "/api/planning/shipments", json={"shipments": [SHIP]})
    assert r.status_code == 401


def test_accepted_move_and_confirmed_reschedule_sync_to_another_station(sqlite_server, make_station) -> None:  # type: ignore[no-untyped-def]
    """A PMC station moves a work order and confirms a reschedule; the server accepts both
    (planning.write, the promised date, the sales notification) and another station
    pulls them."""
    import datetime as dt

    from orderdesk.desk import UserInfo
    from orderdesk.models import Notification, Order
    from orderdesk.models.planning import WorkOrder
    from orderdesk.planning import reschedule
    from orderdesk.planning.capacity import capacity_plan, move_work_order
    from orderdesk.sync.client import sync_once
    from tests.core.planning_data import (
        T0, bom, history, machine, order, product, routing, shipment, stock, work_order)

    from .conftest import client_for

    server = sqlite_server
    a, b = make_station("PA"), make_station("PB")
    ca, cb = client_for(server, a, "pmc1"), client_for(server, b, "sales2")
    now = T0 + dt.timedelta(hours=6)
    with a.write() as s:                      # set-up as the system actor (a script)
        resin = product(s, "RES-X", is_component=True, unit="kg")
        clip = product(s, "CLP-X")
        bom(s, clip, resin, "0.01")
        stock(s, resin, 0)
        pa, pb = machine(s, "P-A"), machine(s, "P-B")
        routing(s, clip, pa, cycle="36")
        routing(s, clip, pb, priority=2, cycle="36")
        o = order(s, clip, 1000, dt.date(2026, 12, 8))
        w = work_order(s, clip, pa, 7.8, T0 + 8 * dt.timedelta(hours=1),
                       T0 + 16 * dt.timedelta(hours=1), quantity=200, order=o)
        history(s, resin, [30] * 10, end=now)
        shipment(s, resin, arrived=now - 70 * dt.timedelta(hours=1), ref="BL-SYNC")
    # the set-up goes up with a supervisor's sign-in (the server takes the person it
    # authenticated as the actor of the round)
    first = sync_once(a, client=client_for(server, a, "sup"))
    assert first.push_rejected == 0, first
    a.sign_in(UserInfo(id="x", username="pmc1", display_name="PMC", roles=("pmc",)))
    assert capacity_plan(a, now=T0).machine("P-A").over_threshold
    move_work_order(a, w.id, "P-B")
    (p,) = reschedule.propose(a, now=now)
    reschedule.confirm(a, p)
    second = sync_once(a, client=ca)
    assert second.pushed > 0 and second.push_rejected == 0, second
    sync_once(b, client=cb)
    with b.read() as s:
        assert s.get(WorkOrder, w.id).work_centre_id == pb.id
        assert s.get(Order, o.id).promised_date == p.orders[0].proposed_date
        assert s.query(Notification).filter_by(kind="reschedule").count() == 1


def test_pulled_planning_rows_announce_planning_not_orders() -> None:
    from orderdesk.sync.station import _changes_for

    ch = _changes_for({"machine_logs", "work_orders"}, False)
    assert ch.planning and not ch.orders
    ch = _changes_for({"orders", "reschedules", "notifications"}, False)
    assert ch.planning and ch.orders
