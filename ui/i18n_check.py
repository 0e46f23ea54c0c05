"""Finding visible text that did not follow a language switch.

A widget shown in Chinese is switched to English and back. A text that stayed behind is
recognised by the translation catalogue itself (resources/translations/*_zh_CN.ts):
- in English, a visible text that is one of the catalogue's Chinese translations
  (placeholders like {n} or %1 match anything) was never re-set through tr();
- back in Chinese, a visible text that is one of the catalogue's English sources
  (with at least one real word) lags one switch behind.
Names and numbers from the data never match a whole catalogue entry, so they pass.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from orderdesk.ui import i18n

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%n")
_CJK = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[A-Za-z]{3,}")
_TAGS = re.compile(r"<[^>]+>")
_ROWS = 15


def _pattern(text: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(text)
    return re.compile(".+?".join(re.escape(p) for p in parts) + r"\Z", re.S)


class Catalogue:
    """Chinese translations and English sources of every .ts file, as matchers."""

    def __init__(self) -> None:
        self.zh_exact: set[str] = set()
        self.en_exact: set[str] = set()
        self.zh_patterns: list[re.Pattern[str]] = []
        self.en_patterns: list[re.Pattern[str]] = []
        for path in sorted(i18n.translations_dir().glob("*_zh_CN.ts")):
            for message in ET.parse(path).getroot().iter("message"):
                source = message.findtext("source") or ""
                node = message.find("translation")
                if node is None or node.get("type") in ("obsolete", "vanished"):
                    continue
                translation = node.text or ""
                if not translation or translation == source:
                    continue
                self._add(translation, self.zh_exact, self.zh_patterns,
                          lambda lit: bool(_CJK.search(lit)) and len(_CJK.findall(lit)) >= 2)
                self._add(source, self.en_exact, self.en_patterns,
                          lambda lit: bool(_WORD.search(lit)))

    @staticmethod
    def _add(text: str, exact: set[str], patterns: list, meaningful: Callable[[str], bool]) -> None:
        literal = _PLACEHOLDER.sub("", text)
        if not meaningful(literal):
            return
        if _PLACEHOLDER.search(text):
            patterns.append(_pattern(text))
        else:
            exact.add(text)

    def stale(self, text: str, lang: str) -> bool:
        """True when `text`, shown in `lang`, is a catalogue string of the other language."""
        exact, patterns = ((self.zh_exact, self.zh_patterns) if lang == "en"
                           else (self.en_exact, self.en_patterns))
        if text in exact:
            return True
        if lang == "en" and not _CJK.search(text):
            return False
        if lang == "zh" and not _WORD.search(text):
            return False
        return any(p.match(text) for p in patterns)


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(widget, text) for every text a user can see in `root` now."""
    if root.windowTitle():
        yield "window title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and (widget.isWindow() or not widget.isVisibleTo(root)):
            continue
        if isinstance(widget, QHeaderView):
            continue   # its texts are the table's header data, read with the table
        if widget.property("i18n_data"):
            continue   # shows the factory's own names (data), not UI text
        name = type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")
        texts: list[str] = []
        if isinstance(widget, QLabel):
            texts.append(_TAGS.sub("", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount()
            except TypeError:   # list models hide columnCount(): one column
                columns = 1
            texts.extend(str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                         for c in range(columns))
            for row in range(min(_ROWS, model.rowCount())):
                texts.extend(str(model.data(model.index(row, c)) or "") for c in range(columns))
        if widget.toolTip():
            texts.append(_TAGS.sub("", widget.toolTip()))
        for action in widget.actions():
            if action.isVisible() and action.text():
                texts.append(action.text())
        for text in texts:
            for line in text.splitlines():
                line = line.strip()
                if line:
                    yield name, line


class LanguageChecker:
    """Switches a shown widget zh → en → zh and lists the texts that stayed behind."""

    def __init__(self, ignore: set[str] | frozenset[str] = frozenset()) -> None:
        self.catalogue = Catalogue()
        # Data that happens to read like a UI word (a user named 系统管理员): not UI text.
        self.ignore = set(ignore)

    def check(self, root: QWidget, settle: Callable[[], None]) -> list[str]:
        found: list[str] = []
        start = i18n.current_language()
        try:
            for lang in ("en", "zh"):
                i18n.set_language(lang)
                settle()
                for name, text in visible_texts(root):
                    if text not in self.ignore and self.catalogue.stale(text, lang):
                        found.append(f"in {'English' if lang == 'en' else 'Chinese'}, "
                                     f"{name} still shows “{text}”")
        finally:
            i18n.set_language(start)
            settle()
        return sorted(set(found))
