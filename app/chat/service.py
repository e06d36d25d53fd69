"""Chat requests and the queue: a young person asks (only while the location is open), sees
their place and an estimated wait, may cancel; a volunteer on shift takes the next request, or
a given one.

Every request is a private ``chat`` room from the start: the young person's first message is
an ordinary message in it, and they may write more while they wait, offline or not; the
volunteer who takes the request becomes a member and reads it all through sync.

The queue: priority first, then arrival, with ageing. A request with a risk signal queues as
if it had come ``priority_head_start_minutes`` earlier, so it goes before later arrivals but
never before someone who has already waited longer than that.

Taking is atomic: the volunteer's own sign-up row is locked (their takes happen one at a time,
so capacity holds) and the request is locked too, skipping requests another volunteer is
taking at that moment; on SQLite the single writer does the same.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app import clock
from app.chat import errors
from app.chat.models import OPEN_STATES, ChatRefusal, ChatRequest, RequestAbout, RequestState
from app.chat.notices import queue_changed
from app.chat.signals import RiskSignal
from app.config import ChatSettings, ShiftSettings
from app.identity.actor import Actor
from app.identity.models import AgeBand, StaffRole
from app.locations import service as locations
from app.locations.models import Location
from app.messaging.models import Message
from app.messaging.text import clean_body
from app.rooms.models import Room, RoomAgeBand, RoomKind, Theme
from app.rooms.service import add_member
from app.shifts import service as shifts
from app.shifts.models import Shift
from app.sql_dialects import insert_for
from app.sync.positions import insert_changed, mark_changed


async def request_chat(
    session: AsyncSession,
    actor: Actor,
    *,
    request_id: uuid.UUID,
    location_id: uuid.UUID,
    about: RequestAbout,
    theme: Theme | None,
    first_message: str | None,
    signal: RiskSignal,
    settings: ChatSettings,
) -> ChatRequest:
    """Ask for a chat. The same ``request_id`` again returns the same request (a resend).

    Raises ``MembersOnly``, ``LocationNotFound``, ``ChatClosed`` (with the next opening and
    the crisis line), ``RequestOpen`` and the message body refusals."""
    actor.require_member()
    previous = await session.get(ChatRequest, request_id)
    if previous is not None and previous.requester_id == actor.account_id:
        return previous
    body = clean_body(first_message) if first_message else None
    location = await locations.get_location(session, location_id)
    status = await locations.open_status(session, location)
    if not status.open:
        await _count_refusal(session, location)
        raise _closed(location.time_zone, status.next_opens, settings)
    if await open_request(session, actor.account_id) is not None or previous is not None:
        raise errors.RequestOpen()
    now = clock.now()
    priority = signal(body or "")
    age_band = actor.age_band or AgeBand.adult
    room = Room(kind=RoomKind.chat, name="Chat", age_band=RoomAgeBand(age_band.value))
    session.add(room)
    await session.flush()
    mark_changed(session, room)
    await add_member(session, room, actor.account_id)
    request = ChatRequest(
        id=request_id,
        location_id=location.id,
        room_id=room.id,
        requester_id=actor.account_id,
        about=about,
        theme=theme,
        age_band=age_band,
        priority=priority,
        queue_key=now - timedelta(minutes=settings.priority_head_start_minutes * priority),
        state=RequestState.waiting,
        created_at=now,
    )
    session.add(request)
    try:
        await session.flush()
    except IntegrityError as twice:  # a second request at the same moment (the unique index)
        raise errors.RequestOpen() from twice
    if body is not None:
        await insert_changed(
            session,
            Message,
            {"id": uuid.uuid4(), "room_id": room.id, "author_id": actor.account_id, "body": body},
        )
    await session.flush()
    queue_changed(session, request.location_id, request.id)
    return request


def _closed(
    time_zone: str, next_opens: datetime | None, settings: ChatSettings
) -> errors.ChatClosed:
    local = None
    if next_opens is not None:
        local = next_opens.astimezone(locations.zone_of(time_zone)).strftime("%Y-%m-%d %H:%M")
    return errors.ChatClosed(
        next_opens=None if next_opens is None else next_opens.isoformat(),
        next_opens_local=local,
        crisis_line={"nl": settings.crisis_line_nl, "en": settings.crisis_line_en},
    )


async def _count_refusal(session: AsyncSession, location: Location) -> None:
    """One more person asked while closed today (local day): for the coordinators' figures."""
    day = clock.now().astimezone(locations.zone_of(location.time_zone)).date()
    insert = insert_for(session, ChatRefusal).values(location_id=location.id, day=day, count=1)
    await session.exec(
        insert.on_conflict_do_update(
            index_elements=["location_id", "day"], set_={"count": ChatRefusal.count + 1}
        )
    )


async def open_request(session: AsyncSession, account_id: uuid.UUID) -> ChatRequest | None:
    result = await session.exec(
        select(ChatRequest).where(
            ChatRequest.requester_id == account_id, col(ChatRequest.state).in_(OPEN_STATES)
        )
    )
    return result.first()


@dataclass(frozen=True)
class Waiting:
    request: ChatRequest
    position: int | None  # 1: next; None once taken
    estimate_minutes: int | None  # None: no recent chats to go by


async def my_request(
    session: AsyncSession, actor: Actor, request_id: uuid.UUID, settings: ChatSettings
) -> Waiting:
    """My request, my place in the queue and the wait to expect. Raises ``RequestNotFound``."""
    request = await session.get(ChatRequest, request_id)
    if request is None or request.requester_id != actor.account_id:
        raise errors.RequestNotFound()
    return await waiting(session, request, settings)


