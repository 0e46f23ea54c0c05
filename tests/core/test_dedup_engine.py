"""Duplicate engine: each noise kind is caught, each hard negative is not."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from orderdesk.dedup import (
    Probe,
    Rules,
    find_similar,
    flag_new_orders,
    get_rules,
    list_pairs,
    save_rules,
)
from orderdesk.dedup.engine import compare_addresses
from orderdesk.models import DedupKey, DuplicatePair, Setting
from orderdesk.services import catalog
from orderdesk.services.orders import LineDraft, OrderDraft, add_order, cancel_order, create_order

T0 = dt.datetime(2026, 11, 25, 9, 14, 30)  # 9:14:30, just before the 9:15 bucket boundary


@pytest.fixture
def existing(desk, demo_catalog):  # type: ignore[no-untyped-def]
    """One Excel order of customer C001 (恒锐): 100 × BRK-1001 at 9:14:30."""
    with desk.write() as s:
        catalog.upsert_product(s, "BRK-1001-A", "支架A")
        catalog.upsert_product(s, "BRK-1001-B", "支架B")
    ref = create_order(desk, OrderDraft(
        channel="excel", customer_code="C001", channel_order_no="PO-778", order_time=T0,
        requested_date=dt.date(2026, 12, 10), delivery_address="苏州工业园区星湖街1号",
        contact_phone="138-0013-8000", lines=[LineDraft("BRK-1001", 100)]))
    return ref


def ids(found):  # type: ignore[no-untyped-def]
    return [f.order_id for f in found]


# -- noise: the same order written another way is found ------------------------------------

def test_bucket_boundary_two_minutes_apart_is_found(desk, existing):  # type: ignore[no-untyped-def]
    found = find_similar(desk, Probe(customer_text="C001", sku="BRK-1001",
                                     quantity=Decimal(100), order_time=T0 + dt.timedelta(minutes=2)))
    assert ids(found) == [existing.id]
    assert found[0].score >= 0.8


def test_marketplace_order_without_code_found_by_formatted_phone(desk, existing):  # type: ignore[no-untyped-def]
    for phone in ("+86 138 0013 8000", "0086-13800138000", "１３８００１３８０００"):
        found = find_similar(desk, Probe(phone=phone, sku="BRK-1001", quantity=Decimal(100),
                                         order_time=T0 + dt.timedelta(minutes=6),
                                         channel="douyin"))
        assert ids(found) == [existing.id], phone
        assert found[0].explanation.startswith("同一客户(电话一致)、同一物料、相隔6分钟、数量相同")
        assert ("customer", "phone") in found[0].reasons


def test_alias_and_spaced_full_width_name_found(desk, existing):  # type: ignore[no-untyped-def]
    for text in ("恒锐", "恒锐精密", "苏州 恒锐精密 有限公司", "苏州恒锐精密（有限公司）"):
        found = find_similar(desk, Probe(customer_text=text, sku="BRK-1001",
                                         quantity=Decimal(100), order_time=T0))
        assert ids(found) == [existing.id], text
        assert ("customer", "name") in found[0].reasons


@pytest.mark.parametrize("sku", ["brk-1001", "BRK 1001", "BRK1001", "ＢＲＫ－１００１", " brk1001 "])
def test_sku_written_any_way_found(desk, existing, sku):  # type: ignore[no-untyped-def]
    found = find_similar(desk, Probe(customer_id=None, customer_text="C001", sku=sku,
                                     quantity=Decimal(100), order_time=T0))
    assert ids(found) == [existing.id]


def test_product_nickname_found(desk, existing):  # type: ignore[no-untyped-def]
    found = find_similar(desk, Probe(customer_text="C001", sku="小支架", quantity=Decimal(100),
                                     order_time=T0))
    assert ids(found) == [existing.id]


def test_marketplace_order_stored_first_found_from_typed_order(desk, demo_catalog):  # type: ignore[no-untyped-def]
    with desk.write() as s:
        market = add_order(s, OrderDraft(channel="pdd", channel_order_no="PDD-1",
                                         contact_name="收货人 王先生", contact_phone="138 0013 8000",
                                         order_time=T0, lines=[LineDraft("brk1001", 100)]))
        market_id = market.id
    found = find_similar(desk, Probe(customer_id=demo_catalog["customer_a"], sku="BRK-1001",
                                     quantity=Decimal(100),
                                     order_time=T0 + dt.timedelta(minutes=9)))
    assert ids(found) == [market_id]


# -- hard negatives: not a duplicate --------------------------------------------------------

def test_repeat_order_with_other_quantity_is_not_shown(desk, existing):  # type: ignore[no-untyped-def]
    probe = Probe(customer_text="C001", sku="BRK-1001", quantity=Decimal(300),
                  order_time=T0 + dt.timedelta(minutes=3))
    assert find_similar(desk, probe) == []


def test_repeat_order_with_other_due_date_or_address_is_not_flagged(desk, existing):  # type: ignore[no-untyped-def]
    with desk.write() as s:
        other_date = add_order(s, OrderDraft(
            channel="wechat", customer_code="C001", order_time=T0 + dt.timedelta(minutes=4),
            requested_date=dt.date(2026, 12, 30), delivery_address="苏州工业园区星湖街1号",
            lines=[LineDraft("BRK-1001", 100)]))
        other_address = add_order(s, OrderDraft(
            channel="phone", customer_code="C001", order_time=T0 + dt.timedelta(minutes=5),
            delivery_address="苏州工业园区星湖街88号", requested_date=dt.date(2026, 12, 10),
            lines=[LineDraft("BRK-1001", 100)]))
        assert flag_new_orders(s, [other_date.id, other_address.id]) == 0
    assert list_pairs(desk) == []


def test_other_customer_same_sku_same_minute_is_not_a_candidate(desk, existing):  # type: ignore[no-untyped-def]
    found = find_similar(desk, Probe(customer_text="C002", sku="BRK-1001",
                                     quantity=Decimal(100), order_time=T0))
    assert found == []
    # ...nor a marketplace buyer with another phone and another name.
    assert find_similar(desk, Probe(phone="13912345678", customer_text="张三", sku="BRK-1001",
                                    quantity=Decimal(100), order_time=T0)) == []


def test_sibling_sku_sharing_first_eight_chars_is_not_matched(desk, existing):  # type: ignore[no-untyped-def]
    assert find_similar(desk, Probe(customer_text="C001", sku="BRK-1001-A",
                                    quantity=Decimal(100), order_time=T0)) == []


def test_time_fades_without_a_cliff_and_the_span_is_configurable(desk, existing):  # type: ignore[no-untyped-def]
    # Issue 11 replaced the old ±15-minute cliff (this test used to assert that a probe
    # 16 minutes later found nothing): time is evidence that fades with the gap.
    def score_at(minutes: float) -> float:
        found = find_similar(desk, Probe(customer_text="C001", sku="BRK-1001",
                                         quantity=Decimal(100),
                                         order_time=T0 + dt.timedelta(minutes=minutes)))
        return found[0].score if found else 0.0

    scores = [score_at(m) for m in (0, 14, 16, 60, 120, 300)]
    assert scores[:5] == sorted(scores[:5], reverse=True)
    assert scores[2] >= 0.65 and scores[4] >= 0.65  # a re-send 2 hours later is shown
    assert scores[1] - scores[2] < 0.05  # no edge at 15 minutes
    assert scores[5] < scores[4]
    assert score_at(-14) > 0.65  # earlier, too
    assert score_at(24 * 60) == 0.0  # the next day: outside the search span
    save_rules(desk, Rules(span_minutes=48 * 60))
    assert score_at(24 * 60) < 0.55  # inside the span now, but faded to nothing


def test_fields_that_count_are_business_settings(desk, existing):  # type: ignore[no-untyped-def]
    probe = Probe(customer_text="C001", sku="BRK-1001", quantity=Decimal(300), order_time=T0)
    assert find_similar(desk, probe) == []
    save_rules(desk, Rules(fields={"quantity": False, "requested_date": True, "address": True,
                                   "contact": True, "channel": True}))
    assert get_rules(desk).counts("quantity") is False
    assert ids(find_similar(desk, probe)) == [existing.id]


def test_broken_rules_setting_falls_back_to_defaults(desk, existing):  # type: ignore[no-untyped-def]
    with desk.write() as s:
        s.add(Setting(key="dedup.rules", value='{"window_minutes": "abc", "show_threshold": 7'))
    assert get_rules(desk) == Rules()
    with pytest.raises(Exception) as err:
        save_rules(desk, Rules(window_minutes=0))
    assert getattr(err.value, "code", "") == "validation_failed"


def test_cancelled_order_is_not_proposed(desk, existing):  # type: ignore[no-untyped-def]
    cancel_order(desk, existing.id, "客户撤单")
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(DedupKey)
                        .where(DedupKey.order_id == existing.id)) == 0
    assert find_similar(desk, Probe(customer_text="C001", sku="BRK-1001",
                                    quantity=Decimal(100), order_time=T0)) == []


def test_empty_probe_finds_nothing(desk, existing):  # type: ignore[no-untyped-def]
    assert find_similar(desk, Probe(customer_text="C001")) == []
    assert find_similar(desk, Probe(sku="BRK-1001")) == []


def test_address_comparison_reads_house_numbers():
    assert compare_addresses("苏州工业园区星湖街1号", "苏州市工业园区星湖街1号") == "same"
    assert compare_addresses("常州工业园区创业大道196号", "常州高新区创业大道38号") == "differs"


# -- batch flagging ------------------------------------------------------------------------

def _assert_recorded_with_audit_and_outbox(desk, pair_id: str) -> None:  # type: ignore[no-untyped-def]
    """The pair row went in with one audit insert, one outbox insert, and the audit hash
    chain still links row to row (pairs are written by the bulk writer, not the ORM)."""
    from orderdesk.models import AuditLog, Outbox
    from orderdesk.tracking import audit_hash

    with desk.read() as s:
        audits = s.scalars(select(AuditLog).where(AuditLog.entity == "dedup_pairs",
                                                  AuditLog.entity_id == pair_id)).all()
        assert [a.action for a in audits] == ["insert"]
        assert '"status": "open"' in (audits[0].new_value or "")
        assert s.scalar(select(func.count()).select_from(Outbox).where(
            Outbox.entity == "dedup_pairs", Outbox.entity_id == pair_id)) == 1
        previous = None
        for row in s.scalars(select(AuditLog).order_by(AuditLog.id)):
            assert row.prev_hash == previous and row.hash == audit_hash(row), row.id
            previous = row.hash


def test_flag_new_orders_records_pairs_once_and_keep_is_never_proposed_again(desk, existing):  # type: ignore[no-untyped-def]
    with desk.write() as s:
        dup = add_order(s, OrderDraft(channel="taobao", channel_order_no="TB-55",
                                      contact_name="恒锐精密", contact_phone="13800138000",
                                      order_time=T0 + dt.timedelta(minutes=3),
                                      lines=[LineDraft("brk 1001", 100)]))
        dup_id = dup.id
        assert flag_new_orders(s, [dup_id]) == 1
    pairs = list_pairs(desk)
    assert [(p.a.id, p.b.id) for p in pairs] == [(existing.id, dup_id)]
    assert pairs[0].a.channel_order_no == "PO-778" and pairs[0].b.channel_order_no == "TB-55"
    _assert_recorded_with_audit_and_outbox(desk, pairs[0].id)
    with desk.write() as s:
        assert flag_new_orders(s, [dup_id]) == 1  # still waiting, not recorded twice
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(DuplicatePair)) == 1
    from orderdesk.dedup import keep_pair
    keep_pair(desk, pairs[0].id)
    with desk.write() as s:
        assert flag_new_orders(s, [dup_id]) == 0
    assert find_similar(desk, Probe(customer_text="C001", sku="BRK-1001", quantity=Decimal(100),
                                    order_time=T0, exclude_order_id=dup_id)) == []


def test_flag_finds_pairs_inside_one_import_and_core_inserted_orders(desk, demo_catalog):  # type: ignore[no-untyped-def]
    from sqlalchemy import insert

    from orderdesk.ids import uuid7
    from orderdesk.models import Order, OrderLine

    a, b = uuid7(), uuid7()
    with desk.write() as s:
        conn = s.connection()
        product = conn.execute(select(catalog.Product.id)
                               .where(catalog.Product.sku == "HSG-2002")).scalar()
        for oid, no, when, channel in ((a, "SO-X-1", T0, "excel"),
                                       (b, "SO-X-2", T0 + dt.timedelta(minutes=7), "wechat")):
            conn.execute(insert(Order.__table__), [dict(
                id=oid, order_no=no, channel=channel, customer_id=demo_catalog["customer_b"],
                order_time=when, rush=False, status_sales="confirmed",
                status_production="awaiting_schedule", status_warehouse="awaiting_stock",
                cancelled=False, created_at=when, updated_at=when)])
            conn.execute(insert(OrderLine.__table__), [dict(
                id=uuid7(), order_id=oid, line_no=1, product_id=product,
                quantity=Decimal(50), unit="pcs", cancelled=False)])
        assert flag_new_orders(s, [a, b]) == 2
    pairs = list_pairs(desk)
    assert len(pairs) == 1 and (pairs[0].a.id, pairs[0].b.id) == (a, b)
    assert "同一客户(编码一致)" in pairs[0].explanation


def test_index_follows_orders_written_by_any_service(desk, existing):  # type: ignore[no-untyped-def]
    from orderdesk.services.orders import update_order

    update_order(desk, existing.id, customer_id=None, contact_phone=None,
                 delivery_address=None)
    # Now only the name could tell (the catalog address would still name the customer,
    # issue 11); with no customer at all the order is not a candidate.
    assert find_similar(desk, Probe(customer_text="C001", sku="BRK-1001",
                                    quantity=Decimal(100), order_time=T0)) == []


def test_upgrade_indexes_orders_that_existed_before(tmp_path):  # type: ignore[no-untyped-def]
    """A database with order history gets its lookup index when it is upgraded."""
    from alembic import command
    from sqlalchemy import insert

    from orderdesk import db
    from orderdesk.desk import Desk
    from orderdesk.ids import uuid7
    from orderdesk.models import Customer, Order, OrderLine, Product

    path = tmp_path / "old.db"
    engine = db.make_engine(path)
    command.upgrade(db._alembic_config(str(engine.url)), "0001")
    oid = uuid7()
    with engine.begin() as conn:
        cid, pid = uuid7(), uuid7()
        conn.execute(insert(Customer.__table__), [dict(id=cid, code="K1", name="甲公司",
                                                       name_norm="甲公司", tier="B", active=True,
                                                       created_at=T0, updated_at=T0)])
        conn.execute(insert(Product.__table__), [dict(id=pid, sku="A-1", sku_norm="A1", name="a",
                                                      unit="pcs", is_component=False,
                                                      active=True, created_at=T0,
                                                      updated_at=T0)])
        conn.execute(insert(Order.__table__), [dict(
            id=oid, order_no="SO-1", channel="excel", customer_id=cid, order_time=T0,
            rush=False, status_sales="confirmed", status_production="awaiting_schedule",
            status_warehouse="awaiting_stock", cancelled=False, created_at=T0, updated_at=T0)])
        conn.execute(insert(OrderLine.__table__), [dict(id=uuid7(), order_id=oid, line_no=1,
                                                        product_id=pid, quantity=Decimal(5),
                                                        unit="pcs", cancelled=False)])
    engine.dispose()
    desk = Desk(path)
    try:
        found = find_similar(desk, Probe(customer_text="k1", sku="a-1", quantity=Decimal(5),
                                         order_time=T0))
        assert [f.order_no for f in found] == ["SO-1"]
    finally:
        desk.close()


def test_orders_stored_before_the_catalog_knew_the_phone_are_found_by_customer(desk, existing):  # type: ignore[no-untyped-def]
    """A marketplace order kept under an unknown phone meets the customer's typed order
    once that phone is added to the customer (its index entry follows the catalog)."""
    with desk.write() as s:
        market = add_order(s, OrderDraft(channel="jd_pop", channel_order_no="JD-5",
                                         contact_name="赵先生", contact_phone="186 1111 2222",
                                         order_time=T0 + dt.timedelta(hours=2),
                                         lines=[LineDraft("HSG-2002", 30)]))
        market_id = market.id
    with desk.write() as s:
        catalog.upsert_customer(s, "C002", "无锡华通汽车电子有限公司",
                                contacts=[("赵先生", "18611112222")])
    with desk.read() as s:
        keys = set(s.scalars(select(DedupKey.customer_key).where(DedupKey.order_id == market_id)))
    assert any(k.startswith("c:") for k in keys)
    with desk.write() as s:
        typed = add_order(s, OrderDraft(channel="phone", customer_code="C002",
                                        order_time=T0 + dt.timedelta(hours=2, minutes=4),
                                        lines=[LineDraft("HSG 2002", 30)]))
        assert flag_new_orders(s, [typed.id]) == 1
    (pair,) = list_pairs(desk)
    assert (pair.a.id, pair.explanation.split("、")[0]) == (market_id, "同一客户(电话一致)")
