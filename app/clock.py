"""The service's notion of now, swappable so that tests can move time instead of sleeping.

Every rule that depends on time (expiry, lockouts, later: deadlines and opening hours) asks
``clock.now()``; tests use ``clock.frozen(...)`` to control it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FrozenClock(Clock):
    """A clock that stands still until a test moves it."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def advance(self, delta: timedelta) -> None:
        self.at += delta


_current: Clock = Clock()


def now() -> datetime:
    return _current.now()


@contextmanager
def frozen(at: datetime | None = None) -> Iterator[FrozenClock]:
    """Stop time at ``at`` (default: the real now) for the duration of the block."""
    global _current
    clock = FrozenClock(at or datetime.now(UTC))
    previous, _current = _current, clock
    try:
        yield clock
    finally:
        _current = previous
