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
FIELDS = ("quantity", "requested_date", "address", "contact", "channel")


@dataclass(frozen=True)
class Rules:
    # Orders within this many minutes either side of each other are compared.
    window_minutes: int = 15
    # The live popup lists candidates from this score up.
    show_threshold: float = 0.55
    # Imports flag pairs for the review queue from this score up.
    flag_threshold: float = 0.65
    fields: dict[str, bool] = field(default_factory=lambda: {name: True for name in FIELDS})

    def counts(self, name: str) -> bool:
        return bool(self.fields.get(name, True))

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
    for key in ("show_threshold", "flag_threshold"):
        number = getattr(rules, key)
        if not 0.0 < number <= 1.0:
            raise ValidationFailed(field=key, value=number, reason="out_of_range")
    changes = set_setting(desk, SETTING_KEY, from_json(rules.to_json()).to_json(),
                          action="settings.business")
    return changes | type(changes)(duplicates=True)
