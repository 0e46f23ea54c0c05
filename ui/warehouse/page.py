"""The warehouse station: scan a pick ticket (or choose the order), then batch labels.

Big, high-contrast, usable with gloves: the current order, a progress bar per line
(bound / required), the last scan's result in a large coloured banner with a sound, and
four big buttons: choose order, undo last scan, unbind (supervisor), print labels.

Scans come from the keyboard-wedge capture (scanner.py), whatever has the focus. Each
scan is handed to the serial mutation worker in arrival order; the open order travels
with the worker (a pick ticket scanned between two labels switches the order for the
labels behind it, even when they are already queued). Only the local database is
written: the station works the same with the server away.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.ui.board.labels import status_label
from orderdesk.ui.errors import describe_error, register_describer
from orderdesk.ui.page import StationPage
from orderdesk.ui.warehouse.models import (
    BindingModel,
    PickableOrderModel,
    PickLineModel,
    ProgressDelegate,
    ScanLogModel,
)
from orderdesk.ui.screen_fit import fit_to_screen
from orderdesk.ui.warehouse.scanner import ScannerCapture
from orderdesk.ui.warehouse.sound import Sounds
from orderdesk.warehouse import binding
from orderdesk.warehouse.binding import PickView, ScanOutcome, UndoResult, format_qty


def outcome_text(outcome: ScanOutcome) -> str:
    """The result of a scan in one sentence of the UI language."""
    f = {k: v for k, v in outcome.facts}
    f.setdefault("code", outcome.code.visible)
    if outcome.kind == "bound":
        template = QCoreApplication.translate("WarehousePage", "Bound: batch {batch}, {quantity} → line {line_no} ({sku})")
    elif outcome.kind == "order":
        template = QCoreApplication.translate("WarehousePage", "Order {order_no} opened — scan the batch labels")
    elif outcome.reason == "unknown_code" and f.get("gtin"):
        # A well-formed GS1 label whose product the catalogue lacks: scanning again will
        # not help, the office must add the product (not "unknown code": that says
        # "scan again").
        template = QCoreApplication.translate(
            "WarehousePage", "Product not in the system: the label is fine, but no product "
                             "has GTIN {gtin}. Call the office to add it.")
    else:
        template = {
            "unreadable": QCoreApplication.translate("WarehousePage", "Unreadable code: {code}"),
            "unknown_code": QCoreApplication.translate("WarehousePage", "Unknown code: {code}"),
            "no_quantity": QCoreApplication.translate("WarehousePage", "The label has no quantity (AI 30/37) and the batch is not "
                              "known: {code}"),
            "product_only": QCoreApplication.translate("WarehousePage", "This is a product barcode, not a batch label: {code}"),
            "not_open": QCoreApplication.translate("WarehousePage", "No open order: scan a pick ticket or choose an order first"),
            "wrong_product": QCoreApplication.translate("WarehousePage", "Wrong product: batch {batch} is {sku}, which is not on this "
                                "order"),
            "over_quantity": QCoreApplication.translate("WarehousePage", "Too much: batch {batch} holds {quantity}, line {line_no} "
                                "needs only {remaining}"),
            "expired": QCoreApplication.translate("WarehousePage", "Expired: batch {batch} expired on {expiry}"),
            "bound_elsewhere": QCoreApplication.translate("WarehousePage", "Already used: batch {batch} is bound to order "
                                  "{other_order}"),
            "bound_here": QCoreApplication.translate("WarehousePage", "Scanned twice: batch {batch} is already bound to this order"),
        }.get(outcome.reason or "", QCoreApplication.translate("WarehousePage", "Refused: {code}"))
    try:
        return template.format(**f)
    except (KeyError, IndexError, ValueError):
        return template


register_describer(binding.NothingToUndo, lambda e: QCoreApplication.translate("WarehousePage", 
    "Nothing to undo on order {order_no}.").format(**e.facts))
register_describer(binding.ReasonRequired, lambda e: QCoreApplication.translate("WarehousePage", "Enter a reason to unbind."))


def _shown_code(visible: str) -> str:
    """The code as logged, without the scanner's terminator."""
    for end in ("<CR>", "<TAB>", "<LF>"):
        while visible.endswith(end):
            visible = visible[: -len(end)]
    return visible


