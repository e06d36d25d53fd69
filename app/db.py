"""The database: one async engine per process, one session per request, committed at the edge.

Services receive a session and only ``flush``; the request boundary (``SessionDep``) commits
after the route has produced its response and before the response is sent, or rolls back when
anything failed, so a client never sees a success for something that was not stored.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from app.config import Settings
from app.errors import AppError


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def create_engine(settings: Settings) -> AsyncEngine:
    """Build the engine; for SQLite also WAL, foreign keys, a busy timeout and real BEGINs."""
    url = settings.database_url
    if is_sqlite(url):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, echo=settings.database.echo)
        _configure_sqlite(engine, settings.database.sqlite_busy_timeout_ms)
        return engine
    return create_async_engine(
        url,
        echo=settings.database.echo,
        pool_size=settings.database.pool_size,
        pool_pre_ping=True,
    )


def _configure_sqlite(engine: AsyncEngine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions start (see "begin").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # IMMEDIATE takes the write lock up front. A deferred transaction that reads and then
        # writes fails at once with SQLITE_BUSY when another writer committed in between; the
        # busy timeout cannot help it. Waiting at BEGIN is what makes the timeout work.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's unit of work: committed when the route succeeded, rolled back otherwise."""
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with sessionmaker() as session:
        try:
            yield session
        except AppError as error:
            if error.keeps_writes:
                await session.commit()
            else:
                await session.rollback()
            raise
        except BaseException:
            await session.rollback()
            raise
        await session.commit()


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
