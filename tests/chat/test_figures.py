"""A coordinator's figures: how many chats, how long people waited, who gave up, what they said
afterwards. Aggregates only; any cell of fewer than five people stays empty."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from httpx import AsyncClient

from app import clock
from tests.actors import People, Person, open_location


async def test_figures_count_people_but_never_point_at_one(
    client: AsyncClient, people: People, coordinator: Person, volunteer: Person, centre: str
) -> None:
    from tests.chat.test_requests import on_shift_with_capacity

    start = datetime(2026, 11, 10, 9, tzinfo=UTC)  # 10:00 in Amsterdam, a Tuesday
    with clock.frozen(start) as frozen:
        await on_shift_with_capacity(client, coordinator, centre, volunteer, chats=10)
        for minutes in range(1, 7):  # six chats, waiting 1 to 6 minutes
            frozen.at = start + timedelta(minutes=10 * minutes)
            person = await people.member(f"cijfer-{minutes}")
            body = {"id": str(uuid.uuid4()), "location_id": centre}
            asked = (await client.post("/chat/requests", json=body, headers=person.headers)).json()
            frozen.advance(timedelta(minutes=minutes))
            await client.post(
                "/chat/queue/take", json={"request_id": asked["id"]}, headers=volunteer.headers
            )
            await client.post(f"/chat/requests/{asked['id']}/end", headers=person.headers)
            answer = (
                {"next_step": "gp", "felt_heard": 4}
                if minutes < 6
                else {"next_step": "psychologist", "felt_heard": 3}
            )
            await client.post(
                f"/chat/requests/{asked['id']}/survey", json=answer, headers=person.headers
            )
        for n in range(2):  # two withdraw while waiting
            person = await people.member(f"weg-{n}")
            body = {"id": str(uuid.uuid4()), "location_id": centre}
            asked = (await client.post("/chat/requests", json=body, headers=person.headers)).json()
            await client.delete(f"/chat/requests/{asked['id']}", headers=person.headers)

        response = await client.get(
            "/chat/figures", params={"location_id": centre}, headers=coordinator.headers
        )
        for_volunteers = await client.get(
            "/chat/figures", params={"location_id": centre}, headers=volunteer.headers
        )

    numbers = response.json()
    assert response.status_code == 200, response.text
    assert numbers["chats"] == 6
    per_day = numbers["chats_per_day"]
    assert (len(per_day), per_day["2026-11-10"], per_day["2026-11-09"]) == (30, 6, None)
    assert (numbers["wait_median_minutes"], numbers["wait_p90_minutes"]) == (3.5, 6.0)
    assert numbers["abandoned"] is None  # two people: suppressed
    assert numbers["next_steps"] == {
        "gp": 5,
        "psychologist": None,
        "other_arrangement": None,
        "enough_for_now": None,
        "rather_not_say": None,
    }
    assert numbers["felt_heard"] == {"1": None, "2": None, "3": None, "4": 5}
    assert for_volunteers.status_code == 403


async def test_out_of_hours_refusals_are_counted_without_anyone_in_them(
    client: AsyncClient, people: People, coordinator: Person
) -> None:
    closed = await open_location(client, coordinator, "Nooit open", "centre")
    for n in range(5):
        person = await people.member(f"dicht-{n}")
        body = {"id": str(uuid.uuid4()), "location_id": closed["id"]}
        refused = await client.post("/chat/requests", json=body, headers=person.headers)
        assert refused.json()["error"]["code"] == "chat.closed"

    numbers = (
        await client.get(
            "/chat/figures", params={"location_id": closed["id"]}, headers=coordinator.headers
        )
    ).json()

    assert numbers["refused_out_of_hours"] == 5
    assert numbers["chats"] is None
