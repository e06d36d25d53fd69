"""Care-first risk-signal detection in Dutch and English messages of young people.

``detect(text)`` returns the strongest :class:`Signal` (suicide, self-harm or abuse; acute or
not) or ``None``; ``priority(text)`` turns that into 0, 1 or 2 for the chat queue. It runs on
every room message and on the first message of a chat request. A signal never hides a message
and never labels a person: it is a private cue for the volunteers on shift. Missing someone at
risk is worse than an extra cue, so the detector is recall-first, with enough precision that
volunteers are not flooded.

How the hard cases are treated (and labelled in ``tests/moderation/signals_*.tsv``):

* **Someone else at risk** ("mijn vriendin zegt dat ze dood wil", "my friend cuts herself",
  "my friend's dad hits her") *is* a signal, of the kind at stake: the writer needs support too,
  and a volunteer may help them help their friend.
* **Negation** clears a cue: "ik wil niet dood", "I'm not suicidal anymore", "ik doe mezelf
  geen pijn", "mijn moeder slaat ons nooit". Phrases that are negative in themselves stay cues:
  "ik wil niet meer leven", "I don't want to be here anymore", "I can't stop thinking about
  suicide".
* **Hyperbole and idioms** are not signals: "ik ga dood van de stress haha", "I'd die for pizza",
  "this homework is killing me", "I could kill my brother lol", "dying 💀💀", "kms the bus is
  late". A laugh (haha, lol, 😂, 💀) near a wish to die clears it; it does *not* clear
  hopelessness ("nobody would miss me lol"), a plan, a means, or abuse. "kms" alone counts only
  with a sincerity marker ("kms fr") or a second cue.
* **Games, media, quotes, news, school work** are not signals: "I killed myself in Minecraft",
  "Suicide Squad", "13 Reasons Why", "a presentation on suicide prevention", a line inside
  quotation marks or introduced as a song. An unmarked song line is indistinguishable from the
  writer's own words and is a signal.
* **Past and recovery** are not signals: "2 jaar clean van snijden 💪", "I used to want to die
  but now life is good". A relapse is: "weer gekrast", "3 maanden clean verpest", "cut again".
  Past abuse is a signal ("toen ik klein was"): it is still a disclosure that needs care.
* **Questions for information** ("what's the 113 number", "wat doet 113 precies") are not
  signals by themselves; a question that says the writer is at risk ("ik heb
  zelfmoordgedachten, moet ik 113 bellen?") is.
* **Insults between users** ("kys", "je bent een loser") are not abuse signals; they are for the
  moderation flags, not for this detector.

**Warning signs that do not name the risk** (``lexicon_signs``) are cues too: goodbyes to
everyone, letters for the family, giving things or a pet away, looking up heights or passing
trains, a relapse or an urge, a friend's marks explained away, bruises explained by a parent's
anger, a forced marriage, a controlling partner. Each clears on its everyday reading ("tot
morgen", a birthday, a move, "relapsed on sugar", sport), not on a laugh.

``acute`` means an intent with a plan, a means or a time ("vanavond", "tonight", "pills saved
up", "standing on the bridge") for suicide, an urge with a time ("rn", "tonight") for self-harm,
and a danger now ("right now", "hij staat voor de deur", "I'm scared") for abuse.

Pure Python and the standard library only; no database and nothing from ``app``.
"""

from __future__ import annotations

from moderation.signals.detector import detect, priority
from moderation.signals.model import Signal, SignalKind

__all__ = ["Signal", "SignalKind", "detect", "priority"]
