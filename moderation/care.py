"""Care first: risk read in a post, a member's "I am worried about this person", or a message
hidden for the author's safety becomes private work for the volunteers on shift: reach out,
offer a 1:1 chat and the crisis line. Never a hidden message, never a label on a person.

A task names no handle and no kind of risk: the volunteer sees the room and the message that
raised it, and reaches the person through the service (a private notice), so nobody on staff
learns who is behind a handle. One open task per person and room; more cues add to it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.identity.actor import Actor
from app.identity.models import AgeBand, StaffRole
from app.messaging.models import Message
from app.notices.service import notify
from app.realtime import direct
from app.rooms.models import Room, RoomAgeBand
from app.shifts import service as shifts
from moderation import errors
from moderation.models import CareOutcome, CareSource, CareState, CareTask
from moderation.service_settings import service_settings


def _band(room: Room) -> AgeBand | None:
    return None if room.age_band is RoomAgeBand.all else AgeBand(room.age_band.value)


async def open_task(
    session: AsyncSession,
    *,
    room_id: uuid.UUID,
    subject_id: uuid.UUID,
    message_id: uuid.UUID | None,
    source: CareSource,
    acute: bool = False,
) -> CareTask:
    """Open a care task, or add this cue to the person's open one in this room. The
    volunteers on shift for the room's ages hear of it at once (a ``care_task`` frame)."""
    task = (
        await session.exec(
            select(CareTask).where(
                CareTask.subject_id == subject_id,
                CareTask.room_id == room_id,
                col(CareTask.state) != CareState.done,
            )
        )
    ).first()
    if task is None:
        task = CareTask(
            room_id=room_id, subject_id=subject_id, message_id=message_id, source=source
        )
    else:
        task.cues += 1
        task.message_id = message_id or task.message_id
    task.acute = task.acute or acute
    task.updated_at = clock.now()
    session.add(task)
    await session.flush()
    room = await session.get(Room, room_id)
    if room is not None:
        volunteers = await shifts.volunteers_on_shift(session, _band(room))
        frame = {"type": "care_task", "id": str(task.id), "acute": task.acute, "cues": task.cues}
        direct.tell(session, volunteers, frame)
    return task


@dataclass(frozen=True)
class CareTaskView:
    task: CareTask
    room: Room
    message: Message | None


async def _volunteer_band(session: AsyncSession, actor: Actor) -> set[AgeBand]:
    """The age bands a volunteer serves on the shift they are checked in to now."""
    actor.require_role(StaffRole.volunteer)
    found = await shifts.current_shift(session, actor.account_id)
    if found is None:
        return set()
    shift, _ = found
    return {band for band in AgeBand if shifts.serves(shift, band)}


def _visible(room: Room, bands: set[AgeBand]) -> bool:
    band = _band(room)
    return bool(bands) if band is None else band in bands


async def tasks_for(session: AsyncSession, actor: Actor) -> list[CareTaskView]:
    """The open and claimed tasks a volunteer on shift may take: those of the ages their
    shift serves, acute first, then oldest. Off shift: none. Raises ``RoleRequired``."""
    bands = await _volunteer_band(session, actor)
    if not bands:
        return []
    rows = await session.exec(
        select(CareTask, Room, Message)
        .join(Room, col(Room.id) == col(CareTask.room_id))
        .outerjoin(Message, col(Message.id) == col(CareTask.message_id))
        .where(col(CareTask.state) != CareState.done)
        .order_by(col(CareTask.acute).desc(), col(CareTask.created_at))
        .limit(200)
    )
    return [
        CareTaskView(task, room, message)
        for task, room, message in rows.all()
        if _visible(room, bands)
    ]


async def _task(session: AsyncSession, actor: Actor, task_id: uuid.UUID) -> CareTask:
    bands = await _volunteer_band(session, actor)
    task = await session.get(CareTask, task_id, with_for_update=True)
    room = None if task is None else await session.get(Room, task.room_id)
    if task is None or room is None or not _visible(room, bands):
        raise errors.CareTaskNotFound()
    if task.state is CareState.done:
        raise errors.CareTaskDone()
    return task


async def claim(session: AsyncSession, actor: Actor, task_id: uuid.UUID) -> CareTask:
    """Take a task, so that colleagues do not reach out twice. Raises ``CareTaskNotFound``
    (also off shift), ``CareTaskDone`` and ``CareTaskTaken``."""
    task = await _task(session, actor, task_id)
    if task.claimed_by not in (None, actor.account_id):
        raise errors.CareTaskTaken()
    task.state, task.claimed_by, task.updated_at = CareState.claimed, actor.account_id, clock.now()
    session.add(task)
    await session.flush()
    return task


async def reach_out(
    session: AsyncSession, actor: Actor, task_id: uuid.UUID, *, message: str
) -> CareTask:
    """Reach the person privately: a notice on all their devices with the volunteer's words,
    the offer of a 1:1 chat and the crisis line. Closes the task. Raises as ``claim``."""
    task = await claim(session, actor, task_id)
    chat = service_settings(session).chat
    notify(
        session,
        task.subject_id,
        "care.outreach",
        task_id=task.id,
        volunteer=actor.account.display_name,
        message=message,
        offers=["chat", "crisis_line"],
        crisis_line={"nl": chat.crisis_line("nl"), "en": chat.crisis_line("en")},
    )
    return await _finish(session, task, CareOutcome.reached_out)


async def close(
    session: AsyncSession, actor: Actor, task_id: uuid.UUID, *, outcome: CareOutcome
) -> CareTask:
    """Close a task without a notice (someone already reached out, say). Raises as
    ``claim``."""
    task = await claim(session, actor, task_id)
    return await _finish(session, task, outcome)


async def _finish(session: AsyncSession, task: CareTask, outcome: CareOutcome) -> CareTask:
    task.state, task.outcome, task.updated_at = CareState.done, outcome, clock.now()
    session.add(task)
    await session.flush()
    return task
