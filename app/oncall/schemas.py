"""Wire shapes of the on-call rota."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Self

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from app.identity.models import Account
from app.oncall.models import OnCallSlot, Tier


class SlotCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tier: Tier
    account_id: uuid.UUID = Field(description="a professional, or a psychiatrist as backstop")
    location_id: uuid.UUID | None = Field(None, description="null: every location")
    starts_at: AwareDatetime
    ends_at: AwareDatetime

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        return self


class SlotPublic(BaseModel):
    id: uuid.UUID
    tier: Tier
    location_id: uuid.UUID | None
    name: str | None = Field(description="the professional's display name")
    starts_at: datetime
    ends_at: datetime


class OnCallNow(BaseModel):
    professional: list[SlotPublic]
    psychiatrist: list[SlotPublic]


def slot_public(slot: OnCallSlot, account: Account) -> SlotPublic:
    return SlotPublic(
        id=slot.id,
        tier=slot.tier,
        location_id=slot.location_id,
        name=account.display_name,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
    )
