"""Who may see what around a 1:1 chat. A volunteer sees the requests of the shift they are
checked in to and a chat's content only while it is theirs; a coordinator sees rota and
figures, never content; in the chat, the young person sees the volunteer's display name and
the volunteer sees only the handle. Each rule with the attempts that must fail."""

from __future__ import annotations

import uuid

from httpx import AsyncClient

from tests.actors import People, Person, open_location
from tests.chat.conftest import asked_and_taken
from tests.devices import Device


async def test_names_in_the_chat_handle_one_way_display_name_the_other(
    client: AsyncClient, young_person: Person, checked_in: Person, centre: str
) -> None:
    request = await asked_and_taken(client, young_person, checked_in, centre)
    reply = Device(client, checked_in)
    reply.send(request["room_id"], "Hoi! Fijn dat je er bent.")
    await reply.push()

    young = Device(client, young_person)
    volunteer = Device(client, checked_in)
    await young.sync()
    await volunteer.sync()

    def authors(device: Device) -> set[tuple[str, str]]:
        return {(m["author"]["kind"], m["author"]["name"]) for m in device.messages.values()}

    assert (
        authors(young)
        == authors(volunteer)
        == {
            ("member", "zonnebloem"),
            ("staff", "Vera"),
        }
    )


async def test_a_volunteer_sees_only_the_requests_of_their_own_shift(
    client: AsyncClient,
    people: People,
    coordinator: Person,
    young_person: Person,
    checked_in: Person,
    centre: str,
) -> None:
    elsewhere = await open_location(client, coordinator, "Elders", "online", always_open=True)
    there = {"id": str(uuid.uuid4()), "location_id": elsewhere["id"]}
    await client.post("/chat/requests", json=there, headers=young_person.headers)

    queue = (await client.get("/chat/queue", headers=checked_in.headers)).json()
    take_it = await client.post(
        "/chat/queue/take", json={"request_id": there["id"]}, headers=checked_in.headers
    )
    off_shift = await people.staff("volunteer", invited_by=coordinator, display_name="Vrij")
    not_on = await client.get("/chat/queue", headers=off_shift.headers)
    other_member = await people.member("nieuwsgierig")
    peek = await client.get(f"/chat/requests/{there['id']}", headers=other_member.headers)

    assert queue == []
    assert take_it.status_code == 404
    assert not_on.json()["error"]["code"] == "chat.not_on_shift"
    assert peek.status_code == 404


async def test_content_only_while_the_chat_is_yours_and_never_for_coordinators(
    client: AsyncClient,
    coordinator: Person,
    young_person: Person,
    checked_in: Person,
    colleague: Person,
    centre: str,
) -> None:
    request = await asked_and_taken(client, young_person, checked_in, centre)
    history = f"/rooms/{request['room_id']}/messages"
    before_handover = await client.get(history, headers=colleague.headers)

    await client.post(
        f"/chat/requests/{request['id']}/handover",
        json={"to": str(colleague.account_id)},
        headers=checked_in.headers,
    )

    assert before_handover.status_code == 404
    assert (await client.get(history, headers=colleague.headers)).status_code == 200
    assert (await client.get(history, headers=checked_in.headers)).status_code == 404
    assert (await client.get(history, headers=coordinator.headers)).status_code == 404
    assert (await client.get("/chat/queue", headers=coordinator.headers)).status_code == 403
    figures = await client.get(
        "/chat/figures", params={"location_id": centre}, headers=coordinator.headers
    )
    assert figures.status_code == 200
    assert "Hoi" not in figures.text
