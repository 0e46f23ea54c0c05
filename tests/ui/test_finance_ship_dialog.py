"""The warehouse's ship dialog: lists orders with bound goods, ships the ticked ones as one
shipment, refuses two customers in one shipment with the reason, fits 1366×768."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from orderdesk.models import Order
from tests.core.finance_support import Line, make_orders


def test_ship_dialog_ships_and_refuses_mixed_customers(ctx, qtbot, desk, sign_in):  # type: ignore[no-untyped-def]
    from orderdesk.ui.warehouse.ship_dialog import ShipDialog

    a = make_orders(desk, [Line("PO-1", "BRK-A", "100", "1.00")], customer="C1")
    b = make_orders(desk, [Line("PO-9", "BRK-B", "100", "1.00")], customer="C2", name="别家")
    sign_in("warehouse")
    dialog = ShipDialog(ctx, None, order_no=a[0])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() <= 1366 and dialog.height() <= 728
    qtbot.waitUntil(lambda: dialog.orders.count() == 2, timeout=10000)
    assert dialog.checked() == a
    for i in range(dialog.orders.count()):
        dialog.orders.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.ship_button.click()
    qtbot.waitUntil(lambda: "one customer" in dialog.message.text(), timeout=10000)
    assert b[0] in dialog.message.text() or a[0] in dialog.message.text()
    dialog.orders.item(1).setCheckState(Qt.CheckState.Unchecked)
    dialog.carrier.setText("顺丰")
    dialog.ship_button.click()
    qtbot.waitUntil(lambda: dialog.shipment_no is not None, timeout=10000)
    assert dialog.message.text().startswith(f"Shipped as {dialog.shipment_no}")
    assert dialog.note_button.isEnabled() and not dialog.ship_button.isEnabled()
    with desk.read() as s:
        assert s.scalar(select(Order.status_warehouse).where(Order.order_no == a[0])) == "shipped"
        assert s.scalar(select(Order.status_warehouse).where(Order.order_no == b[0])) != "shipped"
