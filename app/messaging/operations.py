"""The four things a client can do to a conversation: send, edit, delete, mark read.

Each returns a *result builder*: the result can only be written down once the stream has given
the change its position (at commit), so the outbox calls the builder then. Each raises a
domain error to reject the operation; the outbox turns that into a per-item rejection.

Each checks everything first and writes last (``check`` then ``do``, as in Zulip): a refusal
never leaves a half-done change behind, so no savepoint is needed per operation.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.errors import AppError
from app.identity.actor import AccountView, Actor
from app.messaging import errors, withholding
from app.messaging.models import Message, Withheld
from app.messaging.schemas import (
    ConfirmOperation,
    DeleteOperation,
    EditOperation,
    ReadOperation,
    SendOperation,
    message_public,
)
from app.messaging.text import clean_body
from app.rooms import errors as room_errors
from app.rooms.service import RoomAccess, advance_marker, may_write_now, require_member
from app.sync.positions import insert_changed, mark_changed
from moderation import errors as moderation_errors
from moderation import screening

ResultBuilder = Callable[[], Awaitable[dict[str, Any]]]


class AlreadyDone(Exception):
    """The operation's effect already exists (a send whose message is stored): report it as a
    duplicate with the stored result instead of writing again."""

    def __init__(self, build: ResultBuilder) -> None:
        self.build = build


def _message_result(message: Message, author: AccountView) -> ResultBuilder:
    async def build() -> dict[str, Any]:
        return {"message": message_public(message, author).model_dump(mode="json")}

    return build


_MESSAGES = Message.__table__  # type: ignore[attr-defined]
_OWNER = select(_MESSAGES.c.author_id, _MESSAGES.c.room_id).where(
    _MESSAGES.c.id == sa.bindparam("message_id")
)


async def _sent_before(
    session: AsyncSession, actor: Actor, room: RoomAccess, message_id: uuid.UUID
) -> None:
    """Raise ``AlreadyDone`` if this person already sent this message here, and
    ``MessageIdTaken`` if the id belongs to another message."""
    taken = (await session.exec(_OWNER, params={"message_id": message_id})).first()
    if taken is None:
        return
    if tuple(taken) == (actor.account_id, room.room_id):
        existing = await session.get(Message, message_id)
        assert existing is not None
        raise AlreadyDone(_message_result(existing, actor.account))
    raise errors.MessageIdTaken()


# A send's questions asked by its insert: may the author post in this room now?
_MAY_POST = may_write_now(
    sa.bindparam("room_id"), sa.bindparam("author_id"), sa.bindparam("created_at")
)


async def send(session: AsyncSession, actor: Actor, op: SendOperation) -> ResultBuilder:
    """Post a message. Raises ``RoomNotFound``, ``Removed``, ``RoomArchived``, ``Muted``,
    ``VisitOver``, the body refusals, ``ReplyNotFound``, ``MessageIdTaken`` and the free-space
    screening's refusals; ``AlreadyDone`` when this exact message exists. A message with
    contact details in a community room is stored held: only its author sees it until they
    confirm or edit it (``moderation.screening``).

    The usual send is one statement: the insert itself asks whether the author may post in
    the room and whether the id is free, and writes nothing otherwise (no window between
    question and write for a second instance either). Only a send that wrote nothing, or
    whose text needs a closer look, asks the questions one by one, to give the right answer."""
    body = clean_body(op.body)
    found = screening.scan(body)
    values = {
        "id": op.message_id,
        "room_id": op.room_id,
        "author_id": actor.account_id,
        "body": body,
        "reply_to_id": op.reply_to,
        "client_time": op.client_time,
    }
    if op.reply_to is None and found is None:
        message = await insert_changed(session, Message, values, only_if=_MAY_POST)
        if message is not None:
            await screening.after_post(session, actor, message)
            return _message_result(message, actor.account)
    room = await require_member(session, actor, op.room_id)
    try:
        room.require_writable()
        if op.reply_to is not None:
            replied = await session.get(Message, op.reply_to)
            if replied is None or replied.room_id != room.room_id:
                raise errors.ReplyNotFound()
        hold = await screening.screen(session, actor, room, body, found)
    except AppError:
        await _sent_before(session, actor, room, op.message_id)  # a resend is still a duplicate
        raise
    if hold:
        values.update(withholding.held_values(hold, fresh=True))
    message = await insert_changed(session, Message, values)
    if message is None:
        await _sent_before(session, actor, room, op.message_id)
        raise AssertionError("the insert found the id taken, the lookup did not")
    await screening.after_post(session, actor, message, room.kind)
    return _message_result(message, actor.account)


async def _own_message(
    session: AsyncSession, actor: Actor, message_id: Any
) -> tuple[Message, RoomAccess]:
    message = await session.get(Message, message_id)
    if message is None:
        raise errors.MessageNotFound()
    try:
        room = await require_member(session, actor, message.room_id)
    except room_errors.RoomNotFound as hidden:
        raise errors.MessageNotFound() from hidden
    if message.author_id != actor.account_id:
        raise errors.NotAuthor()
    return message, room


async def edit(session: AsyncSession, actor: Actor, op: EditOperation) -> ResultBuilder:
    """Change the text of one's own message, if nobody changed it since ``base_version``.

    Raises ``MessageNotFound``, ``NotAuthor``, ``MessageDeleted`` (delete wins over edit),
    ``EditConflict`` with the current version and message, the body refusals and the
    free-space screening's. An edit that adds contact details holds the message again; an
    edit of a held message that takes them out posts it; an edit of a message hidden by its
    flags resubmits it (``moderation.screening``).
    """
    body = clean_body(op.body)
    message, room = await _own_message(session, actor, op.message_id)
    if message.deleted_at is not None:
        raise errors.MessageDeleted()
    room.require_writable()
    if message.version != op.base_version:
        current = message_public(message, actor.account).model_dump(mode="json")
        raise errors.EditConflict(current_version=message.version, current=current)
    if body == message.body:
        return _message_result(message, actor.account)
    hold = await screening.screen(session, actor, room, body, screening.scan(body))
    message.body = body
    message.version += 1
    message.edited_at = clock.now()
    session.add(message)
    mark_changed(session, message)
    await screening.after_edit(session, actor, message, room, hold)
    return _message_result(message, actor.account)


async def delete(session: AsyncSession, actor: Actor, op: DeleteOperation) -> ResultBuilder:
    """Delete one's own message, leaving a tombstone that sync carries to every device.
    Deleting twice is fine. Raises ``MessageNotFound`` and ``NotAuthor``."""
    message, _ = await _own_message(session, actor, op.message_id)
    if message.deleted_at is None:
        message.body = None
        message.deleted_at = clock.now()
        message.version += 1
        session.add(message)
        mark_changed(session, message)
    return _message_result(message, actor.account)


async def confirm(session: AsyncSession, actor: Actor, op: ConfirmOperation) -> ResultBuilder:
    """Post a message of mine that was held for contact details, as it is: I was warned.
    Confirming again is fine. Raises ``MessageNotFound``, ``NotAuthor``, ``MessageDeleted``,
    the room's write refusals and ``NotHeld`` for a message moderation keeps from the room."""
    message, room = await _own_message(session, actor, op.message_id)
    if message.deleted_at is not None:
        raise errors.MessageDeleted()
    room.require_writable()
    if message.withheld is not None and message.withheld is not Withheld.held:
        raise moderation_errors.NotHeld()
    withholding.release(session, message)
    return _message_result(message, actor.account)


