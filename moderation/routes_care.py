"""Care tasks over HTTP, for volunteers on shift: see who might need someone to reach out,
take a task, reach out privately with the offer of a chat and the crisis line, or close it."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from app.db import SessionDep
from app.errors import RequestInvalid, responses
from app.identity import errors as identity_errors
from app.identity.deps import CurrentActor
from app.identity.routes_me import AUTH
from moderation import care, errors
from moderation.models import CareTask
from moderation.schemas import CareClose, CareReachOut, CareTaskPublic, CareTaskState

router = APIRouter(prefix="/care", tags=["care"])

TASK = (
    identity_errors.RoleRequired,
    errors.CareTaskNotFound,
    errors.CareTaskDone,
    errors.CareTaskTaken,
)


def _public(view: care.CareTaskView, actor_id: uuid.UUID) -> CareTaskPublic:
    task, message = view.task, view.message
    return CareTaskPublic(
        id=task.id,
        room_id=view.room.id,
        room_name=view.room.name,
        message=None if message is None or message.deleted_at else message.body,
        source=task.source,
        acute=task.acute,
        cues=task.cues,
        state=task.state,
        mine=task.claimed_by == actor_id,
        created_at=task.created_at,
    )


def _state(task: CareTask) -> CareTaskState:
    return CareTaskState(id=task.id, state=task.state)


@router.get("/tasks", responses=responses(*AUTH, identity_errors.RoleRequired))
async def care_tasks(actor: CurrentActor, session: SessionDep) -> list[CareTaskPublic]:
    """Open care tasks for the ages my shift serves, acute first (volunteers on shift; none
    off shift). No handle and no kind of risk: reach out through the service."""
    return [_public(view, actor.account_id) for view in await care.tasks_for(session, actor)]


@router.post("/tasks/{task_id}/claim", responses=responses(*AUTH, *TASK))
async def claim_task(task_id: uuid.UUID, actor: CurrentActor, session: SessionDep) -> CareTaskState:
    """Take a task, so that colleagues do not reach out twice."""
    return _state(await care.claim(session, actor, task_id))


@router.post("/tasks/{task_id}/reach-out", responses=responses(*AUTH, RequestInvalid, *TASK))
async def reach_out(
    task_id: uuid.UUID, body: CareReachOut, actor: CurrentActor, session: SessionDep
) -> CareTaskState:
    """Reach the person privately (a notice on all their devices) with my words, the offer
    of a 1:1 chat and the crisis line; this closes the task."""
    return _state(await care.reach_out(session, actor, task_id, message=body.message))


@router.post("/tasks/{task_id}/close", responses=responses(*AUTH, RequestInvalid, *TASK))
async def close_task(
    task_id: uuid.UUID, body: CareClose, actor: CurrentActor, session: SessionDep
) -> CareTaskState:
    """Close a task without reaching out (someone already did, say)."""
    return _state(await care.close(session, actor, task_id, outcome=body.outcome))
