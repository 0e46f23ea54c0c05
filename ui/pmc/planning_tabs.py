# i18n-area: planning
"""The planning tabs of the PMC page (heatmap, supply risk) and the wording of the
planning core's errors. The page adds them with one call and forwards language and
changes; each tab loads its data the first time it is shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QTabWidget

from orderdesk.changes import Changes
from orderdesk.planning.errors import NoApprovedAlternative, PlanningFileInvalid, ProposalStale
from orderdesk.ui.errors import register_describer
from orderdesk.ui.pmc.heatmap import HeatmapView
from orderdesk.ui.pmc.supply_risk import SupplyRiskView


def _file_invalid(exc: BaseException) -> str:
    f = getattr(exc, "facts", {})
    return QCoreApplication.translate(
        "planning_errors", "{path} has {count} problem(s); nothing was imported. First: "
        "{first}").format(path=f.get("path", "-"), count=f.get("count", "-"),
                          first=f.get("first", "-"))


def _not_approved(exc: BaseException) -> str:
    f = getattr(exc, "facts", {})
    return QCoreApplication.translate(
        "planning_errors", "Machine {machine} is not approved for {sku}: it is not on the "
        "customer-approved list.").format(machine=f.get("machine", "-"), sku=f.get("sku", "-"))


def _stale(exc: BaseException) -> str:
    f = getattr(exc, "facts", {})
    return QCoreApplication.translate(
        "planning_errors", "Order {order} changed after the proposal was made; nothing was "
        "re-dated. Refresh and confirm the new proposal.").format(order=f.get("order_no", "-"))


register_describer(PlanningFileInvalid, _file_invalid)
register_describer(NoApprovedAlternative, _not_approved)
register_describer(ProposalStale, _stale)


class PlanningTabs(QObject):
    """Adds "Machine load" and "Supply risk" to a tab widget."""

    def __init__(self, ctx: Any, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.heatmap = HeatmapView(ctx)
        self.supply_risk = SupplyRiskView(ctx)
        self._loaded: set[int] = set()
        self.heatmap_index = tabs.addTab(self.heatmap, "")
        self.risk_index = tabs.addTab(self.supply_risk, "")
        tabs.currentChanged.connect(self._on_tab)
        self.retranslate_ui()

    def _on_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget in (self.heatmap, self.supply_risk) and index not in self._loaded:
            self._loaded.add(index)
            widget.reload()

    def load_all(self) -> None:
        for index, w in ((self.heatmap_index, self.heatmap), (self.risk_index, self.supply_risk)):
            self._loaded.add(index)
            w.reload()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(self.heatmap_index, self.tr("Machine load"))
        self.tabs.setTabText(self.risk_index, self.tr("Supply risk"))
        self.heatmap.retranslate_ui()
        self.supply_risk.retranslate_ui()

    def on_changes(self, changes: Changes) -> None:
        if self.heatmap_index in self._loaded:
            self.heatmap.on_changes(changes)
        if self.risk_index in self._loaded:
            self.supply_risk.on_changes(changes)

    def self_test_dialogs(self) -> list[tuple[str, Any]]:
        return [("planning setup", self.heatmap.open_setup)]
