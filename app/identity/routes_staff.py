"""Staff invites, managed by coordinators and admins."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from app.db import SessionDep
from app.errors import RequestInvalid, responses
from app.identity import errors, staff
from app.identity.deps import CurrentActor, PolicyDep
from app.identity.routes_me import AUTH
from app.identity.schemas import InviteCreate, InviteCreatedPublic, InvitePublic, invite_public

router = APIRouter(prefix="/staff/invites", tags=["staff"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses=responses(*AUTH, RequestInvalid, errors.RoleRequired, errors.InviteRoleNotAllowed),
)
async def create_invite(
    body: InviteCreate, actor: CurrentActor, session: SessionDep, policy: PolicyDep
) -> InviteCreatedPublic:
    """Issue a one-time, expiring invite code for a staff role; the code is shown only now."""
    invite, code = await staff.create_invite(
        session, actor, role=body.role, expires_in_hours=body.expires_in_hours, policy=policy
    )
    return InviteCreatedPublic(invite=invite_public(invite), code=code)


@router.get("", responses=responses(*AUTH, errors.RoleRequired))
async def list_invites(actor: CurrentActor, session: SessionDep) -> list[InvitePublic]:
    """Invites that can still be used."""
    return [invite_public(invite) for invite in await staff.list_open_invites(session, actor)]


@router.delete(
    "/{invite_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(*AUTH, errors.RoleRequired, errors.InviteNotFound),
)
async def revoke_invite(invite_id: uuid.UUID, actor: CurrentActor, session: SessionDep) -> Response:
    """Withdraw an invite before it is used."""
    await staff.revoke_invite(session, actor, invite_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
