"""Human numbers of shipments and invoices, and EDI interchange control references."""

from __future__ import annotations

import datetime as dt
import secrets
import time

from sqlalchemy import update
from sqlalchemy.orm import Session

from orderdesk.models import NumberSequence, utcnow

_BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def take(session: Session, kind: str, count: int = 1, when: dt.datetime | None = None
         ) -> list[str]:
    """`count` numbers <KIND>-<year>-<station prefix><6 digits> from the local counter,
    inside the caller's transaction (a rollback gives them back). The station prefix the
    server hands out keeps numbers made at two stations apart, like order numbers."""
    year = (when or utcnow()).year
    name = f"{kind}-{year}"
    seq = session.get(NumberSequence, name)
    if seq is None:
        seq = NumberSequence(name=name, next_value=1)
        session.add(seq)
        session.flush()
    first = seq.next_value
    session.execute(update(NumberSequence).where(NumberSequence.name == name)
                    .values(next_value=first + count))
    session.expire(seq)
    prefix = session.info.get("order_no_prefix", "")
    return [f"{kind}-{year}-{prefix}{n:06d}" for n in range(first, first + count)]


def control_reference() -> str:
    """A 14-character interchange control reference (UNB 0020, an..14), unique without a
    shared counter: 48 bits of milliseconds and 22 random bits in base 36, so stations
    that queue messages offline never hand out the same one."""
    value = (int(time.time() * 1000) << 22) | secrets.randbits(22)
    out = ""
    while value:
        value, digit = divmod(value, 36)
        out = _BASE36[digit] + out
    return out.rjust(14, "0")[-14:]
