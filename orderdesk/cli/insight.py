"""`orderdesk kpi`, `orderdesk health` and `orderdesk exceptions ...`: the three KPIs,
customer fulfilment health, and exception quick reports with their handbook."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from orderdesk.cli.common import add_db_argument, open_desk


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("kpi", help="the three KPIs (processing time, first-pass "
                                          "accuracy, rush response) with median, P90 and N")
    add_db_argument(p)
    p.add_argument("--from", dest="start", type=_date, metavar="DATE",
                   help="first day (default: 30 days before --to)")
    p.add_argument("--to", dest="end", type=_date, metavar="DATE",
                   help="last day, included (default: today)")
    p.add_argument("--by", choices=("product_line", "tier", "channel"),
                   help="break each KPI down by this dimension")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--xlsx", metavar="FILE", help="also write the report to Excel")
    p.set_defaults(handler=cmd_kpi)

    p = subparsers.add_parser("health", help="customer fulfilment health for a month")
    add_db_argument(p)
    p.add_argument("--month", metavar="YYYY-MM", help="default: the current month")
    p.add_argument("--json", action="store_true")
    p.add_argument("--xlsx", metavar="FILE", help="also write the board to Excel")
    p.set_defaults(handler=cmd_health)

    p = subparsers.add_parser("exceptions", help="order exception quick reports, the "
                                                 "lessons-learned cards, the handbook")
    sub = p.add_subparsers(dest="exceptions_command", metavar="ACTION")
    sub.required = True
    rep = sub.add_parser("report", help="raise an exception report into the queue")
    add_db_argument(rep)
    rep.add_argument("--kind", required=True, help="a kind from the list (see `list --kinds`)")
    rep.add_argument("--description", required=True)
    rep.add_argument("--order", help="order number")
    rep.add_argument("--line", type=int, help="line number of the order")
    rep.add_argument("--owner", help="user who owns it")
    rep.add_argument("--due-hours", type=float, default=24.0)
    rep.add_argument("--photo", action="append", default=[], metavar="FILE")
    rep.add_argument("--json", action="store_true")
    rep.set_defaults(handler=cmd_report)
    ls = sub.add_parser("list", help="the queue")
    add_db_argument(ls)
    ls.add_argument("--status", choices=("open", "closed", "all"), default="open")
    ls.add_argument("--kinds", action="store_true", help="list the kinds instead")
    ls.add_argument("--json", action="store_true")
    ls.add_argument("--xlsx", metavar="FILE")
    ls.set_defaults(handler=cmd_list)
    cl = sub.add_parser("close", help="close with the lessons-learned card (or --draft)")
    add_db_argument(cl)
    cl.add_argument("report", help="report number (EX-...) or id")
    cl.add_argument("--category", choices=("man", "machine", "material", "method",
                                           "environment", "measurement"),
                    help="root cause: 人 机 料 法 环 测")
    cl.add_argument("--cause")
    cl.add_argument("--action")
    cl.add_argument("--applies-to")
    cl.add_argument("--scenario", help="default: the report's description")
    same = cl.add_mutually_exclusive_group()
    same.add_argument("--same-as", metavar="CARD_ID", help="the same problem as this card")
    same.add_argument("--new", action="store_true", help="not the same as any earlier card")
    cl.add_argument("--draft", action="store_true", help="only save the card as a draft")
    cl.set_defaults(handler=cmd_close)
    kd = sub.add_parser("kinds", help="show or replace the list of exception kinds "
                                      "(reports keep their kind when it leaves the list)")
    add_db_argument(kd)
    kd.add_argument("--set", nargs="+", metavar="CODE=NAME",
                    help="the whole new list, e.g. complaint=客户投诉 late=交期延误")
    kd.set_defaults(handler=cmd_kinds)
    hb = sub.add_parser("handbook", help="write 《高频问题应对手册》 (.docx or .pdf)")
    add_db_argument(hb)
    hb.add_argument("--out", required=True, metavar="FILE.docx|FILE.pdf")
    hb.set_defaults(handler=cmd_handbook)


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def cmd_kpi(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.insight import export, kpi

    start = end = None
    if args.end:
        end = dt.datetime.combine(args.end + dt.timedelta(days=1), dt.time())
    if args.start:
        start = dt.datetime.combine(args.start, dt.time())
        if end is None:
            end = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time())
    elif end is not None:
        start = end - dt.timedelta(days=30)
    if start and end and end <= start:
        raise CommandError("--to must not be before --from")
    desk = open_desk(args.db)
    try:
        report = kpi.kpi_report(desk, start, end, by=args.by)
    finally:
        desk.close()
    if args.xlsx:
        export.write_xlsx(args.xlsx, export.kpi_sheets(report))
    if args.json:
        _print_json(kpi.to_json(report))
        return 0
    data = kpi.to_json(report)
    print(f"{data['from'][:10]} .. {data['to'][:10]} (exclusive)")
    for k in data["kpis"]:
        print(f"{k['name_zh']} / {k['name']}: value {k['value']} {k['unit']}  median "
              f"{k['median']}  P90 {k['p90']}  N {k['n']}  target {k['target']}  "
              f"open {k['open']['n']}")
        for f in k["breakdown"]:
            print(f"    {f['group']}: {f['value']}  median {f['median']}  P90 {f['p90']}  "
                  f"N {f['n']}  open {f['open']}")
    return 0


def cmd_health(args: argparse.Namespace) -> int:
    from orderdesk.insight import export, health

    desk = open_desk(args.db)
    try:
        board = health.health_board(desk, args.month)
    finally:
        desk.close()
    if args.xlsx:
        export.write_xlsx(args.xlsx, [("Health", export.HEALTH_HEADERS,
                                       export.health_rows(board))])
    if args.json:
        _print_json(health.to_json(board))
        return 0
    print(f"{board.month} ({'closed, snapshot' if board.closed else 'open, live'})  red "
          f"{board.count('red')}  yellow {board.count('yellow')}  green "
          f"{board.count('green')}  no data {board.count('no_data')}")
    for h in board.customers:
        subs = "  ".join(f"{s.key} {'-' if s.value is None else round(s.value, 1)} (N {s.n})"
                         for s in h.subs)
        print(f"{h.color:8} {h.code:10} {h.name}  {subs}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.insight import exceptions as ex
    from orderdesk.messages import describe

    photos = []
    for name in args.photo:
        path = Path(name)
        if not path.is_file():
            raise CommandError(describe("file_missing", path=str(path)))
        photos.append((path.name, path.read_bytes()))
    desk = open_desk(args.db)
    try:
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        res = ex.report_exception(desk, kind=args.kind, description=args.description,
                                  order_no=args.order, line_no=args.line, owner=args.owner,
                                  due_at=now + dt.timedelta(hours=args.due_hours),
                                  photos=tuple(photos), now=now)
    finally:
        desk.close()
    if args.json:
        _print_json({"id": res.row.id, "report_no": res.row.report_no,
                     "due_at": res.row.due_at})
    else:
        print(f"{res.row.report_no}  due {res.row.due_at:%Y-%m-%d %H:%M}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from orderdesk.insight import export
    from orderdesk.insight import exceptions as ex

    desk = open_desk(args.db)
    try:
        if args.kinds:
            items = ex.kinds(desk)
            if args.json:
                _print_json([{"code": k.code, "name": k.name} for k in items])
            else:
                for k in items:
                    print(f"{k.code:14} {k.name}")
            return 0
        rows = ex.list_exceptions(desk, status=None if args.status == "all" else args.status)
    finally:
        desk.close()
    if args.xlsx:
        export.write_xlsx(args.xlsx, [("Exceptions", export.EXCEPTION_HEADERS,
                                       export.exception_rows(rows))])
    if args.json:
        _print_json([dict(zip(export.EXCEPTION_HEADERS, r))
                     | {"id": row.id, "card_state": row.card.state if row.card else None}
                     for r, row in zip(export.exception_rows(rows), rows)])
        return 0
    for r in rows:
        due = f"{r.due_at:%m-%d %H:%M}" if r.due_at else "-"
        print(f"{r.report_no}  {r.status:6} {r.kind:12} {r.order_no or '-':20} owner "
              f"{r.owner or '-':8} due {due}  {r.description[:40]}")
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.insight import exceptions as ex
    from orderdesk.messages import describe

    fields = dict(category=args.category, cause=args.cause, action=args.action,
                  applies_to=args.applies_to, scenario=args.scenario)
    desk = open_desk(args.db)
    try:
        if args.draft:
            card = ex.save_card(desk, args.report, **fields)
            print(f"draft saved; still missing: {', '.join(card.missing()) or 'nothing'}")
            return 0
        try:
            card = ex.close_exception(desk, args.report, same_as="" if args.new
                                      else args.same_as, **fields)
        except ex.SimilarCardFound as found:
            lines = [describe(found)]
            lines += [f"  {c.card_id}  {c.report_no}  {c.score:.0f}  {c.scenario[:40]}"
                      for c in found.candidates]
            lines.append("answer with --same-as CARD_ID or --new")
            raise CommandError("\n".join(lines), exit_code=3) from None
    finally:
        desk.close()
    print(f"closed; card {card.id}" + (f" (same as {card.same_as_id})" if card.same_as_id
                                       else ""))
    return 0


def cmd_kinds(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.insight import exceptions as ex

    desk = open_desk(args.db)
    try:
        if args.set:
            items = []
            for item in args.set:
                code, sep, name = item.partition("=")
                if not sep or not code.strip():
                    raise CommandError(f"not CODE=NAME: {item}")
                items.append(ex.Kind(code.strip(), name.strip() or code.strip()))
            ex.save_kinds(desk, items)
        for k in ex.kinds(desk):
            print(f"{k.code:14} {k.name}")
    finally:
        desk.close()
    return 0


def cmd_handbook(args: argparse.Namespace) -> int:
    from orderdesk.insight import handbook

    desk = open_desk(args.db)
    try:
        offer = handbook.offer(desk)
        book = handbook.generate(desk, args.out)
    finally:
        desk.close()
    note = "" if offer.accepted >= handbook.OFFER_AFTER else (
        f" (only {offer.accepted} accepted cards; the app offers it from "
        f"{handbook.OFFER_AFTER})")
    print(f"edition {book.edition}: {len(book.cards)} cards, added {len(book.added)}, "
          f"changed {len(book.changed)} -> {args.out}{note}")
    return 0
