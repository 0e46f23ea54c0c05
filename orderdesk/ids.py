"""Identifiers that stations can make offline without asking anyone."""

from __future__ import annotations

import os
import time
import uuid


def uuid7() -> str:
    """A time-ordered UUID (RFC 9562 v7) as text.

    Stations create rows while offline, so keys must be unique without a central
    counter; v7 also sorts by creation time, which keeps SQLite's B-trees compact.
    """
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((rand >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))


def uuid7_batch(n: int) -> list[str]:
    """n time-ordered UUIDs (as uuid7 makes them) at once: one read of the random
    source and plain hex formatting, for bulk writers making hundreds of thousands."""
    ms = (time.time_ns() // 1_000_000) & ((1 << 48) - 1)
    head = (ms << 80) | (0x7 << 76)
    noise = os.urandom(10 * n)
    out = []
    for i in range(n):
        rand = int.from_bytes(noise[10 * i:10 * i + 10], "big")
        h = "%032x" % (head | (((rand >> 62) & 0xFFF) << 64) | (0b10 << 62)
                       | (rand & ((1 << 62) - 1)))
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


_EVENT_NAMESPACE = uuid.UUID("5b0e2f4a-1c3d-4e6f-8a9b-0c1d2e3f4a5b")


def event_id(*parts: object) -> str:
    """The same UUID on every station for the same event (RFC 9562 v5 over `parts`).

    For rows that several stations may derive independently from synced data, such as
    the escalation of one overdue rush step: the server and the other stations then see
    one row inserted twice, which they treat as one, instead of two rows."""
    return str(uuid.uuid5(_EVENT_NAMESPACE, "\x1f".join(str(p) for p in parts)))
