"""`orderdesk ship`, `orderdesk invoices split`, `orderdesk edi render|partner|send|retry|
cancel`, `orderdesk delivery-note`: shipping, invoicing and EDI for factory IT scripts."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from orderdesk.cli.common import add_db_argument, open_desk


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("ship", help="ship what is bound on these orders as one "
                                           "shipment; prints the shipment number")
    p.add_argument("order_nos", nargs="+", metavar="ORDER_NO")
    add_db_argument(p)
    p.add_argument("--json", action="store_true", help="print the shipment as JSON")
    p.add_argument("--carrier", help="carrier (承运商)")
    p.add_argument("--tracking", help="waybill / tracking number")
    p.add_argument("--packages", type=int, help="number of packages (default: batches)")
    p.add_argument("--date", help="ship date YYYY-MM-DD (default today)")
    p.add_argument("--note", help="text for the delivery note")
    p.add_argument("--delivery-note", metavar="FILE.pdf", help="also write the delivery note")
    p.set_defaults(handler=cmd_ship)

    p = subparsers.add_parser("invoices", help="invoice split by the customer's rules")
    sub = p.add_subparsers(dest="invoices_command", metavar="SUBCOMMAND")
    sub.required = True
    s = sub.add_parser("split", help="the invoices a shipment splits into (issued and "
                                     "proposed); --issue issues the proposed ones")
    s.add_argument("number", metavar="SHIPMENT_OR_ORDER_NO")
    add_db_argument(s)
    s.add_argument("--json", action="store_true")
    s.add_argument("--issue", action="store_true", help="issue the proposed invoices")
    s.set_defaults(handler=cmd_split)
    c = sub.add_parser("cancel", help="cancel an issued invoice with a red-letter credit")
    c.add_argument("invoice_no", metavar="INVOICE_NO")
    add_db_argument(c)
    c.add_argument("--reason", required=True)
    c.set_defaults(handler=cmd_cancel)
    e = sub.add_parser("export", help="tax-system batch import (.xlsx) or finance ledger")
    add_db_argument(e)
    e.add_argument("--out", required=True, metavar="FILE.xlsx")
    e.add_argument("--ledger", action="store_true", help="the ledger instead of the tax file")
    e.set_defaults(handler=cmd_export)

    p = subparsers.add_parser("edi", help="EDIFACT messages to customers")
    sub = p.add_subparsers(dest="edi_command", metavar="SUBCOMMAND")
    sub.required = True
    r = sub.add_parser("render", help="the interchange of an issued invoice (INVOIC) or a "
                                      "shipment (DESADV)")
    r.add_argument("number", metavar="INVOICE_OR_SHIPMENT_NO")
    add_db_argument(r)
    r.add_argument("--out", required=True, metavar="FILE")
    r.add_argument("--profile", help="render with this profile instead of the partner's")
    r.set_defaults(handler=cmd_render)
    pa = sub.add_parser("partner", help="where a customer's messages go")
    pa.add_argument("customer", metavar="CUSTOMER_CODE")
    add_db_argument(pa)
    pa.add_argument("--url", required=True,
                    help="https://... endpoint (POST) or a drop folder (path or file://)")
    pa.add_argument("--profile", help="eancom-d96a (default) or vda4938-d07a")
    pa.add_argument("--sender-id", help="our id as the partner knows us (e.g. GLN)")
    pa.add_argument("--sender-qualifier")
    pa.add_argument("--recipient-id", help="the partner's id (e.g. GLN)")
    pa.add_argument("--recipient-qualifier")
    pa.add_argument("--syntax", help="UNOC (ISO 8859-1, default) or UNOW (UTF-8)")
    pa.add_argument("--association", help="association code, e.g. EAN008")
    pa.add_argument("--inactive", action="store_true", help="stop sending to this partner")
    pa.set_defaults(handler=cmd_partner)
    se = sub.add_parser("send", help="deliver what is pending; exit 0 when nothing is left "
                                     "pending, else list what is pending and why")
    add_db_argument(se)
    se.add_argument("--timeout", type=float, default=30.0, help="seconds per attempt")
    se.add_argument("--json", action="store_true")
    se.add_argument("--lease", type=float, default=None, metavar="SECONDS",
                    help="resend a message another sender claimed this long ago (default 120)")
    se.set_defaults(handler=cmd_send)
    for name, helptext in (("retry", "send a failed message again"),
                           ("cancel", "stop sending a message")):
        x = sub.add_parser(name, help=helptext)
        x.add_argument("control_ref", metavar="CONTROL_REF")
        add_db_argument(x)
        x.add_argument("--reason", required=name == "cancel", default="")
        x.set_defaults(handler=cmd_retry if name == "retry" else cmd_edi_cancel)

    p = subparsers.add_parser("delivery-note", help="a shipment's delivery note as PDF")
    p.add_argument("number", metavar="SHIPMENT_OR_ORDER_NO")
    add_db_argument(p)
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(handler=cmd_delivery_note)


def _fail(exc: Exception) -> None:
    from orderdesk.cli import CommandError
    from orderdesk.finance.errors import describe

    raise CommandError(describe(exc)) from exc  # type: ignore[arg-type]


def cmd_ship(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.errors import OrderdeskError
    from orderdesk.finance import shipping

    day = None
    if args.date:
        try:
            day = dt.date.fromisoformat(args.date)
        except ValueError as exc:
            raise CommandError(f"not a date (YYYY-MM-DD): {args.date!r}") from exc
    desk = open_desk(args.db)
    try:
        result = shipping.ship(desk, args.order_nos, carrier=args.carrier,
                               tracking_no=args.tracking, packages=args.packages,
                               ship_date=day, note=args.note)
    except OrderdeskError as exc:
        _fail(exc)
    sh = result.shipment
    if args.delivery_note:
        from orderdesk.finance import delivery_note

        delivery_note.write(desk, sh.shipment_no, Path(args.delivery_note))
    if args.json:
        print(json.dumps({
            "shipment_no": sh.shipment_no, "customer": sh.customer_code,
            "orders": list(sh.order_nos), "ship_date": sh.ship_date.isoformat(),
            "packages": sh.packages, "carrier": sh.carrier, "edi_queued": list(result.edi_queued),
            "lines": [{"order_no": ln.order_no, "customer_po": ln.customer_po, "sku": ln.sku,
                       "quantity": format(ln.quantity.normalize(), "f"),
                       "batches": list(ln.batches)} for ln in sh.lines],
        }, ensure_ascii=False, indent=2))
    else:
        print(sh.shipment_no)
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    from orderdesk.errors import OrderdeskError
    from orderdesk.finance import invoicing, money

    desk = open_desk(args.db)
    try:
        if args.issue:
            result = invoicing.issue(desk, args.number)
            preview = result.preview
        else:
            preview = invoicing.preview_split(desk, args.number)
    except OrderdeskError as exc:
        _fail(exc)
    if args.json:
        print(json.dumps(invoicing.preview_json(preview), ensure_ascii=False, indent=2))
        return 0
    print(f"{preview.shipment_no}  {preview.customer_code} {preview.customer_name}  "
          f"total {money.text(preview.shipment_total)} (tax {money.text(preview.shipment_tax)})")
    if preview.self_billing:
        print("  self-billing customer: no outbound invoice")
    for inv in preview.invoices:
        print(f"  {inv.invoice_no or '(proposed)':<22} {money.text(inv.gross):>14}  "
              f"tax {money.text(inv.tax):>12}  {len(inv.lines)} lines  by {inv.split_by}")
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    from orderdesk.errors import OrderdeskError
    from orderdesk.finance import invoicing

    desk = open_desk(args.db)
    try:
        credit = invoicing.cancel(desk, args.invoice_no, args.reason)
    except OrderdeskError as exc:
        _fail(exc)
    print(credit.invoice_no)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from orderdesk.finance import exports

    desk = open_desk(args.db)
    out = Path(args.out)
    count = (exports.write_ledger(desk, out) if args.ledger
             else exports.write_tax_import(desk, out))
    print(f"{count} rows -> {out}")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from orderdesk.errors import OrderdeskError
    from orderdesk.finance import edi_outbox

    desk = open_desk(args.db)
    try:
        kind, text = edi_outbox.render(desk, args.number, profile=args.profile)
    except OrderdeskError as exc:
        _fail(exc)
    encoding = "utf-8" if "UNOW" in text[:40] else "latin-1"
    Path(args.out).write_bytes(text.encode(encoding))
    print(f"{kind} -> {args.out}")
    return 0


def cmd_partner(args: argparse.Namespace) -> int:
    from orderdesk.errors import OrderdeskError
    from orderdesk.finance import edi_outbox

    desk = open_desk(args.db)
    try:
        view = edi_outbox.set_partner(
            desk, args.customer, args.url, profile=args.profile, sender_id=args.sender_id,
            recipient_id=args.recipient_id, sender_qualifier=args.sender_qualifier,
            recipient_qualifier=args.recipient_qualifier, syntax=args.syntax,
            association=args.association, active=not args.inactive)
    except OrderdeskError as exc:
        _fail(exc)
    print(f"{view.customer_code}: {view.profile} {view.syntax} "
          f"{view.sender_id}:{view.sender_qualifier or '-'} -> "
          f"{view.recipient_id}:{view.recipient_qualifier or '-'}  {view.url}")
    return 0


def cmd_send(args: argparse.Namespace) -> int:
    from orderdesk.finance import edi_outbox
    from orderdesk.sync.server import edi_sender

    desk = open_desk(args.db)
    kwargs = {"lease_s": args.lease} if args.lease is not None else {}
    report = edi_sender.deliver_pending(desk, timeout=args.timeout, **kwargs)
    left = edi_outbox.pending(desk)
    if args.json:
        print(json.dumps({"delivered": report.delivered, "failed": report.failed,
                          "pending": [{"control_ref": m.control_ref, "kind": m.kind,
                                       "document_no": m.document_no, "state": m.state,
                                       "attempts": m.attempts,
                                       "next_attempt_at": m.next_attempt_at.isoformat()
                                       if m.next_attempt_at else None,
                                       "error": m.last_error} for m in left]},
                         ensure_ascii=False, indent=2))
    else:
        print(f"delivered {report.delivered}, failed {report.failed}, pending {len(left)}")
        for m in left:
            when = f" next {m.next_attempt_at:%Y-%m-%d %H:%M:%S}" if m.next_attempt_at else ""
            print(f"  {m.control_ref} {m.kind} {m.document_no} {m.state} "
                  f"attempts {m.attempts}{when}: {m.last_error or '-'}", file=sys.stdout)
    return 0 if not left else 1


def cmd_retry(args: argparse.Namespace) -> int:
    from orderdesk.errors import OrderdeskError
    from orderdesk.finance import edi_outbox

    try:
        edi_outbox.retry(open_desk(args.db), args.control_ref, args.reason)
    except OrderdeskError as exc:
        _fail(exc)
    return 0


def cmd_edi_cancel(args: argparse.Namespace) -> int:
    from orderdesk.errors import OrderdeskError
    from orderdesk.finance import edi_outbox

    try:
        edi_outbox.cancel(open_desk(args.db), args.control_ref, args.reason)
    except OrderdeskError as exc:
        _fail(exc)
    return 0


def cmd_delivery_note(args: argparse.Namespace) -> int:
    from orderdesk.errors import OrderdeskError
    from orderdesk.finance import delivery_note

    try:
        delivery_note.write(open_desk(args.db), args.number, Path(args.out))
    except OrderdeskError as exc:
        _fail(exc)
    print(args.out)
    return 0
