# i18n-area: dedup
"""The similar-orders popup beside the order entry form.

While a sales person types (customer, SKU, quantity), the form calls `set_probe()` on
every change. The popup waits for a short pause in typing (debounce), looks the probe up
on the query pool (never on the GUI thread, so typing never stalls) and, if there are
similar orders, shows them in a small frameless tool window that never takes the focus:
the user keeps typing in the form. Buttons: 合并 (fold the typed order into the selected
existing order — needs `set_draft_provider()`) and 保留 (keep both; remembered). After a
merge the popup offers Undo for a few seconds.

Where it shows: beside the field being typed (right of it, else left, below or above),
always fully inside the available area of that field's screen, and never bigger than the
screen (1366×768, or 1280×720 effective at 150% on a 1920×1080 panel). The user can drag it
by its title; it then stays where it was put (still kept on screen).

Keyboard, while it is shown (the form keeps the focus, so these are application-wide):
Alt+M merge into the selected order, Alt+K keep both, Esc dismiss, Alt+Down / Alt+Up pick
another order, Alt+Z undo a merge.

Signals: `merged(str)` with the existing order's id (the form clears itself), `kept()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from orderdesk.dedup import MergeResult, Probe, SimilarOrder, find_similar, keep_typed, merge_draft
from orderdesk.dedup import undo_merge as core_undo_merge
from orderdesk.ui.board.labels import channel_label, status_label
from orderdesk.ui.board.table import Column, RowTableModel
from orderdesk.ui.errors import show_error

DEBOUNCE_MS = 150
UNDO_SECONDS = 10
MAX_ROWS = 5
# Room for five rows, the reasons and the buttons at the station's font size.
PREFERRED_SIZE = QSize(760, 340)
SCREEN_MARGIN = 4
GAP = 6


def fit_size(size: QSize, screen: QRect) -> QSize:
    """The popup's size, shrunk where the screen is smaller."""
    return QSize(min(size.width(), screen.width() - 2 * SCREEN_MARGIN),
                 min(size.height(), screen.height() - 2 * SCREEN_MARGIN))


def clamp_into(pos: QPoint, size: QSize, screen: QRect) -> QPoint:
    """pos moved just enough that a window of `size` lies fully inside `screen`."""
    left, top = screen.left() + SCREEN_MARGIN, screen.top() + SCREEN_MARGIN
    right = screen.left() + screen.width() - SCREEN_MARGIN - size.width()
    bottom = screen.top() + screen.height() - SCREEN_MARGIN - size.height()
    return QPoint(max(left, min(pos.x(), right)), max(top, min(pos.y(), bottom)))


def popup_position(anchor: QRect, size: QSize, screen: QRect) -> QPoint:
    """Top-left corner for a popup of `size` next to `anchor` (the field being typed, in
    global coordinates), fully inside `screen` (its available geometry).

    Tries right of the field, left of it, below and above, in that order, and takes the
    first place where the popup fits without covering the field; if none does, the place
    below, pushed inside the screen."""
    w, h = size.width(), size.height()
    a_left, a_top = anchor.left(), anchor.top()
    a_right, a_bottom = anchor.left() + anchor.width(), anchor.top() + anchor.height()
    places = [QPoint(a_right + GAP, a_top), QPoint(a_left - GAP - w, a_top),
              QPoint(a_left, a_bottom + GAP), QPoint(a_left, a_top - GAP - h)]
    inner = screen.adjusted(SCREEN_MARGIN, SCREEN_MARGIN, -SCREEN_MARGIN, -SCREEN_MARGIN)
    for i, place in enumerate(places):
        # Beside the field the popup may slide up or along; it must not cover the field.
        moved = clamp_into(place, size, screen)
        rect = QRect(moved, size)
        if i < 2 and moved.x() != place.x():
            continue
        if i >= 2 and moved.y() != place.y():
            continue
        if inner.contains(rect) and not rect.intersects(anchor):
            return moved
    return clamp_into(places[2], size, screen)


