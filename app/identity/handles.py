"""The rules for a handle: the only name a young person has here, so it must give nothing away.

Pure functions; the order of the checks decides which refusal a person sees, and the
anonymity refusals come first because they say the most useful thing ("this looks like your
phone number") for input that would fail the character rule anyway.
"""

from __future__ import annotations

import re
import unicodedata

from app.errors import AppError
from app.identity import errors

MIN_LENGTH = 3
MAX_LENGTH = 24
MAX_DIGITS = 5

_ALLOWED = re.compile(r"[A-Za-z0-9_-]+")
_EMAIL_SHAPE = re.compile(
    r"@|(^|[_.-])at[_.-].+[_.-]dot([_.-]|$)|\.(com|net|org|nl|be|de|eu|info)$", re.IGNORECASE
)
_MAIL_PROVIDERS = re.compile(
    r"gmail|hotmail|outlook|yahoo|icloud|live\.|msn\.|ziggo|kpnmail|kpnplanet|protonmail"
    r"|proton\.me|telenet|xs4all|planet\.nl",
    re.IGNORECASE,
)
_PHONE_SEPARATORS = re.compile(r"[\s().+_-]")
# Dutch mobile (06...), Dutch or international prefixes (+31, 0031, 0032, ...).
_PHONE_PREFIX = re.compile(r"^(\+|00)\d|^0[1-9]\d{7}|^06\d{6}")

# Handles that would let someone pose as the team or a service.
RESERVED = frozenset(
    {
        "admin",
        "administrator",
        "beheer",
        "beheerder",
        "moderator",
        "moderators",
        "mod",
        "team",
        "staff",
        "support",
        "helpdesk",
        "coordinator",
        "coördinator",
        "volunteer",
        "vrijwilliger",
        "professional",
        "psychiatrist",
        "psychiater",
        "system",
        "systeem",
        "root",
        "ruimte",
        "vrije-ruimte",
        "vrijeruimte",
        "ease",
        "at-ease",
        "113",
        "zelfmoordpreventie",
        "crisis",
        "crisisdienst",
        "politie",
        "police",
        "anonymous",
        "anoniem",
        "former-member",
        "oud-deelnemer",
        "deleted",
        "null",
        "undefined",
    }
)


def handle_key(handle: str) -> str:
    """The form in which two handles are "the same": case and width folded."""
    return unicodedata.normalize("NFKC", handle).casefold()


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def looks_like_email(handle: str) -> bool:
    return bool(_EMAIL_SHAPE.search(handle) or _MAIL_PROVIDERS.search(handle))


def looks_like_phone(handle: str) -> bool:
    compact = _PHONE_SEPARATORS.sub("", handle)
    if _PHONE_PREFIX.search(handle.replace(" ", "")) and len(_digits(handle)) >= 8:
        return True
    # Mostly digits and separators with enough digits for a subscriber number.
    return len(_digits(handle)) >= 8 and len(_digits(handle)) >= 0.7 * max(1, len(compact))


def check_handle(handle: str) -> str:
    """Return the handle as it will be shown, or raise the refusal that explains the problem."""
    candidate = unicodedata.normalize("NFKC", handle).strip()
    refusal = handle_refusal(candidate)
    if refusal is not None:
        raise refusal
    return candidate


def handle_refusal(candidate: str) -> AppError | None:
    if looks_like_email(candidate):
        return errors.HandleLooksLikeEmail()
    if looks_like_phone(candidate):
        return errors.HandleLooksLikePhone()
    if not (MIN_LENGTH <= len(candidate) <= MAX_LENGTH) or not _ALLOWED.fullmatch(candidate):
        return errors.HandleInvalid(min_length=MIN_LENGTH, max_length=MAX_LENGTH)
    if len(_digits(candidate)) > MAX_DIGITS:
        return errors.HandleTooManyDigits(max_digits=MAX_DIGITS)
    if handle_key(candidate) in RESERVED or handle_key(candidate).strip("_-") in RESERVED:
        return errors.HandleReserved()
    return None
