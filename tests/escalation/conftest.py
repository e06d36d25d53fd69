"""An evening at an online service open all hours: Vera is checked in and has a chat with
zonnebloem; Pim (GZ-psycholoog) and Bas are the professionals on call, in that order, and
Dr. Sara is the backstop psychiatrist for every location."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient, Response

from app import clock
from app.paging.pager import InMemoryPager, Page
from tests.actors import People, Person
from tests.chat.conftest import asked_and_taken, centre, on_shift

__all__ = ["centre"]  # the fixture, shared with the chat tests


async def put_on_call(
    client: AsyncClient,
    coordinator: Person,
    person: Person,
    tier: str,
    location_id: str | None,
    *,
    started_minutes_ago: int = 60,
) -> None:
    now = clock.now()
    slot = {
        "tier": tier,
        "account_id": str(person.account_id),
        "location_id": location_id,
        "starts_at": (now - timedelta(minutes=started_minutes_ago)).isoformat(),
        "ends_at": (now + timedelta(hours=6)).isoformat(),
    }
    added = await client.post("/oncall", json=slot, headers=coordinator.headers)
    assert added.status_code == 201, added.text


@pytest.fixture
async def second_professional(people: People, coordinator: Person) -> Person:
    bas: Person = await people.staff("professional", invited_by=coordinator, display_name="Bas")
    return bas


@pytest.fixture
async def on_call(
    client: AsyncClient,
    coordinator: Person,
    professional: Person,
    second_professional: Person,
    psychiatrist: Person,
    centre: str,
) -> dict[str, Person]:
    """Pim first (his slot started earlier), then Bas, then the backstop."""
    await put_on_call(client, coordinator, professional, "professional", centre)
    await put_on_call(
        client, coordinator, second_professional, "professional", centre, started_minutes_ago=30
    )
    await put_on_call(client, coordinator, psychiatrist, "psychiatrist", None)
    return {"pim": professional, "bas": second_professional, "sara": psychiatrist}


@pytest.fixture
async def chat(
    client: AsyncClient, coordinator: Person, young_person: Person, volunteer: Person, centre: str
) -> dict[str, Any]:
    """zonnebloem's chat, which Vera has taken."""
    await on_shift(client, coordinator, centre, [volunteer])
    return await asked_and_taken(client, young_person, volunteer, centre)


async def escalate(
    client: AsyncClient,
    volunteer: Person,
    chat: dict[str, Any] | None,
    kind: str,
    summary: str = "Zij praat over niet meer willen leven; ik wil graag overleggen.",
    **more: Any,
) -> Response:
    body = {"id": str(uuid.uuid4()), "kind": kind, "summary": summary, **more}
    if chat is not None:
        body["request_id"] = chat["id"]
    return await client.post("/escalations", json=body, headers=volunteer.headers)


async def opened(
    client: AsyncClient, volunteer: Person, chat: dict[str, Any] | None, kind: str, **more: Any
) -> dict[str, Any]:
    response = await escalate(client, volunteer, chat, kind, **more)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def act(
    client: AsyncClient, person: Person, escalation: dict[str, Any], action: str, **body: Any
) -> Response:
    return await client.post(
        f"/escalations/{escalation['id']}/{action}", json=body or None, headers=person.headers
    )


async def acted(
    client: AsyncClient, person: Person, escalation: dict[str, Any], action: str, **body: Any
) -> dict[str, Any]:
    response = await act(client, person, escalation, action, **body)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


async def pages(app: FastAPI) -> list[Page]:
    """What the pager sent, once the pages handed over have gone out."""
    await app.state.dispatcher.idle()
    pager: InMemoryPager = app.state.pager
    return pager.pages
