"""An evening with zonnebloem: she writes in the community room "Thuis" (where merel reads
along) and has a 1:1 chat with Vera; Pim is the professional on call."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient, Response

from app import clock
from app.config import Settings
from tests.actors import Person, open_room
from tests.conftest import make_settings
from tests.devices import Device
from tests.escalation.conftest import centre, chat, on_call, second_professional

__all__ = ["centre", "chat", "on_call", "second_professional"]  # fixtures, shared


@pytest.fixture
async def thuis(
    client: AsyncClient, coordinator: Person, young_person: Person, other_young_person: Person
) -> str:
    return await open_room(client, coordinator, "Thuis", young_person, other_young_person)


async def erase(
    client: AsyncClient, person: Person, community_messages: str, passphrase: str | None = None
) -> Response:
    return await client.request(
        "DELETE",
        "/me",
        json={
            "passphrase": passphrase or person.passphrase,
            "community_messages": community_messages,
        },
        headers=person.headers,
    )


async def said(device: Device, room_id: str, body: str) -> str:
    """Send one message from ``device`` and wait until the server has it."""
    message_id = device.send(room_id, body)
    results = await device.push()
    assert all(r["status"] == "applied" for r in results), results
    return message_id


def chat_room(chat_request: dict[str, Any]) -> str:
    return str(chat_request["room_id"])


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    """Devices stay logged in for years here: these stories move the clock by months."""
    return make_settings(
        database_url, tmp_path, security={"sessions": {"idle_days": 5000, "max_days": 5000}}
    )


@pytest.fixture
def now() -> Iterator[clock.FrozenClock]:
    with clock.frozen() as frozen:
        yield frozen


async def sweep(app: FastAPI) -> dict[str, int]:
    """One retention step, as the background sweep runs it."""
    done: dict[str, int] = await app.state.retention.step()
    return done
