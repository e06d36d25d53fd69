"""What a room's moderators do to a membership: mute it for a while, remove it for good,
undo a removal. Only the moderation package calls these, after its own checks; the refusals
that follow (``Muted``, ``Removed``) come from ``service.require_member``."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.rooms.models import MembershipState, Room
from app.rooms.service import add_member, membership
from app.sync.positions import mark_changed


async def mute_member(
    session: AsyncSession, room_id: uuid.UUID, account_id: uuid.UUID, until: datetime | None
) -> bool:
    """Mute a member until ``until`` (None: unmute). False if they are not in the room. Only
    the moderation package calls this, after its own checks."""
    member = await membership(session, room_id, account_id)
    if member is None or member.state is not MembershipState.joined:
        return False
    member.muted_until = until
    session.add(member)
    await session.flush()
    return True


async def exclude_member(session: AsyncSession, room: Room, account_id: uuid.UUID) -> bool:
    """Remove a member for good (``removed``: they may not rejoin); every device of theirs
    learns of it. False if they were never a member."""
    member = await membership(session, room.id, account_id)
    if member is None:
        return False
    if member.state is not MembershipState.removed:
        member.state, member.left_at, member.muted_until = (
            MembershipState.removed,
            clock.now(),
            None,
        )
        session.add(member)
        mark_changed(session, member)
        await session.flush()
    return True


async def readmit_member(session: AsyncSession, room: Room, account_id: uuid.UUID) -> None:
    """Undo a removal (an appeal that succeeded): the person is back in the room."""
    member = await membership(session, room.id, account_id)
    if member is not None and member.state is MembershipState.removed:
        await add_member(session, room, account_id)
