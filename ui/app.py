"""Building the QApplication: CJK font, stylesheet, icon, language.

The shipped WenQuanYi Micro Hei is registered with QFontDatabase so Chinese renders on a
bare machine (no system CJK font), and made the application font.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from orderdesk.fonts import CJK_FONT_FAMILY, cjk_font_path, resources_dir

log = logging.getLogger(__name__)

_set_up: set[int] = set()


def load_cjk_font() -> str | None:
    """Register the shipped CJK font; return its family name (None if it is missing)."""
    try:
        path = cjk_font_path()
    except FileNotFoundError:
        log.error("CJK font missing: Chinese text may show as boxes", exc_info=True)
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.error("CJK font %s could not be loaded", path)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return CJK_FONT_FAMILY if CJK_FONT_FAMILY in families else (families[0] if families else None)


def stylesheet() -> str:
    path = resources_dir() / "styles" / "station.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("stylesheet %s missing; using Qt's default look", path)
        return ""


def setup_application(app: QGuiApplication) -> None:
    """Font, style and icon on an existing application (idempotent; tests call it too)."""
    if id(app) in _set_up:
        return
    _set_up.add(id(app))
    app.setApplicationName("orderdesk")
    app.setOrganizationName("orderdesk")
    family = load_cjk_font()
    if family:
        font = QFont(family)
        font.setPointSize(12)
        # Latin text keeps a UI font when one exists; CJK falls back to the shipped face.
        font.setFamilies([family])
        app.setFont(font)
    icon_path = resources_dir() / "icons" / "app.svg"
    if icon_path.is_file():
        app.setWindowIcon(QIcon(str(icon_path)))
    if isinstance(app, QApplication):
        app.setStyle("Fusion")  # same look on every platform, and the QSS builds on it
        app.setStyleSheet(stylesheet())


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    setup_application(app)
    return app
