"""Reading the audit trail, checking its hash chain, and session events.

The audit log is append-only: nothing here updates or deletes it. Reading it requires
`audit.read` (security admin, auditor); the verification result is itself recorded.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select

from orderdesk import audit_store
from orderdesk.desk import Desk
from orderdesk.models import AuditArchiveBlock, AuditLog
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


def _row(r: AuditLog | audit_store.PackedRow) -> AuditRow:
    return AuditRow(id=r.id, at=r.at, user=r.user, station=r.station, action=r.action,
                    entity=r.entity, entity_id=r.entity_id, field=r.field,
                    old_value=r.old_value, new_value=r.new_value, outcome=r.outcome)


def _day_bounds(flt: AuditFilter) -> tuple[dt.datetime | None, dt.datetime | None]:
    start = dt.datetime.combine(flt.date_from, dt.time()) if flt.date_from else None
    end = (dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time())
           if flt.date_to else None)
    return start, end


def _block_may_match(block: AuditArchiveBlock, flt: AuditFilter) -> bool:
    """False when the block's facets or time span rule the filter out unopened."""
    facets = audit_store.block_facets(block)
    for name, wanted in (("user", flt.user.strip()), ("action", flt.action),
                         ("entity", flt.entity), ("outcome", flt.outcome)):
        if wanted and name in facets and wanted not in facets[name]:
            return False
    start, end = _day_bounds(flt)
    if start is not None and block.last_at < start:
        return False
    return not (end is not None and block.first_at >= end)


def _packed_matches(r: audit_store.PackedRow, flt: AuditFilter) -> bool:
    """The same test as the SQL filter of _apply, on a row read from a block."""
    user = flt.user.strip()
    if (user and r.user != user) or (flt.action and r.action != flt.action) \
            or (flt.entity and r.entity != flt.entity) \
            or (flt.outcome and r.outcome != flt.outcome):
        return False
    start, end = _day_bounds(flt)
    if (start is not None and r.at < start) or (end is not None and r.at >= end):
        return False
    needle = flt.text.strip().casefold()
    if needle:
        # SQLite's LIKE ignores case (for Latin letters): casefold does the same here.
        return any(needle in v.casefold() for v in (r.entity_id, r.old_value, r.new_value,
                                                    r.field) if v)
    return True


def _packed_rows(desk: Desk, flt: AuditFilter) -> Iterator[audit_store.PackedRow]:
    """Packed rows matching the filter, newest first, opening only blocks that may, and
    building a row only for values that pass the cheap equality tests."""
    at = audit_store.RAW_INDEX
    equal = [(at[name], wanted) for name, wanted in (
        ("user", flt.user.strip()), ("action", flt.action), ("entity", flt.entity),
        ("outcome", flt.outcome)) if wanted]
    needle = flt.text.strip().casefold()
    for block in audit_store.iter_blocks(desk, newest_first=True):
        if not _block_may_match(block, flt):
            continue
        for values in reversed(audit_store.raw_rows(block, needle)):
            if all(values[i] == wanted for i, wanted in equal):
                row = audit_store.row_from(values)
                if _packed_matches(row, flt):
                    yield row


def list_audit(desk: Desk, flt: AuditFilter | None = None, *, limit: int = 500,
               offset: int = 0) -> list[AuditRow]:
    """Audit rows matching the filter, newest first: the hot table, then the packed
    blocks behind it (rows older than the hot window), as one list."""
    desk.require("audit.read")
    flt = flt or AuditFilter()
    with desk.read() as s:
        query = _apply(select(AuditLog), flt).order_by(AuditLog.id.desc()).limit(limit).offset(offset)
        rows = [_row(r) for r in s.scalars(query)]
        if len(rows) >= limit or not audit_store.has_blocks(s):
            return rows
        hot_total = s.scalar(_apply(select(func.count(AuditLog.id)), flt)) or 0
    skip = max(0, offset - hot_total)
    for r in _packed_rows(desk, flt):
        if skip:
            skip -= 1
            continue
        rows.append(_row(r))
        if len(rows) >= limit:
            break
    return rows


