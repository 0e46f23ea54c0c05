"""The foundation commands as factory IT scripts them: real processes, real files."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

EXPORT_COLUMNS = ["order_no", "channel", "channel_order_no", "customer_po", "customer_code",
                  "customer_name", "sku", "quantity", "unit", "order_date", "due_date",
                  "unit_price", "status_sales", "status_production", "status_warehouse"]


def run(*args: str, env: dict | None = None, stdin: str | None = None):
    import os

    full_env = {**os.environ, "ORDERDESK_LANG": "en", **(env or {})}
    return subprocess.run([sys.executable, "-m", "orderdesk.cli", *args], capture_output=True,
                          text=True, env=full_env, input=stdin, timeout=300)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = run("demo", "--no-gui", "--db", str(path), "--orders", "300")
    assert result.returncode == 0, result.stderr
    assert "300 orders" in result.stdout
    return path


def test_init_is_idempotent(tmp_path):
    path = tmp_path / "station.db"
    for _ in range(2):
        result = run("init", "--db", str(path))
        assert result.returncode == 0, result.stderr
    con = sqlite3.connect(path)
    assert con.execute("select count(*) from alembic_version").fetchone()[0] >= 1


def test_demo_then_export_csv_has_the_promised_columns(demo_db, tmp_path):
    out = tmp_path / "orders.csv"
    result = run("export", "orders", "--db", str(demo_db), "--format", "csv", "--out", str(out))
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and set(EXPORT_COLUMNS) <= set(rows[0])
    con = sqlite3.connect(demo_db)
    lines = con.execute("select count(*) from order_lines l join orders o on o.id = l.order_id "
                        "where o.merged_into_id is null").fetchone()[0]
    assert len(rows) == lines
    for row in rows[:50]:
        assert len(row["order_date"]) == 10 and row["order_date"][4] == "-"
        assert row["order_no"].startswith("SO-")
        assert row["status_sales"] in {"draft", "confirmed", "contracted", "awaiting_schedule"}
    assert any(r["channel_order_no"] for r in rows)


def test_export_xlsx(demo_db, tmp_path):
    out = tmp_path / "orders.xlsx"
    result = run("export", "orders", "--db", str(demo_db), "--format", "xlsx", "--out", str(out))
    assert result.returncode == 0, result.stderr
    ws = load_workbook(out, read_only=True).active
    header = next(ws.iter_rows(values_only=True))
    assert list(header[:6]) == EXPORT_COLUMNS[:6]


def test_demo_refuses_to_refill_without_force(demo_db):
    result = run("demo", "--no-gui", "--db", str(demo_db), "--orders", "10")
    assert result.returncode == 0
    assert "already" in result.stdout


@pytest.mark.parametrize("command", [
    ["export", "orders", "--format", "csv", "--out", "x.csv"],
    ["user", "list"],
])
def test_missing_database_file_is_a_clear_error(tmp_path, command):
    result = run(*command, "--db", str(tmp_path / "nope.db"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "not found" in result.stderr and "nope.db" in result.stderr


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    bogus = tmp_path / "orders.db"
    bogus.write_bytes(b"this is a spreadsheet, not a database" * 100)
    result = run("export", "orders", "--db", str(bogus), "--out", str(tmp_path / "o.csv"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "cannot read database" in result.stderr


def test_a_database_from_a_newer_version_is_a_clear_error(tmp_path):
    path = tmp_path / "newer.db"
    assert run("init", "--db", str(path)).returncode == 0
    con = sqlite3.connect(path)
    # Several migration heads mean several rows: a newer program would add its own.
    con.execute("insert into alembic_version (version_num) values ('zz_future')")
    con.commit()
    con.close()
    result = run("export", "orders", "--db", str(path), "--out", str(tmp_path / "o.csv"))
    assert result.returncode != 0
    assert "newer orderdesk" in result.stderr and "Traceback" not in result.stderr


def test_a_locked_database_is_a_clear_error(tmp_path):
    path = tmp_path / "locked.db"
    assert run("init", "--db", str(path)).returncode == 0
    holder = sqlite3.connect(path, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        result = run("user", "add", "--db", str(path), "x1", "--role", "sales",
                     stdin="Str0ng!pass\n")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode != 0
    assert "locked" in result.stderr and "Traceback" not in result.stderr


def test_user_commands_and_weak_passwords(tmp_path):
    path = tmp_path / "u.db"
    pw = tmp_path / "pw"
    pw.write_text("weak")
    result = run("user", "add", "--db", str(path), "admin1", "--role", "sysadmin",
                 "--password-file", str(pw))
    assert result.returncode != 0 and "too weak" in result.stderr
    pw.write_text("Adm1n!strong")
    assert run("user", "add", "--db", str(path), "admin1", "--role", "sysadmin",
               "--password-file", str(pw)).returncode == 0
    # Issue 13: the last active system administrator cannot be disabled.
    last = run("user", "disable", "--db", str(path), "admin1")
    assert last.returncode != 0 and "Traceback" not in last.stderr
    assert run("user", "add", "--db", str(path), "admin2", "--role", "sysadmin",
               "--password-file", str(pw)).returncode == 0
    assert run("user", "disable", "--db", str(path), "admin1").returncode == 0
    listed = run("user", "list", "--db", str(path))
    assert "admin1" in listed.stdout and "disabled" in listed.stdout


def test_every_command_has_help():
    from orderdesk.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in sub.choices:
        result = run(name, "--help")
        assert result.returncode == 0, (name, result.stderr)
        assert "usage" in result.stdout.lower()
