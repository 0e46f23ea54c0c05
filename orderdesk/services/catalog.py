"""Customers and products: create, edit, and the lookups behind type-ahead fields."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, ValidationFailed
from orderdesk.models import (
    Address,
    Contact,
    Customer,
    CustomerAlias,
    Order,
    Product,
    ProductNickname,
    StockItem,
)
from orderdesk.normalize import name_norm, phone_norm, sku_norm


@dataclass(frozen=True)
class CustomerRow:
    id: str
    code: str
    name: str
    tier: str
    payment_terms: str | None
    default_address: str | None
    contact_name: str | None
    contact_phone: str | None


@dataclass(frozen=True)
class ProductRow:
    id: str
    sku: str
    name: str
    spec: str | None
    unit: str
    product_line: str | None
    pack_size: int | None
    nicknames: tuple[str, ...] = ()


def _customer_row(session: Session, c: Customer) -> CustomerRow:
    address = session.scalar(select(Address.address).where(
        Address.customer_id == c.id, Address.active.is_(True))
        .order_by(Address.is_default.desc()).limit(1))
    contact = session.execute(select(Contact.name, Contact.phone).where(
        Contact.customer_id == c.id, Contact.active.is_(True)).limit(1)).first()
    return CustomerRow(id=c.id, code=c.code, name=c.name, tier=c.tier,
                       payment_terms=c.payment_terms, default_address=address,
                       contact_name=contact[0] if contact else None,
                       contact_phone=contact[1] if contact else None)


def upsert_customer(session: Session, code: str, name: str, *, tier: str = "B",
                    aliases: list[str] = (), contacts: list[tuple[str, str]] = (),
                    addresses: list[str] = (), payment_terms: str | None = None) -> Customer:
    """Create or update a customer inside an open write session."""
    if tier not in ("A", "B", "C"):
        raise ValidationFailed(field="tier", value=tier)
    if not code.strip() or not name.strip():
        raise ValidationFailed(field="code" if not code.strip() else "name", reason="required")
    c = session.scalars(select(Customer).where(Customer.code == code.strip())).one_or_none()
    if c is None:
        c = Customer(code=code.strip(), name=name.strip(), name_norm=name_norm(name), tier=tier,
                     payment_terms=payment_terms)
        session.add(c)
        session.flush()
    else:
        c.name, c.name_norm, c.tier = name.strip(), name_norm(name), tier
        if payment_terms:
            c.payment_terms = payment_terms
    known_alias = set(session.scalars(select(CustomerAlias.alias_norm)
                                      .where(CustomerAlias.customer_id == c.id)))
    for alias in aliases:
        norm = name_norm(alias)
        if norm and norm not in known_alias:
            session.add(CustomerAlias(customer_id=c.id, alias=alias.strip(), alias_norm=norm))
            known_alias.add(norm)
    known_phone = set(session.scalars(select(Contact.phone_norm)
                                      .where(Contact.customer_id == c.id)))
    for person, phone in contacts:
        norm = phone_norm(phone)
        if norm not in known_phone:
            session.add(Contact(customer_id=c.id, name=person, phone=phone, phone_norm=norm))
            known_phone.add(norm)
    known_addr = set(session.scalars(select(Address.address).where(Address.customer_id == c.id)))
    for i, addr in enumerate(addresses):
        if addr not in known_addr:
            session.add(Address(customer_id=c.id, address=addr, is_default=not known_addr and i == 0))
            known_addr.add(addr)
    session.flush()
    return c


def upsert_product(session: Session, sku: str, name: str, *, spec: str | None = None,
                   unit: str = "pcs", product_line: str | None = None,
                   pack_size: int | None = None, nicknames: list[str] = (),
                   is_component: bool = False, gtin: str | None = None,
                   material_grade: str | None = None) -> Product:
    if not sku.strip():
        raise ValidationFailed(field="sku", reason="required")
    norm = sku_norm(sku)
    p = session.scalars(select(Product).where(Product.sku_norm == norm)).one_or_none()
    if p is None:
        p = Product(sku=sku.strip(), sku_norm=norm, name=name, spec=spec, unit=unit,
                    product_line=product_line, pack_size=pack_size, is_component=is_component,
                    gtin=gtin, material_grade=material_grade)
        session.add(p)
        session.flush()
    else:
        p.name, p.spec, p.unit = name, spec, unit
        p.product_line, p.pack_size, p.is_component = product_line, pack_size, is_component
        if gtin:
            p.gtin = gtin
        if material_grade:
            p.material_grade = material_grade
    known = set(session.scalars(select(ProductNickname.nickname)
                                .where(ProductNickname.product_id == p.id)))
    for nick in nicknames:
        if nick and nick not in known:
            session.add(ProductNickname(product_id=p.id, nickname=nick))
            known.add(nick)
    session.flush()
    return p


def save_customer(desk: Desk, code: str, name: str, **kwargs: object) -> CustomerRow:
    desk.require("catalog.write")
    with desk.write() as s:
        c = upsert_customer(s, code, name, **kwargs)  # type: ignore[arg-type]
        return _customer_row(s, c)


def save_product(desk: Desk, sku: str, name: str, **kwargs: object) -> ProductRow:
    desk.require("catalog.write")
    with desk.write() as s:
        p = upsert_product(s, sku, name, **kwargs)  # type: ignore[arg-type]
        return ProductRow(id=p.id, sku=p.sku, name=p.name, spec=p.spec, unit=p.unit,
                          product_line=p.product_line, pack_size=p.pack_size)


def set_stock(desk: Desk, sku: str, on_hand: Decimal | int | str) -> Changes:
    desk.require("stock.write")
    with desk.write() as s:
        p = s.scalars(select(Product).where(Product.sku_norm == sku_norm(sku))).one_or_none()
        if p is None:
            raise NotFound(entity="product", key=sku)
        item = s.scalars(select(StockItem).where(StockItem.product_id == p.id)).one_or_none()
        value = Decimal(str(on_hand))
        if item is None:
            s.add(StockItem(product_id=p.id, on_hand=value))
        else:
            item.on_hand = value
    return Changes(stock=True)


def get_customer(desk: Desk, customer_id: str) -> CustomerRow:
    with desk.read() as s:
        c = s.get(Customer, customer_id)
        if c is None:
            raise NotFound(entity="customer", key=customer_id)
        return _customer_row(s, c)


def complete_customers(desk: Desk, text: str, limit: int = 12) -> list[CustomerRow]:
    """Customers for a type-ahead: by code, name, alias or a contact's phone."""
    text = text.strip()
    if not text:
        return []
    norm, digits = name_norm(text), phone_norm(text)
    with desk.read() as s:
        conds = [Customer.code.ilike(f"{text}%"), Customer.name_norm.like(f"%{norm}%"),
                 Customer.id.in_(select(CustomerAlias.customer_id)
                                 .where(CustomerAlias.alias_norm.like(f"%{norm}%")))]
        if len(digits) >= 4:
            conds.append(Customer.id.in_(select(Contact.customer_id)
                                         .where(Contact.phone_norm.like(f"%{digits}%"))))
        rows = s.scalars(select(Customer).where(Customer.active.is_(True), or_(*conds))
                         .order_by(Customer.code).limit(limit))
        return [_customer_row(s, c) for c in rows]


