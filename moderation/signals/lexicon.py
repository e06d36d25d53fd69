"""The whole lexicon: Dutch, English, and the words both languages share.

Young Dutch people mix English freely ("ik wil kms", "suicidal"), so every message is matched
against both lexicons; no language detection is needed. One
:class:`~moderation.signals.prefilter.Prefilter` covers all cue patterns and then every factor of
every combination of weak signs (:mod:`.cumulative`), so that the common case, a message without
any cue, costs one literal search; :data:`COMBO_FACTORS` says which prefilter entries each
combination needs.
"""

from __future__ import annotations

from moderation.signals import (
    lexicon_en,
    lexicon_exit,
    lexicon_hiding,
    lexicon_nl,
    lexicon_signs,
    lexicon_threat,
)
from moderation.signals.cues import TOPIC, Cue, cues
from moderation.signals.cumulative import Combo
from moderation.signals.model import SignalKind
from moderation.signals.prefilter import Prefilter

# "zelfmoord", "zelfmoordgedachten", "suicide", "suicidal", "suicidaal" (diacritics folded).
SHARED: list[Cue] = cues(SignalKind.suicide, TOPIC, r"\bzelfmoord\w*|\bzelfdoding\b|\bsuicid\w*")

CUES: tuple[Cue, ...] = (
    *SHARED,
    *lexicon_nl.CUES,
    *lexicon_en.CUES,
    *lexicon_signs.CUES,
    *lexicon_exit.CUES,
    *lexicon_hiding.CUES,
    *lexicon_threat.CUES,
)

COMBOS: tuple[Combo, ...] = (*lexicon_exit.COMBOS, *lexicon_hiding.COMBOS, *lexicon_threat.COMBOS)


def _factor_indexes() -> tuple[tuple[int, ...], ...]:
    """The prefilter index of each combination's factors: they follow the cue patterns."""
    indexes, at = [], len(CUES)
    for item in COMBOS:
        indexes.append(tuple(range(at, at + len(item.factors))))
        at += len(item.factors)
    return tuple(indexes)


COMBO_FACTORS = _factor_indexes()

PREFILTER = Prefilter(
    [cue.pattern.pattern for cue in CUES]
    + [factor.pattern for item in COMBOS for factor in item.factors]
)
