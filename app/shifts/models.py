"""Shifts, who signed up for them, and how many chats a volunteer takes at once."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app import clock
from app.tables import utc_column


class Shift(SQLModel, table=True):
    """A stretch of time at a location with ``seats`` for volunteers, who serve the age bands
    the shift names (12-17 and 18-25 are kept apart unless a shift serves both)."""

    __tablename__ = "shift"
    __table_args__ = (sa.Index("ix_shift_location_id_starts_at", "location_id", "starts_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    location_id: uuid.UUID = Field(foreign_key="location.id", ondelete="CASCADE")
    starts_at: datetime = Field(sa_column=utc_column())
    ends_at: datetime = Field(sa_column=utc_column())
    seats: int
    serves_12_17: bool
    serves_18_25: bool
    created_by: uuid.UUID | None = Field(
        default=None, foreign_key="account.id", ondelete="SET NULL"
    )
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())


class ShiftSignup(SQLModel, table=True):
    __tablename__ = "shift_signup"

    shift_id: uuid.UUID = Field(foreign_key="shift.id", primary_key=True, ondelete="CASCADE")
    volunteer_id: uuid.UUID = Field(foreign_key="account.id", primary_key=True, ondelete="CASCADE")
    signed_up_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    checked_in_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    checked_out_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class VolunteerCapacity(SQLModel, table=True):
    """How many chats a volunteer takes at once, when a coordinator set it (else the default)."""

    __tablename__ = "volunteer_capacity"

    account_id: uuid.UUID = Field(foreign_key="account.id", primary_key=True, ondelete="CASCADE")
    chats: int
    updated_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
