"""Wire shapes of ``GET /sync`` and ``POST /sync/push``."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, Field

from app.errors import ErrorBody
from app.i18n import Language
from app.messaging.outbox import ItemOutcome
from app.messaging.schemas import OperationResult, PushResponse
from app.sync.events import Event
from app.sync.service import SyncResult
from moderation.errors import ContactDetailsHeld


class RoomHistoryPublic(BaseModel):
    has_older: bool = Field(description="page back with GET /rooms/{id}/messages?before_seq=")
    oldest_seq: int | None


class SyncResponse(BaseModel):
    cursor: str = Field(description="send back as `cursor` next time; opaque")
    reset: bool = Field(
        description="true: the cursor could not be answered exactly; drop cached server state "
        "(never the outbox) and take this answer as a first sync"
    )
    has_more: bool = Field(description="call again at once with the new cursor")
    changes: list[Event]
    unread: dict[uuid.UUID, int] = Field(description="unread messages per room I am in")
    history: dict[uuid.UUID, RoomHistoryPublic] = Field(
        default_factory=dict, description="first sync only: where each room's window starts"
    )


def sync_public(result: SyncResult) -> SyncResponse:
    return SyncResponse(
        cursor=result.cursor,
        reset=result.reset,
        has_more=result.has_more,
        changes=[change.event for change in result.changes],
        unread=result.unread,
        history={
            room_id: RoomHistoryPublic(has_older=h.has_older, oldest_seq=h.oldest_seq)
            for room_id, h in result.history.items()
        },
    )


def _warning(result: dict[str, Any] | None, language: Language) -> ErrorBody | None:
    """A message held for its author to confirm comes with the warning that says why."""
    withheld = ((result or {}).get("message") or {}).get("withheld") or {}
    if withheld.get("state") != "held":
        return None
    warning = ContactDetailsHeld(found=withheld.get("details", {}).get("found", []))
    return ErrorBody(code=warning.code, message=warning.message(language), details=warning.details)


def push_public(outcomes: list[ItemOutcome], language: Language) -> PushResponse:
    results = []
    for outcome in (item.settled() for item in outcomes):
        error = outcome.error
        results.append(
            OperationResult(
                index=outcome.index,
                seq=outcome.seq,
                status=outcome.status,
                original_status=outcome.original_status,
                result=outcome.result,
                error=ErrorBody(
                    code=error.code, message=error.message(language), details=error.details
                )
                if error is not None
                else None,
                warning=_warning(outcome.result, language),
                retry_after=error.details.get("retry_after")
                if outcome.status == "retry_later" and error
                else None,
            )
        )
    return PushResponse(results=results)
