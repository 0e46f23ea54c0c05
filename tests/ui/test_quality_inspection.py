"""The quality page: record the inspection before signing, see why a batch is blocked,
and (supervisors only) release a material block with a recorded reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from orderdesk.certificates import sample
from orderdesk.services import catalog


@pytest.fixture
def unchecked(desk):  # type: ignore[no-untyped-def]
    """One batch nobody inspected yet, and one inspected batch with no material lot."""
    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A")
        catalog.upsert_product(s, "BRK-1001", "支架", spec="80mm", material_grade="PA66+GF30")
        a = sample.bound_order(s, customer_code="C001", sku="BRK-1001", quantities=[100],
                               inspected=False, batch_prefix="BA")
        b = sample.bound_order(s, customer_code="C001", sku="BRK-1001", quantities=[50],
                               material_codes=(), inspected=True, batch_prefix="BB")
    return a, b


def _page(ctx, qtbot, wait_tasks):  # type: ignore[no-untyped-def]
    from orderdesk.ui.quality.page import QualityPage

    p = QualityPage(ctx)
    qtbot.addWidget(p)
    ctx.changes_did_apply.connect(p.on_changes)
    p.resize(1280, 700)
    p.show()
    wait_tasks(ctx)
    return p


def _row(p, batch_code):  # type: ignore[no-untyped-def]
    for i, r in enumerate(p.ready_model.rows()):
        if r.batch_code == batch_code:
            return i, r
    raise AssertionError(batch_code)


def _select(p, index: int) -> None:  # type: ignore[no-untyped-def]
    sel = p.ready_view.selectionModel()
    sel.clearSelection()
    sel.select(p.ready_model.index(index, 0), QItemSelectionModel.SelectionFlag.Select
               | QItemSelectionModel.SelectionFlag.Rows)


def _cell(p, index: int, header: str) -> str:  # type: ignore[no-untyped-def]
    for c in range(p.ready_model.columnCount()):
        if p.ready_model.headerData(c, Qt.Orientation.Horizontal) == header:
            return p.ready_model.index(index, c).data()
    raise AssertionError(header)


def test_inspect_then_sign_with_the_inspectors_name(ctx, qtbot, sign_in, unchecked, wait_tasks):
    sign_in("quality", username="qc7")
    p = _page(ctx, qtbot, wait_tasks)
    assert not p.override_button.isVisibleTo(p)       # quality staff cannot override
    i, row = _row(p, unchecked[0].batch_codes[0])
    assert _cell(p, i, "Inspection") == "not inspected"
    assert _cell(p, i, "Certificate") == "blocked: not inspected"
    _select(p, i)
    qtbot.mouseClick(p.issue_button, Qt.MouseButton.LeftButton)
    wait_tasks(ctx)
    assert p.status.property("state") == "error"
    assert "No certificate was signed" in p.status.text()
    assert row.batch_code in p.status.text() and "record the inspection first" in p.status.text()

    dialog = p.open_inspection(row)
    qtbot.waitExposed(dialog)
    dialog.record()                                   # no verdicts yet: asks for them
    assert "Set a verdict for every item" in dialog.message.text()
    dialog.set_all("pass")
    dialog.results[1].setText("80.02 mm")
    dialog.record()
    wait_tasks(ctx)
    wait_tasks(ctx)
    assert "passed" in p.status.text()
    i, row = _row(p, row.batch_code)
    assert row.inspection == "pass" and _cell(p, i, "Inspection") == "passed (Qc7)"
    _select(p, i)
    qtbot.mouseClick(p.issue_button, Qt.MouseButton.LeftButton)
    wait_tasks(ctx)
    wait_tasks(ctx)
    assert "1 certificates issued" in p.status.text()
    assert p.cert_model.rows()[0].inspector == "Qc7"


def test_failed_inspection_blocks_and_says_so(ctx, qtbot, sign_in, unchecked, wait_tasks):
    sign_in("quality")
    p = _page(ctx, qtbot, wait_tasks)
    i, row = _row(p, unchecked[0].batch_codes[0])
    dialog = p.open_inspection(row)
    dialog.set_all("pass")
    dialog.verdicts[0].setCurrentIndex(2)             # appearance: fail
    dialog.record()
    wait_tasks(ctx)
    wait_tasks(ctx)
    assert p.status.property("state") == "error" and "failed" in p.status.text()
    i, row = _row(p, row.batch_code)
    assert row.blocks == ("inspection_failed",)
    assert _cell(p, i, "Certificate") == "blocked: inspection failed"


def test_supervisor_releases_a_batch_without_material_lot(ctx, qtbot, sign_in, unchecked,
                                                          wait_tasks):
    sign_in("supervisor")
    p = _page(ctx, qtbot, wait_tasks)
    assert p.override_button.isVisibleTo(p)
    i, row = _row(p, unchecked[1].batch_codes[0])
    assert row.blocks == ("no_material_lot",)
    dialog = p.open_override(row)
    assert dialog is not None
    dialog.text.setPlainText("material card lost; IQC retest report R-77")
    dialog.accept()
    wait_tasks(ctx)
    wait_tasks(ctx)
    assert "override and its reason are recorded" in p.status.text()
    i, row = _row(p, row.batch_code)
    assert row.blocks == ()
    # an uninspected batch cannot be released at all
    _, unchecked_row = _row(p, unchecked[0].batch_codes[0])
    assert p.open_override(unchecked_row) is None
    assert "cannot be released" in p.status.text()
