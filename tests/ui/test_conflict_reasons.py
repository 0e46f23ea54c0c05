"""The conflicts table says in words why the server did not apply a change."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt


def _row(**values):  # type: ignore[no-untyped-def]
    from orderdesk.sync.station import ConflictRow

    base = {f.name: None for f in dataclasses.fields(ConflictRow)}
    base.update(id="c1", kind="rejected", rule="not_applied", entity="orders",
                entity_id="o1", order_no="SO-2026-000007", status="open", pending=False)
    base.update(values)
    return ConflictRow(**base)


def test_rejection_reasons_are_worded_and_the_raw_detail_stays_in_the_tooltip(qapp):  # type: ignore[no-untyped-def]
    from orderdesk.ui import i18n
    from orderdesk.ui.conflicts import ConflictTableModel

    detail = "not_permitted: wh1 needs import.run or order.write (tx 0190-abc)"
    model = ConflictTableModel()
    model.set_rows([_row(detail=detail), _row(id="c2", detail="unknown_user: ghost (tx 1)"),
                    _row(id="c3", rule="last_arrival_wins", kind="concurrent_edit")])
    rule = model.COLUMNS.index("rule")
    try:
        i18n.set_language("en")
        text = model.data(model.index(0, rule))
        assert text == "not applied — wh1 may not make this change"
        assert model.data(model.index(1, rule)) == \
            "not applied — user ghost is unknown to the server"
        assert model.data(model.index(2, rule)) == "later change kept"
        model.set_rows([_row(detail="role_mix: wh1 auditor+warehouse (tx 9)")])
        assert model.data(model.index(0, rule)) == \
            "not applied — wh1 would hold roles that must stay separate"
        model.set_rows([_row(detail=detail), _row(id="c2", detail="unknown_user: ghost (tx 1)"),
                        _row(id="c3", rule="last_arrival_wins", kind="concurrent_edit")])
        assert model.data(model.index(0, rule), Qt.ItemDataRole.ToolTipRole) == detail
        i18n.set_language("zh")
        zh = model.data(model.index(0, rule))
        assert "wh1" in zh and "may not" not in zh
        _screenshot(model)
    finally:
        i18n.set_language("en")


def _screenshot(model) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from PySide6.QtWidgets import QTableView

    view = QTableView()
    view.setModel(model)
    view.resize(1300, 160)
    view.resizeColumnsToContents()
    view.show()
    shots = Path(__import__("tempfile").mkdtemp(prefix="orderdesk-shots-"))  # tests write only to tmp
    assert view.grab().save(str(shots / "sync_conflicts_rejected_zh.png"))
    view.close()
