"""A phone comes back online: it opens one socket, gets everything it missed, then live
changes, with nothing skipped and nothing twice; it can push and see who is typing."""

from __future__ import annotations

import asyncio
import json

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from websockets.exceptions import ConnectionClosed

from tests.actors import People, Person
from tests.devices import Device
from tests.sockets import StalledPhone, opened
from tests.stored import scalar


async def test_a_socket_without_a_valid_token_in_its_first_frame_is_closed(
    live_server: str,
) -> None:
    async with opened(live_server, None) as socket:
        await socket.send({"type": "auth", "token": "vr_verzonnen"})
        refused = await socket.receive()
        with pytest.raises(ConnectionClosed) as closed:
            await socket.receive()
    assert refused["error"]["code"] == "auth.required"
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401


async def test_a_token_in_the_url_is_refused(live_server: str, young_person: Person) -> None:
    from websockets.asyncio.client import connect

    async with connect(f"ws://{live_server}/ws?access_token={young_person.token}") as connection:
        frame = json.loads(await connection.recv())
    assert frame["error"]["code"] == "auth.token_in_url"


async def test_catch_up_then_live_with_no_gap_and_no_duplicate(
    client: AsyncClient,
    live_server: str,
    young_person: Person,
    other_young_person: Person,
    room: str,
) -> None:
    phone = Device(client, young_person)
    await phone.sync()
    writer = Device(client, other_young_person)
    missed = [writer.send(room, f"gemist {n}") for n in range(30)]
    await writer.push()

    stop = asyncio.Event()
    sent_live: list[str] = []

    async def keep_writing() -> None:  # writes that race with the switch to live
        n = 0
        while not stop.is_set():
            sent_live.append(writer.send(room, f"live {n}"))
            await writer.push()
            n += 1
            await asyncio.sleep(0.002)

    received: list[str] = []
    positions: list[int] = []
    async with opened(live_server, young_person, cursor=phone.cursor) as socket:
        writing = asyncio.create_task(keep_writing())
        frames = await socket.receive_until("live")
        await asyncio.sleep(0.3)
        stop.set()
        await writing
        final = writer.send(room, "laatste")
        await writer.push()
        while True:
            frame = await socket.receive()
            if frame["type"] == "message":
                frames.append(frame)
                if frame["message"]["id"] == final:
                    break
    for frame in frames:
        if frame["type"] == "message":
            received.append(frame["message"]["id"])
            positions.append(frame["position"])

    assert received == [*missed, *sent_live, final]
    assert positions == sorted(positions)
    assert len(set(positions)) == len(positions)


