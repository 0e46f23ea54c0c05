"""Demo data for insight: a year of order-flow history, so every KPI, chart, health
colour and the handbook show real values in the demo factory.

- The demo's recent orders (orderdesk.demo, the last ~75 days) get the status events
  their statuses imply (release, production, shipment) at plausible times, and rush
  cases with their steps for the rush orders.
- Older history (from a year back up to those) is added as shipped orders with their
  status events and rush cases; processing time improves over the year (the case went
  from hours to minutes), a few customers ship late, are corrected often and complain.
- Exception reports: more than 50 closed with accepted lessons-learned cards (some the
  same problem again), and a few open, one overdue.

History rows go in with plain inserts (no audit/outbox rows: demo history is local to
the demo station), and corrections in the history go straight into the event log as
`demo:` events, since the audit trail cannot be back-dated (it is hash-chained). Two
corrections are made through the real service, so the audit path shows in the demo.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from decimal import Decimal

from sqlalchemy import insert, select, text, update

from orderdesk.desk import Desk
from orderdesk.ids import uuid7
from orderdesk.insight import events
from orderdesk.models import Customer, NumberSequence, Order, OrderLine, Product, StatusEvent
from orderdesk.models.base import utcnow
from orderdesk.models.insight import ExceptionReport, FlowEvent, LessonCard
from orderdesk.models.rush import RushCase, RushStep
from orderdesk.pmc.green_channel import STEPS

HISTORY_DAYS = 365
ORDERS_PER_DAY = 14

# (category, kind, scenario, cause, action, applies_to) - the card texts of the demo.
CARD_TEMPLATES = (
    ("method", "wrong_spec", "客户微信下单写“小支架”，录成了L型支架", "口语品名未对照产品别名表",
     "录单时强制选择SKU并显示规格图", "所有微信、电话渠道订单"),
    ("man", "quantity", "出库少发20件，客户收货时发现", "拣货后未复核数量",
     "出库前双人复核并扫码计数", "所有出库作业"),
    ("material", "quality", "PA66+GF30批次色差，客户拒收", "来料批次未做色差比对",
     "来料检验增加色差样板比对", "外观件、汽车支架"),
    ("machine", "late", "注塑机3号模温异常停机，交期延误两天", "模温机未按周期保养",
     "模温机纳入周保养计划并设报警", "所有注塑机台"),
    ("environment", "late", "暴雨封路，物流延误", "单一承运商无备选",
     "华南线路签约备用承运商", "华南线路发货"),
    ("measurement", "quality", "卡扣尺寸超差，装配不上", "卡尺未按期校准",
     "量具按月校准并贴校准标签", "所有尺寸检验"),
    ("method", "complaint", "客户投诉外箱标签与订单号不符", "标签模板未带客户PO号",
     "标签模板增加客户PO号字段", "有客户PO的订单"),
    ("man", "complaint", "客户投诉交期承诺与实际不符", "销售未查PMC排产即承诺交期",
     "承诺交期前必须查看齐套与排产", "所有急单与A类客户"),
    ("material", "packaging", "包装箱受潮破损", "仓库纸箱堆放靠近门口",
     "纸箱区移至干燥区并离地存放", "包材仓"),
    ("method", "quantity", "Excel订单重复导入，多排产一单", "同一订单两个渠道进入未合并",
     "导入前先做重复检查并人工确认", "Excel与旧网站渠道"),
)


def _lognormal(rng: random.Random, median: float, sigma: float) -> float:
    return median * math.exp(rng.gauss(0, sigma))


def _reserve(s, year: int, count: int) -> int:  # type: ignore[no-untyped-def]
    name = f"SO-{year}"
    seq = s.get(NumberSequence, name)
    if seq is None:
        seq = NumberSequence(name=name, next_value=1)
        s.add(seq)
        s.flush()
    start = seq.next_value
    s.execute(update(NumberSequence).where(NumberSequence.name == name)
              .values(next_value=start + count))
    s.expire(seq)
    return start


def _profiles(customers: list[Customer]) -> dict[str, str]:
    """Which customers are the demo's troubled (red) and shaky (yellow) ones."""
    ordered = sorted(customers, key=lambda c: c.code)
    out = {c.id: "good" for c in ordered}
    for c in ordered[-3:]:
        out[c.id] = "bad"
    for c in ordered[10:18]:
        out[c.id] = "shaky"
    return out


