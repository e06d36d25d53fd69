"""Live over the WebSocket: a young person waiting sees their place move up without asking,
and the volunteers on shift see a new request arrive."""

from __future__ import annotations

import uuid
from typing import Any

from httpx import AsyncClient

from tests.actors import People, Person
from tests.sockets import Socket, opened


async def next_of(socket: Socket, kind: str) -> dict[str, Any]:
    return (await socket.receive_until(kind))[-1]


async def test_the_place_in_the_queue_and_the_queue_itself_update_live(
    client: AsyncClient,
    live_server: str,
    people: People,
    young_person: Person,
    checked_in: Person,
    centre: str,
) -> None:
    ahead = await people.member("eerder", age_band="12-17")
    first = {"id": str(uuid.uuid4()), "location_id": centre}
    await client.post("/chat/requests", json=first, headers=ahead.headers)

    async with (
        opened(live_server, young_person) as phone,
        opened(live_server, checked_in) as volunteer_phone,
    ):
        await phone.receive_until("live")
        await volunteer_phone.receive_until("live")
        mine = {"id": str(uuid.uuid4()), "location_id": centre}
        asked = await client.post("/chat/requests", json=mine, headers=young_person.headers)
        queued = await next_of(phone, "chat_request")
        seen_by_volunteer = await next_of(volunteer_phone, "chat_queue")

        await client.post(
            "/chat/queue/take", json={"request_id": first["id"]}, headers=checked_in.headers
        )
        moved_up = await next_of(phone, "chat_request")
        after_take = await next_of(volunteer_phone, "chat_queue")

    assert asked.status_code == 201
    assert (queued["id"], queued["position"]) == (mine["id"], 2)
    assert [item["id"] for item in seen_by_volunteer["waiting"]] == [first["id"], mine["id"]]
    assert (moved_up["id"], moved_up["position"], moved_up["state"]) == (mine["id"], 1, "waiting")
    assert [item["id"] for item in after_take["waiting"]] == [mine["id"]]
    assert "priority" not in queued and "urgent" not in queued
