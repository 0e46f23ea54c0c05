"""Acknowledged outbox rows are trimmed after the retention window; nothing that could
still be sent (or a transaction partly waiting, or parked) is touched, and the local
audit trail keeps every change."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, update

from orderdesk.desk import Desk
from orderdesk.models import AuditLog, Customer, Outbox, utcnow
from orderdesk.sync import parking
from orderdesk.sync import station as local
from orderdesk.tracking import Actor


def _tx(desk: Desk, prefix: str, n: int = 3) -> str:
    with desk.write(Actor(user="sales1", station="s")) as s:
        s.add_all([Customer(code=f"{prefix}{i}", name=prefix) for i in range(n)])
        return s.info["tx_id"]


def _ack(desk: Desk, tx_id: str, when: dt.datetime, keep_one: bool = False) -> None:
    with desk.write(sync_apply=True) as s:
        s.execute(update(Outbox).where(Outbox.tx_id == tx_id).values(pushed_at=when))
        if keep_one:
            first = s.scalar(select(func.min(Outbox.seq)).where(Outbox.tx_id == tx_id))
            s.execute(update(Outbox).where(Outbox.seq == first).values(pushed_at=None))


def _rows(desk: Desk, tx_id: str) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(Outbox).where(Outbox.tx_id == tx_id))


def test_trim_keeps_what_may_still_travel(desk: Desk) -> None:
    now = utcnow()
    old, recent, partial, held, waiting = (_tx(desk, p) for p in "ORPHW")
    _ack(desk, old, now - dt.timedelta(days=40))
    _ack(desk, recent, now - dt.timedelta(days=3))
    _ack(desk, partial, now - dt.timedelta(days=40), keep_one=True)
    _ack(desk, held, now - dt.timedelta(days=40))
    parking.park(desk, held, "422: test")
    with desk.read() as s:
        audit_before = s.scalar(select(func.count()).select_from(AuditLog)
                                .where(AuditLog.entity == "customers"))
    assert local.trim_outbox(desk, keep_days=14, now=now) == 3
    assert _rows(desk, old) == 0
    assert _rows(desk, recent) == _rows(desk, partial) == _rows(desk, held) == 3
    assert _rows(desk, waiting) == 3
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)
                        .where(AuditLog.entity == "customers")) == audit_before
        trims = list(s.scalars(select(AuditLog.new_value).where(AuditLog.action == "outbox_trim")))
    assert trims == ['"3 acknowledged rows"']
    # Nothing more to do: nothing deleted, no audit row.
    assert local.trim_outbox(desk, keep_days=14, now=now) == 0
