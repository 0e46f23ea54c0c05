"""Every page of every role, and every dialog they register, fits the factory's screens:
1366×768 and 1920×1080 at 150 % (an effective 1280×720). Runs the real command in its
own process (its virtual screen is set before Qt starts)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from orderdesk.ui.cli import parse_screen


def _self_test(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ORDERDESK_CONFIG_DIR": str(tmp_path / "cfg")}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, "-m", "orderdesk.cli", "app", "--self-test", *args],
                          capture_output=True, text=True, env=env, timeout=600, cwd=tmp_path)


@pytest.mark.parametrize("screen", ["1366x768", "1920x1080@150%"])
def test_every_page_and_dialog_fits_the_screen(tmp_path, screen):
    proc = _self_test(tmp_path, "--screen", screen)
    offenders = [line for line in proc.stdout.splitlines()
                 if "DOES NOT FIT" in line or "FAILED" in line]
    assert proc.returncode == 0, "\n".join(offenders) or proc.stdout + proc.stderr
    assert "self-test: ok" in proc.stdout
    pages = int(proc.stdout.split(" pages, ")[0].rsplit(" ", 1)[-1])
    assert pages >= 15  # it really walked the roles' pages


def test_parse_screen_sizes_and_scales():
    assert parse_screen("1366x768") == (1366, 768, 1.0)
    assert parse_screen("1920x1080@150%") == (1920, 1080, 1.5)
    assert parse_screen("1920×1080@1.5") == (1920, 1080, 1.5)
    with pytest.raises(ValueError):
        parse_screen("big")
    with pytest.raises(ValueError):
        parse_screen("1366x768@900%")


def test_bad_screen_argument_is_refused_without_traceback(tmp_path):
    proc = _self_test(tmp_path, "--screen", "huge")
    assert proc.returncode == 2
    assert "WIDTHxHEIGHT" in proc.stderr and "Traceback" not in proc.stderr


def test_the_check_names_a_dialog_whose_minimum_height_is_too_big(qtbot):
    """The check itself, on a dialog that forces 900 px on the test's screen."""
    from orderdesk.ui.screen_fit import client_budget
    from orderdesk.ui.self_test import check_top_level

    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setObjectName("tooTall")
    inner = QWidget(dialog)
    inner.setObjectName("bigForm")
    budget = client_budget(dialog)
    inner.setMinimumHeight(budget.height() + 100)
    QVBoxLayout(dialog).addWidget(inner)
    dialog.show()
    problems = check_top_level(dialog, "test › dialog tooTall")
    assert problems, "a dialog taller than the screen passed"
    assert "minimum height" in problems[0].what and "bigForm" in problems[0].what

    small = QDialog()
    qtbot.addWidget(small)
    small.resize(300, 200)
    small.show()
    assert check_top_level(small, "test › small") == []
