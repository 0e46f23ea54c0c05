# i18n-area: dedup
"""Review queue of flagged possible-duplicate pairs (skeleton, being built)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget


class ReviewQueueWidget(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
