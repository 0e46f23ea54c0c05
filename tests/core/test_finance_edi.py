"""EDIFACT DESADV / INVOIC per partner profile: golden files, pydifact re-parse, counts
recomputed from the parsed text, RFF+ON = customer PO, MOA = the invoice's totals.

Golden files live in tests/edi_golden/ and are only read here. To regenerate after an
intended change, run `python tests/core/test_finance_edi.py` and review the diff.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from orderdesk.finance import edi_build, edi_outbox, invoicing
from orderdesk.finance.edi_build import DocLine, Document, Party, PartnerSettings, parse_segments
from orderdesk.finance.errors import EdiError
from orderdesk.finance.split import SplitRule

GOLDEN = Path(__file__).resolve().parents[1] / "edi_golden"
PREPARED = dt.datetime(2026, 2, 1, 9, 30)

LINES = (
    DocLine(1, "BRK-5200", "Battery bracket PA66-GF30", D(18000), "pcs", gtin="06901234520001",
            customer_po="NEV-PO-2601-0088", unit_price=D("4.85"), amount=D("87300.00"),
            tax_rate=D("0.13"), tax=D("11349.00"), batches=("B001", "B002")),
    DocLine(2, "SVC-7103", "Mould maintenance", D(100), "pcs", customer_po="NEV-PO-2601-0089",
            unit_price=D("8.00"), amount=D("800.00"), tax_rate=D("0.06"), tax=D("48.00")),
)
PARTIES = (Party("BY", "6909876500007", "长江新能源汽车股份有限公司", None, "91320412MA1NEV0088"),
           Party("SE", "6901234500004", "Hengrui Precision"),
           Party("DP", None, None, "常州市武进区新能源产业园总装车间"))
INVOICE = Document("INVOIC", "INV-2026-000001", dt.date(2026, 2, 1), LINES, PARTIES,
                   delivery_date=dt.date(2026, 1, 31), delivery_note_no="SH-2026-000001",
                   net=D("88100.00"), tax=D("11397.00"), gross=D("99497.00"))
CREDIT = Document("INVOIC", "RED-2026-000001", dt.date(2026, 2, 3), LINES, PARTIES,
                  doc_code="381", credit_of="INV-2026-000001", net=D("88100.00"),
                  tax=D("11397.00"), gross=D("99497.00"))
DESPATCH = Document("DESADV", "SH-2026-000001", dt.date(2026, 1, 31), LINES, PARTIES,
                    doc_code="351", delivery_date=dt.date(2026, 1, 31), carrier="SF Express",
                    tracking_no="SF1402260188", packages=26)

EAN = PartnerSettings("eancom-d96a", "6901234500004", "6909876500007")
EAN_UNOW = PartnerSettings("eancom-d96a", "6901234500004", "6909876500007", syntax="UNOW")
VDA = PartnerSettings("vda4938-d07a", "SUP0042", "OEM-NEV", sender_qualifier="ZZZ",
                      recipient_qualifier="ZZZ", test_indicator=True)

CASES = {
    "eancom_d96a_invoic": (edi_build.build_invoic, INVOICE, EAN),
    "eancom_d96a_credit": (edi_build.build_invoic, CREDIT, EAN),
    "eancom_d96a_desadv": (edi_build.build_desadv, DESPATCH, EAN),
    "eancom_d96a_invoic_unow": (edi_build.build_invoic, INVOICE, EAN_UNOW),
    "vda4938_d07a_invoic": (edi_build.build_invoic, INVOICE, VDA),
}


def render_case(name: str) -> str:
    build, doc, partner = CASES[name]
    return build(doc, partner, "01L8CASE" + str(len(name)).zfill(6), PREPARED)


def segs(text: str, tag: str) -> list:
    return [s for s in parse_segments(text) if s.tag == tag]


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name):  # type: ignore[no-untyped-def]
    text = render_case(name)
    golden = (GOLDEN / f"{name}.edi").read_text("utf-8")
    assert text == golden


@pytest.mark.parametrize("name", sorted(CASES))
def test_reparses_and_counts_match_what_was_written(name):  # type: ignore[no-untyped-def]
    text = render_case(name)
    segments = parse_segments(text)
    tags = [s.tag for s in segments]
    assert tags[0] == "UNB" and tags[-1] == "UNZ"
    unh, unt = tags.index("UNH"), tags.index("UNT")
    assert int(segments[unt].elements[0]) == unt - unh + 1
    assert int(segments[-1].elements[0]) == tags.count("UNH") == 1
    cnt = [s for s in segments if s.tag == "CNT"]
    assert cnt and int(cnt[0].elements[0][1]) == tags.count("LIN") == 2
    assert segments[-1].elements[1] == segments[0].elements[4]  # UNZ ref = UNB ref


def test_profiles_write_their_identifiers():
    ean = render_case("eancom_d96a_invoic")
    unb = segs(ean, "UNB")[0]
    assert unb.elements[0] == ["UNOC", "3"]
    assert unb.elements[1] == ["6901234500004", "14"] and unb.elements[2] == ["6909876500007", "14"]
    assert segs(ean, "UNH")[0].elements[1] == ["INVOIC", "D", "96A", "UN", "EAN008"]
    assert segs(render_case("eancom_d96a_desadv"), "UNH")[0].elements[1][4] == "EAN005"
    vda = render_case("vda4938_d07a_invoic")
    unb = segs(vda, "UNB")[0]
    assert unb.elements[1] == ["SUP0042", "ZZZ"] and unb.elements[-1] == "1"  # test indicator
    assert segs(vda, "UNH")[0].elements[1] == ["INVOIC", "D", "07A", "UN", "GAVA12"]
    assert ["77", "99497.00"] in [s.elements[0] for s in segs(vda, "MOA")]
    unow = render_case("eancom_d96a_invoic_unow")
    assert segs(unow, "UNB")[0].elements[0] == ["UNOW", "4"]
    assert segs(unow, "UNB")[0].elements[3][0] == "20260201"  # syntax 4: CCYYMMDD
    assert "长江新能源" in unow and "长江新能源" not in ean  # UNOC cannot carry Chinese


def test_rff_on_and_moa_totals():
    text = render_case("eancom_d96a_invoic")
    on = [s.elements[0][1] for s in segs(text, "RFF") if s.elements[0][0] == "ON"]
    assert sorted(set(on)) == ["NEV-PO-2601-0088", "NEV-PO-2601-0089"]
    moa = {s.elements[0][0]: s.elements[0][1] for s in segs(text, "MOA")[-7:-4]}
    after_uns = parse_segments(text)
    tags = [s.tag for s in after_uns]
    totals = [s.elements[0] for s in after_uns[tags.index("UNS"):] if s.tag == "MOA"]
    assert ["128", "99497.00"] in totals and ["79", "88100.00"] in totals
    assert ["124", "11397.00"] in totals
    assert ["124", "11349.00"] in totals and ["124", "48.00"] in totals  # per-rate TAX groups
    del moa
    credit = render_case("eancom_d96a_credit")
    assert segs(credit, "BGM")[0].elements[0] == "381"
    assert ["IV", "INV-2026-000001"] in [s.elements[0] for s in segs(credit, "RFF")]


def test_totals_that_do_not_add_up_are_refused():
    from dataclasses import replace

    with pytest.raises(EdiError):
        edi_build.build_invoic(replace(INVOICE, gross=D("99497.01")), EAN, "X1", PREPARED)
    with pytest.raises(EdiError):
        edi_build.build_invoic(INVOICE, PartnerSettings("nope", "a", "b"), "X1", PREPARED)
    with pytest.raises(EdiError):
        edi_build.unit_code("barrel")


# ---- from the database: issued invoices and a shipment ---------------------------------

def test_rendered_from_issued_invoices_match_them(desk):  # type: ignore[no-untyped-def]
    from tests.core.finance_support import Line, ship_lines

    shipment_no = ship_lines(desk, [Line("PO-1", "BRK-A", "50000", "1.50"),
                                    Line("PO-2", "BRK-B", "100000", "1.00")])
    invoicing.set_rule(desk, "C9001", SplitRule(per_po=True, amount_cap=D("100000"),
                                                allow_line_split=True))
    edi_outbox.set_partner(desk, "C9001", "https://127.0.0.1:9/edi", sender_id="6901234500004",
                           recipient_id="6909876500007")
    result = invoicing.issue(desk, shipment_no)
    assert len(result.issued) == 3 and len(result.edi_queued) == 3
    for inv in result.preview.invoices:
        kind, text = edi_outbox.render(desk, inv.invoice_no)
        assert kind == "INVOIC"
        totals = [s.elements[0] for s in parse_segments(text) if s.tag == "MOA"]
        assert ["128", format(inv.gross, "f")] in totals
        assert ["79", format(inv.net, "f")] in totals
        pos = {s.elements[0][1] for s in parse_segments(text)
               if s.tag == "RFF" and s.elements[0][0] == "ON"}
        assert pos == {ln.customer_po for ln in inv.lines}
    kind, desadv = edi_outbox.render(desk, shipment_no, profile="eancom-d96a")
    assert kind == "DESADV"
    qty = [s.elements[0] for s in parse_segments(desadv) if s.tag == "QTY"]
    assert qty == [["12", "50000", "PCE"], ["12", "100000", "PCE"]]
    # queued messages: the same bytes every time they are rendered (fixed when queued)
    rows = edi_outbox.pending(desk)
    assert {r.state for r in rows} == {"pending"} and len(rows) == 3
    assert edi_outbox.render(desk, result.issued[0])[1] == edi_outbox.render(
        desk, result.issued[0])[1]


if __name__ == "__main__":  # regenerate the golden files (review the diff!)
    GOLDEN.mkdir(exist_ok=True)
    for case in CASES:
        (GOLDEN / f"{case}.edi").write_text(render_case(case), "utf-8")
        print("wrote", case)
