"""Which language a person reads: Dutch by default, English when they prefer it."""

from __future__ import annotations

from typing import Literal

Language = Literal["nl", "en"]
SUPPORTED: tuple[Language, ...] = ("nl", "en")


def negotiate(accept_language: str | None, default: Language = "nl") -> Language:
    """Pick the best supported language from an ``Accept-Language`` header.

    Ranges are ordered by their q-value; ``en-GB`` matches ``en``; ``*`` or nothing usable
    falls back to the default, never to an error.
    """
    if not accept_language:
        return default
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, position, tag.strip().lower()))
    for negative_quality, _, tag in sorted(ranked):
        if negative_quality >= 0:
            break
        primary = tag.split("-")[0]
        if primary in SUPPORTED:
            return primary
        if primary == "*":
            return default
    return default
