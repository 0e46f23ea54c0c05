"""pytest-qt against a real server process: a change made at one station shows on the
other station's board (live channel); the indicator shows offline and the pending count
while the server is stopped, and online with nothing pending after it is back; conflicts
are resolved from the panel."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest
import requests

from orderdesk.services import catalog, orders
from orderdesk.sync.client import Credentials, sync_once

from .conftest import PASSWORD

SHOTS = Path(__import__("tempfile").mkdtemp(prefix="orderdesk-shots-"))  # tests write only to tmp


@pytest.fixture
def two_stations(sqlite_server, make_station, qapp):  # type: ignore[no-untyped-def]
    from orderdesk.ui import i18n
    from orderdesk.ui.app import setup_application
    from orderdesk.ui.context import AppContext, StationSettings

    setup_application(qapp)
    i18n.set_language("en")
    server = sqlite_server
    admin = requests.post(server.url + "/api/auth/login",
                          json={"username": "admin", "password": PASSWORD}).json()["token"]
    contexts = []
    for name in ("A", "B"):
        key = requests.post(server.url + "/api/stations", json={"name": name},
                            headers={"Authorization": f"Bearer {admin}"}).json()["key"]
        desk = make_station(name)
        ctx = AppContext(desk, settings=StationSettings(station_name=name, language="en",
                                                        server_url=server.url))
        contexts.append((ctx, Credentials(station_key=key)))
    a_desk = contexts[0][0].desk
    with a_desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
        catalog.upsert_product(s, "BRK-1001", "支架")
    for ctx, cred in contexts:
        # Issue 13: a station key pushes only what people signed in there did: "sup" signs
        # in at both stations, and the first round proves them at the server.
        from orderdesk.desk import UserInfo
        from orderdesk.services import users as user_service

        user_service._remember_for_proof(ctx.desk, "sup", PASSWORD)
        ctx.desk.sign_in(UserInfo(id="", username="sup", display_name="sup",
                                  roles=("supervisor",)))
        sync_once(ctx.desk, server.url, cred, station=ctx.settings.station_name)
    yield server, contexts
    for ctx, _ in contexts:
        assert ctx.tasks.wait_idle(10000)
        ctx.tasks.shutdown()


def _draft(po: str) -> orders.OrderDraft:
    return orders.OrderDraft(channel="phone", customer_code="C001", customer_po=po,
                             lines=[orders.LineDraft("BRK-1001", 40)])


def test_board_at_b_shows_a_change_made_at_a_within_two_seconds(two_stations, qtbot):
    from orderdesk.ui.board.page import BoardPage
    from orderdesk.ui.sync_status import SyncStatusWidget

    server, ((ctx_a, cred_a), (ctx_b, cred_b)) = two_stations
    status_a = SyncStatusWidget(ctx_a, credentials=cred_a)
    status_b = SyncStatusWidget(ctx_b, credentials=cred_b)
    board = BoardPage(ctx_b)
    for w in (status_a, status_b, board):
        qtbot.addWidget(w)
    ctx_b.changes_did_apply.connect(board.on_changes)
    qtbot.waitUntil(lambda: status_a.status.state == "online"
                    and status_b.status.state == "online", timeout=15000)
    board.reload()
    qtbot.waitUntil(lambda: not ctx_b.tasks.busy(), timeout=5000)

    def numbers() -> set[str]:
        return {row.order_no for row in board.model.rows}

    results = []
    ctx_a.tasks.mutate(orders.create_order, ctx_a.desk, _draft("PO-LIVE-1"),
                       on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    made_at = time.monotonic()
    order_no = results[0].order_no
    # The live channel: A pushes, the server tells B, B pulls and its board reloads.
    qtbot.waitUntil(lambda: order_no in numbers(), timeout=2000)
    latency = time.monotonic() - made_at
    print(f"\nchange at A visible on B's board after {latency:.2f} s")
    SHOTS.mkdir(parents=True, exist_ok=True)
    status_b.resize(status_b.sizeHint())
    status_b.grab().save(str(SHOTS / "sync_status_online.png"))
    status_a.shutdown()
    status_b.shutdown()


def test_indicator_offline_pending_and_back_online(two_stations, qtbot):
    from orderdesk.ui.sync_status import SyncStatusWidget
    from orderdesk.ui import sync_worker

    server, ((ctx_a, cred_a), _b) = two_stations
    sync_worker.BACKOFF_MAX_S = 1.0  # retry quickly in the test
    status = SyncStatusWidget(ctx_a, credentials=cred_a)
    qtbot.addWidget(status)
    qtbot.waitUntil(lambda: status.status.state == "online", timeout=15000)
    assert status.pending_label.text() == "To send: 0"

    server.stop()
    for n in range(3):
        ctx_a.tasks.mutate(orders.create_order, ctx_a.desk, _draft(f"PO-OFF-{n}"))
    qtbot.waitUntil(lambda: status.status.state == "offline", timeout=15000)
    qtbot.waitUntil(lambda: status.status.pending > 0, timeout=10000)
    pending = status.status.pending
    from orderdesk.sync import station as local

    assert pending == local.pending_count(ctx_a.desk) > 0
    assert status.state_label.text() == "● Offline"
    assert status.pending_label.text() == f"To send: {pending}"
    SHOTS.mkdir(parents=True, exist_ok=True)
    status.resize(status.sizeHint())
    status.grab().save(str(SHOTS / "sync_status_offline.png"))

    server.start()
    qtbot.waitUntil(lambda: status.status.state == "online" and status.status.pending == 0,
                    timeout=20000)
    assert status.state_label.text() == "● Online"
    assert status.pending_label.text() == "To send: 0"
    assert status.last_label.text() != "Last sync: -"
    status.shutdown()


def test_conflict_panel_shows_both_values_and_resolves(two_stations, qtbot):
    from sqlalchemy import select

    from orderdesk.models import OrderLine
    from orderdesk.sync import station as local
    from orderdesk.ui import i18n
    from orderdesk.ui.conflicts import ConflictsPanel

    server, ((ctx_a, cred_a), (ctx_b, cred_b)) = two_stations
    ref = orders.create_order(ctx_a.desk, _draft("PO-C"))
    sync_once(ctx_a.desk, server.url, cred_a, station="A")
    sync_once(ctx_b.desk, server.url, cred_b, station="B")
    with ctx_a.desk.read() as s:
        line = s.scalar(select(OrderLine.id).where(OrderLine.order_id == ref.id))
    orders.update_line(ctx_a.desk, line, quantity=55)
    orders.update_line(ctx_b.desk, line, quantity=66)
    sync_once(ctx_a.desk, server.url, cred_a, station="A")
    sync_once(ctx_b.desk, server.url, cred_b, station="B")
    sync_once(ctx_a.desk, server.url, cred_a, station="A")

    i18n.set_language("zh")
    panel = ConflictsPanel(ctx_a)
    qtbot.addWidget(panel)
    panel.resize(1100, 300)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    texts = [panel.model.index(0, c).data() for c in range(panel.model.columnCount())]
    assert "55" in texts and "66" in texts and ref.order_no in texts
    panel.view.selectRow(0)
    assert panel.other_button.isEnabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.show()
    qtbot.waitExposed(panel)
    panel.grab().save(str(SHOTS / "sync_conflicts_zh.png"))
    i18n.set_language("en")
    kept = local.list_conflicts(ctx_a.desk)[0]
    qtbot.mouseClick(panel.other_button if kept.other_value == "55" else panel.keep_button,
                     __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: local.pending_resolutions(ctx_a.desk) != [], timeout=5000)
    sync_once(ctx_a.desk, server.url, cred_a, station="A")
    sync_once(ctx_b.desk, server.url, cred_b, station="B")
    for ctx in (ctx_a, ctx_b):
        assert local.list_conflicts(ctx.desk) == []
        with ctx.desk.read() as s:
            assert s.get(OrderLine, line).quantity == Decimal(55)


def test_indicator_without_server_or_key_says_so(make_station, qapp, qtbot, monkeypatch):
    from orderdesk.ui import i18n
    from orderdesk.ui.app import setup_application
    from orderdesk.ui.context import AppContext, StationSettings
    from orderdesk.ui.sync_status import SyncStatusWidget

    monkeypatch.delenv("ORDERDESK_STATION_KEY", raising=False)
    setup_application(qapp)
    i18n.set_language("en")
    desk = make_station("X")
    for url, text in (("", "Local only"),
                      ("http://127.0.0.1:9", "Station not registered: no station key")):
        ctx = AppContext(desk, settings=StationSettings(station_name="X", language="en",
                                                        server_url=url))
        widget = SyncStatusWidget(ctx)
        qtbot.addWidget(widget)
        assert widget.state_label.text() == text
        assert not widget.worker._threads  # nothing runs without a server and a key
        assert ctx.tasks.wait_idle(5000)
        ctx.tasks.shutdown()
