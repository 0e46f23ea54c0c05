"""Customers, products, bills of materials, stock and incoming receipts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from orderdesk.models.base import Base, IdMixin, StampMixin

TIERS = ("A", "B", "C")


class Customer(IdMixin, StampMixin, Base):
    __tablename__ = "customers"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    # Lower-cased, punctuation-free form of the name, for matching and lookups.
    name_norm: Mapped[str] = mapped_column(String(200), index=True, default="")
    tier: Mapped[str] = mapped_column(String(1), default="B")
    payment_terms: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    aliases: Mapped[list[CustomerAlias]] = relationship(back_populates="customer")
    contacts: Mapped[list[Contact]] = relationship(back_populates="customer")
    addresses: Mapped[list[Address]] = relationship(back_populates="customer")


class CustomerAlias(IdMixin, Base):
    __tablename__ = "customer_aliases"
    __table_args__ = (UniqueConstraint("customer_id", "alias_norm"),)

    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    alias: Mapped[str] = mapped_column(String(200))
    alias_norm: Mapped[str] = mapped_column(String(200), index=True)
    customer: Mapped[Customer] = relationship(back_populates="aliases")


class Contact(IdMixin, Base):
    __tablename__ = "contacts"

    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    # Digits only, country code stripped: what scanners, Excel and chat all reduce to.
    phone_norm: Mapped[str | None] = mapped_column(String(20), index=True)
    wechat: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    customer: Mapped[Customer] = relationship(back_populates="contacts")


class Address(IdMixin, Base):
    __tablename__ = "addresses"

    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    address: Mapped[str] = mapped_column(String(400))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    customer: Mapped[Customer] = relationship(back_populates="addresses")


class Product(IdMixin, StampMixin, Base):
    __tablename__ = "products"

    sku: Mapped[str] = mapped_column(String(60), unique=True)
    # Upper-case, no spaces/hyphens, half-width: how a SKU typed any way is compared.
    sku_norm: Mapped[str] = mapped_column(String(60), index=True)
    name: Mapped[str] = mapped_column(String(200))
    spec: Mapped[str | None] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(20), default="pcs")
    product_line: Mapped[str | None] = mapped_column(String(60), index=True)
    pack_size: Mapped[int | None] = mapped_column()
    gtin: Mapped[str | None] = mapped_column(String(14), index=True)
    # Finished goods are sold; components only appear inside BOMs.
    is_component: Mapped[bool] = mapped_column(Boolean, default=False)
    material_grade: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    nicknames: Mapped[list[ProductNickname]] = relationship(back_populates="product")


class ProductNickname(IdMixin, Base):
    __tablename__ = "product_nicknames"
    __table_args__ = (UniqueConstraint("product_id", "nickname"),)

    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    nickname: Mapped[str] = mapped_column(String(100), index=True)
    product: Mapped[Product] = relationship(back_populates="nicknames")


class BomLine(IdMixin, Base):
    """One component of a parent product; levels come from components having BOMs too."""

    __tablename__ = "bom_lines"
    __table_args__ = (UniqueConstraint("parent_id", "component_id"),)

    parent_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    component_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    qty_per: Mapped[Decimal]
    # Fraction lost in production, e.g. 0.02 means 2% extra is issued.
    scrap_rate: Mapped[Decimal] = mapped_column(default=Decimal(0))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class StockItem(IdMixin, StampMixin, Base):
    __tablename__ = "stock"

    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), unique=True)
    on_hand: Mapped[Decimal] = mapped_column(default=Decimal(0))
    # Reserved for orders outside orderdesk's own netting (e.g. samples, other plants).
    allocated: Mapped[Decimal] = mapped_column(default=Decimal(0))
    location: Mapped[str | None] = mapped_column(String(60))


class Receipt(IdMixin, StampMixin, Base):
    """Incoming quantity of a product on a date: a purchase order or production output."""

    __tablename__ = "receipts"
    __table_args__ = (Index("ix_receipts_product_due", "product_id", "due_date"),)

    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"))
    quantity: Mapped[Decimal]
    due_date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20), default="purchase")
    reference: Mapped[str | None] = mapped_column(String(60))
    received: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
