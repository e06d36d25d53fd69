"""Rooms over HTTP: coordinators manage community rooms; members find, join and leave them."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from app.db import SessionDep
from app.errors import RequestInvalid, responses
from app.identity import errors as identity_errors
from app.identity.deps import CurrentActor
from app.identity.routes_me import AUTH
from app.rooms import errors, service
from app.rooms.models import Theme
from app.rooms.schemas import RoomCreate, RoomListItem, RoomPublic, RoomUpdate, room_public

router = APIRouter(prefix="/rooms", tags=["rooms"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses=responses(*AUTH, RequestInvalid, identity_errors.RoleRequired),
)
async def create_room(body: RoomCreate, actor: CurrentActor, session: SessionDep) -> RoomPublic:
    """Open a community room around a life theme (coordinators and admins)."""
    room = await service.create_room(session, actor, **body.model_dump())
    return room_public(room)


@router.get("", responses=responses(*AUTH, RequestInvalid))
async def list_rooms(
    actor: CurrentActor,
    session: SessionDep,
    q: Annotated[
        str | None, Query(max_length=80, description="search name and description")
    ] = None,
    theme: Theme | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> list[RoomListItem]:
    """Open community rooms I may join (my age band or all), optionally searched."""
    listings = await service.list_rooms(
        session, actor, query=q, theme=theme, limit=limit, offset=offset
    )
    return [
        RoomListItem(
            **room_public(item.room).model_dump(),
            joined=item.joined,
            member_count=item.member_count,
        )
        for item in listings
    ]


@router.get("/{room_id}", responses=responses(*AUTH, errors.RoomNotFound))
async def read_room(room_id: uuid.UUID, actor: CurrentActor, session: SessionDep) -> RoomPublic:
    """A room I am in or may join."""
    return room_public(await service.get_visible_room(session, actor, room_id))


@router.patch(
    "/{room_id}",
    responses=responses(
        *AUTH,
        RequestInvalid,
        identity_errors.RoleRequired,
        errors.RoomNotFound,
        errors.RoomArchived,
        errors.ThemeRequired,
    ),
)
async def update_room(
    room_id: uuid.UUID, body: RoomUpdate, actor: CurrentActor, session: SessionDep
) -> RoomPublic:
    """Edit a community room's name, description, rules, theme or age band (coordinators)."""
    room = await service.update_room(session, actor, room_id, body.model_dump(exclude_unset=True))
    return room_public(room)


@router.post(
    "/{room_id}/join",
    responses=responses(
        *AUTH,
        identity_errors.MembersOnly,
        errors.RoomNotFound,
        errors.RoomAgeBandMismatch,
        errors.RoomArchived,
    ),
)
async def join_room(room_id: uuid.UUID, actor: CurrentActor, session: SessionDep) -> RoomPublic:
    """Join a community room of my age band; all my devices learn of it through sync."""
    return room_public(await service.join_room(session, actor, room_id))


@router.post("/{room_id}/leave", responses=responses(*AUTH, errors.RoomNotFound))
async def leave_room(room_id: uuid.UUID, actor: CurrentActor, session: SessionDep) -> RoomPublic:
    """Leave a room; all my devices learn of it through sync."""
    return room_public(await service.leave_room(session, actor, room_id))
