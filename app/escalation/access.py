"""Who may read a young person's chat besides their volunteer, and on what basis.

A professional (or a psychiatrist brought in) becomes a member of the chat room only through
``grant``: with the young person's yes to the question put to them in the chat, or, in an
urgent escalation only, with a recorded justification (an override, listed for the
coordinator's after-review). The grant ends when the escalation is resolved, or at once when
the young person takes their yes back. Every grant is also the first entry of the audit log:
joining opens the whole history.
"""

from __future__ import annotations

import uuid

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.chat.models import ChatRequest
from app.config import Settings
from app.escalation import errors, notices
from app.escalation.chats import chat_of
from app.escalation.models import (
    Answer,
    Basis,
    ChatAccess,
    Consent,
    ConversationRead,
    Escalation,
    Kind,
    ReadHow,
)
from app.identity.actor import Actor
from app.identity.models import Account
from app.oncall.models import Tier
from app.realtime.direct import tell
from app.rooms.models import Room
from app.rooms.service import add_member, remove_member

ASKING = (Kind.join_chat, Kind.urgent)  # the young person is asked as soon as these are opened


async def ask(
    session: AsyncSession, actor: Actor, escalation: Escalation, settings: Settings
) -> Consent:
    """Put the question to the young person in their chat. Raises ``ChatRequired`` and
    ``ConsentPending``."""
    chat = await chat_of(session, escalation)
    if chat is None:
        raise errors.ChatRequired()
    pending = await session.exec(
        select(Consent.id).where(
            Consent.escalation_id == escalation.id, col(Consent.answer).is_(None)
        )
    )
    if pending.first() is not None:
        raise errors.ConsentPending()
    consent = Consent(
        escalation_id=escalation.id,
        request_id=chat.id,
        tier=escalation.tier,
        asked_by=actor.account_id,
    )
    session.add(consent)
    await session.flush()
    await notices.say(
        session,
        chat.room_id,
        "consent_question",
        settings,
        who=notices.WHO[escalation.tier.value],
        consent_id=str(consent.id),
        request_id=str(chat.id),
    )
    return consent


async def answer(
    session: AsyncSession,
    actor: Actor,
    request_id: uuid.UUID,
    consent_id: uuid.UUID,
    given: Answer,
    settings: Settings,
) -> Consent:
    """The young person answers (the same answer again: no change). A yes may be taken back
    with a no later, and whoever came in on it leaves; a no stays a no until they are asked
    again. Raises ``ConsentNotFound`` and ``ConsentAnswered``."""
    consent = await session.get(Consent, consent_id, with_for_update=True)
    request = await session.get(ChatRequest, request_id)
    if (
        consent is None
        or request is None
        or consent.request_id != request.id
        or request.requester_id != actor.account_id
    ):
        raise errors.ConsentNotFound()
    if consent.answer is given:
        return consent
    if consent.answer is Answer.no:
        raise errors.ConsentAnswered()
    consent.answer, consent.answered_at = given, clock.now()
    session.add(consent)
    escalation = await session.get(Escalation, consent.escalation_id)
    assert escalation is not None
    if given is Answer.no:
        await _end(session, settings, ChatAccess.consent_id == consent.id)
    tell(
        session,
        [who for who in (escalation.opened_by, escalation.holder_id) if who is not None],
        {
            "type": "consent",
            "escalation_id": str(escalation.id),
            "consent_id": str(consent.id),
            "answer": given.value,
        },
    )
    await session.flush()
    return consent


async def grant(
    session: AsyncSession,
    escalation: Escalation,
    holder: Account,
    role: Tier,
    justification: str | None,
    settings: Settings,
) -> ChatAccess:
    """Bring the holder into the chat (again: the grant they have). Raises ``ChatRequired``,
    ``ConsentRequired`` and ``OverrideNotAllowed``."""
    chat = await chat_of(session, escalation)
    if chat is None:
        raise errors.ChatRequired()
    existing = await session.exec(
        select(ChatAccess).where(
            ChatAccess.escalation_id == escalation.id,
            ChatAccess.account_id == holder.id,
            col(ChatAccess.ended_at).is_(None),
        )
    )
    if (held := existing.first()) is not None:
        return held
    agreed = await session.exec(
        select(Consent)
        .where(Consent.escalation_id == escalation.id, Consent.answer == Answer.yes)
        .order_by(col(Consent.answered_at).desc())
    )
    consent = agreed.first()
    if consent is not None:
        basis, justification = Basis.consent, None
    elif justification:
        if not await _urgent(session, escalation):
            raise errors.OverrideNotAllowed()
        basis = Basis.override
    else:
        raise errors.ConsentRequired()
    room = await session.get(Room, chat.room_id)
    assert room is not None
    await add_member(session, room, holder.id)
    access = ChatAccess(
        escalation_id=escalation.id,
        request_id=chat.id,
        room_id=chat.room_id,
        account_id=holder.id,
        role=role,
        basis=basis,
        consent_id=consent.id if consent is not None else None,
        justification=justification,
    )
    session.add(access)
    session.add(
        ConversationRead(
            request_id=chat.id,
            escalation_id=escalation.id,
            location_id=chat.location_id,
            reader_id=holder.id,
            reader_role=role,
            reader_display_name=holder.display_name or "",
            how=ReadHow.joined,
        )
    )
    code = "staff_joined_override" if basis is Basis.override else "staff_joined"
    await notices.say(session, chat.room_id, code, settings, name=holder.display_name)
    await session.flush()
    return access


async def _urgent(session: AsyncSession, escalation: Escalation) -> bool:
    if escalation.kind is Kind.urgent:
        return True
    if escalation.parent_id is None:
        return False
    parent = await session.get(Escalation, escalation.parent_id)
    return parent is not None and parent.kind is Kind.urgent


async def end_all(session: AsyncSession, escalation: Escalation, settings: Settings) -> None:
    """The escalation is over: whoever came into the chat through it leaves."""
    await _end(session, settings, ChatAccess.escalation_id == escalation.id)


async def _end(session: AsyncSession, settings: Settings, which: object) -> None:
    open_grants = await session.exec(
        select(ChatAccess).where(which, col(ChatAccess.ended_at).is_(None))  # type: ignore[arg-type]
    )
    for access in open_grants.all():
        access.ended_at = clock.now()
        session.add(access)
        request = await session.get(ChatRequest, access.request_id)
        room = await session.get(Room, access.room_id)
        if access.account_id is None or room is None or request is None:
            continue
        if access.account_id != request.volunteer_id:
            await remove_member(session, room, access.account_id)
        reader = await session.get(Account, access.account_id)
        name = reader.display_name if reader is not None else None
        await notices.say(session, room.id, "staff_left", settings, name=name or access.role.value)
    await session.flush()


async def holds_access(session: AsyncSession, account_id: uuid.UUID, request_id: uuid.UUID) -> bool:
    found = await session.exec(
        select(ChatAccess.id).where(
            ChatAccess.account_id == account_id,
            ChatAccess.request_id == request_id,
            col(ChatAccess.ended_at).is_(None),
        )
    )
    return found.first() is not None
