"""Invoices of a shipment: split preview, issue, cancel with a red-letter credit.

Promises:
- The preview and the issue compute the same split (orderdesk.finance.split) over what
  of the shipment is not yet invoiced: shipped quantity minus the quantity on live
  (issued, not cancelled) invoices, per shipment line. So re-running the split or the
  issue after everything is invoiced proposes nothing and takes no invoice number
  (idempotent), and cancelling one invoice of three makes exactly its part invoiceable
  again.
- Totals match the shipment to the fen (orderdesk.finance.money states the rounding).
- Cancelling never deletes: the invoice is marked cancelled with who/when/why and a
  credit record (kind "credit", the negated lines, `credit_of_id`) is added; for a
  customer with an EDI partner a credit note (INVOIC 381) is queued too.
- Invoice ids are derived from (shipment, position), so two stations issuing the same
  shipment before they sync produce the same rows (a conflict on the number, not a
  second set of invoices).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, ValidationFailed
from orderdesk.finance import money, numbers
from orderdesk.finance.errors import InvoiceStateError, SplitRefused
from orderdesk.finance.shipping import find_shipment
from orderdesk.finance.split import ShipLine, SplitRule, check_rule, split
from orderdesk.ids import event_id
from orderdesk.models import Customer, Order, Product, utcnow
from orderdesk.models.finance import (
    Invoice,
    InvoiceLine,
    InvoiceRule,
    ProductTax,
    Shipment,
    ShipmentLine,
)
from orderdesk.tracking import add_audit


# ---- rules ---------------------------------------------------------------------------

@dataclass(frozen=True)
class RuleView:
    customer_code: str
    customer_name: str
    rule: SplitRule
    buyer_name: str | None = None
    tax_id: str | None = None
    configured: bool = False  # False: the customer has no rule yet (one invoice)


def _rule_of(row: InvoiceRule | None) -> SplitRule:
    if row is None:
        return SplitRule()
    return SplitRule(per_po=row.per_po, per_ship_to=row.per_ship_to,
                     per_product_line=row.per_product_line, per_tax_rate=row.per_tax_rate,
                     amount_cap=None if row.amount_cap is None else money.cents(row.amount_cap),
                     cap_includes_tax=row.cap_includes_tax, max_lines=row.max_lines,
                     allow_line_split=row.allow_line_split, self_billing=row.self_billing)


def _customer(session: Session, code_or_id: str) -> Customer:
    found = session.scalar(select(Customer).where(Customer.code == code_or_id.strip()))
    found = found or session.get(Customer, code_or_id)
    if found is None:
        raise NotFound(entity="customer", key=code_or_id)
    return found


def get_rule(desk: Desk, customer: str) -> RuleView:
    with desk.read() as s:
        cust = _customer(s, customer)
        row = s.scalar(select(InvoiceRule).where(InvoiceRule.customer_id == cust.id))
        return RuleView(cust.code, cust.name, _rule_of(row),
                        row.buyer_name if row else None, row.tax_id if row else None,
                        configured=row is not None)


def set_rule_in(session: Session, customer: Customer, rule: SplitRule, *,
                buyer_name: str | None = None, tax_id: str | None = None) -> None:
    check_rule(rule)
    if tax_id is not None and tax_id.strip():
        tid = tax_id.strip().upper()
        # 统一社会信用代码 is 18 characters; older 税号 15 or 20.
        if len(tid) not in (15, 18, 20) or not tid.isalnum():
            raise ValidationFailed(field="tax_id", value=tax_id, reason="length_15_18_20")
        tax_id = tid
    row = session.scalar(select(InvoiceRule).where(InvoiceRule.customer_id == customer.id))
    if row is None:
        row = InvoiceRule(customer_id=customer.id)
        session.add(row)
    row.per_po, row.per_ship_to = rule.per_po, rule.per_ship_to
    row.per_product_line, row.per_tax_rate = rule.per_product_line, rule.per_tax_rate
    row.amount_cap = None if rule.amount_cap is None else money.cents(rule.amount_cap)
    row.cap_includes_tax, row.max_lines = rule.cap_includes_tax, rule.max_lines
    row.allow_line_split, row.self_billing = rule.allow_line_split, rule.self_billing
    row.buyer_name = (buyer_name or "").strip() or None
    row.tax_id = (tax_id or "").strip() or None
    row.updated_by = session.info["actor"].user


def set_rule(desk: Desk, customer: str, rule: SplitRule, *, buyer_name: str | None = None,
             tax_id: str | None = None) -> Changes:
    """Save a customer's split rules (finance, action invoice.rules)."""
    desk.require("invoice.rules")
    with desk.write() as s:
        set_rule_in(s, _customer(s, customer), rule, buyer_name=buyer_name, tax_id=tax_id)
    return Changes(settings=True)


