"""The ASGI application: ``app.main:app``, built by ``create_app``."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import Depends, FastAPI
from starlette.middleware.cors import CORSMiddleware

from app.chat.live import LiveQueue
from app.chat.router import router as chat_router
from app.config import Settings, get_settings
from app.db import create_engine, create_sessionmaker
from app.db.group_commit import GroupCommit
from app.error_handlers import install_error_handlers
from app.escalation.audit import ReadAudit
from app.escalation.climb import DeadlineWorker
from app.escalation.router import chats as escalation_chat_router
from app.escalation.router import pages as pages_router
from app.escalation.router import router as escalation_router
from app.identity import actor_cache
from app.identity.actor_cache import ActorCache
from app.identity.policy import IdentityPolicy
from app.identity.router import router as identity_router
from app.locations.router import router as locations_router
from app.messaging.router import router as messaging_router
from app.middleware import AccessLog, BodyLimit, SecurityHeaders
from app.oncall.router import router as oncall_router
from app.openapi import document_errors
from app.operations.metrics import RequestMetrics
from app.operations.router import router as operations_router
from app.paging.delivery import create_pager
from app.paging.dispatch import DISPATCH, Dispatcher
from app.privacy.retention import RetentionSweeper
from app.privacy.router import router as privacy_router
from app.ratelimit import RateLimiter, write_budget
from app.realtime import direct
from app.realtime.broker import create_broker
from app.realtime.hub import Hub
from app.realtime.websocket import router as websocket_router
from app.rooms.router import router as rooms_router
from app.shifts.router import router as shifts_router
from app.sync.router import router as sync_router
from moderation import service_settings, signals
from moderation.router import guard_router
from moderation.router import router as moderation_router
from moderation.routes_care import router as care_router
from moderation.visits import VisitSweeper

DESCRIPTION = """
An anonymous, label-free peer-support e-community for young people (12-25).

Every error has the shape `{"error": {"code", "message", "details"}}`; codes are stable,
messages follow `Accept-Language` (Dutch by default, or English). Authenticate with
`Authorization: Bearer <token>`; tokens are never accepted in a URL.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(settings)
        app.state.engine = engine
        # Shared by both: a commit through either that changes identity data empties it.
        shared: dict[str, Any] = {
            actor_cache.INFO_KEY: ActorCache(settings.security.sessions.cache_seconds),
            service_settings.INFO_KEY: settings,  # moderation's services and workers
        }
        app.state.sessionmaker = create_sessionmaker(engine, info=shared)
        app.state.read_sessionmaker = create_sessionmaker(engine, read_only=True, info=shared)
        app.state.read_audit = ReadAudit(app.state.sessionmaker, settings)
        broker = create_broker(settings.realtime.broker, settings.database_url)
        hub = Hub(app.state.read_sessionmaker, broker, settings.realtime)
        app.state.hub = hub
        shared[direct.PUBLISH] = hub.publish_ephemeral  # sessions made from now on carry it
        app.state.live_queue = LiveQueue(app.state.read_sessionmaker, settings.chat)
        hub.listen_ephemeral(app.state.live_queue.on_ephemeral)
        app.state.announce = broker.publish_head
        outbound = httpx.AsyncClient()  # paging webhooks: the service's only outbound calls
        app.state.pager = create_pager(settings.paging, app.state.sessionmaker, outbound)
        app.state.dispatcher = shared[DISPATCH] = Dispatcher(app.state.pager)
        app.state.group_commit = GroupCommit(
            app.state.sessionmaker,
            broker.publish_head,
            max_units=settings.database.group_commit_max_units,
        )
        await hub.start()
        deadlines = DeadlineWorker(
            app.state.sessionmaker, app.state.read_sessionmaker, settings, broker.publish_head
        )
        if settings.escalation.worker:
            deadlines.start()
        visit_sweep = VisitSweeper(
            app.state.sessionmaker,
            app.state.read_sessionmaker,
            settings.moderation.sweep_seconds,
            broker.publish_head,
        )
        visit_sweep.start()
        app.state.visit_sweep = visit_sweep
        retention = RetentionSweeper(app.state.sessionmaker, settings.privacy, broker.publish_head)
        retention.start()
        app.state.retention = retention
        # What start-up built (routes, models, mappers, compiled schemas) lives as long as the
        # process: keep it out of every garbage collection (they cost 9% of a busy server's CPU,
        # half of it spent walking these objects again and again).
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            await deadlines.stop()
            await visit_sweep.stop()
            await retention.stop()
            await app.state.group_commit.close()
            await app.state.dispatcher.close()
            await hub.stop()
            await outbound.aclose()
            await engine.dispose()

    app = FastAPI(
        title="Vrije Ruimte",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        dependencies=[Depends(write_budget)],  # every write, on every route included below
    )
    app.state.settings = settings
    app.state.identity_policy = IdentityPolicy.from_settings(settings.security)
    app.state.rate_limiter = RateLimiter()
    app.state.risk_signal = signals.priority  # a first message's place in the chat queue
    install_error_handlers(app)
    app.add_middleware(
        BodyLimit,
        max_bytes=settings.http.max_body_bytes,
        default_language=settings.default_language,
    )
    app.add_middleware(SecurityHeaders, hsts_seconds=settings.http.hsts_seconds)
    if settings.http.cors_origins:  # closed unless an operator names the origins
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.http.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Accept-Language"],
            expose_headers=["Retry-After"],
            max_age=600,
        )
    app.state.request_metrics = RequestMetrics()
    app.add_middleware(AccessLog, metrics=app.state.request_metrics)
    # The hot routes first: every request is matched against the routes in this order.
    app.include_router(sync_router)
    app.include_router(websocket_router)
    app.include_router(operations_router)
    app.include_router(identity_router)
    app.include_router(privacy_router)
    app.include_router(rooms_router)
    app.include_router(guard_router)
    app.include_router(moderation_router)
    app.include_router(care_router)
    app.include_router(locations_router)
    app.include_router(shifts_router)
    app.include_router(chat_router)
    app.include_router(oncall_router)
    app.include_router(escalation_router)
    app.include_router(escalation_chat_router)
    app.include_router(pages_router)
    app.include_router(messaging_router)
    document_errors(app)
    logging.getLogger("ruimte").setLevel(logging.INFO)
    return app


app = create_app()
