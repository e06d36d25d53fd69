"""What the fault tests share: their own PostgreSQL cluster (one for the session, since some
tests restart it), a freshly migrated database per test copied from a template, and the app
as real processes configured the way an operator would."""

from __future__ import annotations

import asyncio
import os
import re
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from app.cli import _create_admin
from tests import databases
from tests.actors import DEFAULT_PASSPHRASE, People, Person
from tests.conftest import make_settings
from tests.faults.cluster import Cluster, binaries
from tests.processes import AppProcess

TEMPLATE = "faults_template"
SECRET_KEY = "fault-tests-secret-key-with-enough-length-0123456789"


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    bin_dir = binaries()
    if bin_dir is None:
        message = "the fault tests need PostgreSQL's binaries (/usr/lib/postgresql/*/bin)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; in CI they must run, not be skipped")
        pytest.skip(message)
    owned = Cluster(bin_dir)
    try:
        owned.start()
        asyncio.run(_create(owned, TEMPLATE))
        databases.migrate(owned.url(TEMPLATE))  # once; every test copies it
        yield owned
    finally:
        owned.remove()


async def _create(cluster: Cluster, name: str, template: str | None = None) -> None:
    connection = await asyncpg.connect(f"postgresql://postgres@127.0.0.1:{cluster.port}/postgres")
    try:
        copied = f' TEMPLATE "{template}"' if template else ""
        await connection.execute(f'CREATE DATABASE "{name}"{copied}')
    finally:
        await connection.close()


@pytest.fixture
def database_url(cluster: Cluster, request: pytest.FixtureRequest) -> str:
    """This test's own database (the cluster outlives it; nothing else uses the database)."""
    name = "faults_" + re.sub(r"[^a-z0-9]", "_", request.node.name.lower())[:50]
    asyncio.run(_create(cluster, name, template=TEMPLATE))
    return cluster.url(name)


@dataclass
class Service:
    """Starts instances of the app on this test's database; all are stopped at the end."""

    database_url: str
    directory: Path
    instances: list[AppProcess] = field(default_factory=list)

    def environment(self, **overrides: str) -> dict[str, str]:
        return {
            "RUIMTE_ENVIRONMENT": "test",
            "RUIMTE_DATA_DIR": str(self.directory),
            "RUIMTE_DATABASE__URL": self.database_url,
            "RUIMTE_SECURITY__SECRET_KEY": SECRET_KEY,
            # Many people from one address, and fast: the budgets have tests of their own.
            "RUIMTE_SECURITY__RATE_LIMITS__REGISTER_PER_HOUR": "100000",
            "RUIMTE_SECURITY__RATE_LIMITS__LOGIN_PER_MINUTE": "100000",
            "RUIMTE_SECURITY__RATE_LIMITS__GLOBAL_REGISTER_PER_MINUTE": "100000",
            "RUIMTE_SECURITY__RATE_LIMITS__GLOBAL_LOGIN_PER_MINUTE": "100000",
            "RUIMTE_MODERATION__ROOM_MESSAGES_PER_MINUTE": "100000",
            "RUIMTE_SYNC__OPS_PER_MINUTE": "100000",
            **overrides,
        }

    def instance(self, **overrides: str) -> AppProcess:
        """A new instance (not started), logging into this test's directory."""
        log = self.directory / f"app-{len(self.instances) + 1}.log"
        started = AppProcess(self.environment(**overrides), log=log)
        self.instances.append(started)
        return started

    def restarted(self, instance: AppProcess, **overrides: str) -> AppProcess:
        """The same service again, on the same port (a restart may change its settings)."""
        log = self.directory / f"app-{len(self.instances) + 1}.log"
        again = AppProcess(self.environment(**overrides), port=instance.port, log=log)
        self.instances.append(again)
        return again

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name} ---\n{path.read_text(errors='replace')[-4000:]}"
            for path in sorted(self.directory.glob("app-*.log"))
        )


@pytest.fixture
def service(database_url: str, tmp_path: Path) -> Iterator[Service]:
    running = Service(database_url, tmp_path)
    yield running
    for instance in running.instances:
        instance.kill()  # throwaway, and faster than a graceful stop of each in turn
    print(running.logs())  # shown by pytest when the test failed


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """The test's own way into the database, to look at what was stored (as an auditor)."""
    opened = create_async_engine(database_url, pool_pre_ping=True)
    yield opened
    await opened.dispose()


async def rows(engine: AsyncEngine, sql: str, **params: Any) -> list[dict[str, Any]]:
    async with engine.connect() as connection:
        result = await connection.execute(sa.text(sql), params)
        return [dict(row) for row in result.mappings()]


async def first_admin(database_url: str, http: httpx.AsyncClient, tmp_path: Path) -> Person:
    """The first admin, created by what ``python3 -m app create-admin`` runs, then logged in
    through the running instance."""
    await _create_admin(
        make_settings(database_url, tmp_path), "beheer-anna", "Anna (beheer)", DEFAULT_PASSPHRASE
    )
    return await People(http, None).login("beheer-anna")  # type: ignore[arg-type]


async def until(condition: Any, timeout: float) -> float:
    """Wait for ``condition()`` up to ``timeout``; how long it took (``inf``: it never held)."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            return float("inf")
        await asyncio.sleep(0.02)
    return time.monotonic() - started
