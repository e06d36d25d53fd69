"""Request and response models of the identity domain: the privacy boundary of its API.

Requests forbid unknown fields: a client that sends an email address or a birth date is told
so instead of having it silently dropped (or, worse, one day stored).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.identity.actor import AccountView, DeviceView
from app.identity.models import (
    Account,
    AccountKind,
    AgeBand,
    DeviceSession,
    StaffInvite,
    StaffRole,
)
from app.identity.service import SignedIn

DeviceLabel = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=40, pattern=r"^[^\x00-\x1f\x7f]*$"
    ),
]
# Loose bounds only: the precise rules live in the services and answer with their own codes.
HandleInput = Annotated[str, Field(min_length=1, max_length=64, examples=["zonnebloem_22"])]
PassphraseInput = Annotated[str, Field(min_length=1, max_length=1024)]
CodeInput = Annotated[str, Field(min_length=1, max_length=64)]


class RequestModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RegisterRequest(RequestModel):
    handle: HandleInput
    passphrase: PassphraseInput
    age_band: AgeBand
    device_label: DeviceLabel | None = None


class LoginRequest(RequestModel):
    handle: HandleInput
    passphrase: PassphraseInput
    device_label: DeviceLabel | None = None


class RecoverRequest(RequestModel):
    handle: HandleInput
    recovery_code: CodeInput
    new_passphrase: PassphraseInput
    device_label: DeviceLabel | None = None


class ChangePassphraseRequest(RequestModel):
    current_passphrase: PassphraseInput
    new_passphrase: PassphraseInput


class InviteCreate(RequestModel):
    role: StaffRole
    expires_in_hours: int | None = Field(None, ge=1, le=24 * 14)


class StaffJoinRequest(RequestModel):
    invite_code: CodeInput
    handle: HandleInput
    passphrase: PassphraseInput
    display_name: Annotated[str, Field(min_length=1, max_length=120)]
    device_label: DeviceLabel | None = None


class RoleRedeemRequest(RequestModel):
    invite_code: CodeInput


class AccountPublic(BaseModel):
    id: uuid.UUID
    kind: AccountKind
    handle: str
    age_band: AgeBand | None
    display_name: str | None
    roles: list[StaffRole]
    created_at: datetime


class DeviceSessionPublic(BaseModel):
    id: uuid.UUID
    device_label: str | None
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime
    current: bool


class SignedInPublic(BaseModel):
    account: AccountPublic
    session: DeviceSessionPublic
    token: str = Field(description="Send as `Authorization: Bearer <token>`. Shown only now.")
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - a scheme name, not a secret


class RegisteredPublic(SignedInPublic):
    recovery_code: str = Field(
        description="Shown exactly once. Lets you set a new passphrase on a new device."
    )


class InvitePublic(BaseModel):
    id: uuid.UUID
    role: StaffRole
    created_at: datetime
    expires_at: datetime


class InviteCreatedPublic(BaseModel):
    invite: InvitePublic
    code: str = Field(description="Shown exactly once; pass it on to the new staff member.")


class RolesPublic(BaseModel):
    roles: list[StaffRole]


def account_public(account: Account | AccountView, roles: frozenset[StaffRole]) -> AccountPublic:
    return AccountPublic(
        id=account.id,
        kind=account.kind,
        handle=account.handle,
        age_band=account.age_band,
        display_name=account.display_name,
        roles=sorted(roles),
        created_at=account.created_at,
    )


def device_public(
    device: DeviceSession | DeviceView, *, current_id: uuid.UUID | None
) -> DeviceSessionPublic:
    return DeviceSessionPublic(
        id=device.id,
        device_label=device.device_label,
        created_at=device.created_at,
        last_used_at=device.last_used_at,
        expires_at=device.expires_at,
        current=device.id == current_id,
    )


def signed_in_public(signed_in: SignedIn) -> RegisteredPublic | SignedInPublic:
    fields = {
        "account": account_public(signed_in.account, signed_in.roles),
        "session": device_public(signed_in.device, current_id=signed_in.device.id),
        "token": signed_in.token,
    }
    if signed_in.recovery_code is not None:
        return RegisteredPublic(**fields, recovery_code=signed_in.recovery_code)
    return SignedInPublic(**fields)


def invite_public(invite: StaffInvite) -> InvitePublic:
    return InvitePublic(
        id=invite.id, role=invite.role, created_at=invite.created_at, expires_at=invite.expires_at
    )