async def read(session: AsyncSession, actor: Actor, op: ReadOperation) -> ResultBuilder:
    """Move my read marker in a room forward to a message; never back.
    Raises ``RoomNotFound`` and ``MessageNotFound``."""
    await require_member(session, actor, op.room_id)
    message = await session.get(Message, op.up_to)
    if message is None or message.room_id != op.room_id:
        raise errors.MessageNotFound()
    # A message sent in this same batch has no place yet; one's own messages are never unread.
    marker = await advance_marker(session, op.room_id, actor.account_id, message.seq or 0)

    async def build() -> dict[str, Any]:
        return {
            "room_id": str(op.room_id),
            "up_to_seq": marker.up_to_seq,
            "unread": await unread_count(session, op.room_id, actor.account_id, marker.up_to_seq),
        }

    return build


async def unread_count(session: AsyncSession, room_id: Any, account_id: Any, up_to_seq: int) -> int:
    """Messages after the marker, not deleted or kept from the room, not one's own: the same
    on every device."""
    result = await session.exec(
        select(sa.func.count())
        .select_from(Message)
        .where(
            Message.room_id == room_id,
            col(Message.seq) > up_to_seq,
            col(Message.deleted_at).is_(None),
            col(Message.withheld).is_(None),
            sa.or_(col(Message.author_id).is_(None), Message.author_id != account_id),
        )
    )
    return int(result.one())


APPLY = {
    "send": send,
    "edit": edit,
    "delete": delete,
    "confirm": confirm,
    "read": read,
}
