"""The chat an escalation is about: its own, or for a backstop consult, the chat of the
escalation consulted about (the psychiatrist reaches it only when brought in)."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from app.chat.models import ChatRequest
from app.escalation.models import Escalation


async def chat_of(session: AsyncSession, escalation: Escalation) -> ChatRequest | None:
    request_id = escalation.request_id
    if request_id is None and escalation.parent_id is not None:
        parent = await session.get(Escalation, escalation.parent_id)
        request_id = parent.request_id if parent is not None else None
    return None if request_id is None else await session.get(ChatRequest, request_id)
