"""Deadlines that climb by themselves.

Opening an escalation pages the first person on call; each page comes with a deadline row.
When a deadline passes and nobody has acknowledged, the worker pages the next person on call
in the tier, then the backstop psychiatrist; when there is nobody left, the volunteer is told
and the young person is offered the crisis line.

The worker takes one due deadline at a time with ``FOR UPDATE SKIP LOCKED`` and marks it
done in the same transaction as what it does about it, so with any number of instances each
deadline fires exactly once, and a deadline that came due while no instance ran fires when
one starts again. Acknowledging does not touch the deadline rows (that would take locks in
the other order); a deadline that finds its escalation acknowledged is simply settled.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.background import Periodic
from app.config import Settings
from app.db import Announce, commit
from app.escalation import notices
from app.escalation.chats import chat_of
from app.escalation.models import Deadline, Escalation, Kind, Page, State
from app.oncall.models import Tier
from app.oncall.service import on_call_at
from app.paging import pager
from app.paging.dispatch import page_after_commit
from app.realtime.direct import tell

# Who is asked, in order, when an escalation starts with a tier.
LADDER = {
    Tier.professional: (Tier.professional, Tier.psychiatrist),
    Tier.psychiatrist: (Tier.psychiatrist,),
}


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def acknowledge_minutes(kind: Kind, settings: Settings) -> float:
    minutes = settings.escalation
    return {
        Kind.urgent: minutes.urgent_minutes,
        Kind.join_chat: minutes.join_minutes,
        Kind.advice: minutes.advice_minutes,
        Kind.consult: minutes.consult_minutes,
    }[kind]


async def page_next(session: AsyncSession, escalation: Escalation, settings: Settings) -> str:
    """Page the next person on call who has not been paged for this escalation yet, and set
    their deadline; with nobody left, tell the volunteer and offer the crisis line. Returns
    ``climbed`` or ``unanswered``."""
    now = clock.now()
    paged = set(
        await session.exec(select(Page.recipient_id).where(Page.escalation_id == escalation.id))
    )
    for tier in LADDER[escalation.tier]:
        for _, account in await on_call_at(session, escalation.location_id, tier, now):
            if account.id in paged or account.id == escalation.opened_by:
                continue
            await _page(session, escalation, account.id, tier, settings)
            return "climbed"
    await _nobody_answers(session, escalation, settings)
    return "unanswered"


async def _page(
    session: AsyncSession,
    escalation: Escalation,
    recipient_id: uuid.UUID,
    tier: Tier,
    settings: Settings,
) -> None:
    minutes = acknowledge_minutes(escalation.kind, settings)
    token = secrets.token_urlsafe(32)
    page = Page(
        escalation_id=escalation.id,
        recipient_id=recipient_id,
        tier=tier,
        token_digest=token_digest(token),
    )
    due = page.sent_at + timedelta(minutes=minutes)
    session.add(page)
    session.add(Deadline(escalation_id=escalation.id, due_at=due))
    await session.flush()
    urgent = "Urgent: " if escalation.kind is Kind.urgent else ""
    subject = (
        f"{urgent}escalation ({escalation.kind.value}) waits for you: "
        f"acknowledge within {minutes:g} minutes"
    )
    base = settings.escalation.public_url.rstrip("/")
    page_after_commit(
        session,
        pager.Page(
            recipient_id=recipient_id,
            subject=subject,
            acknowledge_url=f"{base}/pages/acknowledge?token={token}",
            id=page.id,
            created_at=page.sent_at,
        ),
    )
    tell(
        session,
        [recipient_id],
        {
            "type": "page",
            "escalation_id": str(escalation.id),
            "kind": escalation.kind.value,
            "location_id": str(escalation.location_id),
            "subject": subject,
            "acknowledge_by": due.isoformat(),
        },
    )


async def _nobody_answers(
    session: AsyncSession, escalation: Escalation, settings: Settings
) -> None:
    escalation.unanswered_at = clock.now()
    session.add(escalation)
    await notices.say(session, escalation.thread_room_id, "thread.unanswered", settings)
    chat = await chat_of(session, escalation)
    if chat is not None:
        await notices.say(
            session,
            chat.room_id,
            "nobody_answered",
            settings,
            crisis_line=notices.crisis_line(settings),
        )
    if escalation.opened_by is not None:
        tell(
            session,
            [escalation.opened_by],
            {"type": "escalation", "id": str(escalation.id), "event": "unanswered"},
        )


async def fire_one(session: AsyncSession, settings: Settings) -> bool:
    """Act on the earliest deadline that has passed, if any (in the caller's transaction)."""
    now = clock.now()
    found = await session.exec(
        select(Deadline)
        .where(col(Deadline.done_at).is_(None), col(Deadline.due_at) <= now)
        .order_by(col(Deadline.due_at))
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    deadline = found.first()
    if deadline is None:
        return False
    escalation = await session.get(Escalation, deadline.escalation_id, with_for_update=True)
    if escalation is None or escalation.state is not State.requested:
        deadline.result = "settled"
    else:
        deadline.result = await page_next(session, escalation, settings)
    deadline.done_at = now
    session.add(deadline)
    await session.flush()
    return True


async def fire_due(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    announce: Announce | None = None,
) -> int:
    """Fire every deadline that has passed, each in a transaction of its own; how many."""
    fired = 0
    while True:
        async with sessionmaker() as session:
            if not await fire_one(session, settings):
                await session.rollback()
                return fired
            await commit(session, announce)
            fired += 1


async def any_due(readers: async_sessionmaker[AsyncSession]) -> bool:
    """Whether a deadline has passed, asked without a write transaction (on SQLite a reader
    never queues behind the writers, nor they behind it)."""
    async with readers() as session:
        found = await session.exec(
            select(Deadline.id)
            .where(col(Deadline.done_at).is_(None), col(Deadline.due_at) <= clock.now())
            .limit(1)
        )
        return found.first() is not None


class DeadlineWorker(Periodic):
    """One per instance; any number of instances may run one (see the module's docstring)."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        readers: async_sessionmaker[AsyncSession],
        settings: Settings,
        announce: Announce | None,
    ) -> None:
        self._sessionmaker, self._readers = sessionmaker, readers
        self._settings, self._announce = settings, announce
        super().__init__("the deadline worker", settings.escalation.worker_poll_seconds, self.step)

    async def step(self) -> None:
        if await any_due(self._readers):
            await fire_due(self._sessionmaker, self._settings, self._announce)
