"""``GET /sync`` (pull changes since a cursor) and ``POST /sync/push`` (the outbox)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from sqlmodel.ext.asyncio.session import AsyncSession

from app.db import SessionDep
from app.error_handlers import language_of
from app.errors import RequestInvalid, responses
from app.identity.deps import BearerToken, CurrentActor
from app.identity.routes_me import AUTH
from app.identity.service import actor_for_token
from app.messaging import errors
from app.messaging.outbox import ItemOutcome, ops_budget
from app.messaging.outbox import push as push_operations
from app.messaging.schemas import PushRequest, PushResponse
from app.ratelimit import own_budget
from app.sync.feed import message_rooms
from app.sync.schemas import SyncResponse, push_public, sync_public
from app.sync.service import pull

router = APIRouter(prefix="/sync", tags=["sync"])


@router.get("", responses=responses(*AUTH, RequestInvalid, errors.CursorInvalid))
async def sync(
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
    cursor: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int | None, Query(ge=1, le=5_000)] = None,
) -> SyncResponse:
    """Every change I may see since `cursor`, in order; without a cursor, a first sync."""
    settings = request.app.state.settings.sync
    result = await pull(
        session,
        actor,
        cursor=cursor,
        limit=min(limit or settings.page_limit, settings.page_limit),
        window=settings.window,
    )
    await request.app.state.read_audit(actor, message_rooms(result.changes), "sync")
    return sync_public(result)


@router.post(
    "/push",
    responses=responses(*AUTH, RequestInvalid, errors.BatchTooLarge),
    openapi_extra=own_budget(
        "operations per account per minute (RUIMTE_SYNC__OPS_PER_MINUTE); over it, the "
        "operations not taken come back as retry_later with retry_after"
    ),
)
async def push(body: PushRequest, request: Request, token: BearerToken) -> PushResponse:
    """Send queued operations; each gets its own result: applied, duplicate (with the
    original result), rejected (with a code) or retry_later."""
    state = request.app.state

    async def unit(session: AsyncSession) -> list[ItemOutcome]:
        # Who is asking is settled in the same transaction as the writes (group commit).
        actor = await actor_for_token(session, token, state.identity_policy)
        budget = ops_budget(state.rate_limiter, state.settings, actor)
        return await push_operations(
            session, actor, client_id=body.client_id, raw_ops=body.ops, budget=budget
        )

    outcomes = await state.group_commit.run(unit)
    return push_public(outcomes, language_of(request))
