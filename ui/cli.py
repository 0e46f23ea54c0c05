"""`orderdesk app`: open the desktop station. Qt is imported only when the command runs."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("app", help="open the desktop station")
    p.add_argument("--db", metavar="PATH", help="station database file (SQLite) or URL")
    p.add_argument("--server", metavar="URL", help="central server to sync with")
    p.add_argument("--station", metavar="NAME", help="station name (default: from settings)")
    p.add_argument("--lang", choices=("zh", "en"), help="UI language (default: from settings, zh)")
    p.add_argument("--self-test", action="store_true",
                   help="open the main window offscreen-capable, check it, exit 0 if it works")
    p.set_defaults(handler=cmd_app)


def cmd_app(args: argparse.Namespace) -> int:
    return run_app(db=args.db, server=args.server, self_test=args.self_test,
                   station=args.station, lang=args.lang)


def _fail(message: str, code: int = 2) -> int:
    print(f"orderdesk: {message}", file=sys.stderr)
    return code


def run_app(db: str | None, server: str | None, self_test: bool, demo_login: bool = False,
            *, station: str | None = None, lang: str | None = None) -> int:
    """Run the desktop station until the user quits; returns the process exit code."""
    from orderdesk.messages import describe

    if self_test:
        # A self-test proves the bundle works on build and CI machines with no screen.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return _self_test(db, lang)
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        # Without this Qt aborts with a message about platform plugins nobody can act on.
        return _fail("没有可用的显示器(DISPLAY 未设置):请在桌面会话中启动 orderdesk app / "
                     "no display available (DISPLAY is not set): start orderdesk app from a "
                     "desktop session")
    if not db:
        return _fail(describe("file_missing", path="--db"))
    if "://" not in db and not Path(db).is_file():
        return _fail(describe("file_missing", path=db))

    from orderdesk.desk import Desk
    from orderdesk.errors import OrderdeskError
    from orderdesk.ui import i18n
    from orderdesk.ui.app import StationShell, make_application
    from orderdesk.ui.context import AppContext, StationSettings

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    app = make_application()
    # Between the sign-in dialog closing and the main window opening no window is shown;
    # the shell decides when the app ends (quit_requested), not "last window closed".
    app.setQuitOnLastWindowClosed(False)
    settings = StationSettings.load()
    i18n.set_language(lang or settings.language)
    station_name = station or settings.station_name or os.environ.get("ORDERDESK_STATION") \
        or _default_station()
    try:
        desk = Desk(db, station=station_name)
    except OrderdeskError as exc:
        from orderdesk.ui.errors import describe_error

        text = describe_error(exc)
        _show_fatal(text)
        return _fail(text)
    ctx = AppContext(desk, settings=settings, server_url=server)
    demo_users: tuple[str, ...] = ()
    demo_password = ""
    if demo_login:
        from orderdesk.demo import DEMO_PASSWORD, DEMO_USERS

        demo_users = tuple(u for u, _, _ in DEMO_USERS)
        demo_password = DEMO_PASSWORD
    shell = StationShell(ctx, demo_users=demo_users, demo_password=demo_password,
                         username="boss" if demo_login else "")
    shell.quit_requested.connect(app.quit)
    shell.start()
    code = app.exec()
    ctx.tasks.shutdown()
    desk.close()
    return int(code)


def _default_station() -> str:
    import socket

    return socket.gethostname().split(".")[0][:60] or "station"


def _show_fatal(text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "orderdesk", text)


def _self_test(db: str | None, lang: str | None) -> int:
    """Open the main window as an in-memory supervisor session (no account, no password,
    nothing written but the migration), check every page was built, exit."""
    from orderdesk.desk import Desk, UserInfo
    from orderdesk.ui import i18n
    from orderdesk.ui.app import make_application
    from orderdesk.ui.context import AppContext, StationSettings
    from orderdesk.ui.main_window import MainWindow
    from orderdesk.ui.placeholder import PageErrorPage

    app = make_application()
    i18n.set_language(lang or "zh")
    tmp = None
    if not db:
        tmp = tempfile.TemporaryDirectory(prefix="orderdesk-selftest-")
        db = str(Path(tmp.name) / "self-test.db")
    elif "://" not in db and not Path(db).is_file():
        return _fail(f"self-test database not found: {db}")
    desk = Desk(db, station="self-test")
    user = UserInfo(id="self-test", username="self-test", display_name="Self test",
                    roles=("supervisor", "sysadmin", "auditor"))
    desk.sign_in(user)
    ctx = AppContext(desk, settings=StationSettings(station_name="self-test"))
    window = MainWindow(ctx, user)
    window.show()
    app.processEvents()
    ctx.tasks.wait_idle(10000)
    app.processEvents()
    # Wall-clock time the window was up with its first data (read by the cold-start bench).
    print(f"self-test: window ready at {time.time():.3f} (cpu {time.process_time():.3f} s)",
          flush=True)
    for key in window.page_keys:  # now build every page the roles allow, and check them
        window.show_page(key)
        app.processEvents()
    ctx.tasks.wait_idle(30000)
    broken = [key for key, page in window.pages.items() if isinstance(page, PageErrorPage)]
    ok = window.isVisible() and bool(window.pages) and not broken
    print(f"self-test: {'ok' if ok else 'FAILED'}: {len(window.pages)} pages"
          + (f", broken: {', '.join(broken)}" if broken else ""))
    window.close()
    ctx.tasks.shutdown()
    desk.close()
    if tmp is not None:
        tmp.cleanup()
    return 0 if ok else 1
