"""Statements per SQL dialect: the INSERT that knows ``ON CONFLICT`` (SQLite and PostgreSQL
both do), and hot statements built once per dialect.

Its own module, below both ``app.db`` and the services, so that anything may import it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel.ext.asyncio.session import AsyncSession

T = TypeVar("T")

_INSERTS: dict[str, Callable[[Any], Any]] = {
    "postgresql": postgresql.insert,
    "sqlite": sqlite.insert,
}


def insert_for(session: AsyncSession, table: Any) -> Any:
    """The dialect's INSERT, which knows ``ON CONFLICT`` (SQLite and PostgreSQL both do)."""
    return _INSERTS[session.get_bind().dialect.name](table)


def per_dialect(build: Callable[[Callable[[Any], Any]], T]) -> Callable[[AsyncSession], T]:
    """A statement built once per dialect, from that dialect's INSERT, for hot paths.

    SQLAlchemy caches the SQL it compiles, but building the expression again on every call
    costs more than SQLite takes to run it; statements built once take bound parameters."""
    built = {name: build(insert) for name, insert in _INSERTS.items()}

    def for_session(session: AsyncSession) -> T:
        return built[session.get_bind().dialect.name]

    return for_session


def insert_once(session: AsyncSession, row: Any) -> Any:
    """``INSERT … ON CONFLICT DO NOTHING RETURNING`` the key, for a new model row: two phones
    doing the same at the same moment (on any instance) leave one row and neither gets a
    fault; no row back means it was there already."""
    table = type(row).__table__
    values = {column.key: getattr(row, column.key) for column in table.columns}
    statement = insert_for(session, table).values(values).on_conflict_do_nothing()
    return statement.returning(*table.primary_key)
