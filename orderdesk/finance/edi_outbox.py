"""EDI partners, the EDI outbox and its delivery states.

States of a message: `pending` (waiting for its first or next attempt, `next_attempt_at`
says when), `sending` (claimed by a sender; the claim is committed before any byte
leaves, so a sender that dies mid-send leaves a claim that expires after LEASE and the
message is sent again), `sent` (handed to the partner's drop folder, waiting for an
acknowledgement), `acknowledged` (HTTP 2xx from the partner, or a CONTRL/APERAK found
for it), `error` (given up after MAX_ATTEMPTS or refused by the partner for good; shown
to finance with the partner's text, retried or cancelled by hand, audited),
`cancelled`.

Exactly once: a message's bytes are fixed when it is queued, and every attempt carries
its interchange control reference as the idempotency key (HTTP header
`Idempotency-Key`, the drop folder's file name). A resend after a lost answer or a
restart is therefore recognised by the partner as the same interchange.

No network here (the core never imports HTTP libraries): the transports are in
orderdesk.sync.server.edi_sender, which calls claim_due / record_* below.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, ValidationFailed
from orderdesk.finance import edi_build, numbers
from orderdesk.finance.edi_build import DocLine, Document, Party, PartnerSettings
from orderdesk.finance.errors import EdiError
from orderdesk.models import Customer, Order, Product, utcnow
from orderdesk.models.finance import (
    EdiMessage,
    EdiPartner,
    Invoice,
    InvoiceLine,
    InvoiceRule,
    Shipment,
    ShipmentLine,
)
from orderdesk.tracking import add_audit

STATES = ("pending", "sending", "sent", "acknowledged", "error", "cancelled")
OPEN_STATES = ("pending", "sending")
BACKOFF_BASE_S = 30
BACKOFF_MAX_S = 3600
MAX_ATTEMPTS = 10
LEASE_S = 120


def backoff(attempts: int, base: float = BACKOFF_BASE_S, cap: float = BACKOFF_MAX_S) -> float:
    """Seconds to wait after the `attempts`-th failure: base, 2×base, 4×base ... ≤ cap."""
    return float(min(cap, base * 2 ** max(0, attempts - 1)))


# ---- partners ------------------------------------------------------------------------

@dataclass(frozen=True)
class PartnerView:
    customer_code: str
    profile: str
    url: str
    sender_id: str
    sender_qualifier: str | None
    recipient_id: str
    recipient_qualifier: str | None
    syntax: str
    association: str | None
    active: bool


def _settings(p: EdiPartner) -> PartnerSettings:
    return PartnerSettings(p.profile, p.sender_id, p.recipient_id, p.sender_qualifier,
                           p.recipient_qualifier, p.syntax, p.association, p.test_indicator)


def _check_url(url: str) -> str:
    url = (url or "").strip()
    if url.startswith(("https://", "http://", "file://", "/")):
        return url
    raise ValidationFailed(field="url", value=url, reason="https_or_folder")


def set_partner(desk: Desk, customer_code: str, url: str, *, profile: str | None = None,
                sender_id: str | None = None, recipient_id: str | None = None,
                sender_qualifier: str | None = None, recipient_qualifier: str | None = None,
                syntax: str | None = None, association: str | None = None,
                active: bool = True) -> PartnerView:
    """Where a customer's messages go (HTTPS POST endpoint or drop folder) and how they
    are addressed. Unset ids keep their value (a new partner gets the customer code)."""
    desk.require("edi.manage")
    url = _check_url(url)
    with desk.write() as s:
        customer = s.scalar(select(Customer).where(Customer.code == customer_code.strip()))
        if customer is None:
            raise NotFound(entity="customer", key=customer_code)
        row = s.scalar(select(EdiPartner).where(EdiPartner.customer_id == customer.id))
        if row is None:
            row = EdiPartner(customer_id=customer.id, profile=profile or edi_build.DEFAULT_PROFILE,
                             url=url, sender_id=sender_id or "ORDERDESK",
                             recipient_id=recipient_id or customer.code, syntax="UNOC")
            s.add(row)
        row.url = url
        if profile:
            row.profile = profile
        for name, value in (("sender_id", sender_id), ("recipient_id", recipient_id),
                            ("sender_qualifier", sender_qualifier),
                            ("recipient_qualifier", recipient_qualifier),
                            ("association", association)):
            if value is not None:
                setattr(row, name, value.strip() or None if name.endswith(("qualifier",
                                                                             "association"))
                        else value.strip())
        if syntax:
            row.syntax = syntax.upper()
        elif row.profile in edi_build.PROFILES and not row.syntax:
            row.syntax = edi_build.PROFILES[row.profile].syntax
        row.active = active
        _settings(row).resolved()  # refuses an unknown profile or syntax
        s.flush()
        return _partner_view(row, customer.code)


def _partner_view(row: EdiPartner, code: str) -> PartnerView:
    return PartnerView(code, row.profile, row.url, row.sender_id, row.sender_qualifier,
                       row.recipient_id, row.recipient_qualifier, row.syntax, row.association,
                       row.active)


def partner_for(session: Session, customer_id: str) -> EdiPartner | None:
    return session.scalar(select(EdiPartner).where(EdiPartner.customer_id == customer_id,
                                                   EdiPartner.active.is_(True)))


# ---- documents -----------------------------------------------------------------------

def _buyer(session: Session, customer: Customer, partner: EdiPartner | None) -> Party:
    rule = session.scalar(select(InvoiceRule).where(InvoiceRule.customer_id == customer.id))
    return Party("BY", partner.recipient_id if partner else customer.code,
                 (rule.buyer_name if rule and rule.buyer_name else customer.name), None,
                 rule.tax_id if rule else None)


def invoice_document(session: Session, inv: Invoice, partner: EdiPartner | None) -> Document:
    customer = session.get(Customer, inv.customer_id)
    shipment = session.get(Shipment, inv.shipment_id)
    rows = session.execute(
        select(InvoiceLine, Product.gtin)
        .join(ShipmentLine, ShipmentLine.id == InvoiceLine.shipment_line_id)
        .join(Product, Product.id == ShipmentLine.product_id)
        .where(InvoiceLine.invoice_id == inv.id).order_by(InvoiceLine.line_no)).all()
    lines = tuple(DocLine(
        line_no=ln.line_no, sku=ln.sku, description=ln.item_name, quantity=Decimal(ln.quantity),
        unit=ln.unit, gtin=gtin, customer_po=ln.customer_po, unit_price=Decimal(ln.unit_price),
        amount=Decimal(ln.amount).quantize(Decimal("0.01")), tax_rate=Decimal(ln.tax_rate),
        tax=Decimal(ln.tax).quantize(Decimal("0.01"))) for ln, gtin in rows)
    credit_of = (session.scalar(select(Invoice.invoice_no).where(Invoice.id == inv.credit_of_id))
                 if inv.credit_of_id else None)
    parties = (_buyer(session, customer, partner),
               Party("SE", partner.sender_id if partner else "ORDERDESK"),
               Party("DP", None, None, shipment.ship_to))
    return Document(
        kind="INVOIC", number=inv.invoice_no, date=inv.issued_at.date(), lines=lines,
        parties=parties, doc_code="381" if inv.kind == "credit" else "380",
        delivery_date=shipment.ship_date, delivery_note_no=shipment.shipment_no,
        credit_of=credit_of, net=Decimal(inv.net).quantize(Decimal("0.01")),
        tax=Decimal(inv.tax).quantize(Decimal("0.01")),
        gross=Decimal(inv.gross).quantize(Decimal("0.01")))


def shipment_document(session: Session, shipment: Shipment, partner: EdiPartner | None
                      ) -> Document:
    customer = session.get(Customer, shipment.customer_id)
    rows = session.execute(
        select(ShipmentLine, Product, Order.order_no)
        .join(Product, Product.id == ShipmentLine.product_id)
        .join(Order, Order.id == ShipmentLine.order_id)
        .where(ShipmentLine.shipment_id == shipment.id).order_by(ShipmentLine.line_no)).all()
    lines = tuple(DocLine(
        line_no=sl.line_no, sku=p.sku, description=p.name, quantity=Decimal(sl.quantity),
        unit=sl.unit, gtin=p.gtin, customer_po=sl.customer_po,
        batches=tuple(b for b in (sl.batches or "").split(",") if b)) for sl, p, _o in rows)
    parties = (_buyer(session, customer, partner),
               Party("SU", partner.sender_id if partner else "ORDERDESK"),
               Party("DP", None, None, shipment.ship_to))
    return Document(kind="DESADV", number=shipment.shipment_no, date=shipment.ship_date,
                    lines=lines, parties=parties, doc_code="351",
                    delivery_date=shipment.ship_date, carrier=shipment.carrier,
                    tracking_no=shipment.tracking_no, packages=shipment.packages)


def _default_partner(customer: Customer) -> PartnerSettings:
    return PartnerSettings(edi_build.DEFAULT_PROFILE, "ORDERDESK", customer.code)


def _build(session: Session, kind: str, row: Invoice | Shipment, partner: EdiPartner | None,
           control_ref: str, prepared: dt.datetime, profile: str | None = None) -> str:
    customer = session.get(Customer, row.customer_id)
    settings = _settings(partner) if partner else _default_partner(customer)
    if profile:
        settings = PartnerSettings(profile, settings.sender_id, settings.recipient_id,
                                   None, None, None, None, settings.test_indicator)
    if kind == "INVOIC":
        return edi_build.build_invoic(invoice_document(session, row, partner), settings,
                                      control_ref, prepared)
    return edi_build.build_desadv(shipment_document(session, row, partner), settings,
                                  control_ref, prepared)


def render(desk: Desk, number: str, *, control_ref: str | None = None,
           prepared: dt.datetime | None = None, profile: str | None = None) -> tuple[str, str]:
    """(kind, interchange text) of an issued invoice / credit (INVOIC) or a shipment
    (DESADV). A queued message is returned as queued (same bytes, same reference) unless
    a reference or profile is asked for."""
    with desk.read() as s:
        inv = s.scalar(select(Invoice).where(Invoice.invoice_no == number.strip()))
        kind, row = ("INVOIC", inv) if inv is not None else ("DESADV", None)
        if row is None:
            from orderdesk.finance.shipping import find_shipment

            row = find_shipment(s, number)
            if row is None:
                raise NotFound(entity="invoice_or_shipment", key=number)
        if control_ref is None and profile is None:
            queued = s.scalar(select(EdiMessage.payload).where(
                EdiMessage.document_no == row.invoice_no if kind == "INVOIC"
                else EdiMessage.document_no == row.shipment_no,
                EdiMessage.kind == kind).order_by(EdiMessage.created_at.desc()).limit(1))
            if queued:
                return kind, queued
        partner = partner_for(s, row.customer_id)
        return kind, _build(s, kind, row, partner, control_ref or numbers.control_reference(),
                            prepared or utcnow(), profile)


def _queue(session: Session, kind: str, row: Invoice | Shipment) -> list[str]:
    partner = partner_for(session, row.customer_id)
    if partner is None:
        return []
    ref = numbers.control_reference()
    now = utcnow()
    payload = _build(session, kind, row, partner, ref, now)
    document_no = row.invoice_no if kind == "INVOIC" else row.shipment_no
    session.add(EdiMessage(control_ref=ref, kind=kind, document_no=document_no,
                           customer_id=row.customer_id, partner_id=partner.id,
                           profile=partner.profile, payload=payload, state="pending",
                           attempts=0, next_attempt_at=now))
    return [ref]


def queue_desadv(session: Session, shipment: Shipment) -> list[str]:
    """Queue the despatch advice of a shipment for the customer's partner, if any."""
    return _queue(session, "DESADV", shipment)


