"""Parked transactions: what the server could not take never blocks what comes after.

A station transaction the server refuses as a whole request (malformed, over a limit:
a 4xx answer before anything was applied) is parked here with the server's reason:
its outbox rows stay, unsent, and the push goes on with the next transaction. A later
transaction touching a row the parked one touches waits with it (it may build on it).
A parked transaction is shown in the conflicts view (a local conflict of kind
"parked" carrying the reason); an administrator retries it (sent again at the next
round) or discards it (never sent; the local rows and their audit stay). Both
decisions are audited.
"""

from __future__ import annotations

from dataclasses import dataclass
import datetime as dt
import uuid

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, ValidationFailed
from orderdesk.models import Outbox, utcnow
from orderdesk.models.sync import SyncConflict
from orderdesk.models.volume import ParkedTransaction
from orderdesk.tracking import add_audit

PARKED = "parked"
RETRY = "retry"
DISCARDED = "discarded"
#: Kind of the local conflict row that shows a parked transaction in the conflicts view.
KIND = "parked"
ACTION = "settings.system"

_CF = SyncConflict.__table__
_PT = ParkedTransaction.__table__


@dataclass(frozen=True)
class Parked:
    tx_id: str
    status: str
    reason: str
    changes: int
    parked_at: dt.datetime
    waits_for: str | None
    decided_by: str | None
    decided_at: dt.datetime | None


def parked_tx_ids() -> object:
    """A subquery of the transactions not to send now."""
    return select(_PT.c.tx_id).where(_PT.c.status == PARKED)


def parked_keys(desk: Desk) -> set[tuple[str, str]]:
    """The rows the parked transactions touch (a later change to one waits with them)."""
    with desk.read() as s:
        if not s.scalar(select(func.count()).select_from(_PT).where(_PT.c.status == PARKED)):
            return set()
        return set(s.execute(select(Outbox.entity, Outbox.entity_id).where(
            Outbox.pushed_at.is_(None), Outbox.tx_id.in_(parked_tx_ids())).distinct()).all())


def park(desk: Desk, tx_id: str, reason: str, *, waits_for: str | None = None) -> None:
    """Set a transaction aside with the reason (one local write, audited)."""
    with desk.write(sync_apply=True) as s:
        count = s.scalar(select(func.count()).select_from(Outbox).where(
            Outbox.tx_id == tx_id, Outbox.pushed_at.is_(None))) or 0
        first = s.execute(select(Outbox.entity, Outbox.entity_id).where(
            Outbox.tx_id == tx_id).order_by(Outbox.seq).limit(1)).first()
        s.execute(delete(_PT).where(_PT.c.tx_id == tx_id))
        s.execute(insert(_PT).values(tx_id=tx_id, status=PARKED, reason=reason[:2000],
                                     changes=count, parked_at=utcnow(), waits_for=waits_for))
        _open_conflict(s, tx_id, reason, count, first)
        add_audit(s, action="sync_park", entity="outbox", entity_id=tx_id, field="status",
                  new=f"{count} changes: {reason}"[:500], outcome="parked")


def _open_conflict(s: Session, tx_id: str, reason: str, count: int, first: object) -> None:
    s.execute(delete(_CF).where(_CF.c.id == _conflict_id(tx_id)))
    order_id = None
    if first is not None and first[0] == "orders":
        order_id = first[1]
    s.execute(insert(_CF).values(
        id=_conflict_id(tx_id), kind=KIND, rule="not_applied", entity="outbox",
        entity_id=tx_id, field=None, order_id=order_id, kept_value=None,
        other_value=str(count), detail=reason[:2000], status="open", created_at=utcnow(),
        seq=0))


def _conflict_id(tx_id: str) -> str:
    # One conflict row per parked transaction, its id derived from the transaction's.
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"orderdesk:parked:{tx_id}"))


def list_parked(desk: Desk, *, all_states: bool = False) -> list[Parked]:
    with desk.read() as s:
        query = select(_PT)
        if not all_states:
            query = query.where(_PT.c.status == PARKED)
        return [Parked(**dict(r)) for r in s.execute(query.order_by(_PT.c.parked_at)).mappings()]


def _decide(desk: Desk, tx_id: str, status: str) -> int:
    desk.require(ACTION)
    user = desk.user.username if desk.user else "system"
    with desk.write(sync_apply=True) as s:
        row = s.execute(select(_PT).where(_PT.c.tx_id == tx_id)).mappings().first()
        if row is None:
            raise NotFound(entity="parked transaction", key=tx_id)
        if row["status"] != PARKED:
            raise ValidationFailed(field="status", value=row["status"], reason="decided")
        s.execute(update(_PT).where(_PT.c.tx_id == tx_id).values(
            status=status, decided_by=user, decided_at=utcnow()))
        released = 0
        if status == DISCARDED:
            # Never sent; the outbox rows stay (marked) with the local rows and audit.
            s.execute(update(Outbox).where(Outbox.tx_id == tx_id, Outbox.pushed_at.is_(None))
                      .values(pushed_at=utcnow()))
        # Transactions that waited for this one go on at the next round (a change to a
        # row the server never got comes back as a visible "row missing" conflict).
        released = s.execute(update(_PT).where(_PT.c.waits_for == tx_id,
                                               _PT.c.status == PARKED)
                             .values(status=RETRY, decided_by=user,
                                     decided_at=utcnow())).rowcount or 0
        s.execute(update(_CF).where(_CF.c.id == _conflict_id(tx_id)).values(
            status="resolved", resolved_by=user, resolved_at=utcnow(), resolution=status))
        s.execute(update(_CF).where(_CF.c.kind == KIND, _CF.c.status == "open", _CF.c.entity_id.in_(
            select(_PT.c.tx_id).where(_PT.c.waits_for == tx_id))).values(
            status="resolved", resolved_by=user, resolved_at=utcnow(), resolution=RETRY))
        add_audit(s, action=f"sync_{status}", entity="outbox", entity_id=tx_id,
                  field="status", old=PARKED, new=status,
                  outcome="ok" if not released else f"ok, {released} waiting released")
    return released


def retry(desk: Desk, tx_id: str) -> Changes:
    """Send a parked transaction again at the next sync round (audited)."""
    _decide(desk, tx_id, RETRY)
    return Changes(conflicts=True)


def discard(desk: Desk, tx_id: str) -> Changes:
    """Never send a parked transaction (audited); its local rows stay."""
    _decide(desk, tx_id, DISCARDED)
    return Changes(conflicts=True)
