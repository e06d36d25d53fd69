"""Several weak signs together: a cue made of parts that say little one by one.

A blind test set showed that many messages at risk hold no phrase that is a cue by itself:
"pillen in mijn la" and "voor als het niet meer gaat" are each ordinary, together they are a
plan; "iemand van discord", "ik ben 13" and "wil fotos" are each harmless, together they are
grooming; "long sleeves", "in July" and "said I was cold" are a cover story. A single regular
expression for such a message would have to spell out every order of its parts. A
:class:`Combo` instead names the parts (*factors*, each an alternation of the many ways to say
it, in both languages) and signals only when all of them occur close together (within
:data:`SPAN` characters of the first), and nothing in that stretch gives the everyday reading
(``clear``: hay fever, a drawing, an operation, a surprise party).

The first factor is the anchor: the context rules of the combo's
:class:`~moderation.signals.cues.Profile` (negation, a laugh, fiction, ...) are applied to it, as
to a lexicon match. The other factors are not negation-checked: "wil niet dat mijn ouders het
zien" is one of the parts, not a denial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from moderation.signals.cues import Profile
from moderation.signals.model import SignalKind

SPAN = 220  # characters either side of the anchor within which the other factors must occur


@dataclass(frozen=True)
class Combo:
    """A cue that needs every one of its factors near each other."""

    kind: SignalKind
    profile: Profile
    factors: tuple[re.Pattern[str], ...]
    clear: re.Pattern[str] | None = None
    acute: bool = False


def combo(
    kind: SignalKind,
    profile: Profile,
    *factors: str,
    clear: str | None = None,
    acute: bool = False,
) -> Combo:
    """Compile the factors (the first is the anchor) and the everyday reading that clears them."""
    return Combo(
        kind,
        profile,
        tuple(re.compile(factor) for factor in factors),
        re.compile(clear) if clear else None,
        acute,
    )


def anchors(item: Combo, text: str) -> list[re.Match[str]]:
    """The anchor matches near which every other factor occurs and no everyday reading does."""
    found = []
    anchor, *others = item.factors
    for match in anchor.finditer(text):
        low, high = max(0, match.start() - SPAN), match.end() + SPAN
        if not all(factor.search(text, low, high) for factor in others):
            continue
        if item.clear is not None and item.clear.search(text, low, high):
            continue
        found.append(match)
    return found
