"""Several app instances behind a proxy, one PostgreSQL: a message sent through instance A
reaches a socket on instance B, in order; and even an instance that hears no notifications at
all (a lost NOTIFY) delivers everything, by reading the stream from the database."""

from __future__ import annotations

import asyncio
import time
from contextlib import AbstractAsyncContextManager

import httpx
import pytest
from fastapi import FastAPI

from app.config import Settings
from tests import databases
from tests.actors import People, open_room
from tests.devices import Device
from tests.processes import running
from tests.sockets import opened

pytestmark = pytest.mark.skipif(
    not databases.is_postgres(), reason="fan-out across instances goes through PostgreSQL"
)


def instance(settings: Settings, **environment: str) -> AbstractAsyncContextManager[str]:
    """A real uvicorn process of the app on 127.0.0.1; yields ``host:port``."""
    return running(
        {
            "RUIMTE_DATABASE__URL": settings.database_url,
            "RUIMTE_SECURITY__SECRET_KEY": settings.security.secret_key.get_secret_value(),
            "RUIMTE_REALTIME__POLL_SECONDS": "0.3",
            **environment,
        }
    )


async def test_a_message_sent_through_one_instance_reaches_sockets_on_the_others(
    app: FastAPI, settings: Settings
) -> None:
    async with (
        instance(settings) as a,
        instance(settings) as b,
        instance(settings, RUIMTE_REALTIME__BROKER="memory") as deaf,  # hears no NOTIFY
        httpx.AsyncClient(base_url=f"http://{a}") as through_a,
    ):
        people = People(through_a, app)
        coordinator = await people.staff(
            "coordinator", invited_by=await people.first_admin(), display_name="Coco"
        )
        sender = await people.member("afzender")
        listener = await people.member("luisteraar")
        room = await open_room(through_a, coordinator, "Over de grens", sender, listener)

        async with opened(b, listener) as on_b, opened(deaf, listener) as on_deaf:
            await on_b.receive_until("live")
            await on_deaf.receive_until("live")
            phone = Device(through_a, sender)
            sent = [phone.send(room, f"via A {n}") for n in range(20)]
            await phone.push()

            async def messages(socket: object) -> list[str]:
                ids: list[str] = []
                while len(ids) < len(sent):
                    frame = await socket.receive(timeout=10)  # type: ignore[attr-defined]
                    if frame["type"] == "message":
                        ids.append(frame["message"]["id"])
                return ids

            started = time.monotonic()
            on_b_ids = await messages(on_b)
            b_seconds = time.monotonic() - started
            on_deaf_ids = await asyncio.wait_for(messages(on_deaf), 10)

    assert on_b_ids == sent  # everything, once, in order
    assert on_deaf_ids == sent  # no notice heard: the database poll delivers all the same
    assert b_seconds < 5
