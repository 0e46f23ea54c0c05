"""Recording the final inspection of a batch, and the words for what blocks a certificate.

The inspector sets a verdict for every test item (pass / fail), may type the measured
value, and records it; the service (orderdesk.quality.inspection) stores who and when.
Until then the batch cannot get a certificate.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orderdesk.quality import inspection as qi
from orderdesk.ui.errors import describe_error, register_describer
from orderdesk.ui.screen_fit import fit_to_screen


def item_label(key: str) -> str:
    return {
        "appearance": QCoreApplication.translate("inspection", "Appearance"),
        "dimensions": QCoreApplication.translate("inspection", "Dimensions"),
        "material": QCoreApplication.translate("inspection", "Material"),
        "quantity": QCoreApplication.translate("inspection", "Quantity and packing"),
        "marking": QCoreApplication.translate("inspection", "Label and marking"),
    }.get(key, key)


def item_standard(key: str) -> str:
    return {
        "appearance": QCoreApplication.translate(
            "inspection", "No flash, sink marks, short shots or scratches"),
        "dimensions": QCoreApplication.translate(
            "inspection", "Key dimensions within drawing tolerance"),
        "material": QCoreApplication.translate(
            "inspection", "Material lot and grade as specified"),
        "quantity": QCoreApplication.translate("inspection", "Quantity and packing as labelled"),
        "marking": QCoreApplication.translate(
            "inspection", "Label, batch code and trace code legible"),
    }.get(key, "")


def block_text(code: str, facts: dict | None = None) -> str:
    """One block in words ("no material lot", "lot X is PA66+GF30, BRK-1001 specifies POM")."""
    f = facts or {}
    if code == "no_inspection":
        return QCoreApplication.translate("inspection", "not inspected yet: record the inspection first")
    if code == "inspection_failed":
        items = f.get("items") or ""
        return (QCoreApplication.translate("inspection", "the inspection failed ({items})").format(items=items)
                if items else QCoreApplication.translate("inspection", "the inspection failed"))
    if code == "no_material_lot":
        return QCoreApplication.translate("inspection", "no material lot is linked to the batch")
    if code == "grade_mismatch":
        if f.get("lot"):
            return QCoreApplication.translate("inspection", "material lot {lot} is {lot_grade}, but {sku} specifies "
                      "{product_grade}").format(lot=f.get("lot", ""),
                                                lot_grade=f.get("lot_grade", ""),
                                                sku=f.get("sku", ""),
                                                product_grade=f.get("product_grade", ""))
        return QCoreApplication.translate("inspection", "a material lot's grade differs from the product's")
    return code


def short_block_text(code: str) -> str:
    """A block in two or three words, for a table cell."""
    return {"no_inspection": QCoreApplication.translate("inspection", "not inspected"),
            "inspection_failed": QCoreApplication.translate("inspection", "inspection failed"),
            "no_material_lot": QCoreApplication.translate("inspection", "no material lot"),
            "grade_mismatch": QCoreApplication.translate("inspection", "grade differs")}.get(code, code)


def state_text(row) -> str:  # type: ignore[no-untyped-def]
    """What the ready table shows for a binding's inspection."""
    if row.inspection == "pass":
        return QCoreApplication.translate("inspection", "passed ({name})").format(name=row.inspector)
    if row.inspection == "fail":
        return QCoreApplication.translate("inspection", "failed ({name})").format(name=row.inspector)
    return QCoreApplication.translate("inspection", "not inspected")


def _describe_blocked(exc: qi.IssueBlocked) -> str:
    lines = [QCoreApplication.translate("inspection", "No certificate was signed:")]
    for b in exc.facts.get("blocked", []):
        reasons = "; ".join(block_text(x.get("code", ""), x) for x in b.get("blocks", []))
        lines.append(QCoreApplication.translate("inspection", "batch {batch} (order {order}): {reasons}").format(
            batch=b.get("batch", ""), order=b.get("order", ""), reasons=reasons))
    return "\n".join(lines)


def _describe_not_allowed(exc: qi.OverrideNotAllowed) -> str:
    reasons = "; ".join(block_text(c) for c in exc.facts.get("blocks", []))
    return QCoreApplication.translate(
        "inspection", "Batch {batch} cannot be released by an override: {reasons}.").format(
            batch=exc.facts.get("batch", ""), reasons=reasons)


def register_describers() -> None:
    register_describer(qi.IssueBlocked, _describe_blocked)
    register_describer(qi.OverrideNotAllowed, _describe_not_allowed)


register_describers()


