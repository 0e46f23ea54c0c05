"""The duplicate engine on PostgreSQL (the central server's database)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from orderdesk.dedup import Probe, find_similar, flag_new_orders, list_pairs, merge_pair, undo_merge
from orderdesk.desk import Desk
from orderdesk.services import catalog
from orderdesk.services.orders import LineDraft, OrderDraft, add_order

T0 = dt.datetime(2026, 11, 25, 9, 14, 30)


@pytest.fixture
def pg_desk(pg_database):  # type: ignore[no-untyped-def]
    desk = Desk(pg_database, station="pg-test")
    yield desk
    desk.close()


@pytest.mark.pg
def test_lookup_flag_merge_undo_on_postgresql(pg_desk):  # type: ignore[no-untyped-def]
    desk = pg_desk
    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", aliases=["恒锐"],
                                contacts=[("王工", "138-0013-8000")])
        catalog.upsert_product(s, "BRK-1001", "支架")
        first = add_order(s, OrderDraft(channel="excel_email", customer_code="C001",
                                        channel_order_no="PO-1", order_time=T0,
                                        lines=[LineDraft("BRK-1001", 100)]))
        first_id = first.id
    found = find_similar(desk, Probe(phone="+86 138 0013 8000", sku="brk1001",
                                     quantity=Decimal(100), order_time=T0 + dt.timedelta(minutes=2)))
    assert [f.order_id for f in found] == [first_id]
    with desk.write() as s:
        dup = add_order(s, OrderDraft(channel="douyin", channel_order_no="DY-1",
                                      contact_name="恒锐", order_time=T0 + dt.timedelta(minutes=2),
                                      lines=[LineDraft("ＢＲＫ－１００１", 100)]))
        assert flag_new_orders(s, [dup.id]) == 1
    (pair,) = list_pairs(desk)
    assert pair.a.id == first_id
    merge_pair(desk, pair.id)
    assert find_similar(desk, Probe(customer_text="C001", sku="BRK-1001", quantity=Decimal(100),
                                    order_time=T0))[0].order_id == first_id
    undo_merge(desk, pair.id)
    assert [p.status for p in list_pairs(desk)] == ["open"]


@pytest.mark.pg
def test_batch_check_of_a_larger_import_on_postgresql(pg_desk):  # type: ignore[no-untyped-def]
    """More than 500 orders: the batch path with temporary id and probe tables."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import dedup_dataset as dataset

    data = dataset.generate(seed=5, real_orders=450)
    ids, flagged = dataset.bulk_load(pg_desk, data)
    assert len(ids) > 500
    truth = data.true_pairs()
    precision, recall = dataset.precision_recall(dataset.predicted_pairs(pg_desk, ids), truth)
    assert precision >= 0.99 and recall >= 0.98, (precision, recall)
    assert flagged > 0
