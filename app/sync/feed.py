"""Reading the change stream: everything that changed in a range of positions.

One function serves both readers: ``GET /sync`` and the WebSocket catch-up (for one viewer,
filtered in SQL by the audience rules of ``events``) and the live hub (for everyone at once,
each change tagged with its audience). Every query walks a ``position`` index from the cursor,
so catching up costs what changed since the cursor, not the size of the history.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.identity.models import Account
from app.messaging.models import Message, Withheld
from app.messaging.operations import unread_count
from app.messaging.schemas import author_public, message_public
from app.notices.models import Notice
from app.rooms.models import MembershipState, ReadMarker, Room, RoomKind, RoomMember
from app.rooms.schemas import room_public
from app.sync import events
from app.sync.events import Audience


@dataclass(frozen=True)
class Change:
    position: int
    event: (
        events.MessageEvent
        | events.TombstoneEvent
        | events.MembershipEvent
        | events.MemberEvent
        | events.RoomEvent
        | events.ReadMarkerEvent
        | events.NoticeEvent
    )
    audience: Audience


@dataclass(frozen=True)
class Page:
    changes: list[Change]
    next_position: int
    has_more: bool


def message_rooms(changes: list[Change]) -> set[uuid.UUID]:
    """The rooms whose messages (their content, not tombstones) are among ``changes``."""
    return {
        change.event.message.room_id
        for change in changes
        if isinstance(change.event, events.MessageEvent)
    }


def my_rooms(viewer: uuid.UUID) -> Any:
    return select(RoomMember.room_id).where(
        RoomMember.account_id == viewer, RoomMember.state == MembershipState.joined
    )


def message_changes(
    message: Message, author: Account | None, viewer: uuid.UUID | None = None
) -> list[Change]:
    """A message's change as each audience sees it (for ``viewer``: as they see it). One
    that moderation keeps from the room goes whole to its author only; everyone else gets a
    tombstone, or nothing if they never saw it (held before it was ever posted)."""
    assert message.position is not None
    assert message.seq is not None
    audience = events.message_audience(message.room_id)
    if message.deleted_at is not None:
        return [Change(message.position, _tombstone(message, "deleted"), audience)]
    whole = events.MessageEvent(position=message.position, message=message_public(message, author))
    if message.withheld is None:
        return [Change(message.position, whole, audience)]
    own, others = events.withheld_audiences(message.room_id, message.author_id)
    changes = [] if own is None else [Change(message.position, whole, own)]
    if message.withheld is not Withheld.held:
        changes.append(Change(message.position, _tombstone(message, "hidden"), others))
    if viewer is None:
        return changes
    return [change for change in changes if change.audience.includes(viewer, {message.room_id})]


def _tombstone(message: Message, reason: Literal["deleted", "hidden"]) -> events.TombstoneEvent:
    assert message.position is not None
    assert message.seq is not None
    return events.TombstoneEvent(
        position=message.position,
        room_id=message.room_id,
        message_id=message.id,
        seq=message.seq,
        reason=reason,
    )


def _in_range(column: Any, after: int, upto: int) -> sa.ColumnElement[bool]:
    return sa.and_(column > after, column <= upto)


async def _messages(
    session: AsyncSession, after: int, upto: int, viewer: uuid.UUID | None, limit: int
) -> list[Change]:
    statement = (
        select(Message, Account)
        .outerjoin(Account, col(Account.id) == col(Message.author_id))
        .where(_in_range(col(Message.position), after, upto))
        .order_by(col(Message.position))
        .limit(limit + 1)
    )
    if viewer is not None:
        statement = statement.where(col(Message.room_id).in_(my_rooms(viewer)))
    return [
        change
        for message, author in (await session.exec(statement)).all()
        for change in message_changes(message, author, viewer)
    ]


async def _memberships(
    session: AsyncSession, after: int, upto: int, viewer: uuid.UUID | None, limit: int
) -> list[Change]:
    statement = (
        select(RoomMember, Room, Account)
        .join(Room, col(Room.id) == col(RoomMember.room_id))
        .join(Account, col(Account.id) == col(RoomMember.account_id))
        .where(_in_range(col(RoomMember.position), after, upto))
        .order_by(col(RoomMember.position))
        .limit(limit + 1)
    )
    if viewer is not None:
        statement = statement.where(
            sa.or_(
                col(RoomMember.account_id) == viewer,
                sa.and_(
                    col(RoomMember.room_id).in_(my_rooms(viewer)),
                    col(Room.kind) != RoomKind.community,
                ),
            )
        )
    changes: list[Change] = []
    for member, room, account in (await session.exec(statement)).all():
        assert member.position is not None
        if viewer is None or viewer == member.account_id:
            own = events.MembershipEvent(
                position=member.position, room=room_public(room), state=member.state
            )
            changes.append(
                Change(member.position, own, events.membership_audience(member.account_id))
            )
        others = events.member_audience(room.id, room.kind, member.account_id)
        if others is not None and (viewer is None or viewer != member.account_id):
            event = events.MemberEvent(
                position=member.position,
                room_id=room.id,
                member=author_public(account),
                state=member.state,
            )
            changes.append(Change(member.position, event, others))
    return changes


async def _rooms(
    session: AsyncSession, after: int, upto: int, viewer: uuid.UUID | None, limit: int
) -> list[Change]:
    statement = (
        select(Room)
        .where(_in_range(col(Room.position), after, upto))
        .order_by(col(Room.position))
        .limit(limit + 1)
    )
    if viewer is not None:
        statement = statement.where(col(Room.id).in_(my_rooms(viewer)))
    changes = []
    for room in (await session.exec(statement)).all():
        assert room.position is not None
        event = events.RoomEvent(position=room.position, room=room_public(room))
        changes.append(Change(room.position, event, events.room_audience(room.id)))
    return changes


async def read_marker_change(session: AsyncSession, marker: ReadMarker) -> Change:
    assert marker.position is not None
    unread = await unread_count(session, marker.room_id, marker.account_id, marker.up_to_seq)
    event = events.ReadMarkerEvent(
        position=marker.position, room_id=marker.room_id, up_to_seq=marker.up_to_seq, unread=unread
    )
    return Change(marker.position, event, events.read_marker_audience(marker.account_id))


async def _read_markers(
    session: AsyncSession, after: int, upto: int, viewer: uuid.UUID | None, limit: int
) -> list[Change]:
    statement = (
        select(ReadMarker)
        .where(_in_range(col(ReadMarker.position), after, upto))
        .order_by(col(ReadMarker.position))
        .limit(limit + 1)
    )
    if viewer is not None:
        statement = statement.where(ReadMarker.account_id == viewer)
    return [
        await read_marker_change(session, marker)
        for marker in (await session.exec(statement)).all()
    ]


def notice_change(notice: Notice) -> Change:
    assert notice.position is not None
    public = events.NoticePublic(
        id=notice.id,
        code=notice.code,
        details=json.loads(notice.details),
        created_at=notice.created_at,
    )
    event = events.NoticeEvent(position=notice.position, notice=public)
    return Change(notice.position, event, events.notice_audience(notice.account_id))


async def _notices(
    session: AsyncSession, after: int, upto: int, viewer: uuid.UUID | None, limit: int
) -> list[Change]:
    statement = (
        select(Notice)
        .where(_in_range(col(Notice.position), after, upto))
        .order_by(col(Notice.position))
        .limit(limit + 1)
    )
    if viewer is not None:
        statement = statement.where(Notice.account_id == viewer)
    return [notice_change(notice) for notice in (await session.exec(statement)).all()]


_PARTS = {
    "message": _messages,
    "room_member": _memberships,
    "room": _rooms,
    "read_marker": _read_markers,
    "notice": _notices,
}


async def _parts_with_changes(session: AsyncSession, after: int, upto: int) -> list[Any]:
    """Which tables changed in the range: one cheap index probe instead of a full query per table
    (a typical range holds only messages)."""
    probes = [
        sa.select(sa.literal(name).label("part"))
        .select_from(sa.table(name, sa.column("position")))
        .where(sa.column("position") > after, sa.column("position") <= upto)
        .limit(1)
        .subquery()
        .select()
        for name in _PARTS
    ]
    names = (await session.exec(sa.union_all(*probes))).scalars().all()  # type: ignore[call-overload]
    return [_PARTS[name] for name in _PARTS if name in set(names)]


async def changes_between(
    session: AsyncSession, *, after: int, upto: int, viewer: uuid.UUID | None, limit: int
) -> Page:
    """The changes in ``(after, upto]``, oldest first, at most ``limit`` positions.

    ``upto`` must be a committed stream head (see ``positions``): then nothing at or below it
    can still appear, and ``next_position`` is a safe cursor.
    """
    found: list[Change] = []
    for part in await _parts_with_changes(session, after, upto):
        found += await part(session, after, upto, viewer, limit)
    found.sort(key=lambda change: change.position)
    positions = sorted({change.position for change in found})
    if len(positions) > limit:
        cutoff = positions[limit - 1]
        return Page([c for c in found if c.position <= cutoff], cutoff, has_more=True)
    return Page(found, upto, has_more=False)
