"""Scan-to-feedback time at the warehouse station (target ≤ 50 ms per scan).

Two figures, on a real SQLite station file that holds a demo factory (orders, audit
trail, outbox) plus a few thousand batches:
- core: `binding.scan()` alone — parse, look up, bind or refuse, ScanEvent + audit +
  outbox, commit (what the serial writer does per scan);
- page: from the scanner's Enter key reaching the WarehousePage (offscreen Qt) until the
  banner, progress bars and log show the result — the whole feedback path a person
  sees, with the writer thread and the queued hand-back to the GUI thread.

Run: .venv/bin/python benchmarks/bench_scan.py [--orders 1500] [--scans 300]
(also collected by `pytest benchmarks/`, which prints the figures).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000


def _summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values) * 1000, "p95": _pct(values, 0.95),
            "max": max(values) * 1000, "n": len(values)}


def measure(orders: int = 1500, scans: int = 300) -> dict[str, dict[str, float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ORDERDESK_SOUND"] = "off"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ORDERDESK_CONFIG_DIR"] = str(Path(tmp) / "config")
        from orderdesk.demo import build_demo
        from orderdesk.desk import Desk
        from orderdesk.services.orders import LineDraft, OrderDraft, create_order
        from orderdesk.warehouse import binding

        desk = Desk(Path(tmp) / "bench.db", station="bench")
        build_demo(desk, orders=orders)
        sku = "BRK-BENCH"
        from orderdesk.services import catalog
        with desk.write() as s:
            catalog.upsert_product(s, sku, "基准支架", gtin="06901234500001")
        # Many batches in the table, so lookups are not on an empty index.
        codes = []
        today = dt.date.today()
        from orderdesk.warehouse.binding import add_batch
        from orderdesk.models import Product
        from sqlalchemy import select
        with desk.write() as s:
            product_id = s.scalar(select(Product.id).where(Product.sku == sku))
            for _ in range(3 * scans + 2000):
                codes.append(add_batch(s, product_id=product_id, quantity=__import__(
                    "decimal").Decimal(10), production_date=today).code)
        core_order = create_order(desk, OrderDraft(channel="phone", lines=[
            LineDraft(sku, 10 * scans)]))
        page_order = create_order(desk, OrderDraft(channel="phone", lines=[
            LineDraft(sku, 10 * scans)]))

        # -- core ------------------------------------------------------------------------
        accepted, refused = [], []
        for code in codes[:scans]:
            started = time.perf_counter()
            out = binding.scan(desk, core_order.id, f"ODB:{code}\r")
            accepted.append(time.perf_counter() - started)
            assert out.kind == "bound", out
        for code in codes[:50]:  # every one already bound: refused and recorded
            started = time.perf_counter()
            out = binding.scan(desk, core_order.id, f"ODB:{code}\r")
            refused.append(time.perf_counter() - started)
            assert out.reason == "bound_here"

        # -- page ------------------------------------------------------------------------
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        from orderdesk.ui.app import setup_application
        from orderdesk.ui.context import AppContext, StationSettings
        from orderdesk.ui.warehouse.page import WarehousePage

        setup_application(app)
        ctx = AppContext(desk, settings=StationSettings(station_name="bench", language="zh"))
        import orderdesk.ui.warehouse.page as page_module

        worker: list[tuple[float, float]] = []
        real_job = page_module._scan_job

        def timed_job(*args):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return real_job(*args)
            finally:
                worker.append((started, time.perf_counter()))

        page_module._scan_job = timed_job
        page = WarehousePage(ctx)
        page.resize(1280, 900)
        page.show()
        app.processEvents()
        shown: list[float] = []
        page.outcome_did_show.connect(lambda _o: shown.append(time.perf_counter()))
        clock = [1_000_000]

        def type_code(text: str) -> float:
            """Deliver a scan as keystrokes; returns when its Enter was delivered."""
            for ch in text:
                clock[0] += 2
                if ch == "\r":
                    key, txt = int(Qt.Key.Key_Return), "\r"
                else:
                    key, txt = (ord(ch.upper()) if ch.isalpha() else ord(ch)), ch
                event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier,
                                  txt)
                event.setTimestamp(clock[0])
                QApplication.sendEvent(page, event)
            return time.perf_counter()

        parts: list[tuple[float, float, float]] = []

        def feedback(text: str) -> float:
            before = len(shown)
            clock[0] += 500
            enter_at = type_code(text)
            while len(shown) == before:
                app.processEvents()
                time.sleep(0.0005)
            start, end = worker[-1]
            # Enter → writer thread starts, the scan on the writer, result → shown on screen.
            parts.append((start - enter_at, end - start, shown[-1] - end))
            return shown[-1] - enter_at

        feedback(f"ODO:{desk_order_no(desk, page_order.id)}\r")
        page_times = [feedback(f"ODB:{code}\r") for code in codes[scans:2 * scans]]
        split = [statistics.median(p[i] for p in parts[1:]) * 1000 for i in range(3)]
        page_refused = [feedback(f"ODB:{code}\r") for code in codes[scans:scans + 50]]
        ctx.tasks.wait_idle(10000)
        ctx.tasks.shutdown()
        page.close()
        desk.close()
    return {"core_accepted": _summary(accepted), "core_refused": _summary(refused),
            "page_accepted": _summary(page_times), "page_refused": _summary(page_refused),
            "page_split": {"to_writer": split[0], "writer": split[1], "to_screen": split[2]}}


def desk_order_no(desk, order_id: str) -> str:  # type: ignore[no-untyped-def]
    from orderdesk.warehouse import binding

    return binding.pick_view(desk, order_id).order_no


def report(r: dict[str, dict[str, float]]) -> str:
    names = {"core_accepted": "core scan(), bound", "core_refused": "core scan(), refused",
             "page_accepted": "page Enter→feedback, bound",
             "page_refused": "page Enter→feedback, refused"}
    lines = [f"{names[k]:32s} median {v['median']:6.1f} ms  p95 {v['p95']:6.1f} ms  "
             f"max {v['max']:6.1f} ms  (n={v['n']:.0f}; target ≤ 50 ms)"
             for k, v in r.items() if k in names]
    sp = r["page_split"]
    lines.append(f"page path split (medians): Enter→writer {sp['to_writer']:.1f} ms, "
                 f"scan on writer {sp['writer']:.1f} ms, result→screen {sp['to_screen']:.1f} ms")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=1500)
    parser.add_argument("--scans", type=int, default=300)
    args = parser.parse_args()
    print(report(measure(args.orders, args.scans)))


def test_bench_scan() -> None:
    print(report(measure(1500, 300)))


if __name__ == "__main__":
    main()
