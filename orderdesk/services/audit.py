"""Reading the audit trail, checking its hash chain, and session events.

The audit log is append-only: nothing here updates or deletes it. Reading it requires
`audit.read` (security admin, auditor); the verification result is itself recorded.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select

from orderdesk.desk import Desk
from orderdesk.models import AuditLog
from orderdesk.tracking import Actor, add_audit, audit_hash

VERIFY_BATCH = 5000


@dataclass(frozen=True)
class AuditFilter:
    user: str = ""
    action: str | None = None
    entity: str | None = None
    outcome: str | None = None
    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    user: str | None
    station: str | None
    action: str
    entity: str | None
    entity_id: str | None
    field: str | None
    old_value: str | None
    new_value: str | None
    outcome: str


@dataclass(frozen=True)
class ChainReport:
    """Result of walking the whole chain: `ok`, rows checked, and the first bad row."""

    ok: bool
    checked: int
    first_bad_id: int | None = None
    problem: str | None = None  # "hash" (row altered) | "link" (row removed or inserted)
    cancelled: bool = False


def _apply(query: Select, flt: AuditFilter) -> Select:
    if flt.user.strip():
        query = query.where(AuditLog.user == flt.user.strip())
    if flt.action:
        query = query.where(AuditLog.action == flt.action)
    if flt.entity:
        query = query.where(AuditLog.entity == flt.entity)
    if flt.outcome:
        query = query.where(AuditLog.outcome == flt.outcome)
    if flt.text.strip():
        like = f"%{flt.text.strip()}%"
        query = query.where(or_(AuditLog.entity_id.like(like), AuditLog.old_value.like(like),
                                AuditLog.new_value.like(like), AuditLog.field.like(like)))
    if flt.date_from:
        query = query.where(AuditLog.at >= dt.datetime.combine(flt.date_from, dt.time()))
    if flt.date_to:
        query = query.where(AuditLog.at < dt.datetime.combine(flt.date_to + dt.timedelta(days=1),
                                                              dt.time()))
    return query


def list_audit(desk: Desk, flt: AuditFilter | None = None, *, limit: int = 500,
               offset: int = 0) -> list[AuditRow]:
    """Audit rows matching the filter, newest first."""
    desk.require("audit.read")
    flt = flt or AuditFilter()
    with desk.read() as s:
        query = _apply(select(AuditLog), flt).order_by(AuditLog.id.desc()).limit(limit).offset(offset)
        return [AuditRow(id=r.id, at=r.at, user=r.user, station=r.station, action=r.action,
                         entity=r.entity, entity_id=r.entity_id, field=r.field,
                         old_value=r.old_value, new_value=r.new_value, outcome=r.outcome)
                for r in s.scalars(query)]


def count_audit(desk: Desk, flt: AuditFilter | None = None) -> int:
    desk.require("audit.read")
    with desk.read() as s:
        return s.scalar(_apply(select(func.count(AuditLog.id)), flt or AuditFilter())) or 0


def audit_facets(desk: Desk) -> tuple[list[str], list[str], list[str]]:
    """Distinct actions, entities and outcomes, for the viewer's filter lists."""
    desk.require("audit.read")
    with desk.read() as s:
        def distinct(col):  # type: ignore[no-untyped-def]
            return [v for v in s.scalars(select(col).distinct().order_by(col)) if v]
        return distinct(AuditLog.action), distinct(AuditLog.entity), distinct(AuditLog.outcome)


def verify_chain(desk: Desk, *, abort: threading.Event | None = None,
                 progress: Callable[[int, int, str], None] | None = None) -> ChainReport:
    """Walk the audit log in id order and recompute every hash and link.

    An edited row fails its own hash; a removed or inserted row breaks the link of the
    next one. Runs as a long job (abort/progress); the outcome is recorded in the log.
    """
    desk.require("audit.read")
    with desk.read() as s:
        total = s.scalar(select(func.count(AuditLog.id))) or 0
    checked = 0
    previous: str | None = None
    last_id = 0
    report: ChainReport | None = None
    while report is None:
        if abort is not None and abort.is_set():
            return ChainReport(ok=False, checked=checked, cancelled=True)
        with desk.read() as s:
            rows = list(s.scalars(select(AuditLog).where(AuditLog.id > last_id)
                                  .order_by(AuditLog.id).limit(VERIFY_BATCH)))
        if not rows:
            report = ChainReport(ok=True, checked=checked)
            break
        for row in rows:
            if (row.prev_hash or None) != previous:
                report = ChainReport(ok=False, checked=checked, first_bad_id=row.id,
                                     problem="link")
                break
            if audit_hash(row) != row.hash:
                report = ChainReport(ok=False, checked=checked, first_bad_id=row.id,
                                     problem="hash")
                break
            previous = row.hash
            checked += 1
            last_id = row.id
        if progress is not None:
            progress(checked, max(total, checked), "")
    with desk.write() as s:
        add_audit(s, action="audit_verify", entity="audit_log",
                  entity_id=str(report.first_bad_id) if report.first_bad_id else None,
                  new={"checked": report.checked, "problem": report.problem},
                  outcome="ok" if report.ok else "broken")
    return report


def record_logout(desk: Desk, username: str, reason: str = "user") -> None:
    """Audit the end of a session (`reason`: "user" signed out, "idle" timeout)."""
    with desk.write(Actor(user=username, station=desk.station)) as s:
        add_audit(s, action="logout", entity="users", field="username", new=username,
                  outcome="ok" if reason == "user" else reason)


def password_change_required(desk: Desk, username: str) -> bool:
    """True when the account must choose a new password before working (first sign-in
    with a password an administrator set, or the password is older than the policy)."""
    from orderdesk.models import User

    with desk.read() as s:
        return bool(s.scalar(select(User.must_change_password).where(User.username == username)))
