"""Sync speed against a real server process on 127.0.0.1.

1. 10,000 changes pushed by one station and pulled by another (target <= 10 s end to end);
2. an idle sync round with nothing to do (target <= 50 ms);
3. live: a change pushed at one station until the other station's live long-poll wakes
   and its pull has applied it (the boards' "within 2 s");
4. 50 stations syncing at once against one server on PostgreSQL (throughput in changes
   per second and p99 latency of a round); needs --pg URL or ORDERDESK_TEST_PG_URL.

Run: .venv/bin/python benchmarks/bench_sync.py [--changes N] [--stations N] [--pg URL]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.sync.conftest import PASSWORD, ServerProcess, _pg_database, seed_users  # noqa: E402

from orderdesk.desk import Desk  # noqa: E402
from orderdesk.models import Order, Outbox  # noqa: E402
from orderdesk.services import catalog, orders  # noqa: E402
from orderdesk.sync.client import Credentials, SyncClient, sync_once  # noqa: E402


def _template(folder: Path) -> Path:
    path = folder / "template.db"
    desk = Desk(path, station="template")
    with desk.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    return path


def _station(folder: Path, template: Path, name: str) -> Desk:
    path = folder / f"{name}.db"
    shutil.copyfile(template, path)
    return Desk(path, station=name)


def _make_changes(desk: Desk, n: int) -> int:
    """About n outbox rows: orders with lines, then field edits, 100 per transaction."""
    from sqlalchemy import func, select

    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
        catalog.upsert_product(s, "BRK-1001", "支架")
    ids = []
    for i in range(max(n // 50, 1)):
        ids.append(orders.create_order(desk, orders.OrderDraft(
            channel="phone", customer_code="C001",
            lines=[orders.LineDraft("BRK-1001", 10 + i)])).id)
    with desk.read() as s:
        have = s.scalar(select(func.count()).select_from(Outbox)
                        .where(Outbox.pushed_at.is_(None)))
    k = 0
    while have < n:
        with desk.write() as s:
            for oid in ids[:min(100, n - have)]:
                s.get(Order, oid).customer_po = f"PO-{k}-{oid[-6:]}"
                have += 1
        k += 1
    return have


def bench_push_pull(url: str, folder: Path, template: Path, n: int) -> dict[str, float]:
    a, b = _station(folder, template, "A"), _station(folder, template, "B")
    ca = SyncClient(url, Credentials("sales1", PASSWORD), station="A")
    cb = SyncClient(url, Credentials("sales1", PASSWORD), station="B")
    # Sign-in and hello are not part of the measured rounds.
    ca.login(); cb.login()
    from orderdesk.sync.client import handshake

    handshake(a, ca)
    handshake(b, cb)
    made = _make_changes(a, n)
    t0 = time.perf_counter()
    ra = sync_once(a, client=ca)
    t1 = time.perf_counter()
    rb = sync_once(b, client=cb)
    t2 = time.perf_counter()
    assert ra.pushed == made and rb.applied >= made * 0.99, (ra, rb)
    idle = []
    for _ in range(30):
        t = time.perf_counter()
        sync_once(b, client=cb)
        idle.append(time.perf_counter() - t)
    # Live: B waits on the long-poll; A changes one field and syncs.
    seen = threading.Event()
    live_client = SyncClient(url, Credentials("sales1", PASSWORD), station="B")
    head = rb.head

    def listen() -> None:
        live_client.live(head, timeout=20)
        sync_once(b, client=cb)
        seen.set()

    lat = []
    for _ in range(5):
        seen.clear()
        thread = threading.Thread(target=listen)
        thread.start()
        time.sleep(0.3)
        with a.write() as s:
            order = s.query(Order).first()
            order.customer_po = f"LIVE-{uuid.uuid4().hex[:6]}"
        t = time.perf_counter()
        sync_once(a, client=ca)
        seen.wait(30)
        lat.append(time.perf_counter() - t)
        thread.join()
        head = sync_once(b, client=cb).head
    for c in (ca, cb, live_client):
        c.close()
    a.close(); b.close()
    idle.sort()
    return {"changes": made, "push_s": t1 - t0, "pull_s": t2 - t1, "total_s": t2 - t0,
            "idle_median_ms": statistics.median(idle) * 1000,
            "idle_p95_ms": idle[int(len(idle) * 0.95) - 1] * 1000,
            "live_median_s": statistics.median(lat), "live_max_s": max(lat)}


def bench_many(url: str, folder: Path, template: Path, stations: int, rounds: int,
               per_round: int) -> dict[str, float]:
    desks = [_station(folder, template, f"M{i:02d}") for i in range(stations)]
    clients = [SyncClient(url, Credentials("sales1", PASSWORD), station=d.station)
               for d in desks]
    with desks[0].write() as s:
        catalog.upsert_customer(s, "C050", "无锡华通汽车电子有限公司", tier="B")
        catalog.upsert_product(s, "BRK-5001", "支架")
    sync_once(desks[0], client=clients[0])
    for d, c in zip(desks, clients):
        sync_once(d, client=c)
    # Each station's changes are made beforehand (in real life every station has its own
    # PC); the measured rounds are what the server sees: 50 stations pushing their batch
    # and pulling everything new at the same time. Pulled pages are not applied to the
    # local files here (that is each station's own CPU, measured in bench_push_pull).
    from orderdesk.sync import station as local

    batches: list[list[list[dict]]] = []
    for d in desks:
        mine = []
        for _ in range(rounds):
            for _ in range(per_round):
                orders.create_order(d, orders.OrderDraft(
                    channel="phone", customer_code="C050",
                    lines=[orders.LineDraft("BRK-5001", 5)]))
            rows = local.outbox_batch(d, 100_000)
            mine.append([local.wire_change(r) for r in rows])
            local.mark_local_only(d, rows)  # taken out of the outbox: sent below
        batches.append(mine)
    latencies: list[float] = []
    pushed = [0]
    lock = threading.Lock()
    errors: list[BaseException] = []
    start = time.perf_counter()

    def work(i: int) -> None:
        try:
            since = 0
            for wire in batches[i]:
                t = time.perf_counter()
                clients[i].push(wire)
                while True:
                    page = clients[i].pull(since, 2000)
                    since = page["next_cursor"]
                    if not page["has_more"]:
                        break
                with lock:
                    latencies.append(time.perf_counter() - t)
                    pushed[0] += len(wire)
        except BaseException as exc:  # noqa: BLE001 - reported after the run
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(stations)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.perf_counter() - t0
    del start
    if errors:
        raise errors[0]
    for d, c in zip(desks, clients):
        c.close()
        d.close()
    latencies.sort()
    return {"stations": stations, "rounds": len(latencies), "changes_pushed": pushed[0],
            "seconds": took, "changes_per_s": pushed[0] / took,
            "round_p50_s": statistics.median(latencies),
            "round_p99_s": latencies[max(int(len(latencies) * 0.99) - 1, 0)]}


def run(changes: int = 10_000, stations: int = 50, pg: str | None = None,
        rounds: int = 3, per_round: int = 4,
        only_many: bool = False) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = _template(folder)
        server_db = folder / "server.db"
        shutil.copyfile(template, server_db)
        db_url = f"sqlite:///{server_db}"
        seed_users(db_url)
        logs = folder / "logs"
        logs.mkdir()
        if not only_many:
            server = ServerProcess(db_url, logs)
            server.start()
            try:
                results["sqlite_push_pull"] = bench_push_pull(server.url, folder, template,
                                                              changes)
            finally:
                server.stop()
        if pg:
            for pg_url in _pg_database(pg):
                seed_users(pg_url)
                server = ServerProcess(pg_url, logs, workers=2)
                server.start()
                pg_dir = folder / "pg"
                pg_dir.mkdir()
                try:
                    if not only_many:
                        results["pg_push_pull"] = bench_push_pull(server.url, pg_dir,
                                                                  template, changes)
                    results["pg_many_stations"] = bench_many(server.url, pg_dir, template,
                                                             stations, rounds, per_round)
                finally:
                    server.stop()
    return results


def report(results: dict[str, dict[str, float]]) -> None:
    for name, figures in results.items():
        print(name + ": " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                                      for k, v in figures.items()))
    sp = results.get("sqlite_push_pull")
    if sp:
        print(f"targets: 10k push+pull {sp['total_s']:.2f} s (<= 10 s), idle round "
              f"{sp['idle_median_ms']:.1f} ms median (<= 50 ms), live {sp['live_median_s']:.2f} s "
              f"(<= 2 s)")


def test_bench_sync() -> None:
    """Small run for `pytest benchmarks/` (figures printed, not asserted)."""
    report(run(changes=1000, stations=5, pg=os.environ.get("ORDERDESK_TEST_PG_URL"),
               rounds=2, per_round=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--stations", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pg", default=os.environ.get("ORDERDESK_TEST_PG_URL"))
    parser.add_argument("--only-many", action="store_true",
                        help="only the many-stations run on PostgreSQL")
    args = parser.parse_args()
    report(run(args.changes, args.stations, args.pg, args.rounds, only_many=args.only_many))
