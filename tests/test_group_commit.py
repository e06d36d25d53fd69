"""On a busy evening many phones push at once. Their messages are written together, in one
transaction per group, and one bad push never costs the others theirs."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel.ext.asyncio.session import AsyncSession

from app.db.group_commit import GroupCommit
from app.identity import errors as identity_errors
from app.identity.models import LoginThrottle
from tests import stored
from tests.actors import People, Person, open_room
from tests.devices import Device


def _note(key: str) -> LoginThrottle:
    """A row of a simple table, for units that write something."""
    return LoginThrottle(key=key, failures=1, last_failure_at=datetime.now(UTC))


async def _keys(app: FastAPI) -> set[str]:
    return {row["key"] for row in await stored.rows(app, "SELECT key FROM login_throttle")}


def writing(key: str) -> Any:
    """A unit of work that writes one row."""

    async def unit(session: AsyncSession) -> None:
        session.add(_note(key))

    return unit


def _group_commit(app: FastAPI) -> GroupCommit:
    return GroupCommit(app.state.sessionmaker, None, max_units=64)


async def test_pushes_that_arrive_together_are_written_together(app: FastAPI) -> None:
    writer = _group_commit(app)
    sessions: list[int] = []

    def counted(key: str) -> Any:
        async def unit(session: AsyncSession) -> str:
            sessions.append(id(session))
            await writing(key)(session)
            return key

        return unit

    results = await asyncio.gather(*(writer.run(counted(f"k{i}")) for i in range(12)))

    assert results == [f"k{i}" for i in range(12)]
    assert await _keys(app) == {f"k{i}" for i in range(12)}
    assert len(set(sessions)) < len(sessions), "some units shared a transaction"


async def test_a_refusal_in_a_group_leaves_the_others_written(app: FastAPI) -> None:
    writer = _group_commit(app)

    async def refused(session: AsyncSession) -> None:
        raise identity_errors.SessionInvalid()

    outcomes = await asyncio.gather(
        writer.run(writing("a")),
        writer.run(refused),
        writer.run(writing("b")),
        return_exceptions=True,
    )

    assert isinstance(outcomes[1], identity_errors.SessionInvalid)
    assert outcomes[0] is None and outcomes[2] is None
    assert await _keys(app) == {"a", "b"}


async def test_a_fault_in_one_unit_is_never_another_units_fault(app: FastAPI) -> None:
    """A unit that breaks (or refuses after it wrote) spoils its group's transaction: every
    unit then runs alone, so the others are still written and the broken one leaves nothing."""
    writer = _group_commit(app)

    async def broken(session: AsyncSession) -> None:
        session.add(_note("broken"))
        raise RuntimeError("a bug")

    async def refused_after_writing(session: AsyncSession) -> None:
        session.add(_note("half"))
        raise identity_errors.SessionInvalid()

    outcomes = await asyncio.gather(
        writer.run(writing("a")),
        writer.run(broken),
        writer.run(refused_after_writing),
        writer.run(writing("b")),
        return_exceptions=True,
    )

    assert outcomes[0] is None and outcomes[3] is None
    assert isinstance(outcomes[1], RuntimeError)
    assert isinstance(outcomes[2], identity_errors.SessionInvalid)
    assert await _keys(app) == {"a", "b"}


async def test_many_phones_push_at_once_and_one_has_a_stale_token(
    client: httpx.AsyncClient, people: People, coordinator: Person
) -> None:
    members = [await people.member(f"druk-{i}") for i in range(8)]
    room_id = await open_room(client, coordinator, "Druk", *members)
    devices = [Device(client, member) for member in members]
    for number, device in enumerate(devices):
        device.send(room_id, f"bericht {number}")
    logged_out = members[3]
    assert (await client.post("/auth/logout", headers=logged_out.headers)).status_code == 204

    async def push(device: Device) -> httpx.Response:
        return await client.post(
            "/sync/push",
            json={"client_id": str(device.client_id), "ops": device.outbox},
            headers=device.person.headers,
        )

    responses = await asyncio.gather(*(push(device) for device in devices))

    assert responses[3].status_code == 401
    assert responses[3].json()["error"]["code"] == "auth.session_invalid"
    for number, response in enumerate(responses):
        if number != 3:
            assert response.status_code == 200, response.text
            assert response.json()["results"][0]["status"] == "applied"
    history = await client.get(f"/rooms/{room_id}/messages", headers=members[0].headers)
    bodies = sorted(message["body"] for message in history.json()["messages"])
    assert bodies == sorted(f"bericht {n}" for n in range(8) if n != 3)
