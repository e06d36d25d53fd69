"""What moderation keeps: who moderates a room, staff visits, flags and the cases they open,
the public log of actions, appeals, and the private care tasks for volunteers on shift.

Nothing here is a label on a person. A flag is about one message or one member in one room; a
care task is work for a volunteer, closed when done; who flagged is never shown to anyone.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app import clock
from app.tables import TextEnum, utc_column


class RoomModerator(SQLModel, table=True):
    """A peer who moderates a community room (kept after retiring, for the log's sake)."""

    __tablename__ = "room_moderator"

    room_id: uuid.UUID = Field(foreign_key="room.id", primary_key=True, ondelete="CASCADE")
    account_id: uuid.UUID = Field(foreign_key="account.id", primary_key=True, ondelete="CASCADE")
    appointed_by: uuid.UUID | None = Field(
        default=None, foreign_key="account.id", ondelete="SET NULL"
    )
    appointed_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    retired_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class RoomPolicy(SQLModel, table=True):
    """A room's own moderation choices; a room without a row uses the defaults."""

    __tablename__ = "room_policy"

    room_id: uuid.UUID = Field(foreign_key="room.id", primary_key=True, ondelete="CASCADE")
    flag_threshold: float | None = Field(default=None, description="None: the service's default")
    sign_as_team: bool = Field(
        default=False, description="the public log names 'the moderators', not the handle"
    )


class StaffVisit(SQLModel, table=True):
    """A staff member invited by a room's moderators for a while (a Q&A evening)."""

    __tablename__ = "staff_visit"
    __table_args__ = (sa.Index("ix_staff_visit_ends_at", "ends_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    room_id: uuid.UUID = Field(foreign_key="room.id", ondelete="CASCADE")
    staff_id: uuid.UUID = Field(foreign_key="account.id", ondelete="CASCADE")
    invited_by: uuid.UUID | None = Field(
        default=None, foreign_key="account.id", ondelete="SET NULL"
    )
    purpose: str = Field(sa_type=sa.String(200))
    starts_at: datetime = Field(sa_column=utc_column())
    ends_at: datetime = Field(sa_column=utc_column())
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    closed_at: datetime | None = Field(
        default=None, sa_column=utc_column(nullable=True), description="ended or cancelled"
    )


class FlagReason(StrEnum):
    hurtful = "hurtful"
    spam = "spam"
    unsafe_advice = "unsafe_advice"
    personal_details = "personal_details"
    worried = "worried"  # "I am worried about this person": the care path, never punishment


class TargetKind(StrEnum):
    message = "message"
    member = "member"


class FlagOutcome(StrEnum):
    pending = "pending"
    upheld = "upheld"
    dismissed = "dismissed"


class Flag(SQLModel, table=True):
    """One member's flag of one message or member. Flagging the same thing again changes
    nothing (the unique key), so it counts once."""

    __tablename__ = "flag"
    __table_args__ = (
        sa.UniqueConstraint("flagger_id", "target_kind", "target_id"),
        sa.Index("ix_flag_flagger_id_outcome", "flagger_id", "outcome"),
        sa.Index("ix_flag_case_id", "case_id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    flagger_id: uuid.UUID = Field(foreign_key="account.id", ondelete="CASCADE")
    room_id: uuid.UUID = Field(foreign_key="room.id", ondelete="CASCADE")
    target_kind: TargetKind = Field(sa_type=TextEnum(TargetKind, 8))
    target_id: uuid.UUID
    reason: FlagReason = Field(sa_type=TextEnum(FlagReason, 16))
    weight: float
    case_id: uuid.UUID | None = Field(
        default=None, foreign_key="moderation_case.id", ondelete="CASCADE"
    )
    outcome: FlagOutcome = Field(default=FlagOutcome.pending, sa_type=TextEnum(FlagOutcome, 16))
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())


class CaseState(StrEnum):
    open = "open"
    resolved = "resolved"


class ModerationCase(SQLModel, table=True):
    """Everything flagged about one target, for the room's moderators to decide on once."""

    __tablename__ = "moderation_case"
    __table_args__ = (
        sa.UniqueConstraint("target_kind", "target_id"),
        sa.Index("ix_moderation_case_room_id_state_score", "room_id", "state", "score"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    room_id: uuid.UUID = Field(foreign_key="room.id", ondelete="CASCADE")
    target_kind: TargetKind = Field(sa_type=TextEnum(TargetKind, 8))
    target_id: uuid.UUID
    subject_id: uuid.UUID | None = Field(
        default=None,
        foreign_key="account.id",
        ondelete="SET NULL",
        description="the member the case is about (a message's author)",
    )
    state: CaseState = Field(default=CaseState.open, sa_type=TextEnum(CaseState, 16))
    score: float = 0.0
    auto_hidden: int = Field(default=0, description="times its flags hid the message")
    edited: bool = Field(default=False, description="the author edited it while hidden")
    opened_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    resolved_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class Action(StrEnum):
    # moderators on a case or a target
    dismiss = "dismiss"
    hide = "hide"
    restore = "restore"
    warn = "warn"
    mute = "mute"
    remove = "remove"
    # the service
    auto_hide = "auto_hide"
    # the room's people
    appoint = "appoint"
    retire = "retire"
    invite_visit = "invite_visit"
    end_visit = "end_visit"
    # the coordinators' guard role
    archive = "archive"
    remove_illegal = "remove_illegal"
    # appeals
    appeal_upheld = "appeal_upheld"
    appeal_overturned = "appeal_overturned"


class ActorRole(StrEnum):
    moderator = "moderator"
    coordinator = "coordinator"
    service = "service"


class ModerationAction(SQLModel, table=True):
    """One entry of a room's public moderation log. The reason is told to the member it
    concerns and to the room's moderators, never to the room; who flagged is never here."""

    __tablename__ = "moderation_action"
    __table_args__ = (sa.Index("ix_moderation_action_room_id_created_at", "room_id", "created_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    room_id: uuid.UUID = Field(foreign_key="room.id", ondelete="CASCADE")
    action: Action = Field(sa_type=TextEnum(Action, 24))
    actor_id: uuid.UUID | None = Field(default=None, foreign_key="account.id", ondelete="SET NULL")
    actor_role: ActorRole = Field(sa_type=TextEnum(ActorRole, 16))
    case_id: uuid.UUID | None = Field(
        default=None, foreign_key="moderation_case.id", ondelete="SET NULL"
    )
    message_id: uuid.UUID | None = Field(
        default=None, foreign_key="message.id", ondelete="SET NULL"
    )
    subject_id: uuid.UUID | None = Field(
        default=None,
        foreign_key="account.id",
        ondelete="SET NULL",
        description="the member affected (who may appeal)",
    )
    rule: str | None = Field(default=None, sa_type=sa.String(32))
    reason: str | None = Field(default=None, sa_type=sa.String(500))
    until: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    refers_to: uuid.UUID | None = Field(
        default=None, description="the action an appeal outcome is about"
    )
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())


class AppealOutcome(StrEnum):
    upheld = "upheld"  # the action stands
    overturned = "overturned"  # the action is undone


class Appeal(SQLModel, table=True):
    """A member's appeal of an action that affected them: one per action (the unique key)."""

    __tablename__ = "appeal"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    action_id: uuid.UUID = Field(
        foreign_key="moderation_action.id", unique=True, ondelete="CASCADE"
    )
    room_id: uuid.UUID = Field(foreign_key="room.id", ondelete="CASCADE")
    appellant_id: uuid.UUID = Field(foreign_key="account.id", ondelete="CASCADE")
    statement: str = Field(sa_type=sa.String(1000))
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    decided_by: uuid.UUID | None = Field(
        default=None, foreign_key="account.id", ondelete="SET NULL"
    )
    outcome: AppealOutcome | None = Field(default=None, sa_type=TextEnum(AppealOutcome, 16))
    decision_reason: str | None = Field(default=None, sa_type=sa.String(500))
    decided_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class CareSource(StrEnum):
    signal = "signal"  # the detector read risk in a message
    worried = "worried"  # a member flagged "I am worried about this person"
    safety = "safety"  # moderators hid a message for the author's safety


class CareState(StrEnum):
    open = "open"
    claimed = "claimed"
    done = "done"


class CareOutcome(StrEnum):
    reached_out = "reached_out"
    not_needed = "not_needed"


class CareTask(SQLModel, table=True):
    """Private work for the volunteers on shift: reach out to someone, offer a 1:1 chat and
    the crisis line. One open task per person and room; more cues add to it."""

    __tablename__ = "care_task"
    __table_args__ = (
        sa.Index("ix_care_task_state_created_at", "state", "created_at"),
        sa.Index("ix_care_task_subject_id_room_id_state", "subject_id", "room_id", "state"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    room_id: uuid.UUID = Field(foreign_key="room.id", ondelete="CASCADE")
    subject_id: uuid.UUID = Field(foreign_key="account.id", ondelete="CASCADE")
    message_id: uuid.UUID | None = Field(
        default=None, foreign_key="message.id", ondelete="SET NULL"
    )
    source: CareSource = Field(sa_type=TextEnum(CareSource, 16))
    acute: bool = False
    cues: int = Field(default=1, description="how many signals and worried flags came in")
    state: CareState = Field(default=CareState.open, sa_type=TextEnum(CareState, 16))
    claimed_by: uuid.UUID | None = Field(
        default=None, foreign_key="account.id", ondelete="SET NULL"
    )
    outcome: CareOutcome | None = Field(default=None, sa_type=TextEnum(CareOutcome, 16))
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    updated_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