def queue_invoic(session: Session, inv: Invoice) -> list[str]:
    """Queue an issued invoice or credit note for the customer's partner, if any."""
    return _queue(session, "INVOIC", inv)


# ---- delivery (called by the server's sender) ----------------------------------------

@dataclass(frozen=True)
class Claim:
    id: str
    control_ref: str
    kind: str
    document_no: str
    url: str
    payload: str
    attempts: int
    syntax: str


def claim_due(desk: Desk, *, now: dt.datetime | None = None, limit: int = 20,
              lease_s: float = LEASE_S) -> list[Claim]:
    """Mark up to `limit` due messages `sending` and return them; committed before the
    caller sends anything. Due: pending with next_attempt_at passed, or sending with a
    claim older than the lease (its sender died)."""
    now = now or utcnow()
    stale = now - dt.timedelta(seconds=lease_s)
    with desk.write() as s:
        rows = s.scalars(select(EdiMessage).where(or_(
            (EdiMessage.state == "pending") & (or_(EdiMessage.next_attempt_at.is_(None),
                                                   EdiMessage.next_attempt_at <= now)),
            (EdiMessage.state == "sending") & (EdiMessage.claimed_at <= stale)))
            .order_by(EdiMessage.created_at).limit(limit)).all()
        out = []
        for m in rows:
            partner = s.get(EdiPartner, m.partner_id)
            m.state = "sending"
            m.claimed_at = now
            m.attempts = (m.attempts or 0) + 1
            out.append(Claim(m.id, m.control_ref, m.kind, m.document_no, partner.url,
                             m.payload, m.attempts, partner.syntax))
        return out


