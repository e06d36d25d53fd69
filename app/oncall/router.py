"""The on-call rota over HTTP."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from app.db import SessionDep
from app.errors import RequestInvalid, responses
from app.identity import errors as identity_errors
from app.identity.deps import CurrentActor
from app.identity.routes_me import AUTH
from app.locations import errors as location_errors
from app.oncall import errors, service
from app.oncall.models import Tier
from app.oncall.schemas import OnCallNow, SlotCreate, SlotPublic, slot_public

router = APIRouter(prefix="/oncall", tags=["on call"])
MANAGING = (*AUTH, RequestInvalid, identity_errors.RoleRequired)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses=responses(*MANAGING, errors.NotInTier, location_errors.LocationNotFound),
)
async def add_slot(body: SlotCreate, actor: CurrentActor, session: SessionDep) -> SlotPublic:
    """Put a professional, or the backstop psychiatrist, on call (coordinators and admins)."""
    return slot_public(*await service.add_slot(session, actor, **body.model_dump()))


@router.delete(
    "/{slot_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(*MANAGING, errors.SlotNotFound),
)
async def remove_slot(slot_id: uuid.UUID, actor: CurrentActor, session: SessionDep) -> Response:
    """Take an on-call slot back."""
    await service.remove_slot(session, actor, slot_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/now", responses=responses(*MANAGING))
async def on_call_now(
    location_id: uuid.UUID, actor: CurrentActor, session: SessionDep
) -> OnCallNow:
    """Who is on call for a location right now, per tier (staff)."""
    found = await service.on_call_now(session, actor, location_id)
    return OnCallNow(
        professional=[slot_public(s, a) for s, a in found[Tier.professional]],
        psychiatrist=[slot_public(s, a) for s, a in found[Tier.psychiatrist]],
    )
