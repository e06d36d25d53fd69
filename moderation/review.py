"""The review queue of a room's moderators, and what they do about a message or a member:
dismiss, hide, restore, warn, mute for a while, remove from the room. Every action names a
room rule and a reason, tells the member it concerns privately, and enters the public log.

A moderator never decides about themselves; staff never moderate (``policy``).
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import datetime, timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.identity.actor import Actor
from app.identity.models import Account
from app.identity.service import find_by_handle
from app.messaging import withholding
from app.messaging.models import Message, Withheld
from app.notices.service import notify
from app.rooms import sanctions
from app.rooms import service as rooms
from app.rooms.models import Room
from moderation import care, errors, policy
from moderation.flags import open_case
from moderation.log import record
from moderation.models import (
    Action,
    ActorRole,
    CareSource,
    CaseState,
    Flag,
    FlagOutcome,
    ModerationAction,
    ModerationCase,
    TargetKind,
)
from moderation.schemas import CasePublic, FlaggedMessage
from moderation.service_settings import moderation_settings
from moderation.standing import require_moderator

#: Actions that agree with the flags (the flaggers' records go up) and those that do not.
UPHOLDS = frozenset({Action.hide, Action.warn, Action.mute, Action.remove})
MESSAGE_ONLY = frozenset({Action.hide, Action.restore})


async def queue(session: AsyncSession, actor: Actor, room_id: uuid.UUID) -> list[CasePublic]:
    """Open cases, highest score first, then oldest; none about the moderator themselves.
    Raises ``RoomNotFound``, ``NotModerator`` and ``FreeSpace``."""
    await require_moderator(session, actor, room_id)
    cases = (
        await session.exec(
            select(ModerationCase)
            .where(ModerationCase.room_id == room_id, ModerationCase.state == CaseState.open)
            .order_by(col(ModerationCase.score).desc(), col(ModerationCase.opened_at))
            .limit(200)
        )
    ).all()
    return [
        await _case_public(session, case) for case in cases if case.subject_id != actor.account_id
    ]


async def _case_public(session: AsyncSession, case: ModerationCase) -> CasePublic:
    reasons = (
        await session.exec(
            select(Flag.reason).where(Flag.case_id == case.id, Flag.outcome == FlagOutcome.pending)
        )
    ).all()
    subject = await session.get(Account, case.subject_id) if case.subject_id else None
    message = None
    if case.target_kind is TargetKind.message:
        found = await session.get(Message, case.target_id)
        if found is not None:
            message = FlaggedMessage(
                id=found.id,
                body=found.body,
                author=subject.handle if subject else None,
                withheld=found.withheld.value if found.withheld else None,
                created_at=found.created_at,
            )
    return CasePublic(
        id=case.id,
        target_kind=case.target_kind.value,
        message=message,
        member=subject.handle if subject and case.target_kind is TargetKind.member else None,
        score=case.score,
        reasons={str(reason): count for reason, count in Counter(reasons).items()},
        auto_hidden=case.auto_hidden,
        edited=case.edited,
        opened_at=case.opened_at,
    )


async def act(
    session: AsyncSession,
    actor: Actor,
    room_id: uuid.UUID,
    *,
    action: Action,
    message_id: uuid.UUID | None = None,
    member: str | None = None,
    rule: str | None = None,
    reason: str | None = None,
    minutes: int | None = None,
) -> ModerationAction:
    """Take one action. Raises ``RoomNotFound``, ``NotModerator``, ``FreeSpace``,
    ``RuleRequired``, ``ReasonRequired``, ``DurationRequired``, ``ActionNeedsMessage``,
    ``TargetNotFound`` and ``OwnCase``."""
    room = await require_moderator(session, actor, room_id)
    rule = policy.check_rule(rule, room.rules)
    reason = policy.check_reason(reason)
    if action in MESSAGE_ONLY and message_id is None:
        raise errors.ActionNeedsMessage()
    message, subject_id = await _target(session, room, message_id, member)
    if subject_id == actor.account_id:
        raise errors.OwnCase()
    until = _mute_until(session, minutes) if action is Action.mute else None
    kind = TargetKind.message if message is not None else TargetKind.member
    case = await _settle_case(session, room, kind, message.id if message else subject_id, action)
    entry = record(
        session,
        room_id=room.id,
        action=action,
        actor=actor,
        role=ActorRole.moderator,
        case_id=case.id if case else None,
        message_id=message.id if message else None,
        subject_id=subject_id,
        rule=rule,
        reason=reason,
        until=until,
    )
    await session.flush()
    await apply(session, room, entry, message)
    return entry


async def _target(
    session: AsyncSession, room: Room, message_id: uuid.UUID | None, member: str | None
) -> tuple[Message | None, uuid.UUID]:
    """The message acted on (if any) and the member it concerns."""
    if message_id is not None:
        message = await session.get(Message, message_id)
        if (
            message is None
            or message.room_id != room.id
            or message.author_id is None
            or message.deleted_at is not None
            or message.notice is not None
        ):
            raise errors.TargetNotFound()
        return message, message.author_id
    account = await find_by_handle(session, member) if member else None
    theirs = None if account is None else await rooms.membership(session, room.id, account.id)
    if account is None or theirs is None:
        raise errors.TargetNotFound()
    return None, account.id


def _mute_until(session: AsyncSession, minutes: int | None) -> datetime:
    longest = moderation_settings(session).mute_max_days
    if minutes is None or not 1 <= minutes <= longest * 24 * 60:
        raise errors.DurationRequired(max_days=longest)
    return clock.now() + timedelta(minutes=minutes)


async def _settle_case(
    session: AsyncSession, room: Room, kind: TargetKind, target_id: uuid.UUID, action: Action
) -> ModerationCase | None:
    """Close the target's open case, if any: its flags upheld or dismissed by the action."""
    case = (
        await session.exec(
            select(ModerationCase).where(
                ModerationCase.target_kind == kind,
                ModerationCase.target_id == target_id,
                ModerationCase.state == CaseState.open,
            )
        )
    ).first()
    if case is None:
        return None
    outcome = FlagOutcome.upheld if action in UPHOLDS else FlagOutcome.dismissed
    flags = await session.exec(
        select(Flag).where(Flag.case_id == case.id, Flag.outcome == FlagOutcome.pending)
    )
    for pending in flags.all():
        pending.outcome = outcome
        session.add(pending)
    case.state, case.resolved_at = CaseState.resolved, clock.now()
    session.add(case)
    return case


