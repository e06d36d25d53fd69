"""Where someone lives: Dutch postcodes and street addresses, Dutch and English.

A Dutch postcode is four digits and two letters, a pattern that ordinary sentences also make
("in 2024 en", "1000 km"); written in capitals or without a space it is a postcode, written in
lower case with a space only when the letters are not a word. A street address is a street
name ending in one of the usual parts (-straat, -laan, -weg, ...) followed by a house number;
"straat 3 keer overgestoken" has no name before the part and "onderweg 10 min" counts minutes.
"""

from __future__ import annotations

import re

from moderation.contacts.findings import ContactKind, Finding
from moderation.contacts.normalise import lowered
from moderation.contacts.vocabulary import COUNTED_WORDS, TWO_LETTER_WORDS, UNITS

# The first digit comes before the look back at what precedes it: Python then searches fast
# for a digit instead of trying the look-behind everywhere.
_POSTCODE = re.compile(
    r"[1-9](?<![\w.,€$£+/-][1-9])[0-9]{3}(?P<space> ?)(?P<letters>[A-Za-z]{2})(?!\w)"
)
_NOT_USED = frozenset({"SA", "SD", "SS"})  # PostNL never gives out these letter pairs
_TOWN = re.compile(r" +[A-Z][a-z]")

_SUFFIXES = (
    r"(?:straat|str\.?|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef|markt|baan"
    r"|erf|park|plantsoen|boulevard|allee)"
)
_NUMBER_WORD = r"(?:(?:nr|no|nummer)\.?\s*)?"
_NUMBER = rf"\s+{_NUMBER_WORD}"
# Found in the lowered text; the whole pattern is then tried from the start of the word.
_STREET_HINT = re.compile(rf"{_SUFFIXES}{_NUMBER}[1-9]")
_NL_STREET = re.compile(
    rf"(?<![\w'-])(?P<word>(?P<stem>[^\W\d_][\w'-]*?)?(?i:{_SUFFIXES}))"
    rf"{_NUMBER}(?P<number>[1-9][0-9]{{0,4}})"
    r"(?P<addition>\s?-\s?[0-9]{1,4}(?![0-9])|-?[A-Za-z](?!\w)|\s[A-Z](?!\w)"
    r"|[\s-](?i:bis|hs|huis|boven|beneden|zw|rd|rood|I{1,3}|IV)(?!\w))?"
    r"(?![.,:][0-9]|[\w%])"
)
# Words ending like a street that are not one ("de achtbaan 2", "het schoolplein 3").
_NOT_STREETS = frozenset(
    {
        "onderweg", "halfweg", "omweg", "uitweg", "snelweg", "autoweg", "rijbaan", "loopbaan",
        "bijbaan", "achtbaan", "ijsbaan", "zwembaan", "glijbaan", "racebaan", "renbaan",
        "pretpark", "attractiepark", "vakantiepark", "dierenpark", "kerkhof",
        "gerechtshof", "schoolplein", "speelplein", "fietspad", "voetpad", "wandelpad",
        "arbeidsmarkt", "woningmarkt", "supermarkt", "kerstmarkt", "vlooienmarkt", "jaarmarkt",
        "weekmarkt", "verf", "sterf", "bederf", "durf",
    }
)  # fmt: skip
# Capitalised words before the street word that belong to its name ("Van Gogh", "Oude"), and
# the lower-case particles that may sit between them ("Burgemeester van Reenensingel").
_WORD_BEFORE = re.compile(r"([\w'.-]+)\s+")
_PARTICLES = frozenset({"van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "op", "aan"})
# Capitalised words that start a sentence or a phrase rather than a street name.
_STARTERS = frozenset(
    {
        "in", "op", "aan", "bij", "naar", "via", "vanaf", "uit", "langs", "over", "voor",
        "achter", "naast", "tegenover", "richting", "ik", "wij", "we", "hij", "zij", "ze",
        "je", "jij", "u", "mijn", "onze", "ons", "woon", "wonen", "adres", "en", "of", "is",
        "at", "on", "to", "from", "my", "our", "and", "the", "i",
    }
)  # fmt: skip

# Streets named "Laan van ...": the part first, the name after it. Whether a letter comes
# before "Laan" is checked afterwards, so that Python can search for the capital first.
_PART_FIRST = re.compile(
    r"(?:Laan|Plein|Weg|Kade|Singel|Dijk|Hof|Dreef|Markt|Straat|Gracht)"
    r" (?:(?:van|der|de|den|ter|ten|op|aan|het|'t) )+(?:[A-Z][\w'-]+ ){1,3}"
    rf"{_NUMBER_WORD}[1-9][0-9]{{0,4}}(?:-?[A-Za-z](?!\w)|-[0-9]{{1,4}})?(?![.,:][0-9]|[\w%])"
)
_EN_STREET = re.compile(
    r"[1-9](?<![\w.,€$£-][1-9])[0-9]{0,4}[A-Za-z]?\s+(?:[A-Z][a-z'-]+\s+){1,3}"
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Place|Pl|Court|Ct|Crescent"
    r"|Terrace|Gardens|Square|Sq|Boulevard|Blvd|Grove|Mews|Parade)\b"
)
_NEXT_WORD = re.compile(r"\s*([^\s.,!?;:)]+)")


def find_postcodes(text: str) -> list[Finding]:
    """Dutch postcodes in a folded text, in order."""
    return [
        Finding(ContactKind.postcode, match.start(), match.end())
        for match in _POSTCODE.finditer(text)
        if _is_postcode(text, match)
    ]


def _is_postcode(text: str, match: re.Match[str]) -> bool:
    letters = match["letters"]
    if letters.upper() in _NOT_USED:
        return False
    if not match["space"]:
        return letters.isupper() or letters.lower() not in UNITS
    if letters.lower() not in TWO_LETTER_WORDS:
        return True
    # "3511 EN Utrecht" is a postcode, "IN 2024 EN 2025" is shouting.
    return letters.isupper() and bool(_TOWN.match(text, match.end()))


def find_streets(text: str) -> list[Finding]:
    """Street addresses (a street and a house number) in a folded text, in order."""
    found = []
    for hint in _STREET_HINT.finditer(lowered(text)):
        match = _NL_STREET.match(text, _word_start(text, hint.start()))
        if match and (start := _dutch_street_start(text, match)) is not None:
            found.append(Finding(ContactKind.street_address, start, match.end()))
    for match in _PART_FIRST.finditer(text):
        starts_a_word = match.start() == 0 or not text[match.start() - 1].isalnum()
        if starts_a_word and not _counts(text, match.end()):
            found.append(Finding(ContactKind.street_address, match.start(), match.end()))
    found.extend(
        Finding(ContactKind.street_address, match.start(), match.end())
        for match in _EN_STREET.finditer(text)
    )
    return sorted(found, key=lambda finding: finding.start)


def _word_start(text: str, position: int) -> int:
    while position > 0 and (text[position - 1].isalnum() or text[position - 1] in "_'-"):
        position -= 1
    return position


def _dutch_street_start(text: str, match: re.Match[str]) -> int | None:
    """Where the street name starts, or None when this is no address after all."""
    word = match["word"]
    if word.lower() in _NOT_STREETS or (match["addition"] or "").strip("- ").lower() == "x":
        return None
    if _counts(text, match.end()):
        return None
    start = _name_start(text, match.start())
    # A bare "straat" or "weg" is only a street with a name before it ("Oude Gracht").
    if match["stem"] is None and start == match.start():
        return None
    return start


def _counts(text: str, end: int) -> bool:
    """Whether the number that ends at ``end`` counts something ("3 keer", "10 min")."""
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1).lower() in COUNTED_WORDS


def _name_start(text: str, word_start: int) -> int:
    """Include capitalised words right before the street word (up to three, with particles
    between them); leave out sentence starters and leading particles."""
    words = list(_WORD_BEFORE.finditer(text, max(0, word_start - 60), word_start))
    start = word_start
    edge = word_start  # where the next word to the left must end
    for token in reversed(words[-5:]):
        if token.end() != edge:
            break
        word = token.group(1)
        if word.lower() in _PARTICLES and not word[0].isupper():
            edge = token.start()
            continue
        if not word[0].isupper() or word.lower() in _STARTERS:
            break
        start = edge = token.start()
    return start
