"""Quality certificates: issue, revoke, reissue, render; material lots; templates.

Every mutation is one `desk.write()` transaction, so the certificate row, its audit rows
and its sync outbox rows land together or not at all. Functions return frozen
dataclasses; nothing here touches Qt. Long jobs (`render_certificates` of a shipment)
take `abort` and `progress` and run on any thread.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from orderdesk.certificates import pdf
from orderdesk.certificates.payload import (
    DEFAULT_VERIFY_BASE,
    VERIFY_BASE_SETTING,
    KeyFields,
    qr_text,
)
from orderdesk.certificates.signing import (
    TRUSTED_KEY_PREFIX,
    SigningKey,
    b64url,
    generate_key,
    local_keys,
    parse_trusted,
    trusted_entry,
)
from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, OrderdeskError, ValidationFailed
from orderdesk.models import (
    Batch,
    BatchBinding,
    BatchMaterial,
    Blob,
    Certificate,
    CertificateTemplate,
    Customer,
    MaterialLot,
    NumberSequence,
    Order,
    OrderLine,
    Product,
    Setting,
    utcnow,
)
from orderdesk.tracking import add_audit
from orderdesk.quality.inspection import check_issuable, latest_inspections, person_name

_CHUNK = 500


class CertificateStateError(OrderdeskError):
    """The certificate is not in a state that allows this (e.g. revoking a revoked one)."""

    code = "certificate_state"


class ReasonRequired(OrderdeskError):
    code = "reason_required"


# -- rows returned to screens -----------------------------------------------------------
@dataclass(frozen=True)
class ReadyRow:
    """An active batch binding: a batch on an order line that can get a certificate."""

    binding_id: str
    order_id: str
    order_no: str
    customer_name: str
    customer_po: str
    status_warehouse: str
    sku: str
    product_name: str
    batch_id: str
    batch_code: str
    lot: str
    quantity: Decimal
    unit: str
    production_date: dt.date | None
    material_lots: tuple[str, ...]
    certificate_id: str | None
    certificate_no: str | None
    rush: bool = False
    inspection: str = ""          # result of the latest final inspection: pass | fail | ""
    inspector: str = ""
    blocks: tuple[str, ...] = ()  # codes that block signing now (orderdesk.quality)


@dataclass(frozen=True)
class CertificateRow:
    id: str
    number: str
    status: str
    order_id: str
    order_no: str
    customer_name: str
    sku: str
    product_name: str
    batch_id: str
    batch_code: str
    quantity: Decimal
    unit: str
    inspector: str
    issued_at: dt.datetime
    key_id: str
    qr_text: str
    revoked_reason: str | None
    reissued_from_no: str | None
    superseded_by_no: str | None
    printed_count: int
    binding_active: bool


@dataclass(frozen=True)
class IssueResult:
    certificates: tuple[CertificateRow, ...]
    created: int
    already_issued: int
    changes: Changes = field(default_factory=lambda: Changes(certificates=True))


@dataclass(frozen=True)
class TestItem:
    item: str
    standard: str = ""
    result: str = ""
    unit: str = ""
    verdict: str = ""


@dataclass(frozen=True)
class MaterialLotInput:
    code: str
    material_grade: str
    supplier: str = ""
    supplier_lot: str = ""
    received_date: dt.date | None = None
    report_no: str = ""
    results: tuple[TestItem, ...] = ()


@dataclass(frozen=True)
class MaterialLotRow:
    id: str
    code: str
    material_grade: str
    supplier: str
    supplier_lot: str
    received_date: dt.date | None
    report_no: str
    results: tuple[TestItem, ...]
    batch_count: int


@dataclass(frozen=True)
class TemplateInput:
    name: str
    customer_id: str | None = None
    language: str = "zh"
    company_name: str = ""
    company_address: str = ""
    fields: tuple[str, ...] = tuple(sorted(pdf.DEFAULT_FIELDS))
    rohs_text: str = ""
    footer_text: str = ""
    logo: bytes | None = None          # new logo content; None keeps the current one
    clear_logo: bool = False
    id: str | None = None              # set to edit an existing template


@dataclass(frozen=True)
class TemplateRow:
    id: str
    name: str
    customer_id: str | None
    customer_name: str | None
    language: str
    company_name: str
    company_address: str
    fields: tuple[str, ...]
    rohs_text: str
    footer_text: str
    logo_sha256: str | None
    active: bool


@dataclass(frozen=True)
class ImportReport:
    lots_created: int
    lots_updated: int
    test_rows: int
    changes: Changes = field(default_factory=lambda: Changes(certificates=True))


@dataclass(frozen=True)
class RenderReport:
    certificates: int
    pages: int


# -- keys -------------------------------------------------------------------------------
def trusted_keys(session: Session) -> dict:
    """{key id: entry} from the trusted-key settings (malformed rows are skipped)."""
    out = {}
    for key, value in session.execute(select(Setting.key, Setting.value)
                                      .where(Setting.key.startswith(TRUSTED_KEY_PREFIX))):
        try:
            entry = json.loads(value)
        except ValueError:
            continue
        if isinstance(entry, dict):
            out[key[len(TRUSTED_KEY_PREFIX):]] = entry
    return out


def _store_key(session: Session, key_id: str, entry: dict) -> None:
    text = json.dumps(entry, ensure_ascii=False, sort_keys=True)
    row = session.get(Setting, TRUSTED_KEY_PREFIX + key_id)
    if row is None:
        session.add(Setting(key=TRUSTED_KEY_PREFIX + key_id, value=text))
    elif row.value != text:
        row.value = text
    session.flush()


def register_key(session: Session, key: SigningKey, *, kind: str, station: str | None) -> None:
    """Trust a key's public half (audited; syncs to every station through settings)."""
    if key.key_id in trusted_keys(session):
        return      # already known (a retired key stays retired)
    _store_key(session, key.key_id, trusted_entry(key, kind, station).as_json())


