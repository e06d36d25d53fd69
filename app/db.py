"""The database: one async engine per process, one session per request, committed at the edge.

Services receive a session and only ``flush``; the request boundary (``SessionDep``) commits
after the route has produced its response and before the response is sent, or rolls back when
anything failed, so a client never sees a success for something that was not stored.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.util import await_only
from sqlmodel.ext.asyncio.session import AsyncSession

from app.config import Settings
from app.errors import AppError
from app.sync import positions
from app.sync.positions import StreamSession

log = logging.getLogger("ruimte.db")


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
    # SQLite has one writer at a time. Left to itself, a waiting writer polls with growing
    # sleeps and, under steady load, can lose every race for the lock until its busy timeout
    # runs out. So within the process writers queue here, first come first served, and only
    # the head of the queue asks SQLite for the lock. Readers never queue (WAL).
    gate = asyncio.Lock()

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
        # Readers (READ_ONLY) begin deferred: in WAL mode they never wait for a writer.
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
            return
        try:
            await_only(asyncio.wait_for(gate.acquire(), busy_timeout_ms / 1000))
        except TimeoutError:
            raise sqlite3.OperationalError("database is locked (write queue)") from None
        connection.info[_HOLDS_GATE] = True
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            _release(connection.info)
            raise

    def _release(info: dict[Any, Any]) -> None:
        if info.pop(_HOLDS_GATE, False):
            gate.release()

    @event.listens_for(engine.sync_engine, "commit")
    @event.listens_for(engine.sync_engine, "rollback")
    def _on_end(connection: Connection) -> None:
        _release(connection.info)

    @event.listens_for(engine.sync_engine.pool, "reset")
    def _on_reset(_dbapi_connection: Any, record: Any, _reset_state: Any) -> None:
        _release(record.info)  # a connection handed back mid-transaction

    @event.listens_for(engine.sync_engine.pool, "close")
    @event.listens_for(engine.sync_engine.pool, "checkin")
    def _on_close(_dbapi_connection: Any, record: Any) -> None:
        _release(record.info if record is not None else {})


_HOLDS_GATE = "ruimte_holds_write_gate"
READ_ONLY = "ruimte_read_only"


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


def get_unit_of_work(request: Request, session: SessionDep) -> UnitOfWork:
    return UnitOfWork(session, getattr(request.app.state, "announce", None))


UnitOfWorkDep = Annotated[UnitOfWork, Depends(get_unit_of_work)]


def insert_for(session: AsyncSession, table: Any) -> Any:
    """The dialect's INSERT, which knows ``ON CONFLICT`` (SQLite and PostgreSQL both do)."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
