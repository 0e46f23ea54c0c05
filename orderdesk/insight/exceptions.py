"""Order exception quick reports (订单异常快速上报) and their lessons-learned cards.

A report names its kind (from a list business users edit), the order or line, a
description and photos; it goes to the queue with an owner and a due time. Closing it
requires the card: root-cause category (人机料法环测) with text, the action taken and
where it applies. A card can be saved as a draft at any time; a close with fields
missing is refused with the missing fields listed (the draft is kept). A new card that
reads like an accepted earlier one asks "the same problem again?" first; the answer is
stored, and recurrences are counted from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, OrderdeskError, PermissionDenied, ValidationFailed
from orderdesk.models import Customer, NumberSequence, Order, OrderLine
from orderdesk.models.base import utcnow
from orderdesk.models.insight import ExceptionPhoto, ExceptionReport, LessonCard
from orderdesk.services.orders import store_blob
from orderdesk.services.settings import get_setting, set_setting

KINDS_KEY = "insight.exception_kinds"

#: 人机料法环测, the root-cause categories of a card (codes stored, names shown).
CATEGORIES = ("man", "machine", "material", "method", "environment", "measurement")
CATEGORY_ZH = {"man": "人", "machine": "机", "material": "料", "method": "法",
               "environment": "环", "measurement": "测"}

#: Kinds every factory starts with; business users edit the list (settings).
DEFAULT_KINDS: tuple[dict[str, str], ...] = (
    {"code": "complaint", "name": "客户投诉"},
    {"code": "wrong_spec", "name": "规格/型号错误"},
    {"code": "quantity", "name": "数量差异"},
    {"code": "late", "name": "交期延误"},
    {"code": "quality", "name": "质量问题"},
    {"code": "packaging", "name": "包装/标签问题"},
    {"code": "other", "name": "其他"},
)

#: Fields a card needs before its exception may close.
CARD_FIELDS = ("category", "cause", "action", "applies_to")

#: rapidfuzz score (0-100) from which an earlier card counts as "resembling".
SIMILAR_SCORE = 80.0
DEFAULT_DUE_HOURS = 24


class CardIncomplete(OrderdeskError):
    """The close was refused: these card fields are still empty (the draft is kept)."""

    code = "insight_card_incomplete"


class SimilarCardFound(OrderdeskError):
    """The card reads like earlier ones: ask whether it is the same problem again."""

    code = "insight_similar_card"

    def __init__(self, candidates: tuple[SimilarCard, ...]) -> None:
        self.candidates = candidates
        super().__init__(count=len(candidates), best=candidates[0].report_no)


class ExceptionClosed(OrderdeskError):
    code = "insight_exception_closed"


@dataclass(frozen=True)
class Kind:
    code: str
    name: str


@dataclass(frozen=True)
class CardRow:
    id: str
    report_id: str
    category: str | None
    scenario: str | None
    cause: str | None
    action: str | None
    applies_to: str | None
    state: str
    same_as_id: str | None
    accepted_at: dt.datetime | None

    def missing(self) -> tuple[str, ...]:
        return tuple(f for f in CARD_FIELDS if not (getattr(self, f) or "").strip())


@dataclass(frozen=True)
class ExceptionRow:
    id: str
    report_no: str
    kind: str
    order_id: str | None
    order_no: str | None
    line_no: int | None
    customer_code: str | None
    customer_name: str | None
    description: str
    owner: str | None
    due_at: dt.datetime | None
    status: str
    raised_by: str | None
    raised_at: dt.datetime
    closed_at: dt.datetime | None
    photos: int
    card: CardRow | None

    def overdue(self, now: dt.datetime) -> bool:
        return self.status == "open" and self.due_at is not None and self.due_at < now


@dataclass(frozen=True)
class SimilarCard:
    card_id: str
    report_no: str
    score: float
    scenario: str
    cause: str


@dataclass(frozen=True)
class ReportResult:
    row: ExceptionRow
    changes: Changes


# ---- kinds ---------------------------------------------------------------------------
def kinds(desk: Desk) -> tuple[Kind, ...]:
    value = get_setting(desk, KINDS_KEY, None)
    rows = value if isinstance(value, list) and value else list(DEFAULT_KINDS)
    return tuple(Kind(str(k["code"]), str(k.get("name") or k["code"])) for k in rows
                 if isinstance(k, dict) and k.get("code"))


def save_kinds(desk: Desk, items: list[Kind]) -> Changes:
    """Replace the list of kinds; codes must be unique and non-empty. Old reports keep
    their kind even when it leaves the list."""
    codes = [k.code.strip() for k in items]
    if not codes or any(not c for c in codes) or len(set(codes)) != len(codes):
        raise ValidationFailed(field="kinds", reason="codes_unique_non_empty")
    return set_setting(desk, KINDS_KEY, [{"code": k.code.strip(), "name": k.name.strip()}
                                         for k in items])


# ---- reading -------------------------------------------------------------------------
def _card_row(card: LessonCard | None) -> CardRow | None:
    if card is None:
        return None
    return CardRow(id=card.id, report_id=card.report_id, category=card.category,
                   scenario=card.scenario, cause=card.cause, action=card.action,
                   applies_to=card.applies_to, state=card.state, same_as_id=card.same_as_id,
                   accepted_at=card.accepted_at)


def _rows(s: Session, reports: list[ExceptionReport]) -> list[ExceptionRow]:
    ids = [r.id for r in reports]
    cards = {c.report_id: c for c in s.scalars(select(LessonCard)
                                               .where(LessonCard.report_id.in_(ids)))}
    photos = dict(s.execute(select(ExceptionPhoto.report_id, func.count())
                            .where(ExceptionPhoto.report_id.in_(ids))
                            .group_by(ExceptionPhoto.report_id)).all())
    order_ids = {r.order_id for r in reports if r.order_id}
    orders = {o.id: o.order_no for o in s.scalars(select(Order).where(Order.id.in_(order_ids)))}
    line_ids = {r.line_id for r in reports if r.line_id}
    lines = {ln.id: ln.line_no for ln in s.scalars(select(OrderLine)
                                                   .where(OrderLine.id.in_(line_ids)))}
    cust_ids = {r.customer_id for r in reports if r.customer_id}
    customers = {c.id: c for c in s.scalars(select(Customer).where(Customer.id.in_(cust_ids)))}
    out = []
    for r in reports:
        c = customers.get(r.customer_id) if r.customer_id else None
        out.append(ExceptionRow(
            id=r.id, report_no=r.report_no, kind=r.kind, order_id=r.order_id,
            order_no=orders.get(r.order_id) if r.order_id else None,
            line_no=lines.get(r.line_id) if r.line_id else None,
            customer_code=c.code if c else None, customer_name=c.name if c else None,
            description=r.description, owner=r.owner, due_at=r.due_at, status=r.status,
            raised_by=r.raised_by, raised_at=r.raised_at, closed_at=r.closed_at,
            photos=int(photos.get(r.id, 0)), card=_card_row(cards.get(r.id))))
    return out


def list_exceptions(desk: Desk, *, status: str | None = "open",
                    limit: int | None = None) -> tuple[ExceptionRow, ...]:
    """The queue: open ones by due time (overdue first), closed ones newest first."""
    desk.require("order.read")
    with desk.read() as s:
        q = select(ExceptionReport)
        if status:
            q = q.where(ExceptionReport.status == status)
        if status == "open":
            q = q.order_by(ExceptionReport.due_at.is_(None), ExceptionReport.due_at)
        else:
            q = q.order_by(ExceptionReport.raised_at.desc())
        if limit:
            q = q.limit(limit)
        return tuple(_rows(s, list(s.scalars(q))))


def get_exception(desk: Desk, report: str) -> ExceptionRow:
    with desk.read() as s:
        return _rows(s, [_find(s, report)])[0]


def _find(s: Session, report: str) -> ExceptionReport:
    row = s.get(ExceptionReport, report) or s.scalar(
        select(ExceptionReport).where(ExceptionReport.report_no == report))
    if row is None:
        raise NotFound(entity="exception", key=report)
    return row


# ---- reporting -----------------------------------------------------------------------
def _next_no(s: Session, when: dt.datetime, station: str) -> str:
    name = f"EX-{when.year}"
    seq = s.get(NumberSequence, name)
    if seq is None:
        seq = NumberSequence(name=name, next_value=1)
        s.add(seq)
        s.flush()
    value = seq.next_value
    s.execute(update(NumberSequence).where(NumberSequence.name == name)
              .values(next_value=value + 1))
    s.expire(seq)
    # The station's name keeps numbers made offline on two stations apart.
    tag = "".join(ch for ch in station.upper() if ch.isalnum())[:8] or "ST"
    return f"EX-{when.year}-{tag}-{value:05d}"


def report_exception(desk: Desk, *, kind: str, description: str, order_no: str | None = None,
                     line_no: int | None = None, owner: str | None = None,
                     due_at: dt.datetime | None = None,
                     photos: tuple[tuple[str, bytes], ...] = (),
                     department: str | None = None,
                     now: dt.datetime | None = None) -> ReportResult:
    """Raise an exception report into the queue; one transaction with its photos."""
    desk.require("exception.report")
    if kind not in {k.code for k in kinds(desk)}:
        raise ValidationFailed(field="kind", value=kind, reason="unknown")
    if not description.strip():
        raise ValidationFailed(field="description", reason="required")
    now = now or utcnow()
    actor_user = desk.user.username if desk.user else None
    if department is None and desk.user:
        department = next((r for r in desk.user.roles), None)
    with desk.write() as s:
        order = line = None
        if order_no:
            order = s.scalar(select(Order).where(Order.order_no == order_no.strip()))
            if order is None:
                raise NotFound(entity="order", key=order_no)
            if line_no is not None:
                line = s.scalar(select(OrderLine).where(OrderLine.order_id == order.id,
                                                        OrderLine.line_no == line_no))
                if line is None:
                    raise NotFound(entity="order_line", key=f"{order_no}/{line_no}")
        elif line_no is not None:
            raise ValidationFailed(field="line_no", reason="needs_order")
        report = ExceptionReport(
            report_no=_next_no(s, now, desk.station), kind=kind, order_id=order.id if order else None,
            line_id=line.id if line else None, customer_id=order.customer_id if order else None,
            description=description.strip(), owner=owner or None,
            due_at=due_at or now + dt.timedelta(hours=DEFAULT_DUE_HOURS), status="open",
            raised_by=actor_user or s.info["actor"].user, raised_at=now,
            department=department, station=desk.station)
        s.add(report)
        s.flush()
        for filename, data in photos:
            if not data:
                raise ValidationFailed(field="photo", value=filename, reason="empty")
            s.add(ExceptionPhoto(report_id=report.id, sha256=store_blob(s, data),
                                 filename=filename))
        s.flush()
        row = _rows(s, [report])[0]
    return ReportResult(row=row, changes=Changes(orders=True))


def assign(desk: Desk, report: str, *, owner: str | None = None,
           due_at: dt.datetime | None = None) -> Changes:
    desk.require("exception.manage")
    with desk.write() as s:
        r = _find(s, report)
        if owner is not None:
            r.owner = owner or None
        if due_at is not None:
            r.due_at = due_at
    return Changes(orders=True)


# ---- cards ---------------------------------------------------------------------------
def card_text(scenario: str | None, cause: str | None, action: str | None) -> str:
    return " ".join(t.strip() for t in (scenario, cause, action) if t and t.strip())


def similar_cards(desk: Desk, text: str, *, exclude_report: str | None = None,
                  threshold: float = SIMILAR_SCORE, limit: int = 5) -> tuple[SimilarCard, ...]:
    """Accepted cards whose text resembles `text` (rapidfuzz token-set ratio), best first."""
    if not text.strip():
        return ()
    with desk.read() as s:
        rows = s.execute(select(LessonCard, ExceptionReport.report_no)
                         .join(ExceptionReport, ExceptionReport.id == LessonCard.report_id)
                         .where(LessonCard.state == "accepted")).all()
    found = []
    for card, report_no in rows:
        if exclude_report and card.report_id == exclude_report:
            continue
        score = fuzz.token_set_ratio(text, card_text(card.scenario, card.cause, card.action))
        if score >= threshold:
            found.append(SimilarCard(card.id, report_no, float(score), card.scenario or "",
                                     card.cause or ""))
    found.sort(key=lambda c: -c.score)
    return tuple(found[:limit])


def _may_close(desk: Desk, report: ExceptionReport) -> None:
    if desk.user is None or desk.user.can("exception.manage"):
        return
    if report.owner and report.owner == desk.user.username:
        return
    raise PermissionDenied(action="exception.manage")


def save_card(desk: Desk, report: str, *, category: str | None = None,
              cause: str | None = None, action: str | None = None,
              applies_to: str | None = None, scenario: str | None = None) -> CardRow:
    """Save the card as a draft (any field may still be empty); the exception stays open."""
    desk.require("exception.report")
    if category and category not in CATEGORIES:
        raise ValidationFailed(field="category", value=category, reason="unknown")
    with desk.write() as s:
        r = _find(s, report)
        if r.status == "closed":
            raise ExceptionClosed(report_no=r.report_no)
        card = s.scalar(select(LessonCard).where(LessonCard.report_id == r.id))
        if card is None:
            card = LessonCard(report_id=r.id, state="draft", scenario=r.description,
                              author=desk.user.username if desk.user else s.info["actor"].user)
            s.add(card)
        for name, value in (("category", category), ("cause", cause), ("action", action),
                            ("applies_to", applies_to), ("scenario", scenario)):
            if value is not None:
                setattr(card, name, value.strip() or None)
        s.flush()
        return _card_row(card)  # type: ignore[return-value]


def close_exception(desk: Desk, report: str, *, category: str | None = None,
                    cause: str | None = None, action: str | None = None,
                    applies_to: str | None = None, scenario: str | None = None,
                    same_as: str | None = None, now: dt.datetime | None = None) -> CardRow:
    """Close with its lessons-learned card. Whatever fields are given are saved first
    (a draft), then: fields missing -> CardIncomplete(missing=[...]); the card resembles
    accepted ones and `same_as` is None (not yet asked) -> SimilarCardFound. Answer
    with same_as=<card id> ("the same problem again") or same_as="" (a new problem)."""
    with desk.read() as s:
        _may_close(desk, _find(s, report))
    card = save_card(desk, report, category=category, cause=cause, action=action,
                     applies_to=applies_to, scenario=scenario)
    missing = card.missing()
    if missing:
        raise CardIncomplete(missing=list(missing), fields=", ".join(missing))
    if same_as is None:
        candidates = similar_cards(desk, card_text(card.scenario, card.cause, card.action),
                                   exclude_report=card.report_id)
        if candidates:
            raise SimilarCardFound(candidates)
    now = now or utcnow()
    with desk.write() as s:
        r = _find(s, report)
        c = s.scalar(select(LessonCard).where(LessonCard.report_id == r.id))
        if same_as:
            earlier = s.get(LessonCard, same_as)
            if earlier is None or earlier.state != "accepted":
                raise NotFound(entity="lesson_card", key=same_as)
            # Point at the first card of the chain, so recurrences count in one place.
            c.same_as_id = earlier.same_as_id or earlier.id
        c.state = "accepted"
        c.accepted_at = now
        r.status = "closed"
        r.closed_at = now
        r.closed_by = desk.user.username if desk.user else s.info["actor"].user
        s.flush()
        return _card_row(c)  # type: ignore[return-value]


def accepted_cards(desk: Desk) -> int:
    with desk.read() as s:
        return int(s.scalar(select(func.count()).select_from(LessonCard)
                            .where(LessonCard.state == "accepted")) or 0)


def recurrences(desk: Desk) -> dict[str, int]:
    """For each first card of a chain: how many later cards said "the same again"."""
    with desk.read() as s:
        rows = s.execute(select(LessonCard.same_as_id, func.count())
                         .where(LessonCard.same_as_id.is_not(None),
                                LessonCard.state == "accepted")
                         .group_by(LessonCard.same_as_id)).all()
    return {k: int(v) for k, v in rows}
