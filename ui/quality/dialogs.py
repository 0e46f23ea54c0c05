"""Small dialogs of the quality station: preview of a PDF, a required reason."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from orderdesk.ui.screen_fit import fit_to_screen


def _text(value) -> str:  # type: ignore[no-untyped-def]
    return value() if callable(value) else str(value)


class PreviewDialog(QDialog):
    """Pages of a certificate PDF as pictures (rendered off the GUI thread by the caller)."""

    def __init__(self, title, images: list, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        # Texts may be given as callables (re-read on a language switch) or as strings.
        self._title = title
        self.setWindowTitle(_text(title))
        # A 110 dpi A4 page (910 px) plus frame and scroll bar, or the screen if smaller
        # (it scrolls; the Close button stays on the screen).
        fit_to_screen(self, 1000, 1050)
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        column.setSpacing(16)
        self.pages: list[QLabel] = []
        for image in images:
            label = QLabel(inner)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setStyleSheet("background: white; border: 1px solid #9e9e9e;")
            column.addWidget(label)
            self.pages.append(label)
        scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(_text(self._title))
            QTimer.singleShot(0, lambda: self.close_button.setText(self.tr("Close")))
        super().changeEvent(event)


class ReasonDialog(QDialog):
    """Ask for a reason; OK stays disabled until one is typed."""

    def __init__(self, title, prompt, action, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        # title, prompt, action: strings, or callables re-read on a language switch.
        self._texts = (title, prompt, action)
        fit_to_screen(self, 560, 300)
        label = QLabel(self)
        label.setWordWrap(True)
        self.prompt = label
        self.text = QPlainTextEdit(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok.setProperty("role", "danger")
        self.ok.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.text.toPlainText().strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        title, prompt, action = self._texts
        self.setWindowTitle(_text(title))
        self.prompt.setText(_text(prompt))
        self.text.setPlaceholderText(self.tr("Reason (required, kept in the audit trail)"))
        self.ok.setText(_text(action))
        self.cancel.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            # the button box re-words its standard buttons after us on the same event
            QTimer.singleShot(0, self.retranslate_ui)
        super().changeEvent(event)

    def reason(self) -> str:
        return self.text.toPlainText().strip()
