"""The whole lexicon: Dutch, English, and the words both languages share.

Young Dutch people mix English freely ("ik wil kms", "suicidal"), so every message is matched
against both lexicons; no language detection is needed. :data:`ANY_CUE` joins all patterns
to a :class:`~moderation.signals.prefilter.Prefilter`, so that the common case, a message without
any cue, costs only a few hundred substring tests.
"""

from __future__ import annotations

from moderation.signals import lexicon_en, lexicon_nl
from moderation.signals.cues import TOPIC, Cue, cues
from moderation.signals.model import SignalKind
from moderation.signals.prefilter import Prefilter

# "zelfmoord", "zelfmoordgedachten", "suicide", "suicidal", "suicidaal" (diacritics folded).
SHARED: list[Cue] = cues(SignalKind.suicide, TOPIC, r"\bzelfmoord\w*|\bzelfdoding\b|\bsuicid\w*")

CUES: tuple[Cue, ...] = (*SHARED, *lexicon_nl.CUES, *lexicon_en.CUES)

PREFILTER = Prefilter([cue.pattern.pattern for cue in CUES])
