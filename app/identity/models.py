"""Tables of the identity domain.

There is deliberately no column for an email address, phone number, real name, birth date,
diagnosis, IP address or user agent; ``tests/test_no_personal_data.py`` keeps it that way.
Staff have a ``display_name`` because they are real people shown to those they help.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app import clock
from app.tables import TextEnum, utc_column


class AccountKind(StrEnum):
    member = "member"
    staff = "staff"


class AgeBand(StrEnum):
    """Self-declared, used for room access; never a birth date."""

    young = "12-17"
    adult = "18-25"


class StaffRole(StrEnum):
    volunteer = "volunteer"
    professional = "professional"
    psychiatrist = "psychiatrist"
    coordinator = "coordinator"
    admin = "admin"


class Account(SQLModel, table=True):
    __tablename__ = "account"
    __table_args__ = (
        sa.CheckConstraint(
            "(kind = 'member' AND age_band IS NOT NULL AND display_name IS NULL)"
            " OR (kind = 'staff' AND age_band IS NULL AND display_name IS NOT NULL)",
            name="member_or_staff",
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    kind: AccountKind = Field(sa_type=TextEnum(AccountKind, 16))
    handle: str = Field(sa_type=sa.String(24))
    handle_key: str = Field(sa_type=sa.String(24), unique=True)
    age_band: AgeBand | None = Field(default=None, sa_type=TextEnum(AgeBand, 8))
    display_name: str | None = Field(default=None, sa_type=sa.String(60))
    passphrase_hash: str = Field(sa_type=sa.String(255))
    recovery_code_hash: str = Field(sa_type=sa.String(64))
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())


class StaffRoleGrant(SQLModel, table=True):
    """One row per role a staff member holds; a person may hold several."""

    __tablename__ = "staff_role_grant"

    account_id: uuid.UUID = Field(foreign_key="account.id", primary_key=True, ondelete="CASCADE")
    role: StaffRole = Field(sa_type=TextEnum(StaffRole, 16), primary_key=True)
    granted_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())


class StaffInvite(SQLModel, table=True):
    """A one-time code for joining as staff in a role; only its digest is kept."""

    __tablename__ = "staff_invite"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    code_digest: str = Field(sa_type=sa.String(64), unique=True)
    role: StaffRole = Field(sa_type=TextEnum(StaffRole, 16))
    created_by: uuid.UUID | None = Field(
        default=None, foreign_key="account.id", ondelete="SET NULL", index=True
    )
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    expires_at: datetime = Field(sa_column=utc_column())
    used_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    used_by: uuid.UUID | None = Field(default=None, foreign_key="account.id", ondelete="SET NULL")
    revoked_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class DeviceSession(SQLModel, table=True):
    """A logged-in device. The bearer token itself is never stored, only its digest."""

    __tablename__ = "device_session"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    account_id: uuid.UUID = Field(foreign_key="account.id", ondelete="CASCADE", index=True)
    token_digest: str = Field(sa_type=sa.String(64), unique=True)
    device_label: str | None = Field(default=None, sa_type=sa.String(40))
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    last_used_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    expires_at: datetime = Field(sa_column=utc_column())


class LoginThrottle(SQLModel, table=True):
    """Failed attempts per handle. Keyed by a keyed hash, so typed handles are never stored."""

    __tablename__ = "login_throttle"

    key: str = Field(sa_type=sa.String(64), primary_key=True)
    failures: int = 0
    last_failure_at: datetime = Field(sa_column=utc_column())
    locked_until: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
