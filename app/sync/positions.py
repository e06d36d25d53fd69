"""Stream positions that never let a reader skip a change.

Every row a client syncs (rooms, memberships, messages, read markers) carries ``position``:
the stream position of its latest change. Positions come from one counter row and are handed
out **as the last step before commit**, under that row's lock. So a transaction that receives
position *p* commits before any transaction can receive *p + 1*, and a reader who has seen
*p + 1* committed can never later find a newly committed *p*. "Current" therefore always
means: every lower position is durable (or was never used).

Services call ``mark_changed(session, row)``; ``app.db.commit`` calls ``assign`` before it
commits, on every commit path (HTTP, WebSocket, workers) alike. Work that needs the final
positions (an operation's stored result, say) registers ``after_assign`` callbacks.
A plain ``session.commit()`` with marked rows is a bug and fails loudly.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction
from sqlmodel import Field, SQLModel
from sqlmodel import Session as SQLModelSession
from sqlmodel.ext.asyncio.session import AsyncSession

_PENDING = "stream.pending"

Finalizer = Callable[[], Awaitable[None]]


class StreamHead(SQLModel, table=True):
    """One row: the last position handed out, and the oldest position still answerable."""

    __tablename__ = "stream_head"

    id: int = Field(default=1, primary_key=True)
    position: int = Field(default=0, sa_type=sa.BigInteger)
    horizon: int = Field(
        default=0,
        sa_type=sa.BigInteger,
        description="cursors below this must reset: tombstones before it were compacted",
    )
    epoch: str = Field(
        default="0", sa_type=sa.String(16), description="changes when the stream starts over"
    )


_HEAD = StreamHead.__table__  # type: ignore[attr-defined]
_ADVANCE = (
    sa.update(_HEAD)
    .where(_HEAD.c.id == 1)
    .values(position=_HEAD.c.position + sa.bindparam("count", type_=sa.BigInteger))
    .returning(_HEAD.c.position)
)


@dataclass
class _Pending:
    rows: list[Any] = field(default_factory=list)
    finalizers: list[Finalizer] = field(default_factory=list)


def _pending(session: AsyncSession | Session) -> _Pending:
    sync_session = session.sync_session if isinstance(session, AsyncSession) else session
    pending: _Pending = sync_session.info.setdefault(_PENDING, _Pending())
    return pending


def mark_changed(session: AsyncSession, row: Any) -> None:
    """Give ``row`` a new stream position when the unit of work commits."""
    rows = _pending(session).rows
    if not any(existing is row for existing in rows):
        rows.append(row)


def after_assign(session: AsyncSession, finalizer: Finalizer) -> None:
    """Run ``finalizer`` once positions are assigned, still inside the transaction."""
    _pending(session).finalizers.append(finalizer)


async def assign(session: AsyncSession) -> int | None:
    """Hand out positions to every marked row; returns the new head, or None if nothing moved."""
    pending: _Pending = session.sync_session.info.pop(_PENDING, _Pending())
    rows = [row for row in pending.rows if row in session]
    head: int | None = None
    if rows:
        with session.no_autoflush:  # rows not yet inserted get their position first: one INSERT
            moved = await session.exec(_ADVANCE, params={"count": len(rows)})
            head = moved.scalar_one()
        first = head - len(rows) + 1
        for offset, row in enumerate(rows):
            row.position = first + offset
            if hasattr(row, "seq") and row.seq is None:
                row.seq = row.position  # a message's place in its room: fixed at creation
    for finalizer in pending.finalizers:
        await finalizer()
    return head


class StreamSession(SQLModelSession):
    """The sync session behind every ``AsyncSession``."""


@event.listens_for(StreamSession, "before_commit")
def _refuse_unassigned(session: Session) -> None:
    if session.get_nested_transaction() is not None:
        return  # releasing a savepoint is not the commit
    pending: _Pending | None = session.info.get(_PENDING)
    if pending is not None and (pending.rows or pending.finalizers):
        raise RuntimeError("commit through app.db.commit(): marked rows have no position yet")


@event.listens_for(StreamSession, "after_soft_rollback")
def _forget_on_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    if previous_transaction.parent is None:  # the whole unit of work, not a savepoint
        session.info.pop(_PENDING, None)


async def current_head(session: AsyncSession) -> StreamHead:
    head = await session.get(StreamHead, 1, populate_existing=True)
    assert head is not None, "the migration creates the stream head row"
    return head
