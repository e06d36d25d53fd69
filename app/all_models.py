"""Every table model, imported once so that ``SQLModel.metadata`` is complete.

Alembic's ``env.py`` and the tests compare this metadata with the migrated schema.
"""

from sqlmodel import SQLModel

from app.identity import models as identity_models

metadata = SQLModel.metadata

__all__ = ["identity_models", "metadata"]
