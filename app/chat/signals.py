"""Risk signals in a first message: a private cue for the volunteers on shift, which raises a
request's place in the queue. Never shown to the young person, never stored as a label on them
(it lives on the request, and only as a number).

Pluggable: the service takes any ``RiskSignal``; the moderation work brings the real detector
(negation, context, Dutch and English). Until then, this short keyword list.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

RiskSignal = Callable[[str], int]  # text -> priority (0: none; higher: sooner)

_WORDS = (
    # Dutch
    r"zelfmoord",
    r"suïcid\w*",
    r"dood\s+willen",
    r"wil\s+(?:dood|niet\s+meer\s+leven)",
    r"niet\s+meer\s+(?:leven|wakker\s+worden)",
    r"er\s+een\s+einde\s+aan\s+maken",
    r"mezelf\s+(?:snijden|pijn\s+doen|iets\s+aandoen)",
    r"automutilatie",
    # English
    r"suicid\w*",
    r"kill\s+myself",
    r"end\s+(?:it\s+all|my\s+life)",
    r"want\s+to\s+die",
    r"self[-\s]?harm\w*",
    r"(?:cut|hurt)(?:ting)?\s+myself",
)
_PATTERN = re.compile(r"\b(?:" + "|".join(_WORDS) + r")\b", re.IGNORECASE)


def keyword_signal(text: str) -> int:
    """1 when the text holds one of the phrases, else 0."""
    folded = unicodedata.normalize("NFKC", text)
    return 1 if _PATTERN.search(folded) else 0
