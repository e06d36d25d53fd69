"""Who someone is in a community room, read from the database for the pure rules of
``policy``; and the refusals that follow when they may not do what they ask."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.identity.actor import Actor
from app.rooms import errors as room_errors
from app.rooms.models import MembershipState, Room, RoomKind
from app.rooms.service import membership
from moderation import policy
from moderation.models import RoomModerator


async def community_room(session: AsyncSession, room_id: uuid.UUID) -> Room:
    """A community room, or ``RoomNotFound`` (private rooms are not moderation's)."""
    room = await session.get(Room, room_id)
    if room is None or room.kind is not RoomKind.community:
        raise room_errors.RoomNotFound()
    return room


async def is_moderator(session: AsyncSession, room_id: uuid.UUID, account_id: uuid.UUID) -> bool:
    moderator = await session.get(RoomModerator, (room_id, account_id))
    return moderator is not None and moderator.retired_at is None


async def has_moderators(session: AsyncSession, room_id: uuid.UUID) -> bool:
    found = await session.exec(
        select(sa.func.count())
        .select_from(RoomModerator)
        .where(RoomModerator.room_id == room_id, col(RoomModerator.retired_at).is_(None))
    )
    return int(found.one()) > 0


async def standing_in(session: AsyncSession, actor: Actor, room: Room) -> policy.Standing:
    member = await membership(session, room.id, actor.account_id)
    joined = member is not None and member.state is MembershipState.joined
    visiting = (
        joined
        and member is not None
        and member.visiting_until is not None
        and member.visiting_until > clock.now()
    )
    return policy.Standing(
        peer=actor.is_member,
        roles=frozenset(role.value for role in actor.roles),
        joined=joined,
        moderates=await is_moderator(session, room.id, actor.account_id),
        visiting=visiting,
    )


async def require_moderator(session: AsyncSession, actor: Actor, room_id: uuid.UUID) -> Room:
    """The room, if the actor moderates it; otherwise ``RoomNotFound``, ``NotModerator``
    (peers) or ``FreeSpace`` (staff)."""
    room = await community_room(session, room_id)
    standing = await standing_in(session, actor, room)
    if not policy.may_moderate(standing):
        raise policy.refusal_for(standing)
    return room


async def require_reader(session: AsyncSession, actor: Actor, room_id: uuid.UUID) -> Room:
    """The room, if the actor may read its moderation log and moderators: its members and
    the coordinators who guard it. Others: ``RoomNotFound``."""
    room = await community_room(session, room_id)
    standing = await standing_in(session, actor, room)
    if not (standing.joined or policy.may_guard(standing)):
        raise room_errors.RoomNotFound()
    return room
