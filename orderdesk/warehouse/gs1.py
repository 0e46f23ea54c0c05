"""Reading what a warehouse scanner sends: GS1 labels and orderdesk's own codes.

The GS1 parsing itself is done by biip (GS1 element strings, AI tables, check digits,
dates with day 00). This module only normalises what real keyboard-wedge scanners and
toolkits deliver before it reaches biip:

- the GS separator (ASCII 29) as sent raw, or spelled "<GS>", "{GS}", "[GS]", "^]",
  "\\x1d", "␝" or "<FNC1>" by scanners configured to type it as text;
- the separator lost altogether (FNC1 dropped by a toolkit): variable-length fields
  then swallow the fields behind them, so the tail of such a field is tried as further
  fixed-format fields and the reading is offered as an alternative;
- AIM symbology identifiers ("]C1" GS1-128, "]d2" GS1 DataMatrix, "]Q3" GS1 QR, "]e0"
  DataBar), a leading FNC1/GS, stray CR/LF/TAB, and prefix/suffix control characters;
- human-readable form "(01)...(10)..." and GS1 Digital Link URIs from QR codes;
- several labels read in one burst, separated by newlines (`split_burst`).

orderdesk prints its own codes as ``ODB:<batch code>`` (batch label) and
``ODO:<order no>`` (pick ticket). Pure functions; no database, no Qt.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal, InvalidOperation

import biip
from biip import ParseConfig
from biip.gs1_messages import GS1Message

GS = "\x1d"
BATCH_PREFIX = "ODB:"
ORDER_PREFIX = "ODO:"

# How scanners and wedge software spell the group separator when told to type it.
GS_SPELLINGS = ("<GS>", "{GS}", "[GS]", "<FNC1>", "{FNC1}", "^]", "\\x1d", "\\u001d",
                "\u241d", "<0x1D>", "<0x1d>")
_SYMBOLOGY = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_VISIBLE = {"\x1d": "<GS>", "\r": "<CR>", "\n": "<LF>", "\t": "<TAB>", "\x1e": "<RS>",
            "\x04": "<EOT>", "\x02": "<STX>", "\x03": "<ETX>"}
_ORDER_NO = re.compile(r"^SO-\d{4}-[0-9A-Z]*\d{6}$", re.IGNORECASE)

# AIs orderdesk reads from a batch label.
KNOWN_AIS = {"00", "01", "02", "10", "11", "13", "15", "17", "21", "30", "37"}
_FIXED_DATES = {"11", "13", "15", "17"}


@dataclass(frozen=True)
class ScannedCode:
    """One code as read. kind: gs1, batch_code, order_code, text (unrecognised) or empty."""

    raw: str
    visible: str
    kind: str
    text: str = ""
    symbology: str | None = None
    gtin: str | None = None
    sscc: str | None = None
    lot: str | None = None
    serial: str | None = None
    production_date: dt.date | None = None
    expiry_date: dt.date | None = None
    count: Decimal | None = None
    batch_code: str | None = None
    order_no: str | None = None
    elements: tuple[tuple[str, str], ...] = ()
    # Why a GS1-looking code could not be read (biip's message), when kind == "text".
    problem: str | None = None
    # True when the separator was missing and fields were split by fixed-format knowledge.
    recovered: bool = False
    # Other readings of the same code (only when the separator was missing).
    alternatives: tuple[ScannedCode, ...] = field(default=(), repr=False)

    @property
    def readable(self) -> bool:
        return self.kind in ("gs1", "batch_code", "order_code")

    def as_json(self) -> str:
        data = {k: v for k, v in asdict(self).items()
                if k not in ("raw", "visible", "alternatives") and v not in (None, (), False, "")}
        return json.dumps(data, default=str, ensure_ascii=False)


def visible(raw: str) -> str:
    """The code with control characters made visible, for logs and screens."""
    return _CONTROL.sub(lambda m: _VISIBLE.get(m.group(), f"<0x{ord(m.group()):02X}>"), raw)


def split_burst(raw: str) -> list[str]:
    """Several labels read in one shot arrive separated by CR/LF (or Tab): one per code."""
    parts = re.split(r"[\r\n\t]+", raw)
    return [p for p in parts if p.strip(" \x00")]


def _normalise(raw: str) -> tuple[str, str | None]:
    """(content with GS as ASCII 29, symbology identifier) from what the scanner sent."""
    text = raw.replace("\u3000", " ").strip(" \r\n\t\x00")
    for spelling in GS_SPELLINGS:
        if spelling in text:
            text = text.replace(spelling, GS)
    symbology = None
    match = _SYMBOLOGY.match(text)
    if match:
        symbology = match.group()
        text = text[len(symbology):]
    # A leading FNC1 marks a GS1 symbol; a trailing one ends the last field. Neither is data.
    text = text.strip(GS + " ")
    # Other control characters (STX/ETX/EOT prefixes and suffixes set on the scanner).
    text = "".join(ch for ch in text if ch == GS or not _CONTROL.match(ch))
    return text, symbology


def _decimal(value: str) -> Decimal | None:
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _from_elements(base: ScannedCode, element_strings: list) -> ScannedCode:  # type: ignore[type-arg]
    values: dict[str, object] = {}
    pairs = []
    for es in element_strings:
        ai = es.ai.ai
        pairs.append((ai, es.value))
        if getattr(es, "gtin_error", None):
            return replace(base, kind="text", problem=es.gtin_error)
        if ai in ("01", "02"):
            values.setdefault("gtin", es.value)
        elif ai == "00":
            values["sscc"] = es.value
        elif ai == "10":
            values["lot"] = es.value
        elif ai == "21":
            values["serial"] = es.value
        elif ai == "11":
            values["production_date"] = es.date
        elif ai == "17":
            values["expiry_date"] = es.date
        elif ai in ("30", "37"):
            values["count"] = _decimal(es.value)
    return replace(base, kind="gs1", elements=tuple(pairs), **values)  # type: ignore[arg-type]


def _parse_message(text: str) -> list:  # type: ignore[type-arg]
    return GS1Message.parse(text, config=ParseConfig(separator_chars=(GS,))).element_strings


def _tail_is_fields(tail: str) -> bool:
    """Could this tail of a swallowed field be further label fields we know?"""
    try:
        elements = _parse_message(tail)
    except Exception:  # biip raises ParseError/ValueError subclasses
        return False
    if not elements or any(e.ai.ai not in KNOWN_AIS for e in elements):
        return False
    if any(getattr(e, "gtin_error", None) for e in elements):
        return False
    # A tail made only of another free-text field is no evidence; a fixed date or count is.
    return any(e.ai.ai in _FIXED_DATES or e.ai.ai in ("30", "37", "01") for e in elements)


def _recover_missing_gs(text: str, elements: list) -> list[list]:  # type: ignore[type-arg]
    """Readings of a GS-less message where a variable field hid further fields."""
    readings: list[list] = []  # type: ignore[type-arg]
    for index, es in enumerate(elements):
        if not es.ai.separator_required or es.ai.ai not in ("10", "21", "30", "37"):
            continue
        value = es.value
        head = elements[:index]
        for cut in range(1, len(value)):
            tail = value[cut:] + "".join(e.ai.ai + e.value for e in elements[index + 1:])
            if not _tail_is_fields(tail):
                continue
            prefix = "".join(e.ai.ai + e.value + (GS if e.ai.separator_required else "")
                             for e in head)
            try:
                candidate = _parse_message(prefix + es.ai.ai + value[:cut] + GS + tail)
            except Exception:
                continue
            readings.append(candidate)
        if readings:
            break
    return readings


def parse(raw: str) -> ScannedCode:
    """Read one scanned code. Never raises: unreadable input comes back as kind 'text'."""
    text, symbology = _normalise(raw)
    base = ScannedCode(raw=raw, visible=visible(raw), kind="text", text=text,
                       symbology=symbology)
    if not text:
        return replace(base, kind="empty")
    upper = text.upper()
    for prefix, kind in ((BATCH_PREFIX, "batch_code"), (ORDER_PREFIX, "order_code")):
        # Keyboard layouts sometimes turn ':' into ';' (shift lost): accept both.
        if upper.startswith(prefix) or upper.startswith(prefix[:-1] + ";"):
            value = text[len(prefix):].strip()
            if not value:
                return replace(base, problem="empty_internal_code")
            if kind == "batch_code":
                return replace(base, kind=kind, batch_code=value)
            return replace(base, kind=kind, order_no=value.upper())
    if _ORDER_NO.match(text):
        return replace(base, kind="order_code", order_no=upper)

    if text.startswith("("):
        try:
            message = GS1Message.parse_hri(text)
        except Exception as exc:
            return replace(base, problem=str(exc))
        return _from_elements(base, message.element_strings)
    if text.lower().startswith("http"):
        result = biip.parse(text)
        if result.gs1_digital_link_uri is not None:
            return _from_elements(base, result.gs1_digital_link_uri.element_strings)
        return replace(base, problem=result.gs1_digital_link_uri_error)

    if not text[:2].isdigit():
        return base  # plain text: maybe an orderdesk batch code typed without prefix
    try:
        elements = _parse_message(text)
    except Exception as exc:
        readings = []
        problem = str(exc)
        elements = None
    else:
        problem = None
        readings = []
    if GS not in text:
        # Without any separator, a variable field may have swallowed later fields.
        if elements is not None:
            readings = _recover_missing_gs(text, elements)
        else:
            readings = _recover_from_failure(text)
    if elements is None and not readings:
        return replace(base, problem=problem)
    if elements is not None and len(elements) == 1 and elements[0].ai.ai not in KNOWN_AIS:
        # A bare number that happens to start like an AI: treat as text (e.g. a batch code).
        return replace(base, problem="not_a_label")
    plain = _from_elements(base, elements) if elements is not None else None
    recovered = [replace(_from_elements(base, r), recovered=True) for r in readings]
    recovered = [r for r in recovered if r.kind == "gs1"]
    if recovered:
        primary, others = recovered[0], tuple(recovered[1:]) + ((plain,) if plain else ())
        return replace(primary, alternatives=others)
    assert plain is not None
    return plain


def _recover_from_failure(text: str) -> list[list]:  # type: ignore[type-arg]
    """A GS-less message biip rejects (e.g. a lot longer than 20 characters because it
    ran into the next field): cut the first variable field where the rest reads as fields."""
    match = re.match(r"^(01\d{14}|02\d{14})?(10|21)(.+)$", text)
    if not match:
        return []
    head, ai, rest = match.group(1) or "", match.group(2), match.group(3)
    readings = []
    for cut in range(1, min(len(rest), 21)):
        tail = rest[cut:]
        if not _tail_is_fields(tail):
            continue
        try:
            readings.append(_parse_message(head + ai + rest[:cut] + GS + tail))
        except Exception:
            continue
    return readings


def element_string(elements: list[tuple[str, str]]) -> str:
    """A GS1 element string (GS between variable fields) from (AI, value) pairs, with the
    fixed-length fields first so a lost separator hurts least."""
    fixed = [(ai, v) for ai, v in elements if ai in ("00", "01", "02", "11", "13", "15", "17")]
    variable = [(ai, v) for ai, v in elements if (ai, v) not in fixed]
    parts = [ai + v for ai, v in fixed]
    for i, (ai, v) in enumerate(variable):
        parts.append(ai + v + (GS if i < len(variable) - 1 else ""))
    return "".join(parts)


def hri(elements: list[tuple[str, str]]) -> str:
    """Human-readable form "(01)... (10)..." as printed under a barcode."""
    return " ".join(f"({ai}){v}" for ai, v in elements)


def gtin_forms(gtin: str) -> list[str]:
    """A GTIN-14 and its shorter forms as a catalogue may store them (EAN-13, UPC-12)."""
    g = gtin.strip()
    forms = {g, g.zfill(14)}
    stripped = g.lstrip("0")
    for length in (8, 12, 13, 14):
        if len(stripped) <= length:
            forms.add(stripped.zfill(length))
    return sorted(forms)
