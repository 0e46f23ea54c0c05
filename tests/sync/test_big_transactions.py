"""Transactions of any size reach the server whole (real server process on 127.0.0.1).

A station transaction bigger than one push request is sent in pieces; the server
stages them (across restarts) and applies the whole at the last piece, through the
normal push path, so authorisation and conflicts act on the transaction as a unit.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from orderdesk.desk import Desk
from orderdesk.models import Customer, Outbox
from orderdesk.sync.client import SyncClient, sync_once
from orderdesk.tracking import Actor
from tests.sync.conftest import PASSWORD, RUN_CLI, creds

BIG = 20_000


def _one_transaction(desk: Desk, n: int, prefix: str, user: str = "sales1") -> str:
    """One local transaction of n tracked inserts (n outbox rows, one tx id)."""
    with desk.write(Actor(user=user, station=desk.station)) as s:
        s.add_all([Customer(code=f"{prefix}{i:06d}", name=f"客户 {prefix} {i}")
                   for i in range(n)])
    with desk.read() as s:
        tx_ids = set(s.scalars(select(Outbox.tx_id).where(Outbox.pushed_at.is_(None))))
        assert len(tx_ids) == 1
        assert s.scalar(select(func.count()).select_from(Outbox)
                        .where(Outbox.pushed_at.is_(None))) == n
    return tx_ids.pop()


def _server_file(server) -> str:  # type: ignore[no-untyped-def]
    return server.db_url.removeprefix("sqlite:///")


def _server_counts(server, prefix: str, tx_id: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(_server_file(server), timeout=30)
    try:
        q = lambda sql, *a: conn.execute(sql, a).fetchone()[0]  # noqa: E731
        return {
            "customers": q("SELECT count(*) FROM customers WHERE code LIKE ?", prefix + "%"),
            "log": q("SELECT count(*) FROM sync_change_log WHERE tx_id = ?", tx_id),
            "log_ids": q("SELECT count(DISTINCT change_id) FROM sync_change_log WHERE tx_id = ?",
                         tx_id),
            "applied": q("SELECT count(*) FROM sync_change_log WHERE tx_id = ? AND "
                         "outcome = 'applied'", tx_id),
            "staged": q("SELECT count(*) FROM sync_staged WHERE tx_id = ?", tx_id),
        }
    finally:
        conn.close()


def _pending(desk: Desk) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(Outbox)
                        .where(Outbox.pushed_at.is_(None))) or 0


class RestartingClient(SyncClient):
    """Restarts the server process once, after its `after`-th piece."""

    def __init__(self, server, *args, after: int, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.server = server
        self.after = after
        self.pieces = 0
        self.restarts = 0

    def push_piece(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        answer = super().push_piece(*args, **kwargs)
        self.pieces += 1
        if self.pieces == self.after:
            assert answer["state"] == "staged"
            self.server.stop()
            self.server.start()
            self.restarts += 1
        return answer


@pytest.mark.timeout(900)
def test_a_20000_change_transaction_reaches_b_through_a_kill_and_a_server_restart(
        sqlite_server, make_station, tmp_path):
    server = sqlite_server
    a = make_station("A")
    b = make_station("B")
    sync_once(a, client=SyncClient(server.url, creds(), station="A"))
    sync_once(b, client=SyncClient(server.url, creds(), station="B"))
    tx_id = _one_transaction(a, BIG, "BIG")
    a_path = a.url.removeprefix("sqlite:///")
    a.close()

    # 1. `orderdesk sync` in a subprocess, SIGKILLed once the server staged part of it.
    pwfile = tmp_path / "pw"
    pwfile.write_text(PASSWORD)
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN_CLI, "sync", "--db", a_path, "--server", server.url,
         "--user", "sales1", "--password-file", str(pwfile), "--station", "A",
         "--batch", "1000"],
        stdout=open(tmp_path / "a-sync.log", "wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 300
    staged = 0
    while time.monotonic() < deadline and proc.poll() is None:
        staged = _server_counts(server, "BIG", tx_id)["staged"]
        if staged >= BIG // 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, (tmp_path / "a-sync.log").read_text()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    # 2. The server stops (finishing a piece that was in flight when the station died)
    # and starts again; the staged pieces survive it.
    server.stop()
    cut = _server_counts(server, "BIG", tx_id)
    assert 0 < cut["staged"] < BIG, cut
    # Staged is not applied: nothing of the transaction is visible at the server yet.
    assert cut["customers"] == 0 and cut["log"] == 0, cut
    server.start()
    assert _server_counts(server, "BIG", tx_id)["staged"] == cut["staged"]

    # 3. The station resumes, and the server is restarted again between two pieces.
    a = Desk(a_path, station="A")
    try:
        assert _pending(a) == BIG  # nothing acknowledged before the whole was applied
        client = RestartingClient(server, server.url, creds(), station="A", after=12)
        report = sync_once(a, client=client, push_batch=1000)
        assert client.restarts == 1
        assert report.pushed == BIG and report.push_applied == BIG, report.summary()
        assert _pending(a) == 0
    finally:
        a.close()
    done = _server_counts(server, "BIG", tx_id)
    assert done == {"customers": BIG, "log": BIG, "log_ids": BIG, "applied": BIG,
                    "staged": 0}, done

    # 4. B pulls it, paging through the large transaction; nothing lost or doubled.
    report_b = sync_once(b, client=SyncClient(server.url, creds(), station="B"),
                         pull_batch=3000)
    assert report_b.applied >= BIG
    with b.read() as s:
        codes = list(s.scalars(select(Customer.code).where(Customer.code.like("BIG%"))))
    assert len(codes) == len(set(codes)) == BIG


def test_a_resent_large_transaction_whose_answer_was_lost_applies_once(
        sqlite_server, make_station):
    server = sqlite_server
    a = make_station("A")
    tx_id = _one_transaction(a, 2_500, "LOST")
    # Pieces A staged once for a transaction it no longer sends (parked, abandoned).
    conn = sqlite3.connect(_server_file(server))
    conn.execute("INSERT INTO sync_staged (change_id, origin, tx_id, tx_size, position, "
                 "payload, received_at) VALUES ('old-1', 'A', 'old-tx', 9, 0, '{}', "
                 "'2026-01-01')")
    conn.commit()
    conn.close()
    first = sync_once(a, client=SyncClient(server.url, creds(), station="A"), push_batch=400)
    assert first.push_applied == 2_500 and first.duplicates == 0
    assert _server_counts(server, "LOST", "old-tx")["staged"] == 0  # dropped, not kept
    # The answers never reached the station (killed after the server committed).
    with a.write(sync_apply=True) as s:
        s.execute(update(Outbox).values(pushed_at=None))
    again = sync_once(a, client=SyncClient(server.url, creds(), station="A"), push_batch=700)
    assert again.pushed == 2_500 and again.duplicates == 2_500, again.summary()
    assert _pending(a) == 0
    counts = _server_counts(server, "LOST", tx_id)
    assert counts["customers"] == counts["log"] == counts["log_ids"] == 2_500
    assert counts["staged"] == 0


def test_a_large_transaction_is_authorised_as_a_unit(sqlite_server, make_station):
    """A warehouse clerk may not create customers: the whole large transaction is
    rejected (none of it applied, not even the pieces before the refused change), its
    rows are acknowledged as rejected, and the change after it goes on."""
    server = sqlite_server
    a = make_station("A")
    tx_id = _one_transaction(a, 2_100, "WH", user="wh1")
    with a.write(Actor(user="wh1", station="A")) as s:
        s.add(Customer(code="WHX", name="after"))
    report = sync_once(a, client=SyncClient(server.url, creds("wh1"), station="A"),
                       push_batch=500)
    assert report.push_rejected == 2_101, report.summary()
    counts = _server_counts(server, "WH", tx_id)
    assert counts["customers"] == 0 and counts["applied"] == 0
    assert counts["log"] == 2_100 and counts["staged"] == 0
    assert _pending(a) == 0
