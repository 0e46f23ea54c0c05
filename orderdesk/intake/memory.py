"""Remembered column mappings: a correction made once in the preview applies next time.

Stored as business settings (audited like any other write): per file layout, keyed by a
fingerprint of the header texts, and per customer, keyed by the customer id, each a map
from normalised header text to field ('' = ignore this column).
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from orderdesk.intake.columns import ORDER_FIELDS, ColumnMapping, find_header, header_norm
from orderdesk.intake.matching import Catalog
from orderdesk.intake.readers import SheetData
from orderdesk.models import Setting

LAYOUT_KEY = "intake.mapping.layout.{}"
CUSTOMER_KEY = "intake.mapping.customer.{}"


def _load(session: Session, key: str) -> dict[str, str]:
    row = session.get(Setting, key)
    return json.loads(row.value) if row is not None else {}


def detect_mapping(session: Session, sheets: list[SheetData], *, path: str, catalog: Catalog,
                   customer_id: str | None = None,
                   vocab: dict[str, tuple[str, ...]] = ORDER_FIELDS,
                   today=None) -> ColumnMapping:  # type: ignore[no-untyped-def]
    """Find the header, then re-map with what was remembered for this layout or customer."""
    known = set(catalog.products)
    mapping = find_header(sheets, vocab, path=path, known_skus=known, catalog=catalog,
                          memory=_load(session, CUSTOMER_KEY.format(customer_id))
                          if customer_id else None, today=today)
    remembered = _load(session, LAYOUT_KEY.format(mapping.fingerprint))
    if remembered:
        mapping = find_header(sheets, vocab, path=path, known_skus=known, catalog=catalog,
                              memory=remembered, today=today)
    return mapping


def should_remember(mapping: ColumnMapping, customer_id: str | None) -> bool:
    """A correction is worth keeping; so is a remembered layout once a customer is named
    (the customer's next file may come in another layout with the same column names)."""
    how = set(mapping.how.values())
    return "user" in how or (customer_id is not None and "memory" in how)


def customer_memory(session: Session, customer_id: str) -> dict[str, str]:
    """What was remembered for a customer: normalised header text → field ('' = ignore)."""
    return _load(session, CUSTOMER_KEY.format(customer_id))


def remember(session: Session, mapping: ColumnMapping, customer_id: str | None = None) -> None:
    """Store the mapping (including user corrections) for its layout and customer."""
    value: dict[str, str] = {}
    for col, text in enumerate(mapping.headers):
        norm = header_norm(text)
        if norm:
            value[norm] = mapping.fields.get(col, "")
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    keys = [LAYOUT_KEY.format(mapping.fingerprint)]
    if customer_id:
        keys.append(CUSTOMER_KEY.format(customer_id))
    for key in keys:
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=text))
        elif row.value != text:
            row.value = text
    session.flush()
