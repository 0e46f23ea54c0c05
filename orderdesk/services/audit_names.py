"""Names people use for the records audit rows point at (UUIDs mean nothing to an
assessor): an order by its number, a line as "SO-… line 2", a batch by its code, a user
by the user name. Used by the audit viewer to write each entry as a sentence."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from orderdesk.desk import Desk
from orderdesk.models import (
    Attachment,
    Batch,
    BatchBinding,
    Certificate,
    Customer,
    MaterialLot,
    Note,
    Order,
    OrderChannelRef,
    OrderLine,
    Product,
    StatusEvent,
    User,
)
from orderdesk.models.inspections import Inspection, IssueOverride

_CHUNK = 500


def _fetch(session, query, ids: list[str]):  # type: ignore[no-untyped-def]
    for i in range(0, len(ids), _CHUNK):
        yield from session.execute(query(ids[i:i + _CHUNK])).all()


def record_names(desk: Desk, refs: Iterable[tuple[str | None, str | None]]) -> dict[str, str]:
    """{"entity:id": name} for the (entity, entity_id) pairs that can be named; others
    are left out (the caller shows its own words)."""
    desk.require("audit.read")
    wanted: dict[str, set[str]] = {}
    for entity, entity_id in refs:
        if entity and entity_id:
            wanted.setdefault(entity, set()).add(entity_id)
    out: dict[str, str] = {}
    order_of: dict[str, str] = {}     # order id -> number, for lines, notes, events

    def put(entity: str, key: str, name: str | None) -> None:
        if name:
            out[f"{entity}:{key}"] = name

    with desk.read() as s:
        simple = {
            "orders": (Order.id, Order.order_no), "customers": (Customer.id, Customer.code),
            "products": (Product.id, Product.sku), "users": (User.id, User.username),
            "batches": (Batch.id, Batch.code), "certificates": (Certificate.id, Certificate.number),
            "material_lots": (MaterialLot.id, MaterialLot.code),
        }
        for entity, (id_col, name_col) in simple.items():
            ids = sorted(wanted.get(entity, ()))
            for key, name in _fetch(s, lambda chunk, i=id_col, n=name_col: select(i, n).where(
                    i.in_(chunk)), ids):
                put(entity, key, name)
                if entity == "orders":
                    order_of[key] = name
        # records that belong to an order: named by the order's number
        by_order = {"notes": Note, "attachments": Attachment, "status_events": StatusEvent,
                    "order_channel_refs": OrderChannelRef}
        needed_orders: dict[tuple[str, str], str] = {}
        for entity, model in by_order.items():
            for key, order_id in _fetch(s, lambda chunk, m=model: select(m.id, m.order_id).where(
                    m.id.in_(chunk)), sorted(wanted.get(entity, ()))):
                needed_orders[(entity, key)] = order_id
        lines = {key: (order_id, no) for key, order_id, no in _fetch(
            s, lambda chunk: select(OrderLine.id, OrderLine.order_id, OrderLine.line_no)
            .where(OrderLine.id.in_(chunk)), sorted(wanted.get("order_lines", ())))}
        bindings = {key: (batch, order_id) for key, batch, order_id in _fetch(
            s, lambda chunk: select(BatchBinding.id, Batch.code, BatchBinding.order_id)
            .join(Batch, Batch.id == BatchBinding.batch_id).where(BatchBinding.id.in_(chunk)),
            sorted(wanted.get("batch_bindings", ())))}
        missing = ({o for o in needed_orders.values()} | {o for o, _ in lines.values()}
                   | {o for _, o in bindings.values()}) - set(order_of)
        for key, name in _fetch(s, lambda chunk: select(Order.id, Order.order_no).where(
                Order.id.in_(chunk)), sorted(missing)):
            order_of[key] = name
        for (entity, key), order_id in needed_orders.items():
            put(entity, key, order_of.get(order_id))
        for key, (order_id, no) in lines.items():
            if order_id in order_of:
                put("order_lines", key, f"{order_of[order_id]} #{no}")
        for key, (batch, order_id) in bindings.items():
            put("batch_bindings", key, f"{batch} → {order_of.get(order_id, '?')}")
        for entity, model in (("inspections", Inspection), ("issue_overrides", IssueOverride)):
            for key, code in _fetch(s, lambda chunk, m=model: select(m.id, Batch.code)
                                    .join(Batch, Batch.id == m.batch_id).where(m.id.in_(chunk)),
                                    sorted(wanted.get(entity, ()))):
                put(entity, key, code)
    return out
