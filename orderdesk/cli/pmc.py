"""`orderdesk shortages` and `orderdesk rush ...`: PMC's kit check and the green channel."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from orderdesk.cli.common import add_db_argument, open_desk


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "shortages", help="short components of open orders: quantity, blocked orders, "
                          "clearing date")
    add_db_argument(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(handler=cmd_shortages)

    p = subparsers.add_parser("rush", help="rush-order green channel")
    sub = p.add_subparsers(dest="rush_command", metavar="ACTION")
    sub.required = True
    req = sub.add_parser("request", help="sales asks for the green channel for an order")
    add_db_argument(req)
    req.add_argument("order", help="order number (master, channel number or customer PO)")
    req.add_argument("--reason", required=True)
    req.set_defaults(handler=cmd_rush_request)
    conf = sub.add_parser("confirm", help="a department confirms its step of a rush order")
    add_db_argument(conf)
    conf.add_argument("order")
    conf.add_argument("step", help="engineering, pmc, warehouse, quality or shipping")
    conf.set_defaults(handler=cmd_rush_confirm)
    esc = sub.add_parser("escalate", help="find stalled steps and notify department leads")
    add_db_argument(esc)
    esc.set_defaults(handler=cmd_rush_escalate)
    ev = sub.add_parser("evaluate", help="put orders that match the green-channel rules in it")
    add_db_argument(ev)
    ev.set_defaults(handler=cmd_rush_evaluate)
    snd = sub.add_parser("send", help="post queued WeCom/DingTalk robot messages now "
                                      "(failures are retried later)")
    add_db_argument(snd)
    snd.set_defaults(handler=cmd_rush_send)
    ls = sub.add_parser("list", help="orders in the green channel with their steps")
    add_db_argument(ls)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_rush_list)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "-"


def _qty(value: float) -> str:
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def cmd_shortages(args: argparse.Namespace) -> int:
    from orderdesk.messages import language
    from orderdesk.pmc.service import shortages

    desk = open_desk(args.db)
    rows = shortages(desk)
    if args.json:
        json.dump([{
            "sku": r.sku, "name": r.name, "unit": r.unit, "shortage": round(r.shortage, 4),
            "available": round(r.available, 4), "incoming": round(r.incoming, 4),
            "blocked_orders": list(r.order_nos), "first_need_date": _date(r.first_need)
            if r.first_need else None,
            "clear_date": r.clear_date.isoformat() if r.clear_date else None,
        } for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    zh = language() == "zh"
    if not rows:
        print("没有缺料:所有未结订单齐套" if zh else "no shortages: every open order is kitted")
        return 0
    head = (("物料", "名称", "缺料数量", "单位", "阻塞订单", "预计解除") if zh else
            ("SKU", "name", "short", "unit", "blocked orders", "clears on"))
    print("\t".join(head))
    for r in rows:
        orders = ", ".join(r.order_nos[:5]) + (f" (+{r.order_count - 5})"
                                               if r.order_count > 5 else "")
        clear = _date(r.clear_date) if r.clear_date else ("无到货覆盖" if zh else "not covered")
        print("\t".join((r.sku, r.name, _qty(r.shortage), r.unit,
                         f"{r.order_count}: {orders}", clear)))
    return 0


def _order_id(desk, number: str) -> str:  # type: ignore[no-untyped-def]
    from orderdesk.cli import CommandError
    from orderdesk.messages import describe
    from orderdesk.services.board import find_order_id

    oid = find_order_id(desk, number)
    if oid is None:
        raise CommandError(describe("not_found", entity="order", key=number))
    return oid


def cmd_rush_request(args: argparse.Namespace) -> int:
    from orderdesk.pmc.green_channel import request_rush

    desk = open_desk(args.db)
    case = request_rush(desk, _order_id(desk, args.order), args.reason)
    print(f"{case.order_no}: green channel ({case.source})")
    return 0


def cmd_rush_confirm(args: argparse.Namespace) -> int:
    from orderdesk.pmc.green_channel import confirm_step

    desk = open_desk(args.db)
    case = confirm_step(desk, _order_id(desk, args.order), args.step)
    done = sum(1 for s in case.steps if s.done_at)
    print(f"{case.order_no}: {args.step} confirmed ({done}/{len(case.steps)} steps)")
    return 0


def cmd_rush_escalate(args: argparse.Namespace) -> int:
    from orderdesk.pmc.green_channel import due_escalations

    desk = open_desk(args.db)
    found = due_escalations(desk)
    for n in found:
        print(f"{n.order_no}\t{n.step}\t{n.department_lead}\t{n.overdue_minutes} min")
    print(f"{len(found)} escalation(s)")
    return 0


def cmd_rush_send(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError

    try:
        from orderdesk.sync.webhooks import WebhookSender
    except ImportError as exc:
        raise CommandError(f"webhook sender not installed: {exc}") from exc
    desk = open_desk(args.db)
    report = WebhookSender(desk).send_due()
    print(f"{report.sent} sent, {report.failed} failed (retried later)")
    for error in report.errors:
        print(f"  {error}")
    return 0 if not report.failed else 1


def cmd_rush_evaluate(args: argparse.Namespace) -> int:
    from orderdesk.pmc.green_channel import evaluate_rules

    desk = open_desk(args.db)
    added = evaluate_rules(desk)
    print(f"{len(added)} order(s) entered the green channel")
    return 0


def cmd_rush_list(args: argparse.Namespace) -> int:
    from orderdesk.pmc.green_channel import list_cases

    desk = open_desk(args.db)
    cases = list_cases(desk)
    if args.json:
        json.dump([{
            "order_no": c.order_no, "source": c.source, "reason": c.reason,
            "started_at": c.started_at.isoformat(),
            "steps": [{"step": s.step, "due_at": s.due_at.isoformat() if s.due_at else None,
                       "done_at": s.done_at.isoformat() if s.done_at else None,
                       "escalated": s.escalated} for s in c.steps],
        } for c in cases], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for c in cases:
        steps = " ".join(f"{s.step}:{'ok' if s.done_at else ('LATE' if s.escalated else '..')}"
                         for s in c.steps)
        print(f"{c.order_no}\t{c.customer_name or '-'}\t{steps}")
    return 0
