"""Due dates as people write them in chat, resolved against the time the message came in."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from orderdesk.intake.values import chinese_number

WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5}
_NUM = r"(\d{1,2}|[一二三四五六七八九十两]{1,3})"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?"), "ymd"),
    (re.compile(_NUM + r"\s*月\s*" + _NUM + r"\s*[日号]"), "md"),
    (re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])"), "md_slash"),
    (re.compile(r"(下下|下个?|这个?|本)?\s*(?:周|星期|礼拜)\s*([一二三四五六日天末])"), "weekday"),
    (re.compile(r"大后天"), "d+3"),
    (re.compile(r"后天"), "d+2"),
    (re.compile(r"明天|明日|明早|明儿"), "d+1"),
    (re.compile(r"今天|今日|今晚|当天"), "d+0"),
    (re.compile(r"月底|月末"), "month_end"),
    (re.compile(r"下个?月初"), "next_month_start"),
    (re.compile(r"下个?月底|下个?月末"), "next_month_end"),
    (re.compile(_NUM + r"\s*(?:个)?(?:天|日)(?:内|之内|以内|后|之后)"), "in_days"),
    (re.compile(r"(一|1)\s*(?:周|星期|个星期)(?:内|之内|以内)"), "in_week"),
    # '20号' is a day; '3号线', '2号仓', '5号门' are a production line, a store, a gate.
    (re.compile(r"(?<![\d月.])" + _NUM + r"\s*[号日](?![\d线仓门楼库机位柜车厂区房])"), "day"),
]


def _n(text: str) -> int:
    return int(text) if text.isdigit() else int(chinese_number(text))


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def find_due_date(text: str, now: dt.datetime) -> tuple[dt.date | None, tuple[int, int] | None]:
    """The first date the text names, and the (start, end) of its words in the text."""
    today = now.date()
    hits = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(text):
            hits.append((m.start(), -len(m.group(0)), m, kind))
    # Leftmost, then longest: '3月5号' beats its own '5号'.
    for _, _, m, kind in sorted(hits, key=lambda h: (h[0], h[1])):
        try:
            day = _resolve(kind, m, today)
        except (ValueError, KeyError):
            continue
        if day is not None:
            return day, m.span()
    return None, None


def _resolve(kind: str, m: re.Match[str], today: dt.date) -> dt.date | None:
    if kind == "ymd":
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if kind in ("md", "md_slash"):
        month, day = _n(m[1]), _n(m[2])
        candidate = dt.date(today.year, month, day)
        if candidate < today - dt.timedelta(days=60):
            candidate = dt.date(today.year + 1, month, day)
        return candidate
    if kind == "weekday":
        prefix, name = m[1] or "", m[2]
        target = WEEKDAYS[name]
        monday = today - dt.timedelta(days=today.weekday())
        if prefix.startswith("下下"):
            monday += dt.timedelta(days=14)
        elif prefix.startswith("下"):
            monday += dt.timedelta(days=7)
        elif not prefix and monday + dt.timedelta(days=target) < today:
            # '周三' said on a Thursday means next Wednesday.
            monday += dt.timedelta(days=7)
        return monday + dt.timedelta(days=target)
    if kind.startswith("d+"):
        return today + dt.timedelta(days=int(kind[2:]))
    if kind == "month_end":
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    if kind == "next_month_start":
        return _next_month(today) + dt.timedelta(days=4)
    if kind == "next_month_end":
        nm = _next_month(today)
        return nm.replace(day=calendar.monthrange(nm.year, nm.month)[1])
    if kind == "in_days":
        return today + dt.timedelta(days=_n(m[1]))
    if kind == "in_week":
        return today + dt.timedelta(days=7)
    if kind == "day":
        day = _n(m[1])
        if not 1 <= day <= 31:
            return None
        if day >= today.day:
            return today.replace(day=day)
        nm = _next_month(today)
        return nm.replace(day=min(day, calendar.monthrange(nm.year, nm.month)[1]))
    return None
