"""The boss's first screen: the three KPIs, late and at-risk orders today, red
customers and open exceptions, read in one call (off the UI thread)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text

from orderdesk.desk import Desk
from orderdesk.insight import events, handbook, health, kpi
from orderdesk.insight.exceptions import ExceptionRow, list_exceptions
from orderdesk.models.base import utcnow

#: Orders due within this many days and not yet ready to ship are "at risk".
AT_RISK_DAYS = 2


@dataclass(frozen=True)
class DueOrder:
    order_id: str
    order_no: str
    customer: str | None
    due: dt.date
    days: int  # negative: days late; 0..AT_RISK_DAYS: days left
    status_production: str
    status_warehouse: str
    rush: bool


@dataclass(frozen=True)
class Overview:
    kpis: kpi.KpiReport
    late: tuple[DueOrder, ...]
    at_risk: tuple[DueOrder, ...]
    health: health.HealthBoard
    red: tuple[health.CustomerHealth, ...]
    open_exceptions: tuple[ExceptionRow, ...]
    overdue_exceptions: int
    handbook_offer: handbook.Offer


_DUE = """
SELECT o.id, o.order_no, c.name, COALESCE(o.promised_date, o.requested_date) AS due,
       o.status_production, o.status_warehouse, o.rush
FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
WHERE o.cancelled = 0 AND o.merged_into_id IS NULL
  AND o.status_warehouse NOT IN ('shipped')
  AND COALESCE(o.promised_date, o.requested_date) IS NOT NULL
  AND COALESCE(o.promised_date, o.requested_date) <= :horizon
ORDER BY due, o.order_no
"""


def due_orders(desk: Desk, today: dt.date) -> tuple[tuple[DueOrder, ...], tuple[DueOrder, ...]]:
    """(late, at risk): not shipped and due before today; due within AT_RISK_DAYS and not
    yet ready to ship."""
    horizon = today + dt.timedelta(days=AT_RISK_DAYS)
    with desk.read() as s:
        rows = s.execute(text(_DUE), {"horizon": horizon.isoformat()}).all()
    late, risk = [], []
    for r in rows:
        due = r.due if isinstance(r.due, dt.date) else dt.date.fromisoformat(str(r.due)[:10])
        d = DueOrder(r.id, r.order_no, r[2], due, (due - today).days, r.status_production,
                     r.status_warehouse, bool(r.rush))
        if due < today:
            late.append(d)
        elif r.status_warehouse != "ready_to_ship":
            risk.append(d)
    return tuple(late), tuple(risk)


def overview(desk: Desk, *, now: dt.datetime | None = None, by: str | None = None) -> Overview:
    now = now or utcnow()
    events.refresh(desk)
    report = kpi.kpi_report(desk, by=by, now=now, refresh=False)
    late, risk = due_orders(desk, now.date())
    board = health.health_board(desk, health.board_month(now), now=now)
    open_rows = list_exceptions(desk, status="open")
    return Overview(kpis=report, late=late, at_risk=risk, health=board,
                    red=tuple(h for h in board.customers if h.color == "red"),
                    open_exceptions=open_rows,
                    overdue_exceptions=sum(1 for r in open_rows if r.overdue(now)),
                    handbook_offer=handbook.offer(desk))
