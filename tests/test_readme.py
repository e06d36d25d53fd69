"""The README is the front door; these checks keep its tables true as the code grows."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from app.config import Settings
from app.errors import AppError

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def _variables(model: type[BaseModel], prefix: str) -> list[str]:
    names = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            names += _variables(annotation, f"{prefix}{name.upper()}__")
        else:
            names.append(f"{prefix}{name.upper()}")
    return names


def _codes(error: type[AppError]) -> set[str]:
    found = set()
    for subclass in error.__subclasses__():
        if "code" in subclass.__dict__:
            found.add(subclass.code)
        found |= _codes(subclass)
    return found


def test_every_setting_is_in_the_configuration_table() -> None:
    missing = [name for name in _variables(Settings, "RUIMTE_") if f"`{name}`" not in README]
    assert missing == []


def test_every_error_code_is_in_the_protocol_section() -> None:
    import app.main  # noqa: F401 - imports every domain, so every error class exists

    missing = sorted(code for code in _codes(AppError) if f"`{code}`" not in README)
    assert missing == []
