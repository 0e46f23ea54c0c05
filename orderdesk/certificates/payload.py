"""The signed key fields of a certificate and the text of its QR code.

The QR holds a verification link:

    https://<server>/v/<certificate no>?d=<fields>&k=<key id>&s=<signature>

- d: base64url of the canonical fields (UTF-8, version first, joined by U+001F),
- k: id of the Ed25519 key that signed (see signing.py),
- s: base64url of the 64-byte Ed25519 signature over the canonical bytes.

A phone opens the link and the server answers; a station decodes the same text and checks
it without the server. Fields are kept to what identifies the goods (no prose, dates as
YYYYMMDD) so the code stays near QR version 10-12 and scans from paper.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from decimal import Decimal
from urllib.parse import parse_qs, quote, unquote, urlsplit

from orderdesk.certificates.signing import b64url, unb64url

VERSION = "1"
SEP = "\x1f"
#: Verification path on the server; the sync server serves GET /v/{cert_no}.
VERIFY_PATH = "/v/"
DEFAULT_VERIFY_BASE = "https://orderdesk.local"
VERIFY_BASE_SETTING = "certificates.verify_base_url"

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class KeyFields:
    """What the signature vouches for. Order of fields = order in the canonical form."""

    cert_no: str
    issued: dt.date
    customer_code: str
    order_no: str
    customer_po: str
    sku: str
    batch_code: str
    quantity: Decimal
    unit: str
    production_date: dt.date | None
    material_lots: tuple[str, ...]
    inspector: str

    def canonical(self) -> bytes:
        return canonical(self)


def _clean(value: str | None) -> str:
    # Control characters would break the separator; they never belong in these fields.
    return _CONTROL.sub("", value or "").strip()


def _day(value: dt.date | None) -> str:
    return value.strftime("%Y%m%d") if value else ""


def _qty(value: Decimal) -> str:
    text = format(Decimal(value).normalize(), "f")
    return text


def canonical(f: KeyFields) -> bytes:
    parts = [
        VERSION, _clean(f.cert_no), _day(f.issued), _clean(f.customer_code),
        _clean(f.order_no), _clean(f.customer_po), _clean(f.sku), _clean(f.batch_code),
        _qty(f.quantity), _clean(f.unit), _day(f.production_date),
        ",".join(_clean(c).replace(",", "") for c in f.material_lots), _clean(f.inspector),
    ]
    return SEP.join(parts).encode("utf-8")


class PayloadError(ValueError):
    """The bytes are not canonical certificate fields of a version we read."""


def _parse_day(text: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError as exc:
        raise PayloadError(f"bad date {text!r}") from exc


def parse_canonical(data: bytes) -> KeyFields:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PayloadError("not UTF-8") from exc
    parts = text.split(SEP)
    if not parts or parts[0] != VERSION:
        raise PayloadError(f"unknown version {parts[0]!r}")
    if len(parts) != len(fields(KeyFields)) + 1:
        raise PayloadError(f"{len(parts) - 1} fields")
    (_, cert_no, issued, customer, order_no, po, sku, batch, qty, unit, prod, lots,
     inspector) = parts
    issued_day = _parse_day(issued)
    if issued_day is None or not cert_no:
        raise PayloadError("certificate number and issue date are required")
    try:
        quantity = Decimal(qty)
    except ArithmeticError as exc:
        raise PayloadError(f"bad quantity {qty!r}") from exc
    return KeyFields(
        cert_no=cert_no, issued=issued_day, customer_code=customer, order_no=order_no,
        customer_po=po, sku=sku, batch_code=batch, quantity=quantity, unit=unit,
        production_date=_parse_day(prod), material_lots=tuple(c for c in lots.split(",") if c),
        inspector=inspector,
    )


@dataclass(frozen=True)
class QrContent:
    """A verification link taken apart (nothing checked yet)."""

    cert_no: str
    data: bytes
    key_id: str
    signature: bytes


def qr_text(base_url: str, cert_no: str, data: bytes, key_id: str, signature: bytes) -> str:
    base = (base_url or DEFAULT_VERIFY_BASE).rstrip("/")
    return (f"{base}{VERIFY_PATH}{quote(cert_no, safe='-_.')}"
            f"?d={b64url(data)}&k={key_id}&s={b64url(signature)}")


def parse_qr(text: str) -> QrContent:
    """Take a scanned or pasted verification link apart.

    Accepts the link with any host (stations and phones may use different server names),
    surrounding whitespace and scanner suffixes (CR/LF/Tab). Raises PayloadError when
    the text is not an orderdesk certificate link.
    """
    cleaned = (text or "").strip()
    cleaned = _CONTROL.sub("", cleaned)
    if not cleaned:
        raise PayloadError("empty")
    parts = urlsplit(cleaned)
    marker = parts.path.rfind(VERIFY_PATH)
    if marker < 0 or not parts.query:
        raise PayloadError("not a verification link")
    cert_no = unquote(parts.path[marker + len(VERIFY_PATH):].strip("/"))
    query = parse_qs(parts.query, keep_blank_values=True)
    try:
        data = unb64url(query["d"][0])
        signature = unb64url(query["s"][0])
        key_id = query["k"][0]
    except (KeyError, IndexError, ValueError) as exc:
        raise PayloadError("missing or malformed d/k/s") from exc
    if not cert_no or not key_id:
        raise PayloadError("missing certificate number or key id")
    return QrContent(cert_no=cert_no, data=data, key_id=key_id, signature=signature)