def retire_key(session: Session, key_id: str, when: str | None = None) -> bool:
    """Stop trusting certificates a key signs after `when` (ISO time; default now)."""
    entry = trusted_keys(session).get(key_id)
    if entry is None:
        return False
    entry["retired_at"] = when or dt.datetime.now(dt.timezone.utc).replace(
        microsecond=0).isoformat()
    _store_key(session, key_id, entry)
    return True


def signing_key_for(session: Session, station: str) -> SigningKey:
    """The key this machine signs with; made and registered on first use.

    A key file in ORDERDESK_SIGNING_KEY (the server) registers as kind "server"; keys in
    the station's own keys folder as kind "station". A key an admin retired is never
    used again: the station makes a new one, which shows up as a new key in the trail.
    """
    trusted = parse_trusted(trusted_keys(session))
    env_path = os.environ.get("ORDERDESK_SIGNING_KEY")
    for key in local_keys():
        entry = trusted.get(key.key_id)
        if entry is not None and entry.retired_at:
            continue
        if entry is None:
            is_server = bool(env_path) and key.path is not None and \
                Path(env_path).resolve() == key.path.resolve()
            register_key(session, key, kind="server" if is_server else "station",
                         station=None if is_server else station)
        return key
    key = generate_key()
    register_key(session, key, kind="station", station=station)
    return key


# -- numbers, templates, facts ------------------------------------------------------------
def next_certificate_numbers(session: Session, count: int,
                             when: dt.datetime | None = None) -> list[str]:
    """`count` numbers QC-<year>-<6 digits> from a local counter, in one update, inside
    the write transaction (a rolled-back issue gives its numbers back)."""
    year = (when or utcnow()).year
    name = f"QC-{year}"
    seq = session.get(NumberSequence, name)
    if seq is None:
        seq = NumberSequence(name=name, next_value=1)
        session.add(seq)
        session.flush()
    first = seq.next_value
    session.execute(update(NumberSequence).where(NumberSequence.name == name)
                    .values(next_value=first + count))
    session.expire(seq)
    prefix = session.info.get("order_no_prefix", "")
    return [f"QC-{year}-{prefix}{value:06d}" for value in range(first, first + count)]


def next_certificate_no(session: Session, when: dt.datetime | None = None) -> str:
    return next_certificate_numbers(session, 1, when)[0]


def _template_for(session: Session, customer_id: str | None) -> CertificateTemplate | None:
    rows = session.scalars(
        select(CertificateTemplate).where(CertificateTemplate.active.is_(True))
        .order_by(CertificateTemplate.created_at)
    ).all()
    if customer_id:
        for row in rows:
            if row.customer_id == customer_id:
                return row
    for row in rows:
        if row.customer_id is None:
            return row
    return None


def _spec(session: Session, tpl: CertificateTemplate | None) -> pdf.TemplateSpec:
    if tpl is None:
        company = session.get(Setting, "company.name")
        name = json.loads(company.value) if company else ""
        return pdf.TemplateSpec(company_name=name if isinstance(name, str) else "")
    logo = session.get(Blob, tpl.logo_sha256).data if tpl.logo_sha256 else None
    return pdf.TemplateSpec(
        language=tpl.language, company_name=tpl.company_name,
        company_address=tpl.company_address or "", logo=logo,
        fields=frozenset(_json_list(tpl.fields)) or pdf.DEFAULT_FIELDS,
        rohs_text=tpl.rohs_text or None, footer_text=tpl.footer_text or None,
    )


def _json_list(text: str | None) -> list:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def _results(text: str | None) -> tuple[TestItem, ...]:
    out = []
    for r in _json_list(text):
        if isinstance(r, dict):
            out.append(TestItem(**{k: str(r.get(k) or "") for k in
                                   ("item", "standard", "result", "unit", "verdict")}))
    return tuple(out)


def _materials(session: Session, batch_id: str) -> list[MaterialLot]:
    return list(session.scalars(
        select(MaterialLot).join(BatchMaterial, BatchMaterial.material_lot_id == MaterialLot.id)
        .where(BatchMaterial.batch_id == batch_id, BatchMaterial.active.is_(True))
        .order_by(MaterialLot.code)))


def _verify_base(session: Session) -> str:
    row = session.get(Setting, VERIFY_BASE_SETTING)
    if row is None:
        return DEFAULT_VERIFY_BASE
    try:
        value = json.loads(row.value)
    except ValueError:
        return DEFAULT_VERIFY_BASE
    return value if isinstance(value, str) and value.startswith("http") else DEFAULT_VERIFY_BASE


def _inspector(desk: Desk, inspector: str | None) -> str:
    if inspector and inspector.strip():
        return person_name(inspector)[:60]
    if desk.user is not None:
        return person_name(desk.user.display_name or desk.user.username)[:60]
    return desk.actor.user