def record_delivered(desk: Desk, message_id: str, *, acknowledged: bool, detail: str = "",
                     now: dt.datetime | None = None) -> None:
    now = now or utcnow()
    with desk.write() as s:
        m = s.get(EdiMessage, message_id)
        if m is None or m.state in ("acknowledged", "cancelled"):
            return
        m.state = "acknowledged" if acknowledged else "sent"
        m.sent_at = m.sent_at or now
        if acknowledged:
            m.acknowledged_at = now
        m.last_error = None
        m.next_attempt_at = None
        m.claimed_at = None
        add_audit(s, action="edi.delivered", entity="edi_messages", entity_id=m.id,
                  new=f"{m.state} {detail}".strip()[:400])


def record_failure(desk: Desk, message_id: str, error: str, *, permanent: bool = False,
                   now: dt.datetime | None = None, base_s: float = BACKOFF_BASE_S) -> str:
    """Back to pending with an exponential backoff, or `error` after MAX_ATTEMPTS or a
    permanent refusal; returns the new state."""
    now = now or utcnow()
    with desk.write() as s:
        m = s.get(EdiMessage, message_id)
        if m is None or m.state not in ("sending", "pending"):
            return m.state if m else "missing"
        m.last_error = error[:2000]
        m.claimed_at = None
        if permanent or m.attempts >= MAX_ATTEMPTS:
            m.state = "error"
            m.next_attempt_at = None
        else:
            m.state = "pending"
            m.next_attempt_at = now + dt.timedelta(seconds=backoff(m.attempts, base_s))
        add_audit(s, action="edi.attempt_failed", entity="edi_messages", entity_id=m.id,
                  new=f"{m.state}: {error}"[:400], outcome="failed")
        return m.state


