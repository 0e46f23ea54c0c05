"""Cold start: from launching `orderdesk app` to a usable main window (target ≤ 2 s).

Each run starts a fresh Python process with `orderdesk app --self-test --db <demo db>`
(offscreen): interpreter start, imports, opening and checking the database, building
every page a supervisor sees, and the board's first page of orders loaded. The process
prints the wall-clock time its window was ready; the figure is that minus the launch time.

Run: .venv/bin/python benchmarks/bench_cold_start.py [--runs 7] [--orders 3000] [--db PATH]
(also collected by `pytest benchmarks/`, which prints the figures).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 2.0


def build_demo_db(path: Path, orders: int) -> None:
    from argon2 import PasswordHasher

    from orderdesk.demo import build_demo
    from orderdesk.desk import Desk
    from orderdesk.services import users

    # Account hashing cost is not what this measures; keep the setup short.
    users._hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    desk = Desk(path, station="bench")
    build_demo(desk, orders=orders, seed=7)
    with desk.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()


def one_run(db: Path, config_dir: Path) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ORDERDESK_CONFIG_DIR": str(config_dir)}
    started = time.time()
    proc = subprocess.run([sys.executable, "-m", "orderdesk.cli", "app", "--self-test",
                           "--db", str(db)], capture_output=True, text=True, env=env, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(f"self-test failed: {proc.stdout}{proc.stderr}")
    match = re.search(r"window ready at ([0-9.]+) \(cpu ([0-9.]+) s\)", proc.stdout)
    if match is None:
        raise RuntimeError(f"no ready time in output: {proc.stdout}")
    return float(match.group(1)) - started, float(match.group(2))


def measure(runs: int = 7, orders: int = 3000, db: Path | None = None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        if db is None:
            db = Path(tmp) / "demo.db"
            build_demo_db(db, orders)
        one_run(db, Path(tmp) / "cfg")  # first start compiles .pyc files: not a cold start
        results = [one_run(db, Path(tmp) / "cfg") for _ in range(runs)]
    times = [wall for wall, _ in results]
    cpu = [c for _, c in results]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {"runs": runs, "orders": orders, "median_s": statistics.median(times),
            "max_s": max(times), "min_s": min(times), "cpu_median_s": statistics.median(cpu),
            "load": load, "cpus": os.cpu_count() or 1}


def report(figures: dict[str, float]) -> str:
    verdict = "meets" if figures["median_s"] <= TARGET_S else "MISSES"
    return (f"cold start to usable main window ({figures['orders']} orders, "
            f"{figures['runs']} runs): median {figures['median_s']:.2f} s, "
            f"min {figures['min_s']:.2f} s, max {figures['max_s']:.2f} s; CPU time of the "
            f"process to that point: median {figures['cpu_median_s']:.2f} s — "
            f"{verdict} target {TARGET_S:.1f} s (load average {figures['load']:.1f} on "
            f"{figures['cpus']} CPUs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--orders", type=int, default=3000)
    parser.add_argument("--db", type=Path, help="use this database instead of a fresh demo")
    args = parser.parse_args()
    print(report(measure(args.runs, args.orders, args.db)))


def test_bench_cold_start() -> None:
    print(report(measure(5, 3000)))


if __name__ == "__main__":
    main()
