"""Device sessions: one opaque bearer token per device, with a sliding expiry.

A session expires after ``idle_days`` without use and, however active, after ``max_days``.
Using it pushes the idle expiry forward, written back at most once per ``touch_interval`` so
that reading does not turn every request into a write.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.config import SessionSettings
from app.identity import errors, tokens
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


# Built once: every authenticated request runs it, and building it cost more than running it.
_BY_TOKEN = (
    select(DeviceSession, Account)
    .join(Account, col(Account.id) == col(DeviceSession.account_id))
    .where(DeviceSession.token_digest == sa.bindparam("digest"))
)


async def resolve(
    session: AsyncSession, token: str, settings: SessionSettings, *, slide: bool = True
) -> tuple[DeviceSession, Account]:
    """The session and account behind a token; raises ``SessionInvalid`` otherwise.

    With ``slide`` (a writing unit of work) a due expiry slide is written in the same
    transaction; a reading one leaves it to ``slide_elsewhere`` (see ``slide_due``)."""
    now = clock.now()
    row = (await session.exec(_BY_TOKEN, params={"digest": tokens.digest(token)})).first()
    if row is None or row[0].expires_at <= now:
        raise errors.SessionInvalid()
    device, account = row
    if slide and slide_due(device, settings):
        device.last_used_at = now
        device.expires_at = now + _expiry(now - device.created_at, settings)
        session.add(device)
        await session.flush()
    return device, account


def slide_due(device: DeviceSession, settings: SessionSettings) -> bool:
    return clock.now() - device.last_used_at >= timedelta(seconds=settings.touch_interval_seconds)


async def slide_elsewhere(
    sessionmaker: async_sessionmaker[AsyncSession], device: DeviceSession, settings: SessionSettings
) -> None:
    """Slide a session's expiry in a short writing transaction of its own, for readers.

    A reading transaction on SQLite cannot safely turn into a writing one (it fails at once
    when another writer committed meanwhile), and a GET should never fail for bookkeeping.
    """
    now = clock.now()
    async with sessionmaker() as writer:
        await writer.exec(
            sa.update(DeviceSession)
            .where(col(DeviceSession.id) == device.id, col(DeviceSession.expires_at) > now)
            .values(last_used_at=now, expires_at=now + _expiry(now - device.created_at, settings))
        )
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
