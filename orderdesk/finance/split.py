"""The invoice split: one shipment's lines cut into invoices by a customer's rules.

Pure functions over frozen data (no database), so every rule and combination is tested
directly and the preview, the issue and the command line all get the same answer.

How the rules combine (the order is the promise the preview shows):
1. Grouping keys first. Each enabled key (customer PO, ship-to/plant, product line,
   tax rate) separates lines whose values differ; groups come in the order of their
   first line in the shipment.
2. Inside a group, lines are packed in shipment order into invoices, a new invoice
   starting when the next whole line would pass the amount cap or the line-count cap.
3. A line that alone passes the amount cap is split by quantity (whole units, as many
   as fit in each invoice) only if the customer allows split lines; otherwise the split
   is refused with the line, its amount and the cap. A line is never split just to top
   up a part-filled invoice: it moves whole to the next one.
4. Self-billing customers get no invoices at all.
Money follows orderdesk.finance.money (half-up per line); the parts of a split line are
rounded cumulatively (see _Cut) so they add up to the line to the fen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from orderdesk.errors import OrderdeskError
from orderdesk.finance import money

#: Grouping keys in the order they are named in `split_by`.
KEYS = ("po", "ship_to", "product_line", "tax_rate")


@dataclass(frozen=True)
class SplitRule:
    per_po: bool = False
    per_ship_to: bool = False
    per_product_line: bool = False
    per_tax_rate: bool = False
    amount_cap: Decimal | None = None
    cap_includes_tax: bool = True
    max_lines: int | None = None
    allow_line_split: bool = False
    self_billing: bool = False

    def keys(self) -> tuple[str, ...]:
        flags = (self.per_po, self.per_ship_to, self.per_product_line, self.per_tax_rate)
        return tuple(k for k, on in zip(KEYS, flags, strict=True) if on)


@dataclass(frozen=True)
class ShipLine:
    """One shipment line as the split sees it."""

    shipment_line_id: str
    line_no: int
    sku: str
    item_name: str
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal
    unit: str = "pcs"
    spec: str | None = None
    customer_po: str | None = None
    ship_to: str | None = None
    product_line: str | None = None
    order_no: str | None = None

    @property
    def amount(self) -> Decimal:
        return money.line_amount(self.quantity, self.unit_price)

    @property
    def tax(self) -> Decimal:
        return money.line_tax(self.amount, self.tax_rate)

    def key_value(self, key: str) -> str:
        if key == "po":
            return self.customer_po or ""
        if key == "ship_to":
            return self.ship_to or ""
        if key == "product_line":
            return self.product_line or ""
        return money.rate_label(self.tax_rate)


@dataclass(frozen=True)
class ProposedLine:
    source: ShipLine
    quantity: Decimal
    amount: Decimal
    tax: Decimal
    part: int = 1  # 1..parts when the shipment line is split across invoices
    parts: int = 1

    @property
    def gross(self) -> Decimal:
        return self.amount + self.tax


@dataclass(frozen=True)
class ProposedInvoice:
    seq: int
    split_by: str
    key: tuple[tuple[str, str], ...]
    lines: tuple[ProposedLine, ...]
    reason: str = ""  # why this invoice ends where it does: "", amount_cap, max_lines

    @property
    def net(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), money.ZERO)

    @property
    def tax(self) -> Decimal:
        return sum((ln.tax for ln in self.lines), money.ZERO)

    @property
    def gross(self) -> Decimal:
        return self.net + self.tax


@dataclass(frozen=True)
class SplitResult:
    invoices: tuple[ProposedInvoice, ...]
    net: Decimal
    tax: Decimal
    self_billing: bool = False
    notes: tuple[str, ...] = field(default=())

    @property
    def gross(self) -> Decimal:
        return self.net + self.tax


class LineOverCap(OrderdeskError):
    """A line alone passes the amount cap and the customer does not allow split lines."""

    code = "invoice_line_over_cap"


class UnitOverCap(OrderdeskError):
    """Even one unit of a line passes the amount cap: no split can satisfy the rule."""

    code = "invoice_unit_over_cap"


class BadRule(OrderdeskError):
    code = "invoice_rule_invalid"


def check_rule(rule: SplitRule) -> None:
    if rule.amount_cap is not None and rule.amount_cap <= 0:
        raise BadRule(field="amount_cap", value=str(rule.amount_cap))
    if rule.max_lines is not None and rule.max_lines < 1:
        raise BadRule(field="max_lines", value=str(rule.max_lines))


class _Open:
    """The invoice being filled."""

    def __init__(self) -> None:
        self.lines: list[ProposedLine] = []
        self.weight = money.ZERO

    def room(self, rule: SplitRule) -> Decimal | None:
        return None if rule.amount_cap is None else rule.amount_cap - self.weight

    def fits(self, rule: SplitRule, weight: Decimal) -> bool:
        if rule.max_lines is not None and len(self.lines) >= rule.max_lines:
            return False
        room = self.room(rule)
        return room is None or weight <= room


def _weight(rule: SplitRule, amount: Decimal, tax: Decimal) -> Decimal:
    return amount + tax if rule.cap_includes_tax else amount


class _Cut:
    """Cumulative rounding over the parts of one line: a part's amount is the rounded
    value of the quantity cut so far minus what the earlier parts took, and the same for
    tax. The parts then add up to the line exactly, and each part stays within a fen of
    its own rounding however many parts there are."""

    def __init__(self, line: ShipLine) -> None:
        self.line = line
        # Quantity and money already invoiced before this split (an uninvoiced rest).
        self.base_q = Decimal(getattr(line, "done_quantity", 0))
        self.base_a = Decimal(getattr(line, "done_amount", 0))
        self.base_t = Decimal(getattr(line, "done_tax", 0))
        self.cum_q = Decimal(0)
        self.cum_a = money.ZERO
        self.cum_t = money.ZERO

    def part(self, q: Decimal) -> tuple[Decimal, Decimal]:
        """(amount, tax) of the next `q` units."""
        line = self.line
        if self.cum_q + q >= line.quantity:  # the last part takes exactly what is left
            return line.amount - self.cum_a, line.tax - self.cum_t
        total_a = money.line_amount(self.base_q + self.cum_q + q, line.unit_price)
        total_t = money.line_tax(total_a, line.tax_rate)
        return total_a - self.base_a - self.cum_a, total_t - self.base_t - self.cum_t

    def take(self, q: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        amount, tax = self.part(q)
        self.cum_q += q
        self.cum_a += amount
        self.cum_t += tax
        return q, amount, tax


def _max_units(rule: SplitRule, cut: _Cut, room: Decimal) -> Decimal:
    """The most whole units (at most what is left) whose part fits in `room`."""
    line = cut.line
    left = line.quantity - cut.cum_q
    per_unit = line.unit_price * ((1 + line.tax_rate) if rule.cap_includes_tax else 1)
    if per_unit <= 0:
        return left

    def fits(q: Decimal) -> bool:
        return _weight(rule, *cut.part(q)) <= room

    q = min(left, (room / per_unit).to_integral_value(rounding="ROUND_FLOOR"))
    while q > 0 and not fits(q):
        q -= 1
    while q + 1 <= left and fits(q + 1):  # rounding may leave room for one more
        q += 1
    return q


def _pieces(rule: SplitRule, line: ShipLine) -> list[tuple[Decimal, Decimal, Decimal]]:
    """(quantity, amount, tax) parts of a line too big for one invoice."""
    assert rule.amount_cap is not None
    cut = _Cut(line)
    parts: list[tuple[Decimal, Decimal, Decimal]] = []
    while cut.cum_q < line.quantity:
        left = line.quantity - cut.cum_q
        if _weight(rule, *cut.part(left)) <= rule.amount_cap:
            parts.append(cut.take(left))
            break
        q = _max_units(rule, cut, rule.amount_cap)
        if q <= 0:
            raise UnitOverCap(line_no=line.line_no, sku=line.sku,
                              unit_price=money.text(line.unit_price),
                              cap=money.text(rule.amount_cap))
        parts.append(cut.take(q))
    return parts


def split(lines: Sequence[ShipLine], rule: SplitRule) -> SplitResult:
    """The invoices `rule` makes of a shipment's `lines` (see the module docstring)."""
    check_rule(rule)
    net = sum((ln.amount for ln in lines), money.ZERO)
    tax = sum((ln.tax for ln in lines), money.ZERO)
    if rule.self_billing:
        return SplitResult((), net, tax, self_billing=True, notes=("self_billing",))
    keys = rule.keys()
    groups: dict[tuple[tuple[str, str], ...], list[ShipLine]] = {}
    for line in sorted(lines, key=lambda ln: ln.line_no):
        groups.setdefault(tuple((k, line.key_value(k)) for k in keys), []).append(line)

    invoices: list[ProposedInvoice] = []
    for key, members in groups.items():
        made: list[tuple[list[ProposedLine], str]] = []
        current = _Open()

        def close(reason: str) -> None:
            nonlocal current
            if current.lines:
                made.append((current.lines, reason))
            current = _Open()

        for line in members:
            weight = _weight(rule, line.amount, line.tax)
            if current.fits(rule, weight):
                current.lines.append(ProposedLine(line, line.quantity, line.amount, line.tax))
                current.weight += weight
                continue
            full_by = ("max_lines" if rule.max_lines is not None
                       and len(current.lines) >= rule.max_lines else "amount_cap")
            close(full_by)
            if current.fits(rule, weight):
                current.lines.append(ProposedLine(line, line.quantity, line.amount, line.tax))
                current.weight += weight
                continue
            # Alone over the cap.
            if not rule.allow_line_split:
                raise LineOverCap(line_no=line.line_no, sku=line.sku,
                                  amount=money.text(weight),
                                  cap=money.text(rule.amount_cap or 0))
            pieces = _pieces(rule, line)
            for i, (q, amount, ptax) in enumerate(pieces, start=1):
                if current.lines:
                    close("amount_cap")
                current.lines.append(ProposedLine(line, q, amount, ptax, i, len(pieces)))
                current.weight += _weight(rule, amount, ptax)
        close("")
        cuts = sorted({reason for _lines, reason in made if reason})
        has_split = any(pl.parts > 1 for group_lines, _r in made for pl in group_lines)
        names = list(keys) + cuts + (["line_split"] if has_split else [])
        split_by = "+".join(names) if names else "single"
        for group_lines, reason in made:
            invoices.append(ProposedInvoice(len(invoices) + 1, split_by, key,
                                            tuple(group_lines), reason))
    return SplitResult(tuple(invoices), net, tax)