def _by_id(session: Session, model, ids: Iterable[str]) -> dict:  # type: ignore[no-untyped-def]
    wanted = list({i for i in ids if i})
    out = {}
    for i in range(0, len(wanted), _CHUNK):
        out.update({o.id: o for o in session.scalars(
            select(model).where(model.id.in_(wanted[i:i + _CHUNK])))})
    return out


def _issue_many(session: Session, bindings: Sequence[BatchBinding], *, inspector: str,
                station: str, key: SigningKey, base_url: str,
                reissued_from: Certificate | None = None) -> list[Certificate]:
    """Sign and store one certificate per binding; facts are loaded in bulk, so a
    shipment of a thousand batches costs a handful of queries, not thousands."""
    if not bindings:
        return []
    batches = _by_id(session, Batch, (b.batch_id for b in bindings))
    orders = _by_id(session, Order, (b.order_id for b in bindings))
    lines = _by_id(session, OrderLine, (b.order_line_id for b in bindings))
    products = _by_id(session, Product, (x.product_id for x in batches.values()))
    customers = _by_id(session, Customer, (o.customer_id for o in orders.values()))
    materials: dict[str, list[MaterialLot]] = {}
    batch_ids = list(batches)
    for i in range(0, len(batch_ids), _CHUNK):
        for bid, lot in session.execute(
                select(BatchMaterial.batch_id, MaterialLot)
                .join(MaterialLot, MaterialLot.id == BatchMaterial.material_lot_id)
                .where(BatchMaterial.batch_id.in_(batch_ids[i:i + _CHUNK]),
                       BatchMaterial.active.is_(True))
                .order_by(MaterialLot.code)):
            materials.setdefault(bid, []).append(lot)
    templates: dict[str | None, CertificateTemplate | None] = {}
    now = utcnow()
    numbers = next_certificate_numbers(session, len(bindings), now)
    made = []
    for order in orders.values():
        if order.cancelled or order.merged_into_id:
            raise CertificateStateError(order=order.order_no, state="order_cancelled")
    passed_by = {bid: row.inspector for bid, row in latest_inspections(session, batch_ids).items()
                 if row.result == "pass"}
    for binding, number in zip(bindings, numbers):
        batch = batches[binding.batch_id]
        # The certificate names who inspected the batch (the inspection record), not
        # whoever clicked "issue", and never with a department prefix.
        signer = passed_by.get(batch.id) or inspector
        order = orders[binding.order_id]
        line = lines.get(binding.order_line_id)
        product = products[batch.product_id]
        customer = customers.get(order.customer_id)
        lots = materials.get(batch.id, [])
        unit = (line.unit if line else None) or product.unit or "pcs"
        fields_ = KeyFields(
            cert_no=number, issued=now.date(), customer_code=customer.code if customer else "",
            order_no=order.order_no, customer_po=order.customer_po or "", sku=product.sku,
            batch_code=batch.code, quantity=Decimal(binding.quantity), unit=unit,
            production_date=batch.production_date,
            material_lots=tuple(m.code for m in lots), inspector=signer,
        )
        data = fields_.canonical()
        signature = key.sign(data)
        snapshot = {
            "customer_name": customer.name if customer else (order.contact_name or ""),
            "customer_code": customer.code if customer else "",
            "product_name": product.name, "spec": product.spec or "",
            "lot": batch.lot or "",
            "expiry_date": batch.expiry_date.isoformat() if batch.expiry_date else None,
            "material": [
                {"lot_code": m.code, "grade": m.material_grade, "supplier": m.supplier or "",
                 "results": [r.__dict__ for r in _results(m.test_results)]}
                for m in lots
            ],
            "reissued_from": reissued_from.number if reissued_from else None,
        }
        if order.customer_id not in templates:
            templates[order.customer_id] = _template_for(session, order.customer_id)
        tpl = templates[order.customer_id]
        cert = Certificate(
            number=number, batch_id=batch.id, binding_id=binding.id, order_id=order.id,
            order_line_id=binding.order_line_id, template_id=tpl.id if tpl else None,
            payload=b64url(data), signature=b64url(signature), key_id=key.key_id,
            qr_text=qr_text(base_url, number, data, key.key_id, signature),
            snapshot=json.dumps(snapshot, ensure_ascii=False), status="issued",
            inspector=signer, issued_at=now, issued_by=session.info["actor"].user,
            station=station, reissued_from_id=reissued_from.id if reissued_from else None,
            printed_count=0,
        )
        session.add(cert)
        made.append(cert)
    session.flush()
    return made


def _row_query():  # type: ignore[no-untyped-def]
    return (select(Certificate, Order.order_no, Customer.name, Product.sku, Product.name,
                   Batch.code, BatchBinding.quantity, BatchBinding.active, OrderLine.unit)
            .join(Order, Order.id == Certificate.order_id)
            .outerjoin(Customer, Customer.id == Order.customer_id)
            .join(Batch, Batch.id == Certificate.batch_id)
            .join(Product, Product.id == Batch.product_id)
            .outerjoin(BatchBinding, BatchBinding.id == Certificate.binding_id)
            .outerjoin(OrderLine, OrderLine.id == Certificate.order_line_id))


