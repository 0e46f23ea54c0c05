"""`orderdesk share`: make and revoke share links on the central server's database.

    orderdesk share ORDER_NO --db-url URL [--days N] [--scope status|status+prices] [--json]
    orderdesk share --customer CODE --db-url URL ...      a customer's open orders
    orderdesk share --board sales|production|warehouse --db-url URL
    orderdesk share revoke TOKEN_OR_URL --db-url URL
    orderdesk share list ORDER_NO --db-url URL [--json]    links of an order, with views

The printed URL starts with --base-url, else $ORDERDESK_PUBLIC_URL, else the server
database's `share.public_url` setting, else http://127.0.0.1:8750 (the `serve` default).
"""

from __future__ import annotations

import argparse
import json
import os

from orderdesk.share import links

DEFAULT_BASE = "http://127.0.0.1:8750"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "share", help="share links: read-only status pages for phones (make, list, revoke)",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("target", nargs="*", metavar="ORDER_NO",
                   help="order number; or `revoke TOKEN_OR_URL`; or `list ORDER_NO`")
    p.add_argument("--db-url", required=True, metavar="URL",
                   help="the central server's database (PostgreSQL URL, or SQLite URL/path)")
    p.add_argument("--customer", metavar="CODE", help="a link to this customer's open orders")
    p.add_argument("--board", choices=links.BOARD_ROLES, help="a link to a role's board")
    p.add_argument("--days", type=float, default=links.DEFAULT_DAYS,
                   help=f"days until the link expires (default {links.DEFAULT_DAYS})")
    p.add_argument("--scope", choices=links.SCOPES, default="status",
                   help="status (default) or status+prices")
    p.add_argument("--base-url", metavar="URL", help="address phones use to reach the server")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=_run)


def _desk(url: str):  # type: ignore[no-untyped-def]
    from orderdesk.cli import CommandError
    from orderdesk.desk import Desk
    from orderdesk.errors import OrderdeskError
    from orderdesk.messages import describe

    try:
        return Desk(url, station=os.environ.get("ORDERDESK_STATION", "share-cli"))
    except OrderdeskError as exc:
        raise CommandError(describe(exc)) from exc


def _base(args: argparse.Namespace, desk) -> str:  # type: ignore[no-untyped-def]
    return (args.base_url or os.environ.get("ORDERDESK_PUBLIC_URL")
            or links.public_url_setting(desk) or DEFAULT_BASE).rstrip("/")


def _run(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError

    words = list(args.target)
    if words and words[0] == "revoke":
        if len(words) != 2:
            raise CommandError("usage: orderdesk share revoke TOKEN_OR_URL --db-url URL")
        return _revoke(args, words[1])
    if words and words[0] == "list":
        if len(words) != 2:
            raise CommandError("usage: orderdesk share list ORDER_NO --db-url URL")
        return _list(args, words[1])
    chosen = [x for x in (bool(words), bool(args.customer), bool(args.board)) if x]
    if len(chosen) != 1 or len(words) > 1:
        raise CommandError("name one order number, or --customer CODE, or --board ROLE "
                           "/ 请给出一个订单号,或 --customer 客户编码,或 --board 角色")
    kind, ref = (("order", words[0]) if words else
                 ("customer", args.customer) if args.customer else ("board", args.board))
    desk = _desk(args.db_url)
    try:
        made = links.create_link(desk, kind, ref, scope=args.scope, days=args.days)
        url = _base(args, desk) + made.path
    finally:
        desk.close()
    if args.json:
        print(json.dumps({"url": url, "token": made.token,
                          "expires_at": made.expires_at.isoformat(), "kind": made.kind,
                          "label": made.label, "scope": made.scope}, ensure_ascii=False))
    else:
        print(url)
    return 0


def _revoke(args: argparse.Namespace, token: str) -> int:
    desk = _desk(args.db_url)
    try:
        row = links.revoke(desk, token)
    finally:
        desk.close()
    if args.json:
        print(json.dumps({"id": row.id, "label": row.label, "state": row.state,
                          "revoked_at": row.revoked_at.isoformat() if row.revoked_at else None}))
    else:
        print(f"revoked / 已停用: {row.kind} {row.label}")
    return 0


def _list(args: argparse.Namespace, order_no: str) -> int:
    desk = _desk(args.db_url)
    try:
        rows = links.links_for(desk, "order", order_no)
    finally:
        desk.close()
    if args.json:
        print(json.dumps([{"id": r.id, "scope": r.scope, "created_by": r.created_by,
                           "created_at": r.created_at.isoformat(),
                           "expires_at": r.expires_at.isoformat(), "state": r.state,
                           "views": r.view_count,
                           "last_seen_at": r.last_seen_at.isoformat() if r.last_seen_at else None}
                          for r in rows], ensure_ascii=False))
        return 0
    for r in rows:
        seen = r.last_seen_at.isoformat(" ", "minutes") if r.last_seen_at else "-"
        print(f"{r.id}  {r.state:8}  {r.scope:14}  views {r.view_count:4}  last {seen}  "
              f"by {r.created_by or '-'}  expires {r.expires_at.isoformat(' ', 'minutes')}")
    return 0
