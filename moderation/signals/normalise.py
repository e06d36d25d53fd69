"""Fold a message into the plain form the lexicon is written against.

Young people write fast: no capitals, stretched letters ("doooood"), leetspeak ("z3lfm00rd"),
contractions ("kheb", "kzie", "im", "dont") and abbreviations ("kms", "rn", "idk"). Rather than
teaching every pattern each spelling, the text is folded once into lowercase words separated by
single spaces, with diacritics removed and the common youth spellings written out, so that one
pattern ("ik zie het niet meer zitten") covers them all. Clause punctuation (, . ! ?) is kept as
separate tokens because the context rules stop at clause boundaries; emoji are kept because 😂
and 💀 say "this is a joke".

A stretched letter is ambiguous: "doooood" means "dood" but "diiiie" means "die". The main fold
shortens a run of three or more to two letters; when the text had such a run,
:func:`fold_variants` also returns a second fold with the runs shortened to one letter, and the
detector looks at both.
"""

from __future__ import annotations

import re
import unicodedata

# Whole words written out. Keys are already lowercase, without apostrophes or diacritics.
_WORDS: dict[str, str] = {
    # Dutch
    "nie": "niet",
    "nit": "niet",
    "niks": "niets",
    "mn": "mijn",
    "zn": "zijn",
    "dr": "haar",
    "ie": "hij",
    "ff": "even",
    "gwn": "gewoon",
    "gwoon": "gewoon",
    "egt": "echt",
    "k": "ik",
    "kzie": "ik zie",
    "kheb": "ik heb",
    "kwil": "ik wil",
    "kben": "ik ben",
    "kga": "ik ga",
    "kweet": "ik weet",
    "kdenk": "ik denk",
    "kvoel": "ik voel",
    "khoop": "ik hoop",
    "kzit": "ik zit",
    "kmoet": "ik moet",
    "kzou": "ik zou",
    "kkan": "ik kan",
    "kdoe": "ik doe",
    "ktrek": "ik trek",
    "khou": "ik hou",
    "kwou": "ik wou",
    "kwas": "ik was",
    "kzag": "ik zag",
    "kvind": "ik vind",
    "kdurf": "ik durf",
    "kzweer": "ik zweer",
    "snachts": "s nachts",
    # English
    "u": "you",
    "ur": "your",
    "r": "are",
    "im": "i am",
    "ive": "i have",
    "id": "i would",
    "ill": "i will",
    "youre": "you are",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "whats": "what is",
    "thats": "that is",
    "theres": "there is",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "wouldnt": "would not",
    "isnt": "is not",
    "wasnt": "was not",
    "arent": "are not",
    "havent": "have not",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "tryna": "trying to",
    "bc": "because",
    "cuz": "because",
    "cos": "because",
    "ppl": "people",
    "rn": "right now",
    "idk": "i do not know",
    "idc": "i do not care",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "srsly": "seriously",
    "ded": "dead",
    "sh": "self harm",
    "selfharm": "self harm",
    "kms": "kill myself",
    "kys": "kill yourself",
    "unalive": "kill",
    "sewerslide": "suicide",
    "od": "overdose",
}

# Leetspeak digits and symbols, replaced only inside words that also hold letters, so that
# "113" and "2 jaar" stay numbers.
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a"}
)

# Everything below is done with whole-text regular expressions and str methods (C speed), since
# the fold runs on every message and a message may be 4,000 characters long.
_COMBINING = re.compile(r"[\u0300-\u036f]")
_APOSTROPHES = re.compile(r"['’‘`´]")
# English contractions whose apostrophe-less form is another word ("he'll" is not "hell").
_CONTRACTIONS = re.compile(r"(?<=[a-z])['’](ll|re|ve|m|d)\b")
_CONTRACTED = {"ll": " will", "re": " are", "ve": " have", "m": " am", "d": " would"}
_QUOTES = re.compile(r"[“”„«»]")
# "k.m.s", "s.h": dotted abbreviations of two to four letters.
_DOTTED = re.compile(r"\b(?:[a-z]\.){1,3}[a-z]\b\.?")
_BETWEEN_LETTERS = re.compile(r"(?<=[a-z])[-_/](?=[a-z])")
_LEET_CHARS = re.compile(r"[\d$@]")
# A word holding both a letter and a leet character: "z3lfm00rd", "d1e", "$uicide".
_LEET_WORD = re.compile(r"[\w$@]*(?:[a-z][\w$@]*[\d$@]|[\d$@][\w$@]*[a-z])[\w$@]*")
_RUN_OF_THREE = re.compile(r"(\D)\1{2,}")
# A run of clause marks ("!!!", "...", "?!") becomes one boundary token.
_CLAUSE_MARKS = re.compile(r"([,.!?;:])[,.!?;:]*")
_SYMBOL = re.compile(r"([^\w\s,.!?;:$@])")


def _prepare(text: str) -> str:
    """Lowercase, NFKC, no diacritics, contractions opened, dotted abbreviations joined."""
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
        text = _QUOTES.sub('"', text)
    text = _CONTRACTIONS.sub(lambda m: _CONTRACTED[m.group(1)], text)
    text = _APOSTROPHES.sub("", text)
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    return _BETWEEN_LETTERS.sub(" ", text)


def _tokens_to_text(text: str) -> str:
    """Single spaces between words, clause marks and symbols; youth spellings written out."""
    if _LEET_CHARS.search(text):
        text = _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET), text)
    text = _SYMBOL.sub(r" \1 ", _CLAUSE_MARKS.sub(r" \1 ", text))
    words = _WORDS
    return " ".join([words.get(word, word) for word in text.split()])


def fold(text: str) -> str:
    """The main folded form of ``text``: stretched letters shortened to two."""
    return fold_variants(text)[0]


def fold_variants(text: str) -> tuple[str, ...]:
    """Every folded form worth matching: the main fold, plus a single-letter fold if needed."""
    prepared = _prepare(text)
    if not _RUN_OF_THREE.search(prepared):
        return (_tokens_to_text(prepared),)
    double = _tokens_to_text(_RUN_OF_THREE.sub(r"\1\1", prepared))
    single = _tokens_to_text(_RUN_OF_THREE.sub(r"\1", prepared))
    return (double, single)
