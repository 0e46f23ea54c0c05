"""The import's fast paths write and read exactly what the plain paths did.

bulk_insert builds audit and outbox rows of one shape itself (hash text assembled from
a shared prefix, rows as tuples): they must be the rows the ORM flush hook writes for
the same insert, linked into the same chain that tracking.audit_hash verifies. The
sheet reader's quick tests for filled cells must agree with cell_text.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from orderdesk.desk import Desk
from orderdesk.intake import values
from orderdesk.intake.bulk import bulk_insert, id_source
from orderdesk.json_rows import json_arrays, json_objects
from orderdesk.models import AuditLog, Customer, Order, Outbox
from orderdesk.tracking import Actor, audit_hash

SAME = ("user", "station", "action", "entity", "entity_id", "field", "old_value",
        "new_value", "outcome")
SAME_OUTBOX = ("entity", "entity_id", "op", "field", "old_value", "new_value", "base_seq",
               "user", "station", "pushed_at")


def _order(cid: str, n: int) -> dict:
    t = dt.datetime(2026, 3, 1, 8, 30, 15, 123456)
    return dict(id=f"0190a000-0000-7000-8000-{n:012d}", order_no=f"SO-2026-{n:06d}",
                channel="wechat", customer_id=cid, customer_po=f'PO"{n},x', order_time=t,
                requested_date=dt.date(2026, 3, 20), rush=bool(n % 2),
                status_sales="confirmed", contact_name="王经理\n二行",
                delivery_address="宁波市 1 号", created_at=t, updated_at=t)


def test_bulk_rows_are_the_hooks_rows_and_chain(desk: Desk) -> None:
    actor = Actor(user="sales1", station="A")
    with desk.write(actor) as s:
        customer = Customer(code="C1", name="客户")
        s.add(customer)
        s.flush()
        cid = customer.id
    # The same two orders: one pair through the ORM hook, one pair through bulk_insert.
    with desk.write(actor) as s:
        s.add_all([Order(**_order(cid, n)) for n in (1, 2)])
    with desk.write(actor) as s:
        bulk_insert(s, Order, [_order(cid, n) for n in (3, 4)])
        s.add(Customer(code="C2", name="之后"))  # the hook links on after the bulk rows
    with desk.read() as s:
        audits = s.scalars(select(AuditLog).order_by(AuditLog.id)).all()
        outbox = s.scalars(select(Outbox).order_by(Outbox.seq)).all()
    prev = None
    for row in audits:
        assert row.prev_hash == prev and row.hash == audit_hash(row)
        prev = row.hash
    by_order = {a.entity_id: a for a in audits if a.entity == "orders"}
    box = {o.entity_id: o for o in outbox if o.entity == "orders"}
    for hook_n, bulk_n in ((1, 3), (2, 4)):
        hook_id, bulk_id = (_order(cid, n)["id"] for n in (hook_n, bulk_n))
        hook, bulk = by_order[hook_id], by_order[bulk_id]
        own = _order(cid, bulk_n)
        expected = json.loads(hook.new_value)
        expected.update(id=own["id"], order_no=own["order_no"], customer_po=own["customer_po"],
                        rush=own["rush"])
        assert json.loads(bulk.new_value) == expected
        assert list(json.loads(bulk.new_value)) == list(json.loads(hook.new_value))
        for name in SAME:
            if name not in ("entity_id", "new_value"):
                assert getattr(bulk, name) == getattr(hook, name), name
        assert bulk.tx_id != hook.tx_id and bulk.at is not None
        for name in SAME_OUTBOX:
            if name not in ("entity_id", "new_value"):
                assert getattr(box[bulk_id], name) == getattr(box[hook_id], name), name
        assert box[bulk_id].new_value == bulk.new_value and box[bulk_id].tx_id == bulk.tx_id
    assert len({o.change_id for o in outbox}) == len(outbox)


def _bulk_outbox(desk: Desk, first: int) -> list[Outbox]:
    with desk.write(Actor(user="sales1", station="A")) as s:
        s.add(Customer(code=f"X{first}", name="先写一条"))  # hook rows before the bulk rows
        s.flush()
        bulk_insert(s, Customer, [dict(id=f"0190a000-0000-7000-8000-{n:012d}", code=f"B{n}",
                                       name=f"客户'{n}") for n in range(first, first + 40)])
        tx = s.info["tx_id"]
    with desk.read() as s:
        return list(s.scalars(select(Outbox).where(Outbox.tx_id == tx, Outbox.entity_id.like(
            "0190a000%")).order_by(Outbox.seq)))


def test_outbox_rows_copied_from_audit_equal_bound_ones(desk: Desk,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """On SQLite the outbox rows of a bulk insert are copied from its audit rows by one
    statement; they must be the rows the bound path writes, in the same order."""
    from orderdesk.intake import bulk

    copied = _bulk_outbox(desk, 100)
    monkeypatch.setattr(bulk.sqlite3, "sqlite_version_info", (3, 37, 0))  # the bound path
    bound = _bulk_outbox(desk, 200)
    assert len(copied) == len(bound) == 40
    with desk.read() as s:
        audit = {a.entity_id: a.new_value for a in s.scalars(
            select(AuditLog).where(AuditLog.entity == "customers"))}
    for rows in (copied, bound):
        assert [r.change_id for r in rows] == sorted(r.change_id for r in rows)
        assert [r.entity_id for r in rows] == sorted(r.entity_id for r in rows)
        for r in rows:
            assert r.new_value == audit[r.entity_id] and "'" in json.loads(r.new_value)["name"]
    for a, b in zip(copied, bound, strict=True):
        for name in ("entity", "op", "field", "old_value", "base_seq", "user", "station",
                     "pushed_at"):
            assert getattr(a, name) == getattr(b, name), name
        assert type(a.at) is type(b.at) and a.at is not None
        assert json.loads(a.new_value)["code"] == json.loads(b.new_value)["code"].replace(
            "B2", "B1")


def test_sync_applied_bulk_rows_are_audited_without_outbox(desk: Desk) -> None:
    with desk.write(sync_apply=True) as s:
        bulk_insert(s, Customer, [dict(id=f"0190a000-0000-7000-8000-{n:012d}", code=f"S{n}",
                                       name=f"客户{n}") for n in range(3)])
    with desk.read() as s:
        assert len(s.scalars(select(AuditLog).where(AuditLog.entity == "customers")).all()) == 3
        assert s.scalars(select(Outbox)).all() == []


def test_id_source_gives_distinct_v7_keys_across_batches() -> None:
    source = id_source(batch=7)
    keys = [next(source) for _ in range(30)]
    assert len(set(keys)) == 30
    assert all(k[14] == "7" and k[19] in "89ab" and len(k) == 36 for k in keys)


CELLS = [None, "", "  ", "\t", "x", " 备注：请按时交货 ", 0, 1, 2.0, 2.5, -0.0, True, False,
         dt.datetime(2026, 3, 1, 8, 0), dt.date(2026, 3, 1), dt.time(8, 0), Decimal("1.5")]


@pytest.mark.parametrize("value", CELLS)
def test_has_text_is_cell_text_not_empty(value: object) -> None:
    assert values.has_text(value) == bool(values.cell_text(value))


def _note_row_reference(cells: list[object], key_columns: list[int]) -> bool:
    filled = [(i, c) for i, c in enumerate(cells) if c is not None and values.cell_text(c)]
    if not filled or len(filled) > 2 or any(i in key_columns for i, _ in filled):
        return False
    texts = [values.cell_text(c) for _, c in filled]
    return all(isinstance(c, str) for _, c in filled) and any(
        values._NOTE_START.search(t) or len(t) >= 12 for t in texts)


@pytest.mark.parametrize("cells", [
    [], [None, None], ["备注：请按时交货", None, None], [None, "备注：x", "  "],
    ["制单：王工", "审核：李经理"], ["制单：王工", "审核：李经理", "批准"],
    ["备注", None, 5], [None, "备注：一", None, None, 3.0], ["  ", "", None],
    ["这是一段很长很长的说明文字超过十二个字"], [dt.datetime(2026, 3, 1), "备注"],
    ["A-1", "备注"], ["x", "y"], [1.0, None, "note: later"], ["P-1", 100, "备注"],
])
@pytest.mark.parametrize("key_columns", [[], [0], [2, 4], [1]])
def test_note_rows_as_before(cells: list[object], key_columns: list[int]) -> None:
    assert values.is_note_row(cells, key_columns) == _note_row_reference(cells, key_columns)


# -- JSON of bulk rows ----------------------------------------------------------------------

_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(), st.sampled_from(
        ['"', "\\", "%s", "%", "\n\r\t", "\x00\x1f\x7f", "\u2028\u2029", "王经理", "😀", ""]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=6, unique=True).flatmap(
    lambda keys: st.tuples(st.just(keys), st.lists(
        st.lists(_SCALARS, min_size=len(keys), max_size=len(keys)), min_size=1, max_size=5))))
def test_json_objects_are_json_dumps_byte_for_byte(case) -> None:  # type: ignore[no-untyped-def]
    keys, rows = case
    columns = [list(col) for col in zip(*rows)]
    assert json_objects(keys, columns) == [
        json.dumps(dict(zip(keys, row)), ensure_ascii=False) for row in rows]
    assert json_arrays(columns) == [json.dumps(list(row), ensure_ascii=False) for row in rows]


def test_json_objects_of_columns_of_one_type_and_of_nested_values() -> None:
    keys = ["id", "n", "flag", "data", "pct%s"]
    columns = [["a", "b\"c"], [1, 2**64], [True, False], [{"x": [1, None]}, ["王"]],
               ["%d", None]]
    assert json_objects(keys, columns) == [
        json.dumps(dict(zip(keys, row)), ensure_ascii=False) for row in zip(*columns)]
