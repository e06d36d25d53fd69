"""Erasing a conversation: one way for every path that ends one (retention, an erased
account, an escalation that no longer holds a chat).

Messages become tombstones rather than vanishing, so that sync tells every device in the room
to drop them; the retention sweep removes the tombstones once no cursor can need them.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.chat.models import ChatRequest
from app.escalation.models import OPEN, Escalation
from app.messaging.models import Message
from app.rooms.models import Room
from app.rooms.service import close_room
from app.sync.positions import mark_changed


def tombstone(session: AsyncSession, message: Message, now: datetime) -> None:
    """Keep of a message only what a tombstone needs (its id, room and place)."""
    message.body = message.withheld_note = message.notice = None
    message.withheld = None
    message.author_id = None
    message.reply_to_id = None
    message.deleted_at = now
    message.version += 1
    session.add(message)
    mark_changed(session, message)


async def erase_room_messages(session: AsyncSession, room_id: uuid.UUID) -> int:
    """Tombstone every message of a room and close it for writing; returns how many."""
    now = clock.now()
    messages = (
        await session.exec(
            select(Message)
            .where(col(Message.room_id) == room_id, col(Message.deleted_at).is_(None))
            .with_for_update()
        )
    ).all()
    for message in messages:
        tombstone(session, message, now)
    room = await session.get(Room, room_id)
    if room is not None:
        await close_room(session, room)
    await session.flush()
    return len(messages)


async def held(session: AsyncSession, request_id: uuid.UUID) -> bool:
    """Whether an open escalation still needs this chat."""
    found = await session.exec(
        select(Escalation.id)
        .where(col(Escalation.request_id) == request_id, col(Escalation.state).in_(OPEN))
        .limit(1)
    )
    return found.first() is not None


async def erase_chat(session: AsyncSession, request: ChatRequest) -> None:
    """Erase a 1:1 chat: its messages, and the request that says who talked when. Consent
    records, staff access and the read audit stay for their own (longer) time, without the
    link to the chat."""
    await erase_room_messages(session, request.room_id)
    await session.exec(sa.delete(ChatRequest).where(col(ChatRequest.id) == request.id))


async def release_held_chat(session: AsyncSession, request_id: uuid.UUID | None) -> bool:
    """An escalation closed: erase its chat if the young person erased their account while it
    was held and nothing else holds it now."""
    if request_id is None:
        return False
    request = await session.get(ChatRequest, request_id, with_for_update=True)
    if request is None or request.erase_requested_at is None or await held(session, request_id):
        return False
    await erase_chat(session, request)
    return True
