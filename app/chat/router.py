"""Chat requests over HTTP: a young person asks, waits and may cancel; a volunteer on shift
sees the queue and takes a chat."""

from __future__ import annotations

import uuid
from datetime import date

from fastapi import APIRouter, Request, Response, status

from app.chat import conversation, errors, figures, service
from app.chat.schemas import (
    ChatRequestCreate,
    ChatRequestPublic,
    DebriefWaiting,
    Handover,
    Heavy,
    QueueItem,
    SurveyAnswers,
    TakenPublic,
    TakeRequest,
    queue_item,
    request_public,
)
from app.db import SessionDep
from app.errors import RequestInvalid, responses
from app.identity import errors as identity_errors
from app.identity.deps import CurrentActor
from app.identity.routes_me import AUTH
from app.locations import errors as location_errors
from app.messaging import errors as message_errors

router = APIRouter(prefix="/chat", tags=["chat"])


@router.post(
    "/requests",
    status_code=status.HTTP_201_CREATED,
    responses=responses(
        *AUTH,
        RequestInvalid,
        identity_errors.MembersOnly,
        location_errors.LocationNotFound,
        errors.ChatClosed,
        errors.RequestOpen,
        message_errors.MessageControlCharacters,
    ),
)
async def request_chat(
    body: ChatRequestCreate, request: Request, actor: CurrentActor, session: SessionDep
) -> ChatRequestPublic:
    """Ask for a chat with a peer volunteer, for yourself or about someone else. Out of hours
    the answer says when chat opens and where to turn meanwhile."""
    state = request.app.state
    settings = state.settings.chat
    asked = await service.request_chat(
        session,
        actor,
        request_id=body.id,
        location_id=body.location_id,
        about=body.about,
        theme=body.theme,
        first_message=body.first_message,
        signal=state.risk_signal,
        settings=settings,
    )
    return request_public(await service.waiting(session, asked, settings))


@router.get(
    "/requests/{request_id}", responses=responses(*AUTH, RequestInvalid, errors.RequestNotFound)
)
async def read_request(
    request_id: uuid.UUID, request: Request, actor: CurrentActor, session: SessionDep
) -> ChatRequestPublic:
    """My request: my place in the queue and the wait to expect."""
    settings = request.app.state.settings.chat
    return request_public(await service.my_request(session, actor, request_id, settings))


@router.delete(
    "/requests/{request_id}",
    responses=responses(*AUTH, RequestInvalid, errors.RequestNotFound, errors.AlreadyTaken),
)
async def cancel_request(
    request_id: uuid.UUID, request: Request, actor: CurrentActor, session: SessionDep
) -> ChatRequestPublic:
    """Withdraw my request while it waits."""
    cancelled = await service.cancel(session, actor, request_id)
    settings = request.app.state.settings.chat
    return request_public(await service.waiting(session, cancelled, settings))


@router.get("/queue", responses=responses(*AUTH, identity_errors.RoleRequired, errors.NotOnShift))
async def queue(actor: CurrentActor, session: SessionDep) -> list[QueueItem]:
    """The requests waiting for my shift, next first (volunteers who are checked in)."""
    return [queue_item(waiting) for waiting in await service.queue_for(session, actor)]


@router.post(
    "/queue/take",
    responses=responses(
        *AUTH,
        RequestInvalid,
        identity_errors.RoleRequired,
        errors.NotOnShift,
        errors.AtCapacity,
        errors.RequestNotFound,
        errors.AlreadyTaken,
        errors.AgeBandNotServed,
        errors.QueueEmpty,
    ),
)
async def take(
    body: TakeRequest, request: Request, actor: CurrentActor, session: SessionDep
) -> TakenPublic:
    """Take the next request I can help, or a given one; its conversation becomes mine."""
    taken = await service.take(session, actor, body.request_id, request.app.state.settings.shifts)
    return TakenPublic(request_id=taken.id, room_id=taken.room_id)


NO_CONTENT = status.HTTP_204_NO_CONTENT


