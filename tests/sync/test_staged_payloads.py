"""Staged pieces of a large transaction: the payload written for each change reads back
as the same change, and rows staged by a release that wrote JSON objects still apply."""

from __future__ import annotations

import datetime as dt
import json

from orderdesk.sync.server.store import ChangeIn, _from_payload, _piece_payloads


def _change(n: int, **over: object) -> ChangeIn:
    base = dict(change_id=f"c-{n}", tx_id="tx", entity="orders", entity_id=f"o-{n}",
                op="update", field="note", old_value=None, new_value=json.dumps("王\n\"x\"%s"),
                base_seq=n or None, user="sales1", station="A",
                at=dt.datetime(2026, 3, 1, 8, 30, 15, 123456 * (n % 2)))
    base.update(over)
    return ChangeIn(**base)  # type: ignore[arg-type]


def test_payloads_read_back_as_the_same_changes() -> None:
    changes = [_change(n) for n in range(5)] + [
        _change(9, op="insert", field=None, new_value=None, user=None, station=None,
                at=dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.timezone.utc))]
    texts = _piece_payloads(changes)
    assert [_from_payload(t) for t in texts] == changes
    assert all(isinstance(json.loads(t), list) for t in texts)


def test_a_payload_staged_as_an_object_still_reads() -> None:
    change = _change(3)
    data = {k: getattr(change, k) for k in ChangeIn.__dataclass_fields__}
    data["at"] = change.at.isoformat()
    assert _from_payload(json.dumps(data, ensure_ascii=False)) == change
