"""Pages shown where a station is not installed yet, or failed to load."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from orderdesk.ui.page import StationPage


def station_name(key: str) -> str:
    """The translated name of a station page key."""
    names = {
        "sales": QCoreApplication.translate("stations", "Sales"),
        "warehouse": QCoreApplication.translate("stations", "Warehouse"),
        "quality": QCoreApplication.translate("stations", "Quality"),
        "pmc": QCoreApplication.translate("stations", "PMC"),
        "finance": QCoreApplication.translate("stations", "Finance"),
        "overview": QCoreApplication.translate("stations", "Overview"),
        "board": QCoreApplication.translate("stations", "Order board"),
        "admin": QCoreApplication.translate("stations", "Administration"),
    }
    return names.get(key, key)


class _MessagePage(StationPage):
    key = ""

    def __init__(self, ctx, key: str | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        if key:
            self.key = key
        self.message = QLabel()
        self.message.setObjectName("placeholderMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setProperty("state", "idle")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addStretch(2)

    def page_title(self) -> str:
        return station_name(self.key)


class NotInstalledPage(_MessagePage):
    """This station's module is not part of this build yet."""

    def __init__(self, ctx, key: str | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx, key)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.message.setText(self.tr("The {station} station is not installed in this version.")
                             .format(station=station_name(self.key)))


class SalesPlaceholder(NotInstalledPage):
    key = "sales"


class WarehousePlaceholder(NotInstalledPage):
    key = "warehouse"


class QualityPlaceholder(NotInstalledPage):
    key = "quality"


class PmcPlaceholder(NotInstalledPage):
    key = "pmc"


class PageErrorPage(_MessagePage):
    """A page whose module failed to import or build: the rest of the app keeps working."""

    def __init__(self, ctx, key: str, detail: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx, key)
        self.detail = detail
        self.message.setProperty("state", "error")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.message.setText(self.tr("The {station} station could not be opened ({detail}). "
                                     "The other stations work; the details are in the log.")
                             .format(station=station_name(self.key), detail=self.detail))
