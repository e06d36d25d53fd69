"""A chat once a volunteer has it: warm handover, ending, the young person's anonymous answers
afterwards, a volunteer's "this was heavy", and checking out only with no chat left behind.

A handover or an ending changes who is in the chat room, so every device learns of it through
sync and the WebSocket: the young person sees the new volunteer's name arrive.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.chat import errors
from app.chat.models import ChatOutcome, ChatRequest, NextStep, RequestState
from app.chat.notices import queue_changed
from app.chat.service import active_chats
from app.config import ShiftSettings
from app.escalation.service import follow_handover
from app.identity.actor import Actor
from app.identity.models import Account, StaffRole
from app.locations import service as locations
from app.rooms.models import Room
from app.rooms.service import add_member, close_room, remove_member
from app.shifts import service as shifts
from app.shifts.models import ShiftSignup

_A_MOMENT = timedelta(seconds=1)  # ahead of the first in line


async def _mine_as_volunteer(
    session: AsyncSession, actor: Actor, request_id: uuid.UUID
) -> ChatRequest:
    request = await session.get(ChatRequest, request_id, with_for_update=True)
    if (
        request is None
        or request.volunteer_id != actor.account_id
        or request.state is not RequestState.active
    ):
        raise errors.RequestNotFound()
    return request


async def _room(session: AsyncSession, request: ChatRequest) -> Room:
    room = await session.get(Room, request.room_id)
    assert room is not None, "a request's room goes only with the request"
    return room


async def hand_over(
    session: AsyncSession,
    actor: Actor,
    request_id: uuid.UUID,
    *,
    to: uuid.UUID | None,
    settings: ShiftSettings,
) -> ChatRequest:
    """Hand my chat to a colleague checked in at the same location who serves the young
    person's age and has room (they see the history, and take over its open escalations),
    or, without ``to``, back to the front of the queue. Raises ``RequestNotFound`` and
    ``ColleagueUnavailable``."""
    request = await _mine_as_volunteer(session, actor, request_id)
    room = await _room(session, request)
    if to is None:
        front = await session.exec(
            select(sa.func.min(ChatRequest.queue_key)).where(
                ChatRequest.location_id == request.location_id,
                ChatRequest.state == RequestState.waiting,
            )
        )
        earliest = front.one() or clock.now()
        request.state, request.volunteer_id, request.assigned_at = RequestState.waiting, None, None
        request.queue_key = min(earliest, request.queue_key) - _A_MOMENT
    else:
        colleague = await shifts.current_shift(session, to, lock=True)
        if (
            colleague is None
            or colleague[0].location_id != request.location_id
            or not shifts.serves(colleague[0], request.age_band)
            or await active_chats(session, to) >= await shifts.capacity_of(session, to, settings)
        ):
            raise errors.ColleagueUnavailable()
        request.volunteer_id, request.assigned_at = to, clock.now()
        await add_member(session, room, to)
        await follow_handover(session, request, actor.account_id, to)
    session.add(request)
    await remove_member(session, room, actor.account_id)
    await session.flush()
    if to is None:
        queue_changed(session, request.location_id, request.id)
    return request


async def end_chat(session: AsyncSession, actor: Actor, request_id: uuid.UUID) -> ChatRequest:
    """Either side ends the chat (again: no change; a request still waiting is withdrawn):
    the room stays readable for both, and closes for writing. Raises ``RequestNotFound``."""
    request = await session.get(ChatRequest, request_id, with_for_update=True)
    if request is None or actor.account_id not in (request.requester_id, request.volunteer_id):
        raise errors.RequestNotFound()
    return await close_request(session, request)


async def close_request(session: AsyncSession, request: ChatRequest) -> ChatRequest:
    """End a chat, or withdraw a request still waiting; no change if it is over already. For
    the people in it and for the service itself (an erased account's chat)."""
    if request.state in (RequestState.ended, RequestState.cancelled):
        return request
    ended = RequestState.ended if request.state is RequestState.active else RequestState.cancelled
    request.state, request.closed_at = ended, clock.now()
    session.add(request)
    if ended is RequestState.cancelled:
        queue_changed(session, request.location_id, request.id)
    await close_room(session, await _room(session, request))
    await session.flush()
    return request


async def answer_survey(
    session: AsyncSession,
    actor: Actor,
    request_id: uuid.UUID,
    *,
    next_step: NextStep | None,
    felt_heard: int | None,
) -> None:
    """The young person's optional answers after a chat, once. They are stored apart from
    the chat and from the person (location and day only). Raises ``RequestNotFound``,
    ``NotEnded`` and ``SurveyAnswered``."""
    request = await session.get(ChatRequest, request_id, with_for_update=True)
    if request is None or request.requester_id != actor.account_id:
        raise errors.RequestNotFound()
    if request.state is not RequestState.ended:
        raise errors.NotEnded()
    if request.survey_answered:
        raise errors.SurveyAnswered()
    request.survey_answered = True
    session.add(request)
    location = await locations.get_location(session, request.location_id)
    day = clock.now().astimezone(locations.zone_of(location.time_zone)).date()
    session.add(
        ChatOutcome(
            location_id=request.location_id, day=day, next_step=next_step, felt_heard=felt_heard
        )
    )
    await session.flush()


async def mark_heavy(
    session: AsyncSession, actor: Actor, request_id: uuid.UUID, *, debrief: bool
) -> ChatRequest:
    """A volunteer marks a chat they had as heavy, and may ask for a debrief, which the
    professionals see (``debriefs_waiting``); a debrief is not urgent, so nobody is paged.
    Raises ``RequestNotFound``."""
    actor.require_role(StaffRole.volunteer)
    request = await session.get(ChatRequest, request_id, with_for_update=True)
    if request is None or request.volunteer_id != actor.account_id:
        raise errors.RequestNotFound()
    request.heavy = True
    if debrief and request.debrief_requested_at is None:
        request.debrief_requested_at = clock.now()
    session.add(request)
    await session.flush()
    return request


async def debriefs_waiting(
    session: AsyncSession, actor: Actor
) -> list[tuple[ChatRequest, Account]]:
    """Volunteers who asked for a debrief after a heavy chat, oldest first, with who they are
    (never what the chat said): for the professionals and coordinators. Raises
    ``RoleRequired``."""
    actor.require_role(StaffRole.professional, StaffRole.coordinator, StaffRole.admin)
    result = await session.exec(
        select(ChatRequest, Account)
        .join(Account, col(Account.id) == col(ChatRequest.volunteer_id))
        .where(
            col(ChatRequest.debrief_requested_at).is_not(None),
            col(ChatRequest.debriefed_at).is_(None),
        )
        .order_by(col(ChatRequest.debrief_requested_at))
    )
    return [(request, volunteer) for request, volunteer in result.all()]


async def debriefed(session: AsyncSession, actor: Actor, request_id: uuid.UUID) -> None:
    """A professional had the debrief. Raises ``RoleRequired`` and ``RequestNotFound``."""
    actor.require_role(StaffRole.professional)
    request = await session.get(ChatRequest, request_id, with_for_update=True)
    if request is None or request.debrief_requested_at is None:
        raise errors.RequestNotFound()
    if request.debriefed_at is None:
        request.debriefed_at = clock.now()
        session.add(request)
        await session.flush()


async def check_out(
    session: AsyncSession, actor: Actor, shift_id: uuid.UUID, settings: ShiftSettings
) -> ShiftSignup:
    """End my shift, but never with a chat left behind. Raises ``OpenChats`` (with the chats
    to end or hand over first) and what ``shifts.check_out`` raises."""
    result = await session.exec(
        select(ChatRequest.id)
        .where(
            ChatRequest.volunteer_id == actor.account_id,
            ChatRequest.state == RequestState.active,
        )
        .order_by(col(ChatRequest.assigned_at))
    )
    open_chats = [str(request_id) for request_id in result.all()]
    if open_chats:
        raise errors.OpenChats(count=len(open_chats), requests=open_chats)
    return await shifts.check_out(session, actor, shift_id, settings)
