"""Frames for particular people (a page, an escalation that moved), delivered by whichever
instance holds their sockets: the notice goes out after commit, through the broker, to every
instance, and each tells the sockets it has of the people named.

Like every live notice this is a courtesy on top of what is stored: a page is also in the
database and at the pager, an escalation's state is always readable over HTTP.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from app.db import after_commit

PUBLISH = "realtime.publish"  # in ``session.info``: the broker's ephemeral publish (app.main)
KIND = "direct"


def tell(session: AsyncSession, accounts: Iterable[uuid.UUID], frame: dict[str, Any]) -> None:
    """After this unit of work commits, send ``frame`` to every socket of ``accounts``.
    Without a publisher (a command-line session), nobody is told."""
    publish = session.info.get(PUBLISH)
    to = sorted({str(account) for account in accounts})
    if publish is None or not to:
        return
    message = {"kind": KIND, "to": to, "frame": frame}
    after_commit(session, lambda: publish(message))


def addressed_to(message: dict[str, Any], account_id: uuid.UUID) -> bool:
    return message.get("kind") == KIND and str(account_id) in message.get("to", ())
