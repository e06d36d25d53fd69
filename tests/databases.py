"""Throwaway databases for the suite: one per pytest worker, migrated with the real migrations.

SQLite gets a file in a temporary directory; PostgreSQL a database created (and dropped) on the
server named by ``RUIMTE_TEST_POSTGRES_URL``.
"""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path

import asyncpg
from alembic import command
from sqlalchemy.engine import make_url

from app.cli import alembic_config

BACKEND = os.environ.get("RUIMTE_TEST_DATABASE", "sqlite")


def is_postgres() -> bool:
    return BACKEND == "postgresql"


def _postgres_admin_dsn() -> str:
    url = os.environ.get("RUIMTE_TEST_POSTGRES_URL")
    if not url:
        raise RuntimeError("RUIMTE_TEST_DATABASE=postgresql needs RUIMTE_TEST_POSTGRES_URL")
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _postgres_url(database: str) -> str:
    url = make_url(os.environ["RUIMTE_TEST_POSTGRES_URL"])
    return url.set(drivername="postgresql+asyncpg", database=database).render_as_string(
        hide_password=False
    )


async def _recreate_postgres(database: str) -> None:
    connection = await asyncpg.connect(_postgres_admin_dsn())
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{database}"')
    finally:
        await connection.close()


async def _drop_postgres(database: str) -> None:
    connection = await asyncpg.connect(_postgres_admin_dsn())
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    finally:
        await connection.close()


def create_empty(name: str, directory: Path) -> str:
    """A new, empty database; returns its async URL."""
    safe = re.sub(r"[^a-z0-9_]", "_", name.lower())
    if is_postgres():
        asyncio.run(_recreate_postgres(f"ruimte_test_{safe}"))
        return _postgres_url(f"ruimte_test_{safe}")
    return f"sqlite+aiosqlite:///{directory / (safe + '.sqlite3')}"


def drop(url: str) -> None:
    if is_postgres():
        database = make_url(url).database
        assert database is not None
        asyncio.run(_drop_postgres(database))


def migrate(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)
