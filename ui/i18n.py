"""UI language: Simplified Chinese (default) from compiled .qm files, or English source.

Every `resources/translations/*_zh_CN.qm` (one per area: shell, board, admin, sales,
dedup, sync, ...) is installed as a QTranslator, plus Qt's own `qtbase_zh_CN.qm` for
standard buttons and dialogs. English installs none (source strings are English).
Installing or removing translators makes Qt send LanguageChange to every widget; pages
react in `changeEvent` -> `retranslate_ui()`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from orderdesk.fonts import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("zh", "en")
_installed: list[QTranslator] = []
_current = "en"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def qm_files(lang: str = "zh") -> list[Path]:
    if lang != "zh":
        return []
    return sorted(translations_dir().glob("*_zh_CN.qm"))


def current_language() -> str:
    return _current


def set_language(lang: str) -> str:
    """Switch the whole application to `lang` ("zh" or "en"); returns the language set."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    lang = lang if lang in LANGUAGES else "zh"
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if lang == "zh":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files = [Path(qt_dir) / "qtbase_zh_CN.qm", *qm_files("zh")]
        for path in files:
            translator = QTranslator(app)
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
            else:
                log.warning("translation file %s could not be loaded", path)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    _current = lang
    # Qt posts LanguageChange to every widget; deliver them now so the switch is complete
    # when this returns (menus, tabs and tables all show the new language at once).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang
