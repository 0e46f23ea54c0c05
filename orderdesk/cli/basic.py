"""`orderdesk init`, `orderdesk demo` and `orderdesk user`."""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from pathlib import Path

from orderdesk.cli.common import DEFAULT_DB, add_db_argument, open_desk


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("init", help="create or upgrade a station database (idempotent)")
    add_db_argument(p)
    p.set_defaults(handler=cmd_init)

    p = subparsers.add_parser("demo", help="fill a database with a demo factory and open the app")
    p.add_argument("--db", default=DEFAULT_DB, metavar="PATH",
                   help=f"database file to fill (default {DEFAULT_DB})")
    p.add_argument("--no-gui", action="store_true", help="only fill the database")
    p.add_argument("--orders", type=int, default=3000, help="number of orders (default 3000)")
    p.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    p.add_argument("--force", action="store_true", help="refill even if the database has data")
    p.set_defaults(handler=cmd_demo)

    p = subparsers.add_parser("user", help="manage accounts (first admin, scripts)")
    sub = p.add_subparsers(dest="user_command", metavar="ACTION")
    sub.required = True
    add = sub.add_parser("add", help="create an account")
    add_db_argument(add)
    add.add_argument("username")
    add.add_argument("--name", default="", help="display name")
    add.add_argument("--role", action="append", required=True,
                     help="role (repeat for several): sales, engineering, pmc, warehouse, "
                          "quality, supervisor, sysadmin, secadmin, auditor")
    add.add_argument("--password-file", help="read the password from this file (else prompt)")
    add.set_defaults(handler=cmd_user_add)
    pw = sub.add_parser("passwd", help="set an account's password")
    add_db_argument(pw)
    pw.add_argument("username")
    pw.add_argument("--password-file")
    pw.set_defaults(handler=cmd_user_passwd)
    dis = sub.add_parser("disable", help="disable an account (it is never deleted)")
    add_db_argument(dis)
    dis.add_argument("username")
    dis.set_defaults(handler=cmd_user_disable)
    unl = sub.add_parser("unlock", help="clear an account's sign-in delay after failed passwords")
    add_db_argument(unl)
    unl.add_argument("username")
    unl.set_defaults(handler=cmd_user_unlock)
    rst = sub.add_parser("reset", help="set a new password that must be changed at the next "
                                       "sign-in (and clear the sign-in delay)")
    add_db_argument(rst)
    rst.add_argument("username")
    rst.add_argument("--password-file")
    rst.set_defaults(handler=cmd_user_reset)
    ls = sub.add_parser("list", help="list accounts")
    add_db_argument(ls)
    ls.set_defaults(handler=cmd_user_list)


def cmd_init(args: argparse.Namespace) -> int:
    desk = open_desk(args.db, must_exist=False)
    print(f"database ready: {desk.url}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from orderdesk.demo import DEMO_PASSWORD, build_demo

    desk = open_desk(args.db, must_exist=False, station="demo")
    started = time.perf_counter()
    report = build_demo(desk, orders=args.orders, seed=args.seed, force=args.force)
    took = time.perf_counter() - started
    if report.skipped:
        print(f"{args.db}: already holds a demo factory ({report.orders} orders); "
              "use --force to refill")
    else:
        print(f"demo factory in {args.db}: {report.customers} customers, {report.products} "
              f"products, {report.orders} orders ({report.duplicates} duplicates, "
              f"{report.short_orders} short of material) in {took:.1f} s")
    print("demo logins (password " + DEMO_PASSWORD + "): " + ", ".join(report.users))
    if args.no_gui:
        return 0
    from orderdesk.ui.cli import run_app

    return run_app(db=args.db, server=None, self_test=False, demo_login=True)


def _read_password(path: str | None, prompt: str = "password: ") -> str:
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            from orderdesk.cli import CommandError
            from orderdesk.messages import describe

            raise CommandError(describe("file_missing", path=path)) from exc
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass(prompt)
    if getpass.getpass("again: ") != first:
        from orderdesk.cli import CommandError

        raise CommandError("passwords differ / 两次输入的密码不一致")
    return first


def cmd_user_add(args: argparse.Namespace) -> int:
    from orderdesk.services import users

    desk = open_desk(args.db, must_exist=False)
    info = users.create_user(desk, args.username, args.name, _read_password(args.password_file),
                             args.role)
    print(f"user {info.username} created with roles {', '.join(info.roles)}")
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from orderdesk.services import users

    desk = open_desk(args.db)
    users.set_password(desk, args.username, _read_password(args.password_file))
    print(f"password of {args.username} changed")
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    from orderdesk.services import users

    desk = open_desk(args.db)
    users.set_active(desk, args.username, False)
    print(f"user {args.username} disabled")
    return 0


def cmd_user_unlock(args: argparse.Namespace) -> int:
    from orderdesk.services import users

    desk = open_desk(args.db)
    users.unlock_account(desk, args.username)
    print(f"user {args.username} unlocked")
    return 0


def cmd_user_reset(args: argparse.Namespace) -> int:
    from orderdesk.services import users

    desk = open_desk(args.db)
    users.reset_password(desk, args.username, _read_password(args.password_file))
    print(f"password of {args.username} reset; it must be changed at the next sign-in")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from orderdesk.services import users

    desk = open_desk(args.db)
    for row in users.list_users(desk):
        state = "active" if row.active else "disabled"
        print(f"{row.username}\t{row.display_name}\t{','.join(row.roles)}\t{state}")
    return 0
