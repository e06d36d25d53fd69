"""Fan-out between app instances: "the stream moved to position P" and ephemeral signals.

The broker only wakes hubs up; it never carries the changes themselves. Every hub reads the
changes from the database by position, so a lost notice costs latency (until the hub's poll),
never a message. Two implementations behind one interface: in-process for a single instance
(the default on SQLite) and PostgreSQL ``LISTEN``/``NOTIFY`` for several instances.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from typing import Any, Protocol

import asyncpg
from sqlalchemy.engine import make_url

log = logging.getLogger("ruimte.broker")

HEAD_CHANNEL = "ruimte_stream"
EPHEMERAL_CHANNEL = "ruimte_ephemeral"

OnHead = Callable[[int], None]
OnEphemeral = Callable[[dict[str, Any]], None]


class Broker(Protocol):
    async def start(self, on_head: OnHead, on_ephemeral: OnEphemeral) -> None: ...
    async def publish_head(self, position: int) -> None: ...
    async def publish_ephemeral(self, message: dict[str, Any]) -> None: ...
    async def stop(self) -> None: ...


class InProcessBroker:
    """One instance: notices go straight to this process's hub."""

    def __init__(self) -> None:
        self._on_head: OnHead | None = None
        self._on_ephemeral: OnEphemeral | None = None

    async def start(self, on_head: OnHead, on_ephemeral: OnEphemeral) -> None:
        self._on_head, self._on_ephemeral = on_head, on_ephemeral

    async def publish_head(self, position: int) -> None:
        if self._on_head is not None:
            self._on_head(position)

    async def publish_ephemeral(self, message: dict[str, Any]) -> None:
        if self._on_ephemeral is not None:
            self._on_ephemeral(message)

    async def stop(self) -> None:
        self._on_head = self._on_ephemeral = None


class PostgresBroker:
    """Several instances on one PostgreSQL: ``NOTIFY`` after commit, ``LISTEN`` everywhere.

    The listening connection is re-opened when it drops; while it is down, hubs still poll.
    """

    def __init__(self, database_url: str, *, reconnect_seconds: float = 1.0) -> None:
        url = make_url(database_url).set(drivername="postgresql")
        self._dsn = url.render_as_string(hide_password=False)
        self._reconnect_seconds = reconnect_seconds
        self._listener: asyncpg.Connection | None = None
        self._publisher: asyncpg.Connection | None = None
        self._publish_lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._on_head: OnHead | None = None
        self._on_ephemeral: OnEphemeral | None = None

    async def start(self, on_head: OnHead, on_ephemeral: OnEphemeral) -> None:
        self._on_head, self._on_ephemeral = on_head, on_ephemeral
        self._task = asyncio.create_task(self._listen_forever(), name="broker-listen")

    def _deliver(self, _connection: Any, _pid: int, channel: str, payload: str) -> None:
        try:
            if channel == HEAD_CHANNEL and self._on_head is not None:
                self._on_head(int(payload))
            elif channel == EPHEMERAL_CHANNEL and self._on_ephemeral is not None:
                self._on_ephemeral(json.loads(payload))
        except (ValueError, TypeError):
            log.warning("ignoring a malformed notice on %s", channel)

    async def _listen_forever(self) -> None:
        while True:
            try:
                connection = await asyncpg.connect(self._dsn)
                self._listener = connection
                await connection.add_listener(HEAD_CHANNEL, self._deliver)
                await connection.add_listener(EPHEMERAL_CHANNEL, self._deliver)
                closed = asyncio.Event()
                connection.add_termination_listener(lambda _c, ended=closed: ended.set())
                await closed.wait()
            except asyncio.CancelledError:
                raise
            except (OSError, asyncpg.PostgresError) as problem:
                log.warning(
                    "broker connection lost (%s); hubs keep polling", type(problem).__name__
                )
            await asyncio.sleep(self._reconnect_seconds)

    async def _notify(self, channel: str, payload: str) -> None:
        async with self._publish_lock:
            if self._publisher is None or self._publisher.is_closed():
                self._publisher = await asyncpg.connect(self._dsn)
            await self._publisher.execute("SELECT pg_notify($1, $2)", channel, payload)

    async def publish_head(self, position: int) -> None:
        await self._notify(HEAD_CHANNEL, str(position))

    async def publish_ephemeral(self, message: dict[str, Any]) -> None:
        await self._notify(EPHEMERAL_CHANNEL, json.dumps(message, separators=(",", ":")))

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        for connection in (self._listener, self._publisher):
            if connection is not None and not connection.is_closed():
                await connection.close()


def create_broker(kind: str, database_url: str) -> Broker:
    if kind == "postgres" or (kind == "auto" and database_url.startswith("postgresql")):
        return PostgresBroker(database_url)
    return InProcessBroker()
