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
    """n time-ordered UUIDs (as uuid7 makes them) at once, for bulk writers making
    hundreds of thousands: the 16 bytes of every key are laid out in one buffer by
    strided slices (the millisecond, then random bytes with the version and variant
    bits set by a byte translation), hex-encoded once and spread into the 8-4-4-4-12
    text the same way."""
    if n <= 0:
        return []
    ms = ((time.time_ns() // 1_000_000) & ((1 << 48) - 1)).to_bytes(6, "big")
    noise = os.urandom(10 * n)
    raw = bytearray(16 * n)
    for i in range(6):
        raw[i::16] = ms[i:i + 1] * n
    raw[6::16] = noise[0::10].translate(_VERSION_7)
    raw[7::16] = noise[1::10]
    raw[8::16] = noise[2::10].translate(_VARIANT)
    for i in range(3, 10):
        raw[i + 6::16] = noise[i::10]
    hexed = raw.hex().encode("ascii")
    text = bytearray(b"-" * (36 * n))
    for k, at in enumerate(_HEX_PLACES):
        text[at::36] = hexed[k::32]
    out = text.decode("ascii")
    return [out[j:j + 36] for j in range(0, 36 * n, 36)]


# Byte maps: the high nibble of byte 6 is the version (7), the top two bits of byte 8
# the RFC 9562 variant (0b10); the other bits stay random.
_VERSION_7 = bytes(0x70 | (b & 0x0F) for b in range(256))
_VARIANT = bytes(0x80 | (b & 0x3F) for b in range(256))
# Where each of the 32 hex digits goes in the 36-character text (dashes after 8, 12, 16, 20).
_HEX_PLACES = tuple(k + sum(k >= cut for cut in (8, 12, 16, 20)) for k in range(32))


_EVENT_NAMESPACE = uuid.UUID("5b0e2f4a-1c3d-4e6f-8a9b-0c1d2e3f4a5b")


def event_id(*parts: object) -> str:
    """The same UUID on every station for the same event (RFC 9562 v5 over `parts`).

    For rows that several stations may derive independently from synced data, such as
    the escalation of one overdue rush step: the server and the other stations then see
    one row inserted twice, which they treat as one, instead of two rows."""
    return str(uuid.uuid5(_EVENT_NAMESPACE, "\x1f".join(str(p) for p in parts)))
