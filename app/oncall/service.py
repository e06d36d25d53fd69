"""The on-call rota: coordinators set who is on call; anyone on staff can ask who is now."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.identity.actor import Actor
from app.identity.models import Account, StaffRole, StaffRoleGrant
from app.locations import service as locations
from app.locations.hours import Interval
from app.oncall import errors
from app.oncall.models import OnCallSlot, Tier

MANAGERS = (StaffRole.coordinator, StaffRole.admin)


async def add_slot(
    session: AsyncSession,
    actor: Actor,
    *,
    tier: Tier,
    account_id: uuid.UUID,
    location_id: uuid.UUID | None,
    starts_at: datetime,
    ends_at: datetime,
) -> tuple[OnCallSlot, Account]:
    """Put a professional (or the backstop psychiatrist) on call; the slot and who is on it.
    Raises ``RoleRequired``, ``NotInTier`` and ``LocationNotFound``."""
    actor.require_role(*MANAGERS)
    if await session.get(StaffRoleGrant, (account_id, StaffRole(tier.value))) is None:
        raise errors.NotInTier(tier=tier.value)
    if location_id is not None:
        await locations.get_location(session, location_id)
    slot = OnCallSlot(
        tier=tier,
        account_id=account_id,
        location_id=location_id,
        starts_at=starts_at,
        ends_at=ends_at,
    )
    session.add(slot)
    await session.flush()
    account = await session.get(Account, account_id)
    assert account is not None, "a role grant belongs to an account"
    return slot, account


async def remove_slot(session: AsyncSession, actor: Actor, slot_id: uuid.UUID) -> None:
    """Raises ``RoleRequired`` and ``SlotNotFound``."""
    actor.require_role(*MANAGERS)
    removed = await session.exec(sa.delete(OnCallSlot).where(col(OnCallSlot.id) == slot_id))
    if removed.rowcount == 0:
        raise errors.SlotNotFound()


def _covering(location_id: uuid.UUID, tier: Tier) -> sa.ColumnElement[bool]:
    return sa.and_(
        col(OnCallSlot.tier) == tier,
        sa.or_(col(OnCallSlot.location_id) == location_id, col(OnCallSlot.location_id).is_(None)),
    )


async def on_call_now(
    session: AsyncSession, actor: Actor, location_id: uuid.UUID
) -> dict[Tier, list[tuple[OnCallSlot, Account]]]:
    """Who is on call for a location right now, per tier. Raises ``RoleRequired``."""
    actor.require_staff()
    now = clock.now()
    return {tier: await on_call_at(session, location_id, tier, now) for tier in Tier}


async def on_call_at(
    session: AsyncSession, location_id: uuid.UUID, tier: Tier, at: datetime
) -> list[tuple[OnCallSlot, Account]]:
    """Who of ``tier`` is on call for a location at a moment, in the order they are paged:
    the slot that started first, then by slot."""
    result = await session.exec(
        select(OnCallSlot, Account)
        .join(Account, col(Account.id) == col(OnCallSlot.account_id))
        .where(
            _covering(location_id, tier),
            col(OnCallSlot.starts_at) <= at,
            col(OnCallSlot.ends_at) > at,
        )
        .order_by(col(OnCallSlot.starts_at), col(OnCallSlot.id))
    )
    return [(slot, account) for slot, account in result.all()]


async def covered_between(
    session: AsyncSession, location_id: uuid.UUID, tier: Tier, starts: datetime, ends: datetime
) -> list[Interval]:
    """When someone of ``tier`` is on call for the location within a period."""
    result = await session.exec(
        select(OnCallSlot.starts_at, OnCallSlot.ends_at).where(
            _covering(location_id, tier),
            col(OnCallSlot.ends_at) > starts,
            col(OnCallSlot.starts_at) < ends,
        )
    )
    return [(start, end) for start, end in result.all()]
