"""On-call slots: a professional or the backstop psychiatrist, for a location (or all of them)
and a time window."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app import clock
from app.tables import TextEnum, utc_column


class Tier(StrEnum):
    professional = "professional"
    psychiatrist = "psychiatrist"  # the backstop


class OnCallSlot(SQLModel, table=True):
    __tablename__ = "on_call_slot"
    __table_args__ = (sa.Index("ix_on_call_slot_tier_starts_at", "tier", "starts_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    tier: Tier = Field(sa_type=TextEnum(Tier, 16))
    location_id: uuid.UUID | None = Field(
        default=None, foreign_key="location.id", ondelete="CASCADE", description="null: all"
    )
    account_id: uuid.UUID = Field(foreign_key="account.id", ondelete="CASCADE")
    starts_at: datetime = Field(sa_column=utc_column())
    ends_at: datetime = Field(sa_column=utc_column())
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
