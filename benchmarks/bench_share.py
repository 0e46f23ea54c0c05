"""Share pages: weight and load time on a slow phone connection, and 200 open live pages.

    .venv/bin/python benchmarks/bench_share.py [--streams 200] [--seconds 60]

1. Page: bytes of the order page and its script, and the time chromium takes to show it
   over an emulated slow 3G link (400 kbit/s down, 400 ms round trip). Target ≤ 2 s.
2. Live: N event streams held open on one server process (uvicorn, SQLite) for the given
   time while an order's status changes every 5 s. Reports the server's CPU (% of one
   core) and resident memory per 10-s window, so "flat" can be read off, and how long a
   change takes to reach every open page (p50 / max). Target: reaches all ≤ 5 s; CPU and
   memory bounded (no growth with time).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orderdesk.db import upgrade, make_engine, url_for  # noqa: E402
from orderdesk.desk import Desk  # noqa: E402
from orderdesk.services import orders  # noqa: E402
from orderdesk.share import links  # noqa: E402
from tests.sync.conftest import ServerProcess, seed_users  # noqa: E402
from tests.sync.share_fixtures import _seed_order  # noqa: E402


def _proc_stats(pid: int) -> tuple[float, int]:
    """(cpu seconds, rss bytes) of a process and its children (uvicorn runs in one)."""
    ticks = os.sysconf("SC_CLK_TCK")
    page = os.sysconf("SC_PAGE_SIZE")
    total_cpu, total_rss = 0.0, 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total_cpu += (int(fields[11]) + int(fields[12])) / ticks
            total_rss += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * page
        except OSError:
            continue
    return total_cpu, total_rss


def page_load(url: str) -> tuple[int, float]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=390,844",
                 f"--user-data-dir={tempfile.mkdtemp()}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=opts)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": False, "latency": 400, "downloadThroughput": 400 * 1024 / 8,
            "uploadThroughput": 400 * 1024 / 8})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.get(url)
        timing = driver.execute_script(
            "var t=performance.getEntriesByType('navigation')[0];"
            "return [t.transferSize, t.domContentLoadedEventEnd, t.loadEventEnd];")
        return int(timing[0]), float(timing[2]) / 1000.0
    finally:
        driver.quit()


async def _stream(host: str, port: int, path: str, got: list[float], ready: asyncio.Event,
                  opened: list[int]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode())
    await writer.drain()
    opened[0] += 1
    if opened[0] >= opened[1]:
        ready.set()
    try:
        while True:
            line = await reader.readline()
            if not line:
                return
            if line.startswith(b"event: status"):
                got.append(time.monotonic())
    finally:
        writer.close()


async def live(server: ServerProcess, token: str, order_id: str, db_url: str, n: int,
               seconds: float) -> None:
    host, port = "127.0.0.1", server.port
    arrivals: list[float] = []
    ready = asyncio.Event()
    opened = [0, n]
    tasks = [asyncio.create_task(_stream(host, port, f"/s/{token}/events", arrivals, ready, opened))
             for _ in range(n)]
    await asyncio.wait_for(ready.wait(), 60)
    await asyncio.sleep(3)
    arrivals.clear()
    from orderdesk.sync.server.deskserver import ServerDesk

    # A server-side write, like a station's push: it moves the change log's head.
    desk = ServerDesk(db_url, migrate=False)
    flow = ["awaiting_schedule", "material_issued", "in_production", "in_inspection", "finished"]
    windows: list[tuple[float, float, int]] = []
    latencies: list[float] = []
    start = time.monotonic()
    cpu0, _ = _proc_stats(server.proc.pid)  # type: ignore[union-attr]
    last_window, last_cpu = start, cpu0
    step = 0
    while time.monotonic() - start < seconds:
        before = len(arrivals)
        changed_at = time.monotonic()
        status = flow[1 + step % (len(flow) - 1)]
        step += 1
        await asyncio.to_thread(_set_production, desk, order_id, status)
        deadline = changed_at + 10
        while len(arrivals) - before < n and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        if len(arrivals) - before >= n:
            latencies.append(arrivals[before + n - 1] - changed_at)
        else:
            latencies.append(float("inf"))
        await asyncio.sleep(max(0.0, 5 - (time.monotonic() - changed_at)))
        now = time.monotonic()
        if now - last_window >= 10:
            cpu, rss = _proc_stats(server.proc.pid)  # type: ignore[union-attr]
            windows.append((100 * (cpu - last_cpu) / (now - last_window), now - start, rss))
            last_window, last_cpu = now, cpu
    for t in tasks:
        t.cancel()
    desk.close()
    finite = [x for x in latencies if x != float("inf")]
    print(f"live: {n} open pages, {len(latencies)} status changes, "
          f"reached all pages: p50 {statistics.median(finite) if finite else float('nan'):.2f} s, "
          f"max {max(latencies):.2f} s (target <= 5 s); missed {len(latencies) - len(finite)}")
    for cpu_pct, at, rss in windows:
        print(f"  t={at:5.0f} s  server CPU {cpu_pct:5.1f} % of a core  RSS {rss / 2**20:6.1f} MB")


def _set_production(desk: Desk, order_id: str, status: str) -> None:
    from orderdesk.models import Order

    with desk.write() as s:
        order = s.get(Order, order_id)
        order.status_production = status


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--streams", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-share-"))
    db_path = tmp / "server.db"
    upgrade(make_engine(url_for(db_path)))
    db_url = f"sqlite:///{db_path}"
    seed_users(db_url)
    order_no = _seed_order(db_url)
    os.environ.update({"ORDERDESK_SHARE_RATE": "100000", "ORDERDESK_SHARE_BURST": "100000",
                       "ORDERDESK_SHARE_STREAMS_PER_ADDR": str(args.streams + 10)})
    (tmp / "logs").mkdir()
    server = ServerProcess(db_url, tmp / "logs")
    server.start()
    try:
        desk = Desk(db_url, station="bench")
        made = links.create_link(desk, "order", order_no)
        order_id = links.check(desk, made.token).target or ""
        orders.set_status(desk, order_id, "sales", "contracted")
        desk.close()
        url = server.url + made.path
        import requests

        body = requests.get(url, timeout=10)
        script = requests.get(server.url + "/s/static/live.js", timeout=10)
        print(f"page: {len(body.content)} bytes HTML + {len(script.content)} bytes script")
        size, seconds = page_load(url)
        print(f"page on slow 3G (400 kbit/s, 400 ms RTT): loaded in {seconds:.2f} s "
              f"(target <= 2 s), {size} bytes transferred")
        asyncio.run(live(server, made.token, order_id, db_url, args.streams, args.seconds))
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