def _rows(session: Session, query) -> list[CertificateRow]:  # type: ignore[no-untyped-def]
    results = session.execute(query).all()
    ids = {r[0].reissued_from_id for r in results} | {r[0].superseded_by_id for r in results}
    ids.discard(None)
    numbers = dict(session.execute(select(Certificate.id, Certificate.number)
                                   .where(Certificate.id.in_(ids))).all()) if ids else {}
    out = []
    for cert, order_no, cust, sku, pname, bcode, qty, active, unit in results:
        payload_qty = qty
        if payload_qty is None:
            payload_qty = Decimal(0)
        out.append(CertificateRow(
            id=cert.id, number=cert.number, status=cert.status, order_id=cert.order_id,
            order_no=order_no, customer_name=cust or "", sku=sku, product_name=pname,
            batch_id=cert.batch_id, batch_code=bcode, quantity=Decimal(payload_qty),
            unit=unit or "pcs", inspector=cert.inspector, issued_at=cert.issued_at,
            key_id=cert.key_id, qr_text=cert.qr_text, revoked_reason=cert.revoked_reason,
            reissued_from_no=numbers.get(cert.reissued_from_id),
            superseded_by_no=numbers.get(cert.superseded_by_id),
            printed_count=cert.printed_count or 0, binding_active=bool(active),
        ))
    return out


def _get_cert(session: Session, cert_id: str) -> Certificate:
    cert = session.get(Certificate, cert_id)
    if cert is None:
        cert = session.scalar(select(Certificate).where(Certificate.number == cert_id))
    if cert is None:
        raise NotFound(entity="certificate", key=cert_id)
    return cert


# -- issuing ------------------------------------------------------------------------------
def issue_for_bindings(desk: Desk, binding_ids: Sequence[str], *,
                       inspector: str | None = None) -> IssueResult:
    """Issue one certificate per active binding that has none in force yet.

    Bindings that already have an issued certificate keep it (counted, not re-issued),
    so running it twice is harmless. One transaction for all.
    """
    desk.require("certificate.issue")
    who = _inspector(desk, inspector)
    made: list[str] = []
    existing: list[str] = []
    with desk.write() as s:
        key = signing_key_for(s, desk.station)
        found = _by_id(s, BatchBinding, binding_ids)
        in_force: dict[str, str] = {}
        wanted = list(found)
        for i in range(0, len(wanted), _CHUNK):
            in_force.update(dict(s.execute(select(Certificate.binding_id, Certificate.id).where(
                Certificate.binding_id.in_(wanted[i:i + _CHUNK]),
                Certificate.status == "issued")).all()))
        todo: list[BatchBinding] = []
        for binding_id in dict.fromkeys(binding_ids):
            binding = found.get(binding_id)
            if binding is None:
                raise NotFound(entity="batch_binding", key=binding_id)
            if not binding.active:
                raise CertificateStateError(binding=binding_id, state="unbound")
            if binding_id in in_force:
                existing.append(in_force[binding_id])
            else:
                todo.append(binding)
        # No signature without a passed inspection and a traceable material of the
        # specified grade (or a supervisor's recorded override): orderdesk.quality.
        check_issuable(s, todo)
        new = _issue_many(s, todo, inspector=who, station=desk.station, key=key,
                          base_url=_verify_base(s))
        made = [c.id for c in new]
        by_binding = {**in_force, **{c.binding_id: c.id for c in new}}
        ordered = [by_binding[b] for b in dict.fromkeys(binding_ids)]
    rows = list_certificates(desk, ids=ordered)
    return IssueResult(certificates=tuple(rows), created=len(made), already_issued=len(existing))


def active_bindings(session: Session, order_id: str) -> list[str]:
    return list(session.scalars(
        select(BatchBinding.id).join(OrderLine, OrderLine.id == BatchBinding.order_line_id)
        .where(BatchBinding.order_id == order_id, BatchBinding.active.is_(True))
        .order_by(OrderLine.line_no, BatchBinding.bound_at)))


def issue_for_order(desk: Desk, order_id: str, *, inspector: str | None = None) -> IssueResult:
    """Certificates for every batch bound to the order (new ones only where missing)."""
    with desk.read() as s:
        if s.get(Order, order_id) is None:
            raise NotFound(entity="order", key=order_id)
        bindings = active_bindings(s, order_id)
    if not bindings:
        raise CertificateStateError(order=order_id, state="no_bound_batches")
    return issue_for_bindings(desk, bindings, inspector=inspector)


def revoke_certificate(desk: Desk, cert_id: str, reason: str) -> Changes:
    """Withdraw a certificate (it then verifies as revoked everywhere after sync)."""
    desk.require("certificate.revoke")
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired(action="revoke")
    with desk.write() as s:
        cert = _get_cert(s, cert_id)
        if cert.status != "issued":
            raise CertificateStateError(number=cert.number, state=cert.status)
        cert.status = "revoked"
        cert.revoked_at = utcnow()
        cert.revoked_by = s.info["actor"].user
        cert.revoked_reason = reason[:400]
    return Changes(certificates=True)


