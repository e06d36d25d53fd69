"""Locations (an @ease centre or an online service) and when they are open."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app import clock
from app.tables import TextEnum, utc_column

DEFAULT_TIME_ZONE = "Europe/Amsterdam"


class LocationKind(StrEnum):
    centre = "centre"  # a walk-in place with its own chat hours
    online = "online"  # an online service (113 is one, open all hours)


class Location(SQLModel, table=True):
    __tablename__ = "location"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str = Field(sa_type=sa.String(80))
    kind: LocationKind = Field(sa_type=TextEnum(LocationKind, 16))
    time_zone: str = Field(default=DEFAULT_TIME_ZONE, sa_type=sa.String(64))
    always_open: bool = False
    requires_cover: bool = Field(
        default=False,
        sa_column_kwargs={"server_default": sa.false()},
        description="a shift here may only be published while a professional is on call",
    )
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())


class OpeningHours(SQLModel, table=True):
    """Open every ``weekday`` (0 is Monday) from ``opens`` to ``closes`` (null: midnight), in
    the location's own time zone."""

    __tablename__ = "opening_hours"

    location_id: uuid.UUID = Field(foreign_key="location.id", primary_key=True, ondelete="CASCADE")
    weekday: int = Field(primary_key=True)
    opens: time = Field(primary_key=True)
    closes: time | None = None


class LocationClosure(SQLModel, table=True):
    """Closed from ``starts_at`` until ``ends_at``: a holiday, a training evening."""

    __tablename__ = "location_closure"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    location_id: uuid.UUID = Field(foreign_key="location.id", index=True, ondelete="CASCADE")
    starts_at: datetime = Field(sa_column=utc_column())
    ends_at: datetime = Field(sa_column=utc_column())
    reason: str = Field(default="", sa_type=sa.String(120))
