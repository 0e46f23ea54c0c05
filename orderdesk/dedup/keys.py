"""The duplicate lookup index (table dedup_keys) and how customers are recognised.

Every active order gets one row per (customer key, SKU): customer keys are
``c:<customer id>`` for each catalog customer the order resolves to (by code, by the
phone of one of its contacts, or by its name/alias), ``p:<phone digits>`` for the order's
contact phone, and ``n:<name core>`` for a buyer name no catalog customer carries. An
order typed with a customer code and the same order pulled from a marketplace (buyer
phone and name only) therefore share at least one key.

The index is kept by a session hook: whatever writes an order (a service, an import, a
sync apply) marks it, and just before the transaction commits its rows are rebuilt in
bulk. Nothing here imports Qt or HTTP.
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Column, MetaData, String, Table, delete, func, inspect, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from orderdesk.models import (
    Address,
    Contact,
    Customer,
    CustomerAlias,
    DedupKey,
    Order,
    OrderLine,
    Product,
    ProductNickname,
)
from orderdesk.normalize import address_norm, company_core, name_norm, phone_norm, sku_norm

CHUNK = 500
# A name this close (0..100) to exactly one catalog name or alias counts as that customer.
FUZZY_NAME_CUTOFF = 90
MIN_PHONE_DIGITS = 7


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


# -- the catalog as the matcher sees it ---------------------------------------------------

@dataclass
class CatalogIndex:
    """Customers by code, phone and name/alias core, held in memory for fast resolution."""

    by_code: dict[str, str] = field(default_factory=dict)
    by_phone: dict[str, set[str]] = field(default_factory=dict)
    by_core: dict[str, set[str]] = field(default_factory=dict)
    cores_of: dict[str, set[str]] = field(default_factory=dict)
    phones_of: dict[str, set[str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    # Normalised delivery address -> customers with that address in the catalog.
    by_address: dict[str, set[str]] = field(default_factory=dict)
    sku_norms: set[str] = field(default_factory=set)
    nicknames: dict[str, str] = field(default_factory=dict)
    _choices: list[str] = field(default_factory=list)
    _memo: dict[tuple[Any, ...], dict[str, str]] = field(default_factory=dict)

    def resolve(self, *, customer_id: str | None = None, text: str | None = None,
                phone: str | None = None, name: str | None = None,
                address: str | None = None) -> dict[str, str]:
        """Catalog customers this order belongs to, each with how it was recognised.

        Methods: 'code' (customer id or code given), 'phone' (a contact's phone),
        'name' (company name or alias, exactly or nearly), 'address' (a delivery address
        only one catalog customer has). A customer id wins; text, names and addresses
        are only looked at when nothing firmer is known. Answers are remembered for the
        life of this index (the catalog it was built from).
        """
        memo_key = (customer_id, text, phone, name, address)
        known = self._memo.get(memo_key)
        if known is None:
            known = self._resolve(customer_id, text, phone, name, address)
            if len(self._memo) < 200_000:
                self._memo[memo_key] = known
        return dict(known)

    def _resolve(self, customer_id: str | None, text: str | None, phone: str | None,
                 name: str | None, address: str | None = None) -> dict[str, str]:
        found: dict[str, str] = {}
        if customer_id:
            found[customer_id] = "code"
        if text and not found:
            cid = self.by_code.get(text.strip().upper())
            if cid:
                found[cid] = "code"
        digits = phone_norm(phone)
        if len(digits) >= MIN_PHONE_DIGITS:
            for cid in self.by_phone.get(digits, ()):
                found.setdefault(cid, "phone")
        if not found:
            for candidate in (text, name):
                for cid in self.by_name(candidate):
                    found.setdefault(cid, "name")
        if not found and address:
            # A contact typed without phone or code: the plant address still says whose
            # order it is, when exactly one customer delivers there.
            owners = self.by_address.get(address_norm(address), set())
            if len(owners) == 1:
                found[next(iter(owners))] = "address"
        return found

    def by_name(self, text: str | None) -> set[str]:
        core = company_core(text)
        if len(core) < 2:
            return set()
        exact = self.by_core.get(core) or self.by_core.get(name_norm(text))
        if exact:
            return set(exact)
        if len(core) < 4 or not self._choices:
            return set()
        best = process.extract(core, self._choices, scorer=fuzz.ratio,
                               score_cutoff=FUZZY_NAME_CUTOFF, limit=2)
        # Only an unambiguous near-match counts: two close names mean we cannot tell.
        ids = set().union(*(self.by_core[choice] for choice, _score, _i in best)) if best else set()
        return ids if len(ids) == 1 else set()


_cache_lock = threading.Lock()
# url -> (signature, checked at (monotonic), index)
_cache: dict[str, tuple[tuple[Any, ...], float, CatalogIndex]] = {}
# Between two keystrokes the catalog is not checked again: a customer saved in the last
# second may be missed by one lookup, never by an import (imports always check).
RECHECK_SECONDS = 1.0
_SIGNATURE = select(
    select(func.count(Customer.id)).scalar_subquery(),
    select(func.max(Customer.updated_at)).scalar_subquery(),
    select(func.count(CustomerAlias.id)).scalar_subquery(),
    select(func.count(Contact.id)).scalar_subquery(),
    select(func.count(Product.id)).scalar_subquery(),
    select(func.max(Product.updated_at)).scalar_subquery(),
    select(func.count(ProductNickname.id)).scalar_subquery(),
    select(func.count(Address.id)).scalar_subquery(),
)


def catalog_index(session: Session, *, recheck: float = 0.0) -> CatalogIndex:
    """The catalog index of this database, rebuilt only when the catalog changed."""
    url = str(session.get_bind().engine.url)
    now = time.monotonic()
    with _cache_lock:
        cached = _cache.get(url)
    if cached and recheck and now - cached[1] < recheck:
        return cached[2]
    conn = session.connection()
    signature = tuple(conn.execute(_SIGNATURE).one())
    if cached and cached[0] == signature:
        with _cache_lock:
            _cache[url] = (signature, now, cached[2])
        return cached[2]
    index = _build_index(session)
    with _cache_lock:
        _cache[url] = (signature, now, index)
    return index


def _build_index(session: Session) -> CatalogIndex:
    index = CatalogIndex()
    for cid, code, name in session.execute(
            select(Customer.id, Customer.code, Customer.name).where(Customer.active.is_(True))):
        index.by_code[code.strip().upper()] = cid
        index.names[cid] = name
        for core in {company_core(name), name_norm(name)}:
            if len(core) >= 2:
                index.by_core.setdefault(core, set()).add(cid)
                index.cores_of.setdefault(cid, set()).add(core)
    for cid, alias in session.execute(select(CustomerAlias.customer_id, CustomerAlias.alias)):
        if cid not in index.names:
            continue
        core = company_core(alias)
        if len(core) >= 2:
            index.by_core.setdefault(core, set()).add(cid)
            index.cores_of.setdefault(cid, set()).add(core)
    for cid, phone in session.execute(
            select(Contact.customer_id, Contact.phone_norm).where(Contact.active.is_(True))):
        if cid in index.names and phone and len(phone) >= MIN_PHONE_DIGITS:
            index.by_phone.setdefault(phone, set()).add(cid)
            index.phones_of.setdefault(cid, set()).add(phone)
    for cid, text in session.execute(
            select(Address.customer_id, Address.address).where(Address.active.is_(True))):
        norm = address_norm(text)
        if cid in index.names and len(norm) >= 6:
            index.by_address.setdefault(norm, set()).add(cid)
    index._choices = list(index.by_core)
    index.sku_norms = set(session.scalars(select(Product.sku_norm)))
    index.nicknames = {n.strip(): norm for n, norm in session.execute(
        select(ProductNickname.nickname, Product.sku_norm)
        .join(Product, Product.id == ProductNickname.product_id))}
    return index


def order_keys(index: CatalogIndex, *, customer_id: str | None, phone: str | None,
               name: str | None, text: str | None = None,
               address: str | None = None) -> set[str]:
    """The customer keys an order is stored under."""
    resolved = index.resolve(customer_id=customer_id, text=text, phone=phone, name=name,
                             address=address)
    keys = {f"c:{cid}" for cid in resolved}
    digits = phone_norm(phone)
    if len(digits) >= MIN_PHONE_DIGITS:
        keys.add(f"p:{digits}")
    if not resolved:
        core = company_core(name or text)
        if len(core) >= 2:
            keys.add(f"n:{core}")
    return keys


def lookup_keys(index: CatalogIndex, *, customer_id: str | None, phone: str | None,
                name: str | None, text: str | None = None,
                address: str | None = None) -> set[str]:
    """The keys to search under: the stored keys plus every other way the same customer
    may have been written on an order that was stored before the catalog knew it."""
    keys = order_keys(index, customer_id=customer_id, phone=phone, name=name, text=text,
                      address=address)
    for cid in index.resolve(customer_id=customer_id, text=text, phone=phone, name=name,
                             address=address):
        keys.update(f"n:{core}" for core in index.cores_of.get(cid, ()))
        keys.update(f"p:{p}" for p in index.phones_of.get(cid, ()))
    return keys


def product_sku_norms(session: Session, skus: Iterable[str | None],
                      index: CatalogIndex | None = None) -> dict[str, str]:
    """Typed SKU or nickname -> the catalog product's normalised SKU (itself if unknown)."""
    index = index or catalog_index(session)
    out: dict[str, str] = {}
    for typed in skus:
        norm = sku_norm(typed)
        if not typed or not norm:
            continue
        out[typed] = norm if norm in index.sku_norms else index.nicknames.get(typed.strip(), norm)
    return out


# -- fast inserts -------------------------------------------------------------------------

def db_time(conn: Connection, value: dt.datetime) -> Any:
    """A datetime as the driver should receive it for a raw insert: on SQLite the text
    form SQLAlchemy itself stores (index range comparisons rely on one form)."""
    if conn.dialect.name == "sqlite":
        return value.isoformat(" ", "microseconds")
    return value


def bulk_insert(conn: Connection, table: str, columns: Sequence[str],
                rows: Sequence[tuple[Any, ...]]) -> None:
    """executemany straight through the driver: the index and probe tables take tens of
    thousands of rows per import, where SQLAlchemy's per-value processing would dominate.
    Only for untracked tables (no audit, no outbox); datetimes pre-converted by db_time."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
           f"VALUES ({', '.join([mark] * len(columns))})")
    for part in chunks(rows, 10000):
        conn.exec_driver_sql(sql, list(part))


_KEY_COLUMNS = ("order_id", "customer_key", "sku_norm", "order_time")
_id_tables = itertools.count(1)


class IdSet:
    """Order ids one statement is restricted to: a literal IN list when there are few
    (the popup), else a temporary table filled once through the driver and used as
    ``IN (SELECT ...)`` — a 50,000-order import then costs one statement per step, not
    a hundred statements with 500 bound parameters each."""

    def __init__(self, conn: Connection, ids: Iterable[str]) -> None:
        self.conn = conn
        self.ids = list(dict.fromkeys(i for i in ids if i))
        self.table: Table | None = None
        if len(self.ids) > CHUNK:
            self.table = Table(f"dedup_ids_{next(_id_tables)}", MetaData(),
                               Column("order_id", String(36), primary_key=True),
                               prefixes=["TEMPORARY"])
            self.table.create(conn)
            bulk_insert(conn, self.table.name, ("order_id",), [(i,) for i in self.ids])

    def clause(self, column: Any) -> Any:
        if self.table is None:
            return column.in_(self.ids)
        return column.in_(select(self.table.c.order_id))

    def __bool__(self) -> bool:
        return bool(self.ids)

    def __enter__(self) -> IdSet:
        return self

    def __exit__(self, *_exc: Any) -> None:
        if self.table is not None:
            self.table.drop(self.conn)
            self.table = None


# -- building rows ------------------------------------------------------------------------

def rows_for_orders(conn: Connection, index: CatalogIndex,
                    order_ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """dedup_keys rows (order_id, customer_key, sku_norm, order_time for the driver) for
    these orders (active, not merged away, lines not cancelled)."""
    rows: list[tuple[Any, ...]] = []
    with IdSet(conn, order_ids) as ids:
        if not ids:
            return rows
        orders = conn.execute(
            select(Order.id, Order.customer_id, Order.contact_phone, Order.contact_name,
                   Order.order_time, Order.delivery_address)
            .where(ids.clause(Order.id), Order.cancelled.is_(False),
                   Order.merged_into_id.is_(None))).all()
        skus: dict[str, set[str]] = {}
        for oid, norm in conn.execute(
                select(OrderLine.order_id, Product.sku_norm)
                .join(Product, Product.id == OrderLine.product_id)
                .where(ids.clause(OrderLine.order_id),
                       OrderLine.cancelled.is_(False))).all():
            skus.setdefault(oid, set()).add(norm)
        for o in orders:
            keys = order_keys(index, customer_id=o.customer_id, phone=o.contact_phone,
                              name=o.contact_name, address=o.delivery_address)
            when = db_time(conn, o.order_time)
            for norm in skus.get(o.id, ()):
                rows.extend((o.id, key, norm, when) for key in keys)
    return rows


def refresh(session: Session, order_ids: Iterable[str]) -> int:
    """Rebuild the index rows of these orders inside the session's transaction."""
    ids = sorted(set(order_ids))
    if not ids:
        return 0
    conn = session.connection()
    index = catalog_index(session)
    written = session.info.get(WRITTEN)
    if written:
        for i in ids:
            written.pop(i, None)
    with IdSet(conn, ids) as idset:
        conn.execute(delete(DedupKey.__table__).where(idset.clause(DedupKey.order_id)))
    rows = rows_for_orders(conn, index, ids)
    bulk_insert(conn, "dedup_keys", _KEY_COLUMNS, rows)
    return len(rows)


#: session.info key: ids of orders a bulk writer indexed itself (index_inserted), which
#: the duplicate check need not rebuild from the database.
INDEXED = "dedup_indexed"
#: session.info key: order id → the (customer key, sku_norm, order time) index rows a
#: bulk writer inserted for it in this transaction, so the duplicate check that follows
#: need not read them back (dropped for an order whose rows are rebuilt).
WRITTEN = "dedup_written"


def written_keys(session: Session, order_ids: Iterable[str]) -> tuple[
        list[tuple[str, str, str, dt.datetime]], list[str]]:
    """(index rows of these orders as a bulk writer wrote them in this transaction, the
    ids of the orders it did not write: their rows are in the table)."""
    written = session.info.get(WRITTEN) or {}
    rows: list[tuple[str, str, str, dt.datetime]] = []
    others: list[str] = []
    for oid in order_ids:
        mine = written.get(oid)
        if mine is None:
            others.append(oid)
        else:
            rows.extend((oid, *row) for row in mine)
    return rows, others


def index_inserted(session: Session, orders: Sequence[dict[str, Any]],
                   lines: Sequence[dict[str, Any]]) -> int:
    """Index rows for orders a bulk writer has just inserted, from the rows it wrote
    (the same rows rows_for_orders would read back: new orders have no index rows yet,
    are neither cancelled nor merged, and neither are their lines). An import of 50,000
    orders otherwise reads them all back right after writing them."""
    if not orders:
        return 0
    conn = session.connection()
    index = catalog_index(session)
    cache = session.info.setdefault("dedup_product_norms", {})
    wanted = {ln["product_id"] for ln in lines if not ln.get("cancelled")} - cache.keys()
    if wanted:
        for part in chunks(sorted(wanted)):
            cache.update(conn.execute(select(Product.id, Product.sku_norm)
                                      .where(Product.id.in_(part))).all())
    skus: dict[str, set[str]] = {}
    for ln in lines:
        if not ln.get("cancelled") and ln["product_id"] in cache:
            skus.setdefault(ln["order_id"], set()).add(cache[ln["product_id"]])
    rows: list[tuple[Any, ...]] = []
    done = session.info.setdefault(INDEXED, set())
    written = session.info.setdefault(WRITTEN, {})
    for o in orders:
        done.add(o["id"])
        if o.get("cancelled") or o.get("merged_into_id"):
            continue
        keys = order_keys(index, customer_id=o.get("customer_id"),
                          phone=o.get("contact_phone"), name=o.get("contact_name"),
                          address=o.get("delivery_address"))
        order_time = o["order_time"]
        when = db_time(conn, order_time)
        mine = [(key, norm, order_time) for norm in skus.get(o["id"], ()) for key in keys]
        rows.extend((o["id"], key, norm, when) for key, norm, _ in mine)
        if order_time.tzinfo is None:  # read back it would be this naive time again
            written[o["id"]] = mine
    bulk_insert(conn, "dedup_keys", _KEY_COLUMNS, rows)
    return len(rows)


def reindex(session: Session) -> int:
    """Rebuild the whole index from the orders (after a restore or an upgrade)."""
    conn = session.connection()
    session.info.pop(WRITTEN, None)
    conn.execute(delete(DedupKey.__table__))
    ids = list(conn.execute(select(Order.id)).scalars())
    index = catalog_index(session)
    total = 0
    for part in chunks(ids, 5000):
        rows = rows_for_orders(conn, index, part)
        bulk_insert(conn, "dedup_keys", _KEY_COLUMNS, rows)
        total += len(rows)
    return total


# -- the hook -----------------------------------------------------------------------------

DIRTY = "dedup_dirty"
NEW = "dedup_new"
_KEY_FIELDS = {"customer_id", "contact_phone", "contact_name", "order_time", "cancelled",
               "merged_into_id", "delivery_address"}


CATALOG = "dedup_catalog_keys"


def _catalog_keys(obj: Any) -> set[str]:
    """Keys under which orders stored before this catalog row existed may sit."""
    if isinstance(obj, Contact):
        digits = phone_norm(obj.phone_norm or obj.phone)
        return {f"p:{digits}"} if len(digits) >= MIN_PHONE_DIGITS else set()
    if isinstance(obj, CustomerAlias):
        core = company_core(obj.alias)
        return {f"n:{core}"} if len(core) >= 2 else set()
    if isinstance(obj, Customer):
        return {f"n:{core}" for core in (company_core(obj.name), name_norm(obj.name))
                if len(core) >= 2}
    return set()


def after_flush(session: Session, _ctx: Any) -> None:
    dirty: set[str] | None = None
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, (Contact, CustomerAlias, Customer)):
            found = _catalog_keys(obj)
            if found:
                session.info.setdefault(CATALOG, set()).update(found)
    for obj in session.new:
        if isinstance(obj, Order):
            dirty = session.info.setdefault(DIRTY, set())
            dirty.add(obj.id)
            session.info.setdefault(NEW, set()).add(obj.id)
        elif isinstance(obj, OrderLine):
            dirty = session.info.setdefault(DIRTY, set())
            dirty.add(obj.order_id)
    for obj in session.dirty:
        if isinstance(obj, Order):
            state = inspect(obj)
            if any(state.attrs[k].history.has_changes() for k in _KEY_FIELDS):
                session.info.setdefault(DIRTY, set()).add(obj.id)
        elif isinstance(obj, OrderLine):
            session.info.setdefault(DIRTY, set()).add(obj.order_id)


