"""The planning settings (business settings, audited like every setting).

Which figure the 92% rule uses is `load_basis`:
- "effective" (default): load against effective capacity, planned hours ÷ (available
  hours × the machine's expected OEE). Planned hours come from routings at the ideal
  cycle, so a machine that really runs at 80% OEE is full well before its clock hours
  are; this is the figure that says whether the work will get done.
- "plain": planned hours ÷ available hours (the textbook load %).
The heatmap, the CLI and the order-entry warning all say which one they show.
"""

from __future__ import annotations

import json
from typing import Any

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import ValidationFailed
from orderdesk.services.settings import get_setting, set_setting

RULES_KEY = "planning.rules"
LOAD_BASES = ("effective", "plain")
BUCKET_HOURS = (1, 2, 4, 8, 12)

DEFAULT_RULES: dict[str, Any] = {
    "load_basis": "effective",
    "green_below": 80.0,        # % : green below, amber from here
    "red_above": 92.0,          # % : red above (the 92% rule)
    "horizon_hours": 72,
    "bucket_hours": 1,          # 1 = hourly; 8 = shift-sized buckets
    "oee_days": 7,              # machine logs of the last N days give the live OEE
    "risk_ratio": 2.0,          # alert when elapsed > ratio × baseline (200%)
    "lane_last_n": 20,          # baseline = median of the last N clearances ...
    "lane_window_days": 90,     # ... within this many days
    "lane_min_sample": 5,       # fewer on the lane: the port's median, and the alert says so
    "inland_hours": 24.0,       # release to received at plant when the lane has no history
    "ship_days_after_production": 1,
}


def _number(rules: dict[str, Any], key: str, *, lo: float, hi: float, integer: bool = False) -> float:
    value = rules.get(key, DEFAULT_RULES[key])
    try:
        num = int(value) if integer else float(value)
    except (TypeError, ValueError):
        raise ValidationFailed(field=key, value=value, reason="not_a_number") from None
    if integer and float(value) != num:
        raise ValidationFailed(field=key, value=value, reason="not_a_whole_number")
    if not lo <= num <= hi:
        raise ValidationFailed(field=key, value=value, reason="out_of_range")
    return num


def clean_rules(rules: dict[str, Any]) -> dict[str, Any]:
    """Validated rules (unknown keys dropped, missing keys at their defaults)."""
    out = json.loads(json.dumps(DEFAULT_RULES))
    basis = rules.get("load_basis", out["load_basis"])
    if basis not in LOAD_BASES:
        raise ValidationFailed(field="load_basis", value=basis, reason="unknown")
    out["load_basis"] = basis
    out["green_below"] = _number(rules, "green_below", lo=1, hi=500)
    out["red_above"] = _number(rules, "red_above", lo=1, hi=500)
    if out["green_below"] > out["red_above"]:
        raise ValidationFailed(field="green_below", value=out["green_below"],
                               reason="above_red_threshold")
    out["horizon_hours"] = int(_number(rules, "horizon_hours", lo=1, hi=24 * 31, integer=True))
    bucket = int(_number(rules, "bucket_hours", lo=1, hi=12, integer=True))
    if bucket not in BUCKET_HOURS:
        raise ValidationFailed(field="bucket_hours", value=bucket, reason="unknown")
    out["bucket_hours"] = bucket
    out["oee_days"] = int(_number(rules, "oee_days", lo=1, hi=365, integer=True))
    out["risk_ratio"] = _number(rules, "risk_ratio", lo=1.01, hi=100)
    out["lane_last_n"] = int(_number(rules, "lane_last_n", lo=1, hi=1000, integer=True))
    out["lane_window_days"] = int(_number(rules, "lane_window_days", lo=1, hi=3650, integer=True))
    out["lane_min_sample"] = int(_number(rules, "lane_min_sample", lo=1, hi=1000, integer=True))
    out["inland_hours"] = _number(rules, "inland_hours", lo=0, hi=24 * 60)
    out["ship_days_after_production"] = int(_number(rules, "ship_days_after_production",
                                                    lo=0, hi=60, integer=True))
    return out


def load_rules(desk: Desk) -> dict[str, Any]:
    stored = get_setting(desk, RULES_KEY, {}) or {}
    merged = dict(DEFAULT_RULES)
    merged.update({k: v for k, v in stored.items() if k in DEFAULT_RULES})
    try:
        return clean_rules(merged)
    except ValidationFailed:
        # A stored value this release cannot read (hand-edited, newer release): the
        # defaults, rather than a planning page that cannot open.
        return dict(DEFAULT_RULES)


def save_rules(desk: Desk, rules: dict[str, Any]) -> Changes:
    clean = clean_rules(rules)
    return set_setting(desk, RULES_KEY, clean, action="settings.business")
