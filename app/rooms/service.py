"""Rooms: coordinators create, edit and archive community rooms; members find, join and leave.

Every change to a room or a membership is marked for the change stream, so that all of a
person's devices learn of it through sync and the WebSocket.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.identity.actor import Actor
from app.identity.models import AgeBand, StaffRole
from app.rooms import errors
from app.rooms.models import (
    MembershipState,
    ReadMarker,
    Room,
    RoomAgeBand,
    RoomKind,
    RoomMember,
    Theme,
)
from app.sync.positions import current_head, mark_changed

MANAGERS = (StaffRole.coordinator, StaffRole.admin)


def age_band_admits(room: Room, age_band: AgeBand | None) -> bool:
    """Teens (12-17) and young adults (18-25) are kept apart unless a room is for all."""
    return room.age_band is RoomAgeBand.all or (
        age_band is not None and room.age_band.value == age_band.value
    )


def _discoverable(room: Room, actor: Actor) -> bool:
    if room.kind is not RoomKind.community:
        return False
    return actor.has_role(*MANAGERS) or age_band_admits(room, actor.age_band)


async def create_room(
    session: AsyncSession,
    actor: Actor,
    *,
    name: str,
    description: str,
    rules: str,
    theme: Theme,
    age_band: RoomAgeBand,
) -> Room:
    """A coordinator opens a community room. Raises ``RoleRequired``."""
    actor.require_role(*MANAGERS)
    room = Room(
        kind=RoomKind.community,
        name=name,
        description=description,
        rules=rules,
        theme=theme,
        age_band=age_band,
        created_by=actor.account_id,
    )
    session.add(room)
    mark_changed(session, room)
    await session.flush()
    return room


async def update_room(
    session: AsyncSession, actor: Actor, room_id: uuid.UUID, changes: dict[str, Any]
) -> Room:
    """Edit name, description, rules, theme or age band; null leaves a field as it is, as
    for locations (a theme is never taken away). Raises ``RoleRequired``, ``RoomNotFound``,
    ``RoomArchived`` and ``ThemeRequired``."""
    actor.require_role(*MANAGERS)
    room = await _community_room(session, room_id)
    if room.archived_at is not None:
        raise errors.RoomArchived()
    if "theme" in changes and changes["theme"] is None:
        raise errors.ThemeRequired()
    for field, value in changes.items():
        if value is not None:
            setattr(room, field, value)
    room.updated_at = clock.now()
    session.add(room)
    mark_changed(session, room)
    await session.flush()
    return room


async def archive_room(session: AsyncSession, actor: Actor, room_id: uuid.UUID) -> Room:
    """Close a room for writing and joining; its members keep reading it. Idempotent."""
    actor.require_role(*MANAGERS)
    return await close_room(session, await _community_room(session, room_id))


async def close_room(session: AsyncSession, room: Room) -> Room:
    """Archive any room (an ended chat, too): readable, no longer writable. Idempotent."""
    if room.archived_at is None:
        room.archived_at = room.updated_at = clock.now()
        session.add(room)
        mark_changed(session, room)
        await session.flush()
    return room


async def _community_room(session: AsyncSession, room_id: uuid.UUID) -> Room:
    room = await session.get(Room, room_id)
    if room is None or room.kind is not RoomKind.community:
        raise errors.RoomNotFound()
    return room


@dataclass(frozen=True)
class RoomListing:
    room: Room
    joined: bool
    member_count: int


async def list_rooms(
    session: AsyncSession,
    actor: Actor,
    *,
    query: str | None = None,
    theme: Theme | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Sequence[RoomListing]:
    """Community rooms this person may join, open ones only, searchable by name and text."""
    members = (
        select(RoomMember.room_id, sa.func.count().label("members"))
        .where(RoomMember.state == MembershipState.joined)
        .group_by(col(RoomMember.room_id))
        .subquery()
    )
    mine = (
        select(RoomMember.room_id)
        .where(
            RoomMember.account_id == actor.account_id, RoomMember.state == MembershipState.joined
        )
        .subquery()
    )
    statement = (
        select(Room, sa.func.coalesce(members.c.members, 0), mine.c.room_id)
        .outerjoin(members, members.c.room_id == Room.id)
        .outerjoin(mine, mine.c.room_id == Room.id)
        .where(Room.kind == RoomKind.community, col(Room.archived_at).is_(None))
        .order_by(col(Room.name))
        .limit(limit)
        .offset(offset)
    )
    if not actor.has_role(*MANAGERS):
        bands = [RoomAgeBand.all] + (
            [RoomAgeBand(actor.age_band.value)] if actor.age_band is not None else []
        )
        statement = statement.where(col(Room.age_band).in_(bands))
    if theme is not None:
        statement = statement.where(Room.theme == theme)
    if query:
        pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        statement = statement.where(
            sa.or_(
                col(Room.name).ilike(pattern, escape="\\"),
                col(Room.description).ilike(pattern, escape="\\"),
            )
        )
    rows = (await session.exec(statement)).all()
    return [RoomListing(room, joined is not None, count) for room, count, joined in rows]


async def membership(
    session: AsyncSession, room_id: uuid.UUID, account_id: uuid.UUID
) -> RoomMember | None:
    return await session.get(RoomMember, (room_id, account_id))


async def get_visible_room(session: AsyncSession, actor: Actor, room_id: uuid.UUID) -> Room:
    """A room the actor is in, or may discover. Anything else is ``RoomNotFound``."""
    room = await session.get(Room, room_id)
    if room is None:
        raise errors.RoomNotFound()
    member = await membership(session, room_id, actor.account_id)
    if (member is not None and member.state is MembershipState.joined) or _discoverable(
        room, actor
    ):
        return room
    raise errors.RoomNotFound()


@dataclass(frozen=True)
class RoomAccess:
    """What an operation on a conversation needs to know about the room it is in, and about
    the actor's place in it."""

    room_id: uuid.UUID
    kind: RoomKind
    age_band: RoomAgeBand
    archived: bool
    muted_until: datetime | None = None
    visiting_until: datetime | None = None

    def require_writable(self) -> None:
        """Raise ``RoomArchived``, ``Muted`` or ``VisitOver`` if the actor may not write here
        now (their queued operations arriving late are refused the same way)."""
        if self.archived:
            raise errors.RoomArchived()
        now = clock.now()
        if self.muted_until is not None and self.muted_until > now:
            raise errors.Muted(until=self.muted_until.isoformat())
        if self.visiting_until is not None and self.visiting_until <= now:
            raise errors.VisitOver()


