"""Every service write leaves exactly its audit rows and outbox rows; a failed one neither."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from orderdesk.errors import DeleteForbidden, NotFound, ValidationFailed
from orderdesk.models import AuditLog, Order, OrderLine, Outbox
from orderdesk.services import orders
from orderdesk.tracking import audit_hash


def counts(desk):
    with desk.read() as s:
        return (s.scalar(select(func.count(AuditLog.id))),
                s.scalar(select(func.count(Outbox.seq))))


def new_rows(desk, since_audit: int):
    with desk.read() as s:
        audit = s.scalars(select(AuditLog).where(AuditLog.id > since_audit)
                          .order_by(AuditLog.id)).all()
        tx_ids = {a.tx_id for a in audit}
        outbox = s.scalars(select(Outbox).where(Outbox.tx_id.in_(tx_ids))
                           .order_by(Outbox.seq)).all()
        return audit, outbox


def last_audit_id(desk) -> int:
    with desk.read() as s:
        return s.scalar(select(func.max(AuditLog.id))) or 0


def draft(**kw):
    base = dict(channel="wechat", customer_code="C001", channel_order_no="WX-1",
                lines=[orders.LineDraft("brk-1001", 5000, unit_price="1.25")])
    base.update(kw)
    return orders.OrderDraft(**base)


def test_create_order_writes_one_insert_row_per_record(desk, demo_catalog):
    mark = last_audit_id(desk)
    ref = orders.create_order(desk, draft())
    audit, outbox = new_rows(desk, mark)
    # order, its line, its channel number, its first status event: one insert each
    assert sorted(a.entity for a in audit) == sorted(
        ["orders", "order_lines", "order_channel_refs", "status_events"])
    assert all(a.action == "insert" and a.field is None for a in audit)
    assert len({a.tx_id for a in audit}) == 1
    assert [(o.entity, o.entity_id, o.op) for o in outbox] == [
        (a.entity, a.entity_id, a.action) for a in audit]
    order_row = next(a for a in audit if a.entity == "orders")
    assert order_row.entity_id == ref.id
    assert json.loads(order_row.new_value)["order_no"] == ref.order_no
    line = json.loads(next(a for a in audit if a.entity == "order_lines").new_value)
    assert Decimal(line["quantity"]) == 5000 and line["unit_price"] == "1.25"
    assert all(a.user == "system" and a.station == "test-station" for a in audit)


def test_update_writes_one_row_per_changed_field_with_old_and_new(desk, demo_catalog):
    ref = orders.create_order(desk, draft())
    mark = last_audit_id(desk)
    orders.update_order(desk, ref.id, customer_po="PO-77", contact_name="王工",
                        delivery_address=None)  # unchanged (already None): no row
    audit, outbox = new_rows(desk, mark)
    assert sorted((a.field, a.old_value, a.new_value) for a in audit) == [
        ("contact_name", None, json.dumps("王工", ensure_ascii=False)),
        ("customer_po", None, '"PO-77"'),
    ]
    assert sorted((o.field, o.op) for o in outbox) == [("contact_name", "update"),
                                                       ("customer_po", "update")]


def test_status_change_records_event_and_field(desk, demo_catalog):
    ref = orders.create_order(desk, draft())
    mark = last_audit_id(desk)
    orders.set_status(desk, ref.id, "warehouse", "kitted")
    audit, outbox = new_rows(desk, mark)
    fields = {(a.entity, a.field, a.old_value, a.new_value) for a in audit}
    assert ("orders", "status_warehouse", '"awaiting_stock"', '"kitted"') in fields
    assert any(a.entity == "status_events" and a.action == "insert" for a in audit)
    assert len(outbox) == len(audit) == 2


@pytest.mark.parametrize("bad", [
    dict(lines=[orders.LineDraft("NO-SUCH-SKU", 1)]),
    dict(lines=[orders.LineDraft("BRK-1001", 10), orders.LineDraft("BRK-1001", -5)]),
    dict(customer_code="C999"),
    dict(lines=[]),
])
def test_failed_write_leaves_no_audit_no_outbox_no_order(desk, demo_catalog, bad):
    before = counts(desk)
    with pytest.raises(ValidationFailed):
        orders.create_order(desk, draft(**bad))
    assert counts(desk) == before
    with desk.read() as s:
        assert s.scalar(select(func.count(Order.id))) == 0
        assert s.scalar(select(func.count(OrderLine.id))) == 0


def test_failed_update_of_missing_order_leaves_nothing(desk, demo_catalog):
    before = counts(desk)
    with pytest.raises(NotFound):
        orders.update_order(desk, "no-such-id", customer_po="X")
    assert counts(desk) == before


def test_business_rows_cannot_be_deleted(desk, demo_catalog):
    ref = orders.create_order(desk, draft())
    before = counts(desk)
    with pytest.raises(DeleteForbidden):
        with desk.write() as s:
            s.delete(s.get(Order, ref.id))
            s.flush()
    assert counts(desk) == before
    with desk.read() as s:
        assert s.get(Order, ref.id) is not None


def test_cancel_and_restore_are_audited_and_reversible(desk, demo_catalog):
    ref = orders.create_order(desk, draft())
    orders.cancel_order(desk, ref.id, "客户取消")
    orders.restore_order(desk, ref.id)
    with desk.read() as s:
        order = s.get(Order, ref.id)
        assert order.cancelled is False and order.cancel_reason is None
        trail = s.scalars(select(AuditLog.field).where(AuditLog.entity_id == ref.id,
                                                       AuditLog.action == "update")).all()
    assert trail.count("cancelled") == 2 and trail.count("cancel_reason") == 2


def test_audit_hash_chain_links_every_row_and_detects_tampering(desk, demo_catalog):
    ref = orders.create_order(desk, draft())
    orders.update_order(desk, ref.id, customer_po="PO-1")
    with desk.read() as s:
        rows = s.scalars(select(AuditLog).order_by(AuditLog.id)).all()
    prev = None
    for row in rows:
        assert row.prev_hash == prev
        assert row.hash == audit_hash(row)
        prev = row.hash
    victim = rows[-1]
    victim.new_value = '"PO-2"'
    assert audit_hash(victim) != victim.hash


def test_identical_attachments_are_stored_once(desk, demo_catalog):
    from orderdesk.models import Attachment, Blob

    ref = orders.create_order(desk, draft())
    other = orders.create_order(desk, draft(channel_order_no="WX-2"))
    orders.add_attachment(desk, ref.id, "drawing.png", b"\x89PNG same bytes")
    orders.add_attachment(desk, other.id, "copy.png", b"\x89PNG same bytes")
    with desk.read() as s:
        assert s.scalar(select(func.count(Blob.sha256))) == 1
        assert s.scalar(select(func.count(Attachment.id))) == 2


def test_channel_number_cannot_point_at_two_orders(desk, demo_catalog):
    orders.create_order(desk, draft())
    before = counts(desk)
    with pytest.raises(ValidationFailed) as err:
        orders.create_order(desk, draft())
    assert err.value.facts["reason"] == "mapped_elsewhere"
    assert counts(desk) == before


def test_board_lists_open_rush_orders_first_and_shipped_rush_as_history(desk, demo_catalog):
    import datetime as dt

    from orderdesk.services import board

    old_rush = orders.create_order(desk, draft(channel_order_no="R-OLD", rush=True,
                                               order_time=dt.datetime(2026, 1, 1)))
    orders.set_status(desk, old_rush.id, "warehouse", "shipped")
    plain = orders.create_order(desk, draft(channel_order_no="P-NEW",
                                            order_time=dt.datetime(2026, 3, 1)))
    live_rush = orders.create_order(desk, draft(channel_order_no="R-LIVE", rush=True,
                                                order_time=dt.datetime(2026, 2, 1)))
    assert [o.id for o in board.list_orders(desk)] == [live_rush.id, plain.id, old_rush.id]


def test_every_desk_of_a_process_records_audit_and_outbox(template_db, tmp_path):
    """Servers, tests and the import CLI open many Desks in one process. Each must get
    the hook: a guard on SQLAlchemy's event registry once skipped it whenever a new
    sessionmaker reused a collected one's address, and writes went unaudited."""
    import gc
    import shutil

    from orderdesk.desk import Desk
    from orderdesk.services import catalog

    for n in range(60):
        path = tmp_path / f"station-{n}.db"
        shutil.copy(template_db, path)
        desk = Desk(path, station=f"s{n}")
        with desk.write() as s:
            catalog.upsert_customer(s, f"C{n:03d}", f"客户 {n}", tier="B")
        with desk.read() as s:
            audits = s.scalar(select(func.count()).select_from(AuditLog)
                              .where(AuditLog.entity == "customers"))
            outbox = s.scalar(select(func.count()).select_from(Outbox)
                              .where(Outbox.entity == "customers"))
        desk.close()
        del desk, s
        gc.collect()  # frees the old sessionmaker, so the next may take its address
        assert (audits, outbox) == (1, 1), f"desk {n} wrote without its audit/outbox rows"
