"""Room history over HTTP (new messages travel through ``/sync/push``, ``/sync`` and ``/ws``)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from app.db import SessionDep
from app.errors import RequestInvalid, responses
from app.identity.deps import CurrentActor
from app.identity.routes_me import AUTH
from app.messaging.history import older_messages
from app.messaging.schemas import MessagePublic, message_public
from app.rooms.errors import RoomNotFound

router = APIRouter(tags=["messages"])


class MessagePage(BaseModel):
    messages: list[MessagePublic]
    has_older: bool


@router.get("/rooms/{room_id}/messages", responses=responses(*AUTH, RequestInvalid, RoomNotFound))
async def room_history(
    room_id: uuid.UUID,
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
    before_seq: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> MessagePage:
    """Page backwards through a room's history, oldest first within the page."""
    rows, has_older = await older_messages(
        session, actor, room_id, before_seq=before_seq, limit=limit
    )
    # Staff brought into a chat: the read is written down before the messages go out.
    await request.app.state.read_audit(actor, {room_id} if rows else set(), "history")
    messages = [message_public(m, a, actor.account_id) for m, a in rows]
    return MessagePage(messages=messages, has_older=has_older)
