"""`orderdesk serve`, `orderdesk sync` and `orderdesk station` (HTTP libraries load only
inside the handlers, so `orderdesk init` never imports them)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("serve", help="run the central server (FastAPI on uvicorn); "
                                            "'serve prune' trims its change log")
    p.add_argument("--db-url", help="server database: postgresql://... or sqlite:///server.db")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8750)
    p.add_argument("--tls-cert", help="TLS certificate file (PEM); with --tls-key")
    p.add_argument("--tls-key", help="TLS private key file (PEM)")
    p.add_argument("--workers", type=int, default=1,
                   help="worker processes (PostgreSQL; SQLite is served by one)")
    p.add_argument("--log-level", default="warning")
    p.set_defaults(handler=cmd_serve)
    serve_sub = p.add_subparsers(dest="serve_command", metavar="ACTION")
    serve_sub.required = False  # plain `orderdesk serve --db-url ...` runs the server
    prune = serve_sub.add_parser(
        "prune", help="delete change-log rows every station has pulled and older than "
                      "--keep-days (never the audit trail)")
    prune.add_argument("--db", "--db-url", dest="prune_db", required=True, metavar="URL",
                       help="server database: postgresql://... or sqlite:///server.db")
    prune.add_argument("--keep-days", type=int, default=30, metavar="N",
                       help="keep rows younger than N days (default 30)")
    prune.add_argument("--stale-days", type=int, default=90, metavar="N",
                       help="stations not seen for N days stop holding rows back; they "
                            "download again if they return (default 90)")
    prune.add_argument("--dry-run", action="store_true",
                       help="say what would be deleted, delete nothing")
    prune.set_defaults(handler=cmd_serve_prune)

    p = subparsers.add_parser("sync", help="one push-and-pull round with the server")
    p.add_argument("--db", required=True, metavar="PATH", help="station database file")
    p.add_argument("--server", required=True, metavar="URL", help="server URL")
    p.add_argument("--user", help="user name (else a station key)")
    p.add_argument("--password-file", help="file holding the password (else prompt/stdin)")
    p.add_argument("--station", help="station name (default: the one stored at first sync, "
                                      "else this computer's name, suffixed -2, -3... when "
                                      "another station has it)")
    p.add_argument("--station-key-file", help="file holding this station's key")
    p.add_argument("--ca-file", help="CA bundle to check the server's TLS certificate")
    p.add_argument("--batch", type=int, default=1000, help="changes per push request")
    p.set_defaults(handler=cmd_sync)

    p = subparsers.add_parser("station", help="register a station on the server database")
    sub = p.add_subparsers(dest="station_command", metavar="ACTION")
    sub.required = True
    add = sub.add_parser("add", help="register a station (or renew its key); prints the key once")
    add.add_argument("--db-url", required=True, help="the server's database")
    add.add_argument("name")
    add.add_argument("--key-file", help="write the key to this file instead of printing it")
    add.set_defaults(handler=cmd_station_add)
    ls = sub.add_parser("list", help="list registered stations")
    ls.add_argument("--db-url", required=True)
    ls.set_defaults(handler=cmd_station_list)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from orderdesk.cli import CommandError
    from orderdesk.db import url_for
    try:
        from orderdesk.sync.server.tcp_nodelay import IMPORT_PATH as NODELAY_HTTP
    except ImportError:  # a uvicorn without its h11 protocol module: its own default
        NODELAY_HTTP = "auto"

    if bool(args.tls_cert) != bool(args.tls_key):
        raise CommandError("--tls-cert and --tls-key go together / 证书与私钥需同时提供")
    for path in (args.tls_cert, args.tls_key):
        if path and not Path(path).is_file():
            raise CommandError(f"file not found / 文件不存在: {path}")
    if not args.db_url:
        raise CommandError("--db-url is required / 需要 --db-url")
    url = url_for(args.db_url)
    ssl = {"ssl_certfile": args.tls_cert, "ssl_keyfile": args.tls_key} if args.tls_cert else {}
    if args.workers > 1:
        if url.startswith("sqlite"):
            raise CommandError("several workers need PostgreSQL / 多进程需使用 PostgreSQL")
        from orderdesk.sync.server.deskserver import ServerDesk

        ServerDesk(url).close()  # migrate once, before the workers start
        os.environ["ORDERDESK_SERVER_DB"] = url
        uvicorn.run("orderdesk.sync.server.app:app_from_env", factory=True, host=args.host,
                    port=args.port, workers=args.workers, log_level=args.log_level,
                    http=NODELAY_HTTP, **ssl)
        return 0
    from orderdesk.sync.server.app import create_app

    app = create_app(url)
    scheme = "https" if ssl else "http"
    print(f"orderdesk server on {scheme}://{args.host}:{args.port} (database {_safe_url(url)})",
          flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                http=NODELAY_HTTP, **ssl)
    return 0


def cmd_serve_prune(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.db import url_for
    from orderdesk.sync.server import store
    from orderdesk.sync.server.deskserver import ServerDesk
    from orderdesk.tracking import Actor, add_audit

    if args.keep_days < 0:
        raise CommandError("--keep-days must be 0 or more / --keep-days 不能为负数")
    if args.stale_days < 1:
        raise CommandError("--stale-days must be 1 or more / --stale-days 至少为 1")
    desk = ServerDesk(url_for(args.prune_db))
    who = Actor(user=os.environ.get("USER", "cli"), station="cli")
    try:
        with desk.write(who) as s:
            result = store.prune(s, keep_days=args.keep_days, dry_run=args.dry_run,
                                 stale_days=args.stale_days)
            if not args.dry_run and result.deleted:
                add_audit(s, action="prune_change_log", entity="sync_change_log",
                          field="seq", old=result.pruned_before, new=result.cut)
    finally:
        desk.close()
    if result.lowest_cursor is None:
        print(f"no active station seen in {args.stale_days} days: nothing pruned / "
              f"{args.stale_days} 天内没有启用的工作站同步过,未清理")
        return 0
    verb = "would delete" if args.dry_run else "deleted"
    print(f"change log up to seq {result.cut}: {verb} {result.deleted} rows (lowest "
          f"cursor {result.lowest_cursor} of {result.stations} active stations seen in "
          f"{args.stale_days} days; rows older than {args.keep_days} days only)", flush=True)
    return 0


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _read_secret(path: str | None, prompt: str) -> str:
    from orderdesk.cli.basic import _read_password

    return _read_password(path, prompt)


NAME_TRIES = 50


def default_station_name() -> str:
    """This computer's host name as a station name (letters, digits, . _ - only)."""
    import re
    import socket

    host = socket.gethostname().split(".")[0] or "station"
    return (re.sub(r"[^\w.\-]+", "-", host).strip("-") or "station")[:50]


