"""A realistic demo factory: customers of every tier, products with multi-level BOMs,
stock with shortages, and a few thousand orders across channels and statuses, including
duplicates that arrived twice through different channels.

Everything is written through the same tracked sessions as real work, so the demo has
its audit trail and outbox like any station.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select, update

from orderdesk import statuses
from orderdesk.desk import Desk
from orderdesk.ids import uuid7
from orderdesk.models import (
    BomLine,
    NumberSequence,
    Order,
    OrderChannelRef,
    OrderLine,
    Receipt,
    StatusEvent,
    StockItem,
    User,
    utcnow,
)
from orderdesk.pmc.kitting import RED
from orderdesk.services import catalog
from orderdesk.services.users import create_user
from orderdesk.tracking import Actor

DEMO_PASSWORD = "Demo@2026"

DEMO_USERS = (
    ("sales1", "销售 张敏", ("sales",)),
    ("sales2", "销售 李强", ("sales",)),
    ("wh1", "仓库 王刚", ("warehouse",)),
    ("qc1", "质检 陈静", ("quality",)),
    ("pmc1", "PMC 赵磊", ("pmc",)),
    ("eng1", "技术 孙伟", ("engineering",)),
    ("boss", "主管 周总", ("supervisor",)),
    ("admin", "系统管理员", ("sysadmin",)),
    ("secadmin", "安全管理员", ("secadmin",)),
    ("auditor", "审计员", ("auditor",)),
)

CITIES = ("苏州", "无锡", "常州", "宁波", "嘉兴", "昆山", "上海", "杭州", "南京", "合肥", "芜湖", "温州")
TRADES = ("精密", "汽车电子", "新能源", "电器", "塑胶", "五金", "智能科技", "机电", "汽配", "照明")
WORDS = ("恒锐", "华通", "瑞丰", "德信", "永泰", "天成", "宏达", "金诚", "博远", "众合", "海川",
         "明辉", "安捷", "鼎盛", "嘉禾", "正泰", "凯越", "中科", "东升", "万向", "立信", "晨光")
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗"
GIVEN = ("工", "经理", "总", "主管", "采购", "小姐", "先生")
STREETS = ("工业园区星湖街", "高新区珠江路", "经济开发区长江路", "新区锡兴路", "武进区龙城大道",
           "北仑区新碶街道", "松江区九亭镇", "滨江区江南大道")

FINISHED = (
    ("BRK", "支架", "汽车支架", ("PA66+GF30", "PP+T20", "PA6+GF15"), ("小支架", "L型支架", "电池支架")),
    ("HSG", "外壳", "连接器外壳", ("PBT+GF30", "PA66", "ABS"), ("外壳", "插头壳", "端子盒")),
    ("CLP", "卡扣", "线束卡扣", ("PA66", "POM"), ("卡扣", "扎带扣", "线卡")),
    ("CVR", "护盖", "注塑护盖", ("PP", "ABS+PC", "PC"), ("盖子", "防尘盖", "端盖")),
    ("GER", "齿轮", "精密齿轮", ("POM", "PA46"), ("齿轮", "小齿轮")),
)
RESINS = (("RES-PA66GF30", "PA66+GF30 粒料"), ("RES-PP-T20", "PP+T20 粒料"), ("RES-PBTGF30", "PBT+GF30 粒料"),
          ("RES-POM", "POM 粒料"), ("RES-ABS", "ABS 粒料"), ("RES-PC", "PC 粒料"),
          ("RES-PA6GF15", "PA6+GF15 粒料"), ("RES-PA46", "PA46 粒料"))

CHANNELS = (
    ("wechat", "WX", 0.26), ("phone", "TEL", 0.12), ("excel_email", "XLS", 0.18),
    ("old_web", "WEB", 0.14), ("douyin", "DY", 0.06), ("pinduoduo", "PDD", 0.05),
    ("taobao", "TB", 0.05), ("jd_pop", "JD", 0.05), ("1688", "ALI", 0.06), ("pos", "POS", 0.03),
)
MARKETPLACES = {"douyin", "pinduoduo", "taobao", "jd_pop", "1688", "pos"}


@dataclass(frozen=True)
class DemoReport:
    customers: int
    products: int
    orders: int
    duplicates: int
    short_orders: int
    users: tuple[str, ...]
    skipped: bool = False


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))


def _progress_statuses(rng: random.Random, age_days: float) -> tuple[str, str, str]:
    """Older orders are further along; the three departments stay consistent."""
    step = min(12, int(age_days / 3 + rng.random() * 3))
    sales = statuses.SALES[min(3, step)]
    prod = statuses.PRODUCTION[max(0, min(4, step - 3))]
    wh = statuses.WAREHOUSE[max(0, min(4, step - 7))]
    return sales, prod, wh


def build_demo(desk: Desk, *, orders: int = 3000, seed: int = 7, force: bool = False) -> DemoReport:
    rng = random.Random(seed)
    with desk.read() as s:
        existing = s.scalar(select(func.count(Order.id))) or 0
        have_users = s.scalar(select(func.count(User.id))) or 0
    if existing and not force:
        return DemoReport(0, 0, existing, 0, 0, tuple(u for u, _, _ in DEMO_USERS), skipped=True)

    actor = Actor(user="demo", station=desk.station)
    if not have_users:
        for username, name, roles in DEMO_USERS:
            create_user(desk, username, name, DEMO_PASSWORD, list(roles))

    today = utcnow().date()
    with desk.write(actor) as s:
        # -- customers ------------------------------------------------------------
        customers = []
        used = set()
        for i in range(40):
            while True:
                core = rng.choice(CITIES) + rng.choice(WORDS) + rng.choice(TRADES)
                if core not in used:
                    used.add(core)
                    break
            tier = "A" if i < 8 else ("B" if i < 24 else "C")
            short = core[2:4]
            contacts = [(rng.choice(SURNAMES) + rng.choice(GIVEN), _phone(rng))
                        for _ in range(rng.randint(1, 3))]
            address = f"{core[:2]}市{rng.choice(STREETS)}{rng.randint(1, 300)}号"
            c = catalog.upsert_customer(
                s, f"C{1001 + i}", core + "有限公司", tier=tier,
                aliases=[short, core, short + "厂"], contacts=contacts,
                addresses=[address, f"{core[:2]}市{rng.choice(STREETS)}{rng.randint(1, 300)}号仓库"],
                payment_terms=rng.choice(("月结30天", "月结60天", "款到发货", "票到90天")))
            customers.append((c, contacts, address))

        # -- components and BOMs --------------------------------------------------
        resins = [catalog.upsert_product(s, sku, name, unit="kg", is_component=True,
                                         product_line="原料", material_grade=sku[4:])
                  for sku, name in RESINS]
        parts = []
        for n in range(120):
            kind = rng.choice(("INS", "SCR", "CLIP", "SEAL", "LBL", "BOX"))
            name = {"INS": "铜嵌件", "SCR": "自攻螺钉", "CLIP": "金属弹片", "SEAL": "密封圈",
                    "LBL": "标签", "BOX": "包装箱"}[kind]
            parts.append(catalog.upsert_product(
                s, f"{kind}-{2000 + n}", name, spec=f"M{rng.randint(2, 8)}x{rng.randint(4, 20)}",
                unit="pcs", is_component=True, product_line="外购件"))
        bom: dict[str, list[tuple[str, Decimal]]] = {}
        subassemblies = []
        for n in range(52):
            sub = catalog.upsert_product(s, f"SUB-{3000 + n}", "嵌件组件",
                                         spec=f"组件{n + 1}", is_component=True,
                                         product_line="半成品")
            for comp in rng.sample(parts, 2):
                _add_bom(s, bom, sub.id, comp.id, Decimal(rng.choice((1, 2, 4))),
                         Decimal("0.01"))
            subassemblies.append(sub)

        finished = []
        for n in range(130):
            prefix, base, line, grades, nicks = FINISHED[n % len(FINISHED)]
            grade = rng.choice(grades)
            sku = f"{prefix}-{1000 + n}"
            nick = [f"{rng.choice(nicks)}{n}"] if rng.random() < 0.7 else []
            gtin = f"0690{rng.randint(10**8, 10**9 - 1)}"
            gtin = gtin + str(_gs1_check_digit(gtin))
            p = catalog.upsert_product(
                s, sku, base, spec=f"{grade} {rng.randint(20, 180)}mm", unit="pcs",
                product_line=line, pack_size=rng.choice((50, 100, 200, 500)), nicknames=nick,
                gtin=gtin, material_grade=grade)
            resin = next((r for r in resins if r.material_grade.replace("+", "").startswith(
                grade.replace("+", "")[:4])), rng.choice(resins))
            _add_bom(s, bom, p.id, resin.id, Decimal(str(round(rng.uniform(0.01, 0.2), 3))),
                     Decimal("0.03"))
            for comp in rng.sample(parts, rng.randint(1, 3)):
                _add_bom(s, bom, p.id, comp.id, Decimal(rng.choice((1, 1, 2, 3))), Decimal(0))
            if rng.random() < 0.5:
                _add_bom(s, bom, p.id, rng.choice(subassemblies).id, Decimal(1), Decimal("0.02"))
            finished.append(p)

        # -- orders ---------------------------------------------------------------
        start_no = _reserve_numbers(s, today.year, orders)
        weights = [w for _, _, w in CHANNELS]
        now = utcnow()
        n_dup = 0
        made = 0
        base_orders: list[tuple] = []
        open_lines: list[list[tuple[str, Decimal]]] = []
        while made < orders:
            if base_orders and rng.random() < 0.05:
                # The same real order again through another channel, minutes later.
                src = rng.choice(base_orders)
                cust, lines_src, when, due, _ch, contact, address = src
                channel = rng.choice([c for c in CHANNELS if c[0] != _ch])
                when = when + dt.timedelta(minutes=rng.randint(1, 14))
                lines = lines_src
                n_dup += 1
            else:
                cust, contacts, address = rng.choice(customers)
                contact = rng.choice(contacts)
                channel = rng.choices(CHANNELS, weights=weights)[0]
                age = rng.random() ** 1.6 * 75
                when = now - dt.timedelta(days=age, minutes=rng.randint(0, 600))
                due = (when + dt.timedelta(days=rng.choice((3, 5, 7, 10, 14, 21, 30)))).date()
                lines = [(p, Decimal(rng.choice((100, 200, 500, 1000, 2000, 3000, 5000, 10000))),
                          Decimal(str(round(rng.uniform(0.3, 25), 2))))
                         for p in rng.sample(finished, rng.choices((1, 2, 3), (6, 3, 1))[0])]
            ch_name, ch_prefix, _w = channel
            age_days = (now - when).total_seconds() / 86400
            st_sales, st_prod, st_wh = _progress_statuses(rng, age_days)
            rush = cust.tier == "A" and (due - when.date()).days <= 3
            order = Order(
                id=uuid7(), order_no=f"SO-{today.year}-{start_no + made:06d}", channel=ch_name,
                customer_id=cust.id, customer_po=(f"PO{when:%y%m}{rng.randint(1000, 9999)}"
                                                  if ch_name not in MARKETPLACES else None),
                order_time=when, requested_date=due, rush=rush,
                rush_reason="A类客户72小时内交期" if rush else None,
                status_sales=st_sales, status_production=st_prod, status_warehouse=st_wh,
                contact_name=contact[0], contact_phone=contact[1], delivery_address=address,
                payment_terms=cust.payment_terms, created_by=rng.choice(("sales1", "sales2")),
                station="demo")
            s.add(order)
            for no, (p, qty, price) in enumerate(lines, start=1):
                s.add(OrderLine(order_id=order.id, line_no=no, product_id=p.id, quantity=qty,
                                unit=p.unit, unit_price=price, due_date=due))
            s.add(OrderChannelRef(order_id=order.id, channel=ch_name,
                                  channel_order_no=f"{ch_prefix}{when:%Y%m%d}{rng.randint(10**5, 10**6 - 1)}{made}"))
            s.add(StatusEvent(order_id=order.id, department="sales", new_status=st_sales,
                              at=when, user=order.created_by, station="demo"))
            base_orders.append((cust, lines, when, due, ch_name, contact, address))
            if st_prod == "awaiting_schedule":
                open_lines.append([(p.id, qty) for p, qty, _price in lines])
            made += 1
            if made % 500 == 0:
                s.flush()
        s.flush()

        # -- stock and incoming receipts, sized against the open orders' needs: most
        # components cover them, about one in ten runs short (half of those with a
        # purchase order on the way), so PMC sees some shortages, not a sea of red.
        demand: dict[str, Decimal] = {}
        for order_lines in open_lines:
            for product_id, qty in order_lines:
                _explode(bom, product_id, qty, demand)
        for comp in resins + parts + subassemblies:
            need = demand.get(comp.id, Decimal(0))
            short = rng.random() < 0.1 and need > 0
            factor = Decimal(str(round(rng.uniform(0.3, 0.85) if short
                                       else rng.uniform(1.15, 1.8), 2)))
            on_hand = (need * factor).quantize(Decimal(1)) + rng.randint(0, 200)
            s.add(StockItem(product_id=comp.id, on_hand=on_hand,
                            location=f"{rng.choice('ABCD')}-{rng.randint(1, 20):02d}"))
            if short and rng.random() < 0.5:
                s.add(Receipt(product_id=comp.id, quantity=(need - on_hand) + rng.randint(100, 2000),
                              due_date=today + dt.timedelta(days=rng.randint(1, 20)),
                              kind="purchase", reference=f"PO-{rng.randint(10000, 99999)}"))
        for p in finished:
            s.add(StockItem(product_id=p.id, on_hand=Decimal(rng.randint(0, 2000))))
        s.flush()


    from orderdesk.warehouse.demo import add_demo_batches

    add_demo_batches(desk)
    from orderdesk.certificates.sample import seed_demo as seed_quality_demo

    seed_quality_demo(desk)
    from orderdesk.finance.demo import seed_finance_demo; seed_finance_demo(desk)  # noqa: E702
    from orderdesk.planning.demo import seed_demo as seed_planning_demo  # machines, customs

    seed_planning_demo(desk)
    from orderdesk.insight.demo import add_demo_insight  # a year of flow events, cards

    add_demo_insight(desk, per_day=max(1, orders // 215))
    from orderdesk import audit_store

    # A big demo (a year: --orders 126000) writes a million audit rows at once: beyond
    # the newest HOT_ROWS they are packed now, as a station does daily.
    audit_store.pack(desk)
    from orderdesk.pmc.service import kit_report

    return DemoReport(customers=len(customers), products=len(resins) + len(parts)
                      + len(subassemblies) + len(finished), orders=made, duplicates=n_dup,
                      short_orders=kit_report(desk).count(RED),
                      users=tuple(u for u, _, _ in DEMO_USERS))


def _add_bom(session, bom: dict, parent: str, component: str, qty_per: Decimal,  # type: ignore[no-untyped-def]
             scrap: Decimal) -> None:
    session.add(BomLine(parent_id=parent, component_id=component, qty_per=qty_per,
                        scrap_rate=scrap))
    bom.setdefault(parent, []).append((component, qty_per * (1 + scrap)))


def _explode(bom: dict, product_id: str, qty: Decimal, demand: dict) -> None:  # type: ignore[type-arg]
    for component, per in bom.get(product_id, ()):
        need = qty * per
        demand[component] = demand.get(component, Decimal(0)) + need
        _explode(bom, component, need, demand)


def _reserve_numbers(session, year: int, count: int) -> int:  # type: ignore[no-untyped-def]
    name = f"SO-{year}"
    seq = session.get(NumberSequence, name)
    if seq is None:
        seq = NumberSequence(name=name, next_value=1)
        session.add(seq)
        session.flush()
    start = seq.next_value
    session.execute(update(NumberSequence).where(NumberSequence.name == name)
                    .values(next_value=start + count))
    session.expire(seq)
    return start


def _gs1_check_digit(digits: str) -> int:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10
