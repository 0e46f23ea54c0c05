# i18n-area: finance
"""Ship what is bound: pick orders of one customer, carrier, waybill, packages, date; the
shipment is written by orderdesk.finance.shipping and the delivery note can be saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orderdesk.finance import delivery_note, shipping
from orderdesk.ui.errors import describe_error
from orderdesk.ui.finance import labels as _labels  # noqa: F401 - registers error wording
from orderdesk.ui.screen_fit import fit_to_screen


class ShipDialog(QDialog):
    """Lists open orders with bound, unshipped goods; the one given is pre-checked."""

    shipment_did_ship = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None, order_no: str | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.order_no = order_no
        self.shipment_no: str | None = None
        self.setObjectName("shipDialog")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.orders = QListWidget()
        self.orders.setObjectName("shipOrders")
        self.carrier = QLineEdit()
        self.tracking = QLineEdit()
        self.packages = QSpinBox()
        self.packages.setRange(0, 100_000)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.form = QFormLayout()
        self.carrier_label, self.tracking_label = QLabel(), QLabel()
        self.packages_label, self.date_label = QLabel(), QLabel()
        self.form.addRow(self.carrier_label, self.carrier)
        self.form.addRow(self.tracking_label, self.tracking)
        self.form.addRow(self.packages_label, self.packages)
        self.form.addRow(self.date_label, self.date)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("shipMessage")
        self.ship_button = QPushButton()
        self.ship_button.setProperty("role", "primary")
        self.note_button = QPushButton()
        self.note_button.setEnabled(False)
        self.close_button = QPushButton()
        self.ship_button.clicked.connect(self._ship)
        self.note_button.clicked.connect(self._save_note)
        self.close_button.clicked.connect(self.accept)
        self.orders.itemChanged.connect(lambda _i: self._enable())
        bar = QHBoxLayout()
        bar.addWidget(self.note_button)
        bar.addStretch(1)
        bar.addWidget(self.ship_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.orders, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(bar)
        self.retranslate_ui()
        fit_to_screen(self, 640, 600)
        self._enable()
        ctx.tasks.query(shipping.shippable_orders, ctx.desk, on_done=self._loaded)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Ship"))
        self.intro.setText(self.tr("Tick the orders leaving on this truck (one customer per "
                                   "shipment). What is bound and not yet shipped goes."))
        self.carrier_label.setText(self.tr("Carrier"))
        self.tracking_label.setText(self.tr("Waybill no."))
        self.packages_label.setText(self.tr("Packages (0 = one per batch)"))
        self.date_label.setText(self.tr("Ship date"))
        self.ship_button.setText(self.tr("Ship"))
        self.note_button.setText(self.tr("Delivery note PDF…"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _loaded(self, rows: list[tuple[str, str, str]]) -> None:
        self.orders.clear()
        for order_no, code, name in rows:
            item = QListWidgetItem(f"{order_no}   {name} ({code})")
            item.setData(Qt.ItemDataRole.UserRole, (order_no, code))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if order_no == self.order_no
                               else Qt.CheckState.Unchecked)
            self.orders.addItem(item)
        if not rows:
            self.message.setText(self.tr("No order has bound goods waiting to ship."))
        self._enable()

    def checked(self) -> list[str]:
        out = []
        for i in range(self.orders.count()):
            item = self.orders.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole)[0])
        return out

    def _enable(self) -> None:
        self.ship_button.setEnabled(bool(self.checked()) and self.shipment_no is None)

    def _ship(self) -> None:
        orders = self.checked()
        if not orders:
            return
        self.ship_button.setEnabled(False)
        day = self.date.date().toPython()
        self.ctx.tasks.mutate(shipping.ship, self.ctx.desk, orders,
                              carrier=self.carrier.text().strip() or None,
                              tracking_no=self.tracking.text().strip() or None,
                              packages=self.packages.value() or None, ship_date=day,
                              on_done=self._shipped, on_error=self._failed)

    def _shipped(self, result) -> None:  # type: ignore[no-untyped-def]
        self.shipment_no = result.shipment.shipment_no
        self.message.setText(self.tr("Shipped as {no}: {lines} lines, {packages} packages.")
                             .format(no=self.shipment_no, lines=len(result.shipment.lines),
                                     packages=result.shipment.packages))
        self.note_button.setEnabled(True)
        self.shipment_did_ship.emit(self.shipment_no)
        self._enable()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(describe_error(exc))
        self._enable()

    def _save_note(self) -> None:
        if not self.shipment_no:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save delivery note"), str(Path.home() / f"{self.shipment_no}.pdf"),
            self.tr("PDF (*.pdf)"))
        if path:
            from orderdesk.ui.board.share_dialog import print_link_provider

            self.ctx.tasks.query(delivery_note.write, self.ctx.desk, self.shipment_no,
                                 Path(path), link_for=print_link_provider(self.ctx),
                                 on_error=self._failed)


def ship_button_text() -> str:
    """The warehouse page's button that opens this dialog (worded here, with the dialog)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ShipDialog", "Ship…")
