"""Where the shipped resources (fonts, styles, icons, translations) live.

No Qt here: the PDF code in the core needs the CJK font path too, and the UI loads the
same file into QFontDatabase itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

CJK_FONT_FILE = "wqy-microhei.ttc"
#: Face index of "WenQuanYi Micro Hei" inside the collection (1 is the Mono face).
CJK_FONT_SUBFONT_INDEX = 0
CJK_FONT_FAMILY = "WenQuanYi Micro Hei"


def resources_dir() -> Path:
    """The `resources/` folder: beside the bundle's files in a PyInstaller build,
    otherwise at the top of the source tree (the package is installed editable)."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root is not None:
        return Path(bundle_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def cjk_font_path() -> Path:
    """The shipped CJK font (a TrueType collection; see CJK_FONT_SUBFONT_INDEX).

    Raises FileNotFoundError with the path searched if the resources are missing, so
    a broken install says what is wrong instead of printing empty boxes.
    """
    path = resources_dir() / "fonts" / CJK_FONT_FILE
    if not path.is_file():
        raise FileNotFoundError(f"CJK font not found at {path}")
    return path
