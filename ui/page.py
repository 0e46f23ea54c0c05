"""Base class of every station page in the main window."""

from __future__ import annotations

from collections.abc import Callable

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

    def self_test_dialogs(self) -> list[tuple[str, Callable[[], QWidget | None]]]:
        """The dialogs this page can open, for `orderdesk app --self-test`.

        Each entry is (name, factory). The factory builds the dialog the way the page's
        own action does (same class, same arguments, on data the page shows now), opens
        it with show()/open() or leaves it unshown, never exec(), and returns it; or
        returns None when there is nothing to open it on. The self-test checks it fits
        the screen (and, with --check-language, follows a language switch), then closes
        it. Default: no dialogs.
        """
        return []

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
