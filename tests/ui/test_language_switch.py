"""Every page of every role and every dialog they register, switched to English and back:
no visible text may stay in the other language (names and numbers from the data pass).
Runs the real self-test in its own process; the checker itself is tested on a widget."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


# Every page of every role and some 80 dialogs, twice each: about 2.5 minutes on a quiet
# 2-core machine, longer on a loaded one; the suite's 300-s default would cut it off.
@pytest.mark.timeout(900)
def test_every_page_and_dialog_follows_a_language_switch(tmp_path):
    env = {**os.environ, "ORDERDESK_CONFIG_DIR": str(tmp_path / "cfg")}
    env.pop("QT_QPA_PLATFORM", None)
    proc = subprocess.run([sys.executable, "-m", "orderdesk.cli", "app", "--self-test",
                           "--screen", "1366x768", "--check-language"],
                          capture_output=True, text=True, env=env, timeout=900, cwd=tmp_path)
    stale = [line for line in proc.stdout.splitlines() if "FAILED" in line]
    assert proc.returncode == 0, "\n".join(stale) or proc.stdout + proc.stderr
    assert "self-test: ok" in proc.stdout


class _Once(QWidget):
    """Sets one label through tr() once, one in retranslate_ui, and one data name."""

    def __init__(self) -> None:
        super().__init__()
        self.fixed = QLabel(QCoreApplication.translate("MainWindow", "Quit orderdesk?"))
        self.live = QLabel()
        self.name = QLabel("系统管理员")          # a user's display name: data
        layout = QVBoxLayout(self)
        for w in (self.fixed, self.live, self.name):
            layout.addWidget(w)
        self.retranslate()

    def retranslate(self) -> None:
        self.live.setText(QCoreApplication.translate("MainWindow", "Sign out?"))

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def test_the_checker_names_text_that_stayed_behind(qtbot, ctx):
    from orderdesk.ui import i18n
    from orderdesk.ui.i18n_check import LanguageChecker

    i18n.set_language("zh")
    widget = _Once()
    qtbot.addWidget(widget)
    widget.show()
    found = LanguageChecker(ignore={"系统管理员"}).check(widget, lambda: None)
    assert found == ["in English, QLabel still shows “退出 orderdesk?”"]
    assert i18n.current_language() == "zh"
