"""The order form's lookups and checks (core side)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from orderdesk.intake import entry
from orderdesk.services.orders import LineDraft, OrderDraft, cancel_order, create_order


def test_lookup_product_by_any_spelling_or_unique_nickname(desk, demo_catalog) -> None:  # type: ignore[no-untyped-def]
    assert entry.lookup_product(desk, "brk 1001").sku == "BRK-1001"
    assert entry.lookup_product(desk, "ＢＲＫ－１００１").sku == "BRK-1001"
    assert entry.lookup_product(desk, "插头壳").sku == "HSG-2002"
    assert entry.lookup_product(desk, "RES-PA66GF30") is None   # a component is not sold
    assert entry.lookup_product(desk, "") is None


def test_check_line(desk, demo_catalog) -> None:  # type: ignore[no-untyped-def]
    assert entry.check_line(desk, "BRK-1001", "5k").problems == ()
    assert entry.check_line(desk, "BRK-1001", "250").problems == ("not_pack_multiple",)
    assert entry.check_line(desk, "BRK-1001", "abc").problems == ("not_a_number",)
    assert entry.check_line(desk, "NOPE", "5").problems == ("unknown_sku",)


def test_recent_orders_newest_first_without_cancelled(desk, demo_catalog) -> None:  # type: ignore[no-untyped-def]
    old = create_order(desk, OrderDraft(channel="phone", customer_code="C001",
                                        order_time=dt.datetime(2026, 3, 1, 8),
                                        lines=[LineDraft("BRK-1001", 100)]))
    new = create_order(desk, OrderDraft(channel="phone", customer_code="C001",
                                        order_time=dt.datetime(2026, 3, 2, 8),
                                        lines=[LineDraft("BRK-1001", 200), LineDraft("HSG-2002", 50)]))
    gone = create_order(desk, OrderDraft(channel="phone", customer_code="C001",
                                         order_time=dt.datetime(2026, 3, 3, 8),
                                         lines=[LineDraft("BRK-1001", 300)]))
    cancel_order(desk, gone.id, "typo")
    rows = entry.recent_orders(desk, demo_catalog["customer_a"])
    assert [r.order_no for r in rows] == [new.order_no, old.order_no]
    assert rows[0].lines == (("BRK-1001", Decimal(200)), ("HSG-2002", Decimal(50)))
