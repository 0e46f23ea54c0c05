"""Binding production batches to order lines by scanning, at a warehouse station.

Every scan is one write transaction: the binding (or nothing), its ScanEvent, and its
audit and outbox rows, so a scan is either fully recorded or not at all. Refusals are
recorded too (ScanEvent + an audit row with outcome "refused").

Bindings are one row each (never a shared counter), so two stations binding offline
produce rows the sync server can compare; the same batch bound at two stations shows up
there as a conflict. Locally, a batch with an active binding elsewhere is refused.

Thread use: call from one writer (the UI's serial mutation worker, a CLI, a test).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, OrderdeskError, ValidationFailed
from orderdesk.ids import uuid7
from orderdesk.messages import TEXTS
from orderdesk.models import Customer, Order, OrderLine, Product, StatusEvent
from orderdesk.models.base import utcnow
from orderdesk.models.batches import Batch, BatchBinding, ScanEvent
from orderdesk.tracking import add_audit
from orderdesk.warehouse import gs1
from orderdesk.warehouse.gs1 import ScannedCode

# Reasons a scan is refused. The UI words them with tr(); the CLI through messages.TEXTS.
REASONS = (
    "unreadable",      # not a code orderdesk can read (broken GS1, check digit, noise)
    "unknown_code",    # readable, but no such batch / no product with that GTIN
    "no_quantity",     # a GS1 label for a new batch without (30)/(37) count
    "product_only",    # a product barcode (GTIN only), not a batch label
    "not_open",        # no order is open, or the order is cancelled/merged/shipped
    "wrong_product",   # the batch's product is not on this order
    "over_quantity",   # the batch holds more than the matching line still needs
    "expired",         # the batch's expiry date has passed
    "bound_elsewhere", # the batch is already bound to another order
    "bound_here",      # the batch is already bound to this order (double scan)
)

CLOSED_WAREHOUSE = {"shipped"}


class NothingToUndo(OrderdeskError):
    code = "nothing_to_undo"


class ReasonRequired(OrderdeskError):
    code = "unbind_reason_required"


TEXTS.update({
    "nothing_to_undo": ("订单 {order_no} 没有可撤销的扫描", "nothing to undo on order {order_no}"),
    "unbind_reason_required": ("解绑必须填写原因", "a reason is required to unbind"),
    "scan.unreadable": ("无法识别的条码:{code}", "unreadable code: {code}"),
    "scan.unknown_code": ("未知条码:{code}", "unknown code: {code}"),
    "scan.no_quantity": ("标签上没有数量(AI 30/37),且系统中没有该批次:{code}",
                         "label has no count (AI 30/37) and the batch is not known: {code}"),
    "scan.product_only": ("这是产品条码,不是批次标签:{code}",
                          "this is a product barcode, not a batch label: {code}"),
    "scan.not_open": ("请先扫描或选择订单", "scan or choose an order first"),
    "scan.wrong_product": ("产品不符:批次 {batch} 是 {sku},本订单没有该产品",
                           "wrong product: batch {batch} is {sku}, not on this order"),
    "scan.over_quantity": ("数量超出:批次 {batch} 有 {quantity},第 {line_no} 行只差 {remaining}",
                           "too much: batch {batch} holds {quantity}, line {line_no} needs only "
                           "{remaining}"),
    "scan.expired": ("批次 {batch} 已于 {expiry} 过期", "batch {batch} expired on {expiry}"),
    "scan.bound_elsewhere": ("批次 {batch} 已绑定到订单 {other_order}",
                             "batch {batch} is already bound to order {other_order}"),
    "scan.bound_here": ("批次 {batch} 已绑定到本订单(重复扫描)",
                        "batch {batch} is already bound to this order (scanned twice)"),
    "scan.accepted": ("已绑定:批次 {batch},{quantity} → 第 {line_no} 行 {sku}",
                      "bound: batch {batch}, {quantity} → line {line_no} {sku}"),
    "scan.order_opened": ("已打开订单 {order_no}", "opened order {order_no}"),
    "scan.summary_refused": ("{count} 个条码被拒绝", "{count} code(s) refused"),
})


@dataclass(frozen=True)
class PickLine:
    line_id: str
    line_no: int
    product_id: str
    sku: str
    product_name: str
    unit: str
    required: Decimal
    bound: Decimal
    batches: int

    @property
    def remaining(self) -> Decimal:
        return max(Decimal(0), self.required - self.bound)

    @property
    def done(self) -> bool:
        return self.bound >= self.required


@dataclass(frozen=True)
class PickView:
    order_id: str
    order_no: str
    customer_name: str
    customer_po: str | None
    status_warehouse: str
    open: bool
    lines: tuple[PickLine, ...]

    @property
    def complete(self) -> bool:
        return bool(self.lines) and all(line.done for line in self.lines)

    @property
    def required_total(self) -> Decimal:
        return sum((line.required for line in self.lines), Decimal(0))

    @property
    def bound_total(self) -> Decimal:
        return sum((min(line.bound, line.required) for line in self.lines), Decimal(0))


@dataclass(frozen=True)
class ScanOutcome:
    """What one scan did. kind: 'bound', 'order' (a pick ticket opened) or 'refused'."""

    kind: str
    reason: str | None
    code: ScannedCode
    scan_event_id: str
    facts: tuple[tuple[str, str], ...] = ()
    order_id: str | None = None
    pick: PickView | None = None
    binding_id: str | None = None
    batch_code: str | None = None
    line_no: int | None = None
    quantity: Decimal | None = None
    changes: Changes = field(default_factory=Changes)

    @property
    def accepted(self) -> bool:
        return self.kind in ("bound", "order")

    @property
    def fact_map(self) -> dict[str, str]:
        return dict(self.facts)

    @property
    def message_code(self) -> str:
        if self.kind == "bound":
            return "scan.accepted"
        if self.kind == "order":
            return "scan.order_opened"
        return f"scan.{self.reason}"


@dataclass(frozen=True)
class BindingRow:
    id: str
    batch_code: str
    lot: str | None
    line_no: int
    sku: str
    quantity: Decimal
    bound_at: dt.datetime
    bound_by: str | None
    station: str | None
    active: bool
    unbind_reason: str | None


@dataclass(frozen=True)
class BatchInfo:
    id: str
    code: str
    product_id: str
    sku: str
    product_name: str
    spec: str | None
    unit: str
    gtin: str | None
    lot: str | None
    serial: str | None
    quantity: Decimal
    production_date: dt.date | None
    expiry_date: dt.date | None
    active: bool


@dataclass(frozen=True)
class UndoResult:
    binding_id: str
    batch_code: str
    pick: PickView
    changes: Changes = field(default_factory=lambda: Changes(bindings=True, orders=True))


# -- reads -------------------------------------------------------------------------------

# The statements a scan runs, built once: SQLAlchemy then reuses their compiled form and
# cache keys instead of rebuilding them on every scan (a scan must answer in < 50 ms).
_BOUND_BY_LINE = (
    select(BatchBinding.order_line_id, func.sum(BatchBinding.quantity),
           func.count(BatchBinding.id))
    .where(BatchBinding.order_id == bindparam("order_id"), BatchBinding.active.is_(True))
    .group_by(BatchBinding.order_line_id))
_LINES = (
    select(OrderLine.id, OrderLine.line_no, OrderLine.product_id, OrderLine.quantity,
           OrderLine.unit, Product.sku, Product.name)
    .join(Product, Product.id == OrderLine.product_id)
    .where(OrderLine.order_id == bindparam("order_id"), OrderLine.cancelled.is_(False))
    .order_by(OrderLine.line_no))
_CUSTOMER_NAME = select(Customer.name).where(Customer.id == bindparam("customer_id"))
_ACTIVE_BINDING = (
    select(BatchBinding.order_id, Order.order_no)
    .join(Order, Order.id == BatchBinding.order_id)
    .where(BatchBinding.batch_id == bindparam("batch_id"), BatchBinding.active.is_(True))
    .limit(1))
_BATCH_BY_CODE = select(Batch).where(Batch.code == bindparam("code"))


def _bound_by_line(session: Session, order_id: str) -> dict[str, tuple[Decimal, int]]:
    rows = session.execute(_BOUND_BY_LINE, {"order_id": order_id}).all()
    return {line_id: (Decimal(total or 0), count) for line_id, total, count in rows}


def _is_open(order: Order) -> bool:
    return (not order.cancelled and order.merged_into_id is None
            and order.status_warehouse not in CLOSED_WAREHOUSE)


@dataclass(frozen=True)
class _LineRow:
    id: str
    line_no: int
    product_id: str
    quantity: Decimal
    unit: str


class _PickState:
    """An order's live lines and what is bound to each, read once per transaction and
    kept current in memory as bindings are added (a scan reads it, never re-queries)."""

    def __init__(self, session: Session, order: Order) -> None:
        self.order = order
        with session.no_autoflush:
            rows = session.execute(_LINES, {"order_id": order.id}).all()
            self.lines = [(_LineRow(r[0], r[1], r[2], Decimal(r[3]), r[4]), r[5], r[6])
                          for r in rows]
            self.bound = _bound_by_line(session, order.id)
            self.customer_name = (session.scalar(_CUSTOMER_NAME,
                                                 {"customer_id": order.customer_id})
                                  if order.customer_id else None) or ""

    def remaining(self, line: _LineRow) -> Decimal:
        return line.quantity - self.bound.get(line.id, (Decimal(0), 0))[0]

    def add(self, line_id: str, quantity: Decimal, count: int = 1) -> None:
        total, batches = self.bound.get(line_id, (Decimal(0), 0))
        self.bound[line_id] = (total + quantity, batches + count)

    def view(self) -> PickView:
        order = self.order
        lines = tuple(
            PickLine(line_id=line.id, line_no=line.line_no, product_id=line.product_id,
                     sku=sku, product_name=name, unit=line.unit, required=line.quantity,
                     bound=self.bound.get(line.id, (Decimal(0), 0))[0],
                     batches=self.bound.get(line.id, (Decimal(0), 0))[1])
            for line, sku, name in self.lines)
        return PickView(order_id=order.id, order_no=order.order_no,
                        customer_name=self.customer_name, customer_po=order.customer_po,
                        status_warehouse=order.status_warehouse, open=_is_open(order),
                        lines=lines)


def _pick_view(session: Session, order: Order) -> PickView:
    return _PickState(session, order).view()


def _find_order(session: Session, number: str) -> Order | None:
    number = number.strip()
    if not number:
        return None
    order = session.scalar(select(Order).where(Order.order_no == number.upper()))
    if order is None:
        order = session.get(Order, number)
    if order is None:
        from orderdesk.models import OrderChannelRef
        order_id = session.scalar(select(OrderChannelRef.order_id)
                                  .where(OrderChannelRef.channel_order_no == number).limit(1))
        order = session.get(Order, order_id) if order_id else None
    # A merged duplicate points at the order that carries on.
    seen = 0
    while order is not None and order.merged_into_id and seen < 5:
        order = session.get(Order, order.merged_into_id)
        seen += 1
    return order


def open_pick(desk: Desk, order_no_or_code: str) -> PickView:
    """The pick view of an order given by number, scanned pick ticket (ODO:...), channel
    number or id. Raises NotFound when nothing matches."""
    desk.require("order.read")
    code = gs1.parse(order_no_or_code)
    number = code.order_no if code.kind == "order_code" else order_no_or_code
    with desk.read() as s:
        order = _find_order(s, number or "")
        if order is None:
            raise NotFound(entity="order", key=order_no_or_code.strip())
        return _pick_view(s, order)


def pick_view(desk: Desk, order_id: str) -> PickView:
    with desk.read() as s:
        order = s.get(Order, order_id)
        if order is None:
            raise NotFound(entity="order", key=order_id)
        return _pick_view(s, order)


def bindings_for_order(desk: Desk, order_id: str, *, include_inactive: bool = False
                       ) -> list[BindingRow]:
    with desk.read() as s:
        query = (select(BatchBinding, Batch.code, Batch.lot, OrderLine.line_no, Product.sku)
                 .join(Batch, Batch.id == BatchBinding.batch_id)
                 .join(OrderLine, OrderLine.id == BatchBinding.order_line_id)
                 .join(Product, Product.id == OrderLine.product_id)
                 .where(BatchBinding.order_id == order_id)
                 .order_by(BatchBinding.bound_at, BatchBinding.id))
        if not include_inactive:
            query = query.where(BatchBinding.active.is_(True))
        return [BindingRow(id=b.id, batch_code=code, lot=lot, line_no=line_no, sku=sku,
                           quantity=Decimal(b.quantity), bound_at=b.bound_at,
                           bound_by=b.bound_by, station=b.station, active=b.active,
                           unbind_reason=b.unbind_reason)
                for b, code, lot, line_no, sku in s.execute(query).all()]


def _batch_info(session: Session, batch: Batch) -> BatchInfo:
    product = session.get(Product, batch.product_id)
    assert product is not None
    return BatchInfo(id=batch.id, code=batch.code, product_id=product.id, sku=product.sku,
                     product_name=product.name, spec=product.spec, unit=product.unit,
                     gtin=batch.gtin or product.gtin, lot=batch.lot, serial=batch.serial,
                     quantity=Decimal(batch.quantity), production_date=batch.production_date,
                     expiry_date=batch.expiry_date, active=batch.active)


def batches_for_order(desk: Desk, order_id: str) -> list[BatchInfo]:
    """Batches actively bound to an order, in binding order."""
    with desk.read() as s:
        batch_ids = s.scalars(select(BatchBinding.batch_id)
                              .where(BatchBinding.order_id == order_id,
                                     BatchBinding.active.is_(True))
                              .order_by(BatchBinding.bound_at, BatchBinding.id)).all()
        seen: list[str] = []
        for bid in batch_ids:
            if bid not in seen:
                seen.append(bid)
        return [_batch_info(s, s.get(Batch, bid)) for bid in seen]  # type: ignore[arg-type]


def get_batch(desk: Desk, code: str) -> BatchInfo:
    with desk.read() as s:
        batch = s.scalar(select(Batch).where(Batch.code == code))
        if batch is None:
            raise NotFound(entity="batch", key=code)
        return _batch_info(s, batch)


# -- batches -----------------------------------------------------------------------------

def new_batch_code(day: dt.date | None = None) -> str:
    """B<yymmdd>-<6 random base32 chars>: unique without a shared counter, so stations
    that are offline can make batches too."""
    day = day or utcnow().date()
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    tail = "".join(secrets.choice(alphabet) for _ in range(6))
    return f"B{day:%y%m%d}-{tail}"


def add_batch(session: Session, *, product_id: str, quantity: Decimal, lot: str | None = None,
              serial: str | None = None, gtin: str | None = None,
              production_date: dt.date | None = None, expiry_date: dt.date | None = None,
              code: str | None = None, source: str = "production") -> Batch:
    if quantity <= 0:
        raise ValidationFailed(field="quantity", value=str(quantity), reason="not_positive")
    product = session.get(Product, product_id)
    if product is None:
        raise NotFound(entity="product", key=product_id)
    batch = Batch(code=code or new_batch_code(production_date), product_id=product_id,
                  gtin=gtin or product.gtin, lot=lot, serial=serial, quantity=quantity,
                  production_date=production_date, expiry_date=expiry_date, source=source)
    session.add(batch)
    session.flush()
    return batch


def register_batch(desk: Desk, sku: str, quantity: Decimal | int | str, *,
                   lot: str | None = None, serial: str | None = None,
                   production_date: dt.date | None = None,
                   expiry_date: dt.date | None = None, code: str | None = None,
                   source: str = "production") -> BatchInfo:
    """Record a production batch so its label can be printed and scanned."""
    from orderdesk.normalize import sku_norm
    from orderdesk.services.orders import to_decimal

    desk.require("batch.bind")
    qty = to_decimal(quantity, field_name="quantity")
    with desk.write() as s:
        product = s.scalar(select(Product).where(Product.sku == sku))
        if product is None:
            product = s.scalar(select(Product).where(Product.sku_norm == sku_norm(sku)))
        if product is None:
            raise NotFound(entity="product", key=sku)
        if code and s.scalar(select(Batch.id).where(Batch.code == code)):
            raise ValidationFailed(field="code", value=code, reason="duplicate")
        batch = add_batch(s, product_id=product.id, quantity=qty, lot=lot or code, serial=serial,
                          production_date=production_date, expiry_date=expiry_date, code=code,
                          source=source)
        if batch.lot is None:
            batch.lot = batch.code[:20]
        return _batch_info(s, batch)


def _products_by_gtin(session: Session, gtin: str) -> list[Product]:
    return list(session.scalars(select(Product).where(Product.gtin.in_(gs1.gtin_forms(gtin)),
                                                      Product.active.is_(True))))


def _find_gs1_batch(session: Session, code: ScannedCode) -> tuple[Batch | None, Product | None]:
    assert code.gtin
    products = _products_by_gtin(session, code.gtin)
    if not products:
        return None, None
    product_ids = [p.id for p in products]
    query = select(Batch).where(Batch.product_id.in_(product_ids), Batch.active.is_(True))
    if code.serial:
        # orderdesk's own labels carry the batch code as (21) serial.
        by_code = session.scalar(select(Batch).where(Batch.code == code.serial,
                                                     Batch.product_id.in_(product_ids)))
        if by_code is not None:
            return by_code, products[0]
        query = query.where(Batch.serial == code.serial)
    else:
        query = query.where(Batch.serial.is_(None))
    query = query.where(Batch.lot == code.lot) if code.lot else query.where(Batch.lot.is_(None))
    return session.scalar(query.order_by(Batch.created_at).limit(1)), products[0]


# -- scanning ----------------------------------------------------------------------------

class _Refused(Exception):
    def __init__(self, reason: str, batch_row: Batch | None = None, **facts: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.batch = batch_row
        self.facts = {k: ("" if v is None else str(v)) for k, v in facts.items()}


def _resolve_batch(session: Session, code: ScannedCode) -> Batch:
    """The batch a readable code names; creates one from a complete GS1 label."""
    if code.kind == "batch_code":
        batch = session.scalar(_BATCH_BY_CODE, {"code": code.batch_code})
        if batch is None:
            batch = session.scalar(select(Batch).where(func.upper(Batch.code)
                                                       == (code.batch_code or "").upper()))
        if batch is None or not batch.active:
            raise _Refused("unknown_code", code=code.batch_code)
        return batch
    if code.kind == "text":
        # An orderdesk batch code typed or printed without its prefix.
        batch = session.scalar(select(Batch).where(Batch.code == code.text))
        if batch is not None and batch.active:
            return batch
        if code.problem and code.problem != "not_a_label":
            raise _Refused("unreadable", code=code.visible, detail=code.problem)
        raise _Refused("unknown_code", code=code.text)
    # GS1
    if not code.gtin:
        raise _Refused("unknown_code", code=gs1.hri(list(code.elements)))
    if not code.lot and not code.serial:
        raise _Refused("product_only", code=code.gtin)
    candidates = (code,) + code.alternatives
    product = None
    for reading in candidates:
        batch, found_product = _find_gs1_batch(session, reading)
        product = product or found_product
        if batch is not None:
            if not batch.active:
                raise _Refused("unknown_code", code=batch.code)
            return batch
    if product is None:
        raise _Refused("unknown_code", code=code.gtin, gtin=code.gtin)
    if code.count is None or code.count <= 0:
        raise _Refused("no_quantity", code=gs1.hri(list(code.elements)))
    # First sight of a complete GS1 label (e.g. a supplier's or the moulding line's own
    # labeller): the label is the record of the batch.
    return add_batch(session, product_id=product.id, quantity=code.count, lot=code.lot,
                     serial=code.serial, gtin=code.gtin, production_date=code.production_date,
                     expiry_date=code.expiry_date, source="label")


def _bind(session: Session, state: _PickState, batch: Batch, today: dt.date
          ) -> tuple[BatchBinding, _LineRow]:
    order = state.order
    if batch.expiry_date is not None and batch.expiry_date < today:
        raise _Refused("expired", batch, batch=batch.code, expiry=batch.expiry_date.isoformat())
    with session.no_autoflush:
        active = session.execute(_ACTIVE_BINDING, {"batch_id": batch.id}).first()
    if active is not None:
        if active[0] == order.id:
            raise _Refused("bound_here", batch, batch=batch.code)
        raise _Refused("bound_elsewhere", batch, batch=batch.code, other_order=active[1])
    lines = [line for line, _sku, _name in state.lines if line.product_id == batch.product_id]
    if not lines:
        with session.no_autoflush:
            product = session.get(Product, batch.product_id)
        raise _Refused("wrong_product", batch, batch=batch.code,
                       sku=product.sku if product else batch.product_id)
    quantity = Decimal(batch.quantity)
    best_remaining = Decimal(0)
    best_line = lines[0]
    for line in lines:
        remaining = state.remaining(line)
        if quantity <= remaining:
            actor = session.info["actor"]
            binding = BatchBinding(id=uuid7(), batch_id=batch.id, order_line_id=line.id,
                                   order_id=order.id, quantity=quantity, bound_by=actor.user,
                                   station=actor.station)
            session.add(binding)
            state.add(line.id, quantity)
            return binding, line
        if remaining > best_remaining:
            best_remaining, best_line = remaining, line
    raise _Refused("over_quantity", batch, batch=batch.code, quantity=_qty(quantity),
                   line_no=best_line.line_no, remaining=_qty(max(best_remaining, Decimal(0))))


def format_qty(value: Decimal) -> str:
    """A quantity without trailing zeros or exponent: 200, 12.5."""
    return format(Decimal(value).normalize(), "f")


_qty = format_qty


def _advance_status(session: Session, state: _PickState) -> None:
    """Warehouse status follows the bindings: picking once something is bound,
    ready_to_ship when every line is bound in full, back to picking if one is taken back.
    A shipped order is never touched."""
    order = state.order
    current = order.status_warehouse
    if current == "shipped":
        return
    view = state.view()
    if view.complete:
        target = "ready_to_ship"
    elif current == "ready_to_ship" or (any(line.bound for line in view.lines)
                                        and current in ("awaiting_stock", "kitted")):
        target = "picking"
    else:
        return
    if target == current:
        return
    actor = session.info["actor"]
    order.status_warehouse = target
    session.add(StatusEvent(order_id=order.id, department="warehouse", old_status=current,
                            new_status=target, user=actor.user, station=actor.station,
                            note="scan"))


def scan(desk: Desk, order_id: str | None, raw: str, *, today: dt.date | None = None
         ) -> ScanOutcome:
    """Handle one scanned code for the open order (or none).

    A pick ticket (ODO:...) or order number opens that order (kind 'order'). A batch code
    or GS1 batch label binds the batch and its whole quantity to the first line of the
    same product that still needs at least that much (kind 'bound'), or is refused with a
    reason from REASONS. Either way the scan is recorded (ScanEvent + audit) in the same
    transaction. Never raises for bad input.
    """
    desk.require("batch.bind")
    code = gs1.parse(raw)
    today = today or dt.date.today()
    with desk.write() as s, s.no_autoflush:
        # One flush at commit: the binding, the scan event, the status change and their
        # audit and outbox rows, written together.
        actor = s.info["actor"]
        event = ScanEvent(id=uuid7(), raw=code.visible, kind=code.kind, parsed=code.as_json(),
                          outcome="refused", station=actor.station, user=actor.user,
                          order_id=order_id)
        order = s.get(Order, order_id) if order_id else None
        state: _PickState | None = None
        try:
            if code.kind == "empty":
                raise _Refused("unreadable", code=code.visible)
            if code.kind == "order_code":
                target = _find_order(s, code.order_no or "")
                if target is None:
                    raise _Refused("unknown_code", code=code.order_no)
                event.order_id = target.id
                event.outcome = "order_opened"
                s.add(event)
                return ScanOutcome(kind="order", reason=None, code=code, scan_event_id=event.id,
                                   facts=(("order_no", target.order_no),), order_id=target.id,
                                   pick=_PickState(s, target).view())
            if order is None or not _is_open(order):
                # Read the code anyway, so the log says what was scanned.
                raise _Refused("not_open", order_no=order.order_no if order else None,
                               code=code.visible)
            batch = _resolve_batch(s, code)
            event.batch_id = batch.id
            state = _PickState(s, order)
            binding, line = _bind(s, state, batch, today)
        except _Refused as refused:
            event.reason = refused.reason
            if refused.batch is not None:
                event.batch_id = refused.batch.id
            s.add(event)
            add_audit(s, action="scan_refused", entity="scan_events", entity_id=event.id,
                      new={"reason": refused.reason, "code": code.visible, **refused.facts},
                      outcome="refused")
            facts = {"code": code.visible, **refused.facts}
            if order is not None and state is None:
                state = _PickState(s, order)
            return ScanOutcome(kind="refused", reason=refused.reason, code=code,
                               scan_event_id=event.id, facts=tuple(facts.items()),
                               order_id=order.id if order else None,
                               pick=state.view() if state else None,
                               batch_code=refused.batch.code if refused.batch else None)
        event.outcome = "accepted"
        event.order_line_id = line.id
        event.binding_id = binding.id
        s.add(event)
        _advance_status(s, state)
        sku = next((sku for ln, sku, _n in state.lines if ln.id == line.id), "")
        facts = {"batch": batch.code, "quantity": _qty(Decimal(batch.quantity)),
                 "line_no": str(line.line_no), "sku": sku}
        return ScanOutcome(kind="bound", reason=None, code=code, scan_event_id=event.id,
                           facts=tuple(facts.items()), order_id=order.id,
                           pick=state.view(), binding_id=binding.id,
                           batch_code=batch.code, line_no=line.line_no,
                           quantity=Decimal(batch.quantity),
                           changes=Changes(bindings=True, orders=True))


def scan_many(desk: Desk, order_id: str | None, raws: Sequence[str]) -> list[ScanOutcome]:
    """Scan several codes in order (a multi-label burst, a CLI list); an order code switches
    the open order for the codes after it."""
    outcomes = []
    for raw in raws:
        for part in gs1.split_burst(raw) or [raw]:
            outcome = scan(desk, order_id, part)
            if outcome.kind == "order":
                order_id = outcome.order_id
            outcomes.append(outcome)
    return outcomes


def _deactivate(session: Session, binding: BatchBinding, reason: str) -> None:
    actor = session.info["actor"]
    binding.active = False
    binding.unbound_at = utcnow()
    binding.unbound_by = actor.user
    binding.unbind_reason = reason


def undo_last_scan(desk: Desk, order_id: str) -> UndoResult:
    """Take back the most recent binding still active on this order made at this station.
    Recorded as an 'undo' in the audit; the binding row stays, inactive."""
    desk.require("batch.bind")
    with desk.write() as s:
        order = s.get(Order, order_id)
        if order is None:
            raise NotFound(entity="order", key=order_id)
        binding = s.scalar(
            select(BatchBinding)
            .where(BatchBinding.order_id == order_id, BatchBinding.active.is_(True),
                   BatchBinding.station == desk.station)
            .order_by(BatchBinding.bound_at.desc(), BatchBinding.id.desc()).limit(1))
        if binding is None:
            raise NothingToUndo(order_no=order.order_no)
        _deactivate(s, binding, "undo")
        batch = s.get(Batch, binding.batch_id)
        actor = s.info["actor"]
        s.add(ScanEvent(raw="", kind="undo", outcome="undone", order_id=order_id,
                        order_line_id=binding.order_line_id, batch_id=binding.batch_id,
                        binding_id=binding.id, station=actor.station, user=actor.user))
        s.flush()
        add_audit(s, action="undo", entity="batch_bindings", entity_id=binding.id,
                  new={"batch": batch.code if batch else None, "order": order.order_no})
        state = _PickState(s, order)
        _advance_status(s, state)
        return UndoResult(binding_id=binding.id, batch_code=batch.code if batch else "",
                          pick=state.view())


def unbind(desk: Desk, binding_id: str, reason: str) -> UndoResult:
    """Supervisor: release a binding with a reason (batch.unbind permission, audited)."""
    desk.require("batch.unbind")
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired()
    with desk.write() as s:
        binding = s.get(BatchBinding, binding_id)
        if binding is None:
            raise NotFound(entity="binding", key=binding_id)
        order = s.get(Order, binding.order_id)
        assert order is not None
        batch = s.get(Batch, binding.batch_id)
        if binding.active:
            _deactivate(s, binding, reason)
            s.flush()
            add_audit(s, action="unbind", entity="batch_bindings", entity_id=binding.id,
                      new={"batch": batch.code if batch else None, "order": order.order_no,
                           "reason": reason})
        state = _PickState(s, order)
        if binding.active is False:
            _advance_status(s, state)
        return UndoResult(binding_id=binding.id, batch_code=batch.code if batch else "",
                          pick=state.view())


def describe_outcome(outcome: ScanOutcome, lang: str | None = None) -> str:
    """The outcome as one sentence for the command line (the UI words it through tr())."""
    from orderdesk.messages import describe

    return describe(outcome.message_code, lang, **outcome.fact_map)


# -- choosing an order, labels to print -------------------------------------------------

@dataclass(frozen=True)
class PickableOrder:
    order_id: str
    order_no: str
    customer_name: str
    customer_po: str | None
    status_warehouse: str
    requested_date: dt.date | None
    rush: bool


PICKABLE = ("awaiting_stock", "kitted", "picking")


def list_pickable_orders(desk: Desk, text: str = "", *, limit: int = 100) -> list[PickableOrder]:
    """Open orders the warehouse can pick (rush first, then by due date), optionally
    filtered by order number, customer PO or customer name."""
    desk.require("order.read")
    with desk.read() as s:
        query = (select(Order, Customer.name).outerjoin(Customer, Customer.id == Order.customer_id)
                 .where(Order.cancelled.is_(False), Order.merged_into_id.is_(None),
                        Order.status_warehouse.in_(PICKABLE)))
        text = text.strip()
        if text:
            like = f"%{text}%"
            query = query.where(Order.order_no.ilike(like) | Order.customer_po.ilike(like)
                                | Customer.name.ilike(like))
        query = query.order_by(Order.rush.desc(), Order.requested_date.is_(None),
                               Order.requested_date, Order.order_no).limit(limit)
        return [PickableOrder(order_id=o.id, order_no=o.order_no, customer_name=name or "",
                              customer_po=o.customer_po, status_warehouse=o.status_warehouse,
                              requested_date=o.requested_date, rush=o.rush)
                for o, name in s.execute(query).all()]


def label_batches_for_order(desk: Desk, order_id: str) -> list[BatchInfo]:
    """Batches whose labels the warehouse may need for an order: those bound to it, or,
    before anything is bound, the unbound unexpired batches of its products."""
    bound = batches_for_order(desk, order_id)
    if bound:
        return bound
    today = dt.date.today()
    with desk.read() as s:
        product_ids = s.scalars(select(OrderLine.product_id)
                                .where(OrderLine.order_id == order_id,
                                       OrderLine.cancelled.is_(False))).all()
        taken = select(BatchBinding.batch_id).where(BatchBinding.active.is_(True))
        rows = s.scalars(select(Batch).where(Batch.product_id.in_(product_ids),
                                             Batch.active.is_(True), Batch.id.not_in(taken))
                         .order_by(Batch.created_at).limit(200)).all()
        return [_batch_info(s, b) for b in rows
                if b.expiry_date is None or b.expiry_date >= today]


# -- conflicts: one batch bound twice --------------------------------------------------

@dataclass(frozen=True)
class DoubleBinding:
    """A batch with more than one active binding: two stations bound it while apart
    (each refused it locally only if it already knew of the other binding)."""

    batch_id: str
    batch_code: str
    bindings: tuple[BindingRow, ...]
    order_nos: tuple[str, ...]


def find_double_bindings_in(session: Session, batch_ids: Sequence[str] | None = None
                            ) -> list[DoubleBinding]:
    """Batches bound more than once (optionally only among `batch_ids`), for the sync
    server to raise as conflicts after applying pushed bindings, or for a station after
    a pull. Read-only; composes into the caller's transaction."""
    counts = (select(BatchBinding.batch_id)
              .where(BatchBinding.active.is_(True))
              .group_by(BatchBinding.batch_id)
              .having(func.count(BatchBinding.id) > 1))
    if batch_ids is not None:
        if not batch_ids:
            return []
        counts = counts.where(BatchBinding.batch_id.in_(list(batch_ids)))
    doubled = list(session.scalars(counts))
    if not doubled:
        return []
    rows = session.execute(
        select(BatchBinding, Batch.code, Batch.lot, OrderLine.line_no, Product.sku, Order.order_no)
        .join(Batch, Batch.id == BatchBinding.batch_id)
        .join(OrderLine, OrderLine.id == BatchBinding.order_line_id)
        .join(Product, Product.id == OrderLine.product_id)
        .join(Order, Order.id == BatchBinding.order_id)
        .where(BatchBinding.batch_id.in_(doubled), BatchBinding.active.is_(True))
        .order_by(BatchBinding.batch_id, BatchBinding.bound_at, BatchBinding.id)).all()
    grouped: dict[str, list] = {}  # type: ignore[type-arg]
    for b, code, lot, line_no, sku, order_no in rows:
        grouped.setdefault(b.batch_id, []).append((BindingRow(
            id=b.id, batch_code=code, lot=lot, line_no=line_no, sku=sku,
            quantity=Decimal(b.quantity), bound_at=b.bound_at, bound_by=b.bound_by,
            station=b.station, active=b.active, unbind_reason=b.unbind_reason), order_no))
    return [DoubleBinding(batch_id=batch_id, batch_code=items[0][0].batch_code,
                          bindings=tuple(row for row, _ in items),
                          order_nos=tuple(order_no for _, order_no in items))
            for batch_id, items in grouped.items()]


def find_double_bindings(desk: Desk) -> list[DoubleBinding]:
    with desk.read() as s:
        return find_double_bindings_in(s)