def set_product_tax(desk: Desk, sku: str, rate: Decimal | str, *, tax_code: str | None = None,
                    item_name: str | None = None) -> None:
    desk.require("invoice.rules")
    try:
        value = money.parse_rate(rate)
    except ValueError as exc:
        raise ValidationFailed(field="tax_rate", value=str(rate), reason="unknown_rate") from exc
    with desk.write() as s:
        product = s.scalar(select(Product).where(Product.sku == sku))
        if product is None:
            raise NotFound(entity="product", key=sku)
        row = s.scalar(select(ProductTax).where(ProductTax.product_id == product.id))
        if row is None:
            row = ProductTax(product_id=product.id, rate=value)
            s.add(row)
        row.rate, row.tax_code, row.item_name = value, tax_code, item_name


# ---- views ---------------------------------------------------------------------------

@dataclass(frozen=True)
class InvoiceLineView:
    sku: str
    item_name: str
    spec: str | None
    unit: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    tax_rate: Decimal
    tax: Decimal
    customer_po: str | None
    order_no: str | None
    part: str = ""  # "2/3" when a shipment line is split across invoices


@dataclass(frozen=True)
class InvoiceView:
    invoice_no: str | None  # None: proposed, not issued
    seq: int
    split_by: str
    reason: str
    key: tuple[tuple[str, str], ...]
    net: Decimal
    tax: Decimal
    gross: Decimal
    lines: tuple[InvoiceLineView, ...]
    kind: str = "invoice"
    status: str = "proposed"  # proposed / issued / cancelled
    shipment_no: str = ""
    customer_code: str = ""
    customer_name: str = ""
    buyer_name: str | None = None
    tax_id: str | None = None
    issued_at: dt.datetime | None = None
    issued_by: str | None = None
    credit_of: str | None = None
    cancel_reason: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class SplitPreview:
    shipment_no: str
    customer_code: str
    customer_name: str
    rule: RuleView
    invoices: tuple[InvoiceView, ...]  # issued first, then proposed
    shipment_net: Decimal
    shipment_tax: Decimal
    self_billing: bool = False

    @property
    def shipment_total(self) -> Decimal:
        return self.shipment_net + self.shipment_tax

    @property
    def proposed(self) -> tuple[InvoiceView, ...]:
        return tuple(i for i in self.invoices if i.invoice_no is None)


@dataclass(frozen=True)
class IssueResult:
    preview: SplitPreview
    issued: tuple[str, ...]  # invoice numbers issued by this call (empty on a re-run)
    edi_queued: tuple[str, ...]
    changes: Changes = field(default_factory=lambda: Changes(orders=True))


def _rates(session: Session, product_ids: set[str]) -> dict[str, ProductTax]:
    if not product_ids:
        return {}
    rows = session.scalars(select(ProductTax).where(ProductTax.product_id.in_(product_ids)))
    return {r.product_id: r for r in rows}


def _invoiced(session: Session, shipment_id: str) -> dict[str, tuple[Decimal, Decimal, Decimal]]:
    """(quantity, amount, tax) on live invoices per shipment line."""
    rows = session.execute(
        select(InvoiceLine.shipment_line_id, func.sum(InvoiceLine.quantity),
               func.sum(InvoiceLine.amount), func.sum(InvoiceLine.tax))
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .where(Invoice.shipment_id == shipment_id, Invoice.kind == "invoice",
               Invoice.status == "issued")
        .group_by(InvoiceLine.shipment_line_id))
    return {k: (Decimal(q), Decimal(a), Decimal(t)) for k, q, a, t in rows}


