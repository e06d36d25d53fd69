"""Settings are typed, read from RUIMTE_* variables, and refuse to run production unsafely."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from app.config import PLACEHOLDER_SECRET, Settings


def test_the_database_defaults_to_a_sqlite_file_in_the_data_directory(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert settings.database_url == f"sqlite+aiosqlite:///{tmp_path.resolve()}/ruimte.sqlite3"


def test_nested_sections_come_from_prefixed_environment_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RUIMTE_SERVER__PORT", "9123")
    monkeypatch.setenv("RUIMTE_DATABASE__URL", "postgresql+asyncpg://u@127.0.0.1/db")
    monkeypatch.setenv("RUIMTE_SECURITY__LOGIN_THROTTLE__LOCK_MINUTES", "30")

    settings = Settings()

    assert settings.server.port == 9123
    assert settings.database_url == "postgresql+asyncpg://u@127.0.0.1/db"
    assert settings.security.login_throttle.lock_minutes == 30


@pytest.mark.parametrize("secret", [PLACEHOLDER_SECRET, "too-short"])
def test_production_refuses_placeholder_or_weak_secrets(secret: str) -> None:
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(environment="production", security={"secret_key": secret})


def test_production_runs_with_a_real_secret() -> None:
    settings = Settings(environment="production", security={"secret_key": "x" * 48})
    assert settings.environment == "production"


@pytest.mark.parametrize(
    ("time_cost", "memory_kib", "accepted"),
    [
        (2, 19_456, True),
        (1, 47_104, True),
        (1, 19_456, False),
        (2, 8_192, False),
        (5, 7_168, True),
        (8, 7_168, True),
        (3, 12_000, False),
    ],
)
def test_password_hashing_below_owasp_is_refused(
    time_cost: int, memory_kib: int, accepted: bool
) -> None:
    values = {
        "security": {"password_hash": {"time_cost": time_cost, "memory_cost_kib": memory_kib}}
    }
    if accepted:
        Settings(**values)
    else:
        with pytest.raises(ValidationError, match="OWASP"):
            Settings(**values)


def test_a_paging_webhook_is_never_unsigned() -> None:
    with pytest.raises(ValidationError, match="signing secret"):
        Settings(paging={"webhook_url": "https://pager.example/pages"})
    signed = Settings(paging={"webhook_url": "https://pager.example/pages", "webhook_secret": "s"})
    assert signed.paging.attempts == 5