def add_demo_insight(desk: Desk, *, seed: int = 16, history_days: int = HISTORY_DAYS,
                     per_day: int = ORDERS_PER_DAY, now: dt.datetime | None = None) -> int:
    """Fill the demo factory's year of flow; returns the number of history orders added."""
    rng = random.Random(seed)
    now = now or utcnow()
    with desk.read() as s:
        customers = list(s.scalars(select(Customer).where(Customer.active.is_(True))))
        products = list(s.scalars(select(Product).where(
            Product.is_component.is_(False))))
        recent = s.execute(select(Order.id, Order.order_time, Order.requested_date,
                                  Order.status_sales, Order.status_production,
                                  Order.status_warehouse, Order.rush, Order.customer_id,
                                  Order.cancelled)).all()
    if not customers or not products:
        return 0
    profile = _profiles(customers)
    oldest_recent = min((r.order_time for r in recent), default=now)
    made = 0
    with desk.write() as s:
        se_rows: list[dict] = []
        rush_cases: list[dict] = []
        rush_steps: list[dict] = []
        flow_rows: list[dict] = []

        def proc_minutes(when: dt.datetime, cust_id: str) -> float:
            # Processing time falls over the year from about an hour to about 12 minutes.
            age = max(0.0, (now - when).days / history_days)
            base = 12 + 50 * age ** 1.3
            if profile.get(cust_id) == "bad":
                base *= 1.6
            return max(1.0, _lognormal(rng, base, 0.55))

        def ship_delay(cust_id: str) -> int:
            p = profile.get(cust_id)
            if p == "bad":
                return rng.choice((0, 1, 3, 4, 6))
            if p == "shaky":
                return rng.choice((-1, 0, 0, 0, 1, 2, 3))
            return rng.choice((-2, -1, -1, 0, 0, 0, 0, 0, 0, 1))

        def add_rush(order_id: str, when: dt.datetime, done: bool, cust_id: str) -> None:
            case_id = uuid7()
            rush_cases.append(dict(id=case_id, order_id=order_id, source="rule",
                                   reason="A类客户72小时内交期", requested_by="sales1",
                                   requested_at=when, active=not done, closed_at=None))
            t = when
            age = max(0.0, (now - when).days / history_days)
            for seq, (step, dept, _perm) in enumerate(STEPS):
                minutes = _lognormal(rng, 70 if step == "pmc" else 40, 0.6) * (1 + 2 * age)
                if profile.get(cust_id) == "bad" and step == "pmc":
                    minutes *= 1.8
                done_at = t + dt.timedelta(minutes=minutes) if done else None
                rush_steps.append(dict(
                    id=uuid7(), case_id=case_id, order_id=order_id, step=step, department=dept,
                    seq=seq, target_minutes=120 if step == "pmc" else 60,
                    started_at=t if (done or seq == 0) else None,
                    due_at=t + dt.timedelta(minutes=120 if step == "pmc" else 60),
                    done_at=done_at, done_by={"pmc": "pmc1"}.get(step, "demo") if done else None,
                    escalation_level=0))
                if not done:
                    break
                t = done_at

        def corrections(order_id: str, when: dt.datetime, cust_id: str) -> None:
            age = max(0.0, (now - when).days / history_days)
            p = 0.006 + 0.03 * age
            if profile.get(cust_id) == "bad":
                p = 0.2
            elif profile.get(cust_id) == "shaky":
                p *= 3
            if rng.random() < p:
                at = when + dt.timedelta(hours=rng.uniform(1, 72))
                flow_rows.append(dict(source_key=f"demo:corr:{order_id}", order_id=order_id,
                                      kind="corrected", at=at, user="sales1",
                                      department="sales",
                                      detail=rng.choice(("order_lines.quantity",
                                                         "orders.requested_date",
                                                         "orders.delivery_address",
                                                         "order_lines.unit_price"))))

        # -- the recent demo orders: the events their statuses imply ------------------
        # The demo enters orders already handed to scheduling with one status event at
        # receipt; the hand-over gets its own event below, the receipt says "confirmed".
        s.execute(text("UPDATE status_events SET new_status = 'confirmed' "
                       "WHERE department = 'sales' AND new_status = 'awaiting_schedule' "
                       "AND station = 'demo'"))
        today = now.date()
        shipped_now: list[str] = []
        for r in recent:
            if r.cancelled:
                continue
            when = r.order_time
            if r.status_sales != "awaiting_schedule":
                continue
            release = when + dt.timedelta(minutes=proc_minutes(when, r.customer_id))
            if release > now:
                release = now - dt.timedelta(minutes=1)
            se_rows.append(dict(id=uuid7(), order_id=r.id, department="sales",
                                old_status="confirmed", new_status="awaiting_schedule",
                                at=release, user="sales1", station="demo"))
            prod_status, wh_status = r.status_production, r.status_warehouse
            due = r.requested_date
            # The demo moves orders on by age alone; a factory that works ships most
            # orders by their due date, so past-due orders in production are finished
            # and shipped here, except for the troubled customers (and a few others).
            keep_late = {"bad": 0.7, "shaky": 0.25}.get(profile.get(r.customer_id, ""), 0.06)
            if (due and due < today - dt.timedelta(days=1) and wh_status != "shipped"
                    and prod_status != "awaiting_schedule" and rng.random() >= keep_late):
                finished = dt.datetime.combine(due - dt.timedelta(days=1), dt.time(10))
                finished = min(max(finished, release + dt.timedelta(hours=6)), now)
                se_rows.append(dict(id=uuid7(), order_id=r.id, department="production",
                                    old_status=prod_status, new_status="finished",
                                    at=finished, user="pmc1", station="demo"))
                prod_status, wh_status = "finished", "shipped"
                shipped_now.append(r.id)
            elif prod_status != "awaiting_schedule":
                t = min(now, release + dt.timedelta(hours=rng.uniform(2, 30)))
                se_rows.append(dict(id=uuid7(), order_id=r.id, department="production",
                                    old_status="awaiting_schedule", new_status=prod_status,
                                    at=t, user="pmc1", station="demo"))
            if wh_status == "shipped" and due:
                ship = dt.datetime.combine(due + dt.timedelta(days=ship_delay(r.customer_id)),
                                           dt.time(15, rng.randint(0, 59)))
                ship = min(max(ship, release + dt.timedelta(hours=4)), now)
                se_rows.append(dict(id=uuid7(), order_id=r.id, department="warehouse",
                                    old_status="ready_to_ship", new_status="shipped", at=ship,
                                    user="wh1", station="demo"))
            if r.rush:
                add_rush(r.id, release, done=(now - when).days > 1 or rng.random() < 0.5,
                         cust_id=r.customer_id)
            corrections(r.id, when, r.customer_id)
        for i in range(0, len(shipped_now), 500):
            s.execute(update(Order.__table__).where(Order.__table__.c.id.in_(
                shipped_now[i:i + 500])).values(status_production="finished",
                                                status_warehouse="shipped"))

        # -- a year of older history -----------------------------------------------
        start_day = (now - dt.timedelta(days=history_days)).date()
        days = [(start_day + dt.timedelta(days=i)) for i in range(history_days)]
        days = [d for d in days if dt.datetime.combine(d, dt.time()) < oldest_recent
                - dt.timedelta(days=1)]
        plan: list[tuple[dt.datetime, Customer]] = []
        weights = [3 if c.tier == "A" else (2 if c.tier == "B" else 1) for c in customers]
        for d in days:
            for _ in range(max(0, int(rng.gauss(per_day, 3)))):
                when = dt.datetime.combine(d, dt.time(8)) + dt.timedelta(
                    minutes=rng.randint(0, 600))
                plan.append((when, rng.choices(customers, weights=weights)[0]))
        by_year: dict[int, list[tuple[dt.datetime, Customer]]] = {}
        for item in plan:
            by_year.setdefault(item[0].year, []).append(item)
        order_rows: list[dict] = []
        line_rows: list[dict] = []
        channels = ("wechat", "phone", "excel_email", "old_web", "1688", "jd_pop")
        for year, items in sorted(by_year.items()):
            first = _reserve(s, year, len(items))
            for k, (when, cust) in enumerate(sorted(items, key=lambda x: x[0])):
                oid = uuid7()
                due = (when + dt.timedelta(days=rng.choice((3, 5, 7, 10, 14, 21)))).date()
                rush = cust.tier == "A" and (due - when.date()).days <= 3
                order_rows.append(dict(
                    id=oid, order_no=f"SO-{year}-{first + k:06d}",
                    channel=rng.choices(channels, (26, 12, 18, 14, 6, 5))[0],
                    customer_id=cust.id, order_time=when, requested_date=due, rush=rush,
                    rush_reason="A类客户72小时内交期" if rush else None,
                    status_sales="awaiting_schedule", status_production="finished",
                    status_warehouse="shipped", payment_terms=cust.payment_terms,
                    created_by=rng.choice(("sales1", "sales2")), station="demo",
                    cancelled=False, created_at=when, updated_at=when))
                for no, p in enumerate(rng.sample(products, rng.choices((1, 2, 3), (6, 3, 1))[0]),
                                       start=1):
                    line_rows.append(dict(id=uuid7(), order_id=oid, line_no=no,
                                          product_id=p.id,
                                          quantity=Decimal(rng.choice((200, 500, 1000, 3000))),
                                          unit=p.unit, unit_price=Decimal("3.50"), due_date=due,
                                          cancelled=False))
                release = when + dt.timedelta(minutes=proc_minutes(when, cust.id))
                prod = release + dt.timedelta(hours=rng.uniform(2, 30))
                ship = dt.datetime.combine(due + dt.timedelta(days=ship_delay(cust.id)),
                                           dt.time(15, rng.randint(0, 59)))
                ship = max(ship, prod + dt.timedelta(hours=6))
                for dept, old, new, at, user in (
                        ("sales", None, "confirmed", when, "sales1"),
                        ("sales", "confirmed", "awaiting_schedule", release, "sales1"),
                        ("production", "awaiting_schedule", "in_production", prod, "pmc1"),
                        ("production", "in_production", "finished",
                         prod + dt.timedelta(hours=20), "pmc1"),
                        ("warehouse", "ready_to_ship", "shipped", ship, "wh1")):
                    se_rows.append(dict(id=uuid7(), order_id=oid, department=dept,
                                        old_status=old, new_status=new, at=at, user=user,
                                        station="demo"))
                if rush:
                    add_rush(oid, release, done=True, cust_id=cust.id)
                corrections(oid, when, cust.id)
                made += 1
        for table, rows in ((Order.__table__, order_rows), (OrderLine.__table__, line_rows),
                            (StatusEvent.__table__, se_rows), (RushCase.__table__, rush_cases),
                            (RushStep.__table__, rush_steps), (FlowEvent.__table__, flow_rows)):
            for i in range(0, len(rows), 2000):
                s.execute(insert(table), rows[i:i + 2000])
    _add_exceptions(desk, rng, now, profile)
    events.refresh(desk)
    return made


