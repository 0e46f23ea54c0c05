"""Intake commands: `import` (order sheets), `catalog import`, `parse-message`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from orderdesk.cli.common import add_db_argument, open_desk
from orderdesk.messages import language


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("import", help="import order sheets (.xlsx, .xls, .csv)")
    p.add_argument("files", nargs="+", metavar="FILE")
    add_db_argument(p)
    p.add_argument("--channel", metavar="NAME", help="channel of every order (default: the "
                   "sheet's channel column, else 'excel')")
    p.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--create-customers", action="store_true",
                   help="create customers the catalog does not know (else their rows are rejected)")
    p.add_argument("--customer", metavar="CODE",
                   help="customer of rows that name none (a customer's own order sheet)")
    p.add_argument("--rejects", metavar="FILE", help="write rejected rows with reasons to this .xlsx")
    p.add_argument("--order-time", metavar="ISO-8601",
                   help="order time of rows that carry none (default: now)")
    p.add_argument("--map", metavar="COLUMN=FIELD", action="append", default=[],
                   help="set a column's field yourself (COLUMN: header text, number from 1 or "
                   "letter; FIELD: sku, quantity, customer_name, customer_po, requested_date, "
                   "... or 'ignore'); repeatable. Files whose columns were recognised with low "
                   "confidence are refused unless every such column is set or --accept-mapping")
    p.add_argument("--accept-mapping", action="store_true",
                   help="import even where columns were recognised with low confidence")
    p.set_defaults(handler=_import)

    cat = subparsers.add_parser("catalog", help="catalog data: customers, products, BOMs, stock")
    catsub = cat.add_subparsers(dest="catalog_command", metavar="ACTION")
    catsub.required = True
    ci = catsub.add_parser("import", help="import customers, products, BOMs, stock, receipts")
    ci.add_argument("files", nargs="+", metavar="FILE")
    add_db_argument(ci)
    ci.add_argument("--dry-run", action="store_true")
    ci.add_argument("--json", action="store_true")
    ci.add_argument("--rejects", metavar="FILE")
    ci.set_defaults(handler=_catalog_import)

    pm = subparsers.add_parser("parse-message", help="propose an order from a chat or phone message")
    add_db_argument(pm)
    pm.add_argument("--now", metavar="ISO-8601", help="the time the message arrived (default now)")
    pm.add_argument("--sender-phone", metavar="N", help="the sender's phone number")
    pm.add_argument("--json", action="store_true")
    pm.add_argument("text", metavar="TEXT", help="the message ('-' reads standard input)")
    pm.set_defaults(handler=_parse_message)


def _zh() -> bool:
    return language() != "en"


def _import(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.intake import run_import
    from orderdesk.intake.errors import describe_error, reason_text
    from orderdesk.intake.rejects import write_rejects

    order_time = None
    if args.order_time:
        try:
            order_time = dt.datetime.fromisoformat(args.order_time)
        except ValueError:
            raise CommandError(("--order-time 不是 ISO-8601 时间:" if _zh() else
                                "--order-time is not an ISO-8601 time: ") + args.order_time) from None
    desk = open_desk(args.db)
    try:
        default_customer = None
        if args.customer:
            from orderdesk.intake.matching import Catalog

            with desk.read() as s:
                default_customer, _ = Catalog.load(s).match_customer(args.customer, None,
                                                                      args.customer)
            if default_customer is None:
                raise CommandError(("未知客户:" if _zh() else "unknown customer: ") + args.customer)
        mappings = _explicit_mappings(desk, args, default_customer) if args.map else None
        report = run_import(desk, [str(f) for f in args.files], channel=args.channel,
                            dry_run=args.dry_run, create_customers=args.create_customers,
                            default_customer_id=default_customer, now=order_time,
                            mappings=mappings, accept_low_confidence=args.accept_mapping)
    finally:
        desk.close()
    if args.rejects and report.rejected:
        write_rejects(report.rejected, args.rejects)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        zh = _zh()
        for f in report.files:
            if f.error is not None:
                print(f"{f.path}: {describe_error(f.error)}", file=sys.stderr)
                continue
            status = {"imported": "已导入", "already_imported": "已导入过",
                      "nothing_to_import": "无可导入"}.get(f.status, f.status) if zh else f.status
            print(f"{f.path}: {status}")
        for r in report.rejected:
            reasons = "; ".join((f"{p.column} '{p.value}' " if p.column else "")
                                + reason_text(p.reason) for p in r.problems)
            print(f"  {Path(r.path).name} {'第' if zh else 'row '}{r.row}{'行' if zh else ''}: {reasons}")
        prefix = ("[试运行,未写入] " if zh else "[dry run, nothing written] ") if args.dry_run else ""
        if zh:
            print(f"{prefix}导入 {report.imported} 单;已存在跳过 {report.skipped_existing} 单;"
                  f"疑似重复 {report.flagged} 单;拒绝 {report.rejected_rows} 行"
                  + (f";新建客户 {len(report.customers_created)} 个" if report.customers_created else ""))
        else:
            print(f"{prefix}imported {report.imported} orders; skipped as already present "
                  f"{report.skipped_existing}; flagged as possible duplicate {report.flagged}; "
                  f"rejected {report.rejected_rows} rows"
                  + (f"; customers created {len(report.customers_created)}"
                     if report.customers_created else ""))
        if args.rejects and report.rejected:
            print(("被拒绝的行已写入 " if zh else "rejected rows written to ") + args.rejects)
    if any(f.status == "needs_confirmation" for f in report.files):
        return 3
    return 0 if report.anything_read else 2


def _explicit_mappings(desk, args: argparse.Namespace, default_customer: str | None):  # type: ignore[no-untyped-def]
    """The detected mapping of each file with the user's --map corrections applied."""
    from orderdesk.cli import CommandError
    from orderdesk.intake import preview_file
    from orderdesk.intake.columns import ORDER_FIELDS, header_norm

    specs = []
    for spec in args.map:
        column, sep, fld = spec.partition("=")
        fld = fld.strip()
        if not sep or not column.strip() or (fld not in ORDER_FIELDS and fld not in ("ignore", "-")):
            raise CommandError(("--map 格式应为 列=字段,字段可为:" if _zh() else
                                "--map must be COLUMN=FIELD with FIELD one of: ")
                               + ", ".join([*ORDER_FIELDS, "ignore"]) + f" ({spec})")
        specs.append((column.strip(), None if fld in ("ignore", "-") else fld))
    out = {}
    for path in args.files:
        pv = preview_file(desk, str(path), default_customer_id=default_customer)
        mapping = pv.mapping
        if mapping is None:
            continue   # unreadable: run_import reports it
        for column, fld in specs:
            col = _column_index(column, mapping.headers, header_norm)
            if col is None:
                raise CommandError((f"{path} 中没有列 " if _zh() else f"{path} has no column ")
                                   + column)
            mapping = mapping.with_field(col, fld)
        out[str(path)] = mapping if (args.accept_mapping or not mapping.needs_confirmation) else None
    return {k: v for k, v in out.items() if v is not None}


