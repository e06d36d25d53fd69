"""Many members flag the same message in the same moment, from several phones: one case,
every flag counted once, the message hidden once and its author told once."""

from __future__ import annotations

import asyncio

import pytest

from tests.actors import People
from tests.moderation.conftest import Community


@pytest.mark.postgres_only
async def test_flags_arriving_together_are_counted_once_each_and_hide_once(
    community: Community, people: People
) -> None:
    crowd = [await people.member(f"lezer-{n}") for n in range(6)]
    for person in crowd:
        joined = await community.client.post(
            f"/rooms/{community.room}/join", headers=person.headers
        )
        assert joined.status_code == 200
    community.tick()  # the crowd is new: each of their flags weighs 0.5
    message, _ = await community.post(community.writer, "wat een losers hier")
    everyone = [*community.readers, *crowd]
    await asyncio.gather(
        *(
            community.flag(person, message_id=message, reason="hurtful")
            for person in everyone
            for _twice in range(2)  # a double tap on a bad connection
        )
    )
    [case] = await community.queue(community.moderator)
    assert case["reasons"] == {"hurtful": len(everyone)}
    assert case["score"] == 3 * 1.0 + 6 * 0.5
    log = await community.log(community.readers[0])
    assert [entry["action"] for entry in log].count("auto_hide") == 1
