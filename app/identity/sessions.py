"""Device sessions: one opaque bearer token per device, with a sliding expiry.

A session expires after ``idle_days`` without use and, however active, after ``max_days``.
Using it pushes the idle expiry forward, written back at most once per ``touch_interval`` so
that reading does not turn every request into a write.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.config import SessionSettings
from app.identity import errors, tokens
from app.identity.actor import AccountView, DeviceView
from app.identity.models import Account, DeviceSession


def _expiry(created_at_age: timedelta, settings: SessionSettings) -> timedelta:
    idle = timedelta(days=settings.idle_days)
    remaining_lifetime = timedelta(days=settings.max_days) - created_at_age
    return min(idle, remaining_lifetime)


async def open_session(
    session: AsyncSession,
    account: Account,
    *,
    device_label: str | None,
    settings: SessionSettings,
) -> tuple[DeviceSession, str]:
    """Start a session for a device; returns it with the token, which is never shown again."""
    token = tokens.new_session_token()
    now = clock.now()
    device = DeviceSession(
        account_id=account.id,
        token_digest=tokens.digest(token),
        device_label=device_label,
        created_at=now,
        last_used_at=now,
        expires_at=now + _expiry(timedelta(0), settings),
    )
    session.add(device)
    await session.flush()
    return device, token


_DEVICES = DeviceSession.__table__  # type: ignore[attr-defined]
_ACCOUNTS = Account.__table__  # type: ignore[attr-defined]
_DEVICE_VIEW = [_DEVICES.c[name] for name in DeviceView.__dataclass_fields__]
_ACCOUNT_VIEW = [_ACCOUNTS.c[name] for name in AccountView.__dataclass_fields__]
# Built once, on the tables: every authenticated request runs it, and loading two entities
# cost more than the question.
_BY_TOKEN = (
    select(*_DEVICE_VIEW, *(column.label(f"account_{column.key}") for column in _ACCOUNT_VIEW))
    .join(_ACCOUNTS, _ACCOUNTS.c.id == _DEVICES.c.account_id)
    .where(_DEVICES.c.token_digest == sa.bindparam("digest"))
)
_SLIDE = (
    sa.update(_DEVICES)
    .where(_DEVICES.c.id == sa.bindparam("device"), _DEVICES.c.expires_at > sa.bindparam("now"))
    .values(last_used_at=sa.bindparam("now"), expires_at=sa.bindparam("until"))
)


async def resolve(
    session: AsyncSession, digest: str, settings: SessionSettings, *, slide: bool = True
) -> tuple[DeviceView, AccountView]:
    """The session and account behind a token (its ``tokens.digest``); raises
    ``SessionInvalid`` otherwise.

    With ``slide`` (a writing unit of work) a due expiry slide is written in the same
    transaction; a reading one leaves it to ``slide_elsewhere`` (see ``slide_due``)."""
    now = clock.now()
    row = (await session.exec(_BY_TOKEN, params={"digest": digest})).first()
    if row is None:
        raise errors.SessionInvalid()
    device = DeviceView(*row[: len(_DEVICE_VIEW)])  # the columns come in the views' order
    if device.expires_at <= now:
        raise errors.SessionInvalid()
    account = AccountView(*row[len(_DEVICE_VIEW) :])
    if slide and slide_due(device, settings):
        device = await _slide(session, device, settings)
    return device, account


def slide_due(device: DeviceView, settings: SessionSettings) -> bool:
    return clock.now() - device.last_used_at >= timedelta(seconds=settings.touch_interval_seconds)


async def _slide(
    session: AsyncSession, device: DeviceView, settings: SessionSettings
) -> DeviceView:
    now = clock.now()
    until = now + _expiry(now - device.created_at, settings)
    await session.exec(_SLIDE, params={"device": device.id, "now": now, "until": until})
    return replace(device, last_used_at=now, expires_at=until)


async def slide_elsewhere(
    sessionmaker: async_sessionmaker[AsyncSession], device: DeviceView, settings: SessionSettings
) -> None:
    """Slide a session's expiry in a short writing transaction of its own, for readers.

    A reading transaction on SQLite cannot safely turn into a writing one (it fails at once
    when another writer committed meanwhile), and a GET should never fail for bookkeeping.
    """
    async with sessionmaker() as writer:
        await _slide(writer, device, settings)
        await writer.commit()


async def list_sessions(session: AsyncSession, account_id: uuid.UUID) -> Sequence[DeviceSession]:
    now = clock.now()
    result = await session.exec(
        select(DeviceSession)
        .where(DeviceSession.account_id == account_id, col(DeviceSession.expires_at) > now)
        .order_by(col(DeviceSession.last_used_at).desc())
    )
    return result.all()


async def revoke(session: AsyncSession, account_id: uuid.UUID, session_id: uuid.UUID) -> None:
    """Log one of my devices out. Someone else's session id looks like an unknown one."""
    result = await session.exec(
        sa.delete(DeviceSession).where(
            col(DeviceSession.id) == session_id, col(DeviceSession.account_id) == account_id
        )
    )
    if result.rowcount == 0:
        raise errors.SessionNotFound()


async def revoke_all(
    session: AsyncSession, account_id: uuid.UUID, *, keep: uuid.UUID | None = None
) -> None:
    """Log every device out, except ``keep`` when given (the device making the change)."""
    statement = sa.delete(DeviceSession).where(col(DeviceSession.account_id) == account_id)
    if keep is not None:
        statement = statement.where(col(DeviceSession.id) != keep)
    await session.exec(statement)
