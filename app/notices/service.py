"""Telling one person something privately: written in the unit of work, delivered through
sync and the WebSocket once it commits."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.notices.models import Notice
from app.sync.positions import mark_changed

RECENT = 50  # notices a first sync carries


def notify(session: AsyncSession, account_id: uuid.UUID, code: str, **details: Any) -> Notice:
    """Leave ``account_id`` a notice. ``details`` are ids and codes, never free text someone
    else wrote about them, so that a notice can be shown in the reader's language."""
    notice = Notice(
        account_id=account_id,
        code=code,
        details=json.dumps(details, separators=(",", ":"), default=str),
    )
    session.add(notice)
    mark_changed(session, notice)
    return notice


async def recent_notices(
    session: AsyncSession, account_id: uuid.UUID, upto: int
) -> Sequence[Notice]:
    """The newest notices up to a stream position, oldest first (for a first sync)."""
    rows = await session.exec(
        select(Notice)
        .where(Notice.account_id == account_id, col(Notice.position) <= upto)
        .order_by(col(Notice.position).desc())
        .limit(RECENT)
    )
    return list(reversed(rows.all()))
