"""A centre that is open and a volunteer checked in to a shift there, ready to take chats."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from httpx import AsyncClient

from app import clock
from tests.actors import Person, open_location


@pytest.fixture
async def centre(client: AsyncClient, coordinator: Person) -> str:
    """An online service open all hours."""
    service = await open_location(client, coordinator, "Chat 24/7", "online", always_open=True)
    return str(service["id"])


async def on_shift(
    client: AsyncClient,
    coordinator: Person,
    centre: str,
    volunteers: list[Person],
    *,
    age_bands: tuple[str, ...] = ("12-17", "18-25"),
) -> str:
    """A shift running now, with every one of ``volunteers`` signed up and checked in."""
    now = clock.now()
    body: dict[str, Any] = {
        "location_id": centre,
        "starts_at": (now - timedelta(hours=1)).isoformat(),
        "ends_at": (now + timedelta(hours=3)).isoformat(),
        "seats": max(1, len(volunteers)),
        "age_bands": list(age_bands),
    }
    shift = await client.post("/shifts", json=body, headers=coordinator.headers)
    assert shift.status_code == 201, shift.text
    shift_id = shift.json()["id"]
    for volunteer in volunteers:
        for step in ("signup", "check-in"):
            done = await client.post(f"/shifts/{shift_id}/{step}", headers=volunteer.headers)
            assert done.status_code == 200, done.text
    return str(shift_id)


@pytest.fixture
async def checked_in(
    client: AsyncClient, coordinator: Person, volunteer: Person, centre: str
) -> Person:
    await on_shift(client, coordinator, centre, [volunteer])
    return volunteer


async def asked_and_taken(
    client: AsyncClient, young_person: Person, volunteer: Person, centre: str
) -> dict[str, Any]:
    body = {"id": str(uuid.uuid4()), "location_id": centre, "first_message": "Mag ik even praten?"}
    request = (await client.post("/chat/requests", json=body, headers=young_person.headers)).json()
    taken = await client.post(
        "/chat/queue/take", json={"request_id": request["id"]}, headers=volunteer.headers
    )
    assert taken.status_code == 200, taken.text
    return request  # type: ignore[no-any-return]


@pytest.fixture
async def colleague(client: AsyncClient, people: Any, coordinator: Person, centre: str) -> Person:
    """Noor, another volunteer checked in at the same place."""
    noor: Person = await people.staff("volunteer", invited_by=coordinator, display_name="Noor")
    await on_shift(client, coordinator, centre, [noor])
    return noor