def complete_products(desk: Desk, text: str, limit: int = 12) -> list[ProductRow]:
    """Sellable products for a type-ahead: by SKU written any way, name or nickname."""
    text = text.strip()
    if not text:
        return []
    norm = sku_norm(text)
    with desk.read() as s:
        rows = s.scalars(select(Product).where(
            Product.active.is_(True), Product.is_component.is_(False),
            or_(Product.sku_norm.like(f"{norm}%"), Product.name.like(f"%{text}%"),
                Product.id.in_(select(ProductNickname.product_id)
                               .where(ProductNickname.nickname.like(f"%{text}%")))))
            .order_by(Product.sku).limit(limit))
        return [ProductRow(id=p.id, sku=p.sku, name=p.name, spec=p.spec, unit=p.unit,
                           product_line=p.product_line, pack_size=p.pack_size) for p in rows]


def last_order_defaults(desk: Desk, customer_id: str) -> dict[str, str | None]:
    """Address, contact and terms of the customer's latest order, to pre-fill a new one."""
    with desk.read() as s:
        order = s.scalars(select(Order).where(Order.customer_id == customer_id)
                          .order_by(Order.order_time.desc()).limit(1)).first()
        if order is None:
            c = s.get(Customer, customer_id)
            row = _customer_row(s, c) if c else None
            return {"delivery_address": row.default_address if row else None,
                    "contact_name": row.contact_name if row else None,
                    "contact_phone": row.contact_phone if row else None,
                    "payment_terms": row.payment_terms if row else None}
        return {"delivery_address": order.delivery_address, "contact_name": order.contact_name,
                "contact_phone": order.contact_phone, "payment_terms": order.payment_terms}


def count_customers(desk: Desk) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count(Customer.id))) or 0
