"""The import preview shows why each column got its field and how sure it is, and asks
before importing a mapping made on thin evidence (issue 10)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import func, select

from orderdesk.models import Order


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def load(qtbot, widget, path):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(widget.preview_did_load, timeout=10000) as sig:
        widget.load_file(path)
    return sig.args[0]


def test_reasons_and_confidence_of_content_mapped_columns(qtbot, preview, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "vat.xlsx", [
        ["收票方", "规格型号", "数量", "开票日期", "交付日期"],
        ["苏州恒锐精密有限公司", "BRK-1001", 3000, dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 20)],
        ["无锡华通汽车电子有限公司", "HSG-2002", 500, dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 22)],
    ])
    load(qtbot, preview, path)
    table = preview.mapping_table
    assert table.cellWidget(0, 1).currentData() == "customer_name"
    assert table.item(0, 2).text() == "content: 100% known customers"
    assert table.item(0, 2).toolTip() == "by content: 100% of values are known customers"
    assert table.item(0, 3).text() == "97%"
    assert table.cellWidget(1, 1).currentData() == "sku"
    assert "known SKUs" in table.item(1, 2).text() and "known SKUs" in table.item(1, 2).toolTip()
    assert not preview.confirm_mapping.isVisible() and preview.import_button.isEnabled()


def test_low_confidence_columns_are_highlighted_and_must_be_confirmed(ctx, qtbot, preview,
                                                                     tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "unsure.xlsx", [
        ["甲", "乙", "丙", "丁"],
        ["苏州恒锐精密有限公司", "BRK-1001", 3000, dt.datetime(2020, 3, 20)],
        ["苏州恒锐精密有限公司", "HSG-2002", 500, dt.datetime(2099, 3, 22)],
    ])
    load(qtbot, preview, path)
    assert preview.mapping.low_confidence == [3]
    assert preview.mapping_table.item(3, 3).text() == "55%"
    assert preview.confirm_mapping.isVisible() and not preview.import_button.isEnabled()
    preview.confirm_mapping.setChecked(True)
    assert preview.import_button.isEnabled()
    with qtbot.waitSignal(preview.import_did_finish, timeout=20000) as done:
        preview.import_button.click()
    # Imported as confirmed: the 2020 due date is before the order date, that row rejected.
    assert done.args[0].imported == 1
    with ctx.desk.read() as s:
        assert s.scalar(select(func.count(Order.id))) == 1


def test_setting_the_unsure_column_yourself_also_clears_the_question(qtbot, preview,
                                                                    tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "unsure2.xlsx", [
        ["甲", "乙", "丙", "丁"],
        ["苏州恒锐精密有限公司", "BRK-1001", 3000, dt.datetime(2020, 3, 20)],
        ["苏州恒锐精密有限公司", "BRK-1001", 3000, dt.datetime(2099, 3, 20)],
    ])
    load(qtbot, preview, path)
    combo = preview.mapping_table.cellWidget(3, 1)
    with qtbot.waitSignal(preview.preview_did_load, timeout=10000):
        combo.setCurrentIndex(combo.findData("order_time"))
    assert not preview.mapping.needs_confirmation
    assert not preview.confirm_mapping.isVisible() and preview.import_button.isEnabled()
    assert preview.mapping_table.item(3, 2).text() == "you"


def test_file_customer_from_the_title_row_is_shown(qtbot, preview, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "title.xlsx", [
        ["苏州恒锐精密有限公司 采购订单"], [],
        ["物料编码", "数量", "交货日期"],
        ["BRK-1001", 1000, dt.datetime(2026, 3, 20)],
    ])
    pv = load(qtbot, preview, path)
    assert pv.lines[0].ok
    assert "苏州恒锐精密有限公司 采购订单" in preview.file_customer_hint.text()


def test_message_pane_shows_questions_and_confidence(ctx, qtbot, demo_catalog, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui.sales.message_pane import MessagePane

    sign_in("sales")
    pane = MessagePane(ctx)
    qtbot.addWidget(pane)
    pane.show()
    pane.now = dt.datetime(2026, 3, 2, 9, 30)
    pane.text.setPlainText("恒锐 3500个BRK-1001，另外 450 那个也看下")
    with qtbot.waitSignal(pane.proposal_did_load, timeout=10000):
        pane.propose()
    assert pane.lines.item(0, 2).text() == "3500"
    assert pane.questions.isVisible()
    assert '"450"' in pane.questions.text() and "confidence 70%" in pane.confidence.text()


def test_a_confirmation_does_not_carry_over_to_the_next_file(qtbot, preview, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [["甲", "乙", "丙", "丁"],
            ["苏州恒锐精密有限公司", "BRK-1001", 3000, dt.datetime(2020, 3, 20)],
            ["苏州恒锐精密有限公司", "BRK-1001", 3000, dt.datetime(2099, 3, 20)]]
    load(qtbot, preview, xlsx(tmp_path / "one.xlsx", rows))
    preview.confirm_mapping.setChecked(True)
    load(qtbot, preview, xlsx(tmp_path / "two.xlsx", rows))
    assert preview.confirm_mapping.isVisible() and not preview.confirm_mapping.isChecked()
    assert not preview.import_button.isEnabled()
