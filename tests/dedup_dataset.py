"""A labelled multi-channel order set for measuring duplicate detection.

About 23% of the records are the same real order arriving again through another channel,
with the noise sales see: time shifts across 15-minute boundaries, missing customer codes
(marketplaces give a phone and a buyer name), aliases, phone and SKU formatting,
full-width characters, addresses written slightly differently, fields left out.
Hard negatives: a customer's genuine repeat orders within minutes (same SKU, other
quantity, due date or delivery address) and other customers buying the same SKU at the
same moment, plus SKUs that share their first 8 characters.

Used by tests/core/test_dedup_quality.py (fixed seed) and benchmarks/bench_dedup.py.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

CITIES = ["苏州", "无锡", "宁波", "常州", "东莞", "佛山", "嘉兴", "台州", "昆山", "温州", "合肥", "芜湖"]
CORES = ["恒锐", "华通", "瑞丰", "鼎盛", "精工", "宏达", "新科", "金泰", "永信", "联创", "博远", "天成",
         "海韵", "盛美", "凯达", "锦程", "立信", "众和", "德润", "卓越", "远航", "兴业", "泰和", "嘉禾"]
TRADES = ["精密", "汽车电子", "塑胶", "模具", "五金", "电器", "科技", "机电"]
SUFFIXES = ["有限公司", "股份有限公司", "有限责任公司"]
STREETS = ["星湖街", "锡兴路", "长江路", "人民路", "创业大道", "工业园一路", "金山路", "滨江大道"]
TYPED = ["phone", "wechat", "excel", "web_old"]
MARKETS = ["douyin", "pdd", "taobao", "jd_pop", "1688", "mini_app"]
PERSONS = ["王工", "李经理", "陈小姐", "张总", "刘工", "赵主管", "周采购", "吴工"]
FULL = {c: chr(ord(c) + 0xFEE0) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-"}


@dataclass
class CustomerSpec:
    code: str
    name: str
    aliases: list[str]
    contacts: list[tuple[str, str]]
    addresses: list[str]


@dataclass
class Record:
    """One order as it arrives through one channel."""

    real_id: int
    channel: str
    channel_order_no: str | None
    order_time: dt.datetime
    sku: str
    quantity: Decimal
    customer_code: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    delivery_address: str | None = None
    requested_date: dt.date | None = None
    customer_index: int = 0
    kind: str = "original"  # original, duplicate, repeat, other_customer


@dataclass
class Dataset:
    customers: list[CustomerSpec]
    skus: list[str]
    records: list[Record] = field(default_factory=list)

    def true_pairs(self) -> set[tuple[int, int]]:
        groups: dict[int, list[int]] = defaultdict(list)
        for i, r in enumerate(self.records):
            groups[r.real_id].append(i)
        return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}

    @property
    def duplicate_share(self) -> float:
        reals = len({r.real_id for r in self.records})
        return (len(self.records) - reals) / len(self.records)


def _phone_variant(rng: random.Random, digits: str) -> str:
    style = rng.randrange(6)
    if style == 0:
        return digits
    if style == 1:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if style == 2:
        return f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}"
    if style == 3:
        return f"0086{digits}"
    if style == 4:
        return "".join(FULL.get(c, c) for c in digits)
    return f"{digits[:3]} {digits[3:7]} {digits[7:]}"


def _sku_variant(rng: random.Random, sku: str) -> str:
    style = rng.randrange(6)
    if style == 0:
        return sku
    if style == 1:
        return sku.lower()
    if style == 2:
        return sku.replace("-", "")
    if style == 3:
        return sku.replace("-", " ")
    if style == 4:
        return "".join(FULL.get(c, c) for c in sku)
    return " " + sku.lower().replace("-", "") + " "


def _address_variant(rng: random.Random, address: str) -> str:
    style = rng.randrange(4)
    if style == 0:
        return address
    if style == 1:
        return address.replace("区", "区 ", 1)
    if style == 2:
        return address[:2] + "市" + address[2:]
    return address + " "


def _name_variant(rng: random.Random, spec: CustomerSpec) -> str:
    style = rng.randrange(4)
    if style == 0:
        return spec.name
    if style == 1:
        return rng.choice(spec.aliases)
    if style == 2:
        return " ".join(spec.name[:4]) + spec.name[4:]
    return spec.name.replace("有限公司", "(有限公司)")


def generate(seed: int = 20261125, real_orders: int = 1500, days: int = 5,
             duplicate_rate: float = 0.30, repeat_rate: float = 0.08,
             crowd_rate: float = 0.06, customers: int = 60, skus_per_family: int = 4,
             catalog_seed: int | None = None,
             start: dt.datetime = dt.datetime(2026, 11, 2, 8, 0),
             first_channel_no: int = 0) -> Dataset:
    """A labelled set. duplicate_rate is per real order (groups of 2 or 3); with the
    defaults about 23% of the records are duplicates. The same catalog_seed (default:
    seed) gives the same customers and SKUs, so several order sets can share a catalog."""
    rng = random.Random(catalog_seed if catalog_seed is not None else seed)
    specs: list[CustomerSpec] = []
    used_cores: set[str] = set()
    for i in range(customers):
        while True:
            core = rng.choice(CORES) + rng.choice(TRADES)
            city = rng.choice(CITIES)
            if city + core not in used_cores:
                used_cores.add(city + core)
                break
        name = city + core + rng.choice(SUFFIXES)
        aliases = [core, city + core[:2]]
        phones = [("1" + rng.choice("35789") + "".join(rng.choice("0123456789") for _ in range(9)))
                  for _ in range(rng.randint(1, 2))]
        contacts = [(rng.choice(PERSONS), p) for p in phones]
        addresses = [f"{city}{rng.choice(['工业园区', '高新区', '经开区'])}{rng.choice(STREETS)}"
                     f"{rng.randint(1, 300)}号" for _ in range(2)]
        specs.append(CustomerSpec(code=f"K{i + 1:04d}", name=name, aliases=aliases,
                                  contacts=contacts, addresses=addresses))
    skus: list[str] = []
    for family in ["BRK", "HSG", "CLP", "GAS", "CON", "SPR", "BSH", "TRM"]:
        for number in rng.sample(range(1000, 9999), skus_per_family):
            skus.append(f"{family}-{number}")
            # Siblings that share their first 8 characters with the parent SKU.
            if rng.random() < 0.5:
                skus.append(f"{family}-{number}-A")
                skus.append(f"{family}-{number}-B")
    data = Dataset(customers=specs, skus=skus)
    if catalog_seed is not None:
        rng = random.Random(seed)
    order_no = first_channel_no

    def next_no(channel: str) -> str:
        nonlocal order_no
        order_no += 1
        return f"{channel[:2].upper()}{order_no:07d}"

    def record_for(real_id: int, ci: int, channel: str, when: dt.datetime, sku: str,
                   qty: Decimal, due: dt.date, address: str, kind: str,
                   noisy: bool) -> Record:
        spec = specs[ci]
        number = None if channel in ("phone", "wechat") else next_no(channel)
        rec = Record(real_id=real_id, channel=channel, channel_order_no=number,
                     order_time=when, sku=_sku_variant(rng, sku) if noisy else sku,
                     quantity=qty, customer_index=ci, kind=kind)
        if channel in MARKETS:
            # Marketplaces: no customer code; a buyer name and a phone, written any way.
            if rng.random() < 0.7:
                rec.contact_phone = _phone_variant(rng, rng.choice(spec.contacts)[1])
                rec.contact_name = rng.choice(PERSONS)
            else:
                rec.contact_name = _name_variant(rng, spec)
                rec.contact_phone = "1" + "".join(rng.choice("0123456789") for _ in range(10))
        else:
            rec.customer_code = spec.code
            if rng.random() < 0.5:
                person, phone = rng.choice(spec.contacts)
                rec.contact_name, rec.contact_phone = person, _phone_variant(rng, phone)
        if not noisy or rng.random() < 0.8:
            rec.requested_date = due
        if not noisy or rng.random() < 0.75:
            rec.delivery_address = _address_variant(rng, address) if noisy else address
        return rec

    real_id = 0
    for _ in range(real_orders):
        real_id += 1
        ci = rng.randrange(len(specs))
        spec = specs[ci]
        day = rng.randrange(days)
        when = start + dt.timedelta(days=day, minutes=rng.randrange(0, 10 * 60),
                                    seconds=rng.randrange(60))
        sku = rng.choice(skus)
        qty = Decimal(rng.choice([50, 100, 200, 500, 1000, 2000, 5000, 300, 800, 1200]))
        due = (when + dt.timedelta(days=rng.randint(5, 30))).date()
        address = rng.choice(spec.addresses)
        channel = rng.choice(TYPED + MARKETS)
        data.records.append(record_for(real_id, ci, channel, when, sku, qty, due, address,
                                       "original", noisy=False))
        # A repeat order's distinguishing field must be one its copies carry, or no one
        # (person or program) could tell the repeat from a copy: decided up front.
        repeat_kind = rng.randrange(3) if rng.random() < repeat_rate else None
        keep_field = {1: "date", 2: "address"}.get(repeat_kind)  # type: ignore[arg-type]
        if rng.random() < duplicate_rate:
            copies = 1 if rng.random() < 0.85 else 2
            used = {channel}
            direction = 1 if rng.random() < 0.8 else -1
            for _c in range(copies):
                other = rng.choice([c for c in TYPED + MARKETS if c not in used])
                used.add(other)
                # Shifts of 1-12 minutes, often across a quarter-hour boundary.
                shift = dt.timedelta(minutes=rng.randint(1, 12), seconds=rng.randrange(60))
                rec = record_for(real_id, ci, other, when + direction * shift, sku, qty, due,
                                 address, "duplicate", noisy=True)
                if keep_field == "date":
                    rec.requested_date = due
                elif keep_field == "address" and rec.delivery_address is None:
                    rec.delivery_address = address
                data.records.append(rec)
        if repeat_kind is not None:
            # A genuine repeat order minutes later: other quantity, due date or address.
            real_id += 1
            later = when + dt.timedelta(minutes=rng.randint(1, 14))
            what = repeat_kind
            rqty = qty + Decimal(rng.choice([50, 100, 200])) if what == 0 else qty
            rdue = due + dt.timedelta(days=rng.randint(3, 20)) if what == 1 else due
            raddr = ([a for a in spec.addresses if a != address] or [address + "二期"])[0] \
                if what == 2 else address
            rec = record_for(real_id, ci, rng.choice(TYPED), later, sku, rqty, rdue, raddr,
                             "repeat", noisy=False)
            data.records.append(rec)
        if rng.random() < crowd_rate:
            # Another customer buys the same SKU, same quantity, the same minute.
            real_id += 1
            other_ci = rng.choice([c for c in range(len(specs)) if c != ci])
            later = when + dt.timedelta(minutes=rng.randint(0, 5))
            data.records.append(record_for(real_id, other_ci, rng.choice(TYPED + MARKETS), later,
                                           sku, qty, due, specs[other_ci].addresses[0],
                                           "other_customer", noisy=False))
    data.records.sort(key=lambda r: r.order_time)
    return data


# -- loading into a database ---------------------------------------------------------------

def load(desk, data: Dataset) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    """Through the order service (add_order, audited), then flag_new_orders: slow, for
    small sets only."""
    from orderdesk.dedup import flag_new_orders
    from orderdesk.services.orders import LineDraft, OrderDraft, add_order

    load_catalog(desk, data)
    ids: list[str] = []
    with desk.write() as s:
        for rec in data.records:
            order = add_order(s, OrderDraft(
                channel=rec.channel, channel_order_no=rec.channel_order_no,
                customer_code=rec.customer_code, order_time=rec.order_time,
                requested_date=rec.requested_date, contact_name=rec.contact_name,
                contact_phone=rec.contact_phone, delivery_address=rec.delivery_address,
                lines=[LineDraft(rec.sku, rec.quantity)]))
            ids.append(order.id)
        flagged = flag_new_orders(s, ids)
    return ids, flagged


def predicted_pairs(desk, ids: list[str]) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    from orderdesk.dedup import list_pairs

    where = {oid: i for i, oid in enumerate(ids)}
    return {tuple(sorted((where[p.a.id], where[p.b.id])))
            for p in list_pairs(desk, status="open", limit=10**9) if p.b}


def fingerprint_pairs(data: Dataset) -> set[tuple[int, int]]:
    """The plain rule: customer id + first 8 chars of SKU + 15-minute bucket."""
    groups: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    for i, rec in enumerate(data.records):
        if not rec.customer_code:
            continue  # marketplace orders carry no customer id: the rule cannot see them
        bucket = int(rec.order_time.timestamp() // (15 * 60))
        groups[(rec.customer_code, rec.sku[:8], bucket)].append(i)
    return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}


def precision_recall(predicted: set[tuple[int, int]],
                     truth: set[tuple[int, int]]) -> tuple[float, float]:
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth) if truth else 1.0
    return precision, recall


def load_catalog(desk, data: Dataset) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.services import catalog

    with desk.write() as s:
        for spec in data.customers:
            catalog.upsert_customer(s, spec.code, spec.name, aliases=spec.aliases,
                                    contacts=spec.contacts, addresses=spec.addresses)
        for sku in data.skus:
            catalog.upsert_product(s, sku, f"零件 {sku}")


def order_rows(conn, records: list[Record], start_no: int = 1):  # type: ignore[no-untyped-def]
    """Core rows for orders, lines and channel numbers (fast path for big sets)."""
    from sqlalchemy import select

    from orderdesk.ids import uuid7
    from orderdesk.models import Customer, Product
    from orderdesk.normalize import sku_norm

    customers = dict(conn.execute(select(Customer.code, Customer.id)).all())
    products = dict(conn.execute(select(Product.sku_norm, Product.id)).all())
    orders, lines, refs, ids = [], [], [], []
    for n, rec in enumerate(records, start=start_no):
        oid = uuid7()
        ids.append(oid)
        orders.append(dict(
            id=oid, order_no=f"SO-{rec.order_time.year}-{n:07d}", channel=rec.channel,
            customer_id=customers.get(rec.customer_code) if rec.customer_code else None,
            order_time=rec.order_time, requested_date=rec.requested_date, rush=False,
            status_sales="confirmed", status_production="awaiting_schedule",
            status_warehouse="awaiting_stock", contact_name=rec.contact_name,
            contact_phone=rec.contact_phone, delivery_address=rec.delivery_address,
            cancelled=False, created_at=rec.order_time, updated_at=rec.order_time))
        lines.append(dict(id=uuid7(), order_id=oid, line_no=1,
                          product_id=products[sku_norm(rec.sku)], quantity=rec.quantity,
                          unit="pcs", cancelled=False))
        if rec.channel_order_no:
            refs.append(dict(id=uuid7(), order_id=oid, channel=rec.channel,
                             channel_order_no=rec.channel_order_no, active=True))
    return orders, lines, refs, ids


def bulk_load(desk, data: Dataset) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    """Like an importer's fast path: Core inserts, then flag_new_orders in the same
    transaction. Returns order ids (by record index) and how many were flagged."""
    from sqlalchemy import insert

    from orderdesk.dedup import flag_new_orders
    from orderdesk.models import Order, OrderChannelRef, OrderLine

    load_catalog(desk, data)
    with desk.write() as s:
        conn = s.connection()
        orders, lines, refs, ids = order_rows(conn, data.records)
        conn.execute(insert(Order.__table__), orders)
        conn.execute(insert(OrderLine.__table__), lines)
        if refs:
            conn.execute(insert(OrderChannelRef.__table__), refs)
        flagged = flag_new_orders(s, ids)
    return ids, flagged