@dataclass(frozen=True)
class _Remainder(ShipLine):
    """A shipment line's uninvoiced rest, carrying its exact remaining money."""

    rest_amount: Decimal = money.ZERO
    rest_tax: Decimal = money.ZERO
    # What live invoices already hold of the line (the split rounds on from there).
    done_quantity: Decimal = Decimal(0)
    done_amount: Decimal = money.ZERO
    done_tax: Decimal = money.ZERO

    @property
    def amount(self) -> Decimal:  # type: ignore[override]
        return self.rest_amount

    @property
    def tax(self) -> Decimal:  # type: ignore[override]
        return self.rest_tax


def _ship_lines(session: Session, shipment: Shipment) -> tuple[list[ShipLine], Decimal, Decimal]:
    """The uninvoiced rest of each line, and the shipment's full net and tax."""
    rows = session.execute(
        select(ShipmentLine, Product, Order.order_no)
        .join(Product, Product.id == ShipmentLine.product_id)
        .join(Order, Order.id == ShipmentLine.order_id)
        .where(ShipmentLine.shipment_id == shipment.id).order_by(ShipmentLine.line_no)).all()
    taxes = _rates(session, {p.id for _sl, p, _o in rows})
    done = _invoiced(session, shipment.id)
    out: list[ShipLine] = []
    net = tax = money.ZERO
    for sl, product, order_no in rows:
        if sl.unit_price is None:
            raise SplitRefused(reason="no_price", line_no=sl.line_no, sku=product.sku,
                               shipment_no=shipment.shipment_no)
        pt = taxes.get(product.id)
        rate = Decimal(pt.rate) if pt else money.DEFAULT_RATE
        full = ShipLine(
            shipment_line_id=sl.id, line_no=sl.line_no, sku=product.sku,
            item_name=(pt.item_name if pt and pt.item_name else product.name),
            quantity=Decimal(sl.quantity).normalize(), unit_price=Decimal(sl.unit_price),
            tax_rate=rate.quantize(money.CENT), unit=sl.unit, spec=product.spec,
            customer_po=sl.customer_po, ship_to=sl.ship_to, product_line=product.product_line,
            order_no=order_no)
        net += full.amount
        tax += full.tax
        q_done, a_done, t_done = done.get(sl.id, (Decimal(0), money.ZERO, money.ZERO))
        left = full.quantity - q_done
        if left <= 0:
            continue
        if q_done == 0:
            out.append(full)
        else:
            out.append(_Remainder(**{f: getattr(full, f) for f in (
                "shipment_line_id", "line_no", "sku", "item_name", "unit_price", "tax_rate",
                "unit", "spec", "customer_po", "ship_to", "product_line", "order_no")},
                quantity=left, rest_amount=full.amount - money.cents(a_done),
                rest_tax=full.tax - money.cents(t_done), done_quantity=q_done,
                done_amount=money.cents(a_done), done_tax=money.cents(t_done)))
    return out, net, tax


def _invoice_view(session: Session, inv: Invoice, shipment_no: str, customer: Customer
                  ) -> InvoiceView:
    lines = session.scalars(select(InvoiceLine).where(InvoiceLine.invoice_id == inv.id)
                            .order_by(InvoiceLine.line_no)).all()
    credit_of = (session.scalar(select(Invoice.invoice_no).where(Invoice.id == inv.credit_of_id))
                 if inv.credit_of_id else None)
    key = tuple(tuple(p) for p in json.loads(inv.split_key or "[]"))
    return InvoiceView(
        invoice_no=inv.invoice_no, seq=inv.seq, split_by=inv.split_by, reason="", key=key,
        net=money.cents(inv.net), tax=money.cents(inv.tax), gross=money.cents(inv.gross),
        lines=tuple(InvoiceLineView(
            ln.sku, ln.item_name, ln.spec, ln.unit, Decimal(ln.quantity).normalize(),
            Decimal(ln.unit_price), money.cents(ln.amount), Decimal(ln.tax_rate).quantize(
                money.CENT), money.cents(ln.tax), ln.customer_po, ln.order_no)
            for ln in lines),
        kind=inv.kind, status=inv.status, shipment_no=shipment_no,
        customer_code=customer.code, customer_name=customer.name, buyer_name=inv.buyer_name,
        tax_id=inv.tax_id, issued_at=inv.issued_at, issued_by=inv.issued_by,
        credit_of=credit_of, cancel_reason=inv.cancel_reason, id=inv.id)


