"""Risk signals in a first message: a private cue for the volunteers on shift, which raises a
request's place in the queue. Never shown to the young person, never stored as a label on them
(it lives on the request, and only as a number).

Pluggable: the service takes any ``RiskSignal`` (``app.state.risk_signal``); the service runs
the moderation package's detector (``moderation.signals.priority``: Dutch and English, with
negation and context), and tests may pass their own.
"""

from __future__ import annotations

from collections.abc import Callable

RiskSignal = Callable[[str], int]  # text -> priority (0: none; higher: sooner)
