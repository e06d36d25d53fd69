"""Moderation over HTTP: members flag and appeal; a room's peer moderators appoint each
other, work the review queue, invite staff visitors and keep the public log; coordinators
guard (archive, remove what is illegal)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from app.db import SessionDep
from app.errors import RequestInvalid, responses
from app.identity import errors as identity_errors
from app.identity.deps import CurrentActor
from app.identity.routes_me import AUTH
from app.rooms import errors as room_errors
from app.rooms.schemas import RoomPublic, room_public
from moderation import appeals, errors, flags, guard, log, moderators, review, visits
from moderation.models import Action, ModerationAction, StaffVisit
from moderation.schemas import (
    ActionCreate,
    ActionPublic,
    AppealCreate,
    AppealDecision,
    AppealPublic,
    CasePublic,
    FlagCreate,
    FlagReceived,
    GuardRemoval,
    LogEntry,
    ModeratorAppoint,
    ModeratorPublic,
    RoomPolicyPublic,
    RoomPolicyUpdate,
    VisitCreate,
    VisitPublic,
)

router = APIRouter(prefix="/moderation", tags=["moderation"])
guard_router = APIRouter(tags=["rooms"])

MODERATING = (room_errors.RoomNotFound, errors.NotModerator, errors.FreeSpace)


def _action_public(entry: ModerationAction) -> ActionPublic:
    return ActionPublic(
        id=entry.id,
        action=entry.action,
        rule=entry.rule,
        until=entry.until,
        created_at=entry.created_at,
    )


def _visit_public(visit: StaffVisit, visitor: str) -> VisitPublic:
    return VisitPublic(
        id=visit.id,
        room_id=visit.room_id,
        visitor=visitor,
        purpose=visit.purpose,
        starts_at=visit.starts_at,
        ends_at=visit.ends_at,
        closed=visit.closed_at is not None,
    )


@router.post(
    "/flags", status_code=status.HTTP_202_ACCEPTED, responses=responses(*AUTH, RequestInvalid)
)
async def flag(body: FlagCreate, actor: CurrentActor, session: SessionDep) -> FlagReceived:
    """Flag a message, or a member of a room, with a reason; "worried" reaches the
    volunteers on shift instead. The answer is the same whatever the target."""
    await flags.flag(session, actor, **body.model_dump())
    return FlagReceived()


@router.get("/rooms/{room_id}/moderators", responses=responses(*AUTH, room_errors.RoomNotFound))
async def list_moderators(
    room_id: uuid.UUID, actor: CurrentActor, session: SessionDep
) -> list[ModeratorPublic]:
    """Who moderates this room (its members may know)."""
    return await moderators.moderators_of(session, actor, room_id)


@router.post(
    "/rooms/{room_id}/moderators",
    status_code=status.HTTP_201_CREATED,
    responses=responses(
        *AUTH, RequestInvalid, *MODERATING, errors.ModeratorsExist, errors.NotAMember
    ),
)
async def appoint_moderator(
    room_id: uuid.UUID, body: ModeratorAppoint, actor: CurrentActor, session: SessionDep
) -> ModeratorPublic:
    """Appoint a member of the room as moderator: a coordinator the first ones, then the
    moderators each other."""
    appointed = await moderators.appoint(session, actor, room_id, member=body.member)
    return ModeratorPublic(handle=body.member, appointed_at=appointed.appointed_at)


@router.delete(
    "/rooms/{room_id}/moderators/{member}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(*AUTH, *MODERATING, errors.ModeratorNotFound),
)
async def retire_moderator(
    room_id: uuid.UUID,
    member: Annotated[str, Path(min_length=1, max_length=24, description="the moderator's handle")],
    actor: CurrentActor,
    session: SessionDep,
) -> Response:
    """Retire a moderator (a fellow moderator, or oneself)."""
    await moderators.retire(session, actor, room_id, member=member)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/rooms/{room_id}/policy", responses=responses(*AUTH, *MODERATING))
async def read_policy(
    room_id: uuid.UUID, actor: CurrentActor, session: SessionDep
) -> RoomPolicyPublic:
    """The room's flag threshold, how its log is signed, and the rules actions may name."""
    return await moderators.room_policy(session, actor, room_id, {})


@router.patch("/rooms/{room_id}/policy", responses=responses(*AUTH, RequestInvalid, *MODERATING))
async def update_policy(
    room_id: uuid.UUID, body: RoomPolicyUpdate, actor: CurrentActor, session: SessionDep
) -> RoomPolicyPublic:
    """Set the room's flag threshold or sign its log as "the moderators"."""
    return await moderators.room_policy(session, actor, room_id, body.model_dump())


@router.get("/rooms/{room_id}/queue", responses=responses(*AUTH, *MODERATING))
async def review_queue(
    room_id: uuid.UUID, actor: CurrentActor, session: SessionDep
) -> list[CasePublic]:
    """What members flagged, highest score first; never who flagged."""
    return await review.queue(session, actor, room_id)


