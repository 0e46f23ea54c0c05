"""The signed key fields and the QR link: round trips and what is refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orderdesk.certificates import payload
from orderdesk.certificates.signing import generate_key

# Printable text as people type it (CJK, full-width, symbols), no control characters,
# no separators the format reserves inside a field list.
text = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30) \
    .map(str.strip)
code = text.filter(lambda s: "," not in s)


@settings(max_examples=150, deadline=None)
@given(cert_no=text.filter(bool), customer=text, order=text, po=text, sku=text, batch=text,
       qty=st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False),
       unit=text, lots=st.lists(code.filter(bool), max_size=4), inspector=text,
       issued=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
       produced=st.none() | st.dates(min_value=dt.date(2000, 1, 1)))
def test_canonical_round_trip(cert_no, customer, order, po, sku, batch, qty, unit, lots,
                              inspector, issued, produced) -> None:
    fields = payload.KeyFields(
        cert_no=cert_no, issued=issued, customer_code=customer, order_no=order,
        customer_po=po, sku=sku, batch_code=batch, quantity=qty, unit=unit,
        production_date=produced, material_lots=tuple(lots), inspector=inspector)
    back = payload.parse_canonical(fields.canonical())
    assert back == fields
    assert back.canonical() == fields.canonical()          # stable bytes to sign


def test_link_round_trip_and_scanner_noise(tmp_path) -> None:
    key = generate_key(tmp_path)
    fields = payload.KeyFields(
        cert_no="QC-2026-000123", issued=dt.date(2026, 11, 25), customer_code="C001",
        order_no="SO-2026-000042", customer_po="PO-88|123", sku="BRK-1001",
        batch_code="B2611-7", quantity=Decimal("5200"), unit="pcs",
        production_date=dt.date(2026, 11, 20), material_lots=("ML-1", "ML-2"),
        inspector="张质检")
    data = fields.canonical()
    link = payload.qr_text("https://qc.example.cn/", fields.cert_no, data, key.key_id,
                           key.sign(data))
    assert link.startswith("https://qc.example.cn/v/QC-2026-000123?d=")
    for noisy in (link, f"{link}\r\n", f"\t{link} ", link.replace("https://qc.example.cn",
                                                                   "http://10.0.0.5:8000")):
        qr = payload.parse_qr(noisy)
        assert qr.cert_no == fields.cert_no and qr.data == data and qr.key_id == key.key_id
    # Control characters typed into a field never reach the signed text.
    dirty = payload.KeyFields(**{**fields.__dict__, "inspector": "张\x1f质检\n"})
    assert payload.parse_canonical(dirty.canonical()).inspector == "张质检"


@pytest.mark.parametrize("junk", [
    "", "   ", "hello", "https://qc.example.cn/v/QC-1", "https://qc.example.cn/v/?d=AA&k=x&s=AA",
    "https://qc.example.cn/v/QC-1?d=***&k=x&s=AA", "https://qc.example.cn/x/QC-1?d=AA&k=x&s=AA",
])
def test_not_a_link(junk: str) -> None:
    with pytest.raises(payload.PayloadError):
        payload.parse_qr(junk)


@pytest.mark.parametrize("data", [b"2\x1fQC", b"1\x1fQC", b"\xff\xfe", "1\x1fQC\x1f20261399"
                                  + "\x1f" * 10])
def test_not_canonical(data) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(payload.PayloadError):
        payload.parse_canonical(data if isinstance(data, bytes) else data.encode())