async def apply(
    session: AsyncSession, room: Room, entry: ModerationAction, message: Message | None
) -> None:
    """Carry out a logged action and tell the member it concerns, privately."""
    about = {"room_id": room.id, "action_id": entry.id, "rule": entry.rule, "reason": entry.reason}
    subject = entry.subject_id
    assert subject is not None
    match entry.action:
        case Action.dismiss | Action.restore:
            if message is not None and withholding.release(session, message):
                notify(
                    session, subject, "moderation.message_restored", message_id=message.id, **about
                )
        case Action.hide:
            assert message is not None
            withholding.withhold(
                session, message, Withheld.hidden, entry.rule or "", rule=entry.rule
            )
            safety = entry.rule == "safety"
            code = "moderation.hidden_for_safety" if safety else "moderation.message_hidden"
            notify(session, subject, code, message_id=message.id, may_edit=not safety, **about)
            if safety:
                await care.open_task(
                    session,
                    room_id=room.id,
                    subject_id=subject,
                    message_id=message.id,
                    source=CareSource.safety,
                )
        case Action.warn:
            notify(session, subject, "moderation.warning", **about)
        case Action.mute:
            await sanctions.mute_member(session, room.id, subject, entry.until)
            notify(session, subject, "moderation.muted", until=entry.until, **about)
        case Action.remove:
            await sanctions.exclude_member(session, room, subject)
            notify(session, subject, "moderation.removed", **about)


async def undo(session: AsyncSession, room: Room, entry: ModerationAction) -> None:
    """Undo an action an appeal overturned (a warning stays said: there is nothing to undo)."""
    message = await session.get(Message, entry.message_id) if entry.message_id else None
    subject = entry.subject_id
    if entry.action in (Action.hide, Action.auto_hide) and message is not None:
        withholding.release(session, message)
    elif entry.action is Action.mute and subject is not None:
        await sanctions.mute_member(session, room.id, subject, None)
    elif entry.action is Action.remove and subject is not None:
        await sanctions.readmit_member(session, room, subject)


async def resubmitted(session: AsyncSession, message: Message) -> None:
    """The author edited a message that is kept from the room. The first time its flags hid
    it, the edit gives it back (as Discourse does) and its flags must pass the threshold anew;
    otherwise it waits, marked edited, at the top of the moderators' attention."""
    case = await open_case(
        session, message.room_id, TargetKind.message, message.id, message.author_id
    )
    case.edited = True
    if message.withheld is Withheld.pending_review and case.auto_hidden <= 1:
        withholding.release(session, message)
        case.score = 0.0
    session.add(case)
    await session.flush()
