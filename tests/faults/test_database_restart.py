"""PostgreSQL restarts while young people are writing. Meanwhile the app answers every request
quickly with 503 and ``Retry-After`` in the one error shape (never a 500, never a hang), and
``/readyz`` is red. Once PostgreSQL is back the same process recovers by itself: writes
succeed, ``/readyz`` is green, and the real-time ``LISTEN`` connection is back, so a socket
opened before the restart gets new messages again at once, having missed none."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from websockets.exceptions import ConnectionClosed

from tests.actors import People, Person
from tests.actors import open_room as opened_room
from tests.devices import Device
from tests.faults.cluster import Cluster
from tests.faults.conftest import Service, first_admin, rows, until
from tests.sockets import Socket, opened

pytestmark = pytest.mark.postgres_only

WRITERS = 8
DOWN_SECONDS = 3.0
BOUND_SECONDS = 5.0  # no answer, during the outage or after, takes longer than this


@dataclass
class Answer:
    at: float
    seconds: float
    status: int
    body: dict[str, Any]
    retry_after: str | None


@dataclass
class Load:
    """Phones that keep writing, one message per push, and an operator's probe of /readyz."""

    http: httpx.AsyncClient
    room: str
    answers: list[Answer] = field(default_factory=list)
    readiness: list[tuple[float, int, str]] = field(default_factory=list)
    acknowledged: set[str] = field(default_factory=set)
    stopping: bool = False

    async def _ask(self, method: str, path: str, **kwargs: Any) -> Answer:
        started = time.monotonic()
        response = await self.http.request(method, path, **kwargs)
        answer = Answer(
            started,
            time.monotonic() - started,
            response.status_code,
            response.json(),
            response.headers.get("retry-after"),
        )
        self.answers.append(answer)
        return answer

    async def write(self, person: Person, device: Device) -> None:
        n = 0
        while not self.stopping or device.outbox:
            if not device.outbox:
                n += 1
                device.send(self.room, f"nog steeds hier, bericht {n}")
            body = {"client_id": str(device.client_id), "ops": device.outbox[:1]}
            answer = await self._ask("POST", "/sync/push", json=body, headers=person.headers)
            if answer.status == 200:
                [result] = answer.body["results"]
                assert result["status"] in ("applied", "duplicate"), result
                self.acknowledged.add(result["result"]["message"]["id"])
                device.outbox.pop(0)
            await asyncio.sleep(0.02 if answer.status == 200 else 0.1)  # a phone backs off

    async def read(self, person: Person) -> None:
        while not self.stopping:
            await self._ask("GET", "/sync", headers=person.headers)
            await asyncio.sleep(0.1)

    async def probe(self) -> None:
        while not self.stopping:
            started = time.monotonic()
            response = await self.http.get("/readyz")
            self.readiness.append((started, response.status_code, response.json()["database"]))
            await asyncio.sleep(0.1)


async def collect(socket: Socket, into: list[dict[str, Any]]) -> None:
    """Every frame the socket gets, until it closes."""
    try:
        while True:
            into.append(await socket.receive(timeout=3600))
    except ConnectionClosed as closed:
        into.append({"type": "closed", "code": closed.rcvd.code if closed.rcvd else None})


async def socket_while_down(address: str, person: Person) -> list[dict[str, Any]]:
    """A socket opened while the database is away: what it is told before it is closed."""
    frames: list[dict[str, Any]] = []
    async with opened(address, person) as socket:
        await collect(socket, frames)
    return frames


