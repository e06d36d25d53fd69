"""What the identity services need from configuration, built once per process."""

from __future__ import annotations

from dataclasses import dataclass

from app.config import LoginThrottleSettings, SecuritySettings, SessionSettings
from app.identity.passphrases import PassphraseHasher


@dataclass(frozen=True)
class IdentityPolicy:
    hasher: PassphraseHasher
    sessions: SessionSettings
    throttle: LoginThrottleSettings
    secret_key: str
    invite_default_hours: int
    invite_max_hours: int

    @classmethod
    def from_settings(cls, security: SecuritySettings) -> IdentityPolicy:
        return cls(
            hasher=PassphraseHasher(security.password_hash),
            sessions=security.sessions,
            throttle=security.login_throttle,
            secret_key=security.secret_key.get_secret_value(),
            invite_default_hours=security.invite_default_hours,
            invite_max_hours=security.invite_max_hours,
        )