@router.post(
    "/requests/{request_id}/end",
    status_code=NO_CONTENT,
    responses=responses(*AUTH, RequestInvalid, errors.RequestNotFound),
)
async def end_chat(request_id: uuid.UUID, actor: CurrentActor, session: SessionDep) -> Response:
    """End the chat (either side); it stays readable and closes for writing."""
    await conversation.end_chat(session, actor, request_id)
    return Response(status_code=NO_CONTENT)


@router.post(
    "/requests/{request_id}/survey",
    status_code=NO_CONTENT,
    responses=responses(
        *AUTH, RequestInvalid, errors.RequestNotFound, errors.NotEnded, errors.SurveyAnswered
    ),
)
async def answer_survey(
    request_id: uuid.UUID, body: SurveyAnswers, actor: CurrentActor, session: SessionDep
) -> Response:
    """After a chat, once and anonymously: what will you do next, and did you feel heard."""
    await conversation.answer_survey(session, actor, request_id, **body.model_dump())
    return Response(status_code=NO_CONTENT)


@router.post(
    "/requests/{request_id}/handover",
    status_code=NO_CONTENT,
    responses=responses(*AUTH, RequestInvalid, errors.RequestNotFound, errors.ColleagueUnavailable),
)
async def hand_over(
    request_id: uuid.UUID,
    body: Handover,
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
) -> Response:
    """Hand my chat to a colleague on shift (they see the history), or back to the front of
    the queue."""
    settings = request.app.state.settings.shifts
    await conversation.hand_over(session, actor, request_id, to=body.to, settings=settings)
    return Response(status_code=NO_CONTENT)


@router.post(
    "/requests/{request_id}/heavy",
    status_code=NO_CONTENT,
    responses=responses(
        *AUTH, RequestInvalid, identity_errors.RoleRequired, errors.RequestNotFound
    ),
)
async def mark_heavy(
    request_id: uuid.UUID, body: Heavy, actor: CurrentActor, session: SessionDep
) -> Response:
    """Mark my chat as heavy, and ask for a debrief with the professional on shift."""
    await conversation.mark_heavy(session, actor, request_id, debrief=body.debrief)
    return Response(status_code=NO_CONTENT)


@router.get(
    "/figures",
    responses=responses(
        *AUTH, RequestInvalid, identity_errors.RoleRequired, location_errors.LocationNotFound
    ),
)
async def chat_figures(
    location_id: uuid.UUID,
    actor: CurrentActor,
    session: SessionDep,
    first_day: date | None = None,
    last_day: date | None = None,
) -> figures.FiguresPublic:
    """Chats, waits, withdrawals, out-of-hours refusals and answers afterwards, for a location
    and period (default: the last 30 days); aggregates only, small cells suppressed
    (coordinators and admins)."""
    return await figures.figures(session, actor, location_id, first_day, last_day)


@router.get("/debriefs", responses=responses(*AUTH, identity_errors.RoleRequired))
async def debriefs(actor: CurrentActor, session: SessionDep) -> list[DebriefWaiting]:
    """Volunteers waiting for a debrief after a heavy chat (professionals and coordinators;
    who and when, never what the chat said)."""
    waiting = await conversation.debriefs_waiting(session, actor)
    return [
        DebriefWaiting(
            request_id=request.id,
            location_id=request.location_id,
            volunteer=volunteer.display_name,
            requested_at=request.debrief_requested_at,
        )
        for request, volunteer in waiting
    ]


@router.post(
    "/requests/{request_id}/debriefed",
    status_code=NO_CONTENT,
    responses=responses(
        *AUTH, RequestInvalid, identity_errors.RoleRequired, errors.RequestNotFound
    ),
)
async def debriefed(request_id: uuid.UUID, actor: CurrentActor, session: SessionDep) -> Response:
    """The debrief took place (professionals)."""
    await conversation.debriefed(session, actor, request_id)
    return Response(status_code=NO_CONTENT)
