"""Sample quality data: bound batches with material lots, for the demo and for tests.

Writes through an open write session like the other seeding helpers, so everything is
audited and lands in one transaction with the caller's other rows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk.models import Batch, BatchBinding, BatchMaterial, MaterialLot, OrderLine, utcnow
from orderdesk.services import orders as order_service

RESIN_RESULTS = [
    {"item": "拉伸强度", "standard": "≥ 170 MPa (ISO 527)", "result": "186", "unit": "MPa",
     "verdict": "合格"},
    {"item": "玻纤含量", "standard": "30 ± 2 % (ISO 3451)", "result": "30.4", "unit": "%",
     "verdict": "合格"},
    {"item": "熔体流动速率", "standard": "ISO 1133 275℃/5kg", "result": "12.6",
     "unit": "g/10min", "verdict": "合格"},
    {"item": "含水率", "standard": "≤ 0.20 %", "result": "0.08", "unit": "%", "verdict": "合格"},
]


@dataclass(frozen=True)
class BoundOrder:
    order_id: str
    order_no: str
    binding_ids: tuple[str, ...]
    batch_codes: tuple[str, ...]


def material_lot(session: Session, code: str, grade: str = "PA66+GF30 A3WG6",
                 supplier: str = "巴斯夫(中国)有限公司", results: list | None = None) -> MaterialLot:
    lot = session.scalar(select(MaterialLot).where(MaterialLot.code == code))
    if lot is None:
        lot = MaterialLot(code=code, material_grade=grade, supplier=supplier,
                          received_date=dt.date(2026, 11, 2), report_no=f"RPT-{code}",
                          test_results=json.dumps(results if results is not None
                                                  else RESIN_RESULTS, ensure_ascii=False))
        session.add(lot)
        session.flush()
    return lot


def bound_order(session: Session, *, customer_code: str | None, sku: str,
                quantities: Sequence[int | Decimal], customer_po: str | None = "PO-88123",
                batch_prefix: str = "B2611", material_codes: Sequence[str] = ("ML-2611-001",),
                production_date: dt.date = dt.date(2026, 11, 20), station: str = "wh-1",
                inspected: bool = True) -> BoundOrder:
    """An order of one line for sum(quantities), one batch per quantity, each bound to it
    and (unless `inspected` is False) with a passed final inspection by 陈静."""
    total = sum(Decimal(q) for q in quantities)
    order = order_service.add_order(session, order_service.OrderDraft(
        channel="phone", customer_code=customer_code, customer_po=customer_po,
        lines=[order_service.LineDraft(sku=sku, quantity=total)]))
    line = session.scalar(select(OrderLine).where(OrderLine.order_id == order.id))
    lots = [material_lot(session, code) for code in material_codes]
    binding_ids, codes = [], []
    for i, qty in enumerate(quantities, start=1):
        code = f"{batch_prefix}-{order.order_no[-6:]}-{i:03d}"
        batch = Batch(code=code, product_id=line.product_id, lot=f"L{order.order_no[-4:]}{i}",
                      quantity=Decimal(qty), production_date=production_date, source="demo")
        session.add(batch)
        session.flush()
        for lot in lots:
            session.add(BatchMaterial(batch_id=batch.id, material_lot_id=lot.id))
        binding = BatchBinding(batch_id=batch.id, order_line_id=line.id, order_id=order.id,
                               quantity=Decimal(qty), bound_at=utcnow(), station=station)
        session.add(binding)
        session.flush()
        binding_ids.append(binding.id)
        codes.append(code)
        if inspected:
            session.add(passed_inspection(batch.id, order.id))
    return BoundOrder(order_id=order.id, order_no=order.order_no,
                      binding_ids=tuple(binding_ids), batch_codes=tuple(codes))


def passed_inspection(batch_id: str, order_id: str | None, inspector: str = "陈静"):  # type: ignore[no-untyped-def]
    """A passed final inspection of every default item (demo data and test fixtures)."""
    from orderdesk.models.inspections import Inspection
    from orderdesk.quality.inspection import DEFAULT_ITEMS

    items = [{"item": item, "standard": standard, "result": "OK", "unit": "", "verdict": "pass"}
             for item, standard in DEFAULT_ITEMS]
    return Inspection(batch_id=batch_id, order_id=order_id, result="pass",
                      items=json.dumps(items, ensure_ascii=False), inspector=inspector,
                      inspector_user="qc1", inspected_at=utcnow(), station="demo")


DEMO_LOTS = [
    ("ML-2611-001", "PA66+GF30 A3WG6", "巴斯夫(中国)有限公司", RESIN_RESULTS),
    ("ML-2611-014", "PBT+GF30 4130", "长春化工(江苏)有限公司", [
        {"item": "阻燃等级", "standard": "UL94 V-0 (1.5 mm)", "result": "V-0", "unit": "",
         "verdict": "合格"},
        {"item": "拉伸强度", "standard": "≥ 120 MPa (ISO 527)", "result": "131", "unit": "MPa",
         "verdict": "合格"},
        {"item": "灼热丝起燃温度", "standard": "≥ 775 ℃ (IEC 60695-2-13)", "result": "800",
         "unit": "℃", "verdict": "合格"}]),
    ("ML-2611-022", "PA6 B3S", "金发科技股份有限公司", [
        {"item": "缺口冲击强度", "standard": "≥ 5 kJ/m² (ISO 179)", "result": "6.2",
         "unit": "kJ/m²", "verdict": "合格"},
        {"item": "RoHS 十项", "standard": "2011/65/EU + (EU) 2015/863", "result": "未检出",
         "unit": "", "verdict": "合格"}]),
]


@dataclass(frozen=True)
class DemoQualityReport:
    orders: int
    batches: int
    skipped: bool = False


def seed_demo(desk, *, orders: int = 40) -> DemoQualityReport:  # type: ignore[no-untyped-def]
    """Quality data for a demo database: material lots, a default certificate template, and
    for the newest orders that are ready to ship or shipped: batches bound to the lines
    that have none yet (one to three per line), every bound batch traced to a material
    lot. Idempotent: a database that has these demo batches is left alone."""
    from orderdesk.models import CertificateTemplate, Order, Setting

    with desk.write() as s:
        if s.scalar(select(Batch.id).where(Batch.source == "demo-quality").limit(1)):
            return DemoQualityReport(orders=0, batches=0, skipped=True)
        lots = [material_lot(s, code, grade, supplier, results)
                for code, grade, supplier, results in DEMO_LOTS]
        if s.scalar(select(CertificateTemplate.id).limit(1)) is None:
            company = s.get(Setting, "company.name")
            s.add(CertificateTemplate(
                name="默认模板", customer_id=None, language="zh",
                company_name=json.loads(company.value) if company else "宁波恒达精密注塑有限公司",
                company_address="浙江省宁波市北仑区明州路 88 号  质量部 0574-8688 0000",
                fields=json.dumps(["logo", "customer", "order_no", "customer_po", "spec", "lot",
                                   "production_date", "material_report", "rohs", "footer"]),
                footer_text="本合格证由 orderdesk 电子签发,二维码含数字签名,可扫码验证;涂改无效。"))
        picked = s.scalars(
            select(Order).where(Order.cancelled.is_(False), Order.merged_into_id.is_(None),
                                Order.status_warehouse.in_(("ready_to_ship", "shipped")))
            .order_by(Order.order_time.desc()).limit(orders)).all()
        count = 0
        bound_lines = set(s.scalars(select(BatchBinding.order_line_id).where(
            BatchBinding.order_id.in_([o.id for o in picked]), BatchBinding.active.is_(True))))
        from orderdesk.models import Product
        from orderdesk.quality.inspection import grade_matches

        by_grade: dict[str, MaterialLot] = {}

        def lot_for(product_id: str, n: int) -> MaterialLot:
            """A lot of the product's specified grade (the certificate's material report
            must match the product), made up for the demo when none exists yet."""
            grade = (s.get(Product, product_id).material_grade or "").strip()
            if not grade:
                return lots[n % len(lots)]
            for lot in lots:
                if grade_matches(grade, lot.material_grade):
                    return lot
            if grade not in by_grade:
                by_grade[grade] = material_lot(
                    s, f"ML-2611-{100 + len(by_grade):03d}", grade, "demo 材料供应商",
                    [{"item": "熔体流动速率", "standard": "符合材料规格书", "result": "合格",
                      "unit": "", "verdict": "合格"}])
            return by_grade[grade]

        # Batches the warehouse demo already bound get a material lot each (trace).
        linked = set(s.scalars(select(BatchMaterial.batch_id)))
        for n, (batch_id, product_id) in enumerate(s.execute(
                select(BatchBinding.batch_id, Batch.product_id)
                .join(Batch, Batch.id == BatchBinding.batch_id).where(
                BatchBinding.order_id.in_([o.id for o in picked]))).all()):
            if batch_id not in linked:
                s.add(BatchMaterial(batch_id=batch_id, material_lot_id=lot_for(product_id, n).id))
                linked.add(batch_id)
        for n, order in enumerate(picked):
            for line in order.lines:
                if line.cancelled or line.id in bound_lines:
                    continue    # never bind more than the line needs
                parts = 1 + (n + line.line_no) % 3
                share = (Decimal(line.quantity) / parts).quantize(Decimal(1))
                rest = Decimal(line.quantity)
                for i in range(parts):
                    qty = rest if i == parts - 1 else share
                    rest -= qty
                    if qty <= 0:
                        continue
                    batch = Batch(code=f"QB{order.order_no[-6:]}{line.line_no:02d}{i + 1}",
                                  product_id=line.product_id, lot=f"L{order.order_no[-5:]}",
                                  quantity=qty, source="demo-quality",
                                  production_date=(order.order_time + dt.timedelta(days=2)).date())
                    s.add(batch)
                    s.flush()
                    s.add(BatchMaterial(batch_id=batch.id,
                                        material_lot_id=lot_for(line.product_id, n + i).id))
                    s.add(BatchBinding(batch_id=batch.id, order_line_id=line.id,
                                       order_id=order.id, quantity=qty, station="demo"))
                    # Most demo batches were inspected; every fourth order waits for
                    # its inspection, so the quality page has work to show.
                    if n % 4:
                        s.add(passed_inspection(batch.id, order.id))
                    count += 1
        return DemoQualityReport(orders=len(picked), batches=count)
