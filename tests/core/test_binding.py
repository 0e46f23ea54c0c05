"""Batch binding by scanning: each outcome on a real SQLite station database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from orderdesk.errors import PermissionDenied
from orderdesk.models import AuditLog, Outbox
from orderdesk.models.batches import Batch, BatchBinding, ScanEvent
from orderdesk.services.orders import LineDraft, OrderDraft, create_order
from orderdesk.warehouse import binding as wb
from orderdesk.warehouse.gs1 import GS

TODAY = dt.date.today()


@pytest.fixture
def order(desk, demo_catalog):  # type: ignore[no-untyped-def]
    ref = create_order(desk, OrderDraft(channel="phone", customer_code="C001",
                                        customer_po="PO-7788",
                                        lines=[LineDraft("BRK-1001", 300),
                                               LineDraft("HSG-2002", 100)]))
    return ref


def _batch(desk, sku="BRK-1001", qty=100, **kw):  # type: ignore[no-untyped-def]
    return wb.register_batch(desk, sku, qty, production_date=TODAY, **kw)


def _count(desk, model, *where):  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_open_pick_by_number_ticket_and_channel(desk, order):  # type: ignore[no-untyped-def]
    view = wb.open_pick(desk, order.order_no)
    assert view.order_no == order.order_no and view.open
    assert [(l.sku, l.required, l.bound) for l in view.lines] == [
        ("BRK-1001", Decimal(300), Decimal(0)), ("HSG-2002", Decimal(100), Decimal(0))]
    assert view.customer_name == "苏州恒锐精密有限公司"
    assert wb.open_pick(desk, f"ODO:{order.order_no}\r").order_id == order.id
    assert wb.open_pick(desk, f"odo;{order.order_no.lower()}").order_id == order.id
    with pytest.raises(wb.NotFound):
        wb.open_pick(desk, "SO-1999-000001")


def test_bind_by_batch_code_records_scan_audit_and_outbox(desk, order):  # type: ignore[no-untyped-def]
    b = _batch(desk)
    outbox_before = _count(desk, Outbox)
    out = wb.scan(desk, order.id, f"ODB:{b.code}\r\n")
    assert out.kind == "bound" and out.accepted and out.line_no == 1
    assert out.quantity == Decimal(100) and out.batch_code == b.code
    assert out.pick.lines[0].bound == Decimal(100) and out.pick.lines[0].remaining == 200
    assert out.pick.status_warehouse == "picking"
    with desk.read() as s:
        ev = s.get(ScanEvent, out.scan_event_id)
        assert ev.outcome == "accepted" and ev.raw == f"ODB:{b.code}<CR><LF>"
        assert ev.binding_id == out.binding_id and ev.station == "test-station"
        bb = s.get(BatchBinding, out.binding_id)
        assert bb.active and bb.quantity == 100 and bb.station == "test-station"
        # Binding, scan event and status change travel to the server through the outbox.
        entities = set(s.scalars(select(Outbox.entity).where(Outbox.seq > outbox_before)))
    assert {"batch_bindings", "scan_events", "orders", "status_events"} <= entities


def test_gs1_label_creates_batch_and_binds(desk, order):  # type: ignore[no-untyped-def]
    exp = (TODAY + dt.timedelta(days=400)).strftime("%y%m%d")
    raw = f"]C1010690123456789210L2611{GS}17{exp}3750\r"
    out = wb.scan(desk, order.id, raw)
    assert out.kind == "bound", out
    with desk.read() as s:
        batch = s.scalar(select(Batch).where(Batch.lot == "L2611"))
        assert batch.source == "label" and batch.quantity == 50
        assert batch.expiry_date == dt.datetime.strptime(exp, "%y%m%d").date()
    # The same label again is a double scan, not a second batch.
    again = wb.scan(desk, order.id, raw)
    assert again.kind == "refused" and again.reason == "bound_here"
    assert _count(desk, Batch, Batch.lot == "L2611") == 1


def test_gs1_label_with_lost_separator_matches_known_batch(desk, order):  # type: ignore[no-untyped-def]
    exp = (TODAY + dt.timedelta(days=30)).strftime("%y%m%d")
    wb.register_batch(desk, "BRK-1001", 100, lot="0329", expiry_date=TODAY + dt.timedelta(days=30))
    out = wb.scan(desk, order.id, f"010690123456789210032917{exp}")
    assert out.kind == "bound", out.facts


@pytest.mark.parametrize("case", ["wrong_product", "over_quantity", "expired", "bound_elsewhere",
                                  "unknown_code", "unreadable", "not_open", "no_quantity",
                                  "product_only"])
def test_each_refusal_is_recorded_and_binds_nothing(desk, order, case):  # type: ignore[no-untyped-def]
    order_id = order.id
    if case == "wrong_product":
        wb.register_batch(desk, "BRK-1001", 1)  # ensure catalog works
        from orderdesk.services import catalog
        with desk.write() as s:
            catalog.upsert_product(s, "CLP-9", "卡扣")
        raw = "ODB:" + _batch(desk, sku="CLP-9", qty=5).code
    elif case == "over_quantity":
        raw = "ODB:" + _batch(desk, qty=301).code
    elif case == "expired":
        raw = "ODB:" + _batch(desk, expiry_date=TODAY - dt.timedelta(days=1)).code
    elif case == "bound_elsewhere":
        other = create_order(desk, OrderDraft(channel="phone", customer_code="C002",
                                              lines=[LineDraft("BRK-1001", 500)]))
        code = _batch(desk).code
        assert wb.scan(desk, other.id, "ODB:" + code).kind == "bound"
        raw = "ODB:" + code
    elif case == "unknown_code":
        raw = "ODB:B000000-NOPE"
    elif case == "unreadable":
        raw = "0106901234567893"  # GTIN check digit wrong
    elif case == "not_open":
        raw = "ODB:" + _batch(desk).code
        from orderdesk.services.orders import cancel_order
        cancel_order(desk, order_id, "customer withdrew")
    elif case == "no_quantity":
        raw = f"0106901234567892{'10'}NEWLOT"
    else:  # product_only
        raw = "0106901234567892"
    before = _count(desk, BatchBinding, BatchBinding.order_id == order_id)
    out = wb.scan(desk, order_id, raw)
    assert out.kind == "refused" and out.reason == case and not out.accepted
    assert _count(desk, BatchBinding, BatchBinding.order_id == order_id) == before
    with desk.read() as s:
        ev = s.get(ScanEvent, out.scan_event_id)
        assert ev.outcome == "refused" and ev.reason == case
        audit = s.scalar(select(AuditLog).where(AuditLog.entity_id == out.scan_event_id,
                                                AuditLog.action == "scan_refused"))
        assert audit is not None and audit.outcome == "refused"
    # Every refusal has words for the command line, in both languages.
    assert "{" not in wb.describe_outcome(out, "zh") and "{" not in wb.describe_outcome(out, "en")


def test_refusal_facts_say_why(desk, order):  # type: ignore[no-untyped-def]
    b = _batch(desk, qty=301)
    out = wb.scan(desk, order.id, "ODB:" + b.code)
    assert out.fact_map["remaining"] == "300" and out.fact_map["quantity"] == "301"
    assert "300" in wb.describe_outcome(out, "en")


def test_batch_fills_second_line_of_same_product(desk, demo_catalog):  # type: ignore[no-untyped-def]
    ref = create_order(desk, OrderDraft(channel="phone", customer_code="C001",
                                        lines=[LineDraft("BRK-1001", 100),
                                               LineDraft("BRK-1001", 200)]))
    outs = [wb.scan(desk, ref.id, "ODB:" + _batch(desk).code) for _ in range(3)]
    assert [o.line_no for o in outs] == [1, 2, 2]
    assert outs[-1].pick.complete and outs[-1].pick.status_warehouse == "ready_to_ship"
    fourth = wb.scan(desk, ref.id, "ODB:" + _batch(desk).code)
    assert fourth.reason == "over_quantity"


def test_undo_last_scan_and_audit(desk, order):  # type: ignore[no-untyped-def]
    first = wb.scan(desk, order.id, "ODB:" + _batch(desk).code)
    second = wb.scan(desk, order.id, "ODB:" + _batch(desk).code)
    res = wb.undo_last_scan(desk, order.id)
    assert res.binding_id == second.binding_id
    assert res.pick.lines[0].bound == Decimal(100)
    with desk.read() as s:
        row = s.get(BatchBinding, second.binding_id)
        assert not row.active and row.unbind_reason == "undo" and row.unbound_by == "system"
        assert s.scalar(select(AuditLog).where(AuditLog.action == "undo",
                                               AuditLog.entity_id == second.binding_id))
    # The undone batch can be scanned again.
    assert wb.scan(desk, order.id, "ODB:" + res.batch_code).kind == "bound"
    wb.undo_last_scan(desk, order.id)
    wb.undo_last_scan(desk, order.id)
    assert first.binding_id  # all undone now
    with pytest.raises(wb.NothingToUndo):
        wb.undo_last_scan(desk, order.id)


def test_unbind_needs_supervisor_and_reason(desk, order):  # type: ignore[no-untyped-def]
    from orderdesk.desk import UserInfo
    out = wb.scan(desk, order.id, "ODB:" + _batch(desk).code)
    desk.sign_in(UserInfo(id="u1", username="wh1", display_name="仓库", roles=("warehouse",)))
    with pytest.raises(PermissionDenied):
        wb.unbind(desk, out.binding_id, "label damaged")
    desk.sign_in(UserInfo(id="u2", username="boss", display_name="主管", roles=("supervisor",)))
    with pytest.raises(wb.ReasonRequired):
        wb.unbind(desk, out.binding_id, "   ")
    res = wb.unbind(desk, out.binding_id, "客户换批次")
    assert res.pick.lines[0].bound == 0
    rows = wb.bindings_for_order(desk, order.id, include_inactive=True)
    assert [(r.active, r.unbind_reason) for r in rows] == [(False, "客户换批次")]
    with desk.read() as s:
        audit = s.scalar(select(AuditLog).where(AuditLog.action == "unbind"))
        assert audit.user == "boss" and "客户换批次" in audit.new_value


def test_pick_ticket_scan_switches_order(desk, order):  # type: ignore[no-untyped-def]
    out = wb.scan(desk, None, f"ODO:{order.order_no}\r")
    assert out.kind == "order" and out.order_id == order.id
    outs = wb.scan_many(desk, None, [f"ODO:{order.order_no}\nODB:{_batch(desk).code}"])
    assert [o.kind for o in outs] == ["order", "bound"]


def test_offline_two_stations_bind_same_batch_rows_stay_separate(tmp_path, desk, order):  # type: ignore[no-untyped-def]
    """Two offline stations each bind the batch locally: each keeps its own binding row
    (never a shared counter), with its station, for the server to report as a conflict."""
    import shutil

    from orderdesk.desk import Desk
    b = _batch(desk)
    desk.close()
    copy = tmp_path / "station-b.db"
    shutil.copyfile(desk.url.removeprefix("sqlite:///"), copy)
    a_desk = Desk(desk.url.removeprefix("sqlite:///"), station="wh-a")
    b_desk = Desk(copy, station="wh-b")
    try:
        ra = wb.scan(a_desk, order.id, "ODB:" + b.code)
        rb = wb.scan(b_desk, order.id, "ODB:" + b.code)
        assert ra.kind == rb.kind == "bound" and ra.binding_id != rb.binding_id
        for d, station in ((a_desk, "wh-a"), (b_desk, "wh-b")):
            with d.read() as s:
                rows = s.execute(select(Outbox.entity, Outbox.station)
                                 .where(Outbox.entity == "batch_bindings")).all()
            assert rows == [("batch_bindings", station)]
    finally:
        a_desk.close()
        b_desk.close()


def test_double_bindings_from_two_stations_are_found(tmp_path, desk, order):  # type: ignore[no-untyped-def]
    """What the server sees after both offline stations pushed: one batch, two active
    bindings (here simulated by applying station B's binding row as a sync would)."""
    from orderdesk.ids import uuid7
    from orderdesk.models import OrderLine

    other = create_order(desk, OrderDraft(channel="phone", customer_code="C002",
                                          lines=[LineDraft("BRK-1001", 500)]))
    b = _batch(desk)
    assert wb.find_double_bindings(desk) == []
    assert wb.scan(desk, order.id, "ODB:" + b.code).kind == "bound"
    with desk.read() as s:
        line_id = s.scalar(select(OrderLine.id).where(OrderLine.order_id == other.id))
        batch_id = s.scalar(select(Batch.id).where(Batch.code == b.code))
    with desk.write(sync_apply=True) as s:  # station B's binding arriving by sync
        s.add(BatchBinding(id=uuid7(), batch_id=batch_id, order_line_id=line_id,
                           order_id=other.id, quantity=Decimal(100), bound_by="wh2",
                           station="wh-b"))
    found = wb.find_double_bindings(desk)
    assert len(found) == 1 and found[0].batch_code == b.code
    assert set(found[0].order_nos) == {order.order_no, other.order_no}
    assert {r.station for r in found[0].bindings} == {"test-station", "wh-b"}
    with desk.read() as s:
        assert wb.find_double_bindings_in(s, [batch_id])[0].batch_id == batch_id
        assert wb.find_double_bindings_in(s, []) == []


def test_demo_batches(desk, demo_catalog):  # type: ignore[no-untyped-def]
    from orderdesk.services.orders import set_status
    from orderdesk.warehouse.demo import add_demo_batches

    shipped = create_order(desk, OrderDraft(channel="phone", customer_code="C001",
                                            lines=[LineDraft("BRK-1001", 300)]))
    set_status(desk, shipped.id, "warehouse", "shipped")
    picking = create_order(desk, OrderDraft(channel="phone", customer_code="C002",
                                            lines=[LineDraft("BRK-1001", 500),
                                                   LineDraft("HSG-2002", 100)]))
    set_status(desk, picking.id, "warehouse", "picking")
    made = add_demo_batches(desk)
    assert made.bindings >= 3 and made.expired >= 1 and not made.skipped
    assert add_demo_batches(desk).skipped  # once only
    assert wb.pick_view(desk, shipped.id).complete  # shipped orders are fully bound
    view = wb.pick_view(desk, picking.id)
    assert any(line.bound for line in view.lines) and not view.complete
    with desk.read() as s:
        expired = s.scalars(select(Batch).where(Batch.expiry_date < TODAY)).all()
    brk = [b for b in expired if b.product_id == demo_catalog["product"]]
    out = wb.scan(desk, picking.id, "ODB:" + brk[0].code)
    assert out.kind == "refused" and out.reason == "expired"
    # The batches still waiting for the half-picked order bind.
    waiting = wb.label_batches_for_order(desk, picking.id)
    assert waiting == wb.batches_for_order(desk, picking.id)  # bound ones come first