async def waiting(session: AsyncSession, request: ChatRequest, settings: ChatSettings) -> Waiting:
    if request.state is not RequestState.waiting:
        return Waiting(request, None, None)
    ahead = await session.exec(
        select(sa.func.count())
        .select_from(ChatRequest)
        .where(
            ChatRequest.location_id == request.location_id,
            ChatRequest.state == RequestState.waiting,
            ChatRequest.age_band == request.age_band,
            col(ChatRequest.queue_key) < request.queue_key,
        )
    )
    position = int(ahead.one()) + 1
    return Waiting(request, position, await _estimate(session, request, position, settings))


async def _estimate(
    session: AsyncSession, request: ChatRequest, position: int, settings: ChatSettings
) -> int | None:
    """Minutes, from the pace at which chats were really taken here lately (at least three
    of them): the people ahead, and this one, at that pace."""
    since = clock.now() - timedelta(minutes=settings.estimate_window_minutes)
    taken = await session.exec(
        select(sa.func.count())
        .select_from(ChatRequest)
        .where(
            ChatRequest.location_id == request.location_id,
            ChatRequest.age_band == request.age_band,
            col(ChatRequest.assigned_at) > since,
        )
    )
    count = int(taken.one())
    if count < 3:
        return None
    return max(1, math.ceil(position * settings.estimate_window_minutes / count))


async def cancel(session: AsyncSession, actor: Actor, request_id: uuid.UUID) -> ChatRequest:
    """Withdraw my request while it waits (again: no change). Raises ``RequestNotFound`` and
    ``AlreadyTaken``."""
    request = await session.get(ChatRequest, request_id, with_for_update=True)
    if request is None or request.requester_id != actor.account_id:
        raise errors.RequestNotFound()
    if request.state is RequestState.cancelled:
        return request
    if request.state is not RequestState.waiting:
        raise errors.AlreadyTaken()
    request.state, request.closed_at = RequestState.cancelled, clock.now()
    session.add(request)
    await session.flush()
    queue_changed(session, request.location_id, request.id)
    return request


async def queue_for(session: AsyncSession, actor: Actor) -> list[ChatRequest]:
    """The requests waiting for the volunteers of my shift, next first. Raises
    ``RoleRequired`` and ``NotOnShift``."""
    actor.require_role(StaffRole.volunteer)
    on = await shifts.current_shift(session, actor.account_id)
    if on is None:
        raise errors.NotOnShift()
    shift, _ = on
    return list((await session.exec(waiting_at(shift.location_id, _bands(shift)))).all())


def waiting_at(
    location_id: uuid.UUID, bands: list[AgeBand] | None = None
) -> SelectOfScalar[ChatRequest]:
    """The requests waiting at a location (for ``bands``, else all), next first."""
    statement = select(ChatRequest).where(
        ChatRequest.location_id == location_id, ChatRequest.state == RequestState.waiting
    )
    if bands is not None:
        statement = statement.where(col(ChatRequest.age_band).in_(bands))
    return statement.order_by(col(ChatRequest.queue_key))


def _bands(shift: Shift) -> list[AgeBand]:
    return [band for band in AgeBand if shifts.serves(shift, band)]


async def take(
    session: AsyncSession,
    actor: Actor,
    request_id: uuid.UUID | None,
    settings: ShiftSettings,
) -> ChatRequest:
    """Take the next request I can help, or the given one; I join its chat room.

    Raises ``RoleRequired``, ``NotOnShift``, ``AtCapacity``, ``RequestNotFound``,
    ``AlreadyTaken``, ``AgeBandNotServed`` and ``QueueEmpty``."""
    actor.require_role(StaffRole.volunteer)
    on = await shifts.current_shift(session, actor.account_id, lock=True)
    if on is None:
        raise errors.NotOnShift()
    shift, _ = on
    capacity = await shifts.capacity_of(session, actor.account_id, settings)
    if await active_chats(session, actor.account_id) >= capacity:
        raise errors.AtCapacity(chats=capacity)
    request = await (
        _given(session, shift, request_id) if request_id is not None else _next(session, shift)
    )
    request.state, request.volunteer_id, request.assigned_at = (
        RequestState.active,
        actor.account_id,
        clock.now(),
    )
    session.add(request)
    room = await session.get(Room, request.room_id)
    assert room is not None
    await add_member(session, room, actor.account_id)
    await session.flush()
    queue_changed(session, request.location_id, request.id)
    return request


async def _given(session: AsyncSession, shift: Shift, request_id: uuid.UUID) -> ChatRequest:
    request = await session.get(ChatRequest, request_id, with_for_update=True)
    if request is None or request.location_id != shift.location_id:
        raise errors.RequestNotFound()
    if request.state is not RequestState.waiting:
        raise errors.AlreadyTaken()
    if not shifts.serves(shift, request.age_band):
        raise errors.AgeBandNotServed(age_band=request.age_band.value)
    return request


async def _next(session: AsyncSession, shift: Shift) -> ChatRequest:
    result = await session.exec(
        waiting_at(shift.location_id, _bands(shift)).limit(1).with_for_update(skip_locked=True)
    )
    request = result.first()
    if request is None:
        raise errors.QueueEmpty()
    return request


async def active_chats(session: AsyncSession, volunteer_id: uuid.UUID) -> int:
    result = await session.exec(
        select(sa.func.count())
        .select_from(ChatRequest)
        .where(ChatRequest.volunteer_id == volunteer_id, ChatRequest.state == RequestState.active)
    )
    return int(result.one())
