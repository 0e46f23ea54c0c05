"""`orderdesk certificate`, `orderdesk verify` and `orderdesk keys`.

certificate ORDER_NO --db PATH --out FILE.pdf
    issues the certificates still missing for the order's bound batches and writes all
    its certificates in force into one PDF.
verify QR_TEXT [--db PATH]
    prints valid / revoked / invalid (tampered or unknown, with the reason); exit code 0
    only when valid, 1 when not, 2 on errors (missing database...).
keys init|list|retire
    signing keys (see orderdesk.certificates.signing for the rule).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from orderdesk.cli.common import DEFAULT_DB, add_db_argument, open_desk
from orderdesk.messages import describe, language

VERDICT_TEXT = {
    "valid": ("有效", "valid"),
    "revoked": ("已作废", "revoked"),
    "tampered": ("无效:已被篡改", "invalid: tampered"),
    "unknown": ("无效:无法确认", "invalid: unknown"),
}
REASON_TEXT = {
    "ok": ("签名正确,证书有效", "signature correct, certificate in force"),
    "not_a_certificate": ("不是 orderdesk 证书二维码", "not an orderdesk certificate code"),
    "untrusted_key": ("签名密钥不在信任列表中", "signed by a key that is not trusted"),
    "bad_signature": ("签名与内容不符", "signature does not match the content"),
    "number_mismatch": ("链接中的证书编号与签名内容不符",
                        "certificate number in the link differs from the signed one"),
    "key_retired": ("签名密钥已停用", "signing key was retired"),
    "not_on_record": ("签名正确,但本机没有该证书记录(请同步后重试)",
                      "signature genuine, but this database has no record of it (sync first)"),
    "record_mismatch": ("与证书记录不一致", "differs from the certificate on record"),
    "revoked": ("证书已被撤销", "certificate was revoked"),
    "superseded": ("证书已被新证书替代", "certificate was replaced by a new one"),
}


def _t(table: dict[str, tuple[str, str]], key: str) -> str:
    zh, en = table.get(key, (key, key))
    return en if language() == "en" else zh


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("certificate",
                              help="certificates of conformity of an order's bound batches as PDF")
    p.add_argument("order_no", metavar="ORDER_NO", help="order number (or channel number / PO)")
    add_db_argument(p)
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="PDF file to write")
    p.add_argument("--inspector", default=None, help="inspector name on new certificates")
    p.set_defaults(handler=cmd_certificate)

    p = subparsers.add_parser("verify", help="check a certificate's QR text; exit 0 only if valid")
    p.add_argument("qr_text", metavar="QR_TEXT", help="the decoded QR content (the link)")
    p.add_argument("--db", default=None, metavar="PATH",
                   help=f"database with the trusted keys and records (default {DEFAULT_DB})")
    p.set_defaults(handler=cmd_verify)

    p = subparsers.add_parser("quality-demo",
                              help="add quality demo data (material lots, a template, batches "
                                   "bound to ready/shipped orders) to a demo database")
    add_db_argument(p)
    p.add_argument("--orders", type=int, default=40, help="orders to bind batches to")
    p.set_defaults(handler=cmd_quality_demo)

    p = subparsers.add_parser("keys", help="certificate signing keys")
    sub = p.add_subparsers(dest="keys_command", metavar="ACTION")
    sub.required = True
    init = sub.add_parser("init", help="make a signing key and trust it in this database")
    add_db_argument(init)
    init.add_argument("--server", action="store_true",
                      help="the central server's key (else this station's own key)")
    init.add_argument("--out", metavar="FILE.pem",
                      help="where to write the private key (default: the keys folder)")
    init.set_defaults(handler=cmd_keys_init)
    ls = sub.add_parser("list", help="trusted keys")
    add_db_argument(ls)
    ls.set_defaults(handler=cmd_keys_list)
    retire = sub.add_parser("retire", help="stop trusting a key for certificates issued later")
    add_db_argument(retire)
    retire.add_argument("key_id")
    retire.set_defaults(handler=cmd_keys_retire)
    pending = sub.add_parser("pending", help="station keys proposed by quality, waiting for "
                                             "a system admin's approval")
    add_db_argument(pending)
    pending.set_defaults(handler=cmd_keys_pending)
    approve = sub.add_parser("approve", help="trust a proposed station key everywhere "
                                             "(system admin; on the server's database)")
    add_db_argument(approve)
    approve.add_argument("key_id")
    approve.set_defaults(handler=cmd_keys_approve)


def cmd_certificate(args: argparse.Namespace) -> int:
    from orderdesk.certificates import service
    from orderdesk.cli import CommandError
    from orderdesk.services.board import find_order_id

    desk = open_desk(args.db)
    try:
        order_id = find_order_id(desk, args.order_no)
        if order_id is None:
            raise CommandError(_t({"x": (f"找不到订单 {args.order_no}",
                                         f"order {args.order_no} not found")}, "x"))
        try:
            result = service.issue_for_order(desk, order_id, inspector=args.inspector)
        except service.CertificateStateError as exc:
            if exc.facts.get("state") == "order_cancelled":
                raise CommandError(describe("order_cancelled", order=args.order_no), 1) from exc
            if exc.facts.get("state") == "no_bound_batches":
                raise CommandError(_t({"x": (f"订单 {args.order_no} 还没有绑定批次,无法出具合格证",
                                             f"order {args.order_no} has no bound batches yet")},
                                      "x"), 1) from exc
            raise
        out = Path(args.out)
        if out.exists() and out.is_dir():
            raise CommandError(f"{out}: is a folder")
        certs = [c.id for c in result.certificates]
        report = service.render_certificates(desk, certs, out)
        service.record_output(desk, certs, action="export", target=str(out))
    finally:
        desk.close()
    print(f"{out}: {report.certificates} certificates, {report.pages} pages "
          f"({result.created} new, {result.already_issued} already issued)")
    for c in result.certificates:
        print(f"  {c.number}  {c.batch_code}  {c.sku}  {c.quantity.normalize():f} {c.unit}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from orderdesk.certificates.verify import verify_qr

    desk = open_desk(args.db or DEFAULT_DB)
    try:
        verdict = verify_qr(desk, args.qr_text)
    finally:
        desk.close()
    status = _t(VERDICT_TEXT, verdict.status)
    print(f"{verdict.status}\t{status}\t{verdict.cert_no or '-'}\t{_t(REASON_TEXT, verdict.reason)}")
    if verdict.status == "revoked" and (verdict.revoked_reason or verdict.superseded_by):
        extra = verdict.revoked_reason or ""
        if verdict.superseded_by:
            extra += f" → {verdict.superseded_by}"
        print(f"  {extra.strip()}")
    if verdict.trace is not None:
        t = verdict.trace
        print(f"  {t.order_no} {t.customer_name} PO {t.customer_po or '-'} | {t.sku} "
              f"{t.product_name} | {t.batch_code} | "
              + ", ".join(m.code for m in t.materials))
    return 0 if verdict.valid else 1


def cmd_quality_demo(args: argparse.Namespace) -> int:
    from orderdesk.certificates.sample import seed_demo

    desk = open_desk(args.db)
    try:
        report = seed_demo(desk, orders=args.orders)
    finally:
        desk.close()
    if report.skipped:
        print(f"{args.db}: already holds quality demo data")
    else:
        print(f"{args.db}: {report.batches} batches bound to {report.orders} orders, "
              "3 material lots, default certificate template")
    return 0


def cmd_keys_init(args: argparse.Namespace) -> int:
    from orderdesk.certificates import service, signing

    desk = open_desk(args.db, must_exist=False)
    try:
        if args.out:
            out = Path(args.out)
            key = signing.generate_key(out.parent)
            if key.path != out:
                os.replace(key.path, out)
                key = signing.load_key(out)
        else:
            key = signing.generate_key()
        with desk.write() as s:
            service.register_key(s, key, kind="server" if args.server else "station",
                                 station=None if args.server else desk.station)
    finally:
        desk.close()
    print(f"key {key.key_id} ({'server' if args.server else 'station'}) written to {key.path}")
    if args.server:
        print(f"set ORDERDESK_SIGNING_KEY={key.path} for the server process")
    return 0


def cmd_keys_list(args: argparse.Namespace) -> int:
    from orderdesk.certificates import service, signing

    desk = open_desk(args.db)
    try:
        with desk.read() as s:
            keys = signing.parse_trusted(service.trusted_keys(s))
    finally:
        desk.close()
    local = {k.key_id for k in signing.local_keys()}
    for k in keys.values():
        flags = (" retired " + k.retired_at) if k.retired_at else ""
        mine = " (private key here)" if k.key_id in local else ""
        print(f"{k.key_id}  {k.kind:<7} {k.station or '-':<12} added {k.added_at}{flags}{mine}")
    return 0


def cmd_keys_pending(args: argparse.Namespace) -> int:
    from orderdesk.services import trust_keys

    desk = open_desk(args.db)
    try:
        rows = trust_keys.list_keys(desk, pending_only=True)
    finally:
        desk.close()
    if not rows:
        print("no keys waiting for approval / 没有待批准的密钥")
    for r in rows:
        print(f"{r.key_id}  station {r.station or '-':<12} proposed {r.added_at}")
    return 0


def cmd_keys_approve(args: argparse.Namespace) -> int:
    from orderdesk.services import trust_keys

    desk = open_desk(args.db)
    try:
        trust_keys.approve_key(desk, args.key_id)
    finally:
        desk.close()
    print(f"key {args.key_id} approved / 已批准")
    return 0


def cmd_keys_retire(args: argparse.Namespace) -> int:
    from orderdesk.certificates import service
    from orderdesk.cli import CommandError

    desk = open_desk(args.db)
    try:
        with desk.write() as s:
            if not service.retire_key(s, args.key_id):
                raise CommandError(f"key {args.key_id} is not in the trusted list")
    finally:
        desk.close()
    print(f"key {args.key_id} retired")
    return 0
