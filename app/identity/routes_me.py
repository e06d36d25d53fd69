"""My account and my devices."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from app.db import SessionDep
from app.errors import RequestInvalid, responses
from app.identity import errors, service, sessions, staff
from app.identity.deps import CurrentActor, PolicyDep
from app.identity.routes_auth import PASSPHRASE_REFUSALS
from app.identity.schemas import (
    AccountPublic,
    ChangePassphraseRequest,
    DeviceSessionPublic,
    RoleRedeemRequest,
    RolesPublic,
    account_public,
    device_public,
)

router = APIRouter(prefix="/me", tags=["me"])

AUTH = (errors.AuthenticationRequired, errors.SessionInvalid, errors.TokenInUrl)
NO_CONTENT = status.HTTP_204_NO_CONTENT


@router.get("", responses=responses(*AUTH))
async def read_me(actor: CurrentActor) -> AccountPublic:
    """My account as the service holds it: handle, age band or display name, roles."""
    return account_public(actor.account, actor.roles)


@router.post(
    "/passphrase",
    status_code=NO_CONTENT,
    responses=responses(
        *AUTH,
        RequestInvalid,
        errors.WrongPassphrase,
        errors.LoginThrottled,
        errors.LoginLocked,
        *PASSPHRASE_REFUSALS,
    ),
)
async def change_passphrase(
    body: ChangePassphraseRequest, actor: CurrentActor, session: SessionDep, policy: PolicyDep
) -> Response:
    """Change my passphrase; my other devices are logged out, this one stays in."""
    await service.change_passphrase(
        session,
        actor.account,
        current_device=actor.device,
        current_passphrase=body.current_passphrase,
        new_passphrase=body.new_passphrase,
        policy=policy,
    )
    return Response(status_code=NO_CONTENT)


@router.get("/sessions", responses=responses(*AUTH))
async def list_my_sessions(actor: CurrentActor, session: SessionDep) -> list[DeviceSessionPublic]:
    """The devices I am logged in on, most recently used first."""
    devices = await sessions.list_sessions(session, actor.account_id)
    return [device_public(device, current_id=actor.device.id) for device in devices]


@router.delete(
    "/sessions/{session_id}",
    status_code=NO_CONTENT,
    responses=responses(*AUTH, errors.SessionNotFound),
)
async def log_out_device(
    session_id: uuid.UUID, actor: CurrentActor, session: SessionDep
) -> Response:
    """Log one of my devices out (a lost phone, say)."""
    await sessions.revoke(session, actor.account_id, session_id)
    return Response(status_code=NO_CONTENT)


@router.delete("/sessions", status_code=NO_CONTENT, responses=responses(*AUTH))
async def log_out_everywhere(actor: CurrentActor, session: SessionDep) -> Response:
    """Log out on every device, this one included."""
    await sessions.revoke_all(session, actor.account_id)
    return Response(status_code=NO_CONTENT)


@router.post(
    "/roles",
    responses=responses(
        *AUTH, RequestInvalid, errors.RoleRequired, errors.InviteInvalid, errors.RoleAlreadyHeld
    ),
)
async def add_role(
    body: RoleRedeemRequest, actor: CurrentActor, session: SessionDep
) -> RolesPublic:
    """Take on another staff role with an invite code (staff only)."""
    role = await staff.add_role_with_invite(session, actor, invite_code=body.invite_code)
    return RolesPublic(roles=sorted(actor.roles | {role}))
