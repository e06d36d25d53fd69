"""How much a flag weighs: the flagger's record and their account's age. No database."""

from __future__ import annotations

from datetime import timedelta

import pytest

from moderation.scoring import FlaggerRecord, accuracy, flag_weight, passes

SEASONED = timedelta(days=30)


def record(upheld: int = 0, dismissed: int = 0, age: timedelta = SEASONED) -> FlaggerRecord:
    return FlaggerRecord(upheld=upheld, dismissed=dismissed, account_age=age)


def test_a_first_flag_weighs_one() -> None:
    assert flag_weight(record()) == 1.0


def test_flags_that_were_upheld_make_the_next_ones_weigh_more() -> None:
    weights = [flag_weight(record(upheld=n)) for n in range(0, 20, 4)]
    assert weights == sorted(weights)
    assert 1.0 < weights[-1] <= 1.5


def test_dismissed_flags_make_the_next_ones_weigh_less_and_bad_faith_fades_out() -> None:
    assert flag_weight(record(dismissed=1)) == pytest.approx(0.5 + 1 / 3, abs=1e-3)
    assert flag_weight(record(dismissed=2)) == 0.75
    assert flag_weight(record(dismissed=3)) == 0.175  # bad faith: a quarter
    assert flag_weight(record(dismissed=50)) == 0.13  # (0.5 + 1/52) x 0.25
    assert flag_weight(record(upheld=5, dismissed=3)) == pytest.approx(0.5 + 0.6)


@pytest.mark.parametrize(
    ("age", "factor"),
    [
        (timedelta(hours=1), 0.5),
        (timedelta(days=1), 0.75),
        (timedelta(days=6), 0.75),
        (timedelta(days=7), 1.0),
    ],
)
def test_young_accounts_weigh_less_so_that_fresh_ones_cannot_gang_up(
    age: timedelta, factor: float
) -> None:
    assert flag_weight(record(age=age)) == factor


def test_a_weight_stays_between_its_bounds() -> None:
    assert flag_weight(record(dismissed=10_000, age=timedelta(0))) == 0.1
    assert flag_weight(record(upheld=10_000)) <= 2.0


def test_accuracy_assumes_one_of_each_up_front() -> None:
    assert accuracy(record()) == 0.5
    assert accuracy(record(upheld=1)) == pytest.approx(2 / 3)


def test_a_message_is_hidden_when_its_flags_reach_the_threshold() -> None:
    assert passes(3.0, 3.0)
    assert passes(0.1 + 0.2 + 2.7, 3.0)  # floating point is no excuse
    assert not passes(2.99, 3.0)
