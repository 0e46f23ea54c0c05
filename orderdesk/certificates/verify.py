"""Is this certificate genuine, unchanged and still in force? Works offline at a station.

The decision, in order (each step ends it):
1. Not an orderdesk verification link (or malformed)      -> unknown  (not_a_certificate)
2. Signed by a key this database does not trust            -> unknown  (untrusted_key)
3. Signature does not match the fields in the code         -> tampered (bad_signature)
4. Number in the link differs from the signed number       -> tampered (number_mismatch)
5. Key retired before the certificate's issue date         -> tampered (key_retired)
6. No such certificate in this database                    -> unknown  (not_on_record;
   the signature is genuine but revocation cannot be checked here - sync, or ask the server)
7. The record's signed fields differ from the code's       -> tampered (record_mismatch)
8. Record revoked / superseded by a reissue                -> revoked
9. Online (a `remote` checker is given and answers): revoked there -> revoked; in force
   there turns "not_on_record" into valid; a revocation made here and not yet synced
   stands. An unreachable server leaves the local verdict (online_checked=False).
10. Otherwise                                              -> valid

The core makes no network calls: the UI or the server passes `remote`, a callable taking
the certificate number and returning the server's status ("issued"/"revoked"/
"superseded"/None for unknown) or raising OSError when unreachable.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from orderdesk.certificates.payload import KeyFields, PayloadError, parse_canonical, parse_qr
from orderdesk.certificates.service import trusted_keys
from orderdesk.certificates.signing import b64url, parse_trusted
from orderdesk.desk import Desk
from orderdesk.models import (
    Batch,
    BatchBinding,
    BatchMaterial,
    Certificate,
    Customer,
    MaterialLot,
    Order,
    Product,
)

STATUSES = ("valid", "tampered", "revoked", "unknown")

RemoteCheck = Callable[[str], str | None]


@dataclass(frozen=True)
class MaterialTrace:
    code: str
    grade: str
    supplier: str
    results: tuple[tuple[str, str, str, str, str], ...]   # item, standard, result, unit, verdict


@dataclass(frozen=True)
class BindingTrace:
    order_no: str
    quantity: Decimal
    active: bool
    bound_at: dt.datetime
    station: str | None


@dataclass(frozen=True)
class Trace:
    order_no: str
    customer_name: str
    customer_po: str
    sku: str
    product_name: str
    batch_code: str
    lot: str
    batch_quantity: Decimal
    production_date: dt.date | None
    expiry_date: dt.date | None
    bindings: tuple[BindingTrace, ...]
    materials: tuple[MaterialTrace, ...]


@dataclass(frozen=True)
class Verdict:
    status: str                       # valid | tampered | revoked | unknown
    reason: str                       # machine code of why (see module docstring)
    cert_no: str | None = None
    fields: KeyFields | None = None   # what the code says (only when it parsed)
    signature_ok: bool = False
    key_id: str | None = None
    key_kind: str | None = None
    record_status: str | None = None
    revoked_reason: str | None = None
    revoked_at: dt.datetime | None = None
    superseded_by: str | None = None
    trace: Trace | None = None
    online_checked: bool = False

    @property
    def valid(self) -> bool:
        return self.status == "valid"


def _held_here(key_id: str) -> bool:
    """Whether this machine holds the key's private half (the station that proposed it)."""
    from orderdesk.certificates.signing import local_keys
    from orderdesk.errors import OrderdeskError

    try:
        return any(k.key_id == key_id for k in local_keys())
    except OrderdeskError:
        return False


