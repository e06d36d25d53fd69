"""Wire shapes of escalations. What a person sees depends on who they are (``service.Seen``):
the one who asked and the holder see the thread, the questions and every transition; a
person paged sees what they need to decide (kind, summary, location, age band); the chat
itself appears only for its volunteer and for staff brought into it."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.escalation import audit
from app.escalation.models import (
    Answer,
    Basis,
    ChatAccess,
    Consent,
    ConversationRead,
    Kind,
    Outcome,
    ReadHow,
    State,
    Transition,
)
from app.escalation.service import Seen
from app.identity.models import Account
from app.oncall.models import Tier

SHORT_TEXT = 1_000


class EscalationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID = Field(description="chosen by the client: sending it again is the same one")
    kind: Kind = Field(
        description="advice, join or urgent: about a chat I have; consult: with no chat "
        "(or, with parent_id, the backstop consult about an escalation I hold)"
    )
    summary: str = Field(
        min_length=1,
        max_length=SHORT_TEXT,
        description="in your own words, without the young person's handle or personal details",
    )
    request_id: uuid.UUID | None = Field(None, description="the chat (advice, join, urgent)")
    parent_id: uuid.UUID | None = Field(None, description="consult: the escalation it is about")
    tier: Tier | None = Field(None, description="consult: whom to ask (default professional)")
    location_id: uuid.UUID | None = Field(
        None, description="consult: whose on-call person (default: where I am on shift)"
    )


class Join(BaseModel):
    model_config = ConfigDict(extra="forbid")

    justification: str | None = Field(
        None,
        min_length=1,
        max_length=SHORT_TEXT,
        description="only in an urgent escalation, to join without the young person's yes",
    )


class Resolve(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Outcome = Field(description="what came of it (not withdrawn: that is withdraw)")

    @field_validator("outcome")
    @classmethod
    def _not_withdrawn(cls, outcome: Outcome) -> Outcome:
        if outcome is Outcome.withdrawn:
            raise ValueError("withdrawn is what the one who asked does (withdraw), not an outcome")
        return outcome

    message: str | None = Field(
        None, max_length=SHORT_TEXT, description="added to what the young person is told"
    )
    no_backstop_reason: str | None = Field(
        None,
        min_length=1,
        max_length=SHORT_TEXT,
        description="crisis_service without a backstop consult: why it could not be reached",
    )


class ConsentAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answer: Answer


class StaffName(BaseModel):
    id: uuid.UUID
    name: str | None


class ChatRef(BaseModel):
    request_id: uuid.UUID
    room_id: uuid.UUID


class ConsentPublic(BaseModel):
    id: uuid.UUID
    tier: Tier = Field(description="who would join")
    asked_at: datetime
    asked_by: uuid.UUID | None
    answer: Answer | None
    answered_at: datetime | None


class TransitionPublic(BaseModel):
    from_state: State | None
    to_state: State
    action: str
    by: uuid.UUID | None = Field(description="null: the service itself")
    at: datetime


class EscalationPublic(BaseModel):
    id: uuid.UUID
    kind: Kind
    tier: Tier
    state: State
    location_id: uuid.UUID
    summary: str
    age_band: str | None = Field(description="of the young person, for chats; nothing more")
    opened_by: StaffName | None
    holder: StaffName | None
    thread_room_id: uuid.UUID | None = Field(
        description="the staff thread, for the one who asked and the holder"
    )
    chat: ChatRef | None = Field(description="only for its volunteer and staff brought in")
    parent_id: uuid.UUID | None
    acknowledge_by: datetime | None = Field(description="while requested: the current deadline")
    unanswered_at: datetime | None = Field(description="when everyone paged had let it pass")
    outcome: Outcome | None
    no_backstop_reason: str | None
    created_at: datetime
    acknowledged_at: datetime | None
    resolved_at: datetime | None
    consents: list[ConsentPublic] = Field(description="for the one who asked and the holder")
    transitions: list[TransitionPublic] = Field(description="for the one who asked and the holder")


def _name(account: Account | None) -> StaffName | None:
    return None if account is None else StaffName(id=account.id, name=account.display_name)


def consent_public(consent: Consent) -> ConsentPublic:
    return ConsentPublic(
        id=consent.id,
        tier=consent.tier,
        asked_at=consent.asked_at,
        asked_by=consent.asked_by,
        answer=consent.answer,
        answered_at=consent.answered_at,
    )


def escalation_public(
    seen: Seen, consents: list[Consent], transitions: list[Transition]
) -> EscalationPublic:
    e = seen.escalation
    involved = seen.as_opener or seen.as_holder
    return EscalationPublic(
        id=e.id,
        kind=e.kind,
        tier=e.tier,
        state=e.state,
        location_id=e.location_id,
        summary=e.summary,
        age_band=seen.age_band,
        opened_by=_name(seen.opener),
        holder=_name(seen.holder),
        thread_room_id=e.thread_room_id if involved else None,
        chat=ChatRef(request_id=seen.chat.id, room_id=seen.chat.room_id) if seen.chat else None,
        parent_id=e.parent_id if seen.as_opener else None,
        acknowledge_by=seen.acknowledge_by,
        unanswered_at=e.unanswered_at,
        outcome=e.outcome,
        no_backstop_reason=e.no_backstop_reason if involved else None,
        created_at=e.created_at,
        acknowledged_at=e.acknowledged_at,
        resolved_at=e.resolved_at,
        consents=[consent_public(c) for c in consents] if involved else [],
        transitions=[
            TransitionPublic(
                from_state=t.from_state,
                to_state=t.to_state,
                action=t.action,
                by=t.actor_id,
                at=t.at,
            )
            for t in transitions
        ]
        if involved
        else [],
    )


class PageAcknowledged(BaseModel):
    escalation_id: uuid.UUID
    state: State


class GrantPublic(BaseModel):
    """Someone brought into a chat."""

    id: uuid.UUID
    role: Tier
    name: str | None
    basis: Basis = Field(description="consent, or override: acute danger, without consent")
    since: datetime
    until: datetime | None


class ReadPublic(BaseModel):
    role: Tier
    name: str
    how: ReadHow
    at: datetime
    escalation_id: uuid.UUID | None


class ChatAccessLog(BaseModel):
    """Which staff could read my chat besides my volunteer, and when they read it."""

    brought_in: list[GrantPublic]
    reads: list[ReadPublic]


def grant_public(grant: ChatAccess, name: str | None) -> GrantPublic:
    return GrantPublic(
        id=grant.id,
        role=grant.role,
        name=name,
        basis=grant.basis,
        since=grant.granted_at,
        until=grant.ended_at,
    )


def read_public(read: ConversationRead) -> ReadPublic:
    return ReadPublic(
        role=read.reader_role,
        name=read.reader_display_name,
        how=read.how,
        at=read.at,
        escalation_id=read.escalation_id,
    )


def access_log_public(log: audit.AccessLog) -> ChatAccessLog:
    return ChatAccessLog(
        brought_in=[grant_public(grant, name) for grant, name in log.grants],
        reads=[read_public(read) for read in log.reads],
    )


class OverridePublic(GrantPublic):
    escalation_id: uuid.UUID
    location_id: uuid.UUID
    justification: str | None
    reviewed_at: datetime | None


class ReviewPublic(BaseModel):
    """Overrides and reads, for the coordinator's after-review: never a handle or a message."""

    overrides: list[OverridePublic]
    reads: list[ReadPublic]


def review_public(review: audit.Review) -> ReviewPublic:
    return ReviewPublic(
        overrides=[
            OverridePublic(
                **grant_public(grant, name).model_dump(),
                escalation_id=escalation.id,
                location_id=escalation.location_id,
                justification=grant.justification,
                reviewed_at=grant.reviewed_at,
            )
            for grant, escalation, name in review.overrides
        ],
        reads=[read_public(read) for read in review.reads],
    )