MIN_HEIGHT = 180


def popup_rect(anchor: QRect, size: QSize, screen: QRect) -> QRect:
    """Where and how big the popup is: `size` (already fit to the screen) beside the
    field if it fits anywhere; else as tall as the roomier side above or below the field
    allows (never under MIN_HEIGHT), so it still covers nothing being typed."""
    pos = popup_position(anchor, size, screen)
    rect = QRect(pos, size)
    if not rect.intersects(anchor):
        return rect
    below = (screen.top() + screen.height() - SCREEN_MARGIN) - (anchor.top() + anchor.height() + GAP)
    above = anchor.top() - GAP - (screen.top() + SCREEN_MARGIN)
    height = max(below, above)
    if height < MIN_HEIGHT:
        return rect  # a field in the middle of a tiny screen: overlap rather than vanish
    smaller = QSize(size.width(), min(size.height(), height))
    return QRect(popup_position(anchor, smaller, screen), smaller)



# -- words shared with the review queue ----------------------------------------------------

def reason_words(reasons: Iterable[tuple[str, str]]) -> str:
    """Reason codes as one sentence, e.g. 同一客户(电话一致)、同一物料、相隔6分钟、数量相同."""
    words = {
        ("customer", "code"): QCoreApplication.translate("dedup", "same customer (code)"),
        ("customer", "phone"): QCoreApplication.translate("dedup", "same customer by phone"),
        ("customer", "name"): QCoreApplication.translate("dedup", "same customer by name/alias"),
        ("customer", "buyer"): QCoreApplication.translate("dedup", "same buyer name"),
        ("quantity", "same"): QCoreApplication.translate("dedup", "same quantity"),
        ("quantity", "differs"): QCoreApplication.translate("dedup", "other quantity"),
        ("requested_date", "same"): QCoreApplication.translate("dedup", "same due date"),
        ("requested_date", "differs"): QCoreApplication.translate("dedup", "other due date"),
        ("address", "same"): QCoreApplication.translate("dedup", "same delivery address"),
        ("address", "similar"): QCoreApplication.translate("dedup", "similar delivery address"),
        ("address", "differs"): QCoreApplication.translate("dedup", "other delivery address"),
        ("contact", "same"): QCoreApplication.translate("dedup", "same contact phone"),
        ("contact", "differs"): QCoreApplication.translate("dedup", "other contact phone"),
        ("channel", "other"): QCoreApplication.translate("dedup", "from another channel"),
        ("channel", "same_other_no"): QCoreApplication.translate("dedup", "same channel, other channel order number"),
        ("lines", "partial"): QCoreApplication.translate("dedup", "some lines differ"),
        ("lines", "same"): QCoreApplication.translate("dedup", "same lines"),
        ("customer", "address"): QCoreApplication.translate("dedup", "same customer by delivery address"),
        ("due_date", "same"): QCoreApplication.translate("dedup", "same line due dates"),
        ("due_date", "differs"): QCoreApplication.translate("dedup", "other line due dates"),
        ("po", "same"): QCoreApplication.translate("dedup", "same customer PO"),
        ("po", "differs"): QCoreApplication.translate("dedup", "other customer PO"),
        ("channel", "platform_other_no"): QCoreApplication.translate("dedup", "another order number of the same platform"),
        ("channel", "same_desk"): QCoreApplication.translate("dedup", "entered again in the same channel"),
    }
    parts: list[str] = []
    for code, fact in reasons:
        if code == "sku":
            parts.append(QCoreApplication.translate("dedup", "same SKU"))
        elif code == "minutes":
            minutes = int(fact)
            parts.append(QCoreApplication.translate("dedup", "under a minute apart") if minutes == 0
                         else QCoreApplication.translate("dedup", "{minutes} minutes apart").format(minutes=minutes))
        elif (code, fact) in words:
            parts.append(words[(code, fact)])
    return QCoreApplication.translate("dedup", ", ").join(parts)


