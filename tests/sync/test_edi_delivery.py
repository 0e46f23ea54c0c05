"""EDI delivery against a real HTTP endpoint on 127.0.0.1 that fails, times out and
recovers, a sender killed mid-send and restarted, and a drop folder: every message
arrives exactly once.

The partner endpoint behaves like a real EDI gateway: it keeps what it received by the
Idempotency-Key header and answers a repeat with 200 without storing it again. What it
does to each POST is scripted (503, slow answer after storing, 400, ok).
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from decimal import Decimal as D
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import func, select

from orderdesk.finance import edi_outbox, invoicing, shipping
from orderdesk.finance.split import SplitRule
from orderdesk.models import AuditLog, utcnow
from orderdesk.models.finance import EdiMessage
from orderdesk.sync.server import edi_sender
from tests.core.finance_support import Line, make_orders

ROOT = Path(__file__).resolve().parents[2]


class Partner:
    """A partner's EDI gateway on 127.0.0.1 with a script of answers."""

    def __init__(self) -> None:
        self.script: list[str] = []  # one entry per POST: 503, slow, hold, 400, ok
        self.received: dict[str, bytes] = {}
        self.posts: list[str] = []
        self.release = threading.Event()
        self.got_request = threading.Event()
        self.lock = threading.Lock()
        partner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                key = self.headers.get("Idempotency-Key", "")
                with partner.lock:
                    partner.posts.append(key)
                    step = partner.script.pop(0) if partner.script else "ok"
                if step == "503":
                    self._answer(503, b"gateway busy, try later")
                    return
                if step == "400":
                    self._answer(400, b"UNB sender 6901234500004 not registered")
                    return
                with partner.lock:
                    duplicate = key in partner.received
                    partner.received.setdefault(key, body)
                partner.got_request.set()
                if step == "slow":
                    time.sleep(1.5)  # longer than the sender waits
                elif step == "hold":
                    partner.release.wait(30)
                self._answer(200, b"duplicate" if duplicate else b"accepted")

            def _answer(self, code: int, text: bytes) -> None:
                try:
                    self.send_response(code)
                    self.send_header("Content-Length", str(len(text)))
                    self.end_headers()
                    self.wfile.write(text)
                except OSError:
                    pass  # the sender gave up waiting

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/edi/inbound"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def partner():  # type: ignore[no-untyped-def]
    p = Partner()
    yield p
    p.close()


def _queue_three(desk, url: str) -> list[str]:  # type: ignore[no-untyped-def]
    """A shipment split into 2 invoices, for a customer with a partner: 3 messages."""
    order_nos = make_orders(desk, [Line("PO-1", "BRK-A", "50000", "1.50"),
                                   Line("PO-2", "BRK-B", "20000", "2.00")])
    edi_outbox.set_partner(desk, "C9001", url, sender_id="6901234500004",
                           recipient_id="6909876500007")
    shipment_no = shipping.ship(desk, order_nos).shipment.shipment_no
    invoicing.set_rule(desk, "C9001", SplitRule(per_po=True))
    invoicing.issue(desk, shipment_no)
    refs = [m.control_ref for m in edi_outbox.pending(desk)]
    assert len(refs) == 3
    return refs


def _rounds(desk, *, max_rounds: int = 30, timeout: float = 0.5) -> int:  # type: ignore[no-untyped-def]
    for n in range(1, max_rounds + 1):
        edi_sender.deliver_pending(desk, timeout=timeout, base_s=0, lease_s=0)
        if not edi_outbox.list_messages(desk, states=("pending", "sending")):
            return n
    raise AssertionError("messages still pending")


def test_fails_times_out_recovers_each_message_arrives_once(desk, partner):  # type: ignore[no-untyped-def]
    refs = _queue_three(desk, partner.url)
    partner.script = ["503", "503", "503", "slow", "slow", "503"]
    rounds = _rounds(desk)
    assert rounds > 1
    assert sorted(partner.received) == sorted(refs)  # each one, once
    assert len(partner.posts) > 3  # retries happened
    assert all(partner.posts.count(r) >= 1 for r in refs)
    rows = {m.control_ref: m for m in edi_outbox.list_messages(desk)}
    assert {rows[r].state for r in refs} == {"acknowledged"}
    assert max(rows[r].attempts for r in refs) >= 2
    # a timed-out attempt whose message the partner kept was resent with the same key
    slow_keys = [k for k in partner.posts if partner.posts.count(k) > 1]
    assert slow_keys
    for ref in refs:
        body = partner.received[ref].decode("latin-1")
        assert f"UNB+UNOC:3+6901234500004:14+6909876500007:14" in body and ref in body
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.action == "edi.attempt_failed")) >= 4


