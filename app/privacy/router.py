"""``/me/export`` and ``DELETE /me``: a person's own data, handed over or erased."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from app.db import SessionDep
from app.errors import RateLimited, RequestInvalid, responses
from app.identity import errors as identity_errors
from app.identity.deps import CurrentActor, PolicyDep
from app.identity.schemas import PassphraseInput
from app.privacy import erasure
from app.privacy.erasure import CommunityMessages, ErasureReceipt
from app.privacy.export import AccountExport, export_account
from app.ratelimit import Budget, RateLimiter

router = APIRouter(prefix="/me", tags=["me"])

AUTH = (
    identity_errors.AuthenticationRequired,
    identity_errors.SessionInvalid,
    identity_errors.TokenInUrl,
)


class EraseRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    passphrase: PassphraseInput
    community_messages: Annotated[
        CommunityMessages,
        Field(
            description="what happens to what I wrote in community rooms: `delete` it, or "
            "`keep` it without my name (shown as a former member's)"
        ),
    ]


@router.get("/export", responses=responses(*AUTH, RateLimited))
async def download_my_data(
    request: Request, actor: CurrentActor, session: SessionDep, response: Response
) -> AccountExport:
    """Everything the service holds about me, as one JSON document to keep."""
    limiter: RateLimiter = request.app.state.rate_limiter
    per_hour = request.app.state.settings.privacy.exports_per_hour
    limiter.hit(Budget("export", per_hour, 3600), str(actor.account_id))
    response.headers["Content-Disposition"] = 'attachment; filename="vrije-ruimte-export.json"'
    return await export_account(session, actor.account)


@router.delete(
    "",
    responses=responses(
        *AUTH,
        RequestInvalid,
        identity_errors.WrongPassphrase,
        identity_errors.LoginThrottled,
        identity_errors.LoginLocked,
    ),
)
async def erase_me(
    body: EraseRequest, actor: CurrentActor, session: SessionDep, policy: PolicyDep
) -> ErasureReceipt:
    """Erase my account and every device session; needs my passphrase once more. My 1:1
    chats are erased, except one an open escalation still needs (erased when it closes)."""
    return await erasure.erase_account(
        session,
        actor.account,
        passphrase=body.passphrase,
        community_messages=body.community_messages,
        policy=policy,
    )
