"""Every table model, imported once so that ``SQLModel.metadata`` is complete.

Alembic's ``env.py`` and the tests compare this metadata with the migrated schema.
"""

from sqlmodel import SQLModel

from app.chat import models as chat_models
from app.escalation import models as escalation_models
from app.identity import models as identity_models
from app.locations import models as locations_models
from app.messaging import models as messaging_models
from app.notices import models as notices_models
from app.oncall import models as oncall_models
from app.paging import models as paging_models
from app.rooms import models as rooms_models
from app.shifts import models as shifts_models
from app.sync import positions as stream_models
from moderation import models as moderation_models

metadata = SQLModel.metadata

__all__ = [
    "chat_models",
    "escalation_models",
    "identity_models",
    "locations_models",
    "messaging_models",
    "metadata",
    "moderation_models",
    "notices_models",
    "oncall_models",
    "paging_models",
    "rooms_models",
    "shifts_models",
    "stream_models",
]
