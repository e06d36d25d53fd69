"""Older history of a room, paged backwards from the first sync's window."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.identity.actor import Actor
from app.identity.models import Account
from app.messaging.models import Message, Withheld
from app.rooms.service import require_member


async def older_messages(
    session: AsyncSession, actor: Actor, room_id: uuid.UUID, *, before_seq: int | None, limit: int
) -> tuple[list[tuple[Message, Account | None]], bool]:
    """Up to ``limit`` messages before ``before_seq`` (newest first counts back), oldest first,
    and whether there are older ones still. Deleted messages come as tombstones (no body),
    and so do messages moderation hid; someone else's held message is not there at all.
    Raises ``RoomNotFound`` for a room I am not in."""
    await require_member(session, actor, room_id)
    statement = (
        select(Message, Account)
        .outerjoin(Account, col(Account.id) == col(Message.author_id))
        .where(
            Message.room_id == room_id,
            col(Message.seq).is_not(None),
            sa.or_(
                col(Message.withheld).is_(None),
                col(Message.withheld) != Withheld.held,
                col(Message.author_id) == actor.account_id,
            ),
        )
        .order_by(col(Message.seq).desc())
        .limit(limit + 1)
    )
    if before_seq is not None:
        statement = statement.where(col(Message.seq) < before_seq)
    rows = (await session.exec(statement)).all()
    return list(reversed(rows[:limit])), len(rows) > limit
