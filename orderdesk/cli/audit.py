"""`orderdesk audit pack` and `orderdesk audit verify`: the station's trail from a script.

A station packs rows older than the hot window once a day after a sync round; these let
IT do it now (before a size check or a backup) and check the whole chain, packed blocks
included, without opening the app.
"""

from __future__ import annotations

import argparse

from orderdesk.cli.common import add_db_argument, open_desk


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("audit", help="the station's audit trail: pack old rows, verify")
    sub = p.add_subparsers(dest="audit_command", metavar="ACTION")
    sub.required = True
    pack = sub.add_parser("pack", help="pack audit rows older than the hot window into "
                                       "compressed blocks (nothing is dropped)")
    add_db_argument(pack)
    pack.add_argument("--hot-days", type=int, default=None, metavar="N",
                      help="keep the last N days as table rows (default 14; at most the "
                           "newest 50,000 rows stay)")
    pack.add_argument("--vacuum", action="store_true",
                      help="then rewrite the file to give the freed space back to the disk "
                           "(needs the database to itself: close the app first)")
    pack.set_defaults(handler=cmd_pack)
    verify = sub.add_parser("verify", help="recompute the whole hash chain, packed blocks "
                                           "and table rows; exit 1 if it is broken")
    add_db_argument(verify)
    verify.set_defaults(handler=cmd_verify)


def cmd_pack(args: argparse.Namespace) -> int:
    from orderdesk import audit_store
    from orderdesk.cli import CommandError

    if args.hot_days is not None and args.hot_days < 1:
        raise CommandError("--hot-days must be at least 1 / 热数据天数至少为 1")
    if args.vacuum and "://" in args.db:
        raise CommandError("--vacuum works on a station file, not a database URL / "
                           "--vacuum 只用于工作站数据库文件")
    desk = open_desk(args.db)
    try:
        report = audit_store.pack(desk, hot_days=args.hot_days or audit_store.HOT_DAYS)
    finally:
        desk.close()
    if args.vacuum:
        _vacuum(args.db)
    print(f"packed {report.rows:,} audit rows into {report.blocks:,} blocks"
          + (f" (through row {report.through_id})" if report.through_id else "")
          + f" in {report.seconds:.1f} s")
    if report.refused:
        print(f"stopped at row {report.bad_id}: it does not match its hash chain "
              f"({report.refused}); run `orderdesk audit verify` / 审计链在此行不一致")
        return 1
    return 0


def _vacuum(path: str) -> None:
    """Packed rows leave free pages that later rows reuse; VACUUM hands them back to the
    disk now (after the first pack of a year, most of the file)."""
    import sqlite3

    from orderdesk.cli import CommandError

    conn = sqlite3.connect(path, timeout=5, isolation_level=None)
    try:
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError as exc:
        raise CommandError(f"the file is in use, VACUUM skipped ({exc}); close the app "
                           "and run again / 数据库正在使用，未能整理") from exc
    finally:
        conn.close()


def cmd_verify(args: argparse.Namespace) -> int:
    from orderdesk.services import audit

    desk = open_desk(args.db)
    try:
        report = audit.verify_chain(desk)
    finally:
        desk.close()
    if report.ok:
        print(f"audit chain intact: {report.checked:,} rows checked")
        return 0
    print(f"audit chain BROKEN at row {report.first_bad_id} ({report.problem}); "
          f"{report.checked:,} rows checked before it / 审计链被破坏")
    return 1
