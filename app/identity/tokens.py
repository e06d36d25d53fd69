"""Bearer tokens, recovery codes and invite codes: random, shown once, stored only as a hash.

All three carry at least 100 random bits, so a fast hash (SHA-256) is enough to make a stolen
table useless; argon2 is kept for what people choose themselves (passphrases).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_PREFIX = "vr_"  # noqa: S105 - recognisable in a leaked log or paste, so scanners can flag it
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: easy to read aloud


def new_session_token() -> str:
    """256 random bits."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def _grouped_code(groups: int) -> str:
    return "-".join(
        "".join(secrets.choice(_CODE_ALPHABET) for _ in range(4)) for _ in range(groups)
    )


def new_recovery_code() -> str:
    """Six groups of four (about 118 bits), meant to be written down."""
    return _grouped_code(6)


def new_invite_code() -> str:
    """Five groups of four (about 98 bits), passed on by a coordinator."""
    return _grouped_code(5)


def normalise_code(code: str) -> str:
    """Codes are typed by people: ignore case, spaces and dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def code_digest(code: str) -> str:
    return digest(normalise_code(code))


def matches(secret_digest: str, candidate: str) -> bool:
    return hmac.compare_digest(secret_digest, digest(candidate))
