"""How codes, phones and names typed any way are reduced to one comparable form.

Used wherever two records must be recognised as the same thing: catalog lookups,
Excel import, chat parsing and duplicate detection all call these, never their own.
"""

from __future__ import annotations

import re
import unicodedata

_SKU_DROP = re.compile(r"[\s\-_./\\·•—–]+")
_NAME_DROP = re.compile(r"[\s\-_.,，。、()（）\[\]【】'\"“”‘’/\\·&]+")
_COMPANY_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "集团", "公司", "厂")


def half_width(text: str) -> str:
    """Full-width letters, digits and punctuation to their ASCII forms (ＡＢ－１２ → AB-12)."""
    return unicodedata.normalize("NFKC", text)


def sku_norm(sku: str | None) -> str:
    if not sku:
        return ""
    return _SKU_DROP.sub("", half_width(str(sku))).upper()


def phone_norm(phone: str | None) -> str:
    """Digits of a Chinese phone number without the country code ('+86 138-0013-8000')."""
    if not phone:
        return ""
    digits = re.sub(r"\D", "", half_width(str(phone)))
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits


def name_norm(name: str | None) -> str:
    """A customer or company name without spacing, punctuation and case."""
    if not name:
        return ""
    return _NAME_DROP.sub("", half_width(str(name))).lower()


def company_core(name: str | None) -> str:
    """The distinctive part of a company name: '苏州恒锐精密有限公司' → '苏州恒锐精密'."""
    core = name_norm(name)
    for suffix in _COMPANY_SUFFIXES:
        if core.endswith(suffix) and len(core) > len(suffix) + 1:
            core = core[: -len(suffix)]
            break
    return core


def address_norm(address: str | None) -> str:
    return name_norm(address)
