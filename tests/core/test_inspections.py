"""Quality signs only what was checked: the inspection record, the issue blocks (no
inspection, failed inspection, no material lot, grade mismatch), the supervisor's
override with a reason, and the inspector's name on the certificate."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from sqlalchemy import func, select

from orderdesk.certificates import sample, service
from orderdesk.desk import Desk, UserInfo
from orderdesk.errors import PermissionDenied, ValidationFailed
from orderdesk.models import AuditLog, BatchMaterial, Certificate, Outbox
from orderdesk.models.inspections import Inspection, IssueOverride
from orderdesk.quality import inspection as qi
from orderdesk.services import catalog

QC = UserInfo(id="u-qc", username="qc1", display_name="质检 陈静", roles=("quality",))
BOSS = UserInfo(id="u-boss", username="boss", display_name="主管 周总", roles=("supervisor",))


def _order(desk: Desk, *, grade: str | None = "PA66+GF30", lots=("ML-2611-001",),
           inspected: bool = False, batches: int = 1):  # type: ignore[no-untyped-def]
    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
        catalog.upsert_product(s, "BRK-1001", "支架", spec="80mm", material_grade=grade)
        return sample.bound_order(s, customer_code="C001", sku="BRK-1001",
                                  quantities=[100] * batches, material_codes=lots,
                                  inspected=inspected)


def _batch_ids(desk: Desk, bo) -> list[str]:  # type: ignore[no-untyped-def]
    from orderdesk.models import BatchBinding

    with desk.read() as s:
        return [s.get(BatchBinding, b).batch_id for b in bo.binding_ids]


def _items(**verdicts: str) -> list[qi.InspectionItem]:
    return [qi.InspectionItem(item=item, standard=std, result="OK", verdict=verdicts.get(item, "pass"))
            for item, std in qi.DEFAULT_ITEMS]


def _certs(desk: Desk) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count(Certificate.id)))


def test_no_inspection_blocks_signing_and_signs_nothing(desk):
    bo = _order(desk)
    desk.sign_in(QC)
    with pytest.raises(qi.IssueBlocked) as err:
        service.issue_for_order(desk, bo.order_id)
    (blocked,) = err.value.facts["blocked"]
    assert blocked["batch"] == bo.batch_codes[0]
    assert [b["code"] for b in blocked["blocks"]] == ["no_inspection"]
    assert _certs(desk) == 0


def test_recorded_inspection_lets_the_inspector_sign_with_her_name(desk, tmp_path):
    bo = _order(desk)
    desk.sign_in(QC)
    (batch_id,) = _batch_ids(desk, bo)
    row = qi.record_inspection(desk, batch_id, _items(), order_id=bo.order_id)
    assert row.result == "pass" and row.inspector == "陈静"   # no department prefix
    assert [i.item for i in row.items] == [i for i, _ in qi.DEFAULT_ITEMS]
    with desk.read() as s:
        stored = s.scalar(select(Inspection))
        assert stored.inspector_user == "qc1" and stored.inspected_at is not None
        # audited and queued for sync like every tracked row
        assert s.scalar(select(func.count(AuditLog.id)).where(AuditLog.entity == "inspections"))
        assert s.scalar(select(func.count(Outbox.seq)).where(Outbox.entity == "inspections"))
    result = service.issue_for_order(desk, bo.order_id)
    assert result.created == 1
    assert result.certificates[0].inspector == "陈静"
    if shutil.which("pdftotext"):
        out = tmp_path / "c.pdf"
        service.render_certificates(desk, [result.certificates[0].id], out)
        text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "检验员: 陈静" in text and "质检 陈静" not in text


def test_a_failed_item_fails_the_inspection_and_no_override_releases_it(desk):
    bo = _order(desk)
    desk.sign_in(QC)
    (batch_id,) = _batch_ids(desk, bo)
    row = qi.record_inspection(desk, batch_id, _items(dimensions="fail"))
    assert row.result == "fail"
    with pytest.raises(qi.IssueBlocked) as err:
        service.issue_for_order(desk, bo.order_id)
    block = err.value.facts["blocked"][0]["blocks"][0]
    assert block["code"] == "inspection_failed" and block["items"] == "dimensions"
    desk.sign_in(BOSS)
    with pytest.raises(qi.OverrideNotAllowed):
        qi.override_blocks(desk, bo.binding_ids[0], "customer accepts")
    # a re-inspection that passes is a new record and counts from then on
    desk.sign_in(QC)
    qi.record_inspection(desk, batch_id, _items())
    assert service.issue_for_order(desk, bo.order_id).created == 1
    with desk.read() as s:
        assert s.scalar(select(func.count(Inspection.id))) == 2   # the failed one is kept


def test_an_item_without_a_verdict_is_refused(desk):
    bo = _order(desk)
    desk.sign_in(QC)
    (batch_id,) = _batch_ids(desk, bo)
    with pytest.raises(ValidationFailed):
        qi.record_inspection(desk, batch_id, [qi.InspectionItem("appearance", verdict="")])
    with pytest.raises(ValidationFailed):
        qi.record_inspection(desk, batch_id, [])


def test_missing_material_lot_blocks_with_reason_and_supervisor_overrides(desk):
    bo = _order(desk, lots=(), inspected=True)
    desk.sign_in(QC)
    with pytest.raises(qi.IssueBlocked) as err:
        service.issue_for_order(desk, bo.order_id)
    assert err.value.facts["blocked"][0]["blocks"] == [{"code": "no_material_lot"}]
    # quality staff may not release it
    with pytest.raises(PermissionDenied):
        qi.override_blocks(desk, bo.binding_ids[0], "lot card lost")
    desk.sign_in(BOSS)
    with pytest.raises(service.ReasonRequired):
        qi.override_blocks(desk, bo.binding_ids[0], "  ")
    qi.override_blocks(desk, bo.binding_ids[0], "lot card lost; resin checked by IQC sample")
    state = qi.issue_blocks_for(desk, bo.binding_ids)[0]
    assert state.ok and [b.code for b in state.overridden] == ["no_material_lot"]
    assert "lot card lost" in state.override_reason
    with desk.read() as s:
        override = s.scalar(select(IssueOverride))
        assert override.overridden_by == "boss" and json.loads(override.blocks) == [
            {"code": "no_material_lot"}]
        assert s.scalar(select(func.count(AuditLog.id)).where(AuditLog.entity == "issue_overrides"))
    desk.sign_in(QC)
    assert service.issue_for_order(desk, bo.order_id).created == 1


def test_grade_mismatch_blocks_naming_both_grades_and_override_covers_only_that(desk):
    bo = _order(desk, grade="POM", inspected=True)   # the sample lot is PA66+GF30 A3WG6
    desk.sign_in(QC)
    with pytest.raises(qi.IssueBlocked) as err:
        service.issue_for_order(desk, bo.order_id)
    (block,) = err.value.facts["blocked"][0]["blocks"]
    assert block == {"code": "grade_mismatch", "lot": "ML-2611-001",
                     "lot_grade": "PA66+GF30 A3WG6", "product_grade": "POM", "sku": "BRK-1001"}
    desk.sign_in(BOSS)
    qi.override_blocks(desk, bo.binding_ids[0], "drawing rev. C allows PA66+GF30")
    assert qi.issue_blocks_for(desk, bo.binding_ids)[0].ok
    # a second, different mismatching lot linked later is not covered by that override
    with desk.write() as s:
        lot = sample.material_lot(s, "ML-2611-077", grade="PC")
        s.add(BatchMaterial(batch_id=_batch_ids(desk, bo)[0], material_lot_id=lot.id))
    state = qi.issue_blocks_for(desk, bo.binding_ids)[0]
    assert [b.fact("lot") for b in state.blocks] == ["ML-2611-077"]


def test_one_blocked_batch_stops_the_whole_issue(desk):
    bo = _order(desk, batches=2, inspected=True)
    with desk.write() as s:   # the second batch's inspection is withdrawn by a failed one
        s.add(Inspection(batch_id=_batch_ids(desk, bo)[1], result="fail", items="[]",
                         inspector="陈静", inspected_at=sample.utcnow()))
    desk.sign_in(QC)
    with pytest.raises(qi.IssueBlocked) as err:
        service.issue_for_order(desk, bo.order_id)
    assert [b["batch"] for b in err.value.facts["blocked"]] == [bo.batch_codes[1]]
    assert _certs(desk) == 0


def test_reissue_is_blocked_too(desk):
    bo = _order(desk, inspected=True)
    desk.sign_in(BOSS)
    cert = service.issue_for_order(desk, bo.order_id).certificates[0]
    with desk.write() as s:
        for link in s.scalars(select(BatchMaterial)):
            link.active = False
    with pytest.raises(qi.IssueBlocked):
        service.reissue_certificate(desk, cert.id, "corrected report")


@pytest.mark.parametrize(("product", "lot", "match"), [
    ("PA66+GF30", "PA66+GF30 A3WG6", True),     # trade name after the grade
    ("PA66+GF30", "PA66-GF30", True),           # separator spelling
    ("PA66+GF30", "pa66gf30", True),            # case
    ("PA66+GF30", "ＰＡ６６＋ＧＦ３０", True),     # full-width input
    ("PA6", "PA6 B3S", True),
    ("PA6", "PA66+GF30 A3WG6", False),          # PA6 is not PA66
    ("POM", "PA66+GF30", False),
    ("PBT+GF30", "PBT+GF30 4130", True),
    ("PP+T20", "PP-T20", True),
    ("", "anything", True),                     # no grade specified: nothing to compare
])
def test_grade_matching_one_property_at_a_time(product, lot, match):
    assert qi.grade_matches(product, lot) is match


@pytest.mark.parametrize(("display", "name"), [
    ("质检 陈静", "陈静"), ("陈静", "陈静"), ("QC Chen Jing", "Chen Jing"),
    ("Chen Jing", "Chen Jing"), ("品质 王 芳", "王 芳"), ("", ""),
])
def test_person_name_drops_only_a_department_word(display, name):
    assert qi.person_name(display) == name
