"""The audit of staff reading chats that are not their own, seen by the person it concerns.

A read is written down before the messages go out: joining a chat (the history opens), each
page of its history, and each sync or socket catch-up that hands over its messages. Reads of
one chat by one person within ``read_audit_seconds`` of the last entry are one entry (an app
syncing every few seconds is one person reading along, not a hundred reads). While someone
reads along, new messages also reach them live; the grant (from when, until when) covers
those, and the young person sees both.

Only staff holding a grant (``access``) can have such reads at all: a chat's own volunteer
reads their own chat, and nobody else is a member of it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.chat import errors as chat_errors
from app.chat.models import ChatRequest
from app.config import Settings
from app.escalation import errors
from app.escalation.models import Basis, ChatAccess, ConversationRead, Escalation, ReadHow
from app.identity.actor import Actor
from app.identity.models import Account, StaffRole

MANAGERS = (StaffRole.coordinator, StaffRole.admin)


async def note_reads(
    sessionmaker: async_sessionmaker[AsyncSession],
    actor: Actor,
    room_ids: Iterable[uuid.UUID],
    how: ReadHow,
    settings: Settings,
) -> None:
    """Write down that ``actor`` is about to read these rooms' messages, where one of them is
    a chat they were brought into. In its own transaction, committed before the caller hands
    anything over: a read that cannot be written down does not happen."""
    rooms = set(room_ids)
    if not actor.is_staff or not rooms:
        return
    async with sessionmaker() as session:
        grants = await session.exec(
            select(ChatAccess, ChatRequest.location_id)
            .join(ChatRequest, col(ChatRequest.id) == col(ChatAccess.request_id))
            .where(
                ChatAccess.account_id == actor.account_id,
                col(ChatAccess.ended_at).is_(None),
                col(ChatAccess.room_id).in_(rooms),
            )
        )
        found = grants.all()
        if not found:
            return
        now = clock.now()
        since = now - timedelta(seconds=settings.escalation.read_audit_seconds)
        for access, location_id in found:
            recent = await session.exec(
                select(ConversationRead.id).where(
                    ConversationRead.reader_id == actor.account_id,
                    ConversationRead.request_id == access.request_id,
                    col(ConversationRead.at) > since,
                )
            )
            if recent.first() is not None:
                continue
            session.add(
                ConversationRead(
                    request_id=access.request_id,
                    escalation_id=access.escalation_id,
                    location_id=location_id,
                    reader_id=actor.account_id,
                    reader_role=access.role,
                    reader_display_name=actor.account.display_name or "",
                    how=how,
                    at=now,
                )
            )
        await session.commit()


class ReadAudit:
    """``note_reads`` as the reading paths call it (``app.state.read_audit``): the history
    route, ``GET /sync`` and a socket's catch-up, none of which need to know about
    escalations. ``how`` is ``history`` or ``sync``."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], settings: Settings) -> None:
        self._sessionmaker, self._settings = sessionmaker, settings

    async def __call__(self, actor: Actor, room_ids: Iterable[uuid.UUID], how: str) -> None:
        await note_reads(self._sessionmaker, actor, room_ids, ReadHow(how), self._settings)


@dataclass(frozen=True)
class AccessLog:
    """For the young person: who was brought into their chat, and every read written down."""

    grants: list[tuple[ChatAccess, str | None]]  # with the display name
    reads: list[ConversationRead]


async def for_my_chat(session: AsyncSession, actor: Actor, request_id: uuid.UUID) -> AccessLog:
    """Raises ``RequestNotFound`` for a chat that is not mine."""
    request = await session.get(ChatRequest, request_id)
    if request is None or request.requester_id != actor.account_id:
        raise chat_errors.RequestNotFound()
    grants = await session.exec(
        select(ChatAccess, Account.display_name)
        .outerjoin(Account, col(Account.id) == col(ChatAccess.account_id))
        .where(ChatAccess.request_id == request_id)
        .order_by(col(ChatAccess.granted_at))
    )
    reads = await session.exec(
        select(ConversationRead)
        .where(ConversationRead.request_id == request_id)
        .order_by(col(ConversationRead.at))
    )
    return AccessLog(
        grants=[(grant, name) for grant, name in grants.all()], reads=list(reads.all())
    )


@dataclass(frozen=True)
class Review:
    """For coordinators: every override (joining without consent) and every read, per
    location; never a handle or a message."""

    overrides: list[tuple[ChatAccess, Escalation, str | None]]
    reads: list[ConversationRead]


async def review(
    session: AsyncSession,
    actor: Actor,
    *,
    location_id: uuid.UUID | None,
    since: datetime | None,
    unreviewed_only: bool,
) -> Review:
    """Raises ``RoleRequired``."""
    actor.require_role(*MANAGERS)
    overrides = (
        select(ChatAccess, Escalation, Account.display_name)
        .join(Escalation, col(Escalation.id) == col(ChatAccess.escalation_id))
        .outerjoin(Account, col(Account.id) == col(ChatAccess.account_id))
        .where(ChatAccess.basis == Basis.override)
        .order_by(col(ChatAccess.granted_at).desc())
    )
    reads = select(ConversationRead).order_by(col(ConversationRead.at).desc()).limit(500)
    if location_id is not None:
        overrides = overrides.where(Escalation.location_id == location_id)
        reads = reads.where(ConversationRead.location_id == location_id)
    if since is not None:
        overrides = overrides.where(col(ChatAccess.granted_at) >= since)
        reads = reads.where(col(ConversationRead.at) >= since)
    if unreviewed_only:
        overrides = overrides.where(col(ChatAccess.reviewed_at).is_(None))
    found = (await session.exec(overrides)).all()
    return Review(
        overrides=[(grant, escalation, name) for grant, escalation, name in found],
        reads=list((await session.exec(reads)).all()),
    )


async def mark_reviewed(session: AsyncSession, actor: Actor, access_id: uuid.UUID) -> None:
    """A coordinator has looked at an override (again: no change). Raises ``RoleRequired``
    and ``OverrideNotFound``."""
    actor.require_role(*MANAGERS)
    access = await session.get(ChatAccess, access_id, with_for_update=True)
    if access is None or access.basis is not Basis.override:
        raise errors.OverrideNotFound()
    if access.reviewed_at is None:
        access.reviewed_at, access.reviewed_by = clock.now(), actor.account_id
        session.add(access)
        await session.flush()
