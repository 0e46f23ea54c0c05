"""The finance station on real widgets: split preview with the rule per invoice, issue,
cancel with a red-letter credit, the split-rules dialog, the EDI outbox; fits 1366×768."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtWidgets import QDialogButtonBox

from orderdesk.finance import edi_outbox, invoicing
from orderdesk.finance.split import SplitRule
from tests.core.finance_support import Line, make_orders

THREE_POS = [
    Line("PO-1", "BRK-A", "50000", "1.50", "0.13"),
    Line("PO-1", "BRK-B", "10000", "2.00", "0.13"),
    Line("PO-1", "SVC-C", "1000", "8.00", "0.09"),
    Line("PO-2", "BRK-D", "100000", "1.00", "0.13"),
    Line("PO-3", "SVC-E", "5000", "10.00", "0.09"),
]


def _page(ctx, qtbot):  # type: ignore[no-untyped-def]
    from orderdesk.ui.finance.page import FinancePage

    page = FinancePage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    return page


def _setup(desk) -> str:  # type: ignore[no-untyped-def]
    from orderdesk.finance import shipping

    order_nos = make_orders(desk, THREE_POS)
    edi_outbox.set_partner(desk, "C9001", "http://127.0.0.1:9/edi")
    shipment_no = shipping.ship(desk, order_nos).shipment.shipment_no
    invoicing.set_rule(desk, "C9001", SplitRule(per_po=True, per_tax_rate=True,
                                                amount_cap=D("100000"), allow_line_split=True))
    return shipment_no


def test_preview_issue_cancel(ctx, qtbot, desk, sign_in, tmp_path):  # type: ignore[no-untyped-def]
    shipment_no = _setup(desk)
    sign_in("finance")
    page = _page(ctx, qtbot)
    qtbot.waitUntil(lambda: page.preview.preview is not None, timeout=10000)
    preview = page.preview.preview
    assert preview.shipment_no == shipment_no
    tree = page.preview.tree
    assert tree.topLevelItemCount() == 6
    rules = [tree.topLevelItem(i).text(1) for i in range(6)]
    assert rules[0] == "per PO + per tax rate + amount cap"
    assert "split line" in rules[3]
    assert "matches the shipment to the fen" in page.preview.totals.text()  # proposed ones add up
    assert "¥283,570.00" in page.preview.totals.text()  # 84,750+22,600+8,720+113,000+54,500
    page.grab().save(str(tmp_path / "finance.png"))

    assert page.issue_button.isEnabled()
    page.issue_button.click()
    qtbot.waitUntil(lambda: "Issued 6 invoices" in page.preview_status.text(), timeout=10000)
    assert "matches the shipment to the fen" in page.preview.totals.text()
    assert not page.issue_button.isEnabled()  # nothing left: no second set of numbers
    qtbot.waitUntil(lambda: len(page.invoices.rows) == 6, timeout=10000)
    qtbot.waitUntil(lambda: len(page.outbox.model.rows) == 7, timeout=10000)  # DESADV + 6

    page.tabs.setCurrentIndex(1)
    page.invoice_view.selectRow(0)
    assert page.cancel_button.isEnabled()
    dialog = page.cancel_dialog()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    dialog.text.setText("开票信息有误")
    ok.click()
    qtbot.waitUntil(lambda: len(page.invoices.rows) == 7, timeout=10000)
    kinds = sorted(r.kind for r in page.invoices.rows)
    assert kinds.count("credit") == 1
    credit = next(r for r in page.invoices.rows if r.kind == "credit")
    assert credit.gross < 0 and "reverses" in page.invoices.columns[-1].display(credit)


def test_split_rules_dialog_saves_and_refuses_bad_cap(ctx, qtbot, desk, sign_in):  # type: ignore[no-untyped-def]
    _setup(desk)
    sign_in("finance")
    page = _page(ctx, qtbot)
    qtbot.waitUntil(lambda: page.current_shipment() is not None, timeout=10000)
    dialog = page.rules_dialog()
    qtbot.addWidget(dialog)
    assert dialog.per_po.isChecked() and dialog.cap.text() == "100000.00"
    assert dialog.width() <= 1366 and dialog.height() <= 728
    dialog.cap.setText("abc")
    dialog._save()
    assert "positive number" in dialog.error.text()
    dialog.cap.setText("50000")
    dialog.per_tax_rate.setChecked(False)
    dialog.tax_id.setText("91320500MA1XXXXX1Y")
    dialog._save()
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=10000)
    rule = invoicing.get_rule(desk, "C9001")
    assert rule.rule.amount_cap == D("50000.00") and not rule.rule.per_tax_rate
    assert rule.tax_id == "91320500MA1XXXXX1Y"


def test_refused_split_is_worded_and_issue_disabled(ctx, qtbot, desk, sign_in):  # type: ignore[no-untyped-def]
    _setup(desk)
    invoicing.set_rule(desk, "C9001", SplitRule(amount_cap=D("100000")))
    sign_in("finance")
    page = _page(ctx, qtbot)
    qtbot.waitUntil(lambda: "over the cap" in page.preview_status.text(), timeout=10000)
    assert "Allow split lines or raise the cap" in page.preview_status.text()
    assert not page.issue_button.isEnabled()


def test_warehouse_user_cannot_issue(ctx, qtbot, desk, sign_in):  # type: ignore[no-untyped-def]
    _setup(desk)
    sign_in("supervisor")
    page = _page(ctx, qtbot)
    qtbot.waitUntil(lambda: page.preview.preview is not None, timeout=10000)
    assert not page.issue_button.isEnabled() and not page.rules_button.isEnabled()
