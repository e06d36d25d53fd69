"""Passphrases: what is accepted, and how it is stored (argon2id, never anything reversible)."""

from __future__ import annotations

import asyncio
from functools import cache
from importlib import resources

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from app.config import PasswordHashSettings
from app.identity import errors
from app.identity.handles import handle_key

MIN_LENGTH = 10
MAX_LENGTH = 256  # argon2 is fed the whole input: bound it so a login cannot be a CPU bomb
_EDGE_NOISE = "0123456789!@#$%^&*()-_=+.,?~ "


@cache
def common_passphrases() -> frozenset[str]:
    text = resources.files("app.identity").joinpath("common_passphrases.txt").read_text()
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def is_common(passphrase: str) -> bool:
    """Common as a whole, or a common word dressed up with digits and symbols at its edges."""
    lowered = passphrase.casefold()
    common = common_passphrases()
    core = lowered.strip(_EDGE_NOISE)
    return lowered in common or (len(core) >= 6 and core in common) or len(set(lowered)) < 4


def check_passphrase(passphrase: str, *, handle: str) -> None:
    """Raise the refusal that explains what is wrong with a new passphrase."""
    if len(passphrase) < MIN_LENGTH:
        raise errors.PassphraseTooShort(min_length=MIN_LENGTH)
    if len(passphrase) > MAX_LENGTH:
        raise errors.PassphraseTooLong(max_length=MAX_LENGTH)
    if handle and handle_key(handle) in handle_key(passphrase):
        raise errors.PassphraseContainsHandle()
    if is_common(passphrase):
        raise errors.PassphraseTooCommon()


class PassphraseHasher:
    """argon2id with configured parameters; hashing runs in a thread so the loop keeps serving.

    ``verify`` against a fixed dummy hash when the account does not exist keeps an unknown
    handle from answering faster than a wrong passphrase.
    """

    def __init__(self, settings: PasswordHashSettings) -> None:
        self._hasher = PasswordHasher(
            time_cost=settings.time_cost,
            memory_cost=settings.memory_cost_kib,
            parallelism=settings.parallelism,
            type=Type.ID,
        )
        self._dummy_hash = self._hasher.hash("no account has this passphrase")

    async def hash(self, passphrase: str) -> str:
        return await asyncio.to_thread(self._hasher.hash, passphrase)

    async def verify(self, stored_hash: str | None, passphrase: str) -> bool:
        """True when ``passphrase`` matches; with no hash, spend the same time and say False."""
        target = stored_hash or self._dummy_hash
        try:
            matched = await asyncio.to_thread(self._hasher.verify, target, passphrase)
        except (VerificationError, InvalidHashError):
            return False
        return bool(matched) and stored_hash is not None

    def needs_rehash(self, stored_hash: str) -> bool:
        return bool(self._hasher.check_needs_rehash(stored_hash))
