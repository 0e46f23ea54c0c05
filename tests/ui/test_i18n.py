"""Translations: complete, compiled, and switching language changes what people see."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import i18n as i18n_script  # noqa: E402

TS_FILES = sorted((ROOT / "resources" / "translations").glob("*_zh_CN.ts"))


def test_there_are_translation_files():
    names = {p.name for p in TS_FILES}
    assert {"shell_zh_CN.ts", "board_zh_CN.ts", "admin_zh_CN.ts"} <= names


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_string_is_translated(ts):
    assert i18n_script.untranslated(ts) == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_string_has_a_context(ts):
    """An empty context means lupdate could not tell the class (e.g. `tr = self.tr` then
    `tr("...")`): Qt looks the string up under the class name and finds nothing."""
    empty = [m.findtext("source") for c, m in i18n_script.messages(ts) if not c]
    assert empty == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_placeholders_survive_translation(ts):
    import re

    for _context, message in i18n_script.messages(ts):
        source = message.findtext("source", "")
        translation = "".join(message.find("translation").itertext())
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", translation)), source


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_qm_is_compiled_from_the_current_ts(ts, tmp_path):
    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} missing: run scripts/i18n.py compile"
    fresh = tmp_path / qm.name
    i18n_script.compile_ts(ts, fresh)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: run scripts/i18n.py compile"


def test_sources_of_my_areas_are_all_in_the_ts(tmp_path):
    """Running lupdate now would add nothing: no string was added without translating it."""
    areas = i18n_script.sources_by_area()
    for area in ("shell", "board", "admin"):
        out = tmp_path / f"{area}.ts"
        subprocess.run([i18n_script.tool("pyside6-lupdate"), *map(str, areas[area]),
                        "-no-obsolete", "-ts", str(out)], check=True, capture_output=True)
        fresh = {(c, m.findtext("source")) for c, m in i18n_script.messages(out)}
        committed = {(c, m.findtext("source"))
                     for c, m in i18n_script.messages(i18n_script.ts_path(area))}
        assert fresh <= committed, sorted(fresh - committed)[:5]


def test_status_labels_follow_the_factory_words(qapp):
    from orderdesk.statuses import ZH_LABELS
    from orderdesk.ui import i18n
    from orderdesk.ui.board.labels import STATUS_SOURCES, status_label

    i18n.set_language("zh")
    try:
        for code, zh in ZH_LABELS.items():
            assert status_label(code) == zh, code
    finally:
        i18n.set_language("en")
    for code, source in STATUS_SOURCES.items():
        assert status_label(code) == source


def test_area_of_a_file(tmp_path, monkeypatch):
    ui = tmp_path / "ui"
    (ui / "sales").mkdir(parents=True)
    (ui / "sales" / "a.py").write_text("x = 1\n")
    (ui / "sales" / "b.py").write_text('"""doc"""\n# i18n-area: dedup\n')
    (ui / "top.py").write_text("y = 2\n")
    monkeypatch.setattr(i18n_script, "UI_DIR", ui)
    assert i18n_script.area_of(ui / "sales" / "a.py") == "sales"
    assert i18n_script.area_of(ui / "sales" / "b.py") == "dedup"
    assert i18n_script.area_of(ui / "top.py") == "shell"


def test_set_and_missing_commands(tmp_path, monkeypatch):
    ts = tmp_path / "demo_zh_CN.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" '
                  'language="zh_CN"><context><name>X</name><message><source>Hello</source>'
                  '<translation type="unfinished"></translation></message></context></TS>',
                  encoding="utf-8")
    monkeypatch.setattr(i18n_script, "TS_DIR", tmp_path)
    assert i18n_script.main(["missing", "--area", "demo"]) == 1
    table = tmp_path / "zh.json"
    table.write_text('{"Hello": "你好"}', encoding="utf-8")
    assert i18n_script.main(["set", "--area", "demo", "--json", str(table)]) == 0
    assert i18n_script.main(["missing", "--area", "demo"]) == 0
    assert ET.parse(ts).getroot().find("context/message/translation").text == "你好"


def test_switching_language_changes_visible_text(qtbot, ctx, sign_in):
    from PySide6.QtCore import Qt

    from orderdesk.ui import i18n
    from orderdesk.ui.main_window import MainWindow

    user = sign_in("engineering", "warehouse")
    window = MainWindow(ctx, user)
    qtbot.addWidget(window)
    window.show()
    ctx.tasks.wait_idle()
    board = window.page("board")
    tabs = lambda: [window.tabs.tabText(i) for i in range(window.tabs.count())]  # noqa: E731
    assert tabs() == ["Warehouse", "Order board"]
    assert board.clear_button.text() == "Clear filters"
    assert board.model.headerData(0, Qt.Orientation.Horizontal) == "Order no."

    window.language_actions["zh"].trigger()
    assert i18n.current_language() == "zh"
    assert tabs() == ["仓库", "订单看板"]
    assert board.clear_button.text() == "清除筛选"
    assert board.search.placeholderText() == "订单号、渠道单号或客户采购单号"
    assert board.model.headerData(0, Qt.Orientation.Horizontal) == "订单号"
    assert window.file_menu.title() == "文件(&F)"
    assert window.user_label.text().startswith("当前用户:")
    assert "技术" in window.user_label.text() and "仓库" in window.user_label.text()
    assert ctx.settings.language == "zh"

    window.language_actions["en"].trigger()
    assert tabs() == ["Warehouse", "Order board"]
    assert board.clear_button.text() == "Clear filters"