def _preview(session: Session, shipment: Shipment) -> tuple[SplitPreview, list]:
    if shipment.status == "cancelled":
        raise SplitRefused(reason="shipment_cancelled", shipment_no=shipment.shipment_no)
    customer = session.get(Customer, shipment.customer_id)
    rule_row = session.scalar(select(InvoiceRule).where(InvoiceRule.customer_id == customer.id))
    rule = _rule_of(rule_row)
    rule_view = RuleView(customer.code, customer.name, rule,
                         rule_row.buyer_name if rule_row else None,
                         rule_row.tax_id if rule_row else None, rule_row is not None)
    rest, net, tax = _ship_lines(session, shipment)
    issued_rows = session.scalars(select(Invoice).where(
        Invoice.shipment_id == shipment.id, Invoice.kind == "invoice",
        Invoice.status == "issued").order_by(Invoice.seq)).all()
    issued = [_invoice_view(session, inv, shipment.shipment_no, customer) for inv in issued_rows]
    result = split(rest, rule) if rest else None
    proposed: list[InvoiceView] = []
    start = (session.scalar(select(func.max(Invoice.seq)).where(
        Invoice.shipment_id == shipment.id, Invoice.kind == "invoice")) or 0)
    if result is not None:
        for inv in result.invoices:
            proposed.append(InvoiceView(
                invoice_no=None, seq=start + inv.seq, split_by=inv.split_by, reason=inv.reason,
                key=inv.key, net=inv.net, tax=inv.tax, gross=inv.gross,
                lines=tuple(InvoiceLineView(
                    pl.source.sku, pl.source.item_name, pl.source.spec, pl.source.unit,
                    pl.quantity, pl.source.unit_price, pl.amount, pl.source.tax_rate, pl.tax,
                    pl.source.customer_po, pl.source.order_no,
                    f"{pl.part}/{pl.parts}" if pl.parts > 1 else "")
                    for pl in inv.lines),
                shipment_no=shipment.shipment_no, customer_code=customer.code,
                customer_name=customer.name,
                buyer_name=rule_view.buyer_name or customer.name, tax_id=rule_view.tax_id))
    preview = SplitPreview(shipment.shipment_no, customer.code, customer.name, rule_view,
                           tuple(issued + proposed), net, tax, self_billing=rule.self_billing)
    return preview, (list(result.invoices) if result is not None else [])


def preview_split(desk: Desk, number: str) -> SplitPreview:
    """The invoices of a shipment (or of an order's latest shipment): the issued ones and
    those the customer's rules propose for the rest. Reads only."""
    desk.require("shipment.read")
    with desk.read() as s:
        shipment = find_shipment(s, number)
        if shipment is None:
            raise NotFound(entity="shipment", key=number)
        return _preview(s, shipment)[0]