def record_acknowledgement(desk: Desk, control_ref: str, detail: str = "") -> bool:
    """A partner's CONTRL/APERAK naming this interchange closes a `sent` message."""
    with desk.write() as s:
        m = s.scalar(select(EdiMessage).where(EdiMessage.control_ref == control_ref))
        if m is None or m.state not in ("sent", "sending", "pending"):
            return False
        m.state = "acknowledged"
        m.acknowledged_at = utcnow()
        add_audit(s, action="edi.acknowledged", entity="edi_messages", entity_id=m.id,
                  new=detail[:400] or "acknowledged")
        return True


# ---- finance's view and hands --------------------------------------------------------

@dataclass(frozen=True)
class MessageRow:
    id: str
    control_ref: str
    kind: str
    document_no: str
    customer_code: str
    url: str
    state: str
    attempts: int
    next_attempt_at: dt.datetime | None
    last_error: str | None
    created_at: dt.datetime
    sent_at: dt.datetime | None
    acknowledged_at: dt.datetime | None


def list_messages(desk: Desk, *, states: tuple[str, ...] | None = None, limit: int = 500
                  ) -> list[MessageRow]:
    with desk.read() as s:
        query = (select(EdiMessage, Customer.code, EdiPartner.url)
                 .join(Customer, Customer.id == EdiMessage.customer_id)
                 .join(EdiPartner, EdiPartner.id == EdiMessage.partner_id))
        if states:
            query = query.where(EdiMessage.state.in_(states))
        rows = s.execute(query.order_by(EdiMessage.created_at.desc()).limit(limit)).all()
        return [MessageRow(m.id, m.control_ref, m.kind, m.document_no, code, url, m.state,
                           m.attempts, m.next_attempt_at, m.last_error, m.created_at,
                           m.sent_at, m.acknowledged_at) for m, code, url in rows]


def pending(desk: Desk) -> list[MessageRow]:
    """What is not delivered yet and why: pending, sending and error messages."""
    return list_messages(desk, states=("pending", "sending", "error"))


def _set_by_hand(desk: Desk, control_ref: str, action: str, reason: str) -> Changes:
    desk.require("edi.manage")
    with desk.write() as s:
        m = s.scalar(select(EdiMessage).where(EdiMessage.control_ref == control_ref.strip()))
        if m is None:
            raise NotFound(entity="edi_message", key=control_ref)
        if action == "retry":
            if m.state not in ("error", "pending"):
                raise EdiError(reason=f"{m.control_ref} is {m.state}; only a failed message "
                                      "is retried")
            old = m.state
            m.state = "pending"
            m.attempts = 0
            m.next_attempt_at = utcnow()
        else:
            if m.state in ("acknowledged", "cancelled", "sending"):
                raise EdiError(reason=f"{m.control_ref} is {m.state}; it cannot be cancelled")
            old = m.state
            m.state = "cancelled"
            m.next_attempt_at = None
        add_audit(s, action=f"edi.{action}", entity="edi_messages", entity_id=m.id, old=old,
                  new=f"{m.state}: {reason}".strip(": "))
    return Changes(orders=True)


def retry(desk: Desk, control_ref: str, reason: str = "") -> Changes:
    return _set_by_hand(desk, control_ref, "retry", reason)


def cancel(desk: Desk, control_ref: str, reason: str) -> Changes:
    if not reason.strip():
        raise ValidationFailed(field="reason", value="", reason="required")
    return _set_by_hand(desk, control_ref, "cancel", reason)
