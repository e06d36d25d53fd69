"""Phone numbers, Dutch and international, with the help lines left out.

``phonenumbers`` knows every country's number plan, so it decides what is a real number. It is
also the slow part, so it only runs when the text holds seven digits close together. It is
asked leniently ("possible" numbers) and this module adds the judgement: a number must be
written the way people write a phone number (with a leading 0, 00 or +), must not be a date
or a time, and a Dutch one must be a valid Dutch number. A foreign number written with its
country code only has to be possible, so a number from a reserved range still counts.

``phonenumbers`` misses a Dutch mobile number split with odd separators ("06_12_34_56_78",
"06*12345678", "06,12,34,56,78") or glued to a word ("bel0612345678"); a pattern of our own
covers those.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

from moderation.contacts.findings import ContactKind, Finding

# Numbers that people in distress should be able to pass on to each other freely, so a room
# never holds a message for them (E.164 form; 113 and 112 are too short to be found at all).
HELP_LINES = frozenset(
    {
        "+318000113",  # 113 Zelfmoordpreventie, free number 0800-0113
        "+318000432",  # De Kindertelefoon
        "+319001450",  # Korrelatie, psychosocial help line
        "+318002000",  # Veilig Thuis, domestic violence and child abuse
        "+318001351",  # Sensoor, listening line
        # Public numbers a young person may need to pass on to stay safe; nobody's own.
        "+319008844",  # politie, when it is not an emergency
        "+318007000",  # Meld Misdaad Anoniem
        "+319000101",  # Slachtofferhulp Nederland
    }
)

# Digits with at most a few separators between them. ``phonenumbers`` is only asked about a
# group with seven digits or more (shorter is no phone number in any plan we expect), and only
# about that group and a little around it: it then reads a few dozen characters, not the whole
# message.
_DIGIT_GROUP = re.compile(r"[0-9](?:[^0-9A-Za-z\n]{0,4}[0-9])*")
_ENOUGH = 7
_AROUND = 6  # room for "tel: +", "(", "00" before the group
# How people start writing a number: trunk prefix 0, international 00 or +. Without one, a run
# of digits is an amount, a count or an order number.
_WRITTEN_AS_PHONE = re.compile(r"\(?\s*(?:\+|0)")
# Day-month-year (or month-day-year) at the start of a candidate: "06-12-2024 13" holds a
# valid mobile number's digits. A two-digit year only counts when the digits stop there, or
# "06-12-34-56-78" would be a date.
_DATE = re.compile(
    r"(?P<a>[0-3]?[0-9])(?P<sep>[-/.])(?P<b>[0-3]?[0-9])(?P=sep)"
    r"(?:(?:19|20)[0-9]{2}|[0-9]{2}(?![-/.]?[0-9]))"
)
# The number continues as a time or a decimal ("... 12:30", "... 12,5").
_CONTINUES = re.compile(r"[:.,][0-9]")

_SEP = r"[ \t\-._/\\,*~|+'`()\[\]]"
# A Dutch mobile number (06 and eight digits) with up to three separator characters between
# any two digits, including after +31, 0031 and "(0)". "o6" for "06" is a known dodge.
_ODD_MOBILE = re.compile(
    rf"(?:(?<![0-9A-Z+])(?:(?:\+|00){_SEP}{{0,2}}31{_SEP}{{0,3}}(?:\(0\){_SEP}{{0,2}})?|0)"
    rf"|(?<![A-Za-z0-9])[oO])"
    rf"{_SEP}{{0,3}}6(?:{_SEP}{{0,3}}[0-9]){{8}}(?!{_SEP}{{0,2}}[0-9])"
)


def find_phones(text: str) -> list[Finding]:
    """Phone numbers in a folded text, in order, without the help lines."""
    found: list[Finding] = []
    for group in _DIGIT_GROUP.finditer(text):
        if sum(char.isdigit() for char in group.group()) >= _ENOUGH:
            found.extend(_phones_around(text, max(0, group.start() - _AROUND), group.end()))
    return found


def _phones_around(text: str, start: int, end: int) -> list[Finding]:
    """The phone numbers in ``text[start:end]``: what ``phonenumbers`` finds, then what only
    our own pattern for Dutch mobile numbers does."""
    found = []
    for match in PhoneNumberMatcher(text[start:end], "NL", Leniency.POSSIBLE):
        number_start, number_end = start + match.start, start + match.end
        if _is_phone(text, number_start, number_end, match.number):
            found.append(Finding(ContactKind.phone, number_start, number_end))
    for odd in _ODD_MOBILE.finditer(text, start, end):
        if _looks_like_a_date_or_time(text, odd.start(), odd.end()):
            continue
        if not any(f.start < odd.end() and odd.start() < f.end for f in found):
            found.append(Finding(ContactKind.phone, odd.start(), odd.end()))
    return sorted(found, key=lambda finding: finding.start)


def _is_phone(text: str, start: int, end: int, number: phonenumbers.PhoneNumber) -> bool:
    """Whether a number ``phonenumbers`` thinks possible is one we hold a message for."""
    raw = text[start:end]
    if not _WRITTEN_AS_PHONE.match(raw):
        return False
    # Glued to letters or digits it is part of a code (an IBAN, a product number).
    if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        return False
    if _looks_like_a_date_or_time(text, start, end):
        return False
    if phonenumbers.format_number(number, PhoneNumberFormat.E164) in HELP_LINES:
        return False
    if phonenumbers.is_valid_number(number):
        return True
    written_abroad = raw.lstrip("( ").startswith(("+", "00"))
    return written_abroad and number.country_code != 31 and phonenumbers.is_possible_number(number)


def _looks_like_a_date_or_time(text: str, start: int, end: int) -> bool:
    return bool(_DATE.match(text, start) or _CONTINUES.match(text, end))
