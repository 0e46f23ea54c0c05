"""Finance through the real server: a station ships (warehouse) and issues (finance); the
server authorises each against the person's server-side roles, refuses invoices pushed
for a warehouse user, and the server's own EDI sender (the thread `orderdesk serve`
starts) delivers the queued messages to the partner once; the station pulls the states."""

from __future__ import annotations

import time
from decimal import Decimal as D

from sqlalchemy import func, select

from orderdesk.desk import Desk
from orderdesk.finance import edi_outbox, invoicing, shipping
from orderdesk.finance.split import SplitRule
from orderdesk.models.finance import EdiMessage, Invoice, Shipment
from orderdesk.models.sync import ChangeLog
from orderdesk.services import users
from orderdesk.sync.client import sync_once
from orderdesk.tracking import Actor
from tests.core.finance_support import Line, make_orders
from tests.sync.test_edi_delivery import Partner

from .conftest import PASSWORD, ServerProcess, seed_users, station_client


def test_station_ships_and_invoices_server_delivers_edi_once(sqlite_server_db, tmp_path,  # type: ignore[no-untyped-def]
                                                             make_station, monkeypatch):
    partner = Partner()
    seed_users(sqlite_server_db)
    srv_desk = Desk(sqlite_server_db, station="setup")
    users.create_user(srv_desk, "fin1", "fin1", PASSWORD, ["finance"])
    srv_desk.close()
    monkeypatch.setenv("ORDERDESK_EDI_INTERVAL", "1")
    logs = tmp_path / "logs"
    logs.mkdir()
    server = ServerProcess(sqlite_server_db, logs)
    server.start()
    try:
        a = make_station("FIN")
        client = station_client(server, a, ["sup", "wh1", "fin1"])
        from orderdesk.desk import UserInfo

        # Orders and bound batches by the supervisor (the server takes business data only
        # from persons), the EDI partner by finance, the shipment by the warehouse.
        a.sign_in(UserInfo("s", "sup", "sup", ("supervisor",)))
        order_nos = make_orders(a, [Line("PO-1", "BRK-A", "50000", "1.50"),
                                    Line("PO-2", "BRK-B", "20000", "2.00")], with_tax=False)
        a.sign_in(UserInfo("f", "fin1", "fin1", ("finance",)))
        edi_outbox.set_partner(a, "C9001", partner.url, sender_id="6901234500004",
                               recipient_id="6909876500007")
        a.sign_in(UserInfo("w", "wh1", "wh1", ("warehouse",)))
        shipment_no = shipping.ship(a, order_nos).shipment.shipment_no
        a.sign_in(UserInfo("f", "fin1", "fin1", ("finance",)))
        invoicing.set_rule(a, "C9001", SplitRule(per_po=True))
        issued = invoicing.issue(a, shipment_no).issued
        assert len(issued) == 2
        # A forged invoice "by" the warehouse user: the server must refuse it.
        with a.write(Actor(user="wh1", station=a.station)) as s:
            forged = s.scalar(select(Invoice).where(Invoice.invoice_no == issued[0]))
            forged.cancel_reason = "forged by a warehouse account"
        a.sign_in(None)
        report = sync_once(a, client=client)
        assert report.push_rejected >= 1
        check = Desk(sqlite_server_db, migrate=False, station="check")
        try:
            with check.read() as s:
                assert s.scalar(select(Shipment.shipment_no)) == shipment_no
                assert s.scalar(select(func.count()).select_from(Invoice)) == 2
                assert s.scalar(select(Invoice.cancel_reason).where(
                    Invoice.invoice_no == issued[0])) is None
                assert s.scalar(select(func.count()).select_from(ChangeLog).where(
                    ChangeLog.entity == "invoices", ChangeLog.outcome == "rejected")) >= 1
            # The server's sender thread delivers the three messages (DESADV + 2 INVOIC).
            deadline = time.time() + 60
            while time.time() < deadline:
                with check.read() as s:
                    states = list(s.scalars(select(EdiMessage.state)))
                if len(states) == 3 and set(states) == {"acknowledged"}:
                    break
                time.sleep(0.5)
            assert states == ["acknowledged"] * 3, (states, server.log_text()[-2000:])
        finally:
            check.close()
        assert len(partner.received) == 3 and len(partner.posts) == 3
        sync_once(a, client=client)
        assert {m.state for m in edi_outbox.list_messages(a)} == {"acknowledged"}
    finally:
        server.stop()
        partner.close()
    assert D(1)
