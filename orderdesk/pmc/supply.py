"""Editing what the kit check nets: BOM lines, stock on hand / allocated, receipts.

Every function is one tracked transaction (audit + outbox from the flush hook) and
returns the `Changes` the screens refresh on: BOM edits are `catalog`, stock and
receipts are `stock` (which the kit check applies incrementally). Nothing is deleted:
a BOM line is deactivated and comes back when set again; a receipt is received (its
quantity goes to stock) or has its quantity set to zero with a note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, ValidationFailed
from orderdesk.models import BomLine, Product, Receipt, StockItem
from orderdesk.normalize import sku_norm
from orderdesk.pmc.kitting import BomCycle
from orderdesk.services.orders import to_decimal

RECEIPT_KINDS = ("purchase", "production")


@dataclass(frozen=True)
class BomLineRow:
    id: str
    parent_sku: str
    component_id: str
    component_sku: str
    component_name: str
    unit: str
    qty_per: Decimal
    scrap_rate: Decimal
    has_bom: bool           # the component is made from a BOM of its own
    active: bool


@dataclass(frozen=True)
class StockRow:
    product_id: str
    sku: str
    name: str
    unit: str
    is_component: bool
    on_hand: Decimal
    allocated: Decimal
    location: str | None
    incoming: Decimal


@dataclass(frozen=True)
class ReceiptRow:
    id: str
    product_id: str
    sku: str
    name: str
    quantity: Decimal
    due_date: dt.date
    kind: str
    reference: str | None
    received: bool
    note: str | None


def _product(s: Session, sku: str) -> Product:
    p = s.scalars(select(Product).where(Product.sku_norm == sku_norm(sku))).one_or_none()
    if p is None:
        raise NotFound(entity="product", key=sku)
    return p


def _quantity(value: object, field: str, *, allow_zero: bool = False) -> Decimal:
    q = to_decimal(value, field_name=field)
    if q < 0 or (q == 0 and not allow_zero):
        raise ValidationFailed(field=field, value=value, reason="not_positive")
    return q


# ---- BOM -----------------------------------------------------------------------------
def list_bom(desk: Desk, parent_sku: str, *, include_inactive: bool = False) -> list[BomLineRow]:
    """Direct components of a product (one level; components with has_bom go deeper)."""
    with desk.read() as s:
        parent = _product(s, parent_sku)
        q = (select(BomLine, Product).join(Product, Product.id == BomLine.component_id)
             .where(BomLine.parent_id == parent.id).order_by(Product.sku))
        if not include_inactive:
            q = q.where(BomLine.active.is_(True))
        rows = s.execute(q).all()
        made = set(s.scalars(select(BomLine.parent_id).where(
            BomLine.active.is_(True), BomLine.parent_id.in_([p.id for _, p in rows]))))
        return [BomLineRow(id=b.id, parent_sku=parent.sku, component_id=p.id,
                           component_sku=p.sku, component_name=p.name, unit=p.unit,
                           qty_per=b.qty_per, scrap_rate=b.scrap_rate, has_bom=p.id in made,
                           active=b.active) for b, p in rows]


def _check_no_loop(s: Session, parent: Product, component: Product) -> None:
    """Refuse a line that would make `parent` one of its own components."""
    children: dict[str, list[str]] = {}
    for p, c in s.execute(select(BomLine.parent_id, BomLine.component_id)
                          .where(BomLine.active.is_(True))):
        children.setdefault(p, []).append(c)
    # Depth-first from the new component looking for the parent, remembering the path.
    stack = [(component.id, [component.id])]
    seen = set()
    while stack:
        node, path = stack.pop()
        if node == parent.id:
            ids = [parent.id] + path
            skus = dict(s.execute(select(Product.id, Product.sku).where(Product.id.in_(ids))).all())
            raise BomCycle(path=[skus.get(i, i) for i in ids])
        if node in seen:
            continue
        seen.add(node)
        for c in children.get(node, ()):
            stack.append((c, path + [c]))


def set_bom_line(desk: Desk, parent_sku: str, component_sku: str, *, qty_per: object,
                 scrap_rate: object = 0) -> Changes:
    """Add or change (and reactivate) one BOM line; a loop in the BOMs is refused."""
    desk.require("catalog.write")
    qty = _quantity(qty_per, "qty_per")
    scrap = to_decimal(scrap_rate if scrap_rate not in (None, "") else 0, field_name="scrap_rate")
    if scrap < 0 or scrap >= 1:
        raise ValidationFailed(field="scrap_rate", value=scrap_rate, reason="out_of_range")
    with desk.write() as s:
        parent, comp = _product(s, parent_sku), _product(s, component_sku)
        if parent.id == comp.id:
            raise ValidationFailed(field="component", value=component_sku, reason="self")
        line = s.scalars(select(BomLine).where(BomLine.parent_id == parent.id,
                                               BomLine.component_id == comp.id)).one_or_none()
        if line is None or not line.active:
            _check_no_loop(s, parent, comp)
        if line is None:
            s.add(BomLine(parent_id=parent.id, component_id=comp.id, qty_per=qty,
                          scrap_rate=scrap))
        else:
            line.qty_per, line.scrap_rate, line.active = qty, scrap, True
    return Changes(catalog=True)


def deactivate_bom_line(desk: Desk, line_id: str) -> Changes:
    """Take a line out of the BOM; the row stays (audited) and set_bom_line restores it."""
    desk.require("catalog.write")
    with desk.write() as s:
        line = s.get(BomLine, line_id)
        if line is None:
            raise NotFound(entity="bom_line", key=line_id)
        line.active = False
    return Changes(catalog=True)


# ---- stock -----------------------------------------------------------------------------
def list_stock(desk: Desk, text: str = "", *, components_only: bool = True,
               limit: int = 500) -> list[StockRow]:
    """Stock rows (products without a stock row show zero), by SKU."""
    with desk.read() as s:
        q = select(Product, StockItem).outerjoin(StockItem, StockItem.product_id == Product.id)
        if components_only:
            q = q.where(Product.is_component.is_(True))
        if text.strip():
            norm = sku_norm(text)
            q = q.where((Product.sku_norm.like(f"%{norm}%")) | Product.name.like(f"%{text.strip()}%"))
        rows = s.execute(q.where(Product.active.is_(True)).order_by(Product.sku).limit(limit)).all()
        incoming: dict[str, Decimal] = {}
        for pid, qty in s.execute(select(Receipt.product_id, Receipt.quantity).where(
                Receipt.received.is_(False), Receipt.product_id.in_([p.id for p, _ in rows]))):
            incoming[pid] = incoming.get(pid, Decimal(0)) + qty
        return [StockRow(product_id=p.id, sku=p.sku, name=p.name, unit=p.unit,
                         is_component=p.is_component,
                         on_hand=st.on_hand if st else Decimal(0),
                         allocated=st.allocated if st else Decimal(0),
                         location=st.location if st else None,
                         incoming=incoming.get(p.id, Decimal(0))) for p, st in rows]


def set_stock(desk: Desk, sku: str, *, on_hand: object = None, allocated: object = None,
              location: str | None = None) -> Changes:
    """Correct a product's on-hand and/or allocated quantity (a stock count)."""
    desk.require("stock.write")
    values = {}
    if on_hand not in (None, ""):
        values["on_hand"] = _quantity(on_hand, "on_hand", allow_zero=True)
    if allocated not in (None, ""):
        values["allocated"] = _quantity(allocated, "allocated", allow_zero=True)
    with desk.write() as s:
        p = _product(s, sku)
        item = s.scalars(select(StockItem).where(StockItem.product_id == p.id)).one_or_none()
        if item is None:
            item = StockItem(product_id=p.id, on_hand=Decimal(0), allocated=Decimal(0))
            s.add(item)
        for key, value in values.items():
            setattr(item, key, value)
        if location is not None:
            item.location = location.strip() or None
    return Changes(stock=True)


