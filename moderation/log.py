"""The public moderation log of a room (after Lemmy): every action, the rule, when, and who
acted (a moderator's handle, or "the moderators" where the room chooses). Never who flagged,
never the reason a moderator gave (that is for the member it concerns), and for an action
under the safety rule not even which message: "hidden for safety, the author was offered
support" is all the room needs to know.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.identity.actor import Actor
from app.identity.models import Account
from moderation import policy
from moderation.models import Action, ActorRole, ModerationAction, RoomPolicy
from moderation.schemas import LogActor, LogEntry
from moderation.standing import require_reader

#: Actions whose log entry names the member concerned: only people who take a role in the
#: room (moderators appointed or retired, staff visitors). Sanctions never name anyone.
_NAMES_SUBJECT = frozenset({Action.appoint, Action.retire, Action.invite_visit, Action.end_visit})


def record(
    session: AsyncSession,
    *,
    room_id: uuid.UUID,
    action: Action,
    actor: Actor | None,
    role: ActorRole,
    **fields: Any,
) -> ModerationAction:
    """Write one entry; ``fields`` are the optional columns (message, subject, case, rule,
    reason, until, refers_to)."""
    entry = ModerationAction(
        room_id=room_id,
        action=action,
        actor_id=None if actor is None else actor.account_id,
        actor_role=role,
        **fields,
    )
    session.add(entry)
    return entry


async def public_log(
    session: AsyncSession,
    actor: Actor,
    room_id: uuid.UUID,
    *,
    before: datetime | None = None,
    limit: int = 50,
) -> list[LogEntry]:
    """The room's log, newest first. Raises ``RoomNotFound`` for anyone not in the room
    (coordinators guarding it may read it too)."""
    room = await require_reader(session, actor, room_id)
    settings = await session.get(RoomPolicy, room_id)
    as_team = settings is not None and settings.sign_as_team
    statement = (
        select(ModerationAction, Account)
        .outerjoin(Account, col(Account.id) == col(ModerationAction.subject_id))
        .where(ModerationAction.room_id == room_id)
        .order_by(col(ModerationAction.created_at).desc(), col(ModerationAction.id))
        .limit(limit)
    )
    if before is not None:
        statement = statement.where(col(ModerationAction.created_at) < before)
    rows = (await session.exec(statement)).all()
    actors = await _names(session, {entry.actor_id for entry, _ in rows if entry.actor_id})
    rules = policy.room_rules(room.rules)
    return [_entry(entry, subject, actors, rules, as_team) for entry, subject in rows]


async def _names(session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    found = await session.exec(select(Account.id, Account.handle).where(col(Account.id).in_(ids)))
    return dict(found.all())


def _by(entry: ModerationAction, actors: dict[uuid.UUID, str], as_team: bool) -> LogActor:
    if entry.actor_role is ActorRole.coordinator:
        return LogActor(kind="coordinators", name=None)
    if entry.actor_role is ActorRole.service:
        return LogActor(kind="service", name=None)
    name = actors.get(entry.actor_id) if entry.actor_id else None
    if as_team or name is None:
        return LogActor(kind="moderators", name=None)
    return LogActor(kind="moderator", name=name)


def _rule_text(rule: str | None, rules: list[str]) -> str | None:
    if rule is None:
        return None
    if rule.isdigit() and 0 < int(rule) <= len(rules):
        return rules[int(rule) - 1]
    return policy.HOUSE_RULES.get(rule)


def _entry(
    entry: ModerationAction,
    subject: Account | None,
    actors: dict[uuid.UUID, str],
    rules: list[str],
    as_team: bool,
) -> LogEntry:
    safety = entry.rule == "safety"
    named = entry.action in _NAMES_SUBJECT and subject is not None
    return LogEntry(
        id=entry.id,
        action=entry.action,
        rule=entry.rule,
        rule_text=_rule_text(entry.rule, rules),
        created_at=entry.created_at,
        by=_by(entry, actors, as_team),
        message_id=None if safety else entry.message_id,
        member=(subject.display_name or subject.handle) if named and subject else None,
        until=entry.until,
        refers_to=entry.refers_to,
        support_offered=safety,
    )