def issue_in(session: Session, shipment: Shipment) -> tuple[list[str], list[str]]:
    """Issue the proposed invoices of a shipment inside the caller's transaction."""
    preview, proposals = _preview(session, shipment)
    if preview.self_billing or not proposals:
        return [], []
    actor = session.info["actor"]
    now = utcnow()
    invoice_nos = numbers.take(session, "INV", len(proposals), when=now)
    start = preview.proposed[0].seq - 1
    made: list[Invoice] = []
    for number, proposal in zip(invoice_nos, proposals, strict=True):
        seq = start + proposal.seq
        inv = Invoice(
            id=event_id("invoice", shipment.id, seq), invoice_no=number,
            shipment_id=shipment.id, customer_id=shipment.customer_id, kind="invoice",
            status="issued", seq=seq, split_by=proposal.split_by,
            split_key=json.dumps([list(p) for p in proposal.key], ensure_ascii=False),
            net=proposal.net, tax=proposal.tax, gross=proposal.gross,
            buyer_name=preview.rule.buyer_name or preview.customer_name,
            tax_id=preview.rule.tax_id, issued_at=now, issued_by=actor.user)
        session.add(inv)
        for no, pl in enumerate(proposal.lines, start=1):
            src = pl.source
            session.add(InvoiceLine(
                id=event_id("invoice_line", inv.id, no), invoice_id=inv.id,
                shipment_line_id=src.shipment_line_id, line_no=no, sku=src.sku,
                item_name=src.item_name, spec=src.spec, unit=src.unit, quantity=pl.quantity,
                unit_price=src.unit_price, amount=pl.amount, tax_rate=src.tax_rate, tax=pl.tax,
                customer_po=src.customer_po, order_no=src.order_no,
                product_line=src.product_line))
        made.append(inv)
    session.flush()
    for inv in made:
        add_audit(session, action="invoice.issue", entity="invoices", entity_id=inv.id,
                  new=inv.invoice_no)
    from orderdesk.finance import edi_outbox

    queued = [ref for inv in made for ref in edi_outbox.queue_invoic(session, inv)]
    return invoice_nos, queued


def issue(desk: Desk, number: str) -> IssueResult:
    """Issue what the split proposes for a shipment. Running it again issues nothing."""
    desk.require("invoice.issue")
    with desk.write() as s:
        shipment = find_shipment(s, number)
        if shipment is None:
            raise NotFound(entity="shipment", key=number)
        issued, queued = issue_in(s, shipment)
        s.flush()
        preview = _preview(s, shipment)[0]
    return IssueResult(preview, tuple(issued), tuple(queued))


def cancel(desk: Desk, invoice_no: str, reason: str) -> InvoiceView:
    """Cancel an issued invoice: it stays, marked cancelled, and a red-letter credit record
    reverses it (returned). Needs a reason."""
    desk.require("invoice.cancel")
    if not reason or not reason.strip():
        raise ValidationFailed(field="reason", value="", reason="required")
    with desk.write() as s:
        inv = s.scalar(select(Invoice).where(Invoice.invoice_no == invoice_no.strip()))
        if inv is None:
            raise NotFound(entity="invoice", key=invoice_no)
        if inv.kind != "invoice" or inv.status != "issued":
            raise InvoiceStateError(invoice_no=inv.invoice_no, status=inv.status
                                    if inv.kind == "invoice" else "credit", action="cancel")
        actor = s.info["actor"]
        now = utcnow()
        inv.status = "cancelled"
        inv.cancel_reason = reason.strip()
        inv.cancelled_at = now
        inv.cancelled_by = actor.user
        credit = Invoice(
            id=event_id("credit", inv.id), invoice_no=numbers.take(s, "RED", when=now)[0],
            shipment_id=inv.shipment_id, customer_id=inv.customer_id, kind="credit",
            status="issued", seq=inv.seq, split_by=inv.split_by, split_key=inv.split_key,
            net=-Decimal(inv.net), tax=-Decimal(inv.tax), gross=-Decimal(inv.gross),
            buyer_name=inv.buyer_name, tax_id=inv.tax_id, issued_at=now, issued_by=actor.user,
            credit_of_id=inv.id, cancel_reason=reason.strip())
        s.add(credit)
        for ln in s.scalars(select(InvoiceLine).where(InvoiceLine.invoice_id == inv.id)):
            s.add(InvoiceLine(
                id=event_id("credit_line", ln.id), invoice_id=credit.id,
                shipment_line_id=ln.shipment_line_id, line_no=ln.line_no, sku=ln.sku,
                item_name=ln.item_name, spec=ln.spec, unit=ln.unit,
                quantity=-Decimal(ln.quantity), unit_price=ln.unit_price,
                amount=-Decimal(ln.amount), tax_rate=ln.tax_rate, tax=-Decimal(ln.tax),
                customer_po=ln.customer_po, order_no=ln.order_no, product_line=ln.product_line))
        s.flush()
        add_audit(s, action="invoice.cancel", entity="invoices", entity_id=inv.id,
                  old="issued", new=f"cancelled: {reason.strip()} -> {credit.invoice_no}")
        from orderdesk.finance import edi_outbox

        edi_outbox.queue_invoic(s, credit)
        shipment = s.get(Shipment, inv.shipment_id)
        customer = s.get(Customer, inv.customer_id)
        return _invoice_view(s, credit, shipment.shipment_no, customer)


