"""Customer fulfilment health, per customer per month, from the event log.

Four sub-scores, each with its N:
- otif: on-time-in-full rate of the order lines due in the month (line level). A line
  is on time in full when it was shipped no later than `tolerance_days` after its due
  date, with at least (100 - qty_tolerance_pct) % of its quantity (when the finance
  shipment lines give quantities; an order-level "shipped" status ships all its lines).
  A line not shipped while its due date (+ tolerance) is still ahead is not yet counted.
- changes: corrections after confirmation per 100 lines, of the lines of the orders
  received in the month.
- complaints: exception reports of kind "complaint" raised in the month per 100
  deliveries (orders first shipped in the month).
- payment: payment-terms compliance; this build records no payment dates, so it is
  "no data" unless a payments source appears (never guessed).

Each sub-score maps linearly to 0..100 points between its `bad` and `good` values; the
points are weighted (weights total 100) over the sub-scores that have data, and the
total against `green_min` / `yellow_min` gives the colour. A month where no sub-score
has data is `no_data`, never green. A closed month (before the current one) is taken
once as a snapshot with the rules of that moment, so later rule changes leave it alone.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import OrderdeskError, ValidationFailed
from orderdesk.insight import events
from orderdesk.models import Customer
from orderdesk.models.base import utcnow
from orderdesk.models.insight import HealthSnapshot
from orderdesk.services.settings import get_setting, set_setting

RULES_KEY = "insight.health_rules"
_SNAPSHOT_LOCK = threading.Lock()
SUBSCORES = ("otif", "changes", "complaints", "payment")
COLORS = ("red", "yellow", "green", "no_data")

DEFAULT_RULES: dict[str, Any] = {
    "weights": {"otif": 40, "changes": 20, "complaints": 25, "payment": 15},
    # good: full points at or beyond; bad: no points at or beyond.
    "bands": {"otif": {"good": 95.0, "bad": 80.0},
              "changes": {"good": 2.0, "bad": 10.0},
              "complaints": {"good": 0.0, "bad": 5.0},
              "payment": {"good": 95.0, "bad": 70.0}},
    "green_min": 80.0,
    "yellow_min": 60.0,
    "tolerance_days": 1,
    "qty_tolerance_pct": 2.0,
}


class WeightsNotHundred(OrderdeskError):
    code = "insight_weights_not_100"


class BadMonth(OrderdeskError):
    code = "insight_bad_month"


@dataclass(frozen=True)
class SubScore:
    key: str
    #: The measured value (a rate in %, or per 100), None without data.
    value: float | None
    n: int
    #: Points 0..100 from the bands, None without data.
    points: float | None
    #: Counts behind the value (e.g. lines on time, corrections, complaints).
    count: int = 0


@dataclass(frozen=True)
class CustomerHealth:
    customer_id: str
    code: str
    name: str
    tier: str | None
    month: str
    color: str
    score: float | None
    subs: tuple[SubScore, ...]
    #: True when read from the closed month's snapshot.
    snapshot: bool = False

    def sub(self, key: str) -> SubScore:
        return next(s for s in self.subs if s.key == key)


@dataclass(frozen=True)
class HealthBoard:
    month: str
    closed: bool
    rules: dict
    customers: tuple[CustomerHealth, ...]

    def count(self, color: str) -> int:
        return sum(1 for c in self.customers if c.color == color)


# ---- rules ---------------------------------------------------------------------------
def load_rules(desk: Desk) -> dict[str, Any]:
    rules = json.loads(json.dumps(DEFAULT_RULES))
    stored = get_setting(desk, RULES_KEY, None)
    if isinstance(stored, dict):
        for key, value in stored.items():
            if isinstance(value, dict) and isinstance(rules.get(key), dict):
                rules[key].update(value)
            elif key in rules:
                rules[key] = value
    return rules


def validate_rules(rules: dict[str, Any]) -> None:
    weights = rules.get("weights", {})
    if set(weights) != set(SUBSCORES) or any(
            not isinstance(w, (int, float)) or w < 0 for w in weights.values()):
        raise ValidationFailed(field="weights", reason="one_non_negative_weight_each")
    total = sum(weights.values())
    if abs(total - 100) > 1e-9:
        raise WeightsNotHundred(total=total)
    for key in SUBSCORES:
        band = rules["bands"].get(key, {})
        if "good" not in band or "bad" not in band or band["good"] == band["bad"]:
            raise ValidationFailed(field=f"bands.{key}", reason="good_and_bad_differ")
    if not rules["yellow_min"] <= rules["green_min"]:
        raise ValidationFailed(field="yellow_min", reason="above_green_min")


def save_rules(desk: Desk, rules: dict[str, Any]) -> Changes:
    """Managers' thresholds and weights (weights total 100); affects open months only."""
    validate_rules(rules)
    return set_setting(desk, RULES_KEY, rules)