class InspectionDialog(QDialog):
    """Final inspection of one bound batch (a ReadyRow). `inspection_did_record(row)`."""

    inspection_did_record = Signal(object)

    def __init__(self, ctx, ready_row, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.row = ready_row
        self.setObjectName("inspectionDialog")
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setProperty("heading", "true")
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.table = QTableWidget(len(qi.DEFAULT_ITEMS), 4, self)
        self.table.setObjectName("inspectionItems")
        self.table.verticalHeader().setVisible(False)
        # Rows tall enough for the input and the verdict list (36 px shop-floor inputs).
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.verdicts: list[QComboBox] = []
        self.results: list[QLineEdit] = []
        for r, (key, _standard) in enumerate(qi.DEFAULT_ITEMS):
            for c in (0, 1):
                cell = QTableWidgetItem()
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(r, c, cell)
            result = QLineEdit(self.table)
            result.setObjectName(f"result_{key}")
            self.table.setCellWidget(r, 2, result)
            self.results.append(result)
            verdict = QComboBox(self.table)
            verdict.setObjectName(f"verdict_{key}")
            verdict.addItems(["", "", ""])
            self.table.setCellWidget(r, 3, verdict)
            self.verdicts.append(verdict)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.note = QLineEdit(self)
        self.note.setObjectName("inspectionNote")
        self.inspector = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("inspectionMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("recordInspectionButton")
        self.ok.setProperty("role", "primary")
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.inspector)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 900, 520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        r = self.row
        self.setWindowTitle(self.tr("Final inspection"))
        self.heading.setText(self.tr("Inspect batch {batch}").format(batch=r.batch_code))
        self.facts.setText(self.tr("Order {order} · {sku} {name} · {qty} {unit} · material lots: "
                                   "{lots}").format(order=r.order_no, sku=r.sku,
                                                    name=r.product_name,
                                                    qty=format(Decimal(r.quantity).normalize(), "f"),
                                                    unit=r.unit,
                                                    lots=", ".join(r.material_lots) or "—"))
        self.table.setHorizontalHeaderLabels([self.tr("Test item"), self.tr("Requirement"),
                                              self.tr("Measured / seen"), self.tr("Verdict")])
        for i, (key, _standard) in enumerate(qi.DEFAULT_ITEMS):
            self.table.item(i, 0).setText(item_label(key))
            self.table.item(i, 1).setText(item_standard(key))
            combo = self.verdicts[i]
            combo.setItemText(0, self.tr("— choose —"))
            combo.setItemText(1, self.tr("Pass"))
            combo.setItemText(2, self.tr("Fail"))
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        user = self.ctx.desk.user
        name = qi.person_name(user.display_name if user else "")
        self.inspector.setText(self.tr("Inspector: {name}").format(name=name))
        self.ok.setText(self.tr("Record inspection"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_all(self, verdict: str) -> None:
        """Set every item's verdict ("pass" / "fail"); a test and keyboard aid."""
        for combo in self.verdicts:
            combo.setCurrentIndex(1 if verdict == "pass" else 2)

    def items(self) -> list[qi.InspectionItem]:
        out = []
        for i, (key, _standard) in enumerate(qi.DEFAULT_ITEMS):
            verdict = {1: "pass", 2: "fail"}.get(self.verdicts[i].currentIndex(), "")
            out.append(qi.InspectionItem(item=item_label(key), standard=item_standard(key),
                                         result=self.results[i].text(), verdict=verdict))
        return out

    def record(self) -> None:
        items = self.items()
        missing = [it.item for it in items if not it.verdict]
        if missing:
            self.message.setText(self.tr("Set a verdict for every item: {items}.")
                                 .format(items=", ".join(missing)))
            self.message.setProperty("state", "warning")
            self.message.style().polish(self.message)
            return
        self.ok.setEnabled(False)
        self.ctx.tasks.mutate(_record, self.ctx.desk, self.row.batch_id, items,
                              self.row.order_id, self.note.text(),
                              on_done=self._on_recorded, on_error=self._on_failed)

    def _on_recorded(self, result) -> None:  # type: ignore[no-untyped-def]
        self.inspection_did_record.emit(result.row)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.message.setText(describe_error(exc))
        self.message.setProperty("state", "error")
        self.message.style().polish(self.message)


class _Recorded:
    """An inspection result that announces the change (TaskRunner reads `.changes`)."""

    def __init__(self, row: qi.InspectionRow) -> None:
        from orderdesk.changes import Changes

        self.row = row
        self.changes = Changes(certificates=True)


def _record(desk, batch_id, items, order_id, note):  # type: ignore[no-untyped-def]
    return _Recorded(qi.record_inspection(desk, batch_id, items, order_id=order_id, note=note))
