"""What the chat services tell the real-time layer: that a location's queue changed.

Kept apart from ``live`` (which reads the queue and tells the sockets) so that services depend
only on this: a notice, sent after commit, to every instance through the broker.
"""

from __future__ import annotations

import uuid

from sqlmodel.ext.asyncio.session import AsyncSession

from app.db import after_commit
from app.realtime.direct import PUBLISH

KIND = "chat_queue"


def queue_changed(session: AsyncSession, location_id: uuid.UUID, request_id: uuid.UUID) -> None:
    """After this unit of work commits, tell every instance that a location's queue (and
    this request) changed. Without a publisher (a command-line session), nobody is told."""
    publish = session.info.get(PUBLISH)
    if publish is None:
        return
    message = {"kind": KIND, "location": str(location_id), "request": str(request_id)}
    after_commit(session, lambda: publish(message))
