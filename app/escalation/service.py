"""Opening an escalation and moving it along: acknowledge, start, resolve, withdraw.

Who may do what:
- a volunteer escalates a chat they have (advice, join, urgent); a volunteer or a
  professional asks for a consultation with no chat attached; the professional holding an
  escalation consults the backstop psychiatrist about it (the psychiatrist sees that
  professional's summary, never the chat's handle or messages);
- whoever was paged, or is on call for the location now in a tier that is asked, may
  acknowledge, and becomes the holder; only the holder starts, joins (``access``) and
  resolves; only the one who asked withdraws, and only before anyone has it;
- anyone else, staff included, gets ``EscalationNotFound``, as for one that does not exist.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.chat import errors as chat_errors
from app.chat.models import ChatRequest, RequestState
from app.config import Settings
from app.escalation import access, climb, errors, notices, states
from app.escalation.chats import chat_of
from app.escalation.models import (
    OPEN,
    ChatAccess,
    Consent,
    Deadline,
    Escalation,
    Kind,
    Outcome,
    Page,
    State,
    Transition,
)
from app.escalation.states import Action
from app.identity.actor import Actor
from app.identity.models import Account, StaffRole
from app.locations.service import get_location
from app.oncall.models import OnCallSlot, Tier
from app.privacy import conversations
from app.realtime.direct import tell
from app.rooms.models import Room, RoomAgeBand, RoomKind
from app.rooms.service import add_member, close_room, remove_member
from app.shifts import service as shifts

CHAT_KINDS = (Kind.advice, Kind.join_chat, Kind.urgent)
ASKED = (StaffRole.volunteer, StaffRole.professional)


async def open_escalation(
    session: AsyncSession,
    actor: Actor,
    *,
    escalation_id: uuid.UUID,
    kind: Kind,
    summary: str,
    request_id: uuid.UUID | None,
    parent_id: uuid.UUID | None,
    tier: Tier | None,
    location_id: uuid.UUID | None,
    settings: Settings,
) -> Escalation:
    """Ask for help; the first person on call is paged at once. The same id again is the same
    escalation (a resend). Raises ``RoleRequired``, ``ChatRequired``, ``RequestNotFound``,
    ``EscalationNotFound``, ``LocationRequired`` and ``LocationNotFound``."""
    actor.require_role(*ASKED)
    previous = await session.get(Escalation, escalation_id)
    if previous is not None:
        if previous.opened_by != actor.account_id:
            raise errors.EscalationNotFound()
        return previous
    if kind in CHAT_KINDS:
        actor.require_role(StaffRole.volunteer)
        if request_id is None:
            raise errors.ChatRequired()
        request = await session.get(ChatRequest, request_id)
        if (
            request is None
            or request.volunteer_id != actor.account_id
            or request.state is not RequestState.active
        ):
            raise chat_errors.RequestNotFound()
        tier, location_id, parent_id = Tier.professional, request.location_id, None
    else:
        request_id = None
        tier = tier or Tier.professional
        if parent_id is not None:
            parent = await session.get(Escalation, parent_id)
            if parent is None or parent.holder_id != actor.account_id or parent.state not in OPEN:
                raise errors.EscalationNotFound()
            location_id = parent.location_id
        elif location_id is None:
            on = await shifts.current_shift(session, actor.account_id)
            if on is None:
                raise errors.LocationRequired()
            location_id = on[0].location_id
        else:
            await get_location(session, location_id)
    thread = Room(kind=RoomKind.staff, name="Overleg", age_band=RoomAgeBand.all)
    session.add(thread)
    await session.flush()
    await add_member(session, thread, actor.account_id)
    escalation = Escalation(
        id=escalation_id,
        kind=kind,
        tier=tier,
        state=State.requested,
        location_id=location_id,
        request_id=request_id,
        parent_id=parent_id,
        summary=summary,
        opened_by=actor.account_id,
        thread_room_id=thread.id,
    )
    session.add(escalation)
    session.add(
        Transition(
            escalation_id=escalation.id,
            to_state=State.requested,
            action="open",
            actor_id=actor.account_id,
        )
    )
    await session.flush()
    if kind in access.ASKING:
        await access.ask(session, actor, escalation, settings)
    await climb.page_next(session, escalation, settings)
    await session.flush()
    return escalation


@dataclass(frozen=True)
class Seen:
    """An escalation as one person may see it."""

    escalation: Escalation
    as_opener: bool
    as_holder: bool
    opener: Account | None
    holder: Account | None
    chat: ChatRequest | None  # only for the volunteer who has it and staff brought in
    age_band: str | None
    acknowledge_by: datetime | None


def _may_take(actor: Actor) -> sa.ColumnElement[bool]:
    """In SQL, of an escalation: ``actor`` was paged for it, or is on call for its location
    now in a tier it reaches (the backstop reaches every escalation, a professional only those
    asking a professional), holding that role."""
    now = clock.now()
    tiers = [tier for tier in Tier if actor.has_role(StaffRole(tier.value))]
    paged = sa.exists().where(
        col(Page.escalation_id) == col(Escalation.id), col(Page.recipient_id) == actor.account_id
    )
    on_call = sa.exists().where(
        col(OnCallSlot.account_id) == actor.account_id,
        col(OnCallSlot.tier).in_(tiers),
        col(OnCallSlot.starts_at) <= now,
        col(OnCallSlot.ends_at) > now,
        sa.or_(
            col(OnCallSlot.location_id).is_(None),
            col(OnCallSlot.location_id) == col(Escalation.location_id),
        ),
        sa.or_(
            col(Escalation.tier) == Tier.professional, col(OnCallSlot.tier) == Tier.psychiatrist
        ),
    )
    return sa.or_(paged, on_call)


async def _candidate(session: AsyncSession, actor: Actor, escalation: Escalation) -> bool:
    found = await session.exec(
        select(Escalation.id).where(Escalation.id == escalation.id, _may_take(actor))
    )
    return found.first() is not None


async def _visible(
    session: AsyncSession, actor: Actor, escalation_id: uuid.UUID, *, lock: bool = False
) -> Escalation:
    escalation = await session.get(Escalation, escalation_id, with_for_update=lock)
    if escalation is None or not actor.is_staff:
        raise errors.EscalationNotFound()
    if actor.account_id in (escalation.opened_by, escalation.holder_id):
        return escalation
    if escalation.state is State.requested and await _candidate(session, actor, escalation):
        return escalation
    raise errors.EscalationNotFound()


async def _held(session: AsyncSession, actor: Actor, escalation_id: uuid.UUID) -> Escalation:
    escalation = await _visible(session, actor, escalation_id, lock=True)
    if escalation.holder_id != actor.account_id:
        raise errors.NotHolder()
    return escalation


async def seen(session: AsyncSession, actor: Actor, escalation_id: uuid.UUID) -> Seen:
    """Raises ``EscalationNotFound``."""
    return await _seen(session, actor, await _visible(session, actor, escalation_id))


async def _seen(session: AsyncSession, actor: Actor, escalation: Escalation) -> Seen:
    chat = await chat_of(session, escalation)
    shows_chat = chat is not None and (
        chat.volunteer_id == actor.account_id
        or await access.holds_access(session, actor.account_id, chat.id)
    )
    due = await session.exec(
        select(sa.func.max(Deadline.due_at)).where(
            Deadline.escalation_id == escalation.id, col(Deadline.done_at).is_(None)
        )
    )
    acknowledge_by = due.one() if escalation.state is State.requested else None
    return Seen(
        escalation=escalation,
        as_opener=escalation.opened_by == actor.account_id,
        as_holder=escalation.holder_id == actor.account_id,
        opener=await _account(session, escalation.opened_by),
        holder=await _account(session, escalation.holder_id),
        chat=chat if shows_chat else None,
        # The age band helps a professional judge; it identifies nobody. Not for consults.
        age_band=chat.age_band.value if chat is not None and escalation.request_id else None,
        acknowledge_by=acknowledge_by,
    )


async def _account(session: AsyncSession, account_id: uuid.UUID | None) -> Account | None:
    return None if account_id is None else await session.get(Account, account_id)


async def mine(session: AsyncSession, actor: Actor) -> list[Seen]:
    """The open escalations I asked for, hold, or may pick up now. Raises ``RoleRequired``."""
    actor.require_staff()
    mine_or_waiting = sa.or_(
        col(Escalation.opened_by) == actor.account_id,
        col(Escalation.holder_id) == actor.account_id,
        sa.and_(col(Escalation.state) == State.requested, _may_take(actor)),
    )
    result = await session.exec(
        select(Escalation)
        .where(col(Escalation.state).in_(OPEN), mine_or_waiting)
        .order_by(col(Escalation.created_at))
    )
    return [await _seen(session, actor, escalation) for escalation in result.all()]


async def acknowledge(
    session: AsyncSession, actor: Actor, escalation_id: uuid.UUID, settings: Settings
) -> Seen:
    """Take it: the paging stops and I become its holder. Raises ``EscalationNotFound``,
    ``NotOnCall`` and ``InvalidTransition``."""
    escalation = await session.get(Escalation, escalation_id, with_for_update=True)
    if escalation is None or not actor.is_staff:
        raise errors.EscalationNotFound()
    if actor.account_id not in (escalation.opened_by, escalation.holder_id) and not (
        await _candidate(session, actor, escalation)
    ):
        if escalation.state is State.requested:
            raise errors.NotOnCall()
        raise errors.EscalationNotFound()
    if actor.account_id == escalation.opened_by:
        raise errors.NotOnCall()
    await _take(session, escalation, actor.account_id, settings)
    return await _seen(session, actor, escalation)


async def acknowledge_by_token(session: AsyncSession, token: str, settings: Settings) -> Escalation:
    """The same, from the link in a page: its one-time token stands for the person paged.
    Raises ``PageNotFound``, ``PageUsed`` and ``InvalidTransition``."""
    found = await session.exec(
        select(Page).where(Page.token_digest == climb.token_digest(token)).with_for_update()
    )
    page = found.first()
    if page is None:
        raise errors.PageNotFound()
    if page.used_at is not None:
        raise errors.PageUsed()
    escalation = await session.get(Escalation, page.escalation_id, with_for_update=True)
    assert escalation is not None, "a page goes with its escalation"
    await _take(session, escalation, page.recipient_id, settings)
    return escalation


async def _take(
    session: AsyncSession, escalation: Escalation, account_id: uuid.UUID, settings: Settings
) -> None:
    states.move(session, escalation, Action.acknowledge, account_id)
    escalation.holder_id = account_id
    session.add(escalation)
    now = clock.now()
    pages = await session.exec(
        select(Page).where(Page.escalation_id == escalation.id, col(Page.used_at).is_(None))
    )
    for page in pages.all():  # every link of this escalation is spent now
        page.used_at = now
        session.add(page)
    thread = await session.get(Room, escalation.thread_room_id)
    assert thread is not None
    await add_member(session, thread, account_id)
    holder = await session.get(Account, account_id)
    assert holder is not None
    await notices.say(session, thread.id, "thread.acknowledged", settings, name=holder.display_name)
    _tell_opener(session, escalation, "acknowledged", holder=holder.display_name)
    await session.flush()


def _tell_opener(session: AsyncSession, escalation: Escalation, event: str, **more: object) -> None:
    if escalation.opened_by is not None:
        frame = {
            "type": "escalation",
            "id": str(escalation.id),
            "event": event,
            "state": escalation.state.value,
            **more,
        }
        tell(session, [escalation.opened_by], frame)


async def start(session: AsyncSession, actor: Actor, escalation_id: uuid.UUID) -> Seen:
    """The holder starts working on it (advising in the staff thread). Raises
    ``EscalationNotFound``, ``NotHolder`` and ``InvalidTransition``."""
    escalation = await _held(session, actor, escalation_id)
    states.move(session, escalation, Action.start, actor.account_id)
    await session.flush()
    return await _seen(session, actor, escalation)


async def resolve(
    session: AsyncSession,
    actor: Actor,
    escalation_id: uuid.UUID,
    *,
    outcome: Outcome,
    message: str | None,
    no_backstop_reason: str | None,
    settings: Settings,
) -> Seen:
    """Close it with an outcome; the young person is told in the chat what happens next, and
    whoever was brought into the chat leaves it. A handoff to the crisis service needs the
    backstop consulted first, or a reason why that could not be. Raises
    ``EscalationNotFound``, ``NotHolder``, ``InvalidTransition``, ``BackstopRequired`` and
    ``NotJoined``."""
    escalation = await _held(session, actor, escalation_id)
    states.check(escalation, Action.resolve)
    if (
        outcome is Outcome.crisis_service
        and not no_backstop_reason
        and not await _backstop_consulted(session, escalation)
    ):
        raise errors.BackstopRequired()
    if outcome is Outcome.joined:
        joined = await session.exec(
            select(ChatAccess.id).where(ChatAccess.escalation_id == escalation.id)
        )
        if joined.first() is None:
            raise errors.NotJoined()
    states.move(session, escalation, Action.resolve, actor.account_id)
    escalation.outcome = outcome
    escalation.no_backstop_reason = (
        no_backstop_reason if outcome is Outcome.crisis_service else None
    )
    session.add(escalation)
    await _close(session, escalation, settings, message=message)
    return await _seen(session, actor, escalation)


async def _backstop_consulted(session: AsyncSession, escalation: Escalation) -> bool:
    """Whether a psychiatrist has had this: a consult about it they acknowledged, or this
    escalation itself, if it climbed to the backstop."""
    holder_is_psychiatrist = await session.exec(
        select(Page.id).where(
            Page.escalation_id == escalation.id,
            Page.recipient_id == escalation.holder_id,
            Page.tier == Tier.psychiatrist,
        )
    )
    if holder_is_psychiatrist.first() is not None:
        return True
    consulted = await session.exec(
        select(Escalation.id).where(
            Escalation.parent_id == escalation.id,
            Escalation.tier == Tier.psychiatrist,
            col(Escalation.acknowledged_at).is_not(None),
        )
    )
    return consulted.first() is not None


async def _close(
    session: AsyncSession, escalation: Escalation, settings: Settings, *, message: str | None
) -> None:
    assert escalation.outcome is not None
    await access.end_all(session, escalation, settings)
    told = escalation.outcome is not Outcome.withdrawn or escalation.kind in access.ASKING
    if escalation.request_id is not None and told:
        request = await session.get(ChatRequest, escalation.request_id)
        if request is not None:
            await notices.say(
                session,
                request.room_id,
                f"outcome.{escalation.outcome.value}",
                settings,
                note=message,
                outcome=escalation.outcome.value,
            )
    await notices.say(
        session,
        escalation.thread_room_id,
        "thread.resolved",
        settings,
        outcome=escalation.outcome.value,
    )
    thread = await session.get(Room, escalation.thread_room_id)
    assert thread is not None
    await close_room(session, thread)
    _tell_opener(session, escalation, "resolved", outcome=escalation.outcome.value)
    await session.flush()
    await conversations.release_held_chat(session, escalation.request_id)


async def withdraw(
    session: AsyncSession, actor: Actor, escalation_id: uuid.UUID, settings: Settings
) -> Seen:
    """The one who asked takes it back before anyone has it. Raises ``EscalationNotFound``
    and ``InvalidTransition``."""
    escalation = await _visible(session, actor, escalation_id, lock=True)
    if escalation.opened_by != actor.account_id:
        raise errors.EscalationNotFound()
    states.move(session, escalation, Action.withdraw, actor.account_id)
    escalation.outcome = Outcome.withdrawn
    session.add(escalation)
    await _close(session, escalation, settings, message=None)
    return await _seen(session, actor, escalation)


async def transitions(session: AsyncSession, escalation_id: uuid.UUID) -> list[Transition]:
    result = await session.exec(
        select(Transition)
        .where(Transition.escalation_id == escalation_id)
        .order_by(col(Transition.at), col(Transition.id))
    )
    return list(result.all())


async def join(
    session: AsyncSession,
    actor: Actor,
    escalation_id: uuid.UUID,
    *,
    justification: str | None,
    settings: Settings,
) -> Seen:
    """The holder joins the chat: with the young person's yes, or in an urgent escalation
    with a justification. Raises ``EscalationNotFound``, ``NotHolder``,
    ``InvalidTransition``, ``ChatRequired``, ``ConsentRequired`` and ``OverrideNotAllowed``."""
    escalation = await _held(session, actor, escalation_id)
    states.check(escalation, Action.join_chat)
    holder = await session.get(Account, actor.account_id)
    assert holder is not None
    role = Tier.professional if actor.has_role(StaffRole.professional) else Tier.psychiatrist
    await access.grant(session, escalation, holder, role, justification, settings)
    states.move(session, escalation, Action.join_chat, actor.account_id)
    _tell_opener(session, escalation, "joined", holder=holder.display_name)
    await session.flush()
    return await _seen(session, actor, escalation)


async def ask_consent(
    session: AsyncSession, actor: Actor, escalation_id: uuid.UUID, settings: Settings
) -> Consent:
    """Ask the young person (again) whether the one on duty may join. Raises
    ``EscalationNotFound``, ``InvalidTransition``, ``ChatRequired`` and ``ConsentPending``."""
    escalation = await _visible(session, actor, escalation_id, lock=True)
    if actor.account_id not in (escalation.opened_by, escalation.holder_id):
        raise errors.EscalationNotFound()
    if escalation.state is State.resolved:
        raise errors.InvalidTransition(state=escalation.state.value, action="ask")
    return await access.ask(session, actor, escalation, settings)


async def consents(session: AsyncSession, escalation_id: uuid.UUID) -> list[Consent]:
    result = await session.exec(
        select(Consent)
        .where(Consent.escalation_id == escalation_id)
        .order_by(col(Consent.asked_at), col(Consent.id))
    )
    return list(result.all())


async def follow_handover(
    session: AsyncSession, request: ChatRequest, from_id: uuid.UUID, to_id: uuid.UUID
) -> None:
    """A chat handed to a colleague takes its open escalations along: the colleague becomes
    the one who asked and takes over the staff threads, so nothing waits for a volunteer who
    has gone home."""
    result = await session.exec(
        select(Escalation).where(
            Escalation.request_id == request.id,
            Escalation.opened_by == from_id,
            col(Escalation.state).in_(OPEN),
        )
    )
    for escalation in result.all():
        escalation.opened_by = to_id
        session.add(escalation)
        thread = await session.get(Room, escalation.thread_room_id)
        assert thread is not None
        await add_member(session, thread, to_id)
        await remove_member(session, thread, from_id)
        _tell_opener(session, escalation, "handed_over")
    await session.flush()
