"""Find the strongest risk cue in one message.

Recall comes first: a young person at risk who gets no cue is worse than a volunteer reading one
message too many. So every lexicon match is a cue unless a context rule clears it, and a rule
clears only the phrasings its :class:`~moderation.signals.cues.Profile` allows.

The strongest cue is an acute one before a non-acute one; between equals suicide comes before
self-harm before abuse. (The kind only helps a volunteer read the cue; all three are cues.)
Combinations of weak signs (:mod:`.cumulative`) are cues like any lexicon match; the prefilter
runs one only when each of its factors could occur.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from moderation.signals import context, cumulative
from moderation.signals.cues import Cue, Profile
from moderation.signals.cumulative import Combo
from moderation.signals.lexicon import COMBO_FACTORS, COMBOS, CUES, PREFILTER
from moderation.signals.model import Signal, SignalKind
from moderation.signals.normalise import fold_variants

_RANK = {SignalKind.suicide: 3, SignalKind.self_harm: 2, SignalKind.abuse: 1}


@dataclass(frozen=True)
class _Hit:
    kind: SignalKind
    acute: bool
    weak: bool
    start: int


def _cleared(profile: Profile, text: str, match: re.Match[str], sincere: bool) -> bool:
    """Whether the context of ``match`` shows it is not meant (see :mod:`.context`)."""
    start, end = match.span()
    if profile.negatable and context.negated(text, start, end):
        return True
    if profile.non_literal and not sincere and context.non_literal(text, start, end):
        return True
    if profile.idiom_before and not sincere and context.idiom_before(text, start):
        return True
    if profile.fiction and context.fictional(text, start, end):
        return True
    if profile.game and context.in_game(text, start, end):
        return True
    if profile.past and context.recovered(text, start, end):
        return True
    if profile.accident and context.accidental(text, start, end):
        return True
    if profile.leisure and context.leisure(text, start, end):
        return True
    if profile.school and context.about_school(text, start, end):
        return True
    if profile.ordinary and context.ordinary(text, start, end):
        return True
    if profile.habit and context.habit(text, start, end):
        return True
    if profile.ultimatum and not sincere and context.ultimatum(text, start, end):
        return True
    return profile.playful and context.playful(text, start, end)


def _acute(cue: Cue | Combo, text: str, match: re.Match[str]) -> bool:
    if cue.acute:
        return True
    start, end = match.span()
    return context.acute_context(
        text,
        start,
        end,
        means=cue.kind is SignalKind.suicide,
        danger=cue.kind is SignalKind.abuse,
    )


def _hits(text: str) -> list[_Hit]:
    """Every cue in one folded form of the message that its context does not clear."""
    candidates = PREFILTER.candidates(text)
    if not candidates:
        return []
    sincere = context.sincere(text)
    hits: list[_Hit] = []
    found = set(candidates)
    for cue in (CUES[index] for index in candidates if index < len(CUES)):
        for match in cue.pattern.finditer(text):
            if not _cleared(cue.profile, text, match, sincere):
                weak = cue.profile.weak and not sincere
                hits.append(_Hit(cue.kind, _acute(cue, text, match), weak, match.start()))
    for item, indexes in zip(COMBOS, COMBO_FACTORS, strict=True):
        if not found.issuperset(indexes):
            continue
        for match in cumulative.anchors(item, text):
            if not _cleared(item.profile, text, match, sincere):
                hits.append(_Hit(item.kind, _acute(item, text, match), False, match.start()))
    return hits


def _counted(hits: list[_Hit]) -> list[_Hit]:
    """Drop weak hits that stand alone: a weak cue needs a second cue at another place."""
    places = {hit.start for hit in hits}
    if len(places) > 1:
        return hits
    return [hit for hit in hits if not hit.weak]


def detect(text: str) -> Signal | None:
    """The strongest risk signal in ``text``, or ``None`` when there is none."""
    if not text or text.isspace():
        return None
    hits: list[_Hit] = []
    for variant in fold_variants(text):
        hits.extend(_counted(_hits(context.blank_titles(variant))))
    if not hits:
        return None
    best = max(hits, key=lambda hit: (hit.acute, _RANK[hit.kind]))
    return Signal(kind=best.kind, acute=best.acute)


def priority(text: str) -> int:
    """The chat-queue priority of a first message: 0 no signal, 1 a signal, 2 an acute one."""
    signal = detect(text)
    if signal is None:
        return 0
    return 2 if signal.acute else 1
