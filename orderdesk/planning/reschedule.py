"""Reschedule proposals for orders put at risk by a delayed imported material, and their
confirmation.

Which orders: the open orders whose kit uses the material (the kit check's BOM
where-used, `orderdesk.pmc.service.component_users`) and that still need the shipment
(their kit row for it is not covered from stock). When the material can be at the plant
(the alert's projected receipt), each such order is sequenced, in the kit check's
priority order, on its usual approved machine with the capacity the plan leaves
(`capacity.CapacityEngine.finish_time`); the proposed date is the finish plus the
shipping days. Orders whose current due date is still met are not proposed.

`propose(...)` changes nothing. `confirm(...)` re-dates the orders (promised date) in
one transaction: the tracked order rows carry the audited change (so customer health
counts it as a date change), each order's sales person gets a notification, the group
robot gets one message when a webhook is set (the green channel's robot outbox), and a
`reschedules` row records the whole change. An order changed since the proposal was
made refuses the confirmation (ProposalStale) and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, ValidationFailed
from orderdesk.models import Notification, Order, OrderLine, User, WebhookMessage, utcnow
from orderdesk.models.planning import RescheduleRecord
from orderdesk.planning.capacity import CapacityEngine, factory_now, load_engine
from orderdesk.planning.customs import RiskAlert, risk_report
from orderdesk.planning.errors import ProposalStale


@dataclass(frozen=True)
class OrderChange:
    order_id: str
    order_no: str
    customer: str | None
    due_date: dt.date | None          # the date the order carries now (promised, else requested)
    proposed_date: dt.date
    machine_code: str | None          # where it is sequenced (None: no routing)
    note: str | None = None           # e.g. "no_routing"

    @property
    def days_later(self) -> int | None:
        return None if self.due_date is None else (self.proposed_date - self.due_date).days

    def as_dict(self) -> dict[str, object]:
        return {"order_no": self.order_no, "customer": self.customer,
                "due_date": self.due_date.isoformat() if self.due_date else None,
                "proposed_date": self.proposed_date.isoformat(),
                "days_later": self.days_later, "machine": self.machine_code, "note": self.note}


@dataclass(frozen=True)
class Proposal:
    alert: RiskAlert
    material_ready: dt.datetime
    orders: tuple[OrderChange, ...]
    dependent_orders: int             # orders that need the shipment at all

    def as_dict(self) -> dict[str, object]:
        a = self.alert
        return {"shipment": a.reference, "material": a.material_sku,
                "material_name": a.material_name,
                "lane": {"port": a.port, "customs_office": a.customs_office, "broker": a.broker},
                "elapsed_hours": round(a.elapsed_hours, 1),
                "baseline_hours": round(a.baseline_hours, 1), "n": a.baseline.n,
                "baseline_scope": a.baseline.scope, "ratio": round(a.ratio, 2),
                "text": a.text(), "flags": list(a.flags),
                "projected_release": a.projected_release.isoformat(timespec="minutes"),
                "material_ready": self.material_ready.isoformat(timespec="minutes"),
                "dependent_orders": self.dependent_orders,
                "affected_orders": [o.as_dict() for o in self.orders]}


def _dependent_orders(desk: Desk, material_id: str) -> list[tuple[str, str, int]]:
    """(order id, order no, kit rank) of open orders that still need this material."""
    from orderdesk.pmc.service import component_users, order_kit

    out = []
    for summary in component_users(desk, material_id):
        kit = order_kit(desk, summary.order_id)
        rows = [r for r in kit.rows if r.component_id == material_id]
        if any(r.shortage > 1e-9 or r.from_receipts > 1e-9 for r in rows):
            out.append((summary.order_id, summary.order_no, summary.rank))
    return out


def _propose_one(desk: Desk, alert: RiskAlert, engine: CapacityEngine) -> Proposal:
    ready = alert.projected_received
    dependent = _dependent_orders(desk, alert.material_id)
    ids = [d[0] for d in dependent]
    with desk.read() as s:
        orders = {o.id: o for o in s.scalars(select(Order).where(Order.id.in_(ids)))} if ids else {}
        lines: dict[str, list[tuple[str, float]]] = defaultdict(list)
        if ids:
            for ln in s.scalars(select(OrderLine).where(OrderLine.order_id.in_(ids))):
                lines[ln.order_id].append((ln.product_id, float(ln.quantity)))
        from orderdesk.models import Customer

        names = {c.id: c.name for c in s.scalars(select(Customer).where(
            Customer.id.in_({o.customer_id for o in orders.values() if o.customer_id})))}
    ship_days = engine.rules["ship_days_after_production"]
    busy_until: dict[str, dt.datetime] = {}
    added: dict[str, list[float]] = {}
    changes = []
    for oid, no, _rank in sorted(dependent, key=lambda d: d[2]):
        o = orders.get(oid)
        if o is None:
            continue
        due = o.promised_date or o.requested_date
        finish = ready
        machine = None
        note = None
        for product_id, qty in lines.get(oid, []):
            routes = engine.approved_routes(product_id)
            if not routes:
                note = "no_routing"
                continue
            r = routes[0]
            machine = engine.machines[r.machine_id].code
            start = max(ready, busy_until.get(r.machine_id, ready))
            planned = added.setdefault(r.machine_id, engine.planned(r.machine_id))
            end = engine.finish_time(r.machine_id, start, r.hours_for(qty), planned=planned)
            if end is None:
                note = "no_capacity_found"
                end = start
            busy_until[r.machine_id] = end
            finish = max(finish, end)
        proposed = finish.date() + dt.timedelta(days=ship_days)
        if due is not None and proposed <= due:
            continue
        changes.append(OrderChange(order_id=oid, order_no=no,
                                   customer=names.get(o.customer_id or ""), due_date=due,
                                   proposed_date=proposed, machine_code=machine, note=note))
    return Proposal(alert=alert, material_ready=ready, orders=tuple(changes),
                    dependent_orders=len(dependent))


def propose(desk: Desk, *, shipment_id: str | None = None, now: dt.datetime | None = None
            ) -> list[Proposal]:
    """One proposal per open alert (or for one shipment). Writes nothing."""
    desk.require("order.read")
    now = now or factory_now()
    report = risk_report(desk, now=now)
    alerts = [a for a in report.alerts if shipment_id is None or a.shipment_id == shipment_id]
    if shipment_id is not None and not alerts:
        raise NotFound(entity="risk_alert", key=shipment_id)
    engine = load_engine(desk, now=now)
    return [_propose_one(desk, a, engine) for a in alerts]


def _message(change: OrderChange, alert: RiskAlert) -> str:
    old = change.due_date.isoformat() if change.due_date else "-"
    return (f"【交期调整】订单 {change.order_no}({change.customer or '-'})交期由 {old} "
            f"改为 {change.proposed_date.isoformat()}:进口原料 {alert.material_sku} "
            f"清关延误,{alert.reference} 已用时 {alert.elapsed_hours:.0f} 小时,"
            f"为中位数的 {alert.ratio:.2f} 倍({alert.baseline.hours:.0f} 小时,"
            f"n={alert.baseline.n})。请通知客户。")


@dataclass(frozen=True)
class ConfirmResult:
    record_id: str
    orders: int
    notifications: int
    webhook_queued: bool
    changes: Changes


def confirm(desk: Desk, proposal: Proposal, *, only: set[str] | None = None) -> ConfirmResult:
    """Re-date the proposal's orders (all, or the order ids in `only`), notify sales, and
    record the reschedule, in one transaction."""
    desk.require("planning.write")
    picked = [c for c in proposal.orders if only is None or c.order_id in only]
    if not picked:
        raise ValidationFailed(field="orders", value=0, reason="nothing_to_confirm")
    from orderdesk.pmc.green_channel import load_rules as robot_rules, webhook_payload

    robot = robot_rules(desk)
    now = utcnow()
    alert = proposal.alert
    notes = 0
    with desk.write() as s:
        actor = s.info["actor"].user
        users = set(s.scalars(select(User.username)))
        for c in picked:
            o = s.get(Order, c.order_id)
            if o is None:
                raise NotFound(entity="order", key=c.order_no)
            if (o.promised_date or o.requested_date) != c.due_date or o.cancelled:
                raise ProposalStale(order_no=c.order_no)
            o.promised_date = c.proposed_date
            s.add(Notification(recipient_role="sales",
                               recipient_user=o.created_by if o.created_by in users else None,
                               kind="reschedule", order_id=o.id, body=_message(c, alert),
                               created_at=now))
            notes += 1
        record = RescheduleRecord(
            kind="supply", shipment_id=alert.shipment_id,
            reason=f"{alert.reference} {alert.material_sku}: {alert.text()}",
            changes=json.dumps([{"order_id": c.order_id, "order_no": c.order_no,
                                 "from": c.due_date.isoformat() if c.due_date else None,
                                 "to": c.proposed_date.isoformat()} for c in picked],
                               ensure_ascii=False),
            confirmed_at=now, confirmed_by=actor)
        s.add(record)
        s.flush()
        queued = False
        if robot.get("webhook_url"):
            text = (f"【交期调整】进口原料 {alert.material_sku} 清关延误({alert.reference}),"
                    f"{len(picked)} 张订单改期:" + "、".join(
                        f"{c.order_no}→{c.proposed_date.isoformat()}" for c in picked[:20]))
            s.add(WebhookMessage(kind=robot["webhook_kind"], url=robot["webhook_url"],
                                 payload=json.dumps(webhook_payload(robot["webhook_kind"], text),
                                                    ensure_ascii=False),
                                 created_at=now, next_attempt_at=now))
            queued = True
        record_id = record.id
    return ConfirmResult(record_id=record_id, orders=len(picked), notifications=notes,
                         webhook_queued=queued, changes=Changes(orders=True, planning=True))


@dataclass(frozen=True)
class RiskOverview:
    proposals: tuple[Proposal, ...]
    flagged: tuple  # FlaggedShipment rows
    open_shipments: int


def risk_overview(desk: Desk, *, now: dt.datetime | None = None) -> RiskOverview:
    """What the supply-risk screen shows: a proposal per open alert and the flagged
    shipments. Writes nothing."""
    desk.require("order.read")
    now = now or factory_now()
    report = risk_report(desk, now=now)
    engine = load_engine(desk, now=now)
    return RiskOverview(tuple(_propose_one(desk, a, engine) for a in report.alerts),
                        report.flagged, report.open_shipments)
