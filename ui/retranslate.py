"""Re-wording a dialog whose texts were set once, in its constructor, through tr().

Older dialogs (green-channel rules, rush request, ...) call `self.tr("...")` while they
build their widgets and have no `retranslate_ui()`. `retranslate_static(dialog)` finds,
for every visible text of the dialog, the English source it came from (the translation
catalogue of resources/translations, in the dialog's tr() context, placeholders like
{tier} carried over) and sets the text again in the current language. Call it from the
dialog's `changeEvent(LanguageChange)`; `install(dialog)` does that with an event filter.
Texts it cannot trace (data, numbers) are left as they are.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from orderdesk.ui import i18n

_NAMED = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _regex(text: str) -> re.Pattern[str] | None:
    """A pattern matching `text` with its {name} placeholders as named groups."""
    names = _NAMED.findall(text)
    if not names or len(set(names)) != len(names):
        return None
    parts = _NAMED.split(text)
    out = []
    for i, part in enumerate(parts):
        out.append(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)")
    return re.compile("".join(out) + r"\Z", re.S)


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, list[tuple[str, str]]]:
    """context -> [(source, translation)] of every .ts file."""
    out: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(i18n.translations_dir().glob("*_zh_CN.ts")):
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                node = message.find("translation")
                translation = (node.text or "") if node is not None else ""
                if source:
                    out.setdefault(name, []).append((source, translation or source))
    return out


def _source_of(context: str, text: str) -> tuple[str, dict[str, str]] | None:
    """The source string `text` was made from in `context` (either language), with the
    values of its placeholders."""
    for source, translation in _catalogue().get(context, ()):
        if text in (source, translation):
            return source, {}
    for source, translation in _catalogue().get(context, ()):
        if "{" not in source:
            continue
        for candidate in (translation, source):
            pattern = _regex(candidate)
            match = pattern.match(text) if pattern is not None else None
            if match:
                return source, match.groupdict()
    return None


def _again(context: str, text: str) -> str | None:
    found = _source_of(context, text)
    if found is None:
        # Shared labels (step names, statuses) come from helper functions with their
        # own context: find the text there.
        for other in _catalogue():
            if other != context:
                found = _source_of(other, text)
                if found is not None:
                    context = other
                    break
    if found is None:
        return None
    source, values = found
    translated = QCoreApplication.translate(context, source)
    try:
        return translated.format(**values) if values else translated
    except (KeyError, IndexError, ValueError):
        return None


def retranslate_static(root: QWidget, context: str | None = None) -> None:
    """Set every traceable text of `root` and its children again in the current language."""
    ctx = context or type(root).__name__

    def redo(getter, setter) -> None:  # type: ignore[no-untyped-def]
        text = getter()
        if text:
            new = _again(ctx, text)
            if new is not None and new != text:
                setter(new)

    redo(root.windowTitle, root.setWindowTitle)
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)):
            redo(widget.text, widget.setText)
        elif isinstance(widget, QGroupBox):
            redo(widget.title, widget.setTitle)
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            redo(widget.placeholderText, widget.setPlaceholderText)
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                redo(lambda i=i: widget.itemText(i), lambda t, i=i: widget.setItemText(i, t))
        if hasattr(widget, "suffix") and hasattr(widget, "setSuffix"):
            redo(widget.suffix, widget.setSuffix)


class _Filter(QObject):
    def __init__(self, root: QWidget, context: str) -> None:
        super().__init__(root)
        self.root = root
        self.context = context

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.root and event.type() == QEvent.Type.LanguageChange:
            # after the dialog's own children (button boxes) re-worded themselves
            QTimer.singleShot(0, lambda: retranslate_static(self.root, self.context))
        return False


def install(root: QWidget, context: str | None = None) -> QWidget:
    """Make `root` follow language switches through `retranslate_static`; returns it."""
    root.installEventFilter(_Filter(root, context or type(root).__name__))
    return root
