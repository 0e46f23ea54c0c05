#!/usr/bin/env python3
"""Screenshots of every station as its users see it, from a real X server.

    make screenshots                      # Xvfb 1366x768 on DISPLAY :14, into build/screenshots/
    DISPLAY=:0 QT_QPA_PLATFORM=xcb python scripts/screenshots.py --out DIR

Fills a demo factory in the output folder, signs in as each station's demo user, opens the
main window maximised on the screen, shows each of the user's pages, and grabs the whole
screen (what a 1366x768 office PC shows); then the main dialogs. Writes only into --out.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

# station shot: (file stem, demo user, page key)
STATIONS = (
    ("sales", "sales1", "sales"),
    ("board", "sales1", "board"),
    ("warehouse", "wh1", "warehouse"),
    ("quality", "qc1", "quality"),
    ("pmc", "pmc1", "pmc"),
    ("overview", "boss", "overview"),
    ("finance", "boss", "finance"),
    ("admin", "admin", "admin"),
    ("audit", "auditor", "admin"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="build/screenshots", help="output folder")
    parser.add_argument("--lang", default="zh", choices=("zh", "en"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from orderdesk.demo import build_demo
    from orderdesk.desk import Desk
    from orderdesk.ui import i18n
    from orderdesk.ui.app import make_application
    from orderdesk.ui.context import AppContext, StationSettings
    from orderdesk.ui.main_window import MainWindow, show_main_window
    from orderdesk.ui.self_test import close_widget, settle, users_by_role

    app = make_application()
    app.setQuitOnLastWindowClosed(False)
    i18n.set_language(args.lang)
    db = out / "screenshots-demo.db"
    for old in out.glob("screenshots-demo.db*"):
        old.unlink()
    desk = Desk(db, station="shots")
    build_demo(desk, orders=600, seed=7)
    ctx = AppContext(desk, settings=StationSettings(station_name="shots", language=args.lang))
    users = {u.username: u for u in users_by_role(desk).values()}
    screen = app.primaryScreen()
    print(f"screen {screen.geometry().width()}x{screen.geometry().height()} "
          f"({QApplication.platformName()})")

    def grab(name: str) -> None:
        settle(ctx)
        time.sleep(0.2)
        settle(ctx)
        path = out / f"{name}.png"
        screen.grabWindow(0).save(str(path))
        print(path)

    for stem, username, key in STATIONS:
        user = users.get(username)
        if user is None:
            print(f"skipped {stem}: no demo user {username}")
            continue
        desk.sign_in(user)
        window = MainWindow(ctx, user)
        show_main_window(window)
        settle(ctx)
        if not window.show_page(key):
            close_widget(window)
            continue
        grab(f"{stem}-1366x768")
        page = window.pages[key]
        tabs = getattr(page, "tabs", None)
        if tabs is not None and hasattr(tabs, "count") and stem != "audit":
            for i in range(1, tabs.count()):      # the page's other tabs
                tabs.setCurrentIndex(i)
                grab(f"{stem}-tab{i}-1366x768")
            tabs.setCurrentIndex(0)
        if stem == "audit" and tabs is not None:
            tabs.setCurrentIndex(tabs.count() - 1)
            grab(f"{stem}-trail-1366x768")
        for name, factory in (getattr(page, "self_test_dialogs", lambda: [])()):
            dialog = factory()
            settle(ctx)
            if dialog is None:
                continue
            if not dialog.isVisible():
                dialog.show()
            grab(f"{stem}-dialog-{name.replace(' ', '-')}-1366x768")
            close_widget(dialog)
        close_widget(window)
        settle(ctx)
    ctx.tasks.shutdown()
    desk.close()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    sys.exit(main())