def points(key: str, value: float | None, rules: dict[str, Any]) -> float | None:
    if value is None:
        return None
    band = rules["bands"][key]
    good, bad = float(band["good"]), float(band["bad"])
    share = (value - bad) / (good - bad)  # works for higher- and lower-is-better bands
    return max(0.0, min(100.0, share * 100.0))


def combine(subs: tuple[SubScore, ...], rules: dict[str, Any]) -> tuple[str, float | None]:
    weights = rules["weights"]
    have = [(s, float(weights[s.key])) for s in subs if s.points is not None]
    total_w = sum(w for _s, w in have)
    if not have or total_w <= 0:
        return "no_data", None
    score = sum(s.points * w for s, w in have) / total_w  # type: ignore[operator]
    if score >= rules["green_min"]:
        return "green", score
    if score >= rules["yellow_min"]:
        return "yellow", score
    return "red", score


# ---- months --------------------------------------------------------------------------
def parse_month(month: str) -> tuple[dt.datetime, dt.datetime]:
    try:
        start = dt.datetime.strptime(month, "%Y-%m")
    except (TypeError, ValueError):
        raise BadMonth(month=month) from None
    end = (start + dt.timedelta(days=32)).replace(day=1)
    return start, end


def current_month(now: dt.datetime | None = None) -> str:
    return f"{(now or utcnow()):%Y-%m}"


