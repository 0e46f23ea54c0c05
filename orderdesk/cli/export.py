"""`orderdesk export orders`."""

from __future__ import annotations

import argparse
from pathlib import Path

from orderdesk.cli.common import add_db_argument, open_desk


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("export", help="export data to CSV or Excel")
    sub = p.add_subparsers(dest="what", metavar="WHAT")
    sub.required = True
    o = sub.add_parser("orders", help="one row per order line")
    add_db_argument(o)
    o.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    o.add_argument("--out", metavar="FILE", help="output file (default orders.<format>)")
    o.set_defaults(handler=cmd_export_orders)


def cmd_export_orders(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.services.export import export_orders

    out = Path(args.out or f"orders.{args.format}")
    if out.parent and not out.parent.exists():
        raise CommandError(f"目录不存在 / folder not found: {out.parent}")
    desk = open_desk(args.db)
    count = export_orders(desk, args.format, out)
    print(f"{count} order lines written to {out}")
    return 0
