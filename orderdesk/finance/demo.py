"""The seed's finance case for the demo factory.

"72 hours to deliver 52,000 custom brackets" for an NEV maker: the rush order, bound to
26 batches of 2,000, shipped, and split by the customer's rule (a ¥100,000 cap on
价税合计, split lines allowed) into 3 invoices; the despatch advice and the 3 INVOICs
are queued for the customer's EDI endpoint. A second customer has a shipment of three
POs at two tax rates waiting on finance's work list (split per PO and tax rate).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from orderdesk.desk import Desk
from orderdesk.finance import invoicing, shipping
from orderdesk.finance.split import SplitRule
from orderdesk.ids import uuid7
from orderdesk.models import Customer, Order, OrderLine, utcnow
from orderdesk.models.finance import EdiPartner
from orderdesk.models.batches import Batch, BatchBinding
from orderdesk.models.finance import ProductTax, Shipment
from orderdesk.services import catalog
from orderdesk.tracking import Actor

NEV_CODE = "C0901"
NEV_NAME = "长江新能源汽车股份有限公司"
NEV_PO = "NEV-PO-2601-0088"
NEV_QTY = Decimal(52000)
NEV_PRICE = Decimal("4.85")


@dataclass(frozen=True)
class FinanceDemo:
    order_no: str
    shipment_no: str
    invoices: tuple[str, ...]
    edi_queued: int
    skipped: bool = False


def _order(session, customer: Customer, po: str, lines, ship_to: str, *,  # type: ignore[no-untyped-def]
           rush: bool = False) -> Order:
    from orderdesk.services.orders import next_order_no

    now = utcnow()
    order = Order(id=uuid7(), order_no=next_order_no(session, now), channel="excel_email",
                  customer_id=customer.id, customer_po=po, order_time=now - dt.timedelta(hours=70),
                  requested_date=(now + dt.timedelta(days=1)).date(), rush=rush,
                  rush_reason="A类客户72小时内交期" if rush else None, status_sales="confirmed",
                  status_production="finished", status_warehouse="ready_to_ship",
                  delivery_address=ship_to, station="demo", created_by="sales1")
    session.add(order)
    session.flush()
    for no, (product, qty, price, batch_size) in enumerate(lines, start=1):
        line = OrderLine(id=uuid7(), order_id=order.id, line_no=no, product_id=product.id,
                         quantity=qty, unit="pcs", unit_price=price,
                         due_date=order.requested_date)
        session.add(line)
        session.flush()
        left, k = qty, 0
        while left > 0:
            k += 1
            q = min(batch_size, left)
            batch = Batch(code=f"{order.order_no[-6:]}-{no}-{k:03d}", product_id=product.id,
                          quantity=q, lot=f"L{now:%y%m%d}{no}{k:03d}", source="demo",
                          production_date=now.date())
            session.add(batch)
            session.flush()
            session.add(BatchBinding(batch_id=batch.id, order_line_id=line.id,
                                     order_id=order.id, quantity=q, bound_by="wh1",
                                     station="demo"))
            left -= q
    return order


def seed_finance_demo(desk: Desk) -> FinanceDemo:
    """Add the finance case once (a second call finds it and does nothing)."""
    with desk.read() as s:
        if s.scalar(select(Customer.id).where(Customer.code == NEV_CODE)):
            return FinanceDemo("", "", (), 0, skipped=True)
    actor = Actor(user="demo", station=desk.station)
    with desk.write(actor) as s:
        nev = catalog.upsert_customer(s, NEV_CODE, NEV_NAME, tier="A", aliases=["长江新能源"],
                                      addresses=["常州市武进区新能源产业园总装车间"],
                                      payment_terms="票到60天")
        bracket = catalog.upsert_product(s, "BRK-5200", "定制支架", spec="PA66+GF30 电池包支架",
                                         unit="pcs", product_line="汽车支架", pack_size=2000,
                                         gtin="06901234520001", material_grade="PA66+GF30")
        s.flush()
        s.add(ProductTax(product_id=bracket.id, rate=Decimal("0.13"), tax_code="1080413",
                         item_name="*塑料制品*电池包支架"))
        invoicing.set_rule_in(s, nev, SplitRule(amount_cap=Decimal("100000"),
                                                allow_line_split=True),
                              buyer_name=NEV_NAME, tax_id="91320412MA1NEV0088")
        s.add(EdiPartner(customer_id=nev.id, profile="eancom-d96a",
                         url="https://edi.nev-demo.invalid/as2/inbound", sender_id="6901234500004",
                         sender_qualifier="14", recipient_id="6909876500007",
                         recipient_qualifier="14", syntax="UNOC", association="EAN008"))
        order = _order(s, nev, NEV_PO, [(bracket, NEV_QTY, NEV_PRICE, Decimal(2000))],
                       "常州市武进区新能源产业园总装车间", rush=True)
        s.flush()
        shipment, queued = shipping.ship_in(s, [order.order_no], carrier="顺丰速运 (专车)",
                                            tracking_no="SF1402260188", packages=26)
        s.flush()
        invoice_nos, queued_inv = invoicing.issue_in(s, shipment)

        # A second customer: three POs at two tax rates, shipped, waiting for finance.
        tier1 = catalog.upsert_customer(s, "C0902", "华东汽车电子系统有限公司", tier="A")
        items = []
        for sku, name, rate, price in (("HSG-7101", "连接器外壳", "0.13", "1.50"),
                                       ("HSG-7102", "插头壳", "0.13", "2.00"),
                                       ("SVC-7103", "模具维护服务", "0.06", "8.00")):
            p = catalog.upsert_product(s, sku, name, spec="PBT+GF30", unit="pcs",
                                       product_line="连接器外壳" if sku.startswith("HSG")
                                       else "服务")
            s.flush()
            s.add(ProductTax(product_id=p.id, rate=Decimal(rate)))
            items.append((p, Decimal(price)))
        invoicing.set_rule_in(s, tier1, SplitRule(per_po=True, per_tax_rate=True,
                                                  amount_cap=Decimal("100000"),
                                                  allow_line_split=True),
                              buyer_name="华东汽车电子系统有限公司", tax_id="91310115MA1H7T1E2X")
        orders = [
            _order(s, tier1, "HD-4500-771", [(items[0][0], Decimal(50000), items[0][1],
                                               Decimal(5000)),
                                              (items[2][0], Decimal(1000), items[2][1],
                                               Decimal(1000))], "无锡市新吴区汽车电子园3号厂房"),
            _order(s, tier1, "HD-4500-772", [(items[1][0], Decimal(60000), items[1][1],
                                               Decimal(6000))], "无锡市新吴区汽车电子园3号厂房"),
            _order(s, tier1, "HD-4500-773", [(items[2][0], Decimal(3000), items[2][1],
                                               Decimal(3000))], "无锡市新吴区汽车电子园3号厂房"),
        ]
        s.flush()
        shipping.ship_in(s, [o.order_no for o in orders], carrier="德邦物流",
                         tracking_no="DB88012345", packages=23)
        return FinanceDemo(order.order_no, shipment.shipment_no, tuple(invoice_nos),
                           len(queued) + len(queued_inv))


def demo_shipment(desk: Desk) -> str | None:
    with desk.read() as s:
        return s.scalar(select(Shipment.shipment_no).join(
            Customer, Customer.id == Shipment.customer_id).where(Customer.code == NEV_CODE))


__all__ = ["FinanceDemo", "seed_finance_demo", "demo_shipment"]
