"""A year of orders: every target of issue 12 beside its figure.

Builds a generated year (tests/year_volume.py: 126,000 orders from every channel,
~300,000 lines, their status history, the audit and outbox rows they imply) and times
what users wait for on it, then runs real server processes for the sync figures.

Run: .venv/bin/python benchmarks/bench_year.py [--orders N] [--keep DIR] [--skip-sync]

Wall times on a shared machine include waiting for a core; the load average is printed,
and each figure's CPU time of this process beside it (what the same work costs alone;
for the sync figures the server process's share is not in it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

ROWS: list[tuple[str, float, float | None, str, float]] = []


def record(name: str, value: float, cpu: float | None, unit: str, target: float) -> None:
    ROWS.append((name, value, cpu, unit, target))
    ok = "met" if value <= target else "NOT met"
    cpu_text = f"(cpu {cpu:.2f} s)" if cpu is not None else ""
    print(f"  {name:<52} {value:10.3f} {unit:<3} target ≤ {target:g} {unit:<3} {ok:<8} "
          f"{cpu_text}", flush=True)


def timed(fn, *args: Any, **kwargs: Any) -> tuple[Any, float, float]:  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def mb(path: Path) -> float:
    total = path.stat().st_size
    for extra in ("-wal", "-shm"):
        side = Path(str(path) + extra)
        if side.exists():
            total += side.stat().st_size
    return total / 1e6


def station_queries(path: Path, out: Path) -> None:
    from orderdesk.desk import Desk
    from orderdesk.models import Order
    from orderdesk.pmc import service as kit_service
    from orderdesk.services import board, export
    from sqlalchemy import select

    desk = Desk(path, station="year")  # opening gathers statistics if they are stale
    try:
        n, wall, cpu = timed(export.export_orders, desk, "csv", out / "orders.csv")
        record(f"export of a year's order lines ({n:,} lines)", wall, cpu, "s", 5)

        _, wall, cpu = timed(board.list_orders, desk, limit=100)
        record("board first page (first call)", wall * 1000, cpu, "ms", 200)
        walls = []
        for _ in range(5):
            walls.append(timed(board.list_orders, desk, limit=100)[1])
        record("board first page (median of 5)", statistics.median(walls) * 1000, None, "ms",
               200)

        with desk.read() as s:
            ids = list(s.scalars(select(Order.id).where(Order.status_warehouse == "shipped")
                                 .order_by(Order.order_no).limit(20_000)))[::1000]
        walls = [timed(board.order_detail, desk, i)[1] for i in ids]
        record(f"order trail (order detail + trail, median of {len(ids)})",
               statistics.median(walls) * 1000, None, "ms", 50)

        kit_service.forget(desk)
        report, wall, cpu = timed(kit_service.kit_report, desk)
        record("kit check of all open orders", wall, cpu, "s", 1)
    finally:
        desk.close()


def station_size(path: Path, year_end: dt.datetime) -> None:
    from orderdesk.desk import Desk
    from orderdesk.sync import station as local

    from orderdesk import audit_store
    from orderdesk.services import audit

    before = mb(path)
    desk = Desk(path, station="year")
    try:
        trimmed, wall, cpu = timed(local.trim_outbox, desk, now=year_end)
        # The first pack of a year that never packed (a station packs daily after that).
        packed, p_wall, p_cpu = timed(audit_store.pack, desk, now=year_end)
        chain, v_wall, _ = timed(audit.verify_chain, desk)
    finally:
        desk.close()
    conn = sqlite3.connect(path)
    conn.execute("VACUUM")  # what page reuse gives when trimming runs all year
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    hot_from, hot = conn.execute("SELECT min(at), count(*) FROM audit_log").fetchone()
    kept_from, kept = conn.execute("SELECT min(first_at), coalesce(sum(row_count), 0) "
                                   "FROM audit_archive").fetchone()
    sizes = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
    conn.close()
    print(f"  station file before trimming: {before:,.0f} MB; outbox rows trimmed: "
          f"{trimmed:,} ({wall:.1f} s)")
    print(f"  audit rows packed: {packed.rows:,} in {packed.blocks:,} blocks ({p_wall:.1f} s, "
          f"cpu {p_cpu:.1f} s, once); trail kept whole: {kept:,} packed rows from {kept_from}, "
          f"{hot:,} table rows from {hot_from}; chain verified "
          f"{'intact' if chain.ok else 'BROKEN'} over {chain.checked:,} rows ({v_wall:.1f} s)")
    record("station database for a year (outbox trimmed)", mb(path), None, "MB", 400)
    groups: dict[str, float] = {}
    for name, size in sizes.items():
        key = ("audit trail, packed" if "audit_archive" in name else "audit trail, table"
               if "audit" in name else "outbox" if "outbox" in name
               else "business tables and indexes")
        groups[key] = groups.get(key, 0) + size / 1e6
    print("    where it goes: " + ", ".join(f"{k} {v:,.0f} MB" for k, v in
                                            sorted(groups.items(), key=lambda kv: -kv[1])))


def _server(db_url: str, logs: Path):  # type: ignore[no-untyped-def]
    from tests.sync.conftest import ServerProcess, seed_users

    seed_users(db_url)
    logs.mkdir(exist_ok=True)
    server = ServerProcess(db_url, logs)
    server.start(timeout=300)
    return server


def _process_cpu(pid: int) -> float:
    """CPU seconds (user + system) of another process so far (Linux; else 0)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def full_download(year: Path, tmp: Path) -> None:
    """A new station downloads the year from a server holding it (its log pruned)."""
    from orderdesk.desk import Desk
    from orderdesk.sync.client import Credentials, SyncClient, sync_once
    from tests.sync.conftest import PASSWORD

    server_db = tmp / "server-year.db"
    shutil.copyfile(year, server_db)
    conn = sqlite3.connect(server_db)
    conn.execute("DELETE FROM outbox")
    conn.execute("DELETE FROM sync_counter")
    # The year's log was pruned: a new station is answered "resync" and downloads rows.
    conn.executemany("INSERT INTO sync_counter (name, value) VALUES (?, ?)",
                     [("seq", 1), ("pruned_through", 1)])
    conn.commit()
    conn.close()
    server = _server(f"sqlite:///{server_db}", tmp / "logs-download")
    try:
        Desk(tmp / "fresh.db", station="NEW").close()
        desk = Desk(tmp / "fresh.db", station="NEW")
        try:
            client = SyncClient(server.url, Credentials("sales1", PASSWORD), station="NEW",
                                timeout=300)
            server_cpu = _process_cpu(server.proc.pid)
            report, wall, cpu = timed(sync_once, desk, client=client, pull_batch=5000)
            server_cpu = _process_cpu(server.proc.pid) - server_cpu
            with desk.read() as s:
                from sqlalchemy import func, select

                from orderdesk.models import Order
                got = s.scalar(select(func.count()).select_from(Order))
        finally:
            desk.close()
        record(f"full download of a year to a new station ({got:,} orders, "
               f"{report.pulled:,} rows)", wall, cpu, "s", 120)
        print(f"    new station file: {mb(tmp / 'fresh.db'):,.0f} MB; server cpu "
              f"{server_cpu:.1f} s")
    finally:
        server.stop()


