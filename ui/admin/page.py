"""Administration: accounts and roles (system admin); audit trail and its hash-chain check
(security admin, auditor). Each part shows only to the roles that may use it (三权分立).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orderdesk import roles as role_defs
from orderdesk.changes import Changes
from orderdesk.services import audit, users
from orderdesk.services.audit import AuditFilter, ChainReport
from orderdesk.services.audit_names import record_names
from orderdesk.ui.admin import account_actions
from orderdesk.ui.admin.audit_sentences import audit_sentence, order_id_of
from orderdesk.ui.date_filter import OptionalDateEdit
from orderdesk.ui.board.labels import action_label, entity_label, outcome_label
from orderdesk.ui.board.table import Column, RowTableModel
from orderdesk.ui.errors import describe_error, local_time_text, show_error
from orderdesk.ui.main_window import role_name
from orderdesk.ui.page import StationPage
from orderdesk.ui.tasks import ProgressDialog

AUDIT_PAGE = 300


def _view(model: RowTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def _set_state(label: QLabel, state: str, text: str) -> None:
    label.setText(text)
    label.setProperty("state", state)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setVisible(bool(text))


class UserDialog(QDialog):
    """Create an account, or change the roles of one (`row` given)."""

    def __init__(self, ctx, parent: QWidget | None = None, row=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setObjectName("userDialog")
        self.username = QLineEdit(row.username if row else "")
        self.username.setObjectName("newUsername")
        self.username.setEnabled(row is None)
        self.display_name = QLineEdit(row.display_name if row else "")
        self.display_name.setObjectName("newDisplayName")
        self.display_name.setEnabled(row is None)
        self.password = QLineEdit()
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role_boxes: dict[str, QCheckBox] = {}
        roles_widget = QWidget()
        grid = QGridLayout(roles_widget)
        for i, role in enumerate(role_defs.ROLES):
            box = QCheckBox()          # worded in retranslate_ui
            box.setObjectName(f"role_{role}")
            box.setChecked(bool(row) and role in row.roles)
            self.role_boxes[role] = box
            grid.addWidget(box, i // 3, i % 3)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setObjectName("userDialogMessage")
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.username)
        form.addRow(self.labels[1], self.display_name)
        if row is None:
            form.addRow(self.labels[2], self.password)
        form.addRow(self.labels[3], roles_widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        row = self.row
        self.setWindowTitle(self.tr("Account {name}").format(name=row.username) if row
                            else self.tr("New account"))
        for label, text in zip(self.labels, (self.tr("User name"), self.tr("Display name"),
                                             self.tr("Initial password"), self.tr("Roles"))):
            label.setText(text)
        for role, box in self.role_boxes.items():
            box.setText(role_name(role))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def selected_roles(self) -> list[str]:
        return [role for role, box in self.role_boxes.items() if box.isChecked()]

    def _on_ok(self) -> None:
        roles = self.selected_roles()
        if not roles:
            _set_state(self.message, "warning", self.tr("Choose at least one role."))
            return
        self.buttons.setEnabled(False)
        if self.row is None:
            self.ctx.tasks.mutate(_create_user, self.ctx.desk, self.username.text().strip(),
                                  self.display_name.text().strip(), self.password.text(), roles,
                                  on_done=lambda _r: self.accept(), on_error=self._on_failed)
        else:
            self.ctx.tasks.mutate(_set_roles, self.ctx.desk, self.row.username, roles,
                                  on_done=lambda _r: self.accept(), on_error=self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        _set_state(self.message, "error", self.describe(exc))

    def describe(self, exc: BaseException) -> str:
        """The refusals of 三权分立 in words of this dialog; anything else as usual."""
        reason = (getattr(exc, "facts", None) or {}).get("reason")
        if reason == role_defs.ROLE_MIX:
            return self.tr("One account holds at most one of System admin, Security admin and "
                           "Auditor, and never one of them together with a business role "
                           "(separation of duties). Use a separate account for each.")
        if reason == users.OWN_ROLES:
            return self.tr("Nobody can change the roles of their own account. Ask another "
                           "system administrator.")
        return describe_error(exc)


def _create_user(desk, username, display_name, password, roles) -> Changes:  # type: ignore[no-untyped-def]
    users.create_user(desk, username, display_name, password, roles, must_change=True)
    return Changes(users=True)


def _set_roles(desk, username, roles) -> Changes:  # type: ignore[no-untyped-def]
    users.set_roles(desk, username, roles)
    return Changes(users=True)


def _set_active(desk, username, active) -> Changes:  # type: ignore[no-untyped-def]
    users.set_active(desk, username, active)
    return Changes(users=True)


class UsersPanel(QWidget):
    """Accounts: list, add, change roles, disable/enable (never delete)."""

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.ctx = ctx
        self.model = RowTableModel([
            Column("username", lambda: self.tr("User name"), lambda r: r.username),
            Column("name", lambda: self.tr("Display name"), lambda r: r.display_name),
            Column("roles", lambda: self.tr("Roles"), lambda r: ", ".join(role_name(x) for x in r.roles)),
            Column("state", lambda: self.tr("State"), lambda r: self._state(r)),
            Column("last", lambda: self.tr("Last sign-in"),
                   lambda r: local_time_text(r.last_login_at) if r.last_login_at else ""),
        ], self, row_style=lambda r: {} if r.active else {
            Qt.ItemDataRole.ForegroundRole: QBrush(QColor("#6b6b6b"))})
        self.view = _view(self.model, "usersTable")
        self.view.doubleClicked.connect(lambda _i: self._on_edit())
        self.add_button = QPushButton()
        self.add_button.setObjectName("addUserButton")
        self.add_button.setProperty("role", "primary")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editRolesButton")
        self.toggle_button = QPushButton()
        self.toggle_button.setObjectName("toggleActiveButton")
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.toggle_button.clicked.connect(self._on_toggle)
        # Unlock and reset password (must change at next sign-in): services of issue 13.
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self._on_unlock)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("resetPasswordButton")
        self.reset_button.clicked.connect(self._on_reset)
        manage = ctx.desk.user is None or ctx.desk.user.can("users.manage")
        for b in (self.add_button, self.edit_button, self.toggle_button):
            b.setVisible(manage)
        self.message = QLabel()
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.toggle_button, self.unlock_button,
                  self.reset_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retranslate_ui()
        self.reload()

    def _state(self, row) -> str:  # type: ignore[no-untyped-def]
        if not row.active:
            return self.tr("Disabled")
        if row.locked_until and row.locked_until > dt.datetime.now(dt.timezone.utc).replace(tzinfo=None):
            return self.tr("Locked until {time}").format(time=local_time_text(row.locked_until))
        return self.tr("Active")

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("New account\u2026"))
        self.edit_button.setText(self.tr("Change roles\u2026"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.reset_button.setText(self.tr("Reset password\u2026"))
        self._update_buttons()
        self.model.retranslate()
        if self.model.rows:
            self.view.resizeColumnsToContents()

    def selected(self):  # type: ignore[no-untyped-def]
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        # Nobody changes or disables their own account (三权分立; the service refuses too).
        other = row is not None and (self.ctx.desk.user is None
                                     or row.username != self.ctx.desk.user.username)
        self.edit_button.setEnabled(other)
        self.toggle_button.setEnabled(other)
        locked = row is not None and bool(row.locked_until) and row.locked_until > \
            dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        self.unlock_button.setEnabled(other and locked and account_actions.can_unlock())
        self.reset_button.setEnabled(other and row is not None and row.active
                                     and account_actions.can_reset())
        self.toggle_button.setText(self.tr("Enable") if row is not None and not row.active
                                   else self.tr("Disable"))

    def reload(self) -> None:
        self.ctx.tasks.query(users.list_users, self.ctx.desk, on_done=self._on_loaded)

    def _on_loaded(self, rows) -> None:  # type: ignore[no-untyped-def]
        selected = self.selected()
        self.model.set_rows(rows)
        self.view.horizontalHeader().setResizeContentsPrecision(40)
        self.view.resizeColumnsToContents()
        if selected is not None:
            for i, row in enumerate(rows):
                if row.username == selected.username:
                    self.view.selectRow(i)
        self._update_buttons()

    def _on_add(self) -> None:
        dialog = UserDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_edit(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = UserDialog(self.ctx, self, row)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_unlock(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.ctx.tasks.mutate(account_actions.unlock, self.ctx.desk, row.username,
                              on_done=lambda _c, u=row.username: self._say(
                                  self.tr("{user} is unlocked and may sign in again.")
                                  .format(user=u)),
                              on_error=lambda exc: show_error(self, exc))

    def _on_reset(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_reset(row.username)

    def open_reset(self, username: str):  # type: ignore[no-untyped-def]
        dialog = account_actions.ResetPasswordDialog(self.ctx, username, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.password_did_reset.connect(lambda u: self._say(self.tr(
            "New password set for {user}; they must choose their own at the next sign-in.")
            .format(user=u)))
        dialog.open()
        return dialog

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _on_toggle(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.ctx.tasks.mutate(_set_active, self.ctx.desk, row.username, not row.active,
                              on_error=lambda exc: show_error(self, exc))


class AuditPanel(QWidget):
    """The audit trail with filters, newest first, and the hash-chain check."""

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.ctx = ctx
        self._generation = 0
        self._filter = AuditFilter()
        self.total = 0
        self.names: dict[str, str] = {}     # "entity:id" -> order number, user name, ...
        self.model = RowTableModel([
            Column("id", lambda: self.tr("No."), lambda r: r.id, Qt.AlignmentFlag.AlignRight),
            Column("at", lambda: self.tr("Time"), lambda r: local_time_text(r.at)),
            Column("user", lambda: self.tr("User"), lambda r: r.user),
            # The entry as a sentence (what, on which record, from what to what); the
            # raw columns follow for the assessor who wants the codes.
            Column("what", lambda: self.tr("What happened"),
                   lambda r: audit_sentence(r, self.names),
                   tooltip=lambda r: audit_sentence(r, self.names)),
            Column("station", lambda: self.tr("Station"), lambda r: r.station),
            Column("action", lambda: self.tr("Event"), lambda r: action_label(r.action),
                   tooltip=lambda r: r.action),
            Column("outcome", lambda: self.tr("Outcome"), lambda r: outcome_label(r.outcome),
                   tooltip=lambda r: r.outcome),
            Column("entity", lambda: self.tr("Record"), lambda r: entity_label(r.entity),
                   tooltip=lambda r: r.entity),
            Column("entity_id", lambda: self.tr("Record id"), lambda r: r.entity_id),
            Column("field", lambda: self.tr("Field"), lambda r: r.field),
            Column("old", lambda: self.tr("Old value"), lambda r: (r.old_value or "")[:200],
                   tooltip=lambda r: r.old_value),
            Column("new", lambda: self.tr("New value"), lambda r: (r.new_value or "")[:200],
                   tooltip=lambda r: r.new_value),
        ], self, row_style=lambda r: {} if r.outcome == "ok" else {
            Qt.ItemDataRole.BackgroundRole: QBrush(QColor("#ffebee"))})
        self.view = _view(self.model, "auditTable")
        self.view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.user = QLineEdit()
        self.user.setObjectName("auditUser")
        self.user.setClearButtonEnabled(True)
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.outcome = QComboBox()
        self.outcome.setObjectName("auditOutcome")
        self.text = QLineEdit()
        self.text.setObjectName("auditText")
        self.text.setClearButtonEnabled(True)
        self.date_from = OptionalDateEdit("auditFrom")
        self.date_to = OptionalDateEdit("auditTo")
        self.verify_button = QPushButton()
        self.verify_button.setObjectName("verifyChainButton")
        self.verify_button.setProperty("role", "primary")
        self.verify_button.clicked.connect(self.verify)
        self.count_label = QLabel()
        self.result = QLabel()
        self.result.setObjectName("chainResult")
        self.result.setWordWrap(True)
        self.result.setVisible(False)
        self.labels = [QLabel() for _ in range(5)]
        row1 = QHBoxLayout()
        for label, widget in zip(self.labels, (self.user, self.action, self.outcome, self.text)):
            row1.addWidget(label)
            row1.addWidget(widget, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.labels[4])
        row2.addWidget(self.date_from)
        row2.addWidget(QLabel("\u2013"))
        row2.addWidget(self.date_to)
        row2.addStretch(1)
        row2.addWidget(self.count_label)
        row2.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.result)
        layout.addWidget(self.view, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.reload)
        for signal in (self.user.textChanged, self.text.textChanged,
                       self.action.currentIndexChanged, self.outcome.currentIndexChanged,
                       self.date_from.dateChanged, self.date_to.dateChanged):
            signal.connect(self._timer.start)
        self._facets: tuple[list[str], list[str], list[str]] = ([], [], [])
        self.retranslate_ui()
        self.reload()
        self._load_facets()

    def retranslate_ui(self) -> None:
        for label, text in zip(self.labels, (self.tr("User"), self.tr("Event"), self.tr("Outcome"),
                                             self.tr("Contains"), self.tr("Date"))):
            label.setText(text)
        self.text.setPlaceholderText(self.tr("Record id or value"))
        self.verify_button.setText(self.tr("Verify hash chain"))
        self._fill_facets()
        self.model.retranslate()
        if self.model.rows:
            self._fit_columns()
        self._show_count()

    def _fill_facets(self) -> None:
        for combo, values, label in ((self.action, self._facets[0], action_label),
                                     (self.outcome, self._facets[2], outcome_label)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for value in values:
                combo.addItem(label(value), value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _load_facets(self) -> None:
        self.ctx.tasks.query(audit.audit_facets, self.ctx.desk, on_done=self._on_facets,
                             on_error=lambda exc: None)

    def _on_facets(self, facets) -> None:  # type: ignore[no-untyped-def]
        self._facets = facets
        self._fill_facets()

    def current_filter(self) -> AuditFilter:
        return AuditFilter(user=self.user.text().strip(), action=self.action.currentData(),
                           outcome=self.outcome.currentData(), text=self.text.text().strip(),
                           date_from=self.date_from.day(), date_to=self.date_to.day())

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self._filter = self.current_filter()
        self._loading = True
        self.ctx.tasks.query(_load_audit, self.ctx.desk, self._filter, 0, True,
                             on_done=lambda res: self._on_loaded(generation, 0, res),
                             on_error=self._on_failed)

    def _on_scrolled(self, value: int) -> None:
        bar = self.view.verticalScrollBar()
        if value >= bar.maximum() - 5 and not self._loading and len(self.model.rows) < self.total:
            self._loading = True
            generation = self._generation
            offset = len(self.model.rows)
            self.ctx.tasks.query(_load_audit, self.ctx.desk, self._filter, offset, False,
                                 on_done=lambda res: self._on_loaded(generation, offset, res),
                                 on_error=self._on_failed)

    def _on_loaded(self, generation: int, offset: int, result) -> None:  # type: ignore[no-untyped-def]
        if generation != self._generation:
            return
        rows, total, names = result
        self.names.update(names)
        if offset == 0:
            self.total = total
            self.model.set_rows(rows)
            self._fit_columns()
        elif offset == len(self.model.rows):
            self.model.append_rows(rows)
        self._loading = False
        self._show_count()

    def _fit_columns(self) -> None:
        self.view.horizontalHeader().setResizeContentsPrecision(40)
        self.view.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            # the sentence may be long; a record id (UUID) is shown whole; raw JSON values
            # are capped (their tooltip has them in full)
            limit = {"what": 520, "entity_id": 310}.get(self.model.columns[col].key, 260)
            self.view.setColumnWidth(col, min(self.view.columnWidth(col), limit))

    def _on_failed(self, exc: BaseException) -> None:
        self._loading = False
        _set_state(self.result, "error", describe_error(exc))

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{shown} of {total} entries").format(
            shown=len(self.model.rows), total=self.total))

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        _set_state(self.result, "idle", self.tr("Checking the audit trail\u2026"))
        self.progress = ProgressDialog.run(self, self.ctx.tasks, audit.verify_chain, self.ctx.desk,
                                           title=self.tr("Verify hash chain"),
                                           label=self.tr("Checking every audit entry\u2026"),
                                           on_done=self._on_verified, on_error=self._on_verify_failed)

    def _on_verified(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        if report.cancelled:
            _set_state(self.result, "warning", self.tr("Check stopped after {n} entries.").format(
                n=report.checked))
        elif report.ok:
            _set_state(self.result, "ok", self.tr(
                "Audit trail intact: {n} entries checked, none altered or removed.").format(
                    n=report.checked))
        elif report.problem == "hash":
            _set_state(self.result, "error", self.tr(
                "Audit entry No. {id} was altered after it was written ({n} entries before it "
                "are intact).").format(id=report.first_bad_id, n=report.checked))
        else:
            _set_state(self.result, "error", self.tr(
                "The chain is broken before audit entry No. {id}: an entry was removed or "
                "inserted ({n} entries before it are intact).").format(
                    id=report.first_bad_id, n=report.checked))
        self.reload()

    def _on_verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        _set_state(self.result, "error", describe_error(exc))


def _load_audit(desk, flt: AuditFilter, offset: int, with_count: bool):  # type: ignore[no-untyped-def]
    rows = audit.list_audit(desk, flt, limit=AUDIT_PAGE, offset=offset)
    refs = [(r.entity, r.entity_id) for r in rows]
    # A record with no name of its own (a rush step, a note) is named by its order.
    refs += [("orders", oid) for oid in (order_id_of(r) for r in rows) if oid]
    names = record_names(desk, refs)
    return rows, (audit.count_audit(desk, flt) if with_count else None), names


class AdminPage(StationPage):
    """Page key "admin": the accounts tab for `users.manage`, the audit tab for `audit.read`."""

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.setObjectName("adminPage")
        user = ctx.desk.user
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        self.users_panel: UsersPanel | None = None
        self.audit_panel: AuditPanel | None = None
        # The security admin sees the accounts too: unlocking and password resets are
        # theirs (users.security); adding accounts and roles stay the system admin's.
        if user is None or user.can("users.manage") or user.can("users.security"):
            self.users_panel = UsersPanel(ctx)
            self.tabs.addTab(self.users_panel, "")
        if user is None or user.can("audit.read"):
            self.audit_panel = AuditPanel(ctx)
            self.tabs.addTab(self.audit_panel, "")
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setVisible(self.tabs.count() == 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty)
        self.retranslate_ui()

    def page_title(self) -> str:
        return self.tr("Administration")

    def retranslate_ui(self) -> None:
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            self.tabs.setTabText(i, self.tr("Accounts") if widget is self.users_panel
                                 else self.tr("Audit trail"))
        self.empty.setText(self.tr("Your roles give no administration rights."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - panels are plain widgets
        if event.type() == QEvent.Type.LanguageChange:
            for panel in (self.users_panel, self.audit_panel):
                if panel is not None:
                    panel.retranslate_ui()
        super().changeEvent(event)

    def self_test_dialogs(self):  # type: ignore[no-untyped-def]
        """Account dialogs for the self-test (see StationPage.self_test_dialogs)."""
        panel = self.users_panel
        if panel is None:
            return []

        def new_account():  # type: ignore[no-untyped-def]
            dialog = UserDialog(self.ctx, panel)
            dialog.open()
            return dialog

        def reset():  # type: ignore[no-untyped-def]
            rows = panel.model.rows
            return panel.open_reset(rows[0].username) if rows else None

        return [("new account", new_account), ("reset password", reset)]

    def on_changes(self, changes: Changes, initiator: object) -> None:
        if changes.users and self.users_panel is not None:
            self.users_panel.reload()
        if self.audit_panel is not None and changes.any():
            self.audit_panel._timer.start()
