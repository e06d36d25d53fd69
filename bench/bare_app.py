"""The ceiling: the same stack with nothing of the service on it.

FastAPI on uvicorn, SQLAlchemy's async engine, a session per request that commits one
``INSERT`` into the same kind of database through the same engine (on SQLite the service's
own, ``app.db.sqlite``: the same driver, WAL, ``synchronous=NORMAL``, foreign keys, a busy
timeout and ``BEGIN IMMEDIATE`` for writers).
No authentication, no validation, no idempotency record, no stream position, no fan-out: the
request body is stored as it came. Whatever the service's send path costs beyond this is what
the service itself adds.

Run as ``uvicorn bench.bare_app:app``; the database comes from ``BENCH_BARE_DATABASE_URL``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import sqlalchemy as sa
from fastapi import FastAPI, Request
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from app.db.sqlite import create_sqlite_engine

DATABASE_URL = os.environ.get("BENCH_BARE_DATABASE_URL", "sqlite+aiosqlite:///bare.sqlite3")

metadata = sa.MetaData()
row_table = sa.Table(
    "bench_row",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    if DATABASE_URL.startswith("sqlite"):
        engine = create_sqlite_engine(DATABASE_URL, busy_timeout_ms=5_000)
    else:
        engine = create_async_engine(DATABASE_URL)
    async with engine.begin() as connection:
        await connection.run_sync(metadata.create_all)
    app.state.sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
    yield
    await engine.dispose()


app = FastAPI(lifespan=lifespan)


@app.get("/ready")
async def ready() -> dict[str, str]:
    return {"status": "ready"}


@app.post("/rows")
async def insert_row(request: Request) -> dict[str, str]:
    """Store the raw body as one row and answer with its id."""
    body = (await request.body()).decode()
    row_id = uuid.uuid4()
    async with request.app.state.sessionmaker() as session:
        await session.execute(
            row_table.insert().values(id=row_id, body=body, created_at=datetime.now(UTC))
        )
        await session.commit()
    return {"id": str(row_id)}
