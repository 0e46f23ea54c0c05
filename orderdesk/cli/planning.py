"""`orderdesk capacity`, `orderdesk supply-risk`, `orderdesk machines import`,
`orderdesk shipments import`: PMC's look ahead at machine load and imported materials."""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    from orderdesk.cli.common import add_db_argument

    p = subparsers.add_parser(
        "capacity", help="machine load per bucket over the next hours, OEE, machines over "
                         "the red threshold and their approved alternatives")
    add_db_argument(p)
    p.add_argument("--hours", type=int, default=None,
                   help="horizon in hours (default: the planning setting, 72)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(handler=cmd_capacity)

    p = subparsers.add_parser(
        "supply-risk", help="open alerts on imported materials held at customs over the "
                            "lane's median, with the orders they put at risk and proposed "
                            "dates (nothing is changed)")
    add_db_argument(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(handler=cmd_supply_risk)

    p = subparsers.add_parser("machines", help="machines, shift calendars, downtime, "
                                               "routings, work orders, machine logs")
    sub = p.add_subparsers(dest="machines_command", metavar="ACTION")
    sub.required = True
    imp = sub.add_parser("import", help="import a machines workbook (.xlsx/.xls) or a CSV "
                                        "of one kind (e.g. an MES export of machine logs); "
                                        "all or nothing")
    imp.add_argument("file")
    add_db_argument(imp)
    imp.set_defaults(handler=cmd_machines_import)

    p = subparsers.add_parser("shipments", help="inbound shipments of imported materials")
    sub = p.add_subparsers(dest="shipments_command", metavar="ACTION")
    sub.required = True
    imp = sub.add_parser("import", help="import the customs broker's sheet (.xlsx/.xls/.csv); "
                                        "all or nothing; updates by reference")
    imp.add_argument("file")
    add_db_argument(imp)
    imp.set_defaults(handler=cmd_shipments_import)


def _zh() -> bool:
    from orderdesk.messages import language

    return language() == "zh"


def _pct(v: float | None) -> str:
    return "∞" if v is None else f"{v:.0f}%"


def cmd_capacity(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.cli.common import open_desk
    from orderdesk.errors import ValidationFailed
    from orderdesk.messages import describe
    from orderdesk.planning.capacity import capacity_plan

    desk = open_desk(args.db)
    try:
        plan = capacity_plan(desk, hours=args.hours)
    except ValidationFailed as exc:
        raise CommandError(describe(exc), 2) from None
    if args.json:
        json.dump(plan.as_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    zh = _zh()
    basis = (("有效产能 = 可用工时 × 预期OEE" if zh else "effective capacity = available hours × expected OEE")
             if plan.load_basis == "effective" else ("可用工时" if zh else "available hours"))
    print((f"{plan.horizon_hours} 小时负荷(计划工时 ÷ {basis}),红线 > {plan.red_above:g}%"
           if zh else f"load over {plan.horizon_hours} h (planned hours ÷ {basis}), "
                      f"red over {plan.red_above:g}%"))
    for m in plan.machines:
        o = m.oee
        oee_text = ("-" if o.value is None else
                    f"OEE {o.value:.1%} (A {o.availability:.1%} × P {o.performance:.1%} × "
                    f"Q {o.quality:.1%}, {o.period_start}..{o.period_end}, {o.shifts} shifts)")
        mark = "RED " if m.over_threshold else "    "
        print(f"{mark}{m.code:<12} peak {_pct(m.peak_load):>6}  {oee_text}")
        for a in m.alternatives:
            print(f"      -> {a.machine_code} ({a.wo_no}): {_pct(a.resulting_load)}"
                  f"{'' if a.fits else ' (over threshold)'}"
                  f"{'' if a.late_days is None else f', {a.late_days:+d} d vs due'}")
        if m.over_threshold and m.no_alternative_reason:
            print(f"      -> {m.no_alternative_reason}")
    return 0


def cmd_supply_risk(args: argparse.Namespace) -> int:
    from orderdesk.cli.common import open_desk
    from orderdesk.planning.reschedule import risk_overview

    desk = open_desk(args.db)
    report = risk_overview(desk)          # one clock, one load for alerts and proposals
    proposals = list(report.proposals)
    if args.json:
        out = {"alerts": [p.as_dict() for p in proposals],
               "flagged": [{"shipment": f.reference, "material": f.material_sku,
                            "lane": {"port": f.lane[0], "customs_office": f.lane[1],
                                     "broker": f.lane[2]},
                            "elapsed_hours": None if f.elapsed_hours is None
                            else round(f.elapsed_hours, 1),
                            "flags": list(f.flags)} for f in report.flagged],
               "open_shipments": report.open_shipments}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    zh = _zh()
    if not proposals:
        print("没有超时的进口清关" if zh else "no imported material over its clearance threshold")
    for p in proposals:
        a = p.alert
        print(f"{a.reference} {a.material_sku} {a.port}/{a.customs_office}/{a.broker}: {a.text()}")
        for c in p.orders:
            print(f"   {c.order_no}  {c.due_date or '-'} -> {c.proposed_date}"
                  f"  ({c.machine_code or '-'})")
    for f in report.flagged:
        print(f"[{', '.join(f.flags)}] {f.reference} {f.material_sku}")
    return 0


def _import_error(exc) -> str:  # type: ignore[no-untyped-def]
    from orderdesk.messages import describe

    lines = [describe(exc)]
    lines += [f"  {p}" for p in exc.facts.get("problems", [])[:50]]
    return "\n".join(lines)


def cmd_machines_import(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.cli.common import open_desk
    from orderdesk.planning.errors import PlanningFileInvalid
    from orderdesk.planning.setup import import_machines

    desk = open_desk(args.db)
    try:
        report = import_machines(desk, args.file)
    except PlanningFileInvalid as exc:
        raise CommandError(_import_error(exc), 2) from None
    for kind, created, updated in report.counts:
        print(f"{kind}: {created} new, {updated} updated")
    return 0


def cmd_shipments_import(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.cli.common import open_desk
    from orderdesk.planning.customs import import_shipments
    from orderdesk.planning.errors import PlanningFileInvalid

    desk = open_desk(args.db)
    try:
        report = import_shipments(desk, args.file)
    except PlanningFileInvalid as exc:
        raise CommandError(_import_error(exc), 2) from None
    print(f"shipments: {report.created} new, {report.updated} updated")
    return 0
