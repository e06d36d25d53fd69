"""The WebSocket frames, both ways. Change events are those of ``app.sync.events``."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.messaging.schemas import MAX_OPERATIONS

# close codes (4000-4999 are the application's)
CLOSE_AUTH = 4401  # no, late or invalid authentication; or the session ended
CLOSE_BAD_FRAME = 4400
CLOSE_SLOW = 4408  # too slow to keep up: reconnect with the cursor in the reason
CLOSE_RESET = 4409  # the cursor cannot be answered: do a first sync over HTTP, then reconnect
CLOSE_TOO_MANY = 4429  # this account has too many sockets open on this instance
CLOSE_TOO_BIG = 1009  # RFC 6455 "message too big": a frame above the limit
CLOSE_TRY_AGAIN = 1013  # the database is briefly away: reconnect with the cursor in a moment


class ClientFrame(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AuthFrame(ClientFrame):
    type: Literal["auth"]
    token: str = Field(max_length=200)
    cursor: str | None = Field(None, max_length=64, description="from /sync or a previous socket")


class PushFrame(ClientFrame):
    type: Literal["push"]
    ref: str = Field(max_length=64, description="echoed in the push_result")
    client_id: uuid.UUID
    ops: list[dict[str, Any]] = Field(max_length=MAX_OPERATIONS * 10)


class TypingFrame(ClientFrame):
    type: Literal["typing"]
    room_id: uuid.UUID


class PingFrame(ClientFrame):
    type: Literal["ping"]


Frame = Annotated[PushFrame | TypingFrame | PingFrame, Field(discriminator="type")]
