"""When a machine can run: its shift windows minus planned downtime, as intervals.

Pure functions over plain data; every time is a naive local factory time (the shift
calendar is written in the factory's clock). A machine with no shift calendar at all is
taken as running round the clock, and the callers flag it (`calendar_missing`) so no
screen presents that assumption as a fact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Interval = tuple[dt.datetime, dt.datetime]


@dataclass(frozen=True)
class Shift:
    name: str
    weekday: int | None          # 0 = Monday; None = every day
    start: dt.time
    end: dt.time                 # at or before start: ends the next day


def parse_hhmm(text: str) -> dt.time:
    """'06:00' / '6:00' / '0600' -> time; ValueError otherwise."""
    t = str(text).strip()
    if ":" not in t and len(t) == 4 and t.isdigit():
        t = t[:2] + ":" + t[2:]
    hh, _, mm = t.partition(":")
    hour, minute = int(hh), int(mm or 0)
    if hour == 24 and minute == 0:
        return dt.time(0, 0)
    return dt.time(hour, minute)


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    out: list[Interval] = []
    for s, e in sorted(i for i in intervals if i[1] > i[0]):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def subtract(intervals: Sequence[Interval], holes: Iterable[Interval]) -> list[Interval]:
    """`intervals` without `holes` (both merged first)."""
    result: list[Interval] = []
    cut = merge(holes)
    for s, e in merge(intervals):
        pieces = [(s, e)]
        for hs, he in cut:
            if he <= s or hs >= e:
                continue
            nxt = []
            for ps, pe in pieces:
                if he <= ps or hs >= pe:
                    nxt.append((ps, pe))
                    continue
                if ps < hs:
                    nxt.append((ps, hs))
                if he < pe:
                    nxt.append((he, pe))
            pieces = nxt
        result.extend(pieces)
    return result


def shift_intervals(shifts: Sequence[Shift], start: dt.datetime, end: dt.datetime) -> list[Interval]:
    """Working time of these shifts between start and end (merged)."""
    if not shifts:
        return [(start, end)]
    out: list[Interval] = []
    day = start.date() - dt.timedelta(days=1)   # a night shift of the day before
    while dt.datetime.combine(day, dt.time()) < end:
        for sh in shifts:
            if sh.weekday is not None and sh.weekday != day.weekday():
                continue
            s = dt.datetime.combine(day, sh.start)
            e = dt.datetime.combine(day, sh.end)
            if e <= s:
                e += dt.timedelta(days=1)
            s, e = max(s, start), min(e, end)
            if e > s:
                out.append((s, e))
        day += dt.timedelta(days=1)
    return merge(out)


def available(shifts: Sequence[Shift], downtime: Iterable[Interval], start: dt.datetime,
              end: dt.datetime) -> list[Interval]:
    return subtract(shift_intervals(shifts, start, end), downtime)


def hours_between(intervals: Sequence[Interval], start: dt.datetime, end: dt.datetime) -> float:
    total = 0.0
    for s, e in intervals:
        if e <= start:
            continue
        if s >= end:
            break
        total += (min(e, end) - max(s, start)).total_seconds()
    return total / 3600.0
