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
    p.add_argument("--screen", metavar="WxH[@SCALE]",
                   help="with --self-test: a virtual screen of this size (e.g. 1366x768, "
                        "1920x1080@150%%); opens every page for every role and every dialog "
                        "they register, exits 1 naming each one that does not fit")
    p.add_argument("--check-language", action="store_true",
                   help="with --self-test --screen: also switch every page and dialog to "
                        "English and back, and fail on text that did not follow")
    p.add_argument("--roles", metavar="ROLE,...",
                   help="with --self-test --screen: only these roles (default: every role)")
    p.set_defaults(handler=cmd_app)


def cmd_app(args: argparse.Namespace) -> int:
    if args.screen or args.check_language:
        if not args.self_test:
            return _fail("--screen and --check-language go with --self-test")
        try:
            screen = parse_screen(args.screen or "1366x768")
        except ValueError as exc:
            return _fail(str(exc))
        return screen_self_test(args.db, screen, language=args.check_language,
                                only_roles=args.roles.split(",") if args.roles else None)
    return run_app(db=args.db, server=args.server, self_test=args.self_test,
                   station=args.station, lang=args.lang)


#: Height the taskbar takes from a Windows desktop (40 px at 100 % and, in logical
#: pixels, at 150 %); the virtual screen's available geometry leaves it out.
TASKBAR_HEIGHT = 40


def parse_screen(text: str) -> tuple[int, int, float]:
    """"1366x768" -> (1366, 768, 1.0); "1920x1080@150%" or "@1.5" -> (1920, 1080, 1.5)."""
    import re

    m = re.fullmatch(r"\s*(\d{3,5})\s*[x×X]\s*(\d{3,5})\s*(?:@\s*(\d+(?:\.\d+)?)\s*(%?))?\s*", text)
    if not m:
        raise ValueError(f"--screen wants WIDTHxHEIGHT[@SCALE], e.g. 1366x768 or "
                         f"1920x1080@150%, not {text!r}")
    scale = float(m.group(3) or 1)
    if m.group(4) or scale >= 10:
        scale /= 100
    if not 0.5 <= scale <= 4:
        raise ValueError(f"--screen scale {scale:g} is not between 50% and 400%")
    return int(m.group(1)), int(m.group(2)), scale


def screen_self_test(db: str | None, screen: tuple[int, int, float], *, language: bool = False,
                     only_roles: list[str] | None = None) -> int:
    """Every page of every role and every dialog they register, on a virtual screen of
    `screen` (width, height, scale): exit 0 if all fit, else 1 with one line each."""
    import json

    width, height, scale = screen
    logical = (round(width / scale), round(height / scale))
    tmp = tempfile.TemporaryDirectory(prefix="orderdesk-selftest-")
    config = Path(tmp.name) / "screen.json"
    # Qt's offscreen platform reads its screens from a JSON file. Sizes are logical
    # pixels (what Qt lays out in at that scale); the taskbar is left out.
    config.write_text(json.dumps({"screens": [{
        "name": f"{width}x{height}@{scale:g}", "x": 0, "y": 0, "width": logical[0],
        "height": logical[1] - TASKBAR_HEIGHT, "logicalDpi": 96, "logicalBaseDpi": 96,
        "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    try:
        return _run_screen_self_test(db, tmp.name, width, height, scale, logical, language,
                                     only_roles)
    finally:
        tmp.cleanup()


def _run_screen_self_test(db, tmp, width, height, scale, logical, language, only_roles) -> int:  # type: ignore[no-untyped-def]
    from orderdesk.desk import Desk
    from orderdesk.ui import i18n
    from orderdesk.ui.app import make_application
    from orderdesk.ui.context import AppContext, StationSettings
    from orderdesk.ui.self_test import SelfTest, quiet_offscreen_warnings, users_by_role

    quiet_offscreen_warnings()
    app = make_application()
    app.setQuitOnLastWindowClosed(False)
    i18n.set_language("zh")
    if not db:
        # Dialogs need something to open on: a small demo factory in a temp file.
        from orderdesk.demo import build_demo

        db = str(Path(tmp) / "self-test.db")
        desk = Desk(db, station="self-test")
        build_demo(desk, orders=300, seed=7)
    elif "://" not in db and not Path(db).is_file():
        return _fail(f"self-test database not found: {db}")
    else:
        desk = Desk(db, station="self-test")
    ctx = AppContext(desk, settings=StationSettings(station_name="self-test", language="zh"))
    geo = app.primaryScreen().availableGeometry()
    print(f"self-test: screen {width}×{height} at {scale:g}× = {logical[0]}×{logical[1]} px, "
          f"available {geo.width()}×{geo.height()} (taskbar {TASKBAR_HEIGHT} px)", flush=True)
    test = SelfTest(ctx, users_by_role(desk), language=language, roles_to_test=only_roles)
    try:
        report = test.run()
    finally:
        ctx.tasks.shutdown()
        desk.close()
    for note in sorted(set(report.notes)):
        print(f"self-test: note: {note}")
    for problem in report.problems:
        print(f"self-test: DOES NOT FIT: {problem}" if "px" in problem.what
              else f"self-test: FAILED: {problem}")
    for key in report.broken_pages:
        print(f"self-test: FAILED: page {key} did not load")
    print(f"self-test: {'ok' if report.ok else 'FAILED'} at {width}×{height}"
          f"{f' @{scale:g}' if scale != 1 else ''}: {report.pages} pages, {report.dialogs} "
          f"dialogs, {len(report.problems)} problems", flush=True)
    return 0 if report.ok else 1


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
    from orderdesk.ui.self_test import not_installed

    # A page whose module is not in this build yet (a station still being written) is
    # not a broken build; one that is there and fails is.
    broken = [key for key, page in window.pages.items()
              if isinstance(page, PageErrorPage) and not not_installed(key)]
    ok = window.isVisible() and bool(window.pages) and not broken
    print(f"self-test: {'ok' if ok else 'FAILED'}: {len(window.pages)} pages"
          + (f", broken: {', '.join(broken)}" if broken else ""))
    window.close()
    ctx.tasks.shutdown()
    desk.close()
    if tmp is not None:
        tmp.cleanup()
    return 0 if ok else 1
