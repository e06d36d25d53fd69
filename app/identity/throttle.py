"""Failed logins per handle slow down, then lock for a while; a success clears the record.

The policy is a pure function (``refusal``); the record lives in the database so that every app
instance sees the same count. The row key is an HMAC of the handle, so handles that people
mistype (perhaps their real name) are never stored.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.config import LoginThrottleSettings
from app.errors import TooManyRequests
from app.identity import errors
from app.identity.handles import handle_key
from app.identity.models import LoginThrottle
from app.sql_dialects import insert_for
from app.tables import UTCDateTime


def throttle_key(secret: str, handle: str) -> str:
    return hmac.new(secret.encode(), handle_key(handle).encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ThrottleState:
    failures: int
    last_failure_at: datetime
    locked_until: datetime | None


def delay_after(failures: int, policy: LoginThrottleSettings) -> int:
    """Seconds to wait after ``failures`` consecutive failures: 0, then 1, 2, 4 ... capped."""
    if failures <= policy.free_failures:
        return 0
    return int(min(2 ** (failures - policy.free_failures - 1), policy.max_delay_seconds))


def refusal(
    state: ThrottleState | None, policy: LoginThrottleSettings, now: datetime
) -> TooManyRequests | None:
    """Whether an attempt made ``now`` must be refused before the passphrase is even checked."""
    if state is None:
        return None
    if state.locked_until is not None and now < state.locked_until:
        return errors.LoginLocked(retry_after=_ceil_seconds(state.locked_until - now))
    ready_at = state.last_failure_at + timedelta(seconds=delay_after(state.failures, policy))
    if now < ready_at:
        return errors.LoginThrottled(retry_after=_ceil_seconds(ready_at - now))
    return None


def _ceil_seconds(delta: timedelta) -> int:
    return max(1, int(-(-delta.total_seconds() // 1)))


async def check(session: AsyncSession, key: str, policy: LoginThrottleSettings) -> None:
    """Raise ``LoginLocked`` or ``LoginThrottled`` when this handle must wait."""
    row = await session.get(LoginThrottle, key)
    state = ThrottleState(row.failures, row.last_failure_at, row.locked_until) if row else None
    problem = refusal(state, policy, clock.now())
    if problem is not None:
        raise problem


async def record_failure(session: AsyncSession, key: str, policy: LoginThrottleSettings) -> None:
    """Count one failure atomically (concurrent failures on other instances all count)."""
    now = clock.now()
    insert = insert_for(session, LoginThrottle)
    table = LoginThrottle.__table__  # type: ignore[attr-defined]
    lock_until = now + timedelta(minutes=policy.lock_minutes)
    statement = insert.values(key=key, failures=1, last_failure_at=now).on_conflict_do_update(
        index_elements=[table.c.key],
        set_={
            "failures": table.c.failures + 1,
            "last_failure_at": now,
            "locked_until": sa.case(
                (
                    table.c.failures + 1 >= policy.lock_after_failures,
                    sa.literal(lock_until, UTCDateTime()),
                ),
                else_=table.c.locked_until,
            ),
        },
    )
    await session.exec(statement)


async def clear(session: AsyncSession, key: str) -> None:
    await session.exec(sa.delete(LoginThrottle).where(LoginThrottle.key == key))  # type: ignore[arg-type]