async def test_postgresql_restarts_under_load_and_the_app_recovers_by_itself(
    cluster: Cluster, service: Service, engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    instance = service.instance(
        # Only a NOTIFY wakes the hub within the test's time: a socket that gets new messages
        # at once after the restart shows that the LISTEN connection came back.
        RUIMTE_REALTIME__POLL_SECONDS="60",
        # The socket re-checks its session during the outage too.
        RUIMTE_REALTIME__HEARTBEAT_SECONDS="0.5",
    )
    instance.start()
    await instance.ready()
    timeout = httpx.Timeout(BOUND_SECONDS * 2)
    async with httpx.AsyncClient(base_url=instance.base_url, timeout=timeout) as http:
        people = People(http, None)  # type: ignore[arg-type]
        coordinator = await people.staff(
            "coordinator",
            invited_by=await first_admin(database_url, http, tmp_path),
            display_name="Coco",
        )
        writers = [await people.member(f"schrijver-{n}") for n in range(WRITERS)]
        listener = await people.member("luisteraar")
        room = await opened_room(http, coordinator, "Avondpraat", *writers, listener)
        load = Load(http, room)

        async with opened(instance.address, listener) as socket:
            await socket.receive_until("live")
            frames: list[dict[str, Any]] = []
            collecting = asyncio.create_task(collect(socket, frames))
            work = [
                *(load.write(person, Device(http, person)) for person in writers),
                load.read(listener),
                load.probe(),
            ]
            running = asyncio.gather(*work)
            await asyncio.sleep(1.0)

            await asyncio.to_thread(cluster.stop, "fast")
            down_at = time.monotonic()
            opened_meanwhile = await socket_while_down(instance.address, listener)
            await asyncio.sleep(DOWN_SECONDS - (time.monotonic() - down_at))
            back_at = time.monotonic()  # from here on it may answer again
            await asyncio.to_thread(cluster.start)
            up_at = time.monotonic()

            def wrote_again() -> bool:
                return any(a.status == 200 and a.at > up_at for a in load.answers)

            def ready_again() -> bool:
                return any(at > up_at and status == 200 for at, status, _ in load.readiness)

            writes_back = await until(wrote_again, 10)
            ready_back = await until(ready_again, 10)
            load.stopping = True
            async with asyncio.timeout(30):
                await running

            # A message after all of it reaches the socket opened before the restart, at once.
            last = Device(http, writers[0])
            final_id = last.send(room, "en nu weer live")
            await last.push()
            load.acknowledged.add(final_id)

            def delivered() -> bool:
                return any(f.get("message", {}).get("id") == final_id for f in frames)

            live_again = await until(delivered, 5)
            collecting.cancel()
        stored = await rows(
            engine, "SELECT id FROM message WHERE room_id = :room", room=uuid.UUID(room)
        )

    during = [a for a in load.answers if down_at < a.at < back_at]
    assert during, "nothing was asked while PostgreSQL was down"
    assert {a.status for a in during} == {503}
    assert {a.status for a in load.answers} <= {200, 503}  # never a 500
    refused = [a for a in load.answers if a.status == 503]
    assert len(refused) >= WRITERS  # every phone was told, at least once
    for answer in refused:
        error = answer.body["error"]
        assert error["code"] == "service.unavailable"
        assert error["message"] and isinstance(error["details"], dict)
        assert answer.retry_after is not None and int(answer.retry_after) > 0
    assert max(a.seconds for a in load.answers) < BOUND_SECONDS
    outage = [database for at, _, database in load.readiness if down_at < at < back_at]
    assert outage and set(outage) == {"unreachable"}
    assert writes_back < 10, "no write succeeded after PostgreSQL was back"
    assert ready_back < 10, "/readyz stayed red after PostgreSQL was back"
    assert instance.running  # the same process: it recovered by itself

    assert len(opened_meanwhile) == 2, opened_meanwhile
    error, closed_with = opened_meanwhile
    assert error["type"] == "error" and error["error"]["code"] == "service.unavailable"
    assert closed_with == {"type": "closed", "code": 1013}  # try again later

    closed = [frame for frame in frames if frame["type"] in ("closed", "error")]
    assert not closed, f"the socket was closed: {closed}"
    assert live_again < 3, f"a new message took {live_again} s; frames {frames[-5:]}"
    through_socket = Counter(f["message"]["id"] for f in frames if f["type"] == "message")
    assert set(through_socket) == load.acknowledged  # everything, the missed ones too
    assert max(through_socket.values()) == 1
    assert sorted(str(row["id"]) for row in stored) == sorted(load.acknowledged)
