"""A community room with its peers: two moderators, a writer and three readers, whose
accounts are old enough that their flags carry full weight (time is frozen and moved on)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest

from app import clock
from tests.actors import People, Person, open_room
from tests.devices import Device


@pytest.fixture
def now() -> Iterator[clock.FrozenClock]:
    with clock.frozen() as frozen:
        yield frozen


@dataclass
class Community:
    room: str
    moderator: Person
    second_moderator: Person
    writer: Person
    readers: list[Person]
    client: httpx.AsyncClient
    clock: clock.FrozenClock
    coordinator: Person

    def tick(self) -> None:
        """A second passes between things people do (time stands still otherwise)."""
        self.clock.advance(timedelta(seconds=1))

    async def post(self, person: Person, body: str) -> tuple[str, dict[str, Any]]:
        """``person`` sends ``body``; returns the message id and the push result."""
        self.tick()
        device = Device(self.client, person)
        message_id = device.send(self.room, body)
        [result] = await device.push()
        return message_id, result

    async def flag(self, person: Person, **target: Any) -> None:
        response = await self.client.post("/moderation/flags", json=target, headers=person.headers)
        assert response.status_code == 202, response.text
        assert response.json() == {"received": True}

    async def act(self, moderator: Person, **body: Any) -> httpx.Response:
        self.tick()
        return await self.client.post(
            f"/moderation/rooms/{self.room}/actions", json=body, headers=moderator.headers
        )

    async def log(self, person: Person) -> list[dict[str, Any]]:
        response = await self.client.get(
            f"/moderation/rooms/{self.room}/log", headers=person.headers
        )
        assert response.status_code == 200, response.text
        entries: list[dict[str, Any]] = response.json()
        return entries

    async def queue(self, moderator: Person) -> list[dict[str, Any]]:
        response = await self.client.get(
            f"/moderation/rooms/{self.room}/queue", headers=moderator.headers
        )
        assert response.status_code == 200, response.text
        cases: list[dict[str, Any]] = response.json()
        return cases


async def appoint(
    client: httpx.AsyncClient, appointer: Person, room: str, member: Person
) -> httpx.Response:
    return await client.post(
        f"/moderation/rooms/{room}/moderators",
        json={"member": member.handle},
        headers=appointer.headers,
    )


@pytest.fixture
async def community(
    client: httpx.AsyncClient, people: People, coordinator: Person, now: clock.FrozenClock
) -> Community:
    """ "Na school": rules of its own, two peer moderators (the coordinator appointed the first,
    she the second), a writer and three readers, all on the service for more than a week."""
    members = [
        await people.member(handle)
        for handle in ("lotte", "sam", "schrijver", "lezer-een", "lezer-twee", "lezer-drie")
    ]
    room = await open_room(client, coordinator, "Na school", *members)
    rules = "1. Wees aardig\n2. Geen reclame\n3. Geen gevaarlijke tips"
    edited = await client.patch(
        f"/rooms/{room}", json={"rules": rules}, headers=coordinator.headers
    )
    assert edited.status_code == 200, edited.text
    lotte, sam, writer, *readers = members
    assert (await appoint(client, coordinator, room, lotte)).status_code == 201
    assert (await appoint(client, lotte, room, sam)).status_code == 201
    now.advance(timedelta(days=8))
    return Community(room, lotte, sam, writer, readers, client, now, coordinator)
