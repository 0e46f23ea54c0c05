"""Hot folders: files a channel drops into a folder are imported once, then moved away.

`process_hot_folder(desk, folder, channel)` imports every sheet lying in the folder (not
in its done/ and failed/ subfolders), one file per transaction, and moves each file to
done/ (imported, or nothing new in it) or failed/ (unreadable, or every row rejected),
next to a report (<name>.report.json, plus <name>.rejects.xlsx when rows were
rejected). The same file dropped twice imports once: its orders are known by their
channel numbers. A file still being written (its size changes between two looks) is
left for the next run. Runs on any thread; the UI calls it from its worker.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from orderdesk.desk import Desk
from orderdesk.intake.errors import describe_error
from orderdesk.intake.orders_import import ImportReport, run_import
from orderdesk.intake.rejects import write_rejects

SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv", ".txt", ".tsv"}
IGNORE_PREFIXES = ("~$", ".", "_")   # Excel lock files, hidden and temporary files


@dataclass(frozen=True)
class HotFileResult:
    name: str
    outcome: str            # done | failed
    moved_to: str
    imported: int
    skipped_existing: int
    rejected: int
    message: str


def pending_files(folder: str | Path) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not p.name.startswith(IGNORE_PREFIXES))


def _stable(path: Path, wait: float) -> bool:
    """True when the file is not growing (a copy in progress is left for the next run)."""
    if wait <= 0:
        return True
    before = path.stat().st_size
    time.sleep(wait)
    return path.exists() and path.stat().st_size == before


def _target(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if target.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{Path(name).stem}.{stamp}{Path(name).suffix}"
    return target


def process_hot_folder(desk: Desk, folder: str | Path, channel: str, *,
                       settle_seconds: float = 0.0,
                       create_customers: bool = False) -> list[HotFileResult]:
    """Import and move every file waiting in `folder`; return what happened to each."""
    folder = Path(folder)
    results: list[HotFileResult] = []
    for path in pending_files(folder):
        if not _stable(path, settle_seconds):
            continue
        report: ImportReport = run_import(desk, [path], channel=channel,
                                          create_customers=create_customers)
        file_report = report.files[0]
        # A file whose columns need a person's confirmation is not done either.
        unreadable = file_report.status in ("unreadable", "needs_confirmation")
        all_rejected = (file_report.orders_created == 0 and file_report.skipped_existing == 0
                        and file_report.rejected > 0)
        outcome = "failed" if unreadable or all_rejected else "done"
        target = _target(folder / outcome, path.name)
        shutil.move(str(path), target)
        message = (describe_error(file_report.error) if file_report.error else
                   f"imported {file_report.orders_created}, already present "
                   f"{file_report.skipped_existing}, rejected {file_report.rejected}")
        data = report.as_dict()
        data["file"] = path.name
        data["moved_to"] = str(target)
        data["message"] = message
        data["processed_at"] = dt.datetime.now().isoformat(timespec="seconds")
        target.with_name(target.name + ".report.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        if report.rejected:
            write_rejects(report.rejected, target.with_name(target.stem + ".rejects.xlsx"))
        results.append(HotFileResult(
            name=path.name, outcome=outcome, moved_to=str(target),
            imported=file_report.orders_created, skipped_existing=file_report.skipped_existing,
            rejected=file_report.rejected, message=message))
    return results


HOT_FOLDERS_KEY = "intake.hot_folders"


def hot_folders(desk: Desk) -> dict[str, str]:
    """Configured hot folders, channel → folder path (a business setting)."""
    from orderdesk.services.settings import get_setting

    return dict(get_setting(desk, HOT_FOLDERS_KEY, {}) or {})


def set_hot_folder(desk: Desk, channel: str, folder: str | None):  # type: ignore[no-untyped-def]
    """Add, change or (folder=None) remove the hot folder of a channel."""
    from orderdesk.errors import ValidationFailed
    from orderdesk.services.settings import set_setting

    channel = channel.strip()
    if not channel:
        raise ValidationFailed(field="channel", reason="required")
    current = hot_folders(desk)
    if folder:
        current[channel] = str(folder)
    else:
        current.pop(channel, None)
    return set_setting(desk, HOT_FOLDERS_KEY, current, action="import.run")
