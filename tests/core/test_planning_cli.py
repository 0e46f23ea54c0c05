"""The planning commands as a script runs them: real processes on a real file, the JSON
fields the issue names, the machines workbook and the broker sheet, and bad files that
exit 2 with the problems and change nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from orderdesk.planning.capacity import factory_now


def run(*args: str):  # type: ignore[no-untyped-def]
    env = {**os.environ, "ORDERDESK_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "orderdesk.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("plan") / "demo.db"
    result = run("demo", "--no-gui", "--db", str(path))     # the default 3000 orders
    assert result.returncode == 0, result.stderr
    return path


def test_capacity_json(demo_db) -> None:  # type: ignore[no-untyped-def]
    r = run("capacity", "--db", str(demo_db), "--hours", "72", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["load_basis"] == "effective" and data["horizon_hours"] == 72
    machines = {m["code"]: m for m in data["machines"]}
    assert len(machines) == 24
    for m in machines.values():
        assert set(m["oee"]) >= {"availability", "performance", "quality", "value"}
        assert len(m["load"]) == 72 and isinstance(m["over_threshold"], bool)
    red = machines["P-250-03"]
    assert red["over_threshold"]
    assert red["alternatives"] and red["alternatives"][0]["machine"] == "P-250-04"
    assert red["alternatives"][0]["resulting_load"] <= 92
    assert not machines["P-250-04"]["over_threshold"] and machines["P-250-04"]["alternatives"] == []
    r = run("capacity", "--db", str(demo_db), "--hours", "0")
    assert r.returncode == 2 and "hours" in r.stderr and "Traceback" not in r.stderr


def test_supply_risk_json(demo_db) -> None:  # type: ignore[no-untyped-def]
    r = run("supply-risk", "--db", str(demo_db), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    (alert,) = data["alerts"]
    assert alert["shipment"] == "MSKU7788123" and alert["material"].startswith("RES-")
    assert alert["ratio"] > 2 and alert["n"] >= 5
    assert alert["elapsed_hours"] == pytest.approx(alert["ratio"] * alert["baseline_hours"], rel=0.02)
    assert alert["affected_orders"], "the demo's stuck shipment puts orders at risk"
    for o in alert["affected_orders"]:
        assert set(o) >= {"order_no", "due_date", "proposed_date"}
        assert o["proposed_date"] > o["due_date"]
    flagged = {f["shipment"]: f for f in data["flagged"]}
    assert "arrived_missing" in flagged["EGLV1420078"]["flags"]
    assert flagged["EGLV1420078"]["elapsed_hours"] is None       # unknown, not zero


def _workbook(path: Path, *, bad: bool = False) -> Path:
    now = factory_now().replace(minute=0, second=0)
    wb = Workbook()
    ws = wb.active
    ws.title = "机台"
    ws.append(["机台编号", "名称", "类型", "吨位", "预期OEE"])
    ws.append(["X-01", "新注塑机", "注塑机", 200, "82%" if not bad else "eighty"])
    ws.append(["X-02", "新注塑机", "注塑机", 200, 0.8])
    ws = wb.create_sheet("班次")
    ws.append(["机台编号", "班次", "开始", "结束"])
    ws.append(["X-01", "白班", "08:00", "20:00"])
    ws.append(["X-02", "白班", "08:00", "20:00"])
    ws = wb.create_sheet("停机")
    ws.append(["机台编号", "停机开始", "停机结束", "原因"])
    ws.append(["X-01", now + dt.timedelta(hours=30), now + dt.timedelta(hours=34), "保养"])
    ws = wb.create_sheet("工艺路线")
    ws.append(["产品编码", "机台编号", "客户认可", "周期", "穴数", "换模"])
    ws.append(["BRK-1000", "X-01", "是", 30, 2, 45])
    ws.append(["BRK-1000", "X-02", "否", 30, 2, 45])
    ws = wb.create_sheet("工单")
    ws.append(["工单号", "产品编码", "机台编号", "数量", "开始", "结束"])
    ws.append(["WO-X1", "BRK-1000", "X-01", 2000, now, now + dt.timedelta(hours=20)])
    if bad:
        ws.append(["WO-X2", "NOPE-1", "X-09", 0, now, now - dt.timedelta(hours=1)])
    wb.save(path)
    return path


def test_machines_import(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = run("machines", "import", str(_workbook(tmp_path / "bad.xlsx", bad=True)),
              "--db", str(demo_db))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    for word in ("unknown_product", "unknown_machine", "not_positive", "not_after_start"):
        assert word in bad.stderr, word
    r = run("capacity", "--db", str(demo_db), "--json")
    assert "X-01" not in r.stdout                          # nothing of the bad file stayed
    ok = run("machines", "import", str(_workbook(tmp_path / "ok.xlsx")), "--db", str(demo_db))
    assert ok.returncode == 0, ok.stderr
    assert "machines: 2 new" in ok.stdout and "work_orders: 1 new" in ok.stdout
    data = json.loads(run("capacity", "--db", str(demo_db), "--json").stdout)
    x1 = next(m for m in data["machines"] if m["code"] == "X-01")
    # 2000 pcs / 2 cavities × 30 s + 45 min = 9.083 h, all of it in the window
    assert sum(b["planned_hours"] for b in x1["load"]) == pytest.approx(9.083, abs=0.01)
    assert x1["expected_oee"] == pytest.approx(0.82) and x1["oee_source"] == "configured"


def test_shipments_import(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "broker.csv"
    p.write_text("提单号,物料编码,口岸,申报海关,报关行,到港,放行\n"
                 "CSV-1,RES-POM,CNSHA,2248 洋山海关,中外运报关,2026-11-20 08:00,2026-11-21 10:00\n",
                 encoding="utf-8")
    r = run("shipments", "import", str(p), "--db", str(demo_db))
    assert r.returncode == 0 and "1 new" in r.stdout, r.stderr
    p.write_text("提单号,物料编码,口岸,申报海关,报关行\nCSV-2,RES-POM,XX,2248,B\n", encoding="utf-8")
    r = run("shipments", "import", str(p), "--db", str(demo_db))
    assert r.returncode == 2 and "not_a_un_locode" in r.stderr
    r = run("shipments", "import", str(tmp_path / "missing.xlsx"), "--db", str(demo_db))
    assert r.returncode != 0 and "Traceback" not in r.stderr
