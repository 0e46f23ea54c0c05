"""The sales station: manual entry, paste a message, import sheets, hot folders, review."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout

from orderdesk.changes import Changes
from orderdesk.ui.page import StationPage
from orderdesk.ui.screen_fit import ScrollingTabWidget
from orderdesk.ui.sales.entry_form import OrderEntryForm
from orderdesk.ui.sales.hot_folder import HotFolderWidget
from orderdesk.ui.sales.import_preview import ImportPreviewWidget
from orderdesk.ui.sales.message_pane import MessagePane
from orderdesk.ui.sales.texts import register_describers


class SalesPage(StationPage):
    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        register_describers()
        # Tabs scroll when a 768-px screen is too short for a form (ui.screen_fit).
        self.tabs = ScrollingTabWidget()
        self.tabs.setObjectName("salesTabs")
        self.entry = OrderEntryForm(ctx)
        self.messages = MessagePane(ctx)
        self.importer = ImportPreviewWidget(ctx)
        self.hot_folders = HotFolderWidget(ctx)
        self.review = None
        try:
            from orderdesk.ui.sales.review_queue import ReviewQueueWidget
        except ImportError:  # the duplicate engine not in this build
            ReviewQueueWidget = None  # noqa: N806
        if ReviewQueueWidget is not None:
            self.review = ReviewQueueWidget(ctx)
        for widget in (self.entry, self.messages, self.importer, self.hot_folders, self.review):
            if widget is not None:
                self.tabs.addTab(widget, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self.messages.draft_ready.connect(self._on_draft)
        self.retranslate_ui()

    def page_title(self) -> str:
        return self.tr("Sales")

    def retranslate_ui(self) -> None:
        titles = [self.tr("Phone order"), self.tr("Paste message"), self.tr("Import sheet"),
                  self.tr("Hot folders"), self.tr("Possible duplicates")]
        for i in range(self.tabs.count()):
            self.tabs.setTabText(i, titles[i])
        # The tabs are plain widgets: they follow a language switch through the page.
        for widget in (self.entry, self.messages, self.importer, self.hot_folders, self.review):
            if widget is not None and hasattr(widget, "retranslate_ui"):
                widget.retranslate_ui()

    def self_test_dialogs(self):  # type: ignore[no-untyped-def]
        """Dialogs for `orderdesk app --self-test` (see StationPage.self_test_dialogs)."""
        from orderdesk.ui.sales.dedup_settings import DedupSettingsDialog

        return [("duplicate rules", lambda: DedupSettingsDialog(self.ctx, self))]

    def unsaved_work(self) -> list[str]:
        """What a quit or sign-out would lose (see MainWindow.unfinished_work)."""
        if self.entry.has_unsaved_input():
            return [self.tr("a phone order that is typed but not saved")]
        return []

    def _on_draft(self, customer: Any, lines: Any, due: Any, urgent: bool, text: str) -> None:
        self.tabs.setCurrentWidget(self.entry)
        self.entry.load_proposal(customer, lines, due, urgent, text)

    def on_changes(self, changes: Changes, initiator: object) -> None:
        if self.review is not None and (changes.orders or changes.duplicates):
            self.review.reload()
