"""Catalog import: customers, products (with nicknames), BOMs, stock and receipts from Excel.

Each sheet of the workbook (or a CSV) is recognised by its header, the same way order
sheets are; a workbook may hold any mix of the five kinds. Everything is upserted in
ONE transaction: a customer is matched by code, else by name or alias, so importing a
list twice never creates anyone twice; a BOM line by (parent, component); stock is set
to the sheet's on-hand figure; a receipt by (product, due date, reference).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import OrderdeskError
from orderdesk.intake.columns import _score_row, cell_text
from orderdesk.intake.errors import HeaderNotFound, IntakeError
from orderdesk.intake.matching import Catalog
from orderdesk.intake.orders_import import RejectedRow, RowProblem, _new_customer_code
from orderdesk.intake.readers import SheetData, read_sheets
from orderdesk.intake.values import is_blank_row, is_total_row, parse_date, parse_quantity
from orderdesk.models import BomLine, Customer, Product, Receipt, StockItem
from orderdesk.models.intake import IntakeFile
from orderdesk.normalize import half_width, sku_norm
from orderdesk.services.catalog import upsert_customer, upsert_product

SEARCH_ROWS = 30

KINDS: dict[str, tuple[dict[str, tuple[str, ...]], tuple[str, ...]]] = {
    "customers": ({
        "code": ("客户编码", "客户代码", "客户编号", "customercode", "code", "编码"),
        "name": ("客户名称", "客户", "公司名称", "customername", "customer", "name", "名称"),
        "tier": ("等级", "客户等级", "级别", "tier", "grade"),
        "aliases": ("别名", "简称", "客户简称", "alias", "aliases"),
        "contact": ("联系人", "contact"),
        "phone": ("联系电话", "电话", "手机", "phone", "tel", "mobile"),
        "address": ("收货地址", "地址", "address"),
        "payment_terms": ("付款条件", "账期", "结算方式", "paymentterms", "terms"),
    }, ("name",)),
    "products": ({
        "sku": ("物料编码", "料号", "产品编码", "商品编码", "sku", "partno", "itemcode", "编码"),
        "name": ("品名", "产品名称", "物料名称", "名称", "name", "description"),
        "spec": ("规格", "规格型号", "spec"),
        "unit": ("单位", "unit", "uom"),
        "product_line": ("产品线", "产品系列", "productline", "line"),
        "pack_size": ("包装数", "装箱数", "每箱数量", "包装数量", "最小包装", "packsize", "pack"),
        "nicknames": ("昵称", "俗称", "别名", "简称", "nicknames", "nickname", "alias"),
        "gtin": ("条码", "gtin", "ean", "商品条码"),
        "material_grade": ("材质", "材料牌号", "material", "grade"),
        "is_component": ("是否组件", "物料类型", "类别", "类型", "component", "type"),
    }, ("sku", "name")),
    "bom": ({
        "parent": ("父件编码", "成品编码", "父项", "父件", "parent", "parentsku", "成品"),
        "component": ("子件编码", "组件编码", "子项", "子件", "component", "componentsku", "材料编码"),
        "qty_per": ("用量", "单位用量", "单耗", "qtyper", "quantityper", "usage"),
        "scrap_rate": ("损耗率", "损耗", "scrap", "scraprate"),
    }, ("parent", "component", "qty_per")),
    "stock": ({
        "sku": ("物料编码", "料号", "产品编码", "sku", "partno", "编码"),
        "on_hand": ("库存数量", "现存量", "在库数量", "库存", "onhand", "stock", "结存数量"),
        "allocated": ("已分配", "占用", "allocated", "预留"),
        "location": ("库位", "仓位", "location", "bin"),
    }, ("sku", "on_hand")),
    "receipts": ({
        "sku": ("物料编码", "料号", "产品编码", "sku", "partno", "编码"),
        "quantity": ("到货数量", "在途数量", "采购数量", "数量", "quantity", "qty"),
        "due_date": ("预计到货日期", "到货日期", "交期", "duedate", "eta", "预计到货"),
        "reference": ("单号", "采购单号", "po", "reference", "ref"),
        "kind": ("类型", "来源", "kind"),
    }, ("sku", "quantity", "due_date")),
}
ORDER = ("customers", "products", "bom", "stock", "receipts")


@dataclass(frozen=True)
class SheetReport:
    path: str
    sheet: str
    kind: str | None
    created: int = 0
    updated: int = 0
    rejected: int = 0


@dataclass(frozen=True)
class CatalogReport:
    sheets: tuple[SheetReport, ...]
    rejected: tuple[RejectedRow, ...]
    errors: tuple[tuple[str, OrderdeskError], ...]
    dry_run: bool
    changes: Changes = field(default_factory=Changes)

    @property
    def anything_read(self) -> bool:
        return bool(self.sheets)

    def as_dict(self) -> dict[str, object]:
        from orderdesk.intake.errors import describe_error as describe
        from orderdesk.intake.errors import reason_text

        return {
            "dry_run": self.dry_run,
            "sheets": [{"path": s.path, "sheet": s.sheet, "kind": s.kind, "created": s.created,
                        "updated": s.updated, "rejected": s.rejected} for s in self.sheets],
            "errors": [{"path": p, "error": describe(e), "error_code": e.code}
                       for p, e in self.errors],
            "rejected_rows": [{"path": r.path, "row": r.row, "problems": [
                {"column": p.column, "field": p.field, "value": p.value, "reason": p.reason,
                 "text": reason_text(p.reason)} for p in r.problems]} for r in self.rejected],
        }


def classify(sheet: SheetData) -> tuple[str, int, dict[int, str]] | None:
    """(kind, header row, column → field) of the kind whose header fits the sheet best."""
    best: tuple[int, str, int, dict[int, str]] | None = None
    for kind in ORDER:
        vocab, required = KINDS[kind]
        for index, row in enumerate(sheet.rows[:SEARCH_ROWS]):
            score, fields, _ = _score_row(row, vocab, None)
            if not all(r in fields.values() for r in required):
                continue
            # Prefer the kind whose vocabulary explains more of the row.
            if best is None or score > best[0]:
                best = (score, kind, index, fields)
    if best is None:
        return None
    return best[1], best[2], best[3]


def _decimal(value: object) -> Decimal:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(str(value))
    text = half_width(cell_text(value)).replace(",", "").strip()
    percent = text.endswith("%")
    try:
        number = Decimal(text.rstrip("%") or "0")
    except InvalidOperation:
        raise ValueError("not_a_number") from None
    return number / 100 if percent else number


def _split(text: str) -> list[str]:
    return [t.strip() for t in re.split(r"[;；,，、/|]", text) if t.strip()]


COMPONENT_WORDS = {"是", "y", "yes", "true", "1", "组件", "原料", "材料", "component", "raw",
                   "半成品", "零件"}


def run_catalog_import(desk: Desk, paths: Sequence[str | Path], *, dry_run: bool = False,
                       abort: Any = None,
                       progress: Callable[[int, int, str], None] | None = None
                       ) -> CatalogReport:
    """Upsert every recognised sheet of every file in one transaction; report the rest.

    `abort` (a threading.Event set from another thread) cancels: nothing is written.
    """
    from orderdesk.intake.errors import ImportAborted

    desk.require("catalog.write")
    sheets_done: list[SheetReport] = []
    rejected: list[RejectedRow] = []
    errors: list[tuple[str, OrderdeskError]] = []
    touched = {"customers": False, "products": False, "stock": False}
    with desk.write() as s:
        for n, path in enumerate(paths):
            if progress:
                progress(n, len(paths), Path(path).name)
            try:
                sheets = read_sheets(path)
            except IntakeError as exc:
                errors.append((str(path), exc))
                continue
            recognised = []
            for sheet in sheets:
                found = classify(sheet)
                if found:
                    recognised.append((ORDER.index(found[0]), sheet, found))
            if not recognised:
                errors.append((str(path), HeaderNotFound(
                    path=str(path), sheet=", ".join(x.name for x in sheets),
                    searched_rows=SEARCH_ROWS, required="物料编码/客户名称/父件编码")))
                continue
            # Customers and products first, so BOM, stock and receipt rows find them.
            for _, sheet, (kind, header_row, fields) in sorted(recognised, key=lambda r: r[0]):
                if abort is not None and abort.is_set():
                    raise ImportAborted()
                report, bad = _import_sheet(s, str(path), sheet, kind, header_row, fields)
                sheets_done.append(report)
                rejected.extend(bad)
                touched["customers"] |= kind == "customers"
                touched["products"] |= kind in ("products", "bom")
                touched["stock"] |= kind in ("stock", "receipts")
            digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            if s.scalar(select(IntakeFile.id).where(IntakeFile.sha256 == digest)) is None:
                s.add(IntakeFile(sha256=digest, filename=Path(path).name, kind="catalog",
                                 imported_by=s.info["actor"].user, station=s.info["actor"].station,
                                 rows_rejected=len(rejected), summary=json.dumps(
                                     [r.__dict__ for r in sheets_done if r.path == str(path)],
                                     ensure_ascii=False)))
        if dry_run:
            s.rollback()
    wrote = not dry_run
    return CatalogReport(sheets=tuple(sheets_done), rejected=tuple(rejected), errors=tuple(errors),
                         dry_run=dry_run,
                         changes=Changes(catalog=wrote and (touched["customers"] or touched["products"]),
                                         stock=wrote and touched["stock"]))


def _import_sheet(s, path: str, sheet: SheetData, kind: str, header_row: int,  # type: ignore[no-untyped-def]
                  fields: dict[int, str]) -> tuple[SheetReport, list[RejectedRow]]:
    cols = {f: c for c, f in fields.items()}
    headers = tuple(cell_text(c) for c in sheet.rows[header_row])
    created = updated = 0
    bad: list[RejectedRow] = []
    catalog = Catalog.load(s)
    for index in range(header_row + 1, len(sheet.rows)):
        row = sheet.rows[index]
        if is_blank_row(row) or is_total_row(row):
            continue
        row_no = index + 1

        def get(fld: str) -> str:
            col = cols.get(fld)
            return cell_text(row[col]) if col is not None and col < len(row) else ""

        def raw(fld: str) -> object:
            col = cols.get(fld)
            return row[col] if col is not None and col < len(row) else None

        def reject(fld: str, value: object, reason: str) -> None:
            col = cols.get(fld)
            column = headers[col] if col is not None and col < len(headers) else fld
            bad.append(RejectedRow(path, row_no, tuple(cell_text(c) for c in row), headers,
                                   (RowProblem(row_no, column, fld, cell_text(value), reason),)))

        try:
            if kind == "customers":
                name = get("name")
                if not name:
                    reject("name", "", "blank")
                    continue
                tier = (get("tier") or "B").upper()[:1]
                if tier not in "ABC":
                    tier = "B"
                code = get("code")
                if not code:
                    cid, _ = catalog.match_customer(None, get("phone") or None, name)
                    code = catalog.customers[cid].code if cid else _new_customer_code(s)
                is_new = code.strip().upper() not in catalog.by_code
                contacts = [(get("contact") or name, get("phone"))] if get("phone") else []
                c = upsert_customer(s, code, name, tier=tier, aliases=_split(get("aliases")),
                                    contacts=contacts,
                                    addresses=[get("address")] if get("address") else [],
                                    payment_terms=get("payment_terms") or None)
                from orderdesk.intake.matching import CustomerInfo
                catalog.add_customer(CustomerInfo(c.id, c.code, c.name), phone=get("phone"))
            elif kind == "products":
                sku, name = get("sku"), get("name")
                if not sku or not name:
                    reject("sku" if not sku else "name", "", "blank")
                    continue
                pack = None
                if get("pack_size"):
                    try:
                        pack = int(parse_quantity(raw("pack_size")))
                    except ValueError as exc:
                        reject("pack_size", raw("pack_size"), str(exc))
                        continue
                is_new = sku_norm(sku) not in catalog.products
                upsert_product(s, sku, name, spec=get("spec") or None, unit=get("unit") or "pcs",
                               product_line=get("product_line") or None, pack_size=pack,
                               nicknames=_split(get("nicknames")),
                               is_component=get("is_component").lower() in COMPONENT_WORDS,
                               gtin=re.sub(r"\D", "", get("gtin")) or None,
                               material_grade=get("material_grade") or None)
            elif kind == "bom":
                parent = s.scalar(select(Product).where(Product.sku_norm == sku_norm(get("parent"))))
                comp = s.scalar(select(Product).where(Product.sku_norm == sku_norm(get("component"))))
                if parent is None:
                    reject("parent", get("parent"), "unknown_product")
                    continue
                if comp is None:
                    reject("component", get("component"), "unknown_product")
                    continue
                if parent.id == comp.id:
                    reject("component", get("component"), "component_is_parent")
                    continue
                qty = _decimal(raw("qty_per"))
                if qty <= 0:
                    reject("qty_per", raw("qty_per"), "not_positive")
                    continue
                scrap = _decimal(raw("scrap_rate")) if get("scrap_rate") else Decimal(0)
                line = s.scalar(select(BomLine).where(BomLine.parent_id == parent.id,
                                                      BomLine.component_id == comp.id))
                is_new = line is None
                if line is None:
                    s.add(BomLine(parent_id=parent.id, component_id=comp.id, qty_per=qty,
                                  scrap_rate=scrap))
                else:
                    line.qty_per, line.scrap_rate, line.active = qty, scrap, True
            elif kind == "stock":
                p = s.scalar(select(Product).where(Product.sku_norm == sku_norm(get("sku"))))
                if p is None:
                    reject("sku", get("sku"), "unknown_product")
                    continue
                on_hand = _decimal(raw("on_hand"))
                item = s.scalar(select(StockItem).where(StockItem.product_id == p.id))
                is_new = item is None
                if item is None:
                    item = StockItem(product_id=p.id, on_hand=on_hand)
                    s.add(item)
                else:
                    item.on_hand = on_hand
                if get("allocated"):
                    item.allocated = _decimal(raw("allocated"))
                if get("location"):
                    item.location = get("location")
            else:  # receipts
                p = s.scalar(select(Product).where(Product.sku_norm == sku_norm(get("sku"))))
                if p is None:
                    reject("sku", get("sku"), "unknown_product")
                    continue
                qty = parse_quantity(raw("quantity"))
                try:
                    due = parse_date(raw("due_date"), dt.date.today())
                except ValueError as exc:
                    reject("due_date", raw("due_date"), str(exc))
                    continue
                ref = get("reference") or None
                existing = s.scalar(select(Receipt).where(
                    Receipt.product_id == p.id, Receipt.due_date == due,
                    Receipt.reference == ref if ref else Receipt.reference.is_(None)))
                is_new = existing is None
                if existing is None:
                    s.add(Receipt(product_id=p.id, quantity=qty, due_date=due, reference=ref,
                                  kind=get("kind") or "purchase"))
                else:
                    existing.quantity = qty
            s.flush()
        except ValueError as exc:
            reject(next(iter(cols)), "", str(exc) if str(exc) in (
                "not_a_number", "not_positive", "blank") else "not_a_number")
            continue
        except OrderdeskError as exc:
            reject(exc.facts.get("field", next(iter(cols))), exc.facts.get("value", ""),
                   str(exc.facts.get("reason", exc.code)))
            continue
        if is_new:
            created += 1
        else:
            updated += 1
    return SheetReport(path, sheet.name, kind, created, updated, len(bad)), bad


__all__ = ["CatalogReport", "SheetReport", "classify", "run_catalog_import", "Customer"]
