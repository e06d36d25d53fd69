"""Which lexicon patterns could match at all: a cheap literal test before the regular expressions.

Running two hundred regular expressions over every room message would cost about half a
millisecond each time; almost all messages contain no cue. So for each pattern we work out, once
at import, a set of literal strings of which *every* match must contain at least one ("dood" for
``\\bwil(?: gewoon)* dood\\b``; "slaat me", "sloeg me", ... for an alternation). A pattern is only
run when one of its literals occurs in the text, which ``str.__contains__`` checks in C.

The analysis reads the pattern source and understands the small regex subset the lexicon uses
(literals, escapes, classes, groups, alternation, quantifiers, look-arounds). It is conservative:
whatever it does not understand, or a pattern without a useful literal, gives ``None``, meaning
"always run this pattern". It can therefore make detection faster but never change its result;
the tests check that on every labelled message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MAX_EXACT = 12  # more alternatives than this are not worth spelling out
_MIN_LITERAL = 3  # shorter literals ("ik ", "me") occur in nearly every message
_LONG_ENOUGH = 5  # beyond this length a literal is rare enough; fewer literals matter more
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_CLASS_ESCAPES = frozenset("wWsSdD")


class _Unsupported(Exception):
    """The pattern uses syntax this analysis does not model."""


@dataclass(frozen=True)
class _Info:
    """What is known about the strings a regex node matches."""

    exact: frozenset[str] | None  # every string it can match, when few; else None
    factors: frozenset[str] | None  # one of these occurs in every match; None if unknown


_ANY = _Info(exact=None, factors=None)
_EMPTY = _Info(exact=frozenset({""}), factors=None)


def _score(strings: frozenset[str] | None) -> tuple[int, int]:
    """Prefer literals long enough to be rare, then as few of them as possible."""
    if not strings:
        return (0, 0)
    shortest = min(len(s.strip()) for s in strings)
    if shortest < _MIN_LITERAL:
        return (0, 0)
    return (min(shortest, _LONG_ENOUGH), -len(strings))


def _best(*candidates: frozenset[str] | None) -> frozenset[str] | None:
    best = max(candidates, key=_score, default=None)
    return best if _score(best)[0] > 0 else None


class _Parser:
    """A recursive-descent reader of one pattern, returning :class:`_Info` per node."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.at = 0

    def peek(self) -> str:
        return self.source[self.at] if self.at < len(self.source) else ""

    def take(self) -> str:
        char = self.peek()
        self.at += 1
        return char

    def alternation(self) -> _Info:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.take()
            branches.append(self.sequence())
        exact: frozenset[str] | None = frozenset()
        factors: frozenset[str] | None = frozenset()
        for branch in branches:
            exact = exact | branch.exact if exact is not None and branch.exact else None
            own = branch.factors or (branch.exact if _score(branch.exact)[0] else None)
            factors = factors | own if factors is not None and own else None
        if exact is not None and len(exact) > _MAX_EXACT:
            exact = None
        return _Info(exact, factors)

    def sequence(self) -> _Info:
        """A run of atoms; its exact strings are known only if every atom's are."""
        current: frozenset[str] | None = frozenset({""})
        complete = True  # every atom so far had exact strings
        candidates: list[frozenset[str] | None] = []
        while self.peek() not in ("", "|", ")"):
            item = self.quantified(self.atom())
            candidates.append(item.factors)
            if current is not None and item.exact is not None:
                joined = frozenset(a + b for a in current for b in item.exact)
                current = joined if len(joined) <= _MAX_EXACT else None
                complete = complete and current is not None
            else:
                candidates.append(current)
                current = item.exact
                complete = False
        candidates.append(current)
        return _Info(exact=current if complete else None, factors=_best(*candidates))

    def quantified(self, item: _Info) -> _Info:
        char = self.peek()
        if char not in ("?", "*", "+", "{"):
            return item
        self.take()
        minimum = {"?": 0, "*": 0, "+": 1}.get(char, 0)
        if char == "{":
            bounds = self.source[self.at : self.source.index("}", self.at)]
            self.at += len(bounds) + 1
            minimum = int(bounds.split(",")[0] or 0)
            single = bounds in ("0,1", "1", "1,1")
        else:
            single = char == "?"
        if self.peek() == "?":
            self.take()  # lazy: matches the same strings
        if minimum == 0:
            optional = item.exact | {""} if single and item.exact is not None else None
            return _Info(exact=optional, factors=None)
        exact = item.exact if single else None
        return _Info(exact=exact, factors=item.factors or item.exact)

    def atom(self) -> _Info:
        char = self.take()
        if char == "(":
            return self.group()
        if char == "[":
            self.at = self.source.index("]", self.at + 1) + 1
            return _ANY
        if char == "\\":
            escaped = self.take()
            if escaped in _ZERO_WIDTH_ESCAPES:
                return _EMPTY
            if escaped in _CLASS_ESCAPES or escaped.isalnum():
                return _ANY
            return _Info(exact=frozenset({escaped}), factors=None)
        if char in ("^", "$"):
            return _EMPTY
        if char == ".":
            return _ANY
        if char in ("*", "+", "?", "{", ")", "|", ""):
            raise _Unsupported(char)
        return _Info(exact=frozenset({char}), factors=None)

    def group(self) -> _Info:
        if self.source.startswith("?:", self.at):
            self.at += 2
        elif self.source.startswith(("?=", "?!", "?<=", "?<!"), self.at):
            self.at += 3 if self.source[self.at + 1] == "<" else 2
            self.alternation()
            self.expect(")")
            return _EMPTY
        elif self.peek() == "?":
            raise _Unsupported("group flag")
        inner = self.alternation()
        self.expect(")")
        return inner

    def expect(self, char: str) -> None:
        if self.take() != char:
            raise _Unsupported(f"expected {char!r}")


def necessary_literals(pattern: str) -> frozenset[str] | None:
    """Literals one of which every match of ``pattern`` contains, or ``None`` if unknown."""
    parser = _Parser(pattern)
    try:
        info = parser.alternation()
        if parser.at != len(pattern):
            raise _Unsupported("trailing input")
    except (_Unsupported, ValueError, IndexError):
        return None
    literals = _best(info.factors, info.exact)
    if literals is None:
        return None
    # "manier" already covers "manieren": keep only literals that contain no other one.
    return frozenset(a for a in literals if not any(b != a and b in a for b in literals))


_Trie = dict[str, "_Trie"]


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation of ``words``, shaped as a trie so each step tests one character."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class Prefilter:
    """For a list of patterns: which of them could match a given text.

    All literals are searched at once with one trie-shaped look-ahead, which finds at every
    position the longest literal starting there; every other literal starting there is a prefix
    of it, so each literal stands for the patterns of all its literal prefixes too.
    """

    def __init__(self, patterns: list[str]) -> None:
        by_literal: dict[str, set[int]] = {}
        always = set()
        for index, pattern in enumerate(patterns):
            literals = necessary_literals(pattern)
            if literals is None:
                always.add(index)
            for literal in literals or ():
                by_literal.setdefault(literal, set()).add(index)
        self.always = frozenset(always)
        self._covers = {
            literal: frozenset().union(
                *(indexes for other, indexes in by_literal.items() if literal.startswith(other))
            )
            for literal in by_literal
        }
        self._search = re.compile(f"(?=({_trie_pattern(sorted(by_literal))}))")

    def candidates(self, text: str) -> list[int]:
        """Indexes of the patterns that might match ``text``, in their original order."""
        found = set(self.always)
        for literal in set(self._search.findall(text)):
            found |= self._covers[literal]
        return sorted(found)
