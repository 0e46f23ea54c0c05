"""`orderdesk certificate` and `orderdesk verify` as real processes on a real database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from orderdesk.certificates import payload, sample
from orderdesk.desk import Desk
from orderdesk.services import catalog, orders


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess:
    """The command as a real process (what IT scripts run)."""
    env = {**os.environ, "ORDERDESK_LANG": lang}
    return subprocess.run([sys.executable, "-m", "orderdesk.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300)


@pytest.fixture
def cli(capsys, monkeypatch):  # type: ignore[no-untyped-def]
    """The same command in this process (same parser and handlers, no interpreter start-up)."""
    from orderdesk.cli import main

    def call(*args: str, lang: str = "en") -> subprocess.CompletedProcess:
        monkeypatch.setenv("ORDERDESK_LANG", lang)
        code = main(list(args))
        out = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out.out, out.err)

    return call


@pytest.fixture
def bound(desk: Desk, db_path: Path):  # type: ignore[no-untyped-def]
    with desk.write() as s:
        catalog.upsert_customer(s, "C002", "无锡华通汽车电子有限公司")
        catalog.upsert_product(s, "HSG-2002", "外壳", spec="PBT+GF30")
        bo = sample.bound_order(s, customer_code="C002", sku="HSG-2002", quantities=[500, 300])
        empty = orders.add_order(s, orders.OrderDraft(
            channel="phone", customer_code="C002",
            lines=[orders.LineDraft(sku="HSG-2002", quantity=100)]))
    with desk.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return bo, empty


def test_certificate_then_verify(bound, db_path: Path, tmp_path: Path, cli) -> None:
    bo, _ = bound
    out = tmp_path / "certs" / "order.pdf"
    res = run("certificate", bo.order_no, "--db", str(db_path), "--out", str(out),
              "--inspector", "李质检")
    assert res.returncode == 0, res.stderr
    assert "2 certificates, 2 pages (2 new, 0 already issued)" in res.stdout
    assert out.read_bytes().startswith(b"%PDF")

    # Running it again issues nothing new and writes the same certificates.
    again = cli("certificate", bo.order_no, "--db", str(db_path), "--out", str(out))
    assert again.returncode == 0 and "(0 new, 2 already issued)" in again.stdout

    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(out),
                    str(tmp_path / "p")], check=True)
    (png,) = tmp_path.glob("p*.png")
    qr = zxingcpp.read_barcodes(Image.open(png))[0].text

    ok = run("verify", qr, "--db", str(db_path))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.startswith("valid\t") and bo.order_no in ok.stdout

    content = payload.parse_qr(qr)
    fields = payload.parse_canonical(content.data)
    forged = payload.qr_text("https://orderdesk.local", content.cert_no,
                             fields.__class__(**{**fields.__dict__, "batch_code": "B-OTHER"})
                             .canonical(), content.key_id, content.signature)
    bad = cli("verify", forged, "--db", str(db_path))
    assert bad.returncode == 1 and bad.stdout.startswith("tampered\tinvalid: tampered")

    unknown = cli("verify", "not a certificate", "--db", str(db_path), lang="zh")
    assert unknown.returncode == 1 and "无效" in unknown.stdout


def test_verify_revoked_exits_nonzero(bound, desk: Desk, db_path: Path, cli) -> None:
    from orderdesk.certificates import service

    bo, _ = bound
    cert = service.issue_for_order(desk, bo.order_id).certificates[0]
    service.revoke_certificate(desk, cert.id, "wrong material lot")
    with desk.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    res = cli("verify", cert.qr_text, "--db", str(db_path))
    assert res.returncode == 1
    assert res.stdout.startswith("revoked\trevoked") and "wrong material lot" in res.stdout


def test_clear_errors(bound, db_path: Path, tmp_path: Path, cli) -> None:
    _, empty = bound
    res = cli("certificate", "SO-1999-000001", "--db", str(db_path), "--out",
              str(tmp_path / "x.pdf"))
    assert res.returncode == 2 and "order SO-1999-000001 not found" in res.stderr
    assert "Traceback" not in res.stderr

    res = cli("certificate", empty.order_no, "--db", str(db_path), "--out",
              str(tmp_path / "x.pdf"))
    assert res.returncode == 1 and "has no bound batches" in res.stderr
    assert not (tmp_path / "x.pdf").exists()

    res = cli("verify", "x", "--db", str(tmp_path / "missing.db"))
    assert res.returncode == 2 and "file not found" in res.stderr


def test_keys_init_list_retire(bound, desk: Desk, db_path: Path, tmp_path: Path, cli,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    from orderdesk.certificates import service
    from orderdesk.certificates.verify import verify_qr

    key_file = tmp_path / "server" / "signing.pem"
    res = cli("keys", "init", "--server", "--db", str(db_path), "--out", str(key_file))
    assert res.returncode == 0, res.stderr
    assert key_file.stat().st_mode & 0o077 == 0              # owner-only private key
    key_id = res.stdout.split()[1]
    listing = cli("keys", "list", "--db", str(db_path))
    assert key_id in listing.stdout and "server" in listing.stdout

    monkeypatch.setenv("ORDERDESK_SIGNING_KEY", str(key_file))
    bo, _ = bound
    cert = service.issue_for_order(desk, bo.order_id).certificates[0]
    assert cert.key_id == key_id and verify_qr(desk, cert.qr_text).valid

    assert cli("keys", "retire", key_id, "--db", str(db_path)).returncode == 0
    assert "retired" in cli("keys", "list", "--db", str(db_path)).stdout
    assert cli("keys", "retire", "nosuchkey", "--db", str(db_path)).returncode == 2
