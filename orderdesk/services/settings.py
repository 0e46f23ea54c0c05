"""Business settings (rules, thresholds, templates) stored as audited JSON values."""

from __future__ import annotations

import json
from typing import Any

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.models import Setting


def get_setting(desk: Desk, key: str, default: Any = None) -> Any:
    with desk.read() as s:
        row = s.get(Setting, key)
        return default if row is None else json.loads(row.value)


def set_setting(desk: Desk, key: str, value: Any, *, action: str = "settings.business") -> Changes:
    """Store a setting; the old and new JSON land in the audit trail."""
    desk.require(action)
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    with desk.write() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=text))
        elif row.value != text:
            row.value = text
    return Changes(settings=True)
