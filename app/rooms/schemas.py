"""Wire shapes of rooms."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.rooms.models import Room, RoomAgeBand, RoomKind, Theme

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=80)]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]
Rules = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4_000)]


class RoomCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    description: Description = ""
    rules: Rules = ""
    theme: Theme = Field(description="a life topic, never a diagnosis")
    age_band: RoomAgeBand = Field(description="who may join: 12-17, 18-25 or all")


class RoomUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    description: Description | None = None
    rules: Rules | None = None
    theme: Theme | None = None
    age_band: RoomAgeBand | None = None


class RoomPublic(BaseModel):
    id: uuid.UUID
    kind: RoomKind
    name: str
    description: str
    rules: str
    theme: Theme | None
    age_band: RoomAgeBand
    archived: bool
    created_at: datetime
    updated_at: datetime


class RoomListItem(RoomPublic):
    joined: bool
    member_count: int


def room_public(room: Room) -> RoomPublic:
    return RoomPublic(
        id=room.id,
        kind=room.kind,
        name=room.name,
        description=room.description,
        rules=room.rules,
        theme=room.theme,
        age_band=room.age_band,
        archived=room.archived_at is not None,
        created_at=room.created_at,
        updated_at=room.updated_at,
    )
