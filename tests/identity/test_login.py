"""Logging in: the same answer for a wrong handle and a wrong passphrase; guessing slows down
and then locks for a while; nobody is identified to do so."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from app import clock
from app.config import LoginThrottleSettings
from app.identity.throttle import ThrottleState, delay_after, refusal
from tests.actors import People, Person
from tests.conftest import AppStarter, client_for
from tests.stored import rows

POLICY = LoginThrottleSettings()  # 5 free failures, lock after 10 for 15 minutes


async def login(client: AsyncClient, handle: str, passphrase: str):
    return await client.post("/auth/login", json={"handle": handle, "passphrase": passphrase})


async def test_wrong_handle_and_wrong_passphrase_get_the_same_answer(
    client: AsyncClient, young_person: Person
) -> None:
    wrong_passphrase = await login(client, young_person.handle, "not the right one at all")
    unknown_handle = await login(client, "bestaat-niet", "not the right one at all")

    assert wrong_passphrase.status_code == unknown_handle.status_code == 401
    assert wrong_passphrase.json() == unknown_handle.json()
    assert wrong_passphrase.json()["error"]["code"] == "identity.invalid_credentials"


async def test_the_handle_is_matched_without_regard_to_case(
    people: People, young_person: Person
) -> None:
    person = await people.login(young_person.handle.upper())
    assert person.account_id == young_person.account_id


@pytest.mark.parametrize(
    ("failures", "expected"), [(0, 0), (5, 0), (6, 1), (7, 2), (8, 4), (9, 8), (20, 60)]
)
def test_the_delay_doubles_after_the_free_failures_and_is_capped(
    failures: int, expected: int
) -> None:
    assert delay_after(failures, POLICY) == expected


def test_an_attempt_inside_the_delay_or_the_lock_is_refused_before_checking() -> None:
    now = datetime(2026, 11, 22, 23, 0, tzinfo=UTC)
    slowed = ThrottleState(failures=7, last_failure_at=now, locked_until=None)
    locked = ThrottleState(
        failures=10, last_failure_at=now, locked_until=now + timedelta(minutes=15)
    )

    assert refusal(None, POLICY, now) is None
    assert refusal(slowed, POLICY, now).code == "identity.login_throttled"  # type: ignore[union-attr]
    assert refusal(slowed, POLICY, now + timedelta(seconds=2)) is None
    lock = refusal(locked, POLICY, now + timedelta(minutes=1))
    assert lock is not None and lock.code == "identity.login_locked"
    assert lock.details["retry_after"] == 14 * 60
    assert refusal(locked, POLICY, now + timedelta(minutes=15)) is None


async def test_guessing_slows_down_then_locks_even_the_right_passphrase_out_for_a_while(
    client: AsyncClient, young_person: Person
) -> None:
    with clock.frozen(clock.now()) as frozen:
        for _ in range(POLICY.free_failures):
            assert (await login(client, young_person.handle, "gok gok gok gok")).status_code == 401

        # Failure six counts, then the next attempt must wait one second.
        assert (await login(client, young_person.handle, "gok gok gok gok")).status_code == 401
        too_soon = await login(client, young_person.handle, young_person.passphrase)
        assert too_soon.status_code == 429
        assert too_soon.json()["error"]["code"] == "identity.login_throttled"
        assert too_soon.headers["retry-after"] == "1"

        for _ in range(POLICY.lock_after_failures - POLICY.free_failures - 1):
            frozen.advance(timedelta(seconds=POLICY.max_delay_seconds))
            assert (await login(client, young_person.handle, "gok gok gok gok")).status_code == 401

        frozen.advance(timedelta(seconds=POLICY.max_delay_seconds))
        locked = await login(client, young_person.handle, young_person.passphrase)
        assert locked.status_code == 429
        assert locked.json()["error"]["code"] == "identity.login_locked"
        assert int(locked.headers["retry-after"]) > 60

        frozen.advance(timedelta(minutes=POLICY.lock_minutes))
        assert (
            await login(client, young_person.handle, young_person.passphrase)
        ).status_code == 200
        # a success wipes the slate
        assert (await login(client, young_person.handle, "gok gok gok gok")).status_code == 401
        assert (
            await login(client, young_person.handle, young_person.passphrase)
        ).status_code == 200


async def test_unknown_handles_are_throttled_alike_and_never_stored(
    client: AsyncClient, app: FastAPI
) -> None:
    with clock.frozen(clock.now()):
        for _ in range(POLICY.free_failures + 1):
            await login(client, "Sanne-de-Vries", "gok gok gok gok")
        response = await login(client, "Sanne-de-Vries", "gok gok gok gok")

    assert response.json()["error"]["code"] == "identity.login_throttled"
    assert "sanne" not in repr(await rows(app, "SELECT * FROM login_throttle")).lower()


async def test_logins_and_registrations_are_rate_limited_per_client(app_with: AppStarter) -> None:
    budgets = {"security": {"rate_limits": {"register_per_hour": 2, "login_per_minute": 3}}}
    async with app_with(**budgets) as app:
        async with client_for(app, "198.51.100.1") as client:
            people = People(client, app)
            await people.member("eerste")
            await people.member("tweede")
            third = await client.post(
                "/auth/register",
                json={"handle": "derde", "passphrase": "paarse olifant danst", "age_band": "18-25"},
            )
            for _ in range(3):
                await login(client, "eerste", "fout fout fout fout")
            fourth_login = await login(client, "eerste", "fout fout fout fout")
        async with client_for(app, "198.51.100.2") as elsewhere:
            from_elsewhere = await People(elsewhere, app).member("derde")
        limiter_memory = repr(app.state.rate_limiter._windows)

    assert third.status_code == 429
    assert third.json()["error"]["code"] == "request.rate_limited"
    assert int(third.headers["retry-after"]) > 0
    assert fourth_login.status_code == 429
    assert from_elsewhere.handle == "derde"
    assert "198.51.100" not in limiter_memory  # only a keyed hash of the address is held
