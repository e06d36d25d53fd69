"""The embedded database: SQLite in WAL mode, one writer at a time, statements run on the loop.

SQLAlchemy's async SQLite dialect talks to aiosqlite, which runs every call (cursor, execute,
fetch, commit) on a thread of its own and hands the answer back to the event loop. Our queries
take SQLite a few microseconds; each hand-over takes about a hundred, several per statement,
so the hand-overs were most of what a request cost. ``LoopConnection`` offers aiosqlite's
interface but does the work on the event loop's thread instead.

Running on the loop is safe because nothing here waits long: readers never wait in WAL mode,
writers of this process queue in ``_WriteGate`` as coroutines rather than inside SQLite, and a
statement that does find the database locked (another process writing: a command-line tool,
a backup) is not left to spin on the loop but retried in a worker thread that may wait out
the busy timeout.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.util import await_only

READ_ONLY = "ruimte_read_only"
_HOLDS_GATE = "ruimte_holds_write_gate"
_LOCKED = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)

T = TypeVar("T")


def create_sqlite_engine(url: str, *, busy_timeout_ms: int, echo: bool = False) -> AsyncEngine:
    """An async engine on ``LoopConnection``s with WAL, foreign keys and fair writers."""
    path = make_url(url).database or ":memory:"

    async def connect() -> LoopConnection:
        return LoopConnection(path, busy_timeout_ms)

    # Parameters stay out of logs and error texts (which reach the logs): they are messages,
    # handles and digests.
    engine = create_async_engine(url, echo=echo, async_creator=connect, hide_parameters=True)
    _configure(engine, busy_timeout_ms)
    return engine


def is_locked(error: sqlite3.OperationalError) -> bool:
    return getattr(error, "sqlite_errorcode", None) in _LOCKED


class LoopConnection:
    """A SQLite connection with aiosqlite's coroutine interface, run on the event loop."""

    def __init__(self, path: str, busy_timeout_ms: int) -> None:
        # No busy wait on the loop (timeout=0); SQLAlchemy, not the driver, begins
        # transactions (isolation_level=None); a locked statement may finish in a thread.
        self._conn: sqlite3.Connection | None = sqlite3.connect(
            path, timeout=0, isolation_level=None, check_same_thread=False
        )
        self._busy_timeout_ms = busy_timeout_ms

    @property
    def _connection(self) -> sqlite3.Connection | None:
        """Read by SQLAlchemy's adapter to tell whether the connection is still open."""
        return self._conn

    @property
    def _open(self) -> sqlite3.Connection:
        if self._conn is None:
            raise sqlite3.ProgrammingError("no active connection")
        return self._conn

    @property
    def isolation_level(self) -> str | None:
        return self._open.isolation_level

    async def run(self, call: Callable[..., T], *args: Any) -> T:
        """Run ``call`` here; if the database is locked by another process, wait in a thread."""
        try:
            return call(*args)
        except sqlite3.OperationalError as error:
            if not is_locked(error):
                raise
        return await asyncio.to_thread(self._patiently, call, *args)

    def _patiently(self, call: Callable[..., T], *args: Any) -> T:
        connection = self._open
        connection.execute(f"PRAGMA busy_timeout={int(self._busy_timeout_ms)}")
        try:
            return call(*args)
        finally:
            connection.execute("PRAGMA busy_timeout=0")

    def cursor(self) -> LoopCursor:
        return LoopCursor(self, self._open.cursor())

    async def commit(self) -> None:
        await self.run(self._open.commit)

    async def rollback(self) -> None:
        self._open.rollback()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._open.create_function(*args, **kwargs)

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class LoopCursor:
    """aiosqlite's cursor interface over a ``sqlite3.Cursor``."""

    def __init__(self, connection: LoopConnection, cursor: sqlite3.Cursor) -> None:
        self._connection = connection
        self._cursor = cursor

    async def __aenter__(self) -> LoopCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, operation: str, parameters: Any = ()) -> LoopCursor:
        await self._connection.run(self._cursor.execute, operation, parameters)
        return self

    async def executemany(self, operation: str, parameters: Any) -> LoopCursor:
        await self._connection.run(self._cursor.executemany, operation, parameters)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(self._cursor.arraysize if size is None else size)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()


def _configure(engine: AsyncEngine, busy_timeout_ms: int) -> None:
    gate = _WriteGate(busy_timeout_ms / 1000)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
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
        gate.enter(connection.info)
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            gate.leave(connection.info)
            raise

    @event.listens_for(engine.sync_engine, "commit")
    @event.listens_for(engine.sync_engine, "rollback")
    def _on_end(connection: Connection) -> None:
        gate.leave(connection.info)

    @event.listens_for(engine.sync_engine.pool, "reset")
    def _on_reset(_dbapi_connection: Any, record: Any, _reset_state: Any) -> None:
        gate.leave(record.info)  # a connection handed back mid-transaction

    @event.listens_for(engine.sync_engine.pool, "close")
    @event.listens_for(engine.sync_engine.pool, "checkin")
    def _on_close(_dbapi_connection: Any, record: Any) -> None:
        gate.leave(record.info if record is not None else {})


class _WriteGate:
    """SQLite has one writer at a time. Left to itself, a waiting writer polls with growing
    sleeps and, under steady load, can lose every race for the lock until its busy timeout
    runs out. So within the process writers queue here, first come first served, and only the
    head of the queue asks SQLite for the lock."""

    def __init__(self, timeout_s: float) -> None:
        self._lock = asyncio.Lock()
        self._timeout_s = timeout_s
        self._queued = 0

    def enter(self, info: dict[Any, Any]) -> None:
        """Called from SQLAlchemy's synchronous side, inside its greenlet."""
        if self._lock.locked() or self._queued:
            self._queued += 1
            try:
                await_only(asyncio.wait_for(self._lock.acquire(), self._timeout_s))
            except TimeoutError:
                # raised here, outside the driver, so SQLAlchemy does not wrap it: marked as
                # the driver marks a busy database, so that it is answered 503 all the same
                busy = sqlite3.OperationalError("database is locked (write queue)")
                busy.sqlite_errorcode = sqlite3.SQLITE_BUSY
                raise busy from None
            finally:
                self._queued -= 1
        else:
            await_only(self._lock.acquire())  # free and nobody queued: taken at once, no timer
        info[_HOLDS_GATE] = True

    def leave(self, info: dict[Any, Any]) -> None:
        if info.pop(_HOLDS_GATE, False):
            self._lock.release()
