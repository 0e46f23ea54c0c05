"""Final inspection before a certificate, and what blocks a certificate from being signed.

A certificate of conformity asserts 「本批产品经检验合格」. This module makes that a
record instead of an assertion:

- `record_inspection` stores the inspector's result per test item (item, requirement,
  measured value, verdict), the overall pass/fail, who and when. One failed item makes
  the inspection fail: nothing here lets a failed item pass.
- `issue_blocks_for` says, per batch binding, why a certificate may not be signed now:
  ``no_inspection`` / ``inspection_failed`` (never overridable: a certificate must not
  say "inspected and conforms" when nobody did, or when it does not), ``no_material_lot``
  (the batch has no material lot: the trace and the material report would be empty), and
  ``grade_mismatch`` (a lot's grade is not the product's specified grade, e.g. POM
  specified, PA66+GF30 in the report).
- `override_blocks` lets a quality supervisor (action ``certificate.override``) release
  a binding despite the material blocks it names, with a reason; the override is stored
  (synced, audited) and covers exactly those blocks.
- `check_issuable(session, bindings)` is what the certificate service calls inside its
  issuing transaction; it raises `IssueBlocked` naming every blocked batch and reason.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import NotFound, OrderdeskError, ValidationFailed
from orderdesk.models import Batch, BatchBinding, BatchMaterial, MaterialLot, Order, Product, utcnow
from orderdesk.models.inspections import Inspection, IssueOverride

#: Blocks a supervisor may release with a reason; the others never.
OVERRIDABLE = frozenset({"no_material_lot", "grade_mismatch"})
PASS_VERDICTS = frozenset({"pass", "ok", "合格", "√", "✓"})
FAIL_VERDICTS = frozenset({"fail", "ng", "不合格", "×", "x", "✗"})

#: The final-inspection items a batch is checked on when the inspector does not name
#: others (item, requirement). Shown in the inspection dialog in the user's language.
DEFAULT_ITEMS: tuple[tuple[str, str], ...] = (
    ("appearance", "no flash, sink marks, short shots or scratches"),
    ("dimensions", "key dimensions within drawing tolerance"),
    ("material", "material lot and grade as specified"),
    ("quantity", "quantity and packing as labelled"),
    ("marking", "label, batch code and trace code legible"),
)

# Words stations put before a person's name in display names ("质检 陈静"): the
# certificate prints the person, not the department.
_ROLE_WORDS = frozenset({
    "质检", "质量", "品质", "品管", "检验", "检验员", "质检员", "销售", "仓库", "主管",
    "技术", "工程", "生产", "计划", "财务", "pmc", "qc", "qa", "iqc", "oqc", "ipqc",
})


class IssueBlocked(OrderdeskError):
    """Certificates were not signed: `blocks` lists (batch code, order no, code, facts)."""

    code = "certificate_blocked"


class OverrideNotAllowed(OrderdeskError):
    code = "override_not_allowed"


@dataclass(frozen=True)
class InspectionItem:
    item: str
    standard: str = ""
    result: str = ""       # what was measured or seen
    unit: str = ""
    verdict: str = ""      # pass | fail


@dataclass(frozen=True)
class InspectionRow:
    id: str
    batch_id: str
    batch_code: str
    result: str            # pass | fail
    items: tuple[InspectionItem, ...]
    inspector: str
    inspected_at: dt.datetime
    note: str


@dataclass(frozen=True)
class Block:
    code: str              # no_inspection | inspection_failed | no_material_lot | grade_mismatch
    facts: tuple[tuple[str, str], ...] = ()

    @property
    def overridable(self) -> bool:
        return self.code in OVERRIDABLE

    def fact(self, key: str) -> str:
        return dict(self.facts).get(key, "")

    def as_json(self) -> dict:
        return {"code": self.code, **dict(self.facts)}


@dataclass(frozen=True)
class BindingBlocks:
    binding_id: str
    batch_id: str
    batch_code: str
    order_no: str
    blocks: tuple[Block, ...]        # what still blocks (after overrides)
    overridden: tuple[Block, ...]    # released by a supervisor
    override_reason: str = ""

    @property
    def ok(self) -> bool:
        return not self.blocks


def person_name(display_name: str) -> str:
    """The person's name from a display name that starts with a department word
    ("质检 陈静" -> "陈静", "QC Chen Jing" -> "Chen Jing"); others unchanged."""
    text = (display_name or "").strip()
    parts = text.split(None, 1)
    if len(parts) == 2 and parts[0].strip(":：").lower() in _ROLE_WORDS:
        return parts[1].strip()
    return text


def _norm_grade(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").upper()
    return re.sub(r"[\s+\-/_.]", "", text)


def grade_matches(product_grade: str, lot_grade: str) -> bool:
    """True when the lot is of the product's specified grade. The lot's grade may add a
    trade name or supplier code ("PA66+GF30 A3WG6" is PA66+GF30); spelling of the
    separators does not matter ("PA66-GF30", "PA66GF30"); PA6 is not PA66."""
    want = _norm_grade(product_grade)
    if not want:
        return True
    tokens = [t for t in re.split(r"[\s,;，；()（）]+", unicodedata.normalize("NFKC", lot_grade or ""))
              if t]
    if _norm_grade(lot_grade) == want:
        return True
    return any(_norm_grade(t) == want for t in tokens)


def _verdict(text: str) -> str:
    v = (text or "").strip().lower()
    if v in PASS_VERDICTS:
        return "pass"
    if v in FAIL_VERDICTS:
        return "fail"
    return ""


def _inspector_name(desk: Desk, inspector: str | None) -> str:
    if inspector and inspector.strip():
        return person_name(inspector)[:60]
    if desk.user is not None:
        return person_name(desk.user.display_name or desk.user.username)[:60]
    return desk.actor.user


def record_inspection(desk: Desk, batch_id: str, items: Sequence[InspectionItem], *,
                      order_id: str | None = None, inspector: str | None = None,
                      note: str = "") -> InspectionRow:
    """Record the final inspection of a batch. Every item needs a verdict (pass or fail);
    the inspection passes only when every item passed. Returns the stored row."""
    desk.require("certificate.issue")
    cleaned: list[InspectionItem] = []
    for it in items:
        name = (it.item or "").strip()
        if not name:
            continue
        verdict = _verdict(it.verdict)
        if not verdict:
            raise ValidationFailed(field="verdict", item=name, reason="no_verdict")
        cleaned.append(InspectionItem(item=name[:100], standard=(it.standard or "").strip()[:200],
                                      result=(it.result or "").strip()[:100],
                                      unit=(it.unit or "").strip()[:20], verdict=verdict))
    if not cleaned:
        raise ValidationFailed(field="items", reason="no_items")
    result = "pass" if all(i.verdict == "pass" for i in cleaned) else "fail"
    who = _inspector_name(desk, inspector)
    with desk.write() as s:
        batch = s.get(Batch, batch_id)
        if batch is None:
            raise NotFound(entity="batch", key=batch_id)
        if order_id is not None and s.get(Order, order_id) is None:
            raise NotFound(entity="order", key=order_id)
        row = Inspection(batch_id=batch_id, order_id=order_id, result=result,
                         items=json.dumps([i.__dict__ for i in cleaned], ensure_ascii=False),
                         inspector=who, inspector_user=desk.actor.user,
                         inspected_at=utcnow(), station=desk.station,
                         note=(note or "").strip()[:400] or None)
        s.add(row)
        s.flush()
        out = _inspection_row(row, batch.code)
    return out


def _items(text: str | None) -> tuple[InspectionItem, ...]:
    try:
        raw = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(InspectionItem(**{k: str(r.get(k) or "") for k in
                                   ("item", "standard", "result", "unit", "verdict")})
                 for r in raw if isinstance(r, dict))


def _inspection_row(row: Inspection, batch_code: str) -> InspectionRow:
    return InspectionRow(id=row.id, batch_id=row.batch_id, batch_code=batch_code,
                         result=row.result, items=_items(row.items), inspector=row.inspector,
                         inspected_at=row.inspected_at, note=row.note or "")


def latest_inspections(session: Session, batch_ids: Sequence[str]) -> dict[str, Inspection]:
    """The newest inspection of each batch (by time, then id: UUIDv7 ids grow)."""
    out: dict[str, Inspection] = {}
    wanted = list(dict.fromkeys(batch_ids))
    for i in range(0, len(wanted), 500):
        for row in session.scalars(select(Inspection).where(
                Inspection.batch_id.in_(wanted[i:i + 500]))
                .order_by(Inspection.inspected_at, Inspection.id)):
            out[row.batch_id] = row
    return out


def latest_inspection(desk: Desk, batch_id: str) -> InspectionRow | None:
    with desk.read() as s:
        row = latest_inspections(s, [batch_id]).get(batch_id)
        if row is None:
            return None
        batch = s.get(Batch, batch_id)
        return _inspection_row(row, batch.code if batch else "")


def binding_blocks(session: Session, bindings: Sequence[BatchBinding]) -> list[BindingBlocks]:
    batch_ids = list({b.batch_id for b in bindings})
    batches = {b.id: b for b in session.scalars(select(Batch).where(Batch.id.in_(batch_ids)))} \
        if batch_ids else {}
    products = {p.id: p for p in session.scalars(select(Product).where(
        Product.id.in_({b.product_id for b in batches.values()})))} if batches else {}
    orders = dict(session.execute(select(Order.id, Order.order_no).where(
        Order.id.in_({b.order_id for b in bindings}))).all()) if bindings else {}
    lots: dict[str, list[MaterialLot]] = {}
    for i in range(0, len(batch_ids), 500):
        for bid, lot in session.execute(
                select(BatchMaterial.batch_id, MaterialLot)
                .join(MaterialLot, MaterialLot.id == BatchMaterial.material_lot_id)
                .where(BatchMaterial.batch_id.in_(batch_ids[i:i + 500]),
                       BatchMaterial.active.is_(True))
                .order_by(MaterialLot.code)):
            lots.setdefault(bid, []).append(lot)
    inspections = latest_inspections(session, batch_ids)
    overrides: dict[str, IssueOverride] = {}
    ids = [b.id for b in bindings]
    for i in range(0, len(ids), 500):
        for o in session.scalars(select(IssueOverride).where(
                IssueOverride.binding_id.in_(ids[i:i + 500]), IssueOverride.active.is_(True))
                .order_by(IssueOverride.overridden_at, IssueOverride.id)):
            overrides[o.binding_id] = o
    out = []
    for binding in bindings:
        batch = batches.get(binding.batch_id)
        product = products.get(batch.product_id) if batch else None
        found: list[Block] = []
        insp = inspections.get(binding.batch_id)
        if insp is None:
            found.append(Block("no_inspection"))
        elif insp.result != "pass":
            failed = [i.item for i in _items(insp.items) if i.verdict != "pass"]
            found.append(Block("inspection_failed", (("items", ", ".join(failed)),
                                                     ("inspector", insp.inspector))))
        batch_lots = [lot for lot in lots.get(binding.batch_id, []) if lot.active]
        if not batch_lots:
            found.append(Block("no_material_lot"))
        grade = (product.material_grade or "").strip() if product else ""
        for lot in batch_lots:
            if grade and not grade_matches(grade, lot.material_grade):
                found.append(Block("grade_mismatch", (
                    ("lot", lot.code), ("lot_grade", lot.material_grade),
                    ("product_grade", grade), ("sku", product.sku if product else ""))))
        override = overrides.get(binding.id)
        released: list[Block] = []
        if override is not None:
            try:
                covered = {json.dumps(b, sort_keys=True, ensure_ascii=False)
                           for b in json.loads(override.blocks or "[]")}
            except ValueError:
                covered = set()
            for block in list(found):
                if block.overridable and json.dumps(block.as_json(), sort_keys=True,
                                                    ensure_ascii=False) in covered:
                    found.remove(block)
                    released.append(block)
        out.append(BindingBlocks(
            binding_id=binding.id, batch_id=binding.batch_id,
            batch_code=batch.code if batch else "", order_no=orders.get(binding.order_id, ""),
            blocks=tuple(found), overridden=tuple(released),
            override_reason=override.reason if override is not None and released else ""))
    return out


def check_issuable(session: Session, bindings: Sequence[BatchBinding]) -> None:
    """Raise IssueBlocked naming every binding that may not be certified now (called
    inside the issuing transaction, so nothing is signed when one is blocked)."""
    blocked = [b for b in binding_blocks(session, bindings) if b.blocks]
    if blocked:
        raise IssueBlocked(blocked=[
            {"batch": b.batch_code, "order": b.order_no,
             "blocks": [blk.as_json() for blk in b.blocks]} for b in blocked])


def inspector_for(session: Session, batch_id: str) -> str | None:
    """The name of whoever passed the batch's latest inspection (printed on the
    certificate), or None when there is no passed inspection."""
    row = latest_inspections(session, [batch_id]).get(batch_id)
    return row.inspector if row is not None and row.result == "pass" else None


def issue_blocks_for(desk: Desk, binding_ids: Sequence[str]) -> list[BindingBlocks]:
    """What blocks each binding from being certified now (empty `blocks`: it may be)."""
    with desk.read() as s:
        bindings = [b for b in s.scalars(select(BatchBinding).where(
            BatchBinding.id.in_(list(binding_ids))))]
        order = {bid: n for n, bid in enumerate(binding_ids)}
        return sorted(binding_blocks(s, bindings), key=lambda r: order.get(r.binding_id, 0))


def override_blocks(desk: Desk, binding_id: str, reason: str) -> Changes:
    """A quality supervisor releases `binding_id` despite its material blocks, with a
    reason. Refused when a block is not overridable (no or failed inspection)."""
    desk.require("certificate.override")
    reason = (reason or "").strip()
    if not reason:
        from orderdesk.certificates.service import ReasonRequired

        raise ReasonRequired(action="override")
    with desk.write() as s:
        binding = s.get(BatchBinding, binding_id)
        if binding is None:
            raise NotFound(entity="batch_binding", key=binding_id)
        (state,) = binding_blocks(s, [binding])
        hard = [b.code for b in state.blocks if not b.overridable]
        if hard:
            raise OverrideNotAllowed(blocks=hard, batch=state.batch_code)
        if not state.blocks:
            return Changes()
        s.add(IssueOverride(batch_id=binding.batch_id, binding_id=binding.id,
                            blocks=json.dumps([b.as_json() for b in state.blocks + state.overridden],
                                              ensure_ascii=False),
                            reason=reason[:400], overridden_by=desk.actor.user,
                            overridden_at=utcnow(), station=desk.station, active=True))
    return Changes(certificates=True)
