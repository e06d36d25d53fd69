"""Wire shapes of locations and their hours."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from typing import Annotated, Self

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from app.locations.hours import OpenStatus
from app.locations.models import DEFAULT_TIME_ZONE, LocationClosure, LocationKind, OpeningHours
from app.locations.service import LocationView

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=80)]
#: A wall-clock time in the location's own zone. Not JSON Schema's "time", which is RFC 3339's
#: full-time and needs an offset: the offset of an opening hour depends on the date.
LocalTime = Annotated[
    time,
    WithJsonSchema(
        {
            "type": "string",
            "maxLength": 15,
            "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$",
            "examples": ["19:00"],
        }
    ),
]


class OpeningIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    weekday: int = Field(ge=0, le=6, description="0 is Monday")
    opens: LocalTime = Field(description="local time, e.g. 19:00")
    closes: LocalTime | None = Field(
        description="local time; null is midnight at the end of the day"
    )

    @model_validator(mode="after")
    def _closes_after_opening(self) -> Self:
        if self.closes is not None and self.closes <= self.opens:
            raise ValueError("closes must be after opens (an evening past midnight is two entries)")
        return self


class LocationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    kind: LocationKind
    time_zone: str = Field(DEFAULT_TIME_ZONE, max_length=64)
    always_open: bool = Field(False, description="open all hours (a 24/7 service)")
    requires_cover: bool = Field(
        False, description="shifts only while a professional is on call for every minute"
    )
    hours: list[OpeningIn] = Field(default_factory=list, max_length=70)


class LocationUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    time_zone: str | None = Field(None, max_length=64)
    always_open: bool | None = None
    requires_cover: bool | None = None


class HoursUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    hours: list[OpeningIn] = Field(max_length=70, description="the whole week; replaces it")


class ClosureCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    starts_at: AwareDatetime
    ends_at: AwareDatetime
    reason: str = Field("", max_length=120)

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        return self


class OpeningPublic(BaseModel):
    weekday: int
    opens: LocalTime
    closes: LocalTime | None


class ClosurePublic(BaseModel):
    id: uuid.UUID
    starts_at: datetime
    ends_at: datetime
    reason: str


class OpenNow(BaseModel):
    open: bool
    until: datetime | None = Field(description="when chat closes, if open (null: not soon)")
    next_opens: datetime | None = Field(description="when chat opens, if closed")
    crisis_line: str = Field(description="where to turn meanwhile; always given")


class LocationPublic(BaseModel):
    id: uuid.UUID
    name: str
    kind: LocationKind
    time_zone: str
    always_open: bool
    requires_cover: bool
    hours: list[OpeningPublic]
    closures: list[ClosurePublic] = Field(description="the ones not yet over")
    status: OpenNow


def open_now(status: OpenStatus, crisis_line: str) -> OpenNow:
    return OpenNow(
        open=status.open, until=status.until, next_opens=status.next_opens, crisis_line=crisis_line
    )


def location_public(view: LocationView, crisis_line: str) -> LocationPublic:
    location = view.location
    return LocationPublic(
        id=location.id,
        name=location.name,
        kind=location.kind,
        time_zone=location.time_zone,
        always_open=location.always_open,
        requires_cover=location.requires_cover,
        hours=[opening_public(opening) for opening in view.hours],
        closures=[closure_public(closure) for closure in view.closures],
        status=open_now(view.status, crisis_line),
    )


def opening_public(opening: OpeningHours) -> OpeningPublic:
    return OpeningPublic(weekday=opening.weekday, opens=opening.opens, closes=opening.closes)


def closure_public(closure: LocationClosure) -> ClosurePublic:
    return ClosurePublic(
        id=closure.id, starts_at=closure.starts_at, ends_at=closure.ends_at, reason=closure.reason
    )
