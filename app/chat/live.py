"""Live queue updates: a young person waiting sees their place move, and the volunteers on
shift see the queue change, without asking again.

Services only say that a location's queue changed (``notices.queue_changed``). The notice goes out
after commit, through the broker, to every instance. Each instance then reads that queue once
and tells its own sockets: the requesters their position and estimate, and the volunteers
checked in there the requests they may take (no content). Notices are hints. A client that
missed one still has ``GET /chat/requests/{id}`` and ``GET /chat/queue``.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.chat import service
from app.chat.models import ChatRequest
from app.chat.notices import KIND
from app.chat.schemas import queue_item, request_public
from app.config import ChatSettings
from app.shifts.models import Shift, ShiftSignup
from app.shifts.service import serves

log = logging.getLogger("ruimte.chat")

Send = Callable[[dict[str, Any]], Awaitable[None]]


class LiveQueue:
    """One per instance: whose sockets are here, and what to tell them."""

    def __init__(
        self, sessionmaker: async_sessionmaker[AsyncSession], settings: ChatSettings
    ) -> None:
        self._sessionmaker = sessionmaker
        self._settings = settings
        self._sockets: dict[uuid.UUID, set[Send]] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    def attach(self, account_id: uuid.UUID, send: Send) -> Callable[[], None]:
        """Let this socket hear about its person's request or shift; returns the detach."""
        self._sockets.setdefault(account_id, set()).add(send)

        def detach() -> None:
            sends = self._sockets.get(account_id, set())
            sends.discard(send)
            if not sends:
                self._sockets.pop(account_id, None)

        return detach

    def on_ephemeral(self, message: dict[str, Any]) -> None:
        if message.get("kind") != KIND or not self._sockets:
            return
        task = asyncio.get_running_loop().create_task(
            self._tell(uuid.UUID(message["location"]), uuid.UUID(message["request"]))
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _tell(self, location_id: uuid.UUID, request_id: uuid.UUID) -> None:
        try:
            async with self._sessionmaker() as session:
                frames = await self._frames(session, location_id, request_id)
        except Exception:
            log.warning("could not read the queue for live updates", exc_info=True)
            return
        for account_id, frame in frames:
            for send in list(self._sockets.get(account_id, ())):
                try:
                    await send(frame)
                except Exception:  # a hint; the socket's own loop notices a broken socket
                    log.debug("a live queue frame was not delivered", exc_info=True)

    async def _frames(
        self, session: AsyncSession, location_id: uuid.UUID, request_id: uuid.UUID
    ) -> list[tuple[uuid.UUID, dict[str, Any]]]:
        here = set(self._sockets)
        waiting = list((await session.exec(service.waiting_at(location_id))).all())
        frames: list[tuple[uuid.UUID, dict[str, Any]]] = []
        changed = await session.get(ChatRequest, request_id)
        told = {request.id for request in waiting}
        for request in [*waiting, *([changed] if changed and changed.id not in told else [])]:
            if request.requester_id in here:
                view = request_public(await service.waiting(session, request, self._settings))
                frames.append(
                    (request.requester_id, {"type": "chat_request", **view.model_dump(mode="json")})
                )
        for volunteer_id, shift in await _on_shift_at(session, location_id, here):
            items = [queue_item(r) for r in waiting if serves(shift, r.age_band)]
            frames.append(
                (
                    volunteer_id,
                    {
                        "type": "chat_queue",
                        "location_id": str(location_id),
                        "waiting": [item.model_dump(mode="json") for item in items],
                    },
                )
            )
        return frames


async def _on_shift_at(
    session: AsyncSession, location_id: uuid.UUID, among: set[uuid.UUID]
) -> list[tuple[uuid.UUID, Shift]]:
    """The volunteers among ``among`` checked in at the location now, with their shift."""
    result = await session.exec(
        select(ShiftSignup.volunteer_id, Shift)
        .join(Shift, col(Shift.id) == col(ShiftSignup.shift_id))
        .where(
            Shift.location_id == location_id,
            col(ShiftSignup.volunteer_id).in_(among),
            col(ShiftSignup.checked_in_at).is_not(None),
            col(ShiftSignup.checked_out_at).is_(None),
            col(Shift.ends_at) > clock.now(),
        )
    )
    return [(volunteer_id, shift) for volunteer_id, shift in result.all()]
