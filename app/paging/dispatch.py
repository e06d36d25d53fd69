"""Sending pages without making anyone wait: a request, or the deadline worker, hands a page
over after its transaction committed and goes on; the page is sent (with the webhook's
retries and back-off) in the background.

A page that could not be delivered is not lost track of: the escalation's deadline is in the
database, so the next person is paged when it passes whether or not this page arrived.
"""

from __future__ import annotations

import asyncio
import logging

from sqlmodel.ext.asyncio.session import AsyncSession

from app.db import after_commit
from app.paging.pager import Page, Pager, PagingFailed

log = logging.getLogger("ruimte.paging")

SHUTDOWN_GRACE_SECONDS = 5.0
DISPATCH = "paging.dispatch"  # in ``session.info``: the instance's ``Dispatcher`` (app.main)


class Dispatcher:
    def __init__(self, pager: Pager) -> None:
        self.pager = pager
        self._tasks: set[asyncio.Task[None]] = set()

    def send_soon(self, page: Page) -> None:
        task = asyncio.get_running_loop().create_task(self._send(page))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _send(self, page: Page) -> None:
        try:
            await self.pager.send(page)
        except PagingFailed:
            log.warning("page %s could not be delivered; its deadline still climbs", page.id)
        except Exception:
            log.exception("page %s: the pager failed", page.id)

    async def idle(self) -> None:
        """Until every page handed over so far has been sent (or given up on)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        """On shutdown: let pages in flight finish for a moment, then stop trying."""
        if self._tasks:
            _, pending = await asyncio.wait(list(self._tasks), timeout=SHUTDOWN_GRACE_SECONDS)
            for task in pending:
                task.cancel()


def page_after_commit(session: AsyncSession, page: Page) -> None:
    """Send ``page`` once this unit of work has committed. Without a dispatcher (a
    command-line session) the page stays in the database, for the deadline to climb past."""
    dispatcher: Dispatcher | None = session.info.get(DISPATCH)
    if dispatcher is None:
        return

    async def send() -> None:
        dispatcher.send_soon(page)

    after_commit(session, send)
