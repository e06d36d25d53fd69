"""Escalations and everything they leave behind: each state change, each page and deadline,
each question put to the young person, each time staff could read a chat, and each read.

An escalation carries a summary written by staff, never the young person's words; what a
professional may read of the chat itself is decided by ``ChatAccess`` rows alone (consent or
a recorded override), and every read of it is a ``ConversationRead``.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app import clock
from app.oncall.models import Tier
from app.tables import TextEnum, utc_column


class Kind(StrEnum):
    advice = "advice"  # the professional advises the volunteer in a staff thread
    join_chat = "join"  # the professional joins the chat, if the young person says yes
    urgent = "urgent"  # acute danger: joining without consent is possible, with a justification
    consult = "consult"  # advice about a situation, no chat attached (or the backstop consult)


class State(StrEnum):
    requested = "requested"
    acknowledged = "acknowledged"
    active = "active"
    resolved = "resolved"


OPEN = (State.requested, State.acknowledged, State.active)


class Outcome(StrEnum):
    advice_given = "advice_given"
    joined = "joined"
    regular_care = "regular_care"
    gp = "gp"
    crisis_service = "crisis_service"  # handed to the local crisis service
    no_further_action = "no_further_action"
    withdrawn = "withdrawn"  # the one who asked took it back before anyone had it


class Escalation(SQLModel, table=True):
    __tablename__ = "escalation"
    __table_args__ = (
        sa.Index("ix_escalation_location_id_state", "location_id", "state"),
        sa.Index("ix_escalation_request_id", "request_id"),
        sa.Index("ix_escalation_parent_id", "parent_id"),
    )

    id: uuid.UUID = Field(primary_key=True)  # chosen by the client: a resend is the same one
    kind: Kind = Field(sa_type=TextEnum(Kind, 16))
    tier: Tier = Field(sa_type=TextEnum(Tier, 16), description="who is asked first")
    state: State = Field(sa_type=TextEnum(State, 16))
    location_id: uuid.UUID = Field(foreign_key="location.id", ondelete="CASCADE")
    request_id: uuid.UUID | None = Field(
        default=None, foreign_key="chat_request.id", ondelete="SET NULL"
    )
    parent_id: uuid.UUID | None = Field(
        default=None,
        foreign_key="escalation.id",
        ondelete="SET NULL",
        description="the escalation a backstop consult is about",
    )
    summary: str = Field(sa_type=sa.Text, description="written by staff, without personal data")
    opened_by: uuid.UUID | None = Field(default=None, foreign_key="account.id", ondelete="SET NULL")
    holder_id: uuid.UUID | None = Field(default=None, foreign_key="account.id", ondelete="SET NULL")
    thread_room_id: uuid.UUID = Field(foreign_key="room.id", description="the staff thread")
    outcome: Outcome | None = Field(default=None, sa_type=TextEnum(Outcome, 24))
    no_backstop_reason: str | None = Field(default=None, sa_type=sa.Text)
    unanswered_at: datetime | None = Field(
        default=None, sa_column=utc_column(nullable=True), description="everyone paged, nobody came"
    )
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    acknowledged_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    resolved_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class Transition(SQLModel, table=True):
    """Every change of state: from what, to what, by whom (none: the service itself), when."""

    __tablename__ = "escalation_transition"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    escalation_id: uuid.UUID = Field(foreign_key="escalation.id", index=True, ondelete="CASCADE")
    from_state: State | None = Field(default=None, sa_type=TextEnum(State, 16))
    to_state: State = Field(sa_type=TextEnum(State, 16))
    action: str = Field(sa_type=sa.String(16))
    actor_id: uuid.UUID | None = Field(default=None, foreign_key="account.id", ondelete="SET NULL")
    at: datetime = Field(default_factory=clock.now, sa_column=utc_column())


class Deadline(SQLModel, table=True):
    """When the person paged must have acknowledged. The deadline worker takes due rows one at
    a time under a row lock (``SKIP LOCKED``), so with several instances each fires once."""

    __tablename__ = "escalation_deadline"
    __table_args__ = (
        sa.Index(
            "ix_escalation_deadline_due_at_open",
            "due_at",
            sqlite_where=sa.text("done_at IS NULL"),
            postgresql_where=sa.text("done_at IS NULL"),
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    escalation_id: uuid.UUID = Field(foreign_key="escalation.id", index=True, ondelete="CASCADE")
    due_at: datetime = Field(sa_column=utc_column())
    done_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    result: str | None = Field(
        default=None, sa_type=sa.String(16), description="climbed, unanswered or settled"
    )


class Page(SQLModel, table=True):
    """One person paged for one escalation; acknowledged once, by API or by the link's
    one-time token (only its digest is kept)."""

    __tablename__ = "escalation_page"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    escalation_id: uuid.UUID = Field(foreign_key="escalation.id", index=True, ondelete="CASCADE")
    recipient_id: uuid.UUID = Field(foreign_key="account.id", ondelete="CASCADE")
    tier: Tier = Field(sa_type=TextEnum(Tier, 16))
    token_digest: str = Field(sa_type=sa.String(64), unique=True)
    sent_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    used_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class Answer(StrEnum):
    yes = "yes"
    no = "no"


class Consent(SQLModel, table=True):
    """A question to the young person: may the professional (or the psychiatrist) on duty join
    this chat? Who asked, when, and what was answered when."""

    __tablename__ = "chat_consent"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    escalation_id: uuid.UUID = Field(foreign_key="escalation.id", index=True, ondelete="CASCADE")
    request_id: uuid.UUID | None = Field(
        foreign_key="chat_request.id",
        index=True,
        ondelete="SET NULL",
        description="none once the chat was erased: the record outlives it (retention)",
    )
    tier: Tier = Field(sa_type=TextEnum(Tier, 16), description="who would join")
    asked_by: uuid.UUID | None = Field(default=None, foreign_key="account.id", ondelete="SET NULL")
    asked_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    answer: Answer | None = Field(default=None, sa_type=TextEnum(Answer, 8))
    answered_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class Basis(StrEnum):
    consent = "consent"
    override = "override"  # acute danger, with a justification, for the coordinator's review


class ChatAccess(SQLModel, table=True):
    """A professional or psychiatrist brought into a chat: on what basis, from when until when.
    Membership of the chat room follows these rows; nothing else lets staff read a chat that
    is not their own."""

    __tablename__ = "chat_access"
    __table_args__ = (sa.Index("ix_chat_access_account_id_ended_at", "account_id", "ended_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    escalation_id: uuid.UUID = Field(foreign_key="escalation.id", index=True, ondelete="CASCADE")
    request_id: uuid.UUID | None = Field(
        foreign_key="chat_request.id", index=True, ondelete="SET NULL"
    )
    room_id: uuid.UUID | None = Field(foreign_key="room.id", ondelete="SET NULL")
    account_id: uuid.UUID | None = Field(
        default=None, foreign_key="account.id", ondelete="SET NULL"
    )
    role: Tier = Field(sa_type=TextEnum(Tier, 16))
    basis: Basis = Field(sa_type=TextEnum(Basis, 16))
    consent_id: uuid.UUID | None = Field(
        default=None, foreign_key="chat_consent.id", ondelete="SET NULL"
    )
    justification: str | None = Field(default=None, sa_type=sa.Text)
    granted_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    ended_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    reviewed_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    reviewed_by: uuid.UUID | None = Field(
        default=None, foreign_key="account.id", ondelete="SET NULL"
    )


class ReadHow(StrEnum):
    joined = "joined"  # brought in: the history opened to them
    history = "history"  # paged through the history
    sync = "sync"  # received the conversation's messages through sync or a socket's catch-up


class ConversationRead(SQLModel, table=True):
    """The audit log of staff reading a chat that is not their own. Who is written down as
    the young person sees them (role and display name, kept even if the account goes)."""

    __tablename__ = "conversation_read"
    __table_args__ = (
        sa.Index("ix_conversation_read_request_id_at", "request_id", "at"),
        sa.Index("ix_conversation_read_reader_id_request_id_at", "reader_id", "request_id", "at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    request_id: uuid.UUID | None = Field(foreign_key="chat_request.id", ondelete="SET NULL")
    escalation_id: uuid.UUID | None = Field(
        default=None, foreign_key="escalation.id", ondelete="SET NULL"
    )
    location_id: uuid.UUID = Field(foreign_key="location.id", ondelete="CASCADE")
    reader_id: uuid.UUID | None = Field(default=None, foreign_key="account.id", ondelete="SET NULL")
    reader_role: Tier = Field(sa_type=TextEnum(Tier, 16))
    reader_display_name: str = Field(sa_type=sa.String(60))
    how: ReadHow = Field(sa_type=TextEnum(ReadHow, 16))
    at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
