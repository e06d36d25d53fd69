"""The shape of one lexicon entry: a pattern, the kind it signals, and how context may clear it.

Each pattern is written against the folded text (see :mod:`.normalise`). Whether a match really
is a cue depends on its context, and that dependence differs by phrasing: "ik wil dood" is
cleared by "niet" or by a following "van de stress", but "niemand zou me missen" is not cleared by
a "haha" (people mask despair with a laugh). A :class:`Profile` names which context rules may
clear a match, so every entry in the lexicon states its own trade-off in one word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from moderation.signals.model import SignalKind


@dataclass(frozen=True)
class Profile:
    """Which context rules (see :mod:`.context`) may clear a match of a cue."""

    negatable: bool = False  # "niet", "not", "never" just before (or, in Dutch, just after)
    non_literal: bool = False  # "haha", "lol", 😂, "van de stress", "of embarrassment"
    fiction: bool = False  # films, books, songs, school assignments, quotes, news
    game: bool = False  # "beat me at fifa", "in minecraft"
    past: bool = False  # "vroeger", "used to", "2 jaar clean", unless there is a relapse
    accident: bool = False  # "cut myself shaving", "aan een stuk papier"
    playful: bool = False  # "hit me with a pillow", "sloeg me met een kussen", "per ongeluk"
    leisure: bool = False  # "van de brug springen in het kanaal", "cliff jumping", "bungee"
    school: bool = False  # exams, homework, grades right by the phrase
    idiom_before: bool = False  # "die toets was echt zelfmoord"
    weak: bool = False  # counts only with a sincerity marker ("fr") or a second cue
    habit: bool = False  # "relapsed on sugar", "de drang naar chocola", "cravings for fries"
    ordinary: bool = False  # "tot morgen", "for mother's day", "moving house", "sold it"
    ultimatum: bool = False  # "als ik dat liedje nog 1 keer hoor spring ik ... 😂"


# A wish to die or to end one's life: clear it on negation, hyperbole, fiction, recovery.
WISH = Profile(negatable=True, non_literal=True, fiction=True, game=True, past=True)
# Hopelessness, being a burden, "nobody would miss me": a laugh does not clear it.
HOPELESS = Profile(fiction=True, game=True, past=True)
# Strain that teenagers also say of homework ("ik trek het niet meer ... haha").
STRAIN = Profile(non_literal=True, fiction=True, game=True, past=True, school=True)
# A plan, a means or a preparation: a joke does not clear it.
PLAN = Profile(negatable=True, fiction=True, game=True, past=True)
# Jumping from a height: also cleared by leisure ("into the lake", "bungee").
JUMP = Profile(negatable=True, fiction=True, game=True, past=True, leisure=True, ultimatum=True)
# The topic word itself ("zelfmoord", "suicidal", "self harm").
TOPIC = Profile(
    negatable=True, non_literal=True, fiction=True, game=True, past=True, idiom_before=True
)
# Hurting oneself: cleared also by an everyday accident.
INJURY = Profile(
    negatable=True, non_literal=True, fiction=True, game=True, past=True, accident=True
)
# Being hit, locked up or threatened by someone: only negation, games and play clear it.
HARM = Profile(negatable=True, game=True, playful=True)
# Harm phrases that double as idioms ("klappen krijgen van de toets haha"): a laugh clears them.
HARM_IDIOM = Profile(negatable=True, non_literal=True, game=True, playful=True)
# Secrecy, grooming, coercion, fear of home ("told me not to tell", "dingen die ik niet wilde",
# "durf niet naar huis", "zeggen dat ik beter nooit geboren was"): the negation is the cue.
COERCION = Profile(fiction=True)
# Naming sexual abuse or violence: cleared by negation and by fiction, news or school.
DISCLOSURE = Profile(negatable=True, fiction=True)
# Saying goodbye, thanking everyone, "was leuk jullie te kennen": a "tot morgen", a move, a
# holiday or a laugh shows an ordinary goodbye. Not negatable: "vergeet me niet" is the cue.
FAREWELL = Profile(non_literal=True, fiction=True, game=True, ordinary=True)
# Preparations that also have everyday reasons: letters, giving things away, a pet looked after.
# A laugh does not clear them; a birthday, a move, a sale or a holiday does. Not cleared by a
# game nearby: "gave away all my games" is the cue.
SETTLING = Profile(negatable=True, fiction=True, past=True, ordinary=True)
# A relapse or an urge with no object ("relapsed", "de drang is zo erg"): only a habit named
# nearby ("on sugar", "naar chocola", "to vape") clears it, not a laugh that may mask it.
URGE = Profile(negatable=True, fiction=True, game=True, habit=True)
# The means of self-harm (blades, sharpener blades, "het mesje"): a joke does not clear it.
BLADE = Profile(negatable=True, fiction=True, game=True, past=True, accident=True)
# Marks explained by someone's anger ("blauwe plekken ... papa was boos"): sport clears it.
BRUISE = Profile(negatable=True, game=True, playful=True, accident=True)
# Too common as hyperbole to count alone ("kms the bus is late").
WEAK = Profile(negatable=True, non_literal=True, fiction=True, game=True, past=True, weak=True)
# Weak and negative in itself ("ik kan niet meer", "i can't do this anymore").
WEAK_STRAIN = Profile(non_literal=True, fiction=True, game=True, past=True, weak=True)


@dataclass(frozen=True)
class Cue:
    """One pattern of the lexicon."""

    kind: SignalKind
    pattern: re.Pattern[str]
    profile: Profile
    acute: bool = False  # the phrase itself is a plan, a means or a danger now


def cues(kind: SignalKind, profile: Profile, *patterns: str, acute: bool = False) -> list[Cue]:
    """Compile ``patterns`` into cues sharing one kind and profile."""
    return [Cue(kind, re.compile(p), profile, acute) for p in patterns]