def count_audit(desk: Desk, flt: AuditFilter | None = None) -> int:
    desk.require("audit.read")
    flt = flt or AuditFilter()
    with desk.read() as s:
        hot = s.scalar(_apply(select(func.count(AuditLog.id)), flt)) or 0
        if flt == AuditFilter():
            return hot + audit_store.packed_count(s)
        if not audit_store.has_blocks(s):
            return hot
    facet = _single_facet(flt)
    if facet is not None:
        # One of user/action/entity/outcome and nothing else: the blocks' own counts.
        name, value = facet
        with desk.read() as s:
            return hot + sum(f.get(name, {}).get(value, 0) for f in audit_store.all_facets(s))
    return hot + sum(1 for _ in _packed_rows(desk, flt))


def _single_facet(flt: AuditFilter) -> tuple[str, str] | None:
    if flt.text.strip() or flt.date_from or flt.date_to:
        return None
    given = [(name, value) for name, value in (
        ("user", flt.user.strip()), ("action", flt.action), ("entity", flt.entity),
        ("outcome", flt.outcome)) if value]
    return given[0] if len(given) == 1 else None


def audit_facets(desk: Desk) -> tuple[list[str], list[str], list[str]]:
    """Distinct actions, entities and outcomes, for the viewer's filter lists."""
    desk.require("audit.read")
    found: dict[str, set[str]] = {"action": set(), "entity": set(), "outcome": set()}
    with desk.read() as s:
        for name, col in (("action", AuditLog.action), ("entity", AuditLog.entity),
                          ("outcome", AuditLog.outcome)):
            found[name].update(v for v in s.scalars(select(col).distinct()) if v)
        for packed in audit_store.all_facets(s):
            for name, values in found.items():
                values.update(packed.get(name, ()))
    return sorted(found["action"]), sorted(found["entity"]), sorted(found["outcome"])


def _verify_blocks(desk: Desk, abort: threading.Event | None,
                   progress: Callable[[int, int, str], None] | None,
                   total: int) -> tuple[ChainReport | None, str | None, int]:
    """Walk the packed blocks oldest first: each must continue the chain where the last
    ended and recompute to the hash it was packed with. Returns (a failure or None, the
    chain's hash after the last block, rows checked)."""
    previous: str | None = None
    checked = 0
    expected_next = None
    for block in audit_store.iter_blocks(desk):
        if abort is not None and abort.is_set():
            return ChainReport(ok=False, checked=checked, cancelled=True), previous, checked
        if (block.prev_hash or None) != previous:
            return (ChainReport(ok=False, checked=checked, first_bad_id=block.first_id,
                                problem="link"), previous, checked)
        rows = audit_store.decode_block(block)
        ids = [r.id for r in rows]
        in_order = (bool(rows) and ids == sorted(set(ids)) and ids[0] == block.first_id
                    and ids[-1] == block.last_id and len(rows) == block.row_count
                    and (expected_next is None or ids[0] > expected_next))
        if not in_order or rows[-1].hash != block.last_hash:
            # A block is checked as a whole: which of its rows changed is not knowable
            # once the stored hashes are gone, so the block's first row is named.
            return (ChainReport(ok=False, checked=checked, first_bad_id=block.first_id,
                                problem="hash"), previous, checked)
        previous = block.last_hash
        expected_next = block.last_id
        checked += len(rows)
        if progress is not None:
            progress(checked, max(total, checked), "")
    return None, previous, checked


def verify_chain(desk: Desk, *, abort: threading.Event | None = None,
                 progress: Callable[[int, int, str], None] | None = None) -> ChainReport:
    """Walk the audit trail in id order, packed blocks first, and recompute every hash
    and link.

    An edited row fails its own hash (in a block: the block's); a removed or inserted row
    breaks the link of the next one. Runs as a long job (abort/progress); the outcome is
    recorded in the log.
    """
    desk.require("audit.read")
    with desk.read() as s:
        total = (s.scalar(select(func.count(AuditLog.id))) or 0) + audit_store.packed_count(s)
    report, previous, checked = _verify_blocks(desk, abort, progress, total)
    if report is not None and report.cancelled:
        return report
    last_id = 0
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
