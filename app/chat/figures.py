"""Figures for coordinators: how many chats, how long people waited, how many gave up or found
chat closed, and what they said afterwards; per location and period.

Aggregates only, never free text, and any cell counting fewer than ``SMALLEST_CELL`` people is
suppressed (null), so that no figure can point at one young person on a quiet evening.
"""

from __future__ import annotations

import math
import statistics
import uuid
from collections import Counter
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from app import clock
from app.chat.models import ChatOutcome, ChatRefusal, ChatRequest, NextStep, RequestState
from app.identity.actor import Actor
from app.identity.models import StaffRole
from app.locations import service as locations

SMALLEST_CELL = 5
FEELINGS = (1, 2, 3, 4)


def shown(count: int) -> int | None:
    """A count, or None when fewer than ``SMALLEST_CELL`` people are in it."""
    return count if count >= SMALLEST_CELL else None


class FiguresPublic(BaseModel):
    """Aggregates only (so this is the wire shape too): a count under 5 people is null, and so
    are the waits when fewer than 5 chats were taken."""

    location_id: uuid.UUID
    first_day: date
    last_day: date
    chats: int | None
    chats_per_day: dict[date, int | None] = Field(description="local days, the whole period")
    wait_median_minutes: float | None
    wait_p90_minutes: float | None
    abandoned: int | None = Field(description="withdrawn while waiting")
    refused_out_of_hours: int | None
    next_steps: dict[NextStep, int | None]
    felt_heard: dict[int, int | None] = Field(description="1 (not at all) to 4 (very much)")


async def figures(
    session: AsyncSession,
    actor: Actor,
    location_id: uuid.UUID,
    first_day: date | None,
    last_day: date | None,
) -> FiguresPublic:
    """The figures of a location from ``first_day`` to ``last_day`` (local days, inclusive;
    by default the last 30 days up to today where the location is, at most 367 days).
    Raises ``RoleRequired`` and ``LocationNotFound``."""
    actor.require_role(StaffRole.coordinator, StaffRole.admin)
    location = await locations.get_location(session, location_id)
    zone = locations.zone_of(location.time_zone)
    last_day = last_day or clock.now().astimezone(zone).date()
    first_day = max(first_day or last_day - timedelta(days=29), last_day - timedelta(days=366))
    starts = datetime.combine(first_day, time(0), zone)
    ends = datetime.combine(last_day + timedelta(days=1), time(0), zone)
    taken = await session.exec(
        select(ChatRequest.created_at, ChatRequest.assigned_at).where(
            ChatRequest.location_id == location_id,
            col(ChatRequest.assigned_at) >= starts,
            col(ChatRequest.assigned_at) < ends,
        )
    )
    pairs = [(created, assigned) for created, assigned in taken.all() if assigned is not None]
    waits = sorted((assigned - created).total_seconds() / 60 for created, assigned in pairs)
    days = Counter(assigned.astimezone(zone).date() for _, assigned in pairs)
    period = [first_day + timedelta(days=n) for n in range((last_day - first_day).days + 1)]
    enough = len(waits) >= SMALLEST_CELL
    abandoned = await _count(
        session,
        select(sa.func.count())
        .select_from(ChatRequest)
        .where(
            ChatRequest.location_id == location_id,
            ChatRequest.state == RequestState.cancelled,
            col(ChatRequest.assigned_at).is_(None),
            col(ChatRequest.created_at) >= starts,
            col(ChatRequest.created_at) < ends,
        ),
    )
    refused = await _count(
        session,
        select(sa.func.coalesce(sa.func.sum(ChatRefusal.count), 0)).where(
            ChatRefusal.location_id == location_id,
            col(ChatRefusal.day) >= first_day,
            col(ChatRefusal.day) <= last_day,
        ),
    )
    outcomes = (
        await session.exec(
            select(ChatOutcome.next_step, ChatOutcome.felt_heard).where(
                ChatOutcome.location_id == location_id,
                col(ChatOutcome.day) >= first_day,
                col(ChatOutcome.day) <= last_day,
            )
        )
    ).all()
    return FiguresPublic(
        location_id=location_id,
        first_day=first_day,
        last_day=last_day,
        chats=shown(len(waits)),
        chats_per_day={day: shown(days[day]) for day in period},
        wait_median_minutes=round(statistics.median(waits), 1) if enough else None,
        wait_p90_minutes=round(_percentile(waits, 90), 1) if enough else None,
        abandoned=shown(abandoned),
        refused_out_of_hours=shown(refused),
        next_steps={
            step: shown(sum(1 for answer, _ in outcomes if answer is step)) for step in NextStep
        },
        felt_heard={
            level: shown(sum(1 for _, felt in outcomes if felt == level)) for level in FEELINGS
        },
    )


async def _count(session: AsyncSession, statement: SelectOfScalar[int]) -> int:
    return int((await session.exec(statement)).one())


def _percentile(ordered: list[float], percent: int) -> float:
    """Nearest-rank percentile of an ordered, non-empty list."""
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]
