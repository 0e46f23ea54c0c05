"""Money arithmetic for invoices, the one place rounding is decided.

The rule (as the Chinese VAT invoice does it, 增值税发票 / 数电票):
- a line's amount (金额, tax-exclusive) = quantity × net unit price, rounded half-up to
  the fen (0.01 yuan);
- a line's tax (税额) = amount × rate, rounded half-up to the fen, per line;
- an invoice's totals are the sums of its lines' rounded amounts and taxes (never tax
  on the invoice total), and 价税合计 = amount + tax.
When one shipment line is split across invoices, the parts are rounded cumulatively: a
part's amount is round(quantity cut so far × price) minus what the earlier parts took,
and its tax likewise on the cumulative amount. The parts then add up to the shipment
line's own amount and tax to the fen, and each part's tax is at most 0.01 off its own
rounding (inside the tax system's ±0.06 per-line tolerance).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
#: VAT rates a product may carry: 13% goods, 9%, 6% services, 0; 5/3/1% for the simple
#: methods small-scale taxpayers use.
RATES = (Decimal("0.13"), Decimal("0.09"), Decimal("0.06"), Decimal("0.05"), Decimal("0.03"),
         Decimal("0.01"), Decimal("0"))
DEFAULT_RATE = Decimal("0.13")


def cents(value: Decimal | int | str) -> Decimal:
    """Half-up to the fen."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def line_amount(quantity: Decimal, unit_price: Decimal) -> Decimal:
    return cents(Decimal(quantity) * Decimal(unit_price))


def line_tax(amount: Decimal, rate: Decimal) -> Decimal:
    return cents(Decimal(amount) * Decimal(rate))


def parse_rate(text: str | Decimal | float) -> Decimal:
    """'13%', '0.13', '13' or 0.13 as Decimal('0.13'); ValueError if not a known rate."""
    raw = str(text).strip().rstrip("%")
    try:
        value = Decimal(raw)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if value >= 1 or str(text).strip().endswith("%"):
        value = value / 100
    value = value.quantize(CENT)
    for rate in RATES:
        if value == rate:
            return rate
    raise ValueError(text)


def rate_label(rate: Decimal) -> str:
    """'13%' for Decimal('0.13')."""
    percent = (Decimal(rate) * 100).normalize()
    return f"{format(percent, 'f')}%"


def text(value: Decimal) -> str:
    """Money as plain text with two decimals, for JSON and files."""
    return format(cents(value), "f")
