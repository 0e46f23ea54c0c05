"""Packing old audit rows into blocks (orderdesk/audit_store.py) on a real SQLite file:
nothing is lost, every reader sees the same trail, and the chain still catches edits."""

from __future__ import annotations

import datetime as dt
import json
import zlib

import pytest
from sqlalchemy import func, select, text

from orderdesk import audit_store
from orderdesk.models import AuditArchiveBlock, AuditLog, utcnow
from orderdesk.services import audit, board, orders
from orderdesk.services.audit import AuditFilter

LATER = dt.timedelta(days=audit_store.HOT_DAYS + 5)


@pytest.fixture
def history(desk, demo_catalog):  # type: ignore[no-untyped-def]
    """Twelve orders with edits and notes, then the ids of two of them."""
    made = []
    for i in range(12):
        ref = orders.create_order(desk, orders.OrderDraft(
            channel="phone", customer_code="C001", customer_po=f"PO-PACK-{i}",
            lines=[orders.LineDraft(sku="BRK-1001", quantity=100 + i),
                   orders.LineDraft(sku="HSG-2002", quantity=10 * (i + 1))]))
        made.append(ref.id)
    for i, order_id in enumerate(made):
        orders.update_order(desk, order_id, customer_po=f"PO-PACK-{i}-改")
        orders.add_note(desk, order_id, f"客户来电 {i}: 交期不变")
        orders.set_status(desk, order_id, "sales", "confirmed")
    return made


def _everything(desk):  # type: ignore[no-untyped-def]
    return [(r.id, r.at, r.user, r.action, r.entity, r.entity_id, r.field, r.old_value,
             r.new_value, r.outcome) for r in audit.list_audit(desk, limit=100_000)]


def test_packing_keeps_every_row_and_every_reader_sees_the_same_trail(desk, history):
    trail_before = board.order_detail(desk, history[3]).trail
    rows_before = _everything(desk)
    facets_before = audit.audit_facets(desk)
    with desk.read() as s:
        hashes = dict(s.execute(select(AuditLog.id, AuditLog.hash)).all())
    po_filter = AuditFilter(text="po-pack-3", entity="orders")
    po_rows_before = audit.list_audit(desk, po_filter)
    single = [AuditFilter(action="update"), AuditFilter(entity="notes"),
              AuditFilter(user="system"), AuditFilter(outcome="ok")]
    counts_before = [audit.count_audit(desk, f) for f in single]

    report = audit_store.pack(desk, now=utcnow() + LATER, block_rows=25)
    assert report.refused is None and report.blocks >= 4 and report.rows == report.blocks * 25
    with desk.read() as s:
        hot = s.scalar(select(func.count()).select_from(AuditLog))
        packed = audit_store.packed_count(s)
        # Every packed row's hash is recomputed exactly as it was stored.
        for audit_id in (1, 2, 25, 26, report.through_id):
            assert audit_store.hash_at(s, audit_id) == hashes[audit_id]
    assert packed == report.rows and hot == len(rows_before) - packed + 1  # + the pack row

    after = _everything(desk)
    assert after[0][3] == "audit_pack" and after[1:] == rows_before
    assert audit.count_audit(desk) == len(after)
    assert board.order_detail(desk, history[3]).trail == trail_before
    assert audit.list_audit(desk, po_filter) == po_rows_before
    assert audit.count_audit(desk, po_filter) == len(po_rows_before) >= 2
    # Counts of one facet come from the blocks' own counts: the same numbers (the pack
    # row is a system row with outcome ok).
    assert [audit.count_audit(desk, f) for f in single] == [
        counts_before[0], counts_before[1], counts_before[2] + 1, counts_before[3] + 1]
    assert counts_before[0] > 0 and counts_before[1] == 12
    actions, entities, outcomes = audit.audit_facets(desk)
    assert set(facets_before[0]) | {"audit_pack"} == set(actions)
    assert (set(entities), outcomes) == (set(facets_before[1]) | {"audit_log"},
                                         facets_before[2])

    # Paging through hot rows into the blocks gives the same rows as one long page.
    pages = []
    for offset in range(0, len(after), 7):
        pages.extend(audit.list_audit(desk, limit=7, offset=offset))
    assert [r.id for r in pages] == [r[0] for r in after]

    report = audit.verify_chain(desk)
    assert report.ok and report.checked == len(after)


def test_only_rows_older_than_the_hot_window_are_packed(desk, history):
    report = audit_store.pack(desk, now=utcnow(), block_rows=25)
    assert report.rows == 0 and report.blocks == 0
    with desk.read() as s:
        assert not audit_store.has_blocks(s)
        total = s.scalar(select(func.count()).select_from(AuditLog))
    # A part-filled block waits: only whole blocks are written, never the newest row.
    report = audit_store.pack(desk, now=utcnow() + LATER, block_rows=total)
    assert report.rows == 0
    report = audit_store.pack(desk, now=utcnow() + LATER, block_rows=total - 1)
    assert report.rows == total - 1
    with desk.read() as s:
        assert audit_store.head(s)[0] > report.through_id


def test_a_row_edited_before_packing_is_never_packed(desk, history):
    with desk.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET new_value = '\"伪造\"' WHERE id = 60"))
    report = audit_store.pack(desk, now=utcnow() + LATER, block_rows=25)
    assert report.refused == "hash" and report.bad_id == 60 and report.through_id == 50
    with desk.read() as s:
        assert s.get(AuditLog, 60) is not None  # still in the table, where it is named
        refused = s.scalars(select(AuditLog).where(AuditLog.action == "audit_pack",
                                                   AuditLog.outcome == "broken")).one()
        assert refused.entity_id == "60"
    report = audit.verify_chain(desk)
    assert not report.ok and report.problem == "hash" and report.first_bad_id == 60


