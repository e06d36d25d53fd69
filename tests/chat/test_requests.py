"""A young person asks for a chat and a volunteer on shift picks it up: nobody waits forever,
nobody is queued into the void out of hours, and the young person never sees how urgent their
request looked."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from httpx import AsyncClient

from app import clock
from tests.actors import People, Person, open_location
from tests.stored import scalar


async def ask(
    client: AsyncClient, person: Person, centre: str, first_message: str | None = None, **extra: Any
) -> Any:
    body = {"id": str(uuid.uuid4()), "location_id": centre, **extra}
    if first_message is not None:
        body["first_message"] = first_message
    return await client.post("/chat/requests", json=body, headers=person.headers)


async def test_a_young_person_asks_and_a_volunteer_on_shift_takes_the_chat(
    client: AsyncClient, young_person: Person, checked_in: Person, centre: str
) -> None:
    asked = await ask(
        client, young_person, centre, "Het is thuis echt heel zwaar.", theme="home_and_family"
    )
    request = asked.json()
    queue = (await client.get("/chat/queue", headers=checked_in.headers)).json()

    taken = await client.post("/chat/queue/take", json={}, headers=checked_in.headers)
    after = (
        await client.get(f"/chat/requests/{request['id']}", headers=young_person.headers)
    ).json()
    volunteer_sync = (await client.get("/sync", headers=checked_in.headers)).json()

    assert asked.status_code == 201, asked.text
    assert (request["state"], request["position"]) == ("waiting", 1)
    assert "priority" not in request and "urgent" not in request
    assert [item["id"] for item in queue] == [request["id"]]
    assert "first_message" not in queue[0]  # content only once the chat is theirs
    assert taken.json() == {"request_id": request["id"], "room_id": request["room_id"]}
    assert (after["state"], after["position"]) == ("active", None)
    bodies = [c["message"]["body"] for c in volunteer_sync["changes"] if c["type"] == "message"]
    assert bodies == ["Het is thuis echt heel zwaar."]


async def test_out_of_hours_the_answer_says_when_chat_opens_and_where_to_turn(
    app: Any, client: AsyncClient, coordinator: Person, young_person: Person
) -> None:
    evenings = [{"weekday": day, "opens": "19:00", "closes": "22:00"} for day in range(7)]
    centre = await open_location(client, coordinator, "@ease Utrecht", "centre", hours=evenings)

    with clock.frozen(datetime(2026, 12, 1, 11, tzinfo=UTC)):  # 12:00 in Amsterdam
        refused = await ask(client, young_person, centre["id"], "Hoi")
        refused_en = await client.post(
            "/chat/requests",
            json={"id": str(uuid.uuid4()), "location_id": centre["id"]},
            headers={**young_person.headers, "accept-language": "en"},
        )

    error = refused.json()["error"]
    assert refused.status_code == 409
    assert error["code"] == "chat.closed"
    assert "2026-12-01 19:00" in error["message"] and "113" in error["message"]
    assert error["details"]["next_opens"].startswith("2026-12-01T18:00")
    assert "It opens again at 2026-12-01 19:00" in refused_en.json()["error"]["message"]
    assert await scalar(app, "SELECT count(*) FROM chat_request") == 0


async def test_one_open_request_at_a_time_and_a_resend_is_the_same_request(
    client: AsyncClient, young_person: Person, centre: str
) -> None:
    body = {"id": str(uuid.uuid4()), "location_id": centre}
    first = await client.post("/chat/requests", json=body, headers=young_person.headers)
    resent = await client.post("/chat/requests", json=body, headers=young_person.headers)
    second = await ask(client, young_person, centre)
    cancelled = await client.delete(f"/chat/requests/{body['id']}", headers=young_person.headers)
    again = await ask(client, young_person, centre)

    assert first.status_code == resent.status_code == 201
    assert resent.json()["room_id"] == first.json()["room_id"]
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "chat.request_open"
    assert cancelled.json()["state"] == "cancelled"
    assert again.status_code == 201


async def test_need_goes_first_but_nobody_waits_forever(
    client: AsyncClient, people: People, checked_in: Person, centre: str
) -> None:
    start = clock.now()
    arrivals: dict[str, str] = {}
    with clock.frozen(start) as frozen:
        for name, minute, text in [
            ("anna", 0, "Ik wil even praten over school."),
            ("bram", 1, "Gedoe met vrienden."),
            ("cleo", 2, "Ik wil niet meer leven."),
            ("daan", 20, "I want to die."),
        ]:
            frozen.at = start + timedelta(minutes=minute)
            person = await people.member(f"wacht-{name}")
            arrivals[(await ask(client, person, centre, text)).json()["id"]] = name
        queue = (await client.get("/chat/queue", headers=checked_in.headers)).json()

    assert [arrivals[item["id"]] for item in queue] == ["cleo", "anna", "bram", "daan"]
    assert [item["urgent"] for item in queue] == [True, False, False, True]


async def test_taking_needs_a_shift_a_free_hand_and_a_request_still_waiting(
    client: AsyncClient,
    people: People,
    coordinator: Person,
    volunteer: Person,
    young_person: Person,
    centre: str,
) -> None:
    off_shift = await client.post("/chat/queue/take", json={}, headers=volunteer.headers)
    await on_shift_with_capacity(client, coordinator, centre, volunteer, chats=1)
    first = (await ask(client, young_person, centre)).json()
    second = (await ask(client, await people.member("tweede", age_band="12-17"), centre)).json()

    took = await client.post("/chat/queue/take", json={}, headers=volunteer.headers)
    full = await client.post("/chat/queue/take", json={}, headers=volunteer.headers)
    colleague = await people.staff("volunteer", invited_by=coordinator, display_name="Collega")
    from tests.chat.conftest import on_shift

    await on_shift(client, coordinator, centre, [colleague])
    gone = await client.post(
        "/chat/queue/take", json={"request_id": first["id"]}, headers=colleague.headers
    )

    assert off_shift.json()["error"]["code"] == "chat.not_on_shift"
    assert took.json()["request_id"] == first["id"]
    assert full.status_code == 409 and full.json()["error"]["code"] == "chat.at_capacity"
    assert gone.status_code == 409 and gone.json()["error"]["code"] == "chat.already_taken"
    assert second["position"] == 2


async def test_teens_go_to_volunteers_who_serve_them(
    client: AsyncClient, people: People, coordinator: Person, volunteer: Person, centre: str
) -> None:
    from tests.chat.conftest import on_shift

    await on_shift(client, coordinator, centre, [volunteer], age_bands=("18-25",))
    teen = await people.member("tiener", age_band="12-17")
    asked = (await ask(client, teen, centre)).json()

    next_one = await client.post("/chat/queue/take", json={}, headers=volunteer.headers)
    this_one = await client.post(
        "/chat/queue/take", json={"request_id": asked["id"]}, headers=volunteer.headers
    )

    assert next_one.json()["error"]["code"] == "chat.queue_empty"
    assert this_one.json()["error"]["code"] == "chat.age_band_not_served"


async def on_shift_with_capacity(
    client: AsyncClient, coordinator: Person, centre: str, volunteer: Person, *, chats: int
) -> None:
    from tests.chat.conftest import on_shift

    await client.put(
        f"/volunteers/{volunteer.account_id}/capacity",
        json={"chats": chats},
        headers=coordinator.headers,
    )
    await on_shift(client, coordinator, centre, [volunteer])


async def test_asking_from_two_phones_at_once_opens_one_request(
    client: AsyncClient, young_person: Person, centre: str
) -> None:
    import asyncio

    answers = await asyncio.gather(*(ask(client, young_person, centre) for _ in range(4)))

    assert sorted(answer.status_code for answer in answers) == [201, 409, 409, 409]
    assert {a.json()["error"]["code"] for a in answers if a.status_code == 409} == {
        "chat.request_open"
    }