def verify_qr(desk: Desk, text: str, *, remote: RemoteCheck | None = None) -> Verdict:
    """Check a scanned or pasted certificate code (see the module docstring for the rule)."""
    try:
        qr = parse_qr(text)
    except PayloadError:
        return Verdict(status="unknown", reason="not_a_certificate")
    with desk.read() as s:
        trusted = parse_trusted(trusted_keys(s))
        key = trusted.get(qr.key_id)
        if key is not None and not key.trusted_at(desk.station) and not _held_here(key.key_id):
            key = None  # a station's key nobody approved yet, from elsewhere (issue 13)
        try:
            fields = parse_canonical(qr.data)
        except PayloadError:
            fields = None
        if key is None:
            return Verdict(status="unknown", reason="untrusted_key", cert_no=qr.cert_no,
                           fields=fields, key_id=qr.key_id)
        base = dict(cert_no=qr.cert_no, key_id=key.key_id, key_kind=key.kind)
        if not key.verify(qr.signature, qr.data) or fields is None:
            return Verdict(status="tampered", reason="bad_signature", fields=fields, **base)
        if fields.cert_no != qr.cert_no:
            return Verdict(status="tampered", reason="number_mismatch", fields=fields,
                           signature_ok=True, **base)
        if key.retired_at and fields.issued.isoformat() > key.retired_at[:10]:
            return Verdict(status="tampered", reason="key_retired", fields=fields,
                           signature_ok=True, **base)
        cert = s.scalar(select(Certificate).where(Certificate.number == fields.cert_no))
        if cert is None:
            verdict = Verdict(status="unknown", reason="not_on_record", fields=fields,
                              signature_ok=True, **base)
            return _with_remote(verdict, remote, fields.cert_no, on_record=False)
        trace = _trace(s, cert)
        superseded = None
        if cert.superseded_by_id:
            superseded = s.scalar(select(Certificate.number)
                                  .where(Certificate.id == cert.superseded_by_id))
        common = dict(fields=fields, signature_ok=True, record_status=cert.status,
                      revoked_reason=cert.revoked_reason, revoked_at=cert.revoked_at,
                      superseded_by=superseded, trace=trace, **base)
        if cert.payload != b64url(qr.data) or cert.key_id != qr.key_id:
            return Verdict(status="tampered", reason="record_mismatch", **common)
        if cert.status in ("revoked", "superseded"):
            verdict = Verdict(status="revoked", reason=cert.status, **common)
        else:
            verdict = Verdict(status="valid", reason="ok", **common)
    return _with_remote(verdict, remote, fields.cert_no, on_record=True)


def _with_remote(verdict: Verdict, remote: RemoteCheck | None, cert_no: str, *,
                 on_record: bool) -> Verdict:
    if remote is None:
        return verdict
    try:
        answer = remote(cert_no)
    except OSError:
        return verdict
    from dataclasses import replace

    if answer in ("revoked", "superseded"):
        return replace(verdict, status="revoked", reason=answer, record_status=answer,
                       online_checked=True)
    if answer == "issued":
        if verdict.status == "unknown" and verdict.reason == "not_on_record":
            # Genuine signature, and the server holds it in force.
            return replace(verdict, status="valid", reason="ok", record_status="issued",
                           online_checked=True)
        # A revocation made here and not yet synchronised still stands: revoked anywhere
        # means revoked.
        return replace(verdict, online_checked=True)
    # The server does not know it: a genuine signature with no record anywhere.
    return replace(verdict, status="unknown" if not on_record else verdict.status,
                   online_checked=True)


def _trace(s, cert: Certificate) -> Trace:  # type: ignore[no-untyped-def]
    batch = s.get(Batch, cert.batch_id)
    order = s.get(Order, cert.order_id)
    product = s.get(Product, batch.product_id)
    customer = s.get(Customer, order.customer_id) if order.customer_id else None
    bindings = s.execute(
        select(BatchBinding, Order.order_no).join(Order, Order.id == BatchBinding.order_id)
        .where(BatchBinding.batch_id == batch.id).order_by(BatchBinding.bound_at)).all()
    lots = s.scalars(
        select(MaterialLot).join(BatchMaterial, BatchMaterial.material_lot_id == MaterialLot.id)
        .where(BatchMaterial.batch_id == batch.id, BatchMaterial.active.is_(True))
        .order_by(MaterialLot.code)).all()
    materials = []
    for lot in lots:
        try:
            results = json.loads(lot.test_results or "[]")
        except ValueError:
            results = []
        materials.append(MaterialTrace(
            code=lot.code, grade=lot.material_grade, supplier=lot.supplier or "",
            results=tuple((str(r.get("item", "")), str(r.get("standard", "")),
                           str(r.get("result", "")), str(r.get("unit", "")),
                           str(r.get("verdict", ""))) for r in results if isinstance(r, dict))))
    return Trace(
        order_no=order.order_no, customer_name=customer.name if customer else "",
        customer_po=order.customer_po or "", sku=product.sku, product_name=product.name,
        batch_code=batch.code, lot=batch.lot or "", batch_quantity=Decimal(batch.quantity),
        production_date=batch.production_date, expiry_date=batch.expiry_date,
        bindings=tuple(BindingTrace(order_no=no, quantity=Decimal(b.quantity), active=b.active,
                                    bound_at=b.bound_at, station=b.station)
                       for b, no in bindings),
        materials=tuple(materials),
    )