def reissue_certificate(desk: Desk, cert_id: str, reason: str, *,
                        inspector: str | None = None) -> CertificateRow:
    """Replace a certificate by a new one from today's facts (e.g. a corrected material
    report). The old one becomes "superseded" (verifies as revoked) and points to the new."""
    desk.require("certificate.revoke")
    desk.require("certificate.issue")
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired(action="reissue")
    who = _inspector(desk, inspector)
    with desk.write() as s:
        old = _get_cert(s, cert_id)
        if old.status == "superseded":
            raise CertificateStateError(number=old.number, state=old.status)
        binding = s.get(BatchBinding, old.binding_id) if old.binding_id else None
        if binding is None or not binding.active:
            raise CertificateStateError(number=old.number, state="unbound")
        key = signing_key_for(s, desk.station)
        check_issuable(s, [binding])
        (new,) = _issue_many(s, [binding], inspector=who, station=desk.station, key=key,
                             base_url=_verify_base(s), reissued_from=old)
        old.status = "superseded"
        old.superseded_by_id = new.id
        if old.revoked_at is None:
            old.revoked_at = utcnow()
            old.revoked_by = s.info["actor"].user
        old.revoked_reason = reason[:400]
        new_id = new.id
    return list_certificates(desk, ids=[new_id])[0]


# -- reading ------------------------------------------------------------------------------
def list_certificates(desk: Desk, *, ids: Sequence[str] | None = None, order_id: str | None = None,
                      search: str = "", status: str | None = None,
                      limit: int = 1000) -> list[CertificateRow]:
    with desk.read() as s:
        if ids is not None:
            out: list[CertificateRow] = []
            for i in range(0, len(ids), _CHUNK):
                chunk = list(ids[i:i + _CHUNK])
                out.extend(_rows(s, _row_query().where(Certificate.id.in_(chunk))))
            order = {cid: n for n, cid in enumerate(ids)}
            return sorted(out, key=lambda r: order.get(r.id, 0))
        q = _row_query()
        if order_id:
            q = q.where(Certificate.order_id == order_id)
        if status:
            q = q.where(Certificate.status == status)
        text = search.strip()
        if text:
            like = f"%{text}%"
            q = q.where(Certificate.number.ilike(like) | Order.order_no.ilike(like)
                        | Batch.code.ilike(like) | Customer.name.ilike(like)
                        | Product.sku.ilike(like) | Order.customer_po.ilike(like))
        q = q.order_by(Certificate.issued_at.desc(), Certificate.number.desc()).limit(limit)
        return _rows(s, q)


def ready_for_certificates(desk: Desk, *, search: str = "", only_missing: bool = False,
                           limit: int = 500) -> list[ReadyRow]:
    """Active bindings with the certificate in force, if any: rush orders first (their
    goods wait for this paper), then newest first."""
    with desk.read() as s:
        q = (select(BatchBinding, Order.order_no, Order.customer_po, Order.status_warehouse,
                    Customer.name, Product.sku, Product.name, Batch, OrderLine.unit,
                    Certificate.id, Certificate.number, Order.rush)
             .join(Order, Order.id == BatchBinding.order_id)
             .outerjoin(Customer, Customer.id == Order.customer_id)
             .join(Batch, Batch.id == BatchBinding.batch_id)
             .join(Product, Product.id == Batch.product_id)
             .join(OrderLine, OrderLine.id == BatchBinding.order_line_id)
             .outerjoin(Certificate, (Certificate.binding_id == BatchBinding.id)
                        & (Certificate.status == "issued"))
             .where(BatchBinding.active.is_(True), Order.cancelled.is_(False)))
        text = search.strip()
        if text:
            like = f"%{text}%"
            q = q.where(Order.order_no.ilike(like) | Batch.code.ilike(like)
                        | Customer.name.ilike(like) | Product.sku.ilike(like)
                        | Order.customer_po.ilike(like) | Certificate.number.ilike(like))
        if only_missing:
            q = q.where(Certificate.id.is_(None))
        rows = s.execute(q.order_by(Order.rush.desc(), BatchBinding.bound_at.desc())
                         .limit(limit)).all()
        batch_ids = list({r[7].id for r in rows})
        lots: dict[str, list[str]] = {}
        for i in range(0, len(batch_ids), _CHUNK):
            for bid, code in s.execute(
                    select(BatchMaterial.batch_id, MaterialLot.code)
                    .join(MaterialLot, MaterialLot.id == BatchMaterial.material_lot_id)
                    .where(BatchMaterial.batch_id.in_(batch_ids[i:i + _CHUNK]),
                           BatchMaterial.active.is_(True))):
                lots.setdefault(bid, []).append(code)
        inspections = latest_inspections(s, batch_ids)
        from orderdesk.quality.inspection import binding_blocks

        blocks = {st.binding_id: tuple(b.code for b in st.blocks)
                  for st in binding_blocks(s, [r[0] for r in rows if r[9] is None])}
        return [ReadyRow(
            binding_id=b.id, order_id=b.order_id, order_no=order_no, customer_name=cust or "",
            customer_po=po or "", status_warehouse=wh, sku=sku, product_name=pname,
            batch_id=batch.id, batch_code=batch.code, lot=batch.lot or "",
            quantity=Decimal(b.quantity), unit=unit or "pcs",
            production_date=batch.production_date,
            material_lots=tuple(sorted(lots.get(batch.id, []))), certificate_id=cid,
            certificate_no=cno, rush=bool(rush),
            inspection=inspections[batch.id].result if batch.id in inspections else "",
            inspector=inspections[batch.id].inspector if batch.id in inspections else "",
            blocks=blocks.get(b.id, ()),
        ) for b, order_no, po, wh, cust, sku, pname, batch, unit, cid, cno, rush in rows]


def certificate_for_batch(desk: Desk, batch_code: str) -> list[CertificateRow]:
    with desk.read() as s:
        return _rows(s, _row_query().where(Batch.code == batch_code)
                     .order_by(Certificate.issued_at.desc()))


