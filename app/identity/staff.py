"""Staff: invites for a role, joining with one, holding several roles, the first admin.

Staff identities are real but separate from members: a staff account has a display name shown
to the people it helps, and roles; it never has an age band.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.identity import errors, sessions, tokens
from app.identity.actor import Actor
from app.identity.models import AccountKind, StaffInvite, StaffRole, StaffRoleGrant
from app.identity.policy import IdentityPolicy
from app.identity.service import SignedIn, create_account

#: Who may invite whom. Admins run the whole service; coordinators run a location or region
#: and bring in the people who work shifts, but not other managers.
INVITABLE_BY: dict[StaffRole, frozenset[StaffRole]] = {
    StaffRole.admin: frozenset(StaffRole),
    StaffRole.coordinator: frozenset(
        {StaffRole.volunteer, StaffRole.professional, StaffRole.psychiatrist}
    ),
}


def may_invite(actor: Actor, role: StaffRole) -> bool:
    return any(role in INVITABLE_BY.get(held, frozenset()) for held in actor.roles)


async def create_invite(
    session: AsyncSession,
    actor: Actor,
    *,
    role: StaffRole,
    expires_in_hours: int | None,
    policy: IdentityPolicy,
) -> tuple[StaffInvite, str]:
    """Issue a one-time code for ``role``; returns the invite and the code (shown once).

    Raises ``RoleRequired`` for non-managers and ``InviteRoleNotAllowed`` for a role the actor
    may not hand out.
    """
    actor.require_role(StaffRole.coordinator, StaffRole.admin)
    if not may_invite(actor, role):
        raise errors.InviteRoleNotAllowed(role=role.value)
    hours = min(expires_in_hours or policy.invite_default_hours, policy.invite_max_hours)
    code = tokens.new_invite_code()
    now = clock.now()
    invite = StaffInvite(
        code_digest=tokens.code_digest(code),
        role=role,
        created_by=actor.account_id,
        created_at=now,
        expires_at=now + timedelta(hours=hours),
    )
    session.add(invite)
    await session.flush()
    return invite, code


async def list_open_invites(session: AsyncSession, actor: Actor) -> Sequence[StaffInvite]:
    """Invites that can still be used, newest first."""
    actor.require_role(StaffRole.coordinator, StaffRole.admin)
    result = await session.exec(
        select(StaffInvite)
        .where(
            col(StaffInvite.used_at).is_(None),
            col(StaffInvite.revoked_at).is_(None),
            col(StaffInvite.expires_at) > clock.now(),
        )
        .order_by(col(StaffInvite.created_at).desc())
    )
    return result.all()


async def revoke_invite(session: AsyncSession, actor: Actor, invite_id: uuid.UUID) -> None:
    actor.require_role(StaffRole.coordinator, StaffRole.admin)
    invite = await session.get(StaffInvite, invite_id)
    if invite is None or invite.used_at is not None or not may_invite(actor, invite.role):
        raise errors.InviteNotFound()
    invite.revoked_at = invite.revoked_at or clock.now()
    session.add(invite)
    await session.flush()


async def _is_open(session: AsyncSession, code: str) -> bool:
    result = await session.exec(
        select(StaffInvite.id).where(
            StaffInvite.code_digest == tokens.code_digest(code),
            col(StaffInvite.used_at).is_(None),
            col(StaffInvite.revoked_at).is_(None),
            col(StaffInvite.expires_at) > clock.now(),
        )
    )
    return result.first() is not None


async def _redeem(session: AsyncSession, code: str, account_id: uuid.UUID) -> StaffRole:
    """Mark the invite used in one conditional UPDATE, so two redeemers cannot both win."""
    now = clock.now()
    digest = tokens.code_digest(code)
    role = (
        await session.exec(select(StaffInvite.role).where(StaffInvite.code_digest == digest))
    ).first()
    result = await session.exec(
        sa.update(StaffInvite)
        .where(
            col(StaffInvite.code_digest) == digest,
            col(StaffInvite.used_at).is_(None),
            col(StaffInvite.revoked_at).is_(None),
            col(StaffInvite.expires_at) > now,
        )
        .values(used_at=now, used_by=account_id)
    )
    if role is None or result.rowcount != 1:
        raise errors.InviteInvalid()
    return StaffRole(role)


async def join_with_invite(
    session: AsyncSession,
    *,
    invite_code: str,
    handle: str,
    passphrase: str,
    display_name: str,
    device_label: str | None,
    policy: IdentityPolicy,
) -> SignedIn:
    """Create a staff account holding the invite's role. Raises ``InviteInvalid`` for any
    unknown, used, revoked or expired code (checked first, so that nobody without a valid
    code can probe which handles exist), and the handle/passphrase refusals."""
    if not await _is_open(session, invite_code):
        raise errors.InviteInvalid()
    account, recovery_code = await create_account(
        session,
        kind=AccountKind.staff,
        handle=handle,
        passphrase=passphrase,
        display_name=display_name,
        policy=policy,
    )
    role = await _redeem(session, invite_code, account.id)
    session.add(StaffRoleGrant(account_id=account.id, role=role))
    await session.flush()
    device, token = await sessions.open_session(
        session, account, device_label=device_label, settings=policy.sessions
    )
    return SignedIn(account, device, token, roles=frozenset({role}), recovery_code=recovery_code)


async def add_role_with_invite(
    session: AsyncSession, actor: Actor, *, invite_code: str
) -> StaffRole:
    """A staff member takes on another role (a volunteer becoming coordinator, say)."""
    actor.require_staff()
    digest = tokens.code_digest(invite_code)
    pending = (
        await session.exec(select(StaffInvite.role).where(StaffInvite.code_digest == digest))
    ).first()
    if pending is not None and StaffRole(pending) in actor.roles:
        raise errors.RoleAlreadyHeld(role=StaffRole(pending).value)
    role = await _redeem(session, invite_code, actor.account_id)
    session.add(StaffRoleGrant(account_id=actor.account_id, role=role))
    await session.flush()
    return role


async def create_first_admin(
    session: AsyncSession,
    *,
    handle: str,
    passphrase: str,
    display_name: str,
    policy: IdentityPolicy,
) -> str:
    """Bootstrap the service from the command line; returns the admin's recovery code.

    Refused with ``AdminAlreadyExists`` once any admin exists: after that, admins invite.
    """
    existing = await session.exec(
        select(StaffRoleGrant).where(StaffRoleGrant.role == StaffRole.admin).limit(1)
    )
    if existing.first() is not None:
        raise errors.AdminAlreadyExists()
    account, recovery_code = await create_account(
        session,
        kind=AccountKind.staff,
        handle=handle,
        passphrase=passphrase,
        display_name=display_name,
        policy=policy,
    )
    session.add(StaffRoleGrant(account_id=account.id, role=StaffRole.admin))
    await session.flush()
    return recovery_code
