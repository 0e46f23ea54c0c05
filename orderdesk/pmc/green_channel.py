"""The rush-order green channel (急单绿色通道).

Business users set the rules (settings key "green_channel.rules", edited in the PMC
settings dialog): which customer tiers, how close a due date, which product lines or
SKUs put an order in the channel automatically; target minutes per department step;
the department leads; an optional WeCom/DingTalk group-robot webhook. Sales can also ask
for the channel by hand with a reason.

An order in the channel gets one RushCase and five RushSteps (engineering confirmation,
PMC kit check and scheduling, warehouse picking, quality certificate, shipping). A
step's clock starts when every earlier step is confirmed; a step not confirmed by its
due time escalates to the department lead (level 1) and, after another target period,
to the supervisor (level 2): an in-app Notification and, when a webhook is set, a
WebhookMessage queued in the same transaction for orderdesk.sync.webhooks to post.

The time from the rush request to PMC's confirmation is the cross-department latency
figure (`rush_latency`).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, OrderdeskError, ValidationFailed
from orderdesk.ids import event_id
from orderdesk.models import (
    Customer,
    Notification,
    Order,
    OrderLine,
    Product,
    RushCase,
    RushStep,
    WebhookMessage,
    utcnow,
)
from orderdesk.services.settings import get_setting, set_setting

RULES_KEY = "green_channel.rules"

#: (step, department whose lead it escalates to, permission to confirm it)
STEPS: tuple[tuple[str, str, str], ...] = (
    ("engineering", "engineering", "order.annotate"),
    ("pmc", "pmc", "rush.confirm"),
    ("warehouse", "warehouse", "order.status.warehouse"),
    ("quality", "quality", "certificate.issue"),
    ("shipping", "warehouse", "order.status.warehouse"),
)
STEP_NAMES = tuple(s for s, _, _ in STEPS)
STEP_ZH = {"engineering": "技术确认", "pmc": "PMC齐套与排产确认", "warehouse": "仓库备货拣货",
           "quality": "质量合格证", "shipping": "发运"}
DEFAULT_RULES: dict[str, Any] = {
    "enabled": True,
    "tiers": ["A"],
    "due_within_hours": 72,
    "product_lines": [],          # empty: any product line
    "skus": [],                   # empty: any product
    "targets_minutes": {"engineering": 120, "pmc": 120, "warehouse": 240, "quality": 240,
                        "shipping": 480},
    "leads": {},                  # department -> username of its lead (optional)
    "webhook_kind": "wecom",      # wecom / dingtalk
    "webhook_url": "",
}
LATENCY_TARGET_MINUTES = 120


class StepAlreadyDone(OrderdeskError):
    code = "step_done"


class NotInGreenChannel(OrderdeskError):
    code = "rush_not_found"


# ---- rules ---------------------------------------------------------------------------
def load_rules(desk: Desk) -> dict[str, Any]:
    """The stored rules over the defaults (a missing key takes its default)."""
    stored = get_setting(desk, RULES_KEY, {}) or {}
    rules = json.loads(json.dumps(DEFAULT_RULES))
    for key, value in stored.items():
        if key == "targets_minutes" and isinstance(value, dict):
            rules[key].update({k: int(v) for k, v in value.items() if k in STEP_NAMES})
        elif key in rules:
            rules[key] = value
    return rules


def save_rules(desk: Desk, rules: dict[str, Any]) -> Changes:
    """Validate and store the rules; the old and new values land in the audit trail."""
    clean = load_rules_from(rules)
    return set_setting(desk, RULES_KEY, clean, action="settings.business")


def load_rules_from(rules: dict[str, Any]) -> dict[str, Any]:
    out = json.loads(json.dumps(DEFAULT_RULES))
    tiers = [t for t in rules.get("tiers", out["tiers"])]
    if any(t not in ("A", "B", "C") for t in tiers):
        raise ValidationFailed(field="tiers", value=",".join(map(str, tiers)))
    out["tiers"] = sorted(set(tiers))
    hours = rules.get("due_within_hours", out["due_within_hours"])
    try:
        hours = int(hours)
    except (TypeError, ValueError):
        raise ValidationFailed(field="due_within_hours", value=hours, reason="not_a_number") from None
    if hours < 0:
        raise ValidationFailed(field="due_within_hours", value=hours, reason="not_positive")
    out["due_within_hours"] = hours
    out["enabled"] = bool(rules.get("enabled", True))
    out["product_lines"] = sorted({str(x).strip() for x in rules.get("product_lines", []) if str(x).strip()})
    out["skus"] = sorted({str(x).strip() for x in rules.get("skus", []) if str(x).strip()})
    for step, minutes in dict(rules.get("targets_minutes", {})).items():
        if step not in STEP_NAMES:
            raise ValidationFailed(field="targets_minutes", value=step, reason="unknown_step")
        try:
            m = int(minutes)
        except (TypeError, ValueError):
            raise ValidationFailed(field=f"target {step}", value=minutes, reason="not_a_number") from None
        if m <= 0:
            raise ValidationFailed(field=f"target {step}", value=minutes, reason="not_positive")
        out["targets_minutes"][step] = m
    out["leads"] = {k: str(v).strip() for k, v in dict(rules.get("leads", {})).items()
                    if str(v).strip()}
    kind = rules.get("webhook_kind", "wecom")
    if kind not in ("wecom", "dingtalk"):
        raise ValidationFailed(field="webhook_kind", value=kind)
    out["webhook_kind"] = kind
    url = str(rules.get("webhook_url", "") or "").strip()
    if url and not url.startswith(("http://", "https://")):
        raise ValidationFailed(field="webhook_url", value=url, reason="not_a_url")
    out["webhook_url"] = url
    return out


def rule_matches(rules: dict[str, Any], *, tier: str | None, due: dt.date | None,
                 product_lines: set[str], skus: set[str], now: dt.datetime) -> bool:
    """Does an order fall under the rules? (tier AND due date AND product/SKU lists)."""
    if not rules.get("enabled", True):
        return False
    if rules["tiers"] and tier not in rules["tiers"]:
        return False
    if due is None:
        return False
    # A due date means the end of that day: 'within 72 h' compares to its midnight.
    end_of_due = dt.datetime.combine(due + dt.timedelta(days=1), dt.time())
    if end_of_due - now > dt.timedelta(hours=rules["due_within_hours"]):
        return False
    if rules["product_lines"] and not (product_lines & set(rules["product_lines"])):
        return False
    if rules["skus"] and not (skus & set(rules["skus"])):
        return False
    return True


# ---- rows ----------------------------------------------------------------------------
@dataclass(frozen=True)
class StepRow:
    step: str
    department: str
    seq: int
    target_minutes: int
    started_at: dt.datetime | None
    due_at: dt.datetime | None
    done_at: dt.datetime | None
    done_by: str | None
    escalation_level: int

    @property
    def escalated(self) -> bool:
        return self.escalation_level > 0

    def state(self, now: dt.datetime) -> str:
        """done / late / running / waiting (earlier steps not confirmed yet)."""
        if self.done_at:
            return "done"
        if self.due_at is None:
            return "waiting"
        return "late" if now > self.due_at else "running"


@dataclass(frozen=True)
class RushCaseRow:
    id: str
    order_id: str
    order_no: str
    customer_name: str | None
    customer_tier: str | None
    need_date: dt.date | None
    source: str
    reason: str
    requested_by: str | None
    requested_at: dt.datetime
    closed_at: dt.datetime | None
    active: bool
    steps: tuple[StepRow, ...]

    @property
    def started_at(self) -> dt.datetime:
        return self.requested_at

    def current(self) -> StepRow | None:
        return next((s for s in self.steps if not s.done_at), None)


@dataclass(frozen=True)
class NotificationRow:
    id: str
    recipient_role: str
    recipient_user: str | None
    kind: str
    order_id: str | None
    order_no: str | None
    step: str | None
    body: str
    created_at: dt.datetime
    read_at: dt.datetime | None


@dataclass(frozen=True)
class EscalationRow:
    order_id: str
    order_no: str
    step: str
    level: int
    department_lead: str
    overdue_minutes: int
    notification_id: str
    webhook_queued: bool


@dataclass(frozen=True)
class LatencyRow:
    order_id: str
    order_no: str
    customer_tier: str | None
    source: str
    requested_at: dt.datetime
    confirmed_at: dt.datetime | None
    minutes: float | None


@dataclass(frozen=True)
class LatencyReport:
    rows: tuple[LatencyRow, ...]
    confirmed: int
    pending: int
    median_minutes: float | None
    p90_minutes: float | None
    max_minutes: float | None
    within_target: float | None            # share of confirmed within the target
    target_minutes: int = LATENCY_TARGET_MINUTES
    by_tier: tuple[tuple[str, int, float | None], ...] = field(default=())


def _step_row(st: RushStep) -> StepRow:
    return StepRow(step=st.step, department=st.department, seq=st.seq,
                   target_minutes=st.target_minutes, started_at=st.started_at,
                   due_at=st.due_at, done_at=st.done_at, done_by=st.done_by,
                   escalation_level=st.escalation_level)


def _case_rows(s: Session, cases: list[RushCase]) -> list[RushCaseRow]:
    if not cases:
        return []
    ids = [c.id for c in cases]
    steps: dict[str, list[RushStep]] = {}
    for st in s.scalars(select(RushStep).where(RushStep.case_id.in_(ids)).order_by(RushStep.seq)):
        steps.setdefault(st.case_id, []).append(st)
    heads = {oid: (no, name, tier, req) for oid, no, name, tier, req in s.execute(
        select(Order.id, Order.order_no, Customer.name, Customer.tier, Order.requested_date)
        .outerjoin(Customer, Customer.id == Order.customer_id)
        .where(Order.id.in_([c.order_id for c in cases])))}
    out = []
    for c in cases:
        no, name, tier, req = heads.get(c.order_id, ("?", None, None, None))
        out.append(RushCaseRow(
            id=c.id, order_id=c.order_id, order_no=no, customer_name=name, customer_tier=tier,
            need_date=req, source=c.source, reason=c.reason, requested_by=c.requested_by,
            requested_at=c.requested_at, closed_at=c.closed_at, active=c.active,
            steps=tuple(_step_row(st) for st in steps.get(c.id, ()))))
    return out


# ---- opening cases -------------------------------------------------------------------
def _active_case(s: Session, order_id: str) -> RushCase | None:
    return s.scalars(select(RushCase).where(RushCase.order_id == order_id)
                     .order_by(RushCase.requested_at.desc()).limit(1)).first()


def _open_case(s: Session, order: Order, *, source: str, reason: str, user: str | None,
               rules: dict[str, Any], now: dt.datetime) -> RushCase:
    case = RushCase(order_id=order.id, source=source, reason=reason, requested_by=user,
                    requested_at=now, active=True)
    s.add(case)
    s.flush()
    for seq, (step, dept, _perm) in enumerate(STEPS):
        minutes = int(rules["targets_minutes"][step])
        first = seq == 0
        s.add(RushStep(case_id=case.id, order_id=order.id, step=step, department=dept,
                       seq=seq, target_minutes=minutes,
                       started_at=now if first else None,
                       due_at=now + dt.timedelta(minutes=minutes) if first else None))
    order.rush = True
    order.rush_reason = reason
    s.flush()
    return case


def request_rush(desk: Desk, order_id: str, reason: str, *,
                 now: dt.datetime | None = None) -> RushCaseRow:
    """Sales asks for the green channel with a reason; the clock of each step starts.

    Asking again for an order already in the channel keeps the running case (and its
    timers) and records the new reason in the trail.
    """
    desk.require("rush.request")
    if not reason or not reason.strip():
        raise ValidationFailed(field="reason", reason="required")
    now = now or utcnow()
    rules = load_rules(desk)
    with desk.write() as s:
        order = s.get(Order, order_id)
        if order is None:
            raise NotFound(entity="order", key=order_id)
        if order.cancelled or order.merged_into_id:
            raise ValidationFailed(field="order", value=order.order_no, reason="not_open")
        case = _active_case(s, order_id)
        user = s.info["actor"].user
        if case is not None and case.active and case.closed_at is None:
            case.reason = reason.strip()
            order.rush, order.rush_reason = True, reason.strip()
        else:
            case = _open_case(s, order, source="manual", reason=reason.strip(), user=user,
                              rules=rules, now=now)
        s.flush()
        return _case_rows(s, [case])[0]


def withdraw_rush(desk: Desk, order_id: str, reason: str) -> Changes:
    """Take an order out of the green channel; the case stays in the trail."""
    desk.require("rush.request")
    if not reason.strip():
        raise ValidationFailed(field="reason", reason="required")
    with desk.write() as s:
        case = _active_case(s, order_id)
        if case is None or not case.active:
            raise NotInGreenChannel(order_no=order_id)
        case.active = False
        case.withdrawn_reason = reason.strip()
        order = s.get(Order, order_id)
        order.rush = False
    return Changes(orders=True)


def evaluate_rules(desk: Desk, *, now: dt.datetime | None = None) -> list[str]:
    """Open a case for each order awaiting schedule that matches the rules, or that is
    flagged rush without a case (e.g. imported with a rush mark). Returns the order ids
    added. Orders already in production enter only through request_rush."""
    now = now or utcnow()
    rules = load_rules(desk)
    added: list[str] = []
    with desk.write() as s:
        have = set(s.scalars(select(RushCase.order_id)))
        open_orders = s.execute(
            select(Order, Customer.tier).outerjoin(Customer, Customer.id == Order.customer_id)
            .where(Order.cancelled.is_(False), Order.merged_into_id.is_(None),
                   # The channel starts at engineering and PMC: orders already in
                   # production enter it only by an explicit request.
                   Order.status_production == "awaiting_schedule")).all()
        candidates = [(o, tier) for o, tier in open_orders if o.id not in have]
        if not candidates:
            return []
        lines: dict[str, list[tuple[str | None, str, dt.date | None]]] = {}
        for oid, pline, sku, due in s.execute(
                select(OrderLine.order_id, Product.product_line, Product.sku, OrderLine.due_date)
                .join(Product, Product.id == OrderLine.product_id)
                .where(OrderLine.cancelled.is_(False),
                       OrderLine.order_id.in_([o.id for o, _ in candidates]))):
            lines.setdefault(oid, []).append((pline, sku, due))
        for order, tier in candidates:
            ls = lines.get(order.id, [])
            dues = [d for _, _, d in ls if d] or ([order.requested_date]
                                                   if order.requested_date else [])
            due = min(dues) if dues else None
            if order.rush:
                reason = order.rush_reason or "急单"
                source = "flag"
            elif rule_matches(rules, tier=tier, due=due,
                              product_lines={p for p, _, _ in ls if p},
                              skus={k for _, k, _ in ls}, now=now):
                reason = _rule_reason(rules, tier)
                source = "rule"
            else:
                continue
            _open_case(s, order, source=source, reason=reason, user=None, rules=rules, now=now)
            added.append(order.id)
    return added


def _rule_reason(rules: dict[str, Any], tier: str | None) -> str:
    return f"{tier or '-'}类客户, 交期{rules['due_within_hours']}小时内"


# ---- steps ---------------------------------------------------------------------------
def _advance(steps: list[RushStep], case: RushCase, now: dt.datetime) -> None:
    """Start the clock of each step whose earlier steps are all confirmed."""
    last_done = case.requested_at
    for st in steps:
        if st.started_at is None:
            st.started_at = max(last_done, case.requested_at)
            st.due_at = st.started_at + dt.timedelta(minutes=st.target_minutes)
        if st.done_at is None:
            break
        last_done = max(last_done, st.done_at)
    if all(st.done_at for st in steps) and case.closed_at is None:
        case.closed_at = now


def confirm_step(desk: Desk, order_id: str, step: str, *,
                 now: dt.datetime | None = None) -> RushCaseRow:
    """A department confirms its step; the next step's clock starts. A step may be
    confirmed before its turn (work done in parallel); it then counts as done."""
    if step not in STEP_NAMES:
        raise ValidationFailed(field="step", value=step)
    desk.require(dict((s, p) for s, _, p in STEPS)[step])
    now = now or utcnow()
    with desk.write() as s:
        case = _active_case(s, order_id)
        if case is None or not case.active:
            no = s.scalar(select(Order.order_no).where(Order.id == order_id)) or order_id
            raise NotInGreenChannel(order_no=no)
        steps = list(s.scalars(select(RushStep).where(RushStep.case_id == case.id)
                               .order_by(RushStep.seq)))
        target = next(st for st in steps if st.step == step)
        if target.done_at is not None:
            no = s.scalar(select(Order.order_no).where(Order.id == order_id))
            raise StepAlreadyDone(order_no=no, step=STEP_ZH[step])
        target.done_at = now
        target.done_by = s.info["actor"].user
        _advance(steps, case, now)
        s.flush()
        return _case_rows(s, [case])[0]


def list_cases(desk: Desk, *, include_closed: bool = False,
               order_id: str | None = None) -> list[RushCaseRow]:
    """Active green-channel cases, oldest request first (closed ones on request)."""
    desk.require("order.read")
    with desk.read() as s:
        q = select(RushCase).where(RushCase.active.is_(True)).order_by(RushCase.requested_at)
        if not include_closed:
            q = q.where(RushCase.closed_at.is_(None))
        if order_id:
            q = q.where(RushCase.order_id == order_id)
        return _case_rows(s, list(s.scalars(q)))


def rush_order_ids(desk: Desk) -> set[str]:
    """Orders with an open green-channel case: for other stations' list marks."""
    with desk.read() as s:
        return set(s.scalars(select(RushCase.order_id).where(
            RushCase.active.is_(True), RushCase.closed_at.is_(None))))


