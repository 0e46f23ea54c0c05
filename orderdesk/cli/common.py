"""Helpers shared by sub-commands: opening a database with clear errors."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from orderdesk.desk import Desk

DEFAULT_DB = "orderdesk-demo.db"


def add_db_argument(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("--db", required=required, default=None if required else DEFAULT_DB,
                        metavar="PATH", help="station database file (SQLite) or database URL")


def open_desk(db: str, *, must_exist: bool = True, migrate: bool = True,
              station: str | None = None) -> Desk:
    """Open a database for a command; a missing file is an error unless creating."""
    from orderdesk.cli import CommandError
    from orderdesk.messages import describe

    if "://" not in db:
        path = Path(db)
        if must_exist and not path.exists():
            raise CommandError(describe("file_missing", path=str(path)))
        if path.exists() and path.is_dir():
            raise CommandError(describe("database_unreadable", url=str(path), reason="directory"))
    return Desk(db, station=station or os.environ.get("ORDERDESK_STATION", "cli"),
                migrate=migrate)