def pending(session: Session) -> set[str]:
    return session.info.get(DIRTY, set())


def flush_pending(session: Session) -> set[str]:
    """Bring the index up to date for everything this transaction changed so far.

    A new contact phone, alias or customer name may belong to orders stored earlier under
    only a phone or a buyer name: those orders are re-indexed too, so they now carry the
    customer's key and every lookup (popup or batch) meets them by customer.
    """
    session.flush()
    catalog_keys = session.info.pop(CATALOG, set())
    if catalog_keys:
        conn = session.connection()
        for part in chunks(sorted(catalog_keys)):
            session.info.setdefault(DIRTY, set()).update(conn.execute(
                select(DedupKey.order_id).where(DedupKey.customer_key.in_(part))).scalars())
    dirty = session.info.pop(DIRTY, set())
    if dirty:
        refresh(session, dirty)
    return dirty


def before_commit(session: Session) -> None:
    if not (session.info.get(DIRTY) or session.info.get(NEW) or session.info.get(CATALOG)
            or session.new or session.dirty):
        return
    flush_pending(session)
    new = session.info.pop(NEW, set())
    if new and session.info.get("sync_apply"):
        # Orders another station wrote: checked for duplicates right after the pull
        # (orderdesk.dedup.queue.refresh_after), in a transaction of their own.
        from orderdesk.dedup.queue import note_pulled
        note_pulled(session, new)
    if new:
        # Pairs kept while the order was still being typed get their second order now.
        from orderdesk.dedup.decisions import link_pending_keeps
        link_pending_keeps(session, new)
