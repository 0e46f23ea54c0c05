"""One order: header, lines, channel numbers, status timeline, notes, files, full trail.

Status buttons appear for the departments the signed-in user may move. Everything is
read on the query pool and refreshed when `Changes(orders=True)` arrives.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orderdesk import statuses
from orderdesk.changes import Changes
from orderdesk.services import board, orders
from orderdesk.services.board import OrderDetail
from orderdesk.ui.board.labels import (
    action_label,
    channel_label,
    department_label,
    entity_label,
    field_label,
    note_kind_label,
    status_label,
)
from orderdesk.ui.board.page import _date, _qty
from orderdesk.ui.board.table import Column, RowTableModel
from orderdesk.ui.errors import describe_error, local_time_text, show_error
from orderdesk.ui.screen_fit import fit_to_screen, scrolled

log = logging.getLogger(__name__)

_ACTION = {"sales": "order.write", "production": "order.status.production",
           "warehouse": "order.status.warehouse"}


def _value_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v not in (None, ""))
    if isinstance(value, (list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _table(model: RowTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setResizeContentsPrecision(40)  # fit to a sample, not every row
    view.setWordWrap(False)
    return view


class OrderDialog(QDialog):
    def __init__(self, ctx, order_id: str, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self.detail: OrderDetail | None = None
        self.setObjectName("orderDialog")
        fit_to_screen(self, 1100, 760)   # never past a 768-px screen (ui.screen_fit)

        # -- header ---------------------------------------------------------------------
        self.title = QLabel()
        self.title.setProperty("heading", "true")
        self.title.setObjectName("orderTitle")
        self.banner = QLabel()
        self.banner.setObjectName("orderBanner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)
        self.fields: dict[str, QLabel] = {}
        self.field_labels: dict[str, QLabel] = {}
        self.header_box = QGroupBox()
        grid = QGridLayout(self.header_box)
        keys = ("customer", "channel", "numbers", "po", "ordered", "requested", "promised",
                "contact", "address", "created")
        for i, key in enumerate(keys):
            label = QLabel()
            value = QLabel()
            value.setObjectName(f"field_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.field_labels[key] = label
            self.fields[key] = value
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        # -- statuses -------------------------------------------------------------------
        self.status_box = QGroupBox()
        status_grid = QGridLayout(self.status_box)
        self.status_values: dict[str, QLabel] = {}
        self.status_names: dict[str, QLabel] = {}
        self.status_combos: dict[str, QComboBox] = {}
        self.status_buttons: dict[str, QPushButton] = {}
        for row, dept in enumerate(statuses.DEPARTMENTS):
            name = QLabel()
            value = QLabel()
            value.setObjectName(f"status_{dept}")
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            combo = QComboBox()
            combo.setObjectName(f"statusCombo_{dept}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(180)
            button = QPushButton()
            button.setObjectName(f"statusButton_{dept}")
            button.clicked.connect(lambda _=False, d=dept: self._on_set_status(d))
            allowed = ctx.desk.user is not None and ctx.desk.user.can(_ACTION[dept])
            combo.setVisible(allowed)
            button.setVisible(allowed)
            self.status_names[dept], self.status_values[dept] = name, value
            self.status_combos[dept], self.status_buttons[dept] = combo, button
            status_grid.addWidget(name, row, 0)
            status_grid.addWidget(value, row, 1)
            status_grid.addWidget(combo, row, 2)
            status_grid.addWidget(button, row, 3)
        status_grid.setColumnStretch(1, 1)

        # -- tabs -----------------------------------------------------------------------
        right = Qt.AlignmentFlag.AlignRight
        self.lines_model = RowTableModel([
            Column("no", lambda: self.tr("#"), lambda r: r.line_no, right),
            Column("sku", lambda: self.tr("Product code"), lambda r: r.sku),
            Column("name", lambda: self.tr("Product"), lambda r: r.product_name),
            Column("spec", lambda: self.tr("Spec"), lambda r: r.spec),
            Column("qty", lambda: self.tr("Quantity"), lambda r: _qty(r.quantity), right),
            Column("unit", lambda: self.tr("Unit"), lambda r: r.unit),
            Column("price", lambda: self.tr("Unit price"),
                   lambda r: "" if r.unit_price is None else f"{r.unit_price:.4f}".rstrip("0")
                   .rstrip("."), right),
            Column("due", lambda: self.tr("Due"), lambda r: _date(r.due_date)),
            Column("state", lambda: self.tr("State"),
                   lambda r: self.tr("Cancelled") if r.cancelled else ""),
        ], self)
        self.refs_model = RowTableModel([
            Column("channel", lambda: self.tr("Channel"), lambda r: channel_label(r[0])),
            Column("number", lambda: self.tr("Channel order no."), lambda r: r[1]),
        ], self)
        self.events_model = RowTableModel([
            Column("at", lambda: self.tr("Time"), lambda r: local_time_text(r[0])),
            Column("dept", lambda: self.tr("Department"), lambda r: department_label(r[1])),
            Column("old", lambda: self.tr("From"), lambda r: status_label(r[2]) if r[2] else ""),
            Column("new", lambda: self.tr("To"), lambda r: status_label(r[3])),
            Column("user", lambda: self.tr("By"), lambda r: r[4]),
        ], self)
        self.notes_model = RowTableModel([
            Column("at", lambda: self.tr("Time"), lambda r: local_time_text(r[0])),
            Column("kind", lambda: self.tr("Kind"), lambda r: note_kind_label(r[1])),
            Column("author", lambda: self.tr("By"), lambda r: r[2]),
            Column("body", lambda: self.tr("Text"), lambda r: r[3]),
        ], self)
        self.files_model = RowTableModel([
            Column("name", lambda: self.tr("File"), lambda r: r[1]),
            Column("kind", lambda: self.tr("Kind"), lambda r: r[2]),
        ], self)
        self.trail_model = RowTableModel([
            Column("at", lambda: self.tr("Time"), lambda r: local_time_text(r.at)),
            Column("user", lambda: self.tr("By"), lambda r: r.user),
            Column("station", lambda: self.tr("Station"), lambda r: r.station),
            Column("action", lambda: self.tr("Action"), lambda r: action_label(r.action)),
            Column("entity", lambda: self.tr("Record"), lambda r: entity_label(r.entity)),
            Column("field", lambda: self.tr("Field"), lambda r: field_label(r.field),
                   tooltip=lambda r: r.field),
            Column("old", lambda: self.tr("Old value"), lambda r: _value_text(r.old_value),
                   tooltip=lambda r: _value_text(r.old_value)),
            Column("new", lambda: self.tr("New value"), lambda r: _value_text(r.new_value),
                   tooltip=lambda r: _value_text(r.new_value)),
        ], self)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("orderTabs")
        self.lines_view = _table(self.lines_model, "linesTable")
        self.refs_view = _table(self.refs_model, "refsTable")
        self.events_view = _table(self.events_model, "eventsTable")
        self.files_view = _table(self.files_model, "filesTable")
        self.trail_view = _table(self.trail_model, "trailTable")
        notes_page = QWidget()
        notes_layout = QVBoxLayout(notes_page)
        self.notes_view = _table(self.notes_model, "notesTable")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setMaximumHeight(80)
        self.note_button = QPushButton()
        self.note_button.setObjectName("addNoteButton")
        self.note_button.clicked.connect(self._on_add_note)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.note_button)
        notes_layout.addWidget(self.notes_view, 1)
        notes_layout.addLayout(note_row)
        can_note = ctx.desk.user is not None and ctx.desk.user.can("order.read")
        self.note_edit.setVisible(can_note)
        self.note_button.setVisible(can_note)
        self._tab_pages = [self.lines_view, self.refs_view, self.events_view, notes_page,
                           self.files_view, self.trail_view]
        # Engineering's changes (text, pictures, video) must reach every station that
        # opens the order, not only PMC.
        self.annotations = _annotations_widget(ctx, order_id)
        if self.annotations is not None:
            self._tab_pages.append(self.annotations)
        for page in self._tab_pages:
            self.tabs.addTab(page, "")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        # Share links (issue 18): the order's live status for a customer's phone.
        self.share_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.share_button.setObjectName("shareOrder")
        self.share_button.clicked.connect(self._on_share)
        user = getattr(ctx.desk, "user", None)
        self.share_button.setVisible(user is None or user.can("share.create"))

        top = QHBoxLayout()
        top.addWidget(self.header_box, 3)
        top.addWidget(self.status_box, 2)
        # Header and tabs share a splitter that scrolls on a short screen; the buttons
        # stay at the bottom, always on the screen.
        head = QWidget()
        head_layout = QVBoxLayout(head)
        head_layout.setContentsMargins(0, 0, 0, 0)
        head_layout.addWidget(self.banner)
        head_layout.addLayout(top)
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.setObjectName("orderBody")
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(scrolled(head))
        self.body.addWidget(self.tabs)
        self.body.setStretchFactor(0, 0)
        self.body.setStretchFactor(1, 1)
        # The header at its natural height where the screen allows (it scrolls, or the
        # user drags the handle, where it does not).
        self.body.setSizes([min(head.sizeHint().height() + 4, max(200, self.height() // 2)),
                            max(200, self.height() // 2)])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)

        ctx.changes_did_apply.connect(self._on_changes)
        self.retranslate_ui()
        self.reload()

    # -- text -----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        labels = {
            "customer": self.tr("Customer"), "channel": self.tr("Channel"),
            "numbers": self.tr("Channel no."), "po": self.tr("Customer PO"),
            "ordered": self.tr("Ordered"), "requested": self.tr("Requested"),
            "promised": self.tr("Promised"), "contact": self.tr("Contact"),
            "address": self.tr("Delivery address"), "created": self.tr("Entered by"),
        }
        for key, text in labels.items():
            self.field_labels[key].setText(text)
        self.header_box.setTitle(self.tr("Order"))
        self.status_box.setTitle(self.tr("Status"))
        for dept in statuses.DEPARTMENTS:
            self.status_names[dept].setText(department_label(dept))
            self.status_buttons[dept].setText(self.tr("Set"))
        for index, text in enumerate((self.tr("Lines"), self.tr("Channel numbers"),
                                      self.tr("Status timeline"), self.tr("Notes"),
                                      self.tr("Attachments"), self.tr("Change trail"),
                                      self.tr("Engineering changes"))[:self.tabs.count()]):
            self.tabs.setTabText(index, text)
        self.note_button.setText(self.tr("Add note"))
        self.note_edit.setPlaceholderText(self.tr("A note for everyone working on this order"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.share_button.setText(self.tr("Share link…"))
        for model in (self.lines_model, self.refs_model, self.events_model, self.notes_model,
                      self.files_model, self.trail_model):
            model.retranslate()
        if self.detail is not None:
            self._show(self.detail)
            self._fit_columns()  # labels change width with the language
        else:
            self.setWindowTitle(self.tr("Order"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_share(self) -> None:
        from orderdesk.ui.board.share_dialog import ShareLinkDialog

        if self.detail is None:
            return
        summary = self.detail.summary
        dialog = ShareLinkDialog(self.ctx, summary.order_no, summary.customer_name or "", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.tasks.query(board.order_detail, self.ctx.desk, self.order_id,
                             on_done=self._show, on_error=self._on_load_failed)

    def _on_load_failed(self, exc: BaseException) -> None:
        self._banner("error", describe_error(exc))

    def _banner(self, state: str, text: str) -> None:
        self.banner.setText(text)
        self.banner.setProperty("state", state)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.setVisible(bool(text))

    def _show(self, detail: OrderDetail) -> None:
        self.detail = detail
        s = detail.summary
        self.setWindowTitle(self.tr("Order {no}").format(no=s.order_no))
        title = s.order_no
        if s.rush:
            title = "\u26a1 " + title
        self.title.setText(title)
        if s.cancelled:
            self._banner("error", self.tr("Cancelled: {reason}").format(
                reason=detail.cancel_reason or "-"))
        elif s.rush:
            self._banner("warning", self.tr("Rush order: {reason}").format(
                reason=detail.rush_reason or "-"))
        else:
            self._banner("idle", "")
        customer = " ".join(x for x in (s.customer_code, s.customer_name) if x)
        if s.customer_tier:
            customer += self.tr(" (tier {tier})").format(tier=s.customer_tier)
        values = {
            "customer": customer or self.tr("(no customer)"),
            "channel": channel_label(s.channel),
            "numbers": ", ".join(no for _, no in detail.channel_refs) or "\u2014",
            "po": s.customer_po or "\u2014",
            "ordered": local_time_text(s.order_time),
            "requested": _date(s.requested_date) or "\u2014",
            "promised": _date(detail.promised_date) or "\u2014",
            "contact": " ".join(x for x in (detail.contact_name, detail.contact_phone) if x)
            or "\u2014",
            "address": detail.delivery_address or "\u2014",
            "created": " @ ".join(x for x in (detail.created_by, detail.station) if x) or "\u2014",
        }
        for key, text in values.items():
            self.fields[key].setText(text)
        for dept in statuses.DEPARTMENTS:
            current = getattr(s, f"status_{dept}")
            self.status_values[dept].setText(status_label(current))
            combo = self.status_combos[dept]
            combo.blockSignals(True)
            combo.clear()
            for code in statuses.FLOW[dept]:
                combo.addItem(status_label(code), code)
            combo.setCurrentIndex(max(combo.findData(self._next_status(dept, current)), 0))
            combo.blockSignals(False)
            self.status_buttons[dept].setEnabled(not s.cancelled)
            combo.setEnabled(not s.cancelled)
        first_load = not self.lines_model.rows and not self.trail_model.rows
        self.lines_model.set_rows(detail.lines)
        self.refs_model.set_rows(detail.channel_refs)
        self.events_model.set_rows(detail.status_events)
        self.notes_model.set_rows(detail.notes)
        self.files_model.set_rows(detail.attachments)
        self.trail_model.set_rows(detail.trail)
        if first_load:
            self._fit_columns()

    def _fit_columns(self) -> None:
        for view in (self.lines_view, self.refs_view, self.events_view, self.notes_view,
                     self.files_view, self.trail_view):
            view.resizeColumnsToContents()
            for col in range(view.model().columnCount()):
                if view.columnWidth(col) > 320:
                    view.setColumnWidth(col, 320)

    @staticmethod
    def _next_status(dept: str, current: str) -> str:
        flow = statuses.FLOW[dept]
        if current in flow and flow.index(current) + 1 < len(flow):
            return flow[flow.index(current) + 1]
        return current

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if changes.orders:
            self.reload()

    # -- actions --------------------------------------------------------------------------
    def _on_set_status(self, dept: str) -> None:
        status = self.status_combos[dept].currentData()
        if status is None:
            return
        self.status_buttons[dept].setEnabled(False)
        self.ctx.tasks.mutate(orders.set_status, self.ctx.desk, self.order_id, dept, status,
                              on_done=lambda _c: self.status_buttons[dept].setEnabled(True),
                              on_error=lambda exc: self._on_action_failed(dept, exc))

    def _on_action_failed(self, dept: str | None, exc: BaseException) -> None:
        if dept:
            self.status_buttons[dept].setEnabled(True)
        self.note_button.setEnabled(True)
        show_error(self, exc)

    def _on_add_note(self) -> None:
        body = self.note_edit.toPlainText().strip()
        if not body:
            return
        self.note_button.setEnabled(False)
        self.ctx.tasks.mutate(orders.add_note, self.ctx.desk, self.order_id, body,
                              on_done=self._on_note_added,
                              on_error=lambda exc: self._on_action_failed(None, exc))

    def _on_note_added(self, _changes: Changes) -> None:
        self.note_edit.clear()
        self.note_button.setEnabled(True)


def _annotations_widget(ctx, order_id: str) -> QWidget | None:  # type: ignore[no-untyped-def]
    try:
        from orderdesk.ui.pmc.annotations import OrderAnnotationsWidget
    except ImportError:
        log.exception("engineering annotations widget unavailable")
        return None
    widget = OrderAnnotationsWidget(ctx)
    widget.set_order(order_id)
    return widget