def cmd_sync(args: argparse.Namespace) -> int:
    from orderdesk.cli import CommandError
    from orderdesk.cli.common import open_desk
    from orderdesk.sync import station as local
    from orderdesk.sync.client import Credentials, SyncClient, sync_once

    desk = open_desk(args.db)
    stored = local.read_state(desk).get(local.K_STATION)
    # Without --station and before the first sync: this computer's name, suffixed
    # (-2, -3, ...) when another station database holds it already.
    guessing = not args.station and not stored and not args.station_key_file
    name = args.station or stored or (default_station_name() if guessing else desk.station)
    if args.user:
        creds = Credentials(username=args.user,
                            password=_read_secret(args.password_file, "password: "))
    elif args.station_key_file:
        try:
            key = Path(args.station_key_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise CommandError(f"cannot read {args.station_key_file}: {exc.strerror}") from exc
        creds = Credentials(station_key=key)
    else:
        raise CommandError("give --user (and --password-file) or --station-key-file / "
                           "请提供 --user 或 --station-key-file")
    from orderdesk.sync.client import SyncError

    try:
        for attempt in range(1, NAME_TRIES + 1):
            client = SyncClient(args.server, creds, station=name, verify=args.ca_file or True)
            try:
                report = sync_once(desk, client=client, push_batch=args.batch)
                break
            except SyncError as exc:
                taken = (exc.facts.get("status") == 409
                         and exc.facts.get("path") == "/sync/hello")
                if not (guessing and taken) or attempt == NAME_TRIES:
                    raise
                name = f"{default_station_name()}-{attempt + 1}"
            finally:
                client.close()
    finally:
        desk.close()
    print(report.summary(), flush=True)
    return 0


def cmd_station_add(args: argparse.Namespace) -> int:
    from orderdesk.sync.server import stations
    from orderdesk.sync.server.deskserver import ServerDesk
    from orderdesk.tracking import Actor, add_audit

    desk = ServerDesk(args.db_url)
    try:
        with desk.write(Actor(user=os.environ.get("USER", "cli"), station="cli")) as s:
            row, key = stations.register(s, args.name, os.environ.get("USER", "cli"))
            add_audit(s, action="station_key", entity="sync_stations", entity_id=row.id,
                      field="name", new=row.name)
            number = row.number
    finally:
        desk.close()
    if args.key_file:
        Path(args.key_file).write_text(key + "\n", encoding="utf-8")
        os.chmod(args.key_file, 0o600)
        print(f"station {args.name} (number {number}): key written to {args.key_file}")
    else:
        print(f"station {args.name} (number {number}) key: {key}")
    return 0


def cmd_station_list(args: argparse.Namespace) -> int:
    from orderdesk.sync.server import stations
    from orderdesk.sync.server.deskserver import ServerDesk

    desk = ServerDesk(args.db_url)
    try:
        with desk.read() as s:
            for row in stations.list_stations(s):
                print(f"{row.number}\t{row.name}\tcursor {row.cursor}\t"
                      f"last seen {row.last_seen_at or '-'}\t"
                      f"{'active' if row.active else 'disabled'}")
    finally:
        desk.close()
    return 0