# ---- escalation ----------------------------------------------------------------------
def _message(order_no: str, customer: str | None, step: str, level: int, minutes: int,
             lead: str | None) -> str:
    who = f"@{lead} " if lead else ""
    head = "【急单超时升级】" if level == 1 else "【急单二次升级·主管】"
    return (f"{head}{who}订单 {order_no}({customer or '-'})的「{STEP_ZH[step]}」"
            f"已超时 {minutes} 分钟,请立即处理。")


def webhook_payload(kind: str, content: str, mention: str | None = None) -> dict[str, Any]:
    """Body for a WeCom (企业微信) or DingTalk (钉钉) group robot text message."""
    if kind == "dingtalk":
        return {"msgtype": "text", "text": {"content": content},
                "at": {"atUserIds": [mention] if mention else [], "isAtAll": False}}
    body: dict[str, Any] = {"msgtype": "text", "text": {"content": content}}
    if mention:
        body["text"]["mentioned_list"] = [mention]
    return body


def due_escalations(desk: Desk, *, now: dt.datetime | None = None) -> list[EscalationRow]:
    """Escalate every stalled step: level 1 to its department lead when its due time has
    passed, level 2 to the supervisor one target period later. Each escalation writes a
    notification and, when a webhook is set, the robot message, in one transaction."""
    now = now or utcnow()
    rules = load_rules(desk)
    out: list[EscalationRow] = []
    with desk.write() as s:
        rows = s.execute(
            select(RushStep, RushCase, Order.order_no, Customer.name)
            .join(RushCase, RushCase.id == RushStep.case_id)
            .join(Order, Order.id == RushStep.order_id)
            .outerjoin(Customer, Customer.id == Order.customer_id)
            .where(RushCase.active.is_(True), RushCase.closed_at.is_(None),
                   RushStep.done_at.is_(None), RushStep.due_at.is_not(None),
                   RushStep.due_at < now, RushStep.escalation_level < 2)
            .order_by(RushStep.due_at)).all()
        for st, _case, order_no, customer in rows:
            overdue = now - st.due_at
            level = 2 if overdue >= dt.timedelta(minutes=st.target_minutes) else 1
            if level <= st.escalation_level:
                continue
            role = st.department if level == 1 else "supervisor"
            lead = rules["leads"].get(role)
            minutes = int(overdue.total_seconds() // 60)
            body = _message(order_no, customer, st.step, level, minutes, lead)
            # Every PMC station runs this tick; stations that have not synced yet may
            # escalate the same step, and the shared id makes that one notification.
            note_id = event_id("escalation", st.id, level)
            if s.get(Notification, note_id) is not None:
                st.escalation_level = level
                continue
            note = Notification(id=note_id, recipient_role=role, recipient_user=lead,
                                kind="escalation", order_id=st.order_id, step=st.step,
                                body=body, created_at=now)
            s.add(note)
            s.flush()
            queued = False
            if rules["webhook_url"]:
                s.add(WebhookMessage(
                    kind=rules["webhook_kind"], url=rules["webhook_url"],
                    payload=json.dumps(webhook_payload(rules["webhook_kind"], body, lead),
                                       ensure_ascii=False),
                    notification_id=note.id, created_at=now, next_attempt_at=now))
                queued = True
            st.escalation_level = level
            st.escalated_at = now
            out.append(EscalationRow(order_id=st.order_id, order_no=order_no, step=st.step,
                                     level=level, department_lead=lead or role,
                                     overdue_minutes=minutes, notification_id=note.id,
                                     webhook_queued=queued))
    return out


def notifications(desk: Desk, *, roles: tuple[str, ...] | None = None,
                  unread_only: bool = True, limit: int = 200,
                  all_roles: bool = False) -> list[NotificationRow]:
    """Notifications for these roles (default: the signed-in user's; with nobody signed
    in, or all_roles, everyone's), newest first."""
    if all_roles:
        roles = ()
    elif roles is None:
        roles = desk.user.roles if desk.user else ()
    with desk.read() as s:
        q = (select(Notification, Order.order_no)
             .outerjoin(Order, Order.id == Notification.order_id)
             .order_by(Notification.created_at.desc()).limit(limit))
        if roles:
            q = q.where(Notification.recipient_role.in_(roles))
        if unread_only:
            q = q.where(Notification.read_at.is_(None))
        return [NotificationRow(id=n.id, recipient_role=n.recipient_role,
                                recipient_user=n.recipient_user, kind=n.kind,
                                order_id=n.order_id, order_no=no, step=n.step, body=n.body,
                                created_at=n.created_at, read_at=n.read_at)
                for n, no in s.execute(q)]


def mark_read(desk: Desk, notification_id: str) -> Changes:
    with desk.write() as s:
        n = s.get(Notification, notification_id)
        if n is None:
            raise NotFound(entity="notification", key=notification_id)
        if n.read_at is None:
            n.read_at = utcnow()
            n.read_by = s.info["actor"].user
    return Changes(orders=True)


# ---- webhook outbox (posted by orderdesk.sync.webhooks; no HTTP here) -------------------
@dataclass(frozen=True)
class WebhookItem:
    id: int
    kind: str
    url: str
    payload: dict[str, Any]
    attempts: int


def due_webhooks(desk: Desk, *, now: dt.datetime | None = None,
                 limit: int = 20) -> list[WebhookItem]:
    now = now or utcnow()
    with desk.read() as s:
        rows = s.scalars(select(WebhookMessage).where(
            WebhookMessage.sent_at.is_(None), WebhookMessage.next_attempt_at <= now)
            .order_by(WebhookMessage.id).limit(limit))
        return [WebhookItem(id=m.id, kind=m.kind, url=m.url, payload=json.loads(m.payload),
                            attempts=m.attempts) for m in rows]


def backoff(attempts: int) -> dt.timedelta:
    """30 s, 1, 2, 4 ... minutes, at most 30 minutes between tries; never given up."""
    return dt.timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 1800))


