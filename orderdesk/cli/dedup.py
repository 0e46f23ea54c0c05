"""`orderdesk duplicates`: the possible-duplicate pairs, the duplicate log, a rescan."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

from orderdesk.cli.common import add_db_argument, open_desk

COLUMNS = ("channel_a", "order_a", "channel_b", "order_b", "score", "reason")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "duplicates", help="list possible duplicate orders, write the duplicate log",
        description="Lists the possible-duplicate pairs waiting for a decision "
                    "(order_a/order_b are the channel order numbers, else the master number).")
    add_db_argument(p)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--status", choices=("open", "kept", "merged", "all"), default="open",
                   help="which pairs to list (default: open, waiting for a decision)")
    p.add_argument("--out", metavar="FILE", help="write the list to FILE instead of stdout")
    p.add_argument("--log", metavar="FILE.xlsx",
                   help="also write the duplicate log workbook (pairs, decisions, by channel, "
                        "found after the fact)")
    p.add_argument("--scan-since", metavar="YYYY-MM-DD",
                   help="first look again for duplicates among orders since this date")
    p.add_argument("--reindex", action="store_true",
                   help="rebuild the duplicate lookup index from the orders first")
    p.add_argument("--check-rules", action="store_true",
                   help="also print how the current rules score the pairs people merged or "
                        "kept (precision, recall, misses, false alarms) to stderr")
    p.set_defaults(handler=cmd_duplicates)


def _number(channel_order_no: str | None, order_no: str) -> str:
    return channel_order_no or order_no


def cmd_duplicates(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.dedup import list_pairs, scan_orders
    from orderdesk.dedup.engine import explain
    from orderdesk.dedup.report import write_log
    from orderdesk.messages import language

    desk = open_desk(args.db)
    try:
        if args.reindex:
            from orderdesk.dedup.keys import reindex

            with desk.write() as s:
                rows = reindex(s)
            print(f"index: {rows} rows", file=sys.stderr)
        if args.scan_since:
            try:
                since = dt.datetime.fromisoformat(args.scan_since)
            except ValueError as exc:
                raise CommandError(f"日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD: "
                                   f"{args.scan_since}") from exc
            result = scan_orders(desk, since)
            print(f"scan: {result.orders} orders, {result.pairs} new pairs", file=sys.stderr)
        status = None if args.status == "all" else args.status
        pairs = list_pairs(desk, status=status, limit=10**9)
        lang = language()
        rows = [dict(channel_a=p.a.channel, order_a=_number(p.a.channel_order_no, p.a.order_no),
                     channel_b=p.b.channel, order_b=_number(p.b.channel_order_no, p.b.order_no),
                     score=f"{p.score:.3f}", reason=explain(p.reasons, lang))
                for p in pairs if p.b is not None]
        if args.out:
            out_path = Path(args.out)
            if not out_path.parent.exists():
                raise CommandError(f"目录不存在 / folder not found: {out_path.parent}")
            stream = out_path.open("w", encoding="utf-8-sig" if args.format == "csv" else "utf-8",
                                   newline="")
        else:
            stream = sys.stdout
        try:
            if args.format == "json":
                json.dump(rows, stream, ensure_ascii=False, indent=1)
                stream.write("\n")
            else:
                writer = csv.DictWriter(stream, fieldnames=COLUMNS)
                writer.writeheader()
                writer.writerows(rows)
        finally:
            if stream is not sys.stdout:
                stream.close()
        if args.check_rules:
            from orderdesk.dedup.evaluate import check_rules

            check = check_rules(desk)

            def ratio(value: float | None) -> str:
                return "-" if value is None else f"{value:.4f}"

            print(f"rules on decided pairs: {check.merged} merged, {check.kept} kept; "
                  f"precision {ratio(check.precision)}, recall {ratio(check.recall)}; "
                  f"{len(check.misses)} missed, {len(check.false_alarms)} false alarms",
                  file=sys.stderr)
            for kind, items in (("missed", check.misses), ("false alarm", check.false_alarms)):
                for d in items:
                    print(f"  {kind}: {d.order_a} / {d.order_b} score {d.score:.3f} "
                          f"({d.explanation})", file=sys.stderr)
        if args.log:
            log = Path(args.log)
            if not log.parent.exists():
                raise CommandError(f"目录不存在 / folder not found: {log.parent}")
            count = write_log(desk, log)
            print(f"log: {count} pairs written to {log}", file=sys.stderr)
    finally:
        desk.close()
    return 0
