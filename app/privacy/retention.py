"""What the service keeps, and for how long: one list of rules, applied by a background sweep.

Each rule is a query over timestamps the rows carry, so the sweep needs no memory of its
own: after a restart, or with several instances, it simply finds what is due. Each step takes
at most ``sweep_batch`` rows of a kind, so a first run over a large backlog never holds a long
transaction; it goes on in the next step until nothing is due. The README's table "What we
keep, and for how long" lists the same rules (a test checks that they agree).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.background import Periodic
from app.chat.models import ChatRequest
from app.config import PrivacySettings
from app.db import Announce, commit
from app.escalation.models import OPEN, ChatAccess, Consent, ConversationRead, Escalation
from app.identity.models import DeviceSession, LoginThrottle, StaffInvite
from app.messaging.models import ClientOperation, Message, Withheld
from app.notices.models import Notice
from app.paging.models import PageDelivery
from app.privacy import conversations
from app.rooms.models import Room, RoomKind
from app.sync.positions import StreamHead
from moderation.models import (
    Action,
    Appeal,
    CareState,
    CareTask,
    ModerationAction,
    ModerationCase,
    StaffVisit,
)

log = logging.getLogger("ruimte.retention")

Apply = Callable[[AsyncSession, datetime, PrivacySettings], Awaitable[int]]


@dataclass(frozen=True)
class Rule:
    name: str  # the row of the README's table
    apply: Apply


def _days(days: int) -> timedelta:
    return timedelta(days=days)


async def _ids(session: AsyncSession, statement: Any) -> list[Any]:
    return list((await session.exec(statement)).all())


async def _delete(session: AsyncSession, table: Any, key: list[Any], due: Any, limit: int) -> int:
    """Delete up to ``limit`` rows that are due, by key (portable: no DELETE … LIMIT)."""
    keys = list((await session.exec(select(*key).where(due).limit(limit))).all())
    if keys:
        # one column comes back as plain values, several as rows
        match = key[0].in_(keys) if len(key) == 1 else sa.tuple_(*key).in_(keys)
        await session.exec(sa.delete(table).where(match))
    return len(keys)


async def chats(session: AsyncSession, now: datetime, settings: PrivacySettings) -> int:
    """1:1 chats some days after they ended, unless an open escalation holds them; and chats
    of erased accounts that an escalation held, once it no longer does."""
    still_needed = (
        select(Escalation.id)
        .where(col(Escalation.request_id) == ChatRequest.id, col(Escalation.state).in_(OPEN))
        .exists()
    )
    due = (
        (col(ChatRequest.closed_at) < now - _days(settings.chat_days))
        | col(ChatRequest.erase_requested_at).is_not(None)
    ) & ~still_needed
    requests = (
        await session.exec(
            select(ChatRequest)
            .where(due)
            .with_for_update(skip_locked=True)
            .limit(settings.sweep_batch)
        )
    ).all()
    for request in requests:
        await conversations.erase_chat(session, request)
    return len(requests)


async def staff_threads(session: AsyncSession, now: datetime, settings: PrivacySettings) -> int:
    """Staff threads some days after their escalation ended (the escalation's record stays
    for the audit time)."""
    live = (
        select(Message.id)
        .where(col(Message.room_id) == Escalation.thread_room_id, col(Message.deleted_at).is_(None))
        .exists()
    )
    rooms = await _ids(
        session,
        select(Escalation.thread_room_id)
        .where(col(Escalation.resolved_at) < now - _days(settings.chat_days), live)
        .limit(settings.sweep_batch),
    )
    for room_id in rooms:
        await conversations.erase_room_messages(session, room_id)
    return len(rooms)


async def removed_messages(session: AsyncSession, now: datetime, settings: PrivacySettings) -> int:
    """The text of a message moderators removed is kept for a while for the author's appeal
    (never while the appeal is open), then the message becomes a tombstone."""
    removed_before = select(ModerationAction.message_id).where(
        col(ModerationAction.action).in_((Action.remove, Action.remove_illegal)),
        col(ModerationAction.created_at) < now - _days(settings.removed_days),
    )
    appealing = (
        select(ModerationAction.message_id)
        .join(Appeal, col(Appeal.action_id) == ModerationAction.id)
        .where(col(Appeal.decided_at).is_(None), col(ModerationAction.message_id).is_not(None))
    )
    messages = (
        await session.exec(
            select(Message)
            .where(
                col(Message.withheld) == Withheld.removed,
                col(Message.deleted_at).is_(None),
                col(Message.id).in_(removed_before),
                col(Message.id).not_in(appealing),
            )
            .with_for_update(skip_locked=True)
            .limit(settings.sweep_batch)
        )
    ).all()
    for message in messages:
        conversations.tombstone(session, message, now)
    return len(messages)


async def tombstones(session: AsyncSession, now: datetime, settings: PrivacySettings) -> int:
    """Tombstones (and the outbox receipts that answer a resent operation) once no device
    can still need them: a device away longer than the sync horizon resets. The horizon
    moves past the last removed tombstone in the same unit of work, so no reader can miss
    one without being told to start again."""
    cutoff = now - _days(settings.sync_horizon_days)
    rows = (
        await session.exec(
            select(Message.id, Message.position)
            .where(col(Message.deleted_at) < cutoff)
            .limit(settings.sweep_batch)
        )
    ).all()
    if rows:
        # a cursor at the last removed tombstone has seen it; one before it must reset
        horizon = max(position or 0 for _, position in rows)
        head = StreamHead.__table__  # type: ignore[attr-defined]
        await session.exec(
            sa.update(head).where(head.c.id == 1, head.c.horizon < horizon).values(horizon=horizon)
        )
        await session.exec(sa.delete(Message).where(col(Message.id).in_([i for i, _ in rows])))
    receipts = await _delete(
        session,
        ClientOperation,
        [col(ClientOperation.account_id), col(ClientOperation.client_id), col(ClientOperation.seq)],
        col(ClientOperation.created_at) < cutoff,
        settings.sweep_batch,
    )
    empty_chats = await _delete(
        session,
        Room,
        [col(Room.id)],
        (col(Room.kind) == RoomKind.chat)
        & col(Room.archived_at).is_not(None)
        & ~select(ChatRequest.id).where(col(ChatRequest.room_id) == Room.id).exists()
        & ~select(Message.id).where(col(Message.room_id) == Room.id).exists(),
        settings.sweep_batch,
    )
    return len(rows) + receipts + empty_chats


async def audit(session: AsyncSession, now: datetime, settings: PrivacySettings) -> int:
    """Audit and consent records, the public moderation log and paging records, kept longer
    than what they are about so that what staff did can be reviewed, then removed. An
    escalation goes with its transitions, deadlines, pages, consents and access records."""
    cutoff, limit = now - _days(settings.audit_days), settings.sweep_batch
    removed = 0
    for table, key, due in (
        (ConversationRead, [col(ConversationRead.id)], col(ConversationRead.at) < cutoff),
        (Consent, [col(Consent.id)], col(Consent.asked_at) < cutoff),
        (ChatAccess, [col(ChatAccess.id)], col(ChatAccess.granted_at) < cutoff),
        (PageDelivery, [col(PageDelivery.id)], col(PageDelivery.at) < cutoff),
        (ModerationAction, [col(ModerationAction.id)], col(ModerationAction.created_at) < cutoff),
        (ModerationCase, [col(ModerationCase.id)], col(ModerationCase.resolved_at) < cutoff),
        (StaffVisit, [col(StaffVisit.id)], col(StaffVisit.ends_at) < cutoff),
        (
            StaffInvite,
            [col(StaffInvite.id)],
            col(StaffInvite.expires_at) < cutoff,
        ),
    ):
        removed += await _delete(session, table, key, due, limit)
    escalations = await _ids(
        session,
        select(Escalation.id, Escalation.thread_room_id)
        .where(col(Escalation.resolved_at) < cutoff)
        .limit(limit),
    )
    if escalations:
        await session.exec(
            sa.delete(Escalation).where(col(Escalation.id).in_([e for e, _ in escalations]))
        )
        await session.exec(sa.delete(Room).where(col(Room.id).in_([r for _, r in escalations])))
    return removed + len(escalations)


async def personal(session: AsyncSession, now: datetime, settings: PrivacySettings) -> int:
    """What only ever concerned one person for a short while: closed care tasks, private
    notices, expired device sessions and old login throttles."""
    limit = settings.sweep_batch
    return (
        await _delete(
            session,
            CareTask,
            [col(CareTask.id)],
            (col(CareTask.state) == CareState.done)
            & (col(CareTask.updated_at) < now - _days(settings.chat_days)),
            limit,
        )
        + await _delete(
            session,
            Notice,
            [col(Notice.id)],
            col(Notice.created_at) < now - _days(settings.notice_days),
            limit,
        )
        + await _delete(
            session,
            DeviceSession,
            [col(DeviceSession.id)],
            col(DeviceSession.expires_at) < now,
            limit,
        )
        + await _delete(
            session,
            LoginThrottle,
            [col(LoginThrottle.key)],
            (col(LoginThrottle.last_failure_at) < now - timedelta(days=1))
            & (col(LoginThrottle.locked_until).is_(None) | (col(LoginThrottle.locked_until) < now)),
            limit,
        )
    )


RULES: tuple[Rule, ...] = (
    Rule("chats", chats),
    Rule("staff_threads", staff_threads),
    Rule("removed_messages", removed_messages),
    Rule("tombstones", tombstones),
    Rule("audit", audit),
    Rule("personal", personal),
)


async def sweep(session: AsyncSession, settings: PrivacySettings) -> dict[str, int]:
    """Apply every rule once (at most a batch of each); returns how much each removed."""
    now = clock.now()
    done = {}
    for rule in RULES:
        done[rule.name] = await rule.apply(session, now, settings)
        await session.flush()
    return done


class RetentionSweeper(Periodic):
    """Runs ``sweep`` in the background; a step that removed a full batch of something runs
    again at once, so a backlog clears without waiting a whole interval per batch."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        settings: PrivacySettings,
        announce: Announce | None,
    ) -> None:
        self._sessionmaker, self._settings, self._announce = sessionmaker, settings, announce
        super().__init__(
            "the retention sweep", settings.sweep_seconds, self.step, first_at_start=False
        )

    async def step(self) -> dict[str, int]:
        total: dict[str, int] = {}
        while True:
            async with self._sessionmaker() as session:
                done = await sweep(session, self._settings)
                await commit(session, self._announce)
            for name, count in done.items():
                total[name] = total.get(name, 0) + count
            if max(done.values()) < self._settings.sweep_batch:
                break
        if any(total.values()):
            log.info("retention removed %s", {k: v for k, v in total.items() if v})
        return total
