"""Base class of every station page in the main window."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from orderdesk.changes import Changes


class StationPage(QWidget):
    """A page of the main window, built as `PageClass(ctx)`.

    Subclasses:
    - return a translated title from `page_title()` (shown on the tab);
    - refresh what they show in `on_changes(changes, initiator)` (connected to
      `ctx.changes_did_apply` by the main window) when the flags they care about are set;
    - set every visible text in `retranslate_ui()` (called once by the subclass after
      building its widgets, and again on each language switch).
    """

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.ctx = ctx

    def page_title(self) -> str:
        return self.tr("Page")

    def on_changes(self, changes: Changes, initiator: object) -> None:
        """Refresh after a mutation or a sync pull; default: nothing to refresh."""

    def retranslate_ui(self) -> None:
        """Re-set every visible string through tr(); default: nothing."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