def decision_label(status: str) -> str:
    return {"open": QCoreApplication.translate("dedup", "Waiting"), "kept": QCoreApplication.translate("dedup", "Kept both"),
            "merged": QCoreApplication.translate("dedup", "Merged")}.get(status, status)


def source_label(source: str) -> str:
    return {"entry": QCoreApplication.translate("dedup", "While typing"), "import": QCoreApplication.translate("dedup", "Import"), "scan": QCoreApplication.translate("dedup", "Found later"),
            "manual": QCoreApplication.translate("dedup", "Merged by hand")}.get(source, source)


def quantity_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    if value == value.to_integral():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def time_text(value: dt.datetime | None) -> str:
    return value.strftime("%m-%d %H:%M") if value else ""


def score_text(score: float) -> str:
    return f"{round(score * 100):d}%"


def similar_columns() -> list[Column]:
    return [
        Column("order_no", lambda: QCoreApplication.translate("dedup", "Order"), lambda r: r.order_no),
        Column("channel", lambda: QCoreApplication.translate("dedup", "Channel"),
               lambda r: channel_label(r.channel) + (f" {r.channel_order_no}"
                                                     if r.channel_order_no else "")),
        Column("time", lambda: QCoreApplication.translate("dedup", "Time"), lambda r: time_text(r.order_time)),
        Column("quantity", lambda: QCoreApplication.translate("dedup", "Quantity"), lambda r: quantity_text(r.quantity),
               align=Qt.AlignmentFlag.AlignRight),
        Column("status", lambda: QCoreApplication.translate("dedup", "Status"),
               lambda r: f"{status_label(r.status_sales)} / {status_label(r.status_warehouse)}"),
        Column("score", lambda: QCoreApplication.translate("dedup", "Match"), lambda r: score_text(r.score),
               align=Qt.AlignmentFlag.AlignRight, tooltip=lambda r: reason_words(r.reasons)),
    ]


