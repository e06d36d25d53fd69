"""Opening hours are wall-clock times where the centre is: a young person asking at 23:00 on a
train learns whether chat is open, until when, or when it opens next — right on the days the
clocks change and around the holidays."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from app.locations.hours import OpenStatus, WeeklyOpening, status_at

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TUESDAY, FRIDAY, SATURDAY, SUNDAY = 1, 4, 5, 6
EVENINGS = [WeeklyOpening(day, time(19), time(22)) for day in range(5)]  # Monday to Friday


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=AMSTERDAM)  # type: ignore[misc]


def status(now: datetime, weekly: list[WeeklyOpening], **extra: object) -> OpenStatus:
    options = {"zone": AMSTERDAM, "always_open": False, "closures": [], **extra}
    return status_at(now.astimezone(UTC), weekly=weekly, **options)  # type: ignore[arg-type]


def test_open_in_the_evening_until_it_closes() -> None:
    # Tuesday 1 December 2026, 20:00 in Amsterdam (19:00 UTC)
    assert status(local(2026, 12, 1, 20), EVENINGS) == OpenStatus(
        True, local(2026, 12, 1, 22), None
    )


def test_closed_before_opening_says_when_it_opens_today() -> None:
    assert status(local(2026, 12, 1, 15), EVENINGS) == OpenStatus(
        False, None, local(2026, 12, 1, 19)
    )


def test_closed_on_friday_night_opens_again_on_monday() -> None:
    assert status(local(2026, 12, 4, 23), EVENINGS).next_opens == local(2026, 12, 7, 19)


def test_an_evening_past_midnight_is_one_stretch() -> None:
    late = [WeeklyOpening(FRIDAY, time(19), None), WeeklyOpening(SATURDAY, time(0), time(2))]

    assert status(local(2026, 12, 4, 23, 30), late) == OpenStatus(True, local(2026, 12, 5, 2), None)


def test_the_same_wall_clock_time_on_both_sides_of_a_clock_change() -> None:
    weekends = [
        WeeklyOpening(SATURDAY, time(19), time(22)),
        WeeklyOpening(SUNDAY, time(19), time(22)),
    ]
    # Summer time starts on Sunday 29 March 2026 at 02:00.
    before = status(local(2026, 3, 28, 12), weekends).next_opens
    after = status(local(2026, 3, 29, 12), weekends).next_opens

    assert before == datetime(2026, 3, 28, 18, tzinfo=UTC)  # 19:00 in winter time
    assert after == datetime(2026, 3, 29, 17, tzinfo=UTC)  # 19:00 in summer time


def test_a_holiday_closure_wins_over_the_weekly_hours() -> None:
    christmas = (local(2026, 12, 24, 0).astimezone(UTC), local(2026, 12, 27, 0).astimezone(UTC))

    assert status(local(2026, 12, 24, 20), EVENINGS, closures=[christmas]) == OpenStatus(
        False, None, local(2026, 12, 28, 19)
    )


def test_a_closure_that_starts_while_open_ends_the_evening_early() -> None:
    training = (local(2026, 12, 1, 21).astimezone(UTC), local(2026, 12, 1, 23).astimezone(UTC))

    assert status(local(2026, 12, 1, 20), EVENINGS, closures=[training]).until == local(
        2026, 12, 1, 21
    )


def test_a_service_open_all_hours_never_closes_unless_closed() -> None:
    outage = (local(2026, 12, 2, 3).astimezone(UTC), local(2026, 12, 2, 4).astimezone(UTC))

    assert status(local(2026, 12, 1, 3), [], always_open=True) == OpenStatus(True, None, None)
    assert status(local(2026, 12, 1, 3), [], always_open=True, closures=[outage]).until == local(
        2026, 12, 2, 3
    )


def test_without_any_hours_it_never_opens() -> None:
    assert status(local(2026, 12, 1, 20), []) == OpenStatus(False, None, None)
