"""Peer moderators of a community room: a coordinator appoints the first ones, after that
the room's moderators appoint and retire each other. Every change is in the public log.
The room's own choices (flag threshold, signing the log as a team) are theirs too."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.identity.actor import Actor
from app.identity.models import Account, AccountKind
from app.identity.service import find_by_handle
from app.rooms.models import MembershipState
from app.rooms.service import membership
from moderation import errors, policy
from moderation.flags import threshold
from moderation.log import record
from moderation.models import Action, ActorRole, RoomModerator, RoomPolicy
from moderation.schemas import ModeratorPublic, RoomPolicyPublic
from moderation.standing import (
    community_room,
    has_moderators,
    require_moderator,
    require_reader,
    standing_in,
)


async def appoint(
    session: AsyncSession, actor: Actor, room_id: uuid.UUID, *, member: str
) -> RoomModerator:
    """Make a member of the room one of its moderators (again). Raises ``RoomNotFound``,
    ``ModeratorsExist`` (a coordinator, once the room has moderators), ``NotModerator``,
    ``FreeSpace`` and ``NotAMember``. Appointing someone who moderates already is fine."""
    room = await community_room(session, room_id)
    standing = await standing_in(session, actor, room)
    existing = await has_moderators(session, room.id)
    if not policy.may_appoint(standing, room_has_moderators=existing):
        if existing and policy.may_guard(standing):
            raise errors.ModeratorsExist()
        raise policy.refusal_for(standing)
    account = await find_by_handle(session, member)
    theirs = None if account is None else await membership(session, room.id, account.id)
    if (
        account is None
        or account.kind is not AccountKind.member
        or theirs is None
        or theirs.state is not MembershipState.joined
    ):
        raise errors.NotAMember()
    moderator = await session.get(RoomModerator, (room.id, account.id))
    if moderator is not None and moderator.retired_at is None:
        return moderator
    moderator = moderator or RoomModerator(room_id=room.id, account_id=account.id)
    moderator.appointed_by, moderator.appointed_at = actor.account_id, clock.now()
    moderator.retired_at = None
    session.add(moderator)
    role = ActorRole.moderator if existing else ActorRole.coordinator
    record(
        session,
        room_id=room.id,
        action=Action.appoint,
        actor=actor,
        role=role,
        subject_id=account.id,
    )
    await session.flush()
    return moderator


async def retire(session: AsyncSession, actor: Actor, room_id: uuid.UUID, *, member: str) -> None:
    """A moderator retires a fellow moderator, or themselves. Raises ``RoomNotFound``,
    ``NotModerator``, ``FreeSpace`` and ``ModeratorNotFound``."""
    room = await require_moderator(session, actor, room_id)
    account = await find_by_handle(session, member)
    moderator = None if account is None else await session.get(RoomModerator, (room.id, account.id))
    if moderator is None or moderator.retired_at is not None:
        raise errors.ModeratorNotFound()
    moderator.retired_at = clock.now()
    session.add(moderator)
    record(
        session,
        room_id=room.id,
        action=Action.retire,
        actor=actor,
        role=ActorRole.moderator,
        subject_id=moderator.account_id,
    )
    await session.flush()


async def moderators_of(
    session: AsyncSession, actor: Actor, room_id: uuid.UUID
) -> list[ModeratorPublic]:
    """Who moderates the room: its members may know. Raises ``RoomNotFound``."""
    await require_reader(session, actor, room_id)
    rows = await session.exec(
        select(RoomModerator, Account)
        .join(Account, col(Account.id) == col(RoomModerator.account_id))
        .where(RoomModerator.room_id == room_id, col(RoomModerator.retired_at).is_(None))
        .order_by(col(RoomModerator.appointed_at))
    )
    return [
        ModeratorPublic(handle=account.handle, appointed_at=moderator.appointed_at)
        for moderator, account in rows.all()
    ]


async def room_policy(
    session: AsyncSession, actor: Actor, room_id: uuid.UUID, changes: dict[str, Any]
) -> RoomPolicyPublic:
    """Read (and with ``changes``, set) the room's own choices: its moderators. Raises
    ``RoomNotFound``, ``NotModerator`` and ``FreeSpace``."""
    room = await require_moderator(session, actor, room_id)
    choices = await session.get(RoomPolicy, room.id) or RoomPolicy(room_id=room.id)
    for field, value in changes.items():
        if value is not None:
            setattr(choices, field, value)
    if changes:
        session.add(choices)
        await session.flush()
    return RoomPolicyPublic(
        flag_threshold=await threshold(session, room.id),
        sign_as_team=choices.sign_as_team,
        rules=policy.allowed_rules(room.rules),
    )
