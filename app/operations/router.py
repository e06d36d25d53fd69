"""``/healthz``, ``/readyz`` and ``/metrics``."""

from __future__ import annotations

import asyncio
import hmac

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from app import clock
from app.errors import RouteNotFound
from app.operations.metrics import exposition, read_figures
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


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    """Prometheus metrics, for the scraper holding the token; to anyone else, nothing here."""
    expected = request.app.state.settings.metrics.token
    credentials = request.headers.get("authorization", "")
    offered = credentials[7:] if credentials[:7].lower() == "bearer " else ""
    if expected is None or not hmac.compare_digest(
        offered.encode(), expected.get_secret_value().encode()
    ):
        raise RouteNotFound()
    state = request.app.state
    async with state.read_sessionmaker() as session:
        figures = await read_figures(session, clock.now())
    text = exposition(state.request_metrics, figures, state.hub.sockets)
    return Response(text, media_type="text/plain; version=0.0.4; charset=utf-8")
