"""Shifts over HTTP: coordinators publish them and read the rota; volunteers sign up,
withdraw, check in and out."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import AwareDatetime

from app import clock
from app.chat import conversation
from app.chat.errors import OpenChats
from app.config import ShiftSettings
from app.db import SessionDep
from app.errors import RequestInvalid, responses
from app.identity import errors as identity_errors
from app.identity.deps import CurrentActor
from app.identity.routes_me import AUTH
from app.locations import errors as location_errors
from app.shifts import errors, service
from app.shifts.schemas import (
    CapacityPublic,
    CapacityUpdate,
    RotaPublic,
    ShiftCreate,
    ShiftPublic,
    SignupPublic,
    gap_public,
    shift_public,
    signup_public,
)

router = APIRouter(tags=["shifts"])
STAFF = (*AUTH, RequestInvalid, identity_errors.RoleRequired)
LONGEST_PERIOD = timedelta(days=62)


def _period(starts: datetime | None, ends: datetime | None) -> tuple[datetime, datetime]:
    starts = starts or clock.now()
    ends = min(ends or starts + timedelta(days=14), starts + LONGEST_PERIOD)
    return starts, ends


def _settings(request: Request) -> ShiftSettings:
    settings: ShiftSettings = request.app.state.settings.shifts
    return settings


Period = Annotated[AwareDatetime | None, Query()]


@router.post(
    "/shifts",
    status_code=status.HTTP_201_CREATED,
    responses=responses(*STAFF, location_errors.LocationNotFound, errors.NoCover),
)
async def publish_shift(body: ShiftCreate, actor: CurrentActor, session: SessionDep) -> ShiftPublic:
    """Publish a shift at a location (coordinators and admins)."""
    return shift_public(await service.publish_shift(session, actor, **body.model_dump()))


@router.get("/shifts", responses=responses(*STAFF))
async def list_shifts(
    location_id: uuid.UUID,
    actor: CurrentActor,
    session: SessionDep,
    starts: Period = None,
    ends: Period = None,
) -> list[ShiftPublic]:
    """A location's shifts in a period (default: the next 14 days), with seats left and mine."""
    first, last = _period(starts, ends)
    views = await service.shifts_between(
        session, actor, location_id=location_id, starts=first, ends=last
    )
    return [shift_public(view) for view in views]


@router.get("/shifts/rota", responses=responses(*STAFF, location_errors.LocationNotFound))
async def rota(
    location_id: uuid.UUID,
    actor: CurrentActor,
    session: SessionDep,
    starts: Period = None,
    ends: Period = None,
) -> RotaPublic:
    """Who is on which shift, and when the location is open with nobody signed up
    (coordinators and admins)."""
    first, last = _period(starts, ends)
    views = await service.shifts_between(
        session, actor, location_id=location_id, starts=first, ends=last
    )
    gaps = await service.rota_gaps(
        session, actor, views, location_id=location_id, starts=first, ends=last
    )
    return RotaPublic(
        shifts=[shift_public(view) for view in views], gaps=[gap_public(gap) for gap in gaps]
    )


@router.post(
    "/shifts/{shift_id}/signup",
    responses=responses(*STAFF, errors.ShiftNotFound, errors.ShiftOver, errors.ShiftFull),
)
async def sign_up(shift_id: uuid.UUID, actor: CurrentActor, session: SessionDep) -> SignupPublic:
    """Take a seat on a shift (volunteers; again: no change)."""
    return signup_public(await service.sign_up(session, actor, shift_id))


@router.delete(
    "/shifts/{shift_id}/signup",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(*STAFF, errors.ShiftNotFound, errors.NotSignedUp, errors.WithdrawTooLate),
)
async def withdraw(
    shift_id: uuid.UUID, request: Request, actor: CurrentActor, session: SessionDep
) -> Response:
    """Give the seat back, at least the cut-off before the shift starts."""
    await service.withdraw(session, actor, shift_id, _settings(request))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/shifts/{shift_id}/check-in",
    responses=responses(*STAFF, errors.ShiftNotFound, errors.NotSignedUp, errors.OutsideWindow),
)
async def check_in(
    shift_id: uuid.UUID, request: Request, actor: CurrentActor, session: SessionDep
) -> SignupPublic:
    """Start my shift: from the grace period before it until it ends."""
    return signup_public(await service.check_in(session, actor, shift_id, _settings(request)))


@router.post(
    "/shifts/{shift_id}/check-out",
    responses=responses(
        *STAFF,
        errors.ShiftNotFound,
        errors.NotSignedUp,
        errors.NotCheckedIn,
        errors.OutsideWindow,
        OpenChats,
    ),
)
async def check_out(
    shift_id: uuid.UUID, request: Request, actor: CurrentActor, session: SessionDep
) -> SignupPublic:
    """End my shift (until the grace period after it); with chats still open, the answer
    lists them to end or hand over first."""
    checked_out = await conversation.check_out(session, actor, shift_id, _settings(request))
    return signup_public(checked_out)


@router.put(
    "/volunteers/{volunteer_id}/capacity", responses=responses(*STAFF, errors.VolunteerNotFound)
)
async def set_capacity(
    volunteer_id: uuid.UUID, body: CapacityUpdate, actor: CurrentActor, session: SessionDep
) -> CapacityPublic:
    """How many chats a volunteer takes at once (coordinators and admins; default 2)."""
    capacity = await service.set_capacity(session, actor, volunteer_id, body.chats)
    return CapacityPublic(volunteer_id=capacity.account_id, chats=capacity.chats)
