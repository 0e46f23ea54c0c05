"""`orderdesk backup` and `orderdesk restore`: a station database and its restore drill."""

from __future__ import annotations

import argparse
import datetime as dt


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "backup", help="copy a station database to a new file while it stays in use")
    p.add_argument("--db", required=True, metavar="PATH", help="station database file")
    p.add_argument("--out", metavar="FILE",
                   help="backup file to create (default <db>-backup-<date-time>.db)")
    p.set_defaults(handler=cmd_backup)
    p = subparsers.add_parser(
        "restore", help="put a backup in place of a station database (the current one is "
                        "kept beside it)")
    p.add_argument("--db", required=True, metavar="PATH", help="station database file")
    p.add_argument("--from", dest="source", required=True, metavar="FILE",
                   help="backup file made by `orderdesk backup`")
    p.set_defaults(handler=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from orderdesk.backup import backup

    out = args.out
    if not out and "://" not in args.db:
        db = Path(args.db)
        out = str(db.with_name(f"{db.stem}-backup-{dt.datetime.now():%Y%m%d-%H%M%S}.db"))
    report = backup(args.db, out or "orderdesk-backup.db")
    print(f"backup written: {report.path} ({report.size:,} bytes, {report.orders} orders, "
          f"{report.audit_rows} audit rows, integrity ok)\nsha256 {report.sha256}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from orderdesk.backup import restore

    report = restore(args.db, args.source)
    kept = f"; the database as it was is kept in {report.kept_previous}" \
        if report.kept_previous else ""
    print(f"restored {report.database} from {report.restored_from} ({report.orders} orders, "
          f"{report.audit_rows} audit rows){kept}")
    return 0
