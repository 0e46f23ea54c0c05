"""The heatmap and supply-risk tabs on real widgets: the grid shows the plan, a cell lists
its work orders, "Suggest alternative" offers approved machines only, accepting moves
the work order, the map reloads when another station's change arrives, and the risk
proposal changes nothing until it is confirmed."""

from __future__ import annotations

import datetime as dt
import os

from sqlalchemy import func, select

from orderdesk.changes import Changes
from orderdesk.models import AuditLog, Order
from orderdesk.models.planning import WorkOrder
from orderdesk.planning.capacity import factory_now
from orderdesk.planning.rules import save_rules
from tests.core.planning_data import (
    bom,
    history,
    machine,
    order,
    product,
    routing,
    shipment,
    stock,
    work_order,
)

H = dt.timedelta(hours=1)


def _plant(desk):  # type: ignore[no-untyped-def]
    save_rules(desk, {"load_basis": "plain"})
    now = factory_now().replace(minute=0, second=0)
    with desk.write() as s:
        a = machine(s, "P-A", shifts=(("D", None, "08:00", "20:00"), ("N", None, "20:00", "08:00")))
        b = machine(s, "P-B", shifts=(("D", None, "08:00", "20:00"), ("N", None, "20:00", "08:00")))
        c = machine(s, "P-C", shifts=(("D", None, "08:00", "20:00"), ("N", None, "20:00", "08:00")))
        resin = product(s, "RES-1", is_component=True, unit="kg")
        p = product(s, "BRK-1")
        q = product(s, "BRK-2")
        bom(s, p, resin, "0.01")
        stock(s, resin, 0)
        routing(s, p, a, cycle="36")
        routing(s, p, b, priority=2, cycle="18")      # 1000 pcs = 5 h on P-B
        routing(s, p, c, approved=False, priority=3, cycle="36")
        routing(s, q, a, cycle="36")
        o = order(s, p, 1000, (now + dt.timedelta(days=1)).date())
        w = work_order(s, p, a, 11.0, now, now + 10 * H, quantity=1000, order=o)   # 110%
        work_order(s, q, b, 2.0, now, now + 10 * H)
        history(s, resin, [30] * 10, end=now)
        shipment(s, resin, arrived=now - 70 * H, declared=now - 60 * H, ref="BL-STUCK")
    return w.id


def test_heatmap_cell_alternative_accept(ctx, qtbot, wait_tasks, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui.pmc.heatmap import HeatmapView

    wid = _plant(ctx.desk)
    sign_in("pmc")
    view = HeatmapView(ctx)
    qtbot.addWidget(view)
    ctx.changes_did_apply.connect(lambda ch, _i: view.on_changes(ch))   # as the page does
    view.resize(1340, 640)
    view.show()
    with qtbot.waitSignal(view.plan_did_load, timeout=10000):
        view.reload()
    plan = view.plan
    assert [m.code for m in plan.machines] == ["P-A", "P-B", "P-C"]
    assert plan.machines[0].over_threshold
    assert "planned hours ÷ available hours" in view.summary.text()
    view.select_cell(0, 1)
    assert view.wo_model.rowCount() == 1 and view.wo_model.rows[0][0].id == wid
    assert "availability" in view.oee_label.text() or "OEE" in view.oee_label.text()
    with qtbot.waitSignal(view.alternatives_did_load, timeout=10000):
        view.suggest_button.click()
    codes = [a.machine_code for a in view.alternatives]
    assert codes == ["P-B"]            # P-C is not customer-approved: never offered
    assert view.accept_button.isEnabled()
    view.accept_selected(confirm=False)
    wait_tasks(ctx)
    with ctx.desk.read() as s:
        assert s.get(WorkOrder, wid).work_centre_id == plan.machines[1].id
    qtbot.waitUntil(lambda: view.plan is not None and not view.plan.machines[0].over_threshold,
                    timeout=10000)


class desk_unchanged:  # noqa: N801 - used as a context manager
    def __init__(self, desk) -> None:  # type: ignore[no-untyped-def]
        self.desk = desk

    def _count(self) -> int:
        with self.desk.read() as s:
            return s.scalar(select(func.count(AuditLog.id)))

    def __enter__(self):  # type: ignore[no-untyped-def]
        self.before = self._count()
        return self

    def __exit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
        assert self._count() == self.before


def test_heatmap_reloads_on_another_stations_change(ctx, qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui.pmc.heatmap import HeatmapView

    wid = _plant(ctx.desk)
    view = HeatmapView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.plan_did_load, timeout=10000):
        view.reload()
    assert view.plan.machines[0].over_threshold
    # What sync does with a pulled row: written with sync_apply, announced through
    # ctx.changes_did_apply (orders/planning flags) - the page forwards it.
    with ctx.desk.write(sync_apply=True) as s:
        s.get(WorkOrder, wid).status = "cancelled"
    ctx.changes_did_apply.connect(lambda ch, _i: view.on_changes(ch))
    with qtbot.waitSignal(view.plan_did_load, timeout=10000):
        ctx.changes_did_apply.emit(Changes(orders=True), None)
    assert not view.plan.machines[0].over_threshold


def test_risk_proposal_nothing_changes_until_confirmed(ctx, qtbot, wait_tasks, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui.pmc.supply_risk import SupplyRiskView

    _plant(ctx.desk)
    sign_in("pmc")
    view = SupplyRiskView(ctx)
    qtbot.addWidget(view)
    view.resize(1340, 640)
    view.show()
    with desk_unchanged(ctx.desk):
        with qtbot.waitSignal(view.overview_did_load, timeout=10000):
            view.reload()
    assert view.alert_model.rowCount() == 1
    assert "median (30 h, n=10, last 90 days)" in view.alert_model.data(view.alert_model.index(0, 4))
    assert view.order_model.rowCount() == 1
    change = view.order_model.rows[0]
    with qtbot.waitSignal(view.reschedule_did_confirm, timeout=10000):
        view.confirm(ask=False)
    wait_tasks(ctx)
    with ctx.desk.read() as s:
        assert s.get(Order, change.order_id).promised_date == change.proposed_date
    assert "re-dated" in view.message.text()


def test_screenshots_1366x768(ctx, qtbot, wait_tasks, sign_in) -> None:  # type: ignore[no-untyped-def]
    """Render the PMC page's two planning tabs at 1366×768 (looked at by hand)."""
    from orderdesk.ui.pmc.page import PmcPage

    _plant(ctx.desk)
    sign_in("pmc")
    page = PmcPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    page.tabs.setCurrentIndex(page.planning.heatmap_index)
    qtbot.waitUntil(lambda: page.planning.heatmap.plan is not None, timeout=10000)
    page.planning.heatmap.select_cell(0, 2)
    out = os.environ.get("ORDERDESK_SCREENSHOTS")
    if out:
        page.grab().save(os.path.join(out, "pmc-heatmap-test.png"))
    page.tabs.setCurrentIndex(page.planning.risk_index)
    qtbot.waitUntil(lambda: page.planning.supply_risk.overview is not None, timeout=10000)
    if out:
        page.grab().save(os.path.join(out, "pmc-supply-risk-test.png"))
    assert page.minimumSizeHint().width() <= 1366
    wait_tasks(ctx)
