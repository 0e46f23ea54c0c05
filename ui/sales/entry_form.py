"""Keyboard-first order form for phone orders.

Type a customer (code, name, alias or phone) and Enter; a due date ('3/20', '明天',
'下周三') and Enter; then SKU (code any way, or nickname) Enter, quantity Enter — the
line is added and the cursor is back on SKU for the next one. Enter on an empty SKU
goes to Save; Ctrl+S saves from anywhere. Ctrl+R lists the customer's last orders:
Enter copies the highlighted one's lines (reorder in two keystrokes). A known customer
pre-fills the last address, contact and terms. Problems show as you type: unknown SKU,
a quantity that is not a multiple of the pack size, a date in the past.

Every lookup runs on the query pool; saving runs on the writer. The similar-orders
popup (dedup) is fed the customer, SKU and quantity as they are typed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orderdesk.intake import entry
from orderdesk.intake.messages.dates import find_due_date
from orderdesk.intake.values import parse_date, parse_quantity
from orderdesk.services import catalog
from orderdesk.services.orders import LineDraft, OrderDraft, create_order
from orderdesk.ui.errors import describe_error, show_error
from orderdesk.ui.sales.texts import reason_label

TYPEAHEAD_MS = 120


def parse_due(text: str, today: dt.date) -> dt.date | None:
    """'2026-03-20', '3/20', '3月20日', '明天', '下周三', '15号' → a date; '' → None."""
    text = text.strip()
    if not text:
        return None
    try:
        return parse_date(text, today)
    except ValueError:
        pass
    day, _ = find_due_date(text, dt.datetime.combine(today, dt.time(9)))
    if day is None:
        raise ValueError("not_a_date")
    return day


def number_text(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else str(value)


def _products_for(desk: Any, lines: list[tuple[str, Decimal]]) -> list[tuple[Any, Decimal]]:
    """Catalog rows of an earlier order's lines (query pool); lines no longer sold drop out."""
    out = []
    for sku, qty in lines:
        product = entry.lookup_product(desk, sku)
        if product is not None:
            out.append((product, qty))
    return out


class _EnterFilter(QObject):
    """Enter in a field moves on (the form decides where), like Tab but for the keypad."""

    def __init__(self, form: OrderEntryForm) -> None:
        super().__init__(form)
        self.form = form

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return,
                                                                     Qt.Key.Key_Enter):
            field = self.form._popup_owner.get(obj, obj)
            completer = getattr(field, "completer", lambda: None)()
            if completer is not None and completer.popup().isVisible():
                if completer.popup().currentIndex().isValid():
                    return False  # the completer takes the highlighted choice
                completer.popup().hide()
            return self.form._on_enter(field)
        return False