class _OrderCursor:
    """The order scans bind to, owned by the serial writer thread: set by pick-ticket
    scans and by choosing an order (both queued as writes), read by the next scan."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._order_id: str | None = None

    @property
    def order_id(self) -> str | None:
        with self._lock:
            return self._order_id

    @order_id.setter
    def order_id(self, value: str | None) -> None:
        with self._lock:
            self._order_id = value


# -- work run on the serial writer thread -------------------------------------------------

def _scan_job(desk: Desk, cursor: _OrderCursor, raw: str) -> ScanOutcome:
    outcome = binding.scan(desk, cursor.order_id, raw)
    if outcome.kind == "order":
        cursor.order_id = outcome.order_id
    return outcome


def _choose_job(desk: Desk, cursor: _OrderCursor, order_id: str) -> PickView:
    view = binding.pick_view(desk, order_id)
    cursor.order_id = view.order_id
    return view


def _undo_job(desk: Desk, cursor: _OrderCursor) -> UndoResult:
    order_id = cursor.order_id
    if order_id is None:
        raise binding.NothingToUndo(order_no="-")
    return binding.undo_last_scan(desk, order_id)


def _labels_job(desk: Desk, order_id: str, *, abort, progress) -> tuple[int, bytes]:  # type: ignore[no-untyped-def]
    from orderdesk.warehouse import labels

    batches = binding.label_batches_for_order(desk, order_id)
    progress(0, 1, "")
    data = labels.render_labels(batches) if batches else b""
    progress(1, 1, "")
    return len(batches), data


# -- dialogs --------------------------------------------------------------------------------

def _big_table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(64)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view


class ChooseOrderDialog(QDialog):
    """Pick an open order from a list (rush first), with a search box."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.setProperty("station", "warehouse")
        self.setWindowTitle(self.tr("Choose order"))
        fit_to_screen(self, 1000, 640)
        self.chosen: str | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Order number, customer or PO"))
        self.model = PickableOrderModel(self)
        self.view = _big_table(self)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._load)
        self._asked = ""
        self._load("")

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        # Follow a language switch (the texts are set once in __init__).
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Choose order"))
            self.search.setPlaceholderText(self.tr("Order number, customer or PO"))
            if hasattr(self.model, "retranslate"):
                self.model.retranslate()
        super().changeEvent(event)

    def _load(self, text: str) -> None:
        self._asked = text
        self.ctx.tasks.query(binding.list_pickable_orders, self.ctx.desk, text,
                             on_done=lambda rows, t=text: self._on_loaded(t, rows))

    def _on_loaded(self, text: str, rows: list) -> None:  # type: ignore[type-arg]
        if text != self._asked:
            return  # an older search answered late
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(0)

    def accept(self) -> None:
        row = self.model.row_at(self.view.currentIndex().row())
        if row is None:
            return
        self.chosen = row.order_id
        super().accept()


