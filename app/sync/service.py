"""``GET /sync``: everything a person may see that changed since their cursor.

A first sync (no cursor) gets, per room, the membership, the read marker and a recent window of
messages; older history is paged backwards with ``GET /rooms/{id}/messages``. A later sync gets
the changes since the cursor, in order, paged. Unread counts for every room come with each
answer, computed from the read markers, so every device shows the same numbers.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.identity.actor import Actor
from app.identity.models import Account
from app.messaging.models import Message
from app.notices.service import recent_notices
from app.rooms.models import MembershipState, ReadMarker, Room, RoomMember
from app.rooms.schemas import room_public
from app.sync import cursor as cursors
from app.sync import events
from app.sync.feed import (
    Change,
    changes_between,
    message_changes,
    notice_change,
    read_marker_change,
)
from app.sync.positions import StreamHead, current_head


@dataclass(frozen=True)
class RoomHistory:
    has_older: bool
    oldest_seq: int | None


@dataclass
class SyncResult:
    cursor: str
    reset: bool
    has_more: bool
    changes: list[Change]
    unread: dict[uuid.UUID, int]
    history: dict[uuid.UUID, RoomHistory] = field(default_factory=dict)


async def pull(
    session: AsyncSession, actor: Actor, *, cursor: str | None, limit: int, window: int
) -> SyncResult:
    """Raises ``CursorInvalid`` for a cursor that cannot be read; any readable cursor that the
    server can no longer answer exactly gets ``reset=True`` and a first sync instead."""
    head = await current_head(session)
    if cursor is None:
        return await first_sync(session, actor, head, window, reset=False)
    epoch, position = cursors.decode(cursor)
    if epoch != head.epoch or position > head.position or position < head.horizon:
        return await first_sync(session, actor, head, window, reset=True)
    page = await changes_between(
        session, after=position, upto=head.position, viewer=actor.account_id, limit=limit
    )
    return SyncResult(
        cursor=cursors.encode(head.epoch, page.next_position),
        reset=False,
        has_more=page.has_more,
        changes=page.changes,
        unread=await unread_by_room(session, actor.account_id),
    )


async def first_sync(
    session: AsyncSession, actor: Actor, head: StreamHead, window: int, *, reset: bool
) -> SyncResult:
    """The state as of ``head``: memberships, read markers and the last ``window`` messages
    per room. Anything changed after ``head`` arrives with the next sync."""
    rows = (
        await session.exec(
            select(RoomMember, Room)
            .join(Room, col(Room.id) == col(RoomMember.room_id))
            .where(
                RoomMember.account_id == actor.account_id,
                RoomMember.state == MembershipState.joined,
                col(RoomMember.position) <= head.position,
            )
        )
    ).all()
    changes: list[Change] = []
    history: dict[uuid.UUID, RoomHistory] = {}
    for member, room in rows:
        assert member.position is not None
        event = events.MembershipEvent(
            position=member.position, room=room_public(room), state=member.state
        )
        changes.append(Change(member.position, event, events.membership_audience(actor.account_id)))
        marker = await session.get(ReadMarker, (room.id, actor.account_id))
        if marker is not None and marker.position is not None and marker.position <= head.position:
            changes.append(await read_marker_change(session, marker))
        recent, has_older = await recent_messages(
            session, room.id, head.position, window, viewer=actor.account_id
        )
        changes += [
            change
            for message, author in recent
            for change in message_changes(message, author, actor.account_id)
        ]
        history[room.id] = RoomHistory(has_older, recent[0][0].seq if recent else None)
    changes += [
        notice_change(notice)
        for notice in await recent_notices(session, actor.account_id, head.position)
    ]
    changes.sort(key=lambda change: change.position)
    return SyncResult(
        cursor=cursors.encode(head.epoch, head.position),
        reset=reset,
        has_more=False,
        changes=changes,
        unread=await unread_by_room(session, actor.account_id),
        history=history,
    )


async def recent_messages(
    session: AsyncSession, room_id: uuid.UUID, upto: int, window: int, *, viewer: uuid.UUID
) -> tuple[list[tuple[Message, Account | None]], bool]:
    """The room's newest messages as ``viewer`` may see them: nobody else's that moderation
    keeps from the room (a tombstone means nothing to a device that never had the message)."""
    rows = (
        await session.exec(
            select(Message, Account)
            .outerjoin(Account, col(Account.id) == col(Message.author_id))
            .where(
                Message.room_id == room_id,
                col(Message.position) <= upto,
                col(Message.deleted_at).is_(None),
                sa.or_(col(Message.withheld).is_(None), col(Message.author_id) == viewer),
            )
            .order_by(col(Message.seq).desc())
            .limit(window + 1)
        )
    ).all()
    return list(reversed(rows[:window])), len(rows) > window


async def unread_by_room(session: AsyncSession, account_id: uuid.UUID) -> dict[uuid.UUID, int]:
    """Unread messages per joined room (rooms with none are listed with 0)."""
    joined = (
        await session.exec(
            select(RoomMember.room_id).where(
                RoomMember.account_id == account_id, RoomMember.state == MembershipState.joined
            )
        )
    ).all()
    counts = (
        await session.exec(
            select(Message.room_id, sa.func.count())
            .join(
                ReadMarker,
                sa.and_(
                    col(ReadMarker.room_id) == col(Message.room_id),
                    col(ReadMarker.account_id) == account_id,
                ),
            )
            .join(
                RoomMember,
                sa.and_(
                    col(RoomMember.room_id) == col(Message.room_id),
                    col(RoomMember.account_id) == account_id,
                    col(RoomMember.state) == MembershipState.joined,
                ),
            )
            .where(
                col(Message.seq) > col(ReadMarker.up_to_seq),
                col(Message.deleted_at).is_(None),
                col(Message.withheld).is_(None),
                sa.or_(col(Message.author_id).is_(None), col(Message.author_id) != account_id),
            )
            .group_by(col(Message.room_id))
        )
    ).all()
    unread = {room_id: 0 for room_id in joined}
    unread.update({room_id: int(count) for room_id, count in counts})
    return unread
