"""Screenshot of the similar-orders popup on a real X server at 1366×768 (not a test:
needs a display). Types an order into the real entry form of a maximised window, waits
for the popup, checks it lies fully on the screen and saves the whole screen.

    Xvfb :11 -screen 0 1366x768x24 -nolisten tcp &
    QT_QPA_PLATFORM=xcb DISPLAY=:11 .venv/bin/python tests/ui/dedup_popup_shot.py

Writes build/screenshots/dedup-popup-<W>x<H>-logical.png (untracked). For 1920×1080 at
150 %: `Xvfb :11 -screen 0 1920x1080x24` and QT_SCALE_FACTOR=1.5 (1280×720 logical).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "build" / "screenshots"


def main() -> int:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    from orderdesk.desk import Desk
    from orderdesk.models.base import utcnow
    from orderdesk.services import catalog
    from orderdesk.services.orders import LineDraft, OrderDraft, create_order
    from orderdesk.ui import i18n
    from orderdesk.ui.app import setup_application
    from orderdesk.ui.context import AppContext, StationSettings
    from orderdesk.ui.sales.entry_form import OrderEntryForm

    app = QApplication.instance() or QApplication(sys.argv)
    setup_application(app)
    desk = Desk(Path(tempfile.mkdtemp()) / "shot.db", station="shot")
    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A", aliases=["恒锐"],
                                contacts=[("王工", "138-0013-8000")],
                                addresses=["苏州工业园区星湖街1号"])
        catalog.upsert_product(s, "BRK-1001", "支架", spec="PA66+GF30 80mm")
    now = utcnow()
    create_order(desk, OrderDraft(channel="wechat", customer_code="C001",
                                  channel_order_no="WX-0412", order_time=now - dt.timedelta(minutes=6),
                                  delivery_address="苏州工业园区星湖街1号",
                                  lines=[LineDraft("BRK-1001", 100)]))
    create_order(desk, OrderDraft(channel="excel_email", customer_code="C001",
                                  channel_order_no="PO-4471",
                                  order_time=now - dt.timedelta(minutes=52),
                                  lines=[LineDraft("BRK-1001", 100)]))
    i18n.set_language("zh")
    ctx = AppContext(desk, settings=StationSettings(station_name="shot", language="zh"))
    window = QWidget()
    window.setWindowTitle("orderdesk 销售")
    layout = QVBoxLayout(window)
    form = OrderEntryForm(ctx)
    layout.addWidget(form)
    # Like a maximised main window (Xvfb has no window manager to maximise it).
    window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    window.show()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        app.processEvents()
    form.customer.setFocus()
    QTest.keyClicks(form.customer, "C001")
    app.processEvents()
    form.sku.setFocus()
    QTest.keyClicks(form.sku, "BRK-1001")
    form.qty.setFocus()
    QTest.keyClicks(form.qty, "100")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not (form.popup and form.popup.isVisible()):
        app.processEvents()
        time.sleep(0.02)
    for _ in range(50):
        app.processEvents()
        time.sleep(0.01)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    popup = form.popup.frameGeometry() if form.popup else QRect()
    print("screen", screen, "window", window.frameGeometry(), "popup", popup,
          "visible", bool(form.popup and form.popup.isVisible()))
    OUT.mkdir(parents=True, exist_ok=True)
    shot = QGuiApplication.primaryScreen().grabWindow(0)
    size = QGuiApplication.primaryScreen().size()
    path = OUT / f"dedup-popup-{size.width()}x{size.height()}-logical.png"
    shot.save(str(path))
    print("saved", path)
    ok = bool(form.popup and form.popup.isVisible()) and screen.contains(popup)
    # Answer it from the keyboard on this X server: Alt+K keeps both, typing goes on.
    from PySide6.QtCore import Qt

    QTest.keyClick(form.qty, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and form.popup.isVisible():
        app.processEvents()
        time.sleep(0.02)
    kept = not form.popup.isVisible()
    print("keyboard Alt+K keep both:", "ok" if kept else "FAILED")
    ok = ok and kept
    ctx.tasks.wait_idle(10000)
    ctx.tasks.shutdown()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
