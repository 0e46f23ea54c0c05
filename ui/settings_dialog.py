"""Station settings: station name, server URL, printer, idle sign-out minutes.

Per-machine values (QSettings, see ui/context.py), not business rules. The server URL is
checked for form only (http/https with a host); reaching it is the sync indicator's job.
"""

from __future__ import annotations

from urllib.parse import urlparse

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


def available_printers() -> list[str]:
    """Names of the printers Qt sees (empty on a machine without any, or without QtPrintSupport)."""
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:
        return []
    return [p.printerName() for p in QPrinterInfo.availablePrinters()]


def url_problem(url: str) -> bool:
    if not url:
        return False
    parsed = urlparse(url)
    return parsed.scheme not in ("http", "https") or not parsed.netloc


class SettingsDialog(QDialog):
    settings_did_change = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(560)
        settings = ctx.settings
        self.station = QLineEdit(settings.station_name or ctx.desk.station)
        self.station.setObjectName("stationName")
        self.station.setMaxLength(60)
        self.server = QLineEdit(settings.server_url)
        self.server.setObjectName("serverUrl")
        self.server.setPlaceholderText("https://orderdesk.example.com")
        self.printer = QComboBox()
        self.printer.setObjectName("printer")
        self.printer.addItem("", "")   # "System default printer", worded in retranslate_ui
        for name in available_printers():
            self.printer.addItem(name, name)
        if settings.printer and self.printer.findData(settings.printer) < 0:
            # A saved printer that is not connected now stays selectable, marked.
            self.printer.addItem(self.tr("{name} (not found)").format(name=settings.printer),
                                 settings.printer)
        self.printer.setCurrentIndex(max(self.printer.findData(settings.printer), 0))
        self.idle = QSpinBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(0, 240)
        self.idle.setValue(int(settings.idle_minutes))

        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.station, self.server, self.printer, self.idle)):
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Station settings"))
        self.printer.setItemText(0, self.tr("System default printer"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setSuffix(self.tr(" min"))
        self.note.setText(self.tr("A new station name or server address takes effect at the "
                                  "next start."))
        for label, text in zip(self.labels, (self.tr("Station name"), self.tr("Server address"),
                                             self.tr("Printer"),
                                             self.tr("Sign out when idle after"))):
            label.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def save(self) -> None:
        url = self.server.text().strip().rstrip("/")
        if url_problem(url):
            self.message.setText(self.tr("The server address must start with http:// or "
                                         "https:// and name a host, e.g. https://10.0.0.5:8443"))
            self.message.setProperty("state", "error")
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)
            self.message.setVisible(True)
            self.server.setFocus()
            return
        settings = self.ctx.settings
        settings.station_name = self.station.text().strip()
        settings.server_url = url
        settings.printer = self.printer.currentData() or ""
        settings.idle_minutes = self.idle.value()
        try:
            settings.save()
        except OSError as exc:
            from orderdesk.ui.errors import show_error

            show_error(self, exc)
            return
        self.settings_did_change.emit()
        self.accept()
