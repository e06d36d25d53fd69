"""Locations: coordinators set them up (time zone, weekly hours, closures); anyone may ask
whether chat is open now."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.identity.actor import Actor
from app.identity.models import StaffRole
from app.locations import errors
from app.locations.hours import HORIZON_DAYS, Interval, OpenStatus, WeeklyOpening, status_at
from app.locations.models import Location, LocationClosure, LocationKind, OpeningHours

MANAGERS = (StaffRole.coordinator, StaffRole.admin)
Opening = tuple[int, time, time | None]  # weekday, opens, closes


def zone_of(name: str) -> ZoneInfo:
    """The time zone called ``name``; raises ``TimeZoneUnknown``."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as unknown:
        raise errors.TimeZoneUnknown(time_zone=name) from unknown


async def create_location(
    session: AsyncSession,
    actor: Actor,
    *,
    name: str,
    kind: LocationKind,
    time_zone: str,
    always_open: bool,
    requires_cover: bool = False,
    hours: Sequence[Opening],
) -> Location:
    """A coordinator adds a centre or an online service. Raises ``RoleRequired`` and
    ``TimeZoneUnknown``."""
    actor.require_role(*MANAGERS)
    zone_of(time_zone)
    location = Location(
        name=name,
        kind=kind,
        time_zone=time_zone,
        always_open=always_open,
        requires_cover=requires_cover,
    )
    session.add(location)
    await session.flush()
    await _replace_hours(session, location.id, hours)
    return location


async def update_location(
    session: AsyncSession,
    actor: Actor,
    location_id: uuid.UUID,
    *,
    name: str | None = None,
    time_zone: str | None = None,
    always_open: bool | None = None,
    requires_cover: bool | None = None,
) -> Location:
    """Raises ``RoleRequired``, ``LocationNotFound`` and ``TimeZoneUnknown``."""
    actor.require_role(*MANAGERS)
    location = await get_location(session, location_id)
    if time_zone is not None:
        zone_of(time_zone)
        location.time_zone = time_zone
    if name is not None:
        location.name = name
    if always_open is not None:
        location.always_open = always_open
    if requires_cover is not None:
        location.requires_cover = requires_cover
    session.add(location)
    await session.flush()
    return location


async def set_hours(
    session: AsyncSession, actor: Actor, location_id: uuid.UUID, hours: Sequence[Opening]
) -> Location:
    """Replace the weekly hours. Raises ``RoleRequired`` and ``LocationNotFound``."""
    actor.require_role(*MANAGERS)
    location = await get_location(session, location_id)
    await _replace_hours(session, location.id, hours)
    return location


async def _replace_hours(
    session: AsyncSession, location_id: uuid.UUID, hours: Sequence[Opening]
) -> None:
    await session.exec(sa.delete(OpeningHours).where(col(OpeningHours.location_id) == location_id))
    for weekday, opens, closes in sorted(set(hours), key=lambda o: (o[0], o[1])):
        opening = OpeningHours(location_id=location_id, weekday=weekday, opens=opens, closes=closes)
        session.add(opening)
    await session.flush()


async def add_closure(
    session: AsyncSession,
    actor: Actor,
    location_id: uuid.UUID,
    *,
    starts_at: datetime,
    ends_at: datetime,
    reason: str,
) -> LocationClosure:
    """Close a location for a while (a holiday). Raises ``RoleRequired`` and
    ``LocationNotFound``."""
    actor.require_role(*MANAGERS)
    await get_location(session, location_id)
    closure = LocationClosure(
        location_id=location_id, starts_at=starts_at, ends_at=ends_at, reason=reason
    )
    session.add(closure)
    await session.flush()
    return closure


async def remove_closure(
    session: AsyncSession, actor: Actor, location_id: uuid.UUID, closure_id: uuid.UUID
) -> None:
    """Raises ``RoleRequired`` and ``ClosureNotFound``."""
    actor.require_role(*MANAGERS)
    removed = await session.exec(
        sa.delete(LocationClosure).where(
            col(LocationClosure.id) == closure_id, col(LocationClosure.location_id) == location_id
        )
    )
    if removed.rowcount == 0:
        raise errors.ClosureNotFound()


async def get_location(session: AsyncSession, location_id: uuid.UUID) -> Location:
    location = await session.get(Location, location_id)
    if location is None:
        raise errors.LocationNotFound()
    return location


async def list_locations(session: AsyncSession) -> Sequence[Location]:
    return (await session.exec(select(Location).order_by(col(Location.name)))).all()


async def weekly_hours(session: AsyncSession, location_id: uuid.UUID) -> list[OpeningHours]:
    result = await session.exec(
        select(OpeningHours)
        .where(OpeningHours.location_id == location_id)
        .order_by(col(OpeningHours.weekday), col(OpeningHours.opens))
    )
    return list(result.all())


async def coming_closures(session: AsyncSession, location_id: uuid.UUID) -> list[LocationClosure]:
    """Closures not yet over, soonest first."""
    result = await session.exec(
        select(LocationClosure)
        .where(
            LocationClosure.location_id == location_id,
            col(LocationClosure.ends_at) > clock.now(),
        )
        .order_by(col(LocationClosure.starts_at))
    )
    return list(result.all())


async def open_status(
    session: AsyncSession, location: Location, at: datetime | None = None
) -> OpenStatus:
    """Whether ``location`` is open (now, or ``at``), until when, or when it next opens."""
    now = at or clock.now()
    return status_at(
        now,
        zone=zone_of(location.time_zone),
        weekly=await weekly_openings(session, location.id),
        always_open=location.always_open,
        closures=await closures_between(
            session, location.id, now - timedelta(days=2), now + timedelta(days=HORIZON_DAYS + 2)
        ),
    )


async def weekly_openings(session: AsyncSession, location_id: uuid.UUID) -> list[WeeklyOpening]:
    return [
        WeeklyOpening(opening.weekday, opening.opens, opening.closes)
        for opening in await weekly_hours(session, location_id)
    ]


async def closures_between(
    session: AsyncSession, location_id: uuid.UUID, starts: datetime, ends: datetime
) -> list[Interval]:
    """The closures of a location that overlap a period, as moments."""
    result = await session.exec(
        select(LocationClosure).where(
            LocationClosure.location_id == location_id,
            col(LocationClosure.ends_at) > starts,
            col(LocationClosure.starts_at) < ends,
        )
    )
    return [(closure.starts_at, closure.ends_at) for closure in result.all()]


@dataclass(frozen=True)
class LocationView:
    location: Location
    hours: list[OpeningHours]
    closures: list[LocationClosure]
    status: OpenStatus


async def describe(session: AsyncSession, location_id: uuid.UUID) -> LocationView:
    """A location with its hours, coming closures and whether it is open now.
    Raises ``LocationNotFound``."""
    location = await get_location(session, location_id)
    return LocationView(
        location,
        await weekly_hours(session, location.id),
        await coming_closures(session, location.id),
        await open_status(session, location),
    )
