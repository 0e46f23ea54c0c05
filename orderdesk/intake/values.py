"""Cell values as people write them, reduced to dates, quantities, SKUs and phones.

Each parser returns the value or raises ValueError with a reason code the preview shows
("not_a_date", "not_a_number"...). They are pure functions, shared by the sheet import,
the chat-message parser and the intake API.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from orderdesk.normalize import half_width, phone_norm

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
# Serial numbers of 1982..2173: outside that an integer is not a plausible order date.
SERIAL_MIN, SERIAL_MAX = 30000, 100000

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3,
              "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8,
              "捌": 8, "九": 9, "玖": 9}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10000, "萬": 10000, "亿": 100000000}
CN_NUMERAL_CHARS = "".join(_CN_DIGITS) + "".join(_CN_UNITS) + "".join(_CN_BIG) + "点"

TOTAL_WORDS = ("合计", "总计", "小计", "共计", "total", "subtotal", "grand total", "sum", "总数")


def chinese_number(text: str) -> Decimal:
    """'五千' → 5000, '一万二' → 12000, '三百五十' → 350, '两千五' → 2500, '十五' → 15."""
    text = text.strip()
    if not text or any(ch not in CN_NUMERAL_CHARS for ch in text):
        raise ValueError("not_a_number")
    if "点" in text:
        whole, frac = text.split("点", 1)
        base = chinese_number(whole) if whole else Decimal(0)
        digits = "".join(str(_CN_DIGITS[c]) for c in frac if c in _CN_DIGITS)
        return base + (Decimal("0." + digits) if digits else Decimal(0))
    total = Decimal(0)
    section = Decimal(0)
    number = None
    last_unit = 1
    for ch in text:
        if ch in _CN_DIGITS:
            number = _CN_DIGITS[ch] if number is None else number * 10 + _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            section += Decimal(1 if number is None else number) * unit
            number = None
            last_unit = unit
        else:  # 万 / 亿
            big = _CN_BIG[ch]
            section += Decimal(number or 0)
            total += (section or Decimal(1)) * big
            section = Decimal(0)
            number = None
            last_unit = big
    if number is not None:
        # '两千五' means 2500: a trailing digit counts in the unit below the last one.
        if last_unit >= 10 and len(text) >= 2 and text[-2] in _CN_UNITS | _CN_BIG:
            section += Decimal(number) * (last_unit // 10)
        else:
            section += number
    return total + section


_QTY_UNITS = re.compile(
    r"(个|件|只|pcs?|pc|套|支|片|pieces?|ea|psc|台|条|块|颗|粒|根|把|米|m|kg|公斤|千克|吨|箱|包|盒|卷|pk|units?)$",
    re.I)
_QTY_SCALE = {"万": Decimal(10000), "w": Decimal(10000), "千": Decimal(1000), "k": Decimal(1000),
              "百": Decimal(100)}


def parse_quantity(value: object) -> Decimal:
    """5000, 5000.0, '5,000', '５０００', '5000个', '1.2万', '5k', '五千' → Decimal."""
    if value is None or isinstance(value, bool):
        raise ValueError("blank" if value is None else "not_a_number")
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value))
    else:
        text = half_width(str(value)).strip().lower().replace(",", "").replace(" ", "")
        text = text.replace("，", "")
        if not text:
            raise ValueError("blank")
        text = _QTY_UNITS.sub("", text)
        scale = Decimal(1)
        if text and text[-1] in _QTY_SCALE and re.match(r"^[\d.]+[万w千k百]$", text):
            scale, text = _QTY_SCALE[text[-1]], text[:-1]
        try:
            number = Decimal(text) * scale
        except InvalidOperation:
            try:
                number = chinese_number(text)
            except (ValueError, KeyError):
                raise ValueError("not_a_number") from None
    if not number.is_finite():
        raise ValueError("not_a_number")
    if number <= 0:
        raise ValueError("not_positive")
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    return number


def parse_price(value: object) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Decimal(str(value))
    text = half_width(str(value)).strip().replace(",", "").replace("¥", "").replace("￥", "")
    text = re.sub(r"(元|rmb|cny)$", "", text, flags=re.I).strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError("not_a_number") from None
    if not number.is_finite() or number < 0:
        raise ValueError("not_a_number")
    return number


def cell_text(value: object) -> str:
    """A cell as text: 1001.0 → '1001', datetimes ISO, None → ''."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


