"""Locations over HTTP: coordinators set up centres and online services; anyone may see
whether chat is open (no account needed: a young person should know before signing up)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response, status

from app.db import SessionDep
from app.error_handlers import language_of
from app.errors import RequestInvalid, ServiceUnavailable, responses
from app.identity import errors as identity_errors
from app.identity.deps import CurrentActor
from app.identity.routes_me import AUTH
from app.locations import errors, service
from app.locations.schemas import (
    ClosureCreate,
    ClosurePublic,
    HoursUpdate,
    LocationCreate,
    LocationPublic,
    LocationUpdate,
    OpenNow,
    closure_public,
    location_public,
    open_now,
)

router = APIRouter(prefix="/locations", tags=["locations"])
MANAGING = (*AUTH, RequestInvalid, identity_errors.RoleRequired)


def _crisis_line(request: Request) -> str:
    return str(request.app.state.settings.chat.crisis_line(language_of(request)))


def _hours(body: HoursUpdate | LocationCreate) -> list[service.Opening]:
    return [(o.weekday, o.opens, o.closes) for o in body.hours]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses=responses(*MANAGING, errors.TimeZoneUnknown),
)
async def create_location(
    body: LocationCreate, request: Request, actor: CurrentActor, session: SessionDep
) -> LocationPublic:
    """Add a centre or an online service with its weekly hours (coordinators and admins)."""
    location = await service.create_location(
        session,
        actor,
        name=body.name,
        kind=body.kind,
        time_zone=body.time_zone,
        always_open=body.always_open,
        requires_cover=body.requires_cover,
        hours=_hours(body),
    )
    return location_public(await service.describe(session, location.id), _crisis_line(request))


@router.get("", responses=responses(ServiceUnavailable))
async def list_locations(request: Request, session: SessionDep) -> list[LocationPublic]:
    """Every centre and online service, with whether chat is open now (no account needed)."""
    crisis_line = _crisis_line(request)
    return [
        location_public(await service.describe(session, location.id), crisis_line)
        for location in await service.list_locations(session)
    ]


@router.get("/{location_id}", responses=responses(RequestInvalid, errors.LocationNotFound))
async def read_location(
    location_id: uuid.UUID, request: Request, session: SessionDep
) -> LocationPublic:
    """One location: hours, coming closures, open now (no account needed)."""
    return location_public(await service.describe(session, location_id), _crisis_line(request))


@router.get("/{location_id}/status", responses=responses(RequestInvalid, errors.LocationNotFound))
async def location_status(location_id: uuid.UUID, request: Request, session: SessionDep) -> OpenNow:
    """Is chat open now, until when, or when does it open; and the crisis line meanwhile."""
    location = await service.get_location(session, location_id)
    return open_now(await service.open_status(session, location), _crisis_line(request))


@router.patch(
    "/{location_id}",
    responses=responses(*MANAGING, errors.LocationNotFound, errors.TimeZoneUnknown),
)
async def update_location(
    location_id: uuid.UUID,
    body: LocationUpdate,
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
) -> LocationPublic:
    """Rename a location, move its time zone, or make it open all hours."""
    await service.update_location(session, actor, location_id, **body.model_dump(exclude_none=True))
    return location_public(await service.describe(session, location_id), _crisis_line(request))


@router.put("/{location_id}/hours", responses=responses(*MANAGING, errors.LocationNotFound))
async def set_hours(
    location_id: uuid.UUID,
    body: HoursUpdate,
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
) -> LocationPublic:
    """Replace the weekly opening hours (local times in the location's time zone)."""
    await service.set_hours(session, actor, location_id, _hours(body))
    return location_public(await service.describe(session, location_id), _crisis_line(request))


@router.post(
    "/{location_id}/closures",
    status_code=status.HTTP_201_CREATED,
    responses=responses(*MANAGING, errors.LocationNotFound),
)
async def add_closure(
    location_id: uuid.UUID, body: ClosureCreate, actor: CurrentActor, session: SessionDep
) -> ClosurePublic:
    """Close for a while: a holiday, a training evening."""
    closure = await service.add_closure(session, actor, location_id, **body.model_dump())
    return closure_public(closure)


@router.delete(
    "/{location_id}/closures/{closure_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(*MANAGING, errors.ClosureNotFound),
)
async def remove_closure(
    location_id: uuid.UUID, closure_id: uuid.UUID, actor: CurrentActor, session: SessionDep
) -> Response:
    """Take a closure back."""
    await service.remove_closure(session, actor, location_id, closure_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
