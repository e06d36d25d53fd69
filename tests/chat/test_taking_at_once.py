"""A busy evening: fifty volunteers press "take next" at the same moment. Every request goes
to one volunteer only, and nobody ends up with more chats than they can hold (on PostgreSQL
this is real concurrency: each take runs in its own transaction on its own connection)."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter

from httpx import AsyncClient

from tests.actors import People, Person
from tests.chat.conftest import on_shift

VOLUNTEERS = 50
REQUESTS = 60


async def test_fifty_volunteers_taking_at_once(
    client: AsyncClient, people: People, coordinator: Person, centre: str
) -> None:
    volunteers = [
        await people.staff("volunteer", invited_by=coordinator, display_name=f"Vrijwilliger {n}")
        for n in range(VOLUNTEERS)
    ]
    await on_shift(client, coordinator, centre, volunteers)
    for n in range(REQUESTS):
        member = await people.member(f"drukte-{n}")
        body = {"id": str(uuid.uuid4()), "location_id": centre}
        asked = await client.post("/chat/requests", json=body, headers=member.headers)
        assert asked.status_code == 201, asked.text

    async def take_all_at_once() -> list[tuple[Person, int, dict]]:  # type: ignore[type-arg]
        answers = await asyncio.gather(
            *(client.post("/chat/queue/take", json={}, headers=v.headers) for v in volunteers)
        )
        return [(v, a.status_code, a.json()) for v, a in zip(volunteers, answers, strict=True)]

    first = await take_all_at_once()
    second = await take_all_at_once()
    third = await take_all_at_once()

    taken = [body["request_id"] for _, status, body in first + second + third if status == 200]
    per_volunteer = Counter(
        v.account_id for v, status, _ in first + second + third if status == 200
    )
    refusals = Counter(body["error"]["code"] for _, status, body in second + third if status != 200)
    assert [status for _, status, _ in first] == [200] * VOLUNTEERS
    assert len(taken) == len(set(taken)) == REQUESTS  # each request once, all of them
    assert max(per_volunteer.values()) <= 2  # the default capacity
    assert set(refusals) <= {"chat.queue_empty", "chat.at_capacity"}
