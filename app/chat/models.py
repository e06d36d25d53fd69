"""Chat requests: who asks, where, how urgently (a number, never a label), and what became of it."""

from __future__ import annotations

import uuid
from datetime import date, datetime
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
        sa.Index("ix_chat_request_closed_at", "closed_at"),  # chats past their retention
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
    requester_id: uuid.UUID | None = Field(
        foreign_key="account.id",
        ondelete="SET NULL",
        description="none once the young person erased their account (the chat is then held "
        "by an open escalation and erased when it closes)",
    )
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
    heavy: bool = Field(default=False, description="the volunteer found it heavy")
    debrief_requested_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    debriefed_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    erase_requested_at: datetime | None = Field(
        default=None,
        sa_column=utc_column(nullable=True),
        description="the young person erased their account while an escalation held the chat",
    )
    survey_answered: bool = False  # the answers themselves are stored apart, unlinked


class NextStep(StrEnum):
    gp = "gp"
    psychologist = "psychologist"
    other_arrangement = "other_arrangement"  # a mentor, coming back here
    enough_for_now = "enough_for_now"
    rather_not_say = "rather_not_say"


class ChatRefusal(SQLModel, table=True):
    """How many asked while a location was closed, per day: a number, nobody in it."""

    __tablename__ = "chat_refusal"

    location_id: uuid.UUID = Field(foreign_key="location.id", primary_key=True, ondelete="CASCADE")
    day: date = Field(primary_key=True)
    count: int = 0


class ChatOutcome(SQLModel, table=True):
    """What a young person said after a chat, kept apart from the chat and from them: only the
    location and the day, for the coordinators' figures."""

    __tablename__ = "chat_outcome"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    location_id: uuid.UUID = Field(foreign_key="location.id", index=True, ondelete="CASCADE")
    day: date
    next_step: NextStep | None = Field(default=None, sa_type=TextEnum(NextStep, 24))
    felt_heard: int | None = Field(default=None, description="1 (not at all) to 4 (very much)")
