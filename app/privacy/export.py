"""Everything the service holds about a person, as one JSON document they can download.

Read in one read-only unit of work, so the parts agree with each other. What other people
wrote is included only where it is part of the person's own conversation (their 1:1 chats),
and staff appear there as the young person saw them (role and display name). What the
volunteer privately noted about a chat (that it was heavy, a debrief) belongs to the volunteer,
not here.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.chat.models import ChatRequest
from app.escalation.models import ChatAccess, Consent, ConversationRead
from app.identity.actor import AccountView
from app.identity.models import Account, DeviceSession, StaffRoleGrant
from app.locations.models import Location
from app.messaging.models import Message
from app.messaging.schemas import AuthorPublic, author_public
from app.notices.models import Notice
from app.rooms.models import Room, RoomMember
from moderation.models import Appeal, CareTask, Flag, ModerationAction

P = TypeVar("P", bound=BaseModel)


class AccountPart(BaseModel):
    id: uuid.UUID
    handle: str
    kind: str
    age_band: str | None
    display_name: str | None
    created_at: datetime
    roles: list[str]


class DevicePart(BaseModel):
    device_label: str | None
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime


class MembershipPart(BaseModel):
    room_id: uuid.UUID
    room_name: str
    room_kind: str
    state: str
    joined_at: datetime
    left_at: datetime | None
    muted_until: datetime | None


class MessagePart(BaseModel):
    id: uuid.UUID
    room_id: uuid.UUID
    author: AuthorPublic
    body: str | None
    created_at: datetime
    edited_at: datetime | None
    deleted_at: datetime | None
    withheld: str | None


class ReadPart(BaseModel):
    """A staff member who read the chat without being in it (audited)."""

    reader_role: str
    reader_display_name: str
    how: str
    at: datetime


class ConsentPart(BaseModel):
    tier: str
    asked_at: datetime
    answer: str | None
    answered_at: datetime | None


class AccessPart(BaseModel):
    role: str
    basis: str
    justification: str | None
    granted_at: datetime
    ended_at: datetime | None


class ChatPart(BaseModel):
    id: uuid.UUID
    location: str
    state: str
    about: str
    theme: str | None
    created_at: datetime
    assigned_at: datetime | None
    closed_at: datetime | None
    messages: list[MessagePart]
    consents: list[ConsentPart]
    access: list[AccessPart]
    read_by_staff: list[ReadPart]


class NoticePart(BaseModel):
    code: str
    details: dict[str, Any]
    created_at: datetime


class FlagPart(BaseModel):
    room_id: uuid.UUID
    target_kind: str
    target_id: uuid.UUID
    reason: str
    outcome: str
    created_at: datetime


class ModerationPart(BaseModel):
    """A moderation step about the person or one of their messages."""

    room_id: uuid.UUID
    action: str
    rule: str | None
    reason: str | None
    until: datetime | None
    created_at: datetime


class AppealPart(BaseModel):
    room_id: uuid.UUID
    statement: str
    created_at: datetime
    decided_at: datetime | None
    outcome: str | None


class CarePart(BaseModel):
    """Someone on shift was asked to check in with the person (no reason is ever stored)."""

    room_id: uuid.UUID
    state: str
    created_at: datetime


class AccountExport(BaseModel):
    exported_at: datetime
    account: AccountPart
    devices: list[DevicePart]
    memberships: list[MembershipPart]
    messages: list[MessagePart]  # in community rooms
    chats: list[ChatPart]
    notices: list[NoticePart]
    flags: list[FlagPart]
    moderation: list[ModerationPart]
    appeals: list[AppealPart]
    care: list[CarePart]


async def export_account(session: AsyncSession, account: AccountView) -> AccountExport:
    roles = await session.exec(
        select(StaffRoleGrant.role).where(col(StaffRoleGrant.account_id) == account.id)
    )
    devices = await session.exec(
        select(DeviceSession)
        .where(col(DeviceSession.account_id) == account.id)
        .order_by(col(DeviceSession.created_at))
    )
    memberships = await session.exec(
        select(RoomMember, Room)
        .join(Room, col(Room.id) == RoomMember.room_id)
        .where(col(RoomMember.account_id) == account.id)
        .order_by(col(RoomMember.joined_at))
    )
    me = await session.get(Account, account.id)
    own = await session.exec(
        select(Message)
        .join(Room, col(Room.id) == Message.room_id)
        .where(col(Message.author_id) == account.id, col(Room.kind) == "community")
        .order_by(col(Message.created_at))
    )
    notices = await session.exec(
        select(Notice).where(col(Notice.account_id) == account.id).order_by(col(Notice.created_at))
    )
    flags = await session.exec(select(Flag).where(col(Flag.flagger_id) == account.id))
    steps = await session.exec(
        select(ModerationAction)
        .where(
            (col(ModerationAction.subject_id) == account.id)
            | col(ModerationAction.message_id).in_(
                select(Message.id).where(col(Message.author_id) == account.id)
            )
        )
        .order_by(col(ModerationAction.created_at))
    )
    appeals = await session.exec(select(Appeal).where(col(Appeal.appellant_id) == account.id))
    care = await session.exec(select(CareTask).where(col(CareTask.subject_id) == account.id))
    return AccountExport(
        exported_at=clock.now(),
        account=AccountPart(
            id=account.id,
            handle=account.handle,
            kind=account.kind.value,
            age_band=account.age_band.value if account.age_band else None,
            display_name=account.display_name,
            created_at=account.created_at,
            roles=sorted(str(role) for role in roles.all()),
        ),
        devices=_parts(DevicePart, devices.all()),
        memberships=[
            MembershipPart(
                room_id=room.id,
                room_name=room.name,
                room_kind=room.kind.value,
                state=member.state.value,
                joined_at=member.joined_at,
                left_at=member.left_at,
                muted_until=member.muted_until,
            )
            for member, room in memberships.all()
        ],
        messages=[_message(message, me) for message in own.all()],
        chats=await _chats(session, account),
        notices=[
            NoticePart(code=n.code, details=json.loads(n.details), created_at=n.created_at)
            for n in notices.all()
        ],
        flags=_parts(FlagPart, flags.all()),
        moderation=_parts(ModerationPart, steps.all()),
        appeals=_parts(AppealPart, appeals.all()),
        care=_parts(CarePart, care.all()),
    )


def _parts(part: type[P], rows: Iterable[Any]) -> list[P]:
    """The fields of ``part`` read off each row (enums as their values)."""
    return [part.model_validate(row, from_attributes=True) for row in rows]


def _message(message: Message, author: Account | None) -> MessagePart:
    return MessagePart(
        id=message.id,
        room_id=message.room_id,
        author=author_public(author),
        body=message.body,
        created_at=message.created_at,
        edited_at=message.edited_at,
        deleted_at=message.deleted_at,
        withheld=message.withheld.value if message.withheld else None,
    )


async def _chats(session: AsyncSession, account: AccountView) -> list[ChatPart]:
    requests = await session.exec(
        select(ChatRequest, Location)
        .join(Location, col(Location.id) == ChatRequest.location_id)
        .where(col(ChatRequest.requester_id) == account.id)
        .order_by(col(ChatRequest.created_at))
    )
    chats = []
    for request, location in requests.all():
        rows = await session.exec(
            select(Message, Account)
            .join(Account, col(Account.id) == Message.author_id, isouter=True)
            .where(col(Message.room_id) == request.room_id)
            .order_by(col(Message.seq))
        )
        consents = await session.exec(select(Consent).where(col(Consent.request_id) == request.id))
        access = await session.exec(
            select(ChatAccess).where(col(ChatAccess.request_id) == request.id)
        )
        reads = await session.exec(
            select(ConversationRead)
            .where(col(ConversationRead.request_id) == request.id)
            .order_by(col(ConversationRead.at))
        )
        chats.append(
            ChatPart(
                id=request.id,
                location=location.name,
                state=request.state.value,
                about=request.about.value,
                theme=request.theme.value if request.theme else None,
                created_at=request.created_at,
                assigned_at=request.assigned_at,
                closed_at=request.closed_at,
                messages=[_message(message, author) for message, author in rows.all()],
                consents=_parts(ConsentPart, consents.all()),
                access=_parts(AccessPart, access.all()),
                read_by_staff=_parts(ReadPart, reads.all()),
            )
        )
    return chats
