"""EDIFACT DESADV and INVOIC built with pydifact, per partner profile.

Profiles (a partner row may override ids, qualifiers, syntax and association):
- `eancom-d96a`: DESADV D96A (EAN005) and INVOIC D96A (EAN008), GLNs with qualifier 14,
  UNOC level 3 (ISO 8859-1) by default;
- `vda4938-d07a`: the automotive Global INVOIC, INVOIC D07A (VDA 4938, association
  GAVA12), party ids with code list 91/92; DESADV stays D96A.

What is written, and what is computed:
- RFF+ON carries the customer's PO number (header when the document has one PO, and
  on every line); a database id never stands in for it.
- UNT is the number of segments from UNH to UNT inclusive, UNZ the number of messages,
  CNT+2 the number of LIN segments. After building, the interchange is serialised,
  parsed back with pydifact and these counts are recounted from the parsed segments;
  a difference raises EdiError instead of sending a wrong file.
- MOA totals are the invoice's own stored totals (79 line total, 125 taxable, 124 tax,
  128 / 77 amount due), and per-rate TAX/MOA groups add up to them.
- Credit notes (red-letter) are BGM 381 with RFF+IV of the invoice they reverse;
  amounts are written positive, as EDIFACT credit notes are.
- UNOC cannot carry Chinese: under UNOC party names and item descriptions that are
  not Latin-1 are left out (parties are identified by their ids, items by GTIN/SKU);
  under UNOW (syntax 4, UTF-8) they are written as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from pydifact.control import Characters
from pydifact.segmentcollection import Interchange, Message
from pydifact.segments import Segment

from orderdesk.finance import money
from orderdesk.finance.errors import EdiError


@dataclass(frozen=True)
class Profile:
    name: str
    invoic_version: tuple[str, str]  # (D, 96A)
    invoic_association: str
    desadv_association: str
    sender_qualifier: str
    recipient_qualifier: str
    syntax: str
    party_code_list: str  # 3055 in NAD C082: 9 = GS1 (EAN), 91/92 = assigned by seller/buyer
    total_qualifier: str  # MOA of the amount due: 128 (EANCOM 96A), 77 (VDA 4938)
    buyer_item_qualifier: str  # PIA 4347 for the item number: 5 additional, 1 substitute


PROFILES: dict[str, Profile] = {
    "eancom-d96a": Profile("eancom-d96a", ("D", "96A"), "EAN008", "EAN005", "14", "14",
                           "UNOC", "9", "128", "5"),
    "vda4938-d07a": Profile("vda4938-d07a", ("D", "07A"), "GAVA12", "EAN005", "ZZZ", "ZZZ",
                            "UNOC", "92", "77", "1"),
}
DEFAULT_PROFILE = "eancom-d96a"


@dataclass(frozen=True)
class PartnerSettings:
    profile: str
    sender_id: str
    recipient_id: str
    sender_qualifier: str | None = None
    recipient_qualifier: str | None = None
    syntax: str | None = None
    association: str | None = None
    test_indicator: bool = False

    def resolved(self) -> tuple[Profile, str, str, str]:
        """(profile, sender qualifier, recipient qualifier, syntax)."""
        profile = PROFILES.get(self.profile)
        if profile is None:
            raise EdiError(reason=f"unknown profile {self.profile}; known: "
                                  + ", ".join(PROFILES))
        syntax = (self.syntax or profile.syntax).upper()
        if syntax not in ("UNOA", "UNOB", "UNOC", "UNOW", "UNOY"):
            raise EdiError(reason=f"unknown syntax {syntax}")
        return (profile, self.sender_qualifier or profile.sender_qualifier,
                self.recipient_qualifier or profile.recipient_qualifier, syntax)


@dataclass(frozen=True)
class Party:
    role: str  # BY, SE, SU, IV, DP, ST
    id: str | None
    name: str | None = None
    street: str | None = None
    tax_id: str | None = None


@dataclass(frozen=True)
class DocLine:
    line_no: int
    sku: str
    description: str
    quantity: Decimal
    unit: str
    gtin: str | None = None
    customer_po: str | None = None
    unit_price: Decimal | None = None
    amount: Decimal | None = None
    tax_rate: Decimal | None = None
    tax: Decimal | None = None
    batches: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """What a message says, independent of the profile."""

    kind: str  # DESADV / INVOIC
    number: str
    date: dt.date
    lines: tuple[DocLine, ...]
    parties: tuple[Party, ...]
    doc_code: str = "380"  # 380 invoice, 381 credit note, 351 despatch advice
    delivery_date: dt.date | None = None
    delivery_note_no: str | None = None
    credit_of: str | None = None
    net: Decimal | None = None
    tax: Decimal | None = None
    gross: Decimal | None = None
    currency: str = "CNY"
    carrier: str | None = None
    tracking_no: str | None = None
    packages: int | None = None
    extra: dict = field(default_factory=dict)


_UNIT = {"pcs": "PCE", "pc": "PCE", "件": "PCE", "个": "PCE", "套": "SET", "set": "SET",
         "kg": "KGM", "千克": "KGM", "m": "MTR", "米": "MTR", "箱": "CT", "box": "CT"}


def unit_code(unit: str) -> str:
    """UN/ECE Rec. 20 unit code; an unknown unit is refused, never guessed."""
    code = _UNIT.get((unit or "pcs").strip().lower())
    if code is None:
        raise EdiError(reason=f"unit {unit!r} has no UN/ECE code; map it first")
    return code


def _num(value: Decimal, places: int | None = None) -> str:
    value = Decimal(value)
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
        return format(value, "f")
    text = format(value.normalize(), "f")
    return text


def _text(value: str | None, syntax: str, limit: int = 35) -> str | None:
    """A free text for this syntax level, or None when it cannot be written."""
    if not value:
        return None
    if syntax != "UNOW":
        try:
            value.encode("latin-1")
        except UnicodeEncodeError:
            return None
    return value[:limit]


class _Interchange(Interchange):
    """pydifact's interchange with the preparation date in the form the syntax version
    asks for (YYMMDD up to version 3, CCYYMMDD from version 4)."""

    def get_header_segment(self) -> Segment:
        version = int(self.syntax_identifier[1])
        date = f"{self.timestamp:%Y%m%d}" if version >= 4 else f"{self.timestamp:%y%m%d}"
        return Segment(self.HEADER_TAG, [self.syntax_identifier[0], str(version)],
                       self.sender, self.recipient, [date, f"{self.timestamp:%H%M}"],
                       self.control_reference, *self.extra_header_elements)


def _parties(msg: Message, doc: Document, profile: Profile, syntax: str) -> None:
    for party in doc.parties:
        elements: list = [party.role, [party.id or "", "", profile.party_code_list]
                          if party.id else ""]
        name = _text(party.name, syntax)
        street = _text(party.street, syntax)
        if not party.id and not (name or street):
            continue  # nothing this syntax can say about the party (e.g. Chinese in UNOC)
        if name or street:
            elements += ["", name or ""]
            if street:
                elements += [street]
        msg.add_segment(Segment("NAD", *elements))
        if party.tax_id:
            msg.add_segment(Segment("RFF", ["VA", party.tax_id]))


def _header(msg: Message, doc: Document) -> None:
    msg.add_segment(Segment("BGM", doc.doc_code, doc.number, "9"))
    msg.add_segment(Segment("DTM", ["137", f"{doc.date:%Y%m%d}", "102"]))
    if doc.delivery_date:
        msg.add_segment(Segment("DTM", ["11" if doc.kind == "DESADV" else "35",
                                        f"{doc.delivery_date:%Y%m%d}", "102"]))
    pos = sorted({ln.customer_po for ln in doc.lines if ln.customer_po})
    if len(pos) == 1:
        msg.add_segment(Segment("RFF", ["ON", pos[0]]))
    if doc.delivery_note_no:
        msg.add_segment(Segment("RFF", ["DQ", doc.delivery_note_no]))
    if doc.credit_of:
        msg.add_segment(Segment("RFF", ["IV", doc.credit_of]))


def _item(msg: Message, ln: DocLine, profile: Profile, syntax: str, qty_qualifier: str) -> None:
    if ln.gtin:
        msg.add_segment(Segment("LIN", str(ln.line_no), "", [ln.gtin, "SRV"]))
        msg.add_segment(Segment("PIA", profile.buyer_item_qualifier, [ln.sku, "SA"]))
    else:
        msg.add_segment(Segment("LIN", str(ln.line_no)))
        msg.add_segment(Segment("PIA", profile.buyer_item_qualifier, [ln.sku, "SA"]))
    desc = _text(ln.description, syntax)
    if desc:
        msg.add_segment(Segment("IMD", "F", "", ["", "", "", desc]))
    msg.add_segment(Segment("QTY", [qty_qualifier, _num(abs(ln.quantity)), unit_code(ln.unit)]))


def parse_segments(text: str) -> list[Segment]:
    """Every segment of an interchange as pydifact parses it (UNB..UNZ included)."""
    import warnings

    from pydifact.parser import Parser

    with warnings.catch_warnings():
        # pydifact ships no service-segment XML for v3/v4 and says so on every parse.
        warnings.simplefilter("ignore")
        Interchange.from_str(text)  # the full interchange parse must succeed too
        return [seg for seg in Parser().parse(text) if seg.tag != "UNA"]


def _check_counts(text: str) -> None:
    """Parse what was written and recount UNT, UNZ and CNT from it."""
    messages = 0
    in_msg = 0
    lin = 0
    saw_unz = False
    for seg in parse_segments(text):
        if seg.tag == "UNH":
            messages += 1
            in_msg, lin = 1, 0
        elif seg.tag == "UNT":
            in_msg += 1
            if str(seg.elements[0]) != str(in_msg):
                raise EdiError(reason=f"UNT says {seg.elements[0]}, counted {in_msg}")
            in_msg = 0
        elif seg.tag == "UNZ":
            saw_unz = True
            if str(seg.elements[0]) != str(messages):
                raise EdiError(reason=f"UNZ says {seg.elements[0]}, counted {messages}")
        elif in_msg:
            in_msg += 1
            if seg.tag == "LIN":
                lin += 1
            elif (seg.tag == "CNT" and isinstance(seg.elements[0], list)
                  and seg.elements[0][0] == "2" and str(seg.elements[0][1]) != str(lin)):
                raise EdiError(reason=f"CNT says {seg.elements[0][1]}, counted {lin} LIN")
    if not saw_unz or in_msg:
        raise EdiError(reason="interchange not closed (UNT/UNZ missing)")


def _interchange(partner: PartnerSettings, control_ref: str, prepared: dt.datetime,
                 messages: Sequence[Message]) -> str:
    profile, sq, rq, syntax = partner.resolved()
    version = 4 if syntax == "UNOW" else 3
    extra = ["", "", "", "", "", "1"] if partner.test_indicator else []
    inter = _Interchange([partner.sender_id, sq], [partner.recipient_id, rq], control_ref,
                         (syntax, version), timestamp=prepared, extra_header_elements=extra)
    for msg in messages:
        inter.add_message(msg)
    # UNA says what the file uses: '.' as decimal mark (pydifact's default is ',', but
    # EANCOM and VDA partners write and expect "4.85").
    inter.characters = Characters(decimal_point=".")
    inter.has_una_segment = True
    # pydifact writes UNT and UNZ from its own counters; every count is then verified
    # against the parsed text, so a miscount can never leave the building.
    text = inter.serialize()
    _check_counts(text)
    del profile
    return text


def build_invoic(doc: Document, partner: PartnerSettings, control_ref: str,
                 prepared: dt.datetime) -> str:
    profile, _sq, _rq, syntax = partner.resolved()
    if doc.net is None or doc.tax is None or doc.gross is None:
        raise EdiError(reason="invoice totals missing")
    association = partner.association or profile.invoic_association
    msg = Message("1", ["INVOIC", profile.invoic_version[0], profile.invoic_version[1], "UN",
                        association])
    _header(msg, doc)
    _parties(msg, doc, profile, syntax)
    msg.add_segment(Segment("CUX", ["2", doc.currency, "4"]))
    by_rate: dict[Decimal, tuple[Decimal, Decimal]] = {}
    line_total = money.ZERO
    for ln in doc.lines:
        assert ln.amount is not None and ln.tax is not None and ln.tax_rate is not None
        _item(msg, ln, profile, syntax, "47")
        msg.add_segment(Segment("MOA", ["203", _num(abs(ln.amount), 2)]))
        if ln.unit_price is not None:
            msg.add_segment(Segment("PRI", ["AAA", _num(ln.unit_price)]))
        if ln.customer_po:
            msg.add_segment(Segment("RFF", ["ON", ln.customer_po]))
        rate_pct = _num(Decimal(ln.tax_rate) * 100)
        msg.add_segment(Segment("TAX", "7", "VAT", "", "", ["", "", "", rate_pct],
                                "S" if ln.tax_rate else "Z"))
        msg.add_segment(Segment("MOA", ["124", _num(abs(ln.tax), 2)]))
        net, tax = by_rate.get(Decimal(ln.tax_rate), (money.ZERO, money.ZERO))
        by_rate[Decimal(ln.tax_rate)] = (net + abs(ln.amount), tax + abs(ln.tax))
        line_total += abs(ln.amount)
    msg.add_segment(Segment("UNS", "S"))
    msg.add_segment(Segment("CNT", ["2", str(sum(1 for s in msg.segments if s.tag == "LIN"))]))
    if (line_total != abs(doc.net)
            or sum((t for _n, t in by_rate.values()), money.ZERO) != abs(doc.tax)
            or abs(doc.net) + abs(doc.tax) != abs(doc.gross)):
        raise EdiError(reason=f"totals of {doc.number} do not add up to its lines")
    msg.add_segment(Segment("MOA", [profile.total_qualifier, _num(abs(doc.gross), 2)]))
    msg.add_segment(Segment("MOA", ["79", _num(abs(doc.net), 2)]))
    msg.add_segment(Segment("MOA", ["125", _num(abs(doc.net), 2)]))
    msg.add_segment(Segment("MOA", ["124", _num(abs(doc.tax), 2)]))
    for rate in sorted(by_rate, reverse=True):
        net, tax = by_rate[rate]
        msg.add_segment(Segment("TAX", "7", "VAT", "", "", ["", "", "", _num(rate * 100)],
                                "S" if rate else "Z"))
        msg.add_segment(Segment("MOA", ["124", _num(tax, 2)]))
        msg.add_segment(Segment("MOA", ["125", _num(net, 2)]))
    return _interchange(partner, control_ref, prepared, [msg])


def build_desadv(doc: Document, partner: PartnerSettings, control_ref: str,
                 prepared: dt.datetime) -> str:
    profile, _sq, _rq, syntax = partner.resolved()
    msg = Message("1", ["DESADV", "D", "96A", "UN", profile.desadv_association])
    _header(msg, replace(doc, doc_code="351"))
    _parties(msg, doc, profile, syntax)
    carrier = _text(doc.carrier, syntax)
    if carrier or doc.tracking_no:
        msg.add_segment(Segment("TDT", "20", doc.tracking_no or "", "30", "",
                                ["", "", "", carrier or ""]))
    msg.add_segment(Segment("CPS", "1"))
    if doc.packages:
        msg.add_segment(Segment("PAC", str(doc.packages), "", "CT"))
    for ln in doc.lines:
        _item(msg, ln, profile, syntax, "12")
        if ln.customer_po:
            msg.add_segment(Segment("RFF", ["ON", ln.customer_po]))
        for i in range(0, len(ln.batches), 5):
            msg.add_segment(Segment("PCI", "36E"))
            msg.add_segment(Segment("GIN", "BX", *[[b] for b in ln.batches[i:i + 5]]))
    msg.add_segment(Segment("CNT", ["2", str(sum(1 for s in msg.segments if s.tag == "LIN"))]))
    return _interchange(partner, control_ref, prepared, [msg])
