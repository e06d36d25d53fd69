"""Shifts: coordinators publish them and see the rota with its gaps; volunteers sign up,
withdraw in time, and check in and out within the shift's window.

Signing up takes the shift's row lock first, so that two volunteers taking the last seat at
the same moment (on two instances) cannot both get it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.config import ShiftSettings
from app.identity.actor import Actor
from app.identity.models import Account, AgeBand, StaffRole, StaffRoleGrant
from app.locations import service as locations
from app.locations.hours import open_intervals, uncovered
from app.oncall import service as oncall
from app.oncall.models import Tier
from app.shifts import errors
from app.shifts.models import Shift, ShiftSignup, VolunteerCapacity

MANAGERS = (StaffRole.coordinator, StaffRole.admin)


async def publish_shift(
    session: AsyncSession,
    actor: Actor,
    *,
    location_id: uuid.UUID,
    starts_at: datetime,
    ends_at: datetime,
    seats: int,
    age_bands: Sequence[AgeBand],
) -> ShiftView:
    """A coordinator publishes a shift. Raises ``RoleRequired``, ``LocationNotFound`` and,
    where the location requires cover, ``NoCover`` while no professional is on call for
    every minute of it."""
    actor.require_role(*MANAGERS)
    location = await locations.get_location(session, location_id)
    if location.requires_cover:
        covered = await oncall.covered_between(
            session, location_id, Tier.professional, starts_at, ends_at
        )
        holes = uncovered([(starts_at, ends_at)], covered)
        if holes:
            first_from, first_until = holes[0]
            raise errors.NoCover(starts_at=first_from.isoformat(), ends_at=first_until.isoformat())
    shift = Shift(
        location_id=location_id,
        starts_at=starts_at,
        ends_at=ends_at,
        seats=seats,
        serves_12_17=AgeBand.young in age_bands,
        serves_18_25=AgeBand.adult in age_bands,
        created_by=actor.account_id,
    )
    session.add(shift)
    await session.flush()
    return ShiftView(shift, taken=0, mine=None, volunteers=[])


async def get_shift(session: AsyncSession, shift_id: uuid.UUID, *, lock: bool = False) -> Shift:
    shift = await session.get(Shift, shift_id, with_for_update=lock)
    if shift is None:
        raise errors.ShiftNotFound()
    return shift


@dataclass(frozen=True)
class ShiftView:
    shift: Shift
    taken: int  # seats taken
    mine: ShiftSignup | None  # the viewer's own sign-up
    volunteers: list[tuple[ShiftSignup, Account]]  # for coordinators only; else empty


async def shifts_between(
    session: AsyncSession,
    actor: Actor,
    *,
    location_id: uuid.UUID,
    starts: datetime,
    ends: datetime,
) -> list[ShiftView]:
    """The shifts of a location that overlap a period: for volunteers to sign up, with who is
    on them for coordinators. Raises ``RoleRequired``."""
    actor.require_role(StaffRole.volunteer, *MANAGERS)
    result = await session.exec(
        select(Shift)
        .where(
            Shift.location_id == location_id,
            col(Shift.ends_at) > starts,
            col(Shift.starts_at) < ends,
        )
        .order_by(col(Shift.starts_at))
    )
    shifts = list(result.all())
    signups = await _signups(session, [shift.id for shift in shifts])
    managing = actor.has_role(*MANAGERS)
    return [
        ShiftView(
            shift,
            taken=len(signups.get(shift.id, [])),
            mine=next(
                (s for s, _ in signups.get(shift.id, []) if s.volunteer_id == actor.account_id),
                None,
            ),
            volunteers=signups.get(shift.id, []) if managing else [],
        )
        for shift in shifts
    ]


async def _signups(
    session: AsyncSession, shift_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[ShiftSignup, Account]]]:
    if not shift_ids:
        return {}
    result = await session.exec(
        select(ShiftSignup, Account)
        .join(Account, col(Account.id) == col(ShiftSignup.volunteer_id))
        .where(col(ShiftSignup.shift_id).in_(shift_ids))
        .order_by(col(ShiftSignup.signed_up_at))
    )
    grouped: dict[uuid.UUID, list[tuple[ShiftSignup, Account]]] = {}
    for signup, account in result.all():
        grouped.setdefault(signup.shift_id, []).append((signup, account))
    return grouped


@dataclass(frozen=True)
class Gap:
    starts_at: datetime
    ends_at: datetime
    missing: Literal["volunteer", "professional"]


async def rota_gaps(
    session: AsyncSession,
    actor: Actor,
    views: list[ShiftView],
    *,
    location_id: uuid.UUID,
    starts: datetime,
    ends: datetime,
) -> list[Gap]:
    """When the location is open in the period but no volunteer is signed up for a shift, or
    no professional is on call. Raises ``RoleRequired``."""
    actor.require_role(*MANAGERS)
    location = await locations.get_location(session, location_id)
    zone = locations.zone_of(location.time_zone)
    open_spans = [
        (max(start, starts), min(end, ends))
        for start, end in open_intervals(
            starts.astimezone(zone).date() - timedelta(days=1),
            (ends - starts).days + 3,
            zone=zone,
            weekly=await locations.weekly_openings(session, location.id),
            always_open=location.always_open,
            closures=await locations.closures_between(session, location.id, starts, ends),
        )
        if end > starts and start < ends
    ]
    volunteers = [(v.shift.starts_at, v.shift.ends_at) for v in views if v.taken > 0]
    professionals = await oncall.covered_between(
        session, location_id, Tier.professional, starts, ends
    )
    gaps = [Gap(s, e, "volunteer") for s, e in uncovered(open_spans, volunteers)]
    gaps += [Gap(s, e, "professional") for s, e in uncovered(open_spans, professionals)]
    return sorted(gaps, key=lambda gap: (gap.starts_at, gap.missing))


async def sign_up(session: AsyncSession, actor: Actor, shift_id: uuid.UUID) -> ShiftSignup:
    """A volunteer takes a seat (again: no change). Raises ``RoleRequired``, ``ShiftNotFound``,
    ``ShiftOver`` and ``ShiftFull``."""
    actor.require_role(StaffRole.volunteer)
    shift = await get_shift(session, shift_id, lock=True)
    existing = await session.get(ShiftSignup, (shift.id, actor.account_id))
    if existing is not None:
        return existing
    if shift.ends_at <= clock.now():
        raise errors.ShiftOver()
    taken = await session.exec(
        select(sa.func.count()).select_from(ShiftSignup).where(ShiftSignup.shift_id == shift.id)
    )
    if taken.one() >= shift.seats:
        raise errors.ShiftFull(seats=shift.seats)
    signup = ShiftSignup(shift_id=shift.id, volunteer_id=actor.account_id)
    session.add(signup)
    await session.flush()
    return signup


async def withdraw(
    session: AsyncSession, actor: Actor, shift_id: uuid.UUID, settings: ShiftSettings
) -> None:
    """Give a seat back, in time. Raises ``RoleRequired``, ``ShiftNotFound``, ``NotSignedUp``
    and ``WithdrawTooLate``."""
    shift, signup = await _own_signup(session, actor, shift_id)
    cutoff = shift.starts_at - timedelta(hours=settings.withdraw_cutoff_hours)
    if clock.now() > cutoff or signup.checked_in_at is not None:
        raise errors.WithdrawTooLate(cutoff_hours=settings.withdraw_cutoff_hours)
    await session.delete(signup)
    await session.flush()


async def check_in(
    session: AsyncSession, actor: Actor, shift_id: uuid.UUID, settings: ShiftSettings
) -> ShiftSignup:
    """Start the shift: from ``check_in_grace_minutes`` before it until it ends. Raises
    ``RoleRequired``, ``ShiftNotFound``, ``NotSignedUp`` and ``OutsideWindow``."""
    shift, signup = await _own_signup(session, actor, shift_id)
    opens_at = shift.starts_at - timedelta(minutes=settings.check_in_grace_minutes)
    now = clock.now()
    if not opens_at <= now < shift.ends_at:
        raise errors.OutsideWindow(
            opens_at=opens_at.isoformat(), closes_at=shift.ends_at.isoformat()
        )
    if signup.checked_in_at is None or signup.checked_out_at is not None:
        signup.checked_in_at, signup.checked_out_at = now, None
        session.add(signup)
        await session.flush()
    return signup


async def check_out(
    session: AsyncSession, actor: Actor, shift_id: uuid.UUID, settings: ShiftSettings
) -> ShiftSignup:
    """End one's shift, until the grace period after it ends. Raises ``RoleRequired``,
    ``ShiftNotFound``, ``NotSignedUp``, ``NotCheckedIn`` and ``OutsideWindow``."""
    shift, signup = await _own_signup(session, actor, shift_id)
    if signup.checked_in_at is None or signup.checked_out_at is not None:
        raise errors.NotCheckedIn()
    closes_at = shift.ends_at + timedelta(minutes=settings.check_in_grace_minutes)
    if clock.now() > closes_at:
        raise errors.OutsideWindow(
            opens_at=signup.checked_in_at.isoformat(), closes_at=closes_at.isoformat()
        )
    signup.checked_out_at = clock.now()
    session.add(signup)
    await session.flush()
    return signup


async def _own_signup(
    session: AsyncSession, actor: Actor, shift_id: uuid.UUID
) -> tuple[Shift, ShiftSignup]:
    # As when signing up: someone who is no volunteer learns nothing about a shift, not even
    # that it exists ("not signed up" told them it did).
    actor.require_role(StaffRole.volunteer)
    shift = await get_shift(session, shift_id)
    signup = await session.get(ShiftSignup, (shift.id, actor.account_id))
    if signup is None:
        raise errors.NotSignedUp()
    return shift, signup


async def set_capacity(
    session: AsyncSession, actor: Actor, volunteer_id: uuid.UUID, chats: int
) -> VolunteerCapacity:
    """A coordinator sets how many chats a volunteer takes at once. Raises ``RoleRequired``
    and ``VolunteerNotFound``."""
    actor.require_role(*MANAGERS)
    grant = await session.get(StaffRoleGrant, (volunteer_id, StaffRole.volunteer))
    if grant is None:
        raise errors.VolunteerNotFound()
    capacity = await session.get(VolunteerCapacity, volunteer_id)
    if capacity is None:
        capacity = VolunteerCapacity(account_id=volunteer_id, chats=chats)
    capacity.chats, capacity.updated_at = chats, clock.now()
    session.add(capacity)
    await session.flush()
    return capacity


async def capacity_of(
    session: AsyncSession, volunteer_id: uuid.UUID, settings: ShiftSettings
) -> int:
    capacity = await session.get(VolunteerCapacity, volunteer_id)
    return settings.default_chat_capacity if capacity is None else capacity.chats


async def current_shift(
    session: AsyncSession, volunteer_id: uuid.UUID, *, lock: bool = False
) -> tuple[Shift, ShiftSignup] | None:
    """The shift a volunteer is checked in to now (checked in, not out, not over); with
    ``lock``, their sign-up row is locked, so that their own takes happen one at a time."""
    statement = (
        select(Shift, ShiftSignup)
        .join(ShiftSignup, col(ShiftSignup.shift_id) == col(Shift.id))
        .where(
            ShiftSignup.volunteer_id == volunteer_id,
            col(ShiftSignup.checked_in_at).is_not(None),
            col(ShiftSignup.checked_out_at).is_(None),
            col(Shift.ends_at) > clock.now(),
        )
        .order_by(col(Shift.starts_at))
        .limit(1)
    )
    if lock:
        statement = statement.with_for_update(of=ShiftSignup)
    found = (await session.exec(statement)).first()
    return None if found is None else (found[0], found[1])


def serves(shift: Shift, age_band: AgeBand) -> bool:
    """Teens (12-17) go to volunteers on a shift that serves them, and so do young adults."""
    return shift.serves_12_17 if age_band is AgeBand.young else shift.serves_18_25


async def volunteers_on_shift(session: AsyncSession, age_band: AgeBand | None) -> list[uuid.UUID]:
    """Everyone checked in to a shift now that serves ``age_band`` (None: any band)."""
    statement = (
        select(ShiftSignup.volunteer_id)
        .join(Shift, col(Shift.id) == col(ShiftSignup.shift_id))
        .where(
            col(ShiftSignup.checked_in_at).is_not(None),
            col(ShiftSignup.checked_out_at).is_(None),
            col(Shift.ends_at) > clock.now(),
        )
    )
    if age_band is AgeBand.young:
        statement = statement.where(col(Shift.serves_12_17))
    elif age_band is AgeBand.adult:
        statement = statement.where(col(Shift.serves_18_25))
    return sorted(set((await session.exec(statement)).all()))
