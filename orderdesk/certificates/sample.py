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
                ) -> BoundOrder:
    """An order of one line for sum(quantities), one batch per quantity, each bound to it."""
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
    return BoundOrder(order_id=order.id, order_no=order.order_no,
                      binding_ids=tuple(binding_ids), batch_codes=tuple(codes))
