"""The warehouse page driven by simulated scanner keystrokes on a real station database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import func, select

from orderdesk.models import Outbox
from orderdesk.models.batches import BatchBinding, ScanEvent
from orderdesk.services import catalog
from orderdesk.services.orders import LineDraft, OrderDraft, cancel_order, create_order
from orderdesk.warehouse import binding as wb
from test_warehouse_scanner import Keyboard  # tests/ui is on sys.path (rootdir conftest)

TODAY = dt.date.today()
SCREENSHOTS = Path(__import__("tempfile").mkdtemp(prefix="orderdesk-shots-"))  # tests write only to tmp


@pytest.fixture
def page(ctx, qtbot, demo_catalog):  # type: ignore[no-untyped-def]
    from orderdesk.ui.warehouse.page import WarehousePage

    p = WarehousePage(ctx)
    p.sounds.enabled = False  # remember what would play, play nothing
    # A note field on the page has the keyboard focus: scans must not land in it.
    p.note = QLineEdit(p)
    p.layout().addWidget(p.note)
    qtbot.addWidget(p)
    p.resize(1280, 900)
    p.show()
    qtbot.waitExposed(p)
    p.note.setFocus()
    return p


def _order(desk, *lines):  # type: ignore[no-untyped-def]
    return create_order(desk, OrderDraft(channel="phone", customer_code="C001",
                                         customer_po="PO-2611-88",
                                         lines=[LineDraft(sku, q) for sku, q in lines]))


def _count(desk, model, *where):  # type: ignore[no-untyped-def]
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _scan(page, kb, qtbot, code, *, wait=True):  # type: ignore[no-untyped-def]
    shown = []
    page.outcome_did_show.connect(shown.append)
    kb.pause(200)
    kb.type(page.note, code + "\r", gap_ms=2)
    if wait:
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    page.outcome_did_show.disconnect(shown.append)
    return shown[0] if shown else None


def test_200_scans_at_full_speed_nothing_lost(page, ctx, qtbot):  # type: ignore[no-untyped-def]
    desk = ctx.desk
    ref = _order(desk, ("BRK-1001", 20000))
    from orderdesk.models import Product
    with desk.write() as s:  # 200 production batches in one go
        product_id = s.scalar(select(Product.id).where(Product.sku == "BRK-1001"))
        codes = [wb.add_batch(s, product_id=product_id, quantity=Decimal(100),
                              production_date=TODAY).code for _ in range(200)]
    outcomes = []
    page.outcome_did_show.connect(outcomes.append)
    kb = Keyboard()
    kb.type(page.note, f"ODO:{ref.order_no}\r", gap_ms=2)
    for code in codes:  # 20 scans a second, 2 ms a key, all delivered before any result
        kb.pause(50 - 2 * (len(code) + 5))
        kb.type(page.note, f"ODB:{code}\r", gap_ms=2, shift_events=True)
    assert page.scanner.scans_seen == 201
    qtbot.waitUntil(lambda: len(outcomes) == 201, timeout=60000)
    assert [o.kind for o in outcomes] == ["order"] + ["bound"] * 200
    assert [o.batch_code for o in outcomes[1:]] == codes  # in scan order, none merged
    assert page.note.text() == ""  # nothing leaked into the focused field
    assert _count(desk, BatchBinding, BatchBinding.order_id == ref.id,
                  BatchBinding.active.is_(True)) == 200
    line = page.view.lines[0]
    assert (line.bound, line.required, line.batches) == (Decimal(20000), Decimal(20000), 200)
    assert page.view.complete and page.banner_state == "ok"
    assert page.lines_model.index(0, 2).data() == "20000 / 20000 pcs"


def test_each_refusal_is_loud_and_recorded(page, ctx, qtbot):  # type: ignore[no-untyped-def]
    desk = ctx.desk
    ref = _order(desk, ("BRK-1001", 300))
    other = _order(desk, ("BRK-1001", 500))
    with desk.write() as s:
        catalog.upsert_product(s, "CLP-9", "卡扣")
    used = wb.register_batch(desk, "BRK-1001", 100).code
    wb.scan(desk, other.id, "ODB:" + used)
    cases = [
        ("not_open", "ODB:" + wb.register_batch(desk, "BRK-1001", 100).code,
         "No open order"),
    ]
    kb = Keyboard()
    for reason, code, words in cases:
        out = _scan(page, kb, qtbot, code)
        assert out.reason == reason and words in page.banner.text()
    assert _scan(page, kb, qtbot, f"ODO:{ref.order_no}").kind == "order"
    cases = [
        ("wrong_product", "ODB:" + wb.register_batch(desk, "CLP-9", 5).code,
         "Wrong product"),
        ("over_quantity", "ODB:" + wb.register_batch(desk, "BRK-1001", 301).code,
         "needs only 300"),
        ("expired", "ODB:" + wb.register_batch(desk, "BRK-1001", 10,
                                               expiry_date=TODAY - dt.timedelta(days=3)).code,
         "Expired"),
        ("bound_elsewhere", "ODB:" + used, other.order_no),
        ("unknown_code", "ODB:B000000-NOPE", "Unknown code"),
        ("unreadable", "0106901234567893", "Unreadable"),
    ]
    for reason, code, words in cases:
        page.sounds.last = None
        out = _scan(page, kb, qtbot, code)
        assert out.kind == "refused" and out.reason == reason, (reason, out.facts)
        assert page.banner_state == "error" and words in page.banner.text(), page.banner.text()
        assert page.sounds.last == "refused"
        with desk.read() as s:
            assert s.get(ScanEvent, out.scan_event_id).reason == reason
    assert _count(desk, BatchBinding, BatchBinding.order_id == ref.id) == 0
    assert page.log_model.rowCount() == 8
    # A good scan after all that turns the banner green again.
    good = _scan(page, kb, qtbot, "ODB:" + wb.register_batch(desk, "BRK-1001", 100).code)
    assert good.kind == "bound" and page.banner_state == "ok" and page.sounds.last == "accepted"


def test_scanning_a_cancelled_order_refuses(page, ctx, qtbot):  # type: ignore[no-untyped-def]
    desk = ctx.desk
    ref = _order(desk, ("BRK-1001", 300))
    kb = Keyboard()
    _scan(page, kb, qtbot, f"ODO:{ref.order_no}")
    cancel_order(desk, ref.id, "客户取消")
    out = _scan(page, kb, qtbot, "ODB:" + wb.register_batch(desk, "BRK-1001", 100).code)
    assert out.reason == "not_open" and page.banner_state == "error"


def test_undo_last_scan(page, ctx, qtbot):  # type: ignore[no-untyped-def]
    desk = ctx.desk
    ref = _order(desk, ("BRK-1001", 300), ("HSG-2002", 50))
    kb = Keyboard()
    _scan(page, kb, qtbot, f"ODO:{ref.order_no}")
    first = _scan(page, kb, qtbot, "ODB:" + wb.register_batch(desk, "BRK-1001", 100).code)
    second = _scan(page, kb, qtbot, "ODB:" + wb.register_batch(desk, "HSG-2002", 50).code)
    assert page.view.lines[1].done
    page.undo_button.click()
    qtbot.waitUntil(lambda: page.banner_state == "warning", timeout=5000)
    assert second.batch_code in page.banner.text()
    assert not page.view.lines[1].done and page.view.lines[0].bound == 100
    with desk.read() as s:
        assert not s.get(BatchBinding, second.binding_id).active
        assert s.get(BatchBinding, first.binding_id).active
    page.undo_button.click()
    page.undo_button.click()  # nothing left: said in the banner, no dialog, no traceback
    qtbot.waitUntil(lambda: page.banner_state == "error", timeout=5000)
    assert "Nothing to undo" in page.banner.text()


def test_unbind_is_for_supervisors(page, ctx, qtbot, sign_in):  # type: ignore[no-untyped-def]
    desk = ctx.desk
    ref = _order(desk, ("BRK-1001", 300))
    kb = Keyboard()
    _scan(page, kb, qtbot, f"ODO:{ref.order_no}")
    out = _scan(page, kb, qtbot, "ODB:" + wb.register_batch(desk, "BRK-1001", 100).code)
    sign_in("warehouse")
    page.unbind(out.binding_id, "label damaged")
    qtbot.waitUntil(lambda: page.banner_state == "error", timeout=5000)
    assert "not allowed" in page.banner.text()
    sign_in("supervisor")
    page.unbind(out.binding_id, "客户要求换批次")
    qtbot.waitUntil(lambda: page.banner_state == "warning", timeout=5000)
    assert page.view.lines[0].bound == 0
    rows = wb.bindings_for_order(desk, ref.id, include_inactive=True)
    assert rows[0].unbind_reason == "客户要求换批次"


def test_offline_bindings_wait_in_the_outbox(page, ctx, qtbot):  # type: ignore[no-untyped-def]
    """No server configured: scanning works on the local database alone, and every
    binding waits in the outbox (unpushed) for the next sync."""
    assert ctx.server_url is None
    desk = ctx.desk
    ref = _order(desk, ("BRK-1001", 300))
    kb = Keyboard()
    _scan(page, kb, qtbot, f"ODO:{ref.order_no}")
    outs = [_scan(page, kb, qtbot, "ODB:" + wb.register_batch(desk, "BRK-1001", 100).code)
            for _ in range(3)]
    assert all(o.kind == "bound" for o in outs) and page.view.complete
    with desk.read() as s:
        pending = s.scalars(select(Outbox.entity_id).where(Outbox.entity == "batch_bindings",
                                                           Outbox.pushed_at.is_(None))).all()
    assert set(pending) == {o.binding_id for o in outs}


def test_choose_order_then_scan_in_chinese_and_screenshot(page, ctx, qtbot):  # type: ignore[no-untyped-def]
    from orderdesk.ui import i18n

    desk = ctx.desk
    ref = _order(desk, ("BRK-1001", 300), ("HSG-2002", 150))
    i18n.set_language("zh")
    try:
        qtbot.waitUntil(lambda: page.choose_button.text() == "选择订单", timeout=3000)
        page.choose_order(ref.id)
        qtbot.waitUntil(lambda: page.view is not None, timeout=5000)
        assert page.order_label.text() == ref.order_no
        kb = Keyboard()
        _scan(page, kb, qtbot, "ODB:" + wb.register_batch(desk, "BRK-1001", 300).code)
        _scan(page, kb, qtbot, "ODB:" + wb.register_batch(desk, "HSG-2002", 50).code)
        _scan(page, kb, qtbot, "ODB:" + wb.register_batch(
            desk, "BRK-1001", 10, expiry_date=TODAY - dt.timedelta(days=1)).code)
        assert page.banner_state == "error" and page.banner.text().startswith("已过期")
        assert page.lines_model.index(1, 2).data() == "50 / 150 pcs"
        if SCREENSHOTS.is_dir():
            page.note.hide()
            page.grab().save(str(SCREENSHOTS / "warehouse-page.png"))
    finally:
        i18n.set_language("en")
    # The banner follows the language switch.
    qtbot.waitUntil(lambda: page.banner.text().startswith("Expired"), timeout=3000)


def test_save_labels_pdf(page, ctx, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    desk = ctx.desk
    ref = _order(desk, ("BRK-1001", 300))
    wb.register_batch(desk, "BRK-1001", 100, production_date=TODAY)
    page.choose_order(ref.id)
    qtbot.waitUntil(lambda: page.view is not None, timeout=5000)
    out = tmp_path / "labels.pdf"
    page.save_labels_pdf(out)
    qtbot.waitUntil(lambda: out.exists(), timeout=10000)
    assert out.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: page.banner_state == "ok", timeout=5000)
    bad = tmp_path / "missing-folder" / "labels.pdf"
    page.save_labels_pdf(bad)
    qtbot.waitUntil(lambda: page.banner_state == "error", timeout=10000)
    assert "Cannot write" in page.banner.text()


def test_batch_bound_at_another_station_shows_as_conflict(page, ctx, qtbot):  # type: ignore[no-untyped-def]
    """Offline, this station bound a batch; station B bound the same batch to another
    order. When B's binding arrives by sync, the page says so."""
    from orderdesk.changes import Changes
    from orderdesk.ids import uuid7
    from orderdesk.models import OrderLine
    from orderdesk.models.batches import Batch

    desk = ctx.desk
    ref = _order(desk, ("BRK-1001", 300))
    other = _order(desk, ("BRK-1001", 300))
    code = wb.register_batch(desk, "BRK-1001", 100).code
    kb = Keyboard()
    _scan(page, kb, qtbot, f"ODO:{ref.order_no}")
    assert _scan(page, kb, qtbot, "ODB:" + code).kind == "bound"
    with desk.read() as s:
        line_id = s.scalar(select(OrderLine.id).where(OrderLine.order_id == other.id))
        batch_id = s.scalar(select(Batch.id).where(Batch.code == code))
    with desk.write(sync_apply=True) as s:
        s.add(BatchBinding(id=uuid7(), batch_id=batch_id, order_line_id=line_id,
                           order_id=other.id, quantity=Decimal(100), bound_by="wh2",
                           station="wh-b"))
    ctx.apply(Changes(bindings=True))  # what the sync client announces after a pull
    page.on_changes(Changes(bindings=True), None)  # the main window connects this
    qtbot.waitUntil(lambda: page.banner_state == "warning", timeout=5000)
    assert code in page.banner.text() and other.order_no in page.banner.text()
    assert "wh-b" in page.banner.text()