def webhook_result(desk: Desk, message_id: int, *, ok: bool, error: str | None = None,
                   now: dt.datetime | None = None) -> None:
    now = now or utcnow()
    with desk.write() as s:
        m = s.get(WebhookMessage, message_id)
        if m is None:
            raise NotFound(entity="webhook_message", key=message_id)
        m.attempts += 1
        if ok:
            m.sent_at = now
            m.last_error = None
        else:
            m.last_error = (error or "error")[:500]
            m.next_attempt_at = now + backoff(m.attempts)


def webhook_status(desk: Desk) -> tuple[int, int, str | None]:
    """(waiting, sent, last error) for the settings dialog and the status line."""
    with desk.read() as s:
        waiting = s.scalars(select(WebhookMessage).where(WebhookMessage.sent_at.is_(None))).all()
        sent = len(s.scalars(select(WebhookMessage.id).where(
            WebhookMessage.sent_at.is_not(None))).all())
        last = next((m.last_error for m in reversed(waiting) if m.last_error), None)
        return len(waiting), sent, last


# ---- latency -------------------------------------------------------------------------
def rush_latency(desk: Desk, *, since: dt.datetime | None = None,
                 until: dt.datetime | None = None, tier: str | None = None) -> LatencyReport:
    """Minutes from the rush request (sales or rule) to PMC's confirmation, per case,
    with median / p90 / max and the share within the 2-hour target, by tier."""
    with desk.read() as s:
        q = (select(RushCase, RushStep.done_at, Order.order_no, Customer.tier)
             .join(RushStep, (RushStep.case_id == RushCase.id) & (RushStep.step == "pmc"))
             .join(Order, Order.id == RushCase.order_id)
             .outerjoin(Customer, Customer.id == Order.customer_id)
             .order_by(RushCase.requested_at))
        if since:
            q = q.where(RushCase.requested_at >= since)
        if until:
            q = q.where(RushCase.requested_at < until)
        if tier:
            q = q.where(Customer.tier == tier)
        rows = []
        for case, done, no, ctier in s.execute(q):
            minutes = (done - case.requested_at).total_seconds() / 60 if done else None
            rows.append(LatencyRow(order_id=case.order_id, order_no=no, customer_tier=ctier,
                                   source=case.source, requested_at=case.requested_at,
                                   confirmed_at=done, minutes=minutes))
    done_minutes = sorted(r.minutes for r in rows if r.minutes is not None)

    def p90(values: list[float]) -> float | None:
        if not values:
            return None
        return values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))]

    by_tier = []
    for t in sorted({r.customer_tier or "-" for r in rows}):
        vals = [r.minutes for r in rows if (r.customer_tier or "-") == t and r.minutes is not None]
        by_tier.append((t, len(vals), statistics.median(vals) if vals else None))
    return LatencyReport(
        rows=tuple(rows), confirmed=len(done_minutes), pending=len(rows) - len(done_minutes),
        median_minutes=statistics.median(done_minutes) if done_minutes else None,
        p90_minutes=p90(done_minutes), max_minutes=done_minutes[-1] if done_minutes else None,
        within_target=(sum(1 for m in done_minutes if m <= LATENCY_TARGET_MINUTES)
                       / len(done_minutes)) if done_minutes else None,
        by_tier=tuple(by_tier))