class OrderEntryForm(QWidget):
    """The phone-order form. `order_did_save(order_no)` after a successful save."""

    order_did_save = Signal(str)
    #: emitted after each background lookup lands (tests wait on it)
    lookup_did_finish = Signal(str)

    def __init__(self, ctx: Any, parent: QWidget | None = None, *, with_popup: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: str | None = None
        self._customers: dict[str, catalog.CustomerRow] = {}
        self._products: dict[str, catalog.ProductRow] = {}
        self._product: catalog.ProductRow | None = None
        self._lines: list[tuple[catalog.ProductRow, Decimal]] = []
        self._recent: list[entry.RecentOrder] = []

        self.customer = QLineEdit()
        self.customer.setObjectName("customerField")
        self.customer_info = QLabel()
        self.customer_info.setObjectName("customerInfo")
        self.po = QLineEdit()
        self.due = QLineEdit()
        self.due.setObjectName("dueField")
        self.due_info = QLabel()
        self.urgent = QCheckBox()
        self.contact = QLineEdit()
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.terms = QLineEdit()
        self.sku = QLineEdit()
        self.sku.setObjectName("skuField")
        self.qty = QLineEdit()
        self.qty.setObjectName("qtyField")
        self.line_info = QLabel()
        self.line_info.setObjectName("lineInfo")
        self.line_info.setWordWrap(True)
        self.lines = QTableWidget(0, 5)
        self.lines.setObjectName("linesTable")
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().setVisible(False)
        self.remove_line = QPushButton()
        self.save = QPushButton()
        self.save.setObjectName("saveOrder")
        self.save.setDefault(False)
        # Most phone orders are confirmed on the phone: save them confirmed in one go
        # (one transaction) instead of a trip through the board.
        self.save_confirm = QPushButton()
        self.save_confirm.setObjectName("saveConfirmOrder")
        self.save_confirm.setProperty("role", "primary")
        self.clear_button = QPushButton()
        self.status = QLabel()
        self.status.setObjectName("entryStatus")
        self.recent = QListWidget()
        self.recent.setObjectName("recentOrders")
        self.recent.hide()
        self.recent_label = QLabel()
        self.recent_label.hide()

        for field, kind in ((self.customer, "customer"), (self.sku, "product")):
            completer = QCompleter(QStringListModel(self), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            field.setCompleter(completer)
            completer.activated[str].connect(
                lambda text, kind=kind: self._on_completion_chosen(kind, text))

        header = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.customer, 2)
        row.addWidget(self.customer_info, 3)
        self._customer_row_label = QLabel()
        header.addRow(self._customer_row_label, row)
        row = QHBoxLayout()
        row.addWidget(self.due, 1)
        row.addWidget(self.due_info, 1)
        row.addWidget(self.urgent)
        self._due_label = QLabel()
        header.addRow(self._due_label, row)
        self._po_label, self._contact_label = QLabel(), QLabel()
        self._address_label, self._terms_label = QLabel(), QLabel()
        row = QHBoxLayout()
        row.addWidget(self.po)
        row.addWidget(self._contact_label)
        row.addWidget(self.contact)
        row.addWidget(self.phone)
        header.addRow(self._po_label, row)
        row = QHBoxLayout()
        row.addWidget(self.address, 3)
        row.addWidget(self._terms_label)
        row.addWidget(self.terms, 1)
        header.addRow(self._address_label, row)

        line_row = QHBoxLayout()
        self._sku_label, self._qty_label = QLabel(), QLabel()
        line_row.addWidget(self._sku_label)
        line_row.addWidget(self.sku, 3)
        line_row.addWidget(self._qty_label)
        line_row.addWidget(self.qty, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_line)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save)
        buttons.addWidget(self.save_confirm)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(line_row)
        layout.addWidget(self.line_info)
        from orderdesk.ui.pmc.capacity_warning import attach_to_entry  # machines red: advise
        attach_to_entry(self, layout)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        for w in (self.customer, self.due, self.urgent, self.sku, self.qty, self.save):
            w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabOrder(self.customer, self.due)
        self.setTabOrder(self.due, self.sku)
        self.setTabOrder(self.sku, self.qty)
        self.setTabOrder(self.qty, self.save)

        self._enter = _EnterFilter(self)
        for w in (self.customer, self.due, self.po, self.contact, self.phone, self.address,
                  self.terms, self.sku, self.qty, self.recent):
            w.installEventFilter(self._enter)
        # While a completion list is open it has the keys: Enter there with nothing
        # highlighted still moves on.
        self._popup_owner = {}
        for field in (self.customer, self.sku):
            popup = field.completer().popup()
            popup.installEventFilter(self._enter)
            self._popup_owner[popup] = field

        self._customer_timer = self._debounced(self._lookup_customers)
        self._product_timer = self._debounced(self._lookup_products)
        self._check_timer = self._debounced(self._check_line)
        self.customer.textEdited.connect(lambda _t: self._on_customer_edited())
        self.sku.textEdited.connect(lambda _t: self._on_sku_edited())
        self.qty.textEdited.connect(lambda _t: (self._check_timer.start(), self._feed_popup()))
        self.due.textEdited.connect(lambda _t: self._check_due())
        self.save.clicked.connect(lambda: self.submit())
        self.save_confirm.clicked.connect(lambda: self.submit(confirm=True))
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, activated=lambda: self.submit(confirm=True))
        self.clear_button.clicked.connect(self.clear)
        self.remove_line.clicked.connect(self._remove_selected_line)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.submit)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.show_recent)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.clear)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.recent, activated=self._hide_recent)
        self.recent.itemActivated.connect(lambda _i: self._reorder_selected())

        self.popup = None
        if with_popup:
            try:
                from orderdesk.ui.sales.similar_popup import SimilarOrdersPopup
            except ImportError:  # the duplicate engine not in this build
                SimilarOrdersPopup = None  # noqa: N806
            if SimilarOrdersPopup is not None:
                self.popup = SimilarOrdersPopup(ctx, self)
                self.popup.set_draft_provider(self.draft)
                self.popup.merged.connect(self._on_merged)
        self.retranslate_ui()

    # -- helpers ------------------------------------------------------------------------
    def _debounced(self, slot) -> QTimer:  # type: ignore[no-untyped-def]
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(TYPEAHEAD_MS)
        timer.timeout.connect(slot)
        return timer

    def retranslate_ui(self) -> None:
        self._customer_row_label.setText(self.tr("&Customer"))
        self._customer_row_label.setBuddy(self.customer)
        self.customer.setPlaceholderText(self.tr("code, name, alias or phone"))
        self._due_label.setText(self.tr("&Due date"))
        self._due_label.setBuddy(self.due)
        self.due.setPlaceholderText(self.tr("e.g. 2026-03-20, 3/20, 明天, 下周三"))
        self.urgent.setText(self.tr("&Urgent"))
        self._po_label.setText(self.tr("Customer PO"))
        self._contact_label.setText(self.tr("Contact"))
        self.contact.setPlaceholderText(self.tr("name"))
        self.phone.setPlaceholderText(self.tr("phone"))
        self._address_label.setText(self.tr("Delivery address"))
        self._terms_label.setText(self.tr("Terms"))
        self._sku_label.setText(self.tr("&SKU"))
        self._sku_label.setBuddy(self.sku)
        self.sku.setPlaceholderText(self.tr("code any way, name or nickname"))
        self._qty_label.setText(self.tr("&Qty"))
        self._qty_label.setBuddy(self.qty)
        self.qty.setPlaceholderText(self.tr("5000, 5k, 1.2万"))
        self.lines.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Name"), self.tr("Spec"),
                                              self.tr("Quantity"), self.tr("Unit")])
        self.remove_line.setText(self.tr("Remove line"))
        self.clear_button.setText(self.tr("New (Ctrl+N)"))
        self.save.setText(self.tr("Save as draft (Ctrl+S)"))
        self.save_confirm.setText(self.tr("Save and confirm (Ctrl+Shift+S)"))
        if self.due.text().strip():
            self._check_due()   # the weekday follows the language
        self.recent_label.setText(self.tr("Last orders of this customer — Enter copies the lines, "
                                          "Esc closes"))

    def _today(self) -> dt.date:
        return dt.date.today()

    # -- Enter moves on -----------------------------------------------------------------
    def _focus(self, widget: QWidget) -> None:
        """Move the keyboard on; a completion list that just closed may have taken the
        window's activation with it, so take it back."""
        window = widget.window()
        if not window.isActiveWindow():
            window.activateWindow()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_enter(self, obj: QObject) -> bool:
        if obj is self.customer:
            self._resolve_customer_now()
            self._focus(self.due)
        elif obj is self.due:
            self._check_due()
            self._focus(self.sku)
        elif obj is self.sku:
            if not self.sku.text().strip():
                self._focus(self.save)
            else:
                self._focus(self.qty)
        elif obj is self.qty:
            self.add_line()
        elif obj is self.recent:
            self._reorder_selected()
        elif obj in (self.po, self.contact, self.phone, self.address, self.terms):
            self.focusNextChild()
        else:
            return False
        return True

    # -- customer -----------------------------------------------------------------------
    def _on_customer_edited(self) -> None:
        self.customer_id = None
        self.customer_info.setText("")
        self._customer_timer.start()
        self._feed_popup()

    def _lookup_customers(self) -> None:
        text = self.customer.text().strip()
        self.ctx.tasks.query(catalog.complete_customers, self.ctx.desk, text,
                             on_done=lambda rows, text=text: self._on_customers(text, rows))

    @staticmethod
    def _customer_label(row: catalog.CustomerRow) -> str:
        return f"{row.code} {row.name}" + (f" {row.contact_phone}" if row.contact_phone else "")

    def _on_customers(self, text: str, rows: list[catalog.CustomerRow]) -> None:
        self._customers = {self._customer_label(r): r for r in rows}
        completer = self.customer.completer()
        completer.model().setStringList(list(self._customers))
        if rows and self.customer.hasFocus() and self.customer.text().strip() == text:
            completer.complete()
        if len(rows) == 1 and self.customer.text().strip() == text and self.customer_id is None:
            self._set_customer(rows[0], keep_text=True)
            completer.popup().hide()  # nothing to choose: Enter simply moves on
        self.lookup_did_finish.emit("customer")

    def _resolve_customer_now(self) -> None:
        """Enter on the customer: take the single (or exactly typed) match, off the GUI thread."""
        text = self.customer.text().strip()
        if self.customer_id or not text:
            return
        if text in self._customers:
            self._set_customer(self._customers[text])
            return
        self.ctx.tasks.query(catalog.complete_customers, self.ctx.desk, text, 5,
                             on_done=lambda rows, text=text: self._on_enter_customers(text, rows))

    def _on_enter_customers(self, text: str, rows: list[catalog.CustomerRow]) -> None:
        if self.customer_id or self.customer.text().strip() != text:
            return
        exact = [r for r in rows if r.code.upper() == text.upper()]
        if len(rows) == 1 or exact:
            self._set_customer((exact or rows)[0], keep_text=not exact)
        elif not rows:
            self.customer_info.setText(self.tr("Unknown customer"))
        else:
            self.customer_info.setText(self.tr("Several customers match: pick one from the list"))
        self.lookup_did_finish.emit("customer")

    def _on_completion_chosen(self, kind: str, text: str) -> None:
        if kind == "customer" and text in self._customers:
            self._set_customer(self._customers[text])
        elif kind == "product" and text in self._products:
            self._product = self._products[text]
            self.sku.setText(self._product.sku)
            self._check_timer.start()
            self._feed_popup()

    def _set_customer(self, row: catalog.CustomerRow, keep_text: bool = False) -> None:
        self.customer_id = row.id
        if not keep_text:
            self.customer.setText(row.code)
        self.customer_info.setText(self.tr("{name} · tier {tier}").format(name=row.name,
                                                                          tier=row.tier))
        self.ctx.tasks.query(catalog.last_order_defaults, self.ctx.desk, row.id,
                             on_done=self._on_defaults)
        self.ctx.tasks.query(entry.recent_orders, self.ctx.desk, row.id,
                             on_done=self._on_recent)
        from orderdesk.ui.overview.red_warning import check_customer  # issue 16: warn only
        check_customer(self, row.id)
        self._feed_popup()

    def _on_defaults(self, values: dict[str, str | None]) -> None:
        # Pre-fill only what the user has not typed yet.
        for field, key in ((self.address, "delivery_address"), (self.contact, "contact_name"),
                           (self.phone, "contact_phone"), (self.terms, "payment_terms")):
            if not field.text().strip() and values.get(key):
                field.setText(values[key] or "")
        self.lookup_did_finish.emit("defaults")

    def _on_recent(self, rows: list[entry.RecentOrder]) -> None:
        self._recent = rows
        self.lookup_did_finish.emit("recent")

    # -- reorder ------------------------------------------------------------------------
    def show_recent(self) -> None:
        """Ctrl+R: the customer's last orders; Enter copies the highlighted one's lines."""
        self.recent.clear()
        if not self.customer_id:
            self.status.setText(self.tr("Choose a customer first"))
            return
        for order in self._recent:
            lines = ", ".join(f"{sku}×{number_text(q)}" for sku, q in order.lines)
            item = QListWidgetItem(f"{order.order_no}  {order.order_time:%Y-%m-%d}  {lines}")
            self.recent.addItem(item)
        if not self._recent:
            self.status.setText(self.tr("No earlier orders for this customer"))
            return
        self.recent_label.show()
        self.recent.show()
        self.recent.setCurrentRow(0)
        self.recent.setFocus()

    def _hide_recent(self) -> None:
        self.recent.hide()
        self.recent_label.hide()
        self.sku.setFocus()

    def _reorder_selected(self) -> None:
        row = self.recent.currentRow()
        if not 0 <= row < len(self._recent):
            return
        order = self._recent[row]
        self._hide_recent()
        self.ctx.tasks.query(_products_for, self.ctx.desk, list(order.lines),
                             on_done=lambda rows, no=order.order_no: self._on_reorder(no, rows))

    def _on_reorder(self, order_no: str, rows: list[tuple[catalog.ProductRow, Decimal]]) -> None:
        for product, qty in rows:
            self._append_line(product, qty)
        self.status.setText(self.tr("Lines copied from {order}").format(order=order_no))
        self._focus(self.due)
        self.lookup_did_finish.emit("reorder")

    # -- lines --------------------------------------------------------------------------
    def _on_sku_edited(self) -> None:
        self._product = None
        self._product_timer.start()
        self._check_timer.start()
        self._feed_popup()

    def _lookup_products(self) -> None:
        text = self.sku.text().strip()
        self.ctx.tasks.query(catalog.complete_products, self.ctx.desk, text,
                             on_done=lambda rows, text=text: self._on_products(text, rows))

    def _on_products(self, text: str, rows: list[catalog.ProductRow]) -> None:
        self._products = {f"{r.sku} {r.name} {r.spec or ''}".strip(): r for r in rows}
        completer = self.sku.completer()
        completer.model().setStringList(list(self._products))
        if rows and self.sku.hasFocus() and self.sku.text().strip() == text:
            completer.complete()
        self.lookup_did_finish.emit("product")

    def _check_line(self) -> None:
        sku, qty = self.sku.text(), self.qty.text()
        self.ctx.tasks.query(entry.check_line, self.ctx.desk, sku, qty,
                             on_done=lambda result, key=(sku, qty): self._on_checked(key, result))

    def _on_checked(self, key: tuple[str, str], result: entry.LineCheck) -> None:
        if key != (self.sku.text(), self.qty.text()):
            return  # the user typed on meanwhile; a newer check is on its way
        if result.product is not None:
            self._product = result.product
        self._show_line_problems(result.product, result.problems)
        self.lookup_did_finish.emit("check")

    def _show_line_problems(self, product: catalog.ProductRow | None,
                            problems: tuple[str, ...]) -> None:
        parts = []
        if product is not None:
            label = f"{product.sku} {product.name} {product.spec or ''}".strip()
            if product.pack_size:
                label = self.tr("{product} · pack of {pack}").format(product=label,
                                                                     pack=product.pack_size)
            parts.append(label)
        parts += [reason_label(p) for p in problems]
        self.line_info.setText("  —  ".join(parts))
        bad = any(p != "not_pack_multiple" for p in problems)
        warn = "not_pack_multiple" in problems
        self.line_info.setStyleSheet("color: #b00020;" if bad else "color: #8a5a00;" if warn else "")

    def add_line(self) -> None:
        """Enter on the quantity: check (on the query pool) and append the line, then back
        to SKU for the next one."""
        sku, qty = self.sku.text(), self.qty.text()
        self.ctx.tasks.query(entry.check_line, self.ctx.desk, sku, qty,
                             on_done=lambda result, key=(sku, qty): self._add_checked(key, result))

    def _add_checked(self, key: tuple[str, str], result: entry.LineCheck) -> None:
        if key != (self.sku.text(), self.qty.text()):
            return  # typed on meanwhile: the user is no longer adding this line
        blocking = [p for p in result.problems if p != "not_pack_multiple"]
        if not key[1].strip():
            blocking.append("blank")
        if result.product is None or blocking:
            self._show_line_problems(result.product, tuple(blocking) or ("unknown_sku",))
            self._focus(self.sku if result.product is None else self.qty)
            self.lookup_did_finish.emit("add")
            return
        self._append_line(result.product, parse_quantity(key[1]))
        self._show_line_problems(result.product, result.problems)
        self.sku.clear()
        self.qty.clear()
        self._product = None
        self._focus(self.sku)
        self.lookup_did_finish.emit("add")

    def _append_line(self, product: catalog.ProductRow, qty: Decimal) -> None:
        self._lines.append((product, qty))
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        for col, text in enumerate((product.sku, product.name, product.spec or "",
                                    number_text(qty), product.unit)):
            item = QTableWidgetItem(text)
            if col == 3:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.lines.setItem(row, col, item)
        self._feed_popup()

    def _remove_selected_line(self) -> None:
        row = self.lines.currentRow()
        if 0 <= row < len(self._lines):
            del self._lines[row]
            self.lines.removeRow(row)

    # -- due date -----------------------------------------------------------------------
    def _check_due(self) -> dt.date | None:
        try:
            day = parse_due(self.due.text(), self._today())
        except ValueError:
            self.due_info.setText(reason_label("not_a_date"))
            self.due_info.setStyleSheet("color: #b00020;")
            return None
        if day is None:
            self.due_info.setText("")
            return None
        if day < self._today():
            self.due_info.setText(self.tr("{date} is in the past").format(date=day.isoformat()))
            self.due_info.setStyleSheet("color: #b00020;")
        else:
            # The weekday in the UI language (周三 / Wed), not the C library's English.
            self.due_info.setText(QLocale().toString(QDate(day.year, day.month, day.day),
                                                     "yyyy-MM-dd ddd"))
            self.due_info.setStyleSheet("")
        return day

    # -- the draft ----------------------------------------------------------------------
    def lines_data(self) -> list[tuple[str, Decimal]]:
        return [(p.sku, q) for p, q in self._lines]

    def draft(self) -> OrderDraft:
        """The order as typed (also handed to the similar-orders popup for a merge)."""
        try:
            due = parse_due(self.due.text(), self._today())
        except ValueError:
            due = None
        return OrderDraft(
            channel="phone", customer_id=self.customer_id,
            lines=tuple(LineDraft(sku=p.sku, quantity=q) for p, q in self._lines),
            customer_po=self.po.text().strip() or None, requested_date=due,
            rush=self.urgent.isChecked(), contact_name=self.contact.text().strip() or None,
            contact_phone=self.phone.text().strip() or None,
            delivery_address=self.address.text().strip() or None,
            payment_terms=self.terms.text().strip() or None)

    def _feed_popup(self) -> None:
        if self.popup is None:
            return
        from orderdesk.dedup import Probe

        sku = self.sku.text().strip() or (self._lines[-1][0].sku if self._lines else None)
        try:
            qty = parse_quantity(self.qty.text()) if self.qty.text().strip() else (
                self._lines[-1][1] if self._lines else None)
        except ValueError:
            qty = None
        try:
            due = parse_due(self.due.text(), self._today())
        except ValueError:
            due = None
        self.popup.set_probe(Probe(customer_id=self.customer_id,
                                   customer_text=self.customer.text().strip() or None,
                                   phone=self.phone.text().strip() or None, sku=sku,
                                   quantity=qty, requested_date=due,
                                   address=self.address.text().strip() or None, channel="phone"))

    def problems(self) -> list[str]:
        out = []
        if not self.customer_id:
            out.append(self.tr("Choose a customer"))
        if not self._lines:
            out.append(self.tr("Add at least one line"))
        try:
            due = parse_due(self.due.text(), self._today())
        except ValueError:
            out.append(self.tr("The due date is not a date"))
        else:
            if due is not None and due < self._today():
                out.append(self.tr("The due date is in the past"))
        return out

    def submit(self, confirm: bool = False) -> None:
        """Save the order as a draft, or (`confirm`) confirmed, in one transaction."""
        problems = self.problems()
        if problems:
            self.status.setText("; ".join(problems))
            self.status.setStyleSheet("color: #b00020;")
            return
        self.save.setEnabled(False)
        self.save_confirm.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.status.setStyleSheet("")
        draft = self.draft()
        if confirm:
            draft = dataclasses.replace(draft, status_sales="confirmed")
        self.ctx.tasks.mutate(create_order, self.ctx.desk, draft,
                              on_done=lambda ref, c=confirm: self._on_saved(ref, c),
                              on_error=self._on_save_failed)

    def has_unsaved_input(self) -> bool:
        """Something typed that is not saved yet (the quit question asks about it)."""
        return bool(self._lines or self.customer.text().strip() or self.sku.text().strip()
                    or self.qty.text().strip())

    def _on_saved(self, ref: Any, confirmed: bool = False) -> None:
        self.save.setEnabled(True)
        self.save_confirm.setEnabled(True)
        self.clear()
        self.status.setText((self.tr("Saved and confirmed as {order}") if confirmed
                             else self.tr("Saved as draft {order}")).format(order=ref.order_no))
        self.status.setStyleSheet("color: #1b5e20;")
        self.order_did_save.emit(ref.order_no)

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        self.save_confirm.setEnabled(True)
        self.status.setText(describe_error(exc))
        self.status.setStyleSheet("color: #b00020;")
        show_error(self, exc)

    def _on_merged(self, order_id: str) -> None:
        self.clear()
        self.status.setText(self.tr("Merged into the existing order"))

    def clear(self) -> None:
        for w in (self.customer, self.po, self.due, self.contact, self.phone, self.address,
                  self.terms, self.sku, self.qty):
            w.clear()
        self.urgent.setChecked(False)
        self.customer_id = None
        self.customer_info.setText("")
        self.due_info.setText("")
        self.line_info.setText("")
        self._lines.clear()
        self.lines.setRowCount(0)
        self._recent = []
        self.status.setText("")
        self.customer.setFocus()

    # -- from a chat message -------------------------------------------------------------
    def load_proposal(self, customer: Any | None, lines: list[tuple[Any, Decimal]],
                      due: dt.date | None, urgent: bool, note: str | None = None) -> None:
        """Fill the form from a parsed message (customer row, product rows and quantities)."""
        self.clear()
        if customer is not None:
            self._set_customer(customer)
        if due:
            self.due.setText(due.isoformat())
            self._check_due()
        self.urgent.setChecked(urgent)
        for product, qty in lines:
            self._append_line(product, qty)
        self.sku.setFocus()
