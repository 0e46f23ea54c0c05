"""Certificate speed: one certificate PDF (target ≤ 50 ms) and a shipment of 1,000
certificates in one PDF (target ≤ 30 s), on a real SQLite file with real signing.

Run: .venv/bin/python benchmarks/bench_certificates.py [--shipment 1000] [--runs 30]
(also collected by `pytest benchmarks/`, which prints the figures).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import tempfile
import time
from pathlib import Path


def measure(shipment: int = 1000, runs: int = 30) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ORDERDESK_CONFIG_DIR"] = str(Path(tmp) / "config")
        from orderdesk.certificates import pdf, sample, service
        from orderdesk.desk import Desk
        from orderdesk.services import catalog

        desk = Desk(Path(tmp) / "bench.db", station="bench")
        with desk.write() as s:
            catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
            catalog.upsert_product(s, "BRK-1001", "支架", spec="PA66+GF30 80mm")
            one = sample.bound_order(s, customer_code="C001", sku="BRK-1001", quantities=[5200])
            big = sample.bound_order(s, customer_code="C001", sku="BRK-1001",
                                     quantities=[52] * shipment, batch_prefix="S")
        service.save_template(desk, service.TemplateInput(
            name="默认", company_name="宁波恒达精密注塑有限公司",
            company_address="浙江省宁波市北仑区明州路 88 号", footer_text="电子签发,涂改无效"))
        cert = service.issue_for_order(desk, one.order_id).certificates[0]
        pdf.ensure_font()                       # process start-up, not per certificate
        service.certificate_pdf(desk, cert.id)  # warm caches once

        singles, single_cpu = [], []
        for _ in range(runs):
            started, cpu = time.perf_counter(), time.process_time()
            buf = io.BytesIO()
            service.render_certificates(desk, [cert.id], buf)
            singles.append(time.perf_counter() - started)
            single_cpu.append(time.process_time() - cpu)

        started, cpu = time.perf_counter(), time.process_time()
        issued = service.issue_for_order(desk, big.order_id)
        issue_s, issue_cpu = time.perf_counter() - started, time.process_time() - cpu
        ids = [c.id for c in issued.certificates]
        out = Path(tmp) / "shipment.pdf"
        started, cpu = time.perf_counter(), time.process_time()
        report = service.render_certificates(desk, ids, out)
        render_s, render_cpu = time.perf_counter() - started, time.process_time() - cpu
        size = out.stat().st_size
        desk.close()
    return {
        "single_median_ms": statistics.median(singles) * 1000,
        "single_p90_ms": sorted(singles)[int(len(singles) * 0.9) - 1] * 1000,
        "single_cpu_ms": statistics.median(single_cpu) * 1000,
        "shipment_issue_s": issue_s, "shipment_render_s": render_s,
        "shipment_issue_cpu_s": issue_cpu, "shipment_render_cpu_s": render_cpu,
        "load": os.getloadavg()[0],
        "shipment_pages": report.pages, "shipment_mb": size / 1e6, "shipment": shipment,
    }


def report(r: dict[str, float]) -> str:
    # Wall time is what a user waits; CPU time is shown too because on a shared machine
    # (load average printed) other processes stretch the wall time.
    return (f"one certificate PDF (from the database): median {r['single_median_ms']:.1f} ms "
            f"wall ({r['single_cpu_ms']:.1f} ms CPU), p90 {r['single_p90_ms']:.1f} ms "
            f"(target ≤ 50 ms)\n"
            f"shipment of {r['shipment']:.0f}: issue+sign {r['shipment_issue_s']:.1f} s wall "
            f"({r['shipment_issue_cpu_s']:.1f} s CPU); one PDF of {r['shipment_pages']:.0f} "
            f"pages in {r['shipment_render_s']:.1f} s wall ({r['shipment_render_cpu_s']:.1f} s "
            f"CPU, {r['shipment_mb']:.1f} MB; target ≤ 30 s)\n"
            f"load average during the run: {r['load']:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shipment", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    print(report(measure(args.shipment, args.runs)))


def test_bench_certificates() -> None:
    print(report(measure(1000, 30)))


if __name__ == "__main__":
    main()
