"""The invoice split engine: every rule on its own, their combinations, cent-exact totals.

The pure engine (orderdesk.finance.split) is tested on hand-made lines whose expected
invoices are worked out by hand in the comments; a hypothesis test varies each
property (quantities, prices, rates, POs, caps) and checks the invariants per property.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orderdesk.finance import money
from orderdesk.finance.split import LineOverCap, ShipLine, SplitRule, UnitOverCap, split


def line(no, qty, price, rate="0.13", po="PO-A", ship_to="苏州", pline="支架", sku=None):  # type: ignore[no-untyped-def]
    return ShipLine(shipment_line_id=f"sl{no}", line_no=no, sku=sku or f"SKU-{no}",
                    item_name="支架", quantity=D(str(qty)), unit_price=D(str(price)),
                    tax_rate=D(rate), customer_po=po, ship_to=ship_to, product_line=pline)


def shape(result):  # type: ignore[no-untyped-def]
    """Each invoice as the list of (line_no, quantity) it holds."""
    return [[(pl.source.line_no, pl.quantity) for pl in inv.lines] for inv in result.invoices]


def assert_exact(result, lines):  # type: ignore[no-untyped-def]
    net = sum((ln.amount for ln in lines), money.ZERO)
    tax = sum((ln.tax for ln in lines), money.ZERO)
    assert sum((i.net for i in result.invoices), money.ZERO) == net == result.net
    assert sum((i.tax for i in result.invoices), money.ZERO) == tax == result.tax
    for ln in lines:
        parts = [pl for i in result.invoices for pl in i.lines if pl.source is ln]
        assert sum((p.quantity for p in parts), D(0)) == ln.quantity
        assert sum((p.amount for p in parts), money.ZERO) == ln.amount
        assert sum((p.tax for p in parts), money.ZERO) == ln.tax
        for p in parts:
            # each part's tax stays within a fen of its own rounding (tax system: ±0.06)
            assert abs(p.tax - money.line_tax(p.amount, ln.tax_rate)) <= D("0.01")


# ---- rounding -------------------------------------------------------------------------

def test_tax_is_per_line_half_up_not_on_the_total():
    # 3 lines of 1 × 0.35 at 13%: each tax 0.0455 -> 0.05 (half-up), total 0.15;
    # tax on the invoice total would be 1.05 × 0.13 = 0.1365 -> 0.14.
    lines = [line(i, 1, "0.35") for i in (1, 2, 3)]
    result = split(lines, SplitRule())
    assert result.invoices[0].tax == D("0.15")
    assert money.cents(D("0.125")) == D("0.13")  # half-up, not banker's rounding
    assert money.cents(D("2.675")) == D("2.68")


# ---- each rule on its own -------------------------------------------------------------

LINES = [
    line(1, 1000, "30.00", "0.13", po="PO-1", ship_to="苏州", pline="支架"),
    line(2, 500, "20.00", "0.09", po="PO-1", ship_to="无锡", pline="外壳"),
    line(3, 2000, "10.00", "0.13", po="PO-2", ship_to="苏州", pline="外壳"),
    line(4, 100, "50.00", "0.09", po="PO-3", ship_to="苏州", pline="支架"),
]


def test_no_rule_is_one_invoice():
    result = split(LINES, SplitRule())
    assert shape(result) == [[(1, 1000), (2, 500), (3, 2000), (4, 100)]]
    assert result.invoices[0].split_by == "single"
    assert_exact(result, LINES)


@pytest.mark.parametrize("rule,expected,name", [
    (SplitRule(per_po=True), [[1, 2], [3], [4]], "po"),
    (SplitRule(per_ship_to=True), [[1, 3, 4], [2]], "ship_to"),
    (SplitRule(per_product_line=True), [[1, 4], [2, 3]], "product_line"),
    (SplitRule(per_tax_rate=True), [[1, 3], [2, 4]], "tax_rate"),
])
def test_each_grouping_key(rule, expected, name):  # type: ignore[no-untyped-def]
    result = split(LINES, rule)
    assert [[n for n, _q in inv] for inv in shape(result)] == expected
    assert {i.split_by for i in result.invoices} == {name}
    assert_exact(result, LINES)


def test_line_count_cap():
    result = split(LINES, SplitRule(max_lines=3))
    assert [[n for n, _q in inv] for inv in shape(result)] == [[1, 2, 3], [4]]
    assert result.invoices[0].reason == "max_lines"
    assert {i.split_by for i in result.invoices} == {"max_lines"}


def test_amount_cap_moves_whole_lines():
    # gross: L1 33,900.00; L2 10,900.00; L3 22,600.00; L4 5,450.00; cap 40,000
    # -> [L1] (L1+L2 = 44,800 > cap), [L2, L3, L4] = 38,950
    result = split(LINES, SplitRule(amount_cap=D("40000")))
    assert [[n for n, _q in inv] for inv in shape(result)] == [[1], [2, 3, 4]]
    assert all(i.gross <= D("40000") for i in result.invoices)
    assert result.invoices[0].reason == "amount_cap"
    assert_exact(result, LINES)


def test_amount_cap_on_net_when_asked():
    # net: 30,000 / 10,000 / 20,000 / 5,000; cap 40,000 net -> [L1, L2], [L3, L4]
    result = split(LINES, SplitRule(amount_cap=D("40000"), cap_includes_tax=False))
    assert [[n for n, _q in inv] for inv in shape(result)] == [[1, 2], [3, 4]]


def test_line_over_cap_is_refused_without_line_split():
    with pytest.raises(LineOverCap) as err:
        split(LINES, SplitRule(amount_cap=D("30000")))
    assert err.value.facts["line_no"] == 1 and err.value.facts["cap"] == "30000.00"


def test_line_split_by_quantity_when_allowed():
    # L1: 1000 × 30 = 30,000 + 3,900 = 33,900 > cap 15,000.
    # One unit is 33.90 gross; 442 units = 13,260 + 1,723.80 = 14,983.80 fits, 443 =
    # 15,017.70 does not -> parts 442, 442, 116 (116 × 30 = 3,480 + 452.40).
    lines = [LINES[0]]
    result = split(lines, SplitRule(amount_cap=D("15000"), allow_line_split=True))
    assert shape(result) == [[(1, 442)], [(1, 442)], [(1, 116)]]
    assert [i.gross for i in result.invoices] == [D("14983.80"), D("14983.80"), D("3932.40")]
    assert result.invoices[0].split_by == "amount_cap+line_split"
    assert_exact(result, lines)


def test_one_unit_over_cap_is_refused_even_with_line_split():
    with pytest.raises(UnitOverCap):
        split([line(1, 2, "200.00")], SplitRule(amount_cap=D("100"), allow_line_split=True))


def test_self_billing_makes_no_invoice():
    result = split(LINES, SplitRule(self_billing=True, per_po=True))
    assert result.invoices == () and result.self_billing
    assert result.gross == sum((ln.amount + ln.tax for ln in LINES), money.ZERO)


# ---- the combination the issue names --------------------------------------------------

def test_three_pos_two_rates_under_100k_cap():
    """Three POs at two tax rates under a ¥100,000 cap (价税合计), per PO and per rate,
    line splits allowed:
    PO-1 13%: L1 50,000 × 1.50 = 75,000 + 9,750 = 84,750 and L2 10,000 × 2.00 = 20,000 +
              2,600 = 22,600 -> together 107,350 > cap: [L1] [L2]
    PO-1  9%: L3 1,000 × 8.00 = 8,000 + 720 = 8,720 -> [L3]
    PO-2 13%: L4 100,000 × 1.00 = 100,000 + 13,000 = 113,000 > cap, split: 88,495 units
              = 88,495 + 11,504.35 = 99,999.35 fits (88,496 = 100,000.48 does not),
              rest 11,505 units = 11,505 + 1,495.65 -> [L4 88,495] [L4 11,505]
    PO-3  9%: L5 5,000 × 10.00 = 50,000 + 4,500 = 54,500 and L6 3,000 × 12.00 = 36,000
              + 3,240 = 39,240 -> 93,740 fits -> [L5, L6]
    = 6 invoices, total 322,810.00 (net 289,000.00, tax 33,810.00)."""
    lines = [
        line(1, 50000, "1.50", "0.13", po="PO-1"),
        line(2, 10000, "2.00", "0.13", po="PO-1"),
        line(3, 1000, "8.00", "0.09", po="PO-1"),
        line(4, 100000, "1.00", "0.13", po="PO-2"),
        line(5, 5000, "10.00", "0.09", po="PO-3"),
        line(6, 3000, "12.00", "0.09", po="PO-3"),
    ]
    rule = SplitRule(per_po=True, per_tax_rate=True, amount_cap=D("100000"),
                     allow_line_split=True)
    result = split(lines, rule)
    assert shape(result) == [[(1, 50000)], [(2, 10000)], [(3, 1000)], [(4, 88495)],
                             [(4, 11505)], [(5, 5000), (6, 3000)]]
    assert [i.gross for i in result.invoices] == [
        D("84750.00"), D("22600.00"), D("8720.00"), D("99999.35"), D("13000.65"),
        D("93740.00")]
    assert [dict(i.key) for i in result.invoices] == [
        {"po": "PO-1", "tax_rate": "13%"}, {"po": "PO-1", "tax_rate": "13%"},
        {"po": "PO-1", "tax_rate": "9%"}, {"po": "PO-2", "tax_rate": "13%"},
        {"po": "PO-2", "tax_rate": "13%"}, {"po": "PO-3", "tax_rate": "9%"}]
    assert [i.split_by for i in result.invoices] == [
        "po+tax_rate+amount_cap", "po+tax_rate+amount_cap", "po+tax_rate",
        "po+tax_rate+amount_cap+line_split", "po+tax_rate+amount_cap+line_split",
        "po+tax_rate"]
    assert result.gross == D("322810.00") and result.net == D("289000.00")
    assert all(i.gross <= D("100000") for i in result.invoices)
    assert_exact(result, lines)
    # Without line splits the same shipment is refused at L4, with the numbers.
    with pytest.raises(LineOverCap) as err:
        split(lines, SplitRule(per_po=True, per_tax_rate=True, amount_cap=D("100000")))
    assert err.value.facts["line_no"] == 4 and err.value.facts["amount"] == "113000.00"


def test_cap_and_line_count_together():
    lines = [line(i, 10, "100.00") for i in range(1, 8)]  # each 1,130.00 gross
    result = split(lines, SplitRule(amount_cap=D("3500"), max_lines=2))
    # cap alone would allow 3 lines (3,390); the 2-line cap cuts first
    assert [len(i.lines) for i in result.invoices] == [2, 2, 2, 1]
    assert {i.split_by for i in result.invoices} == {"max_lines"}
    result = split(lines, SplitRule(amount_cap=D("2500"), max_lines=5))
    assert [len(i.lines) for i in result.invoices] == [2, 2, 2, 1]
    assert {i.split_by for i in result.invoices} == {"amount_cap"}


def test_all_keys_together():
    result = split(LINES, SplitRule(per_po=True, per_ship_to=True, per_product_line=True,
                                    per_tax_rate=True))
    assert len(result.invoices) == 4
    assert result.invoices[0].split_by == "po+ship_to+product_line+tax_rate"


# ---- generated shipments: invariants, one property varied at a time --------------------

prices = st.decimals(min_value=D("0.0001"), max_value=D("999.9999"), places=4)
quantities = st.integers(min_value=1, max_value=200_000)
rates = st.sampled_from([D("0.13"), D("0.09"), D("0.06"), D("0")])


@st.composite
def shipments(draw, vary: str):  # type: ignore[no-untyped-def]
    n = draw(st.integers(min_value=1, max_value=12))
    out = []
    for i in range(1, n + 1):
        out.append(line(
            i,
            draw(quantities) if vary in ("quantity", "all") else 1000,
            draw(prices) if vary in ("price", "all") else D("3.3333"),
            str(draw(rates)) if vary in ("rate", "all") else "0.13",
            po=draw(st.sampled_from(["PO-1", "PO-2", "PO-3"])) if vary in ("po", "all")
            else "PO-1"))
    return out


@pytest.mark.parametrize("vary", ["quantity", "price", "rate", "po", "all"])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_generated_shipments_stay_exact(vary, data):  # type: ignore[no-untyped-def]
    lines = data.draw(shipments(vary))
    cap = data.draw(st.sampled_from([None, D("100000"), D("5000"), D("777.77")]))
    rule = SplitRule(per_po=data.draw(st.booleans()), per_tax_rate=data.draw(st.booleans()),
                     amount_cap=cap, allow_line_split=True,
                     max_lines=data.draw(st.sampled_from([None, 1, 3])))
    try:
        result = split(lines, rule)
    except UnitOverCap as exc:
        # only when one unit truly passes the cap
        bad = next(ln for ln in lines if ln.line_no == exc.facts["line_no"])
        one = money.line_amount(1, bad.unit_price)
        assert one + money.line_tax(one, bad.tax_rate) > cap
        return
    assert_exact(result, lines)
    for inv in result.invoices:
        if cap is not None:
            assert inv.gross <= cap
        if rule.max_lines is not None:
            assert len(inv.lines) <= rule.max_lines
        if rule.per_po:
            assert len({pl.source.customer_po for pl in inv.lines}) == 1
        if rule.per_tax_rate:
            assert len({pl.source.tax_rate for pl in inv.lines}) == 1
    # deterministic: the same input gives the same invoices
    assert shape(split(lines, rule)) == shape(result)
