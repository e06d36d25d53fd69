"""Group commit: the writes of many requests in one transaction.

Next to its transaction a send is cheap: opening the session, ``BEGIN``, taking the stream
head, ``COMMIT`` and announcing the new head cost more than the operation itself. So units
of work that arrive while a group is being written wait, and go together in the next
group: one transaction, one stream head, one announcement. There is no timer: under light
load a group is one unit and waits one turn of the event loop; under load the groups grow by
themselves (the pattern of PostgreSQL's group commit and of Synapse's event persister).

A unit must keep the rule every operation keeps (check, then write): a unit that refuses
with an ``AppError`` has written nothing (unless the error ``keeps_writes``), so the others
in its group go on. Any other failure rolls the group back and runs each unit again in a
transaction of its own, so that one unit's fault is never another's; a database that is
away fails them all at once instead of making each wait again.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from app.db import Announce, commit, is_unavailable
from app.errors import AppError
from app.sync import positions

log = logging.getLogger("ruimte.db")

T = TypeVar("T")
Work = Callable[[AsyncSession], Awaitable[T]]


@dataclass
class _Unit:
    work: Work[Any]
    future: asyncio.Future[Any]

    def settle(self, value: Any = None, error: BaseException | None = None) -> None:
        if self.future.done():  # its caller gave up waiting; the work stands
            return
        if error is not None:
            self.future.set_exception(error)
        else:
            self.future.set_result(value)


class _Unclean(Exception):
    """A unit refused after it had already written: the group cannot keep its other writes."""


class GroupCommit:
    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        announce: Announce | None,
        *,
        max_units: int,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._announce = announce
        self._max_units = max_units
        self._queue: deque[_Unit] = deque()
        self._writer: asyncio.Task[None] | None = None

    async def run(self, work: Work[T]) -> T:
        """Run ``work`` in the next group; its result once the group has committed.

        Raises what the unit raised (an ``AppError`` refusal, or the database error that
        failed it on its own)."""
        unit = _Unit(work, asyncio.get_running_loop().create_future())
        self._queue.append(unit)
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write(), name="group-commit")
        result: T = await unit.future
        return result

    async def close(self) -> None:
        """Let the groups under way finish (at shutdown)."""
        if self._writer is not None:
            await asyncio.gather(self._writer, return_exceptions=True)

    async def _write(self) -> None:
        while self._queue:
            await self._gather()
            group: list[_Unit] = []
            while self._queue and len(group) < self._max_units:
                unit = self._queue.popleft()
                if not unit.future.done():  # a caller that stopped waiting before we began
                    group.append(unit)
            if len(group) == 1:
                await self._alone(group[0])
            elif group:
                await self._together(group)

    async def _gather(self) -> None:
        """Let the requests already under way join: yield to the event loop for as long as
        the queue grows (once, when nothing else is arriving)."""
        seen = -1
        while len(self._queue) != seen and len(self._queue) < self._max_units:
            seen = len(self._queue)
            await asyncio.sleep(0)

    async def _together(self, group: list[_Unit]) -> None:
        settled: list[tuple[Any, AppError | None]] = []
        try:
            async with self._sessionmaker() as session:
                for unit in group:
                    settled.append(await _attempt(session, unit))
                await commit(session, self._announce)
        except Exception as failure:
            if is_unavailable(failure):
                for unit in group:
                    unit.settle(error=failure)
                return
            if not isinstance(failure, _Unclean):
                log.warning("a group of %d failed; each runs alone", len(group), exc_info=True)
            for unit in group:
                await self._alone(unit)
            return
        for unit, (value, refusal) in zip(group, settled, strict=True):
            unit.settle(value, refusal)

    async def _alone(self, unit: _Unit) -> None:
        """One unit in its own transaction, with the request boundary's rules
        (``app.db.get_session``)."""
        try:
            async with self._sessionmaker() as session:
                try:
                    value = await unit.work(session)
                except AppError as refusal:
                    if refusal.keeps_writes:
                        await commit(session, self._announce)
                    raise
                await commit(session, self._announce)
        except Exception as failure:
            unit.settle(error=failure)
            return
        unit.settle(value)


async def _attempt(session: AsyncSession, unit: _Unit) -> tuple[Any, AppError | None]:
    """Run one unit inside the group; a refusal that left writes behind spoils the group."""
    before = positions.pending_count(session)
    try:
        return await unit.work(session), None
    except AppError as refusal:
        wrote = session.new or session.dirty or session.deleted
        if not refusal.keeps_writes and (wrote or positions.pending_count(session) != before):
            raise _Unclean() from refusal
        return None, refusal
