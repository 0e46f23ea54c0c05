"""Screen fit of every page and dialog (issue 14): runs `orderdesk app --self-test
--screen` at the factory's two screens and prints each figure beside its target.

    .venv/bin/python benchmarks/bench_screen_fit.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time


def run(screen: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "orderdesk.cli", "app", "--self-test",
                               "--screen", screen], capture_output=True, text=True, cwd=tmp,
                              env={"PATH": "/usr/bin:/bin", "HOME": tmp,
                                   "ORDERDESK_CONFIG_DIR": tmp})
        elapsed = time.monotonic() - started
    out = proc.stdout
    m = re.search(r"(\d+) pages, (\d+) dialogs, (\d+) problems", out)
    pages, dialogs, problems = (int(x) for x in m.groups()) if m else (0, 0, -1)
    notes = sum(1 for line in out.splitlines() if "note:" in line)
    print(f"{screen:>16}: {pages} pages and {dialogs} dialogs checked, "
          f"{problems} do not fit (target 0); {notes} cut table cells noted (target 0); "
          f"self-test {elapsed:.1f} s wall (incl. a 300-order demo factory)")


if __name__ == "__main__":
    for screen in ("1366x768", "1920x1080@150%"):
        run(screen)
