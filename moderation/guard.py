"""The coordinators' guard role in the free space: they archive a room, or remove content
that is illegal, each with a public log entry signed "the coordinators". Nothing else in a
community room is theirs: they do not post, moderate or read along (``policy.may_guard``)."""

from __future__ import annotations

import uuid

from sqlmodel.ext.asyncio.session import AsyncSession

from app.identity.actor import Actor
from app.identity.errors import RoleRequired
from app.messaging import withholding
from app.messaging.models import Message, Withheld
from app.notices.service import notify
from app.rooms import service as rooms
from app.rooms.models import Room
from moderation import errors, policy
from moderation.log import record
from moderation.models import Action, ActorRole, ModerationAction
from moderation.standing import community_room, standing_in


async def _guarded(session: AsyncSession, actor: Actor, room_id: uuid.UUID) -> Room:
    room = await community_room(session, room_id)
    if not policy.may_guard(await standing_in(session, actor, room)):
        raise RoleRequired(roles="coordinator / admin")
    return room


async def archive(session: AsyncSession, actor: Actor, room_id: uuid.UUID) -> Room:
    """Archive a community room: its members keep reading, nobody writes or joins. Logged
    once, however often it is asked. Raises ``RoomNotFound`` and ``RoleRequired``."""
    room = await _guarded(session, actor, room_id)
    if room.archived_at is None:
        record(
            session, room_id=room.id, action=Action.archive, actor=actor, role=ActorRole.coordinator
        )
    return await rooms.close_room(session, room)


async def remove_illegal(
    session: AsyncSession,
    actor: Actor,
    room_id: uuid.UUID,
    *,
    message_id: uuid.UUID,
    reason: str | None,
) -> ModerationAction:
    """Remove a message that is illegal: kept from the room for good, its author told why.
    Raises ``RoomNotFound``, ``RoleRequired``, ``ReasonRequired`` and ``TargetNotFound``."""
    room = await _guarded(session, actor, room_id)
    reason = policy.check_reason(reason)
    message = await session.get(Message, message_id)
    if message is None or message.room_id != room.id or message.deleted_at is not None:
        raise errors.TargetNotFound()
    withholding.withhold(session, message, Withheld.removed, policy.ILLEGAL, rule=policy.ILLEGAL)
    entry = record(
        session,
        room_id=room.id,
        action=Action.remove_illegal,
        actor=actor,
        role=ActorRole.coordinator,
        message_id=message.id,
        subject_id=message.author_id,
        rule=policy.ILLEGAL,
        reason=reason,
    )
    await session.flush()
    if message.author_id is not None:
        notify(
            session,
            message.author_id,
            "moderation.removed_illegal",
            room_id=room.id,
            message_id=message.id,
            action_id=entry.id,
            reason=reason,
        )
    return entry
