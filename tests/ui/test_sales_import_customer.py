"""The import preview's 'whole file belongs to' customer picker and per-customer memory."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))
from core.test_intake_customer_mapping import files  # noqa: E402

SHOTS = Path(__import__("tempfile").mkdtemp(prefix="orderdesk-shots-"))  # tests write only to tmp


def load(qtbot, widget, path):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(widget.preview_did_load, timeout=10000) as sig:
        widget.load_file(path)
    return sig.args[0]


def pick(qtbot, widget, code: str):  # type: ignore[no-untyped-def]
    """Choose the customer as a person does: from the combo's list."""
    combo = widget.file_customer
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(code))
    with qtbot.waitSignal(widget.preview_did_load, timeout=10000) as sig:
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
    return sig.args[0]


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    widget.grab().save(str(SHOTS / name))


def test_file_customer_picker_remembers_mapping_for_the_next_file(ctx, qtbot, preview,
                                                                  demo_catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first, second = files(tmp_path)
    pv = load(qtbot, preview, first)
    assert not pv.good_lines                                 # no customer column: rows wait
    qtbot.waitUntil(lambda: preview.file_customer.count() == 4, timeout=5000)
    pv = pick(qtbot, preview, "C001")
    assert preview.file_customer_id == demo_catalog["customer_a"]
    assert len(pv.good_lines) == 2
    assert {ln.customer_id for ln in pv.good_lines} == {demo_catalog["customer_a"]}
    model = preview.rows_model
    assert model.data(model.index(0, 5)).startswith("C001 ")   # rows say whose they are
    note = preview.mapping_table.cellWidget(3, 1)
    assert note.currentData() == "note"
    with qtbot.waitSignal(preview.preview_did_load, timeout=10000):
        note.setCurrentIndex(0)                              # (ignore): not for us
    shot(preview, "sales-import-file-customer.png")
    with qtbot.waitSignal(preview.import_did_finish, timeout=20000) as done:
        preview.import_button.click()
    assert done.args[0].imported == 2
    # The customer's next file, another layout: a new file asks for its customer again...
    pv = load(qtbot, preview, second)
    assert preview.file_customer_id is None and preview.file_customer.currentIndex() == 0
    assert pv.mapping.fields.get(3) == "note"
    # ...and once it is picked, the customer's remembered mapping applies.
    pv = pick(qtbot, preview, "C001")
    assert 3 not in pv.mapping.fields
    assert preview.mapping_table.cellWidget(3, 1).currentData() == ""
    assert preview.mapping_table.item(3, 2).text() == "remembered"
    assert pv.good_lines and pv.good_lines[0].note is None
    shot(preview, "sales-import-file-customer-remembered.png")


def test_file_customer_picker_in_chinese(ctx, qtbot, preview, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.ui import i18n

    i18n.set_language("zh")
    first, _ = files(tmp_path)
    load(qtbot, preview, first)
    qtbot.waitUntil(lambda: preview.file_customer.count() == 4, timeout=5000)
    pick(qtbot, preview, "C001")
    assert preview._file_customer_label.text() != "Whole file belongs to"
    assert preview.file_customer.itemText(0) != "(customer column of the file)"
    shot(preview, "sales-import-file-customer-zh.png")
