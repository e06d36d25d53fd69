"""A volunteer's week: a coordinator publishes shifts and sees the rota and its gaps;
volunteers sign up (never past the last seat), withdraw in time, and check in and out only
around their shift."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from httpx import AsyncClient

from app import clock
from tests.actors import People, Person, open_location

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _a_monday_weeks_ahead() -> datetime:
    """Three to four weeks from today: every shift here is still to come, whenever it runs."""
    day = datetime.now(AMSTERDAM).date() + timedelta(days=21)
    day += timedelta(days=-day.weekday() % 7)
    return datetime(day.year, day.month, day.day, tzinfo=AMSTERDAM)


MONDAY = _a_monday_weeks_ahead()
EVENINGS = [{"weekday": day, "opens": "19:00", "closes": "22:00"} for day in range(5)]


def evening(day: int, start: int = 19, end: int = 22) -> tuple[datetime, datetime]:
    date = MONDAY + timedelta(days=day)
    return date.replace(hour=start), date.replace(hour=end)


@pytest.fixture
async def centre(client: AsyncClient, coordinator: Person) -> str:
    location = await open_location(client, coordinator, "@ease Utrecht", "centre", hours=EVENINGS)
    return str(location["id"])


async def publish(
    client: AsyncClient, coordinator: Person, centre: str, day: int, seats: int = 2, **extra: Any
) -> dict[str, Any]:
    starts, ends = evening(day)
    body = {
        "location_id": centre,
        "starts_at": starts.isoformat(),
        "ends_at": ends.isoformat(),
        "seats": seats,
        "age_bands": ["12-17", "18-25"],
        **extra,
    }
    response = await client.post("/shifts", json=body, headers=coordinator.headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def test_the_rota_shows_who_is_on_and_where_nobody_is(
    client: AsyncClient,
    coordinator: Person,
    volunteer: Person,
    professional: Person,
    centre: str,
) -> None:
    monday = await publish(client, coordinator, centre, 0)
    starts, ends = evening(0)
    on_call = {"tier": "professional", "account_id": str(professional.account_id)}
    on_call |= {"location_id": centre, "starts_at": starts.isoformat(), "ends_at": ends.isoformat()}
    added = await client.post("/oncall", json=on_call, headers=coordinator.headers)
    wrong_tier = await client.post(
        "/oncall",
        json={**on_call, "account_id": str(volunteer.account_id)},
        headers=coordinator.headers,
    )
    await publish(client, coordinator, centre, 1)  # Tuesday: published, nobody signed up
    signed = await client.post(f"/shifts/{monday['id']}/signup", headers=volunteer.headers)
    period = {
        "location_id": centre,
        "starts": MONDAY.isoformat(),
        "ends": (MONDAY + timedelta(days=3)).isoformat(),
    }

    rota = (await client.get("/shifts/rota", params=period, headers=coordinator.headers)).json()
    seen = (await client.get("/shifts", params=period, headers=volunteer.headers)).json()

    assert signed.status_code == 200
    assert [s["seats_taken"] for s in rota["shifts"]] == [1, 0]
    assert rota["shifts"][0]["volunteers"][0]["display_name"] == "Vera"

    def gaps(missing: str) -> list[tuple[datetime, datetime]]:
        return [
            (datetime.fromisoformat(g["starts_at"]), datetime.fromisoformat(g["ends_at"]))
            for g in rota["gaps"]
            if g["missing"] == missing
        ]

    # Tuesday: nobody signed up; Wednesday: no shift at all; Monday: covered on both counts
    assert gaps("volunteer") == gaps("professional") == [evening(1), evening(2)]
    assert added.status_code == 201
    assert wrong_tier.json()["error"]["code"] == "oncall.not_in_tier"
    assert seen[0]["mine"]["checked_in_at"] is None
    assert seen[0]["volunteers"] == []  # volunteers do not see who else is on


async def test_nobody_gets_past_the_last_seat_even_all_at_once(
    client: AsyncClient, people: People, coordinator: Person, centre: str
) -> None:
    shift = await publish(client, coordinator, centre, 0, seats=2)
    volunteers = [
        await people.staff("volunteer", invited_by=coordinator, display_name=f"Vrijwilliger {n}")
        for n in range(5)
    ]

    answers = await asyncio.gather(
        *(client.post(f"/shifts/{shift['id']}/signup", headers=v.headers) for v in volunteers)
    )

    assert sorted(answer.status_code for answer in answers) == [200, 200, 409, 409, 409]
    full = next(answer for answer in answers if answer.status_code == 409).json()["error"]
    assert full["code"] == "shifts.full"
    assert "2" in full["message"]


async def test_withdrawing_is_possible_until_the_cut_off(
    client: AsyncClient, coordinator: Person, volunteer: Person, centre: str
) -> None:
    shift = await publish(client, coordinator, centre, 0)
    starts, _ = evening(0)
    seat = f"/shifts/{shift['id']}/signup"
    await client.post(seat, headers=volunteer.headers)

    with clock.frozen((starts - timedelta(hours=25)).astimezone(UTC)):
        in_time = await client.delete(seat, headers=volunteer.headers)
        await client.post(seat, headers=volunteer.headers)
    with clock.frozen((starts - timedelta(hours=3)).astimezone(UTC)):
        too_late = await client.delete(seat, headers=volunteer.headers)

    assert in_time.status_code == 204
    assert too_late.status_code == 409
    assert too_late.json()["error"]["code"] == "shifts.withdraw_too_late"


async def test_checking_in_only_around_the_shift(
    client: AsyncClient, coordinator: Person, volunteer: Person, centre: str
) -> None:
    shift = await publish(client, coordinator, centre, 0)
    starts, ends = evening(0)
    base = f"/shifts/{shift['id']}"
    not_signed_up = await client.post(f"{base}/check-in", headers=volunteer.headers)
    await client.post(f"{base}/signup", headers=volunteer.headers)

    with clock.frozen((starts - timedelta(hours=1)).astimezone(UTC)):
        too_early = await client.post(f"{base}/check-in", headers=volunteer.headers)
    with clock.frozen((starts - timedelta(minutes=10)).astimezone(UTC)):
        in_grace = await client.post(f"{base}/check-in", headers=volunteer.headers)
    with clock.frozen((ends - timedelta(minutes=5)).astimezone(UTC)):
        out = await client.post(f"{base}/check-out", headers=volunteer.headers)
        again = await client.post(f"{base}/check-out", headers=volunteer.headers)
        await client.post(f"{base}/check-in", headers=volunteer.headers)  # back for a moment
    with clock.frozen((ends + timedelta(hours=2)).astimezone(UTC)):
        far_too_late = await client.post(f"{base}/check-out", headers=volunteer.headers)

    assert not_signed_up.json()["error"]["code"] == "shifts.not_signed_up"
    assert too_early.status_code == 409
    assert too_early.json()["error"]["code"] == "shifts.outside_window"
    assert in_grace.status_code == 200 and in_grace.json()["checked_in_at"] is not None
    assert out.status_code == 200 and out.json()["checked_out_at"] is not None
    assert again.json()["error"]["code"] == "shifts.not_checked_in"
    assert far_too_late.json()["error"]["code"] == "shifts.outside_window"


async def test_a_coordinator_sets_how_many_chats_a_volunteer_takes(
    client: AsyncClient, coordinator: Person, volunteer: Person, young_person: Person
) -> None:
    capacity = f"/volunteers/{volunteer.account_id}/capacity"

    set_three = await client.put(capacity, json={"chats": 3}, headers=coordinator.headers)
    by_themselves = await client.put(capacity, json={"chats": 9}, headers=volunteer.headers)
    not_a_volunteer = await client.put(
        f"/volunteers/{young_person.account_id}/capacity",
        json={"chats": 3},
        headers=coordinator.headers,
    )

    assert set_three.json() == {"volunteer_id": str(volunteer.account_id), "chats": 3}
    assert by_themselves.status_code == 403
    assert not_a_volunteer.status_code == 404
    assert not_a_volunteer.json()["error"]["code"] == "shifts.volunteer_not_found"


async def test_young_people_do_not_see_the_rota(
    client: AsyncClient, young_person: Person, centre: str
) -> None:
    response = await client.get(
        "/shifts", params={"location_id": centre}, headers=young_person.headers
    )

    assert response.status_code == 403
