"""What the detector hands back: the kind of risk and whether it is acute.

Kept apart from the detector so that callers (the room feed, the chat queue) depend on these two
small types only, and so that a result never carries the text or anything about the writer: a
signal is a cue for the volunteers on shift, not a label on a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SignalKind(StrEnum):
    """The three kinds of risk a volunteer is cued about."""

    suicide = "suicide"
    self_harm = "self_harm"
    abuse = "abuse"


@dataclass(frozen=True)
class Signal:
    """The strongest risk cue found in one message.

    ``acute`` means an intent with a plan, a means or a time ("vanavond", "tonight", "pills saved
    up"), or someone being in danger right now; it moves a chat request up the queue.
    """

    kind: SignalKind
    acute: bool
