"""E-mail addresses, also the ones written so that a filter misses them.

Young people who know a plain address gets caught write "naam at gmail dot com", "naam(at)
gmail.com" or "naam [at] hotmail punt nl". Brackets around "at" or spaces around "@" are a
clear sign. A bare " at " is ordinary English ("ik ben at home", "look at youtube.com"), so an
address with it counts only when its dot is written out too or the domain is a mail provider.
"""

from __future__ import annotations

import re

from moderation.contacts.findings import ContactKind, Finding
from moderation.contacts.normalise import lowered
from moderation.contacts.vocabulary import (
    AT_WORD_PROVIDERS,
    COMMON_TLDS,
    MAIL_PROVIDERS,
    OTHER_TLDS,
)

_LOCAL = r"(?<![\w.+%-])\w[\w.+%-]{0,63}"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_PROVIDERS = "|".join(sorted(MAIL_PROVIDERS))

# All patterns run on the lowered text (``normalise.lowered``).
_PLAIN = re.compile(
    rf"{_LOCAL}@(?:(?:{_LABEL}\.)+[a-z]{{2,24}}(?![\w-])|(?:{_PROVIDERS})(?![\w-]|\.\w))"
)
_AT = (
    r"(?:\s*[\[({<]\s*(?:at|@|apenstaartje)\s*[\])}>]\s*"
    r"|\s+@\s*|\s*@\s+"
    r"|\s+(?P<word>at|apenstaartje)\s+)"
)
_DOT = r"(?:\.|\s+\.\s+|\s*[\[({<]\s*(?:dot|punt|\.)\s*[\])}>]\s*|\s+(?:dot|punt)\s+)"
_OBFUSCATED = re.compile(
    rf"{_LOCAL}{_AT}(?P<domain>{_LABEL}(?:{_DOT}{_LABEL})*?{_DOT}(?P<tld>[a-z]{{2,24}}))(?![\w-])"
)
# "naam at gmail", "naam(at)hotmail": a provider's name says "mail" without its domain.
_AT_PROVIDER = re.compile(rf"{_LOCAL}{_AT}(?:{_PROVIDERS})(?![\w@-]|\s*{_DOT}[a-z])")
_PLAIN_DOMAIN = re.compile(r"[\w.-]+")
# Only a text with "@", "apenstaartje" or the word "at" can hold an address. The word is
# found by its letters first, which is much faster than starting with a word boundary.
_AT_WORD = re.compile(r"at(?<![a-z0-9]at)(?![a-z0-9])")


def find_emails(text: str) -> list[Finding]:
    """E-mail addresses in a folded text, plain and obfuscated, in order."""
    lower = lowered(text)
    if "@" not in lower and "apenstaartje" not in lower and not _AT_WORD.search(lower):
        return []
    spans = [match.span() for match in _PLAIN.finditer(lower)] if "@" in lower else []
    for match in _OBFUSCATED.finditer(lower):
        if _is_obfuscated_address(match) and not _within(match.span(), spans):
            spans.append(match.span())
    for match in _AT_PROVIDER.finditer(lower):
        if not _within(match.span(), spans):
            spans.append(match.span())
    return [Finding(ContactKind.email, start, end) for start, end in sorted(spans)]


def _within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


def _is_obfuscated_address(match: re.Match[str]) -> bool:
    tld = match["tld"]
    if tld not in COMMON_TLDS and tld not in OTHER_TLDS and len(tld) != 2:
        return False
    if match["word"] is None:
        return True
    domain = match["domain"]
    dot_written_out = not _PLAIN_DOMAIN.fullmatch(domain)
    return dot_written_out or domain.split(".", 1)[0] in AT_WORD_PROVIDERS
