"""Screenshots of the PMC planning tabs (machine load with a red press selected and its
alternative suggested, supply risk with the proposal, the set-up dialog) on a demo
database, in the real main window at 1366x768 on an X display.

    Xvfb :17 -screen 0 1366x768x24 -nolisten tcp &
    .venv/bin/orderdesk demo --no-gui --db /tmp/demo.db
    DISPLAY=:17 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/planning_screenshots.py \
        /tmp/demo.db build/screenshots zh

Writes pmc-heatmap-LANG.png, pmc-supply-risk-LANG.png, pmc-planning-machines-LANG.png,
pmc-planning-setup-LANG.png. Read-only on the database (nothing is accepted or confirmed).
"""
import sys

db, out = sys.argv[1], sys.argv[2]
lang = sys.argv[3] if len(sys.argv) > 3 else "zh"
from orderdesk.desk import Desk
from orderdesk.services.users import authenticate
from orderdesk.ui.app import make_application
from orderdesk.ui.context import AppContext
from orderdesk.ui import i18n
from orderdesk.ui.main_window import MainWindow
from PySide6.QtCore import QTimer, QEventLoop

app = make_application([])
i18n.set_language(lang)
desk = Desk(db, station="shots")
desk.sign_in(authenticate(desk, "pmc1", "Demo@2026"))
ctx = AppContext(desk)
win = MainWindow(ctx, desk.user)
win.resize(1366, 768)
win.move(0, 0)
win.show()
win.show_page("pmc")
page = win.page("pmc")


def wait(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def until(cond, ms=20000):
    waited = 0
    while not cond() and waited < ms:
        wait(100)
        waited += 100


page.tabs.setCurrentIndex(page.planning.heatmap_index)
until(lambda: page.planning.heatmap.plan is not None)
hm = page.planning.heatmap
red = next(i for i, m in enumerate(hm.plan.machines) if m.over_threshold)
col = next(i for i, b in enumerate(hm.plan.machines[red].buckets) if b.status == "red")
hm.select_cell(red, col)
hm.suggest()
until(lambda: hm.alternatives)
wait(400)
win.grab().save(f"{out}/pmc-heatmap-{lang}.png")
print("window", win.size().width(), win.size().height(), "min", win.minimumSizeHint().width(), win.minimumSizeHint().height())
page.tabs.setCurrentIndex(page.planning.risk_index)
until(lambda: page.planning.supply_risk.overview is not None)
wait(400)
win.grab().save(f"{out}/pmc-supply-risk-{lang}.png")
dlg = hm.open_setup()
wait(800)
dlg.grab().save(f"{out}/pmc-planning-machines-{lang}.png")
dlg.tabs.setCurrentIndex(1)
wait(300)
dlg.grab().save(f"{out}/pmc-planning-setup-{lang}.png")
dlg.close()
ctx.tasks.wait_idle(10000)
print("ok")
