"""Signing up, in and out: the only identity routes that need no token (except logout)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response, status

from app.db import SessionDep
from app.errors import RateLimited, RequestInvalid, responses
from app.identity import errors, service, sessions, staff
from app.identity.deps import CurrentActor, PolicyDep
from app.identity.schemas import (
    LoginRequest,
    RecoverRequest,
    RegisteredPublic,
    RegisterRequest,
    SignedInPublic,
    StaffJoinRequest,
    signed_in_public,
)
from app.ratelimit import limit

router = APIRouter(prefix="/auth", tags=["auth"])

HANDLE_REFUSALS = (
    errors.HandleInvalid,
    errors.HandleLooksLikeEmail,
    errors.HandleLooksLikePhone,
    errors.HandleTooManyDigits,
    errors.HandleReserved,
    errors.HandleTaken,
)
PASSPHRASE_REFUSALS = (
    errors.PassphraseTooShort,
    errors.PassphraseTooLong,
    errors.PassphraseTooCommon,
    errors.PassphraseContainsHandle,
)


registration_budget = Depends(limit("register"))
login_budget = Depends(limit("login"))


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    dependencies=[registration_budget],
    responses=responses(RequestInvalid, RateLimited, *HANDLE_REFUSALS, *PASSPHRASE_REFUSALS),
)
async def register(
    body: RegisterRequest, session: SessionDep, policy: PolicyDep
) -> RegisteredPublic:
    """Join anonymously with a handle, a passphrase and an age band; nothing else is asked."""
    signed_in = await service.register_member(
        session,
        handle=body.handle,
        passphrase=body.passphrase,
        age_band=body.age_band,
        device_label=body.device_label,
        policy=policy,
    )
    return signed_in_public(signed_in)  # type: ignore[return-value]


@router.post(
    "/login",
    dependencies=[login_budget],
    responses=responses(
        RequestInvalid,
        RateLimited,
        errors.InvalidCredentials,
        errors.LoginThrottled,
        errors.LoginLocked,
    ),
)
async def login(body: LoginRequest, session: SessionDep, policy: PolicyDep) -> SignedInPublic:
    """Log in on a device; every device gets its own token."""
    signed_in = await service.login(
        session,
        handle=body.handle,
        passphrase=body.passphrase,
        device_label=body.device_label,
        policy=policy,
    )
    return signed_in_public(signed_in)


@router.post(
    "/recover",
    dependencies=[login_budget],
    responses=responses(
        RequestInvalid,
        RateLimited,
        errors.InvalidRecoveryCode,
        errors.LoginThrottled,
        errors.LoginLocked,
        *PASSPHRASE_REFUSALS,
    ),
)
async def recover(body: RecoverRequest, session: SessionDep, policy: PolicyDep) -> RegisteredPublic:
    """Set a new passphrase with your recovery code; you get a new code and other devices are
    logged out."""
    signed_in = await service.recover(
        session,
        handle=body.handle,
        recovery_code=body.recovery_code,
        new_passphrase=body.new_passphrase,
        device_label=body.device_label,
        policy=policy,
    )
    return signed_in_public(signed_in)  # type: ignore[return-value]


@router.post(
    "/staff-join",
    status_code=status.HTTP_201_CREATED,
    dependencies=[registration_budget],
    responses=responses(
        RequestInvalid,
        RateLimited,
        errors.InviteInvalid,
        errors.DisplayNameInvalid,
        *HANDLE_REFUSALS,
        *PASSPHRASE_REFUSALS,
    ),
)
async def staff_join(
    body: StaffJoinRequest, session: SessionDep, policy: PolicyDep
) -> RegisteredPublic:
    """Join the team with a one-time invite code from a coordinator or admin."""
    signed_in = await staff.join_with_invite(
        session,
        invite_code=body.invite_code,
        handle=body.handle,
        passphrase=body.passphrase,
        display_name=body.display_name,
        device_label=body.device_label,
        policy=policy,
    )
    return signed_in_public(signed_in)  # type: ignore[return-value]


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(errors.AuthenticationRequired, errors.SessionInvalid),
)
async def logout(actor: CurrentActor, session: SessionDep) -> Response:
    """Log this device out; its token stops working at once."""
    await sessions.revoke(session, actor.account_id, actor.device.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
