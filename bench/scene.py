"""What every scenario shares: the plan (how much of everything) and the scene (the servers
it started, stopped and cleaned up whatever happens).

Each scenario (``bench.throughput``, ``bench.catch_up``, ``bench.delivery``) starts its own
servers on fresh databases, sets its scene through the API, measures, and returns plain data
for ``bench.report``. Repetitions happen inside one run, interleaved where two things are
compared, so that a noisy neighbour on a shared machine hits both alike.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.server import Database, Server, bare_server, prepare_service, service_server


@dataclass(frozen=True)
class Plan:
    """How much of everything; ``FULL`` is the real run, ``QUICK`` a smoke test."""

    repetitions: int  # throughput runs per (target, concurrency)
    warmup: float  # seconds of load before a throughput window opens
    duration: float  # seconds in a throughput window
    batch_repetitions: int  # runs with 10 sends per request (0: skip)
    catchup_repetitions: int
    histories: tuple[int, ...]
    subscribers: int
    delivery_repetitions: int
    messages_per_repetition: int
    concurrency: tuple[int, ...] = (20, 100)
    rooms: int = 20
    missed: int = 1_000
    loaders: int = 2  # loader processes for HTTP load and for sockets
    delivery_gap: float = 0.5  # seconds between sends to the big room


FULL = Plan(
    repetitions=5,
    warmup=2.0,
    duration=8.0,
    batch_repetitions=3,
    catchup_repetitions=15,
    histories=(10_000, 100_000),
    subscribers=1_000,
    delivery_repetitions=5,
    messages_per_repetition=10,
)
QUICK = Plan(
    repetitions=2,
    warmup=1.0,
    duration=2.5,
    batch_repetitions=1,
    catchup_repetitions=5,
    histories=(10_000, 100_000),
    subscribers=200,
    delivery_repetitions=2,
    messages_per_repetition=5,
)


class Scene:
    """The servers of one scenario, stopped and their databases dropped whatever happens."""

    def __init__(self, postgres_url: str | None, log_dir: Path) -> None:
        self.postgres_url = postgres_url
        self.log_dir = log_dir
        self.servers: list[Server] = []
        self.databases: list[Database] = []

    async def service(self, name: str) -> tuple[Server, Database]:
        database = await Database.create(name, self.postgres_url)
        self.databases.append(database)
        server = service_server(database)
        self.servers.append(server)
        await prepare_service(server.env)
        await server.start(self.log_dir)
        return server, database

    async def bare(self) -> Server:
        database = await Database.create("bare", self.postgres_url)
        self.databases.append(database)
        server = bare_server(database)
        self.servers.append(server)
        await server.start(self.log_dir)
        return server

    async def close(self) -> None:
        for server in self.servers:
            await server.stop()
        for database in self.databases:
            await database.drop()


@asynccontextmanager
async def scene(postgres_url: str | None, log_dir: Path) -> AsyncIterator[Scene]:
    current = Scene(postgres_url, log_dir)
    try:
        yield current
    finally:
        await current.close()


def handles(prefix: str, count: int) -> list[str]:
    return [f"{prefix}_{number:04d}" for number in range(count)]