class UnbindDialog(QDialog):
    """Supervisor: choose one of the order's bindings and give a reason."""

    def __init__(self, ctx, order_id: str, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.setProperty("station", "warehouse")
        self.setWindowTitle(self.tr("Unbind a batch"))
        fit_to_screen(self, 960, 600)
        self.model = BindingModel(self)
        self.view = _big_table(self)
        self.view.setModel(self.model)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Unbind"))
        self.ok.setProperty("role", "danger")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.binding_id: str | None = None
        ctx.tasks.query(binding.bindings_for_order, ctx.desk, order_id,
                        on_done=self._on_loaded)

    def _on_loaded(self, rows: list) -> None:  # type: ignore[type-arg]
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(len(rows) - 1)
        else:
            self.message.setText(self.tr("Nothing is bound to this order."))

    def accept(self) -> None:
        row = self.model.row_at(self.view.currentIndex().row())
        if row is None:
            self.message.setText(self.tr("Choose the batch to unbind."))
            return
        if not self.reason.text().strip():
            self.message.setText(self.tr("Enter a reason to unbind."))
            self.reason.setFocus()
            return
        self.binding_id = row.id
        super().accept()


# -- the page -------------------------------------------------------------------------------

class WarehousePage(StationPage):
    """Warehouse station page. Emits `outcome_did_show` after each scan result is shown."""

    outcome_did_show = Signal(object)

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.setProperty("station", "warehouse")
        self.cursor = _OrderCursor()
        self.view: PickView | None = None
        self.sounds = Sounds()
        self.pending_scans = 0
        self._outcomes_shown = 0
        self._last_banner_state = "idle"
        self._banner_words = None  # () -> str: re-words the banner after a language switch

        self.scanner = ScannerCapture(self)
        self.scanner.scan_did_arrive.connect(self._on_scan_did_arrive)

        # header: the open order
        self.order_label = QLabel(self)
        self.order_label.setProperty("heading", True)
        self.order_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.customer_label = QLabel(self)
        self.customer_label.setWordWrap(True)
        self.total_label = QLabel(self)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.total_label.setProperty("heading", True)

        # banner: the last scan's result
        self.banner = QLabel(self)
        self.banner.setObjectName("scanBanner")
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setMinimumHeight(120)
        self.banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        # buttons
        self.choose_button = QPushButton(self)
        self.choose_button.setProperty("role", "primary")
        self.undo_button = QPushButton(self)
        self.unbind_button = QPushButton(self)
        self.unbind_button.setProperty("role", "danger")
        self.print_button = QPushButton(self)
        self.print_menu = QMenu(self)
        self.save_pdf_action = self.print_menu.addAction("")
        self.print_action = self.print_menu.addAction("")
        self.print_button.setMenu(self.print_menu)
        self.ship_button = QPushButton(self)  # ship what is bound (ui/warehouse/ship_dialog.py)
        for button in (self.choose_button, self.undo_button, self.unbind_button,
                       self.print_button, self.ship_button):
            button.setMinimumHeight(80)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter from a scanner never clicks
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.unbind_button.clicked.connect(self._on_unbind_clicked)
        self.save_pdf_action.triggered.connect(self._on_save_pdf)
        self.print_action.triggered.connect(self._on_print)
        self.ship_button.clicked.connect(self._on_ship_clicked)

        # per-line progress and the scan log
        self.lines_model = PickLineModel(self)
        self.lines_view = _big_table(self)
        self.lines_view.setModel(self.lines_model)
        self.lines_view.setItemDelegateForColumn(2, ProgressDelegate(self.lines_view))
        self.lines_view.verticalHeader().setDefaultSectionSize(72)
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.log_model = ScanLogModel(self)
        self.log_view = _big_table(self)
        self.log_view.setModel(self.log_model)
        self.log_view.verticalHeader().setDefaultSectionSize(40)
        self.log_view.setProperty("compact", True)
        self.log_view.setStyleSheet("font-size: 13pt;")
        lh = self.log_view.horizontalHeader()
        lh.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        lh.resizeSection(0, 130)
        lh.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        lh.resizeSection(1, 420)
        self.log_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.order_label)
        titles.addWidget(self.customer_label)
        top.addLayout(titles, 1)
        top.addWidget(self.total_label)
        buttons = QHBoxLayout()
        for button in (self.choose_button, self.undo_button, self.unbind_button,
                       self.print_button, self.ship_button):
            buttons.addWidget(button)
        # The order lines get the room (a picker must see which line is still short);
        # the scan log below them takes a quarter and can be dragged smaller or larger.
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.setObjectName("warehouseSplit")
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.lines_view)
        self.split.addWidget(self.log_view)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.lines_view.setMinimumHeight(72 + 40)   # the header and one whole line
        self.log_view.setMinimumHeight(40 + 40)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(self.split, 1)

        undo = QShortcut(QKeySequence("Ctrl+Z"), self, activated=self._on_undo_clicked)
        # Only while this page is shown: other pages have their own Ctrl+Z.
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate_ui()
        self._set_banner("idle", self.tr("Scan a pick ticket or choose an order"),
                         lambda: self.tr("Scan a pick ticket or choose an order"))
        self._show_view(None)

    # -- page protocol ------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Warehouse")

    def retranslate_ui(self) -> None:
        self.choose_button.setText(self.tr("Choose order"))
        self.undo_button.setText(self.tr("Undo last scan"))
        self.unbind_button.setText(self.tr("Unbind…"))
        self.print_button.setText(self.tr("Print labels"))
        self.save_pdf_action.setText(self.tr("Save labels as PDF…"))
        self.print_action.setText(self.tr("Print on a printer…"))
        from orderdesk.ui.warehouse.ship_dialog import ship_button_text

        self.ship_button.setText(ship_button_text())
        self.lines_model.retranslate()
        self.log_model.retranslate()
        self._show_view(self.view)
        if getattr(self, "_banner_words", None) is not None:
            self.banner.setText(self._banner_words())
        user = self.ctx.desk.user
        allowed = user is None or user.can("batch.unbind")
        self.unbind_button.setToolTip("" if allowed else
                                      self.tr("Only a supervisor may unbind a batch."))

    def ship_dialog(self):  # type: ignore[no-untyped-def]
        from orderdesk.ui.warehouse.ship_dialog import ShipDialog

        return ShipDialog(self.ctx, self, order_no=self.view.order_no if self.view else None)

    def _on_ship_clicked(self) -> None:
        self.ship_dialog().open()

    def self_test_dialogs(self):  # type: ignore[no-untyped-def]
        def unbind():  # type: ignore[no-untyped-def]
            return UnbindDialog(self.ctx, self.view.order_id, self) if self.view else None

        return [("ship", self.ship_dialog),
                ("choose order", lambda: ChooseOrderDialog(self.ctx, self)),
                ("unbind", unbind)]

    def unsaved_work(self) -> list[str]:
        """Picking in progress: an order open with lines still short (quit question)."""
        view = self.view
        if view is None or not view.open or view.complete or self.lines_model.rowCount() == 0:
            return []
        if not any(line.bound for line in view.lines):
            return []      # opened, nothing scanned yet: nothing to lose
        return [self.tr("picking order {order}: not every line is complete")
                .format(order=view.order_no)]

    def on_changes(self, changes: Changes, initiator: object) -> None:
        # Our own scans refresh from their results; a change from elsewhere (sync, another
        # page) re-reads the open order once no scan of ours is waiting.
        if (changes.bindings or changes.orders) and self.view is not None \
                and self.pending_scans == 0 and initiator is not self:
            shown = self._outcomes_shown
            self.ctx.tasks.query(binding.pick_view, self.ctx.desk, self.view.order_id,
                                 on_done=lambda v: self._on_view_refreshed(v, shown))
        if (changes.bindings or changes.conflicts) and self.view is not None \
                and self.pending_scans == 0:
            # Bindings pulled from other stations: the same batch bound twice is a conflict
            # a supervisor must settle (unbind one side).
            self.ctx.tasks.query(binding.find_double_bindings, self.ctx.desk,
                                 on_done=self._on_double_bindings)

    def _on_double_bindings(self, found: list) -> None:  # type: ignore[type-arg]
        if self.view is None:
            return
        mine = [d for d in found if self.view.order_no in d.order_nos]
        if not mine:
            return
        d = mine[0]
        stations = ", ".join(sorted({r.station or "-" for r in d.bindings}))
        words = (lambda d=d, stations=stations: self.tr(
            "Conflict: batch {batch} is bound to orders {orders} (stations {stations}). "
            "A supervisor must unbind one.").format(
                batch=d.batch_code, orders=", ".join(d.order_nos), stations=stations))
        self._set_banner("warning", words(), words)
        self.sounds.play("refused")

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.scanner.attach()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.scanner.detach()
        super().hideEvent(event)

    # -- scans --------------------------------------------------------------------------------
    def _on_scan_did_arrive(self, raw: str) -> None:
        self.submit_scan(raw)

    def submit_scan(self, raw: str) -> None:
        """Queue one scanned code on the serial writer (arrival order is binding order)."""
        self.pending_scans += 1
        self.ctx.tasks.mutate(_scan_job, self.ctx.desk, self.cursor, raw,
                              on_done=self._on_scanned, on_error=self._on_scan_failed)

    def _on_scanned(self, outcome: ScanOutcome) -> None:
        self.pending_scans -= 1
        self._outcomes_shown += 1
        text = outcome_text(outcome)
        if outcome.pick is not None:
            self._show_view(outcome.pick)
        words = (lambda o=outcome: outcome_text(o))
        if outcome.kind == "refused":
            self._set_banner("error", text, words)
            self.sounds.play("refused")
        else:
            self._set_banner("ok", text, words)
            self.sounds.play("accepted")
        self.log_model.add(dt.datetime.now(), _shown_code(outcome.code.visible), text,
                           outcome.accepted)
        self.outcome_did_show.emit(outcome)

    def _on_scan_failed(self, exc: BaseException) -> None:
        self.pending_scans -= 1
        self._outcomes_shown += 1
        text = describe_error(exc)
        self._set_banner("error", text)
        self.sounds.play("refused")
        self.log_model.add(dt.datetime.now(), "", text, False)
        self.outcome_did_show.emit(exc)

    def _on_view_refreshed(self, view: PickView, shown: int) -> None:
        if shown == self._outcomes_shown and self.pending_scans == 0:
            self._show_view(view)

    # -- buttons ------------------------------------------------------------------------------
    def _on_choose_clicked(self) -> None:
        dialog = ChooseOrderDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen:
            self.choose_order(dialog.chosen)

    def choose_order(self, order_id: str) -> None:
        self.pending_scans += 1
        self.ctx.tasks.mutate(_choose_job, self.ctx.desk, self.cursor, order_id,
                              on_done=self._on_chosen, on_error=self._on_scan_failed)

    def _on_chosen(self, view: PickView) -> None:
        self.pending_scans -= 1
        self._outcomes_shown += 1
        self._show_view(view)
        self._set_banner("idle", self.tr("Order {order_no} opened — scan the batch labels")
                         .format(order_no=view.order_no))

    def _on_undo_clicked(self) -> None:
        self.pending_scans += 1
        self.ctx.tasks.mutate(_undo_job, self.ctx.desk, self.cursor,
                              on_done=self._on_undone, on_error=self._on_scan_failed)

    def _on_undone(self, result: UndoResult) -> None:
        self.pending_scans -= 1
        self._outcomes_shown += 1
        self._show_view(result.pick)
        text = self.tr("Undone: batch {batch} is no longer bound").format(batch=result.batch_code)
        self._set_banner("warning", text)
        self.log_model.add(dt.datetime.now(), result.batch_code, text, True)

    def _on_unbind_clicked(self) -> None:
        if self.view is None:
            self._set_banner("warning", self.tr("Open an order first."))
            return
        dialog = UnbindDialog(self.ctx, self.view.order_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.binding_id:
            self.unbind(dialog.binding_id, dialog.reason.text())

    def unbind(self, binding_id: str, reason: str) -> None:
        self.pending_scans += 1
        self.ctx.tasks.mutate(binding.unbind, self.ctx.desk, binding_id, reason,
                              on_done=self._on_unbound, on_error=self._on_scan_failed)

    def _on_unbound(self, result: UndoResult) -> None:
        self.pending_scans -= 1
        self._outcomes_shown += 1
        self._show_view(result.pick)
        text = self.tr("Unbound: batch {batch}").format(batch=result.batch_code)
        self._set_banner("warning", text)
        self.log_model.add(dt.datetime.now(), result.batch_code, text, True)

    def _labels(self, on_done) -> None:  # type: ignore[no-untyped-def]
        if self.view is None:
            self._set_banner("warning", self.tr("Open an order first."))
            return
        self.ctx.tasks.job(_labels_job, self.ctx.desk, self.view.order_id, on_done=on_done,
                           on_error=self._on_scan_failed_quiet)

    def _on_scan_failed_quiet(self, exc: BaseException) -> None:
        self._set_banner("error", describe_error(exc))

    def _on_save_pdf(self) -> None:
        if self.view is None:
            self._set_banner("warning", self.tr("Open an order first."))
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save labels as PDF"), f"labels-{self.view.order_no}.pdf",
            self.tr("PDF files (*.pdf)"))
        if path:
            self.save_labels_pdf(Path(path))

    def save_labels_pdf(self, path: Path) -> None:
        def done(result: tuple[int, bytes]) -> None:
            count, data = result
            if not count:
                self._set_banner("warning", self.tr("No batches to print for this order."))
                return
            try:
                tmp = path.with_name(path.name + ".part")
                tmp.write_bytes(data)
                tmp.replace(path)
            except OSError as exc:
                self._set_banner("error", self.tr("Cannot write {path}: {error}")
                                 .format(path=str(path), error=exc.strerror or str(exc)))
                return
            self._set_banner("ok", self.tr("{count} label(s) saved to {path}")
                             .format(count=count, path=str(path)))
        self._labels(done)

    def _on_print(self) -> None:
        from orderdesk.ui.warehouse.printing import print_pdf_dialog

        def done(result: tuple[int, bytes]) -> None:
            count, data = result
            if not count:
                self._set_banner("warning", self.tr("No batches to print for this order."))
                return
            result = print_pdf_dialog(self, data, 100, 60)
            if result is not None:
                self._set_banner("ok" if result[0] else "error", result[1])
        self._labels(done)

    # -- display ------------------------------------------------------------------------------
    def _set_banner(self, state: str, text: str, words=None) -> None:  # type: ignore[no-untyped-def]
        self._banner_words = words
        self.banner.setText(text)
        if state != self._last_banner_state:
            self._last_banner_state = state
            self.banner.setProperty("state", state)
            self.banner.style().unpolish(self.banner)
            self.banner.style().polish(self.banner)

    @property
    def banner_state(self) -> str:
        return self._last_banner_state

    def _show_view(self, view: PickView | None) -> None:
        self.view = view
        if view is None:
            self.order_label.setText(self.tr("No order open"))
            self.customer_label.setText(self.tr("Scan the pick ticket (ODO:…) or press "
                                                "“Choose order”."))
            self.total_label.setText("")
            self.lines_model.set_lines([])
            return
        self.order_label.setText(view.order_no)
        po = self.tr("PO {po}").format(po=view.customer_po) if view.customer_po else ""
        status = status_label(view.status_warehouse)
        parts = [p for p in (view.customer_name, po, status) if p]
        if not view.open:
            parts.append(self.tr("CLOSED — no more binding"))
        self.customer_label.setText("  ·  ".join(parts))
        if view.complete:
            self.total_label.setText(self.tr("✔ Complete"))
        else:
            self.total_label.setText(self.tr("{bound} of {required}").format(
                bound=format_qty(view.bound_total), required=format_qty(view.required_total)))
        self.lines_model.set_lines(view.lines)
