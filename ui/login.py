"""Sign-in dialog, and the first-run dialog that creates the first system admin.

Password checks (argon2, deliberately slow) run on the task runner's writer thread: the
dialog stays responsive and every attempt is audited by the service.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from orderdesk.services import users
from orderdesk.ui import i18n
from orderdesk.ui.errors import describe_error


def _set_state(label: QLabel, state: str, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
    label.setProperty("state", state)
    label.style().unpolish(label)
    label.style().polish(label)


class LoginDialog(QDialog):
    """Asks for user name and password; on success `self.user` is the UserInfo and the
    desk is signed in. `demo_users` shows a hint with the demo logins."""

    def __init__(self, ctx, parent: QWidget | None = None, *, username: str = "",  # type: ignore[no-untyped-def]
                 demo_users: tuple[str, ...] = (), demo_password: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = None
        self._demo_users = demo_users
        self._demo_password = demo_password
        self.setObjectName("loginDialog")
        self.setMinimumWidth(460)

        self.heading = QLabel()
        self.heading.setProperty("heading", "true")
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.hint = QLabel()
        self.hint.setObjectName("demoHint")
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.setVisible(bool(demo_users))

        # Language choice before signing in (names in their own language, never
        # translated); the choice is the station's setting from then on.
        self.language = QComboBox()
        self.language.setObjectName("loginLanguage")
        for code, label in (("zh", "中文"), ("en", "English")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language.currentIndexChanged.connect(self._on_language_chosen)
        self.form = QFormLayout()
        self.username_label = QLabel()
        self.password_label = QLabel()
        self.form.addRow(self.username_label, self.username)
        self.form.addRow(self.password_label, self.password)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("signInButton")
        self.ok_button.setProperty("role", "primary")
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        (self.password if username else self.username).setFocus()

    def _on_language_chosen(self, index: int) -> None:
        lang = self.language.itemData(index)
        if not lang or lang == i18n.current_language():
            return
        i18n.set_language(lang)
        # The button box re-words its standard buttons on the same event, after us.
        self.retranslate_ui()
        self.ctx.settings.language = lang
        try:
            self.ctx.settings.save()
        except Exception:  # noqa: BLE001 - a read-only config dir must not block the switch
            pass

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sign in \u2014 orderdesk"))
        self.heading.setText(self.tr("Sign in to station {station}").format(
            station=self.ctx.desk.station))
        self.username_label.setText(self.tr("User name"))
        self.password_label.setText(self.tr("Password"))
        self.ok_button.setText(self.tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        if self._demo_users:
            self.hint.setText(self.tr("Demo factory: sign in as one of {users} with the "
                                      "password {password}.").format(
                users=", ".join(self._demo_users), password=self._demo_password))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- signing in ---------------------------------------------------------------------
    def sign_in(self) -> None:
        name = self.username.text().strip()
        if not name or not self.password.text():
            _set_state(self.message, "warning", self.tr("Enter your user name and password."))
            return
        self._set_busy(True)
        _set_state(self.message, "idle", self.tr("Checking\u2026"))
        self.ctx.tasks.mutate(users.authenticate, self.ctx.desk, name, self.password.text(),
                              on_done=self._on_signed_in, on_error=self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def _on_signed_in(self, user) -> None:  # type: ignore[no-untyped-def]
        self._set_busy(False)
        self.user = user
        self.ctx.desk.sign_in(user)
        self.password.clear()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.password.clear()
        self.password.setFocus()
        _set_state(self.message, "error", describe_error(exc))


class FirstRunDialog(QDialog):
    """A database with no account yet: create the first system administrator.

    There is no default password (等保): the person installing chooses one, and it must
    pass the password policy.
    """

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.user = None
        self.setObjectName("firstRunDialog")
        self.setMinimumWidth(520)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("firstRunMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.username, self.display_name, self.password,
                                              self.repeat)):
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("createAdminButton")
        self.ok_button.setProperty("role", "primary")
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("First start \u2014 orderdesk"))
        self.intro.setText(self.tr(
            "This database has no accounts yet. Create the system administrator account. "
            "The administrator manages accounts and settings but does not enter business data."))
        for label, text in zip(self.labels, (self.tr("User name"), self.tr("Display name"),
                                             self.tr("Password"), self.tr("Repeat password"))):
            label.setText(text)
        self.ok_button.setText(self.tr("Create administrator"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def create(self) -> None:
        if self.password.text() != self.repeat.text():
            _set_state(self.message, "error", self.tr("The two passwords differ."))
            return
        self.ok_button.setEnabled(False)
        self.ctx.tasks.mutate(users.ensure_admin, self.ctx.desk, self.username.text().strip(),
                              self.password.text(), self.display_name.text().strip(),
                              on_done=self._on_created, on_error=self._on_failed)

    def _on_created(self, user) -> None:  # type: ignore[no-untyped-def]
        self.user = user
        self.password.clear()
        self.repeat.clear()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        _set_state(self.message, "error", describe_error(exc))


class ChangePasswordDialog(QDialog):
    """Choose a new password: forced after an administrator set it (or it expired), or
    from File > Change password. The password policy is the service's."""

    def __init__(self, ctx, parent: QWidget | None = None, *, forced: bool = False) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.forced = forced
        self.setObjectName("changePasswordDialog")
        self.setMinimumWidth(480)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeatPassword")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("changePasswordMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.labels = [QLabel(), QLabel()]
        form = QFormLayout()
        form.addRow(self.labels[0], self.password)
        form.addRow(self.labels[1], self.repeat)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setProperty("role", "primary")
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Change password"))
        self.intro.setText(self.tr("Choose a new password for your account.") if not self.forced
                           else self.tr("Your password was set by an administrator or has "
                                        "expired. Choose a new one to continue."))
        self.labels[0].setText(self.tr("New password"))
        self.labels[1].setText(self.tr("Repeat password"))
        self.ok_button.setText(self.tr("Change password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Sign out") if self.forced else self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def change(self) -> None:
        if self.password.text() != self.repeat.text():
            _set_state(self.message, "error", self.tr("The two passwords differ."))
            return
        user = self.ctx.desk.user
        if user is None:
            return
        self.ok_button.setEnabled(False)
        self.ctx.tasks.mutate(users.set_password, self.ctx.desk, user.username,
                              self.password.text(), on_done=self._on_changed,
                              on_error=self._on_failed)

    def _on_changed(self, _result: object) -> None:
        self.password.clear()
        self.repeat.clear()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        _set_state(self.message, "error", describe_error(exc))
