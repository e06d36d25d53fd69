"""Flags, after Discourse: a member flags a message or a member of a room they are in; each
flag weighs by the flagger's record; a message whose flags pass the room's threshold is hidden
until a moderator looks, and its author is told privately why and may edit to resubmit.

"I am worried about this person" goes to the care path (``care``), never to the review queue:
worry is not a complaint. A flag whose target does not exist, or that the flagger may not
see, is answered like any other and leaves nothing behind.
"""

from __future__ import annotations

import uuid
from collections import Counter

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.identity.actor import Actor
from app.identity.service import find_by_handle
from app.messaging import withholding
from app.messaging.models import Message, Withheld
from app.notices.service import notify
from app.rooms.models import MembershipState, Room, RoomKind
from app.rooms.service import membership
from app.sql_dialects import insert_once
from moderation import care, scoring
from moderation.log import record
from moderation.models import (
    Action,
    ActorRole,
    CareSource,
    CaseState,
    Flag,
    FlagOutcome,
    FlagReason,
    ModerationCase,
    RoomPolicy,
    TargetKind,
)
from moderation.service_settings import moderation_settings


async def flag(
    session: AsyncSession,
    actor: Actor,
    *,
    reason: FlagReason,
    message_id: uuid.UUID | None = None,
    room_id: uuid.UUID | None = None,
    member: str | None = None,
) -> None:
    """Flag a message, or a member of a room. Returns nothing, whatever happened: raises
    nothing about the target either."""
    if message_id is not None:
        target = await _message_target(session, actor, message_id)
    else:
        assert room_id is not None
        assert member is not None
        target = await _member_target(session, actor, room_id, member)
    if target is None:
        return
    room, kind, target_id, subject_id, message = target
    if reason is FlagReason.worried:
        await care.open_task(
            session,
            room_id=room.id,
            subject_id=subject_id,
            message_id=message.id if message else None,
            source=CareSource.worried,
        )
        return
    weight = scoring.flag_weight(await flagger_record(session, actor))
    new = Flag(
        flagger_id=actor.account_id,
        room_id=room.id,
        target_kind=kind,
        target_id=target_id,
        reason=reason,
        weight=weight,
    )
    stored = await _store_once(session, new)
    if stored is None:
        return  # flagged before: it counts once
    case = await open_case(session, room.id, kind, target_id, subject_id)
    case.score = round(case.score + weight, 3)
    stored.case_id = case.id
    session.add_all([case, stored])
    await session.flush()
    if message is not None and scoring.passes(case.score, await threshold(session, room.id)):
        # Another flag may have hidden it while this one waited for the case's lock.
        await session.refresh(message)
        await _hide_pending_review(session, room, case, message)


Target = tuple[Room, TargetKind, uuid.UUID, uuid.UUID, Message | None]


async def _joined_community(session: AsyncSession, actor: Actor, room_id: uuid.UUID) -> Room | None:
    room = await session.get(Room, room_id)
    if room is None or room.kind is not RoomKind.community:
        return None
    mine = await membership(session, room_id, actor.account_id)
    return room if mine is not None and mine.state is MembershipState.joined else None


async def _message_target(
    session: AsyncSession, actor: Actor, message_id: uuid.UUID
) -> Target | None:
    message = await session.get(Message, message_id)
    if (
        message is None
        or message.author_id is None
        or message.author_id == actor.account_id
        or message.deleted_at is not None
        or message.withheld is Withheld.held  # only its author has seen it
        or message.notice is not None
    ):
        return None
    room = await _joined_community(session, actor, message.room_id)
    if room is None:
        return None
    return room, TargetKind.message, message.id, message.author_id, message


async def _member_target(
    session: AsyncSession, actor: Actor, room_id: uuid.UUID, handle: str
) -> Target | None:
    room = await _joined_community(session, actor, room_id)
    account = await find_by_handle(session, handle)
    if room is None or account is None or account.id == actor.account_id:
        return None
    theirs = await membership(session, room_id, account.id)
    if theirs is None or theirs.state is not MembershipState.joined:
        return None
    return room, TargetKind.member, account.id, account.id, None


async def _store_once(session: AsyncSession, new: Flag) -> Flag | None:
    """Insert the flag unless this flagger flagged this target before; None if they had."""
    if (await session.exec(insert_once(session, new))).first() is None:
        return None
    return await session.get(Flag, new.id)


async def flagger_record(session: AsyncSession, actor: Actor) -> scoring.FlaggerRecord:
    rows = await session.exec(
        select(Flag.outcome, sa.func.count())
        .where(Flag.flagger_id == actor.account_id)
        .group_by(col(Flag.outcome))
    )
    counts = dict(rows.all())
    return scoring.FlaggerRecord(
        upheld=counts.get(FlagOutcome.upheld, 0),
        dismissed=counts.get(FlagOutcome.dismissed, 0),
        account_age=clock.now() - actor.account.created_at,
    )


async def threshold(session: AsyncSession, room_id: uuid.UUID) -> float:
    choices = await session.get(RoomPolicy, room_id)
    if choices is not None and choices.flag_threshold is not None:
        return choices.flag_threshold
    return moderation_settings(session).flag_threshold


async def open_case(
    session: AsyncSession,
    room_id: uuid.UUID,
    kind: TargetKind,
    target_id: uuid.UUID,
    subject_id: uuid.UUID | None,
) -> ModerationCase:
    """The target's case, opened (again) for the moderators; one per target, locked."""
    fresh = ModerationCase(
        room_id=room_id, target_kind=kind, target_id=target_id, subject_id=subject_id
    )
    await session.exec(insert_once(session, fresh))
    case = (
        await session.exec(
            select(ModerationCase)
            .where(ModerationCase.target_kind == kind, ModerationCase.target_id == target_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).one()
    if case.state is CaseState.resolved:
        case.state, case.score, case.resolved_at = CaseState.open, 0.0, None
        case.opened_at = clock.now()
        session.add(case)
        await session.flush()
    return case


async def _reasons(session: AsyncSession, case: ModerationCase) -> list[str]:
    found = await session.exec(
        select(Flag.reason).where(Flag.case_id == case.id, Flag.outcome == FlagOutcome.pending)
    )
    return [str(reason) for reason, _ in Counter(found.all()).most_common()]


async def _hide_pending_review(
    session: AsyncSession, room: Room, case: ModerationCase, message: Message
) -> None:
    """Hide a message its flags weigh enough against, until a moderator looks; tell the
    author privately why and that an edit resubmits it."""
    reasons = await _reasons(session, case)
    if not withholding.withhold(
        session, message, Withheld.pending_review, "flags", reasons=reasons
    ):
        return
    case.auto_hidden += 1
    session.add(case)
    record(
        session,
        room_id=room.id,
        action=Action.auto_hide,
        actor=None,
        role=ActorRole.service,
        case_id=case.id,
        message_id=message.id,
        subject_id=message.author_id,
    )
    if message.author_id is not None:
        notify(
            session,
            message.author_id,
            "moderation.hidden_pending_review",
            room_id=room.id,
            message_id=message.id,
            reasons=reasons,
            may_edit=True,
        )
