"""What is known about an order while it is typed or imported: the input of a lookup.

A Probe carries raw text as the user typed it; the engine normalises it (orderdesk/
normalize.py), so callers never pre-clean values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Probe:
    """An order being typed or imported, as far as it is known yet."""

    customer_id: str | None = None
    # Customer code, name or alias as typed (marketplace orders have no code).
    customer_text: str | None = None
    phone: str | None = None
    sku: str | None = None
    quantity: Decimal | None = None
    # When the order was placed; None means now.
    order_time: dt.datetime | None = None
    requested_date: dt.date | None = None
    address: str | None = None
    channel: str | None = None
    # The order itself, when an existing order is checked against the others.
    exclude_order_id: str | None = None

    def is_empty(self) -> bool:
        """True when nothing identifies a customer or a product yet: no lookup is useful."""
        has_customer = bool(self.customer_id or (self.customer_text or "").strip()
                            or (self.phone or "").strip())
        return not (has_customer and (self.sku or "").strip())