class SimilarOrdersPopup(QFrame):
    """Non-blocking list of orders similar to the one being typed (see module doc)."""

    merged = Signal(str)
    kept = Signal()
    #: Emitted on the GUI thread after each lookup with the number of orders shown.
    lookup_did_finish = Signal(int)

    def __init__(self, ctx: Any, parent: QWidget | None = None, *, floating: bool = True,
                 debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._floating = floating
        self._anchor = parent
        self._return_focus: QWidget | None = None
        if floating:
            # A tool window that shows without activating: the form keeps the keyboard.
            self.setWindowFlags(Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                                | Qt.WindowType.WindowDoesNotAcceptFocus)
            self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setObjectName("similarOrdersPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet("#similarOrdersPopup { background: #fffdf4; border: 1px solid #d9a400; }")
        self._draft_provider: Callable[[], Any] | None = None
        self._probe: Probe | None = None
        self._hidden: set[str] = set()
        self._hidden_for: tuple[Any, ...] | None = None
        self._seq = 0
        self._running = False
        self._rerun = False
        self._last_merge: MergeResult | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._start_lookup)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._on_undo_expired)

        self.title = QLabel()
        self.title.setObjectName("similarTitle")
        self.title.setStyleSheet("font-weight: bold; color: #8a5a00;")
        self.model = RowTableModel(similar_columns(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("mergeButton")
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("keepButton")
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undoButton")
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        # Why the selected order matches, in full words (the part sales read first).
        self.why = QLabel()
        self.why.setObjectName("similarWhy")
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color: #5a3b00;")
        self.keys_hint = QLabel()
        self.keys_hint.setObjectName("similarKeys")
        self.keys_hint.setStyleSheet("color: #8a7a5a;")
        self.message = QLabel()
        self.message.setObjectName("similarMessage")
        self.message.setWordWrap(True)
        for button in (self.merge_button, self.keep_button, self.undo_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _cur, _prev: self._show_why())
        self.merge_button.clicked.connect(self.merge_selected)
        self.keep_button.clicked.connect(self.keep_all)
        self.undo_button.clicked.connect(self.undo_merge)
        self.close_button.clicked.connect(self._dismiss)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.why)
        layout.addWidget(self.keys_hint)
        layout.addLayout(buttons)
        self.undo_button.hide()
        self.resize(PREFERRED_SIZE)
        # Where the user dragged it to (global), kept for the next lookups.
        self._user_pos: QPoint | None = None
        self._drag_from: QPoint | None = None
        self.title.setCursor(Qt.CursorShape.SizeAllCursor)
        self.title.installEventFilter(self)
        # The form keeps the keyboard, so the answers are application-wide shortcuts,
        # live only while the popup is shown (a hidden widget's shortcuts are off).
        self.shortcuts: dict[str, QShortcut] = {}
        for name, keys, slot in (("merge", "Alt+M", self.merge_selected),
                                 ("keep", "Alt+K", self.keep_all),
                                 ("dismiss", "Esc", self._dismiss),
                                 ("next", "Alt+Down", lambda: self._step(1)),
                                 ("previous", "Alt+Up", lambda: self._step(-1)),
                                 ("undo", "Alt+Z", self.undo_merge)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[name] = shortcut
        self.retranslate_ui()
        self.hide()

    # -- interface for the entry form -------------------------------------------------------
    def set_probe(self, probe: Probe) -> None:
        """What is typed now; looked up after a short pause in typing."""
        identity = (probe.customer_id, (probe.customer_text or "").strip(),
                    (probe.phone or "").strip(), (probe.sku or "").strip())
        if identity != self._hidden_for:
            self._hidden, self._hidden_for = set(), identity
        self._probe = probe
        if probe.is_empty():
            self._seq += 1  # drop whatever is in flight
            self._timer.stop()
            if not self.undo_button.isVisible():
                self.hide()
            return
        self._timer.start()

    def set_draft_provider(self, fn: Callable[[], Any]) -> None:
        """fn() -> OrderDraft of what the form holds; needed for merge."""
        self._draft_provider = fn
        self._update_buttons()

    def current_rows(self) -> list[SimilarOrder]:
        return list(self.model.rows)

    # -- lookup (query pool) ----------------------------------------------------------------
    def _start_lookup(self) -> None:
        if self._probe is None:
            return
        if self._running:
            self._rerun = True  # one lookup at a time; the newest probe runs next
            return
        self._running = True
        self._seq += 1
        seq, probe = self._seq, self._probe
        self.ctx.tasks.query(find_similar, self.ctx.desk, probe, MAX_ROWS + len(self._hidden),
                             on_done=lambda rows: self._on_found(seq, rows),
                             on_error=lambda exc: self._on_lookup_failed(seq, exc))

    def _finish_lookup(self) -> None:
        self._running = False
        if self._rerun:
            self._rerun = False
            self._start_lookup()

    def _on_found(self, seq: int, rows: list[SimilarOrder]) -> None:
        stale = seq != self._seq
        self._finish_lookup()
        if stale:
            return
        rows = [r for r in rows if r.order_id not in self._hidden][:MAX_ROWS]
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
            self._show_why()
            self.message.setText("")
            self.undo_button.hide()
            self._undo_timer.stop()
            self.retranslate_ui()
            self._show_beside_form()
        elif not self.undo_button.isVisible():
            self.hide()
        self.lookup_did_finish.emit(len(rows))

    def _on_lookup_failed(self, seq: int, exc: BaseException) -> None:
        # A failed lookup must never disturb typing: the popup just stays closed.
        self._finish_lookup()
        if seq == self._seq:
            self.model.set_rows([])
            self.hide()
            self.lookup_did_finish.emit(0)

    def _show_beside_form(self) -> None:
        from PySide6.QtWidgets import QApplication

        focus = QApplication.focusWidget()
        if focus is not None and focus.window() is not self:
            self._return_focus = focus
        if self._floating and self._anchor is not None:
            self.place(self._field_rect())
        self.show()
        self.raise_()

    def _field_rect(self) -> QRect:
        """The field being typed in global coordinates (else the form's window)."""
        widget = self._return_focus
        if self._anchor is not None and (widget is None
                                         or widget.window() is not self._anchor.window()):
            # The window may not be active (another app has the keyboard): the field
            # that last had the focus in the form, else the form itself.
            widget = self._anchor.focusWidget() or self._anchor
        if widget is None:
            return QRect(0, 0, 0, 0)
        return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())

    def _screen_rect(self, anchor: QRect) -> QRect:
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.screenAt(anchor.center())
        if screen is None and self._anchor is not None:
            screen = self._anchor.screen()
        screen = screen or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def place(self, anchor: QRect) -> None:
        """Size and move the popup beside `anchor`, fully on its screen (or where the user
        dragged it, kept on screen)."""
        screen = self._screen_rect(anchor)
        size = fit_size(PREFERRED_SIZE, screen)
        if self._user_pos is not None:
            self.setMaximumSize(size)
            self.resize(size)
            self.move(clamp_into(self._user_pos, size, screen))
            return
        rect = popup_rect(anchor, size, screen)
        self.setMaximumSize(rect.size())
        self.resize(rect.size())
        self.move(rect.topLeft())

    # -- moving it by its title ---------------------------------------------------------------
    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.title and isinstance(event, QMouseEvent):
            point = event.globalPosition().toPoint()
            if (event.type() == QEvent.Type.MouseButtonPress
                    and event.button() == Qt.MouseButton.LeftButton):
                self._drag_from = point - self.pos()
                return True
            if event.type() == QEvent.Type.MouseMove and self._drag_from is not None:
                self.move_to(point - self._drag_from)
                return True
            if event.type() == QEvent.Type.MouseButtonRelease:
                self._drag_from = None
                return True
        return super().eventFilter(watched, event)

    def move_to(self, pos: QPoint) -> None:
        """Put the popup where the user wants it (kept fully on the screen)."""
        screen = self._screen_rect(QRect(pos, self.size()))
        self._user_pos = clamp_into(pos, self.size(), screen)
        self.move(self._user_pos)

    def _step(self, delta: int) -> None:
        count = len(self.model.rows)
        if not count:
            return
        current = self.table.currentIndex().row()
        self.table.selectRow(max(0, min(count - 1, (current if current >= 0 else 0) + delta)))
        self._show_why()

    def event(self, event: QEvent) -> bool:  # noqa: D102 - Qt override
        # Some window systems activate a new tool window despite WA_ShowWithoutActivating:
        # hand the keyboard straight back to the field being typed in.
        if (event.type() == QEvent.Type.WindowActivate and self._floating
                and self._return_focus is not None):
            QTimer.singleShot(0, self._give_back_focus)
        return super().event(event)

    def _give_back_focus(self) -> None:
        widget = self._return_focus
        if widget is None:
            return
        try:
            widget.window().activateWindow()
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        except RuntimeError:  # the form was closed meanwhile
            self._return_focus = None

    def _show_why(self) -> None:
        row = self.selected() if self.model.rows else None
        self.why.setText(QCoreApplication.translate("dedup", "Why: {reasons}").format(
            reasons=reason_words(row.reasons)) if row else "")

    # -- decisions --------------------------------------------------------------------------
    def selected(self) -> SimilarOrder | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else self.model.row_at(0)

    def merge_selected(self) -> None:
        target = self.selected()
        if target is None or self._draft_provider is None:
            return
        try:
            draft = self._draft_provider()
        except Exception as exc:  # the form says what is missing
            show_error(self._anchor or self, exc)
            return
        self._set_busy(True)
        self.ctx.tasks.mutate(merge_draft, self.ctx.desk, draft, target.order_id,
                              on_done=self._on_merged, on_error=self._on_decision_failed)

    def _on_merged(self, result: MergeResult) -> None:
        self._set_busy(False)
        self._last_merge = result
        self.model.set_rows([])
        self.why.setText("")
        self.message.setText(QCoreApplication.translate("dedup", "Merged into {order}. The typed order {typed} is kept in its history.").format(order=result.order_no,
                                                   typed=result.merged_order_no))
        self.undo_button.show()
        self._undo_timer.start(UNDO_SECONDS * 1000)
        self._update_buttons()
        self.merged.emit(result.order_id)

    def undo_merge(self) -> None:
        if self._last_merge is None:
            return
        self._set_busy(True)
        self.ctx.tasks.mutate(core_undo_merge, self.ctx.desk, self._last_merge.pair_id,
                              on_done=self._on_undone, on_error=self._on_decision_failed)

    def _on_undone(self, _result: Any) -> None:
        self._set_busy(False)
        order = self._last_merge.merged_order_no if self._last_merge else ""
        self._last_merge = None
        self.undo_button.hide()
        self._undo_timer.stop()
        self.message.setText(QCoreApplication.translate("dedup", "Merge undone: {order} is a separate order again.")
                             .format(order=order))
        self._undo_timer.start(4000)

    def _on_undo_expired(self) -> None:
        self._last_merge = None
        self.undo_button.hide()
        self.message.setText("")
        if not self.model.rows:
            self.hide()

    def keep_all(self) -> None:
        rows = self.current_rows()
        if not rows or self._probe is None:
            return
        self._hidden.update(r.order_id for r in rows)
        self._set_busy(True)
        self.ctx.tasks.mutate(keep_typed, self.ctx.desk, self._probe, rows,
                              on_done=self._on_kept, on_error=self._on_decision_failed)

    def _on_kept(self, _changes: Any) -> None:
        self._set_busy(False)
        self.model.set_rows([])
        self.hide()
        self.kept.emit()

    def _on_decision_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self._anchor or self, exc)

    def _dismiss(self) -> None:
        self._hidden.update(r.order_id for r in self.model.rows)
        self.model.set_rows([])
        self.hide()

    def _set_busy(self, busy: bool) -> None:
        self.merge_button.setEnabled(not busy and self._draft_provider is not None)
        self.keep_button.setEnabled(not busy)
        self.undo_button.setEnabled(not busy)

    def _update_buttons(self) -> None:
        has_rows = bool(self.model.rows)
        self.merge_button.setEnabled(has_rows and self._draft_provider is not None)
        self.keep_button.setEnabled(has_rows)

    # -- language ---------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        count = len(self.model.rows)
        self.title.setText(QCoreApplication.translate("dedup", "Possible duplicates: {count} similar order(s)").format(count=count)
                           if count else QCoreApplication.translate("dedup", "Possible duplicates"))
        self.merge_button.setText(QCoreApplication.translate("dedup", "Merge into selected"))
        self.merge_button.setToolTip(QCoreApplication.translate("dedup", "Fold the order being typed into the selected order: its lines, notes and channel number join that order's history. Can be undone."))
        self.keep_button.setText(QCoreApplication.translate("dedup", "Keep both"))
        self.keep_button.setToolTip(QCoreApplication.translate("dedup", "Both orders stay; these orders are not proposed again."))
        self.undo_button.setText(QCoreApplication.translate("dedup", "Undo merge"))
        self.close_button.setToolTip(QCoreApplication.translate("dedup", "Dismiss (Esc)"))
        self.title.setToolTip(QCoreApplication.translate("dedup", "Drag to move."))
        self.keys_hint.setText(QCoreApplication.translate("dedup", "Alt+M merge · Alt+K keep both · Esc dismiss · Alt+↓/↑ another order"))
        self.model.retranslate()
        self._show_why()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
