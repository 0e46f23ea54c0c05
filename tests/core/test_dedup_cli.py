"""`orderdesk duplicates`: real process, real database file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from orderdesk.dedup import flag_new_orders, keep_pair, list_pairs
from orderdesk.services.orders import LineDraft, OrderDraft, add_order

T0 = dt.datetime(2026, 11, 25, 14, 58)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orderdesk.cli", *args], capture_output=True,
                          text=True, timeout=120, env={"ORDERDESK_LANG": "zh", "PATH": "/usr/bin"})


def make_pairs(desk) -> None:  # type: ignore[no-untyped-def]
    with desk.write() as s:
        a = add_order(s, OrderDraft(channel="excel", customer_code="C001", channel_order_no="PO-9",
                                    order_time=T0, lines=[LineDraft("BRK-1001", 100)]))
        b = add_order(s, OrderDraft(channel="douyin", channel_order_no="DY-77",
                                    contact_phone="+86 138 0013 8000",
                                    order_time=T0 + dt.timedelta(minutes=4),
                                    lines=[LineDraft("brk1001", 100)]))
        c = add_order(s, OrderDraft(channel="phone", customer_code="C002",
                                    order_time=T0 + dt.timedelta(minutes=1),
                                    lines=[LineDraft("HSG-2002", 10)]))
        d = add_order(s, OrderDraft(channel="wechat", customer_code="C002",
                                    order_time=T0 + dt.timedelta(minutes=3),
                                    lines=[LineDraft("HSG 2002", 10)]))
        flag_new_orders(s, [a.id, b.id, c.id, d.id])


def test_csv_and_json_list_open_pairs_with_channel_numbers(desk, demo_catalog, db_path: Path,
                                                         tmp_path: Path):  # type: ignore[no-untyped-def]
    make_pairs(desk)
    done = run("duplicates", "--db", str(db_path), "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert list(rows[0].keys()) == ["channel_a", "order_a", "channel_b", "order_b", "score",
                                    "reason"]
    by_a = {r["order_a"]: r for r in rows}
    assert by_a["PO-9"]["order_b"] == "DY-77" and by_a["PO-9"]["channel_b"] == "douyin"
    assert "同一客户(电话一致)" in by_a["PO-9"]["reason"]
    assert float(by_a["PO-9"]["score"]) >= 0.65
    # Orders without a channel number are listed by their master number.
    assert any(r["order_a"].startswith("SO-") for r in rows)

    keep_pair(desk, next(p.id for p in list_pairs(desk) if p.a.channel_order_no is None))
    done = run("duplicates", "--db", str(db_path), "--format", "json")
    data = json.loads(done.stdout)
    assert [(r["order_a"], r["order_b"]) for r in data] == [("PO-9", "DY-77")]

    log = tmp_path / "dup-log.xlsx"
    done = run("duplicates", "--db", str(db_path), "--status", "all", "--log", str(log))
    assert done.returncode == 0, done.stderr
    wb = load_workbook(log)
    # Issue 11 added the sheet that checks the current rules against the decisions.
    assert wb.sheetnames == ["重复单日志", "按渠道", "事后发现", "规则检验"]
    sheet = list(wb["重复单日志"].iter_rows(values_only=True))
    assert sheet[0][:4] == ("发现时间", "发现方式", "渠道A", "订单A")
    decisions = sorted(r[11] for r in sheet[1:])
    assert decisions == ["保留两单", "待处理"]
    assert any(r[12] == "system" for r in sheet[1:] if r[11] == "保留两单")


def test_missing_database_is_a_clear_error(tmp_path: Path):
    done = run("duplicates", "--db", str(tmp_path / "nope.db"))
    assert done.returncode == 2
    assert "nope.db" in done.stderr and "Traceback" not in done.stderr
