"""A date box for filters where "no date" is a value: the minimum date, shown as a dash."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


class OptionalDateEdit(QDateEdit):
    def __init__(self, name: str = "") -> None:
        super().__init__()
        if name:
            self.setObjectName(name)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(QDate(2000, 1, 1))
        self.setSpecialValueText("\u2014")
        self.setMinimumWidth(130)
        self.clear_date()

    def day(self) -> dt.date | None:
        return None if self.date() == self.minimumDate() else self.date().toPython()

    def clear_date(self) -> None:
        self.setDate(self.minimumDate())
