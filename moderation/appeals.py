"""Appeals: the member an action concerns may appeal it once; a different moderator of the
room decides; the outcome enters the public log, and an overturned action is undone.

An appeal never needs the room: someone removed from it appeals from outside. Anyone else
asking about an action hears that it does not exist.
"""

from __future__ import annotations

import uuid

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.identity.actor import Actor
from app.notices.service import notify
from app.sql_dialects import insert_once
from moderation import errors, policy
from moderation.log import record
from moderation.models import (
    Action,
    ActorRole,
    Appeal,
    AppealOutcome,
    ModerationAction,
)
from moderation.review import undo
from moderation.schemas import AppealPublic
from moderation.standing import community_room, require_moderator, standing_in

APPEALABLE = frozenset({Action.hide, Action.auto_hide, Action.warn, Action.mute, Action.remove})


async def appeal(
    session: AsyncSession, actor: Actor, action_id: uuid.UUID, *, statement: str
) -> AppealPublic:
    """Appeal an action that concerns me. Raises ``ActionNotFound`` (also for someone else's),
    ``NotAppealable`` and ``AppealExists`` (once per action, also from two phones at once)."""
    entry = await session.get(ModerationAction, action_id)
    if entry is None or entry.subject_id != actor.account_id:
        raise errors.ActionNotFound()
    if entry.action not in APPEALABLE:
        raise errors.NotAppealable()
    new = Appeal(
        action_id=entry.id,
        room_id=entry.room_id,
        appellant_id=actor.account_id,
        statement=statement,
    )
    stored = await session.exec(insert_once(session, new))
    if stored.first() is None:
        raise errors.AppealExists()
    found = await session.get(Appeal, new.id)
    assert found is not None
    return appeal_public(found, entry, actor)


async def appeals_of_room(
    session: AsyncSession, actor: Actor, room_id: uuid.UUID
) -> list[AppealPublic]:
    """The room's appeals for its moderators, undecided first. Raises ``RoomNotFound``,
    ``NotModerator`` and ``FreeSpace``."""
    await require_moderator(session, actor, room_id)
    rows = await session.exec(
        select(Appeal, ModerationAction)
        .join(ModerationAction, col(ModerationAction.id) == col(Appeal.action_id))
        .where(Appeal.room_id == room_id)
        .order_by(col(Appeal.decided_at).is_not(None), col(Appeal.created_at))
        .limit(200)
    )
    return [appeal_public(found, entry, actor) for found, entry in rows.all()]


def appeal_public(found: Appeal, entry: ModerationAction, viewer: Actor) -> AppealPublic:
    """An appeal as ``viewer`` sees it (whether they may decide it)."""
    return AppealPublic(
        id=found.id,
        action_id=entry.id,
        action=entry.action,
        rule=entry.rule,
        statement=found.statement,
        created_at=found.created_at,
        outcome=found.outcome,
        decided_at=found.decided_at,
        may_decide=found.outcome is None
        and entry.actor_id != viewer.account_id
        and viewer.account_id != found.appellant_id,
    )


async def decide(
    session: AsyncSession,
    actor: Actor,
    appeal_id: uuid.UUID,
    *,
    outcome: AppealOutcome,
    reason: str | None,
) -> AppealPublic:
    """Decide an appeal. Raises ``AppealNotFound`` (also outside the rooms I moderate),
    ``FreeSpace`` for staff, ``ReasonRequired``, ``SameModerator`` and ``AppealDecided``."""
    found = await session.get(Appeal, appeal_id, with_for_update=True)
    if found is None:
        raise errors.AppealNotFound()
    room = await community_room(session, found.room_id)
    standing = await standing_in(session, actor, room)
    if not standing.peer:
        raise errors.FreeSpace()
    if not policy.may_moderate(standing):
        raise errors.AppealNotFound()
    entry = await session.get(ModerationAction, found.action_id)
    assert entry is not None
    if not policy.may_decide_appeal(standing, is_who_acted=entry.actor_id == actor.account_id):
        raise errors.SameModerator()
    if found.outcome is not None:
        raise errors.AppealDecided()
    found.outcome, found.decided_by, found.decided_at = outcome, actor.account_id, clock.now()
    found.decision_reason = policy.check_reason(reason)
    session.add(found)
    if outcome is AppealOutcome.overturned:
        await undo(session, room, entry)
    record(
        session,
        room_id=room.id,
        action=Action.appeal_overturned
        if outcome is AppealOutcome.overturned
        else Action.appeal_upheld,
        actor=actor,
        role=ActorRole.moderator,
        rule=entry.rule,
        refers_to=entry.id,
        subject_id=found.appellant_id,
    )
    notify(
        session,
        found.appellant_id,
        "moderation.appeal_decided",
        room_id=room.id,
        action_id=entry.id,
        outcome=outcome.value,
        reason=found.decision_reason,
    )
    await session.flush()
    return appeal_public(found, entry, actor)
