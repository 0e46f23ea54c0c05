"""Keys: uuid7 and the bulk uuid7_batch make RFC 9562 version-7 UUIDs in canonical text."""

from __future__ import annotations

import re
import time
import uuid

from orderdesk.ids import uuid7, uuid7_batch

CANONICAL = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_batch_keys_are_version_7_canonical_and_unique() -> None:
    before = time.time_ns() // 1_000_000
    keys = uuid7_batch(20000)
    after = time.time_ns() // 1_000_000
    assert len(keys) == 20000 and len(set(keys)) == 20000
    for key in keys:
        assert CANONICAL.match(key), key
        parsed = uuid.UUID(key)
        assert str(parsed) == key and parsed.version == 7
        assert parsed.variant == uuid.RFC_4122
        assert before <= parsed.int >> 80 <= after
    # The random part (after the version digit) really varies in every position: a
    # stride bug would repeat bytes. The first 13 characters are the millisecond.
    for pos in [p for p in range(15, 36) if p not in (18, 23)]:
        assert len({k[pos] for k in keys}) > 3, pos


def test_batch_edges_and_single_keys_agree() -> None:
    assert uuid7_batch(0) == [] and uuid7_batch(-3) == []
    (one,) = uuid7_batch(1)
    assert CANONICAL.match(one) and CANONICAL.match(uuid7())
    assert uuid.UUID(one).int >> 80 <= uuid.UUID(uuid7()).int >> 80