_ROOMS = Room.__table__  # type: ignore[attr-defined]
_MEMBERS = RoomMember.__table__  # type: ignore[attr-defined]
# Built once, on the tables: every operation on a conversation asks it first, and loading
# the whole room as an entity cost more than the question.
_MEMBERSHIP = (
    sa.select(
        _ROOMS.c.kind,
        _ROOMS.c.age_band,
        _ROOMS.c.archived_at,
        _MEMBERS.c.state,
        _MEMBERS.c.muted_until,
        _MEMBERS.c.visiting_until,
    )
    .join(_MEMBERS, _MEMBERS.c.room_id == _ROOMS.c.id)
    .where(
        _ROOMS.c.id == sa.bindparam("room_id"),
        _MEMBERS.c.account_id == sa.bindparam("account_id"),
    )
)


def may_write_now(room_id: Any, account_id: Any, now: Any) -> sa.ColumnElement[bool]:
    """In SQL: ``account_id`` is a current member of ``room_id``, which is not archived, and
    is neither muted nor at the end of a visit at ``now``. For statements that check and write
    at once (a send: ``app.messaging.operations``); ``RoomAccess.require_writable`` says why
    not."""
    return sa.exists().where(
        _MEMBERS.c.room_id == room_id,
        _MEMBERS.c.account_id == account_id,
        _MEMBERS.c.state == MembershipState.joined,
        sa.or_(_MEMBERS.c.muted_until.is_(None), _MEMBERS.c.muted_until <= now),
        sa.or_(_MEMBERS.c.visiting_until.is_(None), _MEMBERS.c.visiting_until > now),
        _ROOMS.c.id == _MEMBERS.c.room_id,
        _ROOMS.c.archived_at.is_(None),
    )


async def require_member(session: AsyncSession, actor: Actor, room_id: uuid.UUID) -> RoomAccess:
    """The room, if the actor is a current member; otherwise the same ``RoomNotFound`` as for a
    room that does not exist, so that nobody learns which private rooms exist. Someone the
    moderators removed is told so (``Removed``): they know the room, and should know why."""
    where = {"room_id": room_id, "account_id": actor.account_id}
    found = (await session.exec(_MEMBERSHIP, params=where)).first()  # type: ignore[call-overload]
    if found is None:
        raise errors.RoomNotFound()
    kind, age_band, archived_at, state, muted_until, visiting_until = found
    if state is MembershipState.removed:
        raise errors.Removed()
    if state is not MembershipState.joined:
        raise errors.RoomNotFound()
    return RoomAccess(room_id, kind, age_band, archived_at is not None, muted_until, visiting_until)


