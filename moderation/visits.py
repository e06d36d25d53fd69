"""Staff visits: a room's moderators invite a staff member for a while (a Q&A evening with a
professional, say). During the visit the staff member is in the room and may post; they
never moderate. The invitation and its end are in the public log. When a visit ends, the
visitor leaves the room: on the dot for posting (``rooms.may_write_now``), and within
``RUIMTE_MODERATION__SWEEP_SECONDS`` for reading, by a sweep every instance may run (it only
ends what has ended, so running it twice changes nothing).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.background import Periodic
from app.db import Announce, commit
from app.identity.actor import Actor
from app.identity.models import Account, AccountKind
from app.identity.service import find_by_handle
from app.notices.service import notify
from app.rooms import service as rooms
from app.rooms.models import Room
from moderation import errors, policy
from moderation.log import record
from moderation.models import Action, ActorRole, StaffVisit
from moderation.service_settings import moderation_settings
from moderation.standing import community_room, require_moderator, standing_in


async def invite(
    session: AsyncSession,
    actor: Actor,
    room_id: uuid.UUID,
    *,
    staff: str,
    starts_at: datetime,
    ends_at: datetime,
    purpose: str,
) -> StaffVisit:
    """Invite a staff member. Raises ``RoomNotFound``, ``NotModerator``, ``FreeSpace``,
    ``StaffNotFound`` and ``VisitTooLong``."""
    room = await require_moderator(session, actor, room_id)
    longest = moderation_settings(session).visit_max_hours
    if not (starts_at < ends_at <= starts_at + timedelta(hours=longest)) or ends_at <= clock.now():
        raise errors.VisitTooLong(max_hours=longest)
    visitor = await find_by_handle(session, staff)
    if visitor is None or visitor.kind is not AccountKind.staff:
        raise errors.StaffNotFound()
    visit = StaffVisit(
        room_id=room.id,
        staff_id=visitor.id,
        invited_by=actor.account_id,
        purpose=purpose,
        starts_at=starts_at,
        ends_at=ends_at,
    )
    session.add(visit)
    await session.flush()
    record(
        session,
        room_id=room.id,
        action=Action.invite_visit,
        actor=actor,
        role=ActorRole.moderator,
        subject_id=visitor.id,
        until=ends_at,
    )
    notify(session, visitor.id, "moderation.visit_invited", visit_id=visit.id, room_id=room.id)
    return visit


async def visitor_name(session: AsyncSession, visit: StaffVisit) -> str:
    visitor = await session.get(Account, visit.staff_id)
    return "" if visitor is None else visitor.display_name or visitor.handle


async def visits_for(session: AsyncSession, actor: Actor) -> list[tuple[StaffVisit, Room]]:
    """A staff member's visits that have not ended."""
    rows = await session.exec(
        select(StaffVisit, Room)
        .join(Room, col(Room.id) == col(StaffVisit.room_id))
        .where(StaffVisit.staff_id == actor.account_id, col(StaffVisit.closed_at).is_(None))
        .order_by(col(StaffVisit.starts_at))
    )
    return [(visit, room) for visit, room in rows.all()]


async def enter(session: AsyncSession, actor: Actor, visit_id: uuid.UUID) -> StaffVisit:
    """The visitor comes into the room while the visit is on. Raises ``VisitNotFound`` and
    ``VisitNotNow``."""
    visit = await session.get(StaffVisit, visit_id)
    if visit is None or visit.staff_id != actor.account_id or visit.closed_at is not None:
        raise errors.VisitNotFound()
    now = clock.now()
    if not visit.starts_at <= now < visit.ends_at:
        raise errors.VisitNotNow(
            starts_at=visit.starts_at.isoformat(), ends_at=visit.ends_at.isoformat()
        )
    room = await community_room(session, visit.room_id)
    await rooms.add_member(session, room, actor.account_id, visiting_until=visit.ends_at)
    return visit


async def end(session: AsyncSession, actor: Actor, visit_id: uuid.UUID) -> StaffVisit:
    """End a visit early: the room's moderators, or the visitor. Raises ``VisitNotFound``."""
    visit = await session.get(StaffVisit, visit_id)
    if visit is None or visit.closed_at is not None:
        raise errors.VisitNotFound()
    room = await community_room(session, visit.room_id)
    if visit.staff_id != actor.account_id and not policy.may_moderate(
        await standing_in(session, actor, room)
    ):
        raise errors.VisitNotFound()
    await _close(session, room, visit, actor)
    return visit


async def _close(session: AsyncSession, room: Room, visit: StaffVisit, actor: Actor | None) -> None:
    visit.closed_at = clock.now()
    session.add(visit)
    await rooms.remove_member(session, room, visit.staff_id)
    record(
        session,
        room_id=room.id,
        action=Action.end_visit,
        actor=actor,
        role=ActorRole.moderator if actor is not None else ActorRole.service,
        subject_id=visit.staff_id,
    )
    await session.flush()


def _ended() -> Any:
    return col(StaffVisit.closed_at).is_(None), col(StaffVisit.ends_at) <= clock.now()


async def any_ended(session: AsyncSession) -> bool:
    found = await session.exec(select(StaffVisit.id).where(*_ended()).limit(1))
    return found.first() is not None


async def sweep(session: AsyncSession) -> int:
    """Close the visits that have ended; returns how many."""
    ended = (
        await session.exec(
            select(StaffVisit, Room)
            .join(Room, col(Room.id) == col(StaffVisit.room_id))
            .where(*_ended())
            .with_for_update(of=StaffVisit, skip_locked=True)
            .limit(100)
        )
    ).all()
    for visit, room in ended:
        await _close(session, room, visit, None)
    return len(ended)


class VisitSweeper(Periodic):
    """Runs ``sweep`` every few seconds in the background of an instance; any number of
    instances may (the rows it takes are locked, skipped by the others, and closed once)."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        readers: async_sessionmaker[AsyncSession],
        every_seconds: float,
        announce: Announce | None,
    ) -> None:
        self._sessionmaker, self._readers, self._announce = sessionmaker, readers, announce
        super().__init__("the visit sweep", every_seconds, self.step)

    async def step(self) -> int:
        """Close what has ended; a read first, so that an instance writes only when there is
        something to close (on SQLite a writer waits its turn)."""
        async with self._readers() as reading:
            if not await any_ended(reading):
                return 0
        async with self._sessionmaker() as session:
            closed = await sweep(session)
            await commit(session, self._announce)
            return closed
