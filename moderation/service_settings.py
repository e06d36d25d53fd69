"""The settings of the service a session belongs to, for moderation's services and workers.

``app.main`` puts them in every session's ``info``; a session made elsewhere (a command) gets
the process's settings. Nothing here reads the environment itself.
"""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from app.config import ModerationSettings, Settings, get_settings

INFO_KEY = "moderation.settings"


def service_settings(session: AsyncSession) -> Settings:
    found = session.info.get(INFO_KEY)
    return found if isinstance(found, Settings) else get_settings()


def moderation_settings(session: AsyncSession) -> ModerationSettings:
    return service_settings(session).moderation
