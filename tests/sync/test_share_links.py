"""Share links against a real server process: tokens, scopes, expiry, revocation, the
access log, rate limits, headers, the live event stream and the command line."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
import time

import requests

from orderdesk.desk import Desk
from orderdesk.models import ShareAccess
from orderdesk.models.base import utcnow
from orderdesk.services import orders
from orderdesk.share import links
from tests.sync.conftest import PASSWORD, RUN_CLI, ServerProcess, seed_users
from tests.sync.share_fixtures import _link_id, _order_id, _seed_order, share_server  # noqa: F401


def _login(server: ServerProcess, user: str = "sales1") -> dict[str, str]:
    r = requests.post(server.url + "/api/auth/login",
                      json={"username": user, "password": PASSWORD, "station": "t"}, timeout=10)
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['token']}"}


def _make(server: ServerProcess, headers: dict[str, str], **body) -> dict:  # type: ignore[no-untyped-def]
    body.setdefault("ref", server.order_no)  # type: ignore[attr-defined]
    r = requests.post(server.url + "/api/share", json=body, headers=headers, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()


def test_link_reveals_no_internal_ids_and_shows_status(share_server: ServerProcess) -> None:
    made = _make(share_server, _login(share_server))
    assert made["url"].startswith(share_server.url + "/s/")
    token = made["token"]
    order_id = _order_id(share_server)
    assert order_id not in token and share_server.order_no not in token  # type: ignore[attr-defined]
    page = requests.get(made["url"], timeout=10)
    assert page.status_code == 200
    text = page.text
    assert share_server.order_no in text and "苏州恒锐精密有限公司" in text  # type: ignore[attr-defined]
    assert "已确认" in text and "待排产" in text and "2026-12-18" in text
    assert order_id not in text
    # status scope: no prices, and nothing of the other customer
    assert "1.23" not in text and "¥" not in text
    assert "无锡华通" not in text and "OTHER-1" not in text
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert "noindex" in page.headers["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex' in text
    assert page.headers["Cache-Control"] == "no-store"


def test_prices_only_with_their_scope(share_server: ServerProcess) -> None:
    headers = _login(share_server)
    priced = requests.get(_make(share_server, headers, scope="status+prices")["url"], timeout=10)
    assert "¥1.23" in priced.text and "¥6,419.40" in priced.text  # 5200 × 1.2345


def test_english_page(share_server: ServerProcess) -> None:
    url = _make(share_server, _login(share_server))["url"]
    page = requests.get(url, headers={"Accept-Language": "en-US"}, timeout=10)
    assert "Promised" in page.text and "confirmed" in page.text and "已确认" not in page.text
    assert "已确认" in requests.get(url + "?lang=zh", headers={"Accept-Language": "en"},
                                 timeout=10).text


def test_tampered_and_made_up_tokens_are_refused(share_server: ServerProcess) -> None:
    made = _make(share_server, _login(share_server))
    token = made["token"]
    flipped = token[:10] + ("A" if token[10] != "A" else "B") + token[11:]
    for bad in (flipped, token[:-1], token + "x", "x" * 43, "not-a-token"):
        r = requests.get(share_server.url + "/s/" + bad, timeout=10)
        assert r.status_code == 404, bad
        assert "链接无效" in r.text
        assert share_server.order_no not in r.text  # type: ignore[attr-defined]


def test_expired_link_answers_410_with_a_clear_page(share_server: ServerProcess) -> None:
    desk = Desk(share_server.db_url, station="t")
    try:
        made = links.create_link(desk, "order", share_server.order_no,  # type: ignore[attr-defined]
                                 days=1, now=utcnow() - dt.timedelta(days=2))
    finally:
        desk.close()
    r = requests.get(share_server.url + made.path, timeout=10)
    assert r.status_code == 410
    assert "链接已过期" in r.text and share_server.order_no not in r.text  # type: ignore[attr-defined]


def test_default_expiry_is_30_days(share_server: ServerProcess) -> None:
    made = _make(share_server, _login(share_server))
    expires = dt.datetime.fromisoformat(made["expires_at"])
    assert abs((expires - utcnow()) - dt.timedelta(days=30)) < dt.timedelta(minutes=2)


def test_revoked_link_stops_at_once_including_an_open_stream(share_server: ServerProcess) -> None:
    headers = _login(share_server)
    made = _make(share_server, headers)
    events: list[str] = []
    opened = threading.Event()

    def listen() -> None:
        with requests.get(share_server.url + f"/s/{made['token']}/events", stream=True,
                          timeout=30) as r:
            opened.set()
            for raw in r.iter_lines(decode_unicode=True):
                events.append(raw)
                if raw.startswith("event: gone"):
                    return

    t = threading.Thread(target=listen, daemon=True)
    t.start()
    assert opened.wait(10)
    time.sleep(0.5)
    r = requests.post(share_server.url + "/api/share/revoke", json={"token": made["url"]},
                      headers=headers, timeout=10)
    assert r.status_code == 200 and r.json()["state"] == "revoked"
    t.join(15)
    assert not t.is_alive(), "the open stream did not end after the revoke"
    assert any(e.startswith("event: status") for e in events)
    assert events[-1] == "event: gone"
    assert requests.get(made["url"], timeout=10).status_code == 410


def test_every_access_is_logged_and_counted(share_server: ServerProcess) -> None:
    headers = _login(share_server)
    made = _make(share_server, headers)
    for _ in range(3):
        requests.get(made["url"], headers={"User-Agent": "Mozilla/5.0 (iPhone) MicroMessenger"},
                     timeout=10)
    listed = requests.get(share_server.url + "/api/share/links",
                          params={"ref": share_server.order_no},  # type: ignore[attr-defined]
                          headers=headers, timeout=10).json()
    link_id = _link_id(share_server, made["token"])
    mine = [row for row in listed if row["id"] == link_id]
    assert len(mine) == 1 and mine[0]["view_count"] == 3 and mine[0]["state"] == "ok"
    assert mine[0]["created_by"] == "sales1" and mine[0]["last_seen_at"]
    desk = Desk(share_server.db_url, station="t")
    try:
        with desk.read() as s:
            rows = s.query(ShareAccess).filter_by(link_id=link_id).all()
    finally:
        desk.close()
    assert len(rows) == 3 and all(r.address == "127.0.0.1" for r in rows)
    assert all("MicroMessenger" in (r.user_agent or "") for r in rows)


def test_only_sales_and_supervisors_make_links(share_server: ServerProcess) -> None:
    for user, expected in (("wh1", 403), ("admin", 403), ("sup", 201), ("sales2", 201)):
        r = requests.post(share_server.url + "/api/share",
                          json={"ref": share_server.order_no},  # type: ignore[attr-defined]
                          headers=_login(share_server, user), timeout=10)
        assert r.status_code == expected, (user, r.text)
    r = requests.post(share_server.url + "/api/share",
                      json={"ref": share_server.order_no}, timeout=10)  # type: ignore[attr-defined]
    assert r.status_code == 401
    bad = requests.post(share_server.url + "/api/share", json={"ref": "SO-NOPE"},
                        headers=_login(share_server), timeout=10)
    assert bad.status_code == 404
    for body in ({"ref": "x", "scope": "everything"}, {"ref": "x", "days": 0},
                 {"ref": "x", "days": 9999}):
        r = requests.post(share_server.url + "/api/share", json=body,
                          headers=_login(share_server), timeout=10)
        assert r.status_code == 422, body


def test_rate_limited_per_address(sqlite_server_db: str, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ORDERDESK_SHARE_BURST", "5")
    monkeypatch.setenv("ORDERDESK_SHARE_RATE", "6")
    seed_users(sqlite_server_db)
    order_no = _seed_order(sqlite_server_db)
    (tmp_path / "logs").mkdir()
    server = ServerProcess(sqlite_server_db, tmp_path / "logs")
    server.start()
    try:
        server.order_no = order_no  # type: ignore[attr-defined]
        url = _make(server, _login(server))["url"]
        codes = [requests.get(url, timeout=10).status_code for _ in range(8)]
        assert codes[:5] == [200] * 5
        assert 429 in codes[5:]
        assert requests.get(server.url + "/api/health", timeout=10).status_code == 200
    finally:
        server.stop()


def _events(url: str, headers: dict[str, str] | None = None, *, until: int = 1,
            timeout: float = 15) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    current: dict[str, str] = {}
    deadline = time.monotonic() + timeout
    with requests.get(url, stream=True, headers=headers or {}, timeout=timeout) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        for raw in r.iter_lines(decode_unicode=True):
            if raw == "":
                if current:
                    out.append(current)
                    current = {}
                if sum(1 for e in out if e.get("event") in ("status", "gone")) >= until \
                        or time.monotonic() > deadline:
                    break
                continue
            if raw.startswith(":"):
                out.append({"comment": raw})
                continue
            key, _, value = raw.partition(": ")
            current[key] = value
    return out


def test_stream_sends_changes_and_resumes_from_last_event_id(share_server: ServerProcess) -> None:
    made = _make(share_server, _login(share_server))
    events_url = share_server.url + f"/s/{made['token']}/events"
    first = [e for e in _events(events_url) if e.get("event") == "status"]
    assert first and "已确认" in json.loads(first[0]["data"])["html"]
    last_id = first[0]["id"]
    # Resume with the id the phone has: nothing new, so only keep-alives come.
    resumed = _events(events_url, {"Last-Event-ID": last_id}, until=1, timeout=3)
    assert not [e for e in resumed if e.get("event") == "status"]
    assert any(e.get("comment", "").startswith(": keep-alive") for e in resumed)
    # A status change at the server's database reaches the stream.
    desk = Desk(share_server.db_url, station="t")
    try:
        orders.set_status(desk, _order_id(share_server), "production", "in_production")
    finally:
        desk.close()
    again = [e for e in _events(events_url, {"Last-Event-ID": last_id}) if e.get("event") == "status"]
    assert again and "生产中" in json.loads(again[0]["data"])["html"]
    # The polling fallback answers the same snapshot.
    frag = requests.get(share_server.url + f"/s/{made['token']}/fragment",
                        params={"since": last_id}, timeout=10).json()
    assert frag["changed"] and "生产中" in frag["html"]
    same = requests.get(share_server.url + f"/s/{made['token']}/fragment",
                        params={"since": frag["id"]}, timeout=10).json()
    assert same["changed"] is False


def test_customer_and_board_links(share_server: ServerProcess) -> None:
    headers = _login(share_server, "sup")
    mine = requests.get(_make(share_server, headers, kind="customer", ref="C001")["url"], timeout=10)
    assert share_server.order_no in mine.text and "OTHER-1" not in mine.text  # type: ignore[attr-defined]
    board = requests.get(_make(share_server, headers, kind="board", ref="warehouse")["url"],
                         timeout=10)
    assert board.status_code == 200 and "仓库看板" in board.text and "待备货" in board.text
    assert "已确认" not in board.text  # the warehouse board shows warehouse fields only
    r = requests.post(share_server.url + "/api/share",
                      json={"kind": "board", "ref": "warehouse", "scope": "status+prices"},
                      headers=headers, timeout=10)
    assert r.status_code == 422


def test_cli_share_and_revoke(share_server: ServerProcess) -> None:
    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", RUN_CLI, *args], capture_output=True,
                              text=True, timeout=60)

    out = cli("share", share_server.order_no, "--db-url", share_server.db_url,  # type: ignore[attr-defined]
              "--days", "7", "--scope", "status+prices", "--json",
              "--base-url", share_server.url)
    assert out.returncode == 0, out.stderr
    made = json.loads(out.stdout)
    assert set(made) >= {"url", "token", "expires_at"}
    assert made["url"] == share_server.url + "/s/" + made["token"]
    expires = dt.datetime.fromisoformat(made["expires_at"])
    assert abs((expires - utcnow()) - dt.timedelta(days=7)) < dt.timedelta(minutes=2)
    assert "¥" in requests.get(made["url"], timeout=10).text
    plain = cli("share", share_server.order_no, "--db-url", share_server.db_url,  # type: ignore[attr-defined]
                "--base-url", share_server.url)
    assert plain.returncode == 0 and plain.stdout.strip().startswith(share_server.url + "/s/")
    gone = cli("share", "revoke", made["url"], "--db-url", share_server.db_url)
    assert gone.returncode == 0, gone.stderr
    assert requests.get(made["url"], timeout=10).status_code == 410
    missing = cli("share", "SO-0000-000000", "--db-url", share_server.db_url)
    assert missing.returncode != 0 and "Traceback" not in missing.stderr


def test_robot_link_endpoint_gives_stations_a_status_only_link(share_server: ServerProcess) -> None:
    from orderdesk.sync.share_client import station_link_provider
    from tests.sync.conftest import creds

    link_for = station_link_provider(share_server.url, creds("wh1"), "wh-station")
    url = link_for(share_server.order_no)  # type: ignore[attr-defined]
    assert url and url.startswith(share_server.url + "/s/")
    page = requests.get(url, timeout=10)
    assert page.status_code == 200 and "¥" not in page.text
    listed = requests.get(share_server.url + "/api/share/links",
                          params={"ref": share_server.order_no},  # type: ignore[attr-defined]
                          headers=_login(share_server), timeout=10).json()
    mine = [r for r in listed if r["id"] == _link_id(share_server, url)]
    assert mine[0]["created_by"] == "wh1" and mine[0]["scope"] == "status"
    expires = dt.datetime.fromisoformat(mine[0]["expires_at"])
    assert expires - utcnow() < dt.timedelta(days=7, minutes=2)
    anonymous = requests.post(share_server.url + "/api/share/notify",
                              json={"ref": share_server.order_no}, timeout=10)  # type: ignore[attr-defined]
    assert anonymous.status_code == 401


def test_robot_messages_carry_the_link_once(desk, demo_catalog) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.sync.webhooks import WebhookSender
    from tests.sync.test_webhooks import T0, Robot, _escalate, _messages

    robot = Robot(fail=1)
    try:
        _escalate(desk, robot.url)
        asked: list[str] = []

        def link_for(order_no: str) -> str:
            asked.append(order_no)
            return f"https://factory.example/s/{'A' * 43}"

        sender = WebhookSender(desk, link_for=link_for)
        first = sender.send_due(now=T0 + dt.timedelta(minutes=151))
        assert first.failed == 1
        second = sender.send_due(now=T0 + dt.timedelta(minutes=200))
        assert second.sent == 1
        assert len(asked) == 1 and asked[0].startswith("SO-")  # minted once, reused on retry
        assert all("订单实时进度: https://factory.example/s/" in b["text"]["content"]
                   for b in robot.bodies)
        assert robot.bodies[0] == robot.bodies[1]
        (msg,) = _messages(desk)
        assert "/s/" in msg.payload
    finally:
        robot.close()


def test_robot_message_goes_out_without_a_link_when_the_server_is_down(desk, demo_catalog) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.sync.share_client import station_link_provider
    from orderdesk.sync.webhooks import WebhookSender
    from tests.sync.conftest import creds, free_port
    from tests.sync.test_webhooks import T0, Robot, _escalate

    robot = Robot()
    try:
        _escalate(desk, robot.url)
        down = station_link_provider(f"http://127.0.0.1:{free_port()}", creds(), "s")
        report = WebhookSender(desk, link_for=down).send_due(now=T0 + dt.timedelta(minutes=151))
        assert report.sent == 1
        assert "/s/" not in robot.bodies[0]["text"]["content"]
    finally:
        robot.close()
