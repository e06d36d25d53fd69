"""Stream positions that never let a reader skip a change.

Every row a client syncs (rooms, memberships, messages, read markers) carries ``position``:
the stream position of its latest change. Positions come from one counter row and are handed
out **as the last step before commit**, under that row's lock. So a transaction that receives
position *p* commits before any transaction can receive *p + 1*, and a reader who has seen
*p + 1* committed can never later find a newly committed *p*. "Current" therefore always
means: every lower position is durable (or was never used).

Services call ``mark_changed(session, row)`` (or, on a hot path, ``insert_changed``);
``app.db.commit`` calls ``assign`` before it commits, on every commit path (HTTP, WebSocket,
workers) alike. Rows that need the final positions (an operation's stored result, say) are
registered with ``insert_after_assign``.
A plain ``session.commit()`` with marked rows is a bug and fails loudly.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

import sqlalchemy as sa
from pydantic_core import PydanticUndefined
from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Field, SQLModel
from sqlmodel import Session as SQLModelSession
from sqlmodel.ext.asyncio.session import AsyncSession

from app.sql_dialects import per_dialect

_PENDING = "stream.pending"

M = TypeVar("M", bound=SQLModel)
RowBuilder = Callable[[], Awaitable[dict[str, Any]]]


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
    rows: list[Any] = field(default_factory=list)  # in the order they changed
    inserted: set[int] = field(default_factory=set)  # ids of rows ``insert_changed`` stored
    late_rows: dict[sa.Table, list[RowBuilder]] = field(default_factory=dict)

    def waiting(self) -> int:
        return len(self.rows) + len(self.late_rows)


def _pending(session: AsyncSession | Session) -> _Pending:
    sync_session = session.sync_session if isinstance(session, AsyncSession) else session
    pending: _Pending = sync_session.info.setdefault(_PENDING, _Pending())
    return pending


def mark_changed(session: AsyncSession, row: Any) -> None:
    """Give ``row`` a new stream position when the unit of work commits."""
    rows = _pending(session).rows
    if not any(existing is row for existing in rows):
        rows.append(row)


async def insert_changed(
    session: AsyncSession,
    model: type[M],
    values: dict[str, Any],
    *,
    only_if: sa.ColumnElement[bool] | None = None,
) -> M | None:
    """Store a new row of ``model`` now, in one statement instead of the ORM's flush, and give
    it its position at commit; None (and nothing written) if a row with its key exists, or if
    ``only_if`` (a condition on bound parameters named like the columns) does not hold.

    The row joins the session as a stored one, so that reads and edits later in the same unit
    of work find it. It is built the way the ORM builds the rows it loads (the model's own
    constructor cost more than the insert). For hot paths: every send is one."""
    table = model.__table__  # type: ignore[attr-defined]
    static, factories = _defaults(model)
    row_values = {**static, **{name: make() for name, make in factories.items()}, **values}
    insert = _insert_new(table, only_if)(session)
    if (await session.exec(insert, params=row_values)).first() is None:
        return None
    row: M = model._sa_class_manager.new_instance()  # type: ignore[attr-defined]
    for name, value in row_values.items():
        set_committed_value(row, name, value)
    make_transient_to_detached(row)
    session.add(row)
    pending = _pending(session)
    pending.rows.append(row)
    pending.inserted.add(id(row))
    return row


@cache
def _defaults(model: type[SQLModel]) -> tuple[dict[str, Any], dict[str, Callable[[], Any]]]:
    """A model's field defaults: the fixed ones, and the ones made fresh for every row."""
    static: dict[str, Any] = {}
    factories: dict[str, Callable[[], Any]] = {}
    for name, info in model.model_fields.items():
        if info.default_factory is not None:
            factories[name] = info.default_factory  # type: ignore[assignment]
        elif info.default is not PydanticUndefined:
            static[name] = info.default
    return static, factories


def pending_count(session: AsyncSession) -> int:
    """How much is waiting for ``assign``: a way to tell whether some work wrote."""
    pending: _Pending | None = session.sync_session.info.get(_PENDING)
    return 0 if pending is None else pending.waiting()


def insert_after_assign(session: AsyncSession, table: sa.Table, build: RowBuilder) -> None:
    """Insert the row ``build`` makes once positions are assigned; the rows of one table go
    in one statement for the whole unit of work (a group commit's many outcomes, say)."""
    _pending(session).late_rows.setdefault(table, []).append(build)


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
        placed: dict[sa.Table, list[dict[str, Any]]] = {}
        for offset, row in enumerate(rows):
            position = first + offset
            # a message's place in its room (its seq) is fixed at creation
            seq = position if getattr(row, "seq", 0) is None else None
            if id(row) in pending.inserted:  # written below, not by the ORM's flush
                set_committed_value(row, "position", position)
                if seq is not None:
                    set_committed_value(row, "seq", seq)
                placed.setdefault(type(row).__table__, []).append(_place(row, position))
            else:
                row.position = position
                if seq is not None:
                    row.seq = seq
        for table, values in placed.items():
            await session.exec(_placing(table), params=values)
    for table, builders in pending.late_rows.items():
        await session.exec(_insert(table), params=[await build() for build in builders])
    return head


@cache
def _insert(table: sa.Table) -> sa.Insert:
    return sa.insert(table)


@cache
def _insert_new(
    table: sa.Table, only_if: sa.ColumnElement[bool] | None
) -> Callable[[AsyncSession], Any]:
    """``INSERT … [SELECT … WHERE only_if] ON CONFLICT DO NOTHING RETURNING`` the key: a row
    back means it went in."""

    def build(insert: Callable[[Any], Any]) -> Any:
        statement = insert(table)
        if only_if is not None:
            names = [column.key for column in table.columns]
            row = [sa.bindparam(name, type_=table.c[name].type) for name in names]
            statement = statement.from_select(names, sa.select(*row).where(only_if))
        return statement.on_conflict_do_nothing().returning(*table.primary_key)

    return per_dialect(build)


@cache
def _placing(table: sa.Table) -> sa.Update:
    """``UPDATE … SET position (and seq)`` by primary key: one statement for many rows."""
    values: dict[str, Any] = {"position": sa.bindparam("place_position")}
    if "seq" in table.c:
        values["seq"] = sa.bindparam("place_seq")
    keys = [column == sa.bindparam(f"place_{column.key}") for column in table.primary_key]
    return sa.update(table).where(*keys).values(values)


def _place(row: Any, position: int) -> dict[str, Any]:
    table = type(row).__table__
    values = {f"place_{column.key}": getattr(row, column.key) for column in table.primary_key}
    values["place_position"] = position
    if "seq" in table.c:
        values["place_seq"] = row.seq
    return values


class StreamSession(SQLModelSession):
    """The sync session behind every ``AsyncSession``."""


@event.listens_for(StreamSession, "before_commit")
def _refuse_unassigned(session: Session) -> None:
    if session.get_nested_transaction() is not None:
        return  # releasing a savepoint is not the commit
    pending: _Pending | None = session.info.get(_PENDING)
    if pending is not None and pending.waiting():
        raise RuntimeError("commit through app.db.commit(): marked rows have no position yet")


@event.listens_for(StreamSession, "after_soft_rollback")
def _forget_on_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    if previous_transaction.parent is None:  # the whole unit of work, not a savepoint
        session.info.pop(_PENDING, None)


async def current_head(session: AsyncSession) -> StreamHead:
    head = await session.get(StreamHead, 1, populate_existing=True)
    assert head is not None, "the migration creates the stream head row"
    return head