def has_text(value: object) -> bool:
    """bool(cell_text(value)) without making the text (a date cell's ISO form)."""
    if value is None:
        return False
    if value.__class__ is str:
        return bool(value.strip())
    if value.__class__ in (float, int, dt.datetime, dt.date):
        return True
    return bool(cell_text(value))


def parse_sku(value: object) -> str:
    text = half_width(cell_text(value)).strip()
    if not text:
        raise ValueError("blank")
    return text


def parse_phone(value: object) -> str:
    """Phone digits (country code dropped); '' when blank. Raises on nonsense."""
    text = cell_text(value)
    if not text:
        return ""
    digits = phone_norm(text)
    if len(digits) < 7:
        raise ValueError("not_a_phone")
    return digits


_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})[日号]?"
                  r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_MD = re.compile(r"^(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*[日号]?$")
_COMPACT = re.compile(r"^(20\d{2})(\d{2})(\d{2})$")
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


def _year_for(month: int, day: int, ref: dt.date) -> dt.date:
    """A month and day without a year: the one in the order's year, or just after it."""
    candidate = dt.date(ref.year, month, day)
    if candidate < ref - dt.timedelta(days=60):
        candidate = dt.date(ref.year + 1, month, day)
    return candidate


def parse_datetime(value: object, ref: dt.date | None = None) -> dt.datetime:
    """Real dates, Excel serials, '2026/3/5', '2026-03-05 14:30', '2026年3月5日', '3月5日'."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError("blank")
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if SERIAL_MIN <= value <= SERIAL_MAX:
            return EXCEL_EPOCH + dt.timedelta(days=float(value))
        text = cell_text(value)
    else:
        text = half_width(str(value)).strip()
    try:
        m = _YMD.match(text)
        if m:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
            hh, mm, ss = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
            return dt.datetime(y, mo, d, hh, mm, ss)
        m = _COMPACT.match(text)
        if m:
            return dt.datetime(int(m[1]), int(m[2]), int(m[3]))
        m = _MD.match(text)
        if m:
            day = _year_for(int(m[1]), int(m[2]), ref or dt.date.today())
            return dt.datetime(day.year, day.month, day.day)
        m = _DMY.match(text)
        if m:
            return dt.datetime(int(m[3]), int(m[2]), int(m[1]))
        if re.fullmatch(r"\d+(\.\d+)?", text) and SERIAL_MIN <= float(text) <= SERIAL_MAX:
            return EXCEL_EPOCH + dt.timedelta(days=float(text))
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("not_a_date") from None


def parse_date(value: object, ref: dt.date | None = None) -> dt.date:
    return parse_datetime(value, ref).date()


def parse_bool(value: object) -> bool:
    text = cell_text(value).lower()
    return text in {"1", "y", "yes", "true", "是", "急", "加急", "急单", "√", "x"}


_TOTAL_STARTS = set("合总小共TtSsＴｔＳｓ")


def is_total_row(cells: list[object]) -> bool:
    """A totals line (合计/总计/Total) at the end of a sheet: never an order."""
    for cell in cells:
        if isinstance(cell, str) and cell.lstrip()[:1] in _TOTAL_STARTS:
            text = half_width(cell).strip().lower().replace(" ", "").rstrip(":：")
            if text in TOTAL_WORDS or text.startswith(("合计", "总计", "小计")):
                return True
    return False


_NOTE_START = re.compile(r"^\s*(备注|说明|注[:：]|注意|制单|制表|审核|批准|签字|联系人|电话|地址|"
                         r"note|remark|prepared|approved)", re.I)


def is_note_row(cells: list[object], key_columns: list[int]) -> bool:
    """A notes line under (or between) the data: one or two text cells, none of them in
    the SKU or quantity column ('备注：请按时交货', '制单：王工 审核：李经理')."""
    # A data row has more than two filled cells: stop counting at the third, without
    # making the text of every cell (this runs for each of a sheet's rows). A cell is
    # filled when its text is not empty: a non-blank string, or any other value.
    filled = []
    for i, c in enumerate(cells):
        if c is None or (c.__class__ is str and not c.strip()):
            continue
        if c.__class__ is str or cell_text(c):
            if len(filled) == 2 or i in key_columns:
                return False
            filled.append((i, c))
    if not filled:
        return False
    texts = [cell_text(c) for _, c in filled]
    return all(isinstance(c, str) for _, c in filled) and any(
        _NOTE_START.search(t) or len(t) >= 12 for t in texts)


def is_blank_row(cells: list[object]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)