# ---- receipts --------------------------------------------------------------------------
def list_receipts(desk: Desk, sku: str | None = None, *,
                  include_received: bool = False) -> list[ReceiptRow]:
    with desk.read() as s:
        q = select(Receipt, Product).join(Product, Product.id == Receipt.product_id)
        if sku:
            q = q.where(Receipt.product_id == _product(s, sku).id)
        if not include_received:
            q = q.where(Receipt.received.is_(False))
        return [ReceiptRow(id=r.id, product_id=p.id, sku=p.sku, name=p.name,
                           quantity=r.quantity, due_date=r.due_date, kind=r.kind,
                           reference=r.reference, received=r.received, note=r.note)
                for r, p in s.execute(q.order_by(Receipt.due_date, Product.sku))]


def add_receipt(desk: Desk, sku: str, quantity: object, due_date: dt.date, *,
                kind: str = "purchase", reference: str | None = None,
                note: str | None = None) -> Changes:
    """Book an incoming purchase order or production output for a date."""
    desk.require("stock.write")
    qty = _quantity(quantity, "quantity")
    if kind not in RECEIPT_KINDS:
        raise ValidationFailed(field="kind", value=kind)
    if not isinstance(due_date, dt.date):
        raise ValidationFailed(field="due_date", value=due_date, reason="not_a_date")
    with desk.write() as s:
        p = _product(s, sku)
        s.add(Receipt(product_id=p.id, quantity=qty, due_date=due_date, kind=kind,
                      reference=(reference or "").strip() or None, note=note))
    return Changes(stock=True)


def update_receipt(desk: Desk, receipt_id: str, *, quantity: object = None,
                   due_date: dt.date | None = None, reference: str | None = None,
                   note: str | None = None) -> Changes:
    """Change an open receipt (a supplier moved the date, a partial delivery...)."""
    desk.require("stock.write")
    qty = _quantity(quantity, "quantity", allow_zero=True) if quantity not in (None, "") else None
    with desk.write() as s:
        r = s.get(Receipt, receipt_id)
        if r is None:
            raise NotFound(entity="receipt", key=receipt_id)
        if r.received:
            raise ValidationFailed(field="receipt", value=r.reference or receipt_id,
                                   reason="already_received")
        if qty is not None:
            r.quantity = qty
        if due_date is not None:
            r.due_date = due_date
        if reference is not None:
            r.reference = reference.strip() or None
        if note is not None:
            r.note = note
    return Changes(stock=True)


def receive(desk: Desk, receipt_id: str) -> Changes:
    """The goods arrived: the receipt is closed and its quantity added to on hand."""
    desk.require("stock.write")
    with desk.write() as s:
        r = s.get(Receipt, receipt_id)
        if r is None:
            raise NotFound(entity="receipt", key=receipt_id)
        if r.received:
            raise ValidationFailed(field="receipt", value=r.reference or receipt_id,
                                   reason="already_received")
        item = s.scalars(select(StockItem).where(StockItem.product_id == r.product_id)
                         ).one_or_none()
        if item is None:
            item = StockItem(product_id=r.product_id, on_hand=Decimal(0), allocated=Decimal(0))
            s.add(item)
        item.on_hand = (item.on_hand or Decimal(0)) + r.quantity
        r.received = True
    return Changes(stock=True)