async def test_pushing_over_the_socket_gives_the_same_results_as_http(
    client: AsyncClient, app: FastAPI, live_server: str, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    phone.send(room, "via de socket")
    phone.send(room, "")
    ops = list(phone.outbox)
    async with opened(live_server, young_person) as socket:
        await socket.receive_until("live")
        await socket.send(
            {"type": "push", "ref": "een", "client_id": str(phone.client_id), "ops": ops}
        )
        frames = await socket.receive_until("push_result")
        first = frames[-1]
    again = await phone.push(ops)  # the same batch over HTTP

    assert first["ref"] == "een"
    assert [r["status"] for r in first["results"]] == ["applied", "rejected"]
    assert first["results"][1]["error"]["code"] == "messages.empty"
    assert [r["status"] for r in again] == ["duplicate", "duplicate"]
    assert again[0]["result"] == first["results"][0]["result"]
    assert await scalar(app, "SELECT count(*) FROM message") == 1


async def test_typing_reaches_the_room_and_is_never_stored(
    client: AsyncClient,
    app: FastAPI,
    people: People,
    live_server: str,
    young_person: Person,
    other_young_person: Person,
    room: str,
) -> None:
    outsider = await people.member("buitenstaander")
    async with (
        opened(live_server, young_person) as typist,
        opened(live_server, other_young_person) as reader,
        opened(live_server, outsider) as stranger,
    ):
        for socket in (typist, reader, stranger):
            await socket.receive_until("live")
        await typist.send({"type": "typing", "room_id": room})
        typing = await reader.receive()
        with pytest.raises(TimeoutError):
            await stranger.receive(timeout=0.3)
        with pytest.raises(TimeoutError):
            await typist.receive(timeout=0.3)

    assert typing == {
        "type": "typing",
        "room_id": room,
        "who": {"kind": "member", "name": "zonnebloem"},
    }
    assert await scalar(app, "SELECT count(*) FROM message") == 0


async def test_a_socket_of_someone_outside_the_room_gets_nothing_of_it(
    client: AsyncClient, people: People, live_server: str, young_person: Person, room: str
) -> None:
    outsider = await people.member("buitenstaander")
    async with opened(live_server, outsider) as socket:
        await socket.receive_until("live")
        writer = Device(client, young_person)
        writer.send(room, "niet voor jou")
        await writer.push()
        with pytest.raises(TimeoutError):
            await socket.receive(timeout=0.5)


async def test_a_consumer_too_slow_to_keep_up_is_closed_with_a_resume_hint(
    app_with, young_person: Person, other_young_person: Person, room: str
) -> None:
    from tests.conftest import client_for, serving

    slow = {"realtime": {"ring_size": 100, "send_timeout_seconds": 0.2}}
    async with (
        app_with(**slow) as limited,
        serving(limited, send_buffer=4_096) as address,
        client_for(limited) as http,
    ):
        phone = StalledPhone(address)
        await phone.open(young_person)
        async for frame in phone.frames():
            if b'"live"' in frame.data:
                break
        writer = Device(http, other_young_person)
        for _ in range(3):  # the phone is in a tunnel: it reads nothing while a lot arrives
            for n in range(100):
                writer.send(room, f"{n} " + "x" * 3_900)
            await writer.push()
        await asyncio.sleep(0.5)  # still in the tunnel, longer than the server waits for it
        frames = [frame async for frame in phone.frames()]
        phone.close()

        closing = frames[-1]
        assert closing.opcode.name == "CLOSE"
        code = int.from_bytes(closing.data[:2], "big")
        resume = json.loads(closing.data[2:])["resume"]
        delivered = [json.loads(f.data) for f in frames[:-1]]
        assert code == 4408
        assert len(delivered) < 300  # it was cut off, not handed everything

        reader = Device(http, young_person)
        reader.cursor = resume
        await reader.sync()  # nothing is lost: the rest arrives from the resume point
        got = {m["message"]["id"] for m in delivered if m["type"] == "message"} | set(
            reader.messages
        )
        assert len(got) == 300


@pytest.mark.parametrize("cursor", ["deadbeef_1", "onleesbaar"])
async def test_a_cursor_that_cannot_be_answered_resets(
    live_server: str, young_person: Person, cursor: str
) -> None:
    async with opened(live_server, young_person, cursor=cursor) as socket:
        frame = await socket.receive()
        with pytest.raises(ConnectionClosed) as closed:
            await socket.receive()
    assert frame["type"] in {"reset", "error"}
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4409


async def test_a_logged_out_session_is_closed_at_the_next_heartbeat(
    app_with, people: People, young_person: Person
) -> None:
    from tests.conftest import client_for, serving

    async with (
        app_with(realtime={"heartbeat_seconds": 0.2}) as fast,
        serving(fast) as address,
        client_for(fast) as http,
        opened(address, young_person) as socket,
    ):
        await socket.receive_until("live")
        await http.post("/auth/logout", headers=young_person.headers)
        frames = await socket.receive_until("error", timeout=3)
        with pytest.raises(ConnectionClosed) as closed:
            await socket.receive()
    assert frames[-1]["error"]["code"] == "auth.session_invalid"
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401
