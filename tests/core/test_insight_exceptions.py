"""Exception quick reports: queue, the card that closes them, "the same problem again?"."""

from __future__ import annotations

import pytest

from orderdesk.errors import NotFound, PermissionDenied, ValidationFailed
from orderdesk.insight import exceptions as ex
from orderdesk.desk import UserInfo
from orderdesk.services.orders import LineDraft, OrderDraft, create_order
from tests.core.insight_helpers import catalog

CARD = dict(category="method", cause="来料检验标准未写明色差范围",
            action="修订检验规程，增加色差样板", applies_to="所有外观件")


def _order(desk):  # type: ignore[no-untyped-def]
    catalog(desk)
    return create_order(desk, OrderDraft(channel="phone", customer_code="C1",
                                         lines=[LineDraft(sku="BRK-1", quantity=100)],
                                         status_sales="confirmed"))


def test_report_goes_to_the_queue_with_owner_due_and_photos(desk):
    ref = _order(desk)
    res = ex.report_exception(desk, kind="quality", description="外观色差，客户拒收",
                              order_no=ref.order_no, line_no=1, owner="qc1",
                              photos=(("a.jpg", b"\xff\xd8photo"),))
    row = res.row
    assert row.status == "open" and row.owner == "qc1" and row.photos == 1
    assert row.order_no == ref.order_no and row.line_no == 1 and row.customer_code == "C1"
    assert row.due_at is not None and row.due_at > row.raised_at
    assert [r.report_no for r in ex.list_exceptions(desk)] == [row.report_no]
    with pytest.raises(ValidationFailed):
        ex.report_exception(desk, kind="no-such-kind", description="x")
    with pytest.raises(ValidationFailed):
        ex.report_exception(desk, kind="quality", description="   ")
    with pytest.raises(NotFound):
        ex.report_exception(desk, kind="quality", description="x", order_no="SO-NOPE")


def test_close_needs_the_card_and_names_the_missing_fields(desk):
    ref = _order(desk)
    row = ex.report_exception(desk, kind="quality", description="外观色差，客户拒收",
                              order_no=ref.order_no).row
    # A draft can be saved with only part of the card.
    ex.save_card(desk, row.id, category="method")
    with pytest.raises(ex.CardIncomplete) as err:
        ex.close_exception(desk, row.id, cause="标准不清")
    assert err.value.facts["missing"] == ["action", "applies_to"]
    kept = ex.get_exception(desk, row.id)
    assert kept.status == "open" and kept.card.state == "draft"
    assert (kept.card.category, kept.card.cause) == ("method", "标准不清")  # nothing lost
    card = ex.close_exception(desk, row.id, **CARD)
    assert card.state == "accepted"
    assert ex.get_exception(desk, row.id).status == "closed"
    assert ex.accepted_cards(desk) == 1
    with pytest.raises(ex.ExceptionClosed):
        ex.save_card(desk, row.id, cause="again")


def test_a_similar_card_asks_and_recurrences_are_counted(desk):
    ref = _order(desk)
    first = ex.report_exception(desk, kind="quality", description="外观色差，客户拒收",
                                order_no=ref.order_no).row
    first_card = ex.close_exception(desk, first.id, **CARD)
    second = ex.report_exception(desk, kind="quality", description="外观色差 客户拒收",
                                 order_no=ref.order_no).row
    with pytest.raises(ex.SimilarCardFound) as asked:
        ex.close_exception(desk, second.id, **CARD)
    assert asked.value.candidates[0].card_id == first_card.id
    card = ex.close_exception(desk, second.id, same_as=first_card.id, **CARD)
    assert card.same_as_id == first_card.id
    # A third says "no, a new problem": not a recurrence.
    third = ex.report_exception(desk, kind="quality", description="外观色差，客户拒收").row
    with pytest.raises(ex.SimilarCardFound):
        ex.close_exception(desk, third.id, **CARD)
    ex.close_exception(desk, third.id, same_as="", **CARD)
    assert ex.recurrences(desk) == {first_card.id: 1}
    # An unrelated card is not offered as similar.
    other = ex.report_exception(desk, kind="late", description="物流延误两天").row
    ex.close_exception(desk, other.id, category="environment", cause="暴雨封路",
                       action="改走备用承运商", applies_to="华南线路")


def test_only_the_queue_managers_or_the_owner_close(desk):
    ref = _order(desk)
    row = ex.report_exception(desk, kind="quantity", description="少发20件",
                              order_no=ref.order_no, owner="wh2").row
    desk.sign_in(UserInfo(id="u1", username="wh1", display_name="wh1", roles=("warehouse",)))
    with pytest.raises(PermissionDenied):
        ex.close_exception(desk, row.id, **CARD)
    desk.sign_in(UserInfo(id="u2", username="wh2", display_name="wh2", roles=("warehouse",)))
    assert ex.close_exception(desk, row.id, **CARD).state == "accepted"