def test_backoff_grows_exponentially_and_gives_up(desk, partner):  # type: ignore[no-untyped-def]
    assert [edi_outbox.backoff(n) for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert edi_outbox.backoff(20) == edi_outbox.BACKOFF_MAX_S
    refs = _queue_three(desk, partner.url)
    partner.script = ["503"] * 3
    t0 = utcnow().replace(microsecond=0) + dt.timedelta(minutes=1)
    claims = edi_outbox.claim_due(desk, now=t0)
    for c in claims:
        edi_outbox.record_failure(desk, c.id, "HTTP 503", now=t0)
    first = {m.control_ref: m.next_attempt_at for m in edi_outbox.list_messages(desk)}
    assert set(first.values()) == {t0 + dt.timedelta(seconds=30)}
    # not due yet at t0 + 29 s; due at t0 + 30 s
    assert edi_outbox.claim_due(desk, now=t0 + dt.timedelta(seconds=29)) == []
    again = edi_outbox.claim_due(desk, now=t0 + dt.timedelta(seconds=30))
    for c in again:
        edi_outbox.record_failure(desk, c.id, "HTTP 503", now=t0)
    assert {m.next_attempt_at for m in edi_outbox.list_messages(desk)} == {
        t0 + dt.timedelta(seconds=60)}
    with desk.write() as s:
        s.execute(EdiMessage.__table__.update().values(attempts=edi_outbox.MAX_ATTEMPTS - 1))
    for c in edi_outbox.claim_due(desk, now=t0 + dt.timedelta(days=2)):
        edi_outbox.record_failure(desk, c.id, "HTTP 503: gateway busy", now=t0)
    states = {m.control_ref: (m.state, m.next_attempt_at) for m in edi_outbox.list_messages(desk)}
    assert set(states.values()) == {("error", None)}
    assert set(states) == set(refs)


def test_partner_refusal_is_kept_with_its_text_and_retried_by_hand(desk, partner):  # type: ignore[no-untyped-def]
    from orderdesk.desk import UserInfo

    refs = _queue_three(desk, partner.url)
    partner.script = ["400", "400", "400"]
    edi_sender.deliver_pending(desk, timeout=2, base_s=0)
    failed = edi_outbox.list_messages(desk, states=("error",))
    assert len(failed) == 3
    assert all("not registered" in (m.last_error or "") for m in failed)
    desk.sign_in(UserInfo("u1", "fin1", "财务", ("finance",)))
    edi_outbox.retry(desk, refs[0], "partner registered our GLN")
    edi_outbox.cancel(desk, refs[1], "sent by e-mail instead")
    desk.sign_in(None)
    edi_sender.deliver_pending(desk, timeout=2, base_s=0)
    rows = {m.control_ref: m.state for m in edi_outbox.list_messages(desk)}
    assert rows == {refs[0]: "acknowledged", refs[1]: "cancelled", refs[2]: "error"}
    assert sorted(partner.received) == [refs[0]]
    with desk.read() as s:
        actions = set(s.scalars(select(AuditLog.action).where(
            AuditLog.action.in_(("edi.retry", "edi.cancel")))))
    assert actions == {"edi.retry", "edi.cancel"}


def _cli(db: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "ORDERDESK_LANG": "en"}
    return subprocess.Popen([sys.executable, "-m", "orderdesk.cli", "edi", "send", "--db",
                             str(db), *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_sender_killed_mid_send_and_restarted_delivers_once(desk, db_path, partner):  # type: ignore[no-untyped-def]
    refs = _queue_three(desk, partner.url)
    partner.script = ["hold"]
    proc = _cli(db_path, "--timeout", "60")
    assert partner.got_request.wait(60), proc.communicate(timeout=5)
    proc.send_signal(signal.SIGKILL)  # the sender dies after the partner got the message
    proc.wait(timeout=30)
    partner.release.set()
    held = partner.posts[0]
    states = {m.control_ref: m.state for m in edi_outbox.list_messages(desk)}
    assert states[held] == "sending"  # the claim survived the crash
    # A new sender run: the expired claim is sent again under the same key.
    done = _cli(db_path, "--timeout", "10", "--lease", "0")
    out, err = done.communicate(timeout=120)
    assert done.returncode == 0, (out, err)
    assert sorted(partner.received) == sorted(refs)
    assert partner.posts.count(held) == 2  # resent once, stored once
    assert {m.state for m in edi_outbox.list_messages(desk)} == {"acknowledged"}
    # nothing pending: exit 0; run again, still 0 and nothing sent
    again = _cli(db_path)
    assert again.wait(timeout=60) == 0 and len(partner.posts) == 4


def test_drop_folder_delivers_once_and_contrl_acknowledges(desk, tmp_path):  # type: ignore[no-untyped-def]
    share = tmp_path / "share" / "nev"
    refs = _queue_three(desk, f"file://{share}")
    report = edi_sender.deliver_pending(desk, base_s=0)
    assert report.failed == 3  # the share is not mounted yet
    assert "not reachable" in (edi_outbox.pending(desk)[0].last_error or "")
    share.mkdir(parents=True)
    edi_sender.deliver_pending(desk, base_s=0)
    files = sorted(p.name for p in share.iterdir())
    assert files == sorted(f"{r}.edi" for r in refs)
    assert {m.state for m in edi_outbox.list_messages(desk)} == {"sent"}
    # a sender that died after the rename: the claim is resent, the file is not doubled
    with desk.write() as s:
        s.execute(EdiMessage.__table__.update().where(EdiMessage.control_ref == refs[0])
                  .values(state="sending", claimed_at=dt.datetime(2000, 1, 1)))
    edi_sender.deliver_pending(desk, base_s=0)
    assert sorted(p.name for p in share.iterdir()) == files
    (share / "ack").mkdir()
    (share / "ack" / "contrl1.edi").write_text(
        f"UNB+UNOC:3+6909876500007:14+6901234500004:14+260201:1000+ACK1'"
        f"UNH+1+CONTRL:D:3:UN'UCI+{refs[0]}+6901234500004:14+6909876500007:14+7'"
        f"UNT+3+1'UNZ+1+ACK1'", "latin-1")
    report = edi_sender.deliver_pending(desk)
    assert report.acknowledged_by_file == 1
    rows = {m.control_ref: m.state for m in edi_outbox.list_messages(desk)}
    assert rows[refs[0]] == "acknowledged" and rows[refs[1]] == "sent"


def test_edi_send_lists_what_is_pending_and_why(desk, db_path):  # type: ignore[no-untyped-def]
    refs = _queue_three(desk, "http://127.0.0.1:9/closed")
    proc = _cli(db_path, "--timeout", "2")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, (out, err)
    for ref in refs:
        assert ref in out
    assert "ConnectError" in out or "Connect" in out
    assert D(1)  # keep Decimal import used in this module
