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
OnListening = Callable[[], None]


class Broker(Protocol):
    async def start(
        self, on_head: OnHead, on_ephemeral: OnEphemeral, on_listening: OnListening
    ) -> None:
        """Deliver notices to the callbacks; ``on_listening`` is called whenever the broker
        hears again after it could not (notices sent meanwhile are lost: read the stream)."""
        ...

    async def publish_head(self, position: int) -> None: ...
    async def publish_ephemeral(self, message: dict[str, Any]) -> None: ...
    async def stop(self) -> None: ...


class InProcessBroker:
    """One instance: notices go straight to this process's hub."""

    def __init__(self) -> None:
        self._on_head: OnHead | None = None
        self._on_ephemeral: OnEphemeral | None = None

    async def start(
        self, on_head: OnHead, on_ephemeral: OnEphemeral, on_listening: OnListening
    ) -> None:
        self._on_head, self._on_ephemeral = on_head, on_ephemeral  # it never stops hearing

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

    The listening connection is re-opened when it drops (PostgreSQL restarted, say); while it
    is down, hubs still poll, and once it is back they read at once what they missed. The
    publishing connection is re-opened at the next notice after it broke.
    """

    def __init__(
        self,
        database_url: str,
        *,
        reconnect_seconds: float = 1.0,
        connect_timeout_seconds: float = 5.0,
    ) -> None:
        url = make_url(database_url).set(drivername="postgresql")
        self._dsn = url.render_as_string(hide_password=False)
        self._reconnect_seconds = reconnect_seconds
        self._connect_timeout = connect_timeout_seconds
        self._listener: asyncpg.Connection | None = None
        self._publisher: asyncpg.Connection | None = None
        self._publish_lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._on_head: OnHead | None = None
        self._on_ephemeral: OnEphemeral | None = None
        self._on_listening: OnListening | None = None

    async def start(
        self, on_head: OnHead, on_ephemeral: OnEphemeral, on_listening: OnListening
    ) -> None:
        self._on_head, self._on_ephemeral = on_head, on_ephemeral
        self._on_listening = on_listening
        self._task = asyncio.create_task(self._listen_forever(), name="broker-listen")

    def _deliver(self, _connection: Any, _pid: int, channel: str, payload: str) -> None:
        try:
            if channel == HEAD_CHANNEL and self._on_head is not None:
                self._on_head(int(payload))
            elif channel == EPHEMERAL_CHANNEL and self._on_ephemeral is not None:
                self._on_ephemeral(json.loads(payload))
        except (ValueError, TypeError):
            log.warning("ignoring a malformed notice on %s", channel)

    async def _connect(self) -> asyncpg.Connection:
        return await asyncpg.connect(self._dsn, timeout=self._connect_timeout)

    async def _listen_forever(self) -> None:
        while True:
            connection: asyncpg.Connection | None = None
            try:
                connection = await self._connect()
                self._listener = connection
                closed = asyncio.Event()
                connection.add_termination_listener(lambda _c, ended=closed: ended.set())
                await connection.add_listener(HEAD_CHANNEL, self._deliver)
                await connection.add_listener(EPHEMERAL_CHANNEL, self._deliver)
                if self._on_listening is not None:
                    self._on_listening()  # whatever was announced while we were deaf
                await closed.wait()
                log.warning("broker connection lost; hubs keep polling")
            except asyncio.CancelledError:
                raise
            except Exception as problem:  # whatever the failure, keep trying: it is the live path
                log.warning("broker cannot listen (%s); hubs keep polling", type(problem).__name__)
            if connection is not None and not connection.is_closed():
                connection.terminate()
            await asyncio.sleep(self._reconnect_seconds)

    async def _notify(self, channel: str, payload: str) -> None:
        async with self._publish_lock:
            if self._publisher is None or self._publisher.is_closed():
                self._publisher = await self._connect()
            try:
                await self._publisher.execute("SELECT pg_notify($1, $2)", channel, payload)
            except Exception:
                self._publisher.terminate()  # broken: the next notice opens a new one
                raise

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
