"""Certificate trust keys (issue 13): quality proposes, the system admin approves.

A quality station that issues certificates registers its own signing key as a trusted
entry of kind "station" (`orderdesk.certificates.service.register_key`, audited as the
settings row it inserts): that is the **proposal**. Until a system admin approves it only
that station trusts it; the server's public verify routes and every other station answer
"untrusted key". `approve_key` is the **approval** (settings.system), audited as its own
`approve_key` row besides the tracked field change. The server refuses a pushed entry of
kind "server", or one that claims an approval, from anyone but a system admin
(`sync.server.guard.check_trust_keys`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from orderdesk.certificates.signing import TRUSTED_KEY_PREFIX, parse_trusted
from orderdesk.desk import Desk
from orderdesk.errors import NotFound
from orderdesk.models import Setting, utcnow
from orderdesk.tracking import add_audit


@dataclass(frozen=True)
class KeyRow:
    key_id: str
    kind: str
    station: str | None
    added_at: str
    approved_by: str | None
    retired_at: str | None


def list_keys(desk: Desk, *, pending_only: bool = False) -> list[KeyRow]:
    with desk.read() as s:
        raw = {k[len(TRUSTED_KEY_PREFIX):]: json.loads(v) for k, v in s.execute(
            select(Setting.key, Setting.value).where(Setting.key.startswith(TRUSTED_KEY_PREFIX)))
            if v and v.startswith("{")}
    rows = [KeyRow(k.key_id, k.kind, k.station, k.added_at, k.approved_by, k.retired_at)
            for k in parse_trusted(raw).values()]
    if pending_only:
        rows = [r for r in rows if r.kind == "station" and not r.approved_by]
    return sorted(rows, key=lambda r: r.added_at)


def approve_key(desk: Desk, key_id: str) -> None:
    """Trust a proposed station key everywhere (system admin; audited)."""
    desk.require("settings.system")
    who = desk.user.username if desk.user is not None else "system"
    with desk.write() as s:
        row = s.get(Setting, TRUSTED_KEY_PREFIX + key_id)
        if row is None:
            raise NotFound(entity="trusted_key", key=key_id)
        entry = json.loads(row.value)
        entry["approved_by"] = who
        entry["approved_at"] = utcnow().replace(microsecond=0).isoformat()
        row.value = json.dumps(entry, ensure_ascii=False, sort_keys=True)
        add_audit(s, action="approve_key", entity="settings", entity_id=row.key,
                  field="approved_by", new=who)
