"""Alembic environment: async engine, batch mode on SQLite, the app's metadata for ``check``.

The URL is taken, in order, from ``config.attributes["database_url"]`` (tests and the CLI
pass it) or the app settings. Revision files themselves never import the app.
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.types import TypeDecorator

from app.all_models import metadata
from app.config import Settings
from app.db import create_engine

config = context.config


def _settings() -> Settings:
    settings = Settings()
    url = config.attributes.get("database_url")
    if url:
        settings.database.url = url
    return settings


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Render the app's column types as the plain SQLAlchemy types beneath them, so that
    generated revisions never import the app."""
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl!r}"
    return False


def _configure(connection: Connection | None, **options: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
        compare_type=True,
        render_item=_render_item,
        **options,
    )


def run_migrations_offline() -> None:
    context.configure(
        url=_settings().database_url,
        target_metadata=metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _sqlite_foreign_keys(connection: Connection, on: bool) -> None:
    """SQLite rebuilds a table to change it (batch mode): drop the old, rename the new. With
    foreign keys enforced, dropping the old one would run its ON DELETE actions on every row
    that refers to it, so they are off while migrating, and checked before they come back on.
    The pragma only counts outside a transaction, hence the driver's own cursor."""
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    finally:
        cursor.close()


def _run_sync(connection: Connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        _sqlite_foreign_keys(connection, on=False)
    try:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the migration broke references: {broken[:5]}")
    finally:
        if sqlite:
            connection.commit()
            _sqlite_foreign_keys(connection, on=True)


async def run_migrations_online() -> None:
    engine = create_engine(_settings())
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run_sync)
            await connection.commit()
    finally:
        await engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    asyncio.run(run_migrations_online())
