"""The PMC station page: kit check, green channel, stock / receipts / BOM editing."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from orderdesk.changes import Changes
from orderdesk.ui.page import StationPage
from orderdesk.ui.pmc import errors as _pmc_errors  # noqa: F401 - registers error wording
from orderdesk.ui.pmc.annotations import OrderAnnotationsWidget
from orderdesk.ui.pmc.green import GreenChannelBoard
from orderdesk.ui.pmc.kit_view import KitCheckView
from orderdesk.ui.pmc.planning_tabs import PlanningTabs
from orderdesk.ui.pmc.supply_view import SupplyView


class PmcPage(StationPage):
    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.kit = KitCheckView(ctx, self)
        self.green = GreenChannelBoard(ctx, self)
        self.supply = SupplyView(ctx, self)
        self.annotations = OrderAnnotationsWidget(ctx, self)
        self.kit.detail_tabs.addTab(self.annotations, "")
        self.kit.order_did_change.connect(self.annotations.set_order)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pmcTabs")
        self.tabs.addTab(self.kit, "")
        self.tabs.addTab(self.green, "")
        self.tabs.addTab(self.supply, "")
        self.planning = PlanningTabs(ctx, self.tabs)   # machine load, supply risk
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        self.retranslate_ui()
        self.kit.reload()
        self.green.reload()
        self.supply.reload_stock()
        self.green.tick()

    def page_title(self) -> str:
        return self.tr("PMC")

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, self.tr("Kit completeness"))
        self.tabs.setTabText(1, self.tr("Rush green channel"))
        self.tabs.setTabText(2, self.tr("Stock, receipts and BOMs"))
        self.kit.detail_tabs.setTabText(2, self.tr("Engineering changes"))
        self.kit.retranslate_ui()
        self.green.retranslate_ui()
        self.supply.retranslate_ui()
        self.planning.retranslate_ui()
        self.annotations.retranslate_ui()

    def on_changes(self, changes: Changes, initiator: object) -> None:
        self.kit.on_changes(changes)
        self.green.on_changes(changes)
        self.supply.on_changes(changes)
        self.planning.on_changes(changes)
        self.annotations.on_changes(changes)

    def self_test_dialogs(self):  # type: ignore[no-untyped-def]
        from orderdesk.ui.pmc.green import RushRequestDialog
        from orderdesk.ui.pmc.rules_dialog import GreenChannelRulesDialog
        from orderdesk.ui.pmc.rush_status import RushBoardDialog

        # The green channel's own dialogs, built as its buttons build them (issue 14).
        return [*self.planning.self_test_dialogs(),
                ("rush request", lambda: RushRequestDialog(self.green)),
                ("green-channel rules", lambda: GreenChannelRulesDialog(self.ctx, self.green)),
                ("rush board", lambda: RushBoardDialog(self.ctx, self.window()))]