@router.post(
    "/rooms/{room_id}/actions",
    status_code=status.HTTP_201_CREATED,
    responses=responses(
        *AUTH,
        RequestInvalid,
        *MODERATING,
        errors.RuleRequired,
        errors.ReasonRequired,
        errors.DurationRequired,
        errors.ActionNeedsMessage,
        errors.TargetNotFound,
        errors.OwnCase,
    ),
)
async def take_action(
    room_id: uuid.UUID, body: ActionCreate, actor: CurrentActor, session: SessionDep
) -> ActionPublic:
    """Dismiss, hide, restore, warn, mute or remove, naming a room rule and a reason."""
    entry = await review.act(
        session,
        actor,
        room_id,
        action=Action(body.action),
        message_id=body.message_id,
        member=body.member,
        rule=body.rule,
        reason=body.reason,
        minutes=body.minutes,
    )
    return _action_public(entry)


@router.get(
    "/rooms/{room_id}/log", responses=responses(*AUTH, RequestInvalid, room_errors.RoomNotFound)
)
async def public_log(
    room_id: uuid.UUID,
    actor: CurrentActor,
    session: SessionDep,
    before: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[LogEntry]:
    """The room's public moderation log, newest first: for its members."""
    return await log.public_log(session, actor, room_id, before=before, limit=limit)


@router.post(
    "/actions/{action_id}/appeal",
    status_code=status.HTTP_201_CREATED,
    responses=responses(
        *AUTH, RequestInvalid, errors.ActionNotFound, errors.NotAppealable, errors.AppealExists
    ),
)
async def appeal(
    action_id: uuid.UUID, body: AppealCreate, actor: CurrentActor, session: SessionDep
) -> AppealPublic:
    """Appeal, once, a moderators' decision about me."""
    return await appeals.appeal(session, actor, action_id, statement=body.statement)


@router.get("/rooms/{room_id}/appeals", responses=responses(*AUTH, *MODERATING))
async def room_appeals(
    room_id: uuid.UUID, actor: CurrentActor, session: SessionDep
) -> list[AppealPublic]:
    """The room's appeals, undecided first (its moderators)."""
    return await appeals.appeals_of_room(session, actor, room_id)


@router.post(
    "/appeals/{appeal_id}/decision",
    responses=responses(
        *AUTH,
        RequestInvalid,
        errors.AppealNotFound,
        errors.FreeSpace,
        errors.ReasonRequired,
        errors.SameModerator,
        errors.AppealDecided,
    ),
)
async def decide_appeal(
    appeal_id: uuid.UUID, body: AppealDecision, actor: CurrentActor, session: SessionDep
) -> AppealPublic:
    """Decide an appeal: a moderator other than the one who took the action."""
    return await appeals.decide(session, actor, appeal_id, outcome=body.outcome, reason=body.reason)


@router.post(
    "/rooms/{room_id}/visits",
    status_code=status.HTTP_201_CREATED,
    responses=responses(
        *AUTH, RequestInvalid, *MODERATING, errors.StaffNotFound, errors.VisitTooLong
    ),
)
async def invite_visit(
    room_id: uuid.UUID, body: VisitCreate, actor: CurrentActor, session: SessionDep
) -> VisitPublic:
    """Invite a staff member to the room for a while (a Q&A evening, say)."""
    visit = await visits.invite(session, actor, room_id, **body.model_dump())
    return _visit_public(visit, body.staff)


@router.get("/visits", responses=responses(*AUTH))
async def my_visits(actor: CurrentActor, session: SessionDep) -> list[VisitPublic]:
    """The visits I am invited to that have not ended (staff)."""
    name = actor.account.display_name or actor.account.handle
    return [_visit_public(visit, name) for visit, _ in await visits.visits_for(session, actor)]


@router.post(
    "/visits/{visit_id}/enter",
    responses=responses(*AUTH, errors.VisitNotFound, errors.VisitNotNow),
)
async def enter_visit(visit_id: uuid.UUID, actor: CurrentActor, session: SessionDep) -> VisitPublic:
    """Come into the room while my visit is on; I leave it when the visit ends."""
    visit = await visits.enter(session, actor, visit_id)
    return _visit_public(visit, actor.account.display_name or actor.account.handle)


@router.post("/visits/{visit_id}/end", responses=responses(*AUTH, errors.VisitNotFound))
async def end_visit(visit_id: uuid.UUID, actor: CurrentActor, session: SessionDep) -> VisitPublic:
    """End a visit early (the room's moderators, or the visitor)."""
    visit = await visits.end(session, actor, visit_id)
    return _visit_public(visit, await visits.visitor_name(session, visit))


@router.post(
    "/rooms/{room_id}/illegal-content",
    status_code=status.HTTP_201_CREATED,
    responses=responses(
        *AUTH,
        RequestInvalid,
        room_errors.RoomNotFound,
        identity_errors.RoleRequired,
        errors.ReasonRequired,
        errors.TargetNotFound,
    ),
)
async def remove_illegal(
    room_id: uuid.UUID, body: GuardRemoval, actor: CurrentActor, session: SessionDep
) -> ActionPublic:
    """Remove a message that is illegal (coordinators' guard role; logged publicly)."""
    entry = await guard.remove_illegal(
        session, actor, room_id, message_id=body.message_id, reason=body.reason
    )
    return _action_public(entry)


@guard_router.post(
    "/rooms/{room_id}/archive",
    responses=responses(*AUTH, identity_errors.RoleRequired, room_errors.RoomNotFound),
)
async def archive_room(room_id: uuid.UUID, actor: CurrentActor, session: SessionDep) -> RoomPublic:
    """Archive a room: members keep reading, nobody writes or joins (coordinators; in the
    room's public log)."""
    return room_public(await guard.archive(session, actor, room_id))
