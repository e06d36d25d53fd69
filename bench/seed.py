"""Bulk history written straight into the database, the way the service would have stored it.

Sending 100,000 messages through the API would take the better part of the run, and what the
catch-up figure needs is only that the history exists. The rows follow the service's rules:
every message takes the next stream position, its ``seq`` is that position (as
``app.sync.positions.assign`` sets it) and the stream head moves to the last one, all in one
transaction. Ids are stored as SQLAlchemy's ``Uuid`` stores them (32 hex digits on SQLite,
native ``uuid`` on PostgreSQL) and times as its ``DateTime`` does (naive UTC text on SQLite).
The server is stopped while this runs, so its hub starts at the new head and does not spend
the measurement reading old history into its ring.
"""

from __future__ import annotations

import asyncio
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bench.server import Database

_COLUMNS = (
    "id",
    "room_id",
    "author_id",
    "body",
    "reply_to_id",
    "client_time",
    "created_at",
    "edited_at",
    "deleted_at",
    "version",
    "seq",
    "position",
)
_FILLER = "ik herken dit wel, bij mij was het vorige week ook zo"


@dataclass(frozen=True)
class _Row:
    id: uuid.UUID
    room_id: uuid.UUID
    author_id: uuid.UUID
    body: str
    created_at: datetime
    position: int


def _rows(authors: dict[str, str], count: int, head: int) -> tuple[list[_Row], dict[str, str]]:
    """``count`` messages after position ``head``, round-robin over the rooms in ``authors``
    (room id -> author id). Returns the rows and the newest message id per room."""
    rooms = [(uuid.UUID(room), uuid.UUID(author)) for room, author in authors.items()]
    start = datetime.now(UTC) - timedelta(milliseconds=count)
    rows = []
    for index in range(count):
        room_id, author_id = rooms[index % len(rooms)]
        created = start + timedelta(milliseconds=index)
        body = f"bericht {index}: {_FILLER}"
        rows.append(_Row(uuid.uuid4(), room_id, author_id, body, created, head + 1 + index))
    last = {str(row.room_id): str(row.id) for row in rows}  # later rows overwrite earlier ones
    return rows, last


def _values(row: _Row, *, sqlite: bool) -> tuple[object, ...]:
    """One row in ``_COLUMNS`` order, in the representation SQLAlchemy would have used."""
    if sqlite:
        ids: tuple[object, ...] = (row.id.hex, row.room_id.hex, row.author_id.hex)
        created: object = row.created_at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    else:
        ids, created = (row.id, row.room_id, row.author_id), row.created_at
    return (*ids, row.body, None, None, created, None, None, 1, row.position, row.position)


def _seed_sqlite(path: str, authors: dict[str, str], count: int) -> dict[str, str]:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA busy_timeout=30000")
        connection.execute("BEGIN IMMEDIATE")
        (head,) = connection.execute("SELECT position FROM stream_head WHERE id = 1").fetchone()
        rows, last = _rows(authors, count, head)
        placeholders = ", ".join("?" for _ in _COLUMNS)
        connection.executemany(
            f"INSERT INTO message ({', '.join(_COLUMNS)}) VALUES ({placeholders})",  # noqa: S608
            [_values(row, sqlite=True) for row in rows],
        )
        connection.execute("UPDATE stream_head SET position = ? WHERE id = 1", (head + count,))
        connection.execute("COMMIT")
    finally:
        connection.close()
    return last


def _dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def _seed_postgres(url: str, authors: dict[str, str], count: int) -> dict[str, str]:
    import asyncpg

    connection = await asyncpg.connect(_dsn(url))
    try:
        async with connection.transaction():
            head = await connection.fetchval(
                "SELECT position FROM stream_head WHERE id = 1 FOR UPDATE"
            )
            rows, last = _rows(authors, count, head)
            await connection.copy_records_to_table(
                "message", records=[_values(row, sqlite=False) for row in rows], columns=_COLUMNS
            )
            await connection.execute(
                "UPDATE stream_head SET position = $1 WHERE id = 1", head + count
            )
    finally:
        await connection.close()
    return last


async def seed_history(database: Database, authors: dict[str, str], count: int) -> dict[str, str]:
    """Append ``count`` messages spread over the rooms of ``authors`` (room id -> author id);
    returns the id of the newest message in each room."""
    if count <= 0:
        return {}
    if database.is_sqlite:
        return await asyncio.to_thread(_seed_sqlite, str(database.sqlite_path), authors, count)
    return await _seed_postgres(database.url, authors, count)


async def count_messages(database: Database) -> int:
    if database.is_sqlite:

        def count() -> int:
            connection = sqlite3.connect(str(database.sqlite_path))
            try:
                return int(connection.execute("SELECT count(*) FROM message").fetchone()[0])
            finally:
                connection.close()

        return await asyncio.to_thread(count)
    import asyncpg

    connection = await asyncpg.connect(_dsn(database.url))
    try:
        return int(await connection.fetchval("SELECT count(*) FROM message"))
    finally:
        await connection.close()
