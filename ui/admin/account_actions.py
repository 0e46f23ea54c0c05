"""Unlock an account and reset its password (the next sign-in must choose a new one).

Both are the services of orderdesk.services.users (issue 13), audited there; this module
only asks for the new password and words the result.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from orderdesk.changes import Changes
from orderdesk.services import users
from orderdesk.ui.errors import describe_error
from orderdesk.ui.screen_fit import fit_to_screen


def can_unlock() -> bool:
    return hasattr(users, "unlock_account")


def can_reset() -> bool:
    return hasattr(users, "reset_password")


def unlock(desk, username: str) -> Changes:  # type: ignore[no-untyped-def]
    users.unlock_account(desk, username)
    return Changes(users=True)


def reset(desk, username: str, password: str) -> Changes:  # type: ignore[no-untyped-def]
    users.reset_password(desk, username, password)
    return Changes(users=True)


class ResetPasswordDialog(QDialog):
    """A new password for `username`; `password_did_reset(username)` when done."""

    password_did_reset = Signal(str)

    def __init__(self, ctx, username: str, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.username = username
        self.setObjectName("resetPasswordDialog")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("resetPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("resetRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(self), QLabel(self)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.password)
        form.addRow(self.labels[1], self.repeat)
        self.message = QLabel(self)
        self.message.setObjectName("resetMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setProperty("role", "primary")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 520, 260)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Reset password"))
        self.intro.setText(self.tr(
            "A new password for {user}. Tell it to the person in private: at the next "
            "sign-in they must choose their own.").format(user=self.username))
        self.labels[0].setText(self.tr("New password"))
        self.labels[1].setText(self.tr("Repeat password"))
        self.ok.setText(self.tr("Reset password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        self.ok.setEnabled(False)
        self.ctx.tasks.mutate(reset, self.ctx.desk, self.username, self.password.text(),
                              on_done=self._on_done, on_error=self._on_failed)

    def _on_done(self, _changes: object) -> None:
        self.password.clear()
        self.repeat.clear()
        self.password_did_reset.emit(self.username)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.message.setText(describe_error(exc))
