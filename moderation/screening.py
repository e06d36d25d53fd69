"""What every post and edit passes on its way into a room: the messaging domain asks here.

Three things, all cheap on the usual message (a few regular expressions, no query):

- anonymity protection: contact details in a community room hold the message for its author
  to confirm or edit; in a room for 12-17 year olds they are refused (``policy.screen_post``);
- links in an account's first day are refused (flood protection);
- a risk signal opens a private care task for the volunteers on shift. It never hides the
  message and never labels the person (``care``).

The same functions run for a message sent now and for one that waited in an offline outbox.
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.identity.actor import Actor
from app.identity.service import find_by_handle
from app.messaging import withholding
from app.messaging.models import Message, Withheld
from app.rooms.models import Room, RoomAgeBand, RoomKind
from app.rooms.service import RoomAccess
from moderation import care, policy, review, signals
from moderation.contacts import ContactKind, Scan
from moderation.contacts import scan as scan_contacts
from moderation.models import CareSource
from moderation.service_settings import moderation_settings


def scan(body: str) -> Scan | None:
    """What in a text needs a closer look (contact details, links); None for the usual
    message, which then takes the one-statement send."""
    found = scan_contacts(body)
    return found if found.contacts or found.links else None


async def screen(
    session: AsyncSession, actor: Actor, room: RoomAccess, text: str, found: Scan | None
) -> list[str]:
    """The contact details to hold a post for (empty: post it). Raises the free-space
    refusals of ``policy.screen_post``."""
    if found is None:
        return []
    found = await _without_mentions(session, text, found)
    author = policy.Author(peer=actor.is_member, account_age=clock.now() - actor.account.created_at)
    kinds = policy.screen_post(
        found,
        text,
        community=room.kind is RoomKind.community,
        teens_room=room.age_band is RoomAgeBand.young,
        author=author,
        link_wait=timedelta(hours=moderation_settings(session).link_wait_hours),
    )
    return [kind.value for kind in kinds]


async def _without_mentions(session: AsyncSession, text: str, found: Scan) -> Scan:
    """ "@sanne" names someone on this service, not an outside account: a mention of a handle
    here is no contact detail (the handle is the anonymous name everyone already sees)."""
    kept = []
    for finding in found.contacts:
        written = text[finding.start : finding.end]
        is_mention = finding.kind is ContactKind.social and written.startswith("@")
        if not (is_mention and await find_by_handle(session, written[1:]) is not None):
            kept.append(finding)
    return Scan(contacts=tuple(kept), links=found.links)


async def after_post(
    session: AsyncSession, actor: Actor, message: Message, kind: RoomKind | None = None
) -> None:
    """A risk signal in a young person's community post opens (or adds to) a care task."""
    if not actor.is_member or message.body is None:
        return
    signal = signals.detect(message.body)
    if signal is None:
        return
    if kind is None:
        room = await session.get(Room, message.room_id)
        kind = None if room is None else room.kind
    if kind is RoomKind.community:
        await care.open_task(
            session,
            room_id=message.room_id,
            subject_id=actor.account_id,
            message_id=message.id,
            source=CareSource.signal,
            acute=signal.acute,
        )


async def after_edit(
    session: AsyncSession, actor: Actor, message: Message, room: RoomAccess, hold: list[str]
) -> None:
    """An edit with contact details holds the message (again); one without gives a held
    message back to the room; an edit of a message hidden by flags or moderators resubmits
    it for review. The new text is read for risk like a new post."""
    if room.kind is RoomKind.community:
        if hold and message.withheld in (None, Withheld.held):
            withholding.hold(message, hold, fresh=withholding.is_fresh_hold(message))
        elif not hold and message.withheld is Withheld.held:
            withholding.release(session, message)
        elif message.withheld in (Withheld.pending_review, Withheld.hidden):
            await review.resubmitted(session, message)
    await after_post(session, actor, message, room.kind)
