"""PostgreSQL with two uvicorn workers: many stations pushing at once while another pulls
continuously. The pulled stream must be exactly the final change log: no sequence
skipped by a transaction that committed later with a lower number, none twice."""

from __future__ import annotations

import threading

from sqlalchemy import select

from orderdesk.models.sync import ChangeLog
from orderdesk.services import catalog, orders
from orderdesk.sync.client import Credentials, SyncClient, sync_once

from .conftest import PASSWORD, ServerProcess, seed_users


def test_concurrent_pushers_leave_no_gap_for_a_puller(pg_url, make_station, tmp_path):
    from .conftest import _pg_database

    for db_url in _pg_database(pg_url):
        seed_users(db_url)
        logs = tmp_path / "logs"
        logs.mkdir()
        server = ServerProcess(db_url, logs, workers=2)
        server.start()
        try:
            _run(server, make_station, db_url)
        finally:
            server.stop()


def _run(server, make_station, db_url: str) -> None:  # type: ignore[no-untyped-def]
    seed = make_station("SEED")
    with seed.write() as s:
        catalog.upsert_customer(s, "C001", "客户", tier="A")
        catalog.upsert_product(s, "BRK-1001", "支架")
    sync_once(seed, server.url, Credentials("sales1", PASSWORD))
    pushers = [make_station(f"P{i}") for i in range(8)]
    for desk in pushers:
        sync_once(desk, server.url, Credentials("sales1", PASSWORD))
    seen: list[int] = []
    done = threading.Event()
    errors: list[BaseException] = []

    def pull_forever() -> None:
        client = SyncClient(server.url, Credentials("sales1", PASSWORD), station="WATCH")
        since = 0
        try:
            while True:
                finished = done.is_set()
                page = client.pull(since, 500)
                seen.extend(c["seq"] for c in page["changes"])
                since = page["next_cursor"]
                if finished and not page["has_more"]:
                    return
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            client.close()

    def push(desk) -> None:  # type: ignore[no-untyped-def]
        try:
            client = SyncClient(server.url, Credentials("sales1", PASSWORD), station=desk.station)
            for _ in range(6):
                for _ in range(3):
                    orders.create_order(desk, orders.OrderDraft(
                        channel="phone", customer_code="C001",
                        lines=[orders.LineDraft("BRK-1001", 7)]))
                sync_once(desk, client=client, push_batch=7)
            client.close()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    watcher = threading.Thread(target=pull_forever)
    watcher.start()
    threads = [threading.Thread(target=push, args=(d,)) for d in pushers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    watcher.join(120)
    assert not errors, errors
    from orderdesk.desk import Desk

    d = Desk(db_url, migrate=False)
    try:
        with d.read() as s:
            everything = list(s.execute(select(ChangeLog.seq, ChangeLog.outcome)
                                        .order_by(ChangeLog.seq)))
    finally:
        d.close()
    # Sequence numbers are handed out without holes...
    assert [seq for seq, _ in everything] == list(range(1, len(everything) + 1))
    # ...and the puller saw every change meant for stations, each once, in order
    # ("local" rows are per-database sign-in state that never leaves the server).
    assert seen == [seq for seq, outcome in everything if outcome != "local"]
    assert len(seen) > 8 * 6 * 3 * 2
