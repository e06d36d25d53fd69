"""Fold a text into the plain form the detectors are written against, keeping the way back.

Contact details are hidden in ways that defeat a plain regular expression: fullwidth or
mathematical digits ("０６", "𝟎𝟔"), keycap emoji ("0️⃣6️⃣"), zero-width characters between
digits, en dashes as separators. NFKC folds most of them, the rest is removed or replaced here.

Detectors then see the folded text, but every position they report is mapped back to the text
as written: a client marks the characters the young person typed. Most messages are plain
ASCII or only add emoji; for them the folded text is the text itself and nothing is mapped.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# Characters that render as nothing (or only change how a neighbour renders) and are used to
# split a number or an address so that a filter misses it. Removing ZWJ breaks up family emoji,
# which no detector looks at.
_INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u20e3\ufe0e\ufe0f\ufeff"
)
# Punctuation NFKC leaves alone but that the detectors read as its ASCII form.
_PLAIN = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2024": ".",
        "\u3002": ".",
    }
)
# What may need folding: a non-ASCII character, with any marks after it, or an ASCII character
# with marks ("e" + U+0301, "8" + U+FE0F + U+20E3).
# Combining marks, variation selectors and the keycap: they belong to the character before, so
# a keycap "8️⃣" is one cluster and a number found in keycaps ends after its last keycap.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
_CLUSTER = re.compile(f"[^\\x00-\\x7f][{_MARKS}]*|.[{_MARKS}]+")


@lru_cache(maxsize=4096)
def _fold(cluster: str) -> str:
    """The folded form of one cluster: NFKC, invisible characters gone, any decimal digit
    (Arabic-Indic, Devanagari, ...) as its ASCII digit."""
    folded = unicodedata.normalize("NFKC", cluster).translate(_PLAIN)
    if any(char in _INVISIBLE for char in folded):
        folded = "".join(char for char in folded if char not in _INVISIBLE)
    if any(char.isdecimal() and not char.isascii() for char in folded):
        folded = "".join(
            str(unicodedata.decimal(char)) if char.isdecimal() else char for char in folded
        )
    return folded


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text and the way back to the original's positions.

    ``_pieces`` lists, in order, the folded characters that are not a plain copy: (start and
    end in the folded text, start and end in the original). Between pieces the two texts run
    in step.
    """

    text: str
    _pieces: tuple[tuple[int, int, int, int], ...] = ()
    _starts: tuple[int, ...] = ()

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` came from."""
        if not self._pieces:
            return start, end
        return self._map(start, is_end=False), self._map(end, is_end=True)

    def _map(self, position: int, *, is_end: bool) -> int:
        # The last piece starting at or before the character at ``position`` (for an end, the
        # character before it). Inside a piece the whole original cluster is taken.
        probe = position - 1 if is_end else position
        index = bisect_right(self._starts, probe) - 1
        if index < 0:
            return position
        _, end, original_start, original_end = self._pieces[index]
        if probe < end:
            return original_end if is_end else original_start
        return original_end + (position - end)


def fold(text: str) -> Folded:
    """The text as the detectors read it; see the module docstring for what changes."""
    if text.isascii():
        return Folded(text)
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    copied = 0  # end of the original text handled so far
    length = 0  # length of the folded text so far
    for match in _CLUSTER.finditer(text):
        cluster = match.group()
        folded = _fold(cluster)
        if folded == cluster:
            continue
        parts.append(text[copied : match.start()])
        length += match.start() - copied
        parts.append(folded)
        if folded:
            pieces.append((length, length + len(folded), match.start(), match.end()))
        else:
            # Nothing in the folded text comes from a removed character; a zero-length piece
            # keeps the offset between the two texts right for what follows.
            pieces.append((length, length, match.start(), match.end()))
        length += len(folded)
        copied = match.end()
    if not pieces:
        return Folded(text)
    parts.append(text[copied:])
    return Folded("".join(parts), tuple(pieces), tuple(piece[0] for piece in pieces))


def lowered(text: str) -> str:
    """The text in lower case with every character where it was.

    Patterns run on this rather than with ``re.IGNORECASE``, which keeps Python's fast search
    for a pattern's first characters and is several times quicker. A few characters grow when
    lowered ("İ" becomes two); they stay as they are so that positions still agree.
    """
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
