"""The database: one async engine per process, one session per request, committed at the edge.

Services receive a session and only ``flush``; the request boundary (``SessionDep``) commits
after the route has produced its response and before the response is sent, or rolls back when
anything failed, so a client never sees a success for something that was not stored. Pushes
are written in groups instead (``app.db.group_commit``), under the same rules.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import event
from sqlalchemy import exc as sa_exc
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, SessionTransaction
from sqlmodel.ext.asyncio.session import AsyncSession

from app.config import Settings
from app.db.sqlite import READ_ONLY, create_sqlite_engine, is_locked
from app.errors import AppError
from app.sync import positions
from app.sync.positions import StreamSession

log = logging.getLogger("ruimte.db")


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
        hide_parameters=True,  # see app.db.sqlite: a parameter can be what someone wrote
    )


def create_sessionmaker(
    engine: AsyncEngine, *, read_only: bool = False, info: dict[str, Any] | None = None
) -> async_sessionmaker[AsyncSession]:
    """Sessions for the service. ``read_only`` ones are for work that only reads (the hub,
    catching a socket up, GET requests): on SQLite they never queue behind writers. ``info``
    travels with every session (the actor cache, say)."""
    bind = engine.execution_options(**{READ_ONLY: True}) if read_only else engine
    return async_sessionmaker(
        bind,
        class_=AsyncSession,
        sync_session_class=StreamSession,
        expire_on_commit=False,
        info=info,
    )


Announce = Callable[[int], Awaitable[None]]


# SQLSTATEs of a server that is going away, coming back or full: the connection exceptions
# (class 08), "terminating connection due to administrator command", a crash shutdown, "the
# database system is starting up / shutting down", too many connections.
_UNAVAILABLE_STATES = ("08", "57P01", "57P02", "57P03", "53300")


def is_unavailable(error: BaseException) -> bool:
    """Whether an error means the database is away or too busy (try again later), as opposed
    to a fault in what was asked of it."""
    if isinstance(error, sa_exc.DBAPIError):
        state = getattr(error.orig, "sqlstate", None) or ""
        return (
            error.connection_invalidated
            or isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError)
            or state.startswith(_UNAVAILABLE_STATES)
        )
    if isinstance(error, sqlite3.OperationalError):  # the embedded engine's own write queue
        return is_locked(error)
    return isinstance(error, sa_exc.TimeoutError | OSError)  # OSError covers ConnectionError


_AFTER_COMMIT = "db.after_commit"
Action = Callable[[], Awaitable[None]]


def after_commit(session: AsyncSession, action: Action) -> None:
    """Run ``action`` once this unit of work has committed (never if it rolls back): for
    notices that must not go out about a change that could still be undone."""
    session.sync_session.info.setdefault(_AFTER_COMMIT, []).append(action)


@event.listens_for(StreamSession, "after_soft_rollback")
def _forget_actions(session: Session, previous_transaction: SessionTransaction) -> None:
    if previous_transaction.parent is None:
        session.info.pop(_AFTER_COMMIT, None)


async def commit(session: AsyncSession, announce: Announce | None) -> None:
    """Assign stream positions, commit, then tell the real-time layer how far the stream got
    and run the ``after_commit`` actions (never before the commit: an event must not go out
    for a change that could still roll back)."""
    head = await positions.assign(session)
    await session.commit()
    if head is not None and announce is not None:
        try:
            await announce(head)
        except Exception:  # the change is stored; listeners also poll, so it is only late
            log.warning("announcing stream position %s failed", head, exc_info=True)
    for action in session.sync_session.info.pop(_AFTER_COMMIT, []):
        try:
            await action()
        except Exception:  # the change is stored; a notice is a courtesy
            log.warning("an after-commit notice failed", exc_info=True)


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
