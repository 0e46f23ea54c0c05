"""Business rules of duplicate detection, set by sales managers in a dialog (no code).

Stored as JSON under the setting key ``dedup.rules``; unknown or broken values fall back
to the defaults field by field, so a half-edited setting never stops order entry.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from orderdesk.models import Setting

SETTING_KEY = "dedup.rules"
# Fields whose agreement or difference counts in the score (each can be switched off).
FIELDS = ("quantity", "requested_date", "address", "contact", "channel", "po")

# What a channel's own order number tells about two orders of that channel:
#   desk      typed or assigned at our desk (phone, WeChat, e-mail, Excel, the old web
#             system): every entry gets a new number, so two numbers say nothing;
#   platform  issued by a marketplace for each order the buyer placed: two numbers count
#             against a match, yet a double order minutes apart is still flagged.
CHANNEL_KINDS = ("desk", "platform")
DEFAULT_CHANNEL_KINDS = {
    "phone": "desk", "wechat": "desk", "wecom": "desk", "email": "desk", "excel": "desk",
    "excel_email": "desk", "web_old": "desk", "manual": "desk", "message": "desk",
    "old_web": "desk", "douyin": "platform", "pdd": "platform", "pinduoduo": "platform",
    "taobao": "platform", "jd_pop": "platform", "jd": "platform", "1688": "platform",
    "mini_app": "platform", "mini_program": "platform", "pos": "platform",
}


@dataclass(frozen=True)
class Rules:
    # Re-sends within this many minutes count as "within minutes": time is full evidence
    # and a platform's two numbers weigh least.
    window_minutes: int = 15
    # At this gap time has halved the score; it keeps falling after (no cliff).
    fade_minutes: int = 240
    # Candidates are searched this many minutes either side (hours, not minutes).
    span_minutes: int = 480
    # Channel -> "desk" or "platform"; a channel not listed counts as "desk".
    channel_kinds: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_CHANNEL_KINDS))
    # The live popup lists candidates from this score up.
    show_threshold: float = 0.55
    # Imports flag pairs for the review queue from this score up.
    flag_threshold: float = 0.65
    fields: dict[str, bool] = field(default_factory=lambda: {name: True for name in FIELDS})

    def counts(self, name: str) -> bool:
        return bool(self.fields.get(name, True))

    def channel_kind(self, channel: str | None) -> str:
        return self.channel_kinds.get((channel or "").strip().lower(), "desk")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


DEFAULT = Rules()


def from_json(value: Any) -> Rules:
    """Rules from stored JSON, keeping defaults for anything missing or out of range."""
    if not isinstance(value, dict):
        return DEFAULT
    rules = DEFAULT
    try:
        window = int(value.get("window_minutes", rules.window_minutes))
        if 1 <= window <= 24 * 60:
            rules = replace(rules, window_minutes=window)
    except (TypeError, ValueError):
        pass
    for key, low, high in (("fade_minutes", 15, 7 * 24 * 60), ("span_minutes", 15, 7 * 24 * 60)):
        try:
            minutes = int(value.get(key, getattr(rules, key)))
        except (TypeError, ValueError):
            continue
        if low <= minutes <= high:
            rules = replace(rules, **{key: minutes})
    kinds = value.get("channel_kinds")
    if isinstance(kinds, dict):
        clean = {str(k).strip().lower(): v for k, v in kinds.items()
                 if str(k).strip() and v in CHANNEL_KINDS}
        rules = replace(rules, channel_kinds=clean)
    for key in ("show_threshold", "flag_threshold"):
        try:
            number = float(value.get(key, getattr(rules, key)))
        except (TypeError, ValueError):
            continue
        if 0.0 < number <= 1.0:
            rules = replace(rules, **{key: number})
    fields_value = value.get("fields")
    if isinstance(fields_value, dict):
        merged = {name: bool(fields_value.get(name, True)) for name in FIELDS}
        rules = replace(rules, fields=merged)
    return rules


def load_rules(session: Session) -> Rules:
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        return DEFAULT
    try:
        return from_json(json.loads(row.value))
    except ValueError:
        return DEFAULT


def get_rules(desk: Any) -> Rules:
    with desk.read() as s:
        return load_rules(s)


def save_rules(desk: Any, rules: Rules) -> Any:
    """Store the rules (audited like every business setting); returns Changes."""
    from orderdesk.errors import ValidationFailed
    from orderdesk.services.settings import set_setting

    if not 1 <= rules.window_minutes <= 24 * 60:
        raise ValidationFailed(field="window_minutes", value=rules.window_minutes,
                               reason="out_of_range")
    for key in ("fade_minutes", "span_minutes"):
        if not 15 <= getattr(rules, key) <= 7 * 24 * 60:
            raise ValidationFailed(field=key, value=getattr(rules, key), reason="out_of_range")
    for channel, kind in rules.channel_kinds.items():
        if kind not in CHANNEL_KINDS or not channel.strip():
            raise ValidationFailed(field="channel_kinds", value=f"{channel}={kind}",
                                   reason="unknown_kind")
    for key in ("show_threshold", "flag_threshold"):
        number = getattr(rules, key)
        if not 0.0 < number <= 1.0:
            raise ValidationFailed(field=key, value=number, reason="out_of_range")
    changes = set_setting(desk, SETTING_KEY, from_json(rules.to_json()).to_json(),
                          action="settings.business")
    return changes | type(changes)(duplicates=True)
