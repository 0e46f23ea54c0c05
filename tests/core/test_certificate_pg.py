"""Certificates on PostgreSQL (the central server's database): issue, revoke, verify,
and the server's own signing key from ORDERDESK_SIGNING_KEY."""

from __future__ import annotations

import pytest

from orderdesk.certificates import sample, service, signing
from orderdesk.certificates.verify import verify_qr
from orderdesk.desk import Desk
from orderdesk.services import catalog


@pytest.fixture
def pg_desk(pg_database):  # type: ignore[no-untyped-def]
    desk = Desk(pg_database, station="server")
    yield desk
    desk.close()


@pytest.mark.pg
def test_issue_revoke_verify_on_postgresql(pg_desk, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    desk = pg_desk
    key = signing.generate_key(tmp_path / "server-key")
    monkeypatch.setenv("ORDERDESK_SIGNING_KEY", str(key.path))
    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司")
        catalog.upsert_product(s, "BRK-1001", "支架", spec="PA66+GF30")
        bo = sample.bound_order(s, customer_code="C001", sku="BRK-1001", quantities=[100, 200])
    result = service.issue_for_order(desk, bo.order_id, inspector="王质检")
    assert result.created == 2 and {c.key_id for c in result.certificates} == {key.key_id}
    first, second = result.certificates
    assert verify_qr(desk, first.qr_text).status == "valid"
    assert verify_qr(desk, first.qr_text).key_kind == "server"
    service.revoke_certificate(desk, second.id, "客户退货")
    assert verify_qr(desk, second.qr_text).status == "revoked"
    assert service.list_certificates(desk, search="恒锐")[0].customer_name == "苏州恒锐精密有限公司"
    assert len(service.ready_for_certificates(desk, only_missing=True)) == 1
    assert service.certificate_pdf(desk, first.id).startswith(b"%PDF")
