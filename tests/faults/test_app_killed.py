"""The app is killed outright (``kill -9``) while twenty phones push their outboxes and retry
whatever got no answer. After the restart, every message the service acknowledged is stored
exactly once in the place it was given, and every one it never answered arrives on retry,
also exactly once: in the database, through ``GET /sync`` and in the room's history."""

from __future__ import annotations

import asyncio
import random
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.actors import People
from tests.actors import open_room as opened_room
from tests.devices import Device
from tests.faults.conftest import Service, first_admin, rows

pytestmark = pytest.mark.postgres_only

PHONES = 20
MESSAGES = 25  # per phone
_LETTERS = str.maketrans("0123456789", "ghijklmnop")  # no digits that look like a phone number


class Phone:
    """A device that pushes from the head of its outbox until it is empty, whatever happens
    to the service meanwhile: no answer means try again."""

    def __init__(self, device: Device) -> None:
        self.device = device
        self.acknowledged: dict[str, int] = {}  # message id -> the place the service gave it
        self.cut_off = 0  # requests that were under way when the service died
        self.refused = 0  # requests that could not even connect
        self._random = random.Random(device.client_id.int)

    async def push_everything(self, http: httpx.AsyncClient) -> None:
        device = self.device
        while device.outbox:
            batch = device.outbox[: self._random.randint(1, 4)]
            try:
                response = await http.post(
                    "/sync/push",
                    json={"client_id": str(device.client_id), "ops": batch},
                    headers=device.person.headers,
                )
            except httpx.ConnectError:
                self.refused += 1
                await asyncio.sleep(0.05)
                continue
            except httpx.TransportError:  # sent, and the answer never came
                self.cut_off += 1
                continue
            if response.status_code != 200:
                assert response.status_code == 503, response.text
                await asyncio.sleep(0.05)
                continue
            results: list[dict[str, Any]] = response.json()["results"]
            for result in results:
                assert result["status"] in ("applied", "duplicate"), result
                message = result["result"]["message"]
                self.acknowledged[message["id"]] = message["seq"]
            settled = {result["seq"] for result in results}
            device.outbox = [op for op in device.outbox if op["seq"] not in settled]


async def changes_since(device: Device) -> list[dict[str, Any]]:
    """Every change after the device's cursor, as ``GET /sync`` hands them out, page by page."""
    changes: list[dict[str, Any]] = []
    while True:
        response = await device.client.get(
            "/sync", params={"cursor": device.cursor}, headers=device.person.headers
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert not body["reset"]
        changes += body["changes"]
        device.cursor = body["cursor"]
        if not body["has_more"]:
            return changes


async def history(device: Device, room: str) -> list[dict[str, Any]]:
    """The room's whole history, paged backwards as an app scrolls up."""
    messages: list[dict[str, Any]] = []
    before: int | None = None
    while True:
        params: dict[str, Any] = {"limit": 200, **({"before_seq": before} if before else {})}
        response = await device.client.get(
            f"/rooms/{room}/messages", params=params, headers=device.person.headers
        )
        assert response.status_code == 200, response.text
        page = response.json()
        messages = page["messages"] + messages
        if not page["has_older"]:
            return messages
        before = page["messages"][0]["seq"]


async def test_every_acknowledged_message_survives_a_kill_9_once_and_the_rest_arrive_on_retry(
    service: Service, engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    instance = service.instance()
    instance.start()
    await instance.ready()
    limits = httpx.Limits(max_connections=PHONES + 5)
    async with httpx.AsyncClient(base_url=instance.base_url, timeout=10, limits=limits) as http:
        people = People(http, None)  # type: ignore[arg-type]
        admin = await first_admin(database_url, http, tmp_path)
        coordinator = await people.staff("coordinator", invited_by=admin, display_name="Coco")
        writers = [await people.member(f"forens-{n}") for n in range(PHONES)]
        reader = await people.member("meelezer")
        room = await opened_room(http, coordinator, "Onderweg", *writers, reader)
        watcher = Device(http, reader)
        await watcher.sync()  # its cursor is from before anything was sent
        phones = [Phone(Device(http, person)) for person in writers]
        for phone in phones:
            tag = phone.device.client_id.hex[:6].translate(_LETTERS)
            for n in range(MESSAGES):
                phone.device.send(room, f"in de trein {tag} bericht {n}")
        sent = {op["message_id"] for phone in phones for op in phone.device.outbox}

        pushing = asyncio.gather(*(phone.push_everything(http) for phone in phones))

        def acknowledged() -> dict[str, int]:
            return {k: v for phone in phones for k, v in phone.acknowledged.items()}

        survived: dict[str, int] = {}  # acknowledged before one of the kills
        for share in (1, 2):  # killed twice: at a third of the messages, and at two thirds
            async with asyncio.timeout(30):
                while len(acknowledged()) < len(sent) * share // 3:  # noqa: ASYNC110
                    await asyncio.sleep(0.005)
            instance.kill()
            survived |= acknowledged()
            await asyncio.sleep(0.3)  # the phones keep trying a service that is not there
            instance = service.restarted(instance)
            instance.start()
            await instance.ready()
        async with asyncio.timeout(60):
            await pushing

        stored = await rows(
            engine, "SELECT id, seq FROM message WHERE room_id = :room", room=uuid.UUID(room)
        )
        through_sync = [
            change["message"]["id"]
            for change in await changes_since(watcher)
            if change["type"] == "message"
        ]
        in_history = [message["id"] for message in await history(watcher, room)]

    assert sum(phone.cut_off for phone in phones) > 0, "the kill caught no request under way"
    assert sum(phone.refused for phone in phones) > 0, "no phone tried while the app was down"
    stored_ids = Counter(str(row["id"]) for row in stored)
    assert len(stored) == len(sent) == PHONES * MESSAGES
    assert set(stored_ids) == sent and max(stored_ids.values()) == 1  # exactly once
    places = {str(row["id"]): row["seq"] for row in stored}
    assert all(places[message] == seq for message, seq in survived.items())
    assert acknowledged() == places  # in the end every one was answered, with its place
    assert Counter(through_sync) == Counter(sent)
    assert max(Counter(through_sync).values()) == 1
    assert sorted(in_history) == sorted(sent)
    assert len(in_history) == len(set(in_history))