async def join_room(session: AsyncSession, actor: Actor, room_id: uuid.UUID) -> Room:
    """A young person joins a community room of their age band. Idempotent.

    Raises ``MembersOnly`` for staff (the free space is peer-run), ``RoomNotFound``,
    ``RoomAgeBandMismatch`` and ``RoomArchived``.
    """
    actor.require_member()
    room = await session.get(Room, room_id)
    if room is None or room.kind is not RoomKind.community:
        raise errors.RoomNotFound()
    if not age_band_admits(room, actor.age_band):
        raise errors.RoomAgeBandMismatch(age_band=room.age_band.value)
    if room.archived_at is not None:
        raise errors.RoomArchived()
    current = await membership(session, room_id, actor.account_id)
    if current is not None and current.state is MembershipState.removed:
        raise errors.Removed()
    await add_member(session, room, actor.account_id)
    return room


async def add_member(
    session: AsyncSession,
    room: Room,
    account_id: uuid.UUID,
    *,
    visiting_until: datetime | None = None,
) -> RoomMember:
    """Make someone a member (again); also used for chat rooms by the chat domain, and for
    a staff member's invited visit to a community room (``visiting_until``)."""
    member = await membership(session, room.id, account_id)
    if member is not None and member.state is MembershipState.joined:
        if member.visiting_until != visiting_until:
            member.visiting_until = visiting_until
            session.add(member)
            await session.flush()
        return member
    if member is None:
        member = RoomMember(room_id=room.id, account_id=account_id, state=MembershipState.joined)
    else:
        member.state, member.joined_at, member.left_at = MembershipState.joined, clock.now(), None
    member.visiting_until = visiting_until
    session.add(member)
    mark_changed(session, member)
    await session.flush()
    await _start_marker(session, room.id, account_id)
    return member


async def _start_marker(session: AsyncSession, room_id: uuid.UUID, account_id: uuid.UUID) -> None:
    """A newcomer starts with nothing unread: history before joining is not "new"."""
    head = await current_head(session)
    marker = await session.get(ReadMarker, (room_id, account_id))
    if marker is None:
        marker = ReadMarker(room_id=room_id, account_id=account_id)
    marker.up_to_seq = max(marker.up_to_seq, head.position)
    marker.updated_at = clock.now()
    session.add(marker)
    mark_changed(session, marker)
    await session.flush()


async def advance_marker(
    session: AsyncSession, room_id: uuid.UUID, account_id: uuid.UUID, seq: int
) -> ReadMarker:
    """Move a read marker forward to ``seq``; never back. Returns the marker either way."""
    marker = await session.get(ReadMarker, (room_id, account_id))
    if marker is None:
        marker = ReadMarker(room_id=room_id, account_id=account_id, up_to_seq=0)
    if seq > marker.up_to_seq:
        marker.up_to_seq = seq
        marker.updated_at = clock.now()
        session.add(marker)
        mark_changed(session, marker)
    return marker


async def leave_room(session: AsyncSession, actor: Actor, room_id: uuid.UUID) -> Room:
    """Leave a room; every device of the person gets the change. Idempotent."""
    room = await session.get(Room, room_id)
    if room is None or not await remove_member(session, room, actor.account_id):
        raise errors.RoomNotFound()
    return room


async def remove_member(session: AsyncSession, room: Room, account_id: uuid.UUID) -> bool:
    """Someone leaves a room (again: no change); also used for chat rooms by the chat
    domain. False if they were never a member."""
    member = await membership(session, room.id, account_id)
    if member is None:
        return False
    if member.state is MembershipState.joined:
        member.state, member.left_at = MembershipState.left, clock.now()
        session.add(member)
        mark_changed(session, member)
        await session.flush()
    return True


async def joined_room_ids(session: AsyncSession, account_id: uuid.UUID) -> set[uuid.UUID]:
    result = await session.exec(
        select(RoomMember.room_id).where(
            RoomMember.account_id == account_id, RoomMember.state == MembershipState.joined
        )
    )
    return set(result.all())