@dataclass(frozen=True)
class InvoiceRow:
    """A row of finance's invoice list."""

    id: str
    invoice_no: str
    kind: str
    status: str
    shipment_no: str
    customer_code: str
    customer_name: str
    net: Decimal
    tax: Decimal
    gross: Decimal
    split_by: str
    issued_at: dt.datetime
    credit_of: str | None
    cancel_reason: str | None
    edi_state: str | None


def list_invoices(desk: Desk, *, text: str = "", limit: int = 500) -> list[InvoiceRow]:
    desk.require("shipment.read")
    from orderdesk.models.finance import EdiMessage

    with desk.read() as s:
        original = Invoice.__table__.alias("original")
        query = (select(Invoice, Shipment.shipment_no, Customer.code, Customer.name,
                        original.c.invoice_no)
                 .join(Shipment, Shipment.id == Invoice.shipment_id)
                 .join(Customer, Customer.id == Invoice.customer_id)
                 .outerjoin(original, original.c.id == Invoice.credit_of_id))
        if text.strip():
            like = f"%{text.strip()}%"
            query = query.where(Invoice.invoice_no.ilike(like) | Shipment.shipment_no.ilike(like)
                                | Customer.name.ilike(like) | Customer.code.ilike(like))
        rows = s.execute(query.order_by(Invoice.issued_at.desc(), Invoice.seq.desc())
                         .limit(limit)).all()
        states = dict(s.execute(select(EdiMessage.document_no, EdiMessage.state).where(
            EdiMessage.document_no.in_([r[0].invoice_no for r in rows]))).all()) if rows else {}
        return [InvoiceRow(inv.id, inv.invoice_no, inv.kind, inv.status, shipment_no, code,
                           name, money.cents(inv.net), money.cents(inv.tax),
                           money.cents(inv.gross), inv.split_by, inv.issued_at, credit_of,
                           inv.cancel_reason, states.get(inv.invoice_no))
                for inv, shipment_no, code, name, credit_of in rows]


def get_invoice(desk: Desk, invoice_no: str) -> InvoiceView:
    with desk.read() as s:
        inv = s.scalar(select(Invoice).where(Invoice.invoice_no == invoice_no.strip()))
        if inv is None:
            raise NotFound(entity="invoice", key=invoice_no)
        return _invoice_view(s, inv, s.get(Shipment, inv.shipment_id).shipment_no,
                             s.get(Customer, inv.customer_id))


def preview_json(preview: SplitPreview) -> dict:
    """The shape `orderdesk invoices split --json` prints."""
    return {
        "shipment_no": preview.shipment_no,
        "customer": preview.customer_code,
        "shipment_total": money.text(preview.shipment_total),
        "shipment_net": money.text(preview.shipment_net),
        "shipment_tax": money.text(preview.shipment_tax),
        "self_billing": preview.self_billing,
        "rounding": "tax per line, half-up to 0.01",
        "invoices": [{
            "invoice_no": inv.invoice_no,
            "status": inv.status,
            "seq": inv.seq,
            "split_by": inv.split_by,
            "group": {k: v for k, v in inv.key},
            "cut_by": inv.reason or None,
            "net": money.text(inv.net),
            "tax": money.text(inv.tax),
            "total": money.text(inv.gross),
            "lines": [{"sku": ln.sku, "quantity": format(ln.quantity.normalize(), "f"),
                       "amount": money.text(ln.amount), "tax": money.text(ln.tax),
                       "tax_rate": money.rate_label(ln.tax_rate),
                       "customer_po": ln.customer_po, "order_no": ln.order_no,
                       "part": ln.part or None}
                      for ln in inv.lines],
        } for inv in preview.invoices],
    }
