"""The typed changes a client receives, and who may receive each.

The same models travel through ``GET /sync`` and the WebSocket. Each event type has one
function that decides its audience; sync's SQL and the live hub both follow these rules, and
``tests/sync/test_audience.py`` holds them to it. A wrong recipient here would leak someone's
private chat, so the rules are spelled out rather than derived.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from app.messaging.schemas import AuthorPublic, MessagePublic
from app.rooms.models import MembershipState, RoomKind
from app.rooms.schemas import RoomPublic


class MessageEvent(BaseModel):
    """A new or edited message (upsert by ``message.id``)."""

    type: Literal["message"] = "message"
    position: int
    message: MessagePublic


class TombstoneEvent(BaseModel):
    """A message that is gone: deleted by its author or hidden by moderation."""

    type: Literal["tombstone"] = "tombstone"
    position: int
    room_id: uuid.UUID
    message_id: uuid.UUID
    seq: int
    reason: Literal["deleted", "hidden"] = Field(
        description="`hidden`: kept from the room by moderation (it may come back as a message)"
    )


class MembershipEvent(BaseModel):
    """My own membership of a room changed (on any of my devices); carries the room."""

    type: Literal["membership"] = "membership"
    position: int
    room: RoomPublic
    state: MembershipState


class MemberEvent(BaseModel):
    """Someone else joined or left a private room I am in (a chat or staff thread). In
    community rooms who comes and goes is nobody's business, so this is not sent there."""

    type: Literal["member"] = "member"
    position: int
    room_id: uuid.UUID
    member: AuthorPublic
    state: MembershipState


class RoomEvent(BaseModel):
    """A room I am in was edited or archived."""

    type: Literal["room"] = "room"
    position: int
    room: RoomPublic


class ReadMarkerEvent(BaseModel):
    """How far I have read in a room, and what is unread: the same on all my devices."""

    type: Literal["read_marker"] = "read_marker"
    position: int
    room_id: uuid.UUID
    up_to_seq: int
    unread: int


class NoticePublic(BaseModel):
    id: uuid.UUID
    code: str = Field(description="what it is about: the app shows it in the reader's language")
    details: dict[str, Any]
    created_at: datetime


class NoticeEvent(BaseModel):
    """Something the service tells me privately (a moderator's decision about my message, a
    volunteer reaching out): on all my devices, never to anyone else."""

    type: Literal["notice"] = "notice"
    position: int
    notice: NoticePublic


Event = Annotated[
    MessageEvent
    | TombstoneEvent
    | MembershipEvent
    | MemberEvent
    | RoomEvent
    | ReadMarkerEvent
    | NoticeEvent,
    Field(discriminator="type"),
]


@dataclass(frozen=True)
class Audience:
    """Who receives an event: the current members of ``room_id`` (except ``excluding``), or
    exactly ``account_id``."""

    room_id: uuid.UUID | None = None
    account_id: uuid.UUID | None = None
    excluding: uuid.UUID | None = None

    def includes(
        self, viewer: uuid.UUID, viewer_rooms: set[uuid.UUID] | frozenset[uuid.UUID]
    ) -> bool:
        if self.account_id is not None:
            return viewer == self.account_id
        return self.room_id in viewer_rooms and viewer != self.excluding


def message_audience(room_id: uuid.UUID) -> Audience:
    """Messages and tombstones: everyone currently in the room."""
    return Audience(room_id=room_id)


def withheld_audiences(
    room_id: uuid.UUID, author_id: uuid.UUID | None
) -> tuple[Audience | None, Audience]:
    """A message moderation keeps from the room: (who gets it whole: its author only; who
    gets a tombstone: everyone else in the room)."""
    author = Audience(account_id=author_id) if author_id is not None else None
    return author, Audience(room_id=room_id, excluding=author_id)


def membership_audience(account_id: uuid.UUID) -> Audience:
    """One's own membership: only oneself (every device)."""
    return Audience(account_id=account_id)


def member_audience(
    room_id: uuid.UUID, room_kind: RoomKind, account_id: uuid.UUID
) -> Audience | None:
    """Someone else's membership: the other members of a private room; nobody in a
    community room."""
    if room_kind is RoomKind.community:
        return None
    return Audience(room_id=room_id, excluding=account_id)


def room_audience(room_id: uuid.UUID) -> Audience:
    """Room details: everyone currently in the room."""
    return Audience(room_id=room_id)


def read_marker_audience(account_id: uuid.UUID) -> Audience:
    """Reading is private: only the reader."""
    return Audience(account_id=account_id)


def notice_audience(account_id: uuid.UUID) -> Audience:
    """A private notice: only the person it is for."""
    return Audience(account_id=account_id)
