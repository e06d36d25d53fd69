"""Messages kept from the room while their author still sees them: held until the author
confirms (contact details), hidden by flags or moderators, removed as illegal.

The author's devices get the message whole, with why; everyone else gets a tombstone (or,
for a message held before anyone saw it, nothing), through the same change stream
(``app.sync.feed``). Moderation decides; this module only changes the message.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from app.messaging.models import Message, Withheld
from app.sync.positions import mark_changed

CONTACT_DETAILS = "contact_details"


def _note(reason: str, **details: Any) -> str:
    return json.dumps({"reason": reason, **details}, separators=(",", ":"), default=str)


def held_values(found: Iterable[str], *, fresh: bool) -> dict[str, Any]:
    """The columns of a message held for the contact details ``found``. ``fresh``: nobody
    has seen it yet, so once confirmed it takes a new place at the end of the room."""
    note = _note(CONTACT_DETAILS, found=list(found), fresh=fresh)
    return {"withheld": Withheld.held, "withheld_note": note}


def hold(message: Message, found: Iterable[str], *, fresh: bool) -> None:
    """Hold a message (an edit that added contact details) until its author confirms."""
    for column, value in held_values(found, fresh=fresh).items():
        setattr(message, column, value)


def withhold(
    session: AsyncSession, message: Message, state: Withheld, reason: str, **details: Any
) -> bool:
    """Keep a message from its room; False if it was already kept for that reason."""
    note = _note(reason, **details)
    if message.deleted_at is not None or (
        message.withheld is state and message.withheld_note == note
    ):
        return False
    message.withheld, message.withheld_note = state, note
    session.add(message)
    mark_changed(session, message)
    return True


def release(session: AsyncSession, message: Message) -> bool:
    """Give a kept message back to its room; False if it was not kept. A held message that
    nobody ever saw goes to the end of the room, as if sent now."""
    if message.withheld is None or message.deleted_at is not None:
        return False
    note = json.loads(message.withheld_note) if message.withheld_note else {}
    message.withheld = message.withheld_note = None
    if note.get("fresh"):
        message.seq = None  # a new place at commit (``app.sync.positions.assign``)
    session.add(message)
    mark_changed(session, message)
    return True


def is_fresh_hold(message: Message) -> bool:
    if message.withheld is not Withheld.held or not message.withheld_note:
        return False
    return bool(json.loads(message.withheld_note).get("fresh"))
