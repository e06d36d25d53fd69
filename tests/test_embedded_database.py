"""The embedded database runs SQLite on the event loop: another process holding the write lock
(an operator's backup, a command-line tool) makes a message wait, never fail or freeze the
service for everyone else."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from httpx import AsyncClient
from sqlalchemy.engine import make_url

from app.config import Settings
from app.db import is_sqlite
from tests.actors import Person
from tests.conftest import AppStarter, client_for
from tests.devices import Device


@pytest.fixture(autouse=True)
def _sqlite_only(settings: Settings) -> None:
    if not is_sqlite(settings.database_url):
        pytest.skip("the embedded database is SQLite")


@contextmanager
def another_process_writing(settings: Settings) -> Iterator[sqlite3.Connection]:
    """A second connection that holds SQLite's write lock until the block ends."""
    outsider = sqlite3.connect(
        make_url(settings.database_url).database or "",
        isolation_level=None,
        check_same_thread=False,
    )
    outsider.execute("BEGIN IMMEDIATE")
    try:
        yield outsider
    finally:
        outsider.rollback()
        outsider.close()


async def test_a_message_waits_for_another_writer_while_the_service_keeps_answering(
    client: AsyncClient, settings: Settings, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    phone.send(room, "ik wacht wel even")

    with another_process_writing(settings):
        pushing = asyncio.create_task(phone.push())
        await asyncio.sleep(0.3)
        assert not pushing.done()  # waiting for the lock, in a worker thread

        # Meanwhile the event loop is free: others are answered, readers are not blocked.
        assert (await client.get("/healthz")).status_code == 200
        history = await client.get(f"/rooms/{room}/messages", headers=young_person.headers)
        assert history.status_code == 200

    results = await pushing
    assert [r["status"] for r in results] == ["applied"]


async def test_a_lock_held_past_the_busy_timeout_answers_503_and_the_retry_lands_once(
    app_with: AppStarter, settings: Settings, young_person: Person, room: str
) -> None:
    async with (
        app_with(database={"sqlite_busy_timeout_ms": 200}) as impatient,
        client_for(impatient) as client,
    ):
        phone = Device(client, young_person)
        phone.send(room, "nog een keer proberen")
        request = {"client_id": str(phone.client_id), "ops": phone.outbox}

        with another_process_writing(settings):
            refused = await client.post("/sync/push", json=request, headers=young_person.headers)

        assert refused.status_code == 503
        assert refused.json()["error"]["code"] == "service.unavailable"
        assert int(refused.headers["Retry-After"]) >= 1

        results = await phone.push()
        assert [r["status"] for r in results] == ["applied"]
        history = await client.get(f"/rooms/{room}/messages", headers=young_person.headers)
        bodies = [m["body"] for m in history.json()["messages"]]
        assert bodies.count("nog een keer proberen") == 1