def two_stations(tmp: Path, rows: int) -> None:
    from bench_import import build_catalog
    from intake_fixtures import generate

    from orderdesk.desk import Desk
    from orderdesk.intake import orders_import
    from orderdesk.models import Customer, Order
    from orderdesk.sync.client import Credentials, SyncClient, sync_once
    from orderdesk.tracking import Actor
    from sqlalchemy import func, select
    from tests.sync.conftest import PASSWORD

    template = tmp / "template.db"
    Desk(template, station="t").close()
    server_db = tmp / "server-small.db"
    shutil.copyfile(template, server_db)
    server = _server(f"sqlite:///{server_db}", tmp / "logs-small")
    try:
        stations = {}
        for name in ("A", "B"):
            shutil.copyfile(template, tmp / f"{name}.db")
            stations[name] = Desk(tmp / f"{name}.db", station=name)
        a, b = stations["A"], stations["B"]
        ca = SyncClient(server.url, Credentials("sales1", PASSWORD), station="A", timeout=600)
        cb = SyncClient(server.url, Credentials("sales1", PASSWORD), station="B", timeout=600)
        customers, skus = build_catalog(a)
        sync_once(a, client=ca)
        sync_once(b, client=cb)

        # 10,000 changes: ten transactions of 1,000 new customers.
        for t in range(10):
            with a.write(Actor(user="sales1", station="A")) as s:
                s.add_all([Customer(code=f"T{t}{i:04d}", name=f"客户{t}-{i}")
                           for i in range(1000)])
        started = time.perf_counter()
        sync_once(a, client=ca)
        report = sync_once(b, client=cb)
        wall = time.perf_counter() - started
        with b.read() as s:
            got = s.scalar(select(func.count()).select_from(Customer)
                           .where(Customer.code.like("T%")))
        record(f"10,000 changes A → server → B ({got:,} arrived)", wall, None, "s", 10)

        sheet = tmp / "orders.xlsx"
        generate.big_orders_xlsx(sheet, rows, customers=customers, skus=skus,
                                 lines_per_order=1)
        result, wall, cpu = timed(orders_import.run_import, a, [sheet], channel="bench",
                                  now=dt.datetime(2026, 3, 1))
        record(f"{rows:,}-row import end to end (audit, outbox included)", wall, cpu, "s", 10)
        started, cpu = time.perf_counter(), time.process_time()
        server_cpu = _process_cpu(server.proc.pid)
        pushed = sync_once(a, client=ca, push_batch=2000)
        pushed_at = time.perf_counter()
        pulled = sync_once(b, client=cb, pull_batch=5000)
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu
        server_cpu = _process_cpu(server.proc.pid) - server_cpu
        with b.read() as s:
            got = s.scalar(select(func.count()).select_from(Order).where(Order.channel == "bench"))
        record(f"{rows:,}-row import reaches B ({got:,} orders; {pushed.pushed:,} changes "
               f"pushed)", wall, cpu, "s", 60)
        print(f"    A: {pushed.summary()}\n    B: {pulled.summary()}")
        print(f"    push {pushed_at - started:.1f} s, pull {wall - (pushed_at - started):.1f} s "
              f"(wall); server cpu {server_cpu:.1f} s")
        assert result.imported == got, (result.imported, got)
    finally:
        for desk in locals().get("stations", {}).values():
            desk.close()
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=126_000)
    parser.add_argument("--import-rows", type=int, default=50_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--skip-sync", action="store_true", help="station figures only")
    args = parser.parse_args()
    from year_volume import YEAR_START, build_year

    tmp = args.keep or Path(tempfile.mkdtemp(prefix="bench_year_"))
    tmp.mkdir(parents=True, exist_ok=True)
    print(f"A generated year of {args.orders:,} orders; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; work folder {tmp}", flush=True)
    try:
        year = tmp / "year.db"
        if not year.exists():
            counts, wall, cpu = timed(build_year, year, orders=args.orders)
            print(f"  built in {wall:.0f} s: " + ", ".join(f"{k} {v:,}" for k, v in
                                                          counts.items()), flush=True)
        work = tmp / "station.db"
        shutil.copyfile(year, work)
        station_queries(work, tmp)
        station_size(work, YEAR_START + dt.timedelta(days=365))
        if not args.skip_sync:
            full_download(year, tmp)
            two_stations(tmp, args.import_rows)
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    met = sum(1 for n, v, _c, _u, t in ROWS if v <= t)
    print(f"{met} of {len(ROWS)} targets met (load average now {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
