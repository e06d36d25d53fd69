"""Rooms and who is in them.

Themes are life topics and transitions, never a diagnosis or condition (DOMAIN.md, principle 2).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app import clock
from app.tables import TextEnum, utc_column


class RoomKind(StrEnum):
    community = "community"  # a peer room in the free space
    chat = "chat"  # a private 1:1 conversation with a volunteer
    staff = "staff"  # a private staff thread


class Theme(StrEnum):
    school_and_study = "school_and_study"
    work = "work"
    home_and_family = "home_and_family"
    friendship = "friendship"
    love_and_sexuality = "love_and_sexuality"
    identity = "identity"
    money = "money"
    loss = "loss"
    living_on_your_own = "living_on_your_own"
    how_you_feel = "how_you_feel"
    for_friends_and_family = "for_friends_and_family"
    just_chatting = "just_chatting"


class RoomAgeBand(StrEnum):
    young = "12-17"
    adult = "18-25"
    all = "all"


class MembershipState(StrEnum):
    joined = "joined"
    left = "left"
    removed = "removed"  # by the room's moderators: may not come back unless readmitted


class Room(SQLModel, table=True):
    __tablename__ = "room"
    __table_args__ = (
        sa.Index("ix_room_kind_archived_at", "kind", "archived_at"),
        sa.Index("ix_room_position", "position"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    kind: RoomKind = Field(sa_type=TextEnum(RoomKind, 16))
    name: str = Field(sa_type=sa.String(80))
    description: str = Field(default="", sa_type=sa.String(500))
    rules: str = Field(default="", sa_type=sa.Text)
    theme: Theme | None = Field(default=None, sa_type=TextEnum(Theme, 32))
    age_band: RoomAgeBand = Field(sa_type=TextEnum(RoomAgeBand, 8))
    created_by: uuid.UUID | None = Field(
        default=None, foreign_key="account.id", ondelete="SET NULL"
    )
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    updated_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    archived_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    position: int | None = Field(default=None, sa_type=sa.BigInteger)


class RoomMember(SQLModel, table=True):
    """Membership, kept after leaving (state ``left``) so that every device learns of it."""

    __tablename__ = "room_member"
    __table_args__ = (
        sa.Index("ix_room_member_account_id_state", "account_id", "state"),
        sa.Index("ix_room_member_room_id_position", "room_id", "position"),
        sa.Index("ix_room_member_position", "position"),
    )

    room_id: uuid.UUID = Field(foreign_key="room.id", primary_key=True, ondelete="CASCADE")
    account_id: uuid.UUID = Field(foreign_key="account.id", primary_key=True, ondelete="CASCADE")
    state: MembershipState = Field(sa_type=TextEnum(MembershipState, 8))
    joined_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    left_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    muted_until: datetime | None = Field(
        default=None,
        sa_column=utc_column(nullable=True),
        description="muted by the room's moderators: reads, does not write, until then",
    )
    visiting_until: datetime | None = Field(
        default=None,
        sa_column=utc_column(nullable=True),
        description="a staff member on an invited visit: writes until then, then leaves",
    )
    position: int | None = Field(default=None, sa_type=sa.BigInteger)


class ReadMarker(SQLModel, table=True):
    """How far a person has read in a room: only moves forward; seen only by that person.

    A table of its own (not a column of ``RoomMember``) because a membership change is seen
    by the room, while reading is nobody's business but the reader's.
    """

    __tablename__ = "read_marker"
    __table_args__ = (sa.Index("ix_read_marker_account_id_position", "account_id", "position"),)

    room_id: uuid.UUID = Field(foreign_key="room.id", primary_key=True, ondelete="CASCADE")
    account_id: uuid.UUID = Field(foreign_key="account.id", primary_key=True, ondelete="CASCADE")
    up_to_seq: int = Field(default=0, sa_type=sa.BigInteger)
    updated_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    position: int | None = Field(default=None, sa_type=sa.BigInteger)
