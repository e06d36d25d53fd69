"""The per-instance hub: reads the change stream once for every socket on this instance.

The hub follows the stream head (woken by the broker, and polling in case a notice was lost),
reads each new range of changes from the database once, serialises each change once, and keeps
the most recent ones in a ring. Each socket then takes what is past its own cursor and meant
for it (``Audience``). A socket whose cursor is older than the ring catches up from the
database instead; one that falls behind the ring while live is disconnected with a resume hint,
so a slow phone costs memory bounded by the ring, which all sockets share.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from app.config import RealtimeSettings
from app.realtime.broker import Broker
from app.sync.events import Audience
from app.sync.feed import Change, changes_between
from app.sync.positions import current_head

log = logging.getLogger("ruimte.hub")


_NOWHERE = 2**63


@dataclass(frozen=True)
class Entry:
    position: int
    change: Change
    frame: str  # the event as JSON, built once for every recipient


EphemeralListener = Callable[[dict[str, Any]], None]


class Hub:
    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        broker: Broker,
        settings: RealtimeSettings,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._broker = broker
        self._settings = settings
        self._entries: list[Entry] = []
        self._positions: list[int] = []
        self.position = -1  # every change up to here is in the ring (or older than it)
        self.floor = _NOWHERE  # the ring covers (floor, position]; nothing until placed
        self.epoch = ""
        self._wake = asyncio.Event()
        self._stopping = False
        self._advanced = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._ephemeral_listeners: set[EphemeralListener] = set()
        self.sockets = 0  # how many sockets are following; none: the hub need not read
        self.sockets_per_account: Counter[uuid.UUID] = Counter()  # to cap them per account
        self._announced = 0

    async def start(self) -> None:
        """Start following; if the database is away, the service still starts and the hub
        finds its place once it answers."""
        try:
            await self._find_place()
        except Exception:
            log.warning("database not reachable at start; the hub will keep trying")
        # Hearing again after a gap: read at once what the lost notices announced.
        await self._broker.start(self._on_head, self._on_ephemeral, self._wake.set)
        self._task = asyncio.create_task(self._follow(), name="hub-follow")

    async def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            await self._task
        await self._broker.stop()

    def _on_head(self, position: int) -> None:
        self._announced = max(self._announced, position)
        if position > self.position:
            self._wake.set()

    def _on_ephemeral(self, message: dict[str, Any]) -> None:
        for listener in list(self._ephemeral_listeners):
            listener(message)

    def listen_ephemeral(self, listener: EphemeralListener) -> Callable[[], None]:
        self._ephemeral_listeners.add(listener)
        return lambda: self._ephemeral_listeners.discard(listener)

    async def publish_ephemeral(self, message: dict[str, Any]) -> None:
        await self._broker.publish_ephemeral(message)

    async def _follow(self) -> None:
        # Stops on a flag, not by cancellation: on Python 3.11 both wait_for and timeout can
        # swallow a cancellation that coincides with their own expiry.
        while not self._stopping:
            waiter = asyncio.ensure_future(self._wake.wait())
            try:
                await asyncio.wait({waiter}, timeout=self._settings.poll_seconds)
            finally:
                waiter.cancel()
            self._wake.clear()
            if self.listening and not self._stopping:
                # Let a burst of commits gather, so that one read serves all of them.
                await asyncio.sleep(self._settings.coalesce_seconds)
            try:
                await self.catch_up()
            except Exception:  # the database may be briefly away; try again next round
                log.warning("hub could not read the stream", exc_info=True)

    async def _find_place(self) -> None:
        async with self._sessionmaker() as session:
            head = await current_head(session)
        self.position = self.floor = head.position
        self.epoch = head.epoch

    async def catch_up(self) -> None:
        """Read everything committed past ``position`` into the ring, then wake the sockets."""
        if self.floor == _NOWHERE:
            await self._find_place()
        if not self.listening and self._announced > self.position:
            self._skip_to(self._announced)  # nobody to deliver to: no need to read anything
            return
        async with self._sessionmaker() as session:
            head = (await current_head(session)).position
            if not self.listening:
                self._skip_to(head)
                return
            moved = False
            while self.position < head:
                page = await changes_between(
                    session, after=self.position, upto=head, viewer=None, limit=1_000
                )
                for change in page.changes:
                    self._append(Entry(change.position, change, change.event.model_dump_json()))
                self.position = page.next_position
                moved = True
        if moved:
            self._advanced.set()
            self._advanced = asyncio.Event()

    def _skip_to(self, head: int) -> None:
        self._entries.clear()
        self._positions.clear()
        self.position = self.floor = max(self.position, head)

    def _append(self, entry: Entry) -> None:
        self._entries.append(entry)
        self._positions.append(entry.position)
        if len(self._entries) > 2 * self._settings.ring_size:
            cut = len(self._entries) - self._settings.ring_size
            self.floor = self._positions[cut - 1]
            del self._entries[:cut]
            del self._positions[:cut]

    @property
    def listening(self) -> bool:
        return self.sockets > 0

    def read(self, cursor: int) -> list[Entry] | None:
        """Entries after ``cursor``; None if the ring no longer reaches back that far."""
        if cursor < self.floor:
            return None
        return self._entries[bisect.bisect_right(self._positions, cursor) :]

    async def wait_beyond(self, cursor: int) -> None:
        while self.position <= cursor:
            await self._advanced.wait()


def visible(entry: Entry, account_id: uuid.UUID, rooms: set[uuid.UUID]) -> bool:
    audience: Audience = entry.change.audience
    return audience.includes(account_id, rooms)