def _column_index(column: str, headers: tuple[str, ...], norm) -> int | None:  # type: ignore[no-untyped-def]
    wanted = norm(column)
    for i, h in enumerate(headers):
        if h and norm(h) == wanted:
            return i
    if column.isdigit() and int(column) >= 1:
        return int(column) - 1
    if column.isalpha() and len(column) <= 2 and column.isascii():
        n = 0
        for ch in column.upper():
            n = n * 26 + ord(ch) - 64
        return n - 1
    return None


def _catalog_import(args: argparse.Namespace) -> int:
    from orderdesk.intake.catalog_import import run_catalog_import
    from orderdesk.intake.errors import describe_error, reason_text
    from orderdesk.intake.rejects import write_rejects

    desk = open_desk(args.db)
    try:
        report = run_catalog_import(desk, [str(f) for f in args.files], dry_run=args.dry_run)
    finally:
        desk.close()
    if args.rejects and report.rejected:
        write_rejects(report.rejected, args.rejects)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        zh = _zh()
        names = {"customers": "客户", "products": "产品", "bom": "BOM", "stock": "库存",
                 "receipts": "在途"}
        for path, err in report.errors:
            print(f"{path}: {describe_error(err)}", file=sys.stderr)
        for sh in report.sheets:
            kind = names.get(sh.kind or "", sh.kind) if zh else sh.kind
            if zh:
                print(f"{Path(sh.path).name} [{sh.sheet}] {kind}:新增 {sh.created},更新 {sh.updated},"
                      f"拒绝 {sh.rejected}")
            else:
                print(f"{Path(sh.path).name} [{sh.sheet}] {kind}: created {sh.created}, "
                      f"updated {sh.updated}, rejected {sh.rejected}")
        for r in report.rejected:
            reasons = "; ".join((f"{p.column} '{p.value}' " if p.column else "")
                                + reason_text(p.reason) for p in r.problems)
            print(f"  {Path(r.path).name} {'第' if zh else 'row '}{r.row}{'行' if zh else ''}: {reasons}")
    return 0 if report.anything_read else 2


def _parse_message(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.intake.messages import parse_message

    text = sys.stdin.read() if args.text == "-" else args.text
    now = None
    if args.now:
        try:
            now = dt.datetime.fromisoformat(args.now)
        except ValueError:
            raise CommandError(("--now 不是 ISO-8601 时间:" if _zh() else
                                "--now is not an ISO-8601 time: ") + args.now) from None
        if now.tzinfo is not None:
            now = now.astimezone().replace(tzinfo=None)
    desk = open_desk(args.db)
    targets = None
    try:
        proposal = parse_message(desk, text, now=now, sender_phone=args.sender_phone)
        if proposal.kind == "change_request":
            from orderdesk.intake.change_requests import find_change_targets

            targets = find_change_targets(desk, text, now=now, proposal=proposal)
    finally:
        desk.close()
    data = proposal.as_dict()
    if targets is not None:
        data["targets"] = targets.as_dict()   # the orders it may mean, old → new per field
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(proposal.summary(_zh()))
        for q in proposal.questions:   # what the parser could not explain: never dropped
            print(("  ? " + q.sentence(_zh())))
        if targets is not None:
            print(_targets_text(targets))
    return 0


def _targets_text(targets) -> str:  # type: ignore[no-untyped-def]
    from orderdesk.tracking import encode

    zh = _zh()
    problems = {"no_customer": ("没有识别出客户", "no customer recognised"),
                "no_orders": ("该客户没有订单", "the customer has no orders"),
                "order_not_found": ("消息中的订单号不存在", "the order number is not known"),
                "ambiguous": ("有多单可能,请在界面中选择", "several orders may be meant: choose")}
    lines = []
    if targets.problem in problems:
        lines.append(problems[targets.problem][0 if zh else 1])
    for t in targets.candidates:
        mark = "*" if t.id == targets.chosen_id else " "
        changes = ", ".join(f"{c.field}{' ' + c.sku if c.sku else ''}: {encode(c.old)} → "
                            f"{encode(c.new)}"
                            for c in t.changes)
        lines.append(f"{mark} {t.order_no}  {changes or '-'}"
                     + (f"  ({t.problem})" if t.problem else ""))
    return "\n".join(lines)
