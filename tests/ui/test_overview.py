"""The supervisor's overview, the KPI drill-down, the health board and the exception
quick report, as real widgets on a real database."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from orderdesk.insight import exceptions as ex
from orderdesk.insight import export
from orderdesk.models.base import utcnow
from orderdesk.ui.overview import labels
from tests.core.insight_helpers import catalog, event, flow

D = dt.timedelta


def _recent_flows(desk):  # type: ignore[no-untyped-def]
    cat = catalog(desk)
    now = utcnow()
    base = now - D(days=10)
    ids = []
    for i, minutes in enumerate((4, 9, 16, 25, 61, 7)):
        ids.append(flow(desk, cat, ("C1", "C2")[i % 2], base + D(hours=i), minutes,
                        channel=("wechat", "phone")[i % 2], due=(now + D(days=1)).date()))
    event(desk, ids[1], "corrected", base + D(days=2), detail="orders.customer_po")
    event(desk, ids[0], "rush_requested", base + D(hours=1), ref="case-1")
    event(desk, ids[0], "rush_confirmed", base + D(hours=2, minutes=30), ref="case-1")
    flow(desk, cat, "C1", now - D(days=2), None)  # an open case
    return cat, ids


@pytest.fixture
def page(ctx, qtbot, sign_in, wait_tasks):  # type: ignore[no-untyped-def]
    from orderdesk.ui.overview.page import OverviewPage

    sign_in("supervisor")
    _recent_flows(ctx.desk)
    p = OverviewPage(ctx)
    ctx.changes_did_apply.connect(p.on_changes)  # as the main window connects it
    qtbot.addWidget(p)
    p.resize(1366, 700)
    p.show()
    wait_tasks(ctx)
    qtbot.waitUntil(lambda: p.data is not None, timeout=10000)
    return p


def test_tiles_and_the_excel_export_show_the_same_figures(page, tmp_path):
    tile = page.tiles["processing_time"]
    # 4, 7, 9, 16, 25, 61: median 12.5, P90 (6th of 6) 61, N 6, one open case.
    assert tile.value.text() == f"12.5 {labels.unit('min')}"
    assert "P90 61.0" in tile.stats.text() and "N 6" in tile.stats.text()
    assert "1" in tile.open.text()
    path = export.write_xlsx(tmp_path / "overview.xlsx", page.export_sheets())
    wb = openpyxl.load_workbook(path)
    ws = wb["KPIs"]
    headers = [c.value for c in ws[1]]
    rows = {r[0]: dict(zip(headers, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    for key, t in page.tiles.items():
        row = rows[key]
        shown_value = t.value.text().split()[0]
        assert shown_value == labels.number(row["value"], row["unit"])
        assert (f"median {labels.number(row['median'], row['unit'])} · P90 "
                f"{labels.number(row['p90'], row['unit'])} · N {row['n']}") == t.stats.text()
    assert {"Late", "At risk", "Red customers", "Open exceptions"} <= set(wb.sheetnames)


def test_a_tile_opens_the_drill_down_and_an_order_shows_its_bounded_trail(page, qtbot,
                                                                        wait_tasks, tmp_path):
    dialog = page.open_kpi("processing_time")
    qtbot.addWidget(dialog)
    dialog.by_box.setCurrentIndex(dialog.by_box.findData("channel"))
    dialog.reload()
    wait_tasks(page.ctx)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.by == "channel",
                    timeout=10000)
    groups = {r.label: r.n for r in dialog.breakdown_model.rows}
    assert groups == {"phone": 3, "wechat": 3}
    assert dialog.cases_model.rowCount() == 6 and dialog.open_model.rowCount() == 1
    # Click a group: only its orders.
    dialog._on_group_clicked(dialog.breakdown_model.index(0, 0))
    assert dialog.cases_model.rowCount() == 3
    dialog.show_trail_of(0)
    wait_tasks(page.ctx)
    qtbot.waitUntil(lambda: dialog.trail_model.rowCount() > 0, timeout=10000)
    bound = [r.kind for r in dialog.trail_model.rows if r.bound]
    assert bound == ["received", "released"]
    png = dialog.chart.export_png(tmp_path / "chart.png")
    assert png.stat().st_size > 1000
    dialog.close()


def test_health_board_lists_red_first_and_weights_must_total_100(page, qtbot, wait_tasks):
    dialog = page.open_health()
    qtbot.addWidget(dialog)
    wait_tasks(page.ctx)
    qtbot.waitUntil(lambda: dialog.board is not None, timeout=10000)
    colours = [h.color for h in dialog.model.rows]
    rank = {"red": 0, "yellow": 1, "green": 2, "no_data": 3}
    assert colours == sorted(colours, key=rank.__getitem__)
    qtbot.waitUntil(lambda: dialog.weight_spins["otif"].value() == 40, timeout=5000)
    assert dialog.save_rules_button.isEnabled()
    dialog.weight_spins["otif"].setValue(50)
    assert not dialog.save_rules_button.isEnabled()
    assert "110" in dialog.total_label.text()
    dialog.close()


def test_quick_report_then_close_refused_then_closed(page, qtbot, wait_tasks, tmp_path):
    from orderdesk.ui.overview.exception_dialog import CloseExceptionDialog

    dialog = page.open_report()
    qtbot.addWidget(dialog)
    wait_tasks(page.ctx)
    qtbot.waitUntil(lambda: dialog.kind_box.count() > 0, timeout=5000)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("quality"))
    dialog.description.setPlainText("外观划伤，客户拒收")
    photo = tmp_path / "a.png"
    photo.write_bytes(b"\x89PNG fake but not empty")
    assert dialog.add_photo_file(photo)
    with qtbot.waitSignal(dialog.report_did_raise, timeout=10000) as raised:
        dialog.submit_button.click()
    row = raised.args[0]
    assert row.photos == 1 and row.status == "open"
    wait_tasks(page.ctx)
    qtbot.waitUntil(lambda: any(r.id == row.id for r in page.exc_model.rows), timeout=10000)

    close = CloseExceptionDialog(page.ctx, row, page)
    qtbot.addWidget(close)
    close.category_box.setCurrentIndex(close.category_box.findData("method"))
    close.close_button.click()
    wait_tasks(page.ctx)
    qtbot.waitUntil(lambda: close.findChild(QMessageBox, "errorBox") is not None,
                    timeout=5000)
    text = close.findChild(QMessageBox, "errorBox").text()
    assert "cause" in text and "action taken" in text and "where it applies" in text
    close.findChild(QMessageBox, "errorBox").close()
    assert ex.get_exception(page.ctx.desk, row.id).status == "open"
    close.cause.setPlainText("检验标准未写明划伤判定")
    close.action.setPlainText("增加外观判定样板")
    close.applies.setText("外观件")
    with qtbot.waitSignal(close.exception_did_close, timeout=10000):
        close.close_button.click()
    assert ex.get_exception(page.ctx.desk, row.id).status == "closed"


def test_red_customer_warns_on_the_entry_form_without_blocking(ctx, qtbot, wait_tasks):
    from orderdesk.insight import health
    from orderdesk.ui.overview.red_warning import check_customer

    cat = catalog(ctx.desk)
    now = utcnow()
    # C2: a month of late shipments -> red on the board the morning meeting reads.
    month_start = dt.datetime.strptime(health.board_month(now), "%Y-%m")
    for i in range(3):
        oid = flow(ctx.desk, cat, "C2", month_start + D(hours=i), 5,
                   due=(month_start + D(days=1)).date())
        event(ctx.desk, oid, "shipped", month_start + D(days=5))
    found = health.customer_color(ctx.desk, cat["C2"], now=max(now, month_start + D(days=6)))
    assert found is not None and found.color == "red"

    form = QWidget()
    qtbot.addWidget(form)
    form.ctx, form.customer_id = ctx, cat["C2"]
    form.customer_info = QLabel("C2公司 · tier B", form)
    check_customer(form, cat["C2"])
    wait_tasks(ctx)
    qtbot.waitUntil(lambda: form.customer_info.property("healthWarning") == "red",
                    timeout=10000)
    assert "C2公司 · tier B" in form.customer_info.text()


def test_the_page_and_its_dialogs_follow_a_language_switch(page, qtbot, wait_tasks):
    from orderdesk.ui import i18n

    kpi_dialog = page.open_kpi("processing_time")
    health_dialog = page.open_health()
    report_dialog = page.open_report()
    for d in (kpi_dialog, health_dialog, report_dialog):
        qtbot.addWidget(d)
    wait_tasks(page.ctx)
    try:
        i18n.set_language("zh")
        qtbot.waitUntil(lambda: page.heading.text() == "经营概况", timeout=5000)
        assert page.tiles["processing_time"].title.text() == "订单处理时长"
        assert kpi_dialog.windowTitle() == "KPI 明细"
        assert health_dialog.windowTitle() == "客户履约健康度"
        assert report_dialog.windowTitle() == "订单异常快速上报"
        assert "中位数" in page.tiles["processing_time"].stats.text()
    finally:
        i18n.set_language("en")
    qtbot.waitUntil(lambda: page.heading.text() == "How the business is doing", timeout=5000)
    assert kpi_dialog.windowTitle() == "KPI drill-down"
    assert "median" in page.tiles["processing_time"].stats.text()