# -- rendering and printing -----------------------------------------------------------------
def _content(session: Session, cert: Certificate) -> tuple[pdf.CertificateContent, pdf.TemplateSpec]:
    from orderdesk.certificates.payload import parse_canonical
    from orderdesk.certificates.signing import unb64url

    f = parse_canonical(unb64url(cert.payload))
    snap = json.loads(cert.snapshot)
    material = tuple(
        pdf.MaterialReport(lot_code=m["lot_code"], grade=m.get("grade", ""),
                           supplier=m.get("supplier", ""),
                           results=tuple(pdf.TestResult(**r) for r in m.get("results", [])))
        for m in snap.get("material", []))
    expiry = snap.get("expiry_date")
    content = pdf.CertificateContent(
        cert_no=cert.number, issued=f.issued, customer_name=snap.get("customer_name", ""),
        customer_code=f.customer_code, order_no=f.order_no, customer_po=f.customer_po,
        sku=f.sku, product_name=snap.get("product_name", ""), spec=snap.get("spec", ""),
        batch_code=f.batch_code, lot=snap.get("lot", ""), quantity=f.quantity, unit=f.unit,
        production_date=f.production_date,
        expiry_date=dt.date.fromisoformat(expiry) if expiry else None,
        inspector=f.inspector, qr_text=cert.qr_text, material=material, status=cert.status,
        reissued_from=snap.get("reissued_from"),
    )
    tpl = session.get(CertificateTemplate, cert.template_id) if cert.template_id else None
    if tpl is None or not tpl.active:
        order = session.get(Order, cert.order_id)
        tpl = _template_for(session, order.customer_id if order else None)
    return content, _spec(session, tpl)


def load_contents(desk: Desk, cert_ids: Sequence[str], *, abort: threading.Event | None = None,
                  ) -> list[tuple[pdf.CertificateContent, pdf.TemplateSpec]]:
    """What to draw for these certificates, in the order given (ids or numbers)."""
    out = []
    with desk.read() as s:
        specs: dict[str | None, pdf.TemplateSpec] = {}
        for i in range(0, len(cert_ids), _CHUNK):
            if abort is not None and abort.is_set():
                raise pdf.RenderCancelled(done=0, total=len(cert_ids))
            chunk = list(cert_ids[i:i + _CHUNK])
            certs = {c.id: c for c in s.scalars(select(Certificate).where(
                Certificate.id.in_(chunk) | Certificate.number.in_(chunk)))}
            by_no = {c.number: c for c in certs.values()}
            for cid in chunk:
                cert = certs.get(cid) or by_no.get(cid)
                if cert is None:
                    raise NotFound(entity="certificate", key=cid)
                content, spec = _content(s, cert)
                # Templates (and their logos) are shared by many pages: keep one object.
                spec = specs.setdefault(cert.template_id, spec)
                out.append((content, spec))
    return out


def render_certificates(desk: Desk, cert_ids: Sequence[str], out: Path | BinaryIO, *,
                        abort: threading.Event | None = None,
                        progress: Callable[[int, int], None] | None = None,
                        link_for: Callable[[str], str | None] | None = None) -> RenderReport:
    """All these certificates into one PDF (e.g. a whole shipment), in the order given.

    A file is written to a temporary name beside `out` and moved into place at the end,
    so a cancelled or failed run never leaves a half PDF under the real name.
    `link_for(order_no) -> URL` (a station's share-link provider) adds each order's
    live-status QR; when the server cannot be reached the certificates print without it.
    """
    desk.require("order.read")
    items = load_contents(desk, cert_ids, abort=abort)
    if link_for is not None:
        items = _with_status_links(items, link_for)
    if isinstance(out, Path):
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".certs-", suffix=".pdf", dir=out.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pages = pdf.render(items, fh, abort=abort, progress=progress)
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    else:
        pages = pdf.render(items, out, abort=abort, progress=progress)
    return RenderReport(certificates=len(items), pages=pages)


def _with_status_links(items, link_for):  # type: ignore[no-untyped-def]
    import dataclasses

    urls: dict[str, str | None] = {}
    out = []
    for content, spec in items:
        if content.order_no not in urls:
            try:
                urls[content.order_no] = link_for(content.order_no)
            except Exception:  # noqa: BLE001 - no server: the certificate still prints
                urls[content.order_no] = None
        url = urls[content.order_no]
        out.append((dataclasses.replace(content, status_url=url) if url else content, spec))
    return out


def certificate_pdf(desk: Desk, cert_id: str) -> bytes:
    """One certificate as PDF bytes (preview)."""
    import io

    buf = io.BytesIO()
    render_certificates(desk, [cert_id], buf)
    return buf.getvalue()


def record_output(desk: Desk, cert_ids: Iterable[str], *, action: str, target: str) -> Changes:
    """Note that certificates were printed or exported (audit row each; print count)."""
    with desk.write() as s:
        for cid in cert_ids:
            cert = _get_cert(s, cid)
            if action == "print":
                cert.printed_count = (cert.printed_count or 0) + 1
            add_audit(s, action=action, entity="certificates", entity_id=cert.id,
                      new={"number": cert.number, "target": target})
    return Changes(certificates=True)