def _add_exceptions(desk: Desk, rng: random.Random, now: dt.datetime,
                    profile: dict[str, str]) -> None:
    with desk.read() as s:
        orders = s.execute(select(Order.id, Order.order_no, Order.customer_id, Order.order_time)
                           .where(Order.cancelled.is_(False))
                           .order_by(Order.order_time)).all()
    if not orders:
        return
    bad = [o for o in orders if profile.get(o.customer_id) == "bad"]
    first_card: dict[int, str] = {}
    with desk.write() as s:
        n = 0
        for i in range(64):
            # Spread over the year; complaints lean on the troubled customers.
            tpl_i = i % len(CARD_TEMPLATES) if i < 40 else rng.randrange(len(CARD_TEMPLATES))
            cat, kind, scenario, cause, action, scope = CARD_TEMPLATES[tpl_i]
            pool = bad if (kind == "complaint" and bad and rng.random() < 0.7) else orders
            o = rng.choice(pool)
            raised = o.order_time + dt.timedelta(days=rng.uniform(2, 12))
            if raised > now - dt.timedelta(days=2):
                raised = now - dt.timedelta(days=rng.uniform(2, 20))
            closed = raised + dt.timedelta(hours=rng.uniform(4, 96))
            n += 1
            report = ExceptionReport(
                report_no=f"EX-{raised.year}-DEMO-{n:05d}", kind=kind, order_id=o.id,
                customer_id=o.customer_id, description=scenario,
                owner=rng.choice(("qc1", "pmc1", "wh1", "boss")),
                due_at=raised + dt.timedelta(hours=24), status="closed",
                raised_by=rng.choice(("sales1", "wh1", "qc1")), raised_at=raised,
                department="sales", station="demo", closed_at=closed, closed_by="boss")
            s.add(report)
            s.flush()
            same = first_card.get(tpl_i)
            card = LessonCard(report_id=report.id, category=cat, scenario=scenario,
                              cause=cause, action=action, applies_to=scope, state="accepted",
                              same_as_id=same, author="boss", created_at=closed,
                              accepted_at=closed)
            s.add(card)
            s.flush()
            first_card.setdefault(tpl_i, card.id)
        # A recent complaint burst on the troubled customers (last month and this one).
        for o in [x for x in bad if x.order_time > now - dt.timedelta(days=45)][:9]:
            n += 1
            raised = min(now - dt.timedelta(hours=3), o.order_time + dt.timedelta(days=5))
            s.add(ExceptionReport(
                report_no=f"EX-{raised.year}-DEMO-{n:05d}", kind="complaint", order_id=o.id,
                customer_id=o.customer_id, description="客户投诉：到货延误且数量不符",
                owner="boss", due_at=raised + dt.timedelta(hours=24), status="open",
                raised_by="sales1", raised_at=raised, department="sales", station="demo"))
        for k, o in enumerate(orders[-4:]):
            n += 1
            raised = now - dt.timedelta(hours=30 - k * 8)
            s.add(ExceptionReport(
                report_no=f"EX-{raised.year}-DEMO-{n:05d}",
                kind=("quality", "quantity", "wrong_spec", "late")[k], order_id=o.id,
                customer_id=o.customer_id,
                description=("外观划伤待复检", "客户反馈少5箱", "型号与图纸不符待确认",
                             "模具维修影响交期")[k],
                owner=("qc1", "wh1", "sales1", "pmc1")[k],
                due_at=raised + dt.timedelta(hours=24), status="open", raised_by="sales1",
                raised_at=raised, department="sales", station="demo"))
    # Two corrections through the real service: the audit trail path, not back-dated.
    from orderdesk.services.orders import update_order

    with desk.read() as s:
        ids = [r[0] for r in s.execute(text(
            "SELECT id FROM orders WHERE status_sales = 'awaiting_schedule' "
            "AND cancelled = 0 ORDER BY order_time DESC LIMIT 2"))]
    for oid in ids:
        update_order(desk, oid, delivery_address="（演示）客户更改了送货地址")
