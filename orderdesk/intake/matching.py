"""Catalog lookups for an import, loaded once: customers by code, phone, name or alias;
products by SKU written any way or by nickname.

An import of 50,000 rows must not run 50,000 queries, so the catalog is read into
dictionaries at the start, inside the import's own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk.models import Contact, Customer, CustomerAlias, Product, ProductNickname
from orderdesk.normalize import company_core, name_norm, phone_norm, sku_norm


@dataclass(frozen=True)
class ProductInfo:
    id: str
    sku: str
    name: str
    spec: str | None
    unit: str
    pack_size: int | None
    is_component: bool


@dataclass(frozen=True)
class CustomerInfo:
    id: str
    code: str
    name: str


@dataclass
class Catalog:
    customers: dict[str, CustomerInfo] = field(default_factory=dict)         # id → info
    by_code: dict[str, str] = field(default_factory=dict)                    # code (upper) → id
    by_phone: dict[str, str] = field(default_factory=dict)                   # phone digits → id
    by_name: dict[str, str] = field(default_factory=dict)                    # name/alias norm → id
    by_core: dict[str, set[str]] = field(default_factory=dict)               # company core → ids
    products: dict[str, ProductInfo] = field(default_factory=dict)           # sku_norm → info
    nicknames: dict[str, set[str]] = field(default_factory=dict)             # nickname norm → sku_norms

    @classmethod
    def load(cls, session: Session) -> Catalog:
        cat = cls()
        for c in session.execute(select(Customer.id, Customer.code, Customer.name,
                                        Customer.name_norm).where(Customer.active.is_(True))):
            cat.add_customer(CustomerInfo(c.id, c.code, c.name))
        for a in session.execute(select(CustomerAlias.customer_id, CustomerAlias.alias_norm)):
            if a.customer_id in cat.customers:
                cat.by_name.setdefault(a.alias_norm, a.customer_id)
        for p in session.execute(select(Contact.customer_id, Contact.phone_norm)
                                 .where(Contact.active.is_(True))):
            if p.phone_norm and p.customer_id in cat.customers:
                cat.by_phone.setdefault(p.phone_norm, p.customer_id)
        for p in session.execute(select(Product.id, Product.sku, Product.sku_norm, Product.name,
                                        Product.spec, Product.unit, Product.pack_size,
                                        Product.is_component).where(Product.active.is_(True))):
            cat.products[p.sku_norm] = ProductInfo(p.id, p.sku, p.name, p.spec, p.unit,
                                                   p.pack_size, p.is_component)
        ids = {info.id: norm for norm, info in cat.products.items()}
        for n in session.execute(select(ProductNickname.product_id, ProductNickname.nickname)):
            if n.product_id in ids:
                cat.nicknames.setdefault(name_norm(n.nickname), set()).add(ids[n.product_id])
        return cat

    def add_customer(self, info: CustomerInfo, phone: str | None = None) -> None:
        self.customers[info.id] = info
        self.by_code[info.code.strip().upper()] = info.id
        self.by_name.setdefault(name_norm(info.name), info.id)
        self.by_core.setdefault(company_core(info.name), set()).add(info.id)
        if phone:
            self.by_phone.setdefault(phone_norm(phone), info.id)

    def match_customer(self, code: str | None = None, phone: str | None = None,
                       name: str | None = None) -> tuple[str | None, str]:
        """(customer id, how) by code, else phone, else name or alias; (None, '') if unknown."""
        if code and code.strip().upper() in self.by_code:
            return self.by_code[code.strip().upper()], "code"
        digits = phone_norm(phone) if phone else ""
        if digits and digits in self.by_phone:
            return self.by_phone[digits], "phone"
        if name:
            norm = name_norm(name)
            if norm in self.by_name:
                return self.by_name[norm], "name"
            ids = self.by_core.get(company_core(name), set())
            if len(ids) == 1:
                return next(iter(ids)), "name"
        return None, ""

    def candidates(self, name: str | None, limit: int = 5) -> list[CustomerInfo]:
        """Existing customers whose name resembles an unknown one, for 'pick existing'."""
        if not name:
            return []
        from rapidfuzz import fuzz, process

        choices = {cid: name_norm(info.name) for cid, info in self.customers.items()}
        hits = process.extract(name_norm(name), choices, scorer=fuzz.partial_ratio, limit=limit,
                               score_cutoff=60)
        return [self.customers[cid] for _, _, cid in hits]

    def product(self, sku: str) -> ProductInfo | None:
        norm = sku_norm(sku)
        info = self.products.get(norm)
        if info is None:
            skus = self.nicknames.get(name_norm(sku), set())
            if len(skus) == 1:
                info = self.products.get(next(iter(skus)))
        return info