def _rewrite_block(desk, change) -> AuditArchiveBlock:  # type: ignore[no-untyped-def]
    with desk.read() as s:
        block = s.scalars(select(AuditArchiveBlock).order_by(AuditArchiveBlock.id)
                          .offset(1).limit(1)).one()
        s.expunge(block)
    rows = json.loads(zlib.decompress(block.payload))
    change(rows)
    with desk.engine.begin() as conn:
        conn.execute(text("UPDATE audit_archive SET payload = :p WHERE id = :id"),
                     {"p": zlib.compress(json.dumps(rows, ensure_ascii=False).encode()),
                      "id": block.id})
    return block


def test_an_edit_inside_a_block_is_caught(desk, history):
    audit_store.pack(desk, now=utcnow() + LATER, block_rows=25)

    def forge(rows):  # type: ignore[no-untyped-def]
        rows[3][9] = json.dumps({"quantity": 999999})

    block = _rewrite_block(desk, forge)
    with desk.read() as s:
        assert audit_store.hash_at(s, block.first_id + 3) != block.last_hash
    report = audit.verify_chain(desk)
    assert not report.ok and report.problem == "hash" and report.first_bad_id == block.first_id


def test_a_row_removed_from_a_block_is_caught(desk, history):
    audit_store.pack(desk, now=utcnow() + LATER, block_rows=25)
    block = _rewrite_block(desk, lambda rows: rows.pop(5))
    report = audit.verify_chain(desk)
    assert not report.ok and report.first_bad_id == block.first_id


def test_a_removed_block_breaks_the_link(desk, history):
    audit_store.pack(desk, now=utcnow() + LATER, block_rows=25)
    with desk.engine.begin() as conn:
        third = conn.execute(text("SELECT id, first_id FROM audit_archive ORDER BY id "
                                  "LIMIT 1 OFFSET 2")).one()
        conn.execute(text("DELETE FROM audit_archive WHERE id = :id"), {"id": third.id - 1})
    report = audit.verify_chain(desk)
    assert not report.ok and report.problem == "link" and report.first_bad_id == third.first_id


def test_pack_if_due_runs_once_a_day_and_is_audited(desk, history, monkeypatch):
    monkeypatch.setattr(audit_store, "BLOCK_ROWS", 25)
    now = utcnow() + LATER
    first = audit_store.pack_if_due(desk, now=now)
    assert first is not None and first.rows > 0
    assert audit_store.pack_if_due(desk, now=now + dt.timedelta(hours=3)) is None
    assert audit_store.pack_if_due(desk, now=now + dt.timedelta(days=1, minutes=1)) is not None
    packs = audit.list_audit(desk, AuditFilter(action="audit_pack"))
    assert packs and json.loads(packs[-1].new_value)["rows"] > 0
    assert audit.verify_chain(desk).ok


def test_rows_beyond_the_newest_hot_rows_are_packed_whatever_their_age(desk, history):
    with desk.read() as s:
        total = s.scalar(select(func.count()).select_from(AuditLog))
    report = audit_store.pack(desk, now=utcnow(), block_rows=10, hot_rows=30)
    with desk.read() as s:
        hot = s.scalar(select(func.count()).select_from(AuditLog))
        packs = s.scalar(select(func.count()).select_from(AuditLog)
                         .where(AuditLog.action == "audit_pack"))
    # Whole blocks only: between 30 and 39 of the rows there were stay (+ one audit row
    # per packing transaction).
    assert packs >= 1 and report.rows == total - (hot - packs) and 30 <= hot - packs < 40
    assert audit.verify_chain(desk).ok


def test_the_kpi_event_log_reads_rows_packed_before_it_ever_ran(desk, history, db_path,
                                                                 tmp_path):
    import sqlite3

    from orderdesk.desk import Desk
    from orderdesk.insight import events

    orders.cancel_order(desk, history[5], "客户取消")
    twin_path = tmp_path / "twin.db"
    with sqlite3.connect(db_path) as source, sqlite3.connect(twin_path) as target:
        source.backup(target)

    def corrections(d):  # type: ignore[no-untyped-def]
        with d.read() as s:
            return s.execute(text("SELECT source_key, order_id, kind, at, user, detail "
                                  "FROM insight_events WHERE kind IN ('corrected', "
                                  "'cancelled') ORDER BY source_key")).all()

    twin = Desk(twin_path, station="twin")
    try:
        events.refresh(twin)  # the log reads the table before anything was packed
        expected = corrections(twin)
    finally:
        twin.close()
    assert {r.kind for r in expected} == {"corrected", "cancelled"} and len(expected) >= 13

    report = audit_store.pack(desk, now=utcnow() + LATER, block_rows=25)
    assert report.rows > 0
    events.refresh(desk)  # first run after the rows left the table
    assert corrections(desk) == expected
    events.refresh(desk)
    assert corrections(desk) == expected  # taken once


def test_audit_commands_pack_vacuum_and_verify(desk, history, db_path, capsys):
    from orderdesk.cli import main

    desk.close()  # the commands open the file themselves
    assert main(["audit", "pack", "--db", str(db_path), "--vacuum"]) == 0
    assert "packed 0 audit rows into 0 blocks" in capsys.readouterr().out  # all rows young
    assert main(["audit", "verify", "--db", str(db_path)]) == 0
    assert "audit chain intact" in capsys.readouterr().out
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE audit_log SET user = 'someone' WHERE id = 7")
    assert main(["audit", "verify", "--db", str(db_path)]) == 1
    assert "BROKEN at row 7 (hash)" in capsys.readouterr().out
    assert main(["audit", "pack", "--db", str(db_path), "--hot-days", "0"]) == 2
