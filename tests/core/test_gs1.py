"""GS1 reading of what wedge scanners send, on the GS1 General Specifications' samples."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orderdesk.warehouse import gs1
from orderdesk.warehouse.gs1 import GS, parse

# Sample element strings as printed in the GS1 General Specifications (and the GS1
# DataMatrix Guideline), in human-readable form, with what orderdesk must read from them.
SAMPLES = [
    ("(01)09501101530003(17)140704(10)AB-123",
     dict(gtin="09501101530003", expiry_date=dt.date(2014, 7, 4), lot="AB-123")),
    ("(01)09501101020917(17)190508(10)ABCD1234(21)10",
     dict(gtin="09501101020917", expiry_date=dt.date(2019, 5, 8), lot="ABCD1234", serial="10")),
    ("(02)09501101020917(37)20(10)ABC123",
     dict(gtin="09501101020917", count=Decimal(20), lot="ABC123")),
    ("(01)12345678901231(10)ABCD1234(17)210101",
     dict(gtin="12345678901231", lot="ABCD1234", expiry_date=dt.date(2021, 1, 1))),
    ("(01)00012345678905(10)ABC(21)123",
     dict(gtin="00012345678905", lot="ABC", serial="123")),
    ("(00)106141412345678908", dict(sscc="106141412345678908")),
]

# Every way a common scanner or wedge tool sends the group separator.
SEPARATORS = [GS, "<GS>", "{GS}", "[GS]", "^]", "\\x1d", "\u241d", "<FNC1>"]
PREFIXES = ["", "]C1", "]d2", "]Q3", "]e0", GS, "]C1" + GS, "\x02"]
SUFFIXES = ["", "\r", "\n", "\r\n", "\t", "\x03", GS]


def _element_string(hri: str, sep: str) -> str:
    from biip.gs1_messages import GS1Message
    return GS1Message.parse_hri(hri).value.replace(GS, sep)


def _fields(code: gs1.ScannedCode) -> dict[str, object]:
    keys = ("gtin", "lot", "serial", "expiry_date", "production_date", "count", "sscc")
    return {k: getattr(code, k) for k in keys if getattr(code, k) is not None}


@pytest.mark.parametrize("hri,expected", SAMPLES)
def test_human_readable_samples(hri, expected):  # type: ignore[no-untyped-def]
    code = parse(hri)
    assert code.kind == "gs1" and _fields(code) == expected


@pytest.mark.parametrize("hri,expected", SAMPLES)
@pytest.mark.parametrize("sep", SEPARATORS)
def test_separator_sent_each_way(hri, expected, sep):  # type: ignore[no-untyped-def]
    code = parse(_element_string(hri, sep))
    assert code.kind == "gs1" and _fields(code) == expected and not code.recovered


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_symbology_identifiers_and_stray_control_characters(prefix, suffix):  # type: ignore[no-untyped-def]
    raw = prefix + _element_string(SAMPLES[1][0], GS) + suffix
    code = parse(raw)
    assert _fields(code) == SAMPLES[1][1]
    assert code.symbology == (prefix.strip(GS) or None if prefix.startswith("]") else None)
    # The log keeps exactly what arrived, made visible, never the control characters.
    assert code.raw == raw and all(ord(ch) >= 32 for ch in code.visible)


def test_lost_separator_is_recovered_from_fixed_fields():  # type: ignore[no-untyped-def]
    # (10) ABCD1234 then (17) 210101 with the GS dropped by the toolkit: the lot would
    # swallow the expiry date.
    code = parse("011234567890123110ABCD123417210101")
    assert code.recovered and code.lot == "ABCD1234" and code.expiry_date == dt.date(2021, 1, 1)
    # The literal reading stays available for matching a batch whose lot really is that.
    assert any(alt.lot == "ABCD123417210101" for alt in code.alternatives)
    # GS-less with a count behind the lot.
    code = parse("02095011010209171017AB\x1d3720".replace("\x1d", ""))
    assert (code.lot, code.count) == ("17AB", Decimal(20))


def test_lost_separator_not_guessed_when_lot_is_last():  # type: ignore[no-untyped-def]
    code = parse("01095011015300031714070410AB-123")
    assert not code.recovered and code.lot == "AB-123"


def test_broken_codes_are_unreadable_not_errors():  # type: ignore[no-untyped-def]
    assert parse("0109501101530004").problem  # GTIN check digit wrong
    assert parse("01095011015300031713130410AB").kind == "text"  # month 13
    assert parse("(01)0950110153000").kind == "text"
    assert parse("").kind == "empty" and parse("\r\n").kind == "empty"
    assert parse("hello world").kind == "text"


def test_digital_link_from_a_qr_code():  # type: ignore[no-untyped-def]
    code = parse("https://id.gs1.org/01/09506000134352/10/AB-123?17=261231")
    assert _fields(code) == dict(gtin="09506000134352", lot="AB-123",
                                 expiry_date=dt.date(2026, 12, 31))


def test_orderdesk_internal_codes():  # type: ignore[no-untyped-def]
    assert parse("ODB:B261125-7K3M9Q\r").batch_code == "B261125-7K3M9Q"
    assert parse("odb;B261125-7K3M9Q").batch_code == "B261125-7K3M9Q"  # shift lost
    assert parse("ODO:SO-2026-000123").order_no == "SO-2026-000123"
    assert parse("so-2026-000123\t").order_no == "SO-2026-000123"
    assert parse("ODB:").kind == "text"


def test_multi_label_burst_is_split():  # type: ignore[no-untyped-def]
    one = _element_string(SAMPLES[0][0], GS)
    two = _element_string(SAMPLES[1][0], GS)
    parts = gs1.split_burst(f"{one}\r\n{two}\r\nODB:B1\n\n")
    assert parts == [one, two, "ODB:B1"]
    assert [_fields(parse(p)) for p in parts[:2]] == [SAMPLES[0][1], SAMPLES[1][1]]


def test_visible_marks_every_control_character():  # type: ignore[no-untyped-def]
    assert gs1.visible("]C1010\x1d17\r\n\t\x02") == "]C1010<GS>17<CR><LF><TAB><STX>"


LOTS = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-", min_size=1, max_size=20)
DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2049, 12, 31))


@settings(max_examples=150, deadline=None)
@given(lot=LOTS, exp=DATES, count=st.integers(1, 99999999),
       sep=st.sampled_from(SEPARATORS), prefix=st.sampled_from(PREFIXES))
def test_round_trip_of_printed_labels(lot, exp, count, sep, prefix):  # type: ignore[no-untyped-def]
    """Whatever orderdesk prints, each scanner spelling reads back the same fields."""
    elements = [("01", "09501101530003"), ("17", exp.strftime("%y%m%d")), ("10", lot),
                ("30", str(count))]
    raw = prefix + gs1.element_string(elements).replace(GS, sep) + "\r"
    code = parse(raw)
    assert (code.gtin, code.lot, code.expiry_date, code.count) == (
        "09501101530003", lot, exp, Decimal(count))
    assert parse(gs1.hri(elements).replace(" ", "")).lot == lot


def test_gtin_forms_match_catalogue_spellings():  # type: ignore[no-untyped-def]
    forms = gs1.gtin_forms("06901234567892")
    assert "6901234567892" in forms and "06901234567892" in forms
