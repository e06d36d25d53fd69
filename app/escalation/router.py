"""The escalation path over HTTP: staff open, acknowledge, join and resolve; a page's link
acknowledges with its one-time token; the young person answers the question put to them and
sees who read their chat."""

from __future__ import annotations

import html
import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import HTMLResponse
from sqlmodel.ext.asyncio.session import AsyncSession

from app.chat import errors as chat_errors
from app.db import SessionDep
from app.errors import RequestInvalid, responses
from app.escalation import audit, errors, service
from app.escalation.access import answer as answer_consent
from app.escalation.schemas import (
    ChatAccessLog,
    ConsentAnswer,
    ConsentPublic,
    EscalationCreate,
    EscalationPublic,
    Join,
    PageAcknowledged,
    Resolve,
    ReviewPublic,
    access_log_public,
    consent_public,
    escalation_public,
    review_public,
)
from app.identity import errors as identity_errors
from app.identity.deps import CurrentActor
from app.identity.routes_me import AUTH
from app.locations import errors as location_errors

router = APIRouter(prefix="/escalations", tags=["escalations"])
pages = APIRouter(prefix="/pages", tags=["escalations"])
chats = APIRouter(prefix="/chat/requests", tags=["chat"])

HELD = (*AUTH, RequestInvalid, errors.EscalationNotFound, errors.NotHolder)
Token = Annotated[str, Query(min_length=20, max_length=100, description="from the page's link")]


async def _public(session: AsyncSession, seen: service.Seen) -> EscalationPublic:
    escalation_id = seen.escalation.id
    return escalation_public(
        seen,
        await service.consents(session, escalation_id),
        await service.transitions(session, escalation_id),
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses=responses(
        *AUTH,
        RequestInvalid,
        identity_errors.RoleRequired,
        errors.ChatRequired,
        errors.LocationRequired,
        errors.EscalationNotFound,
        chat_errors.RequestNotFound,
        location_errors.LocationNotFound,
    ),
)
async def open_escalation(
    body: EscalationCreate, request: Request, actor: CurrentActor, session: SessionDep
) -> EscalationPublic:
    """Ask the professional on call for advice or to join a chat, or say it is urgent; or
    ask for a consultation with no chat attached. The first person on call is paged now;
    without an acknowledgement in time, the next one is."""
    escalation = await service.open_escalation(
        session,
        actor,
        escalation_id=body.id,
        kind=body.kind,
        summary=body.summary,
        request_id=body.request_id,
        parent_id=body.parent_id,
        tier=body.tier,
        location_id=body.location_id,
        settings=request.app.state.settings,
    )
    return await _public(session, await service.seen(session, actor, escalation.id))


@router.get("", responses=responses(*AUTH, identity_errors.RoleRequired))
async def my_escalations(actor: CurrentActor, session: SessionDep) -> list[EscalationPublic]:
    """Open escalations I asked for, hold, or may pick up now (staff)."""
    return [await _public(session, seen) for seen in await service.mine(session, actor)]


@router.get("/review", responses=responses(*AUTH, RequestInvalid, identity_errors.RoleRequired))
async def review(
    actor: CurrentActor,
    session: SessionDep,
    location_id: uuid.UUID | None = None,
    since: datetime | None = None,
    unreviewed_only: bool = False,
) -> ReviewPublic:
    """Every time staff joined a chat without consent, with the justification, and every read
    of a chat by staff brought in (coordinators and admins; no handle, no message)."""
    found = await audit.review(
        session, actor, location_id=location_id, since=since, unreviewed_only=unreviewed_only
    )
    return review_public(found)


@router.post(
    "/overrides/{access_id}/reviewed",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(
        *AUTH, RequestInvalid, identity_errors.RoleRequired, errors.OverrideNotFound
    ),
)
async def override_reviewed(
    access_id: uuid.UUID, actor: CurrentActor, session: SessionDep
) -> Response:
    """Mark an override as looked at in the after-review."""
    await audit.mark_reviewed(session, actor, access_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{escalation_id}", responses=responses(*AUTH, RequestInvalid, errors.EscalationNotFound)
)
async def read_escalation(
    escalation_id: uuid.UUID, actor: CurrentActor, session: SessionDep
) -> EscalationPublic:
    """An escalation I asked for, hold, or was paged for."""
    return await _public(session, await service.seen(session, actor, escalation_id))


@router.post(
    "/{escalation_id}/acknowledge",
    responses=responses(
        *AUTH,
        RequestInvalid,
        errors.EscalationNotFound,
        errors.NotOnCall,
        errors.InvalidTransition,
    ),
)
async def acknowledge(
    escalation_id: uuid.UUID, request: Request, actor: CurrentActor, session: SessionDep
) -> EscalationPublic:
    """I take it: the paging stops and the volunteer sees who has it."""
    seen = await service.acknowledge(session, actor, escalation_id, request.app.state.settings)
    return await _public(session, seen)


@router.post("/{escalation_id}/start", responses=responses(*HELD, errors.InvalidTransition))
async def start(
    escalation_id: uuid.UUID, actor: CurrentActor, session: SessionDep
) -> EscalationPublic:
    """Start advising the volunteer in the staff thread (the holder)."""
    return await _public(session, await service.start(session, actor, escalation_id))


