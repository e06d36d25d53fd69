"""Wire shapes of chat requests and the queue. The young person's view never carries the
priority; the volunteer's carries it only as a cue (``urgent``)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from app import clock
from app.chat.models import ChatRequest, NextStep, RequestAbout, RequestState
from app.chat.service import Waiting
from app.identity.models import AgeBand
from app.messaging.text import MAX_LENGTH
from app.rooms.models import Theme


class ChatRequestCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID = Field(description="chosen by the client: sending it again is the same request")
    location_id: uuid.UUID
    about: RequestAbout = Field(RequestAbout.me, description="for myself, or about someone else")
    theme: Theme | None = None
    first_message: str | None = Field(None, max_length=MAX_LENGTH)


class ChatRequestPublic(BaseModel):
    id: uuid.UUID
    location_id: uuid.UUID
    room_id: uuid.UUID = Field(description="the conversation: write in it while you wait")
    about: RequestAbout
    theme: Theme | None
    state: RequestState
    position: int | None = Field(description="1 is next; null once a volunteer has it")
    estimate_minutes: int | None = Field(description="null: nothing recent to go by")
    created_at: datetime


class TakeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    request_id: uuid.UUID | None = Field(None, description="a given request; default: the next")


class SurveyAnswers(BaseModel):
    model_config = ConfigDict(extra="forbid")

    next_step: NextStep | None = Field(None, description="what will you do next")
    felt_heard: int | None = Field(None, ge=1, le=4, description="did you feel heard, 1 to 4")


class Handover(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: uuid.UUID | None = Field(None, description="a colleague; default: the front of the queue")


class Heavy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    debrief: bool = Field(False, description="ask the professional on shift for a debrief")


class DebriefWaiting(BaseModel):
    request_id: uuid.UUID
    location_id: uuid.UUID
    volunteer: str | None = Field(description="the volunteer's display name")
    requested_at: datetime


class QueueItem(BaseModel):
    id: uuid.UUID
    about: RequestAbout
    theme: Theme | None
    age_band: AgeBand
    urgent: bool = Field(description="a risk signal in the first message: a cue, not a label")
    waiting_seconds: int


class TakenPublic(BaseModel):
    request_id: uuid.UUID
    room_id: uuid.UUID


def request_public(view: Waiting) -> ChatRequestPublic:
    request = view.request
    return ChatRequestPublic(
        id=request.id,
        location_id=request.location_id,
        room_id=request.room_id,
        about=request.about,
        theme=request.theme,
        state=request.state,
        position=view.position,
        estimate_minutes=view.estimate_minutes,
        created_at=request.created_at,
    )


def queue_item(request: ChatRequest) -> QueueItem:
    return QueueItem(
        id=request.id,
        about=request.about,
        theme=request.theme,
        age_band=request.age_band,
        urgent=request.priority > 0,
        waiting_seconds=int((clock.now() - request.created_at).total_seconds()),
    )
