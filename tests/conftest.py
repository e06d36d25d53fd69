"""Fixtures: a migrated database per worker, a fresh app per test, and the people who use it.

Each test gets its own app (so it can change settings) on the worker's database; after the
test every table is emptied, so no test sees another's data. Tests commit for real, as the
service does, which is what lets later tests run several processes against one database.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
import uvicorn
from fastapi import FastAPI

from app.all_models import metadata
from app.config import Environment, Settings
from app.db import create_engine, is_sqlite
from app.main import create_app
from tests import databases
from tests.actors import People, open_room


def pytest_report_header() -> str:
    return f"database: {databases.BACKEND}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """``postgres_only`` tests run in the PostgreSQL half of ``python3 -m tests`` only."""
    if databases.is_postgres():
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: runs in the PostgreSQL half")
    for item in items:
        if item.get_closest_marker("postgres_only") is not None:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Iterator[str]:
    url = databases.create_empty(f"suite_{worker_id}", tmp_path_factory.mktemp("db"))
    databases.migrate(url)
    yield url
    databases.drop(url)


def make_settings(database_url: str, data_dir: Path, **overrides: Any) -> Settings:
    """Test settings: the worker's database, generous rate limits unless a test lowers them."""
    values: dict[str, Any] = {
        "environment": Environment.test,
        "data_dir": data_dir,
        "database": {"url": database_url},
        "security": {
            "secret_key": "test-secret-key-with-enough-length-0123456789",
            "rate_limits": {
                "register_per_hour": 10_000,
                "login_per_minute": 10_000,
                "global_register_per_minute": 10_000,
                "global_login_per_minute": 10_000,
                "writes_per_minute": 100_000,
            },
        },
        # Flood protection has its own tests; elsewhere devices send as fast as they like.
        "moderation": {"room_messages_per_minute": 100_000},
        # Deadline tests drive the worker's step themselves, with a controllable clock; the
        # ones about the worker itself turn it on.
        "escalation": {"worker": False},
    }
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(values.get(key), dict):
            values[key] = _merge(values[key], value)
        else:
            values[key] = value
    return Settings(**values)


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url, tmp_path)


async def _empty_all_tables(url: str, data_dir: Path) -> None:
    engine = create_engine(make_settings(url, data_dir))
    # The stream head stays: positions only ever grow, across tests as in life.
    tables = [t.name for t in reversed(metadata.sorted_tables) if t.name != "stream_head"]
    async with engine.begin() as connection:
        if is_sqlite(url):
            for name in tables:
                await connection.execute(sa.text(f'DELETE FROM "{name}"'))
        else:
            quoted = ", ".join(f'"{name}"' for name in tables)
            # Fail loudly rather than hang if a test left a transaction open.
            await connection.execute(sa.text("SET LOCAL lock_timeout = '10s'"))
            await connection.execute(sa.text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
    await engine.dispose()


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application
    await _empty_all_tables(settings.database_url, settings.data_dir)


def client_for(app: FastAPI, address: str = "203.0.113.7") -> httpx.AsyncClient:
    """An HTTP client talking to ``app`` in-process, as if from ``address``."""
    transport = httpx.ASGITransport(app=app, client=(address, 40_000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(app) as http:
        yield http


AppStarter = Callable[..., AbstractAsyncContextManager[FastAPI]]


@pytest.fixture
async def app_with(database_url: str, tmp_path: Path) -> AsyncIterator[AppStarter]:
    """Start another app on the same database with some settings changed."""
    started = False

    @asynccontextmanager
    async def start(**overrides: Any) -> AsyncIterator[FastAPI]:
        nonlocal started
        custom = make_settings(database_url, tmp_path, **overrides)
        started = started or custom.database_url == database_url
        application = create_app(custom)
        async with application.router.lifespan_context(application):
            yield application

    yield start
    if started:
        await _empty_all_tables(database_url, tmp_path)


@pytest.fixture
def people(client: httpx.AsyncClient, app: FastAPI) -> People:
    return People(client, app)


# The people of DOMAIN.md, ready to act.


@pytest.fixture
async def young_person(people: People) -> Any:
    return await people.member("zonnebloem", age_band="12-17")


@pytest.fixture
async def other_young_person(people: People) -> Any:
    return await people.member("nachtuil", age_band="18-25")


@pytest.fixture
async def admin(people: People) -> Any:
    return await people.first_admin()


@pytest.fixture
async def coordinator(people: People, admin: Any) -> Any:
    return await people.staff("coordinator", invited_by=admin, display_name="Coco Coördinator")


@pytest.fixture
async def volunteer(people: People, coordinator: Any) -> Any:
    return await people.staff("volunteer", invited_by=coordinator, display_name="Vera")


@pytest.fixture
async def professional(people: People, coordinator: Any) -> Any:
    return await people.staff(
        "professional", invited_by=coordinator, display_name="Pim (GZ-psycholoog)"
    )


@pytest.fixture
async def psychiatrist(people: People, coordinator: Any) -> Any:
    return await people.staff("psychiatrist", invited_by=coordinator, display_name="Dr. Sara")


@pytest.fixture
async def room(
    client: httpx.AsyncClient, coordinator: Any, young_person: Any, other_young_person: Any
) -> str:
    """A community room for all ages, with the two young people in it."""
    return await open_room(client, coordinator, "Gewoon kletsen", young_person, other_young_person)


@asynccontextmanager
async def serving(application: FastAPI, *, send_buffer: int | None = None) -> AsyncIterator[str]:
    """Serve an already started app on a free port of 127.0.0.1; yields ``host:port``.

    ``send_buffer`` shrinks the kernel's send buffer of every accepted connection (they inherit
    it from the listening socket), so that a slow reader is felt at once, as on a bad network.
    """
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if send_buffer is not None:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, send_buffer)
    listener.bind(("127.0.0.1", 0))
    config = uvicorn.Config(
        application,
        lifespan="off",
        log_level="warning",
        access_log=False,
        ws_ping_interval=None,
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[listener]))
    while not server.started:  # noqa: ASYNC110 - uvicorn offers no event to wait on
        await asyncio.sleep(0.01)
    port = listener.getsockname()[1]
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@pytest.fixture
async def live_server(app: FastAPI) -> AsyncIterator[str]:
    """The test's app, reachable over a real socket (for WebSocket tests)."""
    async with serving(app) as address:
        yield address
