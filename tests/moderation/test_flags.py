"""Flags: members flag what hurts; weighed flags hide a message until the moderators look;
the author is told privately and may edit to resubmit; worry goes to the care path."""

from __future__ import annotations

import uuid

from tests.actors import People
from tests.devices import Device
from tests.moderation.conftest import Community


async def test_three_flags_hide_a_message_until_the_moderators_look(
    community: Community,
) -> None:
    message, _ = await community.post(community.writer, "jullie zijn allemaal sukkels")
    reader_phone = Device(community.client, community.readers[0])
    writer_phone = Device(community.client, community.writer)
    await reader_phone.sync()
    await writer_phone.sync()

    for reader in community.readers[:2]:
        await community.flag(reader, message_id=message, reason="hurtful")
    await reader_phone.sync()
    assert message in reader_phone.messages  # two flags weigh 2.0: below the threshold of 3

    await community.flag(community.readers[2], message_id=message, reason="hurtful")
    await reader_phone.sync()
    await writer_phone.sync()
    assert message not in reader_phone.messages
    assert reader_phone.tombstones[message] == "hidden"
    mine = writer_phone.messages[message]
    assert mine["body"] == "jullie zijn allemaal sukkels"
    assert mine["withheld"] == {
        "state": "pending_review",
        "reason": "flags",
        "details": {"reasons": ["hurtful"]},
    }
    [notice] = writer_phone.notices
    assert notice["code"] == "moderation.hidden_pending_review"
    assert notice["details"]["message_id"] == message
    assert notice["details"]["may_edit"] is True

    [case] = await community.queue(community.moderator)
    assert case["message"]["id"] == message
    assert case["reasons"] == {"hurtful": 3}
    assert case["score"] == 3.0
    entry, *_appointments = await community.log(community.readers[0])
    assert entry["action"] == "auto_hide"
    assert entry["by"] == {"kind": "service", "name": None}


async def test_a_reader_who_comes_online_later_gets_the_tombstone_not_the_text(
    community: Community,
) -> None:
    message, _ = await community.post(community.writer, "koop nu goedkope sneakers!!")
    away = Device(community.client, community.readers[0])
    await away.sync()
    for reader in community.readers:
        await community.flag(reader, message_id=message, reason="spam")

    first_sync = Device(community.client, community.readers[1])
    await first_sync.sync()
    await away.sync()
    assert message not in first_sync.messages
    assert message not in away.messages
    assert away.tombstones[message] == "hidden"
    history = await community.client.get(
        f"/rooms/{community.room}/messages", headers=community.readers[1].headers
    )
    [hidden] = [m for m in history.json()["messages"] if m["id"] == message]
    assert hidden["hidden"] is True
    assert hidden["body"] is None
    assert hidden["withheld"] is None  # why is the author's business


async def test_flagging_the_same_thing_twice_counts_once(community: Community) -> None:
    message, _ = await community.post(community.writer, "dit is echt stom")
    for _ in range(5):
        await community.flag(community.readers[0], message_id=message, reason="hurtful")
    await community.flag(community.readers[0], message_id=message, reason="spam")
    [case] = await community.queue(community.moderator)
    assert case["score"] == 1.0
    assert case["reasons"] == {"hurtful": 1}


async def test_flags_about_unknown_or_invisible_targets_get_the_same_answer(
    community: Community, people: People
) -> None:
    outsider = await people.member("buitenstaander")
    message, _ = await community.post(community.writer, "hoi allemaal")
    await community.flag(outsider, message_id=message, reason="hurtful")  # not in the room
    await community.flag(outsider, message_id=str(uuid.uuid4()), reason="spam")  # no such thing
    await community.flag(outsider, room_id=community.room, member="schrijver", reason="spam")
    await community.flag(
        community.readers[0], room_id=community.room, member="bestaat-niet", reason="spam"
    )
    await community.flag(community.writer, message_id=message, reason="hurtful")  # one's own
    assert await community.queue(community.moderator) == []


async def test_flags_from_fresh_accounts_weigh_less_so_they_cannot_hide_a_message_together(
    community: Community, people: People
) -> None:
    fresh = [await people.member(f"nieuw-{n}") for n in range(3)]
    for person in fresh:
        joined = await community.client.post(
            f"/rooms/{community.room}/join", headers=person.headers
        )
        assert joined.status_code == 200
    message, _ = await community.post(community.writer, "gewoon een mening")
    for person in fresh:
        await community.flag(person, message_id=message, reason="hurtful")
    [case] = await community.queue(community.moderator)
    assert case["score"] == 1.5  # three times 0.5: a first day weighs half
    assert case["message"]["withheld"] is None


async def test_someone_whose_flags_keep_being_dismissed_loses_weight(
    community: Community,
) -> None:
    grumpy = community.readers[0]
    for n in range(3):
        message, _ = await community.post(community.writer, f"leuke dag gehad {n}")
        await community.flag(grumpy, message_id=message, reason="hurtful")
        dismissed = await community.act(
            community.moderator,
            action="dismiss",
            message_id=message,
            rule="1",
            reason="Hier is niets mis mee.",
        )
        assert dismissed.status_code == 201, dismissed.text
    message, _ = await community.post(community.writer, "nog een leuke dag")
    await community.flag(grumpy, message_id=message, reason="hurtful")
    [case] = await community.queue(community.moderator)
    assert case["score"] == 0.175  # (0.5 + 1/5) x 0.25: three dismissed, none upheld


async def test_the_author_edits_a_hidden_message_and_it_comes_back_for_a_new_look(
    community: Community,
) -> None:
    writer_phone = Device(community.client, community.writer)
    message = writer_phone.send(community.room, "jij bent dom")
    await writer_phone.push()
    for reader in community.readers:
        await community.flag(reader, message_id=message, reason="hurtful")
    reader_phone = Device(community.client, community.readers[0])
    await reader_phone.sync()
    assert message not in reader_phone.messages

    writer_phone.edit(message, 1, "sorry, dat was niet aardig van me")
    [edited] = await writer_phone.push()
    assert edited["status"] == "applied"
    assert edited["result"]["message"]["withheld"] is None
    await reader_phone.sync()
    assert reader_phone.messages[message]["body"] == "sorry, dat was niet aardig van me"
    [case] = await community.queue(community.moderator)
    assert case["edited"] is True
    assert case["score"] == 0.0  # its flags must pass the threshold anew


async def test_worry_goes_to_the_care_path_never_to_the_review_queue(
    community: Community,
) -> None:
    message, _ = await community.post(community.writer, "ik ben er gewoon klaar mee")
    for reader in community.readers:
        await community.flag(reader, message_id=message, reason="worried")
    await community.flag(
        community.readers[0], room_id=community.room, member="schrijver", reason="worried"
    )
    assert await community.queue(community.moderator) == []
    reader_phone = Device(community.client, community.readers[1])
    await reader_phone.sync()
    assert message in reader_phone.messages  # never hidden
