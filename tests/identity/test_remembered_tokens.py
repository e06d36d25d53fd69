"""Each instance remembers for a few seconds who is behind a token, so that a phone sending
message after message is not looked up every time. Logging out still counts at once."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI
from httpx import AsyncClient

from app.identity.actor_cache import ActorCache
from tests.actors import People, Person, open_room
from tests.conftest import AppStarter, client_for
from tests.devices import Device


async def _session_id(client: AsyncClient, person: Person) -> str:
    sessions = (await client.get("/me/sessions", headers=person.headers)).json()
    return next(session["id"] for session in sessions if session["current"])


async def _push(client: AsyncClient, phone: Device) -> int:
    response = await client.post(
        "/sync/push",
        json={"client_id": str(phone.client_id), "ops": phone.outbox},
        headers=phone.person.headers,
    )
    return response.status_code


async def test_a_lost_phone_logged_out_from_the_laptop_cannot_send_a_moment_later(
    client: AsyncClient, people: People, young_person: Person, coordinator: Person
) -> None:
    room = await open_room(client, coordinator, "Thuis", young_person)
    lost_phone = Device(client, young_person)
    lost_phone.send(room, "net nog verstuurd")
    assert await _push(client, lost_phone) == 200  # the token is now remembered
    laptop = await people.login(young_person.handle, device_label="laptop")

    revoked = await client.delete(
        f"/me/sessions/{await _session_id(client, young_person)}", headers=laptop.headers
    )
    lost_phone.send(room, "door iemand anders")

    assert revoked.status_code == 204
    assert await _push(client, lost_phone) == 401


async def test_an_erased_account_cannot_send_a_moment_later(
    client: AsyncClient, young_person: Person, coordinator: Person
) -> None:
    room = await open_room(client, coordinator, "Thuis", young_person)
    phone = Device(client, young_person)
    phone.send(room, "dag allemaal")
    assert await _push(client, phone) == 200

    erased = await client.request(
        "DELETE",
        "/me",
        json={"passphrase": young_person.passphrase, "community_messages": "keep"},
        headers=phone.person.headers,
    )
    phone.send(room, "nog één")

    assert erased.status_code == 200
    assert await _push(client, phone) == 401


async def test_a_log_out_through_another_instance_counts_here_within_the_cache_time(
    app_with: AppStarter, people: People, young_person: Person, app: FastAPI
) -> None:
    async with (
        app_with(security={"sessions": {"cache_seconds": 0.3}}) as here,
        app_with() as there,
        client_for(here) as http_here,
        client_for(there) as http_there,
    ):
        assert (await http_here.get("/me", headers=young_person.headers)).status_code == 200
        logged_out = await http_there.delete("/me/sessions", headers=young_person.headers)
        await asyncio.sleep(0.35)
        later = await http_here.get("/me", headers=young_person.headers)

    assert logged_out.status_code == 204
    assert later.status_code == 401


def test_the_memory_is_bounded_and_entries_age_out() -> None:
    now = [0.0]
    cache = ActorCache(5, max_entries=2, monotonic=lambda: now[0])
    actor = object()
    for digest in ("a", "b", "c"):
        cache.put(digest, actor)  # type: ignore[arg-type]

    assert cache.get("a") is None  # the oldest made room
    assert cache.get("c") is actor
    now[0] = 5.1
    assert cache.get("c") is None
