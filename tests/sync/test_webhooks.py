"""Group-robot webhook sender against a local HTTP server standing in for the robot."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select

from orderdesk.models import WebhookMessage
from orderdesk.pmc import green_channel as gc
from orderdesk.services import orders
from orderdesk.services.orders import LineDraft, OrderDraft
from orderdesk.sync.webhooks import WebhookSender, WebhookThread

T0 = dt.datetime(2026, 12, 1, 8, 0)


class Robot:
    """Answers like WeCom's robot: {"errcode":0,"errmsg":"ok"}, after `fail` refusals."""

    def __init__(self, fail: int = 0, mode: str = "http500") -> None:
        self.fail = fail
        self.mode = mode
        self.bodies: list[dict] = []
        self.headers: list[str] = []
        robot = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers["Content-Length"])
                robot.bodies.append(json.loads(self.rfile.read(length)))
                robot.headers.append(self.headers.get("Content-Type", ""))
                if robot.fail > 0:
                    robot.fail -= 1
                    if robot.mode == "http500":
                        self.send_response(500)
                        self.end_headers()
                        return
                    answer = {"errcode": 45009, "errmsg": "api freq out of limit"}
                else:
                    answer = {"errcode": 0, "errmsg": "ok"}
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/cgi-bin/webhook/send?key=k1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def robot():
    r = Robot()
    yield r
    r.close()


def _escalate(desk, url: str, kind: str = "wecom", t0: dt.datetime = T0) -> str:
    gc.save_rules(desk, {"leads": {"engineering": "eng1"}, "webhook_url": url,
                         "webhook_kind": kind})
    oid = orders.create_order(desk, OrderDraft(
        channel="phone", customer_code="C001", requested_date=T0.date() + dt.timedelta(days=5),
        lines=[LineDraft(sku="BRK-1001", quantity=10)])).id
    gc.request_rush(desk, oid, "停线", now=t0)
    (esc,) = gc.due_escalations(desk, now=t0 + dt.timedelta(minutes=150))
    assert esc.webhook_queued
    return oid


def _messages(desk) -> list[WebhookMessage]:
    with desk.read() as s:
        return list(s.scalars(select(WebhookMessage).order_by(WebhookMessage.id)))


def test_wecom_payload_is_posted_once(desk, demo_catalog, robot) -> None:
    _escalate(desk, robot.url)
    now = T0 + dt.timedelta(minutes=151)
    report = WebhookSender(desk).send_due(now=now)
    assert (report.sent, report.failed) == (1, 0)
    (body,) = robot.bodies
    assert body["msgtype"] == "text"
    assert set(body) == {"msgtype", "text"}
    assert "技术确认" in body["text"]["content"] and body["text"]["mentioned_list"] == ["eng1"]
    assert robot.headers[0].startswith("application/json")
    (msg,) = _messages(desk)
    assert msg.sent_at == now and msg.attempts == 1
    assert WebhookSender(desk).send_due(now=now + dt.timedelta(hours=1)).sent == 0
    assert len(robot.bodies) == 1


@pytest.mark.parametrize("mode", ["http500", "errcode"])
def test_failure_is_retried_with_backoff_then_sent(desk, demo_catalog, mode) -> None:
    robot = Robot(fail=2, mode=mode)
    try:
        _escalate(desk, robot.url)
        sender = WebhookSender(desk)
        t = T0 + dt.timedelta(minutes=151)
        r1 = sender.send_due(now=t)
        assert (r1.sent, r1.failed) == (0, 1)
        msg = _messages(desk)[0]
        assert msg.sent_at is None and msg.attempts == 1
        assert msg.next_attempt_at == t + dt.timedelta(seconds=30)
        assert ("500" if mode == "http500" else "45009") in msg.last_error
        assert sender.send_due(now=t + dt.timedelta(seconds=10)).failed == 0   # not due yet
        assert sender.send_due(now=t + dt.timedelta(seconds=31)).failed == 1
        assert _messages(desk)[0].next_attempt_at == t + dt.timedelta(seconds=31 + 60)
        r3 = sender.send_due(now=t + dt.timedelta(seconds=92))
        assert (r3.sent, r3.failed) == (1, 0)
        assert len(robot.bodies) == 3 and robot.bodies[0] == robot.bodies[2]
        msg = _messages(desk)[0]
        assert msg.sent_at is not None and msg.attempts == 3 and msg.last_error is None
    finally:
        robot.close()


def test_robot_down_keeps_the_message(desk, demo_catalog) -> None:
    with socket.socket() as s:              # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _escalate(desk, f"http://127.0.0.1:{port}/robot")
    report = WebhookSender(desk, timeout=2).send_due(now=T0 + dt.timedelta(minutes=151))
    assert report.failed == 1 and "Connection" in report.errors[0]
    (msg,) = _messages(desk)
    assert msg.sent_at is None and msg.attempts == 1
    assert gc.webhook_status(desk)[0] == 1


def test_dingtalk_and_background_thread(desk, demo_catalog, robot) -> None:
    from orderdesk.models import utcnow

    _escalate(desk, robot.url, kind="dingtalk", t0=utcnow() - dt.timedelta(minutes=151))
    thread = WebhookThread(desk, interval=0.05, escalate=False)
    thread.start()
    try:
        for _ in range(200):
            if robot.bodies:
                break
            threading.Event().wait(0.05)
    finally:
        thread.stop()
        thread.join(5)
    (body,) = robot.bodies
    assert body["at"] == {"atUserIds": ["eng1"], "isAtAll": False}
    assert body["msgtype"] == "text" and "content" in body["text"]


def test_cli_send(desk, demo_catalog, robot, db_path, capsys) -> None:
    from orderdesk.cli import main
    from orderdesk.models import utcnow

    _escalate(desk, robot.url, t0=utcnow() - dt.timedelta(minutes=151))
    assert main(["rush", "send", "--db", str(db_path)]) == 0
    assert "1 sent, 0 failed" in capsys.readouterr().out
    assert len(robot.bodies) == 1
