"""Chat requests: who asks, where, how urgently (a number, never a label), and what became of it."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app import clock
from app.identity.models import AgeBand
from app.rooms.models import Theme
from app.tables import TextEnum, utc_column


class RequestAbout(StrEnum):
    me = "me"
    someone_else = "someone_else"  # worried about a friend, a sister, a classmate


class RequestState(StrEnum):
    waiting = "waiting"
    active = "active"  # a volunteer took it
    ended = "ended"
    cancelled = "cancelled"


OPEN_STATES = (RequestState.waiting, RequestState.active)


class ChatRequest(SQLModel, table=True):
    __tablename__ = "chat_request"
    __table_args__ = (
        sa.Index(
            "ix_chat_request_location_id_state_queue_key", "location_id", "state", "queue_key"
        ),
        # At most one open request per person, whatever the timing.
        sa.Index(
            "uq_chat_request_open",
            "requester_id",
            unique=True,
            sqlite_where=sa.text("state IN ('waiting', 'active')"),
            postgresql_where=sa.text("state IN ('waiting', 'active')"),
        ),
    )

    id: uuid.UUID = Field(primary_key=True)  # chosen by the client: a resend is the same request
    location_id: uuid.UUID = Field(foreign_key="location.id", ondelete="CASCADE")
    room_id: uuid.UUID = Field(foreign_key="room.id", ondelete="CASCADE")
    requester_id: uuid.UUID = Field(foreign_key="account.id", ondelete="CASCADE")
    about: RequestAbout = Field(sa_type=TextEnum(RequestAbout, 16))
    theme: Theme | None = Field(default=None, sa_type=TextEnum(Theme, 32))
    age_band: AgeBand = Field(sa_type=TextEnum(AgeBand, 8))
    priority: int = 0
    queue_key: datetime = Field(
        sa_column=utc_column(), description="arrival, moved earlier by priority (see queue)"
    )
    state: RequestState = Field(sa_type=TextEnum(RequestState, 16))
    volunteer_id: uuid.UUID | None = Field(
        default=None, foreign_key="account.id", ondelete="SET NULL"
    )
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    assigned_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    closed_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
