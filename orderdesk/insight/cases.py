"""The measured cases beside the event log: one row per order (received, confirmed,
released, first correction after confirmation) and per rush case (requested, PMC
confirmed, withdrawn), with the dimensions the KPIs break down by.

Rebuilt, inside the log's refresh, for every order that has new events or whose row
changed since the last refresh (orders.updated_at: a cancel, a merge, another
customer). So the KPI page reads one indexed table instead of re-deriving a year of
intervals each time. The product line is the order's first line's, as of the rebuild.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.orm import Session

from orderdesk.models.insight import InsightCase

_AFFECTED = "insight_affected"


def _minutes(a: str, b: str) -> str:
    """SQL for the minutes from a to b, exact to the microsecond (julianday() is not)."""
    return (f"(((strftime('%s', {b}) - strftime('%s', {a})) * 1000000 "
            f"+ CAST(substr({b}, 21, 6) AS INTEGER) - CAST(substr({a}, 21, 6) AS INTEGER))"
            " / 60000000.0)")


_ORDER_CASES = f"""
INSERT OR REPLACE INTO insight_cases (case_key, case_type, order_id, order_no, ref, start_at,
  stop_at, confirmed_at, corrected_at, minutes, withdrawn, excluded, customer_code, tier,
  channel, product_line, week, month)
SELECT b.order_id, 'order', b.order_id, b.order_no, NULL, b.received_at, b.released_at,
  b.confirmed_at,
  (SELECT MIN(x.at) FROM insight_events x WHERE x.order_id = b.order_id
     AND x.kind = 'corrected' AND x.at >= b.confirmed_at),
  {_minutes('b.received_at', 'b.released_at')}, 0, b.excluded, b.code,
  b.tier, b.channel, b.product_line, date(b.received_at, '-6 days', 'weekday 1'),
  substr(b.received_at, 1, 7)
FROM (
  SELECT o.id AS order_id, o.order_no,
    (SELECT MIN(e.at) FROM insight_events e WHERE e.order_id = o.id
       AND e.kind = 'received') AS received_at,
    (SELECT MIN(e.at) FROM insight_events e WHERE e.order_id = o.id
       AND e.kind IN ('confirmed', 'released')) AS confirmed_at,
    (SELECT MIN(e.at) FROM insight_events e WHERE e.order_id = o.id
       AND e.kind = 'released') AS released_at,
    (o.cancelled = 1 OR o.merged_into_id IS NOT NULL) AS excluded,
    c.code, c.tier, o.channel, p.product_line
  FROM {_AFFECTED} a JOIN orders o ON o.id = a.order_id
  LEFT JOIN customers c ON c.id = o.customer_id
  LEFT JOIN order_lines l1 ON l1.order_id = o.id AND l1.line_no = 1
  LEFT JOIN products p ON p.id = l1.product_id
) b WHERE b.received_at IS NOT NULL
"""

_RUSH_CASES = f"""
INSERT OR REPLACE INTO insight_cases (case_key, case_type, order_id, order_no, ref, start_at,
  stop_at, confirmed_at, corrected_at, minutes, withdrawn, excluded, customer_code, tier,
  channel, product_line, week, month)
SELECT 'r:' || b.ref, 'rush', b.order_id, b.order_no, b.ref, b.requested_at, b.confirmed_at,
  NULL, NULL, {_minutes('b.requested_at', 'b.confirmed_at')},
  b.withdrawn, b.excluded, b.code, b.tier, b.channel, b.product_line,
  date(b.requested_at, '-6 days', 'weekday 1'), substr(b.requested_at, 1, 7)
FROM (
  SELECT r.order_id, o.order_no, r.ref, MIN(r.at) AS requested_at,
    (SELECT MIN(k.at) FROM insight_events k WHERE k.order_id = r.order_id
       AND k.kind = 'rush_confirmed' AND k.ref = r.ref) AS confirmed_at,
    EXISTS (SELECT 1 FROM insight_events w WHERE w.order_id = r.order_id
       AND w.kind = 'rush_withdrawn' AND w.ref = r.ref) AS withdrawn,
    (o.cancelled = 1 OR o.merged_into_id IS NOT NULL) AS excluded,
    c.code, c.tier, o.channel, p.product_line
  FROM {_AFFECTED} a JOIN insight_events r ON r.order_id = a.order_id
    AND r.kind = 'rush_requested'
  JOIN orders o ON o.id = r.order_id
  LEFT JOIN customers c ON c.id = o.customer_id
  LEFT JOIN order_lines l1 ON l1.order_id = o.id AND l1.line_no = 1
  LEFT JOIN products p ON p.id = l1.product_id
  GROUP BY r.order_id, r.ref
) b
"""


def _ts(micros: int) -> str:
    return (dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=micros)).strftime(
        "%Y-%m-%d %H:%M:%S.%f")


def _micros(value: object) -> int:
    when = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return int((when - dt.datetime(1970, 1, 1)).total_seconds() * 1_000_000)


def refresh_cases(session: Session, *, mark: Callable[[str], int],
                  set_mark: Callable[[str, int], None]) -> int:
    """Rebuild the cases of orders with events added, or order rows changed, since the
    last rebuild; returns how many orders were rebuilt."""
    # A station database made at this revision before the table existed gets it now.
    InsightCase.__table__.create(session.connection(), checkfirst=True)
    session.execute(text(f"CREATE TEMP TABLE IF NOT EXISTS {_AFFECTED} "
                         "(order_id TEXT PRIMARY KEY)"))
    session.execute(text(f"DELETE FROM {_AFFECTED}"))
    session.execute(text(f"INSERT OR IGNORE INTO {_AFFECTED} SELECT DISTINCT order_id "
                         "FROM insight_events WHERE id > :m AND order_id IS NOT NULL"),
                    {"m": mark("cases_events")})
    last_event = session.execute(text("SELECT COALESCE(MAX(id), 0) FROM insight_events")).scalar()
    since = mark("cases_orders_updated")
    top = session.execute(text("SELECT MAX(updated_at) FROM orders")).scalar()
    if top is not None:
        session.execute(text(f"INSERT OR IGNORE INTO {_AFFECTED} SELECT id FROM orders "
                             "WHERE updated_at > :since"), {"since": _ts(since)})
    n = int(session.execute(text(f"SELECT COUNT(*) FROM {_AFFECTED}")).scalar() or 0)
    if n:
        session.execute(text(f"DELETE FROM insight_cases WHERE order_id IN "
                             f"(SELECT order_id FROM {_AFFECTED})"))
        session.execute(text(_ORDER_CASES))
        session.execute(text(_RUSH_CASES))
    if top is not None:
        set_mark("cases_orders_updated", max(since, _micros(top)))
    set_mark("cases_events", int(last_event or 0))
    return n
