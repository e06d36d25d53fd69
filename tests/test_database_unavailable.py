"""Which database errors mean "try again later" (503 with ``Retry-After``) rather than a fault
in what was asked (500): the shapes PostgreSQL's errors take while it stops and starts, which
``tests/faults`` meets for real."""

from __future__ import annotations

import pytest
from sqlalchemy import exc as sa_exc

from app.db import is_unavailable


def _error(sqlstate: str) -> sa_exc.DBAPIError:
    class DriverError(Exception):
        pass

    original = DriverError("from the server")
    original.sqlstate = sqlstate  # type: ignore[attr-defined]
    return sa_exc.DBAPIError("SELECT 1", None, original)


@pytest.mark.parametrize(
    "sqlstate",
    [
        "57P01",  # terminating connection due to administrator command
        "57P02",  # crash shutdown
        "57P03",  # the database system is starting up / shutting down
        "08006",  # connection failure
        "53300",  # too many connections
    ],
)
def test_a_server_going_away_or_coming_back_is_unavailable(sqlstate: str) -> None:
    assert is_unavailable(_error(sqlstate))


@pytest.mark.parametrize("sqlstate", ["23505", "42P01", ""])
def test_a_fault_in_the_question_is_not(sqlstate: str) -> None:
    assert not is_unavailable(_error(sqlstate))


def test_a_refused_connection_is_unavailable() -> None:
    assert is_unavailable(ConnectionRefusedError(111, "Connect call failed"))
