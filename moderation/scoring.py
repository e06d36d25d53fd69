"""How much a flag weighs, after Discourse: by the flagger's record, so that people whose
flags moderators uphold are heard sooner and people who flag in bad faith fade out.

Plain functions; ``tests/moderation/test_scoring.py`` walks them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

NEW_ACCOUNT = timedelta(days=1)
YOUNG_ACCOUNT = timedelta(days=7)
BAD_FAITH_AFTER = 3  # dismissed flags before bad faith is presumed
BAD_FAITH_ACCURACY = 0.25
MIN_WEIGHT, MAX_WEIGHT = 0.1, 2.0


@dataclass(frozen=True)
class FlaggerRecord:
    upheld: int  # flags of theirs the moderators agreed with
    dismissed: int  # flags of theirs the moderators dismissed
    account_age: timedelta


def accuracy(record: FlaggerRecord) -> float:
    """How often their flags were upheld, with one upheld and one dismissed assumed up front
    (Laplace), so that one decision never swings it to 0 or 1."""
    return (record.upheld + 1) / (record.upheld + record.dismissed + 2)


def flag_weight(record: FlaggerRecord) -> float:
    """1.0 for someone without a record; up to 1.5 (and 2.0 cap) for a reliable flagger, down
    to 0.5 for an unreliable one; a quarter of that in bad faith (at least three dismissed and
    hardly any upheld); halved in an account's first day and three quarters in its first week,
    so that fresh accounts cannot hide a message together."""
    weight = 0.5 + accuracy(record)
    if record.dismissed >= BAD_FAITH_AFTER and accuracy(record) < BAD_FAITH_ACCURACY:
        weight *= 0.25
    if record.account_age < NEW_ACCOUNT:
        weight *= 0.5
    elif record.account_age < YOUNG_ACCOUNT:
        weight *= 0.75
    return round(min(MAX_WEIGHT, max(MIN_WEIGHT, weight)), 3)


def passes(score: float, threshold: float) -> bool:
    """Whether a message's flags weigh enough to hide it until a moderator looks."""
    return score + 1e-9 >= threshold
