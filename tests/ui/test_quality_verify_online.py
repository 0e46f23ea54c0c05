"""The verification screen's online check against a real HTTP server on 127.0.0.1.

The server here is a stand-in answering like the central server's
GET /api/certificates/verify (record_status); the sync tests run the real one."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from orderdesk.certificates import sample, service
from orderdesk.services import catalog
from orderdesk.ui.quality.verify_view import run_check


@pytest.fixture
def server():  # type: ignore[no-untyped-def]
    seen: list[str] = []
    answer = {"record_status": "revoked"}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            parts = urlsplit(self.path)
            if parts.path != "/api/certificates/verify":
                self.send_error(404)
                return
            seen.append(parse_qs(parts.query)["qr"][0])
            body = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", seen, answer
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def cert(desk):  # type: ignore[no-untyped-def]
    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司")
        catalog.upsert_product(s, "BRK-1001", "支架")
        bo = sample.bound_order(s, customer_code="C001", sku="BRK-1001", quantities=[10])
    return service.issue_for_order(desk, bo.order_id).certificates[0]


def test_server_revocation_is_asked_and_wins(desk, server, cert) -> None:  # type: ignore[no-untyped-def]
    url, seen, answer = server
    verdict = run_check(desk, cert.qr_text, url)
    assert seen == [cert.qr_text]
    assert verdict.status == "revoked" and verdict.online_checked

    answer["record_status"] = "issued"
    verdict = run_check(desk, cert.qr_text, url)
    assert verdict.status == "valid" and verdict.online_checked


def test_server_down_falls_back_to_the_station(desk, cert) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as sock:               # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    verdict = run_check(desk, cert.qr_text, f"http://127.0.0.1:{port}")
    assert verdict.status == "valid" and not verdict.online_checked
    assert run_check(desk, cert.qr_text, None).status == "valid"