def _ts(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _parse(value: object) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return dt.datetime.fromisoformat(str(value))


_LINES_DUE = """
SELECT o.customer_id, l.id AS line_id, l.order_id, l.quantity,
       COALESCE(l.due_date, o.requested_date) AS due
FROM order_lines l JOIN orders o ON o.id = l.order_id
WHERE o.cancelled = 0 AND o.merged_into_id IS NULL AND l.cancelled = 0
  AND o.customer_id IS NOT NULL
  AND COALESCE(l.due_date, o.requested_date) >= :d0
  AND COALESCE(l.due_date, o.requested_date) < :d1
"""

_SHIPPED_FOR = """
SELECT e.order_id, e.at, e.ref, e.detail FROM insight_events e
WHERE e.kind = 'shipped' AND e.order_id IN (
  SELECT l.order_id FROM order_lines l JOIN orders o ON o.id = l.order_id
  WHERE COALESCE(l.due_date, o.requested_date) >= :d0
    AND COALESCE(l.due_date, o.requested_date) < :d1)
"""

_LINES_RECEIVED = """
SELECT o.customer_id, COUNT(l.id) FROM orders o JOIN order_lines l ON l.order_id = o.id
WHERE o.cancelled = 0 AND o.merged_into_id IS NULL AND o.customer_id IS NOT NULL
  AND o.order_time >= :t0 AND o.order_time < :t1
GROUP BY o.customer_id
"""

_CORRECTIONS = """
SELECT o.customer_id, COUNT(*) FROM insight_events e JOIN orders o ON o.id = e.order_id
WHERE e.kind = 'corrected' AND e.at >= :t0 AND e.at < :t1 AND o.customer_id IS NOT NULL
  AND e.at >= (SELECT MIN(c.at) FROM insight_events c WHERE c.order_id = e.order_id
               AND c.kind IN ('confirmed', 'released'))
GROUP BY o.customer_id
"""

_DELIVERIES = """
SELECT o.customer_id, COUNT(*) FROM (
  SELECT order_id, MIN(at) AS first_at FROM insight_events WHERE kind = 'shipped'
  GROUP BY order_id) f JOIN orders o ON o.id = f.order_id
WHERE f.first_at >= :t0 AND f.first_at < :t1 AND o.customer_id IS NOT NULL
  AND o.cancelled = 0
GROUP BY o.customer_id
"""

_COMPLAINTS = """
SELECT customer_id, COUNT(*) FROM exception_reports
WHERE kind = 'complaint' AND raised_at >= :t0 AND raised_at < :t1 AND customer_id IS NOT NULL
GROUP BY customer_id
"""


def _otif(rows: list, shipped: list, rules: dict[str, Any], now: dt.datetime
          ) -> dict[str, tuple[int, int]]:
    """customer -> (lines on time in full, lines counted)."""
    tol = dt.timedelta(days=int(rules["tolerance_days"]))
    qty_share = Decimal(str(1 - float(rules["qty_tolerance_pct"]) / 100))
    order_ship: dict[str, dt.datetime] = {}
    line_ships: dict[str, list[tuple[dt.datetime, Decimal]]] = defaultdict(list)
    for e in shipped:
        at = _parse(e.at)
        if e.ref and e.detail and str(e.detail).startswith("qty:"):
            line_ships[e.ref].append((at, Decimal(str(e.detail)[4:])))
        elif e.order_id not in order_ship or at < order_ship[e.order_id]:
            order_ship[e.order_id] = at
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        due = _parse(r.due)
        deadline = dt.datetime.combine(due.date() + tol, dt.time.max)
        qty = Decimal(str(r.quantity))
        if r.line_id in line_ships:
            by_deadline = sum((q for at, q in line_ships[r.line_id] if at <= deadline),
                              Decimal(0))
            ok = by_deadline >= qty * qty_share
        elif r.order_id in order_ship:
            ok = order_ship[r.order_id] <= deadline
        else:
            ok = False
        if not ok and deadline >= now:
            continue  # still possible: not counted yet
        cell = out[r.customer_id]
        cell[1] += 1
        cell[0] += 1 if ok else 0
    return {k: (v[0], v[1]) for k, v in out.items()}


def compute_month(desk: Desk, month: str, *, rules: dict[str, Any] | None = None,
                  now: dt.datetime | None = None, refresh: bool = True
                  ) -> tuple[CustomerHealth, ...]:
    """Every active customer's health for one month, computed now (no snapshot)."""
    rules = rules or load_rules(desk)
    now = now or utcnow()
    t0, t1 = parse_month(month)
    if refresh:
        events.refresh(desk)
    tp = {"t0": _ts(t0), "t1": _ts(t1)}
    dp = {"d0": t0.date().isoformat(), "d1": t1.date().isoformat()}
    with desk.read() as s:
        customers = list(s.scalars(select(Customer).where(Customer.active.is_(True))
                                   .order_by(Customer.code)))
        due_rows = s.execute(text(_LINES_DUE), dp).all()
        shipped = s.execute(text(_SHIPPED_FOR), dp).all()
        lines = dict(s.execute(text(_LINES_RECEIVED), tp).all())
        corrections = dict(s.execute(text(_CORRECTIONS), tp).all())
        deliveries = dict(s.execute(text(_DELIVERIES), tp).all())
        complaints = dict(s.execute(text(_COMPLAINTS), tp).all())
        people = [(c.id, c.code, c.name, c.tier) for c in customers]
    otif = _otif(due_rows, shipped, rules, now)
    out = []
    for cid, code, name, tier in people:
        ok, counted = otif.get(cid, (0, 0))
        otif_v = ok / counted * 100 if counted else None
        n_lines = int(lines.get(cid, 0))
        n_corr = int(corrections.get(cid, 0))
        changes_v = n_corr / n_lines * 100 if n_lines else None
        n_del = int(deliveries.get(cid, 0))
        n_comp = int(complaints.get(cid, 0))
        complaints_v = n_comp / n_del * 100 if n_del else None
        subs = (SubScore("otif", otif_v, counted, points("otif", otif_v, rules), ok),
                SubScore("changes", changes_v, n_lines, points("changes", changes_v, rules),
                         n_corr),
                SubScore("complaints", complaints_v, n_del,
                         points("complaints", complaints_v, rules), n_comp),
                SubScore("payment", None, 0, None, 0))
        color, score = combine(subs, rules)
        out.append(CustomerHealth(cid, code, name, tier, month, color, score, subs))
    return tuple(out)


def _to_payload(h: CustomerHealth, rules: dict[str, Any]) -> str:
    return json.dumps({"subs": [[s.key, s.value, s.n, s.points, s.count] for s in h.subs],
                       "rules": rules}, ensure_ascii=False)


def _from_snapshot(snap: HealthSnapshot, code: str, name: str, tier: str | None
                   ) -> CustomerHealth:
    data = json.loads(snap.payload)
    subs = tuple(SubScore(k, v, n, p, c) for k, v, n, p, c in data["subs"])
    return CustomerHealth(snap.customer_id, code, name, tier, snap.month, snap.color,
                          snap.score, subs, snapshot=True)


def health_board(desk: Desk, month: str | None = None, *, now: dt.datetime | None = None
                 ) -> HealthBoard:
    """The board for a month (default: the current one), red customers first, then
    yellow, green and no data. A closed month comes from its snapshot, taken the first
    time it is asked for; an open month is computed live with the current rules."""
    now = now or utcnow()
    month = month or current_month(now)
    t0, _t1 = parse_month(month)
    closed = month < current_month(now)
    rules = load_rules(desk)
    if closed:
        with desk.read() as s:
            snaps = {h.customer_id: h for h in s.scalars(
                select(HealthSnapshot).where(HealthSnapshot.month == month))}
            info = {c.id: (c.code, c.name, c.tier) for c in s.scalars(select(Customer))}
        computed = None
        missing = [cid for cid in info if cid not in snaps]
        if missing:
            computed = {h.customer_id: h for h in compute_month(desk, month, rules=rules, now=now)}
            with _SNAPSHOT_LOCK, desk.write() as s:
                # Another thread may have taken it meanwhile: keep the first snapshot.
                have = set(s.scalars(select(HealthSnapshot.customer_id)
                                     .where(HealthSnapshot.month == month)))
                for cid in missing:
                    h = computed.get(cid)
                    if h is None or cid in have:
                        continue  # an inactive customer (no row), or already taken
                    s.add(HealthSnapshot(month=month, customer_id=cid, color=h.color,
                                         score=h.score, payload=_to_payload(h, rules),
                                         taken_at=now))
            with desk.read() as s:
                snaps = {h.customer_id: h for h in s.scalars(
                    select(HealthSnapshot).where(HealthSnapshot.month == month))}
        rows = [_from_snapshot(snap, *info.get(cid, ("?", "?", None)))
                for cid, snap in snaps.items()]
        snap_rules = (json.loads(next(iter(snaps.values())).payload)["rules"]
                      if snaps else rules)
        return HealthBoard(month, True, snap_rules, _ordered(rows))
    return HealthBoard(month, False, rules, _ordered(list(compute_month(desk, month,
                                                                        rules=rules, now=now))))


def _ordered(rows: list[CustomerHealth]) -> tuple[CustomerHealth, ...]:
    rank = {"red": 0, "yellow": 1, "green": 2, "no_data": 3}
    return tuple(sorted(rows, key=lambda h: (rank[h.color],
                                             h.score if h.score is not None else 0, h.code)))


def board_month(now: dt.datetime) -> str:
    """The month the morning meeting looks at: the current one, or in its first week
    (when it holds a few days only) the month just closed."""
    if now.day <= 7:
        return f"{(now.replace(day=1) - dt.timedelta(days=1)):%Y-%m}"
    return f"{now:%Y-%m}"


def customer_color(desk: Desk, customer_id: str, *, now: dt.datetime | None = None
                   ) -> CustomerHealth | None:
    """One customer's colour on the morning meeting's board (see board_month), or the
    month before it when that month has no data for them. For the sales entry form's
    warning, which never blocks."""
    now = now or utcnow()
    month = board_month(now)
    for _ in range(2):
        board = health_board(desk, month, now=now)
        found = next((h for h in board.customers if h.customer_id == customer_id), None)
        if found is not None and found.color != "no_data":
            return found
        month = f"{(parse_month(month)[0] - dt.timedelta(days=1)):%Y-%m}"
    return found


def to_json(board: HealthBoard) -> dict:
    return {
        "month": board.month, "closed": board.closed,
        "customers": [{
            "code": h.code, "name": h.name, "tier": h.tier, "color": h.color,
            "score": None if h.score is None else round(h.score, 1),
            "snapshot": h.snapshot,
            **{s.key: {"value": None if s.value is None else round(s.value, 2), "n": s.n,
                       "points": None if s.points is None else round(s.points, 1),
                       "count": s.count} for s in h.subs},
        } for h in board.customers],
        "rules": board.rules,
    }
