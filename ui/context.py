"""The application context every station page receives: facade, tasks, settings.

Lives on the GUI thread. Pages never reach for a global main window (style rule 11):
they get this object, call services through `ctx.tasks`, and refresh on
`ctx.changes_did_apply`, which carries local mutations and changes pulled by sync alike.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from orderdesk.changes import Changes
from orderdesk.desk import Desk

#: Languages the UI ships; "zh" is the default (Simplified Chinese).
LANGUAGES = ("zh", "en")


def config_dir() -> Path | None:
    """ORDERDESK_CONFIG_DIR if set (tests, portable installs), else Qt's default place."""
    value = os.environ.get("ORDERDESK_CONFIG_DIR")
    return Path(value) if value else None


def _qsettings() -> QSettings:
    folder = config_dir()
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        return QSettings(str(folder / "station.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "orderdesk", "station")


@dataclass
class StationSettings:
    """Per-machine settings (not business rules: those live in the database).

    Stored with QSettings as an INI file in ORDERDESK_CONFIG_DIR when set, else in the
    user's config folder. Values are plain strings; empty means "not set".
    """

    station_name: str = ""
    server_url: str = ""
    printer: str = ""
    language: str = "zh"
    idle_minutes: int = 15
    last_user: str = ""

    @classmethod
    def load(cls) -> StationSettings:
        store = _qsettings()
        values = {}
        for f in fields(cls):
            raw = store.value(f.name)
            if raw is None:
                continue
            if f.type in ("int", int):
                try:
                    values[f.name] = int(raw)
                except (TypeError, ValueError):
                    continue
            else:
                values[f.name] = str(raw)
        settings = cls(**values)
        if settings.language not in LANGUAGES:
            settings.language = "zh"
        return settings

    def save(self) -> None:
        store = _qsettings()
        for f in fields(self):
            store.setValue(f.name, getattr(self, f.name))
        store.sync()


class AppContext(QObject):
    """What a page needs: `desk`, `tasks`, `settings`, `server_url`, and the change signal.

    `changes_did_apply(changes, initiator)` is emitted once per mutation that changed
    something; `initiator` is the page (or other object) that asked for it, so a page
    can skip refreshing what it already shows.
    """

    changes_did_apply = Signal(object, object)

    def __init__(self, desk: Desk, settings: StationSettings | None = None,
                 server_url: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from orderdesk.ui.tasks import TaskRunner

        self.desk = desk
        self.settings = settings if settings is not None else StationSettings.load()
        self.server_url: str | None = server_url or self.settings.server_url or None
        self.tasks = TaskRunner(self)

    @property
    def user(self):  # type: ignore[no-untyped-def]
        """The signed-in orderdesk.desk.UserInfo, or None."""
        return self.desk.user

    def apply(self, changes: Changes | None, initiator: object = None) -> None:
        """Announce what a mutation changed (no signal when nothing changed)."""
        if changes is not None and changes.any():
            self.changes_did_apply.emit(changes, initiator)
