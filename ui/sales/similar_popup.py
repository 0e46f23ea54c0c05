# i18n-area: dedup
"""Similar-orders popup shown beside the order entry form (skeleton, being built)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class SimilarOrdersPopup(QWidget):
    merged = Signal(str)
    kept = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._draft_provider: Callable[[], Any] | None = None
        self.hide()

    def set_probe(self, probe: Any) -> None:
        """Look up similar orders for what is typed (skeleton: does nothing yet)."""

    def set_draft_provider(self, fn: Callable[[], Any]) -> None:
        self._draft_provider = fn
