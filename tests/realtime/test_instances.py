"""Several app instances behind a proxy, one PostgreSQL: a message sent through instance A
reaches a socket on instance B, in order; and even an instance that hears no notifications at
all (a lost NOTIFY) delivers everything, by reading the stream from the database."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from app.config import Settings
from tests import databases
from tests.actors import People, open_room
from tests.devices import Device
from tests.sockets import opened
from tests.test_commands import free_port

pytestmark = pytest.mark.skipif(
    not databases.is_postgres(), reason="fan-out across instances goes through PostgreSQL"
)


@contextmanager
def instance(settings: Settings, **environment: str) -> Iterator[str]:
    """A real uvicorn process of the app on 127.0.0.1; yields ``host:port``."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUIMTE_")}
    env |= {
        "RUIMTE_DATABASE__URL": settings.database_url,
        "RUIMTE_SECURITY__SECRET_KEY": settings.security.secret_key.get_secret_value(),
        "RUIMTE_REALTIME__POLL_SECONDS": "0.3",
        **environment,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


async def test_a_message_sent_through_one_instance_reaches_sockets_on_the_others(
    app: FastAPI, settings: Settings
) -> None:
    with (
        instance(settings) as a,
        instance(settings) as b,
        instance(settings, RUIMTE_REALTIME__BROKER="memory") as deaf,  # hears no NOTIFY
    ):
        async with httpx.AsyncClient(base_url=f"http://{a}") as through_a:
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
