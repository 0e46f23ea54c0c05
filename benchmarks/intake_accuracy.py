"""Intake accuracy per property: the adversarial message and sheet corpora of
tests/intake_corpus, read by the real parser and importer preview.

Prints one table per corpus, one row per property value: n, exactly right, flagged
(wrong or incomplete, but the user is asked), silently wrong. Targets (issue 10):
messages >= 90% exactly right and 0 silently wrong quantities; sheets 100% of rows and
>= 99.5% of fields right.

    .venv/bin/python benchmarks/intake_accuracy.py [--per-value N] [--show-wrong K]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from intake_corpus import catalog as corpus_catalog  # noqa: E402
from intake_corpus import messages as corpus_messages  # noqa: E402
from intake_corpus import sheets as corpus_sheets  # noqa: E402


def open_desk(folder: Path):  # type: ignore[no-untyped-def]
    from orderdesk.desk import Desk

    desk = Desk(folder / "bench.db", station="bench")
    corpus_catalog.load(desk)
    return desk


def message_flagged(d: dict) -> bool:
    """The user is asked: a question, a low confidence, a line problem or a choice."""
    return bool(d.get("questions")) or (d.get("confidence") is not None and d["confidence"] < 0.8) \
        or any(ln.get("problem") for ln in d["lines"]) or bool(d["candidates"]["lines"]) \
        or (d["kind"] == "order" and not d.get("customer_code"))


def judge_message(case: dict, d: dict) -> tuple[str, bool]:
    """('exact' | 'flagged' | 'wrong', silently wrong quantity?)."""
    exp = case["expect"]
    flagged = message_flagged(d)
    got_lines = sorted((ln["sku"], ln["quantity"]) for ln in d["lines"] if ln["sku"])
    want_lines = sorted((s, q) for s, q in exp["lines"])
    ok = d["kind"] == exp["kind"]
    if exp["kind"] == "order":
        ok = ok and (exp["customer"] == "*" or d.get("customer_code") == exp["customer"])
        ok = ok and got_lines == want_lines if not exp["flag"] else ok and all(
            w in got_lines for w in want_lines)
        ok = ok and bool(d["urgent"]) == bool(exp["urgent"])
        ok = ok and d["due_date"] == exp["due"]      # no due date read where none was written
        if exp["flag"]:
            ok = ok and flagged
    elif exp["kind"] == "change_request":
        ok = ok and (exp["customer"] is None or d.get("customer_code") == exp["customer"])
        if exp["change_number"] is not None:
            vals = {v for v in d["change"].values() if isinstance(v, (int, float))}
            ok = ok and exp["change_number"] in vals
    want = dict(exp["lines"])
    silent_qty = not flagged and any(
        ln["sku"] in want and ln["quantity"] != want[ln["sku"]] for ln in d["lines"])
    if exp["kind"] == "change_request" and exp["change_number"] is not None and not flagged:
        vals = [v for v in d["change"].values() if isinstance(v, (int, float))]
        qty_lines = [ln["quantity"] for ln in d["lines"] if ln["quantity"] is not None]
        silent_qty = silent_qty or any(v != exp["change_number"] for v in vals + qty_lines)
    if ok:
        return "exact", False
    return ("flagged" if flagged else "wrong"), silent_qty


def run_messages(desk, per_value: int, show: int) -> dict:  # type: ignore[no-untyped-def]
    from orderdesk.intake.messages import parse_message

    cases = (corpus_messages.generate(per_value=per_value) + corpus_messages.combo_cases()
             + corpus_messages.hand_cases())
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    wrong = []
    for case in cases:
        p = parse_message(desk, case["text"], now=corpus_messages.NOW,
                          sender_phone=case["sender_phone"])
        d = p.as_dict()
        verdict, silent_qty = judge_message(case, d)
        row = table[(case["prop"], case["value"])]
        row[0] += 1
        row[{"exact": 1, "flagged": 2, "wrong": 3}[verdict]] += 1
        row[4] += silent_qty
        if verdict != "exact":
            wrong.append((verdict, case, d))
    print_table("Messages", table)
    total = [sum(r[i] for r in table.values()) for i in range(5)]
    print(f"\nmessages: {total[0]}  exactly right {100 * total[1] / total[0]:.1f}% (target >= 90%)"
          f"  flagged {total[2]}  silently wrong {total[3]}"
          f"  silently wrong quantities {total[4]} (target 0)")
    for verdict, case, d in [w for w in wrong if w[0] == "wrong"][:show] + \
            [w for w in wrong if w[0] == "flagged"][:show // 2]:
        print(f"  [{verdict}] {case['id']} {case['text']!r}\n      expected {case['expect']}\n"
              f"      got kind={d['kind']} cust={d.get('customer_code')} lines={d['lines']} "
              f"change={d['change']} urgent={d['urgent']} due={d['due_date']} "
              f"q={d.get('questions')} conf={d.get('confidence')}")
    return {"total": total}


def _norm_value(fld: str, v: object) -> object:
    if isinstance(v, Decimal):
        return v.normalize()
    if isinstance(v, dt.datetime):
        return v.date()
    return v


def run_sheets(desk, folder: Path, per_value: int, show: int) -> dict:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from orderdesk.intake import preview_file
    from orderdesk.models import Customer, Product

    with desk.read() as s:
        code_of = dict(s.execute(select(Customer.id, Customer.code)).all())
        sku_of = dict(s.execute(select(Product.id, Product.sku)).all())
    cases = (corpus_sheets.generate(folder / "sheets", per_value=per_value)
             + corpus_sheets.combo_cases(folder / "combo"))
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    fields_total = fields_right = rows_total = rows_read = 0
    notes = []
    for case in cases:
        pv = preview_file(desk, case["path"], now=dt.datetime(2026, 3, 2, 10, 0))
        mapping = pv.mapping
        asks = bool(pv.error) or bool(getattr(mapping, "needs_confirmation", False))
        lines = list(pv.lines)
        exp = case["expect"]
        rows_total += len(exp)
        rows_read += min(len(lines), len(exp))
        wrong_fields = []
        for i, e in enumerate(exp):
            got = lines[i] if i < len(lines) else None
            values = {} if got is None else {
                "customer": code_of.get(got.customer_id), "po": got.customer_po,
                "sku": sku_of.get(got.product_id), "quantity": got.quantity,
                "order_date": got.order_time.date() if got.order_time else None,
                "due_date": got.requested_date, "price": got.unit_price}
            for fld in corpus_sheets.FIELDS:
                fields_total += 1
                if got is not None and _norm_value(fld, values[fld]) == _norm_value(fld, e[fld]):
                    fields_right += 1
                else:
                    wrong_fields.append((i, fld, values.get(fld), e[fld]))
        problems = [p for ln in lines for p in ln.problems]
        flagged = asks or bool(problems) or len(lines) != len(exp)
        row = table[(case["prop"], case["value"])]
        row[0] += 1
        if not wrong_fields and len(lines) == len(exp) and not asks:
            row[1] += 1
        elif flagged:
            row[2] += 1
        else:
            row[3] += 1
        if wrong_fields or len(lines) != len(exp) or asks:
            notes.append((case, pv, wrong_fields, flagged))
    print_table("Sheets (one file per row of the table; 'flagged' = the import asks the user, "
                "whether or not the values were right)", table)
    print(f"\nsheets: {len(cases)}  rows read {rows_read}/{rows_total} "
          f"({100 * rows_read / rows_total:.1f}%, target 100%)  fields right "
          f"{fields_right}/{fields_total} ({100 * fields_right / fields_total:.2f}%, target >= 99.5%)")
    for case, pv, wrong_fields, flagged in notes[:show]:
        m = pv.mapping
        print(f"  [{'flagged' if flagged else 'WRONG'}] {case['id']} lines={len(pv.lines)}/"
              f"{len(case['expect'])} err={pv.error!r}")
        if m is not None:
            print("      mapping", {k: v for k, v in vars(m).items() if not k.startswith('_')})
        for w in wrong_fields[:4]:
            print("      ", w)
        probs = [p for ln in pv.lines for p in ln.problems][:3]
        if probs:
            print("      problems", probs)
    return {"fields": (fields_right, fields_total), "rows": (rows_read, rows_total)}


def print_table(title: str, table: dict) -> None:
    print(f"\n{title}\n{'property':<14} {'value':<22} {'n':>5} {'exact':>6} {'flagged':>8} "
          f"{'silently wrong':>15} {'wrong qty':>10}")
    for (prop, value), (n, exact, flagged, wrong, qty) in table.items():
        print(f"{prop:<14} {value:<22} {n:>5} {exact:>6} {flagged:>8} {wrong:>15} {qty:>10}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-value", type=int, default=24, help="messages per property value")
    ap.add_argument("--sheets-per-value", type=int, default=1)
    ap.add_argument("--show-wrong", type=int, default=12, help="print this many failures")
    ap.add_argument("--only", choices=("messages", "sheets"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        desk = open_desk(Path(tmp))
        try:
            if args.only != "sheets":
                run_messages(desk, args.per_value, args.show_wrong)
            if args.only != "messages":
                run_sheets(desk, Path(tmp), args.sheets_per_value, args.show_wrong)
        finally:
            desk.close()


if __name__ == "__main__":
    main()
