"""Material lots: list, edit the incoming test report, import from Excel, link to batches."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orderdesk.certificates import service
from orderdesk.certificates.service import MaterialLotInput, MaterialLotRow
from orderdesk.ui.quality.models import MaterialLotModel, TestItemModel


class MaterialsWidget(QWidget):
    lots_did_change = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit(self)
        self.search.textChanged.connect(self.reload)
        self.model = MaterialLotModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_lot)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self._on_import_clicked)

        # editor
        self.editor = QGroupBox(self)
        self.code = QLineEdit(self.editor)
        self.grade = QLineEdit(self.editor)
        self.supplier = QLineEdit(self.editor)
        self.supplier_lot = QLineEdit(self.editor)
        self.received = QLineEdit(self.editor)
        self.received.setPlaceholderText("YYYY-MM-DD")
        self.report_no = QLineEdit(self.editor)
        self.items = TestItemModel(self)
        self.items_view = QTableView(self.editor)
        self.items_view.setModel(self.items)
        self.items_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.items_view.verticalHeader().setVisible(False)
        self.add_item = QPushButton(self.editor)
        self.add_item.clicked.connect(self._on_add_item)
        self.remove_item = QPushButton(self.editor)
        self.remove_item.clicked.connect(
            lambda: self.items.remove_row(self.items_view.currentIndex().row()))
        self.save_button = QPushButton(self.editor)
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self._on_save)
        self.form = QFormLayout()
        self.form.addRow(self._label(), self.code)
        self.form.addRow(self._label(), self.grade)
        self.form.addRow(self._label(), self.supplier)
        self.form.addRow(self._label(), self.supplier_lot)
        self.form.addRow(self._label(), self.received)
        self.form.addRow(self._label(), self.report_no)
        item_buttons = QHBoxLayout()
        item_buttons.addWidget(self.add_item)
        item_buttons.addWidget(self.remove_item)
        item_buttons.addStretch(1)
        item_buttons.addWidget(self.save_button)
        ed = QVBoxLayout(self.editor)
        ed.addLayout(self.form)
        ed.addWidget(self.items_view, 1)
        ed.addLayout(item_buttons)

        # link to a batch
        self.link_box = QGroupBox(self)
        self.batch_code = QLineEdit(self.link_box)
        self.link_button = QPushButton(self.link_box)
        self.link_button.clicked.connect(self._on_link)
        self.unlink_button = QPushButton(self.link_box)
        self.unlink_button.clicked.connect(self._on_unlink)
        link = QHBoxLayout(self.link_box)
        link.addWidget(self.batch_code, 1)
        link.addWidget(self.link_button)
        link.addWidget(self.unlink_button)

        self.message = QLabel(self)
        self.message.setWordWrap(True)

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        lv.addLayout(top)
        lv.addWidget(self.view, 1)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.editor, 1)
        rv.addWidget(self.link_box)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.retranslate_ui()

    def _label(self) -> QLabel:
        if not hasattr(self, "_labels"):
            self._labels: list[QLabel] = []
        label = QLabel(self)
        self._labels.append(label)
        return label

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search lot, grade or supplier"))
        self.new_button.setText(self.tr("New lot"))
        self.import_button.setText(self.tr("Import Excel…"))
        self.editor.setTitle(self.tr("Material lot and test report"))
        for row, text in enumerate((self.tr("Lot code"), self.tr("Material grade"),
                                    self.tr("Supplier"), self.tr("Supplier lot"),
                                    self.tr("Received on"), self.tr("Report number"))):
            self._labels[row].setText(text)
        self.add_item.setText(self.tr("Add test"))
        self.remove_item.setText(self.tr("Remove test"))
        self.save_button.setText(self.tr("Save lot"))
        self.link_box.setTitle(self.tr("Trace: batch made from the selected lot"))
        self.batch_code.setPlaceholderText(self.tr("Batch code (scan the batch label)"))
        self.link_button.setText(self.tr("Link"))
        self.unlink_button.setText(self.tr("Unlink"))
        self.model.retranslate()
        self.items.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          len(TestItemModel.FIELDS) - 1)

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        text = self.search.text()
        self.ctx.tasks.query(service.list_material_lots, self.ctx.desk, text,
                             on_done=lambda rows, t=text: self._on_loaded(t, rows))

    def _on_loaded(self, text: str, rows: list[MaterialLotRow]) -> None:
        if text != self.search.text():
            return
        current = self.code.text().strip()
        self.model.set_rows(rows)
        for i, row in enumerate(rows):
            if row.code == current:
                self.view.selectRow(i)
                break

    def _on_row_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        row = self.model.row_at(current.row())
        if row is not None:
            self.show_lot(row)

    def show_lot(self, row: MaterialLotRow) -> None:
        self.code.setText(row.code)
        self.grade.setText(row.material_grade)
        self.supplier.setText(row.supplier)
        self.supplier_lot.setText(row.supplier_lot)
        self.received.setText(row.received_date.isoformat() if row.received_date else "")
        self.report_no.setText(row.report_no)
        self.items.set_items(row.results)

    def new_lot(self) -> None:
        self.view.clearSelection()
        for edit in (self.code, self.grade, self.supplier, self.supplier_lot, self.received,
                     self.report_no):
            edit.clear()
        self.items.set_items(())
        self.items.add_row()
        self.code.setFocus()

    def _on_add_item(self) -> None:
        row = self.items.add_row()
        self.items_view.setCurrentIndex(self.items.index(row, 0))
        self.items_view.edit(self.items.index(row, 0))

    # -- writing ---------------------------------------------------------------------------
    def _say(self, text: str, state: str = "ok") -> None:
        self.message.setText(text)
        self.message.setProperty("state", state)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _on_failed(self, exc: BaseException) -> None:
        from orderdesk.ui.errors import describe_error

        self._say(describe_error(exc), "error")

    def lot_input(self) -> MaterialLotInput | None:
        received = None
        text = self.received.text().strip()
        if text:
            try:
                received = dt.date.fromisoformat(text.replace("/", "-"))
            except ValueError:
                self._say(self.tr("Received on: “{value}” is not a date like 2026-11-02.")
                          .format(value=text), "error")
                return None
        view = self.items_view
        if view.state() == QAbstractItemView.State.EditingState:
            view.commitData(view.indexWidget(view.currentIndex()) or view)
        return MaterialLotInput(code=self.code.text(), material_grade=self.grade.text(),
                                supplier=self.supplier.text(),
                                supplier_lot=self.supplier_lot.text(), received_date=received,
                                report_no=self.report_no.text(), results=self.items.items())

    def _on_save(self) -> None:
        inp = self.lot_input()
        if inp is None:
            return
        self.ctx.tasks.mutate(service.save_material_lot, self.ctx.desk, inp,
                              on_done=self._on_saved, on_error=self._on_failed)

    def _on_saved(self, row: MaterialLotRow) -> None:
        self._say(self.tr("Saved material lot {code}.").format(code=row.code))
        self.ctx.apply(service.Changes(certificates=True), self)
        self.reload()
        self.lots_did_change.emit()

    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import material lots"), "",
            self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        self._say(self.tr("Importing {name}…").format(name=path.name), "idle")
        self.ctx.tasks.mutate(service.import_material_lots, self.ctx.desk, path,
                              on_done=self._on_imported, on_error=self._on_failed)

    def _on_imported(self, report: service.ImportReport) -> None:
        self._say(self.tr("Imported: {new} new lots, {updated} updated, {tests} test results.")
                  .format(new=report.lots_created, updated=report.lots_updated,
                          tests=report.test_rows))
        self.reload()
        self.lots_did_change.emit()

    def _on_link(self) -> None:
        code, batch = self.code.text().strip(), self.batch_code.text().strip()
        if not code or not batch:
            self._say(self.tr("Choose a material lot and type or scan a batch code."), "warning")
            return
        self.ctx.tasks.mutate(service.link_materials, self.ctx.desk, batch, [code],
                              on_done=lambda _c: self._on_linked(batch, code, True),
                              on_error=self._on_failed)

    def _on_unlink(self) -> None:
        code, batch = self.code.text().strip(), self.batch_code.text().strip()
        if not code or not batch:
            self._say(self.tr("Choose a material lot and type or scan a batch code."), "warning")
            return
        self.ctx.tasks.mutate(service.unlink_material, self.ctx.desk, batch, code,
                              on_done=lambda _c: self._on_linked(batch, code, False),
                              on_error=self._on_failed)

    def _on_linked(self, batch: str, code: str, linked: bool) -> None:
        if linked:
            self._say(self.tr("Batch {batch} is now traced to material lot {code}.")
                      .format(batch=batch, code=code))
        else:
            self._say(self.tr("Batch {batch} no longer traced to material lot {code}.")
                      .format(batch=batch, code=code))
        self.reload()
        self.lots_did_change.emit()