# -- material lots --------------------------------------------------------------------------
def _lot_row(session: Session, lot: MaterialLot) -> MaterialLotRow:
    count = len(session.scalars(select(BatchMaterial.id).where(
        BatchMaterial.material_lot_id == lot.id, BatchMaterial.active.is_(True))).all())
    return MaterialLotRow(
        id=lot.id, code=lot.code, material_grade=lot.material_grade, supplier=lot.supplier or "",
        supplier_lot=lot.supplier_lot or "", received_date=lot.received_date,
        report_no=lot.report_no or "", results=_results(lot.test_results), batch_count=count)


def _validate_lot(inp: MaterialLotInput) -> None:
    if not inp.code.strip():
        raise ValidationFailed(field="code", value=inp.code, reason="required")
    if not inp.material_grade.strip():
        raise ValidationFailed(field="material_grade", value=inp.code, reason="required")
    for r in inp.results:
        if not r.item.strip():
            raise ValidationFailed(field="item", value=inp.code, reason="required")


def upsert_material_lot(session: Session, inp: MaterialLotInput) -> tuple[MaterialLot, bool]:
    _validate_lot(inp)
    code = inp.code.strip()
    lot = session.scalar(select(MaterialLot).where(MaterialLot.code == code))
    created = lot is None
    if lot is None:
        lot = MaterialLot(code=code)
        session.add(lot)
    lot.material_grade = inp.material_grade.strip()
    lot.supplier = inp.supplier.strip() or None
    lot.supplier_lot = inp.supplier_lot.strip() or None
    lot.received_date = inp.received_date
    lot.report_no = inp.report_no.strip() or None
    lot.test_results = json.dumps([r.__dict__ for r in inp.results], ensure_ascii=False)
    lot.active = True
    session.flush()
    return lot, created


def save_material_lot(desk: Desk, inp: MaterialLotInput) -> MaterialLotRow:
    desk.require("certificate.issue")
    with desk.write() as s:
        lot, _ = upsert_material_lot(s, inp)
        return _lot_row(s, lot)


def list_material_lots(desk: Desk, search: str = "", limit: int = 500) -> list[MaterialLotRow]:
    with desk.read() as s:
        q = select(MaterialLot).where(MaterialLot.active.is_(True))
        if search.strip():
            like = f"%{search.strip()}%"
            q = q.where(MaterialLot.code.ilike(like) | MaterialLot.material_grade.ilike(like)
                        | MaterialLot.supplier.ilike(like))
        return [_lot_row(s, lot) for lot in
                s.scalars(q.order_by(MaterialLot.created_at.desc()).limit(limit))]


def link_materials(desk: Desk, batch_code: str, lot_codes: Sequence[str]) -> Changes:
    """Record that a batch was made from these material lots (trace to the certificate)."""
    desk.require("certificate.issue")
    with desk.write() as s:
        batch = s.scalar(select(Batch).where(Batch.code == batch_code.strip()))
        if batch is None:
            raise NotFound(entity="batch", key=batch_code)
        for code in lot_codes:
            lot = s.scalar(select(MaterialLot).where(MaterialLot.code == code.strip()))
            if lot is None:
                raise NotFound(entity="material_lot", key=code)
            link = s.scalar(select(BatchMaterial).where(
                BatchMaterial.batch_id == batch.id, BatchMaterial.material_lot_id == lot.id))
            if link is None:
                s.add(BatchMaterial(batch_id=batch.id, material_lot_id=lot.id,
                                    linked_by=s.info["actor"].user))
            elif not link.active:
                link.active = True
                link.linked_at = utcnow()
                link.linked_by = s.info["actor"].user
    return Changes(certificates=True)


def unlink_material(desk: Desk, batch_code: str, lot_code: str) -> Changes:
    desk.require("certificate.issue")
    with desk.write() as s:
        link = s.scalar(
            select(BatchMaterial).join(Batch, Batch.id == BatchMaterial.batch_id)
            .join(MaterialLot, MaterialLot.id == BatchMaterial.material_lot_id)
            .where(Batch.code == batch_code, MaterialLot.code == lot_code))
        if link is None or not link.active:
            raise NotFound(entity="batch_material", key=f"{batch_code}/{lot_code}")
        link.active = False
    return Changes(certificates=True)


def batch_materials(desk: Desk, batch_code: str) -> list[MaterialLotRow]:
    with desk.read() as s:
        batch = s.scalar(select(Batch).where(Batch.code == batch_code))
        if batch is None:
            raise NotFound(entity="batch", key=batch_code)
        return [_lot_row(s, lot) for lot in _materials(s, batch.id)]


def import_material_lots(desk: Desk, path: Path) -> ImportReport:
    """Material lots and their test results from Excel/CSV; all rows or none."""
    from orderdesk.certificates.materials_import import read_material_sheet

    desk.require("certificate.issue")
    lots = read_material_sheet(path)
    created = updated = 0
    with desk.write() as s:
        for inp in lots:
            _, was_new = upsert_material_lot(s, inp)
            created += was_new
            updated += not was_new
        add_audit(s, action="import", entity="material_lots", new={
            "file": Path(path).name, "lots": len(lots)})
    return ImportReport(lots_created=created, lots_updated=updated,
                        test_rows=sum(len(lot.results) for lot in lots))


# -- templates ------------------------------------------------------------------------------
def _template_row(session: Session, t: CertificateTemplate) -> TemplateRow:
    cust = session.get(Customer, t.customer_id) if t.customer_id else None
    return TemplateRow(
        id=t.id, name=t.name, customer_id=t.customer_id, customer_name=cust.name if cust else None,
        language=t.language, company_name=t.company_name, company_address=t.company_address or "",
        fields=tuple(_json_list(t.fields)), rohs_text=t.rohs_text or "",
        footer_text=t.footer_text or "", logo_sha256=t.logo_sha256, active=t.active)


