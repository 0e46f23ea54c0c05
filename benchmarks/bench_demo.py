"""How long `orderdesk demo --no-gui` takes to fill a fresh database (a real process).

Run: .venv/bin/python benchmarks/bench_demo.py [--orders N] [--runs K]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def measure(orders: int, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "demo.db"
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "orderdesk.cli", "demo", "--no-gui", "--db",
                            str(db), "--orders", str(orders)], check=True,
                           capture_output=True)
            times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times = measure(args.orders, args.runs)
    print(f"orderdesk demo --no-gui ({args.orders} orders): median {statistics.median(times):.2f} s, "
          f"min {min(times):.2f} s, max {max(times):.2f} s over {len(times)} runs")


def test_bench_demo() -> None:
    times = measure(3000, 1)
    print(f"orderdesk demo --no-gui (3000 orders): {times[0]:.2f} s")


if __name__ == "__main__":
    main()
