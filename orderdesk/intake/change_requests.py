"""Change requests from chat messages: which order they mean, what changes, apply and undo.

A message like '上次那单改成6000' is recognised by the message parser as a change
request. This module finds the order(s) it most likely refers to and proposes the change
per field as old → new, so the person picks the order and applies it with one
confirmation. Nothing is guessed silently:

- an explicit order number (SO-…), channel order number or customer PO in the message
  wins over everything else;
- otherwise the customer's recent orders are scored by the SKU, an old quantity and
  date words ('昨天的单', '上周的单') in the message; '上次那单' / '那单' means the latest;
- one clear winner is pre-selected; a tie leaves the choice to the person; no customer
  or no orders is said so.

Applying checks `order.write`, refuses orders that are shipped, cancelled or merged (and
orders changed since the proposal was made), writes the change, keeps the message as a
note on the order and records a `change_request` event, in one transaction; the tracking
hook adds the per-field audit and outbox rows. `undo_change_request` puts the fields
back from those audit rows.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from orderdesk import audit_store
from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, OrderdeskError, ValidationFailed
from orderdesk.intake.messages import MessageProposal, parse_message
from orderdesk.messages import TEXTS
from orderdesk.models import AuditLog, Customer, Note, Order, OrderChannelRef, OrderLine, Product
from orderdesk.normalize import sku_norm
from orderdesk.tracking import add_audit, encode

RECENT = 8                      # recent orders of the customer considered
NOTE_KIND = "message"           # the note that keeps the customer's own words
LATEST_WORDS = ("上次", "上一单", "刚才", "刚刚", "那单", "这单", "原单", "那个单", "之前",
                "原来", "最近那单", "最后那单")
FIELDS = ("quantity", "requested_date", "rush", "cancelled")


class ChangeRefused(OrderdeskError):
    """The order cannot take the change: shipped, cancelled, merged, or changed meanwhile.

    facts: order_no, reason (shipped | cancelled | merged | changed_meanwhile |
    changed_since | nothing_to_change | line_unclear), field when one field is concerned.
    """

    code = "change_refused"


TEXTS.update({
    "change_refused": ("订单 {order_no} 不能修改:{reason}",
                       "order {order_no} cannot be changed: {reason}"),
})

REFUSAL_REASONS: dict[str, tuple[str, str]] = {
    "shipped": ("已发运", "it has been shipped"),
    "cancelled": ("已取消", "it is cancelled"),
    "merged": ("已合并到另一单", "it was merged into another order"),
    "changed_meanwhile": ("提出修改后订单又被改过,请重新识别", "it changed after the proposal; "
                          "propose again"),
    "changed_since": ("修改之后订单又被改过,无法撤销", "it changed after this change; "
                      "cannot undo"),
    "nothing_to_change": ("消息里没有可执行的修改", "the message names nothing to change"),
    "line_unclear": ("请选择要改的明细行", "choose the line to change"),
}


@dataclass(frozen=True)
class LineInfo:
    id: str
    line_no: int
    sku: str
    quantity: Decimal


@dataclass(frozen=True)
class FieldChange:
    """One proposed change: `field` of the order (or of line `line_id`) from old to new."""

    field: str                      # quantity | requested_date | rush | cancelled
    old: object
    new: object
    line_id: str | None = None
    sku: str | None = None


@dataclass(frozen=True)
class TargetOrder:
    id: str
    order_no: str
    customer_code: str | None
    customer_name: str | None
    order_time: dt.datetime
    requested_date: dt.date | None
    rush: bool
    status_sales: str
    status_warehouse: str
    lines: tuple[LineInfo, ...]
    score: int = 0
    why: tuple[str, ...] = ()       # explicit | channel_no | latest | sku | quantity | date_words | only_one
    changes: tuple[FieldChange, ...] = ()
    problem: str | None = None      # shipped | cancelled | merged | line_unclear | nothing_to_change

    @property
    def blocked(self) -> bool:
        """True when the order itself refuses changes (shipped, cancelled, merged)."""
        return self.problem in ("shipped", "cancelled", "merged")


@dataclass(frozen=True)
class ChangeTargets:
    """The orders a change request may mean, best first, and the one pre-selected."""

    proposal: MessageProposal
    candidates: tuple[TargetOrder, ...] = ()
    chosen_id: str | None = None
    problem: str | None = None      # not_a_change | no_customer | no_orders | order_not_found | ambiguous

    def candidate(self, order_id: str | None) -> TargetOrder | None:
        return next((c for c in self.candidates if c.id == order_id), None)

    def as_dict(self) -> dict[str, object]:
        return {
            "problem": self.problem,
            "chosen": (self.candidate(self.chosen_id).order_no
                       if self.chosen_id and self.candidate(self.chosen_id) else None),
            "orders": [{"order_no": c.order_no, "score": c.score, "why": list(c.why),
                        "problem": c.problem,
                        "changes": [{"field": ch.field, "sku": ch.sku, "old": encode(ch.old),
                                     "new": encode(ch.new)} for ch in c.changes]}
                       for c in self.candidates],
        }


@dataclass(frozen=True)
class ChangeApplied:
    order_id: str
    order_no: str
    fields: tuple[FieldChange, ...]
    tx_id: str                      # the transaction's audit rows: what undo puts back
    changes: Changes = field(default_factory=lambda: Changes(orders=True))


# -- finding the order --------------------------------------------------------------------

_SO = re.compile(r"SO-?(\d{4})-?([A-Z]{0,4}\d{4,})", re.I)
_TOKEN = re.compile(r"(?<![A-Za-z0-9-])([A-Za-z0-9][A-Za-z0-9_-]{4,39})(?![A-Za-z0-9-])")
_NUMBER = re.compile(r"(?<![\d.A-Za-z-])(\d+(?:\.\d+)?)\s*(万|w|千|k)?(?![\d.])", re.I)


def _explicit_numbers(text: str) -> tuple[list[str], list[str]]:
    """Order numbers (hyphens removed, upper case) and other number-like tokens in the text."""
    so = [f"SO{m[1]}{m[2]}".upper() for m in _SO.finditer(text)]
    rest = _SO.sub(" ", text)
    # A channel number or PO: letters with 4+ digits, or 8+ digits (a quantity has fewer).
    tokens = [t for t in _TOKEN.findall(rest) if not re.fullmatch(r"1[3-9]\d{9}", t) and (
        (sum(ch.isdigit() for ch in t) >= 4 and any(ch.isalpha() for ch in t))
        or (t.isdigit() and len(t) >= 8))]
    return so, tokens


def _numbers(text: str) -> set[Decimal]:
    """Every quantity written in the text (5000, 1.2万, 6k), for matching an old quantity."""
    out: set[Decimal] = set()
    for m in _NUMBER.finditer(_SO.sub(" ", text)):
        try:
            value = Decimal(m[1])
        except InvalidOperation:
            continue
        scale = {"万": 10000, "w": 10000, "千": 1000, "k": 1000}.get((m[2] or "").lower(), 1)
        out.add(value * scale)
    return out


def _date_window(text: str, now: dt.datetime) -> tuple[dt.date, dt.date] | None:
    """The order days that date words about the order ('昨天的单') point at."""
    today = now.date()
    if re.search(r"前天(?:的|下的|那)", text):
        return today - dt.timedelta(days=2), today - dt.timedelta(days=2)
    if re.search(r"昨天(?:的|下的|那)", text):
        return today - dt.timedelta(days=1), today - dt.timedelta(days=1)
    if re.search(r"(?:今天|今早|上午|早上)(?:的|下的|那)", text):
        return today, today
    if re.search(r"上(?:个)?(?:周|星期|礼拜)(?:的|下的|那)", text):
        monday = today - dt.timedelta(days=today.weekday() + 7)
        return monday, monday + dt.timedelta(days=6)
    if re.search(r"上个?月(?:的|下的|那)", text):
        first = today.replace(day=1)
        last_prev = first - dt.timedelta(days=1)
        return last_prev.replace(day=1), last_prev
    return None


def _line_infos(session: Session, order_ids: list[str]) -> dict[str, list[LineInfo]]:
    out: dict[str, list[LineInfo]] = {oid: [] for oid in order_ids}
    if not order_ids:
        return out
    rows = session.execute(
        select(OrderLine.id, OrderLine.order_id, OrderLine.line_no, Product.sku,
               OrderLine.quantity)
        .join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id.in_(order_ids), OrderLine.cancelled.is_(False))
        .order_by(OrderLine.line_no))
    for r in rows:
        out[r.order_id].append(LineInfo(r.id, r.line_no, r.sku, r.quantity))
    return out


def _targets(session: Session, orders: list[Order]) -> list[TargetOrder]:
    lines = _line_infos(session, [o.id for o in orders])
    customers = {c.id: c for c in session.scalars(select(Customer).where(
        Customer.id.in_({o.customer_id for o in orders if o.customer_id})))}
    out = []
    for o in orders:
        cust = customers.get(o.customer_id or "")
        out.append(TargetOrder(
            id=o.id, order_no=o.order_no, customer_code=cust.code if cust else None,
            customer_name=cust.name if cust else None, order_time=o.order_time,
            requested_date=o.requested_date, rush=bool(o.rush), status_sales=o.status_sales,
            status_warehouse=o.status_warehouse, lines=tuple(lines[o.id]),
            problem=_blocking(o)))
    return out


def _blocking(order: Order) -> str | None:
    if order.merged_into_id:
        return "merged"
    if order.cancelled:
        return "cancelled"
    if order.status_warehouse == "shipped":
        return "shipped"
    return None


def _explicit_orders(session: Session, text: str, customer_ids: list[str]) -> tuple[list[Order], bool]:
    """Orders named by number in the text; and whether the text named any number at all."""
    so, tokens = _explicit_numbers(text)
    if tokens:   # 'BRK-1001' in the message is a product, not an order number
        skus = set(session.scalars(select(Product.sku_norm).where(
            Product.sku_norm.in_([sku_norm(t) for t in tokens]))))
        tokens = [t for t in tokens if sku_norm(t) not in skus]
    found: dict[str, Order] = {}
    if so:
        plain = func.upper(func.replace(Order.order_no, "-", ""))
        for o in session.scalars(select(Order).where(plain.in_(so))):
            found[o.id] = o
    if tokens:
        refs = select(OrderChannelRef.order_id).where(
            OrderChannelRef.channel_order_no.in_(tokens), OrderChannelRef.active.is_(True))
        conds = [Order.id.in_(refs)]
        po = Order.customer_po.in_(tokens)
        conds.append(po if not customer_ids else (po & Order.customer_id.in_(customer_ids)))
        for o in session.scalars(select(Order).where(or_(*conds))):
            found[o.id] = o
    return list(found.values()), bool(so)


def _proposed_changes(target: TargetOrder, change: dict[str, object],
                      mentioned: set[Decimal]) -> tuple[tuple[FieldChange, ...], str | None]:
    """The field changes the message asks of this order, and what keeps it from applying."""
    action = change.get("action", "modify")
    if action == "cancel":
        return (FieldChange("cancelled", False, True),), target.problem
    out: list[FieldChange] = []
    problem = target.problem
    qty = change.get("quantity")
    if isinstance(qty, Decimal):
        sku = change.get("sku")
        line = None
        if sku:
            line = next((ln for ln in target.lines if ln.sku == sku), None)
        elif len(target.lines) == 1:
            line = target.lines[0]
        else:
            old_hits = [ln for ln in target.lines if ln.quantity in mentioned - {qty}]
            line = old_hits[0] if len(old_hits) == 1 else None
        if line is not None:
            new = line.quantity + qty if action == "add" else qty
            if new != line.quantity:
                out.append(FieldChange("quantity", line.quantity, new, line.id, line.sku))
        elif not sku:
            problem = problem or "line_unclear"
    due = change.get("due_date")
    if isinstance(due, dt.date) and due != target.requested_date:
        out.append(FieldChange("requested_date", target.requested_date, due))
    if change.get("urgent") and not target.rush:
        out.append(FieldChange("rush", False, True))
    if not out and problem is None:
        problem = "nothing_to_change"
    return tuple(out), problem


def with_line(target: TargetOrder, line_id: str, proposal: MessageProposal) -> TargetOrder:
    """The target with its quantity change put on the line the person chose."""
    qty = proposal.change.get("quantity")
    line = next((ln for ln in target.lines if ln.id == line_id), None)
    if line is None or not isinstance(qty, Decimal):
        return target
    new = line.quantity + qty if proposal.change.get("action") == "add" else qty
    rest = tuple(c for c in target.changes if c.field != "quantity")
    changes = ((FieldChange("quantity", line.quantity, new, line.id, line.sku),) + rest
               if new != line.quantity else rest)
    problem = target.problem if target.blocked else (None if changes else "nothing_to_change")
    return replace(target, changes=changes, problem=problem)


def find_change_targets(desk: Desk, text: str, *, now: dt.datetime | None = None,
                        sender_phone: str | None = None,
                        proposal: MessageProposal | None = None) -> ChangeTargets:
    """The orders a change-request message most likely refers to, best first.

    `chosen_id` is set only when one order stands out (an explicit number, or one best
    score); otherwise `problem` says why the person must choose or what is missing.
    """
    desk.require("order.read")
    now = now or dt.datetime.now()
    if proposal is None:
        proposal = parse_message(desk, text, now=now, sender_phone=sender_phone)
    with desk.read() as s:
        return targets_in(s, proposal, now)


def targets_in(s: Session, proposal: MessageProposal, now: dt.datetime) -> ChangeTargets:
    """find_change_targets inside an open session (no permission check: the caller's)."""
    if proposal.kind != "change_request":
        return ChangeTargets(proposal, problem="not_a_change")
    text = proposal.text
    customer_ids = [proposal.customer_id] if proposal.customer_id else list(s.scalars(
        select(Customer.id).where(Customer.code.in_(
            [c.key for c in proposal.customer_candidates]))))
    explicit, named_so = _explicit_orders(s, text, customer_ids)
    mentioned = _numbers(text)
    if explicit:
        targets = _targets(s, sorted(explicit, key=lambda o: o.order_time, reverse=True))
        targets = [replace(t, score=10, why=("explicit",)) for t in targets]
        targets = [_with_changes(t, proposal, mentioned) for t in targets]
        chosen = targets[0].id if len(targets) == 1 else None
        return ChangeTargets(proposal, tuple(targets), chosen,
                             None if chosen else "ambiguous")
    if not customer_ids:
        return ChangeTargets(proposal, problem="order_not_found" if named_so else "no_customer")
    orders = list(s.scalars(
        select(Order).where(Order.customer_id.in_(customer_ids),
                            Order.merged_into_id.is_(None))
        .order_by(Order.order_time.desc(), Order.order_no.desc()).limit(RECENT)))
    if not orders:
        return ChangeTargets(proposal, problem="order_not_found" if named_so else "no_orders")
    targets = _targets(s, orders)
    scored = _score(targets, proposal, text, now, mentioned)
    scored = [_with_changes(t, proposal, mentioned) for t in scored]
    ranked = sorted(scored, key=lambda t: -t.score)   # stable: newest first among equals
    chosen = None
    if named_so:
        problem: str | None = "order_not_found"
    else:
        top = ranked[0].score
        best = [t for t in ranked if t.score == top]
        open_ones = [t for t in ranked if not t.blocked]
        if top > 0 and len(best) == 1:
            chosen = best[0].id
        elif len(open_ones) == 1 and top == 0:
            chosen = open_ones[0].id
            ranked = [replace(t, why=t.why + ("only_one",)) if t.id == chosen else t
                      for t in ranked]
        problem = None if chosen else "ambiguous"
    return ChangeTargets(proposal, tuple(ranked), chosen, problem)


def _with_changes(target: TargetOrder, proposal: MessageProposal,
                  mentioned: set[Decimal]) -> TargetOrder:
    changes, problem = _proposed_changes(target, proposal.change, mentioned)
    return replace(target, changes=changes, problem=problem)


def _score(targets: list[TargetOrder], proposal: MessageProposal, text: str,
           now: dt.datetime, mentioned: set[Decimal]) -> list[TargetOrder]:
    sku = proposal.change.get("sku")
    new_qty = proposal.change.get("quantity")
    old_qtys = mentioned - ({new_qty} if isinstance(new_qty, Decimal) else set())
    window = _date_window(text, now)
    latest = any(w in text for w in LATEST_WORDS)
    out = []
    for i, t in enumerate(targets):
        score, why = 0, []
        if sku:
            if any(ln.sku == sku for ln in t.lines):
                score += 4
                why.append("sku")
            else:
                score -= 10             # the message names a product this order lacks
        if old_qtys and any(ln.quantity in old_qtys for ln in t.lines):
            score += 3
            why.append("quantity")
        if window:
            if window[0] <= t.order_time.date() <= window[1]:
                score += 3
                why.append("date_words")
            else:
                score -= 2
        out.append(replace(t, score=score, why=tuple(why)))
    if latest:
        # '上次那单': the newest order among those the other words allow.
        top = max(t.score for t in out)
        for i, t in enumerate(out):
            if t.score == top:
                out[i] = replace(t, score=t.score + 1, why=t.why + ("latest",))
                break
    return out


# -- applying -----------------------------------------------------------------------------

def _current(order: Order, line: OrderLine | None, name: str) -> object:
    return getattr(line if name == "quantity" else order, name)


def _same(a: object, b: object) -> bool:
    return encode(a) == encode(b) or (a in (None, False) and b in (None, False))


def apply_change_request(desk: Desk, order_id: str, changes: Sequence[FieldChange],
                         message: str) -> ChangeApplied:
    """Apply the proposed changes to one order in one transaction; keep the message as a note.

    Refuses (ChangeRefused) an order that is shipped, cancelled or merged, a change whose
    old value no longer matches the order (someone changed it since the proposal), and
    an empty change. Audit and outbox rows come from the tracking hook; a
    `change_request` event names the transaction for undo.
    """
    desk.require("order.write")
    unknown = [c.field for c in changes if c.field not in FIELDS]
    if unknown:
        raise ValidationFailed(field=unknown[0], reason="not_editable")
    with desk.write() as s:
        order = s.get(Order, order_id)
        if order is None:
            raise NotFound(entity="order", key=order_id)
        blocking = _blocking(order)
        if blocking:
            raise ChangeRefused(order_no=order.order_no, reason=blocking)
        if not changes:
            raise ChangeRefused(order_no=order.order_no, reason="nothing_to_change")
        actor = s.info["actor"]
        body = message.strip() or "-"
        for ch in changes:
            line = None
            if ch.field == "quantity":
                line = s.get(OrderLine, ch.line_id) if ch.line_id else None
                if line is None or line.order_id != order.id or line.cancelled:
                    raise ChangeRefused(order_no=order.order_no, reason="line_unclear")
            if not _same(_current(order, line, ch.field), ch.old):
                raise ChangeRefused(order_no=order.order_no, reason="changed_meanwhile",
                                    field=ch.field)
            if ch.field == "quantity":
                qty = Decimal(str(ch.new))
                if qty <= 0:
                    raise ValidationFailed(field="quantity", value=ch.new, reason="not_positive")
                line.quantity = qty
            elif ch.field == "requested_date":
                for ln in order.lines:
                    if not ln.cancelled and ln.due_date in (None, order.requested_date):
                        ln.due_date = ch.new
                order.requested_date = ch.new
            elif ch.field == "rush":
                order.rush = bool(ch.new)
                if ch.new and not order.rush_reason:
                    order.rush_reason = body[:400]
            elif ch.field == "cancelled":
                order.cancelled = True
                order.cancel_reason = body[:400]
        s.add(Note(order_id=order.id, kind=NOTE_KIND, body=body,
                   author=actor.user if actor else None))
        add_audit(s, action="change_request", entity="orders", entity_id=order.id,
                  new={"changes": [{"field": c.field, "sku": c.sku, "old": encode(c.old),
                                    "new": encode(c.new)} for c in changes],
                       "message": body})
        s.flush()
        tx_id = s.info["tx_id"]
        result = Changes(orders=True, stock=any(c.field in ("quantity", "cancelled")
                                                 for c in changes))
        return ChangeApplied(order.id, order.order_no, tuple(changes), tx_id, result)


@dataclass(frozen=True)
class ChangeUndone:
    order_id: str
    order_no: str
    changes: Changes = field(default_factory=lambda: Changes(orders=True, stock=True))


def _decode(entity: str, name: str, text: str | None) -> object:
    value = json.loads(text) if text is not None else None
    if value is None:
        return None
    if name in ("quantity", "unit_price"):
        return Decimal(str(value))
    if name in ("requested_date", "promised_date", "due_date"):
        return dt.date.fromisoformat(value)
    return value


def undo_change_request(desk: Desk, tx_id: str) -> ChangeUndone:
    """Put back what one applied change request changed, from its audit rows.

    Refused (changed_since) when any of those fields was changed again afterwards; the
    message note is switched off; the undo itself is audited.
    """
    desk.require("order.write")
    with desk.write() as s:
        # A request older than the hot window has its rows packed (audit_store).
        rows = [*audit_store.rows_of_tx(s, tx_id),
                *s.scalars(select(AuditLog).where(AuditLog.tx_id == tx_id).order_by(AuditLog.id))]
        event = next((r for r in rows if r.action == "change_request"), None)
        if event is None:
            raise NotFound(entity="change_request", key=tx_id)
        order = s.get(Order, event.entity_id)
        models = {"orders": Order, "order_lines": OrderLine}
        updates = [r for r in rows if r.action == "update" and r.entity in models and r.field]
        targets = []
        for r in updates:
            obj = s.get(models[r.entity], r.entity_id)
            now_value = encode(getattr(obj, r.field))
            if now_value != encode(_decode(r.entity, r.field, r.new_value)):
                raise ChangeRefused(order_no=order.order_no, reason="changed_since",
                                    field=r.field)
            targets.append((obj, r.field, _decode(r.entity, r.field, r.old_value)))
        for obj, name, old in reversed(targets):
            setattr(obj, name, old)
        for r in rows:
            if r.action == "insert" and r.entity == "notes":
                note = s.get(Note, r.entity_id)
                if note is not None:
                    note.active = False
        add_audit(s, action="undo", entity="orders", entity_id=order.id, old=tx_id,
                  new="change_request")
        return ChangeUndone(order.id, order.order_no)
