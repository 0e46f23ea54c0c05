"""`orderdesk labels` (batch label PDF), `orderdesk batch-add` (register production
batches, optionally printing their labels) and `orderdesk scan` (bind codes to an order)."""

from __future__ import annotations

import argparse
from pathlib import Path

from orderdesk.cli.common import add_db_argument, open_desk


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "labels", help="batch labels (GS1-128 + QR) of an order's bound batches as PDF")
    p.add_argument("order_no", metavar="ORDER_NO",
                   help="order number, pick ticket code (ODO:...) or channel number")
    add_db_argument(p)
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="PDF file to write")
    p.add_argument("--batch", action="append", default=[], metavar="CODE",
                   help="print these batch codes instead of the order's bound batches")
    p.add_argument("--size", default="100x60", metavar="WxH",
                   help="label size in millimetres (default 100x60)")
    p.set_defaults(handler=cmd_labels)

    p = subparsers.add_parser(
        "batch-add", help="register production batches (cartons/pallets) and print their labels")
    add_db_argument(p)
    p.add_argument("--sku", required=True, help="product code")
    p.add_argument("--quantity", required=True, help="quantity in each batch")
    p.add_argument("--count", type=int, default=1, help="how many such batches (default 1)")
    p.add_argument("--lot", help="production lot (default: the batch code)")
    p.add_argument("--production-date", metavar="YYYY-MM-DD")
    p.add_argument("--expiry", metavar="YYYY-MM-DD")
    p.add_argument("--labels", metavar="FILE.pdf", help="also write their labels to this PDF")
    p.add_argument("--size", default="100x60", metavar="WxH", help="label size in mm")
    p.set_defaults(handler=cmd_batch_add)

    p = subparsers.add_parser(
        "scan", help="scan codes for an order as a warehouse station would (script/test aid)")
    add_db_argument(p)
    p.add_argument("--order", metavar="ORDER_NO", default=None,
                   help="order to bind to (a pick ticket code among the codes works too)")
    p.add_argument("codes", nargs="+", metavar="CODE",
                   help="scanned codes; '<GS>' or '\\x1d' stand for the GS1 separator")
    p.set_defaults(handler=cmd_scan)


def _date(text: str):  # type: ignore[no-untyped-def]
    import datetime as dt

    from orderdesk.cli import CommandError

    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def cmd_batch_add(args: argparse.Namespace) -> int:
    from orderdesk.warehouse import binding, labels

    desk = open_desk(args.db)
    try:
        made = [binding.register_batch(
            desk, args.sku, args.quantity, lot=args.lot,
            production_date=_date(args.production_date) if args.production_date else None,
            expiry_date=_date(args.expiry) if args.expiry else None)
            for _ in range(args.count)]
        for batch in made:
            print(f"{batch.code}\t{batch.sku}\t{binding.format_qty(batch.quantity)}\t"
                  f"lot {batch.lot or '-'}")
        if args.labels:
            labels.write_labels(made, Path(args.labels), size=_size(args.size))
            print(f"{len(made)} label(s) written to {args.labels}")
    finally:
        desk.close()
    return 0


def _size(text: str):  # type: ignore[no-untyped-def]
    from orderdesk.cli import CommandError
    from orderdesk.warehouse.labels import LabelSize

    try:
        w, h = (float(part) for part in text.lower().split("x"))
    except ValueError as exc:
        raise CommandError(f"--size: expected WxH in millimetres, got {text!r}") from exc
    if not (20 <= w <= 300 and 15 <= h <= 300):
        raise CommandError(f"--size: {text} mm is not a label size (20–300 × 15–300 mm)")
    return LabelSize(w, h)


def cmd_labels(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.warehouse import binding, labels

    size = _size(args.size)
    desk = open_desk(args.db)
    try:
        if args.batch:
            batches = [binding.get_batch(desk, code) for code in args.batch]
        else:
            view = binding.open_pick(desk, args.order_no)
            batches = binding.batches_for_order(desk, view.order_id)
            if not batches:
                raise CommandError(f"order {view.order_no} has no bound batches; "
                                   "use --batch CODE to print labels of given batches", 3)
        out = Path(args.out)
        if not out.parent.exists():
            raise CommandError(f"folder does not exist: {out.parent}")
        count = labels.write_labels(batches, out, size=size)
    finally:
        desk.close()
    print(f"{count} label(s) written to {out}")
    return 0


def cmd_scan(args: argparse.Namespace) -> int:
    """Exit 0 when every code was accepted, 1 when any was refused."""
    from orderdesk.messages import describe
    from orderdesk.warehouse import binding

    desk = open_desk(args.db)
    refused = 0
    try:
        order_id = None
        if args.order:
            order_id = binding.open_pick(desk, args.order).order_id
        codes = [c.replace("<GS>", "\x1d").replace("\\x1d", "\x1d") for c in args.codes]
        for outcome in binding.scan_many(desk, order_id, codes):
            mark = "OK " if outcome.accepted else "NO "
            line = f"{mark}{outcome.code.visible}: {binding.describe_outcome(outcome)}"
            if outcome.pick is not None and outcome.kind == "bound":
                progress = ", ".join(f"{ln.line_no}:{binding.format_qty(ln.bound)}/"
                                     f"{binding.format_qty(ln.required)}"
                                     for ln in outcome.pick.lines)
                line += f"  [{progress}]"
            print(line)
            refused += not outcome.accepted
    finally:
        desk.close()
    if refused:
        print(describe("scan.summary_refused", count=refused))
    return 1 if refused else 0
