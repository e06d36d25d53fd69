"""The database: one async engine per process, one session per request, committed at the edge.

Services receive a session and only ``flush``; the request boundary (``SessionDep``) commits
after the route has produced its response and before the response is sent, or rolls back when
anything failed, so a client never sees a success for something that was not stored.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from app.config import Settings
from app.db.sqlite import READ_ONLY, create_sqlite_engine
from app.errors import AppError
from app.sync import positions
from app.sync.positions import StreamSession

log = logging.getLogger("ruimte.db")

T = TypeVar("T")


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def create_engine(settings: Settings) -> AsyncEngine:
    """Build the engine (SQLite: see ``app.db.sqlite``)."""
    url = settings.database_url
    if is_sqlite(url):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        database = settings.database
        return create_sqlite_engine(
            url, busy_timeout_ms=database.sqlite_busy_timeout_ms, echo=database.echo
        )
    return create_async_engine(
        url,
        echo=settings.database.echo,
        pool_size=settings.database.pool_size,
        pool_pre_ping=True,
    )


def create_sessionmaker(
    engine: AsyncEngine, *, read_only: bool = False
) -> async_sessionmaker[AsyncSession]:
    """Sessions for the service. ``read_only`` ones are for work that only reads (the hub,
    catching a socket up, GET requests): on SQLite they never queue behind writers."""
    bind = engine.execution_options(**{READ_ONLY: True}) if read_only else engine
    return async_sessionmaker(
        bind, class_=AsyncSession, sync_session_class=StreamSession, expire_on_commit=False
    )


Announce = Callable[[int], Awaitable[None]]


async def commit(session: AsyncSession, announce: Announce | None) -> None:
    """Assign stream positions, commit, then tell the real-time layer how far the stream got
    (never before the commit: an event must not go out for a change that could still roll
    back)."""
    head = await positions.assign(session)
    await session.commit()
    if head is not None and announce is not None:
        try:
            await announce(head)
        except Exception:  # the change is stored; listeners also poll, so it is only late
            log.warning("announcing stream position %s failed", head, exc_info=True)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's unit of work: committed when the route succeeded, rolled back otherwise.

    GET requests read (their one write, sliding a device session's expiry, is rare), so they
    get a reading session that does not wait behind writers on SQLite."""
    state = request.app.state
    reading = request.method in ("GET", "HEAD") and hasattr(state, "read_sessionmaker")
    sessionmaker: async_sessionmaker[AsyncSession] = (
        state.read_sessionmaker if reading else state.sessionmaker
    )
    announce: Announce | None = getattr(request.app.state, "announce", None)
    async with sessionmaker() as session:
        try:
            yield session
        except AppError as error:
            if error.keeps_writes:
                await commit(session, announce)
            else:
                await session.rollback()
            raise
        except BaseException:
            await session.rollback()
            raise
        await commit(session, announce)


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


class UnitOfWork:
    """For the few routes whose answer needs what only exists after commit (the stream
    positions of what they wrote): they commit explicitly, then build the response."""

    def __init__(self, session: AsyncSession, announce: Announce | None) -> None:
        self.session = session
        self.announce = announce

    async def commit(self) -> None:
        await commit(self.session, self.announce)


async def get_unit_of_work(request: Request, session: SessionDep) -> UnitOfWork:
    # async: FastAPI runs a plain ``def`` dependency in a worker thread, a costly hop here
    return UnitOfWork(session, getattr(request.app.state, "announce", None))


UnitOfWorkDep = Annotated[UnitOfWork, Depends(get_unit_of_work)]


_INSERTS: dict[str, Callable[[Any], Any]] = {
    "postgresql": postgresql.insert,
    "sqlite": sqlite_dialect.insert,
}


def insert_for(session: AsyncSession, table: Any) -> Any:
    """The dialect's INSERT, which knows ``ON CONFLICT`` (SQLite and PostgreSQL both do)."""
    return _INSERTS[session.get_bind().dialect.name](table)


def per_dialect(build: Callable[[Callable[[Any], Any]], T]) -> Callable[[AsyncSession], T]:
    """A statement built once per dialect, from that dialect's INSERT, for hot paths.

    SQLAlchemy caches the SQL it compiles, but building the expression again on every call
    costs more than SQLite takes to run it; statements built once take bound parameters."""
    built = {name: build(insert) for name, insert in _INSERTS.items()}

    def for_session(session: AsyncSession) -> T:
        return built[session.get_bind().dialect.name]

    return for_session
