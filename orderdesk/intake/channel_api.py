"""The intake API's core: one marketplace or web-shop order as JSON, validated and stored.

`accept_channel_order(session, channel, payload)` runs inside the server route's
transaction (the route commits once). It is idempotent by (channel, channel_order_no):
a connector that retries gets the order it created the first time, never a second one.
A malformed body raises ValidationFailed with the field and the reason, and writes
nothing. Unknown customers are neither invented nor refused: the order is kept without
a customer and the problem is returned, so sales can assign one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk.errors import ValidationFailed
from orderdesk.intake.matching import Catalog
from orderdesk.intake.values import parse_datetime, parse_price, parse_quantity
from orderdesk.models import Order, OrderChannelRef
from orderdesk.services.orders import LineDraft, OrderDraft, add_order

ALLOWED = {"channel_order_no", "customer_code", "customer_name", "phone", "address",
           "customer_po", "order_time", "requested_date", "urgent", "lines", "note"}
LINE_ALLOWED = {"sku", "quantity", "unit_price", "unit"}
MAX_LINES = 500


@dataclass(frozen=True)
class AcceptResult:
    created: bool
    order_id: str
    order_no: str
    problems: tuple[str, ...] = ()


def _text(payload: dict[str, Any], key: str, limit: int, required: bool = False) -> str | None:
    value = payload.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationFailed(field=key, value=None, reason="required")
        return None
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ValidationFailed(field=key, value=repr(value)[:60], reason="not_text")
    text = str(value).strip()
    if len(text) > limit:
        raise ValidationFailed(field=key, value=text[:60], reason="too_long")
    return text


def accept_channel_order(session: Session, channel: str, payload: dict[str, Any]) -> AcceptResult:
    """Validate and store one channel order; the same channel number returns the same order."""
    if not isinstance(payload, dict):
        raise ValidationFailed(field="body", value=type(payload).__name__, reason="not_an_object")
    if not channel or not channel.strip():
        raise ValidationFailed(field="channel", reason="required")
    unknown = sorted(set(payload) - ALLOWED)
    if unknown:
        raise ValidationFailed(field=unknown[0], reason="unknown_field")
    number = _text(payload, "channel_order_no", 80, required=True)
    existing = session.execute(
        select(Order.id, Order.order_no).join(OrderChannelRef, OrderChannelRef.order_id == Order.id)
        .where(OrderChannelRef.channel == channel, OrderChannelRef.channel_order_no == number)
    ).first()
    if existing is not None:
        return AcceptResult(created=False, order_id=existing.id, order_no=existing.order_no)

    lines = payload.get("lines")
    if not isinstance(lines, list) or not lines:
        raise ValidationFailed(field="lines", value=None, reason="required")
    if len(lines) > MAX_LINES:
        raise ValidationFailed(field="lines", value=len(lines), reason="too_many")
    catalog = Catalog.load(session)
    drafts: list[LineDraft] = []
    for i, line in enumerate(lines):
        where = f"lines[{i}]"
        if not isinstance(line, dict):
            raise ValidationFailed(field=where, reason="not_an_object")
        extra = sorted(set(line) - LINE_ALLOWED)
        if extra:
            raise ValidationFailed(field=f"{where}.{extra[0]}", reason="unknown_field")
        sku = _text(line, "sku", 60, required=True)
        info = catalog.product(sku)
        if info is None or info.is_component:
            raise ValidationFailed(field=f"{where}.sku", value=sku, reason="unknown_sku")
        try:
            quantity = parse_quantity(line.get("quantity"))
        except ValueError as exc:
            raise ValidationFailed(field=f"{where}.quantity", value=line.get("quantity"),
                                   reason=str(exc)) from None
        try:
            price = parse_price(line.get("unit_price"))
        except ValueError:
            raise ValidationFailed(field=f"{where}.unit_price", value=line.get("unit_price"),
                                   reason="not_a_number") from None
        drafts.append(LineDraft(sku=info.sku, quantity=quantity, unit_price=price,
                                unit=_text(line, "unit", 20)))

    order_time = None
    if payload.get("order_time") not in (None, ""):
        try:
            value = payload["order_time"]
            order_time = (dt.datetime.fromisoformat(value) if isinstance(value, str)
                          and "T" in value else parse_datetime(value))
        except (ValueError, TypeError):
            raise ValidationFailed(field="order_time", value=payload["order_time"],
                                   reason="not_a_date") from None
        # Stored in UTC like every order time; a time without a zone is the station's local time.
        order_time = order_time.astimezone(dt.timezone.utc).replace(tzinfo=None)
    requested = None
    if payload.get("requested_date") not in (None, ""):
        try:
            requested = parse_datetime(payload["requested_date"],
                                       (order_time or dt.datetime.now()).date()).date()
        except (ValueError, TypeError):
            raise ValidationFailed(field="requested_date", value=payload["requested_date"],
                                   reason="not_a_date") from None
    urgent = payload.get("urgent", False)
    if not isinstance(urgent, bool):
        raise ValidationFailed(field="urgent", value=repr(urgent), reason="not_a_boolean")

    code = _text(payload, "customer_code", 40)
    name = _text(payload, "customer_name", 200)
    phone = _text(payload, "phone", 40)
    customer_id, _ = catalog.match_customer(code, phone, name)
    problems: list[str] = []
    if customer_id is None and (code or name or phone):
        problems.append("unknown_customer")
    elif customer_id is None:
        problems.append("no_customer")
    draft = OrderDraft(
        channel=channel, lines=tuple(drafts), customer_id=customer_id, channel_order_no=number,
        customer_po=_text(payload, "customer_po", 60), order_time=order_time,
        requested_date=requested, rush=urgent, contact_name=name if customer_id is None else None,
        contact_phone=phone, delivery_address=_text(payload, "address", 400),
        note=_text(payload, "note", 2000))
    order = add_order(session, draft)
    from orderdesk.dedup import flag_new_orders

    if flag_new_orders(session, [order.id]):
        problems.append("possible_duplicate")
    return AcceptResult(created=True, order_id=order.id, order_no=order.order_no,
                        problems=tuple(problems))
