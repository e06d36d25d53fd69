"""Pulling changes: a first sync gets a window per room, later syncs get every change since the
cursor in order, nothing is ever skipped, and a cursor that cannot be answered gets a reset."""

from __future__ import annotations

import asyncio
import random
import uuid

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from httpx import AsyncClient

from app.db import commit
from app.messaging.outbox import push
from tests.actors import People, Person, actor_of, open_room
from tests.devices import Device


async def test_a_first_sync_gets_my_rooms_a_window_of_messages_and_unread_counts(
    client: AsyncClient, young_person: Person, other_young_person: Person, room: str
) -> None:
    writer = Device(client, other_young_person)
    for n in range(60):
        writer.send(room, f"bericht {n}")
    await writer.push()

    phone = Device(client, young_person)
    first = await phone.sync()

    assert list(phone.rooms) == [room]
    window = phone.room_messages(room)
    assert [m["body"] for m in window] == [f"bericht {n}" for n in range(10, 60)]
    assert first["history"][room] == {"has_older": True, "oldest_seq": window[0]["seq"]}
    assert first["unread"] == {room: 60}
    older = await client.get(
        f"/rooms/{room}/messages",
        params={"before_seq": window[0]["seq"], "limit": 10},
        headers=young_person.headers,
    )
    assert [m["body"] for m in older.json()["messages"]] == [f"bericht {n}" for n in range(10)]
    assert older.json()["has_older"] is False


async def test_later_syncs_bring_new_edited_and_deleted_messages_in_order(
    client: AsyncClient, young_person: Person, other_young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    await phone.sync()
    writer = Device(client, other_young_person)
    keep = writer.send(room, "blijft")
    change = writer.send(room, "wordt anders")
    gone = writer.send(room, "verdwijnt")
    await writer.push()
    writer.edit(change, 1, "is anders")
    writer.delete(gone)
    await writer.push()

    body = await phone.sync()

    kinds = [
        (c["type"], c.get("message", {}).get("id") or c.get("message_id")) for c in body["changes"]
    ]
    assert kinds == [("message", keep), ("message", change), ("tombstone", gone)]
    positions = [c["position"] for c in body["changes"]]
    assert positions == sorted(positions)
    assert [m["body"] for m in phone.room_messages(room)] == ["blijft", "is anders"]
    assert body["unread"] == {room: 2}


async def test_sync_pages_with_has_more(
    client: AsyncClient, app: FastAPI, young_person: Person, other_young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    await phone.sync()
    writer = Device(client, other_young_person)
    for n in range(25):
        writer.send(room, f"{n}")
    await writer.push()

    response = await client.get(
        "/sync", params={"cursor": phone.cursor, "limit": 10}, headers=young_person.headers
    )
    page = response.json()
    assert page["has_more"] is True
    assert len(page["changes"]) == 10
    rest = await client.get(
        "/sync", params={"cursor": page["cursor"], "limit": 100}, headers=young_person.headers
    )
    assert rest.json()["has_more"] is False
    bodies = [c["message"]["body"] for c in page["changes"] + rest.json()["changes"]]
    assert bodies == [str(n) for n in range(25)]


async def test_joining_and_leaving_reach_every_device(
    client: AsyncClient, people: People, coordinator: Person, young_person: Person, room: str
) -> None:
    phone, laptop = Device(client, young_person), Device(client, young_person)
    await phone.sync()
    await laptop.sync()
    second = await open_room(client, coordinator, "Vriendschap", young_person)

    await client.post(f"/rooms/{room}/leave", headers=young_person.headers)
    await laptop.sync()

    assert set(laptop.rooms) == {second}


async def test_nobody_receives_changes_of_rooms_they_are_not_in(
    client: AsyncClient, people: People, young_person: Person, room: str
) -> None:
    outsider = await people.member("buitenstaander")
    outside = Device(client, outsider)
    await outside.sync()
    writer = Device(client, young_person)
    writer.send(room, "alleen voor de ruimte")
    writer.read(room, writer.send(room, "gelezen"))
    await writer.push()

    body = await outside.sync()

    assert body["changes"] == []
    assert outside.messages == {}


async def test_read_markers_are_private(
    client: AsyncClient, young_person: Person, other_young_person: Person, room: str
) -> None:
    other = Device(client, other_young_person)
    await other.sync()
    me = Device(client, young_person)
    message = me.send(room, "hoi")
    await me.push()
    me.read(room, message)
    await me.push()

    body = await other.sync()

    assert [c["type"] for c in body["changes"]] == ["message"]


async def test_an_unreadable_cursor_is_a_clear_error(
    client: AsyncClient, young_person: Person
) -> None:
    response = await client.get("/sync", params={"cursor": "onzin"}, headers=young_person.headers)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "sync.cursor_invalid"


@pytest.mark.parametrize("problem", ["other_epoch", "from_the_future", "before_horizon"])
async def test_a_cursor_the_server_cannot_answer_gets_an_explicit_reset(
    client: AsyncClient,
    app: FastAPI,
    young_person: Person,
    other_young_person: Person,
    room: str,
    problem: str,
) -> None:
    writer = Device(client, other_young_person)
    writer.send(room, "iets")
    await writer.push()
    phone = Device(client, young_person)
    await phone.sync()
    epoch, position = phone.cursor.rsplit("_", 1)  # type: ignore[union-attr]
    cursor = {
        "other_epoch": f"deadbeef_{position}",
        "from_the_future": f"{epoch}_{int(position) + 1000}",
        "before_horizon": phone.cursor,
    }[problem]
    if problem == "before_horizon":
        async with app.state.engine.begin() as connection:
            await connection.execute(sa.text("UPDATE stream_head SET horizon = position + 1"))

    try:
        response = await client.get(
            "/sync", params={"cursor": cursor}, headers=young_person.headers
        )
    finally:
        async with app.state.engine.begin() as connection:
            await connection.execute(sa.text("UPDATE stream_head SET horizon = 0"))

    body = response.json()
    assert body["reset"] is True
    assert [c["message"]["body"] for c in body["changes"] if c["type"] == "message"] == ["iets"]


async def test_no_change_is_skipped_when_an_earlier_transaction_commits_late(
    app: FastAPI, client: AsyncClient, young_person: Person, other_young_person: Person, room: str
) -> None:
    """Writers hold their transactions open for random times while a reader syncs
    continuously; the reader must end up with every message exactly once."""
    reader = Device(client, young_person)
    await reader.sync()
    writers = [await actor_of(app, other_young_person), await actor_of(app, young_person)]
    sent: list[str] = []
    received: list[str] = []

    async def write(n: int) -> None:
        actor = writers[n % 2]
        message_id = str(uuid.uuid4())
        op = {"seq": 1, "type": "send", "room_id": room, "message_id": message_id, "body": f"{n}"}
        async with app.state.sessionmaker() as session:
            await push(session, actor, client_id=uuid.uuid4(), raw_ops=[op])
            await asyncio.sleep(random.uniform(0, 0.05))  # a slow transaction
            await commit(session, app.state.announce)
        sent.append(message_id)

    async def read_until_done(done: asyncio.Event) -> None:
        while True:
            finished = done.is_set()
            body = await reader.sync()
            received.extend(c["message"]["id"] for c in body["changes"] if c["type"] == "message")
            if finished:
                return
            await asyncio.sleep(0.005)

    done = asyncio.Event()
    reading = asyncio.create_task(read_until_done(done))
    await asyncio.gather(*(write(n) for n in range(40)))
    done.set()
    await reading

    assert sorted(received) == sorted(sent)
    assert len(received) == len(set(received))
