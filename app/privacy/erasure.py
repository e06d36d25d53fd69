"""Erasing an account: the person goes, and with them everything that says who they were.

The member chooses what happens to what they wrote in community rooms: deleted (a tombstone
on every device) or kept without their name ("former member"), because other people's
conversations may lean on it. Their 1:1 chats are erased, except a chat an open escalation
still holds: a professional may need it for the person's safety, so it stays, without a link
to the account, until the escalation closes (``conversations.release_held_chat``).
"""

from __future__ import annotations

from enum import StrEnum

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.chat.conversation import close_request
from app.chat.models import ChatRequest
from app.identity import service as identity
from app.identity.actor import AccountView
from app.identity.policy import IdentityPolicy
from app.messaging.models import Message, Withheld
from app.privacy import conversations
from app.rooms.models import Room, RoomKind
from app.sync.positions import mark_changed
from moderation.models import Flag, ModerationCase, TargetKind


class CommunityMessages(StrEnum):
    delete = "delete"
    keep = "keep"  # shown as written by a former member


class ErasureReceipt(BaseModel):
    """What erasing did, so that the app can say it plainly."""

    community_messages_deleted: int
    community_messages_kept: int
    chats_erased: int
    chats_held: int  # kept until an open escalation closes, then erased


async def erase_account(
    session: AsyncSession,
    account: AccountView,
    *,
    passphrase: str,
    community_messages: CommunityMessages,
    policy: IdentityPolicy,
) -> ErasureReceipt:
    """Erase the account in one unit of work: nothing is half gone if any step fails.
    Raises ``WrongPassphrase`` and the login throttle's errors before touching anything."""
    await identity.confirm_passphrase(session, account, passphrase, policy)
    deleted, kept = await _community_messages(session, account, community_messages)
    erased, held = await _chats(session, account)
    await _moderation_about(session, account)
    await identity.remove_account(session, account, policy)
    return ErasureReceipt(
        community_messages_deleted=deleted,
        community_messages_kept=kept,
        chats_erased=erased,
        chats_held=held,
    )


async def _community_messages(
    session: AsyncSession, account: AccountView, choice: CommunityMessages
) -> tuple[int, int]:
    messages = (
        await session.exec(
            select(Message)
            .join(Room, col(Room.id) == Message.room_id)
            .where(
                col(Message.author_id) == account.id,
                col(Room.kind) == RoomKind.community,
                col(Message.deleted_at).is_(None),
            )
            .with_for_update()
        )
    ).all()
    now, deleted, kept = clock.now(), 0, 0
    for message in messages:
        # a message held back before anyone saw it has no one left to post it
        if choice is CommunityMessages.delete or message.withheld is Withheld.held:
            conversations.tombstone(session, message, now)
            deleted += 1
        else:
            message.author_id = None
            message.version += 1
            session.add(message)
            mark_changed(session, message)  # every device shows "former member" from now on
            kept += 1
    await session.flush()
    return deleted, kept


async def _chats(session: AsyncSession, account: AccountView) -> tuple[int, int]:
    requests = (
        await session.exec(
            select(ChatRequest).where(col(ChatRequest.requester_id) == account.id).with_for_update()
        )
    ).all()
    erased = held = 0
    for request in requests:
        await close_request(session, request)
        if await conversations.held(session, request.id):
            request.requester_id = None
            request.erase_requested_at = clock.now()
            session.add(request)
            held += 1
        else:
            await conversations.erase_chat(session, request)
            erased += 1
    await session.flush()
    return erased, held


async def _moderation_about(session: AsyncSession, account: AccountView) -> None:
    """Cases and flags about the member themselves (not a message) name them by id only."""
    about = (col(ModerationCase.target_kind) == TargetKind.member) & (
        col(ModerationCase.target_id) == account.id
    )
    await session.exec(sa.delete(ModerationCase).where(about))
    await session.exec(
        sa.delete(Flag).where(
            col(Flag.target_kind) == TargetKind.member, col(Flag.target_id) == account.id
        )
    )
