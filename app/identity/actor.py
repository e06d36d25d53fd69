"""The acting person, as every service sees them: account, device and roles.

Authorisation questions ("may this person do X?") are asked of the actor inside services,
never in routes, so HTTP, WebSocket and workers share them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from app.identity import errors
from app.identity.models import AccountKind, AgeBand, StaffRole


@dataclass(frozen=True)
class AccountView:
    """The account as a request sees it: who, never their secrets (which stay in the
    database). Plain data, read in one statement with the session (``sessions.resolve``)."""

    id: uuid.UUID
    kind: AccountKind
    handle: str
    age_band: AgeBand | None
    display_name: str | None
    created_at: datetime


@dataclass(frozen=True)
class DeviceView:
    """The device session behind a request."""

    id: uuid.UUID
    device_label: str | None
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class Actor:
    account: AccountView
    device: DeviceView
    roles: frozenset[StaffRole]

    @property
    def account_id(self) -> uuid.UUID:
        return self.account.id

    @property
    def is_member(self) -> bool:
        return self.account.kind is AccountKind.member

    @property
    def is_staff(self) -> bool:
        return self.account.kind is AccountKind.staff

    @property
    def age_band(self) -> AgeBand | None:
        return self.account.age_band

    def has_role(self, *roles: StaffRole) -> bool:
        return bool(self.roles.intersection(roles))

    def require_role(self, *roles: StaffRole) -> None:
        if not self.has_role(*roles):
            raise errors.RoleRequired(roles=" / ".join(role.value for role in roles))

    def require_staff(self) -> None:
        if not self.is_staff:
            raise errors.RoleRequired(roles="staff")

    def require_member(self) -> None:
        if not self.is_member:
            raise errors.MembersOnly()