@router.post(
    "/{escalation_id}/join",
    responses=responses(
        *HELD,
        errors.InvalidTransition,
        errors.ChatRequired,
        errors.ConsentRequired,
        errors.OverrideNotAllowed,
    ),
)
async def join(
    escalation_id: uuid.UUID,
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
    body: Join | None = None,
) -> EscalationPublic:
    """Join the chat (the holder): after the young person said yes, or, in acute danger
    only, with a justification that the coordinators review."""
    seen = await service.join(
        session,
        actor,
        escalation_id,
        justification=body.justification if body else None,
        settings=request.app.state.settings,
    )
    return await _public(session, seen)


@router.post(
    "/{escalation_id}/consents",
    status_code=status.HTTP_201_CREATED,
    responses=responses(
        *AUTH,
        RequestInvalid,
        errors.EscalationNotFound,
        errors.InvalidTransition,
        errors.ChatRequired,
        errors.ConsentPending,
    ),
)
async def ask_consent(
    escalation_id: uuid.UUID, request: Request, actor: CurrentActor, session: SessionDep
) -> ConsentPublic:
    """Ask the young person, in their chat, whether the one on duty may join (again)."""
    consent = await service.ask_consent(session, actor, escalation_id, request.app.state.settings)
    return consent_public(consent)


@router.post(
    "/{escalation_id}/resolve",
    responses=responses(*HELD, errors.InvalidTransition, errors.BackstopRequired, errors.NotJoined),
)
async def resolve(
    escalation_id: uuid.UUID,
    body: Resolve,
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
) -> EscalationPublic:
    """Close it with an outcome; the young person is told in the chat what happens next."""
    seen = await service.resolve(
        session,
        actor,
        escalation_id,
        outcome=body.outcome,
        message=body.message,
        no_backstop_reason=body.no_backstop_reason,
        settings=request.app.state.settings,
    )
    return await _public(session, seen)


@router.post(
    "/{escalation_id}/withdraw",
    responses=responses(*AUTH, RequestInvalid, errors.EscalationNotFound, errors.InvalidTransition),
)
async def withdraw(
    escalation_id: uuid.UUID, request: Request, actor: CurrentActor, session: SessionDep
) -> EscalationPublic:
    """Take it back before anyone has it (the one who asked)."""
    seen = await service.withdraw(session, actor, escalation_id, request.app.state.settings)
    return await _public(session, seen)


@pages.get("/acknowledge", response_class=HTMLResponse, responses=responses(RequestInvalid))
async def page_link(token: Token) -> HTMLResponse:
    """Where a page's link leads: a button that acknowledges. Opening the link changes
    nothing (link previews open links too); pressing the button does."""
    action = html.escape(f"/pages/acknowledge?token={token}", quote=True)
    return HTMLResponse(
        "<!doctype html><html lang=nl><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width,initial-scale=1'>"
        "<title>Oproep</title><body><p>Er wacht een escalatie op je.</p>"
        f'<form method=post action="{action}"><button>Ik pak het op</button></form>'
        "</body></html>",
        headers={"Referrer-Policy": "no-referrer"},
    )


@pages.post(
    "/acknowledge",
    responses=responses(
        RequestInvalid, errors.PageNotFound, errors.PageUsed, errors.InvalidTransition
    ),
)
async def acknowledge_page(token: Token, request: Request, session: SessionDep) -> PageAcknowledged:
    """Acknowledge from a page's link: its one-time token stands for the person paged."""
    escalation = await service.acknowledge_by_token(session, token, request.app.state.settings)
    if "text/html" in request.headers.get("accept", ""):  # the button on the link's page
        return HTMLResponse(  # type: ignore[return-value]
            "<!doctype html><html lang=nl><meta charset=utf-8>"
            "<meta name=viewport content='width=device-width,initial-scale=1'>"
            "<title>Opgepakt</title><body><p>Opgepakt. De vrijwilliger ziet dat je eraan komt; "
            "open de app om verder te gaan.</p></body></html>"
        )
    return PageAcknowledged(escalation_id=escalation.id, state=escalation.state)


@chats.post(
    "/{request_id}/consents/{consent_id}",
    responses=responses(*AUTH, RequestInvalid, errors.ConsentNotFound, errors.ConsentAnswered),
)
async def answer(
    request_id: uuid.UUID,
    consent_id: uuid.UUID,
    body: ConsentAnswer,
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
) -> ConsentPublic:
    """Say yes or no to the question in my chat: may the one on duty read along? A yes can
    be taken back with a no; whoever came in on it leaves at once."""
    consent = await answer_consent(
        session, actor, request_id, consent_id, body.answer, request.app.state.settings
    )
    return consent_public(consent)


@chats.get(
    "/{request_id}/access",
    responses=responses(*AUTH, RequestInvalid, chat_errors.RequestNotFound),
)
async def access_log(
    request_id: uuid.UUID, actor: CurrentActor, session: SessionDep
) -> ChatAccessLog:
    """Which staff, besides my volunteer, were brought into my chat, on what basis, and
    every time they read it."""
    return access_log_public(await audit.for_my_chat(session, actor, request_id))