def save_template(desk: Desk, inp: TemplateInput) -> TemplateRow:
    """Create or edit a certificate template (quality staff; no code)."""
    from orderdesk.services.orders import store_blob

    desk.require("settings.templates")
    if not inp.name.strip():
        raise ValidationFailed(field="name", value=inp.name, reason="required")
    if inp.language not in ("zh", "en"):
        raise ValidationFailed(field="language", value=inp.language, reason="unsupported")
    unknown = set(inp.fields) - set(pdf.FIELD_KEYS)
    if unknown:
        raise ValidationFailed(field="fields", value=",".join(sorted(unknown)), reason="unknown")
    if inp.logo is not None:
        _check_logo(inp.logo)
    with desk.write() as s:
        if inp.customer_id and s.get(Customer, inp.customer_id) is None:
            raise ValidationFailed(field="customer", value=inp.customer_id, reason="unknown")
        if inp.id:
            t = s.get(CertificateTemplate, inp.id)
            if t is None:
                raise NotFound(entity="certificate_template", key=inp.id)
        else:
            t = CertificateTemplate()
            s.add(t)
        t.name = inp.name.strip()
        t.customer_id = inp.customer_id
        t.language = inp.language
        t.company_name = inp.company_name.strip()
        t.company_address = inp.company_address.strip() or None
        t.fields = json.dumps([k for k in pdf.FIELD_KEYS if k in set(inp.fields)])
        t.rohs_text = inp.rohs_text.strip() or None
        t.footer_text = inp.footer_text.strip() or None
        if inp.logo is not None:
            t.logo_sha256 = store_blob(s, inp.logo)
        elif inp.clear_logo:
            t.logo_sha256 = None
        t.active = True
        s.flush()
        return _template_row(s, t)


def _check_logo(data: bytes) -> None:
    from PIL import Image, UnidentifiedImageError
    import io

    if len(data) > 2_000_000:
        raise ValidationFailed(field="logo", value=f"{len(data)} bytes", reason="too_large")
    try:
        with Image.open(io.BytesIO(data)) as im:
            im.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValidationFailed(field="logo", value="", reason="not_an_image") from exc


def set_template_active(desk: Desk, template_id: str, active: bool) -> Changes:
    desk.require("settings.templates")
    with desk.write() as s:
        t = s.get(CertificateTemplate, template_id)
        if t is None:
            raise NotFound(entity="certificate_template", key=template_id)
        t.active = active
    return Changes(certificates=True)


def list_templates(desk: Desk, *, include_inactive: bool = False) -> list[TemplateRow]:
    with desk.read() as s:
        q = select(CertificateTemplate).order_by(CertificateTemplate.created_at)
        if not include_inactive:
            q = q.where(CertificateTemplate.active.is_(True))
        return [_template_row(s, t) for t in s.scalars(q)]


def template_logo(desk: Desk, template_id: str) -> bytes | None:
    with desk.read() as s:
        t = s.get(CertificateTemplate, template_id)
        if t is None or not t.logo_sha256:
            return None
        return s.get(Blob, t.logo_sha256).data


def sample_content(qr: str = "https://orderdesk.local/v/QC-SAMPLE") -> pdf.CertificateContent:
    """Placeholder facts for a template preview (nothing signed, marked as a sample)."""
    return pdf.CertificateContent(
        cert_no="QC-SAMPLE", issued=dt.date.today(), customer_name="示例客户有限公司",
        customer_code="C000", order_no="SO-0000-000000", customer_po="PO-SAMPLE", sku="SKU-0001",
        product_name="示例产品", spec="PA66+GF30", batch_code="B-SAMPLE", lot="L-SAMPLE",
        quantity=Decimal(1000), unit="pcs", production_date=dt.date.today(), expiry_date=None,
        inspector="—", qr_text=qr,
        material=(pdf.MaterialReport("ML-SAMPLE", "PA66+GF30", "—", (
            pdf.TestResult("拉伸强度", "≥ 170 MPa", "186", "MPa", "合格"),)),),
    )


def template_preview(desk: Desk, inp: TemplateInput) -> bytes:
    """A sample certificate drawn with an unsaved template, for the editor's preview."""
    logo = inp.logo
    if logo is None and inp.id and not inp.clear_logo:
        logo = template_logo(desk, inp.id)
    spec = pdf.TemplateSpec(language=inp.language, company_name=inp.company_name,
                            company_address=inp.company_address, logo=logo,
                            fields=frozenset(inp.fields), rohs_text=inp.rohs_text or None,
                            footer_text=inp.footer_text or None)
    return pdf.render_bytes([(sample_content(), spec)])


@dataclass(frozen=True)
class CustomerChoice:
    id: str
    code: str
    name: str


def customer_choices(desk: Desk, limit: int = 5000) -> list[CustomerChoice]:
    """Active customers, for choosing whose template this is."""
    with desk.read() as s:
        return [CustomerChoice(id=i, code=c, name=n) for i, c, n in s.execute(
            select(Customer.id, Customer.code, Customer.name).where(Customer.active.is_(True))
            .order_by(Customer.code).limit(limit))]
