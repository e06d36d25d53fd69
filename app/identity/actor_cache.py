"""Who is behind a token, remembered for a few seconds: a phone sending message after message
is not looked up in the database every time.

An entry lives ``ttl`` seconds at most and never past its session's expiry. Any committed
change on this instance to device sessions, accounts or role grants empties the cache, so that
logging out, a new passphrase, an erased account or a changed role count from the very next
request; a change made through another instance reaches this one within ``ttl``.

The cache travels with the sessions (``session.info``, set by ``app.db.create_sessionmaker``),
so that ``service.actor_for_token`` finds it on every path (HTTP, WebSocket, group commit)
and the commit that changes identity data can empty it.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from itertools import chain
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from app.identity.actor import Actor
from app.identity.models import Account, DeviceSession, StaffRoleGrant

INFO_KEY = "identity.actor_cache"
_CHANGED = "identity.changed"
_WATCHED_MODELS = (Account, DeviceSession, StaffRoleGrant)
_WATCHED_TABLES = frozenset(model.__table__ for model in _WATCHED_MODELS)  # type: ignore[union-attr]


class ActorCache:
    def __init__(
        self,
        ttl_seconds: float,
        *,
        max_entries: int = 10_000,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl_seconds
        self._max_entries = max_entries
        self._monotonic = monotonic
        self._entries: OrderedDict[str, tuple[float, Actor]] = OrderedDict()

    def get(self, digest: str) -> Actor | None:
        entry = self._entries.get(digest)
        if entry is None:
            return None
        stored_at, actor = entry
        if self._monotonic() - stored_at > self.ttl:
            del self._entries[digest]
            return None
        return actor

    def put(self, digest: str, actor: Actor) -> None:
        if self.ttl <= 0:
            return
        self._entries[digest] = (self._monotonic(), actor)
        self._entries.move_to_end(digest)
        while len(self._entries) > self._max_entries:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()


def _mark(session: Session) -> None:
    if INFO_KEY in session.info:
        session.info[_CHANGED] = True


@event.listens_for(Session, "do_orm_execute")
def _watch_statements(state: ORMExecuteState) -> None:
    if state.is_select:
        return
    table = getattr(state.statement, "table", None)
    if table in _WATCHED_TABLES:
        _mark(state.session)


@event.listens_for(Session, "after_flush")
def _watch_flush(session: Session, flush: UOWTransaction) -> None:
    changed = chain(session.new, session.dirty, session.deleted)
    if any(isinstance(row, _WATCHED_MODELS) for row in changed):
        _mark(session)


@event.listens_for(Session, "after_commit")
def _forget_after_commit(session: Session) -> None:
    if session.info.pop(_CHANGED, False):
        cache: ActorCache = session.info[INFO_KEY]
        cache.clear()


@event.listens_for(Session, "after_soft_rollback")
def _nothing_changed(session: Session, previous_transaction: Any) -> None:
    if previous_transaction.parent is None:
        session.info.pop(_CHANGED, None)
