"""Wire shapes of shifts and the rota."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Literal, Self

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from app.identity.models import AgeBand
from app.shifts.models import ShiftSignup
from app.shifts.service import Gap, ShiftView

LONGEST_SHIFT = timedelta(hours=24)


class ShiftCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    location_id: uuid.UUID
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    seats: int = Field(ge=1, le=50, description="how many volunteers")
    age_bands: list[AgeBand] = Field(
        min_length=1, max_length=2, description="whom the volunteers on it serve"
    )

    @model_validator(mode="after")
    def _a_real_stretch_of_time(self) -> Self:
        if not timedelta(0) < self.ends_at - self.starts_at <= LONGEST_SHIFT:
            raise ValueError("a shift ends after it starts, and lasts at most 24 hours")
        return self


class CapacityUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    chats: int = Field(ge=1, le=10, description="chats this volunteer takes at once")


class SignupPublic(BaseModel):
    signed_up_at: datetime
    checked_in_at: datetime | None
    checked_out_at: datetime | None


class VolunteerOnShift(SignupPublic):
    volunteer_id: uuid.UUID
    display_name: str | None


class ShiftPublic(BaseModel):
    id: uuid.UUID
    location_id: uuid.UUID
    starts_at: datetime
    ends_at: datetime
    seats: int
    seats_taken: int
    age_bands: list[AgeBand]
    mine: SignupPublic | None = Field(description="my own sign-up, if I have one")
    volunteers: list[VolunteerOnShift] = Field(description="who is on it (coordinators only)")


class GapPublic(BaseModel):
    starts_at: datetime
    ends_at: datetime
    missing: Literal["volunteer", "professional"]


class RotaPublic(BaseModel):
    shifts: list[ShiftPublic]
    gaps: list[GapPublic] = Field(
        description="open, but no volunteer signed up, or no professional on call"
    )


class CapacityPublic(BaseModel):
    volunteer_id: uuid.UUID
    chats: int


def signup_public(signup: ShiftSignup) -> SignupPublic:
    return SignupPublic(
        signed_up_at=signup.signed_up_at,
        checked_in_at=signup.checked_in_at,
        checked_out_at=signup.checked_out_at,
    )


def shift_public(view: ShiftView) -> ShiftPublic:
    shift = view.shift
    bands = [AgeBand.young] * shift.serves_12_17 + [AgeBand.adult] * shift.serves_18_25
    return ShiftPublic(
        id=shift.id,
        location_id=shift.location_id,
        starts_at=shift.starts_at,
        ends_at=shift.ends_at,
        seats=shift.seats,
        seats_taken=view.taken,
        age_bands=bands,
        mine=None if view.mine is None else signup_public(view.mine),
        volunteers=[
            VolunteerOnShift(
                **signup_public(signup).model_dump(),
                volunteer_id=account.id,
                display_name=account.display_name,
            )
            for signup, account in view.volunteers
        ],
    )


def gap_public(gap: Gap) -> GapPublic:
    return GapPublic(starts_at=gap.starts_at, ends_at=gap.ends_at, missing=gap.missing)
