"""Opening hours as moments in time: open now, until when, and when next.

Plain functions, no database: a location's weekly hours are wall-clock times in its own time
zone, so the same "19:00" is 18:00 UTC in winter and 17:00 UTC in summer, and a day on which
the clocks change is 23 or 25 hours long. Everything is worked out in that zone and compared
in UTC. Closures (holidays, a training evening) are moments in time and always win.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

HORIZON_DAYS = 62  # how far ahead "next opens" looks: past any holiday season

Interval = tuple[datetime, datetime]


@dataclass(frozen=True)
class WeeklyOpening:
    """Open on ``weekday`` (0 is Monday) from ``opens`` until ``closes`` (None: midnight).
    An evening that runs past midnight is two openings, one on each day."""

    weekday: int
    opens: time
    closes: time | None


@dataclass(frozen=True)
class OpenStatus:
    open: bool
    until: datetime | None  # when it closes, if open (None: not within the horizon)
    next_opens: datetime | None  # when it opens, if closed (None: not within the horizon)


def _at(day: date, moment: time | None, zone: ZoneInfo) -> datetime:
    if moment is None:  # midnight at the end of the day
        return datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC)
    return datetime.combine(day, moment, zone).astimezone(UTC)


def open_intervals(
    first_day: date,
    days: int,
    *,
    zone: ZoneInfo,
    weekly: list[WeeklyOpening],
    always_open: bool,
    closures: list[Interval],
) -> list[Interval]:
    """The moments a location is open on ``days`` local days from ``first_day``, in UTC,
    merged where they touch, with the closures cut out."""
    spans: list[Interval] = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        if always_open:
            spans.append((_at(day, time(0), zone), _at(day, None, zone)))
            continue
        spans.extend(
            (_at(day, opening.opens, zone), _at(day, opening.closes, zone))
            for opening in weekly
            if opening.weekday == day.weekday()
        )
    return _without(_merged(spans), closures)


def _merged(spans: list[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _without(spans: list[Interval], closures: list[Interval]) -> list[Interval]:
    for closed_from, closed_until in closures:
        kept: list[Interval] = []
        for start, end in spans:
            if closed_until <= start or end <= closed_from:
                kept.append((start, end))
                continue
            if start < closed_from:
                kept.append((start, closed_from))
            if closed_until < end:
                kept.append((closed_until, end))
        spans = kept
    return spans


def uncovered(spans: list[Interval], covered: list[Interval]) -> list[Interval]:
    """The parts of ``spans`` that no interval of ``covered`` covers: where the rota has a
    hole while the location is open."""
    return _without(spans, _merged(covered))


def status_at(
    now: datetime,
    *,
    zone: ZoneInfo,
    weekly: list[WeeklyOpening],
    always_open: bool,
    closures: list[Interval],
) -> OpenStatus:
    """Whether a location is open at ``now``, until when, or when it next opens."""
    yesterday = now.astimezone(zone).date() - timedelta(days=1)
    horizon = HORIZON_DAYS + 1
    spans = open_intervals(
        yesterday, horizon, zone=zone, weekly=weekly, always_open=always_open, closures=closures
    )
    horizon_end = _at(yesterday + timedelta(days=horizon - 1), None, zone)
    for start, end in spans:
        if start <= now < end:
            return OpenStatus(True, None if end >= horizon_end else end, None)
        if now < start:
            return OpenStatus(False, None, start)
    return OpenStatus(False, None, None)
