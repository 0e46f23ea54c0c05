"""A second labelled order month, written from issue 11's text and not from the engine.

Why a second set: the first one (tests/dedup_dataset.py) only re-sent orders through
*another* channel within minutes, so an engine that punished "same channel, other number"
and cut at 15 minutes still scored 1.00. This one varies each property on its own:

duplicate classes (all pairs of one real order are true pairs)
  cross_fast     another channel, 0-15 minutes later
  cross_late     another channel, 15-120 minutes later
  same_channel   the same desk channel again with its own channel number: a WeChat
                 message typed twice, a dealer re-sending an Excel sheet, a phone order
                 keyed twice; 0-120 minutes later
  platform_double  a marketplace buyer ordering the same thing twice minutes apart (two
                 platform-issued numbers); the seller wants these flagged

hard negatives (separate real orders; any pair with them is a false alarm)
  repeat_qty, repeat_due, repeat_address   the same customer, same SKUs, 0-120 minutes
                 later, one of quantity / due date / plant address different
  standing       the same customer and lines the next day (20-28 h later)
  other_customer another customer buying the same SKU(s) in the same minute
  platform_rebuy the same marketplace buyer buying the same thing again hours later

noise on every duplicate, each drawn on its own: SKU case / spacing / full width /
hyphens, phone formatting, address written differently, customer code missing (the
desk typed a contact only), due date or requested date left out, line order shuffled.

Records carry several lines; `load` writes them through Core inserts (like an importer's
fast path) and returns the order ids by record index.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

DESK_CHANNELS = ["phone", "wechat", "email", "excel", "web_old"]
PLATFORMS = ["douyin", "pdd", "taobao", "jd_pop", "1688", "mini_app"]
DUPLICATE_CLASSES = ("cross_fast", "cross_late", "same_channel", "platform_double")
NEGATIVE_CLASSES = ("repeat_qty", "repeat_due", "repeat_address", "standing",
                    "other_customer", "platform_rebuy")

_CITY = ["苏州", "无锡", "宁波", "常州", "东莞", "佛山", "嘉兴", "昆山", "温州", "芜湖", "青岛", "天津"]
_WORD = ["恒锐", "华通", "瑞丰", "鼎盛", "精工", "宏达", "新科", "金泰", "永信", "联创", "博远", "天成",
         "海韵", "盛美", "凯达", "锦程", "立信", "众和", "德润", "卓越", "远航", "兴业", "泰和", "嘉禾",
         "东方", "北辰", "同力", "启明", "广汇", "万成"]
_TRADE = ["精密", "汽车部件", "塑胶", "模具", "五金", "电器", "机电", "电子"]
_ROAD = ["星湖街", "锡兴路", "长江路", "人民路", "创业大道", "工业园一路", "金山路", "滨江大道", "新华路"]
_PERSON = ["王工", "李经理", "陈小姐", "张总", "刘工", "赵主管", "周采购", "吴工", "孙小姐", "郑经理"]
_BUYER = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "黄磊", "赵敏", "周杰", "吴霞"]
_FULL = {c: chr(ord(c) + 0xFEE0) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-"}


@dataclass
class Party:
    code: str
    name: str
    contacts: list[tuple[str, str]]
    addresses: list[str]
    consumer: bool = False  # a marketplace buyer: no customer code on platform orders


@dataclass
class Line:
    sku: str
    quantity: Decimal
    due_date: dt.date | None


@dataclass
class Entry:
    """One order as one channel delivered it."""

    real_id: int
    klass: str  # "original", a DUPLICATE_CLASSES name or a NEGATIVE_CLASSES name
    channel: str
    channel_order_no: str | None
    order_time: dt.datetime
    lines: list[Line]
    customer_code: str | None
    contact_name: str | None
    contact_phone: str | None
    delivery_address: str | None
    requested_date: dt.date | None
    customer_po: str | None = None
    # Which kinds of noise this entry carries (for results per property).
    noise: tuple[str, ...] = ()


@dataclass
class Month:
    parties: list[Party]
    skus: list[str]
    entries: list[Entry] = field(default_factory=list)

    def true_pairs(self) -> set[tuple[int, int]]:
        groups: dict[int, list[int]] = defaultdict(list)
        for i, e in enumerate(self.entries):
            groups[e.real_id].append(i)
        return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}

    def pair_class(self, pair: tuple[int, int]) -> str:
        """A true pair's class is the class of its later arrival; a false pair's is the
        negative class of whichever side is one (else 'unrelated')."""
        a, b = (self.entries[i] for i in pair)
        if a.real_id == b.real_id:
            later = b if (b.order_time, pair[1]) >= (a.order_time, pair[0]) else a
            klass = later.klass if later.klass != "original" else a.klass
            return klass
        for e in (b, a):
            if e.klass in NEGATIVE_CLASSES:
                return e.klass
        return "unrelated"

    @property
    def duplicate_share(self) -> float:
        return 1 - len({e.real_id for e in self.entries}) / len(self.entries)

    def counts(self) -> Counter:
        return Counter(e.klass for e in self.entries)


# -- noise, each kind on its own ----------------------------------------------------------

def _sku_typed(rng: random.Random, sku: str) -> str:
    pick = rng.randrange(6)
    if pick == 0:
        return sku.lower()
    if pick == 1:
        return sku.replace("-", "")
    if pick == 2:
        return sku.replace("-", " ")
    if pick == 3:
        return "".join(_FULL.get(c, c) for c in sku)
    if pick == 4:
        return f" {sku} "
    return sku


def _phone_typed(rng: random.Random, phone: str) -> str:
    pick = rng.randrange(5)
    if pick == 0:
        return f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    if pick == 1:
        return f"+86 {phone[:3]}-{phone[3:7]}-{phone[7:]}"
    if pick == 2:
        return "0086" + phone
    if pick == 3:
        return "".join(_FULL.get(c, c) for c in phone)
    return phone


def _address_typed(rng: random.Random, address: str) -> str:
    pick = rng.randrange(4)
    if pick == 0:
        return address.replace("号", "號") if rng.random() < 0.3 else address + " "
    if pick == 1:
        return address.replace("路", "路 ", 1)
    if pick == 2:
        return "".join(_FULL.get(c, c) for c in address)
    return address


def _mobile(rng: random.Random) -> str:
    return rng.choice(["138", "139", "150", "186", "177", "159"]) + f"{rng.randrange(10**8):08d}"


# -- the month ------------------------------------------------------------------------------

def generate(seed: int = 1103, real_orders: int = 3000, days: int = 30,
             duplicate_rate: float = 0.30, negative_rate: float = 0.22) -> Month:
    """A month of orders. About a quarter of all entries are duplicates."""
    rng = random.Random(seed)
    parties: list[Party] = []
    used_names: set[str] = set()
    for i in range(120):
        while True:
            name = f"{rng.choice(_CITY)}{rng.choice(_WORD)}{rng.choice(_TRADE)}有限公司"
            if name not in used_names:
                used_names.add(name)
                break
        city = name[:2]
        contacts = [(rng.choice(_PERSON), _mobile(rng)) for _ in range(rng.randint(1, 3))]
        addresses = [f"{city}市{rng.choice(_ROAD)}{rng.randint(1, 999)}号{k + 1}号厂房"
                     for k in range(rng.randint(1, 3))]
        parties.append(Party(f"C{i:04d}", name, contacts, addresses))
    for i in range(260):
        buyer = rng.choice(_BUYER) + rng.choice("一二三四五六七八九")
        parties.append(Party(f"M{i:05d}", buyer, [(buyer, _mobile(rng))],
                             [f"{rng.choice(_CITY)}市{rng.choice(_ROAD)}{rng.randint(1, 300)}号"
                              f"{rng.randint(1, 30)}栋{rng.randint(101, 2808)}室"],
                             consumer=True))
    families = ["BRK", "HSG", "CLP", "BSH", "GSK", "CVR", "PLT", "SCR"]
    skus = sorted({f"{rng.choice(families)}-{rng.randint(1000, 9999)}-{rng.choice('ABCD')}"
                   for _ in range(400)})
    month = Month(parties, skus)
    start = dt.datetime(2026, 11, 2, 8, 0)
    numbers: Counter = Counter()

    def number(channel: str) -> str:
        numbers[channel] += 1
        if channel in PLATFORMS:
            return f"{channel.upper()}{rng.randrange(10**12):012d}{numbers[channel]}"
        return f"{channel[:2].upper()}-{numbers[channel]:06d}"

    def entry(real_id: int, klass: str, party: Party, channel: str, when: dt.datetime,
              lines: list[Line], address: str, contact: tuple[str, str],
              requested: dt.date | None, po: str | None, noisy: bool) -> Entry:
        platform = channel in PLATFORMS
        code: str | None = party.code
        name, phone = contact
        tags: list[str] = []
        if platform and party.consumer:
            code = None  # platforms hand over a buyer's name and phone, not our code
        elif noisy and rng.random() < 0.15:
            code = None  # typed at the desk with the contact only
            tags.append("no_customer_code")
        if noisy:
            typed = []
            for ln in lines:
                sku = _sku_typed(rng, ln.sku) if rng.random() < 0.4 else ln.sku
                due = None if rng.random() < 0.12 else ln.due_date
                if sku != ln.sku:
                    tags.append("sku_written_differently")
                if due is None and ln.due_date is not None:
                    tags.append("line_due_left_out")
                typed.append(Line(sku, ln.quantity, due))
            lines = typed
            if len(lines) > 1 and rng.random() < 0.4:
                lines = lines[:]
                rng.shuffle(lines)
                tags.append("lines_in_other_order")
            if rng.random() < 0.5:
                new = _phone_typed(rng, phone)
                if new != phone:
                    tags.append("phone_written_differently")
                phone = new
            if rng.random() < 0.08:
                phone = None
                tags.append("phone_left_out")
            if rng.random() < 0.5:
                new = _address_typed(rng, address)
                if new != address:
                    tags.append("address_written_differently")
                address = new
            if rng.random() < 0.08:
                address = None
                tags.append("address_left_out")
            if rng.random() < 0.15 and requested is not None:
                requested = None
                tags.append("requested_date_left_out")
            if rng.random() < 0.4 and po is not None:
                po = None
                tags.append("po_left_out")
        return Entry(real_id, klass, channel, number(channel), when, lines, code, name,
                     phone, address, requested, po, tuple(dict.fromkeys(tags)))

    real = 0
    for _ in range(real_orders):
        real += 1
        # Two thirds of the orders are the factory's business customers.
        party = rng.choice(parties[:120] if rng.random() < 0.65 else parties[120:])
        day = rng.randrange(days)
        when = start + dt.timedelta(days=day, minutes=rng.randrange(11 * 60),
                                    seconds=rng.randrange(60))
        if party.consumer:
            channel = rng.choice(PLATFORMS)
            n_lines = rng.choice([1, 1, 1, 2])
        else:
            channel = rng.choice(DESK_CHANNELS + ["1688"])
            n_lines = rng.choice([1, 1, 2, 2, 3, 4])
        due = (when + dt.timedelta(days=rng.randint(5, 40))).date()
        lines = [Line(sku, Decimal(rng.choice([50, 100, 200, 240, 500, 1000, 1200, 3000, 5000])
                                   if not party.consumer else rng.randint(1, 12)),
                      due if rng.random() < 0.7 else due + dt.timedelta(days=rng.randint(1, 9)))
                 for sku in rng.sample(skus, n_lines)]
        address = rng.choice(party.addresses)
        contact = rng.choice(party.contacts)
        po = f"PO{rng.randrange(10**7):07d}" if not party.consumer and rng.random() < 0.6 else None
        requested = due if rng.random() < 0.8 else None
        month.entries.append(entry(real, "original", party, channel, when, lines, address,
                                   contact, requested, po, noisy=False))
        # -- duplicates of this real order
        if rng.random() < duplicate_rate:
            copies = 1 if rng.random() < 0.8 else 2
            for _ in range(copies):
                if channel in PLATFORMS and party.consumer:
                    klass = rng.choice(["platform_double", "platform_double", "cross_fast"])
                else:
                    klass = rng.choice(["cross_fast", "cross_late", "same_channel",
                                        "same_channel"])
                if klass == "platform_double":
                    again, gap = channel, rng.uniform(0.3, 10)
                elif klass == "same_channel":
                    again = channel if channel in DESK_CHANNELS else rng.choice(DESK_CHANNELS)
                    gap = rng.uniform(0, 120)
                else:
                    pool = (DESK_CHANNELS + PLATFORMS) if party.consumer else DESK_CHANNELS
                    again = rng.choice([c for c in pool if c != channel])
                    gap = rng.uniform(0, 15) if klass == "cross_fast" else rng.uniform(15, 120)
                # A re-send reaches the desk before or after the first arrival.
                sign = 1 if klass in ("platform_double", "same_channel") or rng.random() < 0.8 else -1
                month.entries.append(entry(real, klass, party, again,
                                           when + sign * dt.timedelta(minutes=gap), lines,
                                           address, contact, requested, po, noisy=True))
        # -- hard negatives around this real order
        if rng.random() < negative_rate:
            real += 1
            if party.consumer:
                klass = rng.choice(["platform_rebuy", "other_customer", "repeat_qty", "standing"])
            else:
                klass = rng.choice(["repeat_qty", "repeat_due", "repeat_address", "standing",
                                    "other_customer"])
                if klass == "repeat_address" and len(party.addresses) < 2:
                    klass = "repeat_due"
            new_lines = [Line(ln.sku, ln.quantity, ln.due_date) for ln in lines]
            who, where, other_po = party, address, (
                f"PO{rng.randrange(10**7):07d}" if po else None)
            ch = rng.choice(DESK_CHANNELS) if not party.consumer else channel
            gap = dt.timedelta(minutes=rng.uniform(1, 120))
            new_requested = requested
            if klass == "repeat_qty":
                k = rng.randrange(len(new_lines))
                q = new_lines[k].quantity
                new_lines[k].quantity = q * rng.choice([2, 3]) if rng.random() < 0.5 else max(
                    Decimal(1), q - rng.choice([1, 10, 50]) if q > 50 else q + 1)
                if new_lines[k].quantity == q:
                    new_lines[k].quantity = q + 1
            elif klass == "repeat_due":
                shift = dt.timedelta(days=rng.choice([3, 7, 14, 30]))
                new_lines = [Line(ln.sku, ln.quantity, (ln.due_date or due) + shift)
                             for ln in new_lines]
                new_requested = (requested or due) + shift
            elif klass == "repeat_address":
                where = rng.choice([a for a in party.addresses if a != address])
            elif klass == "standing":
                gap = dt.timedelta(hours=rng.uniform(20, 28))
                ch = channel
                if rng.random() < 0.5:  # next day's delivery, or no date given at all
                    new_lines = [Line(ln.sku, ln.quantity, (ln.due_date or due)
                                      + dt.timedelta(days=1)) for ln in new_lines]
                    new_requested = (requested + dt.timedelta(days=1)) if requested else None
                else:
                    new_lines = [Line(ln.sku, ln.quantity, None) for ln in new_lines]
                    new_requested = None
            elif klass == "other_customer":
                pool = [p for p in parties if p.consumer == party.consumer and p is not party]
                who = rng.choice(pool)
                where = rng.choice(who.addresses)
                gap = dt.timedelta(seconds=rng.uniform(0, 59))
                ch = rng.choice(PLATFORMS) if who.consumer else rng.choice(DESK_CHANNELS)
            elif klass == "platform_rebuy":
                gap = dt.timedelta(hours=rng.uniform(3, 12))
            month.entries.append(entry(
                real, klass, who, ch, when + gap, new_lines, where,
                rng.choice(who.contacts) if who is not party else contact,
                new_requested, other_po, noisy=False))
    month.entries.sort(key=lambda e: e.order_time)
    return month


# -- loading and scoring ---------------------------------------------------------------------

def load_catalog(desk, month: Month) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.services import catalog

    with desk.write() as s:
        for p in month.parties:
            catalog.upsert_customer(s, p.code, p.name, contacts=p.contacts,
                                    addresses=p.addresses)
        for sku in month.skus:
            catalog.upsert_product(s, sku, f"零件 {sku}")


def rows(conn, entries: list[Entry], start_no: int = 1):  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from orderdesk.ids import uuid7
    from orderdesk.models import Customer, Product
    from orderdesk.normalize import sku_norm

    customers = dict(conn.execute(select(Customer.code, Customer.id)).all())
    products = dict(conn.execute(select(Product.sku_norm, Product.id)).all())
    orders, lines, refs, ids = [], [], [], []
    for n, e in enumerate(entries, start=start_no):
        oid = uuid7()
        ids.append(oid)
        orders.append(dict(
            id=oid, order_no=f"SO-{e.order_time.year}-{n:07d}", channel=e.channel,
            customer_id=customers.get(e.customer_code) if e.customer_code else None,
            customer_po=e.customer_po, order_time=e.order_time,
            requested_date=e.requested_date, rush=False, status_sales="confirmed",
            status_production="awaiting_schedule", status_warehouse="awaiting_stock",
            contact_name=e.contact_name, contact_phone=e.contact_phone,
            delivery_address=e.delivery_address, cancelled=False,
            created_at=e.order_time, updated_at=e.order_time))
        for k, ln in enumerate(e.lines, start=1):
            lines.append(dict(id=uuid7(), order_id=oid, line_no=k,
                              product_id=products[sku_norm(ln.sku)], quantity=ln.quantity,
                              unit="pcs", due_date=ln.due_date, cancelled=False))
        if e.channel_order_no:
            refs.append(dict(id=uuid7(), order_id=oid, channel=e.channel,
                             channel_order_no=e.channel_order_no, active=True))
    return orders, lines, refs, ids


def load(desk, month: Month, *, flag: bool = True) -> list[str]:  # type: ignore[no-untyped-def]
    """Core inserts of every entry, then (flag=True) the engine's batch check in the same
    transaction, as an importer does. Returns order ids by entry index."""
    from sqlalchemy import insert

    from orderdesk.models import Order, OrderChannelRef, OrderLine

    load_catalog(desk, month)
    with desk.write() as s:
        conn = s.connection()
        orders, lines, refs, ids = rows(conn, month.entries)
        conn.execute(insert(Order.__table__), orders)
        conn.execute(insert(OrderLine.__table__), lines)
        if refs:
            conn.execute(insert(OrderChannelRef.__table__), refs)
        if flag:
            from orderdesk.dedup import flag_new_orders
            flag_new_orders(s, ids)
    return ids


def predicted(desk, ids: list[str]) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    from orderdesk.dedup import list_pairs

    where = {oid: i for i, oid in enumerate(ids)}
    return {tuple(sorted((where[p.a.id], where[p.b.id])))
            for p in list_pairs(desk, status="open", limit=10**9) if p.b}


def fingerprint(month: Month) -> set[tuple[int, int]]:
    """The seed's plain rule: customer id + first 8 chars of SKU + 15-minute bucket
    (first line's SKU; records without a customer id are invisible to it)."""
    groups: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    for i, e in enumerate(month.entries):
        if not e.customer_code:
            continue
        bucket = int(e.order_time.timestamp() // 900)
        groups[(e.customer_code, e.lines[0].sku[:8], bucket)].append(i)
    return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}


def by_class(month: Month, found: set[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Per duplicate class: (found, true pairs); per negative class: (false alarms, 0)."""
    truth = month.true_pairs()
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for pair in truth:
        c = month.pair_class(pair)
        out[c][1] += 1
        if pair in found:
            out[c][0] += 1
    for pair in found - truth:
        out[month.pair_class(pair)][0] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def by_noise(month: Month, found: set[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Recall per kind of noise: (found, true pairs) over the true pairs where either
    entry carries that noise ('none' for pairs without any)."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for pair in month.true_pairs():
        tags = set(month.entries[pair[0]].noise) | set(month.entries[pair[1]].noise)
        for tag in tags or {"none"}:
            out[tag][1] += 1
            out[tag][0] += pair in found
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def precision_recall(found: set[tuple[int, int]],
                     truth: set[tuple[int, int]]) -> tuple[float, float]:
    hits = len(found & truth)
    return (hits / len(found) if found else 1.0, hits / len(truth) if truth else 1.0)
