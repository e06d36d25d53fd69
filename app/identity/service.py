"""Accounts and credentials: register, log in, recover, change passphrase, delete.

Services flush, never commit; the caller's unit of work decides. None of this knows HTTP:
the routes, the CLI and later background jobs call the same functions.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.identity import actor_cache, errors, sessions, throttle, tokens
from app.identity.actor import AccountView, Actor, DeviceView
from app.identity.actor_cache import ActorCache
from app.identity.handles import check_handle, handle_key
from app.identity.models import (
    Account,
    AccountKind,
    AgeBand,
    DeviceSession,
    StaffRole,
    StaffRoleGrant,
)
from app.identity.passphrases import check_passphrase
from app.identity.policy import IdentityPolicy

DISPLAY_NAME_MIN, DISPLAY_NAME_MAX = 2, 60


@dataclass(frozen=True)
class SignedIn:
    """What a successful sign-in hands back; ``token`` and ``recovery_code`` are shown once."""

    account: Account
    device: DeviceSession
    token: str
    roles: frozenset[StaffRole] = frozenset()
    recovery_code: str | None = None


async def find_by_handle(session: AsyncSession, handle: str) -> Account | None:
    result = await session.exec(select(Account).where(Account.handle_key == handle_key(handle)))
    return result.first()


async def roles_of(session: AsyncSession, account_id: uuid.UUID) -> frozenset[StaffRole]:
    result = await session.exec(
        select(StaffRoleGrant.role).where(StaffRoleGrant.account_id == account_id)
    )
    return frozenset(StaffRole(role) for role in result.all())


async def actor_for_token(
    session: AsyncSession, token: str, policy: IdentityPolicy, *, slide: bool = True
) -> Actor:
    """Who is behind a bearer token (HTTP, WebSocket and tests alike), remembered for a few
    seconds (``actor_cache``). Raises ``SessionInvalid``; see ``sessions.resolve`` for
    ``slide``."""
    cache: ActorCache | None = session.info.get(actor_cache.INFO_KEY)
    digest = tokens.digest(token)
    if cache is not None and (known := cache.get(digest)) is not None:
        due = slide and sessions.slide_due(known.device, policy.sessions)
        if known.device.expires_at > clock.now() and not due:
            return known
    device, account = await sessions.resolve(session, digest, policy.sessions, slide=slide)
    roles = (
        await roles_of(session, account.id) if account.kind is AccountKind.staff else frozenset()
    )
    actor = Actor(account=account, device=device, roles=roles)
    if cache is not None:
        cache.put(digest, actor)
    return actor


def check_display_name(display_name: str) -> str:
    name = unicodedata.normalize("NFC", " ".join(display_name.split()))
    if not DISPLAY_NAME_MIN <= len(name) <= DISPLAY_NAME_MAX or any(
        unicodedata.category(ch).startswith("C") for ch in name
    ):
        raise errors.DisplayNameInvalid()
    return name


async def create_account(
    session: AsyncSession,
    *,
    kind: AccountKind,
    handle: str,
    passphrase: str,
    policy: IdentityPolicy,
    age_band: AgeBand | None = None,
    display_name: str | None = None,
) -> tuple[Account, str]:
    """Validate and insert an account; returns it with its first recovery code.

    Raises the handle and passphrase refusals of ``handles``/``passphrases`` and
    ``HandleTaken`` (also when another request takes the handle at the same moment).
    """
    shown_handle = check_handle(handle)
    check_passphrase(passphrase, handle=shown_handle)
    if display_name is not None:
        display_name = check_display_name(display_name)
    if await find_by_handle(session, shown_handle) is not None:
        raise errors.HandleTaken()
    recovery_code = tokens.new_recovery_code()
    account = Account(
        kind=kind,
        handle=shown_handle,
        handle_key=handle_key(shown_handle),
        age_band=age_band,
        display_name=display_name,
        passphrase_hash=await policy.hasher.hash(passphrase),
        recovery_code_hash=tokens.code_digest(recovery_code),
    )
    try:
        async with session.begin_nested():
            session.add(account)
    except IntegrityError as exc:
        raise errors.HandleTaken() from exc
    return account, recovery_code


async def register_member(
    session: AsyncSession,
    *,
    handle: str,
    passphrase: str,
    age_band: AgeBand,
    device_label: str | None,
    policy: IdentityPolicy,
) -> SignedIn:
    """A young person joins with a handle, a passphrase and an age band, nothing else."""
    account, recovery_code = await create_account(
        session,
        kind=AccountKind.member,
        handle=handle,
        passphrase=passphrase,
        age_band=age_band,
        policy=policy,
    )
    device, token = await sessions.open_session(
        session, account, device_label=device_label, settings=policy.sessions
    )
    return SignedIn(account, device, token, recovery_code=recovery_code)


async def verify_passphrase(
    session: AsyncSession,
    *,
    handle: str,
    passphrase: str,
    policy: IdentityPolicy,
    failure: type[errors.InvalidCredentials] | type[errors.WrongPassphrase],
) -> Account:
    """Check a passphrase under the per-handle throttle; re-hash when parameters changed.

    Raises ``LoginLocked``/``LoginThrottled`` before checking anything, then ``failure`` (whose
    ``keeps_writes`` makes the counted failure survive the failed request).
    """
    key = throttle.throttle_key(policy.secret_key, handle)
    await throttle.check(session, key, policy.throttle)
    account = await find_by_handle(session, handle)
    stored = account.passphrase_hash if account else None
    if account is None or not await policy.hasher.verify(stored, passphrase):
        await throttle.record_failure(session, key, policy.throttle)
        raise failure()
    await throttle.clear(session, key)
    if policy.hasher.needs_rehash(account.passphrase_hash):
        account.passphrase_hash = await policy.hasher.hash(passphrase)
        session.add(account)
    return account


async def login(
    session: AsyncSession,
    *,
    handle: str,
    passphrase: str,
    device_label: str | None,
    policy: IdentityPolicy,
) -> SignedIn:
    """Open a session for a new device. Unknown handle and wrong passphrase answer alike."""
    account = await verify_passphrase(
        session,
        handle=handle,
        passphrase=passphrase,
        policy=policy,
        failure=errors.InvalidCredentials,
    )
    device, token = await sessions.open_session(
        session, account, device_label=device_label, settings=policy.sessions
    )
    return SignedIn(account, device, token, roles=await roles_of(session, account.id))


async def recover(
    session: AsyncSession,
    *,
    handle: str,
    recovery_code: str,
    new_passphrase: str,
    device_label: str | None,
    policy: IdentityPolicy,
) -> SignedIn:
    """Set a new passphrase with the recovery code, on a new device.

    The used code is replaced by a new one (returned once) and every other device is logged
    out: whoever has the old phone should not keep access. Throttled like a login.
    """
    key = throttle.throttle_key(policy.secret_key, handle)
    await throttle.check(session, key, policy.throttle)
    account = await find_by_handle(session, handle)
    expected = account.recovery_code_hash if account else tokens.code_digest("no-such-code")
    if account is None or not tokens.matches(expected, tokens.normalise_code(recovery_code)):
        await throttle.record_failure(session, key, policy.throttle)
        raise errors.InvalidRecoveryCode()
    check_passphrase(new_passphrase, handle=account.handle)
    await throttle.clear(session, key)
    new_code = tokens.new_recovery_code()
    account.passphrase_hash = await policy.hasher.hash(new_passphrase)
    account.recovery_code_hash = tokens.code_digest(new_code)
    session.add(account)
    await sessions.revoke_all(session, account.id)
    device, token = await sessions.open_session(
        session, account, device_label=device_label, settings=policy.sessions
    )
    roles = await roles_of(session, account.id)
    return SignedIn(account, device, token, roles=roles, recovery_code=new_code)


async def change_passphrase(
    session: AsyncSession,
    account: AccountView,
    *,
    current_device: DeviceView,
    current_passphrase: str,
    new_passphrase: str,
    policy: IdentityPolicy,
) -> None:
    """Replace the passphrase; other devices are logged out, this one stays in."""
    await confirm_passphrase(session, account, current_passphrase, policy)
    check_passphrase(new_passphrase, handle=account.handle)
    new_hash = await policy.hasher.hash(new_passphrase)
    await session.exec(
        sa.update(Account).where(col(Account.id) == account.id).values(passphrase_hash=new_hash)
    )
    await sessions.revoke_all(session, account.id, keep=current_device.id)


async def confirm_passphrase(
    session: AsyncSession, account: AccountView, passphrase: str, policy: IdentityPolicy
) -> None:
    """Ask for the passphrase once more before something that cannot be undone: a phone left
    unlocked must not be enough. Raises ``WrongPassphrase`` (and the login throttle's errors)."""
    await verify_passphrase(
        session,
        handle=account.handle,
        passphrase=passphrase,
        policy=policy,
        failure=errors.WrongPassphrase,
    )


async def remove_account(
    session: AsyncSession, account: AccountView, policy: IdentityPolicy
) -> None:
    """Remove the account and, through the foreign keys, everything that only belongs to it
    (sessions, role grants, memberships, notices, ...). What happens to content is
    ``app.privacy.erasure``'s to decide, before this."""
    await session.exec(sa.delete(Account).where(col(Account.id) == account.id))
    await throttle.clear(session, throttle.throttle_key(policy.secret_key, account.handle))
