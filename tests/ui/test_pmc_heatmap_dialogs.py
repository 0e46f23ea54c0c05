"""The planning set-up dialog on real widgets: a machine, its shift and downtime, a
routing, the 92% rule's basis - each saved through the services (audited) - and bad
input worded in the dialog, nothing saved."""

from __future__ import annotations

from sqlalchemy import select

from orderdesk.models.planning import PlannedDowntime, Routing, ShiftWindow, WorkCentre
from orderdesk.planning.rules import load_rules
from tests.core.planning_data import product


def test_setup_dialog_saves_machine_calendar_routing_and_rules(ctx, qtbot, wait_tasks, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui.pmc.machines_dialog import PlanningSetupDialog

    with ctx.desk.write() as s:
        product(s, "BRK-7")
    sign_in("pmc")
    d = PlanningSetupDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    wait_tasks(ctx)
    d.m_code.setText("P-NEW")
    d.m_name.setText("新机")
    d.m_oee.setValue(78)
    d.save_machine()
    wait_tasks(ctx)
    d.sh_name.setText("白班")
    d.sh_day.setCurrentIndex(0)                  # every day
    d.save_shift()
    d.dt_reason.setText("保养")
    d.add_downtime()
    d.r_sku.setText("BRK-7")
    d.r_machine.setText("P-NEW")
    d.r_approved.setChecked(True)
    d.r_cycle.setValue(24)
    d.r_cav.setValue(4)
    d.save_routing()
    wait_tasks(ctx)                              # each save reloads the dialog's lists
    d.basis.setCurrentIndex(d.basis.findData("plain"))
    d.save_rules()
    wait_tasks(ctx)
    with ctx.desk.read() as s:
        c = s.scalars(select(WorkCentre).where(WorkCentre.code == "P-NEW")).one()
        assert float(c.expected_oee) == 0.78 and c.name == "新机"
        sh = s.scalars(select(ShiftWindow).where(ShiftWindow.work_centre_id == c.id)).one()
        assert (sh.name, sh.start_time, sh.end_time, sh.weekday) == ("白班", "08:00", "20:00", None)
        assert s.scalars(select(PlannedDowntime).where(PlannedDowntime.work_centre_id == c.id)).one().reason == "保养"
        r = s.scalars(select(Routing).where(Routing.work_centre_id == c.id)).one()
        assert r.approved and float(r.cycle_seconds) == 24 and r.cavities == 4
    assert load_rules(ctx.desk)["load_basis"] == "plain"
    qtbot.waitUntil(lambda: any(m.code == "P-NEW" for m in d.machine_model.rows), timeout=5000)


def test_setup_dialog_words_bad_input(ctx, qtbot, wait_tasks, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui.pmc.machines_dialog import PlanningSetupDialog

    sign_in("pmc")
    d = PlanningSetupDialog(ctx)
    qtbot.addWidget(d)
    wait_tasks(ctx)
    d.r_sku.setText("NOPE")
    d.r_machine.setText("NONE")
    d.save_routing()
    wait_tasks(ctx)
    assert d.message.text() and "NOPE" in d.message.text()
    d.m_code.setText("")
    d.save_machine()
    wait_tasks(ctx)
    assert "code" in d.message.text()
    with ctx.desk.read() as s:
        assert s.scalars(select(WorkCentre)).first() is None


def test_setup_dialog_edits_work_orders(ctx, qtbot, wait_tasks, sign_in) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.models.planning import WorkOrder
    from orderdesk.ui.pmc.machines_dialog import PlanningSetupDialog
    from tests.core.planning_data import machine, routing

    with ctx.desk.write() as s:
        p = product(s, "BRK-6")
        c = machine(s, "P-W")
        routing(s, p, c, cycle="36", cavities=2, setup="30")
        product(s, "LOOSE-1")
    sign_in("pmc")
    d = PlanningSetupDialog(ctx)
    qtbot.addWidget(d)
    wait_tasks(ctx)
    d.w_no.setText("WO-UI-1")
    d.w_sku.setText("BRK-6")
    d.w_machine.setText("P-W")
    d.w_qty.setValue(1000)           # 500 shots × 36 s = 5 h + 0.5 h setup
    d.save_work_order()
    wait_tasks(ctx)
    with ctx.desk.read() as s:
        w = s.scalars(select(WorkOrder).where(WorkOrder.wo_no == "WO-UI-1")).one()
        assert float(w.planned_hours) == 5.5 and w.status == "planned"
    qtbot.waitUntil(lambda: d.wo_model.rowCount() == 1, timeout=5000)
    d._wo_picked(d.wo_model.index(0, 0))
    d.cancel_work_order()
    wait_tasks(ctx)
    with ctx.desk.read() as s:
        assert s.scalars(select(WorkOrder)).one().status == "cancelled"
    d.w_no.setText("WO-UI-2")
    d.w_sku.setText("LOOSE-1")       # no routing on P-W and no hours given
    d.w_hours.setValue(0)
    d.save_work_order()
    wait_tasks(ctx)
    assert "planned_hours" in d.message.text() or "routing" in d.message.text()
    with ctx.desk.read() as s:
        assert s.scalars(select(WorkOrder).where(WorkOrder.wo_no == "WO-UI-2")).first() is None
