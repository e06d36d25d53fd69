"""Chaos on the line: 20 phones and laptops each write 100 operations offline, then push them
through a network that drops requests, drops answers, duplicates and delays requests (stale
copies arrive much later, out of order) while the devices keep syncing. At the end every
message exists exactly once, each device's own order is kept, and every device's view of
every room is the server's."""

from __future__ import annotations

import asyncio
import random
from collections import defaultdict
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from tests.actors import People, Person
from tests.devices import Device
from tests.stored import rows

CLIENTS_PER_PERSON = 2
PEOPLE = 10
OPERATIONS = 100


class Network:
    """Decides the fate of each request: lost on the way, answer lost, doubled, or delayed."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.delayed: list[tuple[Device, list[dict[str, Any]]]] = []

    async def push(
        self, device: Device, batch: list[dict[str, Any]]
    ) -> list[dict[str, Any]] | None:
        """Returns the results, or None when the device never hears back."""
        roll = self.random.random()
        if roll < 0.15:
            return None  # lost on the way: nothing arrives
        if roll < 0.30:
            self.delayed.append((device, [dict(op) for op in batch]))  # also arrives, much later
        if roll < 0.40:
            await device.push([dict(op) for op in batch])  # doubled
        results = await device.push(batch)
        if self.random.random() < 0.15:
            return None  # arrived and applied, but the answer is lost
        return results

    async def deliver_some_late(self) -> None:
        self.random.shuffle(self.delayed)
        while self.delayed and self.random.random() < 0.5:
            device, batch = self.delayed.pop()
            await device.push(batch)

    async def deliver_all_late(self) -> None:
        while self.delayed:
            device, batch = self.delayed.pop()
            await device.push(batch)


_LETTERS = str.maketrans("0123456789", "ghijklmnop")


def write_offline(device: Device, rooms: list[str], rng: random.Random) -> dict[str, Any]:
    """Queue OPERATIONS operations; returns what the device means to have said."""
    intended: dict[str, Any] = {"sent": [], "final": {}, "deleted": set()}
    versions: dict[str, int] = {}
    for n in range(OPERATIONS):
        mine = [m for m in intended["sent"] if m not in intended["deleted"]]
        roll = rng.random()
        if mine and roll < 0.10:
            target = rng.choice(mine)
            body = f"{intended['final'][target]} (bewerkt)"
            device.edit(target, versions[target], body)
            versions[target] += 1
            intended["final"][target] = body
        elif mine and roll < 0.15:
            target = rng.choice(mine)
            device.delete(target)
            intended["deleted"].add(target)
        elif mine and roll < 0.20:
            device.read(rng.choice(rooms), rng.choice(mine))
        else:
            # letters only before the number: "1234ab" would be a postcode, and held
            body = f"toestel {device.client_id.hex[:6].translate(_LETTERS)} #{n}"
            message_id = device.send(rng.choice(rooms), body)
            intended["sent"].append(message_id)
            intended["final"][message_id] = body
            versions[message_id] = 1
    return intended


async def test_twenty_devices_on_a_terrible_network_end_up_exactly_right(
    app: FastAPI, client: AsyncClient, people: People, coordinator: Person
) -> None:
    rng = random.Random(113)
    rooms = []
    for name in ("Examens", "Thuis", "Vrienden"):
        response = await client.post(
            "/rooms",
            json={"name": name, "theme": "just_chatting", "age_band": "all"},
            headers=coordinator.headers,
        )
        rooms.append(response.json()["id"])
    devices: list[Device] = []
    for p in range(PEOPLE):
        person = await people.member(f"reiziger-{p}")
        for room in rooms:
            await client.post(f"/rooms/{room}/join", headers=person.headers)
        for _ in range(CLIENTS_PER_PERSON):
            device = Device(client, person)
            await device.sync()
            devices.append(device)
    intended = {id(device): write_offline(device, rooms, rng) for device in devices}
    network = Network(seed=2009)

    async def come_online(device: Device) -> None:
        local = random.Random(device.client_id.int)
        while device.outbox:
            batch = device.outbox[: local.randint(1, 15)]  # always from the head of the outbox
            results = await network.push(device, batch)
            if results is not None:
                assert all(
                    r["status"] != "rejected" or r["error"]["code"] != "sync.out_of_order"
                    for r in results
                    if r["seq"] in {op["seq"] for op in batch}
                )
            if local.random() < 0.3:
                await device.sync()  # reconnects and catches up meanwhile
            if local.random() < 0.2:
                await network.deliver_some_late()
            await asyncio.sleep(0)

    await asyncio.gather(*(come_online(device) for device in devices))
    await network.deliver_all_late()
    for device in devices:
        await device.sync()

    stored = await rows(
        app, "SELECT id, room_id, author_id, body, version, seq, deleted_at FROM message"
    )
    by_id = {str(row["id"]): row for row in stored}
    everything_sent = [m for device in devices for m in intended[id(device)]["sent"]]
    assert len(stored) == len(everything_sent)  # exactly once: nothing lost, nothing doubled
    assert {str(row["id"]).replace("-", "") for row in stored} == {
        m.replace("-", "") for m in everything_sent
    }

    normalise = {key.replace("-", ""): value for key, value in by_id.items()}
    for device in devices:
        plan = intended[id(device)]
        seqs = [normalise[m.replace("-", "")]["seq"] for m in plan["sent"]]
        assert seqs == sorted(seqs), "a device's own order was not kept"
        for message_id in plan["sent"]:
            row = normalise[message_id.replace("-", "")]
            if message_id in plan["deleted"]:
                assert row["deleted_at"] is not None and row["body"] is None
            else:
                assert row["body"] == plan["final"][message_id]

    server_view: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
    for row in stored:
        if row["deleted_at"] is None:
            server_view[str(row["room_id"]).replace("-", "")][str(row["id"]).replace("-", "")] = (
                row["body"],
                row["version"],
            )
    for device in devices:
        device_view: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
        for message in device.messages.values():
            device_view[message["room_id"].replace("-", "")][message["id"].replace("-", "")] = (
                message["body"],
                message["version"],
            )
        assert device_view == server_view
        unread_everywhere = {room: count for room, count in device.unread.items()}
        twin = next(d for d in devices if d.person is device.person and d is not device)
        assert unread_everywhere == twin.unread  # the same numbers on both devices
