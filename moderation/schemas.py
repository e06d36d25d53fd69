"""The wire shapes of moderation: what members, moderators, coordinators and volunteers send
and see. Response models are the privacy boundary: none of them carries who flagged."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from moderation.models import (
    Action,
    AppealOutcome,
    CareOutcome,
    CareSource,
    CareState,
    FlagReason,
)

Handle = Annotated[str, Field(min_length=1, max_length=24)]
Reason = Annotated[str, Field(max_length=500)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- flags ------------------------------------------------------------------------------------


class FlagCreate(Strict):
    """A message (``message_id``) or a member of a room (``room_id`` and ``member``)."""

    message_id: uuid.UUID | None = None
    room_id: uuid.UUID | None = None
    member: Handle | None = None
    reason: FlagReason

    @model_validator(mode="after")
    def _one_target(self) -> FlagCreate:
        if (self.message_id is None) == (self.member is None):
            raise ValueError("flag a message (message_id) or a member (room_id and member)")
        if self.member is not None and self.room_id is None:
            raise ValueError("a member is flagged in a room: give room_id")
        return self


class FlagReceived(BaseModel):
    received: Literal[True] = Field(
        True, description="the same answer whatever the target: nobody learns what exists"
    )


# --- moderators and the room's choices --------------------------------------------------------


class ModeratorAppoint(Strict):
    member: Handle


class ModeratorPublic(BaseModel):
    handle: str
    appointed_at: datetime


class RoomPolicyUpdate(Strict):
    flag_threshold: Annotated[float, Field(gt=0, le=100)] | None = None
    sign_as_team: bool | None = None


class RoomPolicyPublic(BaseModel):
    flag_threshold: float
    sign_as_team: bool
    rules: list[str] = Field(description="the names an action may give: room rules, house rules")


# --- the review queue and actions ------------------------------------------------------------


class FlaggedMessage(BaseModel):
    id: uuid.UUID
    body: str | None
    author: str | None = Field(description="the author's handle (None: a former member)")
    withheld: str | None
    created_at: datetime


class CasePublic(BaseModel):
    id: uuid.UUID
    target_kind: Literal["message", "member"]
    message: FlaggedMessage | None
    member: str | None = Field(description="the member flagged, for a case about a member")
    score: float
    reasons: dict[str, int] = Field(description="how many flags of each reason; never who")
    auto_hidden: int
    edited: bool
    opened_at: datetime


ModeratorAction = Literal["dismiss", "hide", "restore", "warn", "mute", "remove"]


class ActionCreate(Strict):
    """``rule`` and ``reason`` are checked by the service, which answers with its own codes
    (``moderation.rule_required``, ``moderation.reason_required``)."""

    action: ModeratorAction
    message_id: uuid.UUID | None = None
    member: Handle | None = None
    rule: Annotated[str, Field(max_length=32)] | None = None
    reason: Reason | None = None
    minutes: Annotated[int, Field(ge=0, le=10_000_000)] | None = Field(
        None, description="for `mute`: how long"
    )


class ActionPublic(BaseModel):
    id: uuid.UUID
    action: Action
    rule: str | None
    until: datetime | None
    created_at: datetime


class GuardRemoval(Strict):
    message_id: uuid.UUID
    reason: Reason | None = None


# --- the public log -----------------------------------------------------------------------------


class LogActor(BaseModel):
    kind: Literal["moderator", "moderators", "coordinators", "service"]
    name: str | None = Field(description="the moderator's handle, unless the room signs as team")


class LogEntry(BaseModel):
    id: uuid.UUID
    action: Action
    rule: str | None
    rule_text: str | None
    created_at: datetime
    by: LogActor
    message_id: uuid.UUID | None = Field(description="for actions on a message (not for safety)")
    member: str | None = Field(description="a moderator appointed or retired, a staff visitor")
    until: datetime | None
    refers_to: uuid.UUID | None = Field(description="the action an appeal outcome is about")
    support_offered: bool = Field(
        description="under the safety rule: the author was offered support (and is not named)"
    )


# --- appeals ---------------------------------------------------------------------------------


class AppealCreate(Strict):
    statement: Annotated[str, Field(min_length=1, max_length=1000)]


class AppealDecision(Strict):
    outcome: AppealOutcome
    reason: Reason | None = None


class AppealPublic(BaseModel):
    id: uuid.UUID
    action_id: uuid.UUID
    action: Action
    rule: str | None
    statement: str
    created_at: datetime
    outcome: AppealOutcome | None
    decided_at: datetime | None
    may_decide: bool = Field(description="for moderators: not the one who took the action")


# --- staff visits ----------------------------------------------------------------------------


class VisitCreate(Strict):
    staff: Handle = Field(description="the staff member's handle")
    starts_at: datetime
    ends_at: datetime
    purpose: Annotated[str, Field(min_length=1, max_length=200)]


class VisitPublic(BaseModel):
    id: uuid.UUID
    room_id: uuid.UUID
    visitor: str = Field(description="the staff member's display name")
    purpose: str
    starts_at: datetime
    ends_at: datetime
    closed: bool


# --- care ------------------------------------------------------------------------------------


class CareTaskPublic(BaseModel):
    """No handle and no kind of risk: the room and the message, to reach out through."""

    id: uuid.UUID
    room_id: uuid.UUID
    room_name: str
    message: str | None = Field(description="the post that raised it, if there is one")
    source: CareSource
    acute: bool
    cues: int
    state: CareState
    mine: bool
    created_at: datetime


class CareTaskState(BaseModel):
    id: uuid.UUID
    state: CareState


class CareReachOut(Strict):
    message: Annotated[str, Field(min_length=1, max_length=1000)]


class CareClose(Strict):
    outcome: CareOutcome
