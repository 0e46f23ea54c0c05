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
