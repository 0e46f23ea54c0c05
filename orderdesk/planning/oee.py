"""OEE = availability × performance × quality, from machine logs.

  availability = run time ÷ planned production time
  performance  = ideal cycle time per piece × total count ÷ run time
  quality      = good count ÷ total count

Over a period the figures are summed first (Σ run ÷ Σ planned, ...), not averaged per
shift, so a short shift weighs as little as it ran. A log whose performance comes out
above 100% has a wrong ideal cycle (or a wrong count): it is flagged, never capped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class LogFigures:
    planned_minutes: float
    run_minutes: float
    ideal_cycle_seconds: float    # per piece
    total_count: int
    good_count: int


@dataclass(frozen=True)
class Oee:
    availability: float | None
    performance: float | None
    quality: float | None
    period_start: dt.date | None
    period_end: dt.date | None
    shifts: int
    flags: tuple[str, ...] = ()

    @property
    def value(self) -> float | None:
        if None in (self.availability, self.performance, self.quality):
            return None
        return self.availability * self.performance * self.quality  # type: ignore[operator]

    def as_dict(self) -> dict[str, object]:
        r = lambda v: None if v is None else round(v, 4)  # noqa: E731
        return {"availability": r(self.availability), "performance": r(self.performance),
                "quality": r(self.quality), "value": r(self.value),
                "period": {"from": self.period_start.isoformat() if self.period_start else None,
                           "to": self.period_end.isoformat() if self.period_end else None,
                           "shifts": self.shifts},
                "flags": list(self.flags)}


NO_LOGS = Oee(None, None, None, None, None, 0, ("no_logs",))


def compute(logs: Iterable[tuple[dt.date, LogFigures]]) -> Oee:
    """OEE of these logs taken together (one shift or a whole period)."""
    planned = run = ideal = 0.0
    total = good = 0
    days: list[dt.date] = []
    for day, f in logs:
        days.append(day)
        planned += f.planned_minutes
        run += f.run_minutes
        ideal += f.ideal_cycle_seconds * f.total_count / 60.0
        total += f.total_count
        good += f.good_count
    if not days:
        return NO_LOGS
    flags = []
    # A run time under a millisecond is no run time (it would make performance infinite).
    availability = run / planned if planned > 0 else None
    performance = ideal / run if run > 1e-6 else None
    quality = good / total if total > 0 else None
    if availability is None:
        flags.append("no_planned_time")
    if run <= 1e-6:
        flags.append("no_run_time")
    if total <= 0:
        flags.append("no_count")
    if performance is not None and performance > 1.0 + 1e-9:
        flags.append("performance_over_100")
    return Oee(availability, performance, quality, min(days), max(days), len(days), tuple(flags))


def check_log(f: LogFigures) -> list[str]:
    """Reasons a log cannot be right (the importer refuses it)."""
    problems = []
    if f.planned_minutes <= 0:
        problems.append("planned_not_positive")
    if f.run_minutes < 0:
        problems.append("run_negative")
    if f.run_minutes > f.planned_minutes:
        problems.append("run_over_planned")
    if f.ideal_cycle_seconds <= 0:
        problems.append("cycle_not_positive")
    if f.total_count < 0 or f.good_count < 0:
        problems.append("count_negative")
    if f.good_count > f.total_count:
        problems.append("good_over_total")
    return problems
