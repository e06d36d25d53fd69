"""Work an instance does by itself every few seconds (escalation deadlines, ended staff
visits). The work lives in rows in the database, so any number of instances may run the same
loop, and a round that fails (the database away, say) only waits for the next one."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from app.db import is_unavailable

log = logging.getLogger("ruimte.background")


class Periodic:
    """Runs ``step`` every ``every_seconds`` from ``start`` (or one interval after it, for
    work that is never urgent and should not compete with a starting instance) until ``stop``."""

    def __init__(
        self,
        name: str,
        every_seconds: float,
        step: Callable[[], Awaitable[object]],
        *,
        first_at_start: bool = True,
    ) -> None:
        self.name, self._every, self._step = name, every_seconds, step
        self._first_at_start = first_at_start
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        if not self._first_at_start:
            await asyncio.sleep(self._every)
        while True:
            try:
                await self._step()
            except Exception as error:  # the work waits in the database for the next round
                if is_unavailable(error):  # expected during an outage: one line, no traceback
                    log.warning("%s waits for the database (%s)", self.name, type(error).__name__)
                else:
                    log.warning("%s could not run; trying again", self.name, exc_info=True)
            await asyncio.sleep(self._every)
