"""`orderdesk serve --tls-cert --tls-key`: stations sign in and sync over TLS, checking the
server's certificate; a station that does not trust it gets a clear error, not a sync."""

from __future__ import annotations

import datetime as dt
import ipaddress

import pytest

from orderdesk.sync.client import Credentials, SyncClient, SyncError, sync_once

from .conftest import PASSWORD, ServerProcess, seed_users


def _self_signed(folder):  # type: ignore[no-untyped-def]
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "orderdesk test server")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_sync_over_tls_with_certificate_check(sqlite_server_db, make_station, tmp_path):
    cert, key = _self_signed(tmp_path)
    seed_users(sqlite_server_db)
    logs = tmp_path / "logs"
    logs.mkdir()
    server = ServerProcess(sqlite_server_db, logs, tls=(cert, key))
    server.start()
    try:
        assert server.url.startswith("https://")
        desk = make_station("T1")
        client = SyncClient(server.url, Credentials("sales1", PASSWORD), station="T1",
                            verify=str(cert))
        report = sync_once(desk, client=client)
        assert report.head > 0 and report.applied > 0
        client.close()
        # Without the certificate the station refuses to talk (and says why).
        untrusting = SyncClient(server.url, Credentials("sales1", PASSWORD), station="T1")
        with pytest.raises(SyncError) as err:
            sync_once(desk, client=untrusting)
        assert err.value.code == "server_unreachable"
        assert err.value.facts["reason"] == "SSLError"
        untrusting.close()
    finally:
        server.stop()
