"""`orderdesk app`: clear refusals, and the self-test the installer build runs."""

from __future__ import annotations

import os
import subprocess
import sys

from orderdesk.cli import main


def test_app_without_a_database_file_says_so(tmp_path, capsys):
    missing = tmp_path / "nowhere.db"
    assert main(["app", "--db", str(missing), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "Traceback" not in err


def test_app_without_db_argument(capsys):
    assert main(["app"]) == 2
    assert "--db" in capsys.readouterr().err


def test_self_test_opens_the_main_window_in_a_real_process(db_path, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "ORDERDESK_CONFIG_DIR": str(tmp_path / "cfg")}
    proc = subprocess.run([sys.executable, "-m", "orderdesk.cli", "app", "--self-test",
                           "--db", str(db_path)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "self-test: ok" in proc.stdout
    # no account was created for it
    from orderdesk.desk import Desk
    from orderdesk.services.users import has_users

    desk = Desk(db_path)
    try:
        assert not has_users(desk)
    finally:
        desk.close()


DRIVER = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from orderdesk.ui import cli
from orderdesk.ui.app import make_application

steps = []

def visible(name):
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]

def poll():
    if not steps and visible("loginDialog"):
        dialog = visible("loginDialog")[0]
        dialog.username.setText("boss")
        dialog.password.setText(sys.argv[2])
        dialog.sign_in()
        steps.append("login")
    elif steps == ["login"] and visible("mainWindow"):
        print("window:", visible("mainWindow")[0].windowTitle(), flush=True)
        visible("mainWindow")[0].sign_out_action.trigger()
        steps.append("signed out")
    elif steps == ["login", "signed out"] and visible("loginDialog"):
        print("login again", flush=True)
        visible("loginDialog")[0].reject()
        steps.append("quit")
        return
    QTimer.singleShot(100, poll)

make_application()
QTimer.singleShot(100, poll)
sys.exit(cli.run_app(sys.argv[1], None, False, lang="en"))
"""


def test_real_session_sign_in_window_sign_out_quit(db_path, tmp_path):
    """The app's own event loop: the gap between dialog and window must not end the app."""
    from orderdesk.desk import Desk
    from orderdesk.services.users import create_user

    desk = Desk(db_path)
    create_user(desk, "boss", "Boss", "Boss#Pass2026", ["supervisor"])
    desk.close()
    script = tmp_path / "drive.py"
    script.write_text(DRIVER, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "ORDERDESK_CONFIG_DIR": str(tmp_path / "cfg")}
    proc = subprocess.run([sys.executable, str(script), str(db_path), "Boss#Pass2026"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "window: orderdesk \u2014 Boss @" in proc.stdout
    assert "login again" in proc.stdout
    assert "Traceback" not in proc.stderr
