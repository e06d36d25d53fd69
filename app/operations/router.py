"""``/healthz`` and ``/readyz``."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from app.operations.readiness import database_revision, migration_head

router = APIRouter(tags=["operations"])


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str
    database: str
    revision: str | None
    expected_revision: str


@router.get("/healthz")
async def healthz() -> Health:
    """The process is alive (says nothing about the database)."""
    return Health(status="ok")


@router.get("/readyz", responses={503: {"model": Readiness, "description": "not ready"}})
async def readyz(request: Request) -> JSONResponse:
    """Ready to serve: the database is reachable and migrated to the newest revision."""
    expected = migration_head()
    try:
        async with asyncio.timeout(3):
            revision = await database_revision(request.app.state.engine)
        database = "ok" if revision == expected else "not migrated"
    except (OSError, TimeoutError, Exception):
        revision, database = None, "unreachable"
    ready = database == "ok"
    body = Readiness(
        status="ready" if ready else "not ready",
        database=database,
        revision=revision,
        expected_revision=expected,
    )
    return JSONResponse(body.model_dump(), status_code=200 if ready else 503)
